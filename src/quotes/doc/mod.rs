//! The article cut into tokens once: words, punctuation and quotation marks, each knowing
//! whether it lies inside a quotation, in which paragraph, and where sentences end. Every later
//! stage reads tokens near a quote instead of rescanning the text.

use std::cell::Cell;

use super::lexicon;

mod lower;
mod spans;

pub(crate) use lower::{
    is_acronym, is_capitalised, is_possessive, is_word, lower, lower_owned, lower_str,
    same_in_lower_case, Lower,
};
pub(crate) use spans::{Family, QuotedSpan};

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
    /// The part-of-speech tags asked so far, two a token (as written, and as if written in lower
    /// case), each an index into the tagger's tag list or [`UNTAGGED`]: the same mention words
    /// are asked about by several rules.
    pub tag_memo: Vec<Cell<u8>>,
}

/// A [`Document::tag_memo`] entry not computed yet.
pub(crate) const UNTAGGED: u8 = u8::MAX;

pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true; // an initial: `John F. Kennedy`
    }
    // ASCII only: `eq_ignore_ascii_case` matched nothing else.
    w.len() <= 5 && w.is_ascii() && lexicon::ABBREVIATIONS.contains_lowercase(w)
}

/// `the U.S. He says …`, `by 10 p.m. The polls …`: an abbreviation that is not a title before a
/// name may end a sentence, when a word that only opens sentences follows.
fn ends_like_a_place(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() > 1
        && !lexicon::ABBREVIATIONS_BEFORE_A_WORD.contains(w.to_ascii_lowercase().as_str())
}

