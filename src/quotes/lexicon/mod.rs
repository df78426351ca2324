//! Every hand-written word list of the quotation code, one file a concept, compiled in.
//!
//! A list is a text file beside this one: one entry a line (lower case unless the concept is
//! about case), blank lines and lines opening with `#` skipped. A file holds one concept, and a
//! concept lives in one file: a word is changed in one place, and the training scripts read the
//! same files (`scripts/lexicon.py`). Tables with columns are `.tsv` files read by the module
//! that owns the concept. A list here is only data; what a rule makes of it is said where the
//! rule is.

use super::words::WordSet;

/// Declares each list as a `pub(crate) static` [`WordSet`] read from its file, and [`ALL`] with
/// every list's name and set (for the tests that check the files).
macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $name: WordSet = WordSet::lines(include_str!($file));
        )*
        /// Every list: its file name and its set.
        #[cfg(test)]
        pub(crate) static ALL: &[(&str, &WordSet)] = &[$(($file, &$name)),*];
    };
}

lists! {
    /// Words after which a full stop does not end the sentence (`Mr.`, `Calif.`, `e.g.`),
    /// without their final stop.
    ABBREVIATIONS = "abbreviations.txt";
    /// The articles (`the`, `a`, `an`).
    ARTICLES = "articles.txt";
    /// Pronouns that can be the subject of a verb of saying.
    SUBJECT_PRONOUNS = "subject_pronouns.txt";
    // Direct quotations: the speaker rules and the quote kinds.
    /// Verbs of saying news mostly uses as nouns (`email`, `comment`).
    NOUN_LIKE_CUES = "noun_like_cues.txt";
    /// Quantifiers before a plural noun (`many claims`).
    PLURAL_QUANTIFIERS = "plural_quantifiers.txt";
    /// Words after which a verb of saying's base form is a verb (`to`, `will`, `did`).
    VERB_OPENERS = "verb_openers.txt";
    /// Words opening a new clause after a quote (`and`, `but`, `when`).
    CLAUSE_LINKS = "clause_links.txt";
    /// Conjunctions opening a subordinate clause (`after`, `when`, `although`).
    SUBORDINATORS = "subordinators.txt";
    /// Conjunctions of contrast opening a clause inside a sentence (`while`, `whereas`).
    CONTRAST_CONJUNCTIONS = "contrast_conjunctions.txt";
    /// Words separating the clauses of two verbs of saying (`and`, `because`).
    CLAUSE_BOUNDARIES = "clause_boundaries.txt";
    /// Prepositions (`to`, `for`, `with`).
    PREPOSITIONS = "prepositions.txt";
    /// Words opening a noun phrase after which a verb of saying is a noun (`his`, `the`).
    NOUN_DETERMINERS = "noun_determiners.txt";
    /// Endings of adjectives (`-ic`, `-ous`): suffixes, not words.
    ADJECTIVE_SUFFIXES = "adjective_suffixes.txt";
    /// Past forms of verbs of saying without -ed (`said`, `told`).
    IRREGULAR_PASTS = "irregular_pasts.txt";
    /// Participles of verbs of saying without -ed (`told`, `written`).
    IRREGULAR_PARTICIPLES = "irregular_participles.txt";
    /// Adverbs between a form of be and a participle (`also`, `widely`).
    PASSIVE_ADVERBS = "passive_adverbs.txt";
    /// The forms of be.
    FORMS_OF_BE = "forms_of_be.txt";
    /// Words skipped between a subject and its verb (`also`, `has`, `last`).
    BEFORE_VERB_FILLERS = "before_verb_fillers.txt";
    /// Words that may follow a closing attribution's verb (`in`, `monday`, `today`).
    ATTRIBUTION_TAILS = "attribution_tails.txt";
    /// Possessive pronouns of people (`his`, `her`, `their`).
    PERSONAL_POSSESSIVES = "personal_possessives.txt";
    /// First words of a subject trusted with a verb outside the lexicon (`he`, `the`).
    SUBJECT_OPENERS = "subject_openers.txt";
    /// Words joining quotes listed together (`and`, `or`).
    LIST_CONJUNCTIONS = "list_conjunctions.txt";
    /// Prepositions before a gerund cue whose subject is the nearest name (`for`, `of`).
    GERUND_PREPOSITIONS = "gerund_prepositions.txt";
    /// Words before a quote announcing a name or a title (`slogan`, `dubbed`).
    NAMING_WORDS = "naming_words.txt";
    /// Nouns after a quote showing it is a name or label (`movement`, `hat`).
    NAMED_THINGS = "named_things.txt";
    /// Participles before `as` introducing a name (`known as`).
    NAMING_PARTICIPLES = "naming_participles.txt";
    /// Words a title in title case leaves in lower case (`of`, `the`), as written.
    TITLE_SMALL_WORDS = "title_small_words.txt";
    /// Determiners before a title in title case (`the`, `his`, `that`).
    TITLE_DETERMINERS = "title_determiners.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_clean_and_has_no_repeated_entry() {
        for (file, set) in ALL {
            let words = set.words();
            assert!(!words.is_empty(), "{file} is empty");
            let mut seen = std::collections::HashSet::new();
            for w in &words {
                assert!(seen.insert(*w), "{file} lists {w:?} twice");
                assert_eq!(w.trim(), *w, "{file}: {w:?} has spaces at an end");
                assert!(set.contains(w), "{file}: {w:?} is not found in its own set");
            }
        }
    }
}
