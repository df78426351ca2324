//! The cleaning engine: repairs mojibake (including the lossy kind whose C1 bytes were deleted),
//! HTML entities, control characters, line breaks and Unicode forms, and explains every repair.
//!
//! The pipeline runs a fixed list of steps, each switchable in [`CleanOptions`]. A step proposes
//! [`Edit`]s against its input; the pipeline applies them, records a [`Fix`] per edit when asked
//! to explain, and keeps an [`Alignment`] from the output back to the user's text. Like ftfy, the
//! whole list runs again until a round changes nothing (a repair can reveal another), at most
//! [`MAX_ROUNDS`] times.

pub mod edit;
pub mod encoding;
pub mod lossy;
pub mod surrogates;
pub mod text_steps;

pub use edit::{apply_edits, diff_edit, Alignment, Edit, StepMap};

use memchr::memchr3;

/// Upper bound on pipeline rounds; mojibake more than this many layers deep is left partly fixed.
pub const MAX_ROUNDS: usize = 6;

/// Unicode normalization applied as the last step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Normalization {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Normalization {
    pub fn name(self) -> &'static str {
        match self {
            Normalization::Nfc => "NFC",
            Normalization::Nfkc => "NFKC",
            Normalization::Nfd => "NFD",
            Normalization::Nfkd => "NFKD",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().as_str() {
            "NFC" => Some(Normalization::Nfc),
            "NFKC" => Some(Normalization::Nfkc),
            "NFD" => Some(Normalization::Nfd),
            "NFKD" => Some(Normalization::Nfkd),
            _ => None,
        }
    }
}

/// Which repairs run. [`CleanOptions::default`] is the news default (repair everything, keep
/// curly quotes); [`CleanOptions::ftfy`] matches `ftfy.fix_text`'s defaults.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CleanOptions {
    /// Decode HTML entities (`&amp;`, `&rdquo;`, `&#8217;`) unless the text looks like HTML markup.
    pub unescape_html: bool,
    /// Remove ANSI terminal escape sequences (colours, cursor moves).
    pub remove_terminal_escapes: bool,
    /// Undo mojibake: UTF-8 decoded as Latin-1, Windows-125x, MacRoman, … possibly several times.
    pub fix_encoding: bool,
    /// Within `fix_encoding`: accept `Ã ` where a no-break space byte became a plain space.
    pub restore_byte_a0: bool,
    /// Within `fix_encoding`: turn sequences that can no longer be decoded into U+FFFD.
    pub replace_lossy_sequences: bool,
    /// Within `fix_encoding`: fix mojibake segments inside otherwise correct text.
    pub decode_inconsistent_utf8: bool,
    /// Within `fix_encoding`: C1 control characters become the Windows-1252 characters they meant.
    pub fix_c1_controls: bool,
    /// Restore punctuation whose UTF-8 bytes were partly deleted (`âstrongâ` → `“strong”`),
    /// only where the document shows that damage.
    pub restore_lost_punctuation: bool,
    /// Expand Latin ligatures (`ﬁ` → `fi`).
    pub fix_latin_ligatures: bool,
    /// Full-width and half-width forms to their ordinary equivalents.
    pub fix_character_width: bool,
    /// Within `fix_character_width`: keep full-width punctuation, letters and digits that sit
    /// next to Chinese or Japanese characters (`你好，世界！` is correct as written). ftfy
    /// converts them too.
    pub keep_cjk_width: bool,
    /// Curly quotes and apostrophes to straight ones.
    pub uncurl_quotes: bool,
    /// CRLF, CR, U+2028/2029, NEL to `\n`.
    pub fix_line_breaks: bool,
    /// Delete control characters that have no place in text (keeps tab, newline, form feed).
    pub remove_control_chars: bool,
    /// Unicode normalization, or `None` to leave the form alone.
    pub normalization: Option<Normalization>,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            unescape_html: true,
            remove_terminal_escapes: true,
            fix_encoding: true,
            restore_byte_a0: true,
            replace_lossy_sequences: true,
            decode_inconsistent_utf8: true,
            fix_c1_controls: true,
            restore_lost_punctuation: true,
            fix_latin_ligatures: true,
            fix_character_width: true,
            keep_cjk_width: true,
            uncurl_quotes: false,
            fix_line_breaks: true,
            remove_control_chars: true,
            normalization: Some(Normalization::Nfc),
        }
    }
}

