//! Is this text mojibake? A plausibility check built from character classes.
//!
//! Genuine text rarely puts an accented capital right after a lowercase accented letter, a
//! currency sign after `Ã`, or a C1 control anywhere; UTF-8 read as a single-byte code page does
//! so all the time. Each rule below names one such unlikely neighbourhood. A line with none is
//! left alone, which is what keeps "España", "România" or "Москва" safe.
//!
//! Every rule involves at least one non-ASCII character, so the scan only stops at those and
//! looks at their neighbours.

use super::charclass::{
    classes, is_space, is_word, BOX, C1, CLOSER, CURRENCY, EVERYDAY, FACE, LAW, LOWER_ACCENTED,
    LOWER_OTHER, NUMERIC, ODD, OPENER, UPPER_ACCENTED, UPPER_OTHER,
};
use super::codepages::CodePage;

/// Classes that start most two-character mojibake pairs.
const MARKED: u16 =
    ODD | LOWER_ACCENTED | UPPER_ACCENTED | BOX | OPENER | CLOSER | CURRENCY | NUMERIC | LAW;

/// Pairs of (class of a character, class of the next) that signal mojibake.
const PAIRS: &[(u16, u16)] = &[
    (MARKED, ODD),
    (ODD, MARKED),
    (
        LOWER_ACCENTED | LOWER_OTHER | BOX | CLOSER | CURRENCY | NUMERIC,
        UPPER_ACCENTED,
    ),
    (BOX | CLOSER | CURRENCY | NUMERIC, LOWER_ACCENTED),
    (LOWER_ACCENTED | BOX | CLOSER, CURRENCY),
    (UPPER_ACCENTED | BOX, NUMERIC | LAW),
    (CURRENCY | NUMERIC | BOX, OPENER),
    (BOX, FACE),
    (
        LOWER_ACCENTED | UPPER_ACCENTED | CURRENCY | NUMERIC | OPENER | CLOSER | LAW,
        BOX,
    ),
    (BOX, CLOSER),
];

/// Triples of classes that signal mojibake.
const TRIPLES: &[(u16, u16, u16)] = &[
    (
        LOWER_ACCENTED | UPPER_ACCENTED | BOX | CURRENCY | CLOSER,
        OPENER,
        NUMERIC,
    ),
    (
        LOWER_ACCENTED | UPPER_ACCENTED | CURRENCY | NUMERIC | BOX | LAW,
        CLOSER,
        OPENER,
    ),
];

/// True when `text` contains at least one mojibake-like neighbourhood.
pub(super) fn is_bad(text: &str) -> bool {
    scan(text, 1) > 0
}

/// Number of characters of `text` at which a mojibake rule fires: lower is more plausible.
pub(super) fn badness(text: &str) -> usize {
    scan(text, usize::MAX)
}

/// `badness(text).min(cap)`, stopping as soon as `cap` is reached.
pub(super) fn badness_up_to(text: &str, cap: usize) -> usize {
    scan(text, cap)
}

/// Number of letters that real words seldom hold: non-ASCII capitals right after a lowercase
/// ASCII letter ("piÚ"), and the rare letters of Latin Extended-B ("lƶschen", "CosƬ"). A
/// tie-breaker between code pages that all decode a line.
pub(super) fn odd_letters(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut from = 0;
    while let Some(i) = super::next_non_ascii(bytes, from) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let capital_inside = i > 0 && bytes[i - 1].is_ascii_lowercase() && c.is_uppercase();
        if capital_inside || ('\u{180}'..='\u{1CC}').contains(&c) {
            count += 1;
        }
        from = i + c.len_utf8();
    }
    count
}

