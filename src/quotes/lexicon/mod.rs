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
    /// Capitalised words that mostly open sentences (`He`, `The`, `But`), as written.
    SENTENCE_OPENERS = "sentence_openers.txt";
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
