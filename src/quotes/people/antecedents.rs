//! Whom `he` or `she` refers to: a linear ranker over the people the article mentioned in the
//! sentences before, the way a reader weighs them: agreement in gender, how recently and how
//! prominently each was mentioned (first in its sentence, after a preposition or not, followed
//! by a verb or a possessive), how often the article names them.
//!
//! The weights (`antecedent_weights.tsv`) are a conditional log-linear model trained by
//! `scripts/train_antecedents.py` on GUM's coreference (every `he`, `him`, `his`, `she`, `her` of
//! a person; CC BY 4.0, Zeldes 2017, see `../shared/data/gum/README.md`). Features are emitted
//! as pieces, template first ([`TEMPLATES`]), and scored through `model::WeightTable`.

use std::sync::OnceLock;

use super::{Gender, People, Salient};
use crate::quotes::cues;
use crate::quotes::doc::{is_possessive, lower, Document, TokKind};
use crate::quotes::lexicon;
use crate::quotes::model::WeightTable;
use crate::quotes::tagger::tag;

/// How many narrative sentences back (see `People::narrative_distance`) candidates are looked
/// for.
const WINDOW: u32 = 8;

/// The feature templates: every feature's name starts with one of them.
pub const TEMPLATES: [&str; 23] = [
    "gender=",
    "sdist=",
    "rank=",
    "first",
    "firstin=",
    "prev=",
    "next=",
    "office",
    "count=",
    "samepara",
    "gender|rank=",
    "sdist|first=",
    "pstart|sdist|first=",
    "nearest_agreeing",
    "source",
    "appos",
    "source|sdist=",
    "prevspeaker",
    "prevspeaker|sdist=",
    "spoke",
    "spoke|sdist=",
    "chain",
    "chain|sdist=",
];

fn weights() -> &'static WeightTable {
    static WEIGHTS: OnceLock<WeightTable> = OnceLock::new();
    WEIGHTS.get_or_init(|| WeightTable::parse(include_str!("antecedent_weights.tsv")))
}

/// A person who may be the antecedent: their latest mention before the pronoun.
struct Candidate {
    spot: Salient,
    /// The spot's index in `People::spots`.
    index: usize,
    /// Distinct people mentioned between this one and the pronoun.
    rank: usize,
    /// Whether one of their mentions in the window opens its sentence's people.
    any_first: bool,
    /// Their mentions before the pronoun in the whole article.
    count: usize,
}

impl People {
    /// The candidates for the pronoun at token `s`, most recent first.
    fn candidates(&self, s: usize) -> Vec<Candidate> {
        let sentence = self.sentence_of(s);
        let idx = self.spots.partition_point(|m| m.at < s);
        // A handful of people stand in the window: room for them at once.
        let mut out: Vec<Candidate> = Vec::with_capacity(8);
        for (index, spot) in self.spots[..idx].iter().enumerate().rev() {
            if self.narrative_distance(spot.sentence, sentence) >= WINDOW {
                break;
            }
            match out.iter_mut().find(|c| c.spot.person == spot.person) {
                Some(c) => c.any_first |= spot.first,
                None => out.push(Candidate {
                    spot: *spot,
                    index,
                    rank: out.len(),
                    any_first: spot.first,
                    // Every name mention is a spot, and this is the person's last before `s`.
                    count: spot.named,
                }),
            }
        }
        out
    }

    /// The token and the person of the last pronoun of gender `want` before token `s` that the
    /// ranker resolved, within the candidates' window.
    fn last_pronoun(&self, s: usize, want: Gender) -> Option<(usize, usize)> {
        let before = self.pronouns.partition_point(|&(k, _, _)| k < s);
        let &(k, _, person) = self.pronouns[..before]
            .iter()
            .rev()
            .find(|&&(_, g, _)| g == want)?;
        let near = self.narrative_distance(self.sentence_of(k), self.sentence_of(s)) < WINDOW;
        Some((k, person?)).filter(|_| near)
    }

