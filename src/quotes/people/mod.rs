//! The people of an article and the resolution of mentions to them.
//!
//! One pass over the article's sentences (outside quotations) collects capitalised runs that
//! look like people: a name of two to four title-case words (`Keir Starmer`), or any name after
//! a personal title (`Mr Trump`, `Sir Keir`, `Sen. Lee`). Runs sharing a surname are one person;
//! the fullest form is the name. Titles that are offices (`Prime Minister Keir Starmer`) bind the
//! office to the person, and a definite office with no name (`The Prime Minister gathered …`)
//! is bound, the first time it appears, to the person the article was last talking about.
//! That person — the first person named in each sentence — is also what `he` and `she` refer to.
//!
//! - `runs`: capitalised runs split into titles and name words;
//! - `offices`: office phrases (`the Prime Minister`) and their keys;
//! - `resolve`: a mention resolved to a name, with the trail of links it followed.

mod ages;
mod antecedents;
mod authors;
mod gender;
mod offices;
mod organisations;
mod resolve;
mod runs;

pub use antecedents::TEMPLATES as ANTECEDENT_TEMPLATES;

/// The names of the links of a resolution trail (`pronoun_antecedent`, …): see
/// [`People::resolve_trail`].
#[cfg(test)]
pub(crate) use resolve::link as resolution_links;
#[cfg(test)]
mod tests;

use std::cell::OnceCell;
use std::collections::HashMap;

use super::doc::{is_capitalised, lower_str, same_in_lower_case, Document, TokKind};
use super::lexicon;
use super::words::FnvBuild;
use offices::{office_key, office_modifier, office_phrase};
use runs::{initial_matches, run_end, split_run, titlecase_name, Run};

/// A person of the article: the fullest name it gives and the other ways it names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone)]
struct Entry {
    /// Name words without titles: `["Keir", "Starmer"]`.
    words: Vec<String>,
    gender: Option<Gender>,
    aliases: Vec<String>,
}

