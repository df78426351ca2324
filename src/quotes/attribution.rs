//! Linking each quote to its cue and speaker mention.
//!
//! News writes attributions in a handful of orders, tried from the most to the least telling:
//! 1. after the quote, in the same sentence: `“…,” he said.` / `“…,” said Mr X, a doctor.` /
//!    `“…”, Mr Starmer said in response` / `“…,” according to the report.`;
//! 2. before the quote, in its sentence: `He said: “…”` / `Mr Starmer said Mr Trump’s
//!    commitment was “sincere”` / `criticised Mr Zelensky for suggesting a deal “is far away”`;
//! 3. a `that` clause after the subject when no verb of saying is used: `Sir Keir is clear that
//!    any deal “must be lasting”`;
//! 4. no cue at all: a direct quote that follows another quote of the same or the previous
//!    paragraph carries on that quote's speaker.

use super::cues::{self, CueWord};
use super::doc::lower;
use super::doc::{self, Document, TokKind};
use super::marks::QuotedSpan;
use super::mentions::{self, np_ending_at, np_starting_at, subject_before};
use super::people::People;
use super::ranker::{self, Proposal, QuoteToks, Resolved};
use super::QuoteKind;

#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub speaker: Option<String>,
    pub confidence: f32,
}

/// A cue and mention found as token ranges.
#[derive(Debug, Clone, Copy)]
struct Found {
    cue: Option<(usize, usize)>,
    mention: Option<(usize, usize)>,
    confidence: f32,
}