    /// What the features of every candidate of the pronoun at token `s` wanting `want` share.
    fn pronoun(
        &self,
        s: usize,
        want: Gender,
        previous: Option<usize>,
        all: &[Candidate],
    ) -> Pronoun {
        let sentence = self.sentence_of(s);
        let chain = self.last_pronoun(s, want).map(|(k, person)| {
            let back = self.narrative_distance(self.sentence_of(k), sentence);
            (person, (back as usize).min(4))
        });
        Pronoun {
            s,
            previous,
            sentence,
            pstart: self.sentence_starts.binary_search(&s).is_ok(),
            chain,
            nearest: all
                .iter()
                .find(|o| self.gender(o.spot.person).is_none_or(|g| g == want))
                .map(|o| o.spot.person),
            want,
        }
    }

    /// The values of the features of candidate `c` of `pronoun`.
    fn values(&self, doc: &Document, pronoun: &Pronoun, c: &Candidate) -> Values {
        let gender = match self.gender(c.spot.person) {
            None => 0,
            Some(g) if g == pronoun.want => 1,
            Some(_) => 2,
        };
        let distance = self.narrative_distance(c.spot.sentence, pronoun.sentence);
        let around =
            self.around[c.index].get_or_init(|| Surroundings::of(doc, c.spot.from, c.spot.end));
        let person = Some(c.spot.person);
        Values {
            gender,
            sdist: (distance as usize).min(4),
            rank: c.rank.min(4),
            first: c.spot.first,
            any_first: c.any_first,
            prev: around.prev,
            next: around.next,
            office: c.spot.office,
            count: c.count.min(6),
            samepara: doc.tokens[c.spot.at].para == doc.tokens[pronoun.s].para,
            pstart: pronoun.pstart,
            nearest: pronoun.nearest == person,
            source: around.source,
            spoke: self.spoke_at(c.spot.at),
            chain: pronoun
                .chain
                .filter(|&(p, _)| p == c.spot.person)
                .map(|(_, back)| back),
            prevspeaker: pronoun.previous == person,
            apposed: around.apposed,
        }
    }

    /// The person `he` or `she` at token `s` refers to, with the mention that names them: the
    /// best-scored candidate whose gender does not differ, or `None` when there is none.
    pub(super) fn antecedent(
        &self,
        doc: &Document,
        s: usize,
        want: Gender,
        previous: Option<usize>,
    ) -> Option<Salient> {
        let all = self.candidates(s);
        let pronoun = self.pronoun(s, want, previous, &all);
        let scorer = scorer();
        let mut best: Option<(f32, Salient)> = None;
        for c in &all {
            if self.gender(c.spot.person).is_some_and(|g| g != want) {
                continue;
            }
            let score = scorer.score(&self.values(doc, &pronoun, c));
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, c.spot));
            }
        }
        best.map(|(_, spot)| spot)
    }

    /// For a repeated mention of a person whose gender is known (`Crespo said` after `Henry
    /// Crespo, president of …`), the candidates a pronoun standing there would have, with which
    /// of them is that person: news stories' own training signal for pronouns, since a
    /// reporter could have written `he said`. `None` when the mention at token `s` is no such
    /// person.
    pub(crate) fn pseudo_pronoun_candidates(
        &self,
        doc: &Document,
        s: usize,
        previous: Option<&str>,
    ) -> Option<Vec<(bool, Vec<String>)>> {
        let previous = previous.and_then(|name| self.person_named(name));
        let spot = self.spots.iter().find(|m| m.from <= s && s < m.end)?;
        let want = self.gender(spot.person)?;
        let all = self.candidates(spot.from);
        let pronoun = self.pronoun(spot.from, want, previous, &all);
        Some(
            all.iter()
                .map(|c| {
                    let mut features = Vec::new();
                    each_feature(&self.values(doc, &pronoun, c), &mut |parts| {
                        features.push(parts.concat())
                    });
                    (c.spot.person == spot.person, features)
                })
                .collect(),
        )
    }

    /// Every candidate of the gendered pronoun at token `s` as (byte ranges of every mention
    /// of the person before `s`, features), for training; empty when `s` is no such pronoun.
    #[allow(clippy::type_complexity)]
    pub(crate) fn pronoun_candidates(
        &self,
        doc: &Document,
        s: usize,
        previous: Option<&str>,
    ) -> Vec<(Vec<(usize, usize)>, Vec<String>)> {
        let previous = previous.and_then(|name| self.person_named(name));
        let Some(want) = doc
            .tokens
            .get(s)
            .and_then(|t| super::gender::of_pronoun(&lower(doc, t)))
        else {
            return Vec::new();
        };
        let all = self.candidates(s);
        let pronoun = self.pronoun(s, want, previous, &all);
        all.iter()
            .map(|c| {
                let spans = self.spots[..self.spots.partition_point(|m| m.at < s)]
                    .iter()
                    .filter(|m| m.person == c.spot.person)
                    .filter_map(|m| doc.byte_span((m.from, m.end)))
                    .collect();
                let mut features = Vec::new();
                each_feature(&self.values(doc, &pronoun, c), &mut |parts| {
                    features.push(parts.concat())
                });
                (spans, features)
            })
            .collect()
    }
}