impl Entry {
    fn name(&self) -> String {
        self.words.join(" ")
    }
    fn last(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }
    fn first(&self) -> &str {
        self.words.first().map_or("", String::as_str)
    }
    /// `self.name() == s`, without building the name.
    fn is_named(&self, s: &str) -> bool {
        let mut rest = s;
        for (k, w) in self.words.iter().enumerate() {
            let after_space = if k > 0 {
                rest.strip_prefix(' ')
            } else {
                Some(rest)
            };
            match after_space.and_then(|r| r.strip_prefix(w.as_str())) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    }
    fn has_alias(&self, alias: &str) -> bool {
        self.aliases.iter().any(|a| a == alias) || self.is_named(alias)
    }
    fn add_alias(&mut self, alias: &str) {
        if !self.has_alias(alias) {
            self.aliases.push(alias.to_string());
        }
    }
}

/// A person mention outside quotations (a name or an office phrase), which a later `he` or
/// `she` may refer to.
#[derive(Debug, Clone, Copy)]
struct Salient {
    /// The token the mention starts at (the name after any title or possessive dropped).
    at: usize,
    /// The tokens `[from, end)` the mention was read from: a capitalised run, or an office
    /// phrase (`the Prime Minister`), for the resolution trail.
    from: usize,
    end: usize,
    /// Whether the mention is an office phrase rather than a name.
    office: bool,
    person: usize,
    /// The sentence it is in (see `People::sentence_of`).
    sentence: u32,
    /// Whether it is the first person mention of its sentence.
    first: bool,
    /// How many times the article has named the person up to here (this mention included):
    /// the ranker's `count=`, kept here rather than counted again for every pronoun.
    named: usize,
}

/// The token each sentence of the document starts at (the first is 0), and for each the number
/// of narrative sentences (with a word outside quotation marks) up to it: distances between
/// mentions are counted in those, so that a long quotation does not push its speaker away.
fn sentence_starts(doc: &Document) -> (Vec<usize>, Vec<u32>) {
    let sentences = 1 + doc.tokens.iter().filter(|t| t.ends_sentence).count();
    let mut starts = Vec::with_capacity(sentences);
    starts.push(0);
    let mut narrative = Vec::with_capacity(sentences);
    narrative.push(0);
    let mut count = 0;
    let mut has_narrative = false;
    for (k, t) in doc.tokens.iter().enumerate() {
        has_narrative |= t.quote.is_none() && t.kind == TokKind::Word;
        if t.ends_sentence && k + 1 < doc.tokens.len() {
            count += u32::from(has_narrative);
            has_narrative = false;
            starts.push(k + 1);
            narrative.push(count);
        }
    }
    (starts, narrative)
}

/// A table keyed by lower-case names, looked up for every capitalised run of the article.
type Names<V> = HashMap<String, V, FnvBuild>;

pub(crate) struct People {
    entries: Vec<Entry>,
    by_last: Names<Vec<usize>>,
    /// People with a full name, by lowercase first name.
    by_first: Names<Vec<usize>>,
    roles: Names<usize>,
    /// Offices bound to a person by guess alone (see [`People::guess_office`]): office key →
    /// the person guessed, until a title in the article names the holder.
    guessed_roles: Names<usize>,
    /// Holders that titles later in the article gave guessed offices: (key, guessed, holder).
    corrected_roles: Vec<(String, usize, usize)>,
    /// Role phrases seen, by token index of their first word, with the person bound then.
    role_mentions: HashMap<usize, usize>,
    /// Each sentence's first person: who `he` and `she` refer to.
    salient: Vec<Salient>,
    /// Every person mention, by token index: to pick among people sharing a surname.
    mentions: Vec<(usize, usize)>,
    /// Every person mention outside quotations, names and offices, in text order: the
    /// candidates of `antecedents`.
    spots: Vec<Salient>,
    /// What stands around each spot, read the first time the spot is a pronoun's candidate.
    around: Vec<OnceCell<antecedents::Surroundings>>,
    /// The token each sentence starts at.
    sentence_starts: Vec<usize>,
    /// For each sentence, the narrative sentences before it (see `sentence_starts`).
    narrative: Vec<u32>,
    /// The author named by a byline or an author's note, for the piece's `I`.
    author: Option<usize>,
    /// Letters' signatures: (token, person), for each letter's `I`.
    signatures: Vec<(usize, usize)>,
    /// The organisations named outside quotations, in text order, for `it` and `they`.
    organisations: Vec<organisations::Organisation>,
    /// Ages given after names (`Ana Ruiz, 34,`): (age as written, person).
    ages: Vec<(String, usize)>,
    /// Head nouns of the descriptions set off after names (`Ana Ruiz, a nurse from Leeds,`):
    /// (noun in lower case, person).
    described: Vec<(String, usize)>,
    /// The token ranges of the mentions the quotation and reported-speech rules found speaking
    /// (`Conservative economist Aparna Mathur, who …, said`), sorted: who has spoken in the
    /// article, which a later `she said` most often continues.
    sources: Vec<(usize, usize)>,
    /// Every `he`, `she`, `him`, `her` … outside quotations, in text order, with the person
    /// the ranker took it for (see `resolve_pronouns`): a run of `he`s keeps one man in view.
    pronouns: Vec<(usize, Gender, Option<usize>)>,
}

impl People {
    pub fn of(doc: &Document) -> People {
        // News names a person or an office every twenty tokens or so: the mention lists are
        // sized for that at once rather than grown a push at a time.
        let mentions = doc.tokens.len() / 16;
        let mut people = People {
            entries: Vec::new(),
            by_last: Names::default(),
            by_first: Names::default(),
            roles: Names::default(),
            guessed_roles: Names::default(),
            corrected_roles: Vec::new(),
            role_mentions: HashMap::new(),
            salient: Vec::new(),
            mentions: Vec::with_capacity(mentions),
            spots: Vec::with_capacity(mentions),
            around: Vec::with_capacity(mentions),
            sentence_starts: Vec::new(),
            narrative: Vec::new(),
            author: None,
            signatures: Vec::new(),
            organisations: Vec::new(),
            ages: Vec::new(),
            described: Vec::new(),
            sources: Vec::new(),
            pronouns: Vec::new(),
        };
        (people.sentence_starts, people.narrative) = sentence_starts(doc);
        let n = doc.tokens.len();
        let mut i = 0;
        let mut sentence_has_person = false;
        // How many times each person has been named so far (see `Salient::named`).
        let mut named: Vec<usize> = Vec::new();
        while i < n {
            let t = doc.tokens[i];
            let sentence_ends = t.ends_sentence;
            if t.quote.is_some() || t.kind != TokKind::Word {
                i += 1;
                if sentence_ends {
                    sentence_has_person = false;
                }
                continue;
            }
            // A definite office: `the Prime Minister`, `The US president`.
            if t.end - t.start == "the".len() && doc.word(&t).eq_ignore_ascii_case("the") {
                if let Some((end, key)) = office_phrase(doc, i) {
                    // `a spokesman for the Prime Minister` says nothing of who holds it.
                    let on_behalf = i >= 2 && super::mentions::role_on_behalf(doc, i - 2);
                    let pid = match people.roles.get(&key) {
                        Some(&p) => Some(p),
                        None if on_behalf => None,
                        None => people.guess_office(&key),
                    };
                    if let Some(p) = pid {
                        people.role_mentions.insert(i, p);
                        let spot = Salient {
                            at: i,
                            from: i,
                            end,
                            office: true,
                            person: p,
                            sentence: people.sentence_of(i),
                            first: !sentence_has_person,
                            named: named.get(p).copied().unwrap_or(0),
                        };
                        people.spots.push(spot);
                        people.around.push(OnceCell::new());
                        if !sentence_has_person {
                            people.salient.push(spot);
                            sentence_has_person = true;
                        }
                    }
                    if doc.tokens[end - 1].ends_sentence {
                        sentence_has_person = false;
                    }
                    i = end;
                    continue;
                }
            }
            if is_capitalised(doc, &t) {
                let end = run_end(doc, i);
                if let Some(run) = split_run(doc, i, end) {
                    // `says Chelsea explosion was …`: a name before a noun modifies it.
                    let by_a_cue = || {
                        antecedents::is_source(doc, i, end)
                            && !antecedents::is_modifier_of(doc, end)
                    };
                    if let Some(p) = people.add_run(&run, by_a_cue) {
                        people.mentions.push((run.start, p));
                        if named.len() <= p {
                            named.resize(p + 1, 0);
                        }
                        named[p] += 1;
                        people.note_age(doc, end, p);
                        people.note_description(doc, end, p);
                        let spot = Salient {
                            at: run.start,
                            from: i,
                            end,
                            office: false,
                            person: p,
                            sentence: people.sentence_of(run.start),
                            first: !sentence_has_person,
                            named: named[p],
                        };
                        people.spots.push(spot);
                        people.around.push(OnceCell::new());
                        if !sentence_has_person {
                            people.salient.push(spot);
                            sentence_has_person = true;
                        }
                    } else {
                        people.note_organisation(doc, i, end);
                    }
                } else {
                    people.note_organisation(doc, i, end);
                }
                let ends = (i..end).any(|k| doc.tokens[k].ends_sentence);
                if ends {
                    sentence_has_person = false;
                }
                i = end.max(i + 1);
                continue;
            }
            i += 1;
            if sentence_ends {
                sentence_has_person = false;
            }
        }
        people.correct_guessed_offices(doc);
        people.find_authors(doc);
        people.learn_genders(doc);
        people
    }

