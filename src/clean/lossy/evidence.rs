//! Whether a document shows the damage at all. Genuine `â` is common (château, România, câmara,
//! tâm), so a lone `â` proves nothing by itself; but some of its positions no genuine word has
//! (`backingâ `, ` âThe`, `doesnât`), and a damaged document cannot hold intact curly quotes,
//! dashes or accented letters, since those would have been damaged too.

use super::language::{is_closed_contraction, Languages};
use super::scan::{cp1252_high_byte, is_continuation, Remnant, Site};

/// How much of the document to repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No sign of the damage: touch nothing.
    Undamaged,
    /// Damage next to intact text: repair only the self-evident places.
    EvidentOnly,
    /// The whole document went through the damage: every lone `â` is a lost character.
    Damaged,
}

/// Decides for the whole document, given its damaged sites.
pub fn judge(text: &str, sites: &[Site], langs: &Languages) -> Verdict {
    // Mojibake that kept its C1 bytes was not made by the deletion we repair.
    if kept_c1_bytes(text) {
        return Verdict::Undamaged;
    }
    let intact = intact_characters(text);
    if intact == 0 {
        // One evident site is enough. Most damaged texts show one that needs no language
        // (`doesnât`, `.â`, ` âThe`), so the paragraphs' words are counted only when not.
        if sites.iter().any(|s| is_evident(text, s, None))
            || sites.iter().any(|s| is_evident(text, s, Some(langs)))
        {
            return Verdict::Damaged;
        }
        // Lost dashes alone (`the plan â agreed in May â will`) leave no evident site. A
        // spaced `â` is a word only in Welsh; in English text with nothing else non-ASCII
        // intact, it is a dash.
        let spaced = sites.iter().any(|s| is_spaced_lone_a(text, s));
        if spaced && looks_english(text) {
            return Verdict::Damaged;
        }
        return Verdict::Undamaged;
    }
    let evident = sites
        .iter()
        .filter(|s| is_evident(text, s, Some(langs)))
        .count();
    if evident == 0 {
        Verdict::Undamaged
    } else if evident >= 4 && evident >= 4 * intact {
        Verdict::Damaged
    } else {
        Verdict::EvidentOnly
    }
}

/// In a partly damaged document, which sites to repair: every site of a paragraph that shows
/// the damage and holds nothing intact (damage comes with the source a paragraph was pasted
/// from), elsewhere the evident ones, and a word-initial `â` whose closing partner later in
/// the paragraph is evident (`wrote âwe will winâ,`).
pub fn evident_sites(text: &str, sites: &[Site], langs: &Languages) -> Vec<bool> {
    let evident: Vec<bool> = sites
        .iter()
        .map(|s| is_evident(text, s, Some(langs)))
        .collect();
    let mut wanted = evident.clone();
    let mut paragraph_start = 0;
    for paragraph in text.split_inclusive('\n') {
        let end = paragraph_start + paragraph.len();
        let inside = |s: &Site| s.start >= paragraph_start && s.start < end;
        let first = sites.partition_point(|s| s.start < paragraph_start);
        let count = sites[first..].iter().take_while(|s| inside(s)).count();
        let shows_damage = evident[first..first + count].iter().any(|&e| e);
        if shows_damage && intact_characters(paragraph) == 0 {
            wanted[first..first + count].fill(true);
        }
        paragraph_start = end;
    }
    for (k, site) in sites.iter().enumerate() {
        if wanted[k] || site.remnant != Remnant::LoneA {
            continue;
        }
        let prev = text.get(..site.start).and_then(|t| t.chars().next_back());
        let next = text.get(site.end..).and_then(|t| t.chars().next());
        let opens = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['))
            && next.is_some_and(char::is_alphabetic);
        if !opens {
            continue;
        }
        let partner = sites[k + 1..]
            .iter()
            .zip(&evident[k + 1..])
            .find(|(s, _)| s.remnant == Remnant::LoneA);
        if let Some((p, &p_evident)) = partner {
            let between = text.get(site.end..p.start).unwrap_or("\n");
            let closes = text
                .get(..p.start)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|c| !c.is_whitespace());
            let clean_span = !between.contains(['\n', '\u{201c}', '\u{201d}', '\u{2018}']);
            wanted[k] = p_evident && closes && clean_span;
        }
    }
    wanted
}

/// Longest quotation, in bytes, that [`opened_in_line`] looks back over.
const QUOTATION_REACH: usize = 200;