/// Counts the characters at which a rule fires, stopping at `cap`.
fn scan(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut from = 0;
    while let Some(run_start) = super::next_non_ascii(bytes, from) {
        // Walk the run of non-ASCII characters, classifying each once: the next character of
        // one step is the current character of the following step.
        let mut at = run_start;
        let mut chars = text[run_start..].chars();
        let mut current = chars.next().map(|c| (c, classes(c)));
        while let Some((c, cls)) = current {
            let after = at + c.len_utf8();
            let next = chars.next().map(|n| (n, classes(n)));
            if cls != 0 && fires_at(text, at, c, cls, next, &text[after..]) {
                count += 1;
                if count >= cap {
                    return count;
                }
            }
            at = after;
            match next {
                Some((n, _)) if !n.is_ascii() => current = next,
                _ => break,
            }
        }
        from = at;
    }
    count
}

/// Whether a rule keyed on `c` (at byte `at`, followed by `next` and its classes, then the
/// text from `rest` on, which starts with `next`) fires.
fn fires_at(
    text: &str,
    at: usize,
    c: char,
    cls: u16,
    next: Option<(char, u16)>,
    rest: &str,
) -> bool {
    if cls & C1 != 0 {
        return true;
    }
    let n1 = next.map(|(n, _)| n);
    let c1 = next.map_or(0, |(_, k)| k);
    // Fast exits for genuine text. Almost every rule needs a classified character next; the
    // few that do not start with one of these.
    if c1 == 0
        && !matches!(
            c,
            'Œ' | 'œ' | 'Â' | 'Ã' | 'Ø' | 'Ù' | '√' | 'ƒ' | '≈' | '├' | '┬' | '─' | '┼'
        )
    {
        return false;
    }
    // Greek and Cyrillic words: only two Windows-1251 sequences are made of letters alone,
    // besides Latin letters hidden inside a Latin word.
    const SCRIPT: u16 = LOWER_OTHER | UPPER_OTHER;
    let after_ascii = at
        .checked_sub(1)
        .and_then(|i| text.as_bytes().get(i))
        .is_some_and(|&b| b.is_ascii());
    let cyrillic_mojibake = (c == 'в' && n1 == Some('Ђ')) || (c == 'Г' && n1 == Some('ў'));
    // The capitals that Windows-1251/1253 give UTF-8 lead bytes C3..C5 (à..ſ) may hide a
    // Latin letter when they start a word.
    let hidden_latin_lead = after_ascii && matches!(c, 'Г' | 'Д' | 'Е' | 'Γ' | 'Δ' | 'Ε');
    if cls & !SCRIPT == 0 && c1 & !SCRIPT == 0 && !cyrillic_mojibake && !hidden_latin_lead {
        return false;
    }
    let n2 = rest.chars().nth(1);
    let c2 = n2.map_or(0, classes);
    if PAIRS.iter().any(|&(a, b)| cls & a != 0 && c1 & b != 0) {
        return true;
    }
    if TRIPLES
        .iter()
        .any(|&(a, b, d)| cls & a != 0 && c1 & b != 0 && c2 & d != 0)
    {
        return true;
    }
    // An accented letter, then a quote mark, then more of a word: a broken character, not a
    // quotation that ends after an accented letter.
    if cls & (LOWER_ACCENTED | UPPER_ACCENTED) != 0
        && c1 & (OPENER | CLOSER) != 0
        && n2.is_some_and(is_word)
    {
        return true;
    }
    let mut before = text[..at].chars().rev();
    let p1 = before.next();
    let p2 = before.next();
    if cls & (LOWER_OTHER | UPPER_OTHER) != 0
        && p1.is_some_and(|p| p.is_ascii_alphabetic())
        && c1 & ODD != 0
    {
        return true;
    }
    if cls & UPPER_OTHER != 0
        && p1.is_some_and(|p| p.is_ascii_lowercase())
        && c1 & (C1 | ODD | OPENER | CLOSER | NUMERIC | LAW | CURRENCY) != 0
    {
        // "mГ©dicament": a Latin word does not continue with a Greek or Cyrillic capital and a
        // symbol; Windows-1251/1253 readings of two-byte UTF-8 do.
        return true;
    }
    if let Some(n) = n1 {
        if hidden_letter_in_context(c, n, p1, c1, rest) {
            return true;
        }
    }
    if cls & UPPER_ACCENTED != 0 {
        if n1 == Some('°') {
            return true;
        }
        if p1.is_some_and(is_space) && c1 & CURRENCY != 0 {
            return true;
        }
        if p1.is_some_and(|p| p.is_ascii_lowercase()) && c1 & (OPENER | CURRENCY) != 0 {
            return true;
        }
    }
    specific_sequences(c, p1, p2, n1, n2, c1, at == 0, rest)
}

