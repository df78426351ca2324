//! Line breaks to `\n`: CRLF, a lone CR, LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029)
//! and NEXT LINE (U+0085). Each break is one edit, so the alignment stays exact.

use super::Edit;
use memchr::{memchr3_iter, memchr_iter};

pub(super) fn fix_line_breaks(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    // Two sorted streams of candidates: CR bytes, and the last bytes of U+0085 (C2 85) and
    // U+2028/U+2029 (E2 80 A8/A9). Searching for those rare final bytes rather than the lead
    // bytes C2/E2 (which start every curly quote, dash and accented capital) keeps the scan
    // quick on ordinary text.
    let mut crs = memchr_iter(b'\r', b).peekable();
    let mut wide = memchr3_iter(0x85, 0xa8, 0xa9, b).filter_map(|j| {
        let start = match b[j] {
            0x85 if j >= 1 && b[j - 1] == 0xc2 => j - 1,
            0xa8 | 0xa9 if j >= 2 && b[j - 2] == 0xe2 && b[j - 1] == 0x80 => j - 2,
            _ => return None,
        };
        Some((start, j + 1))
    });
    let mut next_wide = wide.next();
    loop {
        let cr = crs.peek().copied();
        let take_cr = match (cr, next_wide) {
            (None, None) => break,
            (Some(c), Some((w, _))) => c < w,
            (Some(_), None) => true,
            (None, Some(_)) => false,
        };
        if take_cr {
            crs.next();
            let at = cr.unwrap_or(0);
            let end = if b.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            edits.push(Edit::new(at, end, "\n"));
        } else if let Some((at, end)) = next_wide {
            edits.push(Edit::new(at, end, "\n"));
            next_wide = wide.next();
        }
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
