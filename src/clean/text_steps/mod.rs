//! The character-level steps: HTML entities, terminal escapes, ligatures, widths, quotes, line
//! breaks, control characters, normalization. They do what ftfy 6.3.1's fixers of the same
//! names do (differences are listed in each module), but each returns local [`Edit`]s, and
//! each leaves after one fast scan when it finds nothing to do.

mod control;
mod entity_table;
mod html;
mod ligatures;
mod line_breaks;
mod normalize;
mod quotes;
mod scan;
mod terminal;
mod width;

use super::{CleanOptions, Edit};

/// Decodes HTML character references (`&eacute;`, `&#8217;`, `P&EACUTE;REZ`) unless the text
/// looks like markup; see [`html`](self) for the exact rules.
pub fn unescape_html(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    html::unescape_html(text)
}

/// Removes ANSI escape sequences such as `ESC[1;31m`.
pub fn remove_terminal_escapes(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    terminal::remove_terminal_escapes(text)
}

/// Expands Latin ligatures and digraph letters: `ﬁ` → `fi`, `ĳ` → `ij`, `ǆ` → `dž`.
pub fn fix_latin_ligatures(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    ligatures::fix_latin_ligatures(text)
}

/// Full-width and half-width forms to ordinary width, keeping full-width punctuation and
/// letters that are part of Chinese or Japanese text.
pub fn fix_character_width(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    width::fix_character_width(text)
}

/// `fix_character_width` exactly as ftfy does it, CJK typography included (`你好，` → `你好,`).
pub fn fix_character_width_like_ftfy(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    width::fix_width_like_ftfy(text)
}

/// Curly quotes to straight: `‘ ’ ‚ ‛ ʼ` → `'`, `“ ” „ ‟` → `"`.
pub fn uncurl_quotes(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    quotes::uncurl_quotes(text)
}

/// CRLF, CR, U+2028, U+2029 and U+0085 to `\n`.
pub fn fix_line_breaks(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    line_breaks::fix_line_breaks(text)
}

/// Removes C0 controls other than whitespace, DEL, U+FEFF, U+206A–206F and U+FFF9–FFFC.
pub fn remove_control_chars(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    control::remove_control_chars(text)
}

/// Unicode normalization to `options.normalization`, one edit per stretch that changes.
pub fn normalize(text: &str, options: &CleanOptions) -> Vec<Edit> {
    match options.normalization {
        Some(form) => normalize::normalize(text, form),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod test_util {
    use crate::clean::{apply_edits, Edit};

    /// Runs a step on `text` and applies its edits, checking they are sorted, disjoint and on
    /// character boundaries.
    pub(super) fn apply(step: impl Fn(&str) -> Vec<Edit>, text: &str) -> String {
        let edits = step(text);
        let mut pos = 0;
        for e in &edits {
            assert!(
                e.start >= pos && e.start <= e.end && e.end <= text.len(),
                "{e:?}"
            );
            assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "{e:?}"
            );
            assert!(text[e.start..e.end] != e.replacement, "no-op edit {e:?}");
            pos = e.end;
        }
        apply_edits(text, &edits).0
    }
}
