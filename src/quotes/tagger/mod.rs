//! A small part-of-speech tagger: is this word a noun, a verb, an adverb … here? It tags one
//! word at a time from its form and its neighbours' (no tag history), so the quotation code can
//! ask about the few words it needs (a speaker mention's first and last words) at the cost of a
//! few hundred table look-ups each.
//!
//! The weights (`weights.tsv`) are an averaged perceptron trained by `scripts/train_tagger.py`
//! on GUM (CC BY 4.0: Zeldes (2017), "The GUM Corpus: Creating Multilayer Resources in the
//! Classroom", LRE 51(3), and the GUM annotators), with the Universal POS tags; 94.6 % of GUM's
//! dev words are tagged right.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::doc::{lower, Document, Lower, TokKind, Token, UNTAGGED};
use super::words::{fnv_parts, FnvBuild};

/// The feature templates, as `scripts/train_tagger.py` names them (the table's header carries
/// their hash, which a test checks).
#[cfg(test)]
const TEMPLATES: [&str; 12] = [
    "bias", "w=", "s1=", "s2=", "s3=", "p1=", "shape=", "pw=", "nw=", "pshape=", "nshape=", "first",
];

/// A Universal POS tag, as the weight table names it (`NOUN`, `PROPN`, `VERB`, …).
pub(crate) type Tag = &'static str;

/// The tags of a verb: a verb proper or an auxiliary.
pub(crate) const VERB_TAGS: [Tag; 2] = ["VERB", "AUX"];

/// The weights laid out by feature: one look-up per feature gives its weight for every tag
/// (a row of `tags.len()` numbers), instead of one look-up per feature and tag.
struct Tagger {
    tags: Vec<&'static str>,
    /// The FNV hash of a feature's name (`w=said`) → the start of its row in `rows`.
    row_of: HashMap<u64, usize, FnvBuild>,
    rows: Vec<f32>,
    /// The rows of the features whose values form a closed set, found once here instead of
    /// hashed for every word tagged: five of a word's eleven or twelve features.
    closed: ClosedRows,
}

/// The shapes of [`shape`], as the training script names them (the values of `shape=`,
/// `pshape=` and `nshape=`).
const SHAPES: [&str; 7] = [
    "none", "digit", "punct", "upper", "title", "hyphen", "lower",
];

/// The index in [`SHAPES`] of `lower`: a word's shape when it is tagged as if in lower case.
const LOWER_SHAPE: usize = 6;

/// The starts in `Tagger::rows` of the closed-set features' rows (`None`: not in the table).
struct ClosedRows {
    bias: Option<usize>,
    shape: [Option<usize>; SHAPES.len()],
    pshape: [Option<usize>; SHAPES.len()],
    nshape: [Option<usize>; SHAPES.len()],
    first: Option<usize>,
}

impl Tagger {
    fn parse(tsv: &'static str) -> Tagger {
        let tags: Vec<&'static str> = tsv
            .lines()
            .find_map(|l| l.strip_prefix("# tags\t"))
            .map(|t| t.split_whitespace().collect())
            .unwrap_or_default();
        let mut row_of: HashMap<u64, usize, FnvBuild> = HashMap::default();
        let mut rows = Vec::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            // `feature|TAG<TAB>weight`; the feature may itself hold a `|` (`pw=|`).
            let Some((name, weight)) = line.split_once('\t') else {
                continue;
            };
            let Some((feature, tag)) = name.rsplit_once('|') else {
                continue;
            };
            let (Some(column), Ok(weight)) = (
                tags.iter().position(|t| *t == tag),
                weight.trim().parse::<f32>(),
            ) else {
                continue;
            };
            let start = *row_of.entry(fnv_parts(&[feature])).or_insert_with(|| {
                rows.resize(rows.len() + tags.len(), 0.0);
                rows.len() - tags.len()
            });
            rows[start + column] = weight;
        }
        let start_of = |parts: &[&str]| row_of.get(&fnv_parts(parts)).copied();
        let closed = ClosedRows {
            bias: start_of(&["bias"]),
            shape: SHAPES.map(|shape| start_of(&["shape=", shape])),
            pshape: SHAPES.map(|shape| start_of(&["pshape=", shape])),
            nshape: SHAPES.map(|shape| start_of(&["nshape=", shape])),
            first: start_of(&["first"]),
        };
        Tagger {
            tags,
            row_of,
            rows,
            closed,
        }
    }

    /// The feature's weight for every tag; `None` for a feature the table lacks.
    fn row(&self, parts: &[&str]) -> Option<&[f32]> {
        self.row_at(*self.row_of.get(&fnv_parts(parts))?)
    }

    /// The row starting at `start` in `rows`.
    fn row_at(&self, start: usize) -> Option<&[f32]> {
        self.rows.get(start..start + self.tags.len())
    }
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::parse(include_str!("weights.tsv")))
}

/// The shape of a word, an index in [`SHAPES`]. Read in one pass over the word: three shapes
/// are asked for every word tagged.
fn shape(word: &str) -> usize {
    let (mut chars, mut digit, mut alphabetic, mut lowercase, mut hyphen) =
        (0, false, false, false, false);
    for c in word.chars() {
        chars += 1;
        digit |= c.is_ascii_digit();
        alphabetic |= c.is_alphabetic();
        lowercase |= c.is_lowercase();
        hyphen |= c == '-';
    }
    // The indices of `none`, `digit`, `punct`, `upper`, `title`, `hyphen`, `lower`.
    if chars == 0 {
        0
    } else if digit {
        1
    } else if !alphabetic {
        2
    } else if chars > 1 && !lowercase {
        3
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        4
    } else if hyphen {
        5
    } else {
        LOWER_SHAPE
    }
}

