//! How likely a word is to head the cue of reported speech.
//!
//! `reported_cues.tsv` holds, for every word form, the share of its occurrences in PolNeAR
//! train that head an annotated cue (`scripts/train_reported.py`); the verbs of saying of
//! `lexicon/speech_verbs.tsv` count as cues too. Forms that head cues often enough are scored by
//! the cue model, a logistic regression over the word, its suffix, its verb's family (the stem
//! its inflections share, [`family`]: what `warned` teaches counts for `warns`) and the classes
//! of the words around it ([`CUE_TEMPLATES`], weights in `reported_weights.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::quotes::cues;
use crate::quotes::doc::{is_capitalised, lower, lower_str, Document, TokKind};
use crate::quotes::model::{sigmoid, WeightTable};
use crate::quotes::words::{lexicon_entries, FnvBuild, WordMap};

/// The cue model's weights (`scripts/train_reported.py --weights`).
pub(crate) const CUE_WEIGHTS: &str = include_str!("../reported_weights.tsv");

/// The feature templates of the cue model: the first piece of every feature [`each_feature`]
/// emits. The header of `reported_weights.tsv` carries their hash ([`crate::quotes::model`]).
pub const CUE_TEMPLATES: [&str; 15] = [
    "bias", "w=", "sfx=", "p=", "n=", "pc=", "nc=", "nc2=", "pc|nc=", "w|nc=", "w|pc=", "sfx|nc=",
    "first=", "fam=", "fam|nc=",
];

/// The least share of a word's occurrences heading a cue for it to open an attribution.
pub(crate) const MIN_CUE_SHARE: f32 = 0.4;

/// Below this share of its occurrences heading a cue, a word is not scored by the cue model.
const MODEL_FLOOR: f32 = 0.08;

/// The share above which a cue needs no subject read to open an attribution.
pub(crate) const SURE_CUE_SHARE: f32 = 0.6;

type Table = HashMap<&'static str, f32, FnvBuild>;

/// Marks, in [`cue_forms`], a verb of the `cues` lexicon the corpus hardly uses as a cue.
const LEXICON_ONLY: f32 = -1.0;

/// Every word form that may head a cue: the forms of `reported_cues.tsv` with their share, and
/// the lexicon's verbs of saying the table lacks, marked [`LEXICON_ONLY`]. One table, so each
/// word of an article costs one look-up.
fn cue_forms() -> &'static Table {
    static FORMS: OnceLock<Table> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut table: Table = include_str!("../reported_cues.tsv")
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
fn cue_weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(CUE_WEIGHTS))
}

/// A coarse class of a token for the cue model: what stands before and after a verb tells a
/// report (`he said that`, `officials warned the`) from a noun or a plain verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
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

/// How many classes there are: the scorers' tables have a slot for each.
pub(super) const CLASSES: usize = 17;

impl Class {
    pub(super) const ALL: [Class; CLASSES] = [
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

    /// The class as the model's feature names (and `lexicon/cue_classes.tsv`) spell it.
    pub(crate) fn name(self) -> &'static str {
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

/// The words of a fixed class: `word<TAB>class`.
const CUE_CLASSES: &str = include_str!("../lexicon/cue_classes.tsv");

/// The class a word has whatever its case or place (`lexicon/cue_classes.tsv`: pronouns,
/// determiners, prepositions, auxiliaries, adverbs, `that`, `to`); `None` for the others, whose
/// class depends on their capitals, digits or share of cues.
fn word_class(w: &str) -> Option<Class> {
    static CLASSES: OnceLock<WordMap<Class>> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            let rows: Vec<(&str, Class)> = lexicon_entries(CUE_CLASSES)
                .filter_map(|row| {
                    let (word, name) = row.split_once('\t')?;
                    let class = Class::ALL.into_iter().find(|c| c.name() == name);
                    debug_assert!(class.is_some(), "cue_classes.tsv: no class {name}");
                    Some((word, class?))
                })
                .collect();
            WordMap::new(rows.into_iter())
        })
        .get(w)
}

