//! Byte-scanning helpers shared by the steps, so that text with nothing to repair costs one
//! quick pass and no allocation.

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

#[inline]
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = b.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Position of the first non-ASCII byte at or after `from`, or `b.len()`.
#[inline]
pub(super) fn next_non_ascii(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = word_at(b, i) {
        if w & HIGH_BITS != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i.min(b.len())
}

/// True when some byte of `w` is below 0x20 or is 0x7F (an ASCII control), checked eight bytes
/// at a time. Bytes of 0x80 and above never count.
#[inline]
fn word_has_ascii_control(w: u64) -> bool {
    // The classic "has a byte less than n" test: exact as a yes/no answer for n <= 0x80.
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH_BITS;
    let x = w ^ (ONES * 0x7f);
    let is_del = x.wrapping_sub(ONES) & !x & HIGH_BITS;
    (below_space | is_del) != 0
}

/// Position of the first ASCII control byte (below 0x20, or 0x7F) at or after `from` for which
/// `wanted` says yes, or `b.len()`.
#[inline]
pub(super) fn next_ascii_control(b: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    loop {
        match word_at(b, i) {
            Some(w) if !word_has_ascii_control(w) => i += 8,
            Some(_) => {
                for (k, &c) in b[i..i + 8].iter().enumerate() {
                    if (c < 0x20 || c == 0x7f) && wanted(c) {
                        return i + k;
                    }
                }
                i += 8;
            }
            None => break,
        }
    }
    while i < b.len() {
        let c = b[i];
        if (c < 0x20 || c == 0x7f) && wanted(c) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// True when `chunk` holds an ASCII control other than tab and line feed (or DEL). Written as a
/// plain loop over a fixed-size block so that the compiler turns it into vector compares:
/// several times faster than the word-at-a-time test on text with a line break every few
/// hundred bytes.
#[inline]
fn chunk_has_unusual_control(chunk: &[u8; 64]) -> bool {
    let mut found = 0u8;
    for &c in chunk {
        found |= u8::from((c < 0x20 && c != b'\n' && c != b'\t') || c == 0x7f);
    }
    found != 0
}

/// Like [`next_ascii_control`], for callers that never want tab or line feed (removing or
/// reporting controls, where those two are ordinary whitespace): whole 64-byte blocks without
/// any other control are skipped first.
#[inline]
pub(crate) fn next_unusual_control(b: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    let wanted = |c: u8| c != b'\n' && c != b'\t' && wanted(c);
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 64) {
        let Ok(block) = <&[u8; 64]>::try_from(chunk) else {
            break;
        };
        if chunk_has_unusual_control(block) {
            let at = next_ascii_control(&b[..i + 64], i, wanted);
            if at < i + 64 {
                return at;
            }
        }
        i += 64;
    }
    next_ascii_control(b, i.min(b.len()), wanted)
}

/// The length in bytes of the UTF-8 sequence that starts with `lead` (1 for ASCII and for
/// bytes that cannot start a sequence, which never happens on a `&str` boundary).
#[inline]
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// The character starting at byte `i` of `text`, if `i` is a character boundary.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_first_non_ascii_byte_across_words() {
        let t = "The mayor of S\u{e3}o Paulo spoke.";
        assert_eq!(
            next_non_ascii(t.as_bytes(), 0),
            t.find('\u{e3}').unwrap_or(0)
        );
        assert_eq!(next_non_ascii(b"plain words only", 0), 16);
        assert_eq!(next_non_ascii(b"", 0), 0);
        assert_eq!(next_non_ascii(b"abc", 7), 3);
    }

    #[test]
    fn unusual_controls_are_found_across_blocks() {
        let removed = |c: u8| c != 0x0c && c != b'\r';
        for n in [0, 1, 63, 64, 65, 127, 128, 200] {
            let mut v = vec![b'a'; n];
            v.extend_from_slice(b"\n\tline\r\n\x0c");
            let bell = v.len();
            v.push(0x07);
            v.extend_from_slice(&[b'z'; 70]);
            assert_eq!(next_unusual_control(&v, 0, removed), bell, "n = {n}");
            assert_eq!(next_unusual_control(&v, bell + 1, removed), v.len());
            assert_eq!(
                next_unusual_control(&v, 0, |_| true),
                next_ascii_control(&v, 0, |c| c != b'\n' && c != b'\t')
            );
        }
        let del = "caf\u{e9} \u{2019}".repeat(20) + "\u{7f}";
        assert_eq!(
            next_unusual_control(del.as_bytes(), 0, |_| true),
            del.len() - 1
        );
    }

    #[test]
    fn finds_ascii_controls_but_not_the_ones_not_wanted() {
        let t = b"Line one\nline two\x07 and more text after the bell\x7f";
        let not_newline = |c: u8| c != b'\n';
        assert_eq!(next_ascii_control(t, 0, not_newline), 17);
        assert_eq!(next_ascii_control(t, 18, not_newline), t.len() - 1);
        assert_eq!(next_ascii_control(t, 0, |_| true), 8);
        // Bytes above 0x7F are not controls.
        let u = "caf\u{e9} \u{80}\u{9f} ok".as_bytes();
        assert_eq!(next_ascii_control(u, 0, |_| true), u.len());
        for n in 0..40 {
            let mut v = vec![b'a'; n];
            v.push(0x1b);
            assert_eq!(next_ascii_control(&v, 0, |_| true), n);
        }
    }
}
