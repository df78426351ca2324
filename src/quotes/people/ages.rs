//! Ages the article gives (`Ana Ruiz, 34, said …`) and descriptions set off after names (`Ana
//! Ruiz, a nurse from Leeds,`), for the mentions that use them later (`the 34-year-old mother of
//! three`, `the nurse`).

use super::{Gender, People, Salient};
use crate::quotes::doc::{is_capitalised, lower, Document, TokKind};
use crate::quotes::lexicon;
use crate::quotes::tagger::{tag, VERB_TAGS};

/// The age written at token `k` if it is one: a number of one to three digits.
fn age_at<'d>(doc: &Document<'d>, k: usize) -> Option<&'d str> {
    let t = doc.tokens.get(k)?;
    let w = doc.word(t);
    (t.kind == TokKind::Word && is_age(w)).then_some(w)
}

/// Whether `w` is an age: a number of one to three digits.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// The age an `N-year-old` word gives (`34-year-old` → `34`).
fn age_of_year_old(w: &str) -> Option<&str> {
    w.strip_suffix("-year-old").filter(|age| is_age(age))
}

/// The most words of a description set off after a name read for its head noun (`a retired
/// long-haul truck driver`).
const DESCRIPTION_WORDS: usize = 5;

/// The most tokens between a description's head noun and the comma that closes it (`a nurse
/// from a small town near Leeds,`).
const DESCRIPTION_TAIL: usize = 10;

/// The most words of an apposition read for an age (`a 52-year-old`, `the retired
/// 70-year-old`).
const APPOSITION_WORDS_BEFORE_AGE: usize = 3;

impl People {
    /// Notes the age set off by commas after the name of person `p` ending at token `end`
    /// (`Ana Ruiz, 34,`).
    pub(super) fn note_age(&mut self, doc: &Document, end: usize, p: usize) {
        let comma = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokKind::Punct(','))
        };
        if !comma(end) {
            return;
        }
        if comma(end + 2) {
            if let Some(age) = age_at(doc, end + 1) {
                self.ages.push((age.to_string(), p));
                return;
            }
        }
        // `Maria Lopez, a 52-year-old nurse from Toledo,`: an apposition giving the age.
        let apposition = (end + 1..(end + 1 + APPOSITION_WORDS_BEFORE_AGE).min(doc.tokens.len()))
            .take_while(|&k| doc.tokens[k].kind == TokKind::Word)
            .find_map(|k| age_of_year_old(doc.word(&doc.tokens[k])));
        if let Some(age) = apposition {
            self.ages.push((age.to_string(), p));
        }
    }

    /// The person whose age the word at token `k` gives (`34-year-old`), if the article gave
    /// exactly one person that age.
    pub(super) fn person_of_age(&self, doc: &Document, k: usize) -> Option<usize> {
        let t = doc.tokens.get(k)?;
        let age = age_of_year_old(doc.word(t))?;
        let mut people = self.ages.iter().filter(|(a, _)| a == age).map(|&(_, p)| p);
        let p = people.next()?;
        people.all(|q| q == p).then_some(p)
    }

    /// The person a definite description giving an age stands for when the article gave nobody
    /// that age (`the 34-year-old mother of three` after `Ivanka Trump, the nominee's eldest
    /// daughter,`): news writes such epithets for somebody it has just named, so the antecedent
    /// a pronoun would have there, of the gender the description's nouns give (`mother`,
    /// `father`), or of either, the nearer, when they give none. `None` when the age was given to
    /// somebody else, or an earlier `a 34-year-old …` introduced somebody unnamed.
    pub(super) fn epithet_antecedent(
        &self,
        doc: &Document,
        s: usize,
        e: usize,
        previous: Option<usize>,
    ) -> Option<Salient> {
        let (age_word, year_old, age) = (s..e).find_map(|k| {
            let w = doc.word(&doc.tokens[k]);
            age_of_year_old(w).map(|age| (k, w, age))
        })?;
        if self.ages.iter().any(|(a, _)| a == age) {
            return None;
        }
        if (0..s).any(|k| doc.word(&doc.tokens[k]).eq_ignore_ascii_case(year_old)) {
            return None;
        }
        let gender = (age_word + 1..e).find_map(|k| {
            let w = lower(doc, &doc.tokens[k]);
            if lexicon::FEMALE_PERSON_NOUNS.contains(&w) {
                Some(Gender::Female)
            } else if lexicon::MALE_PERSON_NOUNS.contains(&w) {
                Some(Gender::Male)
            } else {
                None
            }
        });
        match gender {
            Some(g) => self.antecedent(doc, s, g, previous),
            None => {
                let man = self.antecedent(doc, s, Gender::Male, previous);
                let woman = self.antecedent(doc, s, Gender::Female, previous);
                match (man, woman) {
                    (Some(m), Some(w)) => Some(if m.from >= w.from { m } else { w }),
                    (m, w) => m.or(w),
                }
            }
        }
    }

    /// Notes the head noun of a description set off after the name of person `p` ending at
    /// token `end`: `Ana Ruiz, a nurse from Leeds,` → `nurse`; `Tom Hale, an unemployed
    /// welder,` → `welder`.
    pub(super) fn note_description(&mut self, doc: &Document, end: usize, p: usize) {
        let is = |k: usize, c: char| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokKind::Punct(c))
        };
        if !is(end, ',') {
            return;
        }
        let article = doc.tokens.get(end + 1).filter(|t| t.kind == TokKind::Word);
        if !article.is_some_and(|t| lexicon::INDEFINITE_ARTICLES.contains(&lower(doc, t))) {
            return;
        }
        // The last noun before the description's first preposition, comma or end.
        let mut head = None;
        for k in end + 2..(end + 2 + DESCRIPTION_WORDS).min(doc.tokens.len()) {
            let t = &doc.tokens[k];
            if t.kind != TokKind::Word || t.quote.is_some() || is_capitalised(doc, t) {
                break;
            }
            match tag(doc, k) {
                "NOUN" => head = Some(k),
                "ADJ" | "NUM" => {}
                _ => break,
            }
        }
        // Set off on both sides: a comma closes it before any verb (`In downtown San
        // Francisco, a group dressed in …` is a subject, not a description).
        let closed = head.is_some_and(|k| {
            (k + 1..(k + 1 + DESCRIPTION_TAIL).min(doc.tokens.len()))
                .take_while(|&j| !VERB_TAGS.contains(&tag(doc, j)))
                .any(|j| is(j, ','))
        });
        if let Some(k) = head.filter(|_| closed) {
            self.described
                .push((lower(doc, &doc.tokens[k]).as_str().to_string(), p));
        }
    }

    /// The person a definite description ending at token `e` names (`the nurse`, `the retired
    /// welder`), if the article set that noun after exactly one person's name.
    pub(super) fn person_described(&self, doc: &Document, e: usize) -> Option<usize> {
        let head = lower(doc, doc.tokens.get(e.checked_sub(1)?)?);
        let mut people = self
            .described
            .iter()
            .filter(|(noun, _)| noun.as_str() == head.as_str())
            .map(|&(_, p)| p);
        let p = people.next()?;
        people.all(|q| q == p).then_some(p)
    }
}
