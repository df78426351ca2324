//! Mojibake repair: UTF-8 that was decoded with the wrong single-byte code page (Windows-1252,
//! Latin-1, Windows-1250/1251/1253/1254/1257, ISO-8859-2, MacRoman, code page 437), possibly
//! several times over, in the manner of ftfy's `fix_encoding`.
//!
//! - `codepages`: the code pages and how characters encode back into them;
//! - `charclass` and `badness`: does a line look like mojibake at all?
//! - `direct`: the common line, one layer from the first page, repaired without bookkeeping;
//! - `redecode`: re-decoding a whole line, layer after layer;
//! - `transcode`: byte touch-ups (lost no-break spaces, lost bytes) before decoding;
//! - `inconsistent`: mojibake segments inside otherwise correct lines;
//! - `c1`: C1 control characters read as Windows-1252.
//!
//! Lines are independent (as in ftfy's `fix_text`), and almost all lines of real text are ASCII
//! or show no sign of mojibake: those are skipped after one scan, without allocating. A damaged
//! line is repaired without the middle of its long ASCII runs (see `compact_line`): every rule
//! looks only a few characters around non-ASCII ones, so the repair is the same, and its cost
//! follows the mojibake, not the length of the line. Benchmark: `cargo bench --bench
//! encoding_throughput`.
//!
//! Decisions follow ftfy's (every ftfy test case gives ftfy's answer), with a few additions:
//! a re-decoding must not leave the line less plausible than it found it (looking past ugly
//! intermediate layers); accented letters hidden as two characters inside words are spotted for
//! every code page, not only Windows-1252; when several code pages decode a line, one that puts
//! no capitals inside words wins; Vietnamese keeps "à" inside words; lines whose only non-ASCII
//! characters are C1 controls sitting inside words are read as MacRoman.

mod badness;
mod c1;
mod charclass;
mod codepages;
mod direct;
mod inconsistent;
mod redecode;
mod transcode;
mod utf8;

use super::{CleanOptions, Edit};
use redecode::{fix_pieces, Guard, Looks, Piece};
use std::cell::Cell;

pub use c1::fix_c1_controls;

/// Repairs mojibake in `text`, line by line, like ftfy's `fix_encoding` (honouring
/// `restore_byte_a0`, `replace_lossy_sequences` and `decode_inconsistent_utf8`).
///
/// Each repaired character gives one edit, from the exact original characters it replaces.
pub fn fix_encoding(text: &str, options: &CleanOptions) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(pos) = next_non_ascii(bytes, from) {
        let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i + 1);
        fix_line(text, start, end, options, &mut edits);
        from = end;
    }
    edits
}

