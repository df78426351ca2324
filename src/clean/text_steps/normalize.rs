//! Unicode normalization (NFC by default) as local edits.
//!
//! Text is cut into stretches that each begin at a "boundary" character: canonical combining
//! class 0 and quick-check Yes for the form. Such a character cannot combine with or reorder
//! against anything before it, so normalizing stretch by stretch gives the same result as
//! normalizing the whole text (UAX #15, "Detecting Normalization Forms"). A stretch whose
//! characters all pass the quick check (and whose marks are in order) is already normalized and
//! costs nothing; only the others are normalized and compared, and each one that changes is one
//! edit. Already-normalized text therefore costs one scan with a bit lookup per non-ASCII char.

use super::scan::next_non_ascii;
use super::Edit;
use crate::clean::Normalization;
use std::sync::OnceLock;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{
    is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick, IsNormalized, UnicodeNormalization,
};

fn quick_check(form: Normalization, c: char) -> IsNormalized {
    let one = std::iter::once(c);
    match form {
        Normalization::Nfc => is_nfc_quick(one),
        Normalization::Nfkc => is_nfkc_quick(one),
        Normalization::Nfd => is_nfd_quick(one),
        Normalization::Nfkd => is_nfkd_quick(one),
    }
}

fn is_boundary_slow(form: Normalization, c: char) -> bool {
    canonical_combining_class(c) == 0 && quick_check(form, c) == IsNormalized::Yes
}

/// One bit per Basic Multilingual Plane code point: is it a boundary for the form? Built once
/// per form from the normalization crate's own tables, so the scan needs no hashing.
struct BmpBoundaries([u64; 1024]);

impl BmpBoundaries {
    fn build(form: Normalization) -> Self {
        let mut bits = [0u64; 1024];
        for cp in 0..0x1_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                if is_boundary_slow(form, c) {
                    bits[(cp >> 6) as usize] |= 1 << (cp & 63);
                }
            }
        }
        BmpBoundaries(bits)
    }

    #[inline]
    fn get(&self, cp: u32) -> bool {
        self.0
            .get((cp >> 6) as usize)
            .is_some_and(|w| w & (1 << (cp & 63)) != 0)
    }
}

fn bmp_boundaries(form: Normalization) -> &'static BmpBoundaries {
    static NFC: OnceLock<BmpBoundaries> = OnceLock::new();
    static NFKC: OnceLock<BmpBoundaries> = OnceLock::new();
    static NFD: OnceLock<BmpBoundaries> = OnceLock::new();
    static NFKD: OnceLock<BmpBoundaries> = OnceLock::new();
    let cell = match form {
        Normalization::Nfc => &NFC,
        Normalization::Nfkc => &NFKC,
        Normalization::Nfd => &NFD,
        Normalization::Nfkd => &NFKD,
    };
    cell.get_or_init(|| BmpBoundaries::build(form))
}

fn normalized(form: Normalization, s: &str) -> String {
    match form {
        Normalization::Nfc => s.nfc().collect(),
        Normalization::Nfkc => s.nfkc().collect(),
        Normalization::Nfd => s.nfd().collect(),
        Normalization::Nfkd => s.nfkd().collect(),
    }
}

/// The stretch being scanned: where it starts and whether it may need normalizing.
struct Stretch {
    start: usize,
    suspicious: bool,
    last_class: u8,
}

impl Stretch {
    /// Ends the stretch at `end`: if it may be unnormalized, normalizes it and records an edit.
    fn close(&mut self, text: &str, end: usize, form: Normalization, edits: &mut Vec<Edit>) {
        if self.suspicious {
            if let Some(part) = text.get(self.start..end) {
                let fixed = normalized(form, part);
                if fixed != part {
                    edits.push(Edit::new(self.start, end, fixed));
                }
            }
        }
        self.suspicious = false;
        self.last_class = 0;
    }
}