/// A token lower-cased with curly apostrophes made straight, as the training script has it;
/// borrowed from the document's lower-cased text unless there is an apostrophe to straighten.
pub(crate) fn normal<'d>(doc: &'d Document, t: &Token) -> Cow<'d, str> {
    match lower(doc, t) {
        // An ASCII word has no curly apostrophe, and is not searched for one.
        Lower::Borrowed(s) if s.is_ascii() || !s.contains('’') => Cow::Borrowed(s),
        other => Cow::Owned(other.replace('’', "'")),
    }
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

/// The first character of `w`.
fn prefix1(w: &str) -> &str {
    w.chars().next().map_or("", |c| &w[..c.len_utf8()])
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
    let lw = normal(doc, t);
    let tagger = tagger();
    let row = tagger.row(&["w=", &lw])?;
    let known = row.iter().any(|w| *w != 0.0);
    let can = tagger
        .tags
        .iter()
        .zip(row)
        .any(|(tag, w)| *w > 0.0 && tags.contains(tag));
    known.then_some(can)
}

/// The tag of token `k`, computed once per document and remembered in its `tag_memo`.
fn tag_as(doc: &Document, k: usize, in_lower_case: bool) -> Tag {
    let Some(t) = doc.tokens.get(k) else {
        return "X";
    };
    if t.kind != TokKind::Word {
        return "PUNCT";
    }
    let tags = &tagger().tags;
    let memo = doc.tag_memo.get(2 * k + usize::from(in_lower_case));
    if let Some(&tag) = memo.and_then(|m| tags.get(usize::from(m.get()))) {
        return tag;
    }
    let Some(best) = compute_tag(doc, k, in_lower_case) else {
        return "X";
    };
    if let Some(m) = memo {
        m.set(u8::try_from(best).unwrap_or(UNTAGGED));
    }
    tags[best]
}

/// The index in the tagger's tag list of the tag of token `k`; `None` when the list is empty.
fn compute_tag(doc: &Document, k: usize, in_lower_case: bool) -> Option<usize> {
    let t = &doc.tokens[k];
    let word = doc.word(t);
    let lw = normal(doc, t);
    let opens = k == 0 || doc.tokens[k - 1].ends_sentence;
    let first = !in_lower_case && opens;
    let prev = (!opens).then(|| &doc.tokens[k - 1]);
    let next = if t.ends_sentence {
        None
    } else {
        doc.tokens.get(k + 1)
    };
    let pw = prev.map_or(Cow::Borrowed(""), |p| normal(doc, p));
    let nw = next.map_or(Cow::Borrowed(""), |n| normal(doc, n));
    let prev_word = prev.map_or("", |p| doc.word(p));
    let next_word = next.map_or("", |n| doc.word(n));
    let tagger = tagger();
    let closed = &tagger.closed;
    let word_shape = if in_lower_case {
        LOWER_SHAPE
    } else {
        shape(word)
    };
    let looked_up = |template: &str, value: &str| tagger.row(&[template, value]);
    let at = |start: Option<usize>| start.and_then(|start| tagger.row_at(start));
    // In the order of the training script's templates: the scores are the same sums, to the bit.
    let rows: [Option<&[f32]>; 12] = [
        at(closed.bias),
        looked_up("w=", &lw),
        looked_up("s1=", suffix(&lw, 1)),
        looked_up("s2=", suffix(&lw, 2)),
        looked_up("s3=", suffix(&lw, 3)),
        looked_up("p1=", prefix1(&lw)),
        at(closed.shape[word_shape]),
        looked_up("pw=", &pw),
        looked_up("nw=", &nw),
        at(closed.pshape[shape(prev_word)]),
        at(closed.nshape[shape(next_word)]),
        // The sentence's first word; no such feature when it is not.
        if first { at(closed.first) } else { None },
    ];
    let mut scores = [0.0f32; 32];
    let scores = &mut scores[..tagger.tags.len().min(32)];
    for row in rows.into_iter().flatten() {
        for (score, w) in scores.iter_mut().zip(row) {
            *score += w;
        }
    }
    // Highest score wins; ties go to the tag last in alphabetical order, as in training.
    let mut best: (f32, Option<usize>) = (f32::MIN, None);
    for (i, &score) in scores.iter().enumerate() {
        if score >= best.0 {
            best = (score, Some(i));
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
    fn shapes_are_named_as_in_training() {
        let named = |w: &str| SHAPES[shape(w)];
        assert_eq!(named(""), "none");
        assert_eq!(named("2016"), "digit");
        assert_eq!(named("’"), "punct");
        assert_eq!(named("FBI"), "upper");
        assert_eq!(named("Said"), "title");
        assert_eq!(named("A"), "title");
        assert_eq!(named("well-known"), "hyphen");
        assert_eq!(named("said"), "lower");
        assert_eq!(SHAPES[LOWER_SHAPE], "lower");
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
