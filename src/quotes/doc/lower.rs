//! Words in lower case and the token tests every rule asks: the document's lower-cased copy is
//! sliced instead of lowering each word again.

use super::{Document, TokKind, Token};

/// A word in lower case: a slice of the document's lower-cased text for tokens whose case
/// changes only in ASCII letters (nearly all, `Trump’s` too), kept on the stack for other short
/// ASCII strings; this runs for every word near every quote.
pub(crate) enum Lower<'d> {
    Borrowed(&'d str),
    Inline([u8; 24], u8),
    Heap(String),
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..*n as usize]).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `w` in lower case: `w` itself when it has no capital (function words, punctuation, class
/// names), else a copy.
pub(crate) fn lower_str(w: &str) -> Lower<'_> {
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        Lower::Borrowed(w)
    } else {
        lower_owned(w)
    }
}

/// `w` in lower case, a copy: on the stack when it is short and ASCII.
pub(crate) fn lower_owned(w: &str) -> Lower<'static> {
    if w.len() <= 24 && w.is_ascii() {
        let mut buf = [0u8; 24];
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Lower::Inline(buf, w.len() as u8)
    } else {
        Lower::Heap(w.to_lowercase())
    }
}

/// `lower_str(a) == lower_str(b)`: compared in place when both are ASCII (a lowered copy is
/// read back through UTF-8 validation each time it is asked for).
pub(crate) fn same_in_lower_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        lower_str(a).as_str() == lower_str(b).as_str()
    }
}

/// Token `t` in lower case: nearly always the slice of [`Document::lowered`] at its offsets.
/// Asked of nearly every word near every quote (about 270k times a pass): always inlined, so
/// that a caller reads the slice without a call or a `Lower` built in memory (the compiler
/// left it out of line; inlined, the bench runs about 1.5% fewer instructions).
#[inline(always)]
pub(crate) fn lower<'d>(doc: &'d Document, t: &Token) -> Lower<'d> {
    match doc.lowered.get(t.start..t.end) {
        Some(lowered) if t.lowers_as_ascii => Lower::Borrowed(lowered),
        _ => lower_str(doc.word(t)),
    }
}

pub(crate) fn is_word(t: &Token) -> bool {
    t.kind == TokKind::Word
}

/// A word whose first character is upper case. The token knows (the document is not needed, but
/// every look-at-a-word helper takes it).
pub(crate) fn is_capitalised(_doc: &Document, t: &Token) -> bool {
    t.kind == TokKind::Word && t.capitalised
}

/// A word of three or more capital letters and nothing else: `FBI`, `WHO`, `NATO`.
pub(crate) fn is_acronym(word: &str) -> bool {
    word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Possessive `’s`: `Clinton’s`, `the Prime Minister’s`.
pub(crate) fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}
