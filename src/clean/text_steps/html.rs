//! HTML character references: `&eacute;`, `&#233;`, `&#xE9;`, and the ALL-CAPS spellings that
//! upper-cased database fields produce (`P&EACUTE;REZ` → `PÉREZ`), as ftfy decodes them.
//!
//! What counts as a reference is ftfy's pattern: `&`, an optional `#`, 1 to 24 ASCII letters or
//! digits, and a semicolon. Named references must be in the table (the HTML5 list plus the
//! upper-case spellings, see `scripts/gen_entities.py`); without the semicolon nothing is decoded,
//! so "AT&T" and "this&not that" stay as written. Numeric references follow the HTML5 rules:
//! `&#128;`–`&#159;` mean the Windows-1252 characters, NUL and out-of-range numbers become U+FFFD,
//! and a few non-characters and controls decode to nothing.
//!
//! Text that looks like HTML markup is left alone: decoding stops at the start of the first line
//! that holds an HTML tag (`<p>`, `</div>`, `<a href=…>`, `<!--`), as `ftfy.fix_text`'s "auto"
//! setting does (sticky for the rest of the text). ftfy stops at any `<`; we require a tag of an
//! HTML element, because news text says "x < y" and "<40%", and scraped corpora embed their own
//! non-HTML markers (`<tweet …>`), and the entities around them must still be decoded.
//!
//! ftfy reruns its fixes until nothing changes, so `&amp;eacute;` ends as `é`, even in text
//! where the first round produced a `<`. To give the same result whatever the pipeline sees on
//! its next round, a reference that decodes to `&` is read again together with what follows it.

use super::entity_table::ENTITIES;
use super::Edit;
use memchr::{memchr, memrchr};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const MAX_NAME: usize = 24;

/// The end of the ftfy-style reference whose `&` is just before `from`: the byte after its `;`.
fn reference_end(b: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    if b.get(j) == Some(&b'#') {
        j += 1;
    }
    let name_start = j;
    while j < b.len() && j - name_start < MAX_NAME && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    (j > name_start && b.get(j) == Some(&b';')).then_some(j + 1)
}

/// A multiply-rotate hash over eight bytes at a time, for the entity names: the table is ours,
/// so SipHash's protection against chosen keys buys nothing.
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 31)
    }
}

type EntityMap = HashMap<&'static str, &'static str, BuildHasherDefault<NameHasher>>;

/// The entity table as a hash map, built on first use: a news article written in entities
/// has one every couple of hundred bytes, and a binary search over 3 500 names (a dozen string
/// comparisons) was most of the step's time. The names are unique, so the map holds exactly
/// what the sorted table does.
fn named(name: &str) -> Option<&'static str> {
    static MAP: OnceLock<EntityMap> = OnceLock::new();
    MAP.get_or_init(|| ENTITIES.iter().copied().collect())
        .get(name)
        .copied()
}

/// Windows-1252 meanings that HTML5 gives to references to C1 code points (unassigned bytes
/// keep their C1 code point, as in Python's `html.unescape`).
fn windows_1252_c1(n: u32) -> Option<char> {
    const TABLE: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    n.checked_sub(0x80)
        .and_then(|k| TABLE.get(k as usize))
        .copied()
}

/// Numbers that HTML5 decodes to nothing: most C0 and C1 controls and the non-characters.
fn decodes_to_nothing(n: u32) -> bool {
    matches!(n, 0x1..=0x8 | 0xb | 0xe..=0x1f | 0x7f..=0x9f | 0xfdd0..=0xfdef)
        || (n & 0xfffe == 0xfffe && n <= 0x10_ffff)
}

