//! Direct quotations: their marks (`marks`), their kind (`kinds`), and the cue and speaker
//! mention of each, found by the speaker rules of [`RULES`] and chosen among by the `ranker`.
//!
//! News writes attributions in a handful of orders, tried from the most to the least telling:
//! 1. after the quote, in the same sentence: `“…,” he said.` / `“…,” said Mr X, a doctor.` /
//!    `“…”, Mr Starmer said in response` / `“…,” according to the report.` (`after`);
//! 2. before the quote, in its sentence: `He said: “…”` / `Mr Starmer said Mr Trump’s
//!    commitment was “sincere”` / `criticised Mr Zelensky for suggesting a deal “is far away”`
//!    (`before`);
//! 3. the sentence around the quote without a verb of saying next to it: a `that` clause after
//!    the subject (`Sir Keir is clear that any deal “must be lasting”`), a lead-in sentence, a
//!    possessor (`sentence`);
//! 4. no cue at all: a direct quote that follows another quote of the same or the previous
//!    paragraph carries on that quote's speaker (here, [`Rule::ContinuesPrevious`]).
//!
//! Every rule proposes; the ranker picks among proposals that disagree. Each attribution says
//! which rule it came from ([`Attribution::rule`]).

mod after;
mod before;
mod cue;
pub(crate) mod cue_choice;
pub(crate) mod kinds;
pub(crate) mod marks;
mod noun_phrases;
pub(crate) mod ranker;
mod sentence;
mod window;

use crate::quotes::doc::{lower, Document, TokKind};
use crate::quotes::lexicon::LIST_CONJUNCTIONS;
use crate::quotes::mentions::{speaker_part, with_its_complement};
use crate::quotes::people::People;
use crate::quotes::{QuoteKind, ResolutionStep, Rule};
use marks::QuotedSpan;
use ranker::{Proposal, Resolved};

/// The attribution of one quote, in byte ranges.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub speaker: Option<String>,
    pub confidence: f32,
    /// The rule behind the mention (see [`Found::rule`]), [`Rule::ContinuesPrevious`] for a
    /// speaker carried on from the quote before, [`Rule::Unattributed`] when nothing was found.
    pub rule: Rule,
    /// How the mention was resolved to `speaker` (see [`People::resolve_trail`]).
    pub resolution: Vec<ResolutionStep>,
}

impl Attribution {
    /// Nothing found: no cue, no speaker.
    fn unattributed() -> Attribution {
        Attribution {
            cue: None,
            mention: None,
            speaker: None,
            confidence: 0.0,
            rule: Rule::Unattributed,
            resolution: Vec::new(),
        }
    }
}

/// How sure a rule is of what it found, by name. The ranker weighs each rule's confidence by
/// its name (`rule|conf=before_quote|high`), so retuning a value keeps the weight learnt for
/// it; the value itself is what [`Attribution::confidence`] starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Confidence {
    /// A verb of saying and its subject right after the quote.
    Certain,
    /// A quote signed with a dash and a name.
    Signed,
    /// A strong verb of saying and its subject before the quote.
    High,
    /// A weak verb of saying and its subject right after the quote.
    Good,
    /// A weak verb of saying with its subject before, a bare clause after, a lead-in's own cue.
    Fair,
    /// A colon lead-in naming its subject, an attribution closing the sentence.
    Moderate,
    /// Weak evidence: a verb outside the lexicon, a `that` clause, a bare colon.
    Even,
    /// A subject and a verb outside the lexicon.
    Low,
    /// A cue without a subject, a lead-in from the paragraph before, a named possessor.
    Poor,
    /// A possessive pronoun.
    Faint,
}

impl Confidence {
    /// The probability the rule's author gave it.
    pub fn value(self) -> f32 {
        match self {
            Confidence::Certain => 0.95,
            Confidence::Signed => 0.9,
            Confidence::High => 0.85,
            Confidence::Good => 0.75,
            Confidence::Fair => 0.7,
            Confidence::Moderate => 0.6,
            Confidence::Even => 0.5,
            Confidence::Low => 0.45,
            Confidence::Poor => 0.4,
            Confidence::Faint => 0.3,
        }
    }

    /// The stable name the ranker's features use.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Certain => "certain",
            Confidence::Signed => "signed",
            Confidence::High => "high",
            Confidence::Good => "good",
            Confidence::Fair => "fair",
            Confidence::Moderate => "moderate",
            Confidence::Even => "even",
            Confidence::Low => "low",
            Confidence::Poor => "poor",
            Confidence::Faint => "faint",
        }
    }
}

