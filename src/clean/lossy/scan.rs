//! Finds the places where a punctuation character's bytes were partly deleted.
//!
//! A UTF-8 character `E2 xx yy` read as Latin-1 is `â` followed by two characters for the bytes
//! `xx` and `yy`; deleting the C1 controls (U+0080..U+009F) removes those below 0xA0. So “ ” ‘ ’
//! – — (both bytes below 0xA0) leave a lone `â`, and … • € ™ leave `â` plus one character
//! (`â¦`). An `â` followed by two continuation characters is a complete sequence (ordinary
//! mojibake such as `â€œ`), which is the encoding step's job, not ours.

use memchr::memchr2_iter;

/// What remains of one damaged character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remnant {
    /// A lone `â`: both continuation bytes were deleted.
    LoneA,
    /// `â` and the surviving third byte (`â¦` for …).
    TwoOfThree(char),
    /// `⊠`: an earlier tool's wrong repair of `â¦`.
    BoxedEllipsis,
}

/// One damaged character: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub start: usize,
    pub end: usize,
    pub remnant: Remnant,
}

/// A character standing for a UTF-8 continuation byte (0x80..0xBF) in Latin-1 or Windows-1252.
pub fn is_continuation(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{bf}') || cp1252_high_byte(c)
}

/// The characters Windows-1252 puts at bytes 0x80..0x9F.
pub fn cp1252_high_byte(c: char) -> bool {
    matches!(
        c,
        '€' | '‚'
            | 'ƒ'
            | '„'
            | '…'
            | '†'
            | '‡'
            | 'ˆ'
            | '‰'
            | 'Š'
            | '‹'
            | 'Œ'
            | 'Ž'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '•'
            | '–'
            | '—'
            | '˜'
            | '™'
            | 'š'
            | '›'
            | 'œ'
            | 'ž'
            | 'Ÿ'
    )
}

/// Every damaged character in `text`, in order. Empty (after one `memchr2` pass, without
/// allocating) when the text holds no `â` and no `⊠`.
pub fn find_sites(text: &str) -> Vec<Site> {
    let bytes = text.as_bytes();
    let mut sites = Vec::new();
    // `â` is C3 A2 and `⊠` is E2 8A A0: look for the second bytes, which ordinary text (curly
    // quotes and dashes are E2 80 xx) rarely holds, and step back to the lead byte.
    let leads = memchr2_iter(0xA2, 0x8A, bytes).filter_map(|j| {
        let i = j.checked_sub(1)?;
        matches!(bytes[i], 0xC3 | 0xE2).then_some(i)
    });
    for i in leads {
        let tail = &bytes[i..];
        if tail.starts_with("â".as_bytes()) {
            let after = &text[i + 2..];
            let mut rest = after.chars();
            let (first, second) = (rest.next(), rest.next());
            match (first, second) {
                (Some(a), Some(b)) if is_continuation(a) && is_continuation(b) => {}
                (Some(a), _) if matches!(a, '\u{a0}'..='\u{bf}') => sites.push(Site {
                    start: i,
                    end: i + 2 + a.len_utf8(),
                    remnant: Remnant::TwoOfThree(a),
                }),
                // `â` then a C1 control or a Windows-1252 character: mojibake whose bytes were
                // kept, not deleted.
                (Some(a), _) if is_continuation(a) => {}
                _ => sites.push(Site {
                    start: i,
                    end: i + 2,
                    remnant: Remnant::LoneA,
                }),
            }
        } else if tail.starts_with("⊠".as_bytes()) {
            sites.push(Site {
                start: i,
                end: i + 3,
                remnant: Remnant::BoxedEllipsis,
            });
        }
    }
    sites
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Remnant> {
        find_sites(text).into_iter().map(|s| s.remnant).collect()
    }

    #[test]
    fn lone_and_partial_remnants() {
        assert_eq!(
            kinds("call for âstrong US backingâ today"),
            vec![Remnant::LoneA, Remnant::LoneA]
        );
        assert_eq!(kinds("good people â¦they"), vec![Remnant::TwoOfThree('¦')]);
        assert_eq!(kinds("good people ⊠they"), vec![Remnant::BoxedEllipsis]);
    }

    #[test]
    fn complete_mojibake_is_not_ours() {
        assert!(kinds("â€œquotedâ€\u{9d} and â€¦").is_empty());
        assert!(kinds("Ecuadorâ\u{80}\u{99}s").is_empty());
        assert!(kinds("âœ” No problems").is_empty());
        assert!(kinds("plain ASCII, café, naïve").is_empty());
    }
}