pub(crate) fn attribute(
    doc: &Document,
    spans: &[QuotedSpan],
    kinds: &[QuoteKind],
    people: &People,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(spans.len());
    // Every rule proposes; the ranker picks among disagreeing proposals (the rules' order when
    // they agree or the weights have no opinion).
    let mut previous_last: Option<String> = None;
    let mut founds: Vec<Option<Found>> = Vec::with_capacity(spans.len());
    for (span, kind) in spans.iter().zip(kinds) {
        if *kind == QuoteKind::NonSpeech {
            founds.push(None);
            continue;
        }
        let (quote, mut all) = proposals(doc, span, *kind);
        resolve_proposals(doc, people, &mut all);
        let found = (!all.is_empty()).then(|| {
            let best = ranker::choose(doc, quote, &all, previous_last.as_deref());
            Found {
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
        if founds[i].is_none()
            && (coordinated(doc, &spans[i], &spans[i + 1])
                || closes_same_sentence(doc, &spans[i], &spans[i + 1], founds[i + 1]))
        {
            founds[i] = founds[i + 1];
        }
    }
    // The last speech quote: (index, paragraph of its end).
    let mut previous: Option<(usize, u32)> = None;
    for (i, span) in spans.iter().enumerate() {
        if kinds[i] == QuoteKind::NonSpeech {
            out.push(Attribution::default());
            continue;
        }
        let open_tok = doc.token_at(span.open);
        let close_tok = doc.token_at(span.close.max(span.end));
        let para_open = doc.tokens.get(open_tok).map_or(0, |t| t.para);
        let found = founds[i];
        let attribution = match found {
            Some(f) => {
                let speaker = f.mention.and_then(|(s, e)| people.resolve(doc, s, e));
                Attribution {
                    cue: f.cue.and_then(|c| doc.byte_span(c)),
                    mention: f.mention.and_then(|m| doc.byte_span(m)),
                    confidence: if speaker.is_some() {
                        f.confidence
                    } else {
                        f.confidence * 0.5
                    },
                    speaker,
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
                    Attribution {
                        cue: prev.cue,
                        mention: prev.mention,
                        speaker: prev.speaker.clone(),
                        confidence: prev.confidence * 0.8,
                    }
                }
                _ => Attribution::default(),
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
) -> Vec<super::CandidateSet> {
    let bytes = |r: Option<(usize, usize)>| {
        let (s, e) = r?;
        Some((
            doc.tokens.get(s)?.start,
            doc.tokens.get(e.checked_sub(1)?)?.end,
        ))
    };
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
            .map(|i| super::Candidate {
                mention: bytes(all[i].mention),
                cue: bytes(all[i].cue),
                features: ranker::features(doc, quote, &all, i, previous_last.as_deref()),
            })
            .collect();
        out.push(super::CandidateSet {
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

/// What every rule proposes for one quote, in the order the rules were designed to be tried.
pub(crate) fn proposals(
    doc: &Document,
    span: &QuotedSpan,
    kind: QuoteKind,
) -> (QuoteToks, Vec<Proposal>) {
    let open_tok = doc.token_at(span.open);
    let close_tok = doc.token_at(span.close.max(span.end));
    let quote = QuoteToks {
        open: open_tok,
        close: close_tok,
        kind,
    };
    let mut all = Vec::new();
    let mut push = |rule: &'static str, found: Option<Found>| {
        // A mention without a letter (`On July 6, 2015, …`) is a date or a figure, nobody.
        if let Some(f) = found.filter(|f| f.mention.is_none_or(|m| has_letter(doc, m))) {
            all.push(Proposal {
                rule,
                cue: f.cue,
                mention: f.mention,
                confidence: f.confidence,
                resolved: Resolved::Nobody,
            });
        }
    };
    // A signed quote names its speaker beyond doubt: no other rule is asked.
    if let Some(found) = dash_signature(doc, close_tok) {
        push("signature", Some(found));
        return (quote, all);
    }
    push("after", after_quote(doc, span, kind, close_tok));
    push("before", before_quote(doc, open_tok));
    push("final", sentence_final(doc, close_tok));
    push("that", that_clause(doc, open_tok));
    push("subjverb", subject_and_verb(doc, open_tok));
    push("leadin", lead_in_sentence(doc, open_tok));
    push("possessor", possessor(doc, open_tok));
    if NOUN_PHRASE_CANDIDATES && !all.is_empty() {
        noun_phrases(doc, open_tok, close_tok, &mut all);
    }
    (quote, all)
}

/// Whether any token of the range `m` holds a letter.
fn has_letter(doc: &Document, (s, e): (usize, usize)) -> bool {
    doc.tokens.get(s..e).is_some_and(|ts| {
        ts.iter()
            .any(|t| doc.word(t).chars().any(char::is_alphabetic))
    })
}

/// Whether the noun phrases around a quote join the rules' proposals as candidate mentions.
/// Off: with weights retrained for them they moved PolNeAR dev speaker_mention from 0.877 to
/// 0.879 (train cross-validation: 0.9274 → 0.9280, no real gain) and cut extraction from ~40
/// to ~28 MB/s. Turning this on needs the weights retrained.
const NOUN_PHRASE_CANDIDATES: bool = false;

/// More candidates for the ranker, once a rule has found an attribution (never instead of
/// one): the noun phrases of the sentence before the quote and of the clause right after it,
/// with the rules' cue. Bounded: at most 8 before and 3 after.
fn noun_phrases(doc: &Document, open_tok: usize, close_tok: usize, all: &mut Vec<Proposal>) {
    let rule_cue = all.first().and_then(|p| p.cue);
    let add = |np: (usize, usize), all: &mut Vec<Proposal>| {
        if all.iter().any(|p| p.mention == Some(np)) {
            return;
        }
        // The ranker picks a speaker here, not a cue: the rules' cue stays (a cue word right
        // after the phrase is one of the phrase's features).
        let cue = rule_cue;
        all.push(Proposal {
            rule: ranker::NOUN_PHRASE,
            cue,
            mention: Some(np),
            confidence: 0.5,
            resolved: Resolved::Nobody,
        });
    };
    let mut before = Vec::new();
    let mut k = sentence_start(doc, open_tok);
    while k < open_tok {
        let t = &doc.tokens[k];
        let starts = t.kind == TokKind::Word && t.quote.is_none() && {
            let l = lower(doc, t);
            mentions::SUBJECT_PRONOUNS.contains(&l.as_str())
                || matches!(l.as_str(), "the" | "a" | "an")
                || doc::is_capitalised(doc, t)
        };
        match starts.then(|| np_starting_at(doc, k, open_tok)).flatten() {
            Some(np) if np.1 > k => {
                before.push(np);
                k = np.1;
            }
            _ => k += 1,
        }
    }
    for np in before.into_iter().rev().take(8) {
        add(np, all);
    }
    let mut a = close_tok;
    while doc
        .tokens
        .get(a)
        .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')))
    {
        a += 1;
    }
    let end = after_window_end(doc, a);
    let mut k = a;
    let mut n = 0;
    while k < end && n < 3 {
        match np_starting_at(doc, k, end) {
            Some(np) if np.1 > k => {
                add(np, all);
                n += 1;
                k = np.1;
            }
            _ => k += 1,
        }
    }
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
            TokKind::Word => matches!(lower(doc, t).as_str(), "and" | "or"),
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

/// The cue at token `i`, with the token just past it (`according to`, `shot back`).
fn cue_at(doc: &Document, i: usize) -> Option<(CueWord, usize)> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokKind::Word || t.quote.is_some() {
        return None;
    }
    let w = doc.word(t);
    // `the United States`, `the Washington Post`: a capitalised word inside a sentence is a name.
    if w.chars().next().is_some_and(char::is_uppercase)
        && i > 0
        && !doc.tokens[i - 1].ends_sentence
        && doc.tokens[i - 1].para == t.para
        && !matches!(doc.tokens[i - 1].kind, TokKind::Mark | TokKind::Punct(':'))
    {
        return None;
    }
    if w.eq_ignore_ascii_case("according") {
        let next = doc.tokens.get(i + 1)?;
        if lower(doc, next) == "to" {
            return Some((
                CueWord {
                    base: "according",
                    strength: cues::Strength::Strong,
                    gerund: false,
                },
                i + 2,
            ));
        }
        return None;
    }
    let cue = cues::cue_word(w)?;
    if noun_reading(doc, i, cue.base) || plural_noun(doc, i, cue.base) {
        return None;
    }
    if let Some(particles) = cues::particle_of(cue.base) {
        let next = doc.tokens.get(i + 1)?;
        if particles.contains(&lower(doc, next).as_str()) {
            return Some((cue, i + 2));
        }
        return None;
    }
    Some((cue, i + 1))
}

/// `his claims`, `the remarks`, `32% of Republican claims`: the `-s` form of a verb of saying
/// after a determiner, or after `of` and one word, is a plural noun.
fn plural_noun(doc: &Document, i: usize, base: &str) -> bool {
    let form = lower(doc, &doc.tokens[i]);
    if form.strip_suffix('s') != Some(base) && form.strip_suffix("es") != Some(base) {
        return false;
    }
    let word_at = |k: Option<usize>| {
        k.and_then(|k| doc.tokens.get(k))
            .filter(|t| t.kind == TokKind::Word && t.para == doc.tokens[i].para)
            .map(|t| lower(doc, t))
    };
    let determiner = word_at(i.checked_sub(1)).is_some_and(|p| {
        is_determiner(&p) || matches!(p.as_str(), "such" | "many" | "several" | "some")
    });
    let after_of =
        word_at(i.checked_sub(1)).is_some() && word_at(i.checked_sub(2)).as_deref() == Some("of");
    determiner || after_of
}

/// `private email servers`, `sensitive government emails`, `in somber comments`: verbs of
/// saying that news mostly uses as nouns are verbs, in their base or `-s` form, only after a
/// subject or an auxiliary.
fn noun_reading(doc: &Document, i: usize, base: &str) -> bool {
    if !matches!(
        base,
        "email" | "comment" | "state" | "post" | "tweet" | "note"
    ) {
        return false;
    }
    let form = lower(doc, &doc.tokens[i]);
    let plural = form.strip_suffix('s').is_some_and(|f| f == base);
    if form != base && !plural {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &doc.tokens[p]) else {
        return true;
    };
    if prev.kind != TokKind::Word {
        return true;
    }
    let p = lower(doc, prev);
    let subject = matches!(
        p.as_str(),
        "he" | "she" | "they" | "we" | "i" | "you" | "who" | "it"
    ) || (doc::is_capitalised(doc, prev) && !mentions::is_not_name(&p));
    let auxiliary = matches!(
        p.as_str(),
        "to" | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "also"
            | "often"
            | "then"
            | "that"
    );
    !(subject || auxiliary)
}

/// Where the window after a quote ends: the end of its sentence, the next quote, or 14 tokens.
fn after_window_end(doc: &Document, from: usize) -> usize {
    window_end(doc, from, 14)
}

/// A wider window for long appositions, to the end of the sentence or 40 tokens.
fn after_window_end_wide(doc: &Document, from: usize) -> usize {
    window_end(doc, from, 40)
}

/// The token after the last one of the window starting at `from`: it stops before a quotation
/// mark or quoted token, after a sentence end, or after `max` tokens.
fn window_end(doc: &Document, from: usize, max: usize) -> usize {
    let mut j = from;
    let limit = (from + max).min(doc.tokens.len());
    while j < limit {
        let t = &doc.tokens[j];
        if t.kind == TokKind::Mark || t.quote.is_some() {
            break;
        }
        j += 1;
        if t.ends_sentence {
            break;
        }
    }
    j
}

fn after_quote(
    doc: &Document,
    span: &QuotedSpan,
    kind: QuoteKind,
    close_tok: usize,
) -> Option<Found> {
    // `“… telling leaders, ‘this is not what we want,’” Wilcox said.`: the punctuation before
    // a nested quote's closing mark counts.
    let content = doc
        .text
        .get(span.start..span.end)?
        .trim_end()
        .trim_end_matches(['\'', '\u{2019}', '"', '\u{201d}', '\u{bb}', '\u{203a}']);
    let last = content.chars().next_back()?;
    let first_tok = doc.tokens.get(close_tok)?;
    let close_para = doc.tokens.get(close_tok.checked_sub(1)?)?.para;
    if first_tok.para != close_para {
        return None;
    }
    let mut a = close_tok;
    while doc
        .tokens
        .get(a)
        .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')))
    {
        a += 1;
    }
    let next = doc.tokens.get(a)?;
    let next_lower = next.kind == TokKind::Word
        && doc
            .word(next)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    // A quote ending its own sentence (`“… done.” He later said …`) is not attributed by what
    // follows, except after `?`/`!` when the attribution is a short clause of its own.
    let strict = match last {
        '.' | '\u{2026}' => {
            if !next_lower {
                return None;
            }
            false
        }
        '?' | '!' => !next_lower,
        _ => false,
    };
    let end = after_window_end(doc, a);
    if a >= end {
        return None;
    }
    // A fragment inside the writer's sentence is attributed by what follows only when set off
    // from it (`was “sincere,” he said`, `called it “unfair”, Smith said`): otherwise the
    // sentence simply goes on (`it would “have been cool” had Hillary Clinton congratulated him`).
    let set_off = a > close_tok || matches!(last, ',' | '?' | '!');
    if kind == QuoteKind::Partial && !set_off {
        return None;
    }
    // 1. `said Mr X` / `according to the report`: cue first, subject after.
    if let Some((cue, past)) = cue_at(doc, a) {
        if cue.base == "tell" || cue.gerund {
            return None;
        }
        // An inverted attribution uses a finite form (`said`, `says`, `added`); a base form
        // here is a noun or an adjective (`state Sen. Jason Holsman said`).
        let form = lower(doc, &doc.tokens[a]);
        if cue.base != "according" && form == cue.base {
            return subject_then_cue(doc, a, after_window_end_wide(doc, a), strict);
        }
        let np = np_starting_at(doc, past, end)?;
        if strict && !clause_closes(doc, np.1, end) {
            return None;
        }
        return Some(Found {
            cue: Some((a, past)),
            mention: Some(np),
            confidence: 0.95,
        });
    }
    // 2. `he said` / `Mr Trump wrote` / `Nigel Farage, an ally, said` / `Italy's Northern
    // League leader Matteo Salvini wrote`: the first cue of the window, and its subject.
    let wide = after_window_end_wide(doc, a);
    let found = subject_then_cue(doc, a, wide, strict);
    if found.is_some() || !matches!(last, ',' | '?' | '!') {
        return found;
    }
    if last != ',' {
        // `“…?” Hannity pressed.`: after a question, only a bare clause.
        return bare_attribution(doc, a).or_else(|| unknown_verb_bare(doc, a));
    }
    // 3. `“…,” the nominee riffed.`: after a comma inside the marks, a subject and any verb.
    let np = np_starting_at(doc, a, wide)?;
    let verb = doc.tokens.get(np.1)?;
    let w = lower(doc, verb);
    let verb_like = verb.kind == TokKind::Word
        && doc
            .word(verb)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && !mentions::is_function_word(&w)
        && (w.ends_with("ed") || w.ends_with('s'));
    verb_like.then_some(Found {
        cue: Some((np.1, np.1 + 1)),
        mention: Some(np),
        confidence: 0.5,
    })
}

/// `“… a real disgrace.” ― Ana Ruiz`: a quote signed with a dash and a name that ends the
/// paragraph (readers' comments, posts, epigraphs). The dash is the cue: U+2015 is Unicode's
/// quotation dash, and news also signs with em and en dashes.
fn dash_signature(doc: &Document, close_tok: usize) -> Option<Found> {
    let dash = doc.tokens.get(close_tok)?;
    let quote_end = doc.tokens.get(close_tok.checked_sub(1)?)?;
    let is_dash = matches!(
        dash.kind,
        TokKind::Punct('\u{2015}' | '\u{2014}' | '\u{2013}')
    );
    if !is_dash || dash.para != quote_end.para || dash.quote.is_some() {
        return None;
    }
    let para_end = close_tok
        + doc.tokens[close_tok..]
            .iter()
            .take_while(|t| t.para == dash.para)
            .count();
    let np = np_starting_at(doc, close_tok + 1, para_end)?;
    // Only the name (and its full stop) may follow: `― Pam Reyes, who lives in Ohio` is not
    // a signature but a sentence.
    let name_ends_paragraph = doc.tokens[np.1..para_end]
        .iter()
        .all(|t| matches!(t.kind, TokKind::Punct('.' | ')' | ']')));
    let capitalised = doc
        .tokens
        .get(np.0)
        .is_some_and(|t| doc.word(t).chars().next().is_some_and(char::is_uppercase));
    (name_ends_paragraph && capitalised).then_some(Found {
        cue: Some((close_tok, close_tok + 1)),
        mention: Some(np),
        confidence: 0.9,
    })
}

/// `Trump said.` / `said Trump.`: a sentence that is only a subject and a cue (and maybe a time
/// or place), right after a quote.
fn bare_attribution(doc: &Document, a: usize) -> Option<Found> {
    let end = after_window_end(doc, a);
    let closes = |k: usize| {
        k >= end
            || doc
                .tokens
                .get(k.saturating_sub(1))
                .is_some_and(|t| t.ends_sentence)
            || doc
                .tokens
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokKind::Punct('.' | ',')))
    };
    if let Some((cue, past)) = cue_at(doc, a) {
        let np = np_starting_at(doc, past, end)?;
        return (closes(np.1) && !cue.gerund).then_some(Found {
            cue: Some((a, past)),
            mention: Some(np),
            confidence: 0.7,
        });
    }
    let np = np_starting_at(doc, a, end)?;
    let (cue, past) = cue_at(doc, np.1)?;
    (closes(past) && !cue.gerund).then_some(Found {
        cue: Some((np.1, past)),
        mention: Some(np),
        confidence: 0.7,
    })
}

/// `“…?” Hannity pressed.` / `“…?” reacted Trump.`: a verb outside the lexicon in a bare clause.
fn unknown_verb_bare(doc: &Document, a: usize) -> Option<Found> {
    let end = after_window_end(doc, a);
    let is_verb = |k: usize| {
        doc.tokens.get(k).is_some_and(|v| {
            v.kind == TokKind::Word
                && doc.word(v).chars().next().is_some_and(char::is_lowercase)
                && lower(doc, v).ends_with("ed")
        })
    };
    let ends = |k: usize| {
        k >= end
            || doc
                .tokens
                .get(k.saturating_sub(1))
                .is_some_and(|t| t.ends_sentence)
            // `“…?” Hannity pressed.`: the full stop closing the clause.
            || doc
                .tokens
                .get(k)
                .is_some_and(|t| t.ends_sentence && matches!(t.kind, TokKind::Punct(_)))
    };
    if is_verb(a) {
        let np = np_starting_at(doc, a + 1, end)?;
        return (ends(np.1) && doc::is_capitalised(doc, &doc.tokens[np.1 - 1])).then_some(Found {
            cue: Some((a, a + 1)),
            mention: Some(np),
            confidence: 0.5,
        });
    }
    let np = np_starting_at(doc, a, end)?;
    (is_verb(np.1) && ends(np.1 + 1)).then_some(Found {
        cue: Some((np.1, np.1 + 1)),
        mention: Some(np),
        confidence: 0.5,
    })
}

fn subject_then_cue(doc: &Document, a: usize, wide: usize, strict: bool) -> Option<Found> {
    // The first cue with a subject (`an intelligence source, who was not authorized to speak
    // on the record, told Fox News`: not `speak`).
    let mut candidates = (a + 1..wide.min(a + 30)).filter(|&k| {
        cue_at(doc, k).is_some_and(|(c, _)| !c.gerund)
            && !used_as_noun(doc, k)
            && !preceded_by_to(doc, k)
            && {
                // Past the first 10 tokens only after a comma closing an apposition; a
                // parenthesis (`Rep. Elijah E. Cummings (D-Md.) said`) does not count.
                k < a + 10 + parenthesised(doc, a, k)
                    || doc.tokens[k - 1].kind == TokKind::Punct(',')
            }
    });
    let k = candidates.find(|&k| {
        subject_before(doc, k, a).is_some()
            || (doc.tokens[k - 1].kind == TokKind::Punct(',')
                && cue_at(doc, k)
                    .is_some_and(|(_, past)| np_starting_at(doc, past, wide).is_some()))
    })?;
    let (cue, past) = cue_at(doc, k)?;
    // `“…” in the 2008 primary, said Ohio State University professor Paul Beck.`; not `…, a
    // supporter, told the New Yorker`, whose object is the listener.
    let inverted = (k > a && doc.tokens[k - 1].kind == TokKind::Punct(',') && cue.base != "tell")
        .then(|| np_starting_at(doc, past, wide))
        .flatten()
        .filter(|np| doc::is_capitalised(doc, &doc.tokens[np.1 - 1]));
    let np = match inverted {
        Some(np) => np,
        None => subject_before(doc, k, a)?,
    };
    // Only a modifier of the subject may stand before it (`Italy's Northern League leader
    // Matteo Salvini wrote`); `“…” and later he said` does not attribute the quote.
    if np.0 > a
        && (doc.tokens[a..np.0].iter().any(|t| t.kind == TokKind::Mark)
            || matches!(
                lower(doc, &doc.tokens[a]).as_str(),
                "and" | "but" | "then" | "so" | "as" | "when"
            ))
    {
        return None;
    }
    if strict && !clause_closes(doc, past, wide) {
        return None;
    }
    let confidence = if cue.strength == cues::Strength::Strong {
        0.95
    } else {
        0.75
    };
    Some(Found {
        cue: Some((k, past)),
        mention: Some(np),
        confidence,
    })
}

/// How many of the tokens `[a, k)` stand in parentheses, the parentheses included.
fn parenthesised(doc: &Document, a: usize, k: usize) -> usize {
    let mut depth = 0usize;
    let mut count = 0;
    for t in doc.tokens.get(a..k).unwrap_or(&[]) {
        match t.kind {
            TokKind::Punct('(') => {
                depth += 1;
                count += 1;
            }
            TokKind::Punct(')') if depth > 0 => {
                depth -= 1;
                count += 1;
            }
            _ if depth > 0 => count += 1,
            _ => {}
        }
    }
    count
}

/// After `?` or `!`, an attribution is a clause of its own (`“Why?” Todd asked the mogul.`),
/// not a cue that reports something else (`“Why?” He later said countries had “acted well”`,
/// `He said that …`).
fn clause_closes(doc: &Document, past: usize, _end: usize) -> bool {
    let mut k = past;
    while let Some(t) = doc.tokens.get(k) {
        if t.kind == TokKind::Mark || (t.kind == TokKind::Word && lower(doc, t) == "that") {
            return false;
        }
        if t.ends_sentence || k > past + 25 {
            break;
        }
        k += 1;
    }
    true
}

/// The first token of the sentence holding token `tok` (reading back at most 60 tokens).
fn sentence_start(doc: &Document, tok: usize) -> usize {
    let para = doc.tokens.get(tok).map(|t| t.para);
    let lo = tok.saturating_sub(60);
    let mut i = tok;
    while i > lo {
        let t = &doc.tokens[i - 1];
        if Some(t.para) != para || (t.ends_sentence && t.quote.is_none()) {
            break;
        }
        if t.ends_sentence && t.kind == TokKind::Mark {
            break;
        }
        i -= 1;
    }
    i
}

fn before_quote(doc: &Document, open_tok: usize) -> Option<Found> {
    let floor = sentence_start(doc, open_tok);
    // The clause of the quote first: `Jindal signed an order, while Mike Huckabee proposed we
    // “wake up …”`, `After Tanden informed Soros …, Tanden wrote that Soros “said …”`.
    let clause = clause_start(doc, floor, open_tok);
    if clause > floor {
        if let Some(found) = before_in(doc, clause, open_tok).filter(|f| f.mention.is_some()) {
            return Some(found);
        }
    }
    before_in(doc, floor, open_tok)
}

/// The start of the clause holding the quote: after the last `;`, `, while`, `, but`,
/// `whereas` before it, or after the comma that closes an opening subordinate clause (`After
/// …, `, `When …, `).
fn clause_start(doc: &Document, floor: usize, open_tok: usize) -> usize {
    let mut start = floor;
    if let Some(first) = doc.tokens.get(floor) {
        let w = lower(doc, first);
        if matches!(
            w.as_str(),
            "after"
                | "when"
                | "while"
                | "as"
                | "before"
                | "since"
                | "although"
                | "though"
                | "if"
                | "once"
                | "because"
                | "whereas"
        ) {
            if let Some(c) = (floor..open_tok).find(|&k| doc.tokens[k].kind == TokKind::Punct(','))
            {
                start = c + 1;
            }
        }
    }
    let first = start;
    for k in first..open_tok {
        let t = &doc.tokens[k];
        if t.quote.is_some() {
            continue;
        }
        let boundary = match t.kind {
            TokKind::Punct(';') => true,
            TokKind::Word => {
                matches!(lower(doc, t).as_str(), "while" | "whereas")
                    || (lower(doc, t) == "but"
                        && k > 0
                        && doc.tokens[k - 1].kind == TokKind::Punct(','))
            }
            _ => false,
        };
        if boundary {
            start = k + 1;
        }
    }
    start
}

/// The best cue of the tokens `[floor, open_tok)` and its subject.
fn before_in(doc: &Document, floor: usize, open_tok: usize) -> Option<Found> {
    // Every cue of the sentence before the quote is a candidate; the nearest strong cue with a
    // subject wins. A spurious verb near the quote (`schools that reminded him of “…”`, `the
    // refusal to call the attack “…”`) loses to the verb of saying that governs the sentence.
    let mut best: Option<(i32, Found)> = None;
    let mut candidates: Vec<(i32, Found)> = Vec::new();
    let mut j = open_tok;
    while j > floor {
        j -= 1;
        let t = &doc.tokens[j];
        if t.quote.is_some() {
            continue;
        }
        let Some((cue, past)) = cue_at(doc, j) else {
            continue;
        };
        if past > open_tok || used_as_noun(doc, j) || passive(doc, j) {
            continue;
        }
        let non_finite = cue.gerund || preceded_by_to(doc, j);
        let mention = if cue.base == "according" {
            np_starting_at(doc, past, open_tok)
        } else if non_finite {
            gerund_subject(doc, j, floor)
        } else {
            // `But, said Solovey, “…”`, `In other words, explained CBS moderator Nancy Cordes:
            // “…”`: after a comma, the subject follows the cue, closed by a comma or colon.
            let inverted = (j > floor && doc.tokens[j - 1].kind == TokKind::Punct(','))
                .then(|| np_starting_at(doc, past, open_tok))
                .flatten()
                .filter(|np| {
                    doc.tokens
                        .get(np.1)
                        .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | ':')))
                        && doc::is_capitalised(doc, &doc.tokens[np.1 - 1])
                });
            inverted
                .or_else(|| subject_before(doc, j, floor))
                .or_else(|| {
                    np_starting_at(doc, past, open_tok).filter(|np| {
                        doc.tokens
                            .get(np.1)
                            .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | ':')))
                    })
                })
        };
        // `it's raising questions`: an `-s` form with no subject is a plural noun.
        if mention.is_none() && cue.base != "according" && lower(doc, t).ends_with('s') {
            continue;
        }
        let strong = cue.strength == cues::Strength::Strong;
        let mut score = 0;
        score += if strong { 4 } else { 1 };
        score += if mention.is_some() { 4 } else { 0 };
        // A cue with another quote between it and this one most likely introduced that quote
        // (`21 percent said “not too likely” and 14 percent said “not at all likely”`).
        if doc.tokens[past..open_tok]
            .iter()
            .any(|x| x.kind == TokKind::Mark)
        {
            score -= 3;
        }
        let confidence = match (strong, mention.is_some()) {
            (true, true) => 0.85,
            (false, true) => 0.7,
            _ => 0.4,
        };
        let found = Found {
            cue: Some((j, past)),
            mention,
            confidence,
        };
        // Candidates come nearest first; a farther one must score higher, or govern the nearer
        // one (below).
        match &best {
            Some((b, _)) if score <= *b => {}
            _ => best = Some((score, found)),
        }
        candidates.push((score, found));
    }
    if let Some((top, mut chosen)) = best {
        // Among equals the outer cue wins when the nearer cue's clause is its complement:
        // `Bolton said he would advise Trump on “…”` is Bolton's saying; `a woman asked for a
        // photo and Clinton said, “…”` is not the woman's.
        for (score, outer) in candidates.iter().filter(|(s, _)| *s == top) {
            let (Some((_, outer_past)), Some((inner_start, _))) = (outer.cue, chosen.mention)
            else {
                continue;
            };
            let outer_start = outer.cue.map_or(0, |c| c.0);
            let inner_cue = chosen.cue.map_or(0, |c| c.0);
            if outer_start >= inner_cue || *score != top {
                continue;
            }
            // Separated clauses (`asked for a photo and Clinton said`) keep the nearer cue.
            let governs = outer_past <= inner_start
                && !doc.tokens[outer_past..inner_start]
                    .iter()
                    .any(|t| match t.kind {
                        TokKind::Punct(',' | ';' | ':') | TokKind::Mark => true,
                        TokKind::Word => matches!(
                            lower(doc, t).as_str(),
                            "and"
                                | "but"
                                | "when"
                                | "while"
                                | "as"
                                | "after"
                                | "before"
                                | "because"
                                | "so"
                                | "then"
                        ),
                        _ => false,
                    });
            if governs {
                chosen = *outer;
            }
        }
        return Some(chosen);
    }
    // A colon lead-in without a verb: `Mr Trump on Twitter: “…”`.
    let prev = open_tok.checked_sub(1)?;
    if prev >= floor && doc.tokens[prev].kind == TokKind::Punct(':') {
        // `Perez lobbies for a higher minimum wage: “…”`: the subject of the clause, and its
        // verb as the cue when there is one; `Trump on Twitter: “…”`: the phrase before.
        // `… – Michael P. McDonald: “…”`, `doesn’t surprise Republican pollster Daron Shaw:
        // “…”`: a name right before the colon, unless it is the object of a preposition
        // (`delivered a blunt message to Trump: “…”`).
        if let Some(np) = np_ending_at(doc, prev, floor) {
            let named = doc::is_capitalised(doc, &doc.tokens[np.1 - 1]);
            let after_preposition = np.0 > floor
                && matches!(
                    lower(doc, &doc.tokens[np.0 - 1]).as_str(),
                    "to" | "for"
                        | "with"
                        | "at"
                        | "on"
                        | "in"
                        | "of"
                        | "about"
                        | "by"
                        | "from"
                        | "into"
                        | "than"
                );
            if named && !after_preposition {
                return Some(Found {
                    cue: Some((prev, prev + 1)),
                    mention: Some(np),
                    confidence: 0.6,
                });
            }
        }
        let clause = clause_start(doc, floor, prev);
        let subject = mentions::opening_np(doc, clause, prev);
        if let Some(np) = subject.filter(|np| np.1 < prev) {
            let verb = skip_adverbs(doc, np.1, prev);
            let verb_like = doc.tokens.get(verb).is_some_and(|v| {
                v.kind == TokKind::Word
                    && doc.word(v).chars().next().is_some_and(char::is_lowercase)
                    && !mentions::is_function_word(&lower(doc, v))
            });
            return Some(Found {
                cue: Some(if verb_like && verb < prev {
                    (verb, verb + 1)
                } else {
                    (prev, prev + 1)
                }),
                mention: Some(np),
                confidence: 0.6,
            });
        }
        return Some(Found {
            cue: Some((prev, prev + 1)),
            mention: np_ending_at(doc, prev, floor),
            confidence: 0.5,
        });
    }
    None
}

