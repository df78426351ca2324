//! Reported speech: attributions without quotation marks.
//!
//! News reports far more speech than it quotes: `Mr Starmer said the commitment was sincere`,
//! `The plan will fail, the minister warned.`, `According to aides, talks have stalled.`. Each
//! sentence is read once, left to right; a verb that reports speech or thought opens an
//! attribution whose source is its subject and whose content is, as PolNeAR draws it, the
//! reported clause without the cue and the source:
//! - forwards, `X said (that) …`, `X told reporters …`, `X said on Tuesday that …`: from the
//!   word after the cue (after a recipient or a time phrase) to the end of the clause;
//! - backwards, `… , X said.` / `… , said X.` / `… , according to X.`: the sentence up to the
//!   comma before the source and cue;
//! - around, `… , X said, …`: the whole sentence, whose two halves are the content;
//! - `According to X, …`: the clause after the comma.
//!
//! Which words report speech is learnt: `reported_cues.tsv` holds, for every word form, how
//! often it heads an annotated cue in PolNeAR's train split (`scripts/train_reported.py`); the
//! verbs of `cues` count as cues too. A clause that is all quotation is left to the quotation
//! (it is a direct quote); one holding a quoted fragment is mixed speech and kept whole.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::content_end;
use super::cues;
use super::doc::{is_capitalised, is_possessive, is_word, lower, lower_str, Lower};
use super::doc::{Document, Fnv, TokKind, Token, WordMap};
use super::mentions::{is_day_name, np_starting_at, opening_np, subject_before};
use super::model::sigmoid;
pub(crate) use super::words::{fnv_parts, FnvBuild};
use super::QuoteKind;

/// The least share of a word's occurrences heading a cue for it to open an attribution.
const MIN_CUE_SHARE: f32 = 0.4;

/// Below this share of its occurrences heading a cue, a word is not scored by the cue model.
const MODEL_FLOOR: f32 = 0.08;

/// The share above which a cue needs no subject read to open an attribution.
const SURE_CUE_SHARE: f32 = 0.6;

/// The most tokens a reported clause runs over (the longest annotated content in PolNeAR train
/// has 355).
const MAX_CLAUSE_TOKENS: usize = 400;

/// The most tokens a headline has.
const MAX_HEADLINE_TOKENS: usize = 40;

/// How many of the sentence's latest reports a new one may lie within or beside.
const RECENT_REPORTS: usize = 8;

/// The fewest words a reported clause has: `he said so` reports nothing.
const MIN_CONTENT_WORDS: usize = 2;

/// The fewest words of a clause read forwards from its cue: one for verbs whose object is what
/// was said or meant (`endorsed her`, `attacked Khan`), two for verbs of saying proper.
fn min_forward_words(cue: &str) -> usize {
    if is_verb_of_saying_proper(cue) {
        MIN_CONTENT_WORDS
    } else {
        1
    }
}

/// A reported-speech attribution, in tokens: content and cue as `[start, end)` ranges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reported {
    pub content: (usize, usize),
    pub cue: (usize, usize),
    pub mention: Option<(usize, usize)>,
    pub confidence: f32,
}

type Table = HashMap<&'static str, f32, std::hash::BuildHasherDefault<Fnv>>;

/// Marks, in [`cue_forms`], a verb of the `cues` lexicon the corpus hardly uses as a cue.
const LEXICON_ONLY: f32 = -1.0;

/// Every word form that may head a cue: the forms of `reported_cues.tsv` with their share, and
/// the lexicon's verbs of saying the table lacks, marked [`LEXICON_ONLY`]. One table, so each
/// word of an article costs one look-up.
fn cue_forms() -> &'static Table {
    static FORMS: OnceLock<Table> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut table: Table = include_str!("reported_cues.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (form, share) = l.split_once('\t')?;
                Some((form, share.trim().parse::<f32>().ok()?))
            })
            .collect();
        for form in cues::saying_forms() {
            table.entry(form).or_insert(LEXICON_ONLY);
        }
        table
    })
}

/// [`cue_forms`] laid out for looking up every word of an article.
fn form_shares() -> &'static WordMap<f32> {
    static SHARES: OnceLock<WordMap<f32>> = OnceLock::new();
    SHARES.get_or_init(|| WordMap::new(cue_forms().iter().map(|(&w, &share)| (w, share))))
}

/// The share of the form's occurrences in PolNeAR train that head a cue, if the table has it.
fn learnt_share(word: &str) -> Option<f32> {
    form_shares().get(word).filter(|&s| s >= 0.0)
}

/// Weights of the cue model (`scripts/train_reported.py`, logistic regression over the
/// features of [`cue_features`], trained on PolNeAR train only).
/// Keyed by the FNV hash of the feature's name, so that scoring a word hashes the pieces of
/// each feature without building its name.
fn cue_weights() -> &'static HashMap<u64, f32, std::hash::BuildHasherDefault<Fnv>> {
    static WEIGHTS: OnceLock<HashMap<u64, f32, std::hash::BuildHasherDefault<Fnv>>> =
        OnceLock::new();
    WEIGHTS.get_or_init(|| weight_table(include_str!("reported_weights.tsv")))
}

/// A model's `feature<TAB>weight` table, keyed by the FNV hash of the feature's name.
pub(crate) fn weight_table(tsv: &str) -> HashMap<u64, f32, FnvBuild> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, w) = l.split_once('\t')?;
            Some((fnv_parts(&[name]), w.trim().parse::<f32>().ok()?))
        })
        .collect()
}

/// A coarse class of a token for the cue model: what stands before and after a verb tells a
/// report (`he said that`, `officials warned the`) from a noun or a plain verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    None,
    Mark,
    Comma,
    Colon,
    Stop,
    Punct,
    Pron,
    That,
    To,
    Det,
    Prep,
    Aux,
    Adv,
    Cap,
    Num,
    Cue,
    Word,
}

/// How many classes there are: the scorer's tables have a slot for each.
const CLASSES: usize = 17;

impl Class {
    const ALL: [Class; CLASSES] = [
        Class::None,
        Class::Mark,
        Class::Comma,
        Class::Colon,
        Class::Stop,
        Class::Punct,
        Class::Pron,
        Class::That,
        Class::To,
        Class::Det,
        Class::Prep,
        Class::Aux,
        Class::Adv,
        Class::Cap,
        Class::Num,
        Class::Cue,
        Class::Word,
    ];

    /// The class as the model's feature names spell it.
    fn name(self) -> &'static str {
        match self {
            Class::None => "none",
            Class::Mark => "mark",
            Class::Comma => "comma",
            Class::Colon => "colon",
            Class::Stop => "stop",
            Class::Punct => "punct",
            Class::Pron => "pron",
            Class::That => "that",
            Class::To => "to",
            Class::Det => "det",
            Class::Prep => "prep",
            Class::Aux => "aux",
            Class::Adv => "adv",
            Class::Cap => "cap",
            Class::Num => "num",
            Class::Cue => "cue",
            Class::Word => "word",
        }
    }
}