/// An accented Latin letter hidden as two characters `c`, `n`, where the neighbours show a
/// word: "giĂą" (più, Windows-1250), "c'ГЁ" (c'è, Windows-1251), "Γ¨" (the word è),
/// "GÃ¥" (Gå), "Г„nderungen" (Änderungen), "pi√π" (MacRoman), "espa├▒ol", "┬┐que" (code
/// page 437). The pairs are plausible on their own (maths, box drawing, Greek, Cyrillic), so
/// each family of pages asks for its own evidence.
fn hidden_letter_in_context(c: char, n: char, p1: Option<char>, c1: u16, rest: &str) -> bool {
    if c.is_ascii() || n.is_ascii() {
        return false;
    }
    let n2 = rest.chars().nth(1);
    let letter = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphabetic());
    let space = |x: Option<char>| x.is_some_and(is_space);
    let box_drawing = |x: Option<char>| x.is_some_and(|x| ('\u{2500}'..='\u{259F}').contains(&x));
    match c {
        // MacRoman leads C3, C4, C5.
        '√' | 'ƒ' | '≈' => {
            (letter(p1) || letter(n2)) && pair_decodes_to(CodePage::MacRoman, c, n, true)
        }
        // Code page 437 leads C2..C5. Line art puts box pieces side by side, so the word must
        // be evident.
        '┬' => (letter(p1) || letter(n2)) && pair_decodes_to(CodePage::Cp437, c, n, false),
        '├' => {
            ((letter(p1) && !box_drawing(n2)) || (space(p1) && letter(n2)))
                && pair_decodes_to(CodePage::Cp437, c, n, true)
        }
        '─' | '┼' => {
            letter(p1)
                && letter(n2)
                && !box_drawing(Some(n))
                && pair_decodes_to(CodePage::Cp437, c, n, true)
        }
        _ => {
            // Latin-1-like pages: inside a lowercase word. Elsewhere, only when the second
            // character is not a space, dash or quote mark, which real text puts after
            // accented capitals ("10 Å—", "SELKÄ\u{a0}EDELLÄ", "NICIODATĂ™"): then as a word
            // of its own (between spaces, not at the edge of a cut-out segment), inside a
            // capitalised word when it is a symbol ("NÃ¥r"; a letter there is an all-caps word
            // like "PĂŞUNE"), or starting a lowercase word.
            // Cheapest tests first: most pairs of genuine text fail `in_word` and `quiet`.
            let in_word = p1.is_some_and(|p| p.is_ascii_lowercase() || p == '\'');
            let quiet = || c1 & (EVERYDAY | OPENER | CLOSER) == 0;
            let alone = || space(p1) && !matches!(n2, Some(x) if is_word(x));
            let after_capital =
                || p1.is_some_and(|p| p.is_ascii_uppercase()) && !n.is_alphabetic() && letter(n2);
            let word_start = || {
                p1.is_some_and(|p| is_space(p) || in_set("(\"'«„“‘/-", p))
                    && n2.is_some_and(|x| x.is_ascii_lowercase())
            };
            (in_word || (quiet() && (alone() || after_capital() || word_start())))
                && LATIN_LIKE_PAGES
                    .iter()
                    .any(|&page| pair_decodes_to(page, c, n, true))
        }
    }
}

