//! The article cut into tokens once: words, punctuation and quotation marks, each knowing
//! whether it lies inside a quotation, in which paragraph, and where sentences end. Every later
//! stage reads tokens near a quote instead of rescanning the text.

use std::sync::OnceLock;

use super::marks::QuotedSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// A punctuation character other than a quotation mark.
    Punct(char),
    /// An opening or closing mark of one of the quoted spans.
    Mark,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Index of the quoted span this token lies in (content or marks), if any.
    pub quote: Option<u32>,
    pub para: u32,
    /// A sentence ends after this token.
    pub ends_sentence: bool,
    /// The token in lower case is [`Document::lowered`] at its offsets: no character beyond
    /// ASCII changes case in it (true of nearly every token, `Trump’s` and `“` included).
    pub lowers_as_ascii: bool,
    /// The token's first character is upper case (`Said`, `Écrit`): asked of nearly every word.
    pub capitalised: bool,
}

pub(crate) struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// `text` with ASCII letters in lower case (same byte offsets): every rule compares words
    /// in lower case, and a slice of this costs nothing.
    pub lowered: String,
}

/// Words after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "al", "approx", "apr", "ariz", "ark", "atty", "aug", "ave", "calif", "capt",
    "cmdr", "co", "col", "colo", "conn", "corp", "cpl", "d.c", "dec", "del", "dept", "det", "dr",
    "e.g", "etc", "feb", "fla", "fr", "ft", "gen", "gov", "govt", "hon", "i.e", "ill", "inc",
    "ind", "insp", "jan", "jr", "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md",
    "messrs", "mich", "minn", "miss", "mlle", "mme", "mo", "mont", "mr", "mrs", "ms", "mt", "neb",
    "nev", "nov", "oct", "okla", "op", "ore", "p.m", "pa", "penn", "pres", "prof", "rep", "reps",
    "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "tenn", "u.k", "u.n", "u.s", "va",
    "vs", "vt", "wash", "wis", "wyo",
];

/// FNV-1a: the tables are looked up once per word of every article, with short keys, where
/// the standard library's DoS-resistant hash is several times slower. Keys are the article's
/// own words, and every table is small.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, n: u64) {
        // The keys of the weight table are hashes already.
        self.0 = n;
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A word list looked up as a set: see [`WordMap`].
pub(crate) struct WordSet {
    words: &'static [&'static str],
    map: OnceLock<WordMap<()>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            map: OnceLock::new(),
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.map().get(w).is_some()
    }

    /// Whether the set holds `w.to_lowercase()`, without building it for ASCII words.
    pub fn contains_lowercase(&self, w: &str) -> bool {
        self.map().get_lowercase(w).is_some()
    }

    fn map(&self) -> &WordMap<()> {
        self.map
            .get_or_init(|| WordMap::new(self.words.iter().map(|&w| (w, ()))))
    }
}

/// A table of words, looked up without comparing strings. Word lists and tables are consulted
/// for nearly every word near every quote, where the string comparisons of a binary search (or
/// the hashing of a map) took a tenth of the running time: here a word of up to 15 bytes is
/// packed with its length into one `u128` and found in an open-addressed table with one or
/// two integer comparisons.
pub(crate) struct WordMap<V> {
    /// Packed keys (0: empty) and their values, at most half full, so that a miss ends at an
    /// empty slot after a probe or two.
    slots: Box<[(u128, Option<V>)]>,
    shift: u32,
    /// Keys too long to pack: rare in text, rarer in the tables.
    long: Vec<(String, V)>,
}