/// The class of the token at `k` ([`Class::None`] past either end of the text).
fn class_of(doc: &Document, k: Option<usize>) -> Class {
    let Some(t) = k.and_then(|k| doc.tokens.get(k)) else {
        return Class::None;
    };
    match t.kind {
        TokKind::Mark => Class::Mark,
        TokKind::Punct(',') => Class::Comma,
        TokKind::Punct(':') => Class::Colon,
        TokKind::Punct('.' | '?' | '!') => Class::Stop,
        TokKind::Punct(_) => Class::Punct,
        TokKind::Word => {
            let l = lower(doc, t);
            match l.as_str() {
                "he" | "she" | "they" | "we" | "i" | "it" | "you" | "who" => Class::Pron,
                "that" => Class::That,
                "to" => Class::To,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these"
                | "those" | "our" | "my" | "your" => Class::Det,
                "in" | "on" | "at" | "of" | "for" | "with" | "about" | "from" | "by" | "as" => {
                    Class::Prep
                }
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been" | "will"
                | "would" | "can" | "could" | "may" | "might" | "should" | "did" | "does"
                | "do" => Class::Aux,
                "also" | "not" | "never" | "repeatedly" | "publicly" | "previously" => Class::Adv,
                _ if is_capitalised(doc, t) => Class::Cap,
                _ if l.chars().all(|c| c.is_ascii_digit()) => Class::Num,
                _ if learnt_share(l.as_str()).is_some() => Class::Cue,
                _ => Class::Word,
            }
        }
    }
}

/// The name of the class of the token at `k`: see [`Class`].
pub(crate) fn token_class(doc: &Document, k: Option<usize>) -> &'static str {
    class_of(doc, k).name()
}

/// The cue model's features of the word at `i` (a form that heads cues in the corpus), each
/// passed to `emit` in turn: built in one buffer, since this runs for every candidate word.
fn each_feature(doc: &Document, i: usize, emit: &mut dyn FnMut(&[&str])) {
    let w = doc
        .tokens
        .get(i)
        .map_or_else(|| lower_str(""), |t| lower(doc, t));
    let prev = i.checked_sub(1);
    let pc = token_class(doc, prev);
    let nc = token_class(doc, Some(i + 1));
    let n2c = token_class(doc, Some(i + 2));
    let chars = w.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
    let suffix = &w[chars..];
    let first = prev.is_none_or(|p| doc.tokens[p].ends_sentence);
    let word_or_class = |k: Option<usize>| match k.and_then(|k| doc.tokens.get(k)) {
        Some(t) if t.kind == TokKind::Word => lower(doc, t),
        _ => lower_str(token_class(doc, k)),
    };
    let (p, n) = (word_or_class(prev), word_or_class(Some(i + 1)));
    let mut put = |parts: &[&str]| emit(parts);
    let w = w.as_str();
    put(&["bias"]);
    put(&["w=", w]);
    put(&["sfx=", suffix]);
    put(&["p=", p.as_str()]);
    put(&["n=", n.as_str()]);
    put(&["pc=", pc]);
    put(&["nc=", nc]);
    put(&["nc2=", nc, "|", n2c]);
    put(&["pc|nc=", pc, "|", nc]);
    put(&["w|nc=", w, "|", nc]);
    put(&["w|pc=", w, "|", pc]);
    put(&["sfx|nc=", suffix, "|", nc]);
    put(&["first=", if first { "true" } else { "false" }]);
}

/// The cue model's features of the word at `i`, for training.
pub(crate) fn cue_features(doc: &Document, i: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(13);
    each_feature(doc, i, &mut |parts| out.push(parts.concat()));
    out
}

/// Every word the cue model scores, with its features (training data for the model).
pub(crate) fn cue_candidates(doc: &Document) -> Vec<(usize, Vec<String>)> {
    (0..doc.tokens.len())
        .filter(|&i| {
            let t = &doc.tokens[i];
            t.kind == TokKind::Word
                && t.quote.is_none()
                && learnt_share(lower(doc, t).as_str()).is_some()
        })
        .map(|i| (i, cue_features(doc, i)))
        .collect()
}

/// The weight of the feature named by the concatenation of `parts`; 0 when the model lacks it.
fn weight(parts: &[&str]) -> f32 {
    cue_weights().get(&fnv_parts(parts)).copied().unwrap_or(0.0)
}

/// The weights of the features of [`each_feature`] that depend on the scored word's form.
struct FormWeights {
    w: f32,
    sfx: f32,
    /// `w|nc=`, by the class of the next token.
    w_nc: [f32; CLASSES],
    /// `w|pc=`, by the class of the previous token.
    w_pc: [f32; CLASSES],
    /// `sfx|nc=`, by the class of the next token.
    sfx_nc: [f32; CLASSES],
}

/// The cue model laid out for scoring. Of the features of [`each_feature`] only the
/// neighbouring words (`p=`, `n=`) are open-ended: every other weight depends on the scored
/// word's form and the classes around it, so it is looked up once, here, instead of being
/// hashed for every scored word of every article.
struct Scorer {
    bias: f32,
    pc: [f32; CLASSES],
    nc: [f32; CLASSES],
    /// `nc2=`, by the classes of the next token and the one after it.
    nc2: [[f32; CLASSES]; CLASSES],
    /// `pc|nc=`, by the classes of the previous and the next token.
    pc_nc: [[f32; CLASSES]; CLASSES],
    /// `p=` and `n=` of a neighbour that is no word: the feature names its class.
    p_class: [f32; CLASSES],
    n_class: [f32; CLASSES],
    /// `first=false`, `first=true`.
    first: [f32; 2],
    /// Every form the model scores (a share of at least [`MODEL_FLOOR`]).
    forms: HashMap<&'static str, FormWeights, BuildHasherDefault<Fnv>>,
}

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        let by_class = |prefix: &str| Class::ALL.map(|c| weight(&[prefix, c.name()]));
        let by_classes = |prefix: &str| {
            Class::ALL.map(|a| Class::ALL.map(|b| weight(&[prefix, a.name(), "|", b.name()])))
        };
        let forms = cue_forms()
            .iter()
            .filter(|&(_, &share)| share >= MODEL_FLOOR)
            .map(|(&w, _)| {
                let sfx = suffix(w);
                let with_class = |prefix: &str, part: &str| {
                    Class::ALL.map(|c| weight(&[prefix, part, "|", c.name()]))
                };
                let weights = FormWeights {
                    w: weight(&["w=", w]),
                    sfx: weight(&["sfx=", sfx]),
                    w_nc: with_class("w|nc=", w),
                    w_pc: with_class("w|pc=", w),
                    sfx_nc: with_class("sfx|nc=", sfx),
                };
                (w, weights)
            })
            .collect();
        Scorer {
            bias: weight(&["bias"]),
            pc: by_class("pc="),
            nc: by_class("nc="),
            nc2: by_classes("nc2="),
            pc_nc: by_classes("pc|nc="),
            p_class: by_class("p="),
            n_class: by_class("n="),
            first: [weight(&["first=false"]), weight(&["first=true"])],
            forms,
        }
    })
}

/// The last three characters of a word (the whole of a shorter one): the `sfx=` feature.
fn suffix(w: &str) -> &str {
    let chars = w.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
    &w[chars..]
}

/// The cue model's probability that the word at `i`, of lower-case form `form`, heads a cue.
/// The weights are added in the order of [`each_feature`], so that the sum, and the
/// probability, are those of [`probability_by_features`] to the bit.
fn model_probability(doc: &Document, i: usize, form: &str) -> f32 {
    let scorer = scorer();
    let Some(fw) = scorer.forms.get(form) else {
        // Not reached: the scorer holds every form the model scores.
        return probability_by_features(doc, i);
    };
    let prev = i.checked_sub(1);
    let next = Some(i + 1);
    let (pc, nc) = (class_of(doc, prev) as usize, class_of(doc, next) as usize);
    let n2c = class_of(doc, Some(i + 2)) as usize;
    let first = prev.is_none_or(|p| doc.tokens[p].ends_sentence);
    let neighbour =
        |k: Option<usize>, prefix: &str, by_class: &[f32; CLASSES], class: usize| match k
            .and_then(|k| doc.tokens.get(k))
        {
            Some(t) if t.kind == TokKind::Word => weight(&[prefix, lower(doc, t).as_str()]),
            _ => by_class[class],
        };
    let mut z = 0.0;
    z += scorer.bias;
    z += fw.w;
    z += fw.sfx;
    z += neighbour(prev, "p=", &scorer.p_class, pc);
    z += neighbour(next, "n=", &scorer.n_class, nc);
    z += scorer.pc[pc];
    z += scorer.nc[nc];
    z += scorer.nc2[nc][n2c];
    z += scorer.pc_nc[pc][nc];
    z += fw.w_nc[nc];
    z += fw.w_pc[pc];
    z += fw.sfx_nc[nc];
    z += scorer.first[usize::from(first)];
    sigmoid(z)
}