fn opens_sentence(word: &str) -> bool {
    lexicon::SENTENCE_OPENERS.contains(word)
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
        // News runs to about a token every five bytes, some articles more: room enough for
        // nearly all at once, since growing the list copies every token.
        let mut tokens = Vec::with_capacity(text.len() / 4);
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
                let span = mark_at[next_mark].1;
                // `''to fight tonight.''`: a mark of two apostrophes is one token, so that
                // what follows it (a new sentence, a source) is read as it is after `”`.
                let end = if doubled_mark(text, &spans[span], i, c) {
                    pos += c.len_utf8();
                    i + 2 * c.len_utf8()
                } else {
                    i + c.len_utf8()
                };
                tokens.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Mark,
                    quote: Some(span as u32),
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: c.is_ascii() || lowers_as_ascii(&text[i..end]),
                    capitalised: c.is_uppercase(),
                });
                continue;
            }
            if is_word_char(c) || (c == '@' || c == '#') {
                let mut end = pos;
                let mut ascii = c.is_ascii();
                loop {
                    // ASCII letters and digits, the bulk of every word: eight bytes at a
                    // time, then the last few a byte at a time.
                    while let Some(run) = bytes.get(end..end + 8).map(alphanumeric_prefix) {
                        end += run;
                        if run < 8 {
                            break;
                        }
                    }
                    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                        end += 1;
                    }
                    let j = end;
                    // A space ends most words: told on the byte, before the character's tests.
                    if bytes.get(j) == Some(&b' ') {
                        break;
                    }
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
                // The space after the word, if one follows, is skipped here rather than read
                // again as a character by the loop (spaces make no token).
                pos = if bytes.get(end) == Some(&b' ') {
                    end + 1
                } else {
                    end
                };
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
                    lowers_as_ascii: c.is_ascii() || lowers_as_ascii(&text[i..i + c.len_utf8()]),
                    capitalised: c.is_uppercase(),
                });
            }
        }
        mark_sentence_ends(text, &mut tokens);
        Document {
            text,
            tag_memo: vec![Cell::new(UNTAGGED); 2 * tokens.len()],
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

/// How many of the eight `bytes` (all there are) are ASCII letters or digits before the first
/// that is not: one test for a whole short word instead of a branch a byte, whose end the
/// processor mispredicted once a word. Each byte is compared by adding to it, eight at once; a
/// byte beyond ASCII may carry into the bytes after it, which all lie past the prefix.
fn alphanumeric_prefix(bytes: &[u8]) -> usize {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let Ok(eight) = <[u8; 8]>::try_from(bytes) else {
        return 0;
    };
    let x = u64::from_le_bytes(eight);
    // Bit 7 of each byte of the result: the byte (below 0x80) lies in `lo..=hi`.
    let in_range = |x: u64, lo: u8, hi: u8| {
        let from_lo = x.wrapping_add(u64::from(0x80 - lo) * EACH);
        let past_hi = x.wrapping_add(u64::from(0x7f - hi) * EACH);
        from_lo & !past_hi
    };
    let letters = in_range(x | (0x20 * EACH), b'a', b'z');
    let digits = in_range(x, b'0', b'9');
    let alphanumeric = (letters | digits) & !x & (0x80 * EACH);
    (!alphanumeric & (0x80 * EACH)).trailing_zeros() as usize / 8
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

/// Whether the mark `c` at byte `i` of a span quoted by two apostrophes (or two backticks) is
/// doubled: the second character belongs to the mark, not to the text.
fn doubled_mark(text: &str, span: &QuotedSpan, i: usize, c: char) -> bool {
    span.two_apostrophes && matches!(c, '\'' | '`') && text[i + c.len_utf8()..].starts_with(c)
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
            // `in the U.S. He says …`: a dotted abbreviation keeps its full stop. A word ending
            // in one is told by its last byte, not a slice of the text: asked of every word,
            // and nearly none does.
            if text.as_bytes().get(t.end.wrapping_sub(1)) != Some(&b'.') {
                continue;
            }
            let w = &text[t.start..t.end];
            if ends_like_a_place(w)
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
                // `the No. 2 Republican`: a number's abbreviation, capitalised, before its
                // number (`He said no. 2 …` is two sentences).
                if prev.kind == TokKind::Word
                    && prev.end == t.start
                    && text[prev.start..].starts_with(char::is_uppercase)
                    && lexicon::ABBREVIATIONS_BEFORE_A_NUMBER
                        .contains_lowercase(&text[prev.start..prev.end])
                    && tokens.get(i + 1).is_some_and(|nx| {
                        text[nx.start..].starts_with(|c: char| c.is_ascii_digit())
                    })
                {
                    continue;
                }
            }
        }
        // The sentence ends after the closing marks and brackets that follow the punctuation
        // (`… nine districts.) But if …`).
        let mut j = i;
        while tokens.get(j + 1).is_some_and(|x| {
            matches!(x.kind, TokKind::Mark | TokKind::Punct(')' | ']')) && x.start == tokens[j].end
        }) {
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

/// The seed of [`random_eight_bytes`].
#[cfg(test)]
pub(crate) const RANDOM_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// Eight pseudo-random bytes (xorshift64 on `seed`) for the tests of the scans that read eight
/// bytes at a time: any byte value on even rounds, bytes of `alphabet` on odd ones.
#[cfg(test)]
pub(crate) fn random_eight_bytes(seed: &mut u64, round: usize, alphabet: &[u8]) -> [u8; 8] {
    let mut eight = [0u8; 8];
    for b in &mut eight {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let byte = (*seed >> 24) as u8;
        *b = if round % 2 == 0 {
            byte
        } else {
            alphabet[usize::from(byte) % alphabet.len()]
        };
    }
    eight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::quoted_spans;

    #[test]
    fn abbreviations_match_ignoring_ascii_case_only() {
        let by_scan = |word: &str| {
            let w = word.trim_end_matches('.');
            (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                || (w.len() <= 5
                    && lexicon::ABBREVIATIONS
                        .words()
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(w)))
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
                let span = mark_at[next_mark].1;
                let end = if doubled_mark(text, &spans[span], i, c) {
                    chars.next();
                    i + 2 * c.len_utf8()
                } else {
                    i + c.len_utf8()
                };
                tokens.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Mark,
                    quote: Some(span as u32),
                    para,
                    ends_sentence: false,
                    lowers_as_ascii: lowers_as_ascii(&text[i..end]),
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
        let mut texts: Vec<String> = crate::quotes::EXAMPLE_ARTICLES.map(str::to_string).to_vec();
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
            let spans = quoted_spans(t, crate::quotes::marks::MarkSet::EVERY);
            let d = Document::new(t, &spans);
            let want = reference_tokens(t, &spans);
            assert_eq!(format!("{:?}", d.tokens), format!("{want:?}"), "{t:?}");
        }
    }

    #[test]
    fn alphanumeric_prefixes_are_counted_byte_by_byte() {
        let by_bytes = |b: &[u8]| b.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let mut seed = RANDOM_SEED;
        for round in 0..200_000 {
            // Every byte value, and runs of letters and digits often enough to be long.
            let eight = random_eight_bytes(&mut seed, round, b"aZ09m@[`{/:\x80\xff");
            assert_eq!(alphanumeric_prefix(&eight), by_bytes(&eight), "{eight:?}");
        }
        for b in 0..=255u8 {
            let mut eight = *b"abcdefgh";
            for k in 0..8 {
                let mut v = eight;
                v[k] = b;
                assert_eq!(alphanumeric_prefix(&v), by_bytes(&v), "{v:?}");
            }
            eight[0] = b;
            assert_eq!(alphanumeric_prefix(&eight), by_bytes(&eight));
        }
    }

    /// The document of `t`, its tokens as written and the tokens that end a sentence.
    fn words_and_ends(t: &str) -> (Document<'_>, Vec<&str>, Vec<usize>) {
        let spans = quoted_spans(t, crate::quotes::marks::MarkSet::EVERY);
        let d = Document::new(t, &spans);
        let words = d.tokens.iter().map(|x| &t[x.start..x.end]).collect();
        let ends = (0..d.tokens.len())
            .filter(|&i| d.tokens[i].ends_sentence)
            .collect();
        (d, words, ends)
    }

    #[test]
    fn words_and_sentences() {
        let t = "Sen. Ann Lee of the U.S. Senate said “No.” Then she left.";
        let (d, words, ends) = words_and_ends(t);
        assert_eq!(
            words,
            vec![
                "Sen", ".", "Ann", "Lee", "of", "the", "U.S.", "Senate", "said", "“", "No", ".",
                "”", "Then", "she", "left", "."
            ]
        );
        assert_eq!(ends, vec![12, 16]);
        assert_eq!(d.tokens[10].quote, Some(0));
        assert_eq!(d.tokens[13].quote, None);
    }

    #[test]
    fn a_sentence_ends_after_the_bracket_that_closes_it() {
        let t = "He may win two of the nine seats (the coast and the north.) But turnout is low.";
        let (_, words, ends) = words_and_ends(t);
        let bracket = words.iter().position(|w| *w == ")").unwrap_or_default();
        assert_eq!(ends, vec![bracket, words.len() - 1]);
    }

    #[test]
    fn a_mark_of_two_apostrophes_is_one_token() {
        // The style of The New York Times' archive: the sentence ends after the closing pair,
        // as it does after `”`.
        let t = "He said they must be ready ''to sail tonight.'' The harbour was quiet.";
        let (d, words, ends) = words_and_ends(t);
        assert_eq!(
            words,
            vec![
                "He", "said", "they", "must", "be", "ready", "''", "to", "sail", "tonight", ".",
                "''", "The", "harbour", "was", "quiet", "."
            ]
        );
        assert_eq!(d.tokens[6].kind, TokKind::Mark);
        assert_eq!(d.tokens[11].kind, TokKind::Mark);
        assert_eq!(ends, vec![11, 16]);
    }
}
