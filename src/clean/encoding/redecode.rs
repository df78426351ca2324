//! Whole-line repair: encode the line back to bytes with a code page, decode those bytes as
//! UTF-8, and repeat while the result still looks like mojibake.
//!
//! Text is handled as [`Piece`]s: a character plus the byte range of the caller's text it came
//! from. Re-decoding merges the pieces of a multi-byte sequence into one, so after any number of
//! layers each repaired character still knows exactly which original characters it replaces.

use super::badness::{badness, badness_up_to, is_bad, odd_letters};
use super::c1;
use super::codepages::{encodable_pages, CodePage, ALL_PAGES};
use super::inconsistent::decode_inconsistent_utf8;
use super::transcode::{
    has_lost_a0, replace_lossy_sequences, restore_byte_a0, AGrave, TracedBytes,
};
use super::utf8;
use crate::clean::CleanOptions;
use std::cell::Cell;

/// A character of the text being repaired and the bytes `start..end` of the original it stands
/// for; `changed` once a repair has touched it (so unchanged text is skipped when making edits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub c: char,
    pub start: usize,
    pub end: usize,
    pub changed: bool,
}

/// Layers of mojibake undone at most per line; each layer shortens the text, so real text
/// stops long before this.
const MAX_LAYERS: usize = 16;

pub(super) fn as_string(pieces: &[Piece]) -> String {
    let mut s = String::with_capacity(pieces.len() + pieces.len() / 2);
    s.extend(pieces.iter().map(|p| p.c));
    s
}

/// Whether a re-decoding must leave the text at least as plausible as it found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Guard {
    /// Reject a layer that looks worse, unless the layers after it make up for it.
    Plausible,
    /// Accept any layer that decodes (used to look ahead past an ugly intermediate layer).
    Off,
}

/// The result of one layer of repair: the pieces, their text, and what is known of its looks.
type Layer = (Vec<Piece>, String, Looks);

/// What is known about whether a text looks like mojibake, to avoid scanning it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Looks {
    Unknown,
    /// Looks like mojibake, with its [`badness`] when it was counted.
    Bad(Option<usize>),
    Fine,
}

/// Repairs `pieces` (whose characters spell `text`) until nothing changes: ftfy's
/// `fix_encoding`. `None` when nothing changed.
pub(super) fn fix_pieces(
    pieces: &[Piece],
    text: &str,
    options: &CleanOptions,
    guard: Guard,
    mut looks: Looks,
) -> Option<Vec<Piece>> {
    // The pieces and text of the last layer, once there is one.
    let mut current: Option<(Vec<Piece>, String)> = None;
    for _ in 0..MAX_LAYERS {
        if looks == Looks::Fine {
            break;
        }
        let (input, input_text) = match &current {
            Some((p, t)) => (p.as_slice(), t.as_str()),
            None => (pieces, text),
        };
        match fix_one_layer(input, input_text, options, guard, looks) {
            Some((next, next_text, next_looks)) if next_text != input_text => {
                current = Some((next, next_text));
                looks = next_looks;
            }
            _ => break,
        }
    }
    current.map(|(p, _)| p)
}

