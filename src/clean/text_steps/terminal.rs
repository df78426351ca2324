//! ANSI terminal escape sequences (colours, cursor moves): ESC `[`, parameters made of digits and
//! semicolons, and a final letter. Pasted console output is the usual source. Like ftfy, a
//! "digit" here is any decimal digit (Unicode Nd), and sequences of other shapes are not touched.

use super::Edit;
use memchr::memchr;
use regex::Regex;
use std::sync::OnceLock;

fn escape_sequence() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\x1b\[[\d;]*[a-zA-Z]").ok())
        .as_ref()
}

pub(super) fn remove_terminal_escapes(text: &str) -> Vec<Edit> {
    let Some(first) = memchr(0x1b, text.as_bytes()) else {
        return Vec::new();
    };
    let Some(re) = escape_sequence() else {
        return Vec::new();
    };
    re.find_iter(&text[first..])
        .map(|m| Edit::new(first + m.start(), first + m.end(), ""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn strips_colour_codes() {
        let t =
            "\u{1b}[1;31mERROR\u{1b}[0m: feed \u{1b}[36;44mtimed out\u{1b}[m after 30 s\u{1b}[2K";
        assert_eq!(
            apply(remove_terminal_escapes, t),
            "ERROR: feed timed out after 30 s"
        );
    }

    #[test]
    fn leaves_other_escapes_and_text_alone() {
        // Not CSI-with-letter: the pipeline's control-character step removes the bare ESC.
        for t in [
            "\u{1b}]0;title\u{7}",
            "\u{1b}[?25h",
            "\u{1b}[1;2",
            "no escapes at all",
            "\u{1b}",
        ] {
            assert!(remove_terminal_escapes(t).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn unicode_digits_count_as_parameters_like_in_ftfy() {
        assert_eq!(apply(remove_terminal_escapes, "a\u{1b}[\u{661}mb"), "ab");
    }
}