/// Position of the first non-ASCII byte of `bytes[from..]`, skipping ASCII a block at a time
/// and then eight bytes at a time (the ASCII between mojibake is often short).
pub(super) fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + BLOCK <= bytes.len() && bytes[i..i + BLOCK].is_ascii() {
        i += BLOCK;
    }
    while let Some(word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let high = u64::from_le_bytes(*word) & HIGH_BITS;
        if high != 0 {
            return Some(i + (high.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| b >= 0x80)
        .map(|k| i + k)
}

/// Repairs the line `text[start..end]` (with its line break), appending its edits.
fn fix_line(text: &str, start: usize, end: usize, options: &CleanOptions, edits: &mut Vec<Edit>) {
    let line = &text[start..end];
    if !badness::is_bad(line) {
        return;
    }
    thread_local! {
        /// The pieces and text of the last line repaired, kept to save allocations per line.
        static PIECES: Cell<Vec<Piece>> = const { Cell::new(Vec::new()) };
        static COMPACT: Cell<String> = const { Cell::new(String::new()) };
    }
    /// Larger buffers are not kept, so one huge line does not hold memory for good.
    const KEPT_CAPACITY: usize = 1 << 12;
    let mut pieces = PIECES.take();
    let mut compact = COMPACT.take();
    compact_line(text, start, end, &mut pieces, &mut compact);
    let fixed = if direct::fix_directly(&pieces, &compact, options, edits) {
        None
    } else {
        fix_pieces(
            &pieces,
            &compact,
            options,
            Guard::Plausible,
            Looks::Bad(None),
        )
    };
    if pieces.capacity() <= KEPT_CAPACITY {
        PIECES.set(pieces);
    }
    if compact.capacity() <= KEPT_CAPACITY {
        COMPACT.set(compact);
    }
    if let Some(fixed) = fixed {
        push_edits(text, &fixed, edits);
    }
}

/// ASCII characters kept after a non-ASCII character, and before one, by [`compact_line`].
/// Every rule of the repair looks at most six characters (or bytes) ahead of a non-ASCII
/// character and two behind it; one more each is kept for safety.
const KEEP_AFTER: usize = 7;
const KEEP_BEFORE: usize = 3;

/// The pieces of the line `text[start..end]` and their text (into `pieces` and `compact`),
/// leaving out the middle of long ASCII runs.
///
/// ASCII bytes encode to themselves in every code page and decode to themselves as UTF-8, so
/// a repair decides the same way and changes the same characters whether or not the
/// characters far from any non-ASCII character are there: they only cost time. The only ASCII
/// a repair can take into a character is a run of spaces (lost no-break spaces) and `?` (lost
/// bytes) right after a non-ASCII character, and then the rules look further ahead by as
/// many characters: those runs are kept on top of [`KEEP_AFTER`]. Lines with the byte 1A (the
/// lost-byte mark of the sloppy code pages) are kept whole.
fn compact_line(
    text: &str,
    start: usize,
    end: usize,
    pieces: &mut Vec<Piece>,
    compact: &mut String,
) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    pieces.clear();
    compact.clear();
    let whole = memchr::memchr(0x1A, bytes).is_some();
    let push_ascii = |from: usize, to: usize, pieces: &mut Vec<Piece>, compact: &mut String| {
        for (k, &b) in bytes[from..to].iter().enumerate() {
            pieces.push(Piece {
                c: char::from(b),
                start: start + from + k,
                end: start + from + k + 1,
                changed: false,
            });
        }
        compact.push_str(&line[from..to]);
    };
    let mut i = 0;
    while i < bytes.len() {
        let run_end = next_non_ascii(bytes, i).unwrap_or(bytes.len());
        let keep_front = if i == 0 {
            0
        } else {
            let takeable = bytes[i..run_end]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'?')
                .count();
            KEEP_AFTER + takeable
        };
        let keep_back = if run_end == bytes.len() {
            0
        } else {
            KEEP_BEFORE
        };
        if whole || run_end - i <= keep_front + keep_back {
            push_ascii(i, run_end, pieces, compact);
        } else {
            push_ascii(i, i + keep_front, pieces, compact);
            push_ascii(run_end - keep_back, run_end, pieces, compact);
        }
        i = run_end;
        for (k, c) in line[i..].char_indices() {
            if c.is_ascii() {
                break;
            }
            pieces.push(Piece {
                c,
                start: start + i + k,
                end: start + i + k + c.len_utf8(),
                changed: false,
            });
            compact.push(c);
        }
        i = pieces.last().map_or(bytes.len(), |p| p.end - start).max(i);
    }
}

/// One edit per repaired character; characters that still read as their own original are
/// left out.
fn push_edits(text: &str, fixed: &[Piece], edits: &mut Vec<Edit>) {
    for p in fixed.iter().filter(|p| p.changed) {
        let same = p.end - p.start == p.c.len_utf8()
            && text.get(p.start..).and_then(|t| t.chars().next()) == Some(p.c);
        if same {
            continue;
        }
        match edits.last_mut() {
            // Pieces never share original characters; merge defensively if they ever did.
            Some(last) if p.start < last.end => {
                last.end = last.end.max(p.end);
                last.replacement.push(p.c);
            }
            _ => edits.push(Edit::new(p.start, p.end, p.c.to_string())),
        }
    }
}

#[cfg(test)]
mod tests;
