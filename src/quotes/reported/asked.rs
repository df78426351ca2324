//! `Asked whether the plan would fail, the minister said …`: the question put to a source is an
//! attribution of its own, whose cue is `asked` and whose content is the question; PolNeAR
//! names its source only when the sentence does (`Asked by reporters whether …`).

use super::clause::{clause_end, content_words, is_punct};
use super::Reported;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::lexicon::QUESTION_OPENERS;
use crate::quotes::mentions::np_starting_at;
use crate::quotes::rules::Rule;

/// How many words may stand between `asked` and the question (`Asked on Fox News during a
/// debate in January whether …`).
const MAX_GAP: usize = 10;

/// `Asked`, opening the sentence or after `when` (`he said when asked about the vote`).
#[inline]
pub(super) fn is_asked(doc: &Document, s: usize, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    // Asked of every word of every sentence: the cheapest test first.
    t.end - t.start == "asked".len()
        && is_word(t)
        && doc.word(t).eq_ignore_ascii_case("asked")
        && (i == s
            || (i > s && {
                let l = lower(doc, &doc.tokens[i - 1]);
                l == "when" || l == "after"
            }))
}

/// `Asked (by X) (on Fox News) whether …, Y said …`: the question, from its opener to the comma
/// that ends it.
pub(super) fn asked_question(
    doc: &Document,
    s: usize,
    e: usize,
    i: usize,
) -> Option<(Reported, usize)> {
    if !is_asked(doc, s, i) {
        return None;
    }
    let mut k = i + 1;
    // `Asked by Stephanopoulos whether …`: the asker is the source.
    let mut source = None;
    if doc.tokens.get(k).is_some_and(|t| lower(doc, t) == "by") {
        let asker = np_starting_at(doc, k + 1, e)?;
        source = Some(asker);
        k = asker.1;
    }
    let opener = (k..e.min(k + MAX_GAP)).find(|&j| {
        let t = &doc.tokens[j];
        t.quote.is_none() && is_word(t) && QUESTION_OPENERS.contains(lower(doc, t).as_str())
    })?;
    // A comma between `asked` and the opener closes the phrase: `Asked, he said …` asks nothing.
    if (i + 1..opener).any(|j| is_punct(doc, j, ',')) {
        return None;
    }
    let end = clause_end(doc, opener, e);
    let end = (opener..end)
        .find(|&j| is_punct(doc, j, ','))
        .unwrap_or(end);
    let content = (opener, end);
    (content_words(doc, content) >= 2).then_some((
        Reported {
            content,
            cue: (i, i + 1),
            mention: source,
            confidence: 0.7,
            rule: Rule::ReportedAsked,
        },
        end,
    ))
}
