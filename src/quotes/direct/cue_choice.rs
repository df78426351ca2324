//! Which cue of the words before a quote introduces it, learned.
//!
//! A sentence before a quote often holds more than one cue: `He says he respects Clinton and
//! calls her “…”`, `…, Trump said at a rally, adding that the judge was “…”`, `She told ABC on
//! Monday the tone was cordial and predicted viewers “will …”`. The hand-written rules
//! (`before::rules_pick`) take the nearest strong cue with a subject unless a farther one
//! governs it; PolNeAR's annotators more often take the verb whose object the quote is. This
//! linear model scores each cue `before::before_cues` finds, with the rules' pick as one of
//! its features, so that it moves away from the rules only where the data argued for it. The
//! weights are an averaged perceptron trained by `scripts/train_cue_choice.py` on PolNeAR's
//! train split (labels: the annotators' cue), stored beside this file; an empty table keeps
//! the rules' pick.
//!
//! A cue coordinated with the rules' pick (`… and calls her “…”`), or chosen without a subject
//! of its own, shares the subject of the rules' pick when that comes first in the sentence.

use std::sync::OnceLock;

use super::Evidence;
use crate::quotes::cues::{CueWord, Strength};
use crate::quotes::doc::{is_word, lower, Document, TokKind};
use crate::quotes::lexicon::{
    COORDINATING_CONJUNCTIONS, GERUND_PREPOSITIONS, RELATIVE_PRONOUNS, SUBORDINATORS,
};
use crate::quotes::model::{distance_bucket, WeightTable};

/// The feature templates, in the order they are emitted (the weight table's header names their
/// hash; see `model::check_table`).
pub const TEMPLATES: [&str; 13] = [
    "pick",
    "rank=",
    "gap=",
    "between=",
    "strong=",
    "subject=",
    "form=",
    "before=",
    "base=",
    "base|between=",
    "score=",
    "pick|between=",
    "closes_quote",
];

/// One cue of the words before a quote, with the subject the rules found for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BeforeCue {
    pub evidence: Evidence,
    /// The rules' score: a strong cue 4 (a weak one 1), a subject 4, another quotation between
    /// the cue and this one −3.
    pub score: i32,
    pub word: CueWord,
}

fn weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(include_str!("cue_choice_weights.tsv")))
}

/// The evidence for the quote opening at `open_tok` from the cue the model prefers among
/// `cues` (nearest first; `pick` is the rules' choice).
pub(super) fn choose(doc: &Document, open_tok: usize, cues: &[BeforeCue], pick: usize) -> Evidence {
    let chosen = best(doc, open_tok, cues, pick, weights());
    with_subject(doc, cues, chosen, pick)
}

/// The index of the best-scoring cue; the rules' pick when only one cue is found, the table is
/// empty, or no cue scores above it.
fn best(
    doc: &Document,
    open_tok: usize,
    cues: &[BeforeCue],
    pick: usize,
    w: &WeightTable,
) -> usize {
    if cues.len() < 2 || w.is_empty() {
        return pick;
    }
    // `criticised Mr Haldane for suggesting the repairs were “nowhere near finished”`: the
    // words are Mr Haldane's, as the seed article's annotation has it. PolNeAR marks the critic
    // instead; on train the two never disagree in a way that changes a figure, so the gerund
    // after a preposition keeps its own subject.
    let picked_start = cues[pick].evidence.cue.map_or(0, |c| c.0);
    if cues[pick].word.gerund && before_cue(doc, picked_start) == "preposition" {
        return pick;
    }
    let mut best = (pick, score(doc, open_tok, cues, pick, pick, w));
    for i in 0..cues.len() {
        let s = score(doc, open_tok, cues, pick, i, w);
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

/// Cue `chosen`'s evidence. A verb coordinated with the rules' pick (`He says he respects
/// Clinton and calls her “…”`, `Hayek confirmed she had been and said, “…”`) shares its subject:
/// the subject nearest such a verb is often that of a clause in between (`she`). So does a cue
/// found without a subject of its own after the pick.
fn with_subject(doc: &Document, cues: &[BeforeCue], chosen: usize, pick: usize) -> Evidence {
    let mut found = cues[chosen].evidence;
    let picked = cues[pick].evidence;
    let pick_comes_first = picked.cue.zip(found.cue).is_some_and(|(p, c)| p.0 < c.0);
    let coordinated = found
        .cue
        .is_some_and(|(start, _)| before_cue(doc, start) == "and");
    if pick_comes_first && picked.mention.is_some() && (found.mention.is_none() || coordinated) {
        found.mention = picked.mention;
        found.confidence = picked.confidence;
    }
    found
}

fn score(
    doc: &Document,
    open_tok: usize,
    cues: &[BeforeCue],
    pick: usize,
    i: usize,
    w: &WeightTable,
) -> f32 {
    let mut total = 0.0;
    each_feature(doc, open_tok, cues, pick, i, &mut |parts| {
        total += w.weight(parts)
    });
    total
}

/// The features of cue `i` as names (for the training dump).
pub(crate) fn features(
    doc: &Document,
    open_tok: usize,
    cues: &[BeforeCue],
    pick: usize,
    i: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(doc, open_tok, cues, pick, i, &mut |parts| {
        out.push(parts.concat())
    });
    out
}

/// How many tokens before a cue a quotation mark makes it the cue of that quotation (`“…,”
/// said Ms Ortega`, `“…,” the finance chair said`).
const CLOSING_REACH: usize = 4;

/// What lies between a cue and the quote: nothing but punctuation (`said: “…”`, `calls “…”`), a
/// short object (`calls her “…”`), a `that` clause, another quotation, a comma, or more.
fn between(doc: &Document, from: usize, open_tok: usize) -> &'static str {
    let gap = doc.tokens.get(from..open_tok).unwrap_or(&[]);
    if gap.iter().any(|t| t.kind == TokKind::Mark) {
        return "quote";
    }
    let words: Vec<_> = gap.iter().filter(|t| is_word(t)).collect();
    if words.is_empty() {
        return "adjacent";
    }
    if words.first().is_some_and(|t| lower(doc, t) == "that") {
        return "that";
    }
    if gap.iter().any(|t| t.kind == TokKind::Punct(',')) {
        return "comma";
    }
    match words.len() {
        1..=3 => "short",
        4..=8 => "clause",
        _ => "long",
    }
}

/// The word class before a cue: a comma (`…, adding`), a conjunction (`and calls`), a relative
/// or subordinating word (`which he called`), a preposition taking a gerund (`for suggesting`),
/// `to`, another word, or the start of the scope.
fn before_cue(doc: &Document, cue: usize) -> &'static str {
    let Some(prev) = cue.checked_sub(1).and_then(|p| doc.tokens.get(p)) else {
        return "start";
    };
    match prev.kind {
        TokKind::Punct(',') => "comma",
        TokKind::Word => {
            let l = lower(doc, prev);
            if COORDINATING_CONJUNCTIONS.contains(l.as_str()) {
                "and"
            } else if RELATIVE_PRONOUNS.contains(l.as_str()) {
                "relative"
            } else if SUBORDINATORS.contains(l.as_str()) {
                "subordinator"
            } else if GERUND_PREPOSITIONS.contains(l.as_str()) {
                "preposition"
            } else if l == "to" {
                "to"
            } else {
                "word"
            }
        }
        _ => "other",
    }
}

