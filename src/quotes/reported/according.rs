//! `According to X, …`, `…, according to X.` and `…, according to X, …`.

use super::clause::{
    after_last_colon, clause_end, comma_after_that, content_words, has_verb, is_punct,
    MIN_CONTENT_WORDS,
};
use super::Reported;
use crate::quotes::doc::{is_word, lower, Document};
use crate::quotes::lexicon::RELATIVE_PRONOUNS;
use crate::quotes::mentions::np_starting_at;
use crate::quotes::rules::Rule;
use crate::quotes::tagger::{tag, VERB_TAGS};

/// The most tokens a source after `according to` may run on before the comma that resumes
/// the sentence.
const MAX_SOURCE_TAIL: usize = 12;

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
    // `reported that, according to X, …`: the phrase is an aside opening the reported clause,
    // which follows the source, as after `According to X,`.
    if i > s && is_punct(doc, i - 1, ',') && !comma_after_that(doc, i - 1) {
        // `…: London was the capital of finance, according to X.`
        let s = after_last_colon(doc, (s, i - 1));
        // `…, according to X, …`: both halves of the sentence around the source.
        let comma = resumes_after_source(doc, (s, i - 1), source_end, e);
        let (content, source) = match comma {
            Some(c) => (
                (s, clause_end(doc, c + 1, e)),
                source.map(|m| (m.0, c.max(m.1))),
            ),
            None => ((s, i - 1), source),
        };
        let source_end = source.map_or(source_end, |m| m.1);
        let words = content_words(doc, (s, i - 1));
        let rule = if comma.is_some() {
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

/// Where the sentence resumes after the source of `according to` that starts at `source` (up
/// to `e`), the words `before` its comma being what comes before: at the next comma, when what
/// comes before is no clause (`One of the options, according to aides who met him, is to
/// close the pier`) or a verb follows the comma (`The pier, according to aides, will close`).
/// The source may run on to that comma; a relative clause after it (`according to an aide, who
/// asked not to be named`) or an apposition (`according to Ms Lind, a harbour pilot`) is no
/// resumption.
pub(super) fn resumes_after_source(
    doc: &Document,
    before: (usize, usize),
    source: usize,
    e: usize,
) -> Option<usize> {
    let comma = (source..e.min(source + MAX_SOURCE_TAIL)).find(|&k| is_punct(doc, k, ','))?;
    let next = doc
        .tokens
        .get(comma + 1)
        .filter(|n| is_word(n) && n.quote.is_none())?;
    if RELATIVE_PRONOUNS.contains(lower(doc, next).as_str()) {
        return None;
    }
    let verb_follows = VERB_TAGS.contains(&tag(doc, comma + 1));
    let rest = (comma + 1, clause_end(doc, comma + 1, e));
    ((verb_follows || !has_verb(doc, before)) && content_words(doc, rest) >= 2).then_some(comma)
}
