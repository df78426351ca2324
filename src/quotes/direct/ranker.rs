//! A linear ranker over the speaker candidates the attribution rules propose.
//!
//! Each speaker rule of `direct::RULES` (after the quote, before it, the sentence's end, a
//! `that` clause, …) proposes at most one cue and mention; the rules used to be tried in a fixed order and the
//! first answer won. When the rules disagree, this module scores every proposal with a few
//! cheap features (which rule, which side of the quote, how far, the mention's shape, the cue's
//! verb, how many rules agree) and keeps the best one. The weights are an averaged perceptron
//! trained by `scripts/train_quotes.py` on PolNeAR's train split only, stored as text beside
//! this file. Ties (and an empty weight table) keep the rules' own order, so the ranker can only
//! change a choice the data argued for.
//!
//! Features are named by typed values (a rule's [`Rule::name`], a confidence's name, a
//! strength's), emitted as pieces (template first, see [`TEMPLATES`]) and scored through
//! `model::WeightTable`; the committed table's header names the templates' hash, and a test
//! checks it against the code.

use std::sync::OnceLock;

use super::{Confidence, QuoteToks};
use crate::quotes::cues::{self, Strength};
use crate::quotes::doc::{is_possessive, lower};
use crate::quotes::doc::{Document, TokKind};
use crate::quotes::lexicon::{ARTICLES, SUBJECT_PRONOUNS};
use crate::quotes::mentions::{is_function_word, is_role_noun, is_title};
use crate::quotes::model::{distance_bucket, WeightTable};
use crate::quotes::Rule;

/// One rule's proposal, in token ranges.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Proposal {
    /// The rule of the table that proposed it: the ranker's features name it.
    pub rule: Rule,
    /// The pattern it read, which a quote attributed from it reports (see `Evidence`).
    pub pattern: Rule,
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub confidence: Confidence,
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

impl Resolved {
    /// The stable name the ranker's features use.
    pub fn name(self) -> &'static str {
        match self {
            Resolved::Nobody => "nobody",
            Resolved::AsWritten => "as_written",
            Resolved::Person => "person",
        }
    }
}

/// The stable name of a cue's strength in the ranker's features.
fn strength_name(strength: Strength) -> &'static str {
    match strength {
        Strength::Strong => "strong",
        Strength::Weak => "weak",
    }
}

/// The feature templates of the ranker: every feature's name starts with one of them, and the
/// weight table's header carries their hash (see `model`). A template ending in `=` takes
/// values joined by `|` (`rule|side=after_quote|after`); the others are whole features.
pub const TEMPLATES: [&str; 26] = [
    "rule=",
    "rule|kind=",
    "first",
    "votes=",
    "nocue",
    "cue=",
    "cuestrength=",
    "nomention",
    "side=",
    "side|dist=",
    "rule|side=",
    "crosssent",
    "crosspara",
    "relation=",
    "relation|gerund=",
    "rule|conf=",
    "shape=",
    "shape|side=",
    "role",
    "len=",
    "resolved=",
    "resolved|shape=",
    "next_is_cue",
    "prevword=",
    "possessive",
    "prevmatch",
];

fn weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(include_str!("speaker_weights.tsv")))
}

/// A small count as a feature value: `0` to `5`, larger counts as `5`.
fn count(n: usize) -> &'static str {
    ["0", "1", "2", "3", "4", "5"][n.min(5)]
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
    each_feature(doc, quote, all, i, previous, &mut |parts| {
        out.push(parts.concat())
    });
    out
}

/// The score of proposal `i`: its features' weights summed in the order they are emitted (the
/// order the training script sums them in).
fn score(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
    w: &WeightTable,
) -> f32 {
    let mut total = 0.0;
    each_feature(doc, quote, all, i, previous, &mut |parts| {
        total += w.weight(parts)
    });
    total
}