/// True when the line before a closing-looking `â` opens a quotation with a lone `â` at the
/// start of an ASCII word (`calls Obamacare âcrazy systemâ`), with no other `â` between: a
/// pair that a text with no function words to tell its language still shows.
fn opened_in_line(before: &str) -> bool {
    let from = before.len().saturating_sub(QUOTATION_REACH);
    let from = (from..before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(before.len());
    let window = &before[from..];
    let Some(open) = window.rfind('â') else {
        return false;
    };
    let (head, tail) = (&window[..open], &window[open + 'â'.len_utf8()..]);
    let starts_word = head
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['));
    starts_word
        && tail.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !tail.contains('\n')
        && tail.is_ascii()
}

fn is_spaced_lone_a(text: &str, site: &Site) -> bool {
    site.remnant == Remnant::LoneA
        && text
            .get(..site.start)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_whitespace)
        && text
            .get(site.end..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_whitespace)
}

/// English prose: `the` as a word at least twice (cheap, and absent from Welsh).
fn looks_english(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b" the ")
        .take(2)
        .count()
        >= 2
}

/// True when the text holds mojibake whose bytes 0x80..0x9F were kept (`â€™`, `Ã¢â‚¬`, `â\u{80}`):
/// whatever happened to this text, it was not the deletion we repair.
fn kept_c1_bytes(text: &str) -> bool {
    // `Â`..`ô` are C3 82..C3 B4 in UTF-8, and what must follow is non-ASCII too: only the
    // characters after a C3 byte need a look, and memchr finds those without a char walk.
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xC3, bytes).any(|i| {
        matches!(bytes.get(i + 1), Some(0x82..=0xB4))
            && text
                .get(i + 2..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| matches!(c, '\u{80}'..='\u{9f}') || cp1252_high_byte(c))
    })
}

/// True when this remnant sits where no genuine word has an `â`: where no word of any
/// language has one (`backing.â`, ` âThe`, `2012â2016`), in an English contraction whose host
/// is a closed class (`doesnât`, `Iâve`), after a word ending a quotation (`backingâ `) where
/// the paragraph reads as English, or before a possessive `s` (`Ukraineâs`) where it does not
/// read as another language ([`Languages`]): Ligurian `Portugâ`, Welsh `Iâ` and French
/// `coordonât` are words. Without `langs`, only the places that need no language count.
pub fn is_evident(text: &str, site: &Site, langs: Option<&Languages>) -> bool {
    let english = |pos: usize| langs.is_some_and(|l| l.english_at(pos));
    let not_other = |pos: usize| langs.is_some_and(|l| !l.other_language_at(pos));
    let before = text.get(..site.start).unwrap_or("");
    let after = text.get(site.end..).unwrap_or("");
    let prev = before.chars().next_back();
    let next = after.chars().next();
    // A neighbouring `â` is another lost character (no word has `ââ`): punctuation.
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c != 'â');
    let space_or_edge = |c: Option<char>| c.is_none_or(char::is_whitespace);
    match site.remnant {
        Remnant::TwoOfThree(c) => matches!(c, '¦' | '¬' | '¢'),
        // `people ⊠they`: spaced on one side only, like an ellipsis; `A ⊠ B` may be maths.
        Remnant::BoxedEllipsis => space_or_edge(prev) != space_or_edge(next),
        Remnant::LoneA => {
            let prev_punct = prev.is_some_and(|c| c.is_ascii_punctuation() || c == 'â');
            let next_punct = next.is_some_and(|c| c.is_ascii_punctuation() || c == 'â');
            // Closing mark: `backingâ `, `away.â`, `2016â,`. Only after a plain ASCII word:
            // Turkish ends words in â (`hâlâ`), and an accented word is not English anyway.
            let ascii_word_before = word_char(prev)
                && before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() && *c != 'â')
                    .all(|c| c.is_ascii())
                && !before
                    .chars()
                    .rev()
                    .find(|c| !(c.is_alphanumeric() && *c != 'â'))
                    .is_some_and(|c| c == 'â' || (c.is_alphabetic() && !c.is_ascii()));
            if (space_or_edge(next) || next_punct)
                && (prev_punct
                    || (ascii_word_before
                        && (english(site.start)
                            || (not_other(site.start) && opened_in_line(before)))))
            {
                return true;
            }
            // A range: `2012â2016`.
            if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit())
            {
                return true;
            }
            // Opening mark: ` âThe`, `(â2016` (no word starts â + capital or digit).
            if (space_or_edge(prev) || prev_punct)
                && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                return true;
            }
            // Apostrophe in an English contraction: `doesnât`, `Ukraineâs`, `Iâm`.
            if prev.is_some_and(|c| c.is_ascii_alphabetic())
                && next.is_some_and(|c| c.is_ascii_alphabetic())
            {
                let left: String = {
                    let mut w: Vec<char> = before
                        .chars()
                        .rev()
                        .take_while(char::is_ascii_alphabetic)
                        .collect();
                    w.reverse();
                    w.into_iter().collect()
                };
                let run = after.bytes().take_while(u8::is_ascii_alphabetic).count();
                let right = &after[..run];
                let ends_word = !after[run..].chars().next().is_some_and(char::is_alphabetic);
                let left_is_word = !before[..before.len() - left.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                if !(ends_word && left_is_word) {
                    return false;
                }
                // A possessive or `’s` follows any noun. No language that writes `â` ends a
                // word in `âs` after two ASCII letters, so only a paragraph in one of them
                // (`Ena yr ...`) vetoes it; a headline without function words (`Trumpâs East
                // European Achilles Heel`) does not.
                return is_closed_contraction(&left, right)
                    || (right == "s" && left.len() >= 2 && not_other(site.start));
            }
            false
        }
    }
}