/// What a rule found for a quote: a cue and a mention as token ranges, how sure it is, and the
/// pattern it read (`after_quote_said`, `colon_lead_in`: the rule a quote reports, finer than
/// the rule of the table that found it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence {
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub confidence: Confidence,
    pub pattern: Rule,
}

/// The attribution chosen for a quote, as token ranges, and the rule it came from.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The pattern of the proposal whose mention was chosen. The cue is that of the best-scoring
    /// proposal of a rule, which is the same proposal unless the chosen mention was only a
    /// noun phrase near the quote (`noun_phrase`, off by default): then the cue is another
    /// rule's, and `rule` stays [`Rule::NounPhrase`]. A quote given the attribution of the
    /// quote after it gets [`Rule::ListedTogether`] or [`Rule::ClosesSentence`].
    rule: Rule,
    cue: Option<(usize, usize)>,
    mention: Option<(usize, usize)>,
    confidence: Confidence,
}

/// The quote being attributed, in tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteToks {
    pub open: usize,
    pub close: usize,
    pub kind: QuoteKind,
}

/// A speaker rule: its name (the ranker's features use it), and what it proposes for a quote
/// (its span and tokens).
struct SpeakerRule {
    rule: Rule,
    propose: fn(&Document, &QuotedSpan, QuoteToks) -> Option<Evidence>,
}

/// A signed quote names its speaker beyond doubt: asked first, and when it answers no other
/// rule is.
const SIGNATURE: SpeakerRule = SpeakerRule {
    rule: Rule::DashSignature,
    propose: |doc, _, q| after::dash_signature(doc, q.open, q.close),
};

/// The speaker rules, in the order they were designed to be tried: the ranker's ties keep it,
/// and its `first` feature is the first rule's proposal.
const RULES: &[SpeakerRule] = &[
    SpeakerRule {
        rule: Rule::AfterQuote,
        propose: |doc, span, q| after::after_quote(doc, span, q.kind, q.close),
    },
    SpeakerRule {
        rule: Rule::BeforeQuote,
        propose: |doc, _, q| before::before_quote(doc, q.open),
    },
    SpeakerRule {
        rule: Rule::SentenceFinal,
        propose: |doc, _, q| after::sentence_final(doc, q.close),
    },
    SpeakerRule {
        rule: Rule::ThatClause,
        propose: |doc, _, q| sentence::that_clause(doc, q.open),
    },
    SpeakerRule {
        rule: Rule::SubjectAndVerb,
        propose: |doc, _, q| sentence::subject_and_verb(doc, q.open),
    },
    SpeakerRule {
        rule: Rule::LeadInSentence,
        propose: |doc, _, q| sentence::lead_in_sentence(doc, q.open),
    },
    SpeakerRule {
        rule: Rule::Possessor,
        propose: |doc, _, q| sentence::possessor(doc, q.open),
    },
];

/// A speech quote's tokens and every rule's proposal for it; `None` for quoted text that is
/// not speech.
pub(crate) type Proposed = Option<(QuoteToks, Vec<Proposal>)>;

/// The rules' proposals for each quote of `spans`, before any is resolved to a person.
pub(crate) fn propose(doc: &Document, spans: &[QuotedSpan], kinds: &[QuoteKind]) -> Vec<Proposed> {
    spans
        .iter()
        .zip(kinds)
        .map(|(span, &kind)| (kind != QuoteKind::NonSpeech).then(|| proposals(doc, span, kind)))
        .collect()
}

/// The mention the rules propose first for each quote (the one the previous-speaker feature
/// follows): where the article has someone speak, for the people table's sources.
pub(crate) fn first_mentions(proposed: &[Proposed]) -> impl Iterator<Item = (usize, usize)> + '_ {
    proposed
        .iter()
        .filter_map(|p| p.as_ref()?.1.first()?.mention)
}

