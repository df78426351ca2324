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

use super::clause::{aside_closing, closes_with_comma, is_punct};
use super::cue::{class_of, token_class, Class, CLASSES};
use super::Reported;
use crate::quotes::cues::is_verb_of_saying_proper;
use crate::quotes::doc::{is_word, lower, lower_str, Document, Lower, TokKind};
use crate::quotes::lexicon::{AUXILIARIES, CONTENT_END_OPENERS};
use crate::quotes::model::{sigmoid, WeightTable};
use crate::quotes::tagger::tag;
use crate::quotes::words::WordMap;

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

/// The buckets of a word count, so that the model sees distances without one weight per
/// number (see [`bucket`]).
const BUCKETS: [&str; 9] = ["0", "1", "2", "3", "4-5", "6-8", "9-12", "13-20", "21+"];

/// The index in [`BUCKETS`] of a word count.
fn bucket(n: usize) -> usize {
    match n {
        0..=3 => n,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        _ => 8,
    }
}

/// A yes-or-no feature value, by `usize::from(flag)`.
const YES_NO: [&str; 2] = ["n", "y"];

/// The kind of a cue, by `usize::from(!is_verb_of_saying_proper(cue))`.
const KINDS: [&str; 2] = ["say", "other"];

/// Auxiliaries and modals (`lexicon/auxiliaries.txt`): a clause holding one has a finite verb of its own (`he would stand
/// up to the attacks`), one without is mostly a noun phrase (`a bill designed to …`).
pub(crate) fn is_finite_hint(w: &str) -> bool {
    AUXILIARIES.contains(w)
}

/// What the features of the place before token `k` in the forward clause of `r` are made of:
/// read once, for [`each_feature`] and for the scorer of [`scorer`], which must agree.
struct Parts<'d> {
    here: Lower<'d>,
    next: Lower<'d>,
    prev: Lower<'d>,
    /// The cue's last word.
    cue: Lower<'d>,
    /// The classes of the next token and of the one after it.
    nc: Class,
    n2c: Class,
    /// [`BUCKETS`] indices: the words before the place, after it, and the commas before it
    /// (at most 2).
    len: usize,
    rest: usize,
    commas: usize,
    finite: bool,
    ahead: bool,
    that: bool,
    /// [`KINDS`] index.
    kind: usize,
}

fn parts_of<'d>(
    doc: &'d Document,
    probs: &[f32],
    r: &Reported,
    (k, so_far): (usize, SoFar),
) -> Parts<'d> {
    let (from, end) = r.content;
    let form = |j: usize| match doc.tokens.get(j) {
        Some(t) if t.kind == TokKind::Word => lower(doc, t),
        Some(t) if matches!(t.kind, TokKind::Punct(_)) => lower_str(&doc.text[t.start..t.end]),
        _ => lower_str(token_class(doc, Some(j))),
    };
    let SoFar {
        words: words_before,
        finite,
        commas,
        total,
    } = so_far;
    let cue = doc
        .tokens
        .get(r.cue.1.saturating_sub(1))
        .map_or_else(|| lower_str(""), |t| lower(doc, t));
    // Verbs of saying report clauses (`said the plan would fail in May`), the others mostly
    // take an object and end before an adjunct (`attacked the council in a speech`).
    let kind = usize::from(!is_verb_of_saying_proper(cue.as_str()));
    Parts {
        here: form(k),
        next: form(k + 1),
        prev: form(k - 1),
        cue,
        nc: class_of(doc, Some(k + 1)),
        n2c: class_of(doc, Some(k + 2)),
        len: bucket(words_before),
        rest: bucket(total - words_before),
        commas: bucket(commas.min(2)),
        finite,
        ahead: (k + 1..end.min(k + 5)).any(|j| probs.get(j).is_some_and(|&p| p >= 0.5)),
        that: doc
            .tokens
            .get(from)
            .is_some_and(|t| lower(doc, t) == "that"),
        kind,
    }
}