/// The class of the token at `k` ([`Class::None`] past either end of the text).
pub(crate) fn class_of(doc: &Document, k: Option<usize>) -> Class {
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
            match word_class(l.as_str()) {
                Some(class) => class,
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
/// The first piece of each is one of [`CUE_TEMPLATES`].
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
    let fam = family(w);
    put(&["fam=", fam.as_str()]);
    put(&["fam|nc=", fam.as_str(), "|", nc]);
}

/// The cue model's features of the word at `i`, for training.
pub(crate) fn cue_features(doc: &Document, i: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(13);
    each_feature(doc, i, &mut |parts| {
        debug_assert!(
            CUE_TEMPLATES.contains(&parts[0]),
            "undeclared template {parts:?}"
        );
        out.push(parts.concat());
    });
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
    cue_weights().weight(parts)
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
    /// `fam=`: what the inflections of the word's verb share (`urges` learns from `urged`).
    fam: f32,
    /// `fam|nc=`, by the class of the next token.
    fam_nc: [f32; CLASSES],
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
    forms: HashMap<&'static str, FormWeights, FnvBuild>,
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
                let fam = family(w);
                let with_class = |prefix: &str, part: &str| {
                    Class::ALL.map(|c| weight(&[prefix, part, "|", c.name()]))
                };
                let weights = FormWeights {
                    w: weight(&["w=", w]),
                    sfx: weight(&["sfx=", sfx]),
                    w_nc: with_class("w|nc=", w),
                    w_pc: with_class("w|pc=", w),
                    sfx_nc: with_class("sfx|nc=", sfx),
                    fam: weight(&["fam=", fam.as_str()]),
                    fam_nc: with_class("fam|nc=", fam.as_str()),
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

/// A crude stem that the inflections of one verb share, as `scripts/train_reported.py`'s
/// `family` draws it: `urges`, `urged`, `urging`, `urge` give `urg`; `denies` gives `deny`.
/// One suffix is cut (`ing`, `ed`, `es`, `s`, `e`) where three letters stay, then a doubled
/// final consonant (`committ` -> `commit`), and a final `i` becomes `y`.
pub(crate) fn family(form: &str) -> String {
    let mut stem = form;
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(rest) = stem.strip_suffix(suffix) {
            if rest.chars().count() >= 3 {
                stem = rest;
                break;
            }
        }
    }
    let mut out: Vec<char> = stem.chars().collect();
    let n = out.len();
    if n > 3 && out[n - 1] == out[n - 2] && !"aeiousl".contains(out[n - 1]) {
        out.pop();
    }
    if out.last() == Some(&'i') {
        out.pop();
        out.push('y');
    }
    out.into_iter().collect()
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
    z += fw.fam;
    z += fw.fam_nc[nc];
    sigmoid(z)
}

/// The cue model's probability for the word at `i`, feature by feature: the definition that
/// [`model_probability`] computes faster.
fn probability_by_features(doc: &Document, i: usize) -> f32 {
    let mut z = 0.0;
    each_feature(doc, i, &mut |parts| z += weight(parts));
    sigmoid(z)
}

/// How likely the word at `i` is to head a cue, from 0 to 1: the cue model's probability for
/// forms the corpus knows as cues, the lexicon's word for the verbs it hardly uses.
pub(crate) fn cue_probability(doc: &Document, i: usize) -> f32 {
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
pub(crate) fn cue_share(word: &str) -> f32 {
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

#[cfg(test)]
mod model_tests {
    use super::*;

    #[test]
    fn the_inflections_of_a_verb_share_a_family() {
        for forms in [
            ["urges", "urged", "urging", "urge"],
            ["denies", "denied", "deny", "denying"],
            ["admits", "admitted", "admitting", "admit"],
        ] {
            let families: Vec<String> = forms.iter().map(|f| family(f)).collect();
            assert!(families.iter().all(|f| f == &families[0]), "{families:?}");
        }
        assert_ne!(family("said"), family("sad"));
        assert_eq!(family("tell"), "tell");
    }
    use crate::quotes::marks::{quoted_spans, MarkSet};

    #[test]
    fn the_scorer_sums_the_features_to_the_bit() {
        let mut scored = 0;
        let own_text = [
            "Said he: the plan, officials warned, would fail. “No,” said Chuck Said. \
             He told reporters that it was over; aides said. Claims, insists: states!",
        ];
        for text in crate::quotes::EXAMPLE_ARTICLES.into_iter().chain(own_text) {
            let spans = quoted_spans(text, MarkSet::EVERY);
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

    #[test]
    fn the_weights_were_trained_with_the_codes_templates() {
        assert_eq!(
            crate::quotes::model::check_table(CUE_WEIGHTS, &CUE_TEMPLATES),
            Ok(())
        );
    }

    #[test]
    fn every_feature_has_a_declared_template() {
        let text = concat!(
            include_str!("../../../examples/article.clean.txt"),
            "\n\nThe plan will fail, officials warned. He told reporters that it was over.",
        );
        let doc = Document::new(text, &[]);
        let mut features = 0;
        for (_, names) in cue_candidates(&doc) {
            for name in names {
                let template = crate::quotes::model::template_of(&name, &CUE_TEMPLATES);
                assert!(template.is_some(), "{name} has no declared template");
                features += 1;
            }
        }
        assert!(features > 100, "{features}");
    }
}
