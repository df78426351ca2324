//! Reported speech: attributions without quotation marks.
//!
//! News reports far more speech than it quotes: `Mr Starmer said the commitment was sincere`,
//! `The plan will fail, the minister warned.`, `According to aides, talks have stalled.`. Each
//! sentence is read once, left to right; a verb that reports speech or thought opens an
//! attribution whose source is its subject and whose content is, as PolNeAR draws it, the
//! reported clause without the cue and the source:
//! - forwards, `X said (that) …`, `X told reporters …`, `X said on Tuesday that …`: from the
//!   word after the cue (after a recipient or a time phrase) to the end of the clause;
//! - backwards, `… , X said.` / `… , said X.` / `… , according to X.`: the sentence up to the
//!   comma before the source and cue;
//! - around, `… , X said, …`: the whole sentence, whose two halves are the content;
//! - `According to X, …`: the clause after the comma.
//!
//! Which words report speech is learnt: `reported_cues.tsv` holds, for every word form, how
//! often it heads an annotated cue in PolNeAR's train split (`scripts/train_reported.py`; a
//! form too rare to judge alone borrows the share of its verb's other inflections); the verbs
//! of `cues` count as cues too. A clause that is all quotation is left to the quotation
//! (it is a direct quote); one holding a quoted fragment is mixed speech and kept whole.
//!
//! The module is laid out by concern: [`cue`] (how likely a word is to head a cue: the learnt
//! table of cue forms and the cue model), [`clause`] (where a reported clause starts and ends),
//! one file per way an attribution is found ([`verb`]: `X said …`, `…, X said.`, `…, said X.`,
//! `…, X said, …`; [`gerund`]: `…, adding that …`; [`closing`]: the attribution closing a
//! sentence; [`raising`]: `X seems to …`, the subject inside the content; [`according`]: `according to X`; [`headline`]: title-case headlines),
//! [`nested`] (reports within and beside one another), [`content_end`] (the learnt end of a
//! clause read forwards), and this driver, which reads each sentence once. Every [`Reported`]
//! names the [`Rule`] that found it (`reported_forward`, `reported_backward`, …).

mod according;
mod asked;
mod clause;
mod closing;
mod colon;
mod content_end;
mod cue;
mod gerund;
mod headline;
mod nested;
mod poll;
mod raising;
#[cfg(test)]
mod tests;
mod verb;

use super::doc::{is_capitalised, lower, Document, TokKind, Token};
use super::rules::Rule;
use super::QuoteKind;
use according::according_to;
use asked::{asked_question, is_asked};
use clause::{is_according, is_gerund_cue, is_punct};
use closing::tail_attribution;
use colon::colon_statement;
pub use content_end::END_TEMPLATES;
pub(crate) use cue::cue_candidates;
pub use cue::CUE_TEMPLATES;
use cue::{cue_probability, cue_share, MIN_CUE_SHARE};
use gerund::gerund_cue;
use headline::is_headline;
use nested::{coordinated, overlap_share, NESTED_MAX_OVERLAP, NESTED_MIN_CONFIDENCE};
use poll::{in_a_poll, opens_a_poll};
use verb::verb_cue;

/// How many of the sentence's latest reports a new one may lie within or beside.
const RECENT_REPORTS: usize = 8;

/// A reported-speech attribution, in tokens: content and cue as `[start, end)` ranges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reported {
    pub content: (usize, usize),
    pub cue: (usize, usize),
    pub mention: Option<(usize, usize)>,
    pub confidence: f32,
    /// How the attribution was found (`reported_forward`, `reported_according_to`, …).
    pub rule: Rule,
}

/// Whether the forward report `r` holds no clause, only words on how, where or to whom
/// something was said (`said pleasantly into the phone`, `told a rally in Ohio`): no report of
/// its own when the cue attributes a quotation before it.
pub(crate) fn only_adjuncts(doc: &Document, r: &Reported) -> bool {
    is_forward(r)
        && matches!(r.rule, Rule::ReportedForward | Rule::ReportedPassive)
        && !clause::has_verb(doc, r.content)
}

/// The attributions of reported speech in the article, in text order.
pub(crate) fn reported(doc: &Document, kinds: &[QuoteKind]) -> Vec<Reported> {
    let sentences = sentences(doc);
    let probs = cue_probabilities_in(doc, &sentences);
    by_rules(doc, kinds, &probs, &sentences, &mut |r| {
        content_end::learned_end(doc, &probs, r)
    })
}

