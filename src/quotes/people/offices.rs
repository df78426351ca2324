//! Offices: the titles that name a role rather than honour a person (`Prime Minister`, not
//! `Mr`), the key an office is known by (`prime minister`), and definite office phrases with no
//! name (`the Prime Minister`, `The US president`).

use crate::quotes::doc::{is_capitalised, is_possessive, lower, Document, Lower, TokKind};
use crate::quotes::lexicon;
use crate::quotes::mentions::is_title;

/// Words that may stand inside a definite office phrase before the office itself: `the US
/// president`, `the former prime minister`.
pub(super) fn office_modifier(w: &str) -> bool {
    lexicon::OFFICE_MODIFIERS.contains(w)
}

/// A title that names an office (`minister`, `governor`): neither an honorific nor a modifier.
fn is_office(w: &str) -> bool {
    is_title(w) && !lexicon::HONORIFICS.contains(w) && !office_modifier(w)
}

/// The office key of a run's titles: `["prime", "minister"]` → `prime minister`.
pub(super) fn office_key(titles: &[Lower]) -> Option<String> {
    let last = titles.iter().rposition(|t| is_office(t))?;
    let mut first = last;
    while first > 0
        && is_title(&titles[first - 1])
        && !lexicon::HONORIFICS.contains(titles[first - 1].as_str())
        && !office_modifier(&titles[first - 1])
    {
        first -= 1;
    }
    let mut key = String::new();
    for (k, t) in titles[first..=last].iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(t);
    }
    Some(key)
}

/// `the Prime Minister`, `The US president`: the end of the phrase and its office key, when the
/// phrase is only an office (not `the Prime Minister’s spokesman`, not `the President Barack
/// Obama`).
pub(super) fn office_phrase(doc: &Document, the: usize) -> Option<(usize, String)> {
    let mut j = the + 1;
    let mut words = Vec::new();
    while j < doc.tokens.len() && j < the + 5 {
        let t = &doc.tokens[j];
        if t.kind != TokKind::Word || t.quote.is_some() {
            break;
        }
        let w = lower(doc, t);
        if is_possessive(doc.word(t)) {
            return None;
        }
        if !(is_title(&w) || office_modifier(&w)) {
            break;
        }
        words.push(w);
        j += 1;
    }
    if words.is_empty() || j == the + 1 {
        return None;
    }
    // Followed by a name: `the President Barack Obama` is a name with titles.
    if let Some(next) = doc.tokens.get(j) {
        if next.quote.is_none() && is_capitalised(doc, next) && !doc.tokens[j - 1].ends_sentence {
            return None;
        }
    }
    let key = office_key(&words)?;
    Some((j, key))
}
