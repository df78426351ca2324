//! Whole-line repair: encode the line back to bytes with a code page, decode those bytes as
//! UTF-8, and repeat while the result still looks like mojibake.
//!
//! Text is handled as [`Piece`]s: a character plus the byte range of the caller's text it came
//! from. Re-decoding merges the pieces of a multi-byte sequence into one, so after any number of
//! layers each repaired character still knows exactly which original characters it replaces.

use super::badness::{badness, is_bad};
use super::c1;
use super::codepages::{encodable_pages, CodePage, ALL_PAGES};
use super::inconsistent::decode_inconsistent_utf8;
use super::transcode::{has_lost_a0, replace_lossy_sequences, restore_byte_a0, TracedBytes};
use super::utf8;
use crate::clean::CleanOptions;

/// A character of the text being repaired and the bytes `start..end` of the original it stands
/// for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// Layers of mojibake undone at most per line; each layer shortens the text, so real text
/// stops long before this.
const MAX_LAYERS: usize = 16;

pub(super) fn as_string(pieces: &[Piece]) -> String {
    let mut s = String::with_capacity(pieces.len() + pieces.len() / 2);
    s.extend(pieces.iter().map(|p| p.c));
    s
}

/// Repairs `pieces` (whose characters spell `text`) until nothing changes: ftfy's
/// `fix_encoding`. `None` when nothing changed.
pub(super) fn fix_pieces(
    pieces: &[Piece],
    mut text: String,
    options: &CleanOptions,
) -> Option<Vec<Piece>> {
    let mut current: Option<Vec<Piece>> = None;
    for _ in 0..MAX_LAYERS {
        let input = current.as_deref().unwrap_or(pieces);
        match fix_one_layer(input, &text, options) {
            Some((next, next_text)) if next_text != text => {
                current = Some(next);
                text = next_text;
            }
            _ => break,
        }
    }
    current
}

/// One layer of repair, trying in turn: re-decoding the whole text from each code page; fixing
/// mojibake segments inside otherwise good text; reading C1 controls as Windows-1252.
fn fix_one_layer(
    pieces: &[Piece],
    text: &str,
    options: &CleanOptions,
) -> Option<(Vec<Piece>, String)> {
    if text.is_ascii() || !is_bad(text) {
        return None;
    }
    let pages = encodable_pages(pieces.iter().map(|p| p.c));
    for page in ALL_PAGES {
        if pages & page.bit() == 0 {
            continue;
        }
        if let Some(fixed) = redecode(pieces, page, options) {
            // A decoding that leaves the line looking worse was a coincidence of bytes.
            let fixed_text = as_string(&fixed);
            if badness(&fixed_text) > badness(text) {
                continue;
            }
            return Some((fixed, fixed_text));
        }
    }
    if options.decode_inconsistent_utf8 {
        if let Some(fixed) = decode_inconsistent_utf8(pieces, options) {
            let fixed_text = as_string(&fixed);
            return Some((fixed, fixed_text));
        }
    }
    let has_c1 = pieces.iter().any(|p| c1::is_c1(p.c));
    if has_c1 {
        // Latin-1 text with C1 controls is Windows-1252 read as Latin-1, the most common mix-up
        // of all; when some C1 has no Windows-1252 meaning, only the general C1 repair applies.
        let latin1 = pages & CodePage::Latin1.bit() != 0;
        if (latin1 && pieces.iter().all(|p| !c1::is_undefined_in_1252(p.c)))
            || options.fix_c1_controls
        {
            let fixed: Vec<Piece> = pieces
                .iter()
                .map(|p| Piece {
                    c: c1::as_windows_1252(p.c),
                    ..*p
                })
                .collect();
            let fixed_text = as_string(&fixed);
            return Some((fixed, fixed_text));
        }
    }
    None
}

/// Encodes `pieces` with `page` (which must be able to encode them all) and decodes the bytes as
/// UTF-8, after the byte touch-ups the options allow. `None` when they are not UTF-8.
fn redecode(pieces: &[Piece], page: CodePage, options: &CleanOptions) -> Option<Vec<Piece>> {
    let mut t = TracedBytes {
        bytes: Vec::with_capacity(pieces.len()),
        src: (0..pieces.len()).collect(),
    };
    for p in pieces {
        t.bytes.push(page.encode_char(p.c)?);
    }
    // In MacRoman, "– " (D0 20) would pass for a no-break space that lost its A0.
    if options.restore_byte_a0 && page != CodePage::MacRoman && has_lost_a0(&t.bytes) {
        restore_byte_a0(&mut t);
    }
    if options.replace_lossy_sequences && page.is_sloppy() {
        replace_lossy_sequences(&mut t);
    }
    let decoded = utf8::decode(&t.bytes)?;
    Some(
        decoded
            .iter()
            .map(|d| {
                let first = &pieces[t.src[d.start]];
                let last = &pieces[t.src[d.end - 1]];
                Piece {
                    c: d.c,
                    start: first.start,
                    end: last.end.max(first.start),
                }
            })
            .collect(),
    )
}
