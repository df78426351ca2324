//! Ages the article gives (`Ana Ruiz, 34, said …`), for the descriptions that use them later
//! (`the 34-year-old mother of three`).

use super::People;
use crate::quotes::doc::{Document, TokKind};

/// The age written at token `k` if it is one: a number of one to three digits.
fn age_at<'d>(doc: &Document<'d>, k: usize) -> Option<&'d str> {
    let t = doc.tokens.get(k)?;
    let w = doc.word(t);
    (t.kind == TokKind::Word && (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
        .then_some(w)
}

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
            .find_map(|k| {
                let age = doc.word(&doc.tokens[k]).strip_suffix("-year-old")?;
                (!age.is_empty() && age.len() <= 3 && age.bytes().all(|b| b.is_ascii_digit()))
                    .then_some(age)
            });
        if let Some(age) = apposition {
            self.ages.push((age.to_string(), p));
        }
    }

    /// The person whose age the word at token `k` gives (`34-year-old`), if the article gave
    /// exactly one person that age.
    pub(super) fn person_of_age(&self, doc: &Document, k: usize) -> Option<usize> {
        let t = doc.tokens.get(k)?;
        let age = doc.word(t).strip_suffix("-year-old")?;
        let mut people = self.ages.iter().filter(|(a, _)| a == age).map(|&(_, p)| p);
        let p = people.next()?;
        people.all(|q| q == p).then_some(p)
    }
}