/// The features of the place before token `k` in the forward clause of `r`, each passed to
/// `emit` in turn.
fn each_feature(
    doc: &Document,
    probs: &[f32],
    r: &Reported,
    place: (usize, SoFar),
    emit: &mut dyn FnMut(&[&str]),
) {
    let parts = parts_of(doc, probs, r, place);
    let (here, next, prev, cue) = (
        parts.here.as_str(),
        parts.next.as_str(),
        parts.prev.as_str(),
        parts.cue.as_str(),
    );
    let (nc, n2c) = (parts.nc.name(), parts.n2c.name());
    let finite = YES_NO[usize::from(parts.finite)];
    let ahead = YES_NO[usize::from(parts.ahead)];
    let that = YES_NO[usize::from(parts.that)];
    let (len, rest) = (BUCKETS[parts.len], BUCKETS[parts.rest]);
    let commas = BUCKETS[parts.commas];
    let kind = KINDS[parts.kind];
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

/// How likely the forward clause of `r` is to end at `place`, feature by feature: the
/// definition that [`end_probability`] computes faster.
fn probability_by_features(
    doc: &Document,
    probs: &[f32],
    r: &Reported,
    place: (usize, SoFar),
) -> f32 {
    let weights = weights();
    let mut z = 0.0;
    each_feature(doc, probs, r, place, &mut |parts| {
        z += weights.weight(parts);
    });
    sigmoid(z)
}

/// How likely the forward clause of `r` is to end at `place`. Of the features of
/// [`each_feature`] only those naming a neighbouring word or the cue are open-ended: the
/// others depend on the place's own form, a closed set, and on classes, buckets and flags, so
/// their weights are looked up once in [`scorer`] instead of being hashed for every place. The
/// weights are added in the order of [`each_feature`], so that the probability is that of
/// [`probability_by_features`] to the bit.
fn end_probability(doc: &Document, probs: &[f32], r: &Reported, place: (usize, SoFar)) -> f32 {
    let scorer = scorer();
    let p = parts_of(doc, probs, r, place);
    let Some(hw) = scorer.here.get(p.here.as_str()).map(|i| &scorer.forms[i]) else {
        // Not reached: every place the candidates offer has a form of the scorer.
        return probability_by_features(doc, probs, r, place);
    };
    let weight = |parts: &[&str]| weights().weight(parts);
    let (here, next, prev, cue) = (
        p.here.as_str(),
        p.next.as_str(),
        p.prev.as_str(),
        p.cue.as_str(),
    );
    let (nc, n2c) = (p.nc as usize, p.n2c as usize);
    let (fin, finite) = (usize::from(p.finite), YES_NO[usize::from(p.finite)]);
    let mut z = 0.0;
    z += scorer.bias;
    z += hw.t;
    z += weight(&["n=", next]);
    z += weight(&["p=", prev]);
    z += scorer.nc[nc];
    z += weight(&["t|n=", here, "|", next]);
    z += hw.t_nc[nc];
    z += hw.t_nc_n2c[nc][n2c];
    z += weight(&["p|t=", prev, "|", here]);
    z += scorer.len[p.len];
    z += hw.t_len[p.len];
    z += scorer.rest[p.rest];
    z += hw.t_fin[fin];
    z += weight(&["t|n|fin=", here, "|", next, "|", finite]);
    z += hw.t_commas[p.commas];
    z += hw.t_ahead[usize::from(p.ahead)];
    z += hw.t_that[usize::from(p.that)];
    z += hw.kind_t_fin[p.kind][fin];
    z += hw.kind_t_len[p.kind][p.len];
    z += weight(&["cue|t=", cue, "|", here]);
    z += weight(&["cue|fin=", cue, "|", finite]);
    sigmoid(z)
}

/// The punctuation marks a clause may end at (see [`is_candidate`]), as place forms.
const END_MARKS: [&str; 6] = [",", "\u{2014}", "\u{2013}", "-", ":", "("];

/// The weights of the features of [`each_feature`] that depend on the place's form and on
/// nothing open-ended.
struct FormWeights {
    t: f32,
    t_nc: [f32; CLASSES],
    t_nc_n2c: [[f32; CLASSES]; CLASSES],
    t_len: [f32; BUCKETS.len()],
    t_fin: [f32; 2],
    t_commas: [f32; 3],
    t_ahead: [f32; 2],
    t_that: [f32; 2],
    kind_t_fin: [[f32; 2]; 2],
    kind_t_len: [[f32; BUCKETS.len()]; 2],
}

/// The model laid out for scoring: the weights of every feature that names no neighbouring
/// word nor the cue, for every form a place may have.
struct Scorer {
    bias: f32,
    nc: [f32; CLASSES],
    len: [f32; BUCKETS.len()],
    rest: [f32; BUCKETS.len()],
    /// Every place form (an opener of [`CONTENT_END_OPENERS`] or one of [`END_MARKS`]) → its
    /// weights in `forms`.
    here: WordMap<usize>,
    forms: Vec<FormWeights>,
}

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        let weight = |parts: &[&str]| weights().weight(parts);
        let heres: Vec<&str> = CONTENT_END_OPENERS
            .words()
            .into_iter()
            .chain(END_MARKS)
            .collect();
        let forms = heres
            .iter()
            .map(|&here| {
                let by_flag = |t: &str| YES_NO.map(|f| weight(&[t, here, "|", f]));
                FormWeights {
                    t: weight(&["t=", here]),
                    t_nc: Class::ALL.map(|c| weight(&["t|nc=", here, "|", c.name()])),
                    t_nc_n2c: Class::ALL.map(|a| {
                        Class::ALL
                            .map(|b| weight(&["t|nc|n2c=", here, "|", a.name(), "|", b.name()]))
                    }),
                    t_len: BUCKETS.map(|b| weight(&["t|len=", here, "|", b])),
                    t_fin: by_flag("t|fin="),
                    t_commas: [0, 1, 2].map(|c| weight(&["t|commas=", here, "|", BUCKETS[c]])),
                    t_ahead: by_flag("t|ahead="),
                    t_that: by_flag("t|that="),
                    kind_t_fin: KINDS.map(|kind| {
                        YES_NO.map(|f| weight(&["kind|t|fin=", kind, "|", here, "|", f]))
                    }),
                    kind_t_len: KINDS.map(|kind| {
                        BUCKETS.map(|b| weight(&["kind|t|len=", kind, "|", here, "|", b]))
                    }),
                }
            })
            .collect();
        Scorer {
            bias: weight(&["bias"]),
            nc: Class::ALL.map(|c| weight(&["nc=", c.name()])),
            len: BUCKETS.map(|b| weight(&["len=", b])),
            rest: BUCKETS.map(|b| weight(&["rest=", b])),
            here: WordMap::new(heres.iter().enumerate().map(|(i, &h)| (h, i))),
            forms,
        }
    })
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
    let end = comma_closed_quotation(doc, from, end).unwrap_or(end);
    // Past an aside the clause cannot end before (`that the pier, which opened in 1902, was
    // unsafe`): neither at its commas nor inside it.
    let mut past_aside = from;
    let Some((k, _)) = candidates(doc, r).find(|&place| {
        let k = place.0;
        if k < past_aside {
            return false;
        }
        // (A comma is a place itself, read before the word after it, but for the first: `that,
        // while …`.)
        let opening = if is_punct(doc, k, ',') {
            Some(k)
        } else {
            (k == from + 2 && is_punct(doc, k - 1, ',')).then(|| k - 1)
        };
        if let Some(close) = opening.and_then(|c| aside_closing(doc, from, c, end)) {
            past_aside = close + 1;
            return false;
        }
        end_probability(doc, probs, r, place) >= SURE_END
    }) else {
        return end;
    };
    if k >= end {
        return end;
    }
    let mut cut = k;
    while cut > from + 1 && matches!(doc.tokens[cut - 1].kind, TokKind::Punct(_)) {
        cut -= 1;
    }
    cut
}

