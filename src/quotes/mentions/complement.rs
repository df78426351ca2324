//! A person named by whom they act for or belong to, with that complement: `a spokesman for the
//! harbour board`, `an aide to the mayor`, `a member of the council`, `a person close to the
//! family`. The complement is part of who speaks: without it `A spokesman for the board said`
//! reads as the board speaking, and `said an aide to the mayor` as an anonymous aide.

use super::fragment::not_a_speaker;
use super::{is_subject_pronoun, np_ending_at, np_starting_at};
use crate::quotes::doc::{is_word, lower, Document, Token};
use crate::quotes::lexicon::{
    KIN_AND_MEMBER_NOUNS, ON_BEHALF_PREPOSITIONS, PERSONAL_POSSESSIVES, POSTMODIFIERS,
    PREPOSITIONS, ROLES_ON_BEHALF,
};
use crate::quotes::tagger::tag;

/// Whether the noun `head` and the preposition `preposition` join a person to a complement:
/// `spokesman for`, `aide to`, `member of`, `close to`. Both are lower case.
fn joins_complement(head: &str, preposition: &str) -> bool {
    (ROLES_ON_BEHALF.contains(head) && ON_BEHALF_PREPOSITIONS.contains(preposition))
        || (KIN_AND_MEMBER_NOUNS.contains(head) && preposition == "of")
        || POSTMODIFIERS.contains_pair(head, preposition)
}

/// The speaker mention `m` with its complement on either side: `said an aide` + `to the
/// mayor`, `A spokesman for` + `the harbour board said`; read forward no further than `limit`.
pub(crate) fn with_its_complement(
    doc: &Document,
    m: (usize, usize),
    limit: usize,
) -> (usize, usize) {
    complement_of(doc, with_complement(doc, m, limit))
}

/// Whether the word at `k` opens the complement of the person noun before it (`for` in `a
/// spokesman for the board`): what follows names somebody else than the speaker.
pub(crate) fn opens_complement(doc: &Document, k: usize) -> bool {
    // (The preposition first: most words after a mention are none.)
    let Some(preposition) = unquoted_word(doc, k).map(|t| lower(doc, t)) else {
        return false;
    };
    if !PREPOSITIONS.contains(preposition.as_str()) {
        return false;
    }
    match k.checked_sub(1).and_then(|h| unquoted_word(doc, h)) {
        Some(head) => {
            let head_word = lower(doc, head);
            joins_complement(&head_word, &preposition)
                // `Supporters of the bill`, `the head of the agency`, `a copy of the letter`:
                // a common noun's `of` phrase.
                || (preposition == "of" && !head.capitalised && tag(doc, k - 1) == "NOUN")
        }
        None => false,
    }
}

/// The mention `[start, end)` with the complement after it (`said an aide` + `to the mayor`),
/// read no further than `limit`; the mention itself when none follows.
fn with_complement(doc: &Document, (start, end): (usize, usize), limit: usize) -> (usize, usize) {
    let head = end.checked_sub(1).and_then(|h| unquoted_word(doc, h));
    let (Some(head), Some(preposition)) = (head, unquoted_word(doc, end)) else {
        return (start, end);
    };
    if !joins_complement(&lower(doc, head), &lower(doc, preposition)) {
        return (start, end);
    }
    // (`a Democrat familiar with his afternoon`: a complement cut short is no speaker.)
    np_starting_at(doc, end + 1, limit)
        .map(|np| (start, np.1))
        .filter(|&whole| not_a_speaker(doc, whole).is_none())
        .unwrap_or((start, end))
}

/// The mention `[start, end)` with the person whose complement it is, when it is one (`the
/// harbour board` after `A spokesman for`), read back no further than its sentence's start.
fn complement_of(doc: &Document, (start, end): (usize, usize)) -> (usize, usize) {
    // (The cheap test first: it fails for nearly every mention.)
    if start < 2 || !opens_complement(doc, start - 1) {
        return (start, end);
    }
    let floor = sentence_start(doc, start);
    if start <= floor + 1 {
        return (start, end);
    }
    let Some(person) = np_ending_at(doc, start - 1, floor) else {
        return (start, end);
    };
    // Not `his` in `admiration of his` (a pronoun is resolved on its own), nor a phrase
    // inside another preposition's (`in the wake of the defeat`, `on behalf of his wife`).
    let pronoun = end == start + 1 && {
        let w = lower(doc, &doc.tokens[start]);
        PERSONAL_POSSESSIVES.contains(w.as_str())
            || is_subject_pronoun(&w)
            || tag(doc, start) == "PRON"
    };
    let inside_phrase = person.0 > floor && tag(doc, person.0 - 1) == "ADP";
    if person.1 == start - 1 && !pronoun && !inside_phrase {
        (person.0, end)
    } else {
        (start, end)
    }
}

/// The token `k` when it is a word outside quotation marks.
fn unquoted_word<'d>(doc: &'d Document, k: usize) -> Option<&'d Token> {
    doc.tokens
        .get(k)
        .filter(|t| is_word(t) && t.quote.is_none())
}

/// How far back [`sentence_start`] looks: a subject and its complement are never longer.
const MAX_SENTENCE_LOOKBACK: usize = 40;

/// The first token of the sentence holding token `k` (looking back at most
/// [`MAX_SENTENCE_LOOKBACK`] tokens).
fn sentence_start(doc: &Document, k: usize) -> usize {
    let para = doc.tokens.get(k).map(|t| t.para);
    let lowest = k.saturating_sub(MAX_SENTENCE_LOOKBACK);
    (lowest..k)
        .rev()
        .find(|&j| doc.tokens[j].ends_sentence || Some(doc.tokens[j].para) != para)
        .map_or(lowest, |j| j + 1)
}
