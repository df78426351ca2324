//! Appositions: a name set off by commas after the role it holds (`The Transport Secretary,
//! Helen Ashworth, said`), and roles held on behalf of somebody else (`a spokesman for`).

use super::{is_capitalised, is_determiner, is_not_name, lexicon, lower, name_part};
use super::{Document, TokKind};
use crate::quotes::cues::cue_word;
use crate::quotes::doc::is_possessive;

/// `The Transport Secretary, Helen Ashworth, said`, `Acme Ltd’s chief executive, Jo Bell,
/// said`, `The leader of the council, Sam Hart, said`: a role phrase followed by a name set
/// off by commas is that person; the name is the mention.
pub(crate) fn apposed_name(
    doc: &Document,
    np: (usize, usize),
    to: usize,
) -> Option<(usize, usize)> {
    let first = lower(doc, doc.tokens.get(np.0)?);
    let mut role_like = lexicon::ARTICLES.contains(&first)
        || (np.0..np.1).any(|k| {
            let t = &doc.tokens[k];
            t.kind == TokKind::Word && (is_possessive(doc.word(t)) || !is_capitalised(doc, t))
        });
    // The rest of the role phrase up to its comma: `chief executive`, `of the council`.
    let mut comma = np.1;
    let limit = (np.1 + 8).min(to);
    while comma < limit {
        let t = &doc.tokens[comma];
        if t.kind == TokKind::Punct(',') {
            break;
        }
        if t.kind != TokKind::Word || t.quote.is_some() {
            return None;
        }
        let l = lower(doc, t);
        // A clause, not a role: `and`, `who`, `said`, a verb of saying.
        if lexicon::COORDINATING_CONJUNCTIONS.contains(&l)
            || lexicon::RELATIVE_PRONOUNS.contains(&l)
            || lexicon::FORMS_OF_SAY.contains(&l)
            || (!is_capitalised(doc, t) && cue_word(doc.word(t)).is_some())
        {
            return None;
        }
        role_like = true;
        comma += 1;
    }
    if !role_like || comma >= limit || doc.tokens[comma].quote.is_some() {
        return None;
    }
    // The name: two to four capitalised words (initials allowed), closed by a comma.
    let start = comma + 1;
    let mut end = start;
    let mut words = 0;
    while end < to && end < start + 7 {
        let t = &doc.tokens[end];
        if t.quote.is_some() {
            return None;
        }
        match t.kind {
            TokKind::Word if is_capitalised(doc, t) && !is_possessive(doc.word(t)) => words += 1,
            TokKind::Punct('.') if name_part(doc, end) => {}
            _ => break,
        }
        end += 1;
    }
    let first_name = lower(doc, doc.tokens.get(start)?);
    let closed = doc
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokKind::Punct(','));
    ((2..=4).contains(&words)
        && closed
        && !is_not_name(&first_name)
        && !is_determiner(first_name.as_str()))
    .then_some((start, end))
}

/// `spokesman for`, `aide to`: a role held on behalf of somebody else, whose name follows.
pub(crate) fn role_on_behalf(doc: &Document, k: usize) -> bool {
    let (Some(role), Some(prep)) = (doc.tokens.get(k), doc.tokens.get(k + 1)) else {
        return false;
    };
    role.kind == TokKind::Word
        && !is_capitalised(doc, role)
        && lexicon::ON_BEHALF_PREPOSITIONS.contains(&lower(doc, prep))
        && lexicon::ROLES_ON_BEHALF.contains(&lower(doc, role))
}
