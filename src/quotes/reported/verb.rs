//! A verb reporting speech or thought, read forwards (`X said …`), backwards (`…, X said.`,
//! `…, said X.`) or around its clause (`…, X said, …`).

use super::clause::{
    clause_end, content_start, content_words, has_verb, is_gerund_cue, is_introductory, is_punct,
    is_yes_or_no, min_forward_words, noun_after_determiner, opens_a_clause, past_parenthetical,
    prob, starts_with_preposition, subordinator, takes_particle, MIN_CONTENT_WORDS,
};
use super::cue::{MIN_CUE_SHARE, SURE_CUE_SHARE};
use super::gerund::gerund_cue;
use super::raising::seems_to;
use super::Reported;
use crate::quotes::cues::{self, is_verb_of_saying_proper};
use crate::quotes::doc::{is_capitalised, is_word, lower, Document, TokKind};
use crate::quotes::lexicon::{
    BETWEEN_SUBJECT_AND_VERB, BE_FORMS, PROGRESSIVE_ADVERBS, RECEIVING_VERBS, STANCE_PARTICIPLES,
};
use crate::quotes::mentions::{is_subject_pronoun, np_starting_at, opening_np, subject_before};
use crate::quotes::rules::Rule;
use crate::quotes::tagger::tag;

/// Whether the cue opening at `head` is a passive, whose subject did not speak (`Sanders was
/// asked to name …`, `She is known for …`; in `was asked to explain` the verb opening the cue is
/// the passive). A participle of a view or feeling (`are concerned that …`) is no such passive:
/// its subject holds the view, as with an adjective.
fn subject_did_not_speak(doc: &Document, head: usize) -> bool {
    cues::is_passive(doc, head)
        && !STANCE_PARTICIPLES.contains(lower(doc, &doc.tokens[head]).as_str())
}

