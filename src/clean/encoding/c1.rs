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

/// `c` read as the MacRoman character of the same byte, if it is a C1 control.
pub(super) fn as_mac_roman(c: char) -> char {
    if is_c1(c) {
        CodePage::MacRoman.decode_byte(u32::from(c) as u8)
    } else {
        c
    }
}

/// Whether a line whose C1 controls are its only non-ASCII characters was really MacRoman
/// (where bytes 80..9F are accented letters: "Coatl\u{87}n" is "Coatlán"), not Windows-1252.
///
/// Only when some C1 sits between two lowercase letters and its Windows-1252 reading is a
/// symbol no word contains (‡ † • ™ …, or nothing at all). Apostrophes and dashes are left to
/// Windows-1252: "don\u{92}t" and "l\u{92}homme" are far more common than "tur\u{92}stico".
pub(super) fn reads_as_mac_roman(chars: impl Iterator<Item = char>) -> bool {
    let mut window = [' '; 3];
    let mut evidence = false;
    for c in chars {
        if !c.is_ascii() && !is_c1(c) {
            return false;
        }
        window = [window[1], window[2], c];
        if window[0].is_ascii_lowercase()
            && window[2].is_ascii_lowercase()
            && matches!(
                window[1],
                '\u{80}'..='\u{82}'
                    | '\u{84}'
                    | '\u{86}'..='\u{89}'
                    | '\u{8B}'
                    | '\u{8D}'
                    | '\u{8F}'
                    | '\u{90}'
                    | '\u{95}'
                    | '\u{98}'
                    | '\u{99}'
                    | '\u{9B}'
                    | '\u{9D}'
            )
        {
            evidence = true;
        }
    }
    evidence
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

    #[test]
    fn mac_roman_lines() {
        assert!(reads_as_mac_roman("Coatl\u{87}n conf\u{92}an".chars()));
        assert!(!reads_as_mac_roman("don\u{92}t and l\u{92}homme".chars()));
        assert!(!reads_as_mac_roman("caf\u{e9} Coatl\u{87}n".chars()));
        assert!(!reads_as_mac_roman("\u{93}quoted\u{94}".chars()));
    }
}
