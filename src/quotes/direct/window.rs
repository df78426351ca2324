//! Where a rule looks: the window after a quote, the sentence and clause before it, and the
//! words skipped between a subject and its verb.

use crate::quotes::doc::{lower, Document, TokKind};
use crate::quotes::lexicon::{BEFORE_VERB_FILLERS, CONTRAST_CONJUNCTIONS, SUBORDINATORS};
use crate::quotes::mentions;

/// Where the window after a quote ends: the end of its sentence, the next quote, or 14 tokens.
/// The first token from `k` on that is not a comma or dash setting off what follows a quote
/// (`“…,” he said`, `“…” — said Mr X`).
pub(super) fn past_set_off(doc: &Document, mut k: usize) -> usize {
    while doc
        .tokens
        .get(k)
        .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')))
    {
        k += 1;
    }
    k
}

pub(super) fn after_window_end(doc: &Document, from: usize) -> usize {
    window_end(doc, from, 14)
}

/// A wider window for long appositions, to the end of the sentence or 40 tokens.
pub(super) fn after_window_end_wide(doc: &Document, from: usize) -> usize {
    window_end(doc, from, 40)
}

/// The token after the last one of the window starting at `from`: it stops before a quotation
/// mark or quoted token, after a sentence end, or after `max` tokens.
pub(super) fn window_end(doc: &Document, from: usize, max: usize) -> usize {
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

/// How many of the tokens `[a, k)` stand in parentheses, the parentheses included.
pub(super) fn parenthesised(doc: &Document, a: usize, k: usize) -> usize {
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
pub(super) fn clause_closes(doc: &Document, past: usize, _end: usize) -> bool {
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
pub(super) fn sentence_start(doc: &Document, tok: usize) -> usize {
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

/// The start of the clause holding the quote: after the last `;`, `, while`, `, but`,
/// `whereas` before it, or after the comma that closes an opening subordinate clause (`After
/// …, `, `When …, `).
pub(super) fn clause_start(doc: &Document, floor: usize, open_tok: usize) -> usize {
    let mut start = floor;
    if let Some(first) = doc.tokens.get(floor) {
        let w = lower(doc, first);
        if SUBORDINATORS.contains(w.as_str()) {
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
                CONTRAST_CONJUNCTIONS.contains(lower(doc, t).as_str())
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

pub(super) fn skip_adverbs(doc: &Document, mut k: usize, limit: usize) -> usize {
    while k < limit && {
        let l = lower(doc, &doc.tokens[k]);
        (l.ends_with("ly") && l.len() > 4)
            || BEFORE_VERB_FILLERS.contains(l.as_str())
            || mentions::is_day_name(&l)
    } {
        k += 1;
    }
    k
}
