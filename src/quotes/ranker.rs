//! A linear ranker over the speaker candidates the attribution rules propose.
//!
//! Each rule of `attribution` (after the quote, before it, the sentence's end, a `that` clause,
//! …) proposes at most one cue and mention; the rules used to be tried in a fixed order and the
//! first answer won. When the rules disagree, this module scores every proposal with a few
//! cheap features (which rule, which side of the quote, how far, the mention's shape, the cue's
//! verb, how many rules agree) and keeps the best one. The weights are an averaged perceptron
//! trained by `scripts/train_quotes.py` on PolNeAR's train split only, stored as text beside
//! this file. Ties (and an empty weight table) keep the rules' own order, so the ranker can only
//! change a choice the data argued for.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cues;
use super::mentions::{is_role_noun, is_title, lower, SUBJECT_PRONOUNS};
use super::text::Document;
use super::QuoteKind;

/// One rule's proposal, in token ranges.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Proposal {
    pub rule: &'static str,
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub confidence: f32,
}

/// The quote being attributed, in tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteToks {
    pub open: usize,
    pub close: usize,
    pub kind: QuoteKind,
}

fn weights() -> &'static HashMap<&'static str, f32> {
    static WEIGHTS: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        include_str!("speaker_weights.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, w) = l.split_once('\t')?;
                Some((name, w.trim().parse::<f32>().ok()?))
            })
            .collect()
    })
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// The features of proposal `i` among `all`. `previous` is the last token (lower case) of the
/// mention chosen for the quote before, if any.
pub(crate) fn features(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
) -> Vec<String> {
    let p = all[i];
    let mut f = Vec::with_capacity(24);
    let kind = quote.kind.name();
    f.push(format!("rule={}", p.rule));
    f.push(format!("rule={}&kind={kind}", p.rule));
    if i == 0 {
        f.push("first".to_string());
    }
    let votes = all.iter().filter(|q| q.mention == p.mention).count();
    f.push(format!("votes={}", votes.min(3)));
    let cue_word = p.cue.and_then(|(s, _)| {
        let t = doc.tokens.get(s)?;
        cues::cue_word(&lower(doc, t))
    });
    match (p.cue, cue_word) {
        (None, _) => f.push("nocue".to_string()),
        (Some(_), None) => f.push("cue=other".to_string()),
        (Some(_), Some(c)) => {
            f.push(format!("cue={}", c.base));
            f.push(format!("cuestrength={:?}", c.strength));
        }
    }
    let Some((ms, me)) = p.mention else {
        f.push("nomention".to_string());
        return f;
    };
    let (side, dist) = if me <= quote.open {
        ("before", quote.open - me)
    } else if ms >= quote.close {
        ("after", ms - quote.close)
    } else {
        ("inside", 0)
    };
    f.push(format!("side={side}"));
    f.push(format!("side={side}&dist={}", bucket(dist)));
    f.push(format!("rule={}&side={side}", p.rule));
    let (lo, hi) = if side == "before" {
        (me, quote.open)
    } else {
        (quote.close, ms)
    };
    let between = doc.tokens.get(lo..hi).unwrap_or(&[]);
    if between.iter().any(|t| t.ends_sentence) {
        f.push("crosssent".to_string());
    }
    let para = |k: usize| doc.tokens.get(k).map(|t| t.para);
    if para(ms) != para(quote.open.min(doc.tokens.len().saturating_sub(1))) {
        f.push("crosspara".to_string());
    }
    if let Some((cs, ce)) = p.cue {
        if ce == ms {
            f.push("cue_then_mention".to_string());
        } else if me == cs {
            f.push("mention_then_cue".to_string());
        } else if me < cs && cs - me <= 6 {
            f.push("mention_near_before_cue".to_string());
        }
    }
    let words = doc.tokens.get(ms..me).unwrap_or(&[]);
    let first = words.first().map(|t| lower(doc, t));
    let first = first.as_deref().unwrap_or("");
    let shape = if SUBJECT_PRONOUNS.contains(&first) {
        "pron"
    } else if matches!(first, "the" | "a" | "an") {
        "det"
    } else if is_title(first) {
        "title"
    } else if words
        .first()
        .is_some_and(|t| doc.word(t).chars().next().is_some_and(char::is_uppercase))
    {
        "cap"
    } else {
        "lower"
    };
    f.push(format!("shape={shape}"));
    f.push(format!("shape={shape}&side={side}"));
    if words.iter().any(|t| is_role_noun(&lower(doc, t))) {
        f.push("role".to_string());
    }
    f.push(format!("len={}", (me - ms).min(5)));
    if let (Some(prev), Some(last)) = (previous, words.last()) {
        if lower(doc, last).as_str() == prev {
            f.push("prevmatch".to_string());
        }
    }
    f
}

/// The index of the best proposal; the rules' own order breaks ties.
pub(crate) fn choose(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    previous: Option<&str>,
) -> usize {
    if all.len() < 2 || all.iter().all(|p| p.mention == all[0].mention) {
        return 0;
    }
    let w = weights();
    if w.is_empty() {
        return 0;
    }
    let mut best = (0, f32::NEG_INFINITY);
    for i in 0..all.len() {
        let score: f32 = features(doc, quote, all, i, previous)
            .iter()
            .filter_map(|name| w.get(name.as_str()))
            .sum();
        if score > best.1 {
            best = (i, score);
        }
    }
    best.0
}
