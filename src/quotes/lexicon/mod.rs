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
    // Reported speech (reported/, cues.rs).
    /// Auxiliaries and modals: a clause holding one has a finite verb of its own.
    AUXILIARIES = "auxiliaries.txt";
    /// Words before which a forward reported clause may end (`… in a ruling`, `… and vowed`).
    CONTENT_END_OPENERS = "content_end_openers.txt";
    /// Words opening a time or place phrase between a cue and its clause (`said on Tuesday that`).
    ADJUNCT_OPENERS = "adjunct_openers.txt";
    /// Words between a conjunction and the cue of a second report (`and has since said`).
    SECOND_CUE_FILLERS = "second_cue_fillers.txt";
    /// Conjunctions joining two reports side by side (`X promised … and said …`).
    REPORT_CONJUNCTIONS = "report_conjunctions.txt";
    /// Prepositions and conjunctions before a gerund cue sharing its subject (`by promising`).
    GERUND_OPENERS = "gerund_openers.txt";
    /// Words opening an introductory phrase that reports nothing (`In July,`, `Like the president,`).
    SCENE_OPENERS = "scene_openers.txt";
    /// Prepositions joining a closing source to its complement (`a spokesman for the operator`).
    SOURCE_JOINERS = "source_joiners.txt";
    /// Words between a closing source and its cue (`…, the minister also said`).
    CLOSING_CUE_FILLERS = "closing_cue_fillers.txt";
    /// Days named relative to today (`today`, `yesterday`, `tonight`).
    RELATIVE_DAYS = "relative_days.txt";
    /// Adverbs inside a progressive before a gerund cue (`is already claiming`).
    PROGRESSIVE_ADVERBS = "progressive_adverbs.txt";
    /// Forms of `be` that make a gerund after them a progressive (`is suggesting`).
    BE_FORMS = "be_forms.txt";
    /// Words opening a time phrase after a cue (`for weeks`, `last month`).
    TIME_PHRASE_OPENERS = "time_phrase_openers.txt";
    /// Words inside a time phrase before its noun (`in recent days`, `over the past two weeks`).
    TIME_PHRASE_WORDS = "time_phrase_words.txt";
    /// Nouns of a stretch of time ending a time phrase (`weeks`, `month`, `morning`).
    TIME_NOUNS = "time_nouns.txt";
    /// Words that after a comma open another clause (`which`, `while`, `according`).
    CLAUSE_BREAKERS = "clause_breakers.txt";
    /// One-word answers that are all that was said (`yes`, `no`).
    ONE_WORD_ANSWERS = "one_word_answers.txt";
    /// Plural nouns naming a hearer on their own (`told reporters`, `told MPs`).
    HEARER_NOUNS = "hearer_nouns.txt";
    /// Particles joining a cue before a noun phrase (`talked of`, `called for`).
    CUE_PARTICLES = "cue_particles.txt";
    /// Words after a cue opening a phrase that says where, when or to whom, not what.
    NOT_CONTENT_OPENERS = "not_content_openers.txt";
    /// Subordinators opening a reported clause when a subject follows (`said when the …`).
    CLAUSE_OPENERS = "clause_openers.txt";
    /// Words opening a subordinate or relative clause before its subject (`While X said …`).
    SUBORDINATORS = "subordinators.txt";
    /// Words in an annotated cue span before its head (`has said`): read by the training script
    /// (`scripts/train_reported.py`) only, listed here so that the file is checked.
    #[allow(dead_code)]
    CUE_SPAN_FILLERS = "cue_span_fillers.txt";
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
