//! Byte offsets (what the core works in) to code point offsets (what Python's `str` indexes).
//!
//! Converting one offset by counting from the start of the text is linear, so a document with
//! thousands of quotations would be quadratic. [`CharIndex`] keeps the code point count at every
//! [`STRIDE`]-th byte, so each conversion counts at most one stride.

/// Bytes between checkpoints.
const STRIDE: usize = 256;

/// Converts byte offsets of one text into code point offsets.
pub struct CharIndex<'a> {
    text: &'a str,
    /// `checkpoints[k]` = code points in `text[..k * STRIDE]` (rounded down to a char boundary).
    checkpoints: Vec<usize>,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let bytes = text.as_bytes();
            let mut count = 0;
            for (k, chunk) in bytes.chunks(STRIDE).enumerate() {
                checkpoints.push(count);
                // Code points = bytes that are not UTF-8 continuation bytes.
                count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
                debug_assert_eq!(k + 1, checkpoints.len());
            }
            checkpoints.push(count);
        }
        CharIndex {
            text,
            checkpoints,
            ascii,
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text's length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let k = byte / STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        let rest = &self.text.as_bytes()[k * STRIDE..byte];
        base + rest.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_counting_chars() {
        let text = "Ministers said “café” — naïve 😀 ".repeat(40);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.char_offset(text.len() + 10), text.chars().count());
        let ascii = CharIndex::new("plain");
        assert_eq!(ascii.char_offset(3), 3);
    }
}
