//! The attribution closing a sentence: `…, X said.`, `…, said X.`, `…, according to X.`; its
//! content is everything before the comma that sets it off.

use super::according::resumes_after_source;
use super::clause::{
    after_last_colon, comma_after_that, content_words, has_verb, is_introductory, is_punct,
    noun_after_determiner, prob, starts_with_preposition, takes_particle, MIN_CONTENT_WORDS,
};
use super::cue::MIN_CUE_SHARE;
use super::Reported;
use crate::quotes::cues::{is_cue_word, is_verb_of_saying_proper, takes_a_hearer};
use crate::quotes::doc::{is_capitalised, is_word, lower, Document, TokKind};
use crate::quotes::lexicon::{CLOSING_CUE_FILLERS, RELATIVE_DAYS, SOURCE_JOINERS};
use crate::quotes::mentions::{is_day_name, np_starting_at};
use crate::quotes::rules::Rule;
use crate::quotes::tagger::tag;

/// `…, X said.`, `…, said X.`, `…, according to X.`: an attribution closing the sentence, the
/// content being everything before its comma.
pub(super) fn tail_attribution(
    doc: &Document,
    probs: &[f32],
    s: usize,
    e: usize,
) -> Option<Reported> {
    let mut end = e;
    while end > s && matches!(doc.tokens[end - 1].kind, TokKind::Punct(_)) {
        end -= 1;
    }
    // The comma that sets the attribution off: the last one, or one before an apposition
    // (`…, said Jo Bell, a doctor.`), not far from the end.
    for comma in (end.saturating_sub(30).max(s)..end).rev() {
        let t = &doc.tokens[comma];
        if t.kind != TokKind::Punct(',') {
            continue;
        }
        // `…, “there is no single point of failure,” he said.`: the comma closing a quotation
        // sets the source off too (a clause that is all quotation is left to the quotation);
        // one inside it sets nothing off.
        let after = match t.quote {
            None => comma + 1,
            Some(_)
                if doc
                    .tokens
                    .get(comma + 1)
                    .is_some_and(|m| m.kind == TokKind::Mark) =>
            {
                comma + 2
            }
            Some(_) => continue,
        };
        let content = (after_last_colon(doc, (s, comma)), comma);
        if content_words(doc, content) < MIN_CONTENT_WORDS || is_introductory(doc, content) {
            return None;
        }
        if let Some((cue, mention, rule)) = closing_source(doc, probs, after, end) {
            // `One of the options, according to aides who met him, is to close the pier.`:
            // the sentence goes on after the source, and `according.rs` reads it around.
            // `reported that, according to X, …` opens the reported clause (`according.rs`).
            if rule == Rule::ReportedAccordingToAfter
                && (resumes_after_source(doc, content, cue.1, end).is_some()
                    || comma_after_that(doc, comma))
            {
                return None;
            }
            // `Advocates in Flint, Mich., cheered the vote.`: before `…, said X` there must be
            // a clause, with a verb, for the words after the cue to be its source.
            if rule == Rule::ReportedBackwardInverted && !has_verb(doc, content) {
                return None;
            }
            return Some(Reported {
                content,
                cue,
                mention,
                confidence: if cue.1 - cue.0 == 2 {
                    0.8
                } else {
                    prob(probs, cue.0)
                },
                rule,
            });
        }
    }
    None
}

