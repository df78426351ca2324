//! The rules that read the quote's sentence, or the one before, without a verb of saying next
//! to the quote: a `that` clause (`Sir Keir is clear that any deal “must be lasting”`), the
//! sentence's subject and verb, a lead-in sentence (`Dianne Bystrom agreed. “…”`), and a
//! possessor (`Obama’s “if you like your plan” promise`).

use super::before::before_in;
use super::cue::cue_at;
use super::window::{sentence_start, skip_adverbs};
use super::{Confidence, Evidence};
use crate::quotes::doc::{self, lower, Document, TokKind};
use crate::quotes::lexicon::{PERSONAL_POSSESSIVES, SUBJECT_OPENERS};
use crate::quotes::mentions::{self, np_ending_at};
use crate::quotes::Rule;

/// `Sir Keir is clear that any deal “must be lasting”`: with no verb of saying, a subject, a
/// short predicate and `that` before the quote make a weak attribution.
pub(super) fn that_clause(doc: &Document, open_tok: usize) -> Option<Evidence> {
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
    Some(Evidence {
        cue: Some(pred),
        mention: Some(np),
        pattern: Rule::ThatClause,
        confidence: Confidence::Even,
    })
}

/// The subject of the quote's sentence and the verb right after it, for verbs outside the
/// lexicon: `The council voted 6-1 for the resolution which said the city “condemns …”` is
/// weak evidence, trusted only for a named or pronoun subject.
pub(super) fn subject_and_verb(doc: &Document, open_tok: usize) -> Option<Evidence> {
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
        || SUBJECT_OPENERS.contains(lower(doc, &doc.tokens[np.0]).as_str());
    if !(verb_like && named) {
        return None;
    }
    Some(Evidence {
        cue: Some((verb, verb + 1)),
        mention: Some(np),
        pattern: Rule::SubjectAndVerb,
        confidence: Confidence::Low,
    })
}

/// `Iowa State University's Dianne Bystrom agreed. “…”` or a paragraph ending `Cruz called them
/// on it:` before a paragraph that is a quote: a short sentence of subject and verb introduces
/// the quote that opens the next sentence.
pub(super) fn lead_in_sentence(doc: &Document, open_tok: usize) -> Option<Evidence> {
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
            .filter(|f| f.mention.is_some() && f.confidence.value() >= 0.8)
            .map(|f| Evidence {
                confidence: Confidence::Poor,
                pattern: Rule::LeadInSentence,
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
    if last - start > if colon { 24 } else { 8 } {
        // A longer sentence introduces the quote only through a verb of saying with a subject
        // (`Lynch announced on Monday the lawsuit against the state. “We are seeking …”`).
        return before_in(doc, start, last)
            .filter(|f| f.mention.is_some() && f.confidence.value() >= 0.7)
            .map(|f| Evidence {
                confidence: Confidence::Even,
                pattern: Rule::LeadInSentence,
                ..f
            });
    }
    if doc.tokens[start..last].iter().any(|t| t.quote.is_some()) {
        return None;
    }
    // `…, and Breitbart News responded: “…”`: the verb of saying nearest the colon and its
    // subject.
    if colon {
        if let Some(found) = before_in(doc, start, last).filter(|f| f.mention.is_some()) {
            return Some(Evidence {
                confidence: Confidence::Fair,
                pattern: Rule::LeadInSentence,
                ..found
            });
        }
    }
    // The lead-in's own cue, or its subject and verb.
    let cue = (start..last).find(|&k| cue_at(doc, k).is_some_and(|(c, _)| !c.gerund));
    let np = mentions::opening_np(doc, start, last)?;
    let verb = cue.unwrap_or_else(|| skip_adverbs(doc, np.1, last));
    if verb >= last || verb < np.1 {
        return None;
    }
    Some(Evidence {
        cue: Some((verb, verb + 1)),
        mention: Some(np),
        pattern: Rule::LeadInSentence,
        confidence: if cue.is_some() {
            Confidence::Fair
        } else {
            Confidence::Low
        },
    })
}

/// `Obama’s “if you like your plan” promise`, `Sanders’s call for a “revolution”`: a quote
/// right after a named possessor and a few words of its own is the possessor’s.
pub(super) fn possessor(doc: &Document, open_tok: usize) -> Option<Evidence> {
    let floor = open_tok.saturating_sub(5);
    let mut k = open_tok;
    while k > floor {
        let t = &doc.tokens[k - 1];
        if t.kind != TokKind::Word || t.quote.is_some() || t.ends_sentence {
            return None;
        }
        let w = doc.word(t);
        // `her claim that she “never sent …”`, `his remark that …`: a possessive pronoun.
        if k < open_tok && PERSONAL_POSSESSIVES.contains(lower(doc, t).as_str()) {
            return Some(Evidence {
                cue: Some((k, open_tok)),
                mention: Some((k - 1, k)),
                pattern: Rule::Possessor,
                confidence: Confidence::Faint,
            });
        }
        if doc::is_possessive(w) {
            if !doc::is_capitalised(doc, t) || k == open_tok {
                return None;
            }
            let np = np_ending_at(doc, k, k.saturating_sub(6))?;
            return Some(Evidence {
                cue: Some((k, open_tok)),
                mention: Some(np),
                pattern: Rule::Possessor,
                confidence: Confidence::Poor,
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
