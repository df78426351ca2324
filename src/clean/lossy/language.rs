//! Which language the text around a lone `â` is in. Romanian, French, Portuguese, Vietnamese,
//! Welsh, Turkish, Ligurian, Friulian and Walloon write `â` as a letter (`coborâre`,
//! `coordonât`, `Portugâ`, `Iâ`, `hâlâ`), and a word of theirs can look exactly like English
//! damage (`cobor’re`, `coordon’t`, `Portug”`). Where the only sign of damage is an open-class
//! word (a closing mark after a word, a possessive `’s`), we repair it only when the paragraph
//! around it reads as English: more English function words than words of those languages.
//!
//! The word lists are data, one file per language in `words/`; a test keeps the English list
//! apart from the others.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::model::KeyHasher;

const ENGLISH: &str = include_str!("words/english.txt");
const OTHERS: [&str; 9] = [
    include_str!("words/romanian.txt"),
    include_str!("words/french.txt"),
    include_str!("words/portuguese.txt"),
    include_str!("words/vietnamese.txt"),
    include_str!("words/welsh.txt"),
    include_str!("words/turkish.txt"),
    include_str!("words/ligurian.txt"),
    include_str!("words/friulian.txt"),
    include_str!("words/walloon.txt"),
];
const NT_HOSTS: &str = include_str!("words/contraction_nt_hosts.txt");
const AUX_HOSTS: &str = include_str!("words/contraction_aux_hosts.txt");

/// The words of a list file: one a line, `#` comments and blank lines skipped.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Which list a word is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    English,
    Other,
}

/// Longest word, in bytes, that [`packed_word`] can hold; no listed word is longer.
const MAX_WORD: usize = 15;

/// A word of at most [`MAX_WORD`] bytes as one integer (bytes, zero-padded, length last): the
/// per-word lookup hashes one `u128` instead of a string.
fn packed_word(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

struct Lists {
    /// The English list and the other languages' lists, keyed by [`packed_word`], for the counting pass.
    words: HashMap<u128, Side, BuildHasherDefault<KeyHasher>>,
    nt_hosts: HashSet<&'static str>,
    aux_hosts: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let english: HashSet<_> = entries(ENGLISH).collect();
        let others: HashSet<_> = OTHERS.iter().flat_map(|l| entries(l)).collect();
        let mut words = HashMap::default();
        for (list, side) in [(&others, Side::Other), (&english, Side::English)] {
            for w in list {
                if let Some(key) = packed_word(w.as_bytes()) {
                    words.insert(key, side);
                }
            }
        }
        Lists {
            words,
            nt_hosts: entries(NT_HOSTS).collect(),
            aux_hosts: entries(AUX_HOSTS).collect(),
        }
    })
}

/// True when `left` (the ASCII word before a lost apostrophe) and `right` (the letters after
/// it) make an English contraction whose host is a closed class: `doesn`+`t`, `I`+`m`,
/// `they`+`re`, `I`+`ve`, `we`+`ll`, `she`+`d`.
pub fn is_closed_contraction(left: &str, right: &str) -> bool {
    let lower = left.to_ascii_lowercase();
    let l = lists();
    match right {
        "t" => l.nt_hosts.contains(lower.as_str()),
        "m" => lower == "i",
        "re" | "ve" | "ll" | "d" => l.aux_hosts.contains(lower.as_str()),
        _ => false,
    }
}

/// English and other-language words counted in one paragraph.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    english: u32,
    others: u32,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.english += other.english;
        self.others += other.others;
    }
}

/// The language of each paragraph of one text, counted on first use (only texts with a
/// doubtful site pay for it).
pub struct Languages<'a> {
    text: &'a str,
    /// Per paragraph: its end (byte offset of its `\n`, or the text's end) and its counts.
    paragraphs: OnceCell<(Vec<(usize, Counts)>, Counts)>,
}

impl<'a> Languages<'a> {
    pub fn new(text: &'a str) -> Self {
        Languages {
            text,
            paragraphs: OnceCell::new(),
        }
    }

    /// True when the paragraph holding byte `pos` reads as English: more English words than
    /// words of the languages that write `â`. A paragraph with neither (a headline, a name)
    /// takes the whole text's verdict.
    pub fn english_at(&self, pos: usize) -> bool {
        let c = self.counts_at(pos);
        c.english > c.others
    }

    /// True when the paragraph holding byte `pos` (or, for a paragraph with neither, the whole
    /// text) holds more words of the languages that write `â` than English ones.
    pub fn other_language_at(&self, pos: usize) -> bool {
        let c = self.counts_at(pos);
        c.others > c.english
    }

