//! `According to X, …`, `…, according to X.` and `…, according to X, …`.

use super::clause::{clause_end, content_words, is_punct, MIN_CONTENT_WORDS};
use super::Reported;
use crate::quotes::doc::{lower, Document};
use crate::quotes::mentions::np_starting_at;
use crate::quotes::rules::Rule;

/// `According to X, …` and `…, according to X.`
pub(super) fn according_to(
    doc: &Document,
    s: usize,
    e: usize,
    i: usize,
) -> Option<(Reported, usize)> {
    let t = doc.tokens.get(i)?;
    if t.quote.is_some()
        || lower(doc, t) != "according"
        || doc.tokens.get(i + 1).map(|n| lower(doc, n)).as_deref() != Some("to")
    {
        return None;
    }
    let cue = (i, i + 2);
    let source = np_starting_at(doc, i + 2, e);
    let source_end = source.map_or(i + 2, |m| m.1);
    if i > s && is_punct(doc, i - 1, ',') {
        // `…, according to X, …`: both halves of the sentence around the source.
        let resumes = is_punct(doc, source_end, ',')
            && content_words(doc, (source_end + 1, clause_end(doc, source_end + 1, e))) >= 2;
        let content = if resumes {
            (s, clause_end(doc, source_end + 1, e))
        } else {
            (s, i - 1)
        };
        let words = content_words(doc, (s, i - 1));
        let rule = if resumes {
            Rule::ReportedAccordingToAround
        } else {
            Rule::ReportedAccordingToAfter
        };
        return (words >= 1 && content_words(doc, content) >= MIN_CONTENT_WORDS).then_some((
            Reported {
                content,
                cue,
                mention: source,
                confidence: 0.8,
                rule,
            },
            source_end,
        ));
    }
    // `According to X, …`: the clause after the source's comma; the source is all of `X`.
    let comma = (source_end..e.min(source_end + 25)).find(|&k| is_punct(doc, k, ','))?;
    let source = source.map(|m| (m.0, if comma <= m.1 + 8 { comma } else { m.1 }));
    let content = (comma + 1, clause_end(doc, comma + 1, e));
    (content_words(doc, content) >= MIN_CONTENT_WORDS).then_some((
        Reported {
            content,
            cue,
            mention: source,
            confidence: 0.8,
            rule: Rule::ReportedAccordingTo,
        },
        content.1,
    ))
}
