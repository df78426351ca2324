//! A verb whose subject belongs to what it reports: `The senator seems to be slipping`,
//! `The plan appeared to stall`, `Mr Lind is widely expected to run`.
//!
//! Nobody is named as the source of such an impression or expectation; PolNeAR draws the
//! whole clause, subject included, as the content and the verb (with its auxiliary) as the cue,
//! with no source. Read as `X said …`, the subject would be taken for a speaker and the
//! content would lose it.

use super::clause::is_punct;
use super::Reported;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::lexicon::{BE_FORMS, RAISING_VERBS, RELATIVE_PRONOUNS, SEEMING_SUBJECT_STOPS};
use crate::quotes::rules::Rule;
use crate::quotes::tagger::tag;

/// The impression reported by the cue word at `head` of the sentence opening at token `s`,
/// whose subject is `subject` and whose clause read forwards is `forward`, heard with
/// probability `share`. (`seemed to suggest …`, whose cue is the verb after `to`, is read as
/// `X said …`: PolNeAR draws the source there more often than not.)
pub(super) fn seems_to(
    doc: &Document,
    s: usize,
    head: usize,
    subject: Option<(usize, usize)>,
    forward: (usize, usize),
    share: f32,
) -> Option<Reported> {
    let subject = subject?;
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| is_word(t) && t.quote.is_none())
            .map(|t| lower(doc, t))
    };
    let w = word(head)?;
    let next = word(head + 1);
    let next_is = |x: &str| next.as_deref() == Some(x);
    let cue_start = if RAISING_VERBS.contains(w.as_str()) {
        // `seems content`, `seemed unsure`: a form of `seem` raises whatever follows it;
        // `appeared` must be followed by `to` or `like` (`appeared on Fox News` is not one).
        if !(w.starts_with("seem") || next_is("to") || next_is("like")) {
            return None;
        }
        head
    } else if w == "expected" && next_is("to") {
        // `is (widely) expected to`: the passive, from its form of `be`.
        let mut k = head;
        while k > subject.1 && word(k - 1).is_some_and(|l| l.ends_with("ly")) {
            k -= 1;
        }
        if k == subject.1 || !word(k - 1).is_some_and(|l| BE_FORMS.contains(l.as_str())) {
            return None;
        }
        k - 1
    } else {
        return None;
    };
    // `…, the senator seemed, …`: set off, the verb is a parenthesis, not this clause's.
    if is_punct(doc, head + 1, ',') || forward.1 <= head {
        return None;
    }
    // `…, who seemed to …`: a subject read through a relative pronoun to the noun it stands
    // for starts the content at the pronoun.
    let from = match (subject.0..head)
        .rev()
        .find(|&k| word(k).is_some_and(|l| RELATIVE_PRONOUNS.contains(l.as_str())))
    {
        Some(pronoun) => pronoun,
        None => whole_subject_start(doc, s, subject.0),
    };
    Some(Reported {
        content: (from, forward.1),
        cue: (cue_start, head + 1),
        mention: None,
        confidence: share,
        rule: Rule::ReportedSeemsTo,
    })
}

/// Where the whole subject ending in the phrase at `from` starts, in the sentence opening at
/// `s`: the speaker rules read the nearest noun phrase (`super delegates` of `Clinton's
/// strength among super delegates appears …`), but all of the subject is part of what seems.
/// It reaches back to the sentence's start, punctuation, a word joining clauses or a verb.
fn whole_subject_start(doc: &Document, s: usize, from: usize) -> usize {
    let mut k = from;
    while k > s {
        let t = &doc.tokens[k - 1];
        if !is_word(t) || t.quote.is_some() {
            break;
        }
        let l = lower(doc, t);
        // A verb ends the subject, unless the subject holds it: an infinitive (`The plan to
        // close the harbour`) or a gerund (`The idea of wiping away the rule`).
        let infinitive = k >= 2 && lower(doc, &doc.tokens[k - 2]) == "to";
        let finite_verb = match tag(doc, k - 1) {
            "AUX" => true,
            "VERB" => !infinitive && !l.ends_with("ing"),
            _ => false,
        };
        if SEEMING_SUBJECT_STOPS.contains(l.as_str()) || finite_verb {
            break;
        }
        k -= 1;
    }
    k
}