impl CleanOptions {
    /// Names of the on/off options, as accepted by [`CleanOptions::set_flag`] (and as keyword
    /// arguments in Python; they are ftfy's names).
    pub const FLAG_NAMES: &'static [&'static str] = &[
        "unescape_html",
        "remove_terminal_escapes",
        "fix_encoding",
        "restore_byte_a0",
        "replace_lossy_sequences",
        "decode_inconsistent_utf8",
        "fix_c1_controls",
        "restore_lost_punctuation",
        "fix_latin_ligatures",
        "fix_character_width",
        "keep_cjk_width",
        "uncurl_quotes",
        "fix_line_breaks",
        "remove_control_chars",
    ];

    fn flag_mut(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "unescape_html" => &mut self.unescape_html,
            "remove_terminal_escapes" => &mut self.remove_terminal_escapes,
            "fix_encoding" => &mut self.fix_encoding,
            "restore_byte_a0" => &mut self.restore_byte_a0,
            "replace_lossy_sequences" => &mut self.replace_lossy_sequences,
            "decode_inconsistent_utf8" => &mut self.decode_inconsistent_utf8,
            "fix_c1_controls" => &mut self.fix_c1_controls,
            "restore_lost_punctuation" => &mut self.restore_lost_punctuation,
            "fix_latin_ligatures" => &mut self.fix_latin_ligatures,
            "fix_character_width" => &mut self.fix_character_width,
            "keep_cjk_width" => &mut self.keep_cjk_width,
            "uncurl_quotes" => &mut self.uncurl_quotes,
            "fix_line_breaks" => &mut self.fix_line_breaks,
            "remove_control_chars" => &mut self.remove_control_chars,
            _ => return None,
        })
    }

    /// The value of the on/off option `name`, or `None` if there is no such option.
    pub fn flag(&self, name: &str) -> Option<bool> {
        self.clone().flag_mut(name).map(|f| *f)
    }

    /// Sets the on/off option `name`; returns false if there is no such option.
    pub fn set_flag(&mut self, name: &str, value: bool) -> bool {
        match self.flag_mut(name) {
            Some(f) => {
                *f = value;
                true
            }
            None => false,
        }
    }

    /// The defaults of `ftfy.fix_text`: like the news defaults but straightening quotes and
    /// converting full-width CJK punctuation.
    pub fn ftfy() -> Self {
        CleanOptions {
            uncurl_quotes: true,
            keep_cjk_width: false,
            ..CleanOptions::default()
        }
    }

    /// Every step off: a starting point for turning on exactly the repairs wanted.
    pub fn none() -> Self {
        CleanOptions {
            unescape_html: false,
            remove_terminal_escapes: false,
            fix_encoding: false,
            restore_byte_a0: false,
            replace_lossy_sequences: false,
            decode_inconsistent_utf8: false,
            fix_c1_controls: false,
            restore_lost_punctuation: false,
            fix_latin_ligatures: false,
            fix_character_width: false,
            keep_cjk_width: false,
            uncurl_quotes: false,
            fix_line_breaks: false,
            remove_control_chars: false,
            normalization: None,
        }
    }
}

/// One repair: in pass `pass` the step `step` replaced `before` at byte range `start..end` of the
/// text as it was when that step ran, with `after`. `char_start`/`char_end` are the same range in
/// code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub pass: usize,
    pub step: &'static str,
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub before: String,
    pub after: String,
}

/// The result of cleaning: the text, the repairs (when explaining), and the map back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub fixes: Vec<Fix>,
    pub alignment: Alignment,
}

type StepFn = fn(&str, &CleanOptions) -> Vec<Edit>;

/// A pipeline step: its name (used in explanations), the option that switches it on, and the
/// function that proposes its edits.
struct Step {
    name: &'static str,
    enabled: fn(&CleanOptions) -> bool,
    run: StepFn,
}

