//! The character-level steps: HTML entities, terminal escapes, ligatures, widths, quotes, line
//! breaks, control characters, normalization. Owned by the text-steps work.

use super::{CleanOptions, Edit};

pub fn unescape_html(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn remove_terminal_escapes(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn fix_latin_ligatures(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn fix_character_width(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn uncurl_quotes(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn fix_line_breaks(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn remove_control_chars(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}

pub fn normalize(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}
