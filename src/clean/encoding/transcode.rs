//! Byte-level touch-ups applied between encoding text back to bytes and decoding it as UTF-8.
//!
//! Both repair damage that happened *after* the mojibake was made, so the bytes are no longer
//! valid UTF-8 even though they clearly were once:
//! - a no-break space (byte A0 inside a UTF-8 sequence) that some program turned into a space;
//! - a byte a lossy decoder replaced with U+FFFD (or `?`), so the sequence cannot be recovered
//!   but can still be recognised and decoded as one U+FFFD.
//!
//! Each byte carries the index of the character it came from (`src`), so every decoded
//! character can still be traced back to the text.

/// Bytes under repair with, for each, the index of the source character (`src`; empty while
/// byte `i` still comes from character `i`, which saves building it for most lines).
pub(super) struct TracedBytes {
    pub bytes: Vec<u8>,
    pub src: Vec<usize>,
}

impl TracedBytes {
    /// Index of the character that byte `i` came from.
    pub(super) fn source(&self, i: usize) -> usize {
        if self.src.is_empty() {
            i
        } else {
            self.src[i]
        }
    }
}

const NBSP: u8 = 0xA0;

/// Continuation bytes that plausibly sit next to a lost A0. 85 (… in Windows-1252) and A0
/// itself are left out.
fn near_lost_a0(b: u8) -> bool {
    matches!(b, 0x80..=0x84 | 0x86..=0x9F | 0xA1..=0xBF)
}

fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// Length of a UTF-8 sequence at `b[i..]` that would be valid if its spaces were A0, or 0.
///
/// Lead bytes are limited to those whose characters are likely next to a space: `C2` (no-break
/// space), `C3` (à), `C5` (Š), `CE` (Π), `D0` (Р), `D9` (Arabic digits); three-byte leads E0..E3
/// (many scripts and punctuation, but not the CJK blocks of E4 and up); four-byte only F0.
fn altered_sequence_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied();
    let is = |k: usize, f: &dyn Fn(u8) -> bool| at(k).is_some_and(f);
    let space = |x: u8| x == b' ';
    match b[i] {
        0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD9 if is(1, &space) => 2,
        0xE2 | 0xE3 if is(1, &space) && is(2, &near_lost_a0) => 3,
        0xE0..=0xE3 if is(1, &near_lost_a0) && is(2, &space) => 3,
        0xF0 => {
            let pattern_ok = (1..4).all(|k| is(k, &|x| is_cont(x) || x == b' '))
                && (1..4).filter(|&k| is(k, &space)).count() == 1;
            if pattern_ok {
                4
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// True when some UTF-8 sequence here is broken only by a space that used to be byte A0.
pub(super) fn has_lost_a0(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b >= 0xC2 && altered_sequence_at(bytes, i) > 0)
}

/// How to read `Ã ` (byte C3, then a space) when the space may stand for the lost A0 of "à".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AGrave {
    /// "à" is a word of its own and the space is the word break (French "à la", Portuguese "à
    /// noite"): insert the A0 and keep the space, except before the Portuguese contractions "às",
    /// "àquele", "àquela", "àquilo", whose space is the A0 itself.
    Word,
    /// "à" sits inside words (Vietnamese "hài", "này"): the space is the A0.
    InsideWord,
}

/// Puts byte A0 back where a space broke a UTF-8 sequence. Returns whether some `Ã ` was read
/// as the word "à".
pub(super) fn restore_byte_a0(t: &mut TracedBytes, a_grave: AGrave) -> bool {
    let bytes = &t.bytes;
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut out_src = Vec::with_capacity(bytes.len() + 4);
    let mut inserted = false;
    for i in 0..bytes.len() {
        out.push(bytes[i]);
        out_src.push(t.source(i));
        if a_grave == AGrave::Word
            && bytes[i] == 0xC3
            && bytes.get(i + 1) == Some(&b' ')
            && !portuguese_contraction(&bytes[i + 2..])
        {
            out.push(NBSP);
            out_src.push(t.source(i));
            inserted = true;
        }
    }
    let mut i = 0;
    while i < out.len() {
        let len = altered_sequence_at(&out, i);
        if len == 0 {
            i += 1;
            continue;
        }
        for b in &mut out[i..i + len] {
            if *b == b' ' {
                *b = NBSP;
            }
        }
        i += len;
    }
    t.bytes = out;
    t.src = out_src;
    inserted
}

fn portuguese_contraction(after: &[u8]) -> bool {
    [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Byte a sloppy code page wrote for U+FFFD.
const LOST: u8 = super::codepages::SUBSTITUTE;

/// Length of a UTF-8 sequence at `b[i..]` some of whose bytes were lost (0x1A, or at most one
/// `?`), or 0.
fn lossy_sequence_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let lost = |x: u8| x == LOST;
    let lost_or_q = |x: u8| x == LOST || x == b'?';
    let cont_or_lost = |x: u8| is_cont(x) || x == LOST;
    let any = |x: u8| is_cont(x) || x == LOST || x == b'?';
    let lead = at(0);
    if (0xC2..=0xDF).contains(&lead) && lost(at(1)) {
        return 2;
    }
    if (0xC2..=0xC3).contains(&lead) && at(1) == b'?' {
        return 2;
    }
    let surrogate_pair = lead == 0xED
        && (0xA0..=0xAF).contains(&at(1))
        && at(3) == 0xED
        && (0xB0..=0xBF).contains(&at(4));
    if surrogate_pair && ((lost_or_q(at(2)) && any(at(5))) || (any(at(2)) && lost_or_q(at(5)))) {
        return 6;
    }
    if (0xE0..=0xEF).contains(&lead)
        && ((lost_or_q(at(1)) && cont_or_lost(at(2))) || (cont_or_lost(at(1)) && lost_or_q(at(2))))
    {
        return 3;
    }
    if (0xF0..=0xF4).contains(&lead) {
        let tail = [at(1), at(2), at(3)];
        for q in 0..3 {
            let ok = (0..3).all(|k| {
                if k == q {
                    lost_or_q(tail[k])
                } else {
                    cont_or_lost(tail[k])
                }
            });
            if ok {
                return 4;
            }
        }
    }
    usize::from(lead == LOST)
}

/// Whether [`replace_lossy_sequences`] would change `bytes`.
pub(super) fn has_lossy_sequence(bytes: &[u8]) -> bool {
    memchr::memchr2(LOST, b'?', bytes).is_some()
        && (0..bytes.len()).any(|i| lossy_sequence_at(bytes, i) > 0)
}

/// Replaces UTF-8 sequences that lost bytes (and any stray lost byte) with U+FFFD's bytes.
pub(super) fn replace_lossy_sequences(t: &mut TracedBytes) {
    if memchr::memchr2(LOST, b'?', &t.bytes).is_none() {
        return;
    }
    let Some(first_hit) = (0..t.bytes.len()).find(|&i| lossy_sequence_at(&t.bytes, i) > 0) else {
        return;
    };
    let mut out = Vec::with_capacity(t.bytes.len());
    let mut out_src = Vec::with_capacity(t.bytes.len());
    out.extend_from_slice(&t.bytes[..first_hit]);
    out_src.extend((0..first_hit).map(|i| t.source(i)));
    let mut i = first_hit;
    while i < t.bytes.len() {
        let len = lossy_sequence_at(&t.bytes, i);
        if len == 0 {
            out.push(t.bytes[i]);
            out_src.push(t.source(i));
            i += 1;
            continue;
        }
        // U+FFFD's three bytes span the sources of everything they replace.
        let (first, last) = (t.source(i), t.source(i + len - 1));
        out.extend_from_slice("\u{FFFD}".as_bytes());
        out_src.extend_from_slice(&[first, first, last]);
        i += len;
    }
    t.bytes = out;
    t.src = out_src;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traced(b: &[u8]) -> TracedBytes {
        TracedBytes {
            bytes: b.to_vec(),
            src: Vec::new(),
        }
    }

    #[test]
    fn restores_a_grave() {
        let mut t = traced(b"voil\xc3 le travail");
        assert!(has_lost_a0(&t.bytes));
        restore_byte_a0(&mut t, AGrave::Word);
        assert_eq!(t.bytes, b"voil\xc3\xa0 le travail");
        assert_eq!(t.src[5], 4);
        let mut t = traced(b"\xc3 s dez");
        restore_byte_a0(&mut t, AGrave::Word);
        assert_eq!(t.bytes, b"\xc3\xa0s dez");
    }

    #[test]
    fn restores_three_byte_sequences() {
        let mut t = traced(b"a\xe2\x80 b");
        restore_byte_a0(&mut t, AGrave::Word);
        assert_eq!(t.bytes, b"a\xe2\x80\xa0b");
    }

    #[test]
    fn lossy_sequences() {
        let mut t = traced(b"\xe2\x80\x1a and \x1a");
        replace_lossy_sequences(&mut t);
        assert_eq!(t.bytes, "\u{FFFD} and \u{FFFD}".as_bytes());
        assert_eq!(&t.src[..3], &[0, 0, 2]);
        let mut t = traced(b"plain?");
        replace_lossy_sequences(&mut t);
        assert_eq!(t.bytes, b"plain?");
    }
}
