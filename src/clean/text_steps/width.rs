//! Full-width and half-width forms to ordinary width.
//!
//! ftfy maps every character of U+FF01–U+FFEF whose compatibility (NFKC) form differs, plus the
//! ideographic space U+3000, to that form: `ＬＯＵＤ　ＮＯＩＳＥＳ` → `LOUD NOISES`, half-width
//! katakana `ﾀｰﾝ` → `ターン`.
//!
//! One deliberate difference: full-width punctuation, letters, digits and the ideographic space
//! are the normal typography of Chinese and Japanese (`你好，世界`, `２０２４年`, a paragraph
//! indented with `　`). ftfy would flatten them to ASCII; here a run of full-width characters
//! that touches a CJK character on either side is kept, because it is genuine text, not damage.
//! Full-width runs away from CJK text are converted as in ftfy, and half-width forms always are
//! (they are legacy encoding artefacts). [`fix_width_like_ftfy`] keeps ftfy's exact behaviour.

use super::Edit;
use memchr::{memchr_iter, memmem};
use unicode_normalization::UnicodeNormalization;

/// Full-width forms of ASCII and a few symbols, and the ideographic space: kept inside CJK text.
fn is_wide_form(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{ff01}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
}

/// The ordinary-width equivalent of a width variant, if it has one.
fn ordinary_width(c: char) -> Option<String> {
    if c == '\u{3000}' {
        return Some(" ".to_owned());
    }
    if !('\u{ff01}'..='\u{ffef}').contains(&c) {
        return None;
    }
    let mut buf = [0u8; 4];
    let alone: &str = c.encode_utf8(&mut buf);
    let plain: String = alone.nfkc().collect();
    (plain != alone).then_some(plain)
}

/// Characters of Chinese, Japanese and Korean writing, in whose company full-width forms are
/// the normal typography. The half-width forms block is deliberately not included.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fdf}'     // radicals
        | '\u{3001}'..='\u{303f}'   // CJK punctuation: 、。「」『』〈〉
        | '\u{3040}'..='\u{31ff}'   // kana, bopomofo, compatibility jamo
        | '\u{3200}'..='\u{4dbf}'   // enclosed and compatibility forms, extension A
        | '\u{4e00}'..='\u{9fff}'   // unified ideographs
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'   // hangul
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{20000}'..='\u{3ffff}')
}

/// Quotation marks and brackets: between a full-width form and the ideographs they enclose
/// (`“甲”，“乙”`, `(甲)，(乙)`) they do not make the form Latin typography.
fn encloses(c: char) -> bool {
    matches!(
        c,
        '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '"' | '\'' | '(' | ')' | '[' | ']'
    )
}

/// True when the first character of `side` (read away from a full-width run) that is not a
/// quotation mark or bracket is Chinese, Japanese or Korean.
fn touches_cjk(side: impl Iterator<Item = char>) -> bool {
    side.take(4).find(|&c| !encloses(c)).is_some_and(is_cjk)
}

/// The width variants of `text` in order, with their positions. U+FF01–U+FFEF start with
/// EF BC–EF BF; U+3000 is E3 80 80 and is searched as a whole, because E3 also starts every kana
/// and CJK punctuation mark and would make a byte search stop at nearly every Japanese character.
fn width_variants(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = text.as_bytes();
    let spaces = memmem::find_iter(b, "\u{3000}".as_bytes());
    let forms = memchr_iter(0xef, b).filter(move |&at| matches!(b.get(at + 1), Some(0xbc..=0xbf)));
    let mut spaces = spaces.peekable();
    let mut forms = forms.peekable();
    std::iter::from_fn(move || {
        let at = match (spaces.peek(), forms.peek()) {
            (Some(&s), Some(&f)) if s < f => spaces.next(),
            (Some(_), None) => spaces.next(),
            (_, Some(_)) => forms.next(),
            (None, None) => None,
        }?;
        super::scan::char_at(text, at).map(|c| (at, c))
    })
}

/// ftfy's `fix_character_width` exactly: every width variant converted.
pub(super) fn fix_width_like_ftfy(text: &str) -> Vec<Edit> {
    if text.is_ascii() {
        return Vec::new();
    }
    width_variants(text)
        .filter_map(|(at, c)| ordinary_width(c).map(|p| Edit::new(at, at + c.len_utf8(), p)))
        .collect()
}