/// A sentence of the article: its tokens `[s, e)`, and whether it is a headline in title case.
/// Found once, for the cue probabilities and for the rules.
struct Sentence {
    s: usize,
    e: usize,
    headline: bool,
}

/// The sentences of the article, in text order.
fn sentences(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut s = 0;
    while s < doc.tokens.len() {
        let e = sentence_end(doc, s);
        out.push(Sentence {
            s,
            e,
            headline: is_headline(doc, s, e),
        });
        s = e;
    }
    out
}

/// A clause read forwards from its cue (`X said …`, `According to X, …`), whose end the rules
/// only bound.
fn is_forward(r: &Reported) -> bool {
    r.content.0 >= r.cue.1
}

/// How likely each token of the article is to head a cue.
pub(crate) fn cue_probabilities(doc: &Document) -> Vec<f32> {
    cue_probabilities_in(doc, &sentences(doc))
}

/// [`cue_probabilities`] of the article cut into `sentences`.
fn cue_probabilities_in(doc: &Document, sentences: &[Sentence]) -> Vec<f32> {
    let mut probs: Vec<f32> = (0..doc.tokens.len())
        .map(|i| cue_probability(doc, i))
        .collect();
    // `Ms Marsh believes the merger will collapse`: a word the model leaves just short of a
    // cue opens one when a clause with its own auxiliary follows it at once.
    for (k, p) in probs.iter_mut().enumerate() {
        if (NEAR_CUE_SHARE..MIN_CUE_SHARE).contains(p) && clause_follows(doc, k) {
            *p = MIN_CUE_SHARE;
        }
    }
    // In a headline every word is capitalised (`Senator Calls For Inquiry`): there the cue
    // table's share stands in for the model, which reads capitals as names.
    for &Sentence { s, e, .. } in sentences.iter().filter(|x| x.headline) {
        for (k, p) in probs.iter_mut().enumerate().take(e).skip(s + 1) {
            let t = &doc.tokens[k];
            if t.kind == TokKind::Word && t.quote.is_none() && is_capitalised(doc, t) {
                *p = cue_share(lower(doc, t).as_str());
            }
        }
    }
    probs
}

/// The least cue probability that a clause following the word raises to a cue's.
const NEAR_CUE_SHARE: f32 = 0.3;

/// Whether a clause with an auxiliary follows token `k`: a lower-case verb's object clause
/// (`believes the merger will collapse`), its subject one to four words before the auxiliary.
fn clause_follows(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    if t.kind != TokKind::Word || t.quote.is_some() || is_capitalised(doc, t) {
        return false;
    }
    (k + 2..(k + 6).min(doc.tokens.len()))
        .take_while(|&j| doc.tokens[j - 1].kind == TokKind::Word)
        .any(|j| {
            doc.tokens[j].kind == TokKind::Word
                && content_end::is_finite_hint(lower(doc, &doc.tokens[j]).as_str())
        })
}

/// The end of the sentence starting at token `s` (one past its last token).
fn sentence_end(doc: &Document, s: usize) -> usize {
    let n = doc.tokens.len();
    let mut e = s;
    while e < n && !doc.tokens[e].ends_sentence {
        e += 1;
    }
    (e + 1).min(n)
}

/// Every place the content-end model scores in the forward clauses the rules find, with the
/// clause as the rules bound it and the place's features (training data for the model).
#[allow(clippy::type_complexity)]
pub(crate) fn end_candidates(
    doc: &Document,
    kinds: &[QuoteKind],
) -> Vec<((usize, usize), usize, Vec<String>)> {
    let sentences = sentences(doc);
    let probs = cue_probabilities_in(doc, &sentences);
    let mut found = Vec::new();
    by_rules(doc, kinds, &probs, &sentences, &mut |r| {
        found.extend(
            content_end::end_candidates(doc, &probs, r)
                .into_iter()
                .map(|(k, features)| (r.content, k, features)),
        );
        content_end::learned_end(doc, &probs, r)
    });
    found
}

/// Where a forward clause the rules bound ends.
type EndOf<'a> = dyn FnMut(&Reported) -> usize + 'a;

