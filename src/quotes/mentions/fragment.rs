//! Mentions that cannot be a speaker: a time phrase (`the past`, `Tuesday afternoon`), a verb
//! phrase (`sends a clear`, `It’s`, `wasn’t`) or a fragment that stops before its noun (`our
//! worst`, `Only European`, `most explosive`). The part-of-speech tagger decides what a word is
//! doing; the time nouns are a word list.

use super::subject::adverbial_phrase_ends_at;
use crate::quotes::doc::{lower, Document, TokKind};
use crate::quotes::lexicon;
use crate::quotes::tagger::{can_be, tag, tag_in_lower_case, VERB_TAGS};

/// Why a mention is no speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotASpeaker {
    /// Its last word is a time noun: `the past`, `Tuesday afternoon`.
    TimePhrase,
    /// It opens with a verb or holds a clause's contraction: `sends a clear`, `It’s`.
    VerbPhrase,
    /// It stops before its noun, or opens with an adverb: `our worst`, `Only European`.
    Fragment,
}

/// Tags a speaker's last word may have: a noun, a name, a pronoun, a number (`Four said`).
const HEAD_TAGS: [&str; 5] = ["NOUN", "PROPN", "PRON", "NUM", "X"];
/// Tags of a noun phrase's head noun.
const NOUN_TAGS: [&str; 3] = ["NOUN", "PROPN", "PRON"];
/// Tags of the words a mention is cut before, after its noun.
const CUT_TAGS: [&str; 3] = ["VERB", "AUX", "ADV"];
/// Tags of function words, which no name has.
const FUNCTION_TAGS: [&str; 8] = ["ADV", "ADP", "SCONJ", "CCONJ", "DET", "PART", "INTJ", "AUX"];

/// The part of the mention at tokens `[s, e)` that can speak: the mention itself if it can, else
/// the mention cut before a verb or an adverb that follows its noun (`McConnell deflected numerous` → `McConnell`, `The report
/// published` → `The report`), or `None` when what is left cannot be a speaker either.
pub(crate) fn speaker_part(doc: &Document, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let e = e.min(doc.tokens.len());
    // A whole mention that can speak is kept whole (`two people briefed on the talks`).
    if not_a_speaker(doc, (s, e)).is_none() {
        return Some((s, e));
    }
    let cut = (s + 1..e).find(|&k| {
        let t = &doc.tokens[k];
        t.kind == TokKind::Word
            && !t.capitalised
            && CUT_TAGS.contains(&tag(doc, k))
            && (doc.tokens[k - 1].capitalised
                || NOUN_TAGS.contains(&tag(doc, k - 1))
                || super::is_role_noun(&lower(doc, &doc.tokens[k - 1])))
    });
    let part = (s, cut.unwrap_or(e));
    not_a_speaker(doc, part).is_none().then_some(part)
}

