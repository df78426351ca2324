//! The words that report speech: `said`, `told`, `according to`, and the many verbs news uses.
//!
//! The lexicon (`lexicon/speech_verbs.tsv`) lists verbs by their base form; every inflection (`says`, `said`, `saying`,
//! `argues`, `argued`, `arguing`, `replies`, `replied`) is generated once into a set. Verbs of
//! saying proper are *strong* cues; verbs that report an attitude or a characterisation
//! (`called`, `described`, `blasted`) are *weak* ones, trusted only next to a quotation.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::doc::{lower, Document};
use super::lexicon::{FORMS_OF_BE, IRREGULAR_PARTICIPLES, PASSIVE_ADVERBS};
use super::words::WordMap;
use super::words::{lexicon_entries, FnvBuild};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    Weak,
    Strong,
}

/// The verbs of saying, one row a base form (`lexicon/speech_verbs.tsv`): `verb`, `strength`,
/// `inflection`, `particle`, `saying_proper`, `hearer`.
const SPEECH_VERBS: &str = include_str!("lexicon/speech_verbs.tsv");

/// One row of [`SPEECH_VERBS`].
struct VerbRow {
    base: &'static str,
    /// `None` for a verb listed only for a property of its forms (`convinced` takes a hearer).
    strength: Option<Strength>,
    /// `regular`, `doubled` or the irregular forms.
    inflection: &'static str,
    particle: Option<&'static str>,
    saying_proper: &'static str,
    hearer: &'static str,
}

/// The rows of [`SPEECH_VERBS`], in the file's order.
fn verb_rows() -> impl Iterator<Item = VerbRow> {
    let column = |c: &'static str| (c != "-").then_some(c);
    lexicon_entries(SPEECH_VERBS).filter_map(move |line| {
        let mut cols = line.split('\t');
        let base = cols.next()?;
        let strength = match cols.next()? {
            "strong" => Some(Strength::Strong),
            "weak" => Some(Strength::Weak),
            _ => None,
        };
        let inflection = cols.next()?;
        let particle = column(cols.next()?);
        let saying_proper = column(cols.next()?).unwrap_or("");
        let hearer = column(cols.next()?).unwrap_or("");
        Some(VerbRow {
            base,
            strength,
            inflection,
            particle,
            saying_proper,
            hearer,
        })
    })
}

/// Verbs that only report speech in a particular phrase; alone they are ordinary verbs.
fn needs_particle(base: &str) -> Option<&'static [&'static str]> {
    static PARTICLES: OnceLock<HashMap<&'static str, Vec<&'static str>, FnvBuild>> =
        OnceLock::new();
    PARTICLES
        .get_or_init(|| {
            verb_rows()
                .filter_map(|r| Some((r.base, r.particle?.split(' ').collect())))
                .collect()
        })
        .get(base)
        .map(Vec::as_slice)
}

/// The forms of a verb: its base, then the generated inflections (`-s`, `-ed`, `-ing`, with a
/// doubled final consonant for `doubled` verbs), or the irregular forms the table lists.
fn inflections(base: &str, inflection: &str) -> Vec<String> {
    if inflection != "regular" && inflection != "doubled" {
        let mut v: Vec<String> = inflection.split(' ').map(str::to_string).collect();
        v.push(base.to_string());
        return v;
    }
    let mut v = vec![base.to_string()];
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        let stem = &base[..base.len() - 1];
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        v.push(format!("{base}s"));
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if inflection == "doubled" {
        let last = &base[base.len() - 1..];
        v.push(format!("{base}s"));
        v.push(format!("{base}{last}ed"));
        v.push(format!("{base}{last}ing"));
    } else {
        let s = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
            "es"
        } else {
            "s"
        };
        v.push(format!("{base}{s}"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    }
    v
}

/// The forms listed in one column of [`SPEECH_VERBS`], as a set.
fn forms_of(column: fn(&VerbRow) -> &'static str) -> WordMap<()> {
    let forms: Vec<&'static str> = verb_rows()
        .flat_map(|r| column(&r).split(' ').filter(|f| !f.is_empty()))
        .collect();
    WordMap::new(forms.into_iter().map(|f| (f, ())))
}

/// `said`, `told`, `wrote`: verbs of saying proper, whose following preposition starts a place
/// or a hearer, never the content (`said in a statement`). `w` is lower case.
pub(crate) fn is_verb_of_saying_proper(w: &str) -> bool {
    static FORMS: OnceLock<WordMap<()>> = OnceLock::new();
    FORMS
        .get_or_init(|| forms_of(|r| r.saying_proper))
        .get(w)
        .is_some()
}

/// Verbs whose hearer comes between the cue and the content: `told reporters that …`. `w` is
/// lower case.
pub(crate) fn takes_a_hearer(w: &str) -> bool {
    static FORMS: OnceLock<WordMap<()>> = OnceLock::new();
    FORMS
        .get_or_init(|| forms_of(|r| r.hearer))
        .get(w)
        .is_some()
}

/// One inflected cue word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueWord {
    pub base: &'static str,
    pub strength: Strength,
    /// `-ing` form (`saying`), which attaches to a clause rather than heading one.
    pub gerund: bool,
}

