//! Mojibake segments inside otherwise correct text ("Mona Lisa doesnâ€™t" in a line that also
//! has a genuine "é"), where no single code page can re-decode the whole line.
//!
//! A segment is a run of characters shaped like UTF-8 read through a Latin-1-like page: a lead
//! character (a byte C2..DF, E0..EF, F0 or F3 in some such page) followed by the right number of
//! continuation characters (bytes 80..BF, or a space that was once a no-break space). Segments
//! that look like mojibake on their own are repaired as if they were whole lines.

use super::badness::{in_set, is_bad};
use super::codepages::clue_byte_in;
use super::redecode::{as_string, fix_pieces, Guard, Looks, Piece};
use crate::clean::CleanOptions;

fn is_lead2(c: char) -> bool {
    clue_byte_in(c, 0xC2, 0xDF)
}

fn is_lead3(c: char) -> bool {
    clue_byte_in(c, 0xE0, 0xEF)
}

/// Four-byte leads: F0 covers almost all astral characters in use (emoji); F3 the tag
/// characters of flag sequences. Other leads only reach unassigned planes.
fn is_lead4(c: char) -> bool {
    clue_byte_in(c, 0xF0, 0xF0) || clue_byte_in(c, 0xF3, 0xF3)
}

fn is_continuation(c: char) -> bool {
    c == ' ' || clue_byte_in(c, 0x80, 0xBF)
}

/// Continuation characters that seldom stand for themselves next to mojibake. Spaces, dashes,
/// quotes, bullets and ellipses do, so a segment may start right after them.
fn is_strict_continuation(c: char) -> bool {
    c != ' ' && !in_set("–—―‘’‚“”„•…", c) && is_continuation(c)
}

/// Length of one lead-plus-continuations group at `chars[i..]`, or 0.
fn group_at(chars: &[char], i: usize) -> usize {
    let conts = |n: usize| {
        chars
            .get(i + 1..i + 1 + n)
            .is_some_and(|s| s.iter().all(|&c| is_continuation(c)))
    };
    let c = chars[i];
    if is_lead2(c) && conts(1) {
        2
    } else if is_lead3(c) && conts(2) {
        3
    } else if is_lead4(c) && conts(3) {
        4
    } else {
        0
    }
}

/// Character ranges of candidate segments: maximal runs of groups, not preceded by a strict
/// continuation character (that would mean we are inside a bigger garble).
fn segments(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if i > 0 && is_strict_continuation(chars[i - 1]) {
            i += 1;
            continue;
        }
        let mut end = i;
        loop {
            if end >= chars.len() {
                break;
            }
            let len = group_at(chars, end);
            if len == 0 {
                break;
            }
            end += len;
        }
        if end > i {
            found.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Repairs each mojibake-looking segment of `pieces` on its own. `None` when nothing changed.
pub(super) fn decode_inconsistent_utf8(
    pieces: &[Piece],
    options: &CleanOptions,
    guard: Guard,
) -> Option<Vec<Piece>> {
    let chars: Vec<char> = pieces.iter().map(|p| p.c).collect();
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut copied = 0;
    let mut changed = false;
    for (start, end) in segments(&chars) {
        // A segment as long as the text would just repeat the whole-line attempt.
        if end - start >= pieces.len() {
            continue;
        }
        let segment = &pieces[start..end];
        let segment_text = as_string(segment);
        if !is_bad(&segment_text) {
            continue;
        }
        if let Some(fixed) = fix_pieces(segment, &segment_text, options, guard, Looks::Bad(None)) {
            out.extend_from_slice(&pieces[copied..start]);
            out.extend(fixed);
            copied = end;
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    out.extend_from_slice(&pieces[copied..]);
    Some(out)
}
