//! Quotation marks and how they pair into quoted spans.
//!
//! News uses several conventions at once (straight and curly marks, `„…“`, `«…»`, single marks
//! inside double ones, or single marks as the primary quote in British headlines), and real text
//! has typos: a closing mark typed as an opening one, a forgotten closing mark. Pairing is
//! therefore decided per mark from its glyph *and* its surroundings (a mark followed by a word
//! and preceded by a space opens; one after a word and before a space or punctuation closes),
//! paragraph by paragraph, so that a stray mark can never swallow the rest of the article.
//!
//! The paragraph continuation convention is honoured: a paragraph that opens a double quote and
//! does not close it continues into the next paragraph when that one starts with an opening mark.

pub(crate) use crate::quotes::doc::{Family, QuotedSpan};

/// What the glyph itself says about the mark's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Opening,
    Closing,
    /// Straight marks: the surroundings decide.
    Either,
    /// `„` and `‚`, whose partner is a high `“`/`‘` in German style.
    LowOpening,
}

/// A mark found in the text.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    glyph: Glyph,
    can_open: bool,
    can_close: bool,
}

impl Mark {
    /// Two apostrophes standing for a double mark (`''`): the only two-byte mark of the
    /// double family that is neither opening nor closing.
    fn is_two_apostrophes(&self) -> bool {
        self.family == Family::Double && self.glyph == Glyph::Either && self.len == 2
    }
}

fn classify(c: char) -> Option<(Family, Glyph)> {
    Some(match c {
        '"' => (Family::Double, Glyph::Either),
        '\u{201C}' | '\u{201F}' | '\u{00AB}' => (Family::Double, Glyph::Opening),
        '\u{201D}' | '\u{00BB}' => (Family::Double, Glyph::Closing),
        '\u{201E}' => (Family::Double, Glyph::LowOpening),
        '\'' => (Family::Single, Glyph::Either),
        '\u{2018}' | '\u{2039}' => (Family::Single, Glyph::Opening),
        '\u{2019}' | '\u{203A}' => (Family::Single, Glyph::Closing),
        '\u{201A}' => (Family::Single, Glyph::LowOpening),
        _ => return None,
    })
}

/// Characters after which a mark may open a quote although they are not white space.
fn opens_after(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | '>'
    ) || classify(c).is_some()
}

/// Characters before which a mark may close a quote although they are not white space.
fn closes_before(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '\u{2014}'
            | '\u{2013}'
            | '-'
            | '\u{2026}'
            | '<'
            | '/'
    ) || classify(c).is_some()
}

fn mark_at(para: &str, base: usize, i: usize, c: char) -> Option<Mark> {
    let (family, glyph) = classify(c)?;
    let before = para[..i].chars().next_back();
    let after = para[i + c.len_utf8()..].chars().next();
    let space_before = before.is_none_or(char::is_whitespace);
    let space_after = after.is_none_or(char::is_whitespace);
    let can_open = !space_after && (space_before || before.is_some_and(opens_after));
    let can_close = !space_before && (space_after || after.is_some_and(closes_before));
    if family == Family::Single {
        // A single mark between two letters or digits is an apostrophe (don't, O'Neill, '90s
        // after a space is handled by requiring a letter after an opening single mark).
        let alnum = |o: Option<char>| o.is_some_and(char::is_alphanumeric);
        if alnum(before) && alnum(after) {
            return None;
        }
        // `’` never opens: as an opening mark it is the elided-year or elided-word apostrophe.
        if glyph == Glyph::Closing && can_open && !can_close {
            return None;
        }
    }
    Some(Mark {
        at: base + i,
        len: c.len_utf8(),
        family,
        glyph,
        can_open,
        can_close,
    })
}

fn double_apostrophe_at(para: &str, base: usize, i: usize) -> Option<Mark> {
    let before = para[..i].chars().next_back();
    let after = para[i + 2..].chars().next();
    let space_before = before.is_none_or(char::is_whitespace);
    let space_after = after.is_none_or(char::is_whitespace);
    Some(Mark {
        at: base + i,
        len: 2,
        family: Family::Double,
        glyph: Glyph::Either,
        can_open: !space_after && (space_before || before.is_some_and(opens_after)),
        can_close: !space_before && (space_after || after.is_some_and(closes_before)),
    })
}

/// Which marks open quotations. `''` (two apostrophes) is always a double mark; whether its
/// quotation counts as one or as reported speech is the options' business
/// ([`QuotedSpan::two_apostrophes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MarkSet {
    /// Single marks may open a quotation of their own (not only nested in a double one).
    pub single_primary: bool,
}

