//! The rules that read the quote's sentence before it: a verb of saying and its subject
//! (`He said: “…”`, `Mr Starmer said Mr Trump’s commitment was “sincere”`), the subject of a
//! gerund cue (`criticised Mr Zelensky for suggesting …`), and a colon lead-in without a verb
//! (`Mr Trump on Twitter: “…”`).

use super::cue::{cue_at, preceded_by_to, used_as_noun};
use super::cue_choice::{self, BeforeCue};
use super::window::{clause_start, sentence_start, skip_adverbs};
use super::{Confidence, Evidence};
use crate::quotes::cues;
use crate::quotes::doc::{self, lower, Document, TokKind};
use crate::quotes::lexicon::{CLAUSE_BOUNDARIES, GERUND_PREPOSITIONS, PREPOSITIONS};
use crate::quotes::mentions::{self, np_ending_at, np_starting_at, subject_before};
use crate::quotes::Rule;

pub(super) fn before_quote(doc: &Document, open_tok: usize) -> Option<Evidence> {
    scoped(doc, open_tok).1
}

/// Where [`before_quote`] reads from (the clause of the quote or its whole sentence) and what
/// it finds there.
pub(super) fn scoped(doc: &Document, open_tok: usize) -> (usize, Option<Evidence>) {
    let floor = sentence_start(doc, open_tok);
    // The clause of the quote first: `Jindal signed an order, while Mike Huckabee proposed we
    // “wake up …”`, `After Tanden informed Soros …, Tanden wrote that Soros “said …”`.
    let clause = clause_start(doc, floor, open_tok);
    if clause > floor {
        if let Some(found) = before_in(doc, clause, open_tok).filter(|f| f.mention.is_some()) {
            return (clause, Some(found));
        }
    }
    (floor, before_in(doc, floor, open_tok))
}

/// The best cue of the tokens `[floor, open_tok)` and its subject.
pub(super) fn before_in(doc: &Document, floor: usize, open_tok: usize) -> Option<Evidence> {
    let cues = before_cues(doc, floor, open_tok);
    if !cues.is_empty() {
        let pick = rules_pick(doc, &cues);
        return Some(cue_choice::choose(doc, open_tok, &cues, pick));
    }
    colon_lead_in(doc, floor, open_tok)
}

/// Every cue of the tokens `[floor, open_tok)` with its subject, nearest the quote first.
pub(super) fn before_cues(doc: &Document, floor: usize, open_tok: usize) -> Vec<BeforeCue> {
    let mut candidates: Vec<BeforeCue> = Vec::new();
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
        if past > open_tok || used_as_noun(doc, j) || cues::is_passive(doc, j) {
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
            (true, true) => Confidence::High,
            (false, true) => Confidence::Fair,
            _ => Confidence::Poor,
        };
        let evidence = Evidence {
            cue: Some((j, past)),
            mention,
            pattern: if non_finite {
                Rule::BeforeQuoteGerund
            } else {
                Rule::BeforeQuoteSaid
            },
            confidence,
        };
        candidates.push(BeforeCue {
            evidence,
            score,
            word: cue,
        });
    }
    candidates
}

/// The cue the hand-written rules choose among `cues` (nearest first): the nearest strong cue
/// with a subject wins, a farther one must score higher or govern the nearer one. A spurious
/// verb near the quote (`schools that reminded him of “…”`, `the refusal to call the attack
/// “…”`) loses to the verb of saying that governs the sentence.
pub(super) fn rules_pick(doc: &Document, cues: &[BeforeCue]) -> usize {
    let mut best = 0;
    for (i, c) in cues.iter().enumerate() {
        if c.score > cues[best].score {
            best = i;
        }
    }
    let top = cues[best].score;
    let mut chosen = best;
    // Among equals the outer cue wins when the nearer cue's clause is its complement:
    // `Bolton said he would advise Trump on “…”` is Bolton's saying; `a woman asked for a
    // photo and Clinton said, “…”` is not the woman's.
    for (i, outer) in cues.iter().enumerate() {
        let (Some((outer_start, outer_past)), Some((inner_start, _))) =
            (outer.evidence.cue, cues[chosen].evidence.mention)
        else {
            continue;
        };
        let inner_cue = cues[chosen].evidence.cue.map_or(0, |c| c.0);
        if outer.score != top || outer_start >= inner_cue {
            continue;
        }
        // Separated clauses (`asked for a photo and Clinton said`) keep the nearer cue.
        let governs = outer_past <= inner_start
            && !doc.tokens[outer_past..inner_start]
                .iter()
                .any(|t| match t.kind {
                    TokKind::Punct(',' | ';' | ':') | TokKind::Mark => true,
                    TokKind::Word => CLAUSE_BOUNDARIES.contains(lower(doc, t).as_str()),
                    _ => false,
                });
        if governs {
            chosen = i;
        }
    }
    chosen
}

/// A colon lead-in without a verb, when the tokens before the quote hold no cue.
fn colon_lead_in(doc: &Document, floor: usize, open_tok: usize) -> Option<Evidence> {
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
            let after_preposition =
                np.0 > floor && PREPOSITIONS.contains(lower(doc, &doc.tokens[np.0 - 1]).as_str());
            if named && !after_preposition {
                return Some(Evidence {
                    cue: Some((prev, prev + 1)),
                    mention: Some(np),
                    pattern: Rule::ColonAfterName,
                    confidence: Confidence::Moderate,
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
            return Some(Evidence {
                cue: Some(if verb_like && verb < prev {
                    (verb, verb + 1)
                } else {
                    (prev, prev + 1)
                }),
                mention: Some(np),
                pattern: Rule::ColonLeadIn,
                confidence: Confidence::Moderate,
            });
        }
        return Some(Evidence {
            cue: Some((prev, prev + 1)),
            mention: np_ending_at(doc, prev, floor),
            pattern: Rule::ColonOnly,
            confidence: Confidence::Even,
        });
    }
    None
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
    if prev
        .as_deref()
        .is_some_and(|p| GERUND_PREPOSITIONS.contains(p))
    {
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
        // `And he made a point of saying …`: no name before, the clause's subject pronoun.
        return mentions::nearest_subject(doc, cue - 1, floor).filter(|&(s, e)| {
            e == s + 1 && mentions::is_subject_pronoun(&lower(doc, &doc.tokens[s]))
        });
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
                if found.gerund || used_as_noun(doc, k) || cues::is_passive(doc, k) {
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
