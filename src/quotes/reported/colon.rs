//! `Trump: Clinton should have congratulated me`, `Q: Your mother was deported twice`,
//! `JOEL BENENSON: This is a man who …`: a paragraph (a headline, a transcript's turn) opening
//! with a short name and a colon is that source's statement, to the end of the paragraph.

use super::clause::is_punct;
use super::Reported;
use crate::quotes::doc::{is_capitalised, lower, Document, TokKind};
use crate::quotes::lexicon::COLON_LABELS;
use crate::quotes::mentions::is_day_name;
use crate::quotes::rules::Rule;
use crate::quotes::tagger::tag_in_lower_case;

/// The most tokens a source before the colon may have (`OK Gov Fallin`, `Clinton Cash`).
const MAX_SOURCE_TOKENS: usize = 5;

/// The statement of the paragraph opening at token `s` with `Name:`, if it does.
pub(super) fn colon_statement(doc: &Document, s: usize) -> Option<Reported> {
    let n = doc.tokens.len();
    let first = doc.tokens.get(s)?;
    let para = first.para;
    if s > 0 && doc.tokens[s - 1].para == para {
        return None;
    }
    let colon = (s + 1..(s + MAX_SOURCE_TOKENS + 1).min(n))
        .take_while(|&k| doc.tokens[k].para == para)
        .find(|&k| is_punct(doc, k, ':'))?;
    // `Just Leaked: …`, `Finally: …`: an adverb opens a heading, not a name; so does a lone
    // participle (`Revealed: …`, `Exposed: …`).
    let heading = match tag_in_lower_case(doc, s) {
        "ADV" => true,
        "VERB" => colon == s + 1,
        _ => false,
    };
    if !is_capitalised(doc, first) || heading || !names_a_source(doc, (s, colon)) {
        return None;
    }
    let mut end = colon + 1;
    while end < n && doc.tokens[end].para == para {
        end += 1;
    }
    let content = (colon + 1, end);
    // `Sanders: 1,547.`: a tally, not a statement.
    let words = (colon + 1..end)
        .filter(|&k| {
            let t = &doc.tokens[k];
            t.kind == TokKind::Word && doc.word(t).chars().any(char::is_alphabetic)
        })
        .count();
    (words >= 2).then_some(Reported {
        content,
        cue: (colon, colon + 1),
        mention: Some((s, colon)),
        confidence: 0.6,
        rule: Rule::ReportedColon,
    })
}

/// Whether the words `[s, e)` before a colon may name who speaks: capitalised words only (a
/// name, `Q`, `JOEL BENENSON`; `He said:` is a lead-in, which the quotation rules read, and
/// `Another problem for Sanders:` a writer's heading), none quoted, no label (`Editor's note:`,
/// `UPDATE:`, `The Latest:`) and no day (`Tuesday:` opens a timeline's entry).
fn names_a_source(doc: &Document, (s, e): (usize, usize)) -> bool {
    (s..e).all(|k| {
        let t = &doc.tokens[k];
        let l = lower(doc, t);
        t.kind == TokKind::Word
            && t.quote.is_none()
            && !COLON_LABELS.contains(l.as_str())
            && !is_day_name(&l)
            && is_capitalised(doc, t)
    })
}