impl MarkSet {
    /// Every convention on (the default options' marks), for the tests.
    #[cfg(test)]
    pub(crate) const EVERY: MarkSet = MarkSet {
        single_primary: true,
    };
}

/// Markup tags (`<tweet id="…">`) carry attribute values in quotes that nobody said.
fn tag_end(para: &str, i: usize) -> Option<usize> {
    let rest = &para[i + 1..];
    let first = rest.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/') {
        return None;
    }
    let mut limit = rest.len().min(400);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &rest[..limit];
    // Only skip what looks like a tag: no other `<` before its `>`.
    let close = window.find('>')?;
    if window[..close].contains('<') {
        return None;
    }
    Some(i + 1 + close + 1)
}

/// The bytes that may start a mark or a tag: `<`, `"`, `'`, and the lead bytes 0xC2
/// (guillemets) and 0xE2 (the U+20xx quotes). Everything else is skipped in a tight loop.
const MARK_START: [bool; 256] = {
    let mut table = [false; 256];
    table[b'<' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// Whether any of the eight `bytes` is a [`MARK_START`] byte, tested on all eight at once: the
/// byte-at-a-time table look-up took about 2% of the running time, reading every byte of the
/// text. A byte equal to `c` is a zero byte of `x ^ c`, which the classic test finds (it may
/// misplace a zero, never invent one where there is none).
fn may_start_a_mark(bytes: &[u8]) -> bool {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let Ok(eight) = <[u8; 8]>::try_from(bytes) else {
        return true;
    };
    let x = u64::from_le_bytes(eight);
    let zeros = [b'<', b'"', b'\'', 0xC2, 0xE2].iter().fold(0, |zeros, &c| {
        let v = x ^ (u64::from(c) * EACH);
        zeros | (v.wrapping_sub(EACH) & !v)
    });
    zeros & (0x80 * EACH) != 0
}

fn marks_of(para: &str, base: usize, out: &mut Vec<Mark>) {
    let bytes = para.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes none of which may start a mark are skipped at once: most of an article.
        if let Some(eight) = bytes.get(i..i + 8) {
            if !may_start_a_mark(eight) {
                i += 8;
                continue;
            }
        }
        if !MARK_START[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let b = bytes[i];
        if b == b'<' {
            if let Some(end) = tag_end(para, i) {
                i = end;
                continue;
            }
        }
        // Every mark is either `"`/`'` (ASCII) or a multi-byte character starting with 0xC2
        // (guillemets) or 0xE2 (the U+20xx quotes): skip everything else cheaply.
        if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            // `''` stands for a double mark in some archives (`''We will,'' he said.`).
            if let Some(m) = double_apostrophe_at(para, base, i) {
                out.push(m);
            }
            i += 2;
            continue;
        }
        if b == b'"' || b == b'\'' || b == 0xC2 || b == 0xE2 {
            if let Some(c) = para[i..].chars().next() {
                if let Some(m) = mark_at(para, base, i, c) {
                    out.push(m);
                }
                i += c.len_utf8();
                continue;
            }
        }
        i += 1;
    }
}

/// Deepest nesting of open quotes tracked; further opening marks are ignored.
const MAX_DEPTH: usize = 8;

/// An opening mark waiting for its partner.
#[derive(Debug, Clone)]
struct Open {
    mark: Mark,
    /// Closed double quotes found inside this one (to undo a nesting that was really a typo).
    inner: Vec<QuotedSpan>,
    reopenings: Vec<usize>,
}

/// Pairs marks into quoted spans, in text order (outermost quotes only: nested quotes are part
/// of their outer quote's text).
pub(crate) fn quoted_spans(text: &str, set: MarkSet) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    // `carried` is a double quote left open at the end of a paragraph, waiting to see whether
    // the next paragraph re-opens it.
    let mut carried: Option<(Open, usize)> = None;
    for (para_start, para) in paragraphs(text) {
        marks.clear();
        marks_of(para, para_start, &mut marks);
        let mut stack: Vec<Open> = Vec::new();
        let mut first = 0;
        if let Some((open, prev_end)) = carried.take() {
            match marks.first() {
                Some(m)
                    if m.family == Family::Double
                        && m.can_open
                        && m.glyph != Glyph::Closing
                        && text[para_start..m.at].trim().is_empty() =>
                {
                    let mut open = open;
                    open.reopenings.push(m.at);
                    stack.push(open);
                    first = 1;
                }
                _ => finish_unclosed(open, prev_end, text, &mut out),
            }
        }
        for m in &marks[first..] {
            step(m, set.single_primary, &mut stack, &mut out);
        }
        let para_end = para_start + para.len();
        // Single quotes left open are apostrophes or typos: forget them.
        while stack
            .last()
            .is_some_and(|o| o.mark.family == Family::Single)
        {
            stack.pop();
        }
        stack.truncate(1);
        if let Some(outer) = stack.pop() {
            carried = Some((outer, para_end));
        }
    }
    if let Some((open, prev_end)) = carried {
        finish_unclosed(open, prev_end, text, &mut out);
    }
    out.sort_by_key(|s| s.open);
    out
}