impl<V: Copy> WordMap<V> {
    /// The map of `entries`; of two equal keys, the later one's value is kept.
    pub fn new<'w>(entries: impl ExactSizeIterator<Item = (&'w str, V)>) -> WordMap<V> {
        let size = (2 * entries.len()).next_power_of_two().max(8);
        let mut map = WordMap {
            slots: vec![(0, None); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            long: Vec::new(),
        };
        for (w, value) in entries {
            let Some(key) = packed(w) else {
                map.long.retain(|(k, _)| k != w);
                map.long.push((w.to_string(), value));
                continue;
            };
            let mut i = slot(key, map.shift);
            while map.slots[i].0 != 0 && map.slots[i].0 != key {
                i = (i + 1) & (size - 1);
            }
            map.slots[i] = (key, Some(value));
        }
        map
    }

    pub fn get(&self, w: &str) -> Option<V> {
        let Some(key) = packed(w) else {
            return self.long.iter().find(|(k, _)| k == w).map(|&(_, v)| v);
        };
        self.get_packed(key)
    }

    /// The value of `w.to_lowercase()`: an ASCII word is lowered in its packed key, a few
    /// bytes at a time, instead of being copied.
    pub fn get_lowercase(&self, w: &str) -> Option<V> {
        if !w.is_ascii() {
            return self.get(&w.to_lowercase());
        }
        let Some(key) = packed(w) else {
            let lowered = |k: &str| k.bytes().eq(w.bytes().map(|b| b.to_ascii_lowercase()));
            return self.long.iter().find(|(k, _)| lowered(k)).map(|&(_, v)| v);
        };
        let lo = ascii_lowercase(key as u64);
        let hi = ascii_lowercase((key >> 64) as u64);
        self.get_packed(u128::from(lo) | u128::from(hi) << 64)
    }

    fn get_packed(&self, key: u128) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = slot(key, self.shift);
        loop {
            match self.slots[i] {
                (0, _) => return None,
                (k, value) if k == key => return value,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The bytes of `w` with its length (plus one, so that no key is 0, the empty slot) in the top
/// byte: distinct words up to 15 bytes get distinct keys. Read with whole-word loads, not
/// copied byte by byte into a buffer (whose reload stalled every look-up).
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let (lo, hi) = match n {
        0..=3 => (
            b.iter()
                .enumerate()
                .fold(0u64, |lo, (k, &x)| lo | u64::from(x) << (8 * k)),
            0,
        ),
        // Two overlapping loads: the first four bytes and the last four, shifted into place.
        4..=7 => {
            let head = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            let tail = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
            (head | tail << (8 * (n - 4)), 0)
        }
        8..=15 => {
            let mut head = [0u8; 8];
            head.copy_from_slice(&b[..8]);
            let mut tail = [0u8; 8];
            tail.copy_from_slice(&b[n - 8..]);
            let tail = u64::from_le_bytes(tail);
            // Bytes 8.. of the word, at the bottom (none when it has exactly 8).
            let rest = tail.checked_shr(8 * (16 - n as u32)).unwrap_or(0);
            (u64::from_le_bytes(head), rest)
        }
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128 + 1) << 120)
}

/// The eight ASCII bytes of `x` in lower case (any byte below 0x80 may stand in it: the length
/// byte of a packed key, at most 16, is no letter). A byte `b` is a capital when `b + 0x3f`
/// reaches 0x80 (`b >= 'A'`) and `b + 0x25` does not (`b <= 'Z'`); no sum carries into the next
/// byte, all bytes being below 0x80.
fn ascii_lowercase(x: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let from_a = x.wrapping_add(0x3f * EACH);
    let past_z = x.wrapping_add(0x25 * EACH);
    let capital = from_a & !past_z & (0x80 * EACH);
    x | capital >> 2
}

/// The table slot of a packed key (Fibonacci hashing of its folded halves).
fn slot(key: u128, shift: u32) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true; // an initial: `John F. Kennedy`
    }
    // ASCII only: `eq_ignore_ascii_case` matched nothing else.
    w.len() <= 5 && w.is_ascii() && ABBREVIATIONS_SET.contains_lowercase(w)
}

static ABBREVIATIONS_SET: WordSet = WordSet::new(ABBREVIATIONS);

/// `the U.S. He says …`, `by 10 p.m. The polls …`: an abbreviation that is not a title before a
/// name may end a sentence, when a word that only opens sentences follows.
fn ends_like_a_place(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() > 1
        && !matches!(
            w.to_ascii_lowercase().as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "sen"
                | "rep"
                | "reps"
                | "gov"
                | "gen"
                | "lt"
                | "col"
                | "capt"
                | "cmdr"
                | "cpl"
                | "sgt"
                | "maj"
                | "adm"
                | "prof"
                | "rev"
                | "hon"
                | "pres"
                | "supt"
                | "insp"
                | "det"
                | "atty"
                | "st"
                | "fr"
                | "mt"
                | "messrs"
                | "mlle"
                | "mme"
                | "vs"
                | "e.g"
                | "i.e"
                | "op"
        )
}

fn opens_sentence(word: &str) -> bool {
    matches!(
        word,
        "He" | "She"
            | "They"
            | "We"
            | "I"
            | "It"
            | "The"
            | "But"
            | "And"
            | "This"
            | "That"
            | "His"
            | "Her"
            | "Their"
            | "In"
            | "A"
            | "Its"
            | "There"
            | "Our"
    )
}