/// The attributions the rules find, each forward clause ending where `end_of` says.
fn by_rules(
    doc: &Document,
    kinds: &[QuoteKind],
    probs: &[f32],
    sentences: &[Sentence],
    end_of: &mut EndOf,
) -> Vec<Reported> {
    let mut out = Vec::new();
    for sentence in sentences {
        let (s, e) = (sentence.s, sentence.e);
        // `Name: …` opening a paragraph: the sentences after the colon are its content, and are
        // read for reports of their own as well.
        if let Some(statement) = colon_statement(doc, s) {
            if !mostly_direct_quote(doc, kinds, statement.content) {
                out.push(statement);
            }
        }
        // Most sentences report nobody: without a word that may open a report, skip them.
        if let Some(first) = (s..e).find(|&k| may_open_a_report(doc, probs, (s, e), k)) {
            let reading = Reading {
                bounds: (s, e),
                first,
                headline: sentence.headline,
            };
            self::sentence(doc, probs, kinds, reading, end_of, &mut out);
        }
    }
    out
}

/// A sentence as [`sentence`] reads it: its tokens `[s, e)`, the first word that may open a
/// report (none before it may, in the sentence or in any part of it: it is not asked again),
/// and whether it is a headline.
struct Reading {
    bounds: (usize, usize),
    first: usize,
    headline: bool,
}

/// Whether token `k` of the sentence `[s, e)` may open a report: a likely cue, `according`,
/// `asked` or `in` before a poll. Always inlined into its two loops, over every word of every
/// sentence.
#[inline(always)]
fn may_open_a_report(doc: &Document, probs: &[f32], (s, e): (usize, usize), k: usize) -> bool {
    const ACCORDING: usize = "according".len();
    const ASKED: usize = "asked".len();
    const IN: usize = "in".len();
    if probs[k] >= MIN_CUE_SHARE {
        return true;
    }
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    // Asked of every word of every sentence: a word is turned away by its length and its
    // first letter (in lower case), compared without a branch, before any of the three tests
    // is called; dispatching on the length alone was mispredicted, words being of every length.
    let length = t.end - t.start;
    let first = doc.lowered.as_bytes().get(t.start).copied().unwrap_or(0);
    let may_be_one = (length == ACCORDING || length == ASKED) & (first == b'a')
        | (length == IN) & (first == b'i');
    if !may_be_one {
        return false;
    }
    match length {
        ACCORDING => is_according(doc, k),
        ASKED => is_asked(doc, s, k),
        IN => opens_a_poll(doc, k, e),
        _ => false,
    }
}

