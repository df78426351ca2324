//! A small part-of-speech tagger: is this word a noun, a verb, an adverb … here? It tags one
//! word at a time from its form and its neighbours' (no tag history), so the quotation code can
//! ask about the few words it needs (a speaker mention's first and last words) at the cost of a
//! few hundred table look-ups each.
//!
//! The weights (`weights.tsv`) are an averaged perceptron trained by `scripts/train_tagger.py`
//! on GUM (CC BY 4.0: Zeldes (2017), "The GUM Corpus: Creating Multilayer Resources in the
//! Classroom", LRE 51(3), and the GUM annotators), with the Universal POS tags; 94.6 % of GUM's
//! dev words are tagged right.

use std::sync::OnceLock;

use super::doc::{lower, Document, TokKind};
use super::model::WeightTable;

/// The feature templates, as `scripts/train_tagger.py` names them (the table's header carries
/// their hash, which a test checks).
#[cfg(test)]
const TEMPLATES: [&str; 12] = [
    "bias", "w=", "s1=", "s2=", "s3=", "p1=", "shape=", "pw=", "nw=", "pshape=", "nshape=", "first",
];

/// A Universal POS tag, as the weight table names it (`NOUN`, `PROPN`, `VERB`, …).
pub(crate) type Tag = &'static str;

struct Tagger {
    weights: WeightTable,
    tags: Vec<&'static str>,
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let tsv: &'static str = include_str!("weights.tsv");
        let tags = tsv
            .lines()
            .find_map(|l| l.strip_prefix("# tags\t"))
            .map(|t| t.split_whitespace().collect())
            .unwrap_or_default();
        Tagger {
            weights: WeightTable::parse(tsv),
            tags,
        }
    })
}

/// The shape of a word as the training script names it.
fn shape(word: &str) -> &'static str {
    if word.is_empty() {
        "none"
    } else if word.chars().any(|c| c.is_ascii_digit()) {
        "digit"
    } else if !word.chars().any(char::is_alphabetic) {
        "punct"
    } else if word.chars().count() > 1 && !word.chars().any(char::is_lowercase) {
        "upper"
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        "title"
    } else if word.contains('-') {
        "hyphen"
    } else {
        "lower"
    }
}

/// A word lower-cased with curly apostrophes made straight, as the training script has it.
fn normal(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// The last `n` characters of `w`.
fn suffix(w: &str, n: usize) -> &str {
    let start = w
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &w[start..]
}

/// The tag of token `k` of the document (a word; anything else is `PUNCT`).
pub(crate) fn tag(doc: &Document, k: usize) -> Tag {
    tag_as(doc, k, false)
}

/// The tag token `k` would have written in lower case in mid-sentence: what a capitalised word
/// opening a sentence is when it is no name (`Perhaps` an adverb, `Bush` a noun).
pub(crate) fn tag_in_lower_case(doc: &Document, k: usize) -> Tag {
    tag_as(doc, k, true)
}

/// What the training data says word `k` (in any case) can be: `None` for a word it never saw,
/// else whether one of `tags` is among the tags it had there (`official` can be a `NOUN`,
/// `worst` cannot).
pub(crate) fn can_be(doc: &Document, k: usize, tags: &[Tag]) -> Option<bool> {
    let t = doc.tokens.get(k)?;
    let lw = normal(&lower(doc, t));
    let tagger = tagger();
    let mut known = false;
    for &tag in &tagger.tags {
        let w = tagger.weights.weight(&["w=", &lw, "|", tag]);
        if w != 0.0 {
            known = true;
            if w > 0.0 && tags.contains(&tag) {
                return Some(true);
            }
        }
    }
    known.then_some(false)
}

fn tag_as(doc: &Document, k: usize, in_lower_case: bool) -> Tag {
    let Some(t) = doc.tokens.get(k) else {
        return "X";
    };
    if t.kind != TokKind::Word {
        return "PUNCT";
    }
    let word = doc.word(t);
    let lw = normal(&lower(doc, t));
    let opens = k == 0 || doc.tokens[k - 1].ends_sentence;
    let first = !in_lower_case && opens;
    let prev = if opens {
        ""
    } else {
        doc.word(&doc.tokens[k - 1])
    };
    let next = if t.ends_sentence {
        ""
    } else {
        doc.tokens.get(k + 1).map_or("", |n| doc.word(n))
    };
    let (pw, nw) = (normal(prev), normal(next));
    let p1 = lw.chars().next().map_or(String::new(), String::from);
    let features: [[&str; 2]; 11] = [
        ["bias", ""],
        ["w=", &lw],
        ["s1=", suffix(&lw, 1)],
        ["s2=", suffix(&lw, 2)],
        ["s3=", suffix(&lw, 3)],
        ["p1=", &p1],
        ["shape=", if in_lower_case { "lower" } else { shape(word) }],
        ["pw=", &pw],
        ["nw=", &nw],
        ["pshape=", shape(prev)],
        ["nshape=", shape(next)],
    ];
    let tagger = tagger();
    let mut best: (f32, Tag) = (f32::MIN, "X");
    // Highest score wins; ties go to the tag last in alphabetical order, as in training.
    for &tag in &tagger.tags {
        let mut score = 0.0;
        for [template, value] in &features {
            score += tagger.weights.weight(&[template, value, "|", tag]);
        }
        if first {
            score += tagger.weights.weight(&["first", "|", tag]);
        }
        if score >= best.0 {
            best = (score, tag);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let spans = quoted_spans(text, MarkSet::EVERY);
        let doc = Document::new(text, &spans);
        (0..doc.tokens.len())
            .filter(|&k| doc.tokens[k].kind == TokKind::Word)
            .map(|k| (doc.word(&doc.tokens[k]).to_string(), tag(&doc, k)))
            .collect()
    }

    #[test]
    fn the_weights_were_trained_with_the_codes_templates() {
        let table = include_str!("weights.tsv");
        assert_eq!(crate::quotes::model::check_table(table, &TEMPLATES), Ok(()));
    }

    #[test]
    fn words_are_tagged_by_what_they_do_in_the_sentence() {
        let tagged = tags("The state said the mayor would state her case on Tuesday.");
        let of = |w: &str, n: usize| {
            tagged
                .iter()
                .filter(|(word, _)| word == w)
                .nth(n)
                .map(|(_, t)| *t)
        };
        assert_eq!(of("state", 0), Some("NOUN"));
        assert_eq!(of("state", 1), Some("VERB"));
        assert_eq!(of("said", 0), Some("VERB"));
        assert_eq!(of("Tuesday", 0), Some("PROPN"));
        assert_eq!(of("her", 0), Some("PRON"));
    }
}