/// Articles, possessive determiners and demonstratives: the words that open a noun phrase.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "these"
            | "those"
            | "this"
            | "whose"
    )
}

/// `his remarks`, `Ginsburg’s comments`, `the anti-Muslim remarks`: a cue word after a
/// determiner or a possessive is a noun.
fn used_as_noun(doc: &Document, j: usize) -> bool {
    let opens_np = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && {
                let l = lower(doc, t);
                doc::is_possessive(&l) || is_determiner(&l)
            }
        })
    };
    let w = lower(doc, &doc.tokens[j]);
    // Right after a determiner even a participle is an adjective (`Trump’s repeated calls`).
    if j >= 1 && opens_np(j - 1) {
        return true;
    }
    // Two words after one: `the official said` is a verb, `a prepared text`, `a blunt message`
    // and `the Paris attacks` are nouns.
    if j >= 2 && opens_np(j - 2) {
        let between = &doc.tokens[j - 1];
        if between.kind != TokKind::Word {
            return false;
        }
        let b = lower(doc, between);
        let past = w.ends_with("ed")
            || matches!(
                w.as_str(),
                "said" | "told" | "wrote" | "spoke" | "thought" | "read"
            );
        if past {
            return false;
        }
        // `a statement calling on …`, `a memo saying …`: a participle after a noun reports what
        // the document says.
        if w.ends_with("ing") && !b.ends_with("ing") {
            return false;
        }
        let third_person = w.ends_with('s');
        let adjective = b.contains('-')
            || ["ic", "ive", "ous", "ful", "less", "al"]
                .iter()
                .any(|x| b.ends_with(x));
        return adjective
            || (!third_person && !b.ends_with('s'))
            || (third_person && doc::is_capitalised(doc, between));
    }
    false
}