/// What a numeric reference decodes to. `body` is what follows `&#` up to the `;`. `None` when
/// the body is not entirely a decimal or `x`-hex number (then the text stays as it is).
fn numeric(body: &str) -> Option<String> {
    let (digits, radix) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (&body[1..], 16),
        _ => (body, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Saturate: anything past U+10FFFF decodes the same way.
    let n = digits.chars().fold(0u32, |acc, c| {
        let d = c.to_digit(radix).unwrap_or(0);
        acc.saturating_mul(radix).saturating_add(d).min(0x7fff_ffff)
    });
    let decoded = match n {
        0 => Some('\u{fffd}'),
        0x0d => Some('\r'),
        _ => windows_1252_c1(n),
    };
    Some(match decoded {
        Some(c) => c.to_string(),
        None if (0xd800..=0xdfff).contains(&n) || n > 0x10_ffff => "\u{fffd}".to_owned(),
        None if decodes_to_nothing(n) => String::new(),
        None => char::from_u32(n).map_or_else(|| "\u{fffd}".to_owned(), |c| c.to_string()),
    })
}

/// What the reference `text[amp..end]` (from `&` to `;` included) decodes to, if anything.
fn decode(text: &str, amp: usize, end: usize) -> Option<String> {
    let inner = text.get(amp + 1..end - 1)?;
    match inner.strip_prefix('#') {
        Some(body) => numeric(body),
        None => named(inner).map(str::to_owned),
    }
}

/// Where decoding stops: the start of the first line that contains a markup tag, or the end.
fn decodable_len(b: &[u8]) -> usize {
    let mut from = 0;
    while let Some(off) = memchr(b'<', &b[from..]) {
        let lt = from + off;
        if starts_tag(&b[lt..]) {
            return memrchr(b'\n', &b[..lt]).map_or(0, |nl| nl + 1);
        }
        from = lt + 1;
    }
    b.len()
}

/// Longest stretch between `<` and `>` we still read as one tag.
const MAX_TAG: usize = 512;

/// HTML element names whose tags mark a text as markup.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "body",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "small",
    "span",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "title",
    "tr",
    "u",
    "ul",
];

/// True when `s` (starting at `<`) opens an HTML tag or comment: `<name`, `</name` (a known
/// HTML element) or `<!`, closed by `>` on the same line.
fn starts_tag(s: &[u8]) -> bool {
    let rest = &s[1..];
    let name = match rest.first() {
        Some(b'!') => return true,
        Some(b'/') => &rest[1..],
        _ => rest,
    };
    let len = name
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let is_element = HTML_ELEMENTS
        .iter()
        .any(|e| e.as_bytes().eq_ignore_ascii_case(&name[..len]));
    if !is_element {
        return false;
    }
    let window = &rest[..rest.len().min(MAX_TAG)];
    window
        .iter()
        .take_while(|&&c| c != b'\n' && c != b'<')
        .any(|&c| c == b'>')
}