/// Whether `c`, `n` in `page` are a UTF-8 lead byte C2..C5 and a continuation byte, making a
/// character of U+0080..U+017F (a letter, when `letter` is asked for).
fn pair_decodes_to(page: CodePage, c: char, n: char, letter: bool) -> bool {
    let (Some(lead), Some(cont)) = (page.encode_char(c), page.encode_char(n)) else {
        return false;
    };
    if !(0xC2..=0xC5).contains(&lead) || !(0x80..=0xBF).contains(&cont) {
        return false;
    }
    let cp = (u32::from(lead & 0x1F) << 6) | u32::from(cont & 0x3F);
    !letter || is_letter_below_180(cp)
}

/// `char::is_alphabetic` for U+0080..U+017F (what a lead byte C2..C5 can make), without the
/// general Unicode table: every character of Latin-1 Supplement's letter half and of Latin
/// Extended-A is a letter except × and ÷; below U+00C0 only ª, µ and º are.
fn is_letter_below_180(cp: u32) -> bool {
    match cp {
        0xAA | 0xB5 | 0xBA => true,
        0xD7 | 0xF7 => false,
        0xC0..=0x17F => true,
        _ => false,
    }
}

/// The Latin-1-like pages whose readings of UTF-8 are spotted inside words.
const LATIN_LIKE_PAGES: [CodePage; 7] = [
    CodePage::Latin1,
    CodePage::Windows1252,
    CodePage::Windows1250,
    CodePage::Windows1251,
    CodePage::Windows1253,
    CodePage::Windows1254,
    CodePage::Windows1257,
];

/// Particular sequences that the class rules miss, mostly from one code page each.
#[allow(clippy::too_many_arguments)]
fn specific_sequences(
    c: char,
    p1: Option<char>,
    p2: Option<char>,
    n1: Option<char>,
    n2: Option<char>,
    c1: u16,
    at_start: bool,
    rest: &str,
) -> bool {
    let n1_in = |set: &str| n1.is_some_and(|n| in_set(set, n));
    let n2_in = |set: &str| n2.is_some_and(|n| in_set(set, n));
    match c {
        // œ is a letter inside French words; after it comes another letter.
        'Œ' | 'œ' => n1.is_some_and(|n| !n.is_ascii_alphabetic()),
        // Windows-1252 readings of two-byte UTF-8 starting C2, C3, CE, D0.
        'Â' | 'Ã' | 'Î' | 'Ð'
            if n1_in("€œŠš¢£Ÿž\u{a0}\u{ad}®©°·»–—´") || c1 & (OPENER | CLOSER) != 0 =>
        {
            true
        }
        'Ã' if n1_in("\u{a0}¡") => true,
        // "Ã " where the no-break space of "à" became a plain space.
        // `Â` alone before a lower-case word is the Walloon or Welsh word (`Â matin`, `Â phwy?`).
        'Ã' | 'Â' if n1 == Some(' ') => {
            (at_start && !(c == 'Â' && n2.is_some_and(char::is_lowercase)))
                || p1.is_some_and(|p| p.is_ascii_lowercase())
                || (p1.is_some_and(is_space) && p2.is_some_and(|p| p.is_ascii_lowercase()))
                || (c == 'Â' && p1.is_some_and(ends_clause))
        }
        '×' => n1_in("²³"),
        // Arabic read as Windows-1252: needs two pairs to be sure.
        // Arabic-Indic digits (D9 A0..A9) whose A0 became a space: "Ù Ù Ù¡" for ٠٠١.
        'Ø' | 'Ù' if n1_in(" \u{a0}") && n2_in("ØÙ") => true,
        'Ø' | 'Ù' => {
            let mut more = rest.chars().skip(2);
            let n3 = more.next();
            arabic_tail(n1) && n2_in("ØÙ") && arabic_tail(n3)
        }
        // Lead bytes of Indic scripts (E0 A4..) read as Windows-1252.
        'à' => n1_in("²µ¹¼½¾"),
        // MacRoman readings.
        '√' => n1_in("±∂†≠®™´≤≥¥µø"),
        '≈' => n1_in("°¢"),
        '‚' => (n1 == Some('Ä') && n2_in("ìîïòôúùû†°¢π")) || (n1_in("âó") && n2_in("àä°ê")),
        // Windows-1251 readings of U+2000 punctuation and of Latin-1 letters.
        'в' => n1 == Some('Ђ'),
        'В' | 'Г' | 'Р' | 'С' if cyrillic_sandwich(n1, n2) => true,
        'Г' => {
            let tail: Vec<char> = rest.chars().take(6).collect();
            tail.len() == 6
                && tail[..4] == ['ў', 'В', 'Ђ', 'В']
                && tail[4] != '\n'
                && (tail[5].is_ascii_alphabetic() || tail[5] == ' ')
        }
        // Windows-1253 readings.
        'β' => n1 == Some('€') && n2_in("™\u{a0}Ά\u{ad}®°"),
        'Β' | 'Γ' | 'Ξ' | 'Ο' => {
            n1.is_some_and(|n| {
                classes(n) & (C1 | ODD | OPENER | CLOSER | CURRENCY) != 0 || n == '°'
            }) && n2_in("ΒΓΞΟ")
        }
        // Windows-1257 reading of E2 80.
        'ā' => n1 == Some('€'),
        _ => false,
    }
}