/// The cue model's probability for the word at `i`, feature by feature: the definition that
/// [`model_probability`] computes faster.
fn probability_by_features(doc: &Document, i: usize) -> f32 {
    let mut z = 0.0;
    each_feature(doc, i, &mut |parts| z += weight(parts));
    sigmoid(z)
}

#[cfg(test)]
mod model_tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    #[test]
    fn the_scorer_sums_the_features_to_the_bit() {
        let mut scored = 0;
        for text in [
            include_str!("../../examples/article.clean.txt"),
            include_str!("../../examples/senate.clean.txt"),
            "Said he: the plan, officials warned, would fail. “No,” said Chuck Said. \
             He told reporters that it was over; aides said. Claims, insists: states!",
        ] {
            let spans = quoted_spans(
                text,
                MarkSet {
                    two_apostrophes: true,
                    single_primary: true,
                },
            );
            let doc = Document::new(text, &spans);
            for (i, t) in doc.tokens.iter().enumerate() {
                let form = lower(&doc, t);
                if t.kind != TokKind::Word || learnt_share(&form).is_none_or(|s| s < MODEL_FLOOR) {
                    continue;
                }
                let fast = model_probability(&doc, i, &form);
                let slow = probability_by_features(&doc, i);
                assert_eq!(fast.to_bits(), slow.to_bits(), "{}", doc.word(t));
                scored += 1;
            }
        }
        assert!(scored > 20, "{scored}");
    }
}

fn is_according(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && doc.word(t).eq_ignore_ascii_case("according"))
}

fn prob(probs: &[f32], k: usize) -> f32 {
    probs.get(k).copied().unwrap_or(0.0)
}

/// How likely the word at `i` is to head a cue, from 0 to 1: the cue model's probability for
/// forms the corpus knows as cues, the lexicon's word for the verbs it hardly uses.
fn cue_probability(doc: &Document, i: usize) -> f32 {
    let Some(t) = doc.tokens.get(i) else {
        return 0.0;
    };
    if t.kind != TokKind::Word || t.quote.is_some() || t.end - t.start < 3 {
        return 0.0;
    }
    // A capitalised word inside a sentence is a name (`Chuck Said`), never a cue.
    let first = i == 0 || doc.tokens[i - 1].ends_sentence || doc.tokens[i - 1].para != t.para;
    if !first && t.capitalised {
        return 0.0;
    }
    let form = lower(doc, t);
    match form_shares().get(form.as_str()) {
        None => 0.0,
        Some(LEXICON_ONLY) => lexicon_only_share(form.as_str()),
        Some(share) => {
            let weights = cue_weights();
            // Rarely a cue anywhere (`states`, `issues`): not worth the model's time.
            if weights.is_empty() || share < MODEL_FLOOR {
                return share;
            }
            model_probability(doc, i, form.as_str())
        }
    }
}

/// How likely the word is to report speech or thought, from 0 to 1, from the table alone.
fn cue_share(word: &str) -> f32 {
    match form_shares().get(word) {
        None => 0.0,
        Some(LEXICON_ONLY) => lexicon_only_share(word),
        Some(share) => share,
    }
}

/// How likely a verb of the `cues` lexicon that PolNeAR train hardly uses as a cue is to head
/// one: a past form (`quipped`) is a verb, and enough to open an attribution; a base or `-s`
/// form is as often a noun (`state`, `email`, `figure`) and is not (on PolNeAR train, 123 of
/// the 137 attributions `state` opened and 80 of 101 for `states` had no annotated cue there).
fn lexicon_only_share(word: &str) -> f32 {
    if word.ends_with("ed") {
        MIN_CUE_SHARE
    } else {
        MIN_CUE_SHARE / 2.0
    }
}

/// Verbs whose hearer comes between the cue and the content: `told reporters that …`.
fn takes_a_hearer(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "informed"
            | "reminded"
            | "assured"
            | "warned"
            | "urged"
            | "asked"
            | "asks"
            | "convinced"
            | "persuaded"
    )
}

/// Words that open a time or place phrase standing between a cue and its clause: `said on
/// Tuesday that`, `said in a statement that`, `wrote last week that`.
fn opens_adjunct(w: &str) -> bool {
    matches!(
        w,
        "on" | "in" | "at" | "during" | "last" | "this" | "earlier" | "later" | "recently"
    ) || is_day_name(w)
}

/// The attributions of reported speech in the article, in text order.
pub(crate) fn reported(doc: &Document, kinds: &[QuoteKind]) -> Vec<Reported> {
    let probs = cue_probabilities(doc);
    by_rules(doc, kinds, &probs, &mut |r| {
        content_end::learned_end(doc, &probs, r)
    })
}

/// A clause read forwards from its cue (`X said …`, `According to X, …`), whose end the rules
/// only bound.
fn is_forward(r: &Reported) -> bool {
    r.content.0 >= r.cue.1
}

/// How likely each token of the article is to head a cue.
fn cue_probabilities(doc: &Document) -> Vec<f32> {
    let mut probs: Vec<f32> = (0..doc.tokens.len())
        .map(|i| cue_probability(doc, i))
        .collect();
    // In a headline every word is capitalised (`Senator Calls For Inquiry`): there the cue
    // table's share stands in for the model, which reads capitals as names.
    let mut s = 0;
    while s < doc.tokens.len() {
        let e = sentence_end(doc, s);
        if is_headline(doc, s, e) {
            for (k, p) in probs.iter_mut().enumerate().take(e).skip(s + 1) {
                let t = &doc.tokens[k];
                if t.kind == TokKind::Word && t.quote.is_none() && is_capitalised(doc, t) {
                    *p = cue_share(lower(doc, t).as_str());
                }
            }
        }
        s = e;
    }
    probs
}

/// The end of the sentence starting at token `s` (one past its last token).
fn sentence_end(doc: &Document, s: usize) -> usize {
    let n = doc.tokens.len();
    let mut e = s;
    while e < n && !doc.tokens[e].ends_sentence {
        e += 1;
    }
    (e + 1).min(n)
}

/// A headline in title case: `Senator Calls For Inquiry Into Port Deal`. At least four words, at
/// most forty tokens, nearly all words longer than three letters capitalised.
fn is_headline(doc: &Document, s: usize, e: usize) -> bool {
    // Headlines are short; a long run of capitals is a list of names, or hostile input.
    if e - s > MAX_HEADLINE_TOKENS {
        return false;
    }
    let (mut long, mut capitalised, mut words) = (0, 0, 0);
    for t in &doc.tokens[s..e] {
        if t.kind != TokKind::Word {
            continue;
        }
        words += 1;
        // Bytes, not letters: a word of four bytes or more (a rare accented short word counts
        // as long, which changes no headline).
        if t.end - t.start > 3 {
            long += 1;
            capitalised += usize::from(t.capitalised);
        }
    }
    words >= 4 && long >= 3 && capitalised * 10 >= long * 9
}