/// The parts of speech after a comma-closed quotation that carry the clause on past it.
const CARRY_ON_TAGS: [&str; 2] = ["ADP", "SCONJ"];

/// The end of a quotation closed by a comma inside its marks, when the sentence goes on after
/// it with a word: `said things “should be wrapped up by Cleveland,” referring to …`, `called
/// the tax “unfair,” and his party …`. The comma closes the reported clause; what follows is
/// the writer's.
fn comma_closed_quotation(doc: &Document, from: usize, end: usize) -> Option<usize> {
    (from + 2..end.saturating_sub(1))
        .find(|&k| {
            closes_with_comma(doc, k)
                && doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| is_word(n) && n.quote.is_none())
                // `… “to build on his comments,” in regards to …`: a preposition or a
                // subordinator carries the clause on.
                && !CARRY_ON_TAGS.contains(&tag(doc, k + 1))
        })
        .map(|k| k + 1)
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
    fn the_scorer_sums_the_features_to_the_bit() {
        let mut scored = 0;
        let own_text = [
            "Justice Nervo rejected that argument in a ruling released Thursday. Clinton said \
             she would win the state, using an average of polls \u{2014} and more: (mostly). \
             The mayor said the bridge would open in May and vowed to cut taxes, which hurt.",
        ];
        for text in crate::quotes::EXAMPLE_ARTICLES.into_iter().chain(own_text) {
            let doc = Document::new(text, &[]);
            let sentences = super::super::sentences(&doc);
            let probs = super::super::cue_probabilities_in(&doc, &sentences);
            super::super::by_rules(&doc, &[], &probs, &sentences, &mut |r| {
                for place in candidates(&doc, r) {
                    let fast = end_probability(&doc, &probs, r, place);
                    let slow = probability_by_features(&doc, &probs, r, place);
                    assert_eq!(fast.to_bits(), slow.to_bits(), "{}", place.0);
                    assert!(scorer()
                        .here
                        .get(parts_of(&doc, &probs, r, place).here.as_str())
                        .is_some());
                    scored += 1;
                }
                learned_end(&doc, &probs, r)
            });
        }
        assert!(scored > 20, "{scored}");
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
