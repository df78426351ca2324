//! The rules that read what follows the quote: the attribution right after it (`“…,” he
//! said`, `“…,” said Mr X`, `according to the report`), a signature (`― Ana Ruiz`), and the
//! attribution closing the quote's sentence (`…, a party spokesman said.`).

use super::cue::{cue_at, preceded_by_to, used_as_noun};
use super::marks::QuotedSpan;
use super::window::{
    after_window_end, after_window_end_wide, clause_closes, parenthesised, past_set_off,
    skip_adverbs,
};
use super::{Confidence, Evidence};
use crate::quotes::cues;
use crate::quotes::doc::{self, lower, Document, TokKind};
use crate::quotes::lexicon::{
    ARTICLES, ATTRIBUTION_TAILS, CLAUSE_LINKS, LONE_QUANTIFIERS, PLACE_PREPOSITIONS,
};
use crate::quotes::mentions::{self, np_starting_at, subject_before};
use crate::quotes::{QuoteKind, Rule};

pub(super) fn after_quote(
    doc: &Document,
    span: &QuotedSpan,
    kind: QuoteKind,
    close_tok: usize,
) -> Option<Evidence> {
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
    let a = past_set_off(doc, close_tok);
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
                // `“… the emails that are missing.” Trump said.`: only a sentence of subject and
                // verb of saying, and nothing else, still belongs to the quote.
                return bare_attribution(doc, a, BareClause::WholeSentence);
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
        // A base form before an article or a quantifier is a past one (`“…,” read the
        // statement`, `“…,” read one`).
        let form = lower(doc, &doc.tokens[a]);
        let before_a_determiner = doc.tokens.get(past).is_some_and(|t| {
            let next = lower(doc, t);
            ARTICLES.contains(&next) || LONE_QUANTIFIERS.contains(&next)
        });
        if cue.base != "according" && form == cue.base && !before_a_determiner {
            return subject_then_cue(doc, a, after_window_end_wide(doc, a), strict);
        }
        let np = np_starting_at(doc, past, end)?;
        if strict && !clause_closes(doc, np.1, end) {
            return None;
        }
        return Some(Evidence {
            cue: Some((a, past)),
            mention: Some(np),
            pattern: Rule::AfterQuoteInverted,
            confidence: Confidence::Certain,
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
        return bare_attribution(doc, a, BareClause::AfterQuestion)
            .or_else(|| unknown_verb_bare(doc, a));
    }
    // 3. `“…,” the nominee riffed.`: after a comma inside the marks, a subject and any verb.
    // The subject may carry one phrase of place (`“…,” a voice-over in the ad states.`).
    let mut np = np_starting_at(doc, a, wide)?;
    let place = doc
        .tokens
        .get(np.1)
        .is_some_and(|t| t.kind == TokKind::Word && PLACE_PREPOSITIONS.contains(&lower(doc, t)));
    if place {
        np.1 = np_starting_at(doc, np.1 + 1, wide)?.1;
    }
    let verb = doc.tokens.get(np.1)?;
    let w = lower(doc, verb);
    let verb_like = verb.kind == TokKind::Word
        && doc
            .word(verb)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && !mentions::is_function_word(&w)
        && (w.ends_with("ed") || w.ends_with('s'))
        // `the senator seems to be doing the same`: a verb raising an infinitive says nothing.
        && doc
            .tokens
            .get(np.1 + 1)
            .is_none_or(|t| lower(doc, t) != "to");
    verb_like.then_some(Evidence {
        cue: Some((np.1, np.1 + 1)),
        mention: Some(np),
        pattern: Rule::AfterQuoteAnyVerb,
        confidence: Confidence::Even,
    })
}

/// `“… a real disgrace.” ― Ana Ruiz`: a quote signed with a dash and a name that ends the
/// paragraph (readers' comments, posts, epigraphs). The dash is the cue: U+2015 is Unicode's
/// quotation dash, and news also signs with em and en dashes. A quote that is a paragraph of its
/// own may be signed in the next one, where a hyphen serves as the dash and a description may
/// follow the name (`“…” ¶ - Bernie Sanders, in the debate.`: fact checks, lists of quotes).
pub(super) fn dash_signature(
    doc: &Document,
    open_tok: usize,
    close_tok: usize,
) -> Option<Evidence> {
    let dash = doc.tokens.get(close_tok)?;
    let quote_end = doc.tokens.get(close_tok.checked_sub(1)?)?;
    let same_paragraph = dash.para == quote_end.para;
    let is_dash = match dash.kind {
        TokKind::Punct('\u{2015}' | '\u{2014}' | '\u{2013}') => true,
        TokKind::Punct('-') => !same_paragraph,
        _ => false,
    };
    let quote_is_paragraph = || {
        let opens = open_tok == 0
            || doc
                .tokens
                .get(open_tok - 1)
                .is_some_and(|t| t.para != quote_end.para);
        opens && dash.para == quote_end.para + 1
    };
    if !is_dash || dash.quote.is_some() || !(same_paragraph || quote_is_paragraph()) {
        return None;
    }
    let para_end = close_tok
        + doc.tokens[close_tok..]
            .iter()
            .take_while(|t| t.para == dash.para)
            .count();
    let np = np_starting_at(doc, close_tok + 1, para_end)?;
    // Only the name (and its full stop) may follow: `― Pam Reyes, who lives in Ohio` is not
    // a signature but a sentence. Signed in a paragraph of its own, a description set off by a
    // comma may follow (`- Michelle Marks, Philadelphia.`).
    let rest = &doc.tokens[np.1..para_end];
    let name_ends_paragraph = rest
        .iter()
        .all(|t| matches!(t.kind, TokKind::Punct('.' | ')' | ']')))
        || (!same_paragraph && rest.first().is_some_and(|t| t.kind == TokKind::Punct(',')));
    let capitalised = doc
        .tokens
        .get(np.0)
        .is_some_and(|t| doc.word(t).chars().next().is_some_and(char::is_uppercase));
    (name_ends_paragraph && capitalised).then_some(Evidence {
        cue: Some((close_tok, close_tok + 1)),
        mention: Some(np),
        pattern: Rule::DashSignature,
        confidence: Confidence::Signed,
    })
}

/// What may stand after the quote's closing mark for a bare clause to attribute it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BareClause {
    /// After `?` or `!`: the clause may end at a comma (`“…?” she asked, smiling.`).
    AfterQuestion,
    /// After a full stop: the clause is a whole sentence (`“…” Trump said.`).
    WholeSentence,
}