/// The attribution of each quote of `spans` (nothing for quoted text that is not speech): the
/// rules' proposals, the ranker's choice among them, then the quotes that share the attribution
/// of the quote after them, then the carry-over of a speaker to the quotes that follow.
pub(crate) fn attribute(
    doc: &Document,
    spans: &[QuotedSpan],
    kinds: &[QuoteKind],
    people: &People,
    proposed: Vec<Proposed>,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(spans.len());
    // Every rule proposes; the ranker picks among disagreeing proposals (the rules' order when
    // they agree or the weights have no opinion).
    let mut previous_last: Option<String> = None;
    let mut founds: Vec<Option<Found>> = Vec::with_capacity(spans.len());
    for proposed in proposed {
        let Some((quote, mut all)) = proposed else {
            founds.push(None);
            continue;
        };
        resolve_proposals(doc, people, &mut all);
        let found = (!all.is_empty()).then(|| {
            let best = ranker::choose(doc, quote, &all, previous_last.as_deref());
            Found {
                rule: all[best.mention].pattern,
                cue: all[best.cue].cue,
                mention: all[best.mention].mention,
                confidence: all[best.mention].confidence,
            }
        });
        // The previous speaker feature follows the rules' choice, not the ranker's, so that the
        // training data does not depend on the weights it trains.
        if let Some((_, e)) = all.first().and_then(|p| p.mention) {
            previous_last = doc
                .tokens
                .get(e.saturating_sub(1))
                .map(|t| lower(doc, t).to_string());
        }
        founds.push(found);
    }
    // `words like “maybe” and “perhaps”, he told reporters`: quotes listed together share the
    // attribution found for the last of them.
    // `Fundraising was “stagnant” as donors waited for a “turbulent cycle” to play out, he
    // said.`: a quote with nothing of its own takes the attribution that closes its sentence.
    for i in (0..spans.len().saturating_sub(1)).rev() {
        if founds[i].is_some() {
            continue;
        }
        let rule = if coordinated(doc, &spans[i], &spans[i + 1]) {
            Rule::ListedTogether
        } else if closes_same_sentence(doc, &spans[i], &spans[i + 1], founds[i + 1]) {
            Rule::ClosesSentence
        } else {
            continue;
        };
        founds[i] = founds[i + 1].map(|f| Found { rule, ..f });
    }
    // The last speech quote: (index, paragraph of its end).
    let mut previous: Option<(usize, u32)> = None;
    for (i, span) in spans.iter().enumerate() {
        if kinds[i] == QuoteKind::NonSpeech {
            out.push(Attribution::unattributed());
            continue;
        }
        let open_tok = doc.token_at(span.open);
        let close_tok = doc.token_at(span.close.max(span.end));
        let para_open = doc.tokens.get(open_tok).map_or(0, |t| t.para);
        let found = founds[i];
        let attribution = match found {
            Some(f) => {
                // The trail is built here, once, with the name it leads to.
                let (speaker, resolution) = f
                    .mention
                    .map(|(s, e)| {
                        // The speaker of the quotation before, which a `he` most often continues.
                        let previous = (0..i)
                            .rev()
                            .find(|&j| kinds[j] != QuoteKind::NonSpeech)
                            .and_then(|j| out[j].speaker.as_deref());
                        people.resolve_trail_after(doc, s, e, previous)
                    })
                    .unwrap_or_default();
                let confidence = f.confidence.value();
                Attribution {
                    cue: f.cue.and_then(|c| doc.byte_span(c)),
                    mention: f.mention.and_then(|m| doc.byte_span(m)),
                    confidence: if speaker.is_some() {
                        confidence
                    } else {
                        confidence * 0.5
                    },
                    speaker,
                    rule: f.rule,
                    resolution,
                }
            }
            None => match previous {
                // Carry on the speaker of the quote before, when this quote opens a statement in
                // the same paragraph or starts the next one.
                // A fragment with no attribution of its own carries on the speaker of a quote
                // earlier in its paragraph (`“…,” Hennessey added. But that is not the same
                // thing as “properly chargeable”.`).
                Some((p, para))
                    if (kinds[i] == QuoteKind::Direct
                        && (para == para_open
                            || (para + 1 == para_open && starts_paragraph(doc, open_tok))))
                        || (kinds[i] == QuoteKind::Partial && para == para_open) =>
                {
                    let prev = &out[p];
                    // Carrying on nothing is still nothing.
                    let rule = if prev.cue.is_some() || prev.mention.is_some() {
                        Rule::ContinuesPrevious
                    } else {
                        Rule::Unattributed
                    };
                    Attribution {
                        cue: prev.cue,
                        mention: prev.mention,
                        speaker: prev.speaker.clone(),
                        confidence: prev.confidence * 0.8,
                        rule,
                        resolution: prev.resolution.clone(),
                    }
                }
                _ => Attribution::unattributed(),
            },
        };
        let para_close = doc
            .tokens
            .get(close_tok.saturating_sub(1))
            .map_or(para_open, |t| t.para);
        previous = Some((i, para_close));
        out.push(attribution);
    }
    out
}