pub(super) fn normalize(text: &str, form: Normalization) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    let mut i = next_non_ascii(b, 0);
    if i >= b.len() {
        return edits;
    }
    let table = bmp_boundaries(form);
    let nfc = form == Normalization::Nfc;
    // The character before the first non-ASCII byte (if any) is an ASCII boundary.
    let mut stretch = Stretch {
        start: i.saturating_sub(1),
        suspicious: false,
        last_class: 0,
    };
    while i < b.len() {
        if b[i] < 0x80 {
            // An ASCII run: every character is a boundary, so the stretch ends here and the
            // next one starts at the run's last character.
            if stretch.suspicious {
                stretch.close(text, i, form, &mut edits);
            }
            stretch.last_class = 0;
            let next = next_non_ascii(b, i);
            stretch.start = next - 1;
            i = next;
            continue;
        }
        // A run of non-ASCII characters, decoded in one go.
        let Some(rest) = text.get(i..) else {
            break;
        };
        let rb = rest.as_bytes();
        let mut run_len = rest.len();
        let mut k = 0;
        while k < rb.len() {
            let lead = rb[k];
            if lead < 0x80 {
                run_len = k;
                break;
            }
            // Two-byte characters below U+0300 (lead bytes C2..CB: Latin-1, Latin Extended,
            // IPA, spacing modifiers) are all NFC boundaries: no combining class, quick check
            // Yes. Damaged and accented text is full of them, so they skip decoding.
            let (c, boundary) = if nfc && (0xc2..=0xcb).contains(&lead) {
                (None, true)
            } else {
                let Some(c) = rest.get(k..).and_then(|t| t.chars().next()) else {
                    break;
                };
                let cp = u32::from(c);
                let boundary = if cp < 0x1_0000 {
                    table.get(cp)
                } else {
                    is_boundary_slow(form, c)
                };
                (Some(c), boundary)
            };
            let width = c.map_or(2, char::len_utf8);
            if boundary {
                if stretch.suspicious {
                    stretch.close(text, i + k, form, &mut edits);
                }
                stretch.start = i + k;
                stretch.last_class = 0;
            } else if let Some(c) = c {
                let class = canonical_combining_class(c);
                if quick_check(form, c) != IsNormalized::Yes
                    || (class != 0 && stretch.last_class > class)
                {
                    stretch.suspicious = true;
                }
                stretch.last_class = class;
            }
            k += width;
        }
        i += run_len;
    }
    stretch.close(text, b.len(), form, &mut edits);
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    #[test]
    fn two_byte_characters_below_u0300_are_nfc_boundaries() {
        // The NFC scan skips decoding for lead bytes C2..CB on this guarantee.
        for cp in 0x80..0x300 {
            let c = char::from_u32(cp).expect("scalar value");
            assert!(is_boundary_slow(Normalization::Nfc, c), "U+{cp:04X}");
        }
    }

    fn nfc(t: &str) -> Vec<Edit> {
        normalize(t, Normalization::Nfc)
    }

    #[test]
    fn composes_decomposed_accents_locally() {
        let t = "Le pre\u{301}sident a visite\u{301} Brasi\u{301}lia.";
        let e = nfc(t);
        assert_eq!(e.len(), 3);
        assert_eq!(e[0], Edit::new(5, 8, "\u{e9}"));
        assert_eq!(
            apply(nfc, t),
            "Le pr\u{e9}sident a visit\u{e9} Bras\u{ed}lia."
        );
    }

    #[test]
    fn normalized_text_gives_no_edits() {
        for t in [
            "Rom\u{e2}nia: Br\u{e2}ncu\u{219}i, c\u{e2}ine \u{219}i p\u{e2}ine.",
            "Nguy\u{1ec5}n T\u{1ea5}n D\u{169}ng, Vi\u{1ec7}t Nam",
            "\u{d55c}\u{ad6d}\u{c5b4} \u{65e5}\u{672c}\u{8a9e} \u{05e9}\u{05dc}\u{05d5}\u{05dd} \u{1f469}\u{200d}\u{1f4bb}",
            "\u{e9}\u{316} stays: marks already in canonical order",
            "plain ascii",
        ] {
            assert!(nfc(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn reorders_marks_and_handles_hangul_jamo() {
        // Marks out of canonical order after a precomposed letter.
        assert_eq!(apply(nfc, "a\u{301}\u{316}"), "\u{e1}\u{316}");
        // Conjoining jamo compose into a syllable.
        assert_eq!(apply(nfc, "\u{1112}\u{1161}\u{11ab}"), "\u{d55c}");
        // A mark at the very start of the text.
        assert_eq!(apply(nfc, "\u{301}x"), "\u{301}x");
    }

    #[test]
    fn other_forms() {
        let t = "\u{fb01}nal caf\u{e9} \u{2460}";
        assert_eq!(
            apply(|t| normalize(t, Normalization::Nfkc), t),
            "final caf\u{e9} 1"
        );
        assert_eq!(
            apply(|t| normalize(t, Normalization::Nfd), "caf\u{e9} \u{d55c}"),
            "cafe\u{301} \u{1112}\u{1161}\u{11ab}"
        );
        assert_eq!(
            apply(|t| normalize(t, Normalization::Nfkd), "\u{bd}\u{e9}"),
            "1\u{2044}2e\u{301}"
        );
    }

    #[test]
    fn agrees_with_whole_text_normalization() {
        let samples = [
            "\u{1e9b}\u{323} \u{387}x\u{344}y \u{f900}\u{2126} \u{1100}\u{1161}\u{11a8}a\u{300}\u{315}\u{301}",
            "\u{e9}\u{327}\u{301}\u{300} \u{d4db}\u{11ab} \u{2000} \u{fb2c}\u{5b4} \u{1d15e}\u{1d165}",
            "\u{300}\u{300}start with marks \u{f73} \u{e0}\u{31b}\u{323}",
        ];
        for t in samples {
            for form in [
                Normalization::Nfc,
                Normalization::Nfkc,
                Normalization::Nfd,
                Normalization::Nfkd,
            ] {
                assert_eq!(
                    apply(|x| normalize(x, form), t),
                    normalized(form, t),
                    "{t:?} {form:?}"
                );
            }
        }
    }
}
