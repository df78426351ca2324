//! `In a CNN poll released Monday, 50 percent chose Clinton.` and `Trump held a 10-point lead in
//! the latest Fox News poll.`: a poll is a source, `in` its cue, and what it found the content.

use super::clause::{clause_end, content_words, is_punct};
use super::Reported;
use crate::quotes::doc::{is_word, lower, Document, TokKind};
use crate::quotes::lexicon::POLL_NOUNS;
use crate::quotes::rules::Rule;

/// The most tokens of the phrase naming the poll (`a New York Times/CBS News survey released
/// last Thursday`).
const MAX_POLL_TOKENS: usize = 16;

/// Where the phrase naming a poll after `in` at `i` ends (at a comma or the end `e`), if it
/// names one.
fn poll_phrase_end(doc: &Document, i: usize, e: usize) -> Option<usize> {
    if !is_in(doc, i) {
        return None;
    }
    let mut poll = false;
    let mut k = i + 1;
    while k < e && k <= i + MAX_POLL_TOKENS {
        let t = &doc.tokens[k];
        if t.quote.is_some() || matches!(t.kind, TokKind::Punct(',' | ';' | ':')) {
            break;
        }
        poll |= is_word(t) && POLL_NOUNS.contains(lower(doc, t).as_str());
        k += 1;
        if t.ends_sentence {
            break;
        }
    }
    // `… in the latest survey.`: the sentence's closing mark is no part of the name.
    while k > i + 1 && matches!(doc.tokens[k - 1].kind, TokKind::Punct(_)) {
        k -= 1;
    }
    poll.then_some(k)
}

/// Whether token `i` is the word `in` outside quotation marks. Asked of every word of every
/// sentence: the cheapest test first, and inlined, so that other words cost no call.
#[inline]
fn is_in(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.end - t.start == "in".len()
            && doc.word(t).eq_ignore_ascii_case("in")
            && is_word(t)
            && t.quote.is_none()
    })
}

/// `in` at `i` opening the name of a poll: a cue worth reading the sentence for.
#[inline]
pub(super) fn opens_a_poll(doc: &Document, i: usize, e: usize) -> bool {
    is_in(doc, i) && poll_phrase_end(doc, i, e).is_some()
}

/// `In a poll …, …` opening the sentence `[s, e)`, or `… in a poll …` closing it.
pub(super) fn in_a_poll(doc: &Document, s: usize, e: usize, i: usize) -> Option<(Reported, usize)> {
    let phrase_end = poll_phrase_end(doc, i, e)?;
    let source = Some((i + 1, phrase_end));
    let cue = (i, i + 1);
    if i == s {
        // `In a CNN poll released Monday, 50 percent chose Clinton.`
        if !is_punct(doc, phrase_end, ',') {
            return None;
        }
        let content = (phrase_end + 1, clause_end(doc, phrase_end + 1, e));
        return (content_words(doc, content) >= 3).then_some((
            Reported {
                content,
                cue,
                mention: source,
                confidence: 0.6,
                rule: Rule::ReportedInPoll,
            },
            phrase_end + 1,
        ));
    }
    // `Trump held a lead in the latest poll.`: the phrase closes the sentence (not only the
    // part of it the rules read, `e`), and names one poll: `leads in the polls` is a standing,
    // not a finding.
    let sentence_end = super::sentence_end(doc, s);
    let closes =
        (phrase_end..sentence_end).all(|k| matches!(doc.tokens[k].kind, TokKind::Punct(_)));
    let one_poll = (i + 1..phrase_end).any(|k| {
        let l = lower(doc, &doc.tokens[k]);
        POLL_NOUNS.contains(l.as_str()) && !l.ends_with('s') && !l.ends_with("ing")
    });
    if !one_poll {
        return None;
    }
    let mut end = i;
    while end > s && is_punct(doc, end - 1, ',') {
        end -= 1;
    }
    let content = (s, end);
    (closes && content_words(doc, content) >= 3).then_some((
        Reported {
            content,
            cue,
            mention: source,
            confidence: 0.5,
            rule: Rule::ReportedInPoll,
        },
        e,
    ))
}