/// Why the mention at tokens `[s, e)` cannot be a speaker, if it cannot.
pub(crate) fn not_a_speaker(doc: &Document, (s, e): (usize, usize)) -> Option<NotASpeaker> {
    let is_word = |k: &usize| doc.tokens[*k].kind == TokKind::Word;
    let range = s..e.min(doc.tokens.len());
    let first = range.clone().find(is_word)?;
    let last = range.clone().rev().find(is_word)?;
    // `I’ve written`, `We've enjoyed`, `who’d previously endorsed`: a subject pronoun with its
    // auxiliary contracted onto it is the subject still.
    if first == last && is_pronoun_with_auxiliary(doc, first) {
        return None;
    }
    if range.filter(is_word).any(|k| is_clause_contraction(doc, k)) {
        return Some(NotASpeaker::VerbPhrase);
    }
    let last_word = lower(doc, &doc.tokens[last]);
    // `said Time magazine`, `wrote Time`: a capital inside the sentence makes a name of a time
    // noun.
    let named = doc.tokens[last].capitalised && last > 0 && !doc.tokens[last - 1].ends_sentence;
    if !named
        && (lexicon::TIME_NOUNS.contains(&last_word)
            || lexicon::TIMES_OF_DAY.contains(&last_word)
            || lexicon::TIME_PHRASE_HEADS.contains(&last_word))
    {
        return Some(NotASpeaker::TimePhrase);
    }
    // `in fact`, `at times`, `at least`: a lone word after such a preposition is an adverb.
    if first == last && adverbial_phrase_ends_at(doc, first + 1) {
        return Some(NotASpeaker::Fragment);
    }
    // A capital says a word is a name (`Trump`, `Lynch`), unless it opens the sentence.
    let first_capitalised = doc.tokens[first].capitalised;
    let opens_sentence = first == 0 || doc.tokens[first - 1].ends_sentence;
    // A capitalised first word is never taken for a verb or an adverb below, so it is not
    // tagged (most mentions are names).
    if !first_capitalised {
        let first_tag = tag(doc, first);
        // `sends a clear`, `faced stern`; not `registered voters`, whose last word is its noun.
        // `organized the letter`, `prompted the tabloid`: a verb and its object.
        let verb_and_object = first < last && tag(doc, first + 1) == "DET";
        // `according to aides`: after `to` the tagger reads an infinitive; a word that can be a
        // noun is one there.
        let noun_after_to = first > 0
            && lower(doc, &doc.tokens[first - 1]) == "to"
            && can_be(doc, first, &["NOUN"]) != Some(false);
        if VERB_TAGS.contains(&first_tag)
            && !noun_after_to
            && (verb_and_object
                || !NOUN_TAGS.contains(&tag(doc, last))
                || follows_its_subject(doc, first))
        {
            return Some(NotASpeaker::VerbPhrase);
        }
        // `But protest organizers`: a word that can be a noun, before a noun, modifies it
        // however the tagger read it after the conjunction.
        let noun_modifier = first < last
            && NOUN_TAGS.contains(&tag(doc, first + 1))
            && can_be(doc, first, &["NOUN"]) == Some(true);
        // `more than 4 in 10`: a proportion, however it opens.
        // `about half of the voters`, `only 32 percent of residents`: a share of a group.
        let proportion = first < last
            && (super::is_number(&last_word)
                || (first + 1..last).any(|k| {
                    lexicon::GROUP_SHARES.contains(&lower(doc, &doc.tokens[k]))
                        && lower(doc, &doc.tokens[k + 1]) == "of"
                }));
        if first_tag == "ADV"
            && !noun_modifier
            && !proportion
            && !is_quantity(&lower(doc, &doc.tokens[first]))
        {
            return Some(NotASpeaker::Fragment);
        }
    }
    if doc.tokens[last].capitalised {
        // A name, unless it is a lone function word opening the sentence (`Perhaps`, `Rather`).
        // (A word the tagger never saw is taken for a name: `Weaver says`.)
        if last == first
            && opens_sentence
            && can_be(doc, last, &NOUN_TAGS) == Some(false)
            && FUNCTION_TAGS.contains(&tag_in_lower_case(doc, last))
            && !is_quantity(&last_word)
        {
            return Some(NotASpeaker::Fragment);
        }
        return None;
    }
    // `some`, `many`, `a third`, `both`: a quantity of people.
    // A word that can be a noun is given the benefit of the doubt (`A Chinese official
    // responded`), and so is a word the tagger never saw.
    // An adjective right before a verb is its subject's head whatever the tagger's lexicon
    // knows of it (`the editorial said`, `the base chief said`: GUM has `editorial` and `chief`
    // only as adjectives); the fragments this catches stop before a noun (`our worst fears`).
    if !HEAD_TAGS.contains(&tag(doc, last))
        && can_be(doc, last, &HEAD_TAGS) == Some(false)
        && !is_quantity(&last_word)
        && !adjective_as_subject_head(doc, last)
    {
        return Some(NotASpeaker::Fragment);
    }
    None
}

/// Whether word `k`, tagged an adjective, is followed by a verb in lower case (`the editorial
/// said`, `the chief told`): then it is the head of the verb's subject.
fn adjective_as_subject_head(doc: &Document, k: usize) -> bool {
    tag(doc, k) == "ADJ"
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokKind::Word && !t.capitalised)
        && VERB_TAGS.contains(&tag(doc, k + 1))
}

/// Whether the word before token `k` is a subject pronoun or an auxiliary: then a verb at `k` is
/// that clause's verb (`he drew intense criticism`, `had handled messages`), not a participle
/// modifying a noun (`registered voters`). (Not after `to`: `according to exit polls`.)
fn follows_its_subject(doc: &Document, k: usize) -> bool {
    k.checked_sub(1).map(|p| &doc.tokens[p]).is_some_and(|t| {
        t.kind == TokKind::Word && {
            let w = lower(doc, t);
            lexicon::AUXILIARIES.contains(&w) || lexicon::SUBJECT_PRONOUNS.contains(&w)
        }
    })
}

/// Whether a word standing alone names a quantity of people (`some`, `most`, `third`).
fn is_quantity(word: &str) -> bool {
    lexicon::LONE_QUANTIFIERS.contains(word)
        || lexicon::PARTITIVE_QUANTIFIERS.contains(word)
        || lexicon::PLURAL_QUANTIFIERS.contains(word)
}

/// Whether word `k` is a subject pronoun or `who` with an auxiliary contracted onto it
/// (`I’ve`, `they're`, `who’d`).
fn is_pronoun_with_auxiliary(doc: &Document, k: usize) -> bool {
    let lowered = lower(doc, &doc.tokens[k]);
    super::with_contracted_auxiliary(&lowered)
        // (Not `It’s a plan`: `’s` makes a clause of `it`.)
        .is_some_and(|(stem, auxiliary)| {
            (super::is_subject_pronoun(stem) || stem == "who")
                && !(auxiliary == "s" && lexicon::HOSTS_OF_IS.contains(stem))
        })
}

