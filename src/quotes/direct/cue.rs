//! Whether a word is a cue here: a verb of saying of the lexicon (`cues`) read in its
//! context, not a noun (`his remarks`, `private email servers`), a plural (`the claims`) or a
//! passive (`was told`).

use std::sync::OnceLock;

use crate::quotes::cues::{self, CueWord};
use crate::quotes::doc::{self, lower, Document, TokKind};
use crate::quotes::lexicon::{
    ADJECTIVE_SUFFIXES, IRREGULAR_PASTS, LONE_QUANTIFIERS, NOUN_DETERMINERS, NOUN_LIKE_CUES,
    PLURAL_QUANTIFIERS, SUBJECT_PRONOUNS, VERB_OPENERS,
};
use crate::quotes::mentions;

/// The endings of `adjective_suffixes.txt`, listed once.
fn adjective_suffixes() -> &'static [&'static str] {
    static SUFFIXES: OnceLock<Vec<&'static str>> = OnceLock::new();
    SUFFIXES.get_or_init(|| ADJECTIVE_SUFFIXES.words())
}

/// The cue at token `i`, with the token just past it (`according to`, `shot back`).
pub(super) fn cue_at(doc: &Document, i: usize) -> Option<(CueWord, usize)> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokKind::Word || t.quote.is_some() {
        return None;
    }
    let w = doc.word(t);
    // `the United States`, `the Washington Post`: a capitalised word inside a sentence is a name.
    if w.chars().next().is_some_and(char::is_uppercase)
        && i > 0
        && !doc.tokens[i - 1].ends_sentence
        && doc.tokens[i - 1].para == t.para
        && !matches!(doc.tokens[i - 1].kind, TokKind::Mark | TokKind::Punct(':'))
    {
        return None;
    }
    if w.eq_ignore_ascii_case("according") {
        let next = doc.tokens.get(i + 1)?;
        if lower(doc, next) == "to" {
            return Some((
                CueWord {
                    base: "according",
                    strength: cues::Strength::Strong,
                    gerund: false,
                },
                i + 2,
            ));
        }
        return None;
    }
    let cue = cues::cue_word(w)?;
    if noun_reading(doc, i, cue.base) || plural_noun(doc, i, cue.base) {
        return None;
    }
    if let Some(particles) = cues::particle_of(cue.base) {
        let next = doc.tokens.get(i + 1)?;
        if particles.contains(&lower(doc, next).as_str()) {
            return Some((cue, i + 2));
        }
        return None;
    }
    Some((cue, i + 1))
}

/// `his claims`, `the remarks`, `32% of Republican claims`: the `-s` form of a verb of saying
/// after a determiner, or after `of` and one word, is a plural noun.
pub(super) fn plural_noun(doc: &Document, i: usize, base: &str) -> bool {
    let form = lower(doc, &doc.tokens[i]);
    if form.strip_suffix('s') != Some(base) && form.strip_suffix("es") != Some(base) {
        return false;
    }
    let word_at = |k: Option<usize>| {
        k.and_then(|k| doc.tokens.get(k))
            .filter(|t| t.kind == TokKind::Word && t.para == doc.tokens[i].para)
            .map(|t| lower(doc, t))
    };
    let determiner = word_at(i.checked_sub(1)).is_some_and(|p| {
        NOUN_DETERMINERS.contains(p.as_str()) || PLURAL_QUANTIFIERS.contains(p.as_str())
    });
    let after_of =
        word_at(i.checked_sub(1)).is_some() && word_at(i.checked_sub(2)).as_deref() == Some("of");
    determiner || after_of
}

/// `private email servers`, `sensitive government emails`, `in somber comments`: verbs of
/// saying that news mostly uses as nouns are verbs, in their base or `-s` form, only after a
/// subject or an auxiliary.
pub(super) fn noun_reading(doc: &Document, i: usize, base: &str) -> bool {
    if !NOUN_LIKE_CUES.contains(base) {
        return false;
    }
    let form = lower(doc, &doc.tokens[i]);
    let plural = form.strip_suffix('s').is_some_and(|f| f == base);
    if form != base && !plural {
        return false;
    }
    // `Ohio state senator Bill Ruiz`: before a role noun, it names the role's domain.
    let next = doc.tokens.get(i + 1);
    if next.is_some_and(|n| n.kind == TokKind::Word && mentions::is_role_noun(&lower(doc, n))) {
        return true;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &doc.tokens[p]) else {
        return true;
    };
    if prev.kind != TokKind::Word {
        return true;
    }
    let p = lower(doc, prev);
    // The subject pronouns, and `who`.
    let subject = (SUBJECT_PRONOUNS.contains(p.as_str()) || p.as_str() == "who")
        || (doc::is_capitalised(doc, prev) && !mentions::is_not_name(&p));
    let auxiliary = VERB_OPENERS.contains(p.as_str());
    !(subject || auxiliary)
}

/// `his remarks`, `Ginsburg’s comments`, `the anti-Muslim remarks`: a cue word after a
/// determiner or a possessive is a noun.
pub(super) fn used_as_noun(doc: &Document, j: usize) -> bool {
    let opens_np = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && {
                let l = lower(doc, t);
                doc::is_possessive(&l) || NOUN_DETERMINERS.contains(l.as_str())
            }
        })
    };
    let w = lower(doc, &doc.tokens[j]);
    let past = w.ends_with("ed") || IRREGULAR_PASTS.contains(w.as_str());
    // Right after a determiner even a participle is an adjective (`Trump’s repeated calls`).
    if j >= 1 && opens_np(j - 1) {
        return true;
    }
    // A base form after a quantifier is a noun (`another sign read`); a past or a third person
    // is its verb (`one said`, `another reads`).
    if j >= 1 && doc.tokens[j - 1].kind == TokKind::Word {
        let before = lower(doc, &doc.tokens[j - 1]);
        if LONE_QUANTIFIERS.contains(&before) && !past && !w.ends_with('s') {
            return true;
        }
    }
    // Two words after one: `the official said` is a verb, `a prepared text`, `a blunt message`
    // and `the Paris attacks` are nouns.
    if j >= 2 && opens_np(j - 2) {
        let between = &doc.tokens[j - 1];
        if between.kind != TokKind::Word {
            return false;
        }
        let b = lower(doc, between);
        if past {
            return false;
        }
        // `a statement calling on …`, `a memo saying …`: a participle after a noun reports what
        // the document says.
        if w.ends_with("ing") && !b.ends_with("ing") {
            return false;
        }
        let third_person = w.ends_with('s');
        let adjective = b.contains('-') || adjective_suffixes().iter().any(|x| b.ends_with(x));
        return adjective
            || (!third_person && !b.ends_with('s'))
            || (third_person && doc::is_capitalised(doc, between));
    }
    false
}

pub(super) fn preceded_by_to(doc: &Document, j: usize) -> bool {
    j > 0 && lower(doc, &doc.tokens[j - 1]) == "to"
}
