//! Word lists and tables looked up without comparing strings, and the one hasher of the
//! quotation code (FNV-1a), used by the tables and the models' weight tables alike.

use std::sync::OnceLock;

/// FNV-1a: the tables are looked up once per word of every article, with short keys, where
/// the standard library's DoS-resistant hash is several times slower. Keys are the article's
/// own words, and every table is small.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, n: u64) {
        // The keys of the weight table are hashes already.
        self.0 = n;
    }
    fn write(&mut self, bytes: &[u8]) {
        let h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = fnv1a(h, bytes);
    }
}

/// FNV-1a's starting state (its "offset basis").
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a from state `h` over `bytes`: the one definition [`Fnv`] and [`fnv_parts`] share.
#[inline]
fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash maps keyed by FNV-1a (feature hashes, word tables).
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// The FNV-1a hash of the concatenation of `parts`: a feature's name hashed from its pieces,
/// without building it (see `model`). Equal to hashing the joined string with [`Fnv`].
pub(crate) fn fnv_parts(parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(FNV_OFFSET, |h, part| fnv1a(h, part.as_bytes()))
}

/// A word list looked up as a set: see [`WordMap`].
pub(crate) struct WordSet {
    /// A lexicon file: one entry a line, `#` opens a comment line, blank lines are skipped.
    file: &'static str,
    built: OnceLock<WordMap<()>>,
}

/// The entries of a lexicon file: one a line, trimmed; blank lines and lines opening with `#`
/// are skipped. The training scripts read the files the same way (`scripts/lexicon.py`).
pub(crate) fn lexicon_entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl WordSet {
    /// The set of a lexicon file's entries (see [`lexicon_entries`]).
    pub const fn lines(file: &'static str) -> WordSet {
        WordSet {
            file,
            built: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.built().get(w).is_some()
    }

    /// Whether the set holds `w.to_lowercase()`, without building it for ASCII words.
    pub fn contains_lowercase(&self, w: &str) -> bool {
        self.built().get_lowercase(w).is_some()
    }

    /// Whether the set holds the two-word entry `first second` (`close to`, `at least`),
    /// joined on the stack: asked near every cue, it allocates nothing for short pairs.
    pub fn contains_pair(&self, first: &str, second: &str) -> bool {
        let mut buffer = [0u8; 32];
        let len = first.len() + 1 + second.len();
        if len > buffer.len() {
            return self.contains(&format!("{first} {second}"));
        }
        buffer[..first.len()].copy_from_slice(first.as_bytes());
        buffer[first.len()] = b' ';
        buffer[first.len() + 1..len].copy_from_slice(second.as_bytes());
        // Two `str`s and an ASCII space are UTF-8.
        std::str::from_utf8(&buffer[..len]).is_ok_and(|pair| self.contains(pair))
    }

    /// The words, in the order of their list.
    pub fn words(&self) -> Vec<&'static str> {
        lexicon_entries(self.file).collect()
    }

    fn built(&self) -> &WordMap<()> {
        self.built
            .get_or_init(|| WordMap::new(self.words().into_iter().map(|w| (w, ()))))
    }
}

/// A table of words, looked up without comparing strings. Word lists and tables are consulted
/// for nearly every word near every quote, where the string comparisons of a binary search (or
/// the hashing of a map) took a tenth of the running time: here a word of up to 15 bytes is
/// packed with its length into one `u128` and found in an open-addressed table with one or
/// two integer comparisons. Most words asked are in no table: a one-bit-a-word filter turns
/// most of those away before the table, which is larger and seldom in the nearest cache.
pub(crate) struct WordMap<V> {
    /// Packed keys (0: empty), at most half full, so that a miss ends at an empty slot after a
    /// probe or two; the values beside them, in `values`.
    keys: Box<[u128]>,
    values: Box<[Option<V>]>,
    shift: u32,
    /// A Bloom filter of the packed keys with one hash, [`FILTER_BITS_A_KEY`] bits a key.
    filter: Box<[u64]>,
    filter_shift: u32,
    /// Keys too long to pack: rare in text, rarer in the tables.
    long: Vec<(String, V)>,
    /// A bit for each key's length, first byte and last byte ([`outline_bit`]), eight bits a
    /// key: most words asked are turned away here, from three numbers read without a branch,
    /// before they are packed (whose dispatch on the length the processor mispredicts, words
    /// being of every length) or the filter is read.
    outlines: Box<[u64]>,
    outline_shift: u32,
}

