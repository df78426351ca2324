//! Strict UTF-8 decoding that remembers which bytes each character came from, plus the two
//! variants real software writes: CESU-8 (astral characters as two encoded surrogates, as
//! Java and MySQL's old `utf8` do) and Java's two-byte NUL `C0 80`.

/// A decoded character and the byte range `start..end` it was read from.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Decoded {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// Decodes `bytes` as UTF-8 (accepting CESU-8 pairs and `C0 80`), or `None` if any byte
/// sequence is invalid: a repair is all or nothing.
#[cfg(test)]
pub(super) fn decode(bytes: &[u8]) -> Option<Vec<Decoded>> {
    decode_map(bytes, |c, start, end| Decoded { c, start, end })
}

/// Like [`decode`], building each item with `make(char, start, end)` directly.
#[cfg(test)]
pub(super) fn decode_map<T>(
    bytes: &[u8],
    make: impl FnMut(char, usize, usize) -> T,
) -> Option<Vec<T>> {
    decode_map_sized(bytes, bytes.len(), make)
}

/// [`decode_map`] into a vector of capacity `capacity` (the number of characters, when known).
pub(super) fn decode_map_sized<T>(
    bytes: &[u8],
    capacity: usize,
    mut make: impl FnMut(char, usize, usize) -> T,
) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(capacity);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.push(make(char::from(b), i, i + 1));
            i += 1;
            continue;
        }
        let (c, len) = decode_one(&bytes[i..])?;
        out.push(make(c, i, i + len));
        i += len;
    }
    Some(out)
}

/// The number of characters [`decode_map`] would make of `bytes`, or `None` where it would
/// fail, without building anything.
pub(super) fn count_chars(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut multi_byte_extra = 0;
    while let Some(at) = super::next_non_ascii(bytes, i) {
        let (_, len) = decode_one(&bytes[at..])?;
        multi_byte_extra += len - 1;
        i = at + len;
    }
    Some(bytes.len() - multi_byte_extra)
}

fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// One character at the start of `b` and its length in bytes.
pub(super) fn decode_one(b: &[u8]) -> Option<(char, usize)> {
    let lead = *b.first()?;
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let (len, min_second, max_second) = match lead {
        0x00..=0x7F => return Some((char::from(lead), 1)),
        0xC0 if at(1) == 0x80 => return Some(('\0', 2)),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED if (0xA0..=0xAF).contains(&at(1)) => return decode_cesu_pair(b),
        0xED => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return None,
    };
    if b.len() < len || !(min_second..=max_second).contains(&b[1]) {
        return None;
    }
    if !b[2..len].iter().all(|&x| is_cont(x)) {
        return None;
    }
    let mut cp = u32::from(lead) & (0x7F >> len);
    for &x in &b[1..len] {
        cp = (cp << 6) | u32::from(x & 0x3F);
    }
    Some((char::from_u32(cp)?, len))
}

/// `ED A0..AF xx ED B0..BF xx`: a high and a low surrogate, each encoded as if a character.
fn decode_cesu_pair(b: &[u8]) -> Option<(char, usize)> {
    if b.len() < 6
        || !is_cont(b[2])
        || b[3] != 0xED
        || !(0xB0..=0xBF).contains(&b[4])
        || !is_cont(b[5])
    {
        return None;
    }
    let high = (u32::from(b[1] & 0x0F) << 6) | u32::from(b[2] & 0x3F);
    let low = (u32::from(b[4] & 0x0F) << 6) | u32::from(b[5] & 0x3F);
    let cp = 0x10000 + (high << 10) + low;
    Some((char::from_u32(cp)?, 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Option<String> {
        decode(bytes).map(|d| d.iter().map(|x| x.c).collect())
    }

    #[test]
    fn standard_utf8() {
        assert_eq!(text("café – 😀".as_bytes()), Some("café – 😀".to_owned()));
        assert_eq!(text(b"caf\xc3"), None);
        assert_eq!(text(b"\xe0\x80\x80"), None);
        assert_eq!(text(b"\xc1\xbf"), None);
        assert_eq!(text(b"\xf4\x90\x80\x80"), None);
        assert_eq!(text(b"\xed\xbf\xbf"), None);
    }

    #[test]
    fn counting_matches_decoding() {
        for b in [
            &b"caf\xc3\xa9"[..],
            b"caf\xc3",
            b"\xed\xa0\xbd\xed\xb8\x80!",
            b"\xed\xa0\xbd",
            b"a\xc0\x80b",
            b"\xc1\xbf",
            b"plain",
        ] {
            assert_eq!(count_chars(b), decode(b).map(|d| d.len()), "{b:?}");
        }
    }

    #[test]
    fn variants() {
        assert_eq!(
            text(b"\xed\xa0\xbd\xed\xb8\x80!"),
            Some("\u{1F600}!".to_owned())
        );
        assert_eq!(text(b"a\xc0\x80b"), Some("a\0b".to_owned()));
        assert_eq!(text(b"\xed\xa0\xbd"), None);
    }

    #[test]
    fn spans() {
        let d = decode("aé".as_bytes()).unwrap_or_default();
        assert_eq!(
            d[1],
            Decoded {
                c: 'é',
                start: 1,
                end: 3
            }
        );
    }
}