/// For training the ranker: every speech quote's proposals with their features and byte ranges,
/// in the same sequence (and with the same previous-speaker context) as [`attribute`].
pub(crate) fn candidate_sets(
    doc: &Document,
    spans: &[QuotedSpan],
    kinds: &[QuoteKind],
    people: &People,
) -> Vec<crate::quotes::CandidateSet> {
    let bytes = |r: Option<(usize, usize)>| r.and_then(|r| doc.byte_span(r));
    let mut previous_last: Option<String> = None;
    let mut out = Vec::new();
    for (span, kind) in spans.iter().zip(kinds) {
        if *kind == QuoteKind::NonSpeech {
            continue;
        }
        let (quote, mut all) = proposals(doc, span, *kind);
        resolve_proposals(doc, people, &mut all);
        if all.is_empty() {
            continue;
        }
        let best = ranker::choose(doc, quote, &all, previous_last.as_deref()).mention;
        let candidates = (0..all.len())
            .map(|i| crate::quotes::Candidate {
                mention: bytes(all[i].mention),
                cue: bytes(all[i].cue),
                features: ranker::features(doc, quote, &all, i, previous_last.as_deref()),
            })
            .collect();
        out.push(crate::quotes::CandidateSet {
            start: span.start,
            end: span.end,
            chosen: best,
            candidates,
        });
        if let Some((_, e)) = all[0].mention {
            previous_last = doc
                .tokens
                .get(e.saturating_sub(1))
                .map(|t| lower(doc, t).to_string());
        }
    }
    out
}

/// For training the cue chooser: each speech quote's cues before it (as [`before_quote`] reads
/// them) with their features, as byte ranges; `chosen` is the rules' pick. Quotes with fewer
/// than two cues are left out: there is nothing to choose.
///
/// [`before_quote`]: before::before_quote
pub(crate) fn cue_choice_sets(
    doc: &Document,
    spans: &[QuotedSpan],
    kinds: &[QuoteKind],
) -> Vec<crate::quotes::CandidateSet> {
    let bytes = |r: Option<(usize, usize)>| r.and_then(|r| doc.byte_span(r));
    let mut out = Vec::new();
    for (span, kind) in spans.iter().zip(kinds) {
        if *kind == QuoteKind::NonSpeech {
            continue;
        }
        let open = doc.token_at(span.open);
        let (floor, _) = before::scoped(doc, open);
        let cues = before::before_cues(doc, floor, open);
        if cues.len() < 2 {
            continue;
        }
        let pick = before::rules_pick(doc, &cues);
        let candidates = (0..cues.len())
            .map(|i| crate::quotes::Candidate {
                mention: bytes(cues[i].evidence.mention),
                cue: bytes(cues[i].evidence.cue),
                features: cue_choice::features(doc, open, &cues, pick, i),
            })
            .collect();
        out.push(crate::quotes::CandidateSet {
            start: span.start,
            end: span.end,
            chosen: pick,
            candidates,
        });
    }
    out
}

/// What the people table makes of each proposed mention: only worth its cost (a string per
/// mention) when the ranker has a choice to make.
fn resolve_proposals(doc: &Document, people: &People, all: &mut [Proposal]) {
    if !ranker::has_choice(all) {
        return;
    }
    for p in all.iter_mut() {
        p.resolved = match p
            .mention
            .and_then(|(s, e)| Some((people.resolve(doc, s, e)?, s, e)))
        {
            None => Resolved::Nobody,
            Some((name, s, e))
                if doc.text.get(doc.tokens[s].start..doc.tokens[e - 1].end)
                    == Some(name.as_str()) =>
            {
                Resolved::AsWritten
            }
            Some(_) => Resolved::Person,
        };
    }
}

