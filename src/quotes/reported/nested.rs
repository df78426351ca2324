//! Reports within and beside one another in a sentence: `X said Y hoped …` (nested) and `X
//! promised … and said …` (coordinated, the first ending at the conjunction).

use super::Reported;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::lexicon::{
    AUXILIARIES, GERUND_ADJUNCT_OPENERS, INNER_CLAUSE_OPENERS, REPORT_CONJUNCTIONS,
    SECOND_CUE_FILLERS,
};
use crate::quotes::rules::Rule;

/// The share of an enclosing report's content that a report found inside it may cover: one
/// covering more is the same clause read twice (`she hopes to be elected` inside `she hopes
/// to be elected president`), not a report within a report.
pub(super) const NESTED_MAX_OVERLAP: f32 = 0.5;

/// The least confidence of a cue reporting within another report's content (`X said Y hoped
/// …`): inner cues are more often plain verbs than reports (tuned on PolNeAR train).
pub(super) const NESTED_MIN_CONFIDENCE: f32 = 0.7;

/// Overlap over union of two token ranges.
pub(super) fn overlap_share(a: (usize, usize), b: (usize, usize)) -> f32 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// The conjunction that joins `inner`, found inside the content of `outer`, to it as a second
/// report side by side (`X promised to … and said …`, `X said … but Democrats accused …`),
/// rather than one reported within the other (`X said Y hoped …`).
pub(super) fn coordinated(doc: &Document, outer: &Reported, inner: &Reported) -> Option<usize> {
    // A subject before the outer content is shared (`X promised … and said …`).
    let own_subject = inner.mention.filter(|m| m.0 >= outer.content.0);
    let first = own_subject.map_or(inner.cue.0, |m| m.0);
    let mut k = first.checked_sub(1)?;
    // `and has since said`, `but also warned`.
    while k > outer.content.0
        && own_subject.is_none()
        && SECOND_CUE_FILLERS.contains(lower(doc, &doc.tokens[k]).as_str())
    {
        k -= 1;
    }
    let word = lower(doc, &doc.tokens[k]);
    // `answered a question by focusing on …`, `said … before claiming that …`: a gerund
    // after a preposition of time or manner is a second report of the same subject.
    let conj = REPORT_CONJUNCTIONS.contains(word.as_str())
        || (inner.rule == Rule::ReportedGerund
            && own_subject.is_none()
            && GERUND_ADJUNCT_OPENERS.contains(word.as_str())
            // Not inside an infinitive or a that-clause, whose verb the gerund may go with
            // (`explained how to combat it by pushing …`, `concerns that he's bucking the
            // state by supporting …`).
            && !doc.tokens[outer.content.0..k]
                .iter()
                .any(|t| is_word(t) && INNER_CLAUSE_OPENERS.contains(lower(doc, t).as_str())));
    // `his country and Britain are backing …`: a bare noun phrase before `and` is half of a
    // compound subject, not a first report.
    let first_half = doc.tokens.get(outer.content.0..k).unwrap_or_default();
    let clause_before = first_half.len() > 3
        || first_half
            .iter()
            .any(|t| is_word(t) && AUXILIARIES.contains(&lower(doc, t)));
    (k > outer.content.0 && conj && (own_subject.is_none() || clause_before)).then_some(k)
}