    /// The holder of an office no title has named yet (`The senator said …` with no `Sen.`
    /// before it): the person the text is about, the last sentence's first person. A reader
    /// takes the office for theirs until the article names another holder (`Judge Ann Moss`
    /// later on: see [`People::correct_guessed_offices`]).
    fn guess_office(&mut self, key: &str) -> Option<usize> {
        let last = self.salient.last().map(|m| m.person)?;
        self.roles.insert(key.to_string(), last);
        self.guessed_roles.insert(key.to_string(), last);
        self.add_alias(last, &format!("the {key}"));
        Some(last)
    }

    /// A title naming the holder of an office that was only guessed (`Judge Ann Moss` after
    /// `the judge` was bound to the defendant the text was about) gives the office to the
    /// holder.
    fn take_guessed_office(&mut self, key: &str, holder: usize) {
        let Some(guessed) = self.guessed_roles.remove(key) else {
            return;
        };
        if guessed == holder {
            return;
        }
        self.roles.insert(key.to_string(), holder);
        let alias = format!("the {key}");
        if let Some(e) = self.entries.get_mut(guessed) {
            e.aliases.retain(|a| a != &alias);
        }
        self.corrected_roles
            .push((key.to_string(), guessed, holder));
    }

    /// Gives the office phrases bound by guess (see [`People::guess_office`]) to the holder a
    /// title named later, wherever the guess was taken.
    fn correct_guessed_offices(&mut self, doc: &Document) {
        if self.corrected_roles.is_empty() {
            return;
        }
        for (key, guessed, holder) in std::mem::take(&mut self.corrected_roles) {
            let phrases: Vec<usize> = self
                .role_mentions
                .iter()
                .filter(|&(&at, &p)| {
                    p == guessed && office_phrase(doc, at).is_some_and(|(_, k)| k == key)
                })
                .map(|(&at, _)| at)
                .collect();
            for at in phrases {
                self.role_mentions.insert(at, holder);
                for spot in self.spots.iter_mut().chain(self.salient.iter_mut()) {
                    if spot.office && spot.from == at {
                        spot.person = holder;
                    }
                }
            }
        }
    }

