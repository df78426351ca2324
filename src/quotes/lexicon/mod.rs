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
    /// Abbreviations a full stop after which never ends a sentence (`Mr.`, `St.`, `vs.`).
    ABBREVIATIONS_BEFORE_A_WORD = "abbreviations_before_a_word.txt";
    /// Abbreviations a full stop after which does not end the sentence before a number (`the
    /// No. 2 Republican`).
    ABBREVIATIONS_BEFORE_A_NUMBER = "abbreviations_before_a_number.txt";
    /// Capitalised words that mostly open sentences (`He`, `The`, `But`), as written.
    SENTENCE_OPENERS = "sentence_openers.txt";
    /// Determiners that open a noun phrase (`the`, `a`, `his`, `two`).
    DETERMINERS = "determiners.txt";
    /// The articles `the`, `a` and `an`: a phrase opening with one is a description, not a
    /// name.
    ARTICLES = "articles.txt";
    /// Subject pronouns: a mention that is one of them is a pronoun (`he`, `they`).
    SUBJECT_PRONOUNS = "subject_pronouns.txt";
    /// Subject pronouns that do not stand for a speaker named earlier in the sentence (`it`,
    /// `you`).
    PRONOUNS_NOT_OF_A_SPEAKER = "pronouns_not_of_a_speaker.txt";
    /// Relative pronouns that may stand for the speaker, resolved to the phrase they follow
    /// (`said one Democrat, who added`).
    RELATIVE_PRONOUNS = "relative_pronouns.txt";
    /// Auxiliaries contracted onto the word before them, after the apostrophe (`who’d`,
    /// `I've`).
    AUXILIARY_CONTRACTIONS = "auxiliary_contractions.txt";
    /// Prepositions before a gerund cue that reports a second time, beside the report before it
    /// (`answered a question by focusing on …`).
    GERUND_ADJUNCT_OPENERS = "gerund_adjunct_openers.txt";
    /// Words opening an infinitive or a that-clause inside a report, whose verb a later gerund
    /// may go with.
    INNER_CLAUSE_OPENERS = "inner_clause_openers.txt";
    /// Pronouns that refer to a man (`he`, `his`).
    MALE_PRONOUNS = "male_pronouns.txt";
    /// Pronouns that refer to a woman (`she`, `her`).
    FEMALE_PRONOUNS = "female_pronouns.txt";
    /// Last words that make a capitalised name an organisation (`Fund`, `Council`, `Times`).
    ORGANISATION_HEADS = "organisation_heads.txt";
    /// Pronouns that may stand for an organisation the article named (`it`, `they`).
    ORGANISATION_PRONOUNS = "organisation_pronouns.txt";
    /// Contractions that make a word a clause (`n't`, `'re`), with a straight apostrophe.
    CLAUSE_CONTRACTIONS = "clause_contractions.txt";
    /// Words that `’s` after makes a clause, not a possessive (`It’s`, `There’s`).
    HOSTS_OF_IS = "hosts_of_is.txt";
    /// Verbs after a name that make a closing paragraph an author's note (`… is a nurse`).
    AUTHOR_NOTE_VERBS = "author_note_verbs.txt";
    /// Nouns that head a time phrase, beyond the units of time (`the past`, `the future`).
    TIME_PHRASE_HEADS = "time_phrase_heads.txt";
    /// Prepositions that join a person to the body they belong to (`of`, `at`, `from`).
    AFFILIATION_PREPOSITIONS = "affiliation_prepositions.txt";
    /// The indefinite articles (`a`, `an`): a description opening with one introduces somebody.
    INDEFINITE_ARTICLES = "indefinite_articles.txt";
    /// Nouns that introduce an unnamed person a later `the …` takes up (`a spokesman`).
    INTRODUCED_PEOPLE_NOUNS = "introduced_people_nouns.txt";
    /// First-person singular pronouns (`I`, `my`): the writer of the piece.
    FIRST_PERSON_SINGULAR = "first_person_singular.txt";
    /// First names of men, learned from the training data by `scripts/train_first_names.py`.
    MALE_FIRST_NAMES = "male_first_names.txt";
    /// First names of women, learned from the training data by `scripts/train_first_names.py`.
    FEMALE_FIRST_NAMES = "female_first_names.txt";
    /// Titles, honorifics and office words that stand before a name (`Mr`, `Sen`, `Prime`,
    /// `Minister`), without their full stop.
    TITLES = "titles.txt";
    /// Titles that are honorifics, not offices: they never name a role (`Mr`, `Dr`, `former`).
    HONORIFICS = "honorifics.txt";
    /// Titles that make the person they name a man (`Mr`, `Sir`).
    MALE_TITLES = "male_titles.txt";
    /// Titles that make the person they name a woman (`Mrs`, `Dame`).
    FEMALE_TITLES = "female_titles.txt";
    /// Nouns that name a man or a boy (`father`, `son`): the gender of a description.
    MALE_PERSON_NOUNS = "male_person_nouns.txt";
    /// Nouns that name a woman or a girl (`mother`, `daughter`): the gender of a description.
    FEMALE_PERSON_NOUNS = "female_person_nouns.txt";
    /// Titles after which a single name is a first name (knights and dames: `Sir Keir`, `Dame
    /// Judi`).
    FIRST_NAME_TITLES = "first_name_titles.txt";
    /// Words that may stand inside a definite office phrase before the office itself (`the US
    /// president`, `the former prime minister`).
    OFFICE_MODIFIERS = "office_modifiers.txt";
    /// Office nouns that, ending a capitalised run, make it an office rather than a name (`The
    /// Transport Secretary`).
    OFFICE_HEADS = "office_heads.txt";
    /// Lower-case nouns that name a role (`spokesman`, `aide`, `minister`), kept apart from
    /// verbs in a phrase.
    ROLE_NOUNS = "role_nouns.txt";
    /// Roles held on behalf of somebody else, whose name follows `for` or `to` (`spokesman
    /// for`, `aide to`).
    ROLES_ON_BEHALF = "roles_on_behalf.txt";
    /// Prepositions after a role held on behalf of somebody (`spokesman for`, `aide to`).
    ON_BEHALF_PREPOSITIONS = "on_behalf_prepositions.txt";
    /// Nouns that name a person by family or membership, heads of `X of Y` mentions (`the
    /// mother of three`, `a member of the board`).
    KIN_AND_MEMBER_NOUNS = "kin_and_member_nouns.txt";
    /// Function words (prepositions, conjunctions, auxiliaries, `said`) that cannot be part of
    /// a noun phrase and end one read backwards.
    FUNCTION_WORDS = "function_words.txt";
    /// Adverbs, auxiliaries and reflexives that may stand between a subject and its verb of
    /// saying (`he also said`, `Smith has said`).
    BETWEEN_SUBJECT_AND_VERB = "between_subject_and_verb.txt";
    /// Words besides day names that may stand between a cue and its speaker (`said later X`,
    /// `said tonight X`).
    BETWEEN_CUE_AND_SPEAKER = "between_cue_and_speaker.txt";
    /// Prepositions whose phrase with one lower-case word is an adverb between a subject and
    /// its verb (`in fact`, `at times`, `in part`).
    ADVERBIAL_PREPOSITIONS = "adverbial_prepositions.txt";
    /// Weekdays, `today` and `yesterday`: the day words news puts between a cue and its speaker
    /// (`said Sunday`).
    DAY_NAMES = "day_names.txt";
    /// Times of day and the week that, like a day name, may stand between a subject and its
    /// verb (`Trump tonight said`).
    TIMES_OF_DAY = "times_of_day.txt";
    /// Words that put a day before a verb of saying (`on Friday`, `last Friday`, `this
    /// Friday`).
    BEFORE_A_DAY = "before_a_day.txt";
    /// Words that make a time noun a time phrase before a verb (`last month`, `this week`).
    BEFORE_A_TIME_NOUN = "before_a_time_noun.txt";
    /// Prepositions opening an adjunct between a subject and its verb (`Clinton in a statement
    /// said`).
    ADJUNCT_PREPOSITIONS = "adjunct_prepositions.txt";
    /// Adjectives and participles with their preposition that follow a noun naming a person
    /// (`A source close to Cruz`, `people familiar with the talks`), as `word preposition`.
    POSTMODIFIERS = "postmodifiers.txt";
    /// Words opening a list of examples set off by commas after a subject (`Several parents,
    /// including Ms. Ortiz, said`).
    EXAMPLE_OPENERS = "example_openers.txt";
    /// Numbers written as words (`one`, `ten`), as in a proportion (`one in five`).
    NUMBER_WORDS = "number_words.txt";
    /// Words that may open a proportion before its first number (`About 4 in 10 say`).
    BEFORE_A_PROPORTION = "before_a_proportion.txt";
    /// Adverbs set off by commas between a cue and its clause (`He said, however, that …`).
    PARENTHETICAL_ADVERBS = "parenthetical_adverbs.txt";
    /// Two-word quantity phrases that open a clause's subject (`said at least six …`), as
    /// `word word`.
    QUANTITY_OPENERS = "quantity_openers.txt";
    /// Prepositions that put a year before a verb of saying (`who in 2010 said`).
    BEFORE_A_YEAR = "before_a_year.txt";
    /// Units of time that open a time phrase before a comma (`Hours later, …`).
    TIME_UNITS = "time_units.txt";
    /// Words that, capitalised, are never part of a name: days, months, sentence openers,
    /// prepositions.
    NOT_NAMES = "not_names.txt";
    /// Words that make a capitalised run an organisation or a place, not a person (`White
    /// House`, `New York Post`).
    NOT_PERSON_WORDS = "not_person_words.txt";
    /// Lower-case particles inside a name (`Charles de Gaulle`, `Ursula von der Leyen`).
    NAME_PARTICLES = "name_particles.txt";
    /// Quantifiers that, standing alone as subject or object, name some people (`another said`,
    /// `said one`).
    LONE_QUANTIFIERS = "lone_quantifiers.txt";
    /// Words after which a lone quantifier is a subject (`Yet another said`, `but most said`).
    BEFORE_A_LONE_QUANTIFIER = "before_a_lone_quantifier.txt";
    /// Quantifiers whose `of` phrase names a group of speakers (`one of two witnesses`, `some
    /// of the protesters`).
    PARTITIVE_QUANTIFIERS = "partitive_quantifiers.txt";
    /// Nouns naming a share of a group before its `of` phrase (`percent`, `majority`).
    GROUP_SHARES = "group_shares.txt";
    /// Adverbs focusing the phrase after them, no part of it (`only`, `just`).
    FOCUS_ADVERBS = "focus_adverbs.txt";
    /// Words ending in `-ing` that are nouns, not participles (`king`).
    NOT_PARTICIPLES = "not_participles.txt";
    /// Adverbs that cannot end a noun phrase, though they end in no `-ly` (`almost`, `never`).
    NOT_PHRASE_HEADS = "not_phrase_heads.txt";
    /// Coordinating conjunctions (`and`, `but`, `or`).
    COORDINATING_CONJUNCTIONS = "coordinating_conjunctions.txt";
    /// Conjunctions and adverbs that open a sentence before its subject (`But Sen. Durbin
    /// said`), not an introductory phrase.
    SENTENCE_LINKERS = "sentence_linkers.txt";
    /// States and provinces written after a town and a comma (`Aspen, Colo.,`), as the words
    /// between the commas read without full stops.
    REGION_NAMES = "region_names.txt";
    /// Linking adverbs without `-ly` that open a sentence before a comma (`Moreover, …`,
    /// `Still, …`).
    LINKING_ADVERBS = "linking_adverbs.txt";
    /// The forms of `say` that end a role phrase before an apposed name (`said`, `says`),
    /// capitalised or not.
    FORMS_OF_SAY = "forms_of_say.txt";
    /// Prepositions of place and movement after a participle (`Protesters marching through the
    /// streets chanted`).
    PLACE_PREPOSITIONS = "place_prepositions.txt";
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
    /// Words besides the subordinators that open an aside inside a reported clause (`which`,
    /// `according`, `despite`).
    ASIDE_OPENERS = "aside_openers.txt";
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
    /// Participles of a view or feeling, whose subject after be holds it (`concerned`, `convinced`).
    STANCE_PARTICIPLES = "stance_participles.txt";
    /// Verbs whose subject receives or provokes what the noun after them names (`faced
    /// questions about`, `drew criticism for`).
    RECEIVING_VERBS = "receiving_verbs.txt";
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
    /// Nouns naming a poll, which `in` makes a source (`In a CNN poll, …`).
    POLL_NOUNS = "poll_nouns.txt";
    /// Verbs whose subject belongs to what they report (`the senator seems to be slipping`).
    RAISING_VERBS = "raising_verbs.txt";
    /// Words a seeming's subject does not reach back over (`that`, `because`, `and`).
    SEEMING_SUBJECT_STOPS = "seeming_subject_stops.txt";
    /// Words labelling a paragraph before a colon without naming a speaker (`Editor's note:`).
    COLON_LABELS = "colon_labels.txt";
    /// Words opening the question put to a source after `asked` (`whether`, `about`).
    QUESTION_OPENERS = "question_openers.txt";
    /// Relative words that open a clause before its subject (`which`, `whom`, `where`).
    RELATIVE_OPENERS = "relative_openers.txt";
    /// Words in an annotated cue span before its head (`has said`): read by the training script
    /// (`scripts/train_reported.py`) only, listed here so that the file is checked.
    #[allow(dead_code)]
    CUE_SPAN_FILLERS = "cue_span_fillers.txt";
    /// Cue heads of a thought, belief or feeling (`believe`, `fears`, `expected`): the speech
    /// act `thought` (`acts.rs`).
    THOUGHT_CUES = "thought_cues.txt";
    /// Cue heads of an intention, plan or wish (`plans`, `wants`, `sought`): the speech act
    /// `intention`.
    INTENTION_CUES = "intention_cues.txt";
    /// Cue heads of what evidence shows (`show`, `found`): the speech act `evidence`.
    EVIDENCE_CUES = "evidence_cues.txt";
    /// Cue heads that report evidence when their source is data (`suggests`, `according`).
    EVIDENCE_CUES_OF_DATA = "evidence_cues_of_data.txt";
    /// Last words of a source that is data, not somebody (`figures`, `study`, `polls`).
    EVIDENCE_SOURCES = "evidence_sources.txt";
    /// Cue heads of a refusal to speak (`declined`, `refused`): the speech act `refusal`.
    REFUSAL_CUES = "refusal_cues.txt";
    /// Cue heads of a reaction shown, not words (`cheered`, `booed`, `shrugged`): the speech
    /// act `reaction`.
    REACTION_CUES = "reaction_cues.txt";
    /// Words that negate a verb of saying after them (`not`, `never`): a refusal.
    NEGATIONS = "negations.txt";
    /// Words that negate a verb of saying after `to` (`yet`, `failed`, `unable`): a refusal.
    NEGATIONS_BEFORE_TO = "negations_before_to.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_answers_as_a_plain_set_would() {
        // Every word of the bundled articles, in its case and in others, against every list:
        // the sets' quick rejections (by length and first byte) must never reject a member.
        let text = crate::quotes::EXAMPLE_ARTICLES.concat();
        let mut words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || ",.;:!?()“”\"".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        words.extend(words.clone().iter().map(|w| w.to_uppercase()));
        words.extend(
            [
                "",
                "x",
                "É",
                "élan",
                "’s",
                "a-very-long-word-that-no-list-holds-at-all",
            ]
            .map(String::from),
        );
        for (file, set) in ALL {
            let plain: std::collections::HashSet<&str> = set.words().into_iter().collect();
            for w in words.iter().chain(
                plain
                    .iter()
                    .map(|w| w.to_string())
                    .collect::<Vec<_>>()
                    .iter(),
            ) {
                assert_eq!(set.contains(w), plain.contains(w.as_str()), "{file}: {w:?}");
                let lowered = w.to_lowercase();
                assert_eq!(
                    set.contains_lowercase(w),
                    plain.contains(lowered.as_str()),
                    "{file}: lower case of {w:?}"
                );
            }
        }
    }

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
