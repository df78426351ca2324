//! Curly quotes to straight ones, with ftfy's two sets: U+2018–U+201B and U+02BC (the modifier
//! apostrophe, which keyboards and word processors produce for "’") become `'`; U+201C–U+201F
//! become `"`. Guillemets, primes and CJK brackets are not quotes in this sense and stay.

use super::Edit;
use memchr::memchr2;

/// The straight quote for a curly one, or `None`.
fn straight_quote(c: char) -> Option<&'static str> {
    match c {
        '\u{2bc}' | '\u{2018}'..='\u{201b}' => Some("'"),
        '\u{201c}'..='\u{201f}' => Some("\""),
        _ => None,
    }
}

pub(super) fn uncurl_quotes(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    // U+2018..U+201F are E2 80 98..9F; U+02BC is CA BC.
    while let Some(off) = memchr2(0xe2, 0xca, &b[i..]) {
        let at = i + off;
        let len = super::scan::utf8_len(b[at]);
        if let Some(quote) = super::scan::char_at(text, at).and_then(straight_quote) {
            edits.push(Edit::new(at, at + len, quote));
        }
        i = at + len;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn straightens_both_sets_and_leaves_other_marks() {
        let t = "\u{201c}We\u{2019}re not done,\u{201d} she said. \u{201e}Ja\u{201c}, \u{2018}quoted\u{2019}, \u{ab}non\u{bb}, 5\u{2032}, Hawai\u{2bb}i, \u{201b}odd\u{201f}";
        assert_eq!(
            apply(uncurl_quotes, t),
            "\"We're not done,\" she said. \"Ja\", 'quoted', \u{ab}non\u{bb}, 5\u{2032}, Hawai\u{2bb}i, 'odd\""
        );
    }

    #[test]
    fn modifier_apostrophe_is_straightened_like_ftfy() {
        assert_eq!(apply(uncurl_quotes, "don\u{2bc}t"), "don't");
    }

    #[test]
    fn nothing_to_do_gives_no_edits() {
        assert!(
            uncurl_quotes("The council voted \u{2013} 7 to 2 \u{2014} for the plan\u{2026}")
                .is_empty()
        );
        assert!(uncurl_quotes("Plain \"ASCII\" text").is_empty());
    }

    #[test]
    fn one_edit_per_quote() {
        let e = uncurl_quotes("a\u{2018}b\u{2019}c");
        assert_eq!(e, vec![Edit::new(1, 4, "'"), Edit::new(5, 8, "'")]);
    }
}
