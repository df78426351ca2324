//! Capitalised runs (`Prime Minister Keir Starmer`, `Ukraine’s Volodymyr Zelensky`): where one
//! ends, and its split into titles and the name words the people table keys on.

use std::borrow::Cow;
use std::cell::Cell;

use super::offices::office_modifier;
use crate::quotes::doc::{is_capitalised, is_possessive, lower, Document, Lower, TokKind};
use crate::quotes::lexicon;
use crate::quotes::mentions::{is_not_name, is_title};
use crate::quotes::tagger::{can_be, tag_in_lower_case};

pub(super) fn clean_word(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// A word that may be a name as written: a capital first, then a lower-case letter somewhere
/// (or nothing more, or a closing full stop), and no digit. Asked of every word of every
/// capitalised run: the word is read once.
pub(super) fn titlecase_name(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let (mut one_char, mut lowercase, mut digit) =
        (true, first.is_lowercase(), first.is_ascii_digit());
    for c in chars {
        one_char = false;
        lowercase |= c.is_lowercase();
        digit |= c.is_ascii_digit();
    }
    (one_char || lowercase || w.ends_with('.')) && !digit
}

/// A run of name tokens split into its titles and its name words, borrowed from the document:
/// runs are split for every capitalised word, and most are never stored.
pub(super) struct Run<'d> {
    pub start: usize,
    pub titles: Vec<Lower<'d>>,
    pub words: Vec<Cow<'d, str>>,
    pub surface: &'d str,
}

pub(super) fn initial_matches(full_first: &str, maybe_initial: &str) -> bool {
    let i = maybe_initial.trim_end_matches('.');
    i.chars().count() == 1
        && full_first
            .chars()
            .next()
            .is_some_and(|c| c.to_lowercase().eq(i.chars()))
}

/// Whether word `k`, capitalised, is a common noun rather than a name: a noun of a role, or a
/// word the tagger takes for a noun in lower case and never saw as a name, which no list of
/// first names has.
fn is_role_word(doc: &Document, k: usize) -> bool {
    let lw = lower(doc, &doc.tokens[k]);
    if lexicon::INTRODUCED_PEOPLE_NOUNS.contains(&lw) || lexicon::ROLE_NOUNS.contains(&lw) {
        return true;
    }
    tag_in_lower_case(doc, k) == "NOUN"
        && can_be(doc, k, &["PROPN"]) != Some(true)
        && !lexicon::MALE_FIRST_NAMES.contains(&lw)
        && !lexicon::FEMALE_FIRST_NAMES.contains(&lw)
}

/// Whether a lower-cased word is in the lists of first names.
fn is_first_name(lw: &str) -> bool {
    lexicon::MALE_FIRST_NAMES.contains(lw) || lexicon::FEMALE_FIRST_NAMES.contains(lw)
}

/// The most tokens of a capitalised run.
const MAX_RUN_TOKENS: usize = 8;

/// The end (exclusive) of the capitalised run starting at `i`.
pub(super) fn run_end(doc: &Document, i: usize) -> usize {
    let mut j = i;
    while j < doc.tokens.len() && j < i + MAX_RUN_TOKENS {
        let t = &doc.tokens[j];
        if t.quote.is_some()
            || t.para != doc.tokens[i].para
            || (j > i && doc.tokens[j - 1].ends_sentence)
        {
            break;
        }
        let ok = match t.kind {
            TokKind::Word => {
                is_capitalised(doc, t)
                    || (j > i
                        && (lexicon::NAME_PARTICLES.contains(doc.word(t)) || doc.word(t) == "of")
                        && doc
                            .tokens
                            .get(j + 1)
                            .is_some_and(|n| is_capitalised(doc, n)))
            }
            TokKind::Punct('.') => {
                j > i
                    && doc.tokens[j - 1].end == t.start
                    && doc.word(&doc.tokens[j - 1]).chars().count() <= 4
                    && !t.ends_sentence
            }
            _ => false,
        };
        if !ok {
            break;
        }
        let possessive = t.kind == TokKind::Word && is_possessive(doc.word(t));
        j += 1;
        if possessive {
            break;
        }
    }
    j
}