/// The character starting at byte `at` (a character boundary), decoded only beyond ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that join two word parts into one word: `don’t`, `O'Neill`, `well-known`,
/// `U.S.`, `3.5`, `@realDonaldTrump`.
fn joins_words(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&' | '_')
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, spans: &[QuotedSpan]) -> Document<'a> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        // Mark positions: opening, re-opening and closing marks of the spans.
        let mut mark_at = Vec::with_capacity(spans.len() * 2);
        for (i, s) in spans.iter().enumerate() {
            mark_at.push((s.open, i));
            for &r in &s.reopenings {
                mark_at.push((r, i));
            }
            if s.closed {
                mark_at.push((s.end, i));
            }
        }
        mark_at.sort_unstable();
        let mut next_mark = 0;
        let mut span_idx = 0;
        let mut para = 0u32;
        let bytes = text.as_bytes();
        let mut pos = 0;
        while let Some(c) = char_at(text, pos) {
            let i = pos;
            pos += c.len_utf8();
            if c == '\n' {
                // A blank line or a line break both end a paragraph: news text has one per line.
                if tokens.last().is_some_and(|t: &Token| t.para == para) {
                    para += 1;
                }
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            while span_idx < spans.len() && spans[span_idx].close <= i && spans[span_idx].end <= i {
                span_idx += 1;
            }
            let quote = spans
                .get(span_idx)
                .filter(|s| s.open <= i && i < s.close.max(s.end))
                .map(|_| span_idx as u32);
            while next_mark < mark_at.len() && mark_at[next_mark].0 < i {
                next_mark += 1;
            }
            if next_mark < mark_at.len() && mark_at[next_mark].0 == i {
                tokens.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Mark,
                    quote: Some(mark_at[next_mark].1 as u32),
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..i + c.len_utf8()]),
                    capitalised: c.is_uppercase(),
                });
                continue;
            }
            if is_word_char(c) || (c == '@' || c == '#') {
                let mut end = pos;
                let mut ascii = c.is_ascii();
                loop {
                    // ASCII letters and digits, the bulk of every word, a byte at a time.
                    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                        end += 1;
                    }
                    let j = end;
                    let Some(d) = char_at(text, j) else {
                        break;
                    };
                    if is_word_char(d) {
                        ascii &= d.is_ascii();
                        end = j + d.len_utf8();
                    } else if joins_words(d) {
                        // Join only when a word character follows.
                        let after = char_at(text, j + d.len_utf8());
                        if after.is_some_and(is_word_char) {
                            ascii &= d.is_ascii();
                            end = j + d.len_utf8();
                        } else if d == '.' && is_dotted_abbreviation(&text[i..j]) {
                            // `U.S.` keeps its last full stop.
                            end = j + 1;
                            break;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                pos = end;
                tokens.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    quote,
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: ascii || lowers_as_ascii(&text[i..end]),
                    capitalised: c.is_uppercase(),
                });
            } else {
                tokens.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Punct(c),
                    quote,
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..i + c.len_utf8()]),
                    capitalised: c.is_uppercase(),
                });
            }
        }
        mark_sentence_ends(text, &mut tokens);
        Document {
            text,
            tokens,
            lowered: text.to_ascii_lowercase(),
        }
    }

    pub fn word(&self, t: &Token) -> &'a str {
        &self.text[t.start..t.end]
    }

    /// The bytes `start..end` of the text covered by the tokens `[a, b)`; `None` when empty.
    pub fn byte_span(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        let first = self.tokens.get(a)?;
        let last = self.tokens.get(b.checked_sub(1)?)?;
        (a < b).then_some((first.start, last.end))
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }
}

/// `word.to_lowercase()` is `word` with its ASCII letters lowered: every other character is its
/// own lower case (`’`, `é`; not `É`, nor `Σ`, whose lower case depends on its place).
fn lowers_as_ascii(word: &str) -> bool {
    word.is_ascii()
        || word.chars().all(|c| {
            let mut lowered = c.to_lowercase();
            c.is_ascii() || (lowered.next() == Some(c) && lowered.next().is_none())
        })
}

fn is_dotted_abbreviation(word: &str) -> bool {
    // `U.S`, `D.C`, `a.m`: letters separated by full stops.
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1)
}