/// `the staffer was charged`, `is described as`: a passive participle reports nobody's words.
fn passive(doc: &Document, j: usize) -> bool {
    let w = lower(doc, &doc.tokens[j]);
    if !(w.ends_with("ed")
        || matches!(w.as_str(), "told" | "said" | "written" | "thought" | "seen"))
    {
        return false;
    }
    let mut k = j;
    while k > 0 {
        let prev = lower(doc, &doc.tokens[k - 1]);
        if prev.ends_with("ly") || matches!(prev.as_str(), "also" | "not" | "often" | "widely") {
            k -= 1;
            continue;
        }
        return matches!(
            prev.as_str(),
            "was" | "were" | "is" | "are" | "been" | "being" | "be"
        );
    }
    false
}

fn preceded_by_to(doc: &Document, j: usize) -> bool {
    j > 0 && lower(doc, &doc.tokens[j - 1]) == "to"
}

/// The subject of a gerund or infinitive cue. After a preposition (`criticised Mr Zelensky for
/// suggesting`) it is the nearest name before; otherwise (`released a statement saying`) the
/// subject of the sentence.
fn gerund_subject(doc: &Document, cue: usize, floor: usize) -> Option<(usize, usize)> {
    // `with Donald Trump tweeting that …`, `Carson privately saying …`: a name right before the
    // gerund is its subject.
    let mut k = cue;
    while k > floor && {
        let l = lower(doc, &doc.tokens[k - 1]);
        l.ends_with("ly") && l.len() > 4
    } {
        k -= 1;
    }
    if k > floor && doc::is_capitalised(doc, &doc.tokens[k - 1]) {
        if let Some(np) = np_ending_at(doc, k, floor) {
            if doc::is_capitalised(doc, &doc.tokens[np.1 - 1]) {
                return Some(np);
            }
        }
    }
    let prev = cue.checked_sub(1).map(|p| lower(doc, &doc.tokens[p]));
    if matches!(prev.as_deref(), Some("for" | "of")) {
        // `criticised Mr Zelensky for suggesting`: the nearest name before, taken whole and not
        // when it modifies a noun (`their Oval Office clash`).
        let mut j = cue - 1;
        while j > floor {
            let t = &doc.tokens[j - 1];
            if t.quote.is_none() && doc::is_capitalised(doc, t) {
                let next_ok = doc.tokens.get(j).is_none_or(|n| match n.kind {
                    TokKind::Word => {
                        !doc::is_capitalised(doc, n) && mentions::is_function_word(&lower(doc, n))
                    }
                    _ => true,
                });
                if next_ok {
                    if let Some(np) = np_ending_at(doc, j, floor) {
                        return Some(np);
                    }
                }
            }
            j -= 1;
        }
        return None;
    }
    // `Bradley apologized after they came out, saying …`: after a comma the gerund shares the
    // subject of the sentence; `He issued a statement saying`, `Obama ended by saying`: the
    // nearest subject.
    if prev.as_deref() == Some(",") {
        // `The rival will play the “woman card,” Fiorina said, adding that …`: the subject of
        // the nearest verb of saying before the comma, else the sentence's subject.
        let mut k = cue - 1;
        while k > floor {
            k -= 1;
            if doc.tokens[k].quote.is_some() {
                continue;
            }
            if let Some((found, past)) = cue_at(doc, k) {
                if found.gerund || used_as_noun(doc, k) || passive(doc, k) {
                    continue;
                }
                // `“…,” said Rep. Bobby Scott, adding that …`: inverted after a comma or a quote.
                let inverted = (k > floor
                    && matches!(doc.tokens[k - 1].kind, TokKind::Punct(',') | TokKind::Mark))
                .then(|| np_starting_at(doc, past, cue))
                .flatten()
                .filter(|np| doc::is_capitalised(doc, &doc.tokens[np.1 - 1]));
                if let Some(np) = inverted.or_else(|| subject_before(doc, k, floor)) {
                    return Some(np);
                }
            }
        }
        if let Some(np) = mentions::opening_np(doc, floor, cue) {
            return Some(np);
        }
    }
    mentions::nearest_subject(doc, cue, floor)
}