/// Splits tokens `[i, end)` into titles and name words, dropping sentence openers and anything
/// before a possessive (`Ukraine’s Volodymyr Zelensky` → `Volodymyr Zelensky`).
pub(super) fn split_run<'d>(doc: &'d Document, i: usize, end: usize) -> Option<Run<'d>> {
    // Every word but a possessive stripped last (below) is its token's: lower-case it by token.
    let lower_at = |k: usize| lower(doc, &doc.tokens[k]);
    // Drop leading sentence openers (`But`, `The`): most runs are one of those alone, and are
    // done with here, before anything is allocated.
    let first_word = (i..end).find(|&k| {
        doc.tokens[k].kind == TokKind::Word && {
            let l = lower_at(k);
            !(is_not_name(&l) || l == "the")
        }
    })?;
    // The words; the name is narrowed below by re-slicing them. A run is at most
    // `MAX_RUN_TOKENS` tokens, whose words are gathered on the stack (runs are split for every
    // capitalised word); a longer span (a noun phrase) on the heap.
    let mut on_stack = [(0, ""); MAX_RUN_TOKENS];
    let mut on_heap = Vec::new();
    let words_of_run = (first_word..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .map(|k| (k, doc.word(&doc.tokens[k])));
    let all: &mut [(usize, &str)] = if end - first_word <= MAX_RUN_TOKENS {
        let mut n = 0;
        for (slot, word) in on_stack.iter_mut().zip(words_of_run) {
            *slot = word;
            n += 1;
        }
        &mut on_stack[..n]
    } else {
        on_heap.extend(words_of_run);
        &mut on_heap
    };
    // A possessive inside the run: keep what follows it, or the possessor when it ends the run.
    let mut from = 0;
    if let Some(pos) = all.iter().position(|(_, w)| is_possessive(w)) {
        if pos + 1 < all.len() {
            from = pos + 1;
        } else {
            let (k, w) = all[pos];
            all[pos] = (k, clean_word(w));
        }
    }
    let mut words: &[(usize, &str)] = &all[from..];
    // Asked of the same words up to three times (the `of` phrase, the last title, the titles
    // before the name): each word of a run is looked up once.
    let title_memo: [Cell<Option<bool>>; MAX_RUN_TOKENS] = Default::default();
    let is_title_word = |k: usize| {
        let look_up = || {
            let l = lower_at(k);
            is_title(&l) || office_modifier(&l)
        };
        match title_memo.get(k - i) {
            Some(memo) => {
                let title = memo.get().unwrap_or_else(look_up);
                memo.set(Some(title));
                title
            }
            None => look_up(),
        }
    };
    let mut titles = Vec::new();
    // A title with an `of` phrase (`Secretary of State John F. Kerry`, `Director of National
    // Intelligence James Clapper`): the name starts at the first name after the phrase, or
    // after the phrase's capitalised common words when no first name is known.
    if let Some(of) = words.iter().position(|&(_, w)| w == "of") {
        if of > 0 && is_title_word(words[of - 1].0) {
            let rest = &words[of + 1..];
            let name_from = rest
                .iter()
                .position(|&(k, _)| is_first_name(&lower_at(k)))
                .unwrap_or_else(|| {
                    rest.iter()
                        .position(|&(k, w)| {
                            !(lexicon::NOT_PERSON_WORDS.contains_lowercase(w) || is_title_word(k))
                        })
                        .unwrap_or(rest.len())
                });
            if name_from >= rest.len() {
                return None;
            }
            titles.extend(
                words[..of]
                    .iter()
                    .filter(|&&(k, _)| is_title_word(k))
                    .map(|&(k, _)| lower_at(k)),
            );
            words = &words[of + 1 + name_from..];
        }
    }
    // Titles may follow other words (`Ohio Gov. John Kasich`, `retired Army Lt. Gen. Mick
    // Bednarek`): the name is what follows the last title.
    if let Some(last_title) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|&(k, _)| is_title_word(k) && !office_modifier(&lower_at(k)))
    {
        let before_titles = words[..last_title]
            .iter()
            .rposition(|&(k, _)| !is_title_word(k))
            .map_or(0, |p| p + 1);
        words = &words[before_titles..];
    }
    let start = words.first()?.0;
    let mut k = 0;
    while k + 1 < words.len() && is_title_word(words[k].0) {
        titles.push(lower_at(words[k].0));
        k += 1;
    }
    // `Librarian Joanne Whitfield`: a common noun before a first name and a surname is the
    // person's role, not a name (the tagger says what the word is in lower case).
    if k == 0 && words.len() >= 3 && is_role_word(doc, words[0].0) {
        titles.push(lower_at(words[0].0));
        k = 1;
    }
    // An initial keeps its full stop (`Paul D. Ryan`), as the article writes it.
    let initial = |t: usize, w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_none()
            && doc
                .tokens
                .get(t + 1)
                .is_some_and(|n| n.kind == TokKind::Punct('.') && n.start == doc.tokens[t].end)
    };
    let names: Vec<Cow<str>> = words[k..]
        .iter()
        .map(|&(t, w)| {
            let tok = &doc.tokens[t];
            if !initial(t, w) {
                Cow::Borrowed(clean_word(w))
            } else if w.len() == tok.end - tok.start {
                // The initial and the full stop right after it.
                Cow::Borrowed(&doc.text[tok.start..tok.end + 1])
            } else {
                Cow::Owned(format!("{w}."))
            }
        })
        .collect();
    let surface_end = words.last()?.0;
    let surface = clean_word(&doc.text[doc.tokens[start].start..doc.tokens[surface_end].end]);
    // `The Transport Secretary`, `the Foreign Minister`: a run ending in an office names the
    // office, not a person.
    if names.len() > 1
        && names
            .last()
            .is_some_and(|w| lexicon::OFFICE_HEADS.contains_lowercase(w))
    {
        return None;
    }
    // Titles alone are no name.
    if names.iter().all(|w| lexicon::TITLES.contains_lowercase(w)) {
        return None;
    }
    Some(Run {
        start,
        titles,
        words: names,
        surface,
    })
}