/// Every place the content-end model scores in the forward clauses the rules find, with the
/// clause as the rules bound it and the place's features (training data for the model).
#[allow(clippy::type_complexity)]
pub(crate) fn end_candidates(
    doc: &Document,
    kinds: &[QuoteKind],
) -> Vec<((usize, usize), usize, Vec<String>)> {
    let probs = cue_probabilities(doc);
    let mut found = Vec::new();
    by_rules(doc, kinds, &probs, &mut |r| {
        found.extend(
            content_end::end_candidates(doc, &probs, r)
                .into_iter()
                .map(|(k, features)| (r.content, k, features)),
        );
        content_end::learned_end(doc, &probs, r)
    });
    found
}

/// Where a forward clause the rules bound ends.
type EndOf<'a> = dyn FnMut(&Reported) -> usize + 'a;

/// The attributions the rules find, each forward clause ending where `end_of` says.
fn by_rules(
    doc: &Document,
    kinds: &[QuoteKind],
    probs: &[f32],
    end_of: &mut EndOf,
) -> Vec<Reported> {
    let mut out = Vec::new();
    let mut s = 0;
    let n = doc.tokens.len();
    while s < n {
        let e = sentence_end(doc, s);
        // Most sentences report nobody: without a likely cue or `according`, skip them.
        let likely = (s..e).any(|k| probs[k] >= MIN_CUE_SHARE || is_according(doc, k));
        if likely {
            sentence(doc, probs, kinds, (s, e), end_of, &mut out);
        }
        s = e;
    }
    out
}

/// The attributions of the sentence `[s, e)`.
fn sentence(
    doc: &Document,
    probs: &[f32],
    kinds: &[QuoteKind],
    (s, e): (usize, usize),
    end_of: &mut EndOf,
    out: &mut Vec<Reported>,
) {
    // `…, the minister said.` governs the whole sentence before it: a verb inside that content
    // (`… she hoped to carry …`) reports no further than the comma.
    let tail = tail_attribution(doc, probs, s, e);
    let headline = is_headline(doc, s, e);
    let limit = tail.map_or(e, |t| t.content.1);
    let mut i = s;
    // The subject of the sentence's last attribution, for `…, adding that …`.
    let mut last_mention = None;
    let mut first = out.len();
    while i < limit {
        if probs[i] < MIN_CUE_SHARE && !is_according(doc, i) {
            i += 1;
            continue;
        }
        let found = according_to(doc, s, limit, i)
            .or_else(|| verb_cue(doc, probs, (s, limit), headline, i, last_mention));
        let Some((mut found, resume)) = found else {
            i += 1;
            continue;
        };
        // A report within another one's content (`X said Y hoped …`), or beside it (`X
        // promised … and said …`).
        // The last few reports of the sentence are enough, and keep a run-on sentence of
        // hundreds of cues linear.
        let recent = first.max(out.len().saturating_sub(RECENT_REPORTS));
        let outer = out[recent..]
            .iter()
            .rposition(|o| o.content.0 < found.cue.0 && found.cue.0 < o.content.1)
            .map(|k| recent + k);
        let mut nested = false;
        if let Some(outer) = outer.map(|k| &mut out[k]) {
            if let Some(conj) = coordinated(doc, outer, &found) {
                // Two reports side by side, the first ending at the conjunction.
                let mut end = conj;
                while end > outer.content.0 && is_punct(doc, end - 1, ',') {
                    end -= 1;
                }
                outer.content.1 = end;
                if found.mention.is_none() {
                    found.mention = outer.mention;
                }
            } else if found.confidence < NESTED_MIN_CONFIDENCE {
                i = found.cue.1.max(i + 1);
                continue;
            } else {
                nested = true;
            }
        }
        // The clause as read forwards ends where the content-end model says, so that a cue
        // after that end is no report within this one.
        if is_forward(&found) {
            found.content.1 = end_of(&found);
        }
        if let Some(outer) = outer.filter(|_| nested) {
            if overlap_share(out[outer].content, found.content) >= NESTED_MAX_OVERLAP {
                i = found.cue.1.max(i + 1);
                continue;
            }
        }
        if !mostly_direct_quote(doc, kinds, found.content) {
            last_mention = found.mention.or(last_mention);
            out.push(found);
        }
        // A forward clause may itself report speech (`X said Y hoped …`, `X promised … and
        // said …`): read on inside it rather than past it.
        let resume = if found.content.0 >= found.cue.1 {
            found.content.0
        } else {
            resume
        };
        i = resume.max(i + 1);
    }
    if let Some(t) = tail {
        if !mostly_direct_quote(doc, kinds, t.content) {
            // Text order: the tail's content starts the sentence.
            while first > 0 && out[first - 1].content.0 > t.content.0 {
                first -= 1;
            }
            out.insert(first, t);
        }
    }
}

/// The share of an enclosing report's content that a report found inside it may cover: one
/// covering more is the same clause read twice (`she hopes to be elected` inside `she hopes
/// to be elected president`), not a report within a report.
const NESTED_MAX_OVERLAP: f32 = 0.5;

/// The least confidence of a cue reporting within another report's content (`X said Y hoped
/// …`): inner cues are more often plain verbs than reports (tuned on PolNeAR train).
const NESTED_MIN_CONFIDENCE: f32 = 0.7;

/// Overlap over union of two token ranges.
fn overlap_share(a: (usize, usize), b: (usize, usize)) -> f32 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// The conjunction that joins `inner`, found inside the content of `outer`, to it as a second
/// report side by side (`X promised to … and said …`, `X said … but Democrats accused …`),
/// rather than one reported within the other (`X said Y hoped …`).
fn coordinated(doc: &Document, outer: &Reported, inner: &Reported) -> Option<usize> {
    // A subject before the outer content is shared (`X promised … and said …`).
    let own_subject = inner.mention.filter(|m| m.0 >= outer.content.0);
    let first = own_subject.map_or(inner.cue.0, |m| m.0);
    let mut k = first.checked_sub(1)?;
    // `and has since said`, `but also warned`.
    while k > outer.content.0
        && own_subject.is_none()
        && matches!(
            lower(doc, &doc.tokens[k]).as_str(),
            "has"
                | "have"
                | "had"
                | "also"
                | "then"
                | "later"
                | "since"
                | "is"
                | "was"
                | "were"
                | "are"
                | "would"
                | "will"
                | "repeatedly"
                | "publicly"
                | "previously"
        )
    {
        k -= 1;
    }
    let conj = matches!(
        lower(doc, &doc.tokens[k]).as_str(),
        "and" | "but" | "while" | "whereas"
    );
    // `his country and Britain are backing …`: a bare noun phrase before `and` is half of a
    // compound subject, not a first report.
    let first_half = doc.tokens.get(outer.content.0..k).unwrap_or_default();
    let clause_before = first_half.len() > 3
        || first_half
            .iter()
            .any(|t| is_word(t) && content_end::is_finite_hint(&lower(doc, t)));
    (k > outer.content.0 && conj && (own_subject.is_none() || clause_before)).then_some(k)
}

/// A preposition or conjunction before a gerund cue that shares the clause's subject: `by
/// promising`, `and calling`.
fn takes_a_gerund(doc: &Document, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        is_word(t)
            && t.quote.is_none()
            && matches!(
                lower(doc, t).as_str(),
                "by" | "in" | "of" | "after" | "without" | "before" | "while" | "and" | "or"
            )
    })
}