/// `Sir Keir is clear that any deal “must be lasting”`: with no verb of saying, a subject, a
/// short predicate and `that` before the quote make a weak attribution.
fn that_clause(doc: &Document, open_tok: usize) -> Option<Found> {
    let floor = sentence_start(doc, open_tok);
    let that = (floor..open_tok)
        .find(|&k| doc.tokens[k].quote.is_none() && lower(doc, &doc.tokens[k]) == "that")?;
    let np = mentions::opening_np(doc, floor, that)?;
    let pred = (np.1, that);
    if pred.1 <= pred.0 || pred.1 - pred.0 > 3 {
        return None;
    }
    let all_lower_words = (pred.0..pred.1).all(|k| {
        let t = &doc.tokens[k];
        t.kind == TokKind::Word && doc.word(t).chars().next().is_some_and(char::is_lowercase)
    });
    if !all_lower_words {
        return None;
    }
    Some(Found {
        cue: Some(pred),
        mention: Some(np),
        confidence: 0.5,
    })
}

/// The subject of the quote's sentence and the verb right after it, for verbs outside the
/// lexicon: `The council voted 6-1 for the resolution which said the city “condemns …”` is
/// weak evidence, trusted only for a named or pronoun subject.
fn subject_and_verb(doc: &Document, open_tok: usize) -> Option<Found> {
    let floor = sentence_start(doc, open_tok);
    let np = mentions::opening_np(doc, floor, open_tok)?;
    let mut after_np = np.1;
    // `Washington, star of television’s “Scandal,” thanked Obama for “…”`: over an apposition.
    if doc
        .tokens
        .get(after_np)
        .is_some_and(|t| t.kind == TokKind::Punct(','))
    {
        after_np = (after_np + 1..open_tok.min(after_np + 16))
            .find(|&k| {
                doc.tokens[k].kind == TokKind::Punct(',') && doc.tokens[k].quote.is_none()
                    || (doc.tokens[k].kind == TokKind::Punct(',')
                        && k > 0
                        && doc.tokens[k - 1].kind == TokKind::Mark)
            })
            .map_or(after_np, |k| k + 1);
    }
    let verb = skip_adverbs(doc, after_np, open_tok);
    let v = doc.tokens.get(verb)?;
    if verb >= open_tok || v.kind != TokKind::Word || v.quote.is_some() {
        return None;
    }
    let w = lower(doc, v);
    let verb_like = doc.word(v).chars().next().is_some_and(char::is_lowercase)
        && !mentions::is_function_word(&w)
        && (w.ends_with("ed") || w.ends_with('s'));
    let named = doc::is_capitalised(doc, &doc.tokens[np.1 - 1])
        || matches!(
            lower(doc, &doc.tokens[np.0]).as_str(),
            "he" | "she" | "they" | "the" | "a" | "an"
        );
    if !(verb_like && named) {
        return None;
    }
    Some(Found {
        cue: Some((verb, verb + 1)),
        mention: Some(np),
        confidence: 0.45,
    })
}

