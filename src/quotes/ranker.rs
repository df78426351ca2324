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
use super::doc::{is_possessive, lower};
use super::doc::{Document, TokKind};
use super::mentions::{is_function_word, is_role_noun, is_title, SUBJECT_PRONOUNS};
use super::QuoteKind;

/// One rule's proposal, in token ranges.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Proposal {
    pub rule: &'static str,
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub confidence: f32,
    pub resolved: Resolved,
}

/// What the people table makes of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// Too weak to name anyone.
    Nobody,
    /// Names nobody else: kept as written (`a campaign aide`, a full name).
    AsWritten,
    /// Linked to a person named elsewhere (`he`, `Mr Starmer`).
    Person,
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

/// Writes each feature name into one reused buffer and hands it on: scoring allocates nothing.
struct Sink<'f> {
    buf: String,
    emit: &'f mut dyn FnMut(&str),
}

impl Sink<'_> {
    fn add(&mut self, args: std::fmt::Arguments) {
        use std::fmt::Write;
        self.buf.clear();
        let _ = self.buf.write_fmt(args);
        (self.emit)(&self.buf);
    }
}

/// The features of proposal `i` among `all`, as names. `previous` is the last token (lower
/// case) of the mention the rules chose for the quote before, if any.
pub(crate) fn features(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(doc, quote, all, i, previous, &mut |name| {
        out.push(name.to_string())
    });
    out
}

fn score(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
    w: &HashMap<&str, f32>,
) -> f32 {
    let mut total = 0.0;
    each_feature(doc, quote, all, i, previous, &mut |name| {
        total += w.get(name).copied().unwrap_or(0.0)
    });
    total
}

fn each_feature(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
    emit: &mut dyn FnMut(&str),
) {
    let mut f = Sink {
        buf: String::with_capacity(48),
        emit,
    };
    let p = all[i];
    let kind = quote.kind.name();
    f.add(format_args!("rule={}", p.rule));
    f.add(format_args!("rule={}&kind={kind}", p.rule));
    if i == 0 {
        f.add(format_args!("first"));
    }
    let votes = all.iter().filter(|q| q.mention == p.mention).count();
    f.add(format_args!("votes={}", votes.min(3)));
    let cue_word = p.cue.and_then(|(s, _)| {
        let t = doc.tokens.get(s)?;
        cues::cue_word(&lower(doc, t))
    });
    match (p.cue, cue_word) {
        (None, _) => f.add(format_args!("nocue")),
        (Some(_), None) => f.add(format_args!("cue=other")),
        // The strength of the verb, not the verb itself: per-verb weights learnt from a few
        // hundred disagreements are noise.
        (Some(_), Some(c)) => f.add(format_args!("cuestrength={:?}", c.strength)),
    }
    let Some((ms, me)) = p.mention else {
        f.add(format_args!("nomention"));
        return;
    };
    let (side, dist) = if me <= quote.open {
        ("before", quote.open - me)
    } else if ms >= quote.close {
        ("after", ms - quote.close)
    } else {
        ("inside", 0)
    };
    f.add(format_args!("side={side}"));
    f.add(format_args!("side={side}&dist={}", bucket(dist)));
    f.add(format_args!("rule={}&side={side}", p.rule));
    let (lo, hi) = if side == "before" {
        (me, quote.open)
    } else {
        (quote.close, ms)
    };
    let between = doc.tokens.get(lo..hi).unwrap_or(&[]);
    if between.iter().any(|t| t.ends_sentence) {
        f.add(format_args!("crosssent"));
    }
    let para = |k: usize| doc.tokens.get(k).map(|t| t.para);
    if para(ms) != para(quote.open.min(doc.tokens.len().saturating_sub(1))) {
        f.add(format_args!("crosspara"));
    }
    // How the mention stands to the cue; a gerund cue (`criticised Mr Zelensky for suggesting`)
    // takes the nearest phrase before it, not the sentence's subject.
    if let Some((cs, ce)) = p.cue {
        let relation = if ce == ms {
            "cue_then_mention"
        } else if me == cs {
            "mention_then_cue"
        } else if me < cs && cs - me <= 3 {
            "near_before_cue"
        } else if me < cs {
            "far_before_cue"
        } else {
            "far_after_cue"
        };
        f.add(format_args!("{relation}"));
        if cue_word.is_some_and(|c| c.gerund) {
            f.add(format_args!("{relation}&gerund"));
        }
    }
    if p.rule != NOUN_PHRASE {
        f.add(format_args!("rule={}&conf={:.2}", p.rule, p.confidence));
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
    f.add(format_args!("shape={shape}"));
    f.add(format_args!("shape={shape}&side={side}"));
    if words.iter().any(|t| is_role_noun(&lower(doc, t))) {
        f.add(format_args!("role"));
    }
    f.add(format_args!("len={}", (me - ms).min(5)));
    f.add(format_args!("resolved={:?}", p.resolved));
    f.add(format_args!("resolved={:?}&shape={shape}", p.resolved));
    if doc
        .tokens
        .get(me)
        .is_some_and(|t| cues::cue_word(&lower(doc, t)).is_some())
    {
        f.add(format_args!("next_is_cue"));
    }
    // `from the Washington Post`, `with her message`: what stands before the mention.
    match ms.checked_sub(1).and_then(|k| doc.tokens.get(k)) {
        Some(t) if t.kind == TokKind::Word => {
            let l = lower(doc, t);
            if is_function_word(&l) {
                f.add(format_args!("prevword=function"));
            } else if cues::cue_word(&l).is_some() {
                f.add(format_args!("prevword=cue"));
            } else {
                f.add(format_args!("prevword=other"));
            }
        }
        Some(t) if t.ends_sentence => f.add(format_args!("prevword=sentence")),
        Some(_) => f.add(format_args!("prevword=punct")),
        None => {}
    }
    if words.last().is_some_and(|t| is_possessive(doc.word(t))) {
        f.add(format_args!("possessive"));
    }
    if let (Some(prev), Some(last)) = (previous, words.last()) {
        if lower(doc, last).as_str() == prev {
            f.add(format_args!("prevmatch"));
        }
    }
}

/// The chosen proposal: its mention, and the cue of the best-scoring proposal of a rule (a
/// phrase proposed only as a candidate mention has no cue of its own). The rules' own order
/// breaks ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Choice {
    pub mention: usize,
    pub cue: usize,
}

