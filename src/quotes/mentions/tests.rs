//! The mention finders on sentences of the kinds news writes.

use super::*;
use crate::quotes::marks::{quoted_spans, MarkSet};

fn doc(t: &str) -> Document<'_> {
    let spans = quoted_spans(t, MarkSet::EVERY);
    Document::new(t, &spans)
}

fn text_of(d: &Document, r: Option<(usize, usize)>) -> String {
    r.map(|(s, e)| d.text[d.tokens[s].start..d.tokens[e - 1].end].to_string())
        .unwrap_or_default()
}

fn cue_index(d: &Document, w: &str) -> usize {
    d.tokens
        .iter()
        .position(|t| d.word(t) == w)
        .expect("cue in sentence")
}

#[test]
fn lower_is_to_lowercase() {
    let d = doc("Trump’s ÉCOLE école Σίσυφος ΟΔΟΣ İstanbul \u{212A}ing ǅemal “Said” — U.S. x");
    for t in &d.tokens {
        assert_eq!(
            lower(&d, t).as_str(),
            d.word(t).to_lowercase(),
            "{}",
            d.word(t)
        );
    }
}

#[test]
fn subjects_before_the_cue() {
    for (t, want) in [
        ("Mr Trump later said it was fine.", "Mr Trump"),
        (
            "The Prime Minister’s official spokesman said it.",
            "The Prime Minister’s official spokesman",
        ),
        (
            "Nigel Farage, an ally of Mr Trump, said so.",
            "Nigel Farage",
        ),
        ("But Sir Keir said no.", "Sir Keir"),
        ("At the rally, a campaign aide said it.", "a campaign aide"),
        ("He also said it.", "He"),
        ("Sen. Ann Lee said it.", "Sen. Ann Lee"),
    ] {
        let d = doc(t);
        let cue = cue_index(&d, "said");
        assert_eq!(text_of(&d, subject_before(&d, cue, 0)), want, "{t}");
    }
}

#[test]
fn subjects_after_the_cue() {
    let d = doc("“Fine,” said Larry Noble, a lawyer with the group.");
    let cue = cue_index(&d, "said");
    assert_eq!(
        text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())),
        "Larry Noble"
    );
    let d = doc("“Fine,” said the source.");
    let cue = cue_index(&d, "said");
    assert_eq!(
        text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())),
        "the source"
    );
    let d = doc("“Fine,” said Sunday in a statement.");
    let cue = cue_index(&d, "said");
    assert_eq!(text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())), "");
}