    /// Notes the token ranges of the mentions found speaking in the article (see `sources`).
    pub(crate) fn note_sources(&mut self, mentions: impl IntoIterator<Item = (usize, usize)>) {
        self.sources.extend(mentions);
        self.sources.sort_unstable();
        self.sources.dedup();
    }

    /// Resolves every gendered pronoun outside quotations in text order, each knowing whom the
    /// ones before it were taken for (the ranker's `chain`); call after `note_sources`.
    pub(crate) fn resolve_pronouns(&mut self, doc: &Document) {
        self.pronouns.clear();
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokKind::Word || t.quote.is_some() || !gender::may_be_pronoun(doc.word(t))
            {
                continue;
            }
            let Some(want) = gender::of_pronoun(&super::doc::lower(doc, t)) else {
                continue;
            };
            let person = self.antecedent(doc, k, want, None).map(|spot| spot.person);
            self.pronouns.push((k, want, person));
        }
    }

    /// Whether token `k` lies in a mention found speaking.
    fn spoke_at(&self, k: usize) -> bool {
        let after = self.sources.partition_point(|&(s, _)| s <= k);
        self.sources[..after]
            .iter()
            .rev()
            .take(4)
            .any(|&(s, e)| s <= k && k < e)
    }

    /// The sentence token `i` is in: its index in `sentence_starts`.
    fn sentence_of(&self, i: usize) -> u32 {
        self.sentence_starts
            .partition_point(|&s| s <= i)
            .saturating_sub(1) as u32
    }

    /// How many narrative sentences lie between sentence `from` and sentence `to` (`to` after).
    fn narrative_distance(&self, from: u32, to: u32) -> u32 {
        let at = |k: u32| self.narrative.get(k as usize).copied().unwrap_or(0);
        at(to).saturating_sub(at(from))
    }

    fn add_alias(&mut self, p: usize, alias: &str) {
        if let Some(e) = self.entries.get_mut(p) {
            e.add_alias(alias);
        }
    }