/// What every rule proposes for one quote, in the order of [`RULES`].
pub(crate) fn proposals(
    doc: &Document,
    span: &QuotedSpan,
    kind: QuoteKind,
) -> (QuoteToks, Vec<Proposal>) {
    let quote = QuoteToks {
        open: doc.token_at(span.open),
        close: doc.token_at(span.close.max(span.end)),
        kind,
    };
    let mut all = Vec::new();
    let mut push = |rule: Rule, found: Option<Evidence>| {
        // A mention without a letter (`On July 6, 2015, …`) is a date or a figure, nobody.
        if let Some(mut f) = found.filter(|f| f.mention.is_none_or(|m| has_letter(doc, m))) {
            // `the past`, `sends a clear`, `our worst`: the cue may be right, the mention is
            // nobody.
            f.mention = f.mention.and_then(|m| speaker_part(doc, m)).map(|m| {
                // `said an aide to the mayor`, `A spokesman for the board said`: the person
                // with the complement naming whom they act for.
                with_its_complement(doc, m, doc.tokens.len())
            });
            all.push(Proposal {
                rule,
                pattern: if according_to(doc, f.cue) {
                    Rule::AccordingTo
                } else {
                    f.pattern
                },
                cue: f.cue,
                mention: f.mention,
                confidence: f.confidence,
                resolved: Resolved::Nobody,
            });
        }
    };
    if let Some(found) = (SIGNATURE.propose)(doc, span, quote) {
        push(SIGNATURE.rule, Some(found));
        return (quote, all);
    }
    for rule in RULES {
        push(rule.rule, (rule.propose)(doc, span, quote));
    }
    if noun_phrases::NOUN_PHRASE_CANDIDATES && !all.is_empty() {
        noun_phrases::noun_phrases(doc, quote.open, quote.close, &mut all);
    }
    (quote, all)
}

/// Whether the cue is `according to` (whichever rule found it).
fn according_to(doc: &Document, cue: Option<(usize, usize)>) -> bool {
    cue.is_some_and(|(s, e)| {
        e == s + 2
            && doc
                .tokens
                .get(s)
                .is_some_and(|t| lower(doc, t) == "according")
    })
}

/// Whether any token of the range `m` holds a letter.
fn has_letter(doc: &Document, (s, e): (usize, usize)) -> bool {
    doc.tokens.get(s..e).is_some_and(|ts| {
        ts.iter()
            .any(|t| doc.word(t).chars().any(char::is_alphabetic))
    })
}

/// Two quotes joined only by `and`, `or` or a comma.
fn coordinated(doc: &Document, a: &QuotedSpan, b: &QuotedSpan) -> bool {
    let from = doc.token_at(a.close.max(a.end));
    let to = doc.token_at(b.open);
    // Two quotes in a row across a paragraph break are not a list.
    let same_paragraph =
        from > 0 && doc.tokens.get(from - 1).map(|t| t.para) == doc.tokens.get(to).map(|t| t.para);
    same_paragraph
        && to >= from
        && to - from <= 2
        && doc.tokens[from..to].iter().all(|t| match t.kind {
            TokKind::Punct(',') => true,
            TokKind::Word => LIST_CONJUNCTIONS.contains(lower(doc, t).as_str()),
            _ => false,
        })
}

/// Whether quote `b` follows quote `a` in the same sentence and was attributed by a cue after
/// itself (the attribution closing the sentence).
fn closes_same_sentence(
    doc: &Document,
    a: &QuotedSpan,
    b: &QuotedSpan,
    found: Option<Found>,
) -> bool {
    let Some((cue, _)) = found.and_then(|f| f.cue) else {
        return false;
    };
    let from = doc.token_at(a.close.max(a.end));
    let b_close = doc.token_at(b.close.max(b.end));
    // The sentence may hide its end inside the marks (`… criminals.”¶“We will …,” he said`):
    // another paragraph is another sentence.
    let same_paragraph = doc.tokens.get(from.saturating_sub(1)).map(|t| t.para)
        == doc.tokens.get(b_close.saturating_sub(1)).map(|t| t.para);
    same_paragraph
        && cue >= b_close
        && from <= b_close
        && !doc.tokens[from.saturating_sub(1)..b_close]
            .iter()
            .any(|t| t.ends_sentence && t.quote.is_none())
        && !doc.tokens[from.saturating_sub(1)].ends_sentence
}

fn starts_paragraph(doc: &Document, tok: usize) -> bool {
    tok == 0 || doc.tokens.get(tok - 1).map(|t| t.para) != doc.tokens.get(tok).map(|t| t.para)
}