fn score_name(score: i32) -> &'static str {
    match score {
        i32::MIN..=1 => "1-",
        2..=4 => "2-4",
        5..=7 => "5-7",
        _ => "8+",
    }
}

/// Hands each feature of cue `i` to `f` as pieces: its template, then its values.
fn each_feature(
    doc: &Document,
    open_tok: usize,
    cues: &[BeforeCue],
    pick: usize,
    i: usize,
    f: &mut dyn FnMut(&[&str]),
) {
    let c = &cues[i];
    let Some((start, past)) = c.evidence.cue else {
        return;
    };
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let gap_kind = between(doc, past, open_tok);
    if i == pick {
        f(&["pick"]);
    }
    f(&["rank=", distance_bucket(i)]);
    f(&["gap=", distance_bucket(open_tok.saturating_sub(past))]);
    f(&["between=", gap_kind]);
    f(&["strong=", yes_no(c.word.strength == Strength::Strong)]);
    f(&["subject=", yes_no(c.evidence.mention.is_some())]);
    let form = if c.word.gerund {
        "gerund"
    } else if c.evidence.pattern == crate::quotes::Rule::BeforeQuoteGerund {
        "infinitive"
    } else {
        "finite"
    };
    f(&["form=", form]);
    f(&["before=", before_cue(doc, start)]);
    f(&["base=", c.word.base]);
    f(&["base|between=", c.word.base, "|", gap_kind]);
    f(&["score=", score_name(c.score)]);
    f(&["pick|between=", yes_no(i == pick), "|", gap_kind]);
    // `“…,” Blige sings to Clinton before asking her, “…”`: a cue right after another
    // quotation is that quotation's.
    let near_before = start.saturating_sub(CLOSING_REACH)..start;
    if doc.tokens[near_before]
        .iter()
        .any(|t| t.kind == TokKind::Mark)
    {
        f(&["closes_quote"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::model::check_table;
    use crate::quotes::{extract, QuoteOptions};

    const TABLE: &str = include_str!("cue_choice_weights.tsv");

    #[test]
    fn the_table_was_trained_with_the_codes_templates() {
        assert_eq!(check_table(TABLE, &TEMPLATES), Ok(()));
    }

    /// The cue and mention of the first quotation of `text`, with reported speech off (a
    /// report around the quote would lend it the report's cue).
    fn cue_and_mention(text: &str) -> (String, String) {
        let options = QuoteOptions {
            reported: false,
            ..QuoteOptions::default()
        };
        let quotes = extract(text, &options);
        let first = quotes.first();
        let text_of =
            |s: Option<&crate::quotes::Span>| s.map(|s| s.text.clone()).unwrap_or_default();
        (
            text_of(first.and_then(|q| q.cue.as_ref())),
            text_of(first.and_then(|q| q.mention.as_ref())),
        )
    }

    #[test]
    fn the_verb_whose_object_the_quote_is_introduces_it() {
        let text = "The mayor says she respects her rival and calls him “a tireless worker for \
                    the east side.”";
        assert_eq!(cue_and_mention(text), ("calls".into(), "The mayor".into()));
    }

    #[test]
    fn the_verb_of_saying_that_governs_the_sentence_still_wins() {
        let text = "Bolton said he would advise the president on “matters of war and peace.”";
        assert_eq!(cue_and_mention(text), ("said".into(), "Bolton".into()));
    }
}
