//! Line breaks to `\n`: CRLF, a lone CR, LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029)
//! and NEXT LINE (U+0085). Each break is one edit, so the alignment stays exact.

use super::Edit;
use memchr::memchr3;

pub(super) fn fix_line_breaks(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    // CR; U+2028/U+2029 are E2 80 A8/A9; U+0085 is C2 85.
    while let Some(off) = memchr3(b'\r', 0xe2, 0xc2, &b[i..]) {
        let at = i + off;
        let end = match b[at] {
            b'\r' if b.get(at + 1) == Some(&b'\n') => at + 2,
            b'\r' => at + 1,
            0xe2 if b.get(at + 1) == Some(&0x80) && matches!(b.get(at + 2), Some(0xa8 | 0xa9)) => {
                at + 3
            }
            0xc2 if b.get(at + 1) == Some(&0x85) => at + 2,
            _ => {
                i = at + 1;
                continue;
            }
        };
        edits.push(Edit::new(at, end, "\n"));
        i = end;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn every_kind_of_break_becomes_newline() {
        let t = "Headline\r\n\r\nFirst para.\rSecond para.\u{2028}Third\u{2029}Fourth\u{85}end";
        assert_eq!(
            apply(fix_line_breaks, t),
            "Headline\n\nFirst para.\nSecond para.\nThird\nFourth\nend"
        );
    }

    #[test]
    fn cr_before_crlf_is_two_breaks_as_in_ftfy() {
        assert_eq!(apply(fix_line_breaks, "a\r\r\nb"), "a\n\nb");
        assert_eq!(apply(fix_line_breaks, "a\n\rb\r"), "a\n\nb\n");
    }

    #[test]
    fn other_characters_with_the_same_lead_bytes_stay() {
        let t = "Price \u{a3}5 \u{2014} \u{201c}fair\u{201d} \u{b0}C \u{2026}\n";
        assert!(fix_line_breaks(t).is_empty());
    }

    #[test]
    fn crlf_is_one_edit() {
        assert_eq!(fix_line_breaks("a\r\nb"), vec![Edit::new(1, 3, "\n")]);
    }
}