/// The attributions of the sentence `[s, e)`.
fn sentence(
    doc: &Document,
    probs: &[f32],
    kinds: &[QuoteKind],
    reading: Reading,
    end_of: &mut EndOf,
    out: &mut Vec<Reported>,
) {
    let Reading {
        bounds: (s, e),
        first: first_cue,
        headline,
    } = reading;
    // `…, the minister said.` governs the whole sentence before it: a verb inside that content
    // (`… she hoped to carry …`) reports no further than the comma.
    let tail = tail_attribution(doc, probs, s, e);
    let limit = tail.map_or(e, |t| t.content.1);
    // No word before `first_cue` may open a report in `[s, e)`, nor then in `[s, limit)`: a
    // poll phrase read to `limit` is read to `e` too.
    let mut i = first_cue;
    // The subject of the sentence's last attribution, for `…, adding that …`.
    let mut last_mention = None;
    let mut first = out.len();
    while i < limit {
        if !may_open_a_report(doc, probs, (s, limit), i) {
            i += 1;
            continue;
        }
        let found = according_to(doc, s, limit, i)
            .or_else(|| asked_question(doc, s, limit, i))
            .or_else(|| in_a_poll(doc, s, limit, i))
            .or_else(|| verb_cue(doc, probs, (s, limit), headline, i, last_mention));
        let Some((mut found, resume)) = found else {
            i += 1;
            continue;
        };
        if headline {
            found.rule = Rule::ReportedHeadline;
        }
        // A report within another one's content (`X said Y hoped …`), or beside it (`X
        // promised … and said …`).
        // The last few reports of the sentence are enough, and keep a run-on sentence of
        // hundreds of cues linear.
        let recent = first.max(out.len().saturating_sub(RECENT_REPORTS));
        let outer = out[recent..]
            .iter()
            .rposition(|o| o.content.0 < found.cue.0 && found.cue.0 < o.content.1)
            .map(|k| recent + k);
        let mut nested = false;
        if let Some(outer) = outer.map(|k| &mut out[k]) {
            if let Some(conj) = coordinated(doc, outer, &found) {
                // Two reports side by side, the first ending at the conjunction.
                let mut end = conj;
                while end > outer.content.0 && is_punct(doc, end - 1, ',') {
                    end -= 1;
                }
                outer.content.1 = end;
                if found.mention.is_none() {
                    found.mention = outer.mention;
                }
                found.rule = Rule::ReportedCoordinated;
            } else if found.confidence < NESTED_MIN_CONFIDENCE {
                i = found.cue.1.max(i + 1);
                continue;
            } else {
                nested = true;
                found.rule = Rule::ReportedNested;
            }
        }
        // The clause as read forwards ends where the content-end model says, so that a cue
        // after that end is no report within this one.
        if is_forward(&found) {
            found.content.1 = end_of(&found);
        } else if found.rule == Rule::ReportedSeemsTo {
            // `The senator seems to be slipping in the polls, which …`: the clause after the
            // cue ends as a forward one does; the subject before it is content too.
            let after_cue = Reported {
                content: (found.cue.1, found.content.1),
                ..found
            };
            found.content.1 = end_of(&after_cue);
        }
        if let Some(outer) = outer.filter(|_| nested) {
            if overlap_share(out[outer].content, found.content) >= NESTED_MAX_OVERLAP {
                i = found.cue.1.max(i + 1);
                continue;
            }
        }
        if !mostly_direct_quote(doc, kinds, found.content) {
            last_mention = found.mention.or(last_mention);
            out.push(found);
        }
        // A forward clause may itself report speech (`X said Y hoped …`, `X promised … and
        // said …`): read on inside it rather than past it.
        let resume = if found.content.0 >= found.cue.1 {
            found.content.0
        } else {
            resume
        };
        i = resume.max(i + 1);
    }
    if let Some(t) = tail {
        if !mostly_direct_quote(doc, kinds, t.content) {
            // Text order: the tail's content starts the sentence.
            while first > 0 && out[first - 1].content.0 > t.content.0 {
                first -= 1;
            }
            out.insert(first, t);
        }
        // `…, he said when asked about the vote.`: the closing attribution's adjunct may put
        // a question of its own.
        if let Some(k) = (t.cue.1..e).find(|&k| is_asked(doc, s, k)) {
            out.extend(asked_question(doc, s, e, k).map(|(q, _)| q));
        }
        // `…, said Tom Reid, a former harbour master, adding that …`: a gerund after the
        // closing source reports what that source said next.
        let after_source = t.mention.map_or(t.cue.1, |m| m.1.max(t.cue.1));
        let gerund_at = (after_source + 1..e)
            .filter(|&k| is_punct(doc, k - 1, ',') && doc.tokens[k].quote.is_none())
            .find_map(|k| Some((k, lower(doc, &doc.tokens[k]))).filter(|(_, w)| is_gerund_cue(w)));
        if let Some((mut gerund, _)) =
            gerund_at.and_then(|(k, w)| gerund_cue(doc, &w, probs[k], (s, e), k, t.mention))
        {
            gerund.content.1 = end_of(&gerund);
            if !mostly_direct_quote(doc, kinds, gerund.content) {
                out.push(gerund);
            }
        }
    }
}

/// A clause that is mostly a direct quotation is that quotation's attribution, not reported
/// speech; one holding a quoted fragment (mixed speech) is reported speech.
fn mostly_direct_quote(doc: &Document, kinds: &[QuoteKind], (a, b): (usize, usize)) -> bool {
    let Some(tokens) = doc.tokens.get(a..b) else {
        return true;
    };
    let words = |keep: &dyn Fn(&Token) -> bool| {
        tokens
            .iter()
            .filter(|t| t.kind == TokKind::Word && keep(t))
            .count()
    };
    let all = words(&|_| true);
    let quoted = words(&|t| {
        t.quote
            .is_some_and(|q| kinds.get(q as usize) != Some(&QuoteKind::NonSpeech))
    });
    let direct = words(&|t| {
        t.quote
            .is_some_and(|q| kinds.get(q as usize) == Some(&QuoteKind::Direct))
    });
    all == 0 || direct * 2 > all || quoted * 10 >= all * 8
}