/// What the features of every candidate of one pronoun share.
struct Pronoun {
    s: usize,
    want: Gender,
    /// The speaker of the quotation before, if known.
    previous: Option<usize>,
    sentence: u32,
    /// Whether the pronoun opens its sentence.
    pstart: bool,
    /// The person the last pronoun of the same gender was taken for, and how many narrative
    /// sentences back (at most 4).
    chain: Option<(usize, usize)>,
    /// The nearest candidate whose gender does not differ.
    nearest: Option<usize>,
}

/// The values of a candidate's features: indices into the lists of their names ([`GENDERS`],
/// [`SMALL`], [`FLAGS`], [`PREV_CLASSES`], [`NEXT_CLASSES`], [`COUNTS`]) and flags.
struct Values {
    gender: usize,
    sdist: usize,
    rank: usize,
    first: bool,
    any_first: bool,
    prev: usize,
    next: usize,
    office: bool,
    count: usize,
    samepara: bool,
    pstart: bool,
    nearest: bool,
    source: bool,
    spoke: bool,
    /// `chain|sdist=`, when the last pronoun of the gender was taken for the candidate.
    chain: Option<usize>,
    prevspeaker: bool,
    apposed: bool,
}

/// The names the features' values take.
const GENDERS: [&str; 3] = ["unknown", "agree", "conflict"];
const SMALL: [&str; 5] = ["0", "1", "2", "3", "4+"];
const COUNTS: [&str; 7] = ["0", "1", "2", "3-5", "3-5", "3-5", "6+"];
const FLAGS: [&str; 2] = ["0", "1"];
const PREV_CLASSES: [&str; 7] = ["start", "comma", "prep", "det", "and", "word", "other"];
const NEXT_CLASSES: [&str; 8] = [
    "poss", "end", "comma", "prep", "noun", "lower", "cap", "other",
];

/// The features of a candidate with `values`, each passed to `emit` as pieces.
fn each_feature(v: &Values, emit: &mut dyn FnMut(&[&str])) {
    let gender = GENDERS[v.gender];
    let sdist = SMALL[v.sdist];
    let rank = SMALL[v.rank];
    let first = FLAGS[usize::from(v.first)];
    emit(&["gender=", gender]);
    emit(&["sdist=", sdist]);
    emit(&["rank=", rank]);
    if v.first {
        emit(&["first"]);
    }
    emit(&["firstin=", FLAGS[usize::from(v.any_first)]]);
    emit(&["prev=", PREV_CLASSES[v.prev]]);
    emit(&["next=", NEXT_CLASSES[v.next]]);
    if v.office {
        emit(&["office"]);
    }
    emit(&["count=", COUNTS[v.count]]);
    if v.samepara {
        emit(&["samepara"]);
    }
    emit(&["gender|rank=", gender, "|", rank]);
    emit(&["sdist|first=", sdist, "|", first]);
    let pstart = FLAGS[usize::from(v.pstart)];
    emit(&["pstart|sdist|first=", pstart, "|", sdist, "|", first]);
    if v.nearest {
        emit(&["nearest_agreeing"]);
    }
    // A source of the story: `Crespo said`, `said Leslie Wimes`, `according to Ham`.
    if v.source {
        emit(&["source"]);
        emit(&["source|sdist=", sdist]);
    }
    // Found speaking: the mention of a quotation or a report (`Aparna Mathur, who …, said`).
    if v.spoke {
        emit(&["spoke"]);
        emit(&["spoke|sdist=", sdist]);
    }
    // The person the last pronoun of the same gender was taken for: `Fowler noted … he
    // supported … he said, replacing Clinton …`.
    if let Some(back) = v.chain {
        emit(&["chain"]);
        emit(&["chain|sdist=", SMALL[back]]);
    }
    // The speaker of the quotation before: `“…,” said Leslie Wimes. “…,” she said.`
    if v.prevspeaker {
        emit(&["prevspeaker"]);
        emit(&["prevspeaker|sdist=", sdist]);
    }
    // Introduced with a role: `Henry Crespo, president of …`.
    if v.apposed {
        emit(&["appos"]);
    }
}