fn skip_adverbs(doc: &Document, mut k: usize, limit: usize) -> usize {
    while k < limit && {
        let l = lower(doc, &doc.tokens[k]);
        (l.ends_with("ly") && l.len() > 4)
            || matches!(
                l.as_str(),
                "also"
                    | "then"
                    | "later"
                    | "again"
                    | "has"
                    | "had"
                    | "have"
                    | "on"
                    | "last"
                    | "this"
            )
            || mentions::is_day_name(&l)
    } {
        k += 1;
    }
    k
}

/// `Iowa State University's Dianne Bystrom agreed. “…”` or a paragraph ending `Cruz called them
/// on it:` before a paragraph that is a quote: a short sentence of subject and verb introduces
/// the quote that opens the next sentence.
fn lead_in_sentence(doc: &Document, open_tok: usize) -> Option<Found> {
    if sentence_start(doc, open_tok) != open_tok || open_tok == 0 {
        return None;
    }
    let last = open_tok - 1;
    let end_tok = &doc.tokens[last];
    let colon = end_tok.kind == TokKind::Punct(':');
    let same_para = doc.tokens[open_tok].para == end_tok.para;
    if !colon && !same_para && end_tok.kind == TokKind::Punct('.') {
        // `Valastro praised the governor’s leadership.¶“We need someone …”`: a paragraph that
        // is only a quote, after a paragraph closed by a verb of saying with its subject.
        let start = sentence_start(doc, last);
        let quote_paragraph = doc.tokens[open_tok..]
            .iter()
            .take_while(|t| t.para == doc.tokens[open_tok].para)
            .all(|t| t.quote.is_some() || t.kind != TokKind::Word);
        if !quote_paragraph || doc.tokens[start..last].iter().any(|t| t.quote.is_some()) {
            return None;
        }
        return before_in(doc, start, last)
            .filter(|f| f.mention.is_some() && f.confidence >= 0.8)
            .map(|f| Found {
                confidence: 0.4,
                ..f
            });
    }
    if !(colon || (same_para && end_tok.kind == TokKind::Punct('.'))) {
        return None;
    }
    if !colon && doc.tokens[open_tok].para != end_tok.para {
        return None;
    }
    let start = sentence_start(doc, last);
    // `“…,” said Capt. Pardo, who said he would abstain. “…”`: a lead-in holding a quote is
    // that quote's attribution; the carry-over decides.
    if doc.tokens[start..last].iter().any(|t| t.quote.is_some()) {
        return None;
    }
    if last - start > if colon { 16 } else { 8 } {
        // A longer sentence introduces the quote only through a verb of saying with a subject
        // (`Lynch announced on Monday the lawsuit against the state. “We are seeking …”`).
        return before_in(doc, start, last)
            .filter(|f| f.mention.is_some() && f.confidence >= 0.7)
            .map(|f| Found {
                confidence: 0.5,
                ..f
            });
    }
    if doc.tokens[start..last].iter().any(|t| t.quote.is_some()) {
        return None;
    }
    // The lead-in's own cue, or its subject and verb.
    let cue = (start..last).find(|&k| cue_at(doc, k).is_some_and(|(c, _)| !c.gerund));
    let np = mentions::opening_np(doc, start, last)?;
    let verb = cue.unwrap_or_else(|| skip_adverbs(doc, np.1, last));
    if verb >= last || verb < np.1 {
        return None;
    }
    Some(Found {
        cue: Some((verb, verb + 1)),
        mention: Some(np),
        confidence: if cue.is_some() { 0.7 } else { 0.45 },
    })
}

