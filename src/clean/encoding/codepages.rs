//! The single-byte code pages whose mojibake we undo, and how text is encoded back into them.
//!
//! Mojibake is UTF-8 bytes read with one of these code pages. Undoing it means encoding each
//! character back to the byte it came from, which only works when every character of the text
//! exists in that code page: [`encodable_pages`] answers that for all pages at once.

#[path = "codepage_tables.rs"]
mod tables;

/// A code page, in the order repairs are tried (most common confusion first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CodePage {
    Latin1,
    Windows1252,
    Windows1251,
    Windows1250,
    Windows1253,
    Windows1254,
    Windows1257,
    Iso8859_2,
    MacRoman,
    Cp437,
}

pub(super) const ALL_PAGES: [CodePage; 10] = [
    CodePage::Latin1,
    CodePage::Windows1252,
    CodePage::Windows1251,
    CodePage::Windows1250,
    CodePage::Windows1253,
    CodePage::Windows1254,
    CodePage::Windows1257,
    CodePage::Iso8859_2,
    CodePage::MacRoman,
    CodePage::Cp437,
];

/// The pages a decoder of "Latin-1-like" mojibake confuses with UTF-8 most often; their letters
/// are the clues that a short run of text is UTF-8 read wrongly.
pub(super) const CLUE_PAGES: u16 = CodePage::Latin1.bit()
    | CodePage::Windows1252.bit()
    | CodePage::Windows1251.bit()
    | CodePage::Windows1250.bit()
    | CodePage::Windows1253.bit()
    | CodePage::Windows1254.bit()
    | CodePage::Windows1257.bit();

/// Every page: the starting mask of [`encodable_pages`].
pub(super) const ALL_PAGES_MASK: u16 = (1 << ALL_PAGES.len()) - 1;

/// Byte the sloppy Windows pages use for U+FFFD, the character a lossy decoder left where it met
/// an undefined byte: the byte itself is unknown, but "some byte" can still complete a sequence.
pub(super) const SUBSTITUTE: u8 = 0x1A;

impl CodePage {
    pub(super) const fn index(self) -> usize {
        self as usize
    }

    pub(super) const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// Windows pages read "sloppily": undefined bytes pass through as C1 controls, and U+FFFD
    /// stands for a lost byte.
    pub(super) const fn is_sloppy(self) -> bool {
        matches!(
            self,
            CodePage::Windows1252
                | CodePage::Windows1251
                | CodePage::Windows1250
                | CodePage::Windows1253
                | CodePage::Windows1254
                | CodePage::Windows1257
        )
    }

    /// The character this page gives byte `b`.
    pub(super) fn decode_byte(self, b: u8) -> char {
        if b < 0x80 {
            if b == SUBSTITUTE && self.is_sloppy() {
                return '\u{FFFD}';
            }
            return char::from(b);
        }
        let cp = tables::UPPER_HALVES[self.index()][usize::from(b - 0x80)];
        char::from_u32(u32::from(cp)).unwrap_or('\u{FFFD}')
    }

    /// The byte this page uses for `c`, if it has one.
    pub(super) fn encode_char(self, c: char) -> Option<u8> {
        let cp = u32::from(c);
        if cp < 0x80 {
            // In sloppy pages byte 0x1A means U+FFFD, so the control character itself has no byte.
            if cp == u32::from(SUBSTITUTE) && self.is_sloppy() {
                return None;
            }
            return Some(cp as u8);
        }
        if c == '\u{FFFD}' {
            return self.is_sloppy().then_some(SUBSTITUTE);
        }
        let bytes = lookup(c)?;
        match bytes[self.index()] {
            0 => None,
            b => Some(b),
        }
    }
}

/// Characters below this are looked up by index: Latin, Greek and Cyrillic, where most
/// mojibake characters live.
const DIRECT_LIMIT: usize = 0x500;

/// Index into [`tables::ENCODE`] plus one (0 = no entry) for each character below
/// [`DIRECT_LIMIT`], built at compile time.
static DIRECT: [u16; DIRECT_LIMIT] = direct_index(0, DIRECT_LIMIT);

/// The second block looked up by index: punctuation, currency, maths and box drawing
/// (U+2000..U+25FF), the other half of Windows-1252 and code page 437 mojibake.
const PUNCTUATION_START: usize = 0x2000;
const PUNCTUATION_END: usize = 0x2600;
static PUNCTUATION: [u16; PUNCTUATION_END - PUNCTUATION_START] =
    direct_index(PUNCTUATION_START, PUNCTUATION_END);

const fn direct_index<const N: usize>(from: usize, to: usize) -> [u16; N] {
    let mut direct = [0u16; N];
    let mut i = 0;
    while i < tables::ENCODE.len() {
        let cp = tables::ENCODE[i].0 as usize;
        if cp >= from && cp < to && cp - from < N {
            direct[cp - from] = (i + 1) as u16;
        }
        i += 1;
    }
    direct
}