/// Whether `set` holds `c`: a plain walk, much faster than `str::contains` for a handful of
/// characters.
pub(super) fn in_set(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

fn ends_clause(p: char) -> bool {
    p.is_ascii_lowercase() || in_set(".,?!", p) || classes(p) & CLOSER != 0
}

fn arabic_tail(n: Option<char>) -> bool {
    n.is_some_and(|n| {
        classes(n) & (EVERYDAY | CURRENCY | ODD | NUMERIC | OPENER) != 0 || in_set("ŸŠ®°µ»", n)
    })
}

fn cyrillic_sandwich(n1: Option<char>, n2: Option<char>) -> bool {
    n1.is_some_and(|n| {
        classes(n) & (C1 | ODD | OPENER | CLOSER | CURRENCY) != 0 || n == '°' || n == 'µ'
    }) && n2.is_some_and(|n| in_set("ВГРС", n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_bad() {
        assert!(is_bad("The cafÃ© on the corner"));
        assert!(is_bad("He said â€œnoâ€\u{9d} twice"));
        assert!(is_bad("Ã  la carte"));
        assert!(is_bad("Ã la carte"));
        assert!(is_bad("Ð¿Ñ€Ð¸Ð²ÐµÑ‚"));
        assert!(is_bad("вЂњquoteвЂќ"));
        assert!(is_bad("control \u{85} char"));
        assert!(is_bad("la canci├│n"));
        assert!(is_bad("┬┐que diferencia hay?"));
        assert!(is_bad("al pi√π presto"));
        assert!(is_bad("sur le mГ©dicament"));
    }

    #[test]
    fn real_text_is_not_bad() {
        for t in [
            "The café on the corner is closed.",
            "São Paulo, România, Brâncuși, Ðorđević, Łódź",
            "Москва — столица России.",
            "Η Αθήνα είναι η πρωτεύουσα.",
            "Chị ấy cân nhắc kỹ lưỡng.",
            "東京では雨が降っています。",
            "He said “no” — twice… 😀",
            "Prix : 12 € ou 10 £, « merci »",
            "¿Qué pasa? ¡Nada!",
            "(ò_ó) ¯\\_(ツ)_/¯",
            "╔══╗ ├┤ └┘ │ ┬┐",
            "area = 2√π and 1 ≈ 1.0",
            "├┤a┼┐a┼┐a┼┐a",
            "iPhone Г-образный",
        ] {
            assert!(!is_bad(t), "{t}");
        }
    }

    #[test]
    fn letters_below_180_match_unicode() {
        for cp in 0x80..0x180 {
            let c = char::from_u32(cp).expect("a scalar value");
            assert_eq!(is_letter_below_180(cp), c.is_alphabetic(), "U+{cp:04X}");
        }
    }

    #[test]
    fn badness_counts() {
        assert_eq!(badness("plain"), 0);
        assert!(badness("Ã©Ã©Ã©") >= 3);
    }
}