/// One layer of repair, trying in turn: re-decoding the whole text from each code page; fixing
/// mojibake segments inside otherwise good text; reading C1 controls as Windows-1252 (or as
/// MacRoman, see `c1::reads_as_mac_roman`).
fn fix_one_layer(
    pieces: &[Piece],
    text: &str,
    options: &CleanOptions,
    guard: Guard,
    looks: Looks,
) -> Option<Layer> {
    if text.is_ascii() || (looks == Looks::Unknown && !is_bad(text)) {
        return None;
    }
    // The badness of `text`, counted at most once whichever pages are tried.
    let mut text_badness = match looks {
        Looks::Bad(known) => known,
        _ => None,
    };
    let pages = encodable_pages(pieces.iter().map(|p| p.c));
    // The first page whose reading is plausible wins, as in ftfy, unless that reading has odd
    // letters (a capital inside a word: "piÚ" from Windows-1250 where ISO-8859-2 gives "più"):
    // then a later page with fewer is preferred.
    let mut runner_up: Option<(usize, Layer)> = None;
    for page in ALL_PAGES {
        if pages & page.bit() == 0 {
            continue;
        }
        if let Some((fixed, fixed_text)) = redecode(pieces, page, options) {
            if guard == Guard::Off {
                return Some((fixed, fixed_text, Looks::Unknown));
            }
            if let Some(fixed_looks) =
                plausible_enough(&fixed, &fixed_text, text, &mut text_badness, options)
            {
                let odd = odd_letters(&fixed_text);
                if odd == 0 {
                    return Some((fixed, fixed_text, fixed_looks));
                }
                if !matches!(&runner_up, Some((n, _)) if *n <= odd) {
                    runner_up = Some((odd, (fixed, fixed_text, fixed_looks)));
                }
            }
        }
    }
    if let Some((_, best)) = runner_up {
        return Some(best);
    }
    if options.decode_inconsistent_utf8 {
        if let Some(fixed) = decode_inconsistent_utf8(pieces, options, guard) {
            let fixed_text = as_string(&fixed);
            return Some((fixed, fixed_text, Looks::Unknown));
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
            let read: fn(char) -> char = if c1::reads_as_mac_roman(pieces.iter().map(|p| p.c)) {
                c1::as_mac_roman
            } else {
                c1::as_windows_1252
            };
            let fixed: Vec<Piece> = pieces
                .iter()
                .map(|p| {
                    let c = read(p.c);
                    Piece {
                        c,
                        changed: p.changed || c != p.c,
                        ..*p
                    }
                })
                .collect();
            let fixed_text = as_string(&fixed);
            return Some((fixed, fixed_text, Looks::Unknown));
        }
    }
    None
}

/// Whether a decoding leaves the line at least as plausible as before, perhaps only after the
/// layers that follow it (several layers of mojibake can look worse half-way). If not, it was a
/// coincidence of bytes, not mojibake: `None`. Otherwise, whether the result still looks bad.
fn plausible_enough(
    fixed: &[Piece],
    fixed_text: &str,
    before: &str,
    before_badness: &mut Option<usize>,
    options: &CleanOptions,
) -> Option<Looks> {
    let after = badness(fixed_text);
    if after == 0 {
        return Some(Looks::Fine);
    }
    // Counting the text before only as far as `after` tells whether the layer is plausible;
    // the full count is needed (and kept for the other pages) only when it is not.
    let limit = match *before_badness {
        Some(known) => known,
        None => {
            let counted = badness_up_to(before, after);
            if counted >= after {
                return Some(Looks::Bad(Some(after)));
            }
            // The scan finished below its cap, so `counted` is the whole count.
            *before_badness = Some(counted);
            counted
        }
    };
    if after <= limit {
        return Some(Looks::Bad(Some(after)));
    }
    let further = fix_pieces(
        fixed,
        fixed_text,
        options,
        Guard::Off,
        Looks::Bad(Some(after)),
    )?;
    (badness(&as_string(&further)) <= limit).then_some(Looks::Bad(Some(after)))
}

/// Encodes `pieces` with `page` (which must be able to encode them all) and decodes the bytes as
/// UTF-8, after the byte touch-ups the options allow. `None` when they are not UTF-8.
fn redecode(
    pieces: &[Piece],
    page: CodePage,
    options: &CleanOptions,
) -> Option<(Vec<Piece>, String)> {
    let (fixed, read_a_grave_as_word) = redecode_with(pieces, page, options, AGrave::Word)?;
    // Vietnamese puts "à" inside words, so there the space after `Ã` was the lost A0 itself.
    if read_a_grave_as_word && fixed.0.iter().any(|p| is_vietnamese_letter(p.c)) {
        if let Some((inside, _)) = redecode_with(pieces, page, options, AGrave::InsideWord) {
            return Some(inside);
        }
    }
    Some(fixed)
}