/// Hands each feature of proposal `i` to `f` as pieces: its template, then its values.
fn each_feature(
    doc: &Document,
    quote: QuoteToks,
    all: &[Proposal],
    i: usize,
    previous: Option<&str>,
    f: &mut dyn FnMut(&[&str]),
) {
    let p = all[i];
    let rule = p.rule.name();
    let kind = quote.kind.name();
    f(&["rule=", rule]);
    f(&["rule|kind=", rule, "|", kind]);
    if i == 0 {
        f(&["first"]);
    }
    let votes = all.iter().filter(|q| q.mention == p.mention).count();
    f(&["votes=", count(votes.min(3))]);
    let cue_word = p.cue.and_then(|(s, _)| {
        let t = doc.tokens.get(s)?;
        cues::cue_word(&lower(doc, t))
    });
    match (p.cue, cue_word) {
        (None, _) => f(&["nocue"]),
        (Some(_), None) => f(&["cue=", "other"]),
        // The strength of the verb, not the verb itself: per-verb weights learnt from a few
        // hundred disagreements are noise.
        (Some(_), Some(c)) => f(&["cuestrength=", strength_name(c.strength)]),
    }
    let Some((ms, me)) = p.mention else {
        f(&["nomention"]);
        return;
    };
    let (side, dist) = if me <= quote.open {
        ("before", quote.open - me)
    } else if ms >= quote.close {
        ("after", ms - quote.close)
    } else {
        ("inside", 0)
    };
    f(&["side=", side]);
    f(&["side|dist=", side, "|", distance_bucket(dist)]);
    f(&["rule|side=", rule, "|", side]);
    let (lo, hi) = if side == "before" {
        (me, quote.open)
    } else {
        (quote.close, ms)
    };
    let between = doc.tokens.get(lo..hi).unwrap_or(&[]);
    if between.iter().any(|t| t.ends_sentence) {
        f(&["crosssent"]);
    }
    let para = |k: usize| doc.tokens.get(k).map(|t| t.para);
    if para(ms) != para(quote.open.min(doc.tokens.len().saturating_sub(1))) {
        f(&["crosspara"]);
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
        f(&["relation=", relation]);
        if cue_word.is_some_and(|c| c.gerund) {
            f(&["relation|gerund=", relation]);
        }
    }
    // The rule's hand-set confidence, by name: a confidence retuned keeps its weight.
    if p.rule != Rule::NounPhrase {
        f(&["rule|conf=", rule, "|", p.confidence.name()]);
    }
    let words = doc.tokens.get(ms..me).unwrap_or(&[]);
    let first = words.first().map(|t| lower(doc, t));
    let first = first.as_deref().unwrap_or("");
    let shape = if SUBJECT_PRONOUNS.contains(first) {
        "pron"
    } else if ARTICLES.contains(first) {
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
    f(&["shape=", shape]);
    f(&["shape|side=", shape, "|", side]);
    if words.iter().any(|t| is_role_noun(&lower(doc, t))) {
        f(&["role"]);
    }
    f(&["len=", count(me - ms)]);
    let resolved = p.resolved.name();
    f(&["resolved=", resolved]);
    f(&["resolved|shape=", resolved, "|", shape]);
    if doc
        .tokens
        .get(me)
        .is_some_and(|t| cues::cue_word(&lower(doc, t)).is_some())
    {
        f(&["next_is_cue"]);
    }
    // `from the Washington Post`, `with her message`: what stands before the mention.
    match ms.checked_sub(1).and_then(|k| doc.tokens.get(k)) {
        Some(t) if t.kind == TokKind::Word => {
            let l = lower(doc, t);
            if is_function_word(&l) {
                f(&["prevword=", "function"]);
            } else if cues::cue_word(&l).is_some() {
                f(&["prevword=", "cue"]);
            } else {
                f(&["prevword=", "other"]);
            }
        }
        Some(t) if t.ends_sentence => f(&["prevword=", "sentence"]),
        Some(_) => f(&["prevword=", "punct"]),
        None => {}
    }
    if words.last().is_some_and(|t| is_possessive(doc.word(t))) {
        f(&["possessive"]);
    }
    if let (Some(prev), Some(last)) = (previous, words.last()) {
        if lower(doc, last).as_str() == prev {
            f(&["prevmatch"]);
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

/// The proposal whose mention wins, and the proposal whose cue goes with it: the best-scoring
/// proposal of a rule (not [`Rule::NounPhrase`]), which is the same proposal unless the best
/// mention is only a noun phrase.
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
        if p.rule != Rule::NounPhrase && score > best.2 {
            best.0.cue = i;
            best.2 = score;
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{extract, QuoteOptions};

    const TABLE: &str = include_str!("speaker_weights.tsv");

    #[test]
    fn weights_are_committed_and_parse() {
        assert!(!weights().is_empty());
        let rows: Vec<&str> = crate::quotes::words::lexicon_entries(TABLE).collect();
        assert!(rows.len() > 20);
        for row in rows {
            let w = row.split_once('\t').map(|(_, w)| w.trim().parse::<f32>());
            assert!(matches!(w, Some(Ok(w)) if w.is_finite()), "{row}");
        }
    }

    #[test]
    fn the_table_was_trained_with_the_codes_templates() {
        assert_eq!(crate::quotes::model::check_table(TABLE, &TEMPLATES), Ok(()));
    }

    #[test]
    fn every_feature_starts_with_a_declared_template() {
        use crate::quotes::direct::{kinds, marks, proposals};
        use crate::quotes::doc::Document;
        let texts = [
            "The council met on Tuesday night.\n“We cannot keep the library open on these \
             funds,” said Ms Ortega, the finance chair, as residents looked on.",
            "The governor also criticised Mr Haldane – days after their clash on the radio – \
             for suggesting the bridge repairs were “nowhere near finished”.",
            "Mr Starmer said his party would win. “We will win the vote,” he told reporters.",
            "Sir Keir is clear that any deal “must be lasting”, a spokesman said on Monday.",
            "Obama’s “if you like your plan” promise was, Republicans said, “the lie of the \
             year”.\n“It was not a lie,” the president wrote.",
            "Iowa State University's Dianne Bystrom agreed: “It was a good night for him,” \
             she said.",
        ];
        let mut seen = std::collections::HashSet::new();
        for text in texts {
            let spans = marks::quoted_spans(text, marks::MarkSet::EVERY);
            let doc = Document::new(text, &spans);
            for span in &spans {
                let (quote, all) = proposals(&doc, span, kinds::kind_of(&doc, span));
                for i in 0..all.len() {
                    each_feature(&doc, quote, &all, i, Some("he"), &mut |parts| {
                        let name = parts.concat();
                        assert!(TEMPLATES.contains(&parts[0]), "{name}: undeclared template");
                        assert_eq!(
                            crate::quotes::model::template_of(&name, &TEMPLATES),
                            Some(parts[0]),
                            "{name}: its template is not the longest prefix"
                        );
                        seen.insert(parts[0].to_string());
                    });
                }
            }
        }
        // The sentences above exercise most of the templates.
        assert!(seen.len() >= 15, "only {seen:?}");
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