fn step(m: &Mark, single_primary: bool, stack: &mut Vec<Open>, out: &mut Vec<QuotedSpan>) {
    let top_family = stack.last().map(|o| o.mark.family);
    let open_double = stack.iter().rposition(|o| o.mark.family == Family::Double);
    let wants_close = match (m.family, m.glyph) {
        // A high opening mark closes a low one („…“), and a typo `“` after a word closes.
        (Family::Double, Glyph::Opening) => {
            open_double.is_some()
                && ((m.can_close && !m.can_open)
                    || stack
                        .get(open_double.unwrap_or(0))
                        .is_some_and(|o| o.mark.glyph == Glyph::LowOpening && !m.can_open))
        }
        (Family::Double, Glyph::Closing) => open_double.is_some() && (m.can_close || !m.can_open),
        (Family::Double, Glyph::Either) => open_double.is_some() && (m.can_close || !m.can_open),
        (Family::Double, Glyph::LowOpening) => false,
        (Family::Single, Glyph::Opening) | (Family::Single, Glyph::LowOpening) => {
            top_family == Some(Family::Single)
                && m.can_close
                && !m.can_open
                && stack
                    .last()
                    .is_some_and(|o| o.mark.glyph == Glyph::LowOpening)
        }
        (Family::Single, _) => top_family == Some(Family::Single) && m.can_close,
    };
    if wants_close {
        let Some(idx) = (match m.family {
            Family::Double => open_double,
            Family::Single => stack.len().checked_sub(1),
        }) else {
            return;
        };
        // Closing a double quote also closes any single quote left open inside it.
        stack.truncate(idx + 1);
        let Some(open) = stack.pop() else { return };
        let span = QuotedSpan {
            open: open.mark.at,
            start: open.mark.at + open.mark.len,
            end: m.at,
            close: m.at + m.len,
            closed: true,
            family: open.mark.family,
            two_apostrophes: open.mark.is_two_apostrophes(),
            reopenings: open.reopenings,
        };
        match stack.last_mut() {
            Some(parent) => {
                if span.family == Family::Double {
                    parent.inner.push(span);
                }
            }
            None => out.push(span),
        }
        return;
    }
    let opens = match m.glyph {
        Glyph::Closing => m.can_open && !m.can_close && m.family == Family::Double,
        Glyph::Either => m.can_open,
        Glyph::Opening | Glyph::LowOpening => m.can_open || !m.can_close,
    };
    if !opens {
        return;
    }
    // A single mark only opens where a quote can start: after a space, an opening bracket or
    // another mark, and before a letter or digit.
    if m.family == Family::Single && (!m.can_open || (!single_primary && stack.is_empty())) {
        return;
    }
    // Real quotes nest two or three deep; a run of stray opening marks must not make the
    // stack (and each look-up in it) grow with the text.
    if stack.len() >= MAX_DEPTH {
        return;
    }
    stack.push(Open {
        mark: *m,
        inner: Vec::new(),
        reopenings: Vec::new(),
    });
}

/// A double quote that was never closed. When it holds closed quotes, its opening mark was most
/// likely a typo for a closing one or a stray: the content ends before the first inner quote,
/// and the inner quotes stand on their own. Otherwise it runs to the end of its paragraph.
fn finish_unclosed(open: Open, para_end: usize, text: &str, out: &mut Vec<QuotedSpan>) {
    let start = open.mark.at + open.mark.len;
    let end = match open.inner.first() {
        Some(first) => first.open,
        None => para_end,
    };
    let end = trim_end_to(text, start, end);
    if end > start {
        out.push(QuotedSpan {
            open: open.mark.at,
            start,
            end,
            close: end,
            closed: false,
            family: open.mark.family,
            two_apostrophes: open.mark.is_two_apostrophes(),
            reopenings: open.reopenings,
        });
    }
    out.extend(open.inner);
}