/// Sets `ends_sentence` on full stops, question and exclamation marks (and on the closing mark
/// right after them) that end a sentence, and on the last token of every paragraph.
fn mark_sentence_ends(text: &str, tokens: &mut [Token]) {
    let n = tokens.len();
    for i in 0..n {
        let t = tokens[i];
        let next = tokens.get(i + 1).copied();
        if next.is_none_or(|nx| nx.para != t.para) {
            tokens[i].ends_sentence = true;
            continue;
        }
        if t.kind == TokKind::Word {
            // `in the U.S. He says …`: a dotted abbreviation keeps its full stop.
            let w = &text[t.start..t.end];
            if w.ends_with('.')
                && ends_like_a_place(w)
                && next.is_some_and(|nx| opens_sentence(&text[nx.start..nx.end]))
            {
                tokens[i].ends_sentence = true;
            }
            continue;
        }
        let TokKind::Punct(c) = t.kind else { continue };
        if !matches!(c, '.' | '?' | '!' | '\u{2026}') {
            continue;
        }
        if c == '.' {
            if let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) {
                if prev.kind == TokKind::Word
                    && prev.end == t.start
                    && is_abbreviation(&text[prev.start..prev.end])
                    && !(ends_like_a_place(&text[prev.start..prev.end])
                        && tokens
                            .get(i + 1)
                            .is_some_and(|nx| opens_sentence(&text[nx.start..nx.end])))
                {
                    continue;
                }
            }
        }
        // The sentence ends after the closing marks that follow the punctuation.
        let mut j = i;
        while tokens
            .get(j + 1)
            .is_some_and(|x| x.kind == TokKind::Mark && x.start == tokens[j].end)
        {
            j += 1;
        }
        let Some(after) = tokens.get(j + 1) else {
            continue;
        };
        let first = text[after.start..].chars().next().unwrap_or(' ');
        let starts_sentence = first.is_uppercase()
            || first.is_numeric()
            || after.kind == TokKind::Mark
            || matches!(after.kind, TokKind::Punct('(' | '[' | '\u{2014}' | '-'));
        if starts_sentence {
            tokens[j].ends_sentence = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::quoted_spans;

    #[test]
    fn lowered_look_ups_are_look_ups_of_the_lower_case() {
        // Every ASCII byte, in every position of short and long words.
        for b in 0u8..0x80 {
            for n in [1, 4, 7, 8, 9, 15, 16, 20] {
                let w: String = (0..n)
                    .map(|k| if k % 3 == 0 { b as char } else { 'Q' })
                    .collect();
                let lo = |k: u128| {
                    u128::from(ascii_lowercase(k as u64))
                        | u128::from(ascii_lowercase((k >> 64) as u64)) << 64
                };
                assert_eq!(packed(&w).map(lo), packed(&w.to_ascii_lowercase()), "{w:?}");
            }
        }
        static SET: WordSet = WordSet::new(&["said", "k", "ſ", "verylongwordover15", "ab"]);
        for w in [
            "said",
            "SAID",
            "Said",
            "K",
            "\u{212A}",
            "ſ",
            "S",
            "VeryLongWordOver15",
            "ab",
            "AB",
            "a",
            "said!",
            "",
            "İ",
        ] {
            assert_eq!(
                SET.contains_lowercase(w),
                SET.contains(&w.to_lowercase()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn abbreviations_match_ignoring_ascii_case_only() {
        let by_scan = |word: &str| {
            let w = word.trim_end_matches('.');
            (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                || (w.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)))
        };
        for w in [
            "Sen",
            "sen.",
            "SEN",
            "U.S",
            "u.s.",
            "Calif",
            "calif.",
            "California",
            "\u{212A}y",
            "Ky",
            "A",
            "É",
            "é",
            "ab",
            "",
            ".",
            "p.m",
            "Mr",
            "MR.",
            "mrs",
            "Messrs",
        ] {
            assert_eq!(is_abbreviation(w), by_scan(w), "{w:?}");
        }
    }

    #[test]
    fn word_sets_hold_exactly_their_words() {
        static SET: WordSet =
            WordSet::new(&["a", "an", "the", "representatives", "verylongwordover15"]);
        for w in ["a", "an", "the", "representatives", "verylongwordover15"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in [
            "",
            "b",
            "th",
            "them",
            "The",
            "representative",
            "verylongwordover1",
            "a\0",
        ] {
            assert!(!SET.contains(w), "{w:?}");
        }
        // The packed key is the word's bytes, zero-padded, with its length plus one on top.
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmno",
            "a’b",
        ] {
            let mut buf = [0u8; 16];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[15] = w.len() as u8 + 1;
            assert_eq!(packed(w), Some(u128::from_le_bytes(buf)), "{w}");
        }
        assert_eq!(packed("abcdefghijklmnop"), None);
        // Every list word, and no other word of the text, whatever the table's collisions.
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let leaked: &'static [&'static str] = Box::leak(
            words
                .iter()
                .map(|w| &*Box::leak(w.clone().into_boxed_str()))
                .collect(),
        );
        let big = WordSet::new(leaked);
        assert!(words.iter().all(|w| big.contains(w)));
        assert!((2000..4000).all(|i| !big.contains(&format!("w{i}"))));
    }

    /// The tokenizer as it was written first, char by char: [`Document::new`] must cut every
    /// text the same way.
    fn reference_tokens(text: &str, spans: &[QuotedSpan]) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut mark_at = Vec::new();
        for (i, s) in spans.iter().enumerate() {
            mark_at.push((s.open, i));
            for &r in &s.reopenings {
                mark_at.push((r, i));
            }
            if s.closed {
                mark_at.push((s.end, i));
            }
        }
        mark_at.sort_unstable();
        let mut next_mark = 0;
        let mut span_idx = 0;
        let mut para = 0u32;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                // A blank line or a line break both end a paragraph: news text has one per line.
                if tokens.last().is_some_and(|t: &Token| t.para == para) {
                    para += 1;
                }
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            while span_idx < spans.len() && spans[span_idx].close <= i && spans[span_idx].end <= i {
                span_idx += 1;
            }
            let quote = spans
                .get(span_idx)
                .filter(|s| s.open <= i && i < s.close.max(s.end))
                .map(|_| span_idx as u32);
            while next_mark < mark_at.len() && mark_at[next_mark].0 < i {
                next_mark += 1;
            }
            if next_mark < mark_at.len() && mark_at[next_mark].0 == i {
                tokens.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Mark,
                    quote: Some(mark_at[next_mark].1 as u32),
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..i + c.len_utf8()]),
                    capitalised: c.is_uppercase(),
                });
                continue;
            }
            if is_word_char(c) || (c == '@' || c == '#') {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else if joins_words(d) {
                        // Join only when a word character follows.
                        let after = text[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(is_word_char) {
                            chars.next();
                            end = j + d.len_utf8();
                        } else if d == '.' && is_dotted_abbreviation(&text[i..j]) {
                            // `U.S.` keeps its last full stop.
                            chars.next();
                            end = j + 1;
                            break;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                tokens.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    quote,
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..end]),
                    capitalised: c.is_uppercase(),
                });
            } else {
                tokens.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Punct(c),
                    quote,
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..i + c.len_utf8()]),
                    capitalised: c.is_uppercase(),
                });
            }
        }
        mark_sentence_ends(text, &mut tokens);
        tokens
    }

    #[test]
    fn tokens_are_those_of_the_reference_tokenizer() {
        let alphabet: Vec<char> = "aZ9é Σ’'.-&_@#,;:!?\n\n\"“”‘«»—U.S.x ".chars().collect();
        let mut texts: Vec<String> = vec![
            include_str!("../../examples/article.clean.txt").to_string(),
            include_str!("../../examples/senate.clean.txt").to_string(),
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let len = (seed >> 59) as usize + 1;
            let mut t = String::new();
            for _ in 0..len * 3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            texts.push(t);
        }
        for t in &texts {
            let spans = quoted_spans(
                t,
                crate::quotes::marks::MarkSet {
                    two_apostrophes: true,
                    single_primary: true,
                },
            );
            let d = Document::new(t, &spans);
            let want = reference_tokens(t, &spans);
            assert_eq!(format!("{:?}", d.tokens), format!("{want:?}"), "{t:?}");
        }
    }

    #[test]
    fn words_and_sentences() {
        let t = "Sen. Ann Lee of the U.S. Senate said “No.” Then she left.";
        let spans = quoted_spans(
            t,
            crate::quotes::marks::MarkSet {
                two_apostrophes: true,
                single_primary: true,
            },
        );
        let d = Document::new(t, &spans);
        let words: Vec<&str> = d.tokens.iter().map(|x| d.word(x)).collect();
        assert_eq!(
            words,
            vec![
                "Sen", ".", "Ann", "Lee", "of", "the", "U.S.", "Senate", "said", "“", "No", ".",
                "”", "Then", "she", "left", "."
            ]
        );
        let ends: Vec<usize> = (0..d.tokens.len())
            .filter(|&i| d.tokens[i].ends_sentence)
            .collect();
        assert_eq!(ends, vec![12, 16]);
        assert_eq!(d.tokens[10].quote, Some(0));
        assert_eq!(d.tokens[13].quote, None);
    }
}
