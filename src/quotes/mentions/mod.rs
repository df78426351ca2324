//! Speaker mentions: the noun phrase that names who speaks, found next to a cue without a
//! parser. A mention is a pronoun (`he`), a name with or without titles (`Sen. Ann Lee`, `Mr
//! Starmer`), a role phrase (`a campaign aide`, `The Prime Minister’s official spokesman`) or
//! an organisation (`The Post`). Phrases are read from the cue outwards, over the words that can
//! sit between a subject and its verb (`also`, `later`, `has`), and over an apposition set off
//! by commas (`Nigel Farage, an ally of Mr Trump, said`).
//!
//! - `noun_phrase`: the phrase ending before a token, or starting at one;
//! - `subject`: the subject of a cue (before it, over adverbs and appositions), the phrase that
//!   opens a clause, the nearest subject;
//! - `apposition`: a name set off by commas after a role (`The Transport Secretary, Helen
//!   Ashworth, said`) and roles held on behalf of somebody (`spokesman for`);
//! - `complement`: a person with whom they act for or belong to (`an aide to the mayor`).
//!
//! The word lists are in `lexicon/`; the predicates below are what other modules ask of a word.

mod apposition;
mod complement;
mod fragment;
mod noun_phrase;
mod subject;
#[cfg(test)]
mod tests;

pub(crate) use apposition::{apposed_name, role_on_behalf};
pub(crate) use complement::{opens_complement, with_its_complement};
pub(crate) use fragment::speaker_part;
pub(crate) use noun_phrase::{np_ending_at, np_starting_at, share_of_group};
pub(crate) use subject::{nearest_subject, opening_np, subject_before};

use super::doc::{is_acronym, is_capitalised, lower, Document, TokKind};
use super::lexicon;

/// A subject pronoun (`he`, `she`, `they`, `we`, `i`, `it`, `you`), lower-cased.
pub(crate) fn is_subject_pronoun(w: &str) -> bool {
    lexicon::SUBJECT_PRONOUNS.contains(w)
}

/// Words that cannot be part of a noun phrase (prepositions, conjunctions, auxiliaries).
pub(crate) fn is_function_word(w: &str) -> bool {
    lexicon::FUNCTION_WORDS.contains(w)
}

/// A day name or a time of day (`Friday`, `tonight`, `week`), lower-cased: an adverbial that
/// may stand between a subject and its verb.
fn is_day(w: &str) -> bool {
    is_day_name(w) || lexicon::TIMES_OF_DAY.contains(w)
}

/// A number in digits or in words (`72`, `four`), lower-cased: what a proportion (`4 in 10`)
/// or a share (`72 percent`) is counted in.
pub(crate) fn is_number(w: &str) -> bool {
    (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())) || lexicon::NUMBER_WORDS.contains(w)
}

/// A weekday, `today` or `yesterday`: the time words news puts between a cue and its speaker
/// (`said Sunday`, `said yesterday`), lower-cased.
pub(crate) fn is_day_name(w: &str) -> bool {
    lexicon::DAY_NAMES.contains(w)
}

/// A title or honorific that stands before a name (`mr`, `sen`, `prime`), lower-cased.
pub(crate) fn is_title(w: &str) -> bool {
    lexicon::TITLES.contains(w)
}

/// A word that, capitalised, is never part of a name (`Monday`, `But`), lower-cased.
pub(crate) fn is_not_name(w: &str) -> bool {
    lexicon::NOT_NAMES.contains(w)
}

/// A determiner (`the`, `his`, `two`), lower-cased.
pub(crate) fn is_determiner(w: &str) -> bool {
    lexicon::DETERMINERS.contains(w)
}

/// A word with an auxiliary contracted onto it (`who’d`, `I've`, `they’re`), cut at its
/// apostrophe (either one): the word and the auxiliary, without the apostrophe.
fn with_contracted_auxiliary(w: &str) -> Option<(&str, &str)> {
    w.split_once(['\'', '’'])
        .filter(|(_, auxiliary)| lexicon::AUXILIARY_CONTRACTIONS.contains(auxiliary))
}

/// A year as news writes one: four digits (`in 2010`).
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.chars().all(|d| d.is_ascii_digit())
}

/// Nouns that name a person by family or membership, heads of `X of Y` mentions.
fn is_kin_or_member(w: &str) -> bool {
    lexicon::KIN_AND_MEMBER_NOUNS.contains(w)
}

/// Lowercase nouns that name a role; used to keep role phrases apart from verbs.
pub(crate) fn is_role_noun(w: &str) -> bool {
    lexicon::ROLE_NOUNS.contains(w)
}

/// Whether token `i` is a word of three or more capitals after `the`: `the WHO`, `the IT
/// department`, names however much their letters spell a function word.
pub(crate) fn is_acronym_after_the(doc: &Document, i: usize) -> bool {
    is_acronym(doc.word(&doc.tokens[i])) && i > 0 && lower(doc, &doc.tokens[i - 1]) == "the"
}

/// A token that may be inside a name: capitalised word, name particle, title abbreviation stop.
fn name_part(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokKind::Word => {
            let l = lower(doc, t);
            if is_capitalised(doc, t) {
                return !is_not_name(&l) || is_title(&l) || is_acronym_after_the(doc, i);
            }
            lexicon::NAME_PARTICLES.contains(&l)
        }
        // The full stop of `Sen.` or of an initial `J.`, not the one ending the sentence after
        // a short name (`said Bill Ruiz.`).
        TokKind::Punct('.') if !t.ends_sentence => {
            i.checked_sub(1).map(|p| &doc.tokens[p]).is_some_and(|p| {
                p.end == t.start && p.kind == TokKind::Word && {
                    let pw = doc.word(p);
                    pw.chars().count() <= 4 && pw.chars().next().is_some_and(char::is_uppercase)
                }
            })
        }
        _ => false,
    }
}
