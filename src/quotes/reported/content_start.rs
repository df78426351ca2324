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
    start_by(doc, r, weights())
}

/// [`learned_start`] with the weights `w`.
fn start_by(doc: &Document, r: &Reported, w: &WeightTable) -> usize {
    let from = r.content.0;
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
    use crate::quotes::kinds::kind_of;
    use crate::quotes::marks::{quoted_spans, MarkSet};
    use crate::quotes::model::check_table;
    use crate::quotes::QuoteKind;

    #[test]
    fn the_table_was_trained_with_the_codes_templates() {
        assert_eq!(check_table(START_WEIGHTS, &START_TEMPLATES), Ok(()));
    }

    /// The content and cue of the one report of `text` read forwards from its cue, with the
    /// model's start and with an empty table's (the rules').
    fn learned_and_rules(text: &str) -> [(String, String); 2] {
        let spans = quoted_spans(text, MarkSet::EVERY);
        let doc = Document::new(text, &spans);
        let kinds: Vec<QuoteKind> = spans.iter().map(|s| kind_of(&doc, s)).collect();
        let found: Vec<Reported> = super::super::reported(&doc, &kinds)
            .into_iter()
            .filter(|r| r.rule == Rule::ReportedForward)
            .collect();
        assert_eq!(found.len(), 1, "{text:?}");
        let piece =
            |(a, b): (usize, usize)| text[doc.tokens[a].start..doc.tokens[b - 1].end].to_string();
        let learned = (piece(found[0].content), piece(found[0].cue));
        // The report as the rules drew it: its cue is the verb alone, its content what follows.
        let mut rules = found[0];
        rules.cue.1 = rules.cue.0 + 1;
        rules.content.0 = rules.cue.1;
        let empty = WeightTable::parse("");
        let start = start_by(&doc, &rules, &empty);
        let by_rules = (piece((start, rules.content.1)), piece(rules.cue));
        [learned, by_rules]
    }

    #[test]
    fn a_noun_and_its_preposition_join_the_cue() {
        let text = "The union expressed concern about the cost of the new stadium.";
        let [learned, by_rules] = learned_and_rules(text);
        assert_eq!(
            learned,
            (
                "the cost of the new stadium".into(),
                "expressed concern about".into()
            )
        );
        assert_eq!(
            by_rules,
            (
                "concern about the cost of the new stadium".into(),
                "expressed".into()
            )
        );
    }

    #[test]
    fn called_on_takes_its_preposition() {
        let text = "The nurses' association called on lawmakers to reject the proposal.";
        let [learned, _] = learned_and_rules(text);
        assert_eq!(
            learned,
            (
                "lawmakers to reject the proposal".into(),
                "called on".into()
            )
        );
    }

    #[test]
    fn a_clause_after_said_starts_where_the_rules_start_it() {
        let text = "Ms Okafor said the new bridge would open before the winter.";
        let [learned, by_rules] = learned_and_rules(text);
        assert_eq!(learned, by_rules);
        assert_eq!(learned.0, "the new bridge would open before the winter");
    }
}
