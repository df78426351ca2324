//! Where a reported clause read forwards from its cue ends.
//!
//! The rules of [`super`] run a forward clause (`X said …`, `X accused Y of …`) to the
//! end of the sentence or to a comma that plainly opens another clause. PolNeAR draws many of
//! these shorter: `Trump attacked [Machado] in early-morning tweets`, `Justice Nervo rejected
//! [that argument] in a ruling released Thursday`, `Clinton said [she would …], using an
//! average of …`. Where the clause ends is learnt: each comma, dash, bracket and function word
//! inside the clause is a place it may end, and a logistic model (`scripts/train_reported.py
//! --ends`, trained on PolNeAR train only) scores each from its neighbours, how far into the
//! clause it stands, whether the clause so far has a finite verb, and what the cue was. The
//! clause ends at the first place the model is sure of.

use std::sync::OnceLock;

use super::cue::token_class;
use super::Reported;
use crate::quotes::cues::is_verb_of_saying_proper;
use crate::quotes::doc::{is_word, lower, lower_str, Document, TokKind};
use crate::quotes::lexicon::{AUXILIARIES, CONTENT_END_OPENERS};
use crate::quotes::model::{sigmoid, WeightTable};

/// The model's weights (`scripts/train_reported.py --ends`).
pub(crate) const END_WEIGHTS: &str = include_str!("../content_end_weights.tsv");

/// The feature templates of the content-end model: the first piece of every feature
/// [`each_feature`] emits. The header of `content_end_weights.tsv` carries their hash
/// ([`crate::quotes::model`]).
pub const END_TEMPLATES: [&str; 21] = [
    "bias",
    "t=",
    "n=",
    "p=",
    "nc=",
    "t|n=",
    "t|nc=",
    "t|nc|n2c=",
    "p|t=",
    "len=",
    "t|len=",
    "rest=",
    "t|fin=",
    "t|n|fin=",
    "t|commas=",
    "t|ahead=",
    "t|that=",
    "kind|t|fin=",
    "kind|t|len=",
    "cue|t=",
    "cue|fin=",
];

/// The model's probability above which the clause ends at a place (tuned on PolNeAR train).
const SURE_END: f32 = 0.5;

/// Words before which a reported clause may end: prepositions, conjunctions and relative words
/// that open an adjunct or another clause (`… in a ruling`, `… and vowed`, `… which`). Words
/// the model (almost) never ends a clause before on train are left out (`to`, `that`, `for`,
/// `from`, `by`, `about`, `than`, `into`: four ends in 15,000 places), which halves its work.
fn opens_phrase(w: &str) -> bool {
    CONTENT_END_OPENERS.contains(w)
}

/// A place the clause may end: before token `k`, a punctuation mark or a word opening a phrase,
/// outside any quotation.
fn is_candidate(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.quote.is_none()
        && match t.kind {
            // (`(` apart: the layout test's bracket counting would read past it.)
            TokKind::Punct(c) => matches!(c, ',' | '\u{2014}' | '\u{2013}' | '-' | ':') || c == '(',
            TokKind::Word => opens_phrase(lower(doc, t).as_str()),
            TokKind::Mark => false,
        }
}

/// A bucket of a word count, so that the model sees distances without one weight per number.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=12 => "9-12",
        13..=20 => "13-20",
        _ => "21+",
    }
}

/// Auxiliaries and modals (`lexicon/auxiliaries.txt`): a clause holding one has a finite verb of its own (`he would stand
/// up to the attacks`), one without is mostly a noun phrase (`a bill designed to …`).
pub(crate) fn is_finite_hint(w: &str) -> bool {
    AUXILIARIES.contains(w)
}

/// The features of the place before token `k` in the forward clause of `r`, each passed to
/// `emit` in turn.
fn each_feature(
    doc: &Document,
    probs: &[f32],
    r: &Reported,
    (k, so_far): (usize, SoFar),
    emit: &mut dyn FnMut(&[&str]),
) {
    let (from, end) = r.content;
    let form = |j: usize| match doc.tokens.get(j) {
        Some(t) if t.kind == TokKind::Word => lower(doc, t),
        Some(t) if matches!(t.kind, TokKind::Punct(_)) => lower_str(&doc.text[t.start..t.end]),
        _ => lower_str(token_class(doc, Some(j))),
    };
    let here = form(k);
    let next = form(k + 1);
    let prev = form(k - 1);
    let nc = token_class(doc, Some(k + 1));
    let n2c = token_class(doc, Some(k + 2));
    let SoFar {
        words: words_before,
        finite,
        commas,
        total,
    } = so_far;
    let words_after = total - words_before;
    let commas = bucket(commas.min(2));
    let cue_ahead = (k + 1..end.min(k + 5)).any(|j| probs.get(j).is_some_and(|&p| p >= 0.5));
    let cue = doc
        .tokens
        .get(r.cue.1.saturating_sub(1))
        .map_or_else(|| lower_str(""), |t| lower(doc, t));
    let that = doc
        .tokens
        .get(from)
        .is_some_and(|t| lower(doc, t) == "that");
    let (here, next, prev, cue) = (here.as_str(), next.as_str(), prev.as_str(), cue.as_str());
    let finite = if finite { "y" } else { "n" };
    let ahead = if cue_ahead { "y" } else { "n" };
    let that = if that { "y" } else { "n" };
    let (len, rest) = (bucket(words_before), bucket(words_after));
    let mut put = |parts: &[&str]| emit(parts);
    put(&["bias"]);
    put(&["t=", here]);
    put(&["n=", next]);
    put(&["p=", prev]);
    put(&["nc=", nc]);
    put(&["t|n=", here, "|", next]);
    put(&["t|nc=", here, "|", nc]);
    put(&["t|nc|n2c=", here, "|", nc, "|", n2c]);
    put(&["p|t=", prev, "|", here]);
    put(&["len=", len]);
    put(&["t|len=", here, "|", len]);
    put(&["rest=", rest]);
    put(&["t|fin=", here, "|", finite]);
    put(&["t|n|fin=", here, "|", next, "|", finite]);
    put(&["t|commas=", here, "|", commas]);
    put(&["t|ahead=", here, "|", ahead]);
    put(&["t|that=", here, "|", that]);
    // Verbs of saying report clauses (`said the plan would fail in May`), the others mostly
    // take an object and end before an adjunct (`attacked the council in a speech`).
    let kind = if is_verb_of_saying_proper(cue) {
        "say"
    } else {
        "other"
    };
    put(&["kind|t|fin=", kind, "|", here, "|", finite]);
    put(&["kind|t|len=", kind, "|", here, "|", len]);
    put(&["cue|t=", cue, "|", here]);
    put(&["cue|fin=", cue, "|", finite]);
}

