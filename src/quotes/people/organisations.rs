//! The organisations an article names (`the International Monetary Fund`, `The New York
//! Times`, `the FBI`), for the `it` and `they` that speak for them (`“…,” it said`): a
//! capitalised run that is no person and ends in an organisation's word
//! (`lexicon/organisation_heads.txt`) or is an acronym; and for the descriptions that stand for
//! one (`the agency said`, `lexicon/organisation_descriptions.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::People;
use crate::quotes::doc::{is_acronym, lower, Document, TokKind};
use crate::quotes::lexicon;
use crate::quotes::words::lexicon_entries;

/// How many narrative sentences back an organisation may stand for `it` or `they`.
const WINDOW: u32 = 3;

/// How many narrative sentences back an organisation may stand for a description (`the
/// agency`), which names what it stands for and may reach further than `it`.
const DESCRIPTION_WINDOW: u32 = 8;

/// `lexicon/organisation_descriptions.tsv`: a description noun → the last words of the names it
/// may stand for (`ACRONYM` for an acronym).
fn descriptions() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        lexicon_entries(include_str!("../lexicon/organisation_descriptions.tsv"))
            .filter_map(|l| {
                let (noun, heads) = l.split_once('\t')?;
                Some((noun, heads.split_whitespace().collect()))
            })
            .collect()
    })
}

/// An organisation's mention: tokens `[from, end)` and its sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Organisation {
    from: usize,
    end: usize,
    sentence: u32,
    /// The token of its organisation's word (`Bureau` in `the Federal Bureau of Investigation`).
    head: usize,
    /// Whether the name is an acronym (`the FBI`) rather than one with an organisation's word.
    acronym: bool,
    /// Its words: `Commission` alone names no organisation a description can stand for.
    words: usize,
}

/// Whether a word next to token `k` is in capitals too: a headline or a shouted line, whose
/// words are no acronyms.
fn in_capitals_line(doc: &Document, k: usize) -> bool {
    let upper_at = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Word && is_acronym(doc.word(t)))
    };
    (k > 0 && upper_at(k - 1)) || upper_at(k + 1)
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
        // `FBI`, `CNN`; not a word of a headline in capitals (`TRUMP WINS NEVADA`).
        let acronym = is_acronym(word) && !in_capitals_line(doc, last);
        let is_head = |k: usize| lexicon::ORGANISATION_HEADS.contains(&lower(doc, &doc.tokens[k]));
        // `the Federal Bureau of Investigation`: the word before `of` may be the head.
        let head = if is_head(last) {
            Some(last)
        } else {
            (from + 1..last)
                .find(|&k| doc.word(&doc.tokens[k]) == "of")
                .map(|of| of - 1)
                .filter(|&k| is_head(k))
        };
        if !(acronym || head.is_some()) {
            return;
        }
        // `A Government Accountability Office`: an article opening the sentence is no part of
        // the name.
        let from = if lexicon::DETERMINERS.contains(&lower(doc, &doc.tokens[from])) && from < last {
            from + 1
        } else {
            from
        };
        let words = (from..=last)
            .filter(|&k| doc.tokens[k].kind == TokKind::Word)
            .count();
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
            head: head.unwrap_or(last),
            acronym: acronym && head.is_none(),
            words,
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

    /// The organisation the description `the NOUN` at tokens `[s, e)` stands for (`the agency` →
    /// `the Federal Bureau of Investigation`): the last named in the sentences before whose name
    /// fits the noun; `None` when the phrase is no such description or none fits.
    pub(super) fn organisation_described<'d>(
        &self,
        doc: &Document<'d>,
        s: usize,
        e: usize,
    ) -> Option<&'d str> {
        if e != s + 2 || lower(doc, &doc.tokens[s]).as_str() != "the" {
            return None;
        }
        let heads = descriptions().get(lower(doc, &doc.tokens[s + 1]).as_str())?;
        let sentence = self.sentence_of(s);
        let idx = self.organisations.partition_point(|o| o.end <= s);
        let o = self.organisations[..idx]
            .iter()
            .rev()
            .take_while(|o| self.narrative_distance(o.sentence, sentence) <= DESCRIPTION_WINDOW)
            .find(|o| {
                if o.acronym {
                    // `the FBI`, not a caption in capitals (`FULL TEXT`).
                    o.words == 1 && heads.contains(&"ACRONYM")
                } else {
                    o.words >= 2 && heads.contains(&lower(doc, &doc.tokens[o.head]).as_str())
                }
            })?;
        let (a, b) = doc.byte_span((o.from, o.end))?;
        doc.text.get(a..b)
    }
}
