//! The context features the model is keyed on. They MUST stay identical to `char_class`,
//! `context_classes` and `keys` in scripts/train_lossy.py, which computes them on damaged
//! training text: any drift silently degrades every prediction.

/// How many characters of context each side of a lone `â` the widest key looks at.
pub const WINDOW: usize = 3;

/// English contraction and possessive endings: after a lost apostrophe (`doesnât`, `Iâm`).
/// (`o’clock` too: the same apostrophe before a word ending.)
const CONTRACTIONS: [&str; 8] = ["s", "t", "re", "ve", "ll", "d", "m", "clock"];

/// One character reduced to the class the model knows it by.
pub fn char_class(c: char) -> u8 {
    match c {
        ' ' | '\t' | '\u{a0}' => b's',
        'A'..='Z' => b'A',
        'a'..='z' => b'a',
        '0'..='9' => b'0',
        'â' => b'Q',
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '\'' | '-' | '/'
        | '$' | '%' | '&' | '*' | '@' | '#' => c as u8,
        c if c.is_ascii() => b'p',
        // Intact punctuation (in a partly damaged text) looks like its ASCII cousin.
        '\u{201c}' | '\u{201d}' => b'"',
        '\u{2018}' | '\u{2019}' => b'\'',
        '\u{2013}' | '\u{2014}' | '\u{2015}' => b'-',
        // Letters, and in damaged text the first character of a damaged letter (`Ã©` é, a lone
        // `Ã` for É): a word goes on. `Â` starts symbols and the no-break space instead.
        'Â' | '×' | '÷' => b'M',
        'À'..='ÿ' => b'L',
        c if c.is_alphabetic() => b'L',
        _ => b'M',
    }
}

/// The classes of up to [`WINDOW`] characters on each side of the lone `â` at byte `pos`
/// (2 bytes long), nearest first; `^`/`$` stand for everything past the paragraph's edges.
/// On the left, a lone `â` already decided counts as the character chosen for it (`decided`
/// maps its byte offset to that character). A right side that is a contraction ending (`s`,
/// `t`, `re`, ...) gets the class `c`.
pub fn context_classes(
    text: &str,
    pos: usize,
    decided: impl Fn(usize) -> Option<char>,
) -> ([u8; WINDOW], [u8; WINDOW]) {
    let mut left = [b'^'; WINDOW];
    let before = text.get(..pos).unwrap_or("");
    for (slot, (i, c)) in left.iter_mut().zip(before.char_indices().rev()) {
        if c == '\n' || c == '\r' {
            break;
        }
        *slot = char_class(decided(i).unwrap_or(c));
    }
    let mut right = [b'$'; WINDOW];
    let after = text.get(pos + 'â'.len_utf8()..).unwrap_or("");
    for (slot, c) in right.iter_mut().zip(after.chars()) {
        if c == '\n' || c == '\r' {
            break;
        }
        *slot = char_class(c);
    }
    if right[0] == b'a' && starts_with_contraction(after) {
        right[0] = b'c';
    }
    (left, right)
}

/// True when `after` begins with a contraction ending that is a whole word (`s `, `re,`).
fn starts_with_contraction(after: &str) -> bool {
    let run = after
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let next_is_letter = after[run..].chars().next().is_some_and(char::is_alphabetic);
    !next_is_letter && CONTRACTIONS.contains(&&after[..run])
}

/// Quotation state at a position: what is open in the paragraph, and whether it is the title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct QuoteState {
    pub double_open: bool,
    pub single_open: bool,
    pub in_title: bool,
}

/// Longest first line still taken for a headline.
const TITLE_MAX_CHARS: usize = 250;

/// A headline: the text's first line, short, and set apart by a blank line. Headlines quote
/// with single marks (`Trump Calls Plan ‘A Disaster’`), so the model needs to know.
fn starts_with_headline(text: &str) -> bool {
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    let Some((second, _)) = rest.split_once('\n') else {
        return false;
    };
    first.chars().count() <= TITLE_MAX_CHARS && second.trim().is_empty()
}

impl QuoteState {
    pub fn at_document_start(text: &str) -> Self {
        QuoteState {
            double_open: false,
            single_open: false,
            in_title: starts_with_headline(text),
        }
    }

    /// A new paragraph closes every quotation (a continuing quote re-opens with its own mark).
    pub fn new_paragraph(&mut self) {
        self.double_open = false;
        self.single_open = false;
        self.in_title = false;
    }