/// `In July,`, `In Honolulu last week,`, `Like the president,`: a phrase opening a sentence
/// with a preposition and holding no verb of its own sets the scene; nothing was said in it.
fn is_introductory(doc: &Document, (a, b): (usize, usize)) -> bool {
    let Some(first) = doc.tokens.get(a).filter(|t| is_word(t)) else {
        return false;
    };
    let opens = matches!(
        lower(doc, first).as_str(),
        "in" | "on"
            | "at"
            | "of"
            | "for"
            | "like"
            | "unlike"
            | "after"
            | "before"
            | "during"
            | "since"
            | "with"
            | "from"
            | "by"
            | "as"
            | "despite"
            | "following"
            | "under"
            | "among"
            | "amid"
            | "last"
            | "earlier"
            | "later"
            | "to"
    );
    opens
        && b - a <= 12
        && !doc.tokens[a..b].iter().any(|t| {
            is_word(t) && (t.quote.is_some() || content_end::is_finite_hint(&lower(doc, t)))
        })
}

/// `…, X said.`, `…, said X.`, `…, according to X.`: an attribution closing the sentence, the
/// content being everything before its comma.
fn tail_attribution(doc: &Document, probs: &[f32], s: usize, e: usize) -> Option<Reported> {
    let mut end = e;
    while end > s && matches!(doc.tokens[end - 1].kind, TokKind::Punct(_)) {
        end -= 1;
    }
    // The comma that sets the attribution off: the last one, or one before an apposition
    // (`…, said Jo Bell, a doctor.`), not far from the end.
    for comma in (end.saturating_sub(30).max(s)..end).rev() {
        let t = &doc.tokens[comma];
        if t.kind != TokKind::Punct(',') {
            continue;
        }
        // `…, “there is no single point of failure,” he said.`: the comma closing a quotation
        // sets the source off too (a clause that is all quotation is left to the quotation);
        // one inside it sets nothing off.
        let after = match t.quote {
            None => comma + 1,
            Some(_)
                if doc
                    .tokens
                    .get(comma + 1)
                    .is_some_and(|m| m.kind == TokKind::Mark) =>
            {
                comma + 2
            }
            Some(_) => continue,
        };
        let content = (s, comma);
        if content_words(doc, content) < MIN_CONTENT_WORDS || is_introductory(doc, content) {
            return None;
        }
        if let Some((cue, mention)) = closing_source(doc, probs, after, end) {
            return Some(Reported {
                content,
                cue,
                mention,
                confidence: if cue.1 - cue.0 == 2 {
                    0.8
                } else {
                    prob(probs, cue.0)
                },
            });
        }
    }
    None
}

/// The cue and source that make up the tokens `[from, end)` closing a sentence: `according
/// to X`, `said X (, a doctor)`, `X said (on Tuesday)`, `X has said`.
#[allow(clippy::type_complexity)]
fn closing_source(
    doc: &Document,
    probs: &[f32],
    from: usize,
    end: usize,
) -> Option<((usize, usize), Option<(usize, usize)>)> {
    let first = doc.tokens.get(from).filter(|t| is_word(t))?;
    if lower(doc, first) == "according"
        && doc
            .tokens
            .get(from + 1)
            .is_some_and(|t| lower(doc, t) == "to")
    {
        return Some(((from, from + 2), np_starting_at(doc, from + 2, end)));
    }
    let is_cue = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.quote.is_none()
                && !lower(doc, t).ends_with("ing")
                && prob(probs, k) >= MIN_CUE_SHARE
        })
    };
    // `…, said Ms Brandt.`, `…, said Ms Brandt, a doctor.`
    if is_cue(from) && !is_capitalised(doc, first) {
        let mention = np_starting_at(doc, from + 1, end)?;
        let closed = mention.1 >= end || is_punct(doc, mention.1, ',');
        return closed.then_some(((from, from + 1), Some(mention)));
    }
    // `…, the harbour master said (on Tuesday | in a statement).`
    let mut mention = np_starting_at(doc, from, end)?;
    // `…, using figures from the treasury.`: a participle phrase, not a source and its cue.
    if lower(doc, &doc.tokens[mention.0]).ends_with("ing") && !is_capitalised(doc, first) {
        return None;
    }
    // `a spokesman for the operator said`, `the head of the union said`: one phrase.
    if doc.tokens.get(mention.1).is_some_and(|t| {
        is_word(t) && matches!(lower(doc, t).as_str(), "for" | "of" | "to" | "at" | "with")
    }) {
        if let Some(rest) = np_starting_at(doc, mention.1 + 1, end) {
            mention.1 = rest.1;
        }
    }
    let mut cue = mention.1;
    while cue < end && cue < mention.1 + 3 && {
        let l = lower(doc, &doc.tokens[cue]);
        matches!(
            l.as_str(),
            "also" | "has" | "have" | "had" | "later" | "then"
        ) || (l.ends_with("ly") && !is_cue(cue))
    } {
        cue += 1;
    }
    if !is_cue(cue) || noun_after_determiner(doc, cue) {
        return None;
    }
    // What follows the cue says when, where or to whom, not what: `said on Tuesday`, `told
    // reporters`, or nothing.
    let rest = cue + 1..end;
    let verb = lower(doc, &doc.tokens[cue]);
    let short_adjunct = rest.len() <= 8
        && (rest.is_empty() || {
            let l = lower(doc, &doc.tokens[cue + 1]);
            // `called for a moratorium`: a particle, and the clause is what follows it.
            let particle = !is_verb_of_saying_proper(&verb) && takes_particle(doc, cue + 1);
            (starts_with_preposition(doc, cue + 1) && !particle)
                || is_day_name(&l)
                || takes_a_hearer(&verb)
                || matches!(l.as_str(), "today" | "yesterday" | "tonight" | "to")
        });
    short_adjunct.then_some(((cue, cue + 1), Some(mention)))
}

/// `According to X, …` and `…, according to X.`
fn according_to(doc: &Document, s: usize, e: usize, i: usize) -> Option<(Reported, usize)> {
    let t = doc.tokens.get(i)?;
    if t.quote.is_some()
        || lower(doc, t) != "according"
        || doc.tokens.get(i + 1).map(|n| lower(doc, n)).as_deref() != Some("to")
    {
        return None;
    }
    let cue = (i, i + 2);
    let source = np_starting_at(doc, i + 2, e);
    let source_end = source.map_or(i + 2, |m| m.1);
    if i > s && is_punct(doc, i - 1, ',') {
        // `…, according to X, …`: both halves of the sentence around the source.
        let resumes = is_punct(doc, source_end, ',')
            && content_words(doc, (source_end + 1, clause_end(doc, source_end + 1, e))) >= 2;
        let content = if resumes {
            (s, clause_end(doc, source_end + 1, e))
        } else {
            (s, i - 1)
        };
        let words = content_words(doc, (s, i - 1));
        return (words >= 1 && content_words(doc, content) >= MIN_CONTENT_WORDS).then_some((
            Reported {
                content,
                cue,
                mention: source,
                confidence: 0.8,
            },
            source_end,
        ));
    }
    // `According to X, …`: the clause after the source's comma; the source is all of `X`.
    let comma = (source_end..e.min(source_end + 25)).find(|&k| is_punct(doc, k, ','))?;
    let source = source.map(|m| (m.0, if comma <= m.1 + 8 { comma } else { m.1 }));
    let content = (comma + 1, clause_end(doc, comma + 1, e));
    (content_words(doc, content) >= MIN_CONTENT_WORDS).then_some((
        Reported {
            content,
            cue,
            mention: source,
            confidence: 0.8,
        },
        content.1,
    ))
}

