//! Latin ligatures and legacy digraph letters to their letters, as ftfy does: the typographic
//! ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), Dutch Ĳ/ĳ, Afrikaans ŉ, and the Serbo-Croatian
//! digraphs Ǆ–ǌ and Ǳ–ǳ that exist only for round trips with Cyrillic. These come from
//! copy-and-paste out of typeset documents; nobody types them. Ligatures of other scripts
//! (Arabic, Hebrew presentation forms) are left alone: they may be meant.

use super::Edit;
use memchr::{memchr, memchr3};

fn expand(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{132}' => "IJ",
        '\u{133}' => "ij",
        '\u{149}' => "\u{2bc}n",
        '\u{1c4}' => "D\u{17d}",
        '\u{1c5}' => "D\u{17e}",
        '\u{1c6}' => "d\u{17e}",
        '\u{1c7}' => "LJ",
        '\u{1c8}' => "Lj",
        '\u{1c9}' => "lj",
        '\u{1ca}' => "NJ",
        '\u{1cb}' => "Nj",
        '\u{1cc}' => "nj",
        '\u{1f1}' => "DZ",
        '\u{1f2}' => "Dz",
        '\u{1f3}' => "dz",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' => "\u{17f}t",
        '\u{fb06}' => "st",
        _ => return None,
    })
}

fn push_if_ligature(text: &str, at: usize, edits: &mut Vec<Edit>) {
    if let Some(c) = super::scan::char_at(text, at) {
        if let Some(letters) = expand(c) {
            edits.push(Edit::new(at, at + c.len_utf8(), letters));
        }
    }
}

pub(super) fn fix_latin_ligatures(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    if b.is_ascii() {
        return edits;
    }
    // U+0132/0133 and U+0149 start with C4/C5, the digraphs with C7, U+FB0x with EF AC.
    let mut i = 0;
    while let Some(off) = memchr3(0xc4, 0xc5, 0xc7, &b[i..]) {
        push_if_ligature(text, i + off, &mut edits);
        i += off + 1;
    }
    let mut wide = Vec::new();
    i = 0;
    while let Some(off) = memchr(0xef, &b[i..]) {
        push_if_ligature(text, i + off, &mut wide);
        i += off + 1;
    }
    if !wide.is_empty() {
        edits.extend(wide);
        edits.sort_unstable_by_key(|e| e.start);
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn expands_typographic_ligatures() {
        assert_eq!(
            apply(fix_latin_ligatures, "The \u{fb01}nal o\u{fb03}cial \u{fb02}ight was a\u{fb00}ordable, the \u{fb04} ru\u{fb06}"),
            "The final official flight was affordable, the ffl rust"
        );
        assert_eq!(apply(fix_latin_ligatures, "\u{fb05}"), "\u{17f}t");
    }

    #[test]
    fn expands_digraph_letters() {
        assert_eq!(
            apply(fix_latin_ligatures, "\u{132}sselmeer, \u{133}s, \u{149}, \u{1c4}\u{1c5}\u{1c6} \u{1c7}\u{1c8}\u{1c9} \u{1ca}\u{1cb}\u{1cc} \u{1f1}\u{1f2}\u{1f3}"),
            "IJsselmeer, ijs, \u{2bc}n, D\u{17d}D\u{17e}d\u{17e} LJLjlj NJNjnj DZDzdz"
        );
    }

    #[test]
    fn leaves_polish_czech_and_presentation_forms_alone() {
        let t = "Za\u{17c}\u{f3}\u{142}\u{107} g\u{119}\u{15b}l\u{105} ja\u{17a}\u{144}, \u{10d}esk\u{fd}, \u{fb2a} \u{fefb} \u{fb13}";
        assert!(fix_latin_ligatures(t).is_empty());
    }
}
