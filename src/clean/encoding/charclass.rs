//! Character classes of the few hundred characters that make up mojibake.
//!
//! When UTF-8 is read as a single-byte code page, each multi-byte character turns into a short
//! run of accented letters, currency signs, punctuation, box drawing and C1 controls. Each class
//! below groups characters that play the same part in such runs; the plausibility rules in
//! `badness` look at which classes sit next to each other.

/// C1 control characters (U+0080..U+009F): in practice only ever undecoded bytes.
pub(super) const C1: u16 = 1 << 0;
/// Symbols almost never written on purpose next to letters (¤ ¦ ¨ ¬ ¯ ¸ ƒ ˆ ˇ † ‡ ‰ …).
pub(super) const ODD: u16 = 1 << 1;
/// Section and paragraph signs.
pub(super) const LAW: u16 = 1 << 2;
pub(super) const CURRENCY: u16 = 1 << 3;
/// Marks that open something: inverted ¡ ¿, opening quotes, «, ©, bullet.
pub(super) const OPENER: u16 = 1 << 4;
/// Marks that close something: closing quotes, », ®, ™.
pub(super) const CLOSER: u16 = 1 << 5;
/// Superscripts, fractions, maths operators.
pub(super) const NUMERIC: u16 = 1 << 6;
/// Letters that emoticons are drawn with (ò ö ù ü ø °): never strong evidence next to box art.
pub(super) const FACE: u16 = 1 << 7;
/// Accented capitals of the Latin code pages (excluding the emoticon O's and U's).
pub(super) const UPPER_ACCENTED: u16 = 1 << 8;
/// Accented lowercase letters of the Latin code pages (excluding emoticon o's and u's).
pub(super) const LOWER_ACCENTED: u16 = 1 << 9;
/// Greek and Cyrillic capitals (and Þ): normal in their own scripts.
pub(super) const UPPER_OTHER: u16 = 1 << 10;
/// Greek and Cyrillic lowercase.
pub(super) const LOWER_OTHER: u16 = 1 << 11;
/// Box-drawing and block characters of code page 437.
pub(super) const BOX: u16 = 1 << 12;
/// Characters common in real text as well as in mojibake (no-break space, dashes, ’, …).
pub(super) const EVERYDAY: u16 = 1 << 13;

/// Classes of U+0000..U+04FF (Latin, Greek, Cyrillic), looked up rather than matched: they are
/// the characters of most non-English text.
static LOW_TABLE: [u16; 0x500] = {
    let mut table = [0u16; 0x500];
    let mut cp = 0;
    while cp < 0x500 {
        table[cp] = classes_by_rule(cp as u32);
        cp += 1;
    }
    table
};

/// Classes of U+2000..U+25FF (punctuation, currency, maths, box drawing), the other half of
/// mojibake.
const PUNCTUATION_START: u32 = 0x2000;
static PUNCTUATION_TABLE: [u16; 0x600] = {
    let mut table = [0u16; 0x600];
    let mut k = 0;
    while k < 0x600 {
        table[k] = classes_by_rule(PUNCTUATION_START + k as u32);
        k += 1;
    }
    table
};

/// The classes of `c` (0 for characters that play no part in mojibake, including all ASCII).
#[inline]
pub(super) fn classes(c: char) -> u16 {
    let cp = u32::from(c);
    if let Some(&k) = LOW_TABLE.get(cp as usize) {
        return k;
    }
    match cp
        .checked_sub(PUNCTUATION_START)
        .and_then(|k| PUNCTUATION_TABLE.get(k as usize))
    {
        Some(&k) => k,
        None => classes_by_rule(cp),
    }
}