/// A verb reporting speech or thought at token `i`, forwards, backwards or around its clause.
fn verb_cue(
    doc: &Document,
    probs: &[f32],
    (s, e): (usize, usize),
    headline: bool,
    i: usize,
    last_mention: Option<(usize, usize)>,
) -> Option<(Reported, usize)> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokKind::Word || t.quote.is_some() {
        return None;
    }
    // A capitalised word inside a sentence is a name (`Chuck Said`, `the Post Reports`),
    // except in a headline.
    if i > s && is_capitalised(doc, t) && !headline {
        return None;
    }
    let w = lower(doc, t);
    let share = prob(probs, i);
    if share < MIN_CUE_SHARE || noun_after_determiner(doc, i) {
        return None;
    }
    // `Sanders is suggesting …`: a progressive is a finite verb.
    let progressive = {
        // Over adverbs: `is already claiming`, `are increasingly admitting`.
        let mut k = i;
        while k > s + 1 && {
            let l = lower(doc, &doc.tokens[k - 1]);
            l.ends_with("ly")
                || matches!(
                    l.as_str(),
                    "also"
                        | "now"
                        | "already"
                        | "still"
                        | "not"
                        | "just"
                        | "even"
                        | "again"
                        | "so"
                        | "much"
                        | "never"
                )
        } {
            k -= 1;
        }
        k > s
            && matches!(
                lower(doc, &doc.tokens[k - 1]).as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "be"
                    | "am"
                    | "'s"
                    | "\u{2019}s"
                    | "'re"
                    | "\u{2019}re"
            )
    };
    let gerund = w.ends_with("ing") && !progressive;
    if gerund {
        // `…, adding that …`, `…, saying the deal was dead`: the gerund shares the subject of
        // the clause before the comma.
        // So does one after a preposition or a conjunction: `has rallied thousands by promising
        // to …`, `… and calling him a liar`, `in denouncing the media`.
        if i == s || !(is_punct(doc, i - 1, ',') || takes_a_gerund(doc, i - 1)) {
            return None;
        }
        let mention = last_mention.or_else(|| opening_np(doc, s, i - 1));
        let from = content_start(doc, &w, i + 1, e);
        let content = (from, clause_end(doc, from, e));
        return (content_words(doc, content) >= min_forward_words(&w)).then_some((
            Reported {
                content,
                cue: (i, i + 1),
                mention,
                confidence: share,
            },
            content.1,
        ));
    }
    // `continues to insist`, `seemed to think`: the verb governing the infinitive opens the cue
    // and its subject is the source.
    let mut head = i;
    if i > s + 1 && lower(doc, &doc.tokens[i - 1]) == "to" {
        let gov = &doc.tokens[i - 2];
        if !is_word(gov) || gov.quote.is_some() || is_capitalised(doc, gov) {
            return None;
        }
        head = i - 2;
    }
    let subject = subject_before(doc, head, s).filter(|m| m.1 <= head);
    if head < i && subject.is_none() {
        return None; // `a plan to say`, `refused to deny`: not a report of what was said.
    }
    let mut cue = (head, i + 1);
    let mut from = content_start(doc, &w, i + 1, e);
    // `talked of reforms`, `called on the party to …`, `pointed to the polls`: the particle is
    // part of the cue (verbs of saying proper take no particle: `said in a statement`).
    if from == i + 1 && !is_verb_of_saying_proper(&w) && takes_particle(doc, from) {
        cue.1 = from + 1;
        from += 1;
    }
    let mut forward = (from, clause_end(doc, from, e));
    if let Some(mention) = subject {
        // `Mr X, who said last week that …, issued …` / `While X said …, Y …`: a relative or
        // subordinate clause reports no further than its comma.
        let sub = subordinator(doc, s, mention.0);
        let set_off = is_punct(doc, i + 1, ',');
        // `As X said, the plan …`: the main clause is what was said.
        let as_said = set_off && sub.as_deref() == Some("as");
        if !as_said && (lower(doc, &doc.tokens[mention.0]) == "who" || sub.is_some()) {
            let closes = |k: usize| {
                is_punct(doc, k, ',') || is_punct(doc, k, '\u{2014}') || is_punct(doc, k, '-')
            };
            if let Some(c) = (forward.0..forward.1).find(|&k| closes(k)) {
                forward.1 = c;
            }
        }
        // `…, X said, …`: the content is both halves of the sentence around the source.
        let before = (s, mention.0.saturating_sub(1));
        let around = mention.0 > s
            && is_punct(doc, mention.0 - 1, ',')
            && content_words(doc, before) >= MIN_CONTENT_WORDS
            && set_off;
        if (content_words(doc, forward) >= min_forward_words(&w) || is_yes_or_no(doc, forward))
            && (around
                || !starts_with_preposition(doc, forward.0)
                || opens_a_clause(doc, forward.0))
        {
            if set_off && !around && !as_said {
                return None; // `“…,” she continued, prompting cheers`: no clause reported.
            }
            let content = if around { (s, forward.1) } else { forward };
            return Some((
                Reported {
                    content,
                    cue,
                    mention: Some(mention),
                    confidence: share,
                },
                forward.1,
            ));
        }
        // `…, X said.`: the sentence before the comma that sets off the source.
        if mention.0 > s && is_punct(doc, mention.0 - 1, ',') {
            let content = (s, mention.0 - 1);
            let reported =
                content_words(doc, content) >= MIN_CONTENT_WORDS && !is_introductory(doc, content);
            return reported.then_some((
                Reported {
                    content,
                    cue: (i, i + 1),
                    mention: Some(mention),
                    confidence: share,
                },
                i + 1,
            ));
        }
        return None;
    }
    // `More than six in ten voters who attended described …`: a subject too long to read is
    // still a subject when the verb is a sure cue.
    if subject.is_none()
        && share >= SURE_CUE_SHARE
        && i > s
        && is_word(&doc.tokens[i - 1])
        && !is_punct(doc, i + 1, ',')
        && content_words(doc, forward) >= MIN_CONTENT_WORDS
        && !starts_with_preposition(doc, forward.0)
    {
        return Some((
            Reported {
                content: forward,
                cue,
                mention: None,
                confidence: share / 2.0,
            },
            forward.1,
        ));
    }
    // `…, said X.`: the source follows the cue.
    if i > s && is_punct(doc, i - 1, ',') {
        let mention = np_starting_at(doc, i + 1, e)?;
        let content = (s, i - 1);
        return (content_words(doc, content) >= MIN_CONTENT_WORDS).then_some((
            Reported {
                content,
                cue: (i, i + 1),
                mention: Some(mention),
                confidence: share,
            },
            mention.1,
        ));
    }
    None
}

/// The end of a time phrase starting at `k` (`for weeks`, `last month`, `in recent days`,
/// `earlier this year`), if one does.
fn time_phrase_end(doc: &Document, k: usize, e: usize) -> Option<usize> {
    let first = lower(doc, doc.tokens.get(k).filter(|t| is_word(t))?);
    if !matches!(
        first.as_str(),
        "for" | "in" | "over" | "last" | "this" | "earlier" | "later" | "during" | "on"
    ) {
        return None;
    }
    // Only words that can stand inside a time phrase come between (`in recent days`, `over
    // the past two weeks`), so that `for a ban on night shifts` is no time phrase.
    let mut within = true;
    (k + 1..e.min(k + 5)).find_map(|j| {
        let t = &doc.tokens[j];
        if !within || !is_word(t) {
            return None;
        }
        let l = lower(doc, t);
        within = matches!(
            l.as_str(),
            "the"
                | "a"
                | "this"
                | "that"
                | "last"
                | "next"
                | "past"
                | "recent"
                | "several"
                | "few"
                | "many"
                | "two"
                | "three"
                | "four"
                | "early"
                | "late"
                | "coming"
                | "previous"
                | "same"
                | "of"
                | "earlier"
                | "later"
        ) || l.chars().all(|c| c.is_ascii_digit());
        let time = matches!(
            l.as_str(),
            "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "day"
                | "days"
                | "decade"
                | "decades"
                | "time"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "weekend"
                | "hours"
        ) || is_day_name(&l);
        (time && doc.tokens.get(j + 1).is_some_and(is_word)).then_some(j + 1)
    })
}

