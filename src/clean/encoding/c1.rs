//! C1 control characters (U+0080..U+009F). Nobody types them: when they appear, a Windows-1252
//! byte was decoded as Latin-1, so the fix is to read the byte the way Windows (and every web
//! browser) does.

use super::codepages::CodePage;
use crate::clean::{CleanOptions, Edit};

pub(super) fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

/// The five bytes Windows-1252 leaves undefined; they stay C1 controls.
pub(super) fn is_undefined_in_1252(c: char) -> bool {
    matches!(c, '\u{81}' | '\u{8D}' | '\u{8F}' | '\u{90}' | '\u{9D}')
}

/// `c` read as the Windows-1252 character of the same byte, if it is a C1 control.
pub(super) fn as_windows_1252(c: char) -> char {
    if is_c1(c) {
        CodePage::Windows1252.decode_byte(u32::from(c) as u8)
    } else {
        c
    }
}

/// The pipeline step: one edit per C1 control that Windows-1252 defines.
pub fn fix_c1_controls(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut edits = Vec::new();
    // C1 controls are encoded C2 80..C2 9F; a C2 never occurs inside another character.
    for i in memchr::memchr_iter(0xC2, bytes) {
        let Some(&second) = bytes.get(i + 1) else {
            continue;
        };
        if !(0x80..=0x9F).contains(&second) {
            continue;
        }
        let c = char::from(second);
        let fixed = as_windows_1252(c);
        if fixed != c {
            edits.push(Edit::new(i, i + 2, fixed.to_string()));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_become_windows_1252() {
        let t = "\u{93}Quoted\u{94} text \u{96} and \u{81} stays";
        let edits = fix_c1_controls(t, &CleanOptions::default());
        let (out, _) = crate::clean::apply_edits(t, &edits);
        assert_eq!(out, "\u{201c}Quoted\u{201d} text \u{2013} and \u{81} stays");
        assert_eq!(edits.len(), 3);
        assert!(fix_c1_controls("café ¢", &CleanOptions::default()).is_empty());
    }
}