/// The steps in the order they run.
const STEPS: &[Step] = &[
    Step {
        name: "unescape_html",
        enabled: |o| o.unescape_html,
        run: text_steps::unescape_html,
    },
    Step {
        name: "remove_terminal_escapes",
        enabled: |o| o.remove_terminal_escapes,
        run: text_steps::remove_terminal_escapes,
    },
    Step {
        name: "restore_lost_punctuation",
        enabled: |o| o.restore_lost_punctuation,
        run: lossy::restore_lost_punctuation,
    },
    Step {
        name: "fix_encoding",
        enabled: |o| o.fix_encoding,
        run: encoding::fix_encoding,
    },
    Step {
        name: "fix_c1_controls",
        enabled: |o| o.fix_c1_controls,
        run: encoding::fix_c1_controls,
    },
    Step {
        name: "fix_latin_ligatures",
        enabled: |o| o.fix_latin_ligatures,
        run: text_steps::fix_latin_ligatures,
    },
    Step {
        name: "fix_character_width",
        enabled: |o| o.fix_character_width,
        run: text_steps::fix_character_width,
    },
    Step {
        name: "uncurl_quotes",
        enabled: |o| o.uncurl_quotes,
        run: text_steps::uncurl_quotes,
    },
    Step {
        name: "fix_line_breaks",
        enabled: |o| o.fix_line_breaks,
        run: text_steps::fix_line_breaks,
    },
    Step {
        name: "remove_control_chars",
        enabled: |o| o.remove_control_chars,
        run: text_steps::remove_control_chars,
    },
    Step {
        name: "normalize",
        enabled: |o| o.normalization.is_some(),
        run: text_steps::normalize,
    },
];

/// True when no step could change `text`: pure ASCII without entities, escapes, CR or controls.
/// Most clean English news takes this exit after one vectorised scan.
fn nothing_to_do(text: &str) -> bool {
    let b = text.as_bytes();
    b.is_ascii()
        && memchr3(b'&', b'\r', 0x1b, b).is_none()
        && text_steps::next_unusual_control(b, 0, |_| true) == b.len()
}

/// True when applying `edits` to `text` changes it (some replacement differs from what it
/// replaces), without building the new text. A step may propose edits that change nothing.
fn edits_change(text: &str, edits: &[Edit]) -> bool {
    edits
        .iter()
        .any(|e| text.get(e.start..e.end) != Some(e.replacement.as_str()))
}

/// Where the pipeline writes what it did, when the caller wants to know.
struct Record<'a> {
    fixes: Option<&'a mut Vec<Fix>>,
    alignment: &'a mut Alignment,
}

/// Runs the enabled steps round after round until a round changes nothing (ftfy's fixed point,
/// at most [`MAX_ROUNDS`] rounds). Returns `None` when the text comes out unchanged, so that
/// callers need not copy it.
///
/// Steps are pure functions of their input text, which lets the loop stop early without
/// changing anything it produces: once every enabled step has, in the last `n` invocations
/// (wrapping from one round into the next), returned no edits on the text as it is now, the
/// rest of the current round would see that same text and return nothing again, so the round
/// would change nothing and the original loop would stop at its end. A repaired document thus
/// pays, in its second round, only for the steps before the last one that changed it.
fn run_pipeline(text: &str, options: &CleanOptions, record: Option<Record<'_>>) -> Option<String> {
    if nothing_to_do(text) {
        return None;
    }
    let mut steps: [Option<&Step>; STEPS.len()] = [None; STEPS.len()];
    let mut n = 0;
    for step in STEPS.iter().filter(|s| (s.enabled)(options)) {
        steps[n] = Some(step);
        n += 1;
    }
    let mut record = record;
    let mut current: Option<String> = None;
    let mut pass = 0;
    // Consecutive invocations, up to now, that returned no edits.
    let mut quiet = 0;
    // Whether the round in progress has changed the text.
    let mut round_changed = false;
    for i in 0..MAX_ROUNDS * n {
        if i % n == 0 && i > 0 {
            if !round_changed {
                break;
            }
            round_changed = false;
        }
        if quiet >= n {
            break;
        }
        let Some(step) = steps[i % n] else {
            break;
        };
        let input: &str = current.as_deref().unwrap_or(text);
        let edits = (step.run)(input, options);
        if edits.is_empty() {
            quiet += 1;
            continue;
        }
        quiet = 0;
        if let Some(Record {
            fixes: Some(fixes), ..
        }) = record.as_mut()
        {
            record_fixes(input, &edits, pass, step.name, fixes);
        }
        pass += 1;
        if !edits_change(input, &edits) {
            continue;
        }
        let (next, map) = apply_edits(input, &edits);
        if next == input {
            // Edits that cancel out (never made by the current steps, but cheap to honour).
            continue;
        }
        round_changed = true;
        if let Some(r) = record.as_mut() {
            r.alignment.push(map);
        }
        current = Some(next);
    }
    current
}

