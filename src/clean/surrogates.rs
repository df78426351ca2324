//! Text that arrives with UTF-16 surrogates as separate code points (Python strings can hold
//! them; JSON `\ud83d\ude00` escapes decoded naively produce them). Rust strings cannot, so the
//! bindings hand us the generalized UTF-8 bytes (each surrogate as its own 3-byte sequence) and we
//! join pairs into the character they encode, as ftfy's `fix_surrogates` does. A lone surrogate
//! has no meaning and becomes U+FFFD.

const REPLACEMENT: char = '\u{FFFD}';

/// Decodes generalized UTF-8 (surrogates encoded as `ED A0..BF xx`), joining surrogate pairs.
/// Any other invalid byte sequence becomes U+FFFD.
pub fn decode_with_surrogates(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(rest) => {
                out.push_str(rest);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // Safe: from_utf8 just validated this prefix.
                out.push_str(std::str::from_utf8(&bytes[i..i + valid]).unwrap_or(""));
                i += valid;
                match surrogate_at(bytes, i) {
                    Some(high @ 0xD800..=0xDBFF) => match surrogate_at(bytes, i + 3) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            let cp = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or(REPLACEMENT));
                            i += 6;
                        }
                        _ => {
                            out.push(REPLACEMENT);
                            i += 3;
                        }
                    },
                    Some(_) => {
                        out.push(REPLACEMENT);
                        i += 3;
                    }
                    None => {
                        out.push(REPLACEMENT);
                        i += e.error_len().unwrap_or(bytes.len() - i).max(1);
                    }
                }
            }
        }
    }
    out
}

/// The surrogate code unit encoded at `bytes[i..i + 3]`, if that is what is there.
fn surrogate_at(bytes: &[u8], i: usize) -> Option<u32> {
    let s = bytes.get(i..i + 3)?;
    if s[0] == 0xED && (0xA0..=0xBF).contains(&s[1]) && (0x80..=0xBF).contains(&s[2]) {
        Some(0xD000 | ((s[1] as u32 & 0x3F) << 6) | (s[2] as u32 & 0x3F))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_pairs_and_replaces_lone_halves() {
        // U+1F600 as the pair D83D DE00, each half in generalized UTF-8.
        let pair = [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80];
        let mut bytes = b"smile ".to_vec();
        bytes.extend_from_slice(&pair);
        bytes.extend_from_slice(b" and lone ");
        bytes.extend_from_slice(&pair[..3]);
        bytes.extend_from_slice(b"!");
        assert_eq!(
            decode_with_surrogates(&bytes),
            "smile \u{1F600} and lone \u{FFFD}!"
        );
        assert_eq!(decode_with_surrogates("plain".as_bytes()), "plain");
        assert_eq!(decode_with_surrogates(&[0xFF, b'a']), "\u{FFFD}a");
    }
}