    /// Adds a run to the table, merging it with a person already known; returns the person.
    /// `by_a_cue`: whether a verb of saying stands beside it (`Melanie said`), which makes a
    /// lone first name a person; asked only of a lone first name.
    fn add_run(&mut self, run: &Run, by_a_cue: impl FnOnce() -> bool) -> Option<usize> {
        let has_personal_title = run.titles.iter().any(|t| !office_modifier(t));
        // `Bill de Blasio`, `Ursula von der Leyen`: particles inside the name.
        let inner_particle = |k: usize, w: &str| {
            k > 0 && k + 1 < run.words.len() && lexicon::NAME_PARTICLES.contains(w)
        };
        let person_like = run
            .words
            .iter()
            .enumerate()
            .all(|(k, w)| titlecase_name(w) || inner_particle(k, w))
            && !run.words.iter().enumerate().any(|(k, w)| {
                // `Bill Hanley`, `Virginia Foxx`: a first name opening a longer name is no
                // organisation word (`Senate Bill`, `West Virginia` still are).
                lexicon::NOT_PERSON_WORDS.contains_lowercase(w)
                    && !(k == 0
                        && run.words.len() > 1
                        && gender::of_first_name(&lower_str(w)).is_some())
            })
            && !run.words.is_empty()
            && run.words.len() <= 4;
        if !person_like {
            return None;
        }
        if run.words.len() < 2 && !has_personal_title {
            // A lone capitalised word is a person when it is a known surname, or a first name
            // that speaks (`“I would,” Melanie said`).
            // Read once: a lowered copy is validated as UTF-8 each time it is read.
            let last_lowered = lower_str(run.words.last()?);
            let last = last_lowered.as_str();
            if let Some(&p) = self.by_last.get(last).and_then(|ids| ids.last()) {
                self.add_alias(p, run.surface);
                return Some(p);
            }
            let gender = gender::of_first_name(last).filter(|_| by_a_cue())?;
            self.entries.push(Entry {
                words: vec![run.words.last()?.to_string()],
                gender: Some(gender),
                aliases: Vec::new(),
            });
            let p = self.entries.len() - 1;
            self.by_last.entry(last.to_string()).or_default().push(p);
            return Some(p);
        }
        let gender = gender::of_run(run);
        let (last_lowered, first_lowered) =
            (lower_str(run.words.last()?), lower_str(run.words.first()?));
        let (last, first) = (last_lowered.as_str(), first_lowered.as_str());
        let single = run.words.len() == 1;
        // `Sir Keir`, `Dame Judi`: knights and dames are called by their first name.
        let by_first_name = single
            && run
                .titles
                .iter()
                .any(|t| lexicon::FIRST_NAME_TITLES.contains(t));
        let existing = if by_first_name {
            self.by_first.get(first).and_then(|ids| ids.last().copied())
        } else {
            self.by_last.get(last).and_then(|ids| {
                ids.iter().rev().copied().find(|&p| {
                    let e = &self.entries[p];
                    single
                        || e.words.len() == 1
                        || same_in_lower_case(e.first(), run.words[0].as_ref())
                        || initial_matches(e.first(), first)
                })
            })
        };
        let p = match existing {
            Some(p) => {
                let e = &mut self.entries[p];
                if run.words.len() > e.words.len() && !by_first_name {
                    let old = e.name();
                    e.words = run.words.iter().map(|w| w.to_string()).collect();
                    if !e.aliases.contains(&old) {
                        e.aliases.push(old);
                    }
                }
                if e.gender.is_none() {
                    e.gender = gender;
                }
                p
            }
            None => {
                self.entries.push(Entry {
                    words: run.words.iter().map(|w| w.to_string()).collect(),
                    gender,
                    aliases: Vec::new(),
                });
                let p = self.entries.len() - 1;
                self.by_last.entry(last.to_string()).or_default().push(p);
                p
            }
        };
        if let Some(e) = self.entries.get(p) {
            if e.words.len() > 1 {
                let first_lowered = lower_str(e.first());
                let first = first_lowered.as_str();
                match self.by_first.get_mut(first) {
                    Some(ids) if ids.contains(&p) => {}
                    Some(ids) => ids.push(p),
                    None => {
                        self.by_first.insert(first.to_string(), vec![p]);
                    }
                }
            }
        }
        self.add_alias(p, run.surface);
        if let Some(e) = self.entries.get_mut(p) {
            if e.words.len() > 1 && !e.has_alias(e.last()) {
                let surname = e.last().to_string();
                e.aliases.push(surname);
            }
        }
        // `Prime Minister Keir Starmer`: the office is the person's.
        if let Some(key) = office_key(&run.titles) {
            // Most such runs repeat an office the person already has as an alias: nothing is
            // built for them.
            let known = self.entries.get(p).is_some_and(|e| {
                e.aliases
                    .iter()
                    .any(|a| a.strip_prefix("the ") == Some(key.as_str()))
            });
            if !known {
                self.add_alias(p, &format!("the {key}"));
            }
            self.take_guessed_office(&key, p);
            self.roles.entry(key).or_insert(p);
        }
        Some(p)
    }

    /// The gender of person `p`, when the article or the first-name lists tell it.
    fn gender(&self, p: usize) -> Option<Gender> {
        self.entries.get(p).and_then(|e| e.gender)
    }

    pub fn into_people(self) -> Vec<Person> {
        self.entries
            .into_iter()
            .map(|e| Person {
                name: e.name(),
                aliases: e.aliases.clone(),
            })
            .collect()
    }
}