fn trim_end_to(text: &str, start: usize, end: usize) -> usize {
    let slice = text.get(start..end).unwrap_or("");
    start + slice.trim_end().len()
}

/// Non-empty lines with their byte offsets. News paragraphs are lines (blank lines between
/// them are skipped).
pub(crate) fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        (!line.trim().is_empty()).then_some((start, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::doc::{random_eight_bytes, RANDOM_SEED};

    const ALL: MarkSet = MarkSet::EVERY;

    fn contents(text: &str) -> Vec<&str> {
        quoted_spans(text, ALL)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        let t = "“We will win,” she said. He replied: \"Not this year.\"";
        assert_eq!(contents(t), vec!["We will win,", "Not this year."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t =
            "The mayor’s office said it didn’t know. ‘We’ll see,’ an aide said of the ’90s plan.";
        assert_eq!(contents(t), vec!["We’ll see,"]);
    }

    #[test]
    fn single_quotes_nest_inside_double() {
        let t = "“He told me, ‘Don’t worry about the voters’ mood,’ and left,” Ms Reyes said.";
        assert_eq!(
            contents(t),
            vec!["He told me, ‘Don’t worry about the voters’ mood,’ and left,"]
        );
    }

    #[test]
    fn german_and_french_marks() {
        assert_eq!(
            contents("Er sagte: „Wir schaffen das“."),
            vec!["Wir schaffen das"]
        );
        assert_eq!(contents("Il a dit : «Non merci» hier."), vec!["Non merci"]);
    }

    #[test]
    fn quote_continues_over_paragraphs() {
        let t = "“The first part of the speech.\n\n“The second part,” the governor said.";
        let spans = quoted_spans(t, ALL);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].reopenings.len(), 1);
        assert!(t[spans[0].start..spans[0].end].ends_with("The second part,"));
    }

    #[test]
    fn stray_mark_stays_in_its_paragraph() {
        let t = "The senator was 6' 2\" and said “nothing\n\nA new paragraph with “a quote” here.";
        assert_eq!(contents(t), vec!["nothing", "a quote"]);
    }

    #[test]
    fn typo_closing_mark_written_as_opening() {
        assert_eq!(
            contents("“It's unusual,“ said Larry Noble, a lawyer."),
            vec!["It's unusual,"]
        );
    }

    #[test]
    fn tag_attributes_are_not_quotes() {
        let t = "<tweet id=\"12345\" author=\"@someone\">Big news</tweet> and “real words” here";
        assert_eq!(contents(t), vec!["real words"]);
    }

    #[test]
    fn nested_doubles_stay_nested() {
        let t = "Jack noted that “many of those on the “list” are undecided” and left.";
        assert_eq!(
            contents(t),
            vec!["many of those on the “list” are undecided"]
        );
    }

    #[test]
    fn two_apostrophes_and_double_only() {
        let t = "''We will,'' Mr. Welch said. A ‘headline quote’ here.";
        assert_eq!(contents(t), vec!["We will,", "headline quote"]);
        let double_only = MarkSet {
            single_primary: false,
        };
        // Two apostrophes still quote (the options decide how to count it); a lone single
        // mark no longer does.
        let spans = quoted_spans(t, double_only);
        assert_eq!(spans.len(), 1);
        assert_eq!(&t[spans[0].start..spans[0].end], "We will,");
        assert!(spans[0].two_apostrophes);
        assert!(!quoted_spans("“We will,” he said.", double_only)[0].two_apostrophes);
    }

    #[test]
    fn no_marks_no_spans() {
        assert!(quoted_spans("Nothing quoted here, just the mayor’s plan.", ALL).is_empty());
        assert!(quoted_spans("", ALL).is_empty());
        assert!(quoted_spans("\"", ALL).is_empty());
    }

    #[test]
    fn eight_bytes_may_start_a_mark_when_one_of_them_may() {
        let mut seed = RANDOM_SEED;
        for round in 0..200_000 {
            // Any byte, and the bytes that start marks (`“` is E2 80 9C) often.
            let eight = random_eight_bytes(&mut seed, round, b"ab <\"'\xC2\xE2\x80\x9C\x01\xFF");
            let by_table = eight.iter().any(|&b| MARK_START[usize::from(b)]);
            assert_eq!(may_start_a_mark(&eight), by_table, "{eight:?}");
        }
    }
}
