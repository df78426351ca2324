//! The common damaged line, repaired in one pass over bytes.
//!
//! Most mojibake lines are UTF-8 read with one code page (once, or a few times over), and at
//! each layer the first page that can encode the line gives UTF-8 back. For those the general repair ([`super::redecode`])
//! spends most of its time on bookkeeping: new [`Piece`]s for every character, for every page
//! and layer it tries. Here the line's pieces are encoded once and decoded as plain bytes, and
//! the edits come from walking the pieces and the decoded text side by side (each piece is one
//! byte, so a decoded character of `n` bytes replaces `n` pieces).
//!
//! The answer must be the general repair's, so this path only takes a line when the general
//! repair would choose the same decoding and stop there: the pages are tried in the same order,
//! a page is passed over only where the general repair finds no UTF-8 either, and any sign that
//! it would do something more (a lost `A0` to put back, a lost-byte sequence, CESU-8, a result
//! that still looks bad or has odd letters) hands the line back untouched. Equivalence is
//! tested against the general repair in `tests.rs`.

use super::badness::{badness, badness_up_to, odd_letters};
use super::codepages::{encodable_pages, CodePage, ALL_PAGES, SUBSTITUTE};
use super::redecode::Piece;
use super::transcode::{has_lossy_sequence, has_lost_a0};
use super::utf8;
use crate::clean::{CleanOptions, Edit};
use std::cell::Cell;

/// Repairs a damaged line given as its `pieces` (whose characters spell `text`, the line as the
/// general repair sees it) when each layer of its mojibake comes from the first page that can
/// encode it, appending its edits. `false` (and no edits) when the general repair must decide.
pub(super) fn fix_directly(
    pieces: &[Piece],
    text: &str,
    options: &CleanOptions,
    edits: &mut Vec<Edit>,
) -> bool {
    // The lost-byte mark changes how pages encode and what the general repair keeps.
    if memchr::memchr(SUBSTITUTE, text.as_bytes()).is_some() {
        return false;
    }
    thread_local! {
        /// The bytes of the last encoding, kept to save an allocation per line.
        static ENCODED: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }
    /// Larger buffers are not kept, so one huge line does not hold memory for good.
    const KEPT_CAPACITY: usize = 1 << 16;
    let mut bytes = ENCODED.take();
    let kept = edits.len();
    let done = fix_layers(pieces, text, options, &mut bytes, edits);
    if !done {
        edits.truncate(kept);
    }
    if bytes.capacity() <= KEPT_CAPACITY {
        ENCODED.set(bytes);
    }
    done
}

/// Layers of mojibake undone at most, as in the general repair.
const MAX_LAYERS: usize = 16;

/// [`fix_directly`] with a byte buffer. Each layer is taken as the general repair takes it
/// under its plausibility guard: a decoding that still looks bad must look no worse than the
/// text it came from (the count of the text before stops once it reaches the count after), and
/// must have no odd letters (else the general repair would weigh other pages).
fn fix_layers(
    pieces: &[Piece],
    text: &str,
    options: &CleanOptions,
    bytes: &mut Vec<u8>,
    edits: &mut Vec<Edit>,
) -> bool {
    // The pieces and text of the last layer, once there is one, and its known badness.
    let mut layer: Option<(Vec<Piece>, String)> = None;
    let mut known_badness: Option<usize> = None;
    for _ in 0..MAX_LAYERS {
        let (current, current_text) = match &layer {
            Some((p, t)) => (p.as_slice(), t.as_str()),
            None => (pieces, text),
        };
        let Some(decoded) = decode_first_page(current, options, bytes) else {
            return false;
        };
        if decoded == current_text || odd_letters(decoded) != 0 {
            return false;
        }
        let after = badness(decoded);
        if after == 0 {
            return push_layer_edits(current, decoded, edits);
        }
        let before = known_badness.unwrap_or_else(|| badness_up_to(current_text, after));
        if after > before {
            return false; // the general repair would look ahead past this layer
        }
        let next = next_layer(current, decoded);
        layer = Some((next, decoded.to_owned()));
        known_badness = Some(after);
    }
    false
}

/// The pieces of `decoded`, each spanning the original characters of the pieces it was made of.
fn next_layer(current: &[Piece], decoded: &str) -> Vec<Piece> {
    let mut next = Vec::with_capacity(decoded.len());
    let mut k = 0;
    for c in decoded.chars() {
        let width = c.len_utf8();
        if let (Some(first), Some(last)) = (current.get(k), current.get(k + width - 1)) {
            next.push(Piece {
                c,
                start: first.start,
                end: last.end.max(first.start),
                changed: first.changed || width > 1 || c != first.c,
            });
        }
        k += width;
    }
    next
}

/// The pieces re-decoded with the first page (in the general repair's order) whose bytes are
/// UTF-8; `None` where the general repair would touch the bytes up first, or read them as
/// something other than standard UTF-8.
fn decode_first_page<'b>(
    pieces: &[Piece],
    options: &CleanOptions,
    bytes: &'b mut Vec<u8>,
) -> Option<&'b str> {
    let pages = encodable_pages(pieces.iter().map(|p| p.c));
    for page in ALL_PAGES {
        if pages & page.bit() == 0 {
            continue;
        }
        bytes.clear();
        for p in pieces {
            bytes.push(page.encode_char(p.c)?);
        }
        if options.restore_byte_a0 && page != CodePage::MacRoman && has_lost_a0(bytes) {
            return None;
        }
        if options.replace_lossy_sequences && page.is_sloppy() && has_lossy_sequence(bytes) {
            return None;
        }
        if utf8::count_chars(bytes).is_none() {
            continue; // the general repair finds no UTF-8 in this page either
        }
        // CESU-8 and `C0 80` decode in the general repair but are not `str`: leave them to it.
        return std::str::from_utf8(bytes).ok();
    }
    None
}

/// The edits that turn the originals of `current` into `decoded`, its last layer. Each piece
/// was one byte, so a decoded character of `n` bytes replaces the next `n` pieces; ASCII came
/// from ASCII and stays.
fn push_layer_edits(current: &[Piece], decoded: &str, edits: &mut Vec<Edit>) -> bool {
    let mut next = 0;
    for c in decoded.chars() {
        let width = c.len_utf8();
        if width > 1 {
            let (Some(first), Some(last)) = (current.get(next), current.get(next + width - 1))
            else {
                return false; // cannot happen: one byte per piece
            };
            edits.push(Edit::new(first.start, last.end, c.to_string()));
        }
        next += width;
    }
    true
}
