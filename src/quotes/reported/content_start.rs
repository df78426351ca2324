//! Where a reported clause read forwards from its cue starts.
//!
//! The rules start a forward clause right after its cue word. PolNeAR's cues are often longer
//! phrases, the verb with its object or preposition, and the content starts after them:
//! `Clinton expressed [concern about] the plan`, `Trump praised [Cruz for] standing firm`,
//! `The group called [on lawmakers to] reject it`. Where the content starts is learnt: each of
//! the first few tokens of the clause is a place it may start, and a linear ranker
//! (`scripts/train_content_start.py`, an averaged perceptron trained on PolNeAR train only)
//! scores each from the words around it, how far it lies from the cue, and the cue. The rules'
//! start is one of the places and a feature of its own, so an empty table, or a clause the
//! model has no opinion on, keeps it.

use std::sync::OnceLock;

use super::cue::token_class;
use super::Reported;
use crate::quotes::doc::{lower, lower_str, Document, Lower, TokKind};
use crate::quotes::model::WeightTable;
use crate::quotes::tagger::tag;
use crate::quotes::Rule;

/// The model's weights (`scripts/train_content_start.py`).
pub(crate) const START_WEIGHTS: &str = include_str!("../content_start_weights.tsv");

/// The feature templates of the content-start model, in the order [`each_feature`] emits them
/// (the weight table's header carries their hash; see `model::check_table`).
pub const START_TEMPLATES: [&str; 15] = [
    "first",
    "dist=",
    "w=",
    "p=",
    "wc=",
    "pc=",
    "pc|wc=",
    "cue|p=",
    "cue|dist=",
    "p|dist=",
    "t=",
    "pt=",
    "pt|t=",
    "cue|pt=",
    "t|dist=",
];

/// How many tokens past the rules' start the content may start.
const MAX_SKIP: usize = 8;

fn weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(START_WEIGHTS))
}

/// Whether the model reads the clause of `r`: a clause read forwards from a verb.
pub(crate) fn applies(r: &Reported) -> bool {
    matches!(r.rule, Rule::ReportedForward | Rule::ReportedPassive) && r.content.0 >= r.cue.1
}

/// The places the content of `r` may start: the rules' start and the tokens after it, up to
/// [`MAX_SKIP`], leaving at least two tokens of content and never inside a quotation.
fn candidates<'a>(doc: &'a Document, r: &Reported) -> impl Iterator<Item = usize> + 'a {
    let (from, end) = r.content;
    let last = (from + MAX_SKIP).min(end.saturating_sub(2));
    (from..=last).filter(move |&p| {
        p == from
            || doc.tokens[from..p]
                .iter()
                .all(|t| t.kind != TokKind::Mark && t.quote.is_none())
    })
}

fn bucket(d: usize) -> &'static str {
    ["0", "1", "2", "3", "4", "5", "6", "7", "8"][d.min(MAX_SKIP)]
}

/// The word or punctuation at `k` in lower case, or its class name past the text.
fn form<'d>(doc: &'d Document, k: Option<usize>) -> Lower<'d> {
    match k.and_then(|k| doc.tokens.get(k)) {
        Some(t) if t.kind == TokKind::Word => lower(doc, t),
        Some(t) => lower_str(&doc.text[t.start..t.end]),
        None => lower_str(token_class(doc, k)),
    }
}

/// The features of the place `p` (the content starting at token `p`) in the clause of `r`,
/// each passed to `emit` as pieces: template first.
fn each_feature(doc: &Document, r: &Reported, p: usize, emit: &mut dyn FnMut(&[&str])) {
    let from = r.content.0;
    let dist = bucket(p - from);
    let here = form(doc, Some(p));
    let prev = form(doc, p.checked_sub(1));
    let cue = form(doc, r.cue.1.checked_sub(1));
    let (w, pw, c) = (here.as_str(), prev.as_str(), cue.as_str());
    let wc = token_class(doc, Some(p));
    let pc = token_class(doc, p.checked_sub(1));
    if p == from {
        emit(&["first"]);
    }
    emit(&["dist=", dist]);
    emit(&["w=", w]);
    emit(&["p=", pw]);
    emit(&["wc=", wc]);
    emit(&["pc=", pc]);
    emit(&["pc|wc=", pc, "|", wc]);
    emit(&["cue|p=", c, "|", pw]);
    emit(&["cue|dist=", c, "|", dist]);
    emit(&["p|dist=", pw, "|", dist]);
    // The tags generalise where the words are rare: `expressed [concern about]` and `voiced
    // [doubts over]` both end the cue at a preposition after a noun.
    let t = tag(doc, p);
    let pt = p.checked_sub(1).map_or("NONE", |k| tag(doc, k));
    emit(&["t=", t]);
    emit(&["pt=", pt]);
    emit(&["pt|t=", pt, "|", t]);
    emit(&["cue|pt=", c, "|", pt]);
    emit(&["t|dist=", t, "|", dist]);
}

fn score(doc: &Document, r: &Reported, p: usize, w: &WeightTable) -> f32 {
    let mut total = 0.0;
    each_feature(doc, r, p, &mut |parts| total += w.weight(parts));
    total
}

/// Where the content of `r` starts: the place the model scores highest, the rules' start
/// unless another scores strictly higher.
pub(crate) fn learned_start(doc: &Document, r: &Reported) -> usize {
    let from = r.content.0;
    let w = weights();
    if w.is_empty() || !applies(r) {
        return from;
    }
    let mut best = (from, score(doc, r, from, w));
    for p in candidates(doc, r).skip(1) {
        let s = score(doc, r, p, w);
        if s > best.1 {
            best = (p, s);
        }
    }
    best.0
}

/// Starts the content of `r` where the model says, and extends its cue over the words skipped
/// (`expressed concern about`, `called on`), short of punctuation and a closing `that`, which
/// belong to neither.
pub(crate) fn start_after_cue_phrase(doc: &Document, r: &mut Reported) {
    let start = learned_start(doc, r);
    if start <= r.content.0 {
        return;
    }
    let mut cue_end = start;
    while cue_end > r.cue.1 && {
        let t = &doc.tokens[cue_end - 1];
        t.kind != TokKind::Word || lower(doc, t) == "that"
    } {
        cue_end -= 1;
    }
    r.cue.1 = cue_end;
    r.content.0 = start;
}

/// Every place the model scores in the clause of `r`, with its features (training data for
/// `scripts/train_content_start.py`).
pub(crate) fn start_candidates(doc: &Document, r: &Reported) -> Vec<(usize, Vec<String>)> {
    if !applies(r) {
        return Vec::new();
    }
    candidates(doc, r)
        .map(|p| {
            let mut features = Vec::new();
            each_feature(doc, r, p, &mut |parts| features.push(parts.concat()));
            (p, features)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::model::check_table;

    #[test]
    fn the_table_was_trained_with_the_codes_templates() {
        assert_eq!(check_table(START_WEIGHTS, &START_TEMPLATES), Ok(()));
    }
}