/// `Trump said.` / `said Trump.`: a sentence that is only a subject and a cue (and maybe a time
/// or place), right after a quote.
fn bare_attribution(doc: &Document, a: usize, clause: BareClause) -> Option<Evidence> {
    let end = after_window_end(doc, a);
    let closes = |k: usize| {
        k >= end
            || doc
                .tokens
                .get(k.saturating_sub(1))
                .is_some_and(|t| t.ends_sentence)
            || doc.tokens.get(k).is_some_and(|t| match t.kind {
                TokKind::Punct('.') => true,
                TokKind::Punct(',') => clause == BareClause::AfterQuestion,
                _ => false,
            })
    };
    let pattern = match clause {
        BareClause::AfterQuestion => Rule::AfterQuestion,
        BareClause::WholeSentence => Rule::AfterSentence,
    };
    if let Some((cue, past)) = cue_at(doc, a) {
        let np = np_starting_at(doc, past, end)?;
        return (closes(np.1) && !cue.gerund).then_some(Evidence {
            cue: Some((a, past)),
            mention: Some(np),
            pattern,
            confidence: Confidence::Fair,
        });
    }
    let np = np_starting_at(doc, a, end)?;
    let (cue, past) = cue_at(doc, np.1)?;
    (closes(past) && !cue.gerund).then_some(Evidence {
        cue: Some((np.1, past)),
        mention: Some(np),
        pattern,
        confidence: Confidence::Fair,
    })
}

