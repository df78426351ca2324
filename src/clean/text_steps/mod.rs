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

pub(crate) use scan::next_unusual_control;

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

/// Full-width and half-width forms to ordinary width. With `keep_cjk_width` (the news default),
/// full-width punctuation and letters that are part of Chinese or Japanese text are kept;
/// without it, everything is converted exactly as ftfy does (`你好，` → `你好,`).
pub fn fix_character_width(text: &str, options: &CleanOptions) -> Vec<Edit> {
    if options.keep_cjk_width {
        width::fix_character_width(text)
    } else {
        width::fix_width_like_ftfy(text)
    }
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

#[cfg(test)]
mod hostile_input {
    use super::*;
    use crate::clean::Normalization;

    /// A small deterministic generator, so the test needs no extra crate.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    const PIECES: &[&str] = &[
        "&",
        "&#",
        "&#x",
        ";",
        "amp;",
        "amp",
        "eacute;",
        "EACUTE;",
        "#x41;",
        "#1114112;",
        "#0;",
        "lt;",
        "<",
        "\n",
        "\r",
        "\r\n",
        "\u{1b}",
        "\u{1b}[",
        "1;3",
        "m",
        "\u{0}",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{206b}",
        "\u{fffc}",
        "\u{2019}",
        "\u{201c}",
        "\u{2bc}",
        "\u{fb01}",
        "\u{1c6}",
        "\u{132}",
        "\u{3000}",
        "\u{ff21}",
        "\u{ff0c}",
        "\u{ff76}",
        "\u{ff9e}",
        "\u{4e2d}",
        "\u{301}",
        "\u{316}",
        "\u{1100}",
        "\u{1161}",
        "\u{11a8}",
        "\u{f73}",
        "\u{344}",
        "\u{1d165}",
        "e",
        "a",
        "9",
        " ",
        "x",
        "\u{e9}",
        "\u{ef}\u{bf}\u{bd}",
        "\u{1f600}",
        "\u{e0067}",
        "\u{200d}",
    ];

    #[test]
    fn every_step_gives_valid_edits_on_random_text() {
        let mut rng = Lcg(42);
        let mut options = CleanOptions::default();
        type Step = fn(&str, &CleanOptions) -> Vec<Edit>;
        let steps: [Step; 10] = [
            unescape_html,
            remove_terminal_escapes,
            fix_latin_ligatures,
            fix_character_width,
            fix_character_width,
            uncurl_quotes,
            fix_line_breaks,
            remove_control_chars,
            normalize,
            normalize,
        ];
        for round in 0..3000 {
            let n = (rng.next() % 60) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(rng.next() as usize) % PIECES.len()])
                .collect();
            options.normalization = [
                Some(Normalization::Nfc),
                Some(Normalization::Nfkc),
                Some(Normalization::Nfd),
                Some(Normalization::Nfkd),
            ][round % 4];
            // Alternate between the news width rule and ftfy's exact one.
            options.keep_cjk_width = round % 2 == 0;
            for step in steps {
                let edits = step(&text, &options);
                let mut pos = 0;
                for e in &edits {
                    assert!(e.start >= pos && e.start <= e.end && e.end <= text.len());
                    assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                    pos = e.end;
                }
            }
        }
    }

    #[test]
    fn long_pathological_inputs_stay_linear() {
        let o = CleanOptions::default();
        let amps = format!("{}eacute;", "&amp;".repeat(200_000));
        let e = unescape_html(&amps, &o);
        // Each `&amp;` is its own `&`; only the last one joins `eacute;`, as ftfy's rounds do.
        assert_eq!(e.len(), 200_000);
        assert_eq!(e.last().map(|x| x.replacement.as_str()), Some("\u{e9}"));
        // `&amp;amp;amp;…eacute;`, escaped 100 000 times over, is one chain.
        let nested = format!("&{}eacute;", "amp;".repeat(100_000));
        assert_eq!(unescape_html(&nested, &o).len(), 1);
        let marks = format!("a{}", "\u{316}\u{301}".repeat(100_000));
        assert_eq!(normalize(&marks, &o).len(), 1);
        let wide = "\u{ff21}".repeat(200_000);
        assert_eq!(fix_character_width(&wide, &o).len(), 200_000);
        let near_misses = "&abcdefghijklmnopqrstuvwxyz0123".repeat(20_000);
        assert!(unescape_html(&near_misses, &o).is_empty());
        let controls = "\u{1}\u{feff}".repeat(100_000);
        assert_eq!(remove_control_chars(&controls, &o).len(), 1);
    }
}
