//! A gerund cue sharing the subject of its sentence: `…, adding that …`, `…, saying the deal
//! was dead`, `has rallied thousands by promising to …`, `… and calling him a liar`.

use super::clause::{
    clause_end, closes_with_comma, content_start, content_words, is_punct, min_forward_words,
    takes_a_gerund,
};
use super::Reported;
use crate::quotes::cues::is_verb_of_saying_proper;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::lexicon::RELATIVE_PRONOUNS;
use crate::quotes::mentions::{
    is_determiner, is_function_word, np_ending_at, np_starting_at, opening_np, subject_before,
};
use crate::quotes::rules::Rule;
use crate::quotes::tagger::{tag, VERB_TAGS};

/// The report of the gerund cue `w` at token `i` of the sentence `[s, e)`, heard with
/// probability `share`; its source is the sentence's last source, or the noun phrase opening it.
pub(super) fn gerund_cue(
    doc: &Document,
    w: &str,
    share: f32,
    (s, e): (usize, usize),
    i: usize,
    last_mention: Option<(usize, usize)>,
) -> Option<(Reported, usize)> {
    // `…, adding that …`, `…, saying the deal was dead`: the gerund shares the subject of
    // the clause before the comma.
    // So does one after a preposition or a conjunction: `has rallied thousands by promising
    // to …`, `… and calling him a liar`, `in denouncing the media`.
    if i == s {
        return None;
    }
    if !(is_punct(doc, i - 1, ',')
        // `… has “expanded the Republican party,” claiming that …`
        || closes_with_comma(doc, i - 1)
        || takes_a_gerund(doc, i - 1))
    {
        return participle_after_noun(doc, w, share, (s, e), i);
    }
    // `…, Fiorina said, adding that …`: the subject of the verb of saying right before.
    let sayer = (i >= s + 3
        && is_punct(doc, i - 1, ',')
        && is_word(&doc.tokens[i - 2])
        && is_verb_of_saying_proper(&lower(doc, &doc.tokens[i - 2])))
    .then(|| subject_before(doc, i - 2, s))
    .flatten();
    let from = content_start(doc, w, i + 1, e);
    let mut content = (from, clause_end(doc, from, e));
    // `After thanking the crowd, he touted …`, `In declaring …, the pope showed …`: a gerund
    // after a preposition opening the sentence is the main clause's subject's, and its phrase
    // ends at the comma before that subject.
    let main = (i == s + 1 && takes_a_gerund(doc, s))
        .then(|| main_clause_after(doc, from, e))
        .flatten();
    if let Some((comma, _)) = main {
        content.1 = content.1.min(comma);
    }
    let mention = main
        .map(|(_, subject)| subject)
        .or(sayer)
        .or(last_mention)
        .or_else(|| opening_np(doc, s, i - 1));
    (content_words(doc, content) >= min_forward_words(w)).then_some((
        Reported {
            content,
            cue: (i, i + 1),
            mention,
            confidence: share,
            rule: Rule::ReportedGerund,
        },
        content.1,
    ))
}

/// The parts of speech of a noun phrase's head that a participle may follow (`a group
/// backing the plan`, `others supporting a ban`, `Ms Ruiz telling reporters …`).
const NOUN_HEAD_TAGS: [&str; 3] = ["NOUN", "PROPN", "PRON"];

/// `A super PAC backing the mayor bought airtime`, `voters saying they want a ban`: a
/// participle cue right after a noun phrase is that phrase's report (a relative clause without
/// its pronoun).
fn participle_after_noun(
    doc: &Document,
    w: &str,
    share: f32,
    (s, e): (usize, usize),
    i: usize,
) -> Option<(Reported, usize)> {
    let head = &doc.tokens[i - 1];
    // (Not after the first word of a sentence: `Besides attacking …`.)
    if i - 1 == s
        || !is_word(head)
        || head.quote.is_some()
        || !NOUN_HEAD_TAGS.contains(&tag(doc, i - 1))
    {
        return None;
    }
    let (mention, opens_sentence) = participle_source(doc, s, i)?;
    let from = content_start(doc, w, i + 1, e);
    let mut content = (from, clause_end(doc, from, e));
    // `A super PAC backing the mayor bought airtime`: a phrase opening the sentence is its
    // subject, whose verb ends the participle's content.
    if opens_sentence {
        if let Some(main_verb) = (from + 1..content.1).find(|&k| finite_verb(doc, k)) {
            content.1 = main_verb;
        }
    }
    (content_words(doc, content) >= min_forward_words(w)).then_some((
        Reported {
            content,
            cue: (i, i + 1),
            mention: Some(mention),
            confidence: share,
            rule: Rule::ReportedParticiple,
        },
        content.1,
    ))
}

/// The source of the participle at `i` in the sentence starting at `s`, and whether it is the
/// phrase opening the sentence (its subject).
/// - `A super PAC backing …`: the noun phrase before the participle, with the modifiers and the
///   determiner before a capitalised head.
/// - `the KGB planted newspaper articles alleging …`, `speakers took turns urging …`: after the
///   object of a verb, the verb's subject, as PolNeAR reads it (the cue is the verb phrase).
fn participle_source(doc: &Document, s: usize, i: usize) -> Option<((usize, usize), bool)> {
    let (mut start, end) = np_ending_at(doc, i, s)?;
    while start > s + 1 && {
        let t = &doc.tokens[start - 1];
        is_word(t)
            && t.quote.is_none()
            && !t.capitalised
            && !is_function_word(&lower(doc, t))
            && tag(doc, start - 1) == "ADJ"
    } {
        start -= 1;
    }
    if start > s && is_determiner(&lower(doc, &doc.tokens[start - 1])) {
        start -= 1;
    }
    // (A participle after a determiner modifies the noun: `the combined company`.)
    let verb = (start.saturating_sub(1).max(s)..end - 1).rev().find(|&k| {
        !doc.tokens[k].capitalised
            && finite_verb(doc, k)
            && (k == 0 || !is_determiner(&lower(doc, &doc.tokens[k - 1])))
    });
    Some(match verb {
        Some(verb) => (
            subject_before(doc, verb, s).unwrap_or((verb + 1, end)),
            false,
        ),
        None => ((start, end), start == s),
    })
}

/// A verb at `k` outside quotations that is no participle in -ing (`bought`, `took`, `is`).
fn finite_verb(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    is_word(t)
        && t.quote.is_none()
        && VERB_TAGS.contains(&tag(doc, k))
        && !lower(doc, t).ends_with("ing")
}

/// The comma in `[from, end)` after which a main clause opens, and its subject: a noun phrase
/// followed (over at most two adverbs) by a verb. `, which periodically chanted his name,` opens
/// none.
fn main_clause_after(doc: &Document, from: usize, end: usize) -> Option<(usize, (usize, usize))> {
    (from + 1..end)
        .filter(|&k| is_punct(doc, k, ','))
        .find_map(|k| {
            let subject = np_starting_at(doc, k + 1, end)?;
            let verb = (subject.1..end.min(subject.1 + 3)).find(|&j| tag(doc, j) != "ADV")?;
            let opens_relative = RELATIVE_PRONOUNS.contains(&lower(doc, &doc.tokens[k + 1]));
            (!opens_relative && VERB_TAGS.contains(&tag(doc, verb))).then_some((k, subject))
        })
}
