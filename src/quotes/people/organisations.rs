//! The organisations an article names (`the International Monetary Fund`, `The New York
//! Times`, `the FBI`), for the `it` and `they` that speak for them (`“…,” it said`): a
//! capitalised run that is no person and ends in an organisation's word
//! (`lexicon/organisation_heads.txt`) or is an acronym.

use super::People;
use crate::quotes::doc::{lower, Document, TokKind};
use crate::quotes::lexicon;

/// How many narrative sentences back an organisation may stand for `it` or `they`.
const WINDOW: u32 = 3;

/// An organisation's mention: tokens `[from, end)` and its sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Organisation {
    from: usize,
    end: usize,
    sentence: u32,
}

impl People {
    /// Notes the capitalised run `[from, end)` when it names an organisation.
    pub(super) fn note_organisation(&mut self, doc: &Document, from: usize, end: usize) {
        let Some(last) = (from..end)
            .rev()
            .find(|&k| doc.tokens[k].kind == TokKind::Word)
        else {
            return;
        };
        let word = doc.word(&doc.tokens[last]);
        let acronym = word.len() >= 3
            && word.chars().all(|c| c.is_ascii_uppercase())
            && !lexicon::NOT_PERSON_WORDS.contains_lowercase(word);
        let head = lexicon::ORGANISATION_HEADS.contains(&lower(doc, &doc.tokens[last]));
        if !(acronym || head) {
            return;
        }
        // `the` before the name belongs to it: `the Security Council`.
        let from = match from.checked_sub(1) {
            Some(k) if lower(doc, &doc.tokens[k]).as_str() == "the" => k,
            _ => from,
        };
        let sentence = self.sentence_of(from);
        self.organisations.push(Organisation {
            from,
            end: last + 1,
            sentence,
        });
    }

    /// The organisation `it` or `they` at token `s` stands for, as the article writes it: the
    /// last named in the narrative sentences just before, if any.
    pub(super) fn organisation_before<'d>(&self, doc: &Document<'d>, s: usize) -> Option<&'d str> {
        let sentence = self.sentence_of(s);
        let idx = self.organisations.partition_point(|o| o.end <= s);
        let o = self.organisations[..idx].last()?;
        if self.narrative_distance(o.sentence, sentence) > WINDOW {
            return None;
        }
        let (a, b) = doc.byte_span((o.from, o.end))?;
        doc.text.get(a..b)
    }
}