/// `… will carry “a great deal of weight” and help them win, a party spokesman said.`: a quote
/// inside reported speech takes the bare attribution that closes its sentence after a comma.
fn sentence_final(doc: &Document, close_tok: usize) -> Option<Found> {
    // The paragraph of the quote's last token (the token after it may open the next one).
    let para = doc.tokens.get(close_tok.checked_sub(1)?)?.para;
    // `… released “without delay.” Clinton plans to visit …, according to an aide.`: a quote
    // that ends its own sentence is not attributed by the next sentence's closing words.
    let last_inside = doc.tokens[..close_tok]
        .iter()
        .rev()
        .find(|t| t.kind != TokKind::Mark)?;
    let next_capital = doc.tokens.get(close_tok).is_some_and(|t| {
        t.para == para
            && t.kind == TokKind::Word
            && doc.word(t).chars().next().is_some_and(char::is_uppercase)
    });
    if next_capital
        && matches!(
            last_inside.kind,
            TokKind::Punct('.' | '!' | '?' | '\u{2026}')
        )
    {
        return None;
    }
    // The last three commas, newest first, without allocating.
    let mut commas = [usize::MAX; 3];
    let limit = (close_tok + 60).min(doc.tokens.len());
    let mut k = close_tok;
    while k < limit {
        let t = &doc.tokens[k];
        if t.para != para {
            return None;
        }
        if t.quote.is_none() {
            if t.kind == TokKind::Punct(',') {
                commas = [k, commas[0], commas[1]];
            }
            if t.ends_sentence {
                break;
            }
        }
        k += 1;
    }
    if k >= limit {
        return None;
    }
    // The attribution follows one of the last commas (`…, said Brad Bannon, a pollster.`).
    commas
        .iter()
        .filter(|&&c| c != usize::MAX && k - c <= 16)
        .find_map(|&c| closing_attribution(doc, c + 1, k))
}