    /// Follows the quotation marks as they are read (or decided). A `’` closes a single
    /// quotation only when no letter follows it: inside a word it is an apostrophe.
    pub fn update(&mut self, c: char, next: Option<char>) {
        match c {
            '\u{201c}' => self.double_open = true,
            '\u{201d}' => self.double_open = false,
            '\u{2018}' => self.single_open = true,
            '\u{2019}' if self.single_open && !next.is_some_and(char::is_alphabetic) => {
                self.single_open = false;
            }
            _ => {}
        }
    }
}

/// A class folded into a broad group, so an unseen neighbour (`)`, `]`) still says "after a
/// closing bracket" rather than nothing.
fn coarse(class: u8) -> u8 {
    match class {
        b'A' | b'a' | b'L' | b'0' | b'c' => b'w',
        b'.' | b',' | b';' | b':' | b'!' | b'?' => b'.',
        b')' | b']' => b')',
        b'(' | b'[' => b'(',
        b'"' | b'\'' => b'"',
        b's' | b'^' | b'$' | b'Q' | b'-' => class,
        _ => b'p',
    }
}

/// The bytes of a key of at most 10 bytes, zero-padded, with its length in the last byte;
/// `None` for a longer one, which no [`Key`] can be.
pub fn pack(bytes: &[u8]) -> Option<u128> {
    if bytes.len() > 10 {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

/// One model key: a level letter, then state digits and classes (at most 10 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    bytes: [u8; 10],
    len: u8,
}

impl Key {
    fn new(parts: &[&[u8]]) -> Self {
        let mut key = Key {
            bytes: [0; 10],
            len: 0,
        };
        // Parts are copied whole; whatever would pass the tenth byte is dropped.
        for part in parts {
            let start = usize::from(key.len);
            let n = part.len().min(key.bytes.len() - start);
            key.bytes[start..start + n].copy_from_slice(&part[..n]);
            key.len += n as u8;
        }
        key
    }

    /// The key as one integer (its bytes, zero-padded, and its length in the last byte), for
    /// the model's table: hashing and comparing it costs a couple of instructions.
    pub fn packed(&self) -> u128 {
        pack(self.as_bytes()).unwrap_or(0)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// The model keys for one position, broadest first: `S` the state alone, `C` coarse
/// neighbours, `0` classes ±1 without the state, then `1`/`2`/`3` with the state and ±1/±2/±3.
pub fn keys(left: &[u8; WINDOW], right: &[u8; WINDOW], state: QuoteState) -> [Key; 6] {
    let s = [
        b'0' + u8::from(state.double_open),
        b'0' + u8::from(state.single_open),
        b'0' + u8::from(state.in_title),
    ];
    [
        Key::new(&[b"S", &s]),
        Key::new(&[b"C", &s, &[coarse(left[0]), coarse(right[0])]]),
        Key::new(&[b"0", &[left[0], right[0]]]),
        Key::new(&[b"1", &s, &[left[0], right[0]]]),
        Key::new(&[b"2", &s, &[left[1], left[0], right[0], right[1]]]),
        Key::new(&[
            b"3",
            &s,
            &[left[2], left[1], left[0], right[0], right[1], right[2]],
        ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_stop_at_the_paragraph() {
        let text = "x\nd âHello";
        let pos = text.find('â').expect("has â");
        let (l, r) = context_classes(text, pos, |_| None);
        assert_eq!(&l, b"sa^");
        assert_eq!(&r, b"Aaa");
        let text = "well.â\nNext";
        let pos = text.find('â').expect("has â");
        let (l, r) = context_classes(text, pos, |_| None);
        assert_eq!(&l, b".aa");
        assert_eq!(&r, b"$$$");
    }

    #[test]
    fn contraction_endings_are_marked() {
        for (text, want) in [
            ("doesnât go", b'c'),
            ("theyâre, so", b'c'),
            ("statesâand", b'a'),
            ("Iâm.", b'c'),
            ("tâmpla", b'a'),
        ] {
            let pos = text.find('â').expect("has â");
            assert_eq!(context_classes(text, pos, |_| None).1[0], want, "{text}");
        }
    }

    #[test]
    fn apostrophe_does_not_close_a_single_quote() {
        let mut s = QuoteState::at_document_start("no headline");
        s.update('\u{2018}', Some('I'));
        s.update('\u{2019}', Some('m'));
        assert!(s.single_open);
        s.update('\u{2019}', Some(' '));
        assert!(!s.single_open);
    }
}