/// The ranker laid out for scoring: every feature of [`each_feature`] names values of closed
/// sets, so each weight is looked up once, here, instead of being hashed for every candidate
/// of every pronoun. [`Scorer::score`] adds them in the order of [`each_feature`], so that a
/// score is the sum of the features' weights to the bit.
struct Scorer {
    gender: [f32; GENDERS.len()],
    sdist: [f32; SMALL.len()],
    rank: [f32; SMALL.len()],
    first: f32,
    firstin: [f32; 2],
    prev: [f32; PREV_CLASSES.len()],
    next: [f32; NEXT_CLASSES.len()],
    office: f32,
    count: [f32; COUNTS.len()],
    samepara: f32,
    gender_rank: [[f32; SMALL.len()]; GENDERS.len()],
    sdist_first: [[f32; 2]; SMALL.len()],
    pstart_sdist_first: [[[f32; 2]; SMALL.len()]; 2],
    nearest: f32,
    source: f32,
    source_sdist: [f32; SMALL.len()],
    spoke: f32,
    spoke_sdist: [f32; SMALL.len()],
    chain: f32,
    chain_sdist: [f32; SMALL.len()],
    prevspeaker: f32,
    prevspeaker_sdist: [f32; SMALL.len()],
    appos: f32,
}

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        let w = |parts: &[&str]| weights().weight(parts);
        let small = |t: &str| SMALL.map(|v| w(&[t, v]));
        Scorer {
            gender: GENDERS.map(|g| w(&["gender=", g])),
            sdist: small("sdist="),
            rank: small("rank="),
            first: w(&["first"]),
            firstin: FLAGS.map(|f| w(&["firstin=", f])),
            prev: PREV_CLASSES.map(|c| w(&["prev=", c])),
            next: NEXT_CLASSES.map(|c| w(&["next=", c])),
            office: w(&["office"]),
            count: COUNTS.map(|c| w(&["count=", c])),
            samepara: w(&["samepara"]),
            gender_rank: GENDERS.map(|g| SMALL.map(|r| w(&["gender|rank=", g, "|", r]))),
            sdist_first: SMALL.map(|d| FLAGS.map(|f| w(&["sdist|first=", d, "|", f]))),
            pstart_sdist_first: FLAGS.map(|p| {
                SMALL.map(|d| FLAGS.map(|f| w(&["pstart|sdist|first=", p, "|", d, "|", f])))
            }),
            nearest: w(&["nearest_agreeing"]),
            source: w(&["source"]),
            source_sdist: small("source|sdist="),
            spoke: w(&["spoke"]),
            spoke_sdist: small("spoke|sdist="),
            chain: w(&["chain"]),
            chain_sdist: small("chain|sdist="),
            prevspeaker: w(&["prevspeaker"]),
            prevspeaker_sdist: small("prevspeaker|sdist="),
            appos: w(&["appos"]),
        }
    })
}

