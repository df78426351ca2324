//! Removes the control characters ftfy removes, and no others:
//! C0 controls except tab, line feed, form feed and carriage return (those are whitespace; CR is
//! the line-break step's business); DEL; the deprecated format characters U+206A–U+206F; the
//! byte order mark U+FEFF; the interlinear annotation marks U+FFF9–U+FFFB and the object
//! replacement character U+FFFC.
//! Left alone on purpose: C1 controls (evidence of mojibake, for the encoding steps), joiners and
//! bidi marks (needed by Arabic, Hebrew, Persian, emoji), tag characters (flag emoji).

use super::scan::next_unusual_control;
use super::Edit;
use memchr::memchr3_iter;

fn is_removed_ascii(c: u8) -> bool {
    (c < 0x20 && !matches!(c, b'\t' | b'\n' | 0x0c | b'\r')) || c == 0x7f
}

/// Length of a removable non-ASCII character at `at`, or 0.
fn removable_wide_len(b: &[u8], at: usize) -> usize {
    match (b.get(at), b.get(at + 1), b.get(at + 2)) {
        // U+206A..U+206F
        (Some(0xe2), Some(0x81), Some(0xaa..=0xaf)) => 3,
        // U+FEFF
        (Some(0xef), Some(0xbb), Some(0xbf)) => 3,
        // U+FFF9..U+FFFC
        (Some(0xef), Some(0xbf), Some(0xb9..=0xbc)) => 3,
        _ => 0,
    }
}

/// Length of a removable character at `at` (ASCII or not), or 0.
fn removable_len(b: &[u8], at: usize) -> usize {
    match b.get(at) {
        Some(&c) if c < 0x80 => usize::from(is_removed_ascii(c)),
        Some(_) => removable_wide_len(b, at),
        None => 0,
    }
}

/// Pushes one edit for the run of removable characters starting at `at`; returns its end.
fn remove_run(b: &[u8], at: usize, edits: &mut Vec<Edit>) -> usize {
    let mut end = at;
    loop {
        let n = removable_len(b, end);
        if n == 0 {
            break;
        }
        end += n;
    }
    if end > at {
        edits.push(Edit::new(at, end, ""));
    }
    end
}

pub(super) fn remove_control_chars(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    // Two cheap passes, one per kind, then merged: most text has neither.
    let mut starts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let at = next_unusual_control(b, i, is_removed_ascii);
        if at >= b.len() {
            break;
        }
        starts.push(at);
        i = at + 1;
    }
    // The removable wide characters are E2 81 AA..AF, EF BB BF and EF BF B9..BC: look for
    // their second bytes, which (unlike the lead bytes E2 of every curly quote and dash, or EF)
    // are rare in text, and check the lead byte before each.
    for j in memchr3_iter(0x81, 0xbb, 0xbf, b) {
        if j > 0 && removable_wide_len(b, j - 1) > 0 {
            starts.push(j - 1);
        }
    }
    if starts.is_empty() {
        return edits;
    }
    starts.sort_unstable();
    let mut covered = 0;
    for at in starts {
        if at >= covered {
            covered = remove_run(b, at, &mut edits);
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn removes_what_ftfy_removes() {
        let t = "\u{feff}Breaking:\u{0} the\u{7} vote\u{1b} \u{7f}was\u{206a} close\u{fff9}note\u{fffb}\u{fffc}.";
        assert_eq!(
            apply(remove_control_chars, t),
            "Breaking: the vote was closenote."
        );
    }

    #[test]
    fn keeps_whitespace_controls_c1_joiners_and_bidi_marks() {
        let t = "Col\tumn\nline\u{c}page\r\n\u{85}\u{9d} \u{200d}\u{200c}\u{200e}\u{202b}x\u{202c} \u{1f3f4}\u{e0067}\u{e0062}\u{e007f} \u{fffd} \u{fffe}";
        assert!(remove_control_chars(t).is_empty());
    }

    #[test]
    fn a_run_is_one_edit() {
        assert_eq!(
            remove_control_chars("ab\u{1}\u{2}\u{feff}\u{3}cd\u{7f}"),
            vec![Edit::new(2, 8, ""), Edit::new(10, 11, "")]
        );
    }

    #[test]
    fn controls_around_word_boundaries_of_the_fast_scan() {
        for n in 0..20 {
            let mut t = "x".repeat(n);
            t.push('\u{8}');
            t.push_str("tail");
            assert_eq!(
                apply(remove_control_chars, &t),
                format!("{}tail", "x".repeat(n))
            );
        }
    }
}
