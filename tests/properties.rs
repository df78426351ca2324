//! Properties that must hold for ANY input, checked with proptest: the cleaner never panics,
//! reaches a fixed point, and its explanation replays to its output; quotation offsets (in code
//! points) stay inside the text and, on clean text, point at the quotation itself.
//!
//! Arbitrary strings rarely contain mojibake or quotation marks, so half of the cases are built
//! from an alphabet of the pieces that damaged news text is made of (`â€™`, `Ã©`, C1 controls,
//! entities, curly and straight quotes, reporting verbs and names).
//! `PROPTEST_CASES=20000 cargo test --test properties` runs a longer search.

use proptest::prelude::*;
use saidwho::analyze::quote_records;
use saidwho::clean::{clean, clean_explained, replay, CleanOptions};
use saidwho::quotes::QuoteOptions;

/// Fragments that trip the cleaner and the quotation finder: mojibake, C1 controls, HTML
/// entities and tags, every kind of quotation mark, line breaks, NBSP, combining marks, CJK,
/// emoji (with ZWJ), and the words of an attribution.
const PIECES: &[&str] = &[
    "â",
    "€",
    "™",
    "Ã",
    "©",
    "\u{80}",
    "\u{85}",
    "\u{91}",
    "\u{92}",
    "\u{93}",
    "\u{94}",
    "\u{9d}",
    "\u{9f}",
    "&",
    ";",
    "#",
    "<",
    ">",
    "&amp;",
    "&#8220;",
    "&quot;",
    "&eacute;",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "''",
    "«",
    "»",
    "„",
    "\n",
    "\n\n",
    "\r\n",
    "\u{a0}",
    "\u{301}",
    "e\u{301}",
    "中国",
    "发言人",
    "😀",
    "👩\u{200d}💻",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{1b}[31m",
    "\u{0}",
    "ï»¿",
    "Ã¢â‚¬Å“",
    "â€œ",
    "â€\u{9d}",
    "Â ",
    " ",
    " ",
    " ",
    "said",
    "says",
    "told reporters",
    "according to",
    "Ms Okoro",
    "Mr Lee",
    "he",
    "she",
    "The",
    "minister",
    ":",
    ",",
    ".",
    "We will",
    "not wait",
    "Sir Keir",
    "a spokesperson",
];

fn damaged_news() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), damaged_news()]
}

/// Genuine sentences in languages that write `â`, `Ã` or `Â` as letters, and Chinese and
/// Japanese with full-width punctuation (issue 13's set, tests/data/genuine_multilingual.tsv).
fn genuine_lines() -> Vec<&'static str> {
    include_str!("data/genuine_multilingual.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, text)| text))
        .collect()
}

/// Any text made of those sentences, in any order and mixture, as one paragraph or several.
fn genuine_text() -> impl Strategy<Value = String> {
    let sentence = prop::sample::select(genuine_lines());
    let separator = prop::sample::select(vec![" ", "\n", "\n\n"]);
    prop::collection::vec((sentence, separator), 1..12).prop_map(|parts| {
        let mut text = String::new();
        for (k, (sentence, separator)) in parts.iter().enumerate() {
            if k > 0 {
                text.push_str(separator);
            }
            text.push_str(sentence);
        }
        text
    })
}

fn config() -> ProptestConfig {
    // Modest by default so `cargo test` stays fast; PROPTEST_CASES overrides it.
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        ..ProptestConfig::default()
    }
}

fn all_cleaners() -> [CleanOptions; 2] {
    [CleanOptions::default(), CleanOptions::ftfy()]
}

/// `text[start..end]` in code points.
fn char_slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

fn check_offsets(text: &str, clean_first: bool) -> Result<(), TestCaseError> {
    let cleaner = CleanOptions::default();
    let len = text.chars().count();
    for options in [
        QuoteOptions::default(),
        QuoteOptions {
            keep_non_speech: true,
            double_marks_only: true,
            reported: true,
        },
    ] {
        let records = quote_records(text, clean_first.then_some(&cleaner), &options);
        for r in &records {
            prop_assert!(
                r.start <= r.end && r.end <= len,
                "quote {r:?} in {len} chars"
            );
            for (start, end) in [r.cue_span, r.mention_span].into_iter().flatten() {
                prop_assert!(start <= end && end <= len, "span {start}..{end} of {r:?}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn cleaning_reaches_a_fixed_point_and_replays(text in any_text()) {
        for options in all_cleaners() {
            let cleaned = clean_explained(&text, &options, true);
            prop_assert_eq!(&cleaned.text, &clean(&text, &options));
            prop_assert_eq!(clean(&cleaned.text, &options), cleaned.text.clone(), "not idempotent");
            prop_assert_eq!(replay(&text, &cleaned.fixes), Ok(cleaned.text.clone()));
        }
    }

    #[test]
    fn quotation_offsets_stay_inside_the_text(text in any_text()) {
        check_offsets(&text, true)?;
        check_offsets(&text, false)?;
    }

    #[test]
    fn offsets_point_at_the_quotation_in_clean_text(text in damaged_news()) {
        // Already-clean text, analysed without cleaning: every span is a slice of the input.
        let text = clean(&text, &CleanOptions::default());
        let chars: Vec<char> = text.chars().collect();
        let options = QuoteOptions { keep_non_speech: true, ..QuoteOptions::default() };
        for r in quote_records(&text, None, &options) {
            prop_assert_eq!(char_slice(&chars, r.start, r.end), r.quote.text.clone());
            if let (Some((s, e)), Some(m)) = (r.mention_span, r.quote.mention.as_ref()) {
                prop_assert_eq!(char_slice(&chars, s, e), m.text.clone());
            }
            if let (Some((s, e)), Some(c)) = (r.cue_span, r.quote.cue.as_ref()) {
                prop_assert_eq!(char_slice(&chars, s, e), c.text.clone());
            }
        }
    }

    /// Issue 13: genuine text in the languages that write `â` is never changed, whatever the
    /// mixture of sentences and paragraphs (the evidence is weighed per paragraph and document).
    #[test]
    fn genuine_text_in_circumflex_languages_is_left_alone(text in genuine_text()) {
        let cleaned = clean_explained(&text, &CleanOptions::default(), true);
        prop_assert!(cleaned.fixes.is_empty(), "fixes on genuine text: {:?}", cleaned.fixes);
        prop_assert_eq!(cleaned.text, text);
    }

    #[test]
    fn clean_text_is_left_alone(text in damaged_news()) {
        for options in all_cleaners() {
            let once = clean(&text, &options);
            let again = clean_explained(&once, &options, true);
            prop_assert!(again.fixes.is_empty(), "fixes on clean text: {:?}", again.fixes);
            prop_assert!(again.alignment.is_identity());
        }
    }
}