/// `“…?” Hannity pressed.` / `“…?” reacted Trump.`: a verb outside the lexicon in a bare clause.
fn unknown_verb_bare(doc: &Document, a: usize) -> Option<Evidence> {
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
        return (ends(np.1) && doc::is_capitalised(doc, &doc.tokens[np.1 - 1])).then_some(
            Evidence {
                cue: Some((a, a + 1)),
                mention: Some(np),
                pattern: Rule::AfterQuestion,
                confidence: Confidence::Even,
            },
        );
    }
    let np = np_starting_at(doc, a, end)?;
    (is_verb(np.1) && ends(np.1 + 1)).then_some(Evidence {
        cue: Some((np.1, np.1 + 1)),
        mention: Some(np),
        pattern: Rule::AfterQuestion,
        confidence: Confidence::Even,
    })
}

fn subject_then_cue(doc: &Document, a: usize, wide: usize, strict: bool) -> Option<Evidence> {
    // The first cue with a subject (`an intelligence source, who was not authorized to speak
    // on the record, told Fox News`: not `speak`).
    let mut candidates = (a + 1..wide.min(a + 30)).filter(|&k| {
        cue_at(doc, k).is_some_and(|(c, _)| !c.gerund)
            && !used_as_noun(doc, k)
            && !preceded_by_to(doc, k)
            && {
                // Past the first 10 tokens only after a comma closing an apposition, or after
                // one long subject (`Jeffrey Lewis of the James Martin Center for
                // Nonproliferation Studies wrote`); a parenthesis (`Rep. Elijah E. Cummings
                // (D-Md.) said`) does not count.
                k < a + 10 + parenthesised(doc, a, k)
                    || doc.tokens[k - 1].kind == TokKind::Punct(',')
                    || subject_before(doc, k, a).is_some_and(|np| np.0 == a)
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
    let (np, pattern) = match inverted {
        Some(np) => (np, Rule::AfterQuoteInverted),
        None => (subject_before(doc, k, a)?, Rule::AfterQuoteSaid),
    };
    // Only a modifier of the subject may stand before it (`Italy's Northern League leader
    // Matteo Salvini wrote`); `“…” and later he said` does not attribute the quote.
    if np.0 > a
        && (doc.tokens[a..np.0].iter().any(|t| t.kind == TokKind::Mark)
            || CLAUSE_LINKS.contains(lower(doc, &doc.tokens[a]).as_str()))
    {
        return None;
    }
    if strict && !clause_closes(doc, past, wide) {
        return None;
    }
    let confidence = if cue.strength == cues::Strength::Strong {
        Confidence::Certain
    } else {
        Confidence::Good
    };
    Some(Evidence {
        cue: Some((k, past)),
        mention: Some(np),
        pattern,
        confidence,
    })
}

/// `… will carry “a great deal of weight” and help them win, a party spokesman said.`: a quote
/// inside reported speech takes the bare attribution that closes its sentence after a comma.
pub(super) fn sentence_final(doc: &Document, close_tok: usize) -> Option<Evidence> {
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
fn closing_attribution(doc: &Document, a: usize, k: usize) -> Option<Evidence> {
    // `…, said the mayor.` / `…, she said in a video message.` / `…, Comey has said.`: a subject
    // and a verb of saying, then nothing or a time or place.
    let tail_ok = |past: usize| {
        past >= k
            || doc.tokens.get(past).is_some_and(|t| {
                matches!(t.kind, TokKind::Punct('.' | '!' | '?' | ','))
                    || ATTRIBUTION_TAILS.contains(lower(doc, t).as_str())
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
    Some(Evidence {
        cue: Some(cue_span),
        mention: Some(np),
        pattern: Rule::SentenceFinal,
        confidence: Confidence::Moderate,
    })
}