/// [`utf8::decode_map_sized`] for bytes that came one from each of `pieces`: ASCII runs are
/// decoded in bulk (an ASCII byte is its own piece's character, unless that piece was U+FFFD
/// written as byte 1A).
fn decode_one_byte_each(
    bytes: &[u8],
    pieces: &[Piece],
    count: usize,
    mut make: impl FnMut(char, usize, usize) -> Piece,
) -> Option<Vec<Piece>> {
    let mut out = Vec::with_capacity(count);
    let mut i = 0;
    while i < bytes.len() {
        let run_end = super::next_non_ascii(bytes, i).unwrap_or(bytes.len());
        out.extend(
            pieces[i..run_end]
                .iter()
                .zip(&bytes[i..run_end])
                .map(|(p, &b)| {
                    let c = char::from(b);
                    Piece {
                        c,
                        start: p.start,
                        end: p.end.max(p.start),
                        changed: p.changed || c != p.c,
                    }
                }),
        );
        i = run_end;
        if i < bytes.len() {
            let (c, len) = utf8::decode_one(&bytes[i..])?;
            out.push(make(c, i, i + len));
            i += len;
        }
    }
    Some(out)
}

/// Letters only Vietnamese uses: horned o and u, and the Latin Extended Additional block of
/// letters with two diacritics.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'..='\u{1EF9}')
}

/// [`redecode`] with a given reading of `Ã `; also says whether that reading was used.
fn redecode_with(
    pieces: &[Piece],
    page: CodePage,
    options: &CleanOptions,
    a_grave: AGrave,
) -> Option<((Vec<Piece>, String), bool)> {
    thread_local! {
        /// The byte buffer of the last re-encoding: most code pages tried fail, and reusing
        /// it saves an allocation for each.
        static ENCODED: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }
    /// Larger buffers are not kept, so one huge line does not hold memory for good.
    const KEPT_CAPACITY: usize = 1 << 16;
    let mut bytes = ENCODED.take();
    bytes.clear();
    let mut t = TracedBytes {
        bytes,
        src: Vec::new(),
    };
    let result = redecode_traced(pieces, page, options, a_grave, &mut t);
    if t.bytes.capacity() <= KEPT_CAPACITY {
        ENCODED.set(t.bytes);
    }
    result
}

/// [`redecode_with`] using `t` (empty) for the bytes.
fn redecode_traced(
    pieces: &[Piece],
    page: CodePage,
    options: &CleanOptions,
    a_grave: AGrave,
    t: &mut TracedBytes,
) -> Option<((Vec<Piece>, String), bool)> {
    t.bytes.reserve(pieces.len());
    for p in pieces {
        t.bytes.push(page.encode_char(p.c)?);
    }
    let mut read_a_grave = false;
    // In MacRoman, "– " (D0 20) would pass for a no-break space that lost its A0.
    if options.restore_byte_a0 && page != CodePage::MacRoman && has_lost_a0(&t.bytes) {
        read_a_grave = restore_byte_a0(t, a_grave);
    }
    if options.replace_lossy_sequences && page.is_sloppy() {
        replace_lossy_sequences(t);
    }
    // Most pages tried do not give UTF-8: find out before building anything.
    let count = utf8::count_chars(&t.bytes)?;
    let make = |c: char, start: usize, end: usize| {
        let first = &pieces[t.source(start)];
        let last = &pieces[t.source(end - 1)];
        Piece {
            c,
            start: first.start,
            end: last.end.max(first.start),
            changed: first.changed || end - start > 1 || c != first.c,
        }
    };
    let fixed = if t.src.is_empty() && t.bytes.len() == pieces.len() {
        decode_one_byte_each(&t.bytes, pieces, count, make)?
    } else {
        utf8::decode_map_sized(&t.bytes, count, make)?
    };
    // Standard UTF-8 is its own text; only CESU-8 and `C0 80` need the characters spelt out.
    let text = match std::str::from_utf8(&t.bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => as_string(&fixed),
    };
    Some(((fixed, text), read_a_grave))
}