/// The cue and source that make up the tokens `[from, end)` closing a sentence: `according
/// to X`, `said X (, a doctor)`, `X said (on Tuesday)`, `X has said`, with the rule that reads
/// them.
#[allow(clippy::type_complexity)]
fn closing_source(
    doc: &Document,
    probs: &[f32],
    from: usize,
    end: usize,
) -> Option<((usize, usize), Option<(usize, usize)>, Rule)> {
    let first = doc.tokens.get(from).filter(|t| is_word(t))?;
    if lower(doc, first) == "according"
        && doc
            .tokens
            .get(from + 1)
            .is_some_and(|t| lower(doc, t) == "to")
    {
        return Some((
            (from, from + 2),
            np_starting_at(doc, from + 2, end),
            Rule::ReportedAccordingToAfter,
        ));
    }
    let is_cue = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.quote.is_none()
                && !lower(doc, t).ends_with("ing")
                && prob(probs, k) >= MIN_CUE_SHARE
        })
    };
    // `…, said Ms Brandt.`, `…, said Ms Brandt, a doctor.` Only a verb of saying inverts
    // (`…, passed every test` is a clause going on, not a source after its cue).
    if is_cue(from) && is_cue_word(&lower(doc, first)) && !is_capitalised(doc, first) {
        let mention = np_starting_at(doc, from + 1, end)?;
        let closed = mention.1 >= end || is_punct(doc, mention.1, ',');
        return closed.then_some((
            (from, from + 1),
            Some(mention),
            Rule::ReportedBackwardInverted,
        ));
    }
    // `…, the harbour master said (on Tuesday | in a statement).`
    let mut mention = np_starting_at(doc, from, end)?;
    // `…, using figures from the treasury.`: a participle phrase, not a source and its cue.
    if lower(doc, &doc.tokens[mention.0]).ends_with("ing") && !is_capitalised(doc, first) {
        return None;
    }
    // `a spokesman for the operator said`, `the head of the union said`: one phrase.
    if doc
        .tokens
        .get(mention.1)
        .is_some_and(|t| is_word(t) && SOURCE_JOINERS.contains(lower(doc, t).as_str()))
    {
        if let Some(rest) = np_starting_at(doc, mention.1 + 1, end) {
            mention.1 = rest.1;
        }
    }
    let mut cue = mention.1;
    while cue < end && cue < mention.1 + 3 && {
        let l = lower(doc, &doc.tokens[cue]);
        CLOSING_CUE_FILLERS.contains(l.as_str()) || (l.ends_with("ly") && !is_cue(cue))
    } {
        cue += 1;
    }
    if !is_cue(cue) || noun_after_determiner(doc, cue) {
        return None;
    }
    // What follows the cue says when, where or to whom, not what: `said on Tuesday`, `told
    // reporters`, or nothing.
    let rest = cue + 1..end;
    let verb = lower(doc, &doc.tokens[cue]);
    let short_adjunct = rest.len() <= 8
        && (rest.is_empty() || {
            let l = lower(doc, &doc.tokens[cue + 1]);
            // `called for a moratorium`: a particle, and the clause is what follows it.
            let particle = !is_verb_of_saying_proper(&verb) && takes_particle(doc, cue + 1);
            (starts_with_preposition(doc, cue + 1) && !particle)
                || is_day_name(&l)
                || (takes_a_hearer(&verb) && only_a_hearer(doc, cue + 1, end))
                || RELATIVE_DAYS.contains(l.as_str())
                // `said to reporters`, not `continued to say he had …`, whose clause is what
                // was said.
                || (l == "to" && tag(doc, cue + 2) != "VERB")
        });
    short_adjunct.then_some(((cue, cue + 1), Some(mention), Rule::ReportedBackward))
}

/// `…, officials told reporters (on Friday).`: the words after a cue that takes a hearer are
/// the hearer and perhaps when or where, not `told him he had never been a citizen`, whose
/// clause is what was said.
fn only_a_hearer(doc: &Document, from: usize, end: usize) -> bool {
    let Some(hearer) = np_starting_at(doc, from, end) else {
        return false;
    };
    let after = hearer.1;
    after >= end
        || starts_with_preposition(doc, after)
        || doc.tokens.get(after).is_some_and(|t| {
            let l = lower(doc, t);
            is_day_name(&l)
                || RELATIVE_DAYS.contains(l.as_str())
                || matches!(t.kind, TokKind::Punct(_))
        })
}
