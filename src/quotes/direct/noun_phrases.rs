//! Noun phrases near a quote as more speaker candidates for the ranker (off: see
//! [`NOUN_PHRASE_CANDIDATES`]).

use super::ranker::{Proposal, Resolved};
use super::window::{after_window_end, past_set_off, sentence_start};
use super::Confidence;
use crate::quotes::doc::{self, lower, Document, TokKind};
use crate::quotes::lexicon::{ARTICLES, SUBJECT_PRONOUNS};
use crate::quotes::mentions::np_starting_at;
use crate::quotes::Rule;

/// Whether the noun phrases around a quote join the rules' proposals as candidate mentions.
/// Off: with weights retrained for them they moved PolNeAR dev speaker_mention from 0.877 to
/// 0.879 (train cross-validation: 0.9274 → 0.9280, no real gain) and cut extraction from ~40
/// to ~28 MB/s. Turning this on needs the weights retrained.
pub(super) const NOUN_PHRASE_CANDIDATES: bool = false;

/// More candidates for the ranker, once a rule has found an attribution (never instead of
/// one): the noun phrases of the sentence before the quote and of the clause right after it,
/// with the rules' cue. Bounded: at most 8 before and 3 after.
pub(super) fn noun_phrases(
    doc: &Document,
    open_tok: usize,
    close_tok: usize,
    all: &mut Vec<Proposal>,
) {
    let rule_cue = all.first().and_then(|p| p.cue);
    let add = |np: (usize, usize), all: &mut Vec<Proposal>| {
        if all.iter().any(|p| p.mention == Some(np)) {
            return;
        }
        // The ranker picks a speaker here, not a cue: the rules' cue stays (a cue word right
        // after the phrase is one of the phrase's features).
        let cue = rule_cue;
        all.push(Proposal {
            rule: Rule::NounPhrase,
            pattern: Rule::NounPhrase,
            cue,
            mention: Some(np),
            confidence: Confidence::Even,
            resolved: Resolved::Nobody,
        });
    };
    let mut before = Vec::new();
    let mut k = sentence_start(doc, open_tok);
    while k < open_tok {
        let t = &doc.tokens[k];
        let starts = t.kind == TokKind::Word && t.quote.is_none() && {
            let l = lower(doc, t);
            SUBJECT_PRONOUNS.contains(l.as_str())
                || ARTICLES.contains(l.as_str())
                || doc::is_capitalised(doc, t)
        };
        match starts.then(|| np_starting_at(doc, k, open_tok)).flatten() {
            Some(np) if np.1 > k => {
                before.push(np);
                k = np.1;
            }
            _ => k += 1,
        }
    }
    for np in before.into_iter().rev().take(8) {
        add(np, all);
    }
    let a = past_set_off(doc, close_tok);
    let end = after_window_end(doc, a);
    let mut k = a;
    let mut n = 0;
    while k < end && n < 3 {
        match np_starting_at(doc, k, end) {
            Some(np) if np.1 > k => {
                add(np, all);
                n += 1;
                k = np.1;
            }
            _ => k += 1,
        }
    }
}