impl Scorer {
    fn score(&self, v: &Values) -> f32 {
        let (first, pstart) = (usize::from(v.first), usize::from(v.pstart));
        let mut z = 0.0;
        z += self.gender[v.gender];
        z += self.sdist[v.sdist];
        z += self.rank[v.rank];
        if v.first {
            z += self.first;
        }
        z += self.firstin[usize::from(v.any_first)];
        z += self.prev[v.prev];
        z += self.next[v.next];
        if v.office {
            z += self.office;
        }
        z += self.count[v.count];
        if v.samepara {
            z += self.samepara;
        }
        z += self.gender_rank[v.gender][v.rank];
        z += self.sdist_first[v.sdist][first];
        z += self.pstart_sdist_first[pstart][v.sdist][first];
        if v.nearest {
            z += self.nearest;
        }
        if v.source {
            z += self.source;
            z += self.source_sdist[v.sdist];
        }
        if v.spoke {
            z += self.spoke;
            z += self.spoke_sdist[v.sdist];
        }
        if let Some(back) = v.chain {
            z += self.chain;
            z += self.chain_sdist[back];
        }
        if v.prevspeaker {
            z += self.prevspeaker;
            z += self.prevspeaker_sdist[v.sdist];
        }
        if v.apposed {
            z += self.appos;
        }
        z
    }
}

/// What stands around a person mention `[from, end)`, as the ranker's features read it: found
/// once for the mention, the first time it is a candidate, not again for every pronoun.
#[derive(Debug, Clone, Copy)]
pub(super) struct Surroundings {
    /// See [`previous_class`]: an index into [`PREV_CLASSES`].
    prev: usize,
    /// See [`next_class`]: an index into [`NEXT_CLASSES`].
    next: usize,
    /// See [`is_source`].
    source: bool,
    /// See [`is_apposed`].
    apposed: bool,
}

impl Surroundings {
    pub(super) fn of(doc: &Document, from: usize, end: usize) -> Surroundings {
        let (prev, next) = (previous_class(doc, from), next_class(doc, end));
        debug_assert!(PREV_CLASSES.contains(&prev) && NEXT_CLASSES.contains(&next));
        Surroundings {
            prev: PREV_CLASSES.iter().position(|&c| c == prev).unwrap_or(0),
            next: NEXT_CLASSES.iter().position(|&c| c == next).unwrap_or(0),
            source: is_source(doc, from, end),
            apposed: is_apposed(doc, end),
        }
    }
}

/// Whether a verb of saying stands right before or after the mention `[from, end)` (`said
/// Leslie Wimes`, `Crespo told`), or `according to` before it.
pub(super) fn is_source(doc: &Document, from: usize, end: usize) -> bool {
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokKind::Word && t.quote.is_none())
            .map(|t| doc.word(t))
    };
    // `said Ivanka Trump’s statement`: a possessor is no source.
    if end > from && word(end - 1).is_some_and(is_possessive) {
        return false;
    }
    let after = word(end).is_some_and(cues::is_cue_word);
    let before = from.checked_sub(1).and_then(word).is_some_and(|w| {
        cues::is_cue_word(w)
            || (w.eq_ignore_ascii_case("to")
                && from
                    .checked_sub(2)
                    .and_then(word)
                    .is_some_and(|a| a.eq_ignore_ascii_case("according")))
    });
    after || before
}

/// Whether the mention ending at `end` is followed by a comma and a role (`, president of`,
/// `, a spokesman for`, `, the campaign’s chairman`).
fn is_apposed(doc: &Document, end: usize) -> bool {
    if !matches!(doc.tokens.get(end), Some(t) if t.kind == TokKind::Punct(',')) {
        return false;
    }
    doc.tokens[end + 1..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokKind::Word)
        .any(|t| lexicon::ROLE_NOUNS.contains(&lower(doc, t)))
}

/// What stands before a mention: the sentence's start, a preposition, a comma, a determiner,
/// a verb-like lower-case word, or something else.
fn previous_class(doc: &Document, from: usize) -> &'static str {
    let Some(t) = from.checked_sub(1).map(|k| &doc.tokens[k]) else {
        return "start";
    };
    if t.ends_sentence || t.para != doc.tokens[from].para {
        return "start";
    }
    match t.kind {
        TokKind::Punct(',') => "comma",
        TokKind::Word => {
            let w = lower(doc, t);
            if lexicon::PREPOSITIONS.contains(&w) {
                "prep"
            } else if lexicon::DETERMINERS.contains(&w) {
                "det"
            } else if lexicon::COORDINATING_CONJUNCTIONS.contains(&w) {
                "and"
            } else {
                "word"
            }
        }
        _ => "other",
    }
}