/// Cleans `text`. With `explain`, every repair is recorded in [`Cleaned::fixes`].
pub fn clean_explained(text: &str, options: &CleanOptions, explain: bool) -> Cleaned {
    let mut fixes = Vec::new();
    let mut alignment = Alignment::default();
    let record = Record {
        fixes: explain.then_some(&mut fixes),
        alignment: &mut alignment,
    };
    let text = run_pipeline(text, options, Some(record)).unwrap_or_else(|| text.to_owned());
    Cleaned {
        text,
        fixes,
        alignment,
    }
}

/// Cleans `text` with `options`, borrowing it back unchanged when there is nothing to repair
/// (most clean documents), so that no copy is made.
pub fn clean_cow<'a>(text: &'a str, options: &CleanOptions) -> std::borrow::Cow<'a, str> {
    match run_pipeline(text, options, None) {
        Some(cleaned) => std::borrow::Cow::Owned(cleaned),
        None => std::borrow::Cow::Borrowed(text),
    }
}

fn record_fixes(text: &str, edits: &[Edit], pass: usize, step: &'static str, out: &mut Vec<Fix>) {
    // Edits are sorted, so code point offsets are counted in one walk.
    let mut byte = 0;
    let mut chars = 0;
    for e in edits {
        if e.end > text.len() || !text.is_char_boundary(e.start) || !text.is_char_boundary(e.end) {
            continue;
        }
        if e.start < byte {
            continue;
        }
        chars += text[byte..e.start].chars().count();
        let char_start = chars;
        let before = &text[e.start..e.end];
        chars += before.chars().count();
        byte = e.end;
        out.push(Fix {
            pass,
            step,
            start: e.start,
            end: e.end,
            char_start,
            char_end: chars,
            before: before.to_owned(),
            after: e.replacement.clone(),
        });
    }
}

/// Cleans `text` with `options`; the fast entry point when no explanation is needed.
pub fn clean(text: &str, options: &CleanOptions) -> String {
    clean_cow(text, options).into_owned()
}

/// `ftfy.fix_text` with its defaults.
pub fn fix_text(text: &str) -> String {
    clean(text, &CleanOptions::ftfy())
}

/// Why a recorded plan could not be replayed on a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("fix {index} ({step}) expects {expected:?} at bytes {start}..{end}, found {found:?}")]
    Mismatch {
        index: usize,
        step: &'static str,
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
}

/// Applies a recorded list of fixes (from [`clean_explained`]) to `text`, pass by pass, checking
/// that each fix finds the text it expects. Replaying on the same input reproduces the output.
pub fn replay(text: &str, fixes: &[Fix]) -> Result<String, ReplayError> {
    let mut current = text.to_owned();
    let mut i = 0;
    while i < fixes.len() {
        let pass = fixes[i].pass;
        let mut edits = Vec::new();
        while i < fixes.len() && fixes[i].pass == pass {
            let f = &fixes[i];
            let found = current.get(f.start..f.end);
            if found != Some(f.before.as_str()) {
                return Err(ReplayError::Mismatch {
                    index: i,
                    step: f.step,
                    start: f.start,
                    end: f.end,
                    expected: f.before.clone(),
                    found: found.unwrap_or("").to_owned(),
                });
            }
            edits.push(Edit::new(f.start, f.end, f.after.clone()));
            i += 1;
        }
        current = apply_edits(&current, &edits).0;
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_is_untouched_and_cheap() {
        let t = "Mr Smith said the plan was \"sound\".\n";
        let c = clean_explained(t, &CleanOptions::default(), true);
        assert_eq!(c.text, t);
        assert!(c.fixes.is_empty());
        assert!(c.alignment.is_identity());
    }

    #[test]
    fn replay_reproduces_output() {
        let t = "caf&eacute; \r\nna\u{ef}ve\u{0007} text";
        let c = clean_explained(t, &CleanOptions::default(), true);
        assert_eq!(replay(t, &c.fixes), Ok(c.text.clone()));
        assert!(replay("something else", &c.fixes).is_err() || c.fixes.is_empty());
    }
}
