//! Whether a person of the article is a man or a woman, as far as the article tells: a title
//! (`Mr`, `Mrs`, `Dame`), a first name the training data knows (`lexicon/male_first_names.txt`,
//! learned by `scripts/train_first_names.py`), or, failing both, the pronouns the article uses
//! right after naming them alone (`Ana Ruiz resigned. She said …`).

use std::sync::OnceLock;

use super::runs::Run;
use super::{Gender, People};
use crate::quotes::doc::{lower, lower_str, Document, TokKind};
use crate::quotes::lexicon;
use crate::quotes::words::WordSet;

/// The gender a run's titles or first name give.
pub(super) fn of_run(run: &Run) -> Option<Gender> {
    let by_title = run.titles.iter().find_map(|t| {
        if lexicon::MALE_TITLES.contains(t.as_str()) {
            Some(Gender::Male)
        } else if lexicon::FEMALE_TITLES.contains(t.as_str()) {
            Some(Gender::Female)
        } else {
            None
        }
    });
    by_title.or_else(|| {
        // A first name only when the run has a surname after it: `Jordan` alone may be one.
        let [first, _, ..] = run.words.as_slice() else {
            return None;
        };
        of_first_name(&lower_str(first))
    })
}

pub(super) fn of_first_name(first: &str) -> Option<Gender> {
    by_lists(
        first,
        &lexicon::MALE_FIRST_NAMES,
        &lexicon::FEMALE_FIRST_NAMES,
    )
}

/// `Male` when `male` holds `word`, `Female` when `female` does.
fn by_lists(word: &str, male: &WordSet, female: &WordSet) -> Option<Gender> {
    if male.contains(word) {
        Some(Gender::Male)
    } else if female.contains(word) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Whether `word` (in any case) may be one of the gendered pronouns: its length and first
/// letter are those of one, a test that spares most words of an article the look-ups.
pub(super) fn may_be_pronoun(word: &str) -> bool {
    static SHAPES: OnceLock<(usize, [bool; 128])> = OnceLock::new();
    let (longest, firsts) = SHAPES.get_or_init(|| {
        let mut firsts = [false; 128];
        let mut longest = 0;
        for w in lexicon::MALE_PRONOUNS
            .words()
            .into_iter()
            .chain(lexicon::FEMALE_PRONOUNS.words())
        {
            longest = longest.max(w.len());
            if let Some(&b) = w.as_bytes().first() {
                firsts[usize::from(b.to_ascii_lowercase() & 0x7f)] = true;
            }
        }
        (longest, firsts)
    });
    word.len() <= *longest
        && word
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii() && firsts[usize::from(b.to_ascii_lowercase())])
}

/// The gender a word gives when it is a personal pronoun (`he`, `her`).
pub(super) fn of_pronoun(word: &str) -> Option<Gender> {
    by_lists(word, &lexicon::MALE_PRONOUNS, &lexicon::FEMALE_PRONOUNS)
}

impl People {
    /// Gives a gender to the people no title or first name gave one: the pronouns outside
    /// quotations after a sentence's only person (in that sentence, after the mention, and in
    /// the next sentence when it names nobody) are counted over the article, and a clear
    /// majority (two to one at least) decides.
    pub(super) fn learn_genders(&mut self, doc: &Document) {
        let mut tally = vec![[0u32; 2]; self.entries.len()];
        let spots = &self.spots;
        let mut k = 0;
        while k < spots.len() {
            let sentence = spots[k].sentence;
            let mut end = k;
            while end < spots.len() && spots[end].sentence == sentence {
                end += 1;
            }
            let person = spots[k].person;
            let alone = spots[k..end].iter().all(|m| m.person == person);
            let next_named = spots.get(end).is_some_and(|m| m.sentence == sentence + 1);
            if alone && self.entries[person].gender.is_none() {
                let last_sentence = if next_named { sentence } else { sentence + 1 };
                let until = self
                    .sentence_starts
                    .get(last_sentence as usize + 1)
                    .copied()
                    .unwrap_or(doc.tokens.len());
                for t in &doc.tokens[spots[k].end.min(until)..until] {
                    if t.quote.is_none() && t.kind == TokKind::Word {
                        match of_pronoun(&lower(doc, t)) {
                            Some(Gender::Male) => tally[person][0] += 1,
                            Some(Gender::Female) => tally[person][1] += 1,
                            None => {}
                        }
                    }
                }
            }
            k = end;
        }
        for (entry, [male, female]) in self.entries.iter_mut().zip(tally) {
            if entry.gender.is_none() {
                if male > 2 * female {
                    entry.gender = Some(Gender::Male);
                } else if female > 2 * male {
                    entry.gender = Some(Gender::Female);
                }
            }
        }
    }
}