/// The default: like ftfy, but full-width runs touching CJK text are kept.
pub(super) fn fix_character_width(text: &str) -> Vec<Edit> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut edits = Vec::new();
    // Byte offset up to which full-width characters have been decided.
    let mut decided = 0;
    for (at, c) in width_variants(text) {
        if at < decided {
            continue;
        }
        if !is_wide_form(c) {
            if let Some(plain) = ordinary_width(c) {
                edits.push(Edit::new(at, at + c.len_utf8(), plain));
            }
            decided = at + c.len_utf8();
            continue;
        }
        // The whole run of full-width characters starting here, and its neighbours.
        let run_end = text[at..]
            .char_indices()
            .find(|&(_, ch)| !is_wide_form(ch))
            .map_or(text.len(), |(k, _)| at + k);
        decided = run_end;
        if touches_cjk(text[..at].chars().rev()) || touches_cjk(text[run_end..].chars()) {
            continue;
        }
        for (k, ch) in text[at..run_end].char_indices() {
            if let Some(plain) = ordinary_width(ch) {
                edits.push(Edit::new(at + k, at + k + ch.len_utf8(), plain));
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn full_width_latin_becomes_ascii() {
        assert_eq!(apply(fix_character_width, "\u{ff2c}\u{ff2f}\u{ff35}\u{ff24}\u{3000}\u{ff2e}\u{ff2f}\u{ff29}\u{ff33}\u{ff25}\u{ff33}"), "LOUD NOISES");
        assert_eq!(
            apply(
                fix_character_width,
                "Score: \u{ff11}\u{ff10}\u{ff05} up\u{ff01}"
            ),
            "Score: 10% up!"
        );
    }

    #[test]
    fn half_width_katakana_becomes_full_width() {
        // "U-turn", ftfy's own example.
        assert_eq!(
            apply(fix_character_width, "\u{ff35}\u{ff80}\u{ff70}\u{ff9d}"),
            "U\u{30bf}\u{30fc}\u{30f3}"
        );
        // Half-width voiced mark becomes the combining mark; normalization composes it later.
        assert_eq!(
            apply(fix_character_width, "\u{ff76}\u{ff9e}"),
            "\u{30ab}\u{3099}"
        );
        // Half-width hangul and symbols.
        assert_eq!(
            apply(fix_character_width, "\u{ffa1} \u{ffe8}\u{ffed}"),
            "\u{1100} \u{2502}\u{25a0}"
        );
    }

    #[test]
    fn cjk_typography_is_kept() {
        for t in [
            "\u{4f60}\u{597d}\u{ff0c}\u{4e16}\u{754c}\u{ff01}",
            "\u{3000}\u{6771}\u{4eac}\u{ff08}\u{30ed}\u{30a4}\u{30bf}\u{30fc}\u{ff09}\u{2015}\u{2015}",
            "\u{ff12}\u{ff10}\u{ff12}\u{ff14}\u{5e74}\u{3001}\u{ff2a}\u{ff32}\u{6771}\u{65e5}\u{672c}",
        ] {
            assert!(fix_character_width(t).is_empty(), "{t}");
        }
    }

    /// Issue 13: a full-width comma between two quotations of Chinese (`“甲”，“乙”`) is Chinese
    /// typography: the quotation marks between it and the ideographs do not make it Latin text.
    #[test]
    fn cjk_punctuation_between_quotation_marks_is_kept() {
        for t in [
            "\u{201c}\u{7532}\u{201d}\u{ff0c}\u{201c}\u{4e59}\u{201d}",
            "\u{4ed6}\u{8bf4}\u{201c}\u{597d}\u{201d}\u{ff01}",
            "\u{2018}\u{7532}\u{2019}\u{ff0c}\u{2018}\u{4e59}\u{2019}",
            "(\u{7532})\u{ff0c}(\u{4e59})",
        ] {
            assert!(fix_character_width(t).is_empty(), "{t}");
        }
        // Latin quotations stay Latin: their full-width comma is converted as before.
        assert_eq!(
            apply(
                fix_character_width,
                "\u{201c}A\u{201d}\u{ff0c}\u{201c}B\u{201d}"
            ),
            "\u{201c}A\u{201d},\u{201c}B\u{201d}"
        );
    }

    #[test]
    fn ftfy_mode_flattens_cjk_punctuation_too() {
        assert_eq!(
            apply(
                fix_width_like_ftfy,
                "\u{4f60}\u{597d}\u{ff0c}\u{4e16}\u{754c}\u{3000}x"
            ),
            "\u{4f60}\u{597d},\u{4e16}\u{754c} x"
        );
    }

    #[test]
    fn lookalikes_outside_the_width_blocks_stay() {
        let t = "\u{ff5f}x \u{3002}\u{300c}\u{ffef}\u{fffd} caf\u{e9} \u{ef}";
        assert_eq!(
            apply(fix_width_like_ftfy, t),
            "\u{2985}x \u{3002}\u{300c}\u{ffef}\u{fffd} caf\u{e9} \u{ef}"
        );
    }
}