/// `said the mayor.` / `she said in a letter.` / `Comey has said.` / `according to the
/// report.`: an attribution from token `a` to the sentence end `k`.
fn closing_attribution(doc: &Document, a: usize, k: usize) -> Option<Found> {
    // `…, said the mayor.` / `…, she said in a video message.` / `…, Comey has said.`: a subject
    // and a verb of saying, then nothing or a time or place.
    let tail_ok = |past: usize| {
        past >= k
            || doc.tokens.get(past).is_some_and(|t| {
                matches!(t.kind, TokKind::Punct('.' | '!' | '?' | ','))
                    || matches!(
                        lower(doc, t).as_str(),
                        "in" | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "last"
                            | "this"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                            | "today"
                            | "yesterday"
                    )
            })
    };
    let (cue_span, np) = if let Some((cue, past)) = cue_at(doc, a) {
        if cue.gerund || cue.base == "tell" {
            return None;
        }
        let np = np_starting_at(doc, past, k + 1)?;
        (tail_ok(np.1)).then_some(((a, past), np))?
    } else {
        let np = np_starting_at(doc, a, k + 1)?;
        let verb = skip_adverbs(doc, np.1, k);
        let (cue, past) = cue_at(doc, verb)?;
        (!cue.gerund && cue.strength == cues::Strength::Strong && tail_ok(past))
            .then_some(((verb, past), np))?
    };
    Some(Found {
        cue: Some(cue_span),
        mention: Some(np),
        confidence: 0.6,
    })
}

/// `Obama’s “if you like your plan” promise`, `Sanders’s call for a “revolution”`: a quote
/// right after a named possessor and a few words of its own is the possessor’s.
fn possessor(doc: &Document, open_tok: usize) -> Option<Found> {
    let floor = open_tok.saturating_sub(5);
    let mut k = open_tok;
    while k > floor {
        let t = &doc.tokens[k - 1];
        if t.kind != TokKind::Word || t.quote.is_some() || t.ends_sentence {
            return None;
        }
        let w = doc.word(t);
        // `her claim that she “never sent …”`, `his remark that …`: a possessive pronoun.
        if k < open_tok && matches!(lower(doc, t).as_str(), "his" | "her" | "their") {
            return Some(Found {
                cue: Some((k, open_tok)),
                mention: Some((k - 1, k)),
                confidence: 0.3,
            });
        }
        if doc::is_possessive(w) {
            if !doc::is_capitalised(doc, t) || k == open_tok {
                return None;
            }
            let np = np_ending_at(doc, k, k.saturating_sub(6))?;
            return Some(Found {
                cue: Some((k, open_tok)),
                mention: Some(np),
                confidence: 0.4,
            });
        }
        // Only the possessed noun, its modifiers and a preposition stand between.
        if doc::is_capitalised(doc, t) {
            return None;
        }
        k -= 1;
    }
    None
}
