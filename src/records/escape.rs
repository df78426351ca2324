//! JSON strings written as Python's `json` writes them with `ensure_ascii=False` (and
//! serde_json alike): `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls below U+0020 as
//! `\u00XX` in lowercase hex, everything else as it is. Long texts are scanned eight bytes at a
//! time for a byte to escape: most of a news text needs none.

/// A byte of each of the eight lanes set to `b`.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`.
fn needs_escape(word: u64) -> bool {
    const HIGH: u64 = lanes(0x80);
    let zero_in = |x: u64| x.wrapping_sub(lanes(1)) & !x & HIGH;
    let control = word.wrapping_sub(lanes(0x20)) & !word & HIGH;
    control | zero_in(word ^ lanes(b'"')) | zero_in(word ^ lanes(b'\\')) != 0
}

fn escape_of(byte: u8) -> Option<&'static [u8]> {
    Some(match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        0x08 => b"\\b",
        0x0c => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        _ => return None,
    })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `text` as a JSON string, quotation marks included.
pub fn write_json_string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0; // the first byte not written yet
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut lanes = [0u8; 8];
            lanes.copy_from_slice(word);
            if !needs_escape(u64::from_ne_bytes(lanes)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let byte = bytes[i];
            if byte < 0x20 || byte == b'"' || byte == b'\\' {
                out.extend_from_slice(&bytes[run..i]);
                match escape_of(byte) {
                    Some(escape) => out.extend_from_slice(escape),
                    None => out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(byte >> 4)],
                        HEX[usize::from(byte & 0xf)],
                    ]),
                }
                run = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        write_json_string(&mut out, text);
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn every_character_is_escaped_as_serde_json_escapes_it() {
        let mut text: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        text.push_str("\u{1f600}\u{10ffff}");
        for start in 0..9 {
            let part: String = text.chars().skip(start).collect();
            assert_eq!(written(&part), crate::rows::json_string(&part));
        }
    }

    #[test]
    fn escapes_fall_anywhere_in_a_word() {
        for n in 0..40 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{7f}", "\u{e9}", " "] {
                let text = format!("{}{special}{}", "a".repeat(n), "b".repeat(n % 9));
                assert_eq!(written(&text), crate::rows::json_string(&text), "{text:?}");
            }
        }
    }
}