pub(super) fn unescape_html(text: &str) -> Vec<Edit> {
    let all = text.as_bytes();
    let mut edits = Vec::new();
    if memchr(b'&', all).is_none() {
        return edits;
    }
    let b = &all[..decodable_len(all)];
    let mut i = 0;
    while let Some(off) = memchr(b'&', &b[i..]) {
        let amp = i + off;
        i = amp + 1;
        let Some(mut end) = reference_end(b, amp + 1) else {
            continue;
        };
        let Some(mut decoded) = decode(text, amp, end) else {
            continue;
        };
        // `&amp;eacute;`: the decoded `&` starts a new reference with the text that follows.
        while decoded == "&" {
            let Some(next_end) = reference_end(b, end) else {
                break;
            };
            // Reading from the `;` just before `end` as if it were the `&`.
            let Some(again) = decode(text, end - 1, next_end) else {
                break;
            };
            decoded = again;
            end = next_end;
        }
        edits.push(Edit::new(amp, end, decoded));
        i = end;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::test_util::apply;
    use super::*;

    fn un(t: &str) -> String {
        apply(unescape_html, t)
    }

    #[test]
    fn every_table_entry_is_found_by_name() {
        for (name, value) in ENTITIES {
            assert_eq!(named(name), Some(*value), "{name}");
        }
        assert_eq!(named("notanentity"), None);
        assert_eq!(named(""), None);
    }

    #[test]
    fn named_references() {
        assert_eq!(
            un("Caf&eacute; owner Jos&eacute; P&eacute;rez said &ldquo;no&rdquo;&hellip;"),
            "Caf\u{e9} owner Jos\u{e9} P\u{e9}rez said \u{201c}no\u{201d}\u{2026}"
        );
        assert_eq!(
            un("&Jscr;ohn &HilbertSpace;ancock &checkmark;"),
            "\u{1d4a5}ohn \u{210b}ancock \u{2713}"
        );
        assert_eq!(un("&NotEqualTilde; &fjlig;"), "\u{2242}\u{338} fj");
    }

    #[test]
    fn upper_case_spellings() {
        assert_eq!(un("P&EACUTE;REZ"), "P\u{c9}REZ");
        assert_eq!(un("BUNDESSTRA&SZLIG;E"), "BUNDESSTRASSE");
        assert_eq!(
            un("&ntilde; &Ntilde; &NTILDE; &nTILDE;"),
            "\u{f1} \u{d1} \u{d1} &nTILDE;"
        );
        // A real entity keeps its own meaning; a caps spelling that starts with a legacy name
        // (`LT`) is not guessed at.
        assert_eq!(
            un("&ETH; &eth; &LTIMES; &ltimes;"),
            "\u{d0} \u{f0} &LTIMES; \u{22c9}"
        );
    }

    #[test]
    fn numeric_references_follow_html5() {
        assert_eq!(
            un("it&#8217;s &#x2019; &#X2019; &#39;"),
            "it\u{2019}s \u{2019} \u{2019} '"
        );
        assert_eq!(
            un("&#128; &#150; &#x93;x&#x94; &#129;"),
            "\u{20ac} \u{2013} \u{201c}x\u{201d} \u{81}"
        );
        assert_eq!(un("a&#0;b&#13;c&#1;d&#x7f;e&#xFFFE;f"), "a\u{fffd}b\rcdef");
        assert_eq!(
            un("&#xD800; &#1114112; &#99999999999999999999999;"),
            "\u{fffd} \u{fffd} \u{fffd}"
        );
        assert_eq!(un("&#128512;"), "\u{1f600}");
    }

    #[test]
    fn things_that_are_not_references_stay() {
        for t in [
            "AT&T and P&G; R&D spending",
            "this&not that, &amp without semicolon",
            "&#12ab; &#xZZ; &#x; &#; &; &unknown; & ;",
            "&averyveryverylongnamethatisnot;",
            "&#x0000000000000000000000041;",
        ] {
            assert_eq!(un(t), t, "{t}");
        }
        // A name of exactly 24 characters is still looked at.
        assert_eq!(un("&#x00000000000000000000041;"), "A");
    }

    #[test]
    fn double_escaping_is_undone_in_one_go() {
        assert_eq!(
            un("Caf&amp;eacute; &amp;amp;amp; &amp;&amp; &amp;#39;"),
            "Caf\u{e9} & && '"
        );
        assert_eq!(un("&amp;lt;b&amp;gt;"), "<b>");
        assert_eq!(un("Q&amp;A;"), "Q&A;");
    }

    #[test]
    fn markup_stops_decoding_from_its_line_on() {
        assert_eq!(un("<p>Caf&eacute;</p>"), "<p>Caf&eacute;</p>");
        assert_eq!(
            un("Caf&eacute;\n<b>y</b> &amp; z\nna&iuml;ve"),
            "Caf\u{e9}\n<b>y</b> &amp; z\nna&iuml;ve"
        );
        assert_eq!(
            un("<!-- saved page -->\nCaf&eacute;"),
            "<!-- saved page -->\nCaf&eacute;"
        );
        assert_eq!(un("&lt;p&gt; caf&eacute;"), "<p> caf\u{e9}");
    }

    #[test]
    fn a_less_than_sign_is_not_markup() {
        assert_eq!(
            un("Fewer than 1 percent (< 5,000 people) were &ldquo;affected&rdquo;"),
            "Fewer than 1 percent (< 5,000 people) were \u{201c}affected\u{201d}"
        );
        assert_eq!(un("<40% of voters &amp; a <b"), "<40% of voters & a <b");
        assert_eq!(
            un("<tweet author=\"x\">Fargo&rsquo;s</tweet>"),
            "<tweet author=\"x\">Fargo\u{2019}s</tweet>"
        );
    }
}