/// Weights of the model.
fn weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(END_WEIGHTS))
}

/// How likely the forward clause of `r` is to end at `place`.
fn end_probability(doc: &Document, probs: &[f32], r: &Reported, place: (usize, SoFar)) -> f32 {
    let weights = weights();
    let mut z = 0.0;
    each_feature(doc, probs, r, place, &mut |parts| {
        z += weights.weight(parts);
    });
    sigmoid(z)
}

/// What the clause holds before a place: its words, whether one is an auxiliary, its commas.
#[derive(Clone, Copy, Default)]
struct SoFar {
    words: usize,
    finite: bool,
    commas: usize,
    /// The words of the whole clause.
    total: usize,
}

impl SoFar {
    fn add(&mut self, doc: &Document, k: usize) {
        let t = &doc.tokens[k];
        if is_word(t) {
            self.words += 1;
            self.finite = self.finite || is_finite_hint(lower(doc, t).as_str());
        } else if t.kind == TokKind::Punct(',') {
            self.commas += 1;
        }
    }
}

/// The places inside the forward clause of `r` where it may end, each with what the clause
/// holds before it (counted once as the scan goes, not again for every place).
fn candidates<'a>(doc: &'a Document, r: &Reported) -> impl Iterator<Item = (usize, SoFar)> + 'a {
    let (from, end) = r.content;
    let mut so_far = SoFar {
        total: doc.tokens[from..end].iter().filter(|t| is_word(t)).count(),
        ..SoFar::default()
    };
    // The first two tokens are the clause's least: `[the policy]`.
    (from..end).filter_map(move |k| {
        let place = (k >= from + 2 && is_candidate(doc, k)).then_some((k, so_far));
        so_far.add(doc, k);
        place
    })
}

/// The end of the forward clause of `r`: before the first place the model is sure of, with no
/// punctuation left hanging; the rules' end when there is none.
pub(crate) fn learned_end(doc: &Document, probs: &[f32], r: &Reported) -> usize {
    let (from, end) = r.content;
    if weights().is_empty() {
        return end;
    }
    let Some((k, _)) =
        candidates(doc, r).find(|&place| end_probability(doc, probs, r, place) >= SURE_END)
    else {
        return end;
    };
    let mut cut = k;
    while cut > from + 1 && matches!(doc.tokens[cut - 1].kind, TokKind::Punct(_)) {
        cut -= 1;
    }
    cut
}

/// Every place the model scores in the forward clause of `r`, with its features (training data
/// for `scripts/train_reported.py --ends`).
pub(crate) fn end_candidates(
    doc: &Document,
    probs: &[f32],
    r: &Reported,
) -> Vec<(usize, Vec<String>)> {
    candidates(doc, r)
        .map(|place| {
            let mut features = Vec::with_capacity(20);
            each_feature(doc, probs, r, place, &mut |parts| {
                debug_assert!(
                    END_TEMPLATES.contains(&parts[0]),
                    "undeclared template {parts:?}"
                );
                features.push(parts.concat());
            });
            (place.0, features)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::model::{check_table, template_of};

    #[test]
    fn the_weights_were_trained_with_the_codes_templates() {
        assert_eq!(check_table(END_WEIGHTS, &END_TEMPLATES), Ok(()));
    }

    #[test]
    fn every_feature_has_a_declared_template() {
        let text = "Justice Nervo rejected that argument in a ruling released Thursday. \
                    Clinton said she would win the state, using an average of polls. \
                    The mayor said the bridge would open in May and vowed to cut taxes.";
        let doc = Document::new(text, &[]);
        let mut features = 0;
        for (_, _, names) in super::super::end_candidates(&doc, &[]) {
            for name in names {
                assert!(template_of(&name, &END_TEMPLATES).is_some(), "{name}");
                features += 1;
            }
        }
        assert!(features > 20, "{features}");
    }
}