type Lexicon = HashMap<String, CueWord, FnvBuild>;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map = Lexicon::default();
        // The weak verbs first, so that a form of two verbs is the strong one's.
        for pass in [Strength::Weak, Strength::Strong] {
            for row in verb_rows().filter(|r| r.strength == Some(pass)) {
                let (base, strength) = (row.base, pass);
                for form in inflections(base, row.inflection) {
                    let gerund = form.ends_with("ing") && !base.ends_with("ing");
                    map.insert(
                        form,
                        CueWord {
                            base,
                            strength,
                            gerund,
                        },
                    );
                }
            }
        }
        map
    })
}

/// [`lexicon`] laid out for looking up the words near every quote.
fn lexicon_words() -> &'static WordMap<CueWord> {
    static WORDS: OnceLock<WordMap<CueWord>> = OnceLock::new();
    WORDS.get_or_init(|| WordMap::new(lexicon().iter().map(|(w, &c)| (w.as_str(), c))))
}

/// The cue word for `word` (any case), if it is one.
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    if word.len() > 20 || !word.is_ascii() {
        return None;
    }
    // Lowered in the look-up, without a copy: this runs for every word near every quote.
    lexicon_words().get_lowercase(word)
}

/// A verb of saying on its own (no particle needed): used to recognise `said “…”`.
pub(crate) fn is_cue_word(word: &str) -> bool {
    cue_word(word)
        .is_some_and(|c| c.strength == Strength::Strong && needs_particle(c.base).is_none())
}

/// Every inflected verb of saying that needs no particle (`said`, `warns`, `insisting`).
pub(crate) fn saying_forms() -> impl Iterator<Item = &'static str> {
    lexicon()
        .iter()
        .filter(|(_, c)| c.strength == Strength::Strong && needs_particle(c.base).is_none())
        .map(|(form, _)| form.as_str())
}

/// The particle a cue needs (`shot back`, `pointed out`), if any.
pub(crate) fn particle_of(base: &str) -> Option<&'static [&'static str]> {
    needs_particle(base)
}

/// Whether the word at `j` is a passive participle (`the staffer was charged`, `is described
/// as`, `was widely expected`): a form of be before it, over adverbs. A passive reports nobody's
/// words but its agent's, and its subject is who was spoken to or about.
pub(crate) fn is_passive(doc: &Document, j: usize) -> bool {
    let w = lower(doc, &doc.tokens[j]);
    if !(w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(w.as_str())) {
        return false;
    }
    let mut k = j;
    while k > 0 {
        let prev = lower(doc, &doc.tokens[k - 1]);
        if prev.ends_with("ly") || PASSIVE_ADVERBS.contains(prev.as_str()) {
            k -= 1;
            continue;
        }
        return FORMS_OF_BE.contains(prev.as_str());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_known() {
        for w in [
            "said",
            "says",
            "Saying",
            "told",
            "added",
            "argues",
            "replied",
            "replies",
            "noting",
            "admitted",
            "quipped",
            "tweeted",
            "according",
        ] {
            if w == "according" {
                assert!(cue_word(w).is_none());
                continue;
            }
            assert!(cue_word(w).is_some(), "{w}");
        }
        assert!(cue_word("table").is_none());
        assert_eq!(cue_word("called").map(|c| c.strength), Some(Strength::Weak));
        assert!(cue_word("saying").is_some_and(|c| c.gerund));
    }

    #[test]
    fn the_table_lists_the_forms_of_each_property() {
        // Verbs of saying proper and verbs taking a hearer are listed by form, not generated:
        // `saying` and `spoken` are not `said` for the clause rules.
        for w in [
            "said",
            "says",
            "say",
            "told",
            "spoke",
            "wrote",
            "tweeted",
            "testified",
        ] {
            assert!(is_verb_of_saying_proper(w), "{w}");
        }
        for w in ["saying", "spoken", "writing", "adds", "whispered"] {
            assert!(!is_verb_of_saying_proper(w), "{w}");
        }
        for w in [
            "told",
            "telling",
            "warned",
            "asks",
            "convinced",
            "persuaded",
        ] {
            assert!(takes_a_hearer(w), "{w}");
        }
        assert!(!takes_a_hearer("warns"));
        // Listed for its hearer only: no cue.
        assert!(cue_word("convinced").is_none());
        assert_eq!(particle_of("shoot"), Some(&["back"][..]));
        assert_eq!(particle_of("say"), None);
        // A verb in both strengths is strong (`vowed`); one form of two verbs keeps one entry.
        assert_eq!(
            cue_word("vowed").map(|c| c.strength),
            Some(Strength::Strong)
        );
        assert_eq!(cue_word("quipped").map(|c| c.base), Some("quip"));
        assert_eq!(cue_word("knocked").map(|c| c.base), Some("knock"));
    }
}
