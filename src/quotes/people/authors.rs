//! Who wrote the piece, for its `I`: a byline (`By Ana Ruiz`), the author's note that closes
//! an op-ed (`Ana Ruiz is a nurse in Leeds.`), or the signature under each reader's letter (a
//! paragraph that is only a name: `Chris Smith.`). An `I` outside quotation marks belongs to
//! the first signature after it, or else to the author.

use super::runs::{run_end, split_run};
use super::People;
use crate::quotes::doc::{is_capitalised, lower, Document, TokKind};
use crate::quotes::lexicon;

impl People {
    /// Finds the bylines, authors' notes and signatures of the article.
    pub(super) fn find_authors(&mut self, doc: &Document) {
        let paragraphs = paragraphs(doc);
        let count = paragraphs.len();
        for (n, &(from, to)) in paragraphs.iter().enumerate() {
            // The paragraph's words outside quotations, iterated rather than collected: every
            // paragraph of every article is read here.
            let words = || {
                (from..to).filter(|&k| {
                    doc.tokens[k].kind == TokKind::Word && doc.tokens[k].quote.is_none()
                })
            };
            let Some(first) = words().next() else {
                continue;
            };
            // `By Ana Ruiz` among the first paragraphs.
            if n < 3 && doc.word(&doc.tokens[first]) == "By" && words().nth(6).is_none() {
                if let Some(p) = self.name_at(doc, first + 1, to) {
                    self.author = Some(p);
                }
                continue;
            }
            let end = run_end(doc, first).min(to);
            let name_words = (first..end)
                .filter(|&k| doc.tokens[k].kind == TokKind::Word)
                .count();
            if !(2..=4).contains(&name_words) || !is_capitalised(doc, &doc.tokens[first]) {
                continue;
            }
            // A paragraph that is a name and nothing else: a letter's signature.
            if words().nth(name_words).is_none() {
                if let Some(p) = self.name_at(doc, first, end) {
                    self.signatures.push((first, p));
                }
                continue;
            }
            // `Ana Ruiz is a nurse …` closing the piece.
            let verb = words()
                .find(|&k| k >= end)
                .map(|k| lower(doc, &doc.tokens[k]));
            if n + 2 >= count && verb.is_some_and(|v| lexicon::AUTHOR_NOTE_VERBS.contains(&v)) {
                if let Some(p) = self.name_at(doc, first, end) {
                    self.author = Some(p);
                }
            }
        }
    }

    /// The person a name at tokens `[from, to)` names, added to the table if new.
    fn name_at(&mut self, doc: &Document, from: usize, to: usize) -> Option<usize> {
        let end = run_end(doc, from).min(to);
        let run = split_run(doc, from, end)?;
        if run.words.len() < 2 {
            return None;
        }
        self.add_run(&run, || false)
    }

    /// The writer an `I` at token `s` outside quotation marks stands for: the first signature
    /// after it, or the author of the piece.
    pub(super) fn writer_of(&self, s: usize) -> Option<usize> {
        self.signatures
            .iter()
            .find(|&&(at, _)| at > s)
            .map(|&(_, p)| p)
            .or(self.author)
    }
}

/// Each paragraph's tokens `[from, to)`.
fn paragraphs(doc: &Document) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..=doc.tokens.len() {
        if k == doc.tokens.len() || doc.tokens[k].para != doc.tokens[from].para {
            out.push((from, k));
            from = k;
        }
    }
    out
}