/// Bit mask of the pages that can encode each character of [`tables::ENCODE`].
static PAGE_MASKS: [u16; tables::ENCODE.len()] = {
    let mut masks = [0u16; tables::ENCODE.len()];
    let mut i = 0;
    while i < tables::ENCODE.len() {
        let mut page = 0;
        while page < ALL_PAGES.len() {
            if tables::ENCODE[i].1[page] != 0 {
                masks[i] |= 1 << page;
            }
            page += 1;
        }
        i += 1;
    }
    masks
};

/// Index in [`tables::ENCODE`] of a non-ASCII character some page can encode.
fn lookup_index(c: char) -> Option<usize> {
    let cp = u32::from(c) as usize;
    let slot = if cp < DIRECT_LIMIT {
        DIRECT[cp]
    } else if (PUNCTUATION_START..PUNCTUATION_END).contains(&cp) {
        PUNCTUATION[cp - PUNCTUATION_START]
    } else {
        let cp = u16::try_from(cp).ok()?;
        return tables::ENCODE.binary_search_by_key(&cp, |&(k, _)| k).ok();
    };
    usize::from(slot).checked_sub(1)
}

/// The byte of `c` in each page (0 = none), for non-ASCII characters found in some page.
fn lookup(c: char) -> Option<&'static [u8; 10]> {
    lookup_index(c)
        .and_then(|i| tables::ENCODE.get(i))
        .map(|e| &e.1)
}

/// Bit mask of the pages (see [`CodePage::bit`]) that can encode `c`.
pub(super) fn pages_for_char(c: char) -> u16 {
    let cp = u32::from(c);
    if cp < 0x80 {
        if cp == u32::from(SUBSTITUTE) {
            return ALL_PAGES_MASK & !sloppy_mask();
        }
        return ALL_PAGES_MASK;
    }
    if c == '\u{FFFD}' {
        return sloppy_mask();
    }
    lookup_index(c)
        .and_then(|i| PAGE_MASKS.get(i))
        .copied()
        .unwrap_or(0)
}

fn sloppy_mask() -> u16 {
    ALL_PAGES
        .iter()
        .filter(|p| p.is_sloppy())
        .fold(0, |m, p| m | p.bit())
}

/// Bit mask of the pages that can encode every character of `chars` (0 when none can).
pub(super) fn encodable_pages(chars: impl Iterator<Item = char>) -> u16 {
    let mut mask = ALL_PAGES_MASK;
    for c in chars {
        if c.is_ascii() && c != char::from(SUBSTITUTE) {
            continue;
        }
        mask &= pages_for_char(c);
        if mask == 0 {
            break;
        }
    }
    mask
}

/// True when some clue page puts `c` at a byte in `lo..=hi`. This is how the "looks like a UTF-8 lead / continuation byte" classes are defined.
pub(super) fn clue_byte_in(c: char, lo: u8, hi: u8) -> bool {
    let cp = u32::from(c);
    if cp < 0x80 {
        return false;
    }
    if cp <= 0xFF && (lo..=hi).contains(&(cp as u8)) {
        // Latin-1 puts every U+0080..U+00FF character at its own byte.
        return true;
    }
    match lookup(c) {
        None => false,
        Some(bytes) => ALL_PAGES.iter().any(|p| {
            p.bit() & CLUE_PAGES != 0 && {
                let b = bytes[p.index()];
                b != 0 && (lo..=hi).contains(&b)
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_byte() {
        for page in ALL_PAGES {
            for b in 0x80..=0xFFu8 {
                let c = page.decode_byte(b);
                assert_eq!(page.encode_char(c), Some(b), "{page:?} byte {b:#x}");
            }
        }
    }

    #[test]
    fn sloppy_pages_keep_undefined_bytes() {
        assert_eq!(CodePage::Windows1252.decode_byte(0x81), '\u{81}');
        assert_eq!(CodePage::Windows1252.decode_byte(0x80), '€');
        assert_eq!(
            CodePage::Windows1252.encode_char('\u{FFFD}'),
            Some(SUBSTITUTE)
        );
        assert_eq!(CodePage::Latin1.encode_char('\u{FFFD}'), None);
        assert_eq!(CodePage::Windows1252.encode_char('\u{1A}'), None);
        assert_eq!(CodePage::MacRoman.decode_byte(0x8E), 'é');
    }

    #[test]
    fn masks() {
        assert_eq!(pages_for_char('a'), ALL_PAGES_MASK);
        assert_eq!(
            encodable_pages("sÃ©".chars()) & CodePage::Latin1.bit(),
            CodePage::Latin1.bit()
        );
        assert_eq!(encodable_pages("日本".chars()), 0);
    }
}