    fn counts_at(&self, pos: usize) -> Counts {
        let (paragraphs, total) = self.paragraphs.get_or_init(|| count(self.text));
        let k = paragraphs.partition_point(|&(end, _)| end < pos);
        let here = paragraphs.get(k).map(|&(_, c)| c).unwrap_or_default();
        if here.english + here.others > 0 {
            here
        } else {
            *total
        }
    }
}

/// Counts every paragraph's words in one pass over the bytes: ASCII letters are lower-cased
/// in place, other characters decoded only where a non-ASCII byte starts one.
fn count(text: &str) -> (Vec<(usize, Counts)>, Counts) {
    let l = lists();
    let bytes = text.as_bytes();
    let mut paragraphs = Vec::new();
    let mut total = Counts::default();
    let mut here = Counts::default();
    let mut word = [0u8; MAX_WORD + 4];
    let mut len = 0;
    let finish = |word: &[u8], here: &mut Counts| match packed_word(word)
        .and_then(|key| l.words.get(&key))
    {
        Some(Side::English) => here.english += 1,
        Some(Side::Other) => here.others += 1,
        None => {}
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphabetic() {
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &x in lower.encode_utf8(&mut buf).as_bytes() {
                        if len < word.len() {
                            word[len] = x;
                        }
                        len += 1;
                    }
                }
                continue;
            }
        } else {
            i += 1;
        }
        if len > 0 {
            if len <= MAX_WORD {
                finish(&word[..len], &mut here);
            }
            len = 0;
        }
        if b == b'\n' {
            paragraphs.push((i - 1, here));
            total.add(here);
            here = Counts::default();
        }
    }
    if len > 0 && len <= MAX_WORD {
        finish(&word[..len], &mut here);
    }
    paragraphs.push((text.len(), here));
    total.add(here);
    (paragraphs, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_no_other_languages_words() {
        let english: HashSet<_> = entries(ENGLISH).collect();
        let others: HashSet<_> = OTHERS.iter().flat_map(|l| entries(l)).collect();
        let shared: Vec<_> = english.intersection(&others).collect();
        assert!(shared.is_empty(), "{shared:?}");
        assert!(english.len() > 50 && others.len() > 200);
        let words = &lists().words;
        assert_eq!(words.len(), english.len() + others.len(), "a word too long");
        // Common English words kept out of the English list because another language has them
        // too must stay out of the other lists as well, or English text would read as foreign.
        let ambiguous = [
            "a", "i", "in", "on", "no", "do", "as", "an", "be", "to", "so", "me", "am", "at", "or",
            "but", "can", "don", "are", "more", "he",
        ];
        let foreign: Vec<_> = ambiguous.iter().filter(|w| others.contains(*w)).collect();
        assert!(foreign.is_empty(), "{foreign:?}");
    }

    #[test]
    fn paragraphs_are_told_apart() {
        let text = "Ena yr Iâ, medd y gwyddonwyr.\nThe minister said it was not over.\nPortugâ";
        let at = |t: &str, word: &str| t.find(word).expect("word in text");
        let langs = Languages::new(text);
        assert!(!langs.english_at(at(text, "Iâ")));
        assert!(langs.english_at(at(text, "minister")));
        // A paragraph with no listed word takes the whole text's verdict.
        assert!(langs.english_at(at(text, "Portugâ")));
        let welsh = "Ena yr Iâ, medd y gwyddonwyr.\nPortugâ";
        assert!(!Languages::new(welsh).english_at(at(welsh, "Portugâ")));
        assert!(!Languages::new("Portugâ").english_at(0));
        assert!(!Languages::new("Portugâ").other_language_at(0));
        assert!(Languages::new("Ena yr Iâ").other_language_at(0));
        let headline = "Britainâs Farmers Win\n\nThe minister said they had won.";
        assert!(Languages::new(headline).english_at(0));
    }

    #[test]
    fn contraction_hosts_are_a_closed_class() {
        for (l, r) in [
            ("doesn", "t"),
            ("I", "ve"),
            ("I", "ll"),
            ("I", "m"),
            ("They", "re"),
        ] {
            assert!(is_closed_contraction(l, r), "{l} {r}");
        }
        for (l, r) in [
            ("coordon", "t"),
            ("torn", "t"),
            ("cobor", "re"),
            ("ci", "ve"),
        ] {
            assert!(!is_closed_contraction(l, r), "{l} {r}");
        }
    }
}