/// Whether the mention ending before token `end` modifies the common noun there (`Trump
/// campaign spokesman Jason Miller`, `the Clinton administration`): a name used as an
/// adjective, not a person the sentence is about.
pub(super) fn is_modifier_of(doc: &Document, end: usize) -> bool {
    doc.tokens.get(end).is_some_and(|t| {
        t.kind == TokKind::Word && !t.capitalised && t.quote.is_none() && tag(doc, end) == "NOUN"
    }) && end > 0
        && !is_possessive(doc.word(&doc.tokens[end - 1]))
}

/// What follows a mention: a possessive, a comma, a lower-case word (a verb, mostly), the
/// sentence's end, or something else.
fn next_class(doc: &Document, end: usize) -> &'static str {
    if end > 0 && is_possessive(doc.word(&doc.tokens[end - 1])) {
        return "poss";
    }
    if end > 0 && doc.tokens[end - 1].ends_sentence {
        return "end";
    }
    let Some(t) = doc.tokens.get(end) else {
        return "end";
    };
    match t.kind {
        TokKind::Punct(',') => "comma",
        TokKind::Word if !t.capitalised => {
            if lexicon::PREPOSITIONS.contains(&lower(doc, t)) {
                "prep"
            } else if is_modifier_of(doc, end) {
                "noun"
            } else {
                "lower"
            }
        }
        TokKind::Word => "cap",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    /// Calls `check` with the document and resolved people table of each bundled example.
    fn for_each_example(mut check: impl FnMut(&Document, &People)) {
        for t in crate::quotes::EXAMPLE_ARTICLES {
            let spans = quoted_spans(t, MarkSet::EVERY);
            let doc = Document::new(t, &spans);
            let mut people = People::of(&doc);
            people.resolve_pronouns(&doc);
            check(&doc, &people);
        }
    }

    #[test]
    fn the_scorer_sums_the_features_to_the_bit() {
        let mut scored = 0;
        for_each_example(|doc, people| {
            for s in 0..doc.tokens.len() {
                let all = people.candidates(s);
                let speakers = [None, all.first().map(|c| c.spot.person)];
                for (want, previous) in [Gender::Male, Gender::Female]
                    .into_iter()
                    .flat_map(|g| speakers.map(|p| (g, p)))
                {
                    let pronoun = people.pronoun(s, want, previous, &all);
                    for c in &all {
                        let v = people.values(doc, &pronoun, c);
                        let mut slow = 0.0f32;
                        each_feature(&v, &mut |parts| slow += weights().weight(parts));
                        assert_eq!(scorer().score(&v).to_bits(), slow.to_bits(), "{s}");
                        scored += 1;
                    }
                }
            }
        });
        assert!(scored > 1000, "{scored}");
    }

    /// A candidate's `count=` and its surroundings are kept for its mention: they must be what
    /// counting every mention before the pronoun, and reading around the mention, give.
    #[test]
    fn candidates_keep_the_counts_and_surroundings_of_their_mentions() {
        let (mut checked, mut kept) = (0, 0);
        for_each_example(|doc, people| {
            for s in 0..doc.tokens.len() {
                for c in people.candidates(s) {
                    let before = people.mentions.partition_point(|&(k, _)| k < s);
                    let count = people.mentions[..before]
                        .iter()
                        .filter(|&&(_, p)| p == c.spot.person)
                        .count();
                    assert_eq!(c.count, count, "token {s}");
                    if let Some(around) = people.around[c.index].get() {
                        let fresh = Surroundings::of(doc, c.spot.from, c.spot.end);
                        assert_eq!(format!("{around:?}"), format!("{fresh:?}"));
                        kept += 1;
                    }
                    checked += 1;
                }
            }
        });
        assert!(checked > 100 && kept > 20, "{checked} {kept}");
    }
}