/// Whether word `k` is joined to a contraction that makes it a clause (`wasn’t`, `they’re`);
/// `’s` counts only after a word it makes a clause of (`It’s`), not after a name (`Trump’s`).
fn is_clause_contraction(doc: &Document, k: usize) -> bool {
    let lowered = lower(doc, &doc.tokens[k]);
    if !lowered.contains(['\'', '’']) {
        return false;
    }
    let word = lowered.as_str().replace('’', "'");
    let Some(apostrophe) = word.rfind('\'') else {
        return false;
    };
    let (stem, contraction) = word.split_at(apostrophe);
    let contraction = if stem.ends_with('n') && contraction == "'t" {
        "n't"
    } else {
        contraction
    };
    lexicon::CLAUSE_CONTRACTIONS.contains(contraction)
        || (contraction == "'s" && lexicon::HOSTS_OF_IS.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    /// Why the words `mention` of `text` (its first occurrence) are no speaker.
    fn verdict(text: &str, mention: &str) -> Option<NotASpeaker> {
        let spans = quoted_spans(text, MarkSet::EVERY);
        let doc = Document::new(text, &spans);
        let at = text.find(mention).expect("mention in text");
        let s = doc.token_at(at);
        let e = doc.token_at(at + mention.len());
        not_a_speaker(&doc, (s, e))
    }

    #[test]
    fn people_groups_and_organisations_can_speak() {
        for (text, mention) in [
            ("Bush said the plan would fail.", "Bush"),
            ("Trump said the plan would fail.", "Trump"),
            ("Some said the plan would fail.", "Some"),
            ("Many believe the plan will fail.", "Many"),
            (
                "Registered voters said the plan would fail.",
                "Registered voters",
            ),
            (
                "In the poll, registered voters said it would fail.",
                "registered voters",
            ),
            ("He’s said the plan would fail.", "He’s"),
            ("I’ve written twice about the ferry.", "I’ve"),
            ("We've enjoyed a long period of calm.", "We've"),
            ("Ms. Ruiz, who’d endorsed the levy, voted no.", "who’d"),
            ("A third of those surveyed said it would fail.", "A third"),
            ("Exit polls showed that the plan would fail.", "Exit polls"),
            (
                "The Security Council said the plan would fail.",
                "The Security Council",
            ),
            ("“Come to Louisiana,” the editorial said.", "the editorial"),
            (
                "“There was no order,” the base chief told reporters.",
                "the base chief",
            ),
        ] {
            assert_eq!(verdict(text, mention), None, "{mention} in {text}");
        }
    }

    #[test]
    fn a_mention_is_cut_before_the_verb_after_its_noun() {
        for (text, mention, part) in [
            (
                "McConnell deflected numerous questions.",
                "McConnell deflected numerous",
                Some("McConnell"),
            ),
            (
                "The report published on Friday found fraud.",
                "The report published",
                Some("The report"),
            ),
            (
                "Sanders often says the system is rigged.",
                "Sanders often",
                Some("Sanders"),
            ),
            (
                "“No,” said the fire chief known as Dee.",
                "the fire chief known",
                Some("the fire chief"),
            ),
            ("In the past, the plan failed.", "the past", None),
            ("No one, in fact, is eager to attack him.", "fact", None),
            (
                "Ann Cole, whose group organized the letter, said it was late.",
                "organized the letter",
                None,
            ),
        ] {
            let spans = quoted_spans(text, MarkSet::EVERY);
            let doc = Document::new(text, &spans);
            let at = text.find(mention).expect("mention in text");
            let range = (doc.token_at(at), doc.token_at(at + mention.len()));
            let got = speaker_part(&doc, range)
                .and_then(|r| doc.byte_span(r))
                .map(|(a, b)| &text[a..b]);
            assert_eq!(got, part, "{mention} in {text}");
        }
    }

    #[test]
    fn time_phrases_verb_phrases_and_fragments_cannot() {
        for (text, mention, why) in [
            (
                "In the past, the plan failed.",
                "the past",
                NotASpeaker::TimePhrase,
            ),
            (
                "On Tuesday afternoon the plan failed.",
                "Tuesday afternoon",
                NotASpeaker::TimePhrase,
            ),
            (
                "The ruling sends a clear signal.",
                "sends a clear",
                NotASpeaker::VerbPhrase,
            ),
            (
                "It’s a plan that will fail.",
                "It’s",
                NotASpeaker::VerbPhrase,
            ),
            (
                "She called him one of our worst leaders.",
                "our worst",
                NotASpeaker::Fragment,
            ),
            (
                "Perhaps the plan will fail.",
                "Perhaps",
                NotASpeaker::Fragment,
            ),
            (
                "A day later she drew intense criticism for the post.",
                "drew intense",
                NotASpeaker::VerbPhrase,
            ),
            (
                "The mayor has fielded sharp criticism over the plan.",
                "fielded sharp",
                NotASpeaker::VerbPhrase,
            ),
        ] {
            assert_eq!(verdict(text, mention), Some(why), "{mention} in {text}");
        }
    }
}