/// A verb reporting speech or thought at token `i`, forwards, backwards or around its clause.
pub(super) fn verb_cue(
    doc: &Document,
    probs: &[f32],
    (s, e): (usize, usize),
    headline: bool,
    i: usize,
    last_mention: Option<(usize, usize)>,
) -> Option<(Reported, usize)> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokKind::Word || t.quote.is_some() {
        return None;
    }
    // A capitalised word inside a sentence is a name (`Chuck Said`, `the Post Reports`),
    // except in a headline.
    if i > s && is_capitalised(doc, t) && !headline {
        return None;
    }
    let w = lower(doc, t);
    let share = prob(probs, i);
    if share < MIN_CUE_SHARE || noun_after_determiner(doc, i) {
        return None;
    }
    // `Sanders is suggesting …`: a progressive is a finite verb.
    let progressive = {
        // Over adverbs: `is already claiming`, `are increasingly admitting`.
        let mut k = i;
        while k > s + 1 && {
            let l = lower(doc, &doc.tokens[k - 1]);
            l.ends_with("ly") || PROGRESSIVE_ADVERBS.contains(l.as_str())
        } {
            k -= 1;
        }
        k > s && BE_FORMS.contains(lower(doc, &doc.tokens[k - 1]).as_str())
    };
    // `continued to say …`, `seemed to suggest …`: the infinitive is the cue, and this verb
    // only opens its span (see `head` below).
    if lower(doc, &doc.tokens[(i + 1).min(e.saturating_sub(1))]) == "to"
        && i + 2 < e
        && prob(probs, i + 2) >= MIN_CUE_SHARE
        && tag(doc, i + 2) == "VERB"
    {
        return None;
    }
    let gerund = w.ends_with("ing") && !progressive;
    if gerund {
        return gerund_cue(doc, &w, share, (s, e), i, last_mention);
    }
    // `continues to insist`, `seemed to think`: the verb governing the infinitive opens the cue
    // and its subject is the source.
    let mut head = i;
    if i > s + 1 && lower(doc, &doc.tokens[i - 1]) == "to" {
        let gov = &doc.tokens[i - 2];
        if !is_word(gov) || gov.quote.is_some() || is_capitalised(doc, gov) {
            return None;
        }
        head = i - 2;
        // `She went on to express regret`: the verb before the particle governs.
        if i > s + 2 && lower(doc, gov) == "on" && tag(doc, i - 3) == "VERB" {
            head = i - 3;
        }
    }
    // `Trump had voiced support for …`, `he expressed doubts about …`: a cue right after a
    // verb reports what that verb's subject said (read before the verb, which is no part of it).
    // (Not `faced questions about`, `drew criticism for`: their subject is who was asked.)
    // (Most cues follow their subject, a pronoun or an auxiliary: those are turned away before
    // the tagger is asked.)
    let light_verb = head == i && i > s + 1 && {
        let before = &doc.tokens[i - 1];
        let w = lower(doc, before);
        is_word(before)
            && !is_capitalised(doc, before)
            && !is_subject_pronoun(&w)
            && !BETWEEN_SUBJECT_AND_VERB.contains(w.as_str())
            && !RECEIVING_VERBS.contains(w.as_str())
            && tag(doc, i - 1) == "VERB"
    };
    let subject = light_verb
        .then(|| subject_before(doc, i - 1, s).filter(|m| m.1 < i))
        .flatten()
        .or_else(|| subject_before(doc, head, s).filter(|m| m.1 <= head));
    if head < i && subject.is_none() {
        return None; // `a plan to say`, `refused to deny`: not a report of what was said.
    }
    let mut cue = (head, i + 1);
    let mut from = content_start(doc, &w, i + 1, e);
    // `talked of reforms`, `called on the party to …`, `pointed to the polls`: the particle is
    // part of the cue (verbs of saying proper take no particle: `said in a statement`).
    if from == i + 1 && !is_verb_of_saying_proper(&w) && takes_particle(doc, from) {
        cue.1 = from + 1;
        from += 1;
    }
    let mut forward = (from, clause_end(doc, from, e));
    // (Only when the cue word is the seeming verb itself: see `seems_to`.)
    let seems = (head == i)
        .then(|| seems_to(doc, s, head, subject, forward, share))
        .flatten();
    if let Some(seems) = seems {
        // Read on inside the clause for reports within it (`The mayor seems unaware that aides
        // warned …`).
        return Some((seems, i + 1));
    }
    if let Some(mention) = subject {
        // `Mr X, who said last week that …, issued …` / `While X said …, Y …`: a relative or
        // subordinate clause reports no further than its comma.
        let sub = subordinator(doc, s, mention.0);
        // (`He said, however, that …` is not set off: the clause follows the adverb.)
        let set_off = is_punct(doc, i + 1, ',') && past_parenthetical(doc, i + 1).is_none();
        // `As X said, the plan …`: the main clause is what was said.
        let as_said = set_off && sub.as_deref() == Some("as");
        if !as_said && (lower(doc, &doc.tokens[mention.0]) == "who" || sub.is_some()) {
            let closes = |k: usize| {
                is_punct(doc, k, ',') || is_punct(doc, k, '\u{2014}') || is_punct(doc, k, '-')
            };
            if let Some(c) = (forward.0..forward.1).find(|&k| closes(k)) {
                forward.1 = c;
            }
        }
        // `…, X said, …`: the content is both halves of the sentence around the source.
        let before = (s, mention.0.saturating_sub(1));
        // `Now, she said, the two congregations rarely mix.`: an opening adverb before the
        // source is no clause, but the sentence around the source is still what was said.
        // `Asked about it, Trump replied, “Maybe so.”`: what follows is a quotation of its own
        // (opening with a capital), the quotation's attribution; the words before the source
        // are no part of it. (Not `Clinton, an aide said, “is very confident”`: there the
        // quotation goes on with the words before.)
        let quotation_follows = || {
            doc.tokens
                .get(forward.0)
                .is_some_and(|t| t.kind == TokKind::Mark || t.quote.is_some())
                && (forward.0..forward.1)
                    .find(|&k| is_word(&doc.tokens[k]))
                    .is_some_and(|k| {
                        doc.tokens[k].quote.is_some() && is_capitalised(doc, &doc.tokens[k])
                    })
        };
        let around = mention.0 > s
            && is_punct(doc, mention.0 - 1, ',')
            && (content_words(doc, before) >= MIN_CONTENT_WORDS
                || content_words(doc, forward) > MIN_CONTENT_WORDS)
            && set_off
            && !quotation_follows();
        // `…, Ms Ito said, adding that …`: the gerund reports on its own; this cue reports
        // the words before it.
        let gerund_follows = set_off
            && doc
                .tokens
                .get(forward.0)
                .is_some_and(|t| is_word(t) && is_gerund_cue(&lower(doc, t)));
        if !gerund_follows
            && (content_words(doc, forward) >= min_forward_words(&w) || is_yes_or_no(doc, forward))
            && (around
                || !starts_with_preposition(doc, forward.0)
                || opens_a_clause(doc, forward.0))
        {
            if set_off && !around && !as_said {
                return None; // `“…,” she continued, prompting cheers`: no clause reported.
            }
            let passive = subject_did_not_speak(doc, head);
            let (content, rule) = if around {
                ((s, forward.1), Rule::ReportedAround)
            } else if as_said {
                (forward, Rule::ReportedAsSaid)
            } else if passive {
                (forward, Rule::ReportedPassive)
            } else {
                (forward, Rule::ReportedForward)
            };
            return Some((
                Reported {
                    content,
                    cue,
                    mention: (rule != Rule::ReportedPassive).then_some(mention),
                    confidence: share,
                    rule,
                },
                forward.1,
            ));
        }
        // `…, X said.`: the sentence before the comma that sets off the source.
        if mention.0 > s && is_punct(doc, mention.0 - 1, ',') {
            let content = (s, mention.0 - 1);
            let reported =
                content_words(doc, content) >= MIN_CONTENT_WORDS && !is_introductory(doc, content);
            return reported.then_some((
                Reported {
                    content,
                    cue: (i, i + 1),
                    mention: Some(mention),
                    confidence: share,
                    rule: Rule::ReportedBackward,
                },
                i + 1,
            ));
        }
        return None;
    }
    // `More than six in ten voters who attended described …`: a subject too long to read is
    // still a subject when the verb is a sure cue.
    if subject.is_none()
        && share >= SURE_CUE_SHARE
        && i > s
        && is_word(&doc.tokens[i - 1])
        && !is_punct(doc, i + 1, ',')
        && content_words(doc, forward) >= MIN_CONTENT_WORDS
        && !starts_with_preposition(doc, forward.0)
    {
        // The source is the phrase that opens the clause (`The statement by the two
        // suggested`, `About 4 in 10 say`), when there is one.
        // Not of a passive (`Clinton has been asked to release …`): its subject is no source.
        let passive = subject_did_not_speak(doc, head);
        let mention = opening_np(doc, s, head).filter(|m| m.1 <= head && !passive);
        return Some((
            Reported {
                content: forward,
                cue,
                mention,
                confidence: share / 2.0,
                rule: Rule::ReportedForwardLongSubject,
            },
            forward.1,
        ));
    }
    // `…, said X.`: the source follows the cue.
    if i > s && is_punct(doc, i - 1, ',') {
        let mention = np_starting_at(doc, i + 1, e)?;
        let content = (s, i - 1);
        // `Advocates in Flint, Mich., cheered the vote`: what comes before the comma must be a
        // clause, with a verb, for the words after the cue to be its source.
        let reported = content_words(doc, content) >= MIN_CONTENT_WORDS && has_verb(doc, content);
        return reported.then_some((
            Reported {
                content,
                cue: (i, i + 1),
                mention: Some(mention),
                confidence: share,
                rule: Rule::ReportedBackwardInverted,
            },
            mention.1,
        ));
    }
    None
}
