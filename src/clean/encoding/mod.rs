//! Mojibake repair (UTF-8 decoded with the wrong single-byte code page, possibly several times).
//! Owned by the encoding work; this is the interface the pipeline calls.

use super::{CleanOptions, Edit};

/// Repairs mojibake in `text`, line by line, like ftfy's `fix_encoding` (honouring
/// `restore_byte_a0`, `replace_lossy_sequences` and `decode_inconsistent_utf8`).
pub fn fix_encoding(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

/// C1 control characters (U+0080–U+009F) left in text become the Windows-1252 characters that
/// those bytes mean (`\u{93}` → `“`).
pub fn fix_c1_controls(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}