/// Where the reported clause after the cue at `from - 1` starts: over a hearer (`told
/// reporters`), a time or place phrase before `that` (`said on Tuesday that`) and a comma.
fn content_start(doc: &Document, cue: &str, from: usize, e: usize) -> usize {
    let mut k = from;
    if takes_a_hearer(cue) {
        if let Some(mut hearer) = np_starting_at(doc, k, e) {
            // `told reporters the vote …`: a determiner or pronoun after the hearer opens the
            // clause.
            if let Some(j) = (hearer.0 + 1..hearer.1)
                .find(|&j| matches!(token_class(doc, Some(j)), "det" | "pron" | "that"))
            {
                hearer.1 = j;
            }
            // `told MPs Britain needs …`, `told reporters Washington would …`: a hearer named
            // by a plural noun ends there.
            if hearer.1 > hearer.0 + 1 && is_plural_hearer(doc, hearer.0) {
                hearer.1 = hearer.0 + 1;
            }
            if doc.tokens.get(hearer.1).is_some_and(|t| {
                lower(doc, t) == "that" || (t.kind == TokKind::Word && !is_possessive(doc.word(t)))
            }) {
                k = hearer.1;
            }
        }
    }
    // `said on Tuesday that …`, `wrote in a letter to members that …`.
    if doc
        .tokens
        .get(k)
        .is_some_and(|t| is_word(t) && opens_adjunct(&lower(doc, t)))
    {
        if let Some(that) = (k + 1..e.min(k + 10)).find(|&j| {
            let t = &doc.tokens[j];
            t.quote.is_none() && lower(doc, t) == "that"
        }) {
            if doc.tokens[k..that]
                .iter()
                .all(|t| t.kind == TokKind::Word || matches!(t.kind, TokKind::Punct(',')))
            {
                k = that;
            }
        }
    }
    // `has said for weeks he is …`, `said last month the plan …`: a time phrase.
    if let Some(after) = time_phrase_end(doc, k, e) {
        k = after;
    }
    // `said Thursday his worry was …`: a bare day before the clause.
    if doc.tokens.get(k).is_some_and(|t| {
        is_word(t) && {
            let l = lower(doc, t);
            is_day_name(&l) || matches!(l.as_str(), "today" | "yesterday" | "tonight")
        }
    }) && doc.tokens.get(k + 1).is_some_and(is_word)
    {
        k += 1;
    }
    while k < e && matches!(doc.tokens[k].kind, TokKind::Punct(',' | ':')) {
        k += 1;
    }
    k
}

/// Where a reported clause starting at `from` ends: the sentence's end, or a comma before
/// another attribution (`…, adding that …`, `…, according to …`, `…, he said`).
fn clause_end(doc: &Document, from: usize, e: usize) -> usize {
    // No clause runs on for ever: a bound keeps a sentence with no end (scraped boilerplate,
    // hostile input) from costing each of its cues the rest of it.
    let e = e.min(from + MAX_CLAUSE_TOKENS);
    for k in from..e {
        if is_punct(doc, k, ';') {
            return k;
        }
        // `urging voters to …, and promising to …`: a second gerund cue is a second report.
        if k > from && is_word(&doc.tokens[k]) && lower(doc, &doc.tokens[k]) == "and" {
            if let Some(next) = doc.tokens.get(k + 1).filter(|n| is_word(n)) {
                let l = lower(doc, next);
                if l.ends_with("ing") && cue_share(&l) >= MIN_CUE_SHARE {
                    return k;
                }
            }
        }
        if !is_punct(doc, k, ',') {
            continue;
        }
        let Some(next) = doc
            .tokens
            .get(k + 1)
            .filter(|n| is_word(n) && n.quote.is_none())
        else {
            continue;
        };
        let l = lower(doc, next);
        // Words that after a comma open another clause more often than they carry the
        // reported one on (counted on PolNeAR train: `which`, `while`, `but` end it about as
        // often as not, `according` and the gerund cues nearly always).
        let new_clause = matches!(
            l.as_str(),
            "according" | "which" | "while" | "although" | "whereas" | "despite" | "but"
        );
        if new_clause || (l.ends_with("ing") && cue_share(&l) >= MIN_CUE_SHARE) {
            return k;
        }
    }
    // Trailing punctuation is not content.
    let mut end = e;
    while end > from && matches!(doc.tokens[end - 1].kind, TokKind::Punct(_)) {
        end -= 1;
    }
    end
}

/// `Sir Keir said no.`: a one-word answer is what was said.
fn is_yes_or_no(doc: &Document, (a, b): (usize, usize)) -> bool {
    b == a + 1 && matches!(lower(doc, &doc.tokens[a]).as_str(), "yes" | "no")
}

/// The people a report is told to, named by a plural noun: `told reporters`, `told MPs`.
fn is_plural_hearer(doc: &Document, k: usize) -> bool {
    matches!(
        lower(doc, &doc.tokens[k]).as_str(),
        "reporters"
            | "journalists"
            | "mps"
            | "lawmakers"
            | "legislators"
            | "senators"
            | "delegates"
            | "supporters"
            | "voters"
            | "members"
            | "colleagues"
            | "officials"
            | "investigators"
            | "students"
            | "listeners"
            | "viewers"
            | "readers"
            | "donors"
    )
}

/// `said`, `told`, `wrote`: verbs whose following preposition starts a place or a hearer, never
/// the content.
pub(crate) fn is_verb_of_saying_proper(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "tell"
            | "spoke"
            | "speaks"
            | "wrote"
            | "writes"
            | "tweeted"
            | "added"
            | "stated"
            | "explained"
            | "testified"
    )
}

/// A particle that joins the cue before a noun phrase: `talked of`, `called for`.
fn takes_particle(doc: &Document, k: usize) -> bool {
    let is_particle = doc.tokens.get(k).is_some_and(|t| {
        is_word(t)
            && t.quote.is_none()
            && matches!(
                lower(doc, t).as_str(),
                "about" | "of" | "for" | "on" | "to" | "against" | "with" | "out"
            )
    });
    is_particle
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokKind::Word || t.kind == TokKind::Mark)
}

/// `said in a statement.`, `spoke to the network`, `said of the field`, `said when asked`: a
/// phrase after the cue that tells where, when or to whom, not what; `said nothing`, `said
/// little about it`: no clause reported at all.
fn starts_with_preposition(doc: &Document, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        is_word(t)
            && matches!(
                lower(doc, t).as_str(),
                "anything"
                    | "nothing"
                    | "little"
                    | "much"
                    | "something"
                    | "so"
                    | "more"
                    | "when"
                    | "if"
                    | "as"
                    | "while"
                    | "because"
                    | "earlier"
                    | "later"
                    | "last"
                    | "this"
                    | "in"
                    | "on"
                    | "at"
                    | "of"
                    | "during"
                    | "near"
                    | "outside"
                    | "after"
                    | "before"
                    | "from"
                    | "for"
                    | "with"
                    | "by"
                    | "into"
                    | "through"
                    | "since"
            )
    })
}

