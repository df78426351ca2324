//! Edits, the unit every cleaning step produces, and the alignment they leave behind.
//!
//! A step never rewrites the text wholesale: it proposes a sorted list of non-overlapping
//! [`Edit`]s (byte range of its input → replacement). Applying them gives the step's output and
//! a [`StepMap`] that maps output positions back to input positions. Chaining the maps of all
//! steps gives the [`Alignment`] from the cleaned text to the text the user passed, which is how
//! later stages (quotations) report offsets into the original.

/// One replacement proposed by a step: `input[start..end]` becomes `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn new(start: usize, end: usize, replacement: impl Into<String>) -> Self {
        Edit {
            start,
            end,
            replacement: replacement.into(),
        }
    }
}

/// A changed region after a step ran: output bytes `out_start..out_end` came from input bytes
/// `in_start..in_end`. Everything between two regions was copied unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
}

/// How one step's output maps back to its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepMap {
    regions: Vec<Region>,
}

impl StepMap {
    /// Maps an output byte position to the input byte position it came from. A position inside
    /// a replaced region maps to the start of that region's input (or its end, for the region's
    /// end), so spans never grow past what was replaced.
    pub fn to_input(&self, out: usize) -> usize {
        // Index of the first region that starts after `out`.
        let idx = self.regions.partition_point(|r| r.out_start <= out);
        if idx == 0 {
            return out;
        }
        let r = self.regions[idx - 1];
        if out >= r.out_end {
            r.in_end + (out - r.out_end)
        } else if out == r.out_start {
            r.in_start
        } else {
            // Strictly inside a replacement: the whole input region is responsible.
            r.in_start
        }
    }

    /// Like [`StepMap::to_input`] but an end position inside a replacement maps to the end of
    /// the input region, so `[start, end)` spans cover all the input they came from.
    pub fn to_input_end(&self, out: usize) -> usize {
        let idx = self.regions.partition_point(|r| r.out_start < out);
        if idx == 0 {
            return out;
        }
        let r = self.regions[idx - 1];
        if out >= r.out_end {
            r.in_end + (out - r.out_end)
        } else {
            r.in_end
        }
    }

    pub fn is_identity(&self) -> bool {
        self.regions.is_empty()
    }
}

/// Applies sorted, non-overlapping edits. Returns the new text and its map to `text`.
///
/// Edits that do not fall on char boundaries, overlap, or come out of order are a bug in the
/// step that made them; they are skipped rather than allowed to corrupt the text or panic.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, StepMap) {
    let extra: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut regions = Vec::with_capacity(edits.len());
    let mut pos = 0;
    for e in edits {
        let valid = e.start >= pos
            && e.start <= e.end
            && e.end <= text.len()
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end);
        if !valid {
            debug_assert!(valid, "invalid edit {e:?} at position {pos}");
            continue;
        }
        out.push_str(&text[pos..e.start]);
        let out_start = out.len();
        out.push_str(&e.replacement);
        regions.push(Region {
            in_start: e.start,
            in_end: e.end,
            out_start,
            out_end: out.len(),
        });
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    (out, StepMap { regions })
}

/// The smallest single edit that turns `old` into `new`: common prefix and suffix are kept.
/// For steps whose algorithm is naturally a whole-string transform.
pub fn diff_edit(old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0usize, |acc, n| {
            *acc += n;
            Some(*acc)
        })
        .take_while(|&n| n <= max_suffix)
        .last()
        .unwrap_or(0);
    Some(Edit::new(
        prefix,
        old.len() - suffix,
        &new[prefix..new.len() - suffix],
    ))
}

/// The map from the final cleaned text back to the text the user passed: one [`StepMap`] per
/// step that changed something, applied in reverse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    steps: Vec<StepMap>,
}

impl Alignment {
    pub(crate) fn push(&mut self, map: StepMap) {
        if !map.is_identity() {
            self.steps.push(map);
        }
    }

    /// Byte offset in the original text for a start position in the cleaned text.
    pub fn start_to_original(&self, pos: usize) -> usize {
        self.steps.iter().rev().fold(pos, |p, m| m.to_input(p))
    }

    /// Byte offset in the original text for an end position in the cleaned text.
    pub fn end_to_original(&self, pos: usize) -> usize {
        self.steps.iter().rev().fold(pos, |p, m| m.to_input_end(p))
    }

    /// Maps a `[start, end)` byte span of the cleaned text to the original text.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.start_to_original(start);
        let e = self.end_to_original(end).max(s);
        (s, e)
    }

    pub fn is_identity(&self) -> bool {
        self.steps.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_and_map_back() {
        let text = "say Ã© and â€œhiâ€\u{9d} now";
        let e1 = Edit::new(4, 8, "é");
        let s2 = text.find("â€œ").unwrap_or(0);
        let e2 = Edit::new(s2, s2 + "â€œ".len(), "\u{201c}");
        let (out, map) = apply_edits(text, &[e1, e2]);
        assert_eq!(out, "say é and \u{201c}hiâ€\u{9d} now");
        let hi = out.find("hi").unwrap_or(0);
        assert_eq!(&text[map.to_input(hi)..map.to_input(hi) + 2], "hi");
        // A span covering the repaired é maps to the whole mojibake.
        assert_eq!(map.to_input(4), 4);
        assert_eq!(map.to_input_end(4 + "é".len()), 8);
    }

    #[test]
    fn diff_edit_is_minimal() {
        let e = diff_edit("the cafÃ© opens", "the café opens").unwrap_or(Edit::new(0, 0, ""));
        assert_eq!(e, Edit::new(7, 11, "é"));
        assert!(diff_edit("same", "same").is_none());
        let e = diff_edit("aaa", "aa").unwrap_or(Edit::new(9, 9, ""));
        let (out, _) = apply_edits("aaa", &[e]);
        assert_eq!(out, "aa");
    }

    #[test]
    fn alignment_composes_steps() {
        let original = "&ldquo;Hi&rdquo; caf&eacute;";
        let (a, m1) = apply_edits(
            original,
            &[
                Edit::new(0, 7, "\u{201c}"),
                Edit::new(9, 16, "\u{201d}"),
                Edit::new(20, 28, "é"),
            ],
        );
        let (b, m2) = apply_edits(&a, &[Edit::new(0, 3, "\""), Edit::new(5, 8, "\"")]);
        assert_eq!(b, "\"Hi\" café");
        let mut al = Alignment::default();
        al.push(m1);
        al.push(m2);
        let (s, e) = al.span_to_original(1, 3);
        assert_eq!(&original[s..e], "Hi");
        let (s, e) = al.span_to_original(0, 4);
        assert_eq!(&original[s..e], "&ldquo;Hi&rdquo;");
    }
}