const fn classes_by_rule(cp: u32) -> u16 {
    if cp < 0x80 {
        return 0;
    }
    if cp < 0x100 {
        return latin1_classes(cp as u8);
    }
    match cp {
        0x0100..=0x024F => latin_extended_classes(cp),
        0x02C6 | 0x02C7 | 0x02D8 | 0x02DB | 0x02DC => ODD,
        0x02DD => CLOSER,
        0x0384 | 0x0385 => OPENER,
        0x0386 | 0x0388..=0x038A | 0x038C | 0x038E | 0x038F | 0x0391..=0x03A9 | 0x03AA | 0x03AB => {
            UPPER_OTHER
        }
        0x03AC..=0x03C9 => LOWER_OTHER,
        0x0401..=0x042F => UPPER_OTHER,
        0x0430..=0x045F => LOWER_OTHER,
        0x0490 => UPPER_ACCENTED,
        0x0491 => LOWER_ACCENTED,
        0x2013..=0x2015 | 0x2019 | 0x2026 => EVERYDAY,
        0x2018 | 0x201A | 0x201C | 0x201E | 0x2022 | 0x2039 => OPENER,
        0x201D | 0x203A | 0x2122 => CLOSER,
        0x2020 | 0x2021 | 0x2030 => ODD,
        0x20A7 | 0x20AC => CURRENCY,
        0x2044 | 0x2116 | 0x2202 | 0x2206 | 0x220F | 0x2211 | 0x221A | 0x221E | 0x2229 | 0x222B
        | 0x2248 | 0x2260 | 0x2261 | 0x2264 | 0x2265 => NUMERIC,
        0x2310 | 0x25CA => ODD,
        0x2502
        | 0x250C
        | 0x2510
        | 0x2518
        | 0x251C
        | 0x2524
        | 0x252C
        | 0x253C
        | 0x2550..=0x256C
        | 0x2580
        | 0x2584
        | 0x2588
        | 0x258C
        | 0x2590..=0x2593 => BOX,
        0xF8FF => OPENER,
        0xFB01 | 0xFB02 => LOWER_ACCENTED,
        0xFFFD => ODD,
        _ => 0,
    }
}

const fn latin1_classes(b: u8) -> u16 {
    match b {
        0x80..=0x9F => C1,
        0xA0 | 0xAD | 0xB4 | 0xB7 => EVERYDAY,
        0xA4 | 0xA6 | 0xA8 | 0xAA | 0xAC | 0xAF | 0xB8 | 0xBA => ODD,
        0xA7 | 0xB6 => LAW,
        0xA2 | 0xA3 | 0xA5 => CURRENCY,
        0xA1 | 0xA9 | 0xAB | 0xBF => OPENER,
        0xAE | 0xBB => CLOSER,
        0xB1 | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBC..=0xBE | 0xD7 | 0xF7 => NUMERIC,
        0xB0 => FACE,
        // Ò..Ö and Ù..Û are drawn into faces; Ø and Ü are too common in mojibake to spare.
        0xD2..=0xD6 | 0xD9..=0xDB => FACE,
        0xD8 => UPPER_ACCENTED,
        0xDC => UPPER_ACCENTED | FACE,
        0xC0..=0xD1 | 0xDD => UPPER_ACCENTED,
        0xDE => UPPER_OTHER,
        0xDF..=0xF1 => LOWER_ACCENTED,
        0xF2..=0xF6 | 0xF8..=0xFB => FACE,
        0xFC => LOWER_ACCENTED | FACE,
        _ => 0,
    }
}

/// Latin Extended-A letters of the Central European and Baltic code pages.
const fn latin_extended_classes(cp: u32) -> u16 {
    let Some(c) = char::from_u32(cp) else {
        return 0;
    };
    match c {
        'Ő' | 'Ō' | 'Ū' | 'Ų' => FACE,
        'Ă' | 'Ā' | 'Ą' | 'Ć' | 'Č' | 'Ď' | 'Đ' | 'Ę' | 'Ě' | 'Ē' | 'Ė' | 'Ğ' | 'Ģ' | 'İ' | 'Ī'
        | 'Ķ' | 'Ĺ' | 'Ľ' | 'Ł' | 'Ļ' | 'Ń' | 'Ň' | 'Ņ' | 'Œ' | 'Ř' | 'Ś' | 'Ş' | 'Š' | 'Ţ'
        | 'Ť' | 'Ů' | 'Ű' | 'Ÿ' | 'Ź' | 'Ż' | 'Ž' => UPPER_ACCENTED,
        'ă' | 'ą' | 'ā' | 'ć' | 'č' | 'ď' | 'đ' | 'ę' | 'ě' | 'ē' | 'ė' | 'ğ' | 'ģ' | 'į' | 'ī'
        | 'ķ' | 'ĺ' | 'ľ' | 'ł' | 'ļ' | 'œ' | 'ŕ' | 'ś' | 'ş' | 'š' | 'ť' | 'ź' | 'ż' | 'ž' => {
            LOWER_ACCENTED
        }
        'ƒ' => ODD,
        _ => 0,
    }
}

/// Python's `\s`, which the rules were tuned with: Unicode whitespace plus the ASCII
/// information separators.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// A word character (letter, digit or underscore, any script).
pub(super) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
