//! The common damaged line, repaired in one pass over bytes.
//!
//! Most mojibake lines are one layer of UTF-8 read with one code page, and the first page that
//! can encode the line gives clean UTF-8 back. For those the general repair ([`super::redecode`])
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

use super::badness::{badness, odd_letters};
use super::codepages::{encodable_pages, CodePage, ALL_PAGES, SUBSTITUTE};
use super::redecode::Piece;
use super::transcode::{has_lossy_sequence, has_lost_a0};
use super::utf8;
use crate::clean::{CleanOptions, Edit};
use std::cell::Cell;

/// Repairs a damaged line given as its `pieces` (whose characters spell `text`, the line as the
/// general repair sees it) when it is one clean layer of mojibake, appending its edits. `false`
/// (and no edits) when the general repair must decide.
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
    let done = decode_first_page(pieces, options, &mut bytes)
        .is_some_and(|decoded| accept(pieces, text, decoded, edits));
    if bytes.capacity() <= KEPT_CAPACITY {
        ENCODED.set(bytes);
    }
    done
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

/// Takes `decoded` as the repair if the general repair would stop at it: nothing left that
/// looks like mojibake, no capital letters inside words. Each piece was one byte, so a decoded
/// character of `n` bytes replaces the next `n` pieces.
fn accept(pieces: &[Piece], text: &str, decoded: &str, edits: &mut Vec<Edit>) -> bool {
    if decoded == text || badness(decoded) != 0 || odd_letters(decoded) != 0 {
        return false;
    }
    let mut next = 0;
    for c in decoded.chars() {
        let width = c.len_utf8();
        if width > 1 {
            let (Some(first), Some(last)) = (pieces.get(next), pieces.get(next + width - 1)) else {
                return false; // cannot happen: one byte per piece
            };
            edits.push(Edit::new(first.start, last.end, c.to_string()));
        }
        next += width;
    }
    true
}