/// Position of the first non-ASCII byte at or after `from` (or the end), eight bytes a step.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| b < 0x80) {
        i += 1;
    }
    i
}

/// Characters a damaged document could not contain: anything beyond Latin-1 (curly quotes,
/// dashes, ș, ơ — they would have been damaged too), C1 controls (they would have been deleted),
/// and accented letters standing alone rather than as the first half of a mojibake pair.
fn intact_characters(text: &str) -> usize {
    let mut count = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip ASCII runs a word at a time: most of a news text.
        if bytes[i] < 0x80 {
            i = next_non_ascii(bytes, i);
            continue;
        }
        let mut chars = text[i..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        i += c.len_utf8();
        let counts = match c {
            // ⊠ is the damage itself; U+FFFD marks bytes lost some other way.
            '⊠' | '\u{fffd}' => false,
            '\u{80}'..='\u{9f}' => true,
            c if (c as u32) > 0xff => true,
            // Leads whose continuation bytes the damage may have deleted (É → Ã, č → Ä,
            // emoji → ð), and â itself.
            'Â' | 'Ã' | 'Ä' | 'Å' | 'â' | 'ð' | '×' | '÷' => false,
            'À'..='ÿ' => !chars.next().is_some_and(is_continuation),
            _ => false,
        };
        count += usize::from(counts);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::super::scan::find_sites;
    use super::*;

    fn verdict(text: &str) -> Verdict {
        judge(text, &find_sites(text), &Languages::new(text))
    }

    #[test]
    fn damaged_english_is_recognised() {
        assert_eq!(
            verdict("Keir Starmer restated his call for âstrong US backingâ for a force."),
            Verdict::Damaged
        );
        assert_eq!(
            verdict("The guy doesnât want peace, he said."),
            Verdict::Damaged
        );
        assert_eq!(verdict("good people ⊠they want"), Verdict::Damaged);
    }

    #[test]
    fn genuine_circumflex_is_not_damage() {
        for text in [
            "Le château de Versailles accueille l'âge d'or de la pâtisserie.",
            "România și câinele lui Brâncuși mănâncă pâine.",
            "A câmara municipal discutiu o âmbito do projeto.",
            "Người dân cân nhắc tâm lý thị trường.",
            "Bydd hi'n siarad â hi yfory.",
            "Le ministre a dit : « la tâche est immense ».",
        ] {
            assert_eq!(verdict(text), Verdict::Undamaged, "{text}");
        }
    }

    #[test]
    fn lost_dashes_alone_are_recognised_in_english() {
        let text = "The plan â agreed by the council in May â will cost the city more.";
        assert_eq!(verdict(text), Verdict::Damaged);
        assert_eq!(
            verdict("Aeth hi i'r dref â'i mam, ac yna siarad â hi yn y siop."),
            Verdict::Undamaged
        );
        assert_eq!(
            verdict("The château of the Loire family was sold."),
            Verdict::Undamaged
        );
    }

    #[test]
    fn mojibake_that_kept_its_bytes_is_not_ours() {
        let text = "ã†â€™ãƒâ€ ã¢â‚¬â„¢ãƒæ’ã‚â¢ãƒâ¢ã¢â‚¬å¡ã‚â¬ãƒâ€šã‚â";
        assert_eq!(verdict(text), Verdict::Undamaged);
    }

    #[test]
    fn intact_punctuation_limits_repair_to_evident_places() {
        let text = "“We’re ready,” she said – and then: âwe will winâ, with pâte.";
        assert_eq!(verdict(text), Verdict::EvidentOnly);
    }
}