/// Whether the proposals disagree on the mention (else the first one stands, unscored).
pub(crate) fn has_choice(all: &[Proposal]) -> bool {
    all.iter().any(|p| p.mention != all[0].mention)
}

pub(crate) fn choose(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    previous: Option<&str>,
) -> Choice {
    let first = Choice { mention: 0, cue: 0 };
    if !has_choice(all) {
        return first;
    }
    let w = weights();
    if w.is_empty() {
        return first;
    }
    let mut best = (first, f32::NEG_INFINITY, f32::NEG_INFINITY);
    for (i, p) in all.iter().enumerate() {
        let score = score(doc, quote, all, i, previous, w);
        if score > best.1 {
            best.0.mention = i;
            best.1 = score;
        }
        if p.rule != NOUN_PHRASE && score > best.2 {
            best.0.cue = i;
            best.2 = score;
        }
    }
    best.0
}

/// The rule name of a candidate that is only a noun phrase near the quote.
pub(crate) const NOUN_PHRASE: &str = "np";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{extract, QuoteOptions};

    #[test]
    fn weights_are_committed_and_parse() {
        assert!(weights().len() > 20);
        assert!(weights().values().all(|w| w.is_finite()));
    }

    #[test]
    fn the_speaker_after_the_quote_still_wins() {
        let text = "The council met on Tuesday night.\n\
                    “We cannot keep the library open on these funds,” said Ms Ortega, the \
                    finance chair, as residents looked on.";
        let quotes = extract(text, &QuoteOptions::default());
        let mention = quotes[0].mention.as_ref().map(|m| m.text.as_str());
        assert_eq!(mention, Some("Ms Ortega"));
    }

    #[test]
    fn a_gerund_cue_keeps_its_own_subject() {
        let text = "The governor also criticised Mr Haldane – days after their clash on the \
                    radio – for suggesting the bridge repairs were “nowhere near finished”.";
        let quotes = extract(text, &QuoteOptions::default());
        assert_eq!(quotes.len(), 1);
        let mention = quotes[0].mention.as_ref().map(|m| m.text.as_str());
        assert_eq!(mention, Some("Mr Haldane"));
    }

    #[test]
    fn hostile_text_has_no_panic() {
        for text in [
            "“",
            "” said",
            "“a” “b” “c” said he,",
            "said “”",
            "He: “",
            "“x,” said",
        ] {
            let _ = extract(text, &QuoteOptions::default());
        }
    }
}
