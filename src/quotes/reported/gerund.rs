//! A gerund cue sharing the subject of its sentence: `…, adding that …`, `…, saying the deal
//! was dead`, `has rallied thousands by promising to …`, `… and calling him a liar`.

use super::clause::{
    clause_end, content_start, content_words, is_punct, min_forward_words, takes_a_gerund,
};
use super::Reported;
use crate::quotes::cues::is_verb_of_saying_proper;
use crate::quotes::doc::{is_word, lower, Document, TokKind};
use crate::quotes::lexicon::RELATIVE_PRONOUNS;
use crate::quotes::mentions::{np_starting_at, opening_np, subject_before};
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
    if i == s
        || !(is_punct(doc, i - 1, ',')
            || after_comma_closed_quotation(doc, i)
            || takes_a_gerund(doc, i - 1))
    {
        return None;
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

/// `… has “expanded the Republican party,” claiming that …`: the gerund at `i` follows a
/// quotation closed by a comma inside its marks, which closes the clause before it as a comma
/// outside them would.
fn after_comma_closed_quotation(doc: &Document, i: usize) -> bool {
    i >= 2
        && doc.tokens[i - 1].kind == TokKind::Mark
        && doc.tokens[i - 2].quote.is_some()
        && doc.tokens[i - 2].kind == TokKind::Punct(',')
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
