//! A gerund cue sharing the subject of its sentence: `…, adding that …`, `…, saying the deal
//! was dead`, `has rallied thousands by promising to …`, `… and calling him a liar`.

use super::clause::{
    clause_end, content_start, content_words, is_punct, min_forward_words, takes_a_gerund,
};
use super::Reported;
use crate::quotes::cues::is_verb_of_saying_proper;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::mentions::{opening_np, subject_before};
use crate::quotes::rules::Rule;

/// The report of the gerund cue `w` at token `i` of the sentence `[s, e)`, heard with
/// probability `share`; its source is the sentence's last source, or the noun phrase opening it.
pub(super) fn gerund_cue(
    doc: &Document,
    w: &str,
    share: f32,
    (s, e): (usize, usize),
    i: usize,
    last_mention: Option<(usize, usize)>,
) -> Option<(Reported, usize)> {
    // `…, adding that …`, `…, saying the deal was dead`: the gerund shares the subject of
    // the clause before the comma.
    // So does one after a preposition or a conjunction: `has rallied thousands by promising
    // to …`, `… and calling him a liar`, `in denouncing the media`.
    if i == s || !(is_punct(doc, i - 1, ',') || takes_a_gerund(doc, i - 1)) {
        return None;
    }
    // `…, Fiorina said, adding that …`: the subject of the verb of saying right before.
    let sayer = (i >= s + 3
        && is_punct(doc, i - 1, ',')
        && is_word(&doc.tokens[i - 2])
        && is_verb_of_saying_proper(&lower(doc, &doc.tokens[i - 2])))
    .then(|| subject_before(doc, i - 2, s))
    .flatten();
    let mention = sayer.or(last_mention).or_else(|| opening_np(doc, s, i - 1));
    let from = content_start(doc, w, i + 1, e);
    let content = (from, clause_end(doc, from, e));
    (content_words(doc, content) >= min_forward_words(w)).then_some((
        Reported {
            content,
            cue: (i, i + 1),
            mention,
            confidence: share,
            rule: Rule::ReportedGerund,
        },
        content.1,
    ))
}