/// `when the library would reopen`, `if the deal stands`: a clause, not an adjunct like `when
/// asked`, opens with the subordinator at `k` (its subject follows it).
fn opens_a_clause(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| is_word(t) && matches!(lower(doc, t).as_str(), "when" | "if" | "whether"))
        && matches!(token_class(doc, Some(k + 1)), "det" | "pron" | "cap")
}

/// The subordinating word that opens the cue's clause (`While X said …, Y …`), if one stands
/// right before its subject: that clause is subordinate to the main one after its comma.
fn subordinator<'d>(doc: &'d Document, s: usize, subject: usize) -> Option<Lower<'d>> {
    let k = subject.checked_sub(1).filter(|&k| k >= s)?;
    let l = lower(doc, doc.tokens.get(k)?);
    matches!(
        l.as_str(),
        "while"
            | "when"
            | "although"
            | "though"
            | "if"
            | "as"
            | "after"
            | "because"
            | "since"
            | "before"
            | "whereas"
            | "once"
            | "until"
            | "unless"
            | "which"
            | "whom"
            | "where"
    )
    .then_some(l)
}

fn is_punct(doc: &Document, k: usize, c: char) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Punct(c) && t.quote.is_none())
}

/// Words of `[a, b)`, quoted or not.
fn content_words(doc: &Document, (a, b): (usize, usize)) -> usize {
    doc.tokens.get(a..b).map_or(0, |ts| {
        ts.iter().filter(|t| t.kind == TokKind::Word).count()
    })
}

/// `his claims`, `the report`, `a warning`: a cue word right after a determiner is a noun.
fn noun_after_determiner(doc: &Document, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| doc.tokens.get(p)) else {
        return false;
    };
    is_word(prev) && {
        let p = lower(doc, prev);
        is_possessive(&p)
            || matches!(
                p.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
    }
}

/// A clause that is mostly a direct quotation is that quotation's attribution, not reported
/// speech; one holding a quoted fragment (mixed speech) is reported speech.
fn mostly_direct_quote(doc: &Document, kinds: &[QuoteKind], (a, b): (usize, usize)) -> bool {
    let Some(tokens) = doc.tokens.get(a..b) else {
        return true;
    };
    let words = |keep: &dyn Fn(&Token) -> bool| {
        tokens
            .iter()
            .filter(|t| t.kind == TokKind::Word && keep(t))
            .count()
    };
    let all = words(&|_| true);
    let quoted = words(&|t| {
        t.quote
            .is_some_and(|q| kinds.get(q as usize) != Some(&QuoteKind::NonSpeech))
    });
    let direct = words(&|t| {
        t.quote
            .is_some_and(|q| kinds.get(q as usize) == Some(&QuoteKind::Direct))
    });
    all == 0 || direct * 2 > all || quoted * 10 >= all * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    /// The content, cue and mention texts of the reported speech in `text`.
    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        let spans = quoted_spans(
            text,
            MarkSet {
                two_apostrophes: true,
                single_primary: true,
            },
        );
        let doc = Document::new(text, &spans);
        let kinds: Vec<QuoteKind> = spans
            .iter()
            .map(|s| crate::quotes::kinds::kind_of(&doc, s))
            .collect();
        let piece =
            |(a, b): (usize, usize)| text[doc.tokens[a].start..doc.tokens[b - 1].end].to_string();
        reported(&doc, &kinds)
            .into_iter()
            .map(|r| (piece(r.content), piece(r.cue), r.mention.map(piece)))
            .collect()
    }

    fn one(text: &str) -> (String, String, Option<String>) {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn subject_said_clause() {
        let (content, cue, mention) =
            one("Ms Okafor said the new bridge would open before the winter.");
        assert_eq!(content, "the new bridge would open before the winter");
        assert_eq!(cue, "said");
        assert_eq!(mention.as_deref(), Some("Ms Okafor"));
    }

    #[test]
    fn said_that_keeps_that() {
        let (content, _, mention) =
            one("The council said that the library would close for repairs.");
        assert_eq!(content, "that the library would close for repairs");
        assert_eq!(mention.as_deref(), Some("The council"));
    }

    #[test]
    fn said_on_a_day_that() {
        let (content, _, _) =
            one("Mr Hale said on Tuesday that the ferry service would resume in May.");
        assert_eq!(content, "that the ferry service would resume in May");
    }

    #[test]
    fn clause_then_source() {
        let (content, cue, mention) =
            one("The ferry service will resume in May, the harbour master said.");
        assert_eq!(content, "The ferry service will resume in May");
        assert_eq!(cue, "said");
        assert_eq!(mention.as_deref(), Some("the harbour master"));
        let (_, _, mention) = one("Talks with the union have stalled, said Ms Brandt.");
        assert_eq!(mention.as_deref(), Some("Ms Brandt"));
    }

    #[test]
    fn according_to_either_side() {
        let (content, cue, mention) =
            one("According to two aides, the senator will not seek another term.");
        assert_eq!(content, "the senator will not seek another term");
        assert_eq!(cue, "According to");
        assert_eq!(mention.as_deref(), Some("two aides"));
        let (content, _, _) =
            one("The senator will not seek another term, according to two aides.");
        assert_eq!(content, "The senator will not seek another term");
    }

    #[test]
    fn told_a_hearer() {
        let (content, cue, _) = one("Mr Ortiz told reporters that the vote had been delayed.");
        assert_eq!(content, "that the vote had been delayed");
        assert_eq!(cue, "told");
    }

    #[test]
    fn verbs_of_thought_and_stance() {
        for verb in [
            "warned",
            "insisted",
            "argued",
            "claimed",
            "believes",
            "denied",
            "announced",
        ] {
            let text = format!("The mayor {verb} that the budget would be balanced next year.");
            let (content, cue, _) = one(&text);
            assert_eq!(
                content, "that the budget would be balanced next year",
                "{verb}"
            );
            assert_eq!(cue, verb);
        }
    }

    #[test]
    fn adding_continues_the_subject() {
        let all =
            found("Ms Okafor said the bridge was safe, adding that inspections would continue.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].0, "the bridge was safe");
        assert_eq!(all[1].0, "that inspections would continue");
        assert_eq!(all[1].2.as_deref(), Some("Ms Okafor"));
    }

    #[test]
    fn sources_said() {
        let (content, _, mention) = one("The deal is close to collapse, sources said.");
        assert_eq!(content, "The deal is close to collapse");
        assert_eq!(mention.as_deref(), Some("sources"));
    }

    #[test]
    fn mixed_speech_is_one_clause() {
        let (content, _, _) =
            one("Mr Varga said the rival plan was “deeply flawed” and would be dropped.");
        assert_eq!(
            content,
            "the rival plan was “deeply flawed” and would be dropped"
        );
    }

    #[test]
    fn direct_quotes_are_left_to_quotations() {
        assert!(found("“We will rebuild the pier this year,” the mayor said.").is_empty());
        assert!(found("The mayor said: “We will rebuild the pier this year.”").is_empty());
    }

    #[test]
    fn nouns_and_infinitives_are_not_cues() {
        assert!(found("His claims about the harbour were widely shared online.").is_empty());
        assert!(found("Nobody said anything at the parish meeting on Tuesday.").is_empty());
        // `wanted` reports a wish (PolNeAR counts it); the infinitive `to say` is no cue.
        let wish = found("She wanted to say more about the harbour.");
        assert!(wish.iter().all(|(_, cue, _)| cue != "say"), "{wish:?}");
    }
}