/// The filter's bits for each key: a word in no table passes it about once in sixteen.
const FILTER_BITS_A_KEY: usize = 16;

/// The bits of [`WordMap::outlines`] for each key.
const OUTLINE_BITS_A_KEY: usize = 8;

impl<V: Copy> WordMap<V> {
    /// The map of `entries`; of two equal keys, the later one's value is kept.
    pub fn new<'w>(entries: impl ExactSizeIterator<Item = (&'w str, V)>) -> WordMap<V> {
        let size = (2 * entries.len()).next_power_of_two().max(8);
        let filter_bits = (FILTER_BITS_A_KEY * entries.len())
            .next_power_of_two()
            .max(64);
        let outline_bits = (OUTLINE_BITS_A_KEY * entries.len())
            .next_power_of_two()
            .max(64);
        let mut map = WordMap {
            keys: vec![0; size].into_boxed_slice(),
            values: vec![None; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            filter: vec![0; filter_bits / 64].into_boxed_slice(),
            filter_shift: 64 - filter_bits.trailing_zeros(),
            long: Vec::new(),
            outlines: vec![0; outline_bits / 64].into_boxed_slice(),
            outline_shift: 64 - outline_bits.trailing_zeros(),
        };
        for (w, value) in entries {
            let bit = outline_bit(w.as_bytes(), map.outline_shift);
            map.outlines[bit >> 6] |= 1 << (bit & 63);
            let Some(key) = packed(w) else {
                map.long.retain(|(k, _)| k != w);
                map.long.push((w.to_string(), value));
                continue;
            };
            let bit = filter_bit(key, map.filter_shift);
            map.filter[bit >> 6] |= 1 << (bit & 63);
            let mut i = slot(key, map.shift);
            while map.keys[i] != 0 && map.keys[i] != key {
                i = (i + 1) & (size - 1);
            }
            map.keys[i] = key;
            map.values[i] = Some(value);
        }
        map
    }

    /// Whether a key may have the outline of bit `bit` (see [`outline_bit`]).
    fn may_hold(&self, bit: usize) -> bool {
        self.outlines
            .get(bit >> 6)
            .is_some_and(|w| w & (1 << (bit & 63)) != 0)
    }

    pub fn get(&self, w: &str) -> Option<V> {
        if !self.may_hold(outline_bit(w.as_bytes(), self.outline_shift)) {
            return None;
        }
        match packed(w) {
            Some(key) => self.get_packed(key),
            None => self.get_long(w),
        }
    }

    /// The value of a word too long to pack. Out of line, and the lowered look-up's too: their
    /// string comparisons made every look-up save and restore six registers, about a quarter
    /// of the instructions of the common, packed, look-up.
    #[cold]
    #[inline(never)]
    fn get_long(&self, w: &str) -> Option<V> {
        self.long.iter().find(|(k, _)| k == w).map(|&(_, v)| v)
    }

    /// The value of `w.to_lowercase()`: an ASCII word is lowered in its packed key, a few
    /// bytes at a time, instead of being copied.
    pub fn get_lowercase(&self, w: &str) -> Option<V> {
        if !w.is_ascii() {
            return self.get_lowercase_beyond_ascii(w);
        }
        // Lowering ASCII keeps the length, and lowers the first and last bytes alone.
        if !self.may_hold(lowered_outline_bit(w.as_bytes(), self.outline_shift)) {
            return None;
        }
        let Some(key) = packed(w) else {
            return self.get_long_lowercase(w);
        };
        let lo = ascii_lowercase(key as u64);
        let hi = ascii_lowercase((key >> 64) as u64);
        self.get_packed(u128::from(lo) | u128::from(hi) << 64)
    }

    /// The value of `w.to_lowercase()` for a word beyond ASCII, lowered in a copy (rare).
    #[cold]
    #[inline(never)]
    fn get_lowercase_beyond_ascii(&self, w: &str) -> Option<V> {
        self.get(&w.to_lowercase())
    }

    /// The value of the ASCII word `w` in lower case, when it is too long to pack (rare).
    #[cold]
    #[inline(never)]
    fn get_long_lowercase(&self, w: &str) -> Option<V> {
        let lowered = |k: &str| k.bytes().eq(w.bytes().map(|b| b.to_ascii_lowercase()));
        self.long.iter().find(|(k, _)| lowered(k)).map(|&(_, v)| v)
    }

    /// Read with `get`, not indexing: the filter bit and the slots are in range by
    /// construction, and without a panic path the look-up saves no register.
    fn get_packed(&self, key: u128) -> Option<V> {
        let bit = filter_bit(key, self.filter_shift);
        if self
            .filter
            .get(bit >> 6)
            .is_none_or(|w| w & (1 << (bit & 63)) == 0)
        {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut i = slot(key, self.shift);
        loop {
            match self.keys.get(i) {
                None | Some(0) => return None,
                Some(&k) if k == key => return self.values.get(i).copied().flatten(),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The bytes of `w` with its length (plus one, so that no key is 0, the empty slot) in the top
/// byte: distinct words up to 15 bytes get distinct keys. Read with whole-word loads, not
/// copied byte by byte into a buffer (whose reload stalled every look-up).
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let (lo, hi) = match n {
        0..=3 => (
            b.iter()
                .enumerate()
                .fold(0u64, |lo, (k, &x)| lo | u64::from(x) << (8 * k)),
            0,
        ),
        // Two overlapping loads: the first four bytes and the last four, shifted into place.
        4..=7 => {
            let head = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            let tail = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
            (head | tail << (8 * (n - 4)), 0)
        }
        8..=15 => {
            let mut head = [0u8; 8];
            head.copy_from_slice(&b[..8]);
            let mut tail = [0u8; 8];
            tail.copy_from_slice(&b[n - 8..]);
            let tail = u64::from_le_bytes(tail);
            // Bytes 8.. of the word, at the bottom (none when it has exactly 8).
            let rest = tail.checked_shr(8 * (16 - n as u32)).unwrap_or(0);
            (u64::from_le_bytes(head), rest)
        }
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128 + 1) << 120)
}

/// The eight ASCII bytes of `x` in lower case (any byte below 0x80 may stand in it: the length
/// byte of a packed key, at most 16, is no letter). A byte `b` is a capital when `b + 0x3f`
/// reaches 0x80 (`b >= 'A'`) and `b + 0x25` does not (`b <= 'Z'`); no sum carries into the next
/// byte, all bytes being below 0x80.
fn ascii_lowercase(x: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let from_a = x.wrapping_add(0x3f * EACH);
    let past_z = x.wrapping_add(0x25 * EACH);
    let capital = from_a & !past_z & (0x80 * EACH);
    x | capital >> 2
}

/// The bit of [`WordMap::outlines`] for the word of bytes `b`: a hash of its length, its first
/// byte and its last (0 for an empty word).
fn outline_bit(b: &[u8], shift: u32) -> usize {
    let (first, last) = (b.first().copied(), b.last().copied());
    outline_of(b.len(), first.unwrap_or(0), last.unwrap_or(0), shift)
}

/// [`outline_bit`] of the ASCII word of bytes `b` in lower case.
fn lowered_outline_bit(b: &[u8], shift: u32) -> usize {
    let lowered = |byte: Option<&u8>| byte.map_or(0, u8::to_ascii_lowercase);
    outline_of(b.len(), lowered(b.first()), lowered(b.last()), shift)
}

fn outline_of(n: usize, first: u8, last: u8, shift: u32) -> usize {
    let x = (n as u64) ^ u64::from(first) << 32 ^ u64::from(last) << 48;
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// A packed key's halves folded into one word, for [`slot`] and [`filter_bit`].
fn folded(key: u128) -> u64 {
    (key as u64) ^ ((key >> 64) as u64).rotate_left(31)
}

/// The table slot of a packed key (Fibonacci hashing of its folded halves).
fn slot(key: u128, shift: u32) -> usize {
    (folded(key).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The filter bit of a packed key: the top bits of another product than [`slot`]'s, so that
/// keys sharing a slot seldom share a bit.
fn filter_bit(key: u128, shift: u32) -> usize {
    (folded(key).wrapping_mul(0xff51_afd7_ed55_8ccd) >> shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_found_as_their_joined_entries() {
        static PAIRS: WordSet =
            WordSet::lines("close to\nknowledge of\nsomething longer than the buffer holds\n");
        assert!(PAIRS.contains_pair("close", "to"));
        assert!(PAIRS.contains_pair("knowledge", "of"));
        assert!(!PAIRS.contains_pair("close", "of"));
        assert!(!PAIRS.contains_pair("close to", ""));
        // Longer than the stack buffer: joined on the heap, found all the same.
        assert!(PAIRS.contains_pair("something", "longer than the buffer holds"));
    }

    #[test]
    fn lowered_look_ups_are_look_ups_of_the_lower_case() {
        // Every ASCII byte, in every position of short and long words.
        for b in 0u8..0x80 {
            for n in [1, 4, 7, 8, 9, 15, 16, 20] {
                let w: String = (0..n)
                    .map(|k| if k % 3 == 0 { b as char } else { 'Q' })
                    .collect();
                let lo = |k: u128| {
                    u128::from(ascii_lowercase(k as u64))
                        | u128::from(ascii_lowercase((k >> 64) as u64)) << 64
                };
                assert_eq!(packed(&w).map(lo), packed(&w.to_ascii_lowercase()), "{w:?}");
            }
        }
        static SET: WordSet = WordSet::lines("said\nk\nſ\nverylongwordover15\nab\n");
        for w in [
            "said",
            "SAID",
            "Said",
            "K",
            "\u{212A}",
            "ſ",
            "S",
            "VeryLongWordOver15",
            "ab",
            "AB",
            "a",
            "said!",
            "",
            "İ",
        ] {
            assert_eq!(
                SET.contains_lowercase(w),
                SET.contains(&w.to_lowercase()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn word_sets_hold_exactly_their_words() {
        static SET: WordSet =
            WordSet::lines("# a comment line\na\n an \n\nthe\nrepresentatives\nverylongwordover15");
        for w in ["a", "an", "the", "representatives", "verylongwordover15"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in [
            "",
            "b",
            "th",
            "them",
            "The",
            "representative",
            "verylongwordover1",
            "a\0",
        ] {
            assert!(!SET.contains(w), "{w:?}");
        }
        // The packed key is the word's bytes, zero-padded, with its length plus one on top.
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmno",
            "a’b",
        ] {
            let mut buf = [0u8; 16];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[15] = w.len() as u8 + 1;
            assert_eq!(packed(w), Some(u128::from_le_bytes(buf)), "{w}");
        }
        assert_eq!(packed("abcdefghijklmnop"), None);
        // Every list word, and no other word of the text, whatever the table's collisions.
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let big = WordSet::lines(Box::leak(words.join("\n").into_boxed_str()));
        assert!(words.iter().all(|w| big.contains(w)));
        assert!((2000..4000).all(|i| !big.contains(&format!("w{i}"))));
    }
}
