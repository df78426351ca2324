//! The people of an article and the resolution of mentions to them.
//!
//! One pass over the article's sentences (outside quotations) collects capitalised runs that
//! look like people: a name of two to four title-case words (`Keir Starmer`), or any name after
//! a personal title (`Mr Trump`, `Sir Keir`, `Sen. Lee`). Runs sharing a surname are one person;
//! the fullest form is the name. Titles that are offices (`Prime Minister Keir Starmer`) bind the
//! office to the person, and a definite office with no name (`The Prime Minister gathered …`)
//! is bound, the first time it appears, to the person the article was last talking about.
//! That person — the first person named in each sentence — is also what `he` and `she` refer to.

use super::doc::WordSet;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::doc::{is_capitalised, is_possessive, lower, lower_str, Lower};
use super::doc::{Document, Fnv, TokKind};
use super::mentions::is_title;

/// A person of the article: the fullest name it gives and the other ways it names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
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

/// A table keyed by lower-case names, looked up for every capitalised run of the article.
type Names<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

pub(crate) struct People {
    entries: Vec<Entry>,
    by_last: Names<Vec<usize>>,
    /// People with a full name, by lowercase first name.
    by_first: Names<Vec<usize>>,
    roles: Names<usize>,
    /// Role phrases seen, by token index of their first word, with the person bound then.
    role_mentions: HashMap<usize, usize>,
    /// Each sentence's first person, by token index: who `he` and `she` refer to.
    salient: Vec<(usize, usize)>,
    /// Every person mention, by token index: to pick among people sharing a surname.
    mentions: Vec<(usize, usize)>,
}

/// Words that make a capitalised run an organisation or a place, not a person.
const NOT_PERSON_WORDS: &[&str] = &[
    "abc",
    "act",
    "affairs",
    "agency",
    "airlines",
    "airport",
    "airways",
    "alliance",
    "america",
    "american",
    "army",
    "assembly",
    "association",
    "avenue",
    "bank",
    "bbc",
    "bill",
    "board",
    "britain",
    "british",
    "building",
    "bureau",
    "california",
    "campaign",
    "canada",
    "capital",
    "capitol",
    "carolina",
    "caucus",
    "caucuses",
    "cbs",
    "center",
    "centre",
    "china",
    "christmas",
    "church",
    "cia",
    "city",
    "club",
    "cnn",
    "coalition",
    "college",
    "commission",
    "committee",
    "commons",
    "company",
    "congress",
    "conservative",
    "conservatives",
    "convention",
    "corp",
    "council",
    "county",
    "court",
    "daily",
    "day",
    "debate",
    "democratic",
    "democrats",
    "department",
    "district",
    "east",
    "europe",
    "european",
    "express",
    "facebook",
    "fbi",
    "federal",
    "ferries",
    "florida",
    "force",
    "forces",
    "forum",
    "foundation",
    "fox",
    "france",
    "fund",
    "german",
    "germany",
    "global",
    "google",
    "gop",
    "group",
    "guard",
    "guardian",
    "hall",
    "hampshire",
    "herald",
    "hill",
    "holdings",
    "hotel",
    "house",
    "inc",
    "instagram",
    "institute",
    "international",
    "iowa",
    "iran",
    "island",
    "israel",
    "jersey",
    "journal",
    "kingdom",
    "labour",
    "lake",
    "law",
    "liberal",
    "limited",
    "llc",
    "lords",
    "ltd",
    "magazine",
    "mail",
    "media",
    "medicaid",
    "medicare",
    "mexico",
    "middle",
    "ministry",
    "movement",
    "msnbc",
    "national",
    "nations",
    "navy",
    "nbc",
    "network",
    "news",
    "north",
    "obamacare",
    "observer",
    "office",
    "ohio",
    "online",
    "oval",
    "pac",
    "park",
    "parliament",
    "partners",
    "party",
    "plc",
    "police",
    "post",
    "press",
    "primary",
    "program",
    "project",
    "radio",
    "rail",
    "railways",
    "relations",
    "republic",
    "republican",
    "republicans",
    "research",
    "reuters",
    "river",
    "road",
    "russia",
    "school",
    "security",
    "senate",
    "service",
    "services",
    "show",
    "social",
    "south",
    "square",
    "state",
    "states",
    "station",
    "street",
    "studies",
    "summit",
    "supreme",
    "telegraph",
    "texas",
    "times",
    "tower",
    "tribune",
    "trust",
    "tv",
    "twitter",
    "ukraine",
    "union",
    "university",
    "valley",
    "virginia",
    "washington",
    "week",
    "weekly",
    "west",
    "white",
    "year",
    "york",
];

const MALE_TITLES: &[&str] = &[
    "assemblyman",
    "baron",
    "chairman",
    "congressman",
    "councilman",
    "father",
    "king",
    "lord",
    "mr",
    "prince",
    "sir",
];
const FEMALE_TITLES: &[&str] = &[
    "assemblywoman",
    "baroness",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "dame",
    "lady",
    "miss",
    "mrs",
    "ms",
    "princess",
    "queen",
];

/// Titles that are honorifics, not offices: they never name a role.
const HONORIFICS: &[&str] = &[
    "acting",
    "dame",
    "dr",
    "first",
    "former",
    "interim",
    "lady",
    "lord",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mx",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sir",
    "the",
];

static NOT_PERSON_WORDS_SET: WordSet = WordSet::new(NOT_PERSON_WORDS);
static MALE_TITLES_SET: WordSet = WordSet::new(MALE_TITLES);
static FEMALE_TITLES_SET: WordSet = WordSet::new(FEMALE_TITLES);
static HONORIFICS_SET: WordSet = WordSet::new(HONORIFICS);

/// Words that may stand inside a definite office phrase before the office itself: `the US
/// president`, `the former prime minister`.
fn office_modifier(w: &str) -> bool {
    matches!(
        w,
        "us" | "u.s."
            | "uk"
            | "u.k."
            | "american"
            | "british"
            | "french"
            | "german"
            | "russian"
            | "ukrainian"
            | "former"
            | "outgoing"
            | "incoming"
            | "new"
            | "then"
            | "current"
            | "late"
            | "republican"
            | "democratic"
            | "labour"
            | "conservative"
            | "state"
            | "foreign"
            | "home"
            | "defence"
            | "defense"
            | "deputy"
            | "vice"
            | "shadow"
    )
}

fn is_office(w: &str) -> bool {
    is_title(w) && !HONORIFICS_SET.contains(w) && !office_modifier(w)
        || matches!(w, "minister" | "secretary" | "president")
}

fn clean_word(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

fn titlecase_name(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && (w.chars().count() == 1 || w.chars().any(char::is_lowercase) || w.ends_with('.'))
        && !w.chars().any(|c| c.is_ascii_digit())
}

/// A run of name tokens split into its titles and its name words, borrowed from the document:
/// runs are split for every capitalised word, and most are never stored.
struct Run<'d> {
    start: usize,
    titles: Vec<Lower<'d>>,
    words: Vec<Cow<'d, str>>,
    surface: &'d str,
}

impl People {
    pub fn of(doc: &Document) -> People {
        let mut people = People {
            entries: Vec::new(),
            by_last: Names::default(),
            by_first: Names::default(),
            roles: Names::default(),
            role_mentions: HashMap::new(),
            salient: Vec::new(),
            mentions: Vec::new(),
        };
        let n = doc.tokens.len();
        let mut i = 0;
        let mut sentence_has_person = false;
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
            if doc.word(&t).eq_ignore_ascii_case("the") {
                if let Some((end, key)) = office_phrase(doc, i) {
                    // `a spokesman for the Prime Minister` says nothing of who holds it.
                    let on_behalf = i >= 2 && super::mentions::role_on_behalf(doc, i - 2);
                    let pid = match people.roles.get(&key) {
                        Some(&p) => Some(p),
                        None if on_behalf => None,
                        None => {
                            let last = people.salient.last().map(|&(_, p)| p);
                            if let Some(p) = last {
                                people.roles.insert(key.clone(), p);
                                people.add_alias(p, &format!("the {key}"));
                            }
                            last
                        }
                    };
                    if let Some(p) = pid {
                        people.role_mentions.insert(i, p);
                        if !sentence_has_person {
                            people.salient.push((i, p));
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
                    if let Some(p) = people.add_run(&run) {
                        people.mentions.push((run.start, p));
                        if !sentence_has_person {
                            people.salient.push((run.start, p));
                            sentence_has_person = true;
                        }
                    }
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
        people
    }

    fn add_alias(&mut self, p: usize, alias: &str) {
        if let Some(e) = self.entries.get_mut(p) {
            e.add_alias(alias);
        }
    }

    /// Adds a run to the table, merging it with a person already known; returns the person.
    fn add_run(&mut self, run: &Run) -> Option<usize> {
        let has_personal_title = run.titles.iter().any(|t| !office_modifier(t));
        let person_like = run.words.iter().all(|w| titlecase_name(w))
            && !run
                .words
                .iter()
                .any(|w| NOT_PERSON_WORDS_SET.contains_lowercase(w))
            && !run.words.is_empty()
            && run.words.len() <= 4;
        if !person_like {
            return None;
        }
        if run.words.len() < 2 && !has_personal_title {
            // A lone capitalised word is a person only when it is a known surname.
            let last = lower_str(run.words.last()?);
            let p = *self.by_last.get(last.as_str())?.last()?;
            self.add_alias(p, run.surface);
            return Some(p);
        }
        let gender = run.titles.iter().find_map(|t| {
            if MALE_TITLES_SET.contains(t.as_str()) {
                Some(Gender::Male)
            } else if FEMALE_TITLES_SET.contains(t.as_str()) {
                Some(Gender::Female)
            } else {
                None
            }
        });
        let last = lower_str(run.words.last()?);
        let first = lower_str(run.words.first()?);
        let single = run.words.len() == 1;
        // `Sir Keir`, `Dame Judi`: knights and dames are called by their first name.
        let by_first_name = single
            && run
                .titles
                .iter()
                .any(|t| matches!(t.as_str(), "sir" | "dame"));
        let existing = if by_first_name {
            self.by_first
                .get(first.as_str())
                .and_then(|ids| ids.last().copied())
        } else {
            self.by_last.get(last.as_str()).and_then(|ids| {
                ids.iter().rev().copied().find(|&p| {
                    let e = &self.entries[p];
                    single
                        || e.words.len() == 1
                        || lower_str(e.first()).as_str() == first.as_str()
                        || initial_matches(e.first(), &first)
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
                let first = lower_str(e.first());
                match self.by_first.get_mut(first.as_str()) {
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
            self.roles.entry(key.clone()).or_insert(p);
            self.add_alias(p, &format!("the {key}"));
        }
        Some(p)
    }

    /// Resolves the mention in tokens `[s, e)` to a full name, the mention as written when it
    /// names nobody in particular, or `None` when it is a pronoun nobody can be found for.
    pub fn resolve(&self, doc: &Document, s: usize, e: usize) -> Option<String> {
        if s >= e || e > doc.tokens.len() {
            return None;
        }
        let as_written = &doc.text[doc.tokens[s].start..doc.tokens[e - 1].end];
        let first = lower(doc, &doc.tokens[s]);
        if e - s == 1 && matches!(first.as_str(), "he" | "she" | "his" | "her") {
            let want = if matches!(first.as_str(), "he" | "his") {
                Gender::Male
            } else {
                Gender::Female
            };
            let idx = self.salient.partition_point(|&(t, _)| t < s);
            return self.salient[..idx]
                .iter()
                .rev()
                .take(6)
                .map(|&(_, p)| p)
                .find(|&p| self.entries[p].gender.is_none_or(|g| g == want))
                .map(|p| self.entries[p].name());
        }
        if e - s == 1 && matches!(first.as_str(), "they" | "we" | "i" | "it" | "you") {
            return None;
        }
        // `said one Democrat, who added that …`: `who` is the phrase before it.
        if e - s == 1 && matches!(first.as_str(), "who" | "that" | "which") {
            let mut k = s;
            if k > 0 && doc.tokens[k - 1].kind == TokKind::Punct(',') {
                k -= 1;
            }
            let (ps, pe) = super::mentions::np_ending_at(doc, k, k.saturating_sub(12))?;
            if matches!(
                lower(doc, &doc.tokens[ps]).as_str(),
                "who" | "that" | "which"
            ) {
                return None;
            }
            return self.resolve(doc, ps, pe);
        }
        // `The Prime Minister’s official spokesman`, `A spokesman for the Prime Minister`:
        // somebody else, named by the office.
        if (s..e.saturating_sub(1)).any(|k| {
            is_possessive(doc.word(&doc.tokens[k])) || super::mentions::role_on_behalf(doc, k)
        }) {
            return Some(as_written.to_string());
        }
        if first == "the" {
            if let Some(&p) = self.role_mentions.get(&s) {
                return Some(self.entries[p].name());
            }
            if let Some((end, key)) = office_phrase(doc, s) {
                if end == e {
                    return Some(
                        self.roles
                            .get(&key)
                            .map_or_else(|| as_written.to_string(), |&p| self.entries[p].name()),
                    );
                }
            }
        }
        // A name inside the mention: its last capitalised run (`GOP strategist Keith Nahigian`).
        let Some(mut name_start) = (s..e).find(|&k| is_capitalised(doc, &doc.tokens[k])) else {
            // `a campaign aide`, `sources`: somebody the article does not name.
            return Some(as_written.to_string());
        };
        loop {
            let end = run_end(doc, name_start).min(e);
            match (end.max(name_start + 1)..e).find(|&k| is_capitalised(doc, &doc.tokens[k])) {
                Some(next) => name_start = next,
                None => break,
            }
        }
        let Some(run) = split_run(doc, name_start, run_end(doc, name_start).min(e)) else {
            return Some(as_written.to_string());
        };
        if let Some(p) = self.lookup(&run, s) {
            return Some(self.entries[p].name());
        }
        Some(as_written.to_string())
    }

    fn lookup(&self, run: &Run, at: usize) -> Option<usize> {
        let last = lower_str(run.words.last()?);
        let first = lower_str(run.words.first()?);
        if run.words.len() == 1
            && run
                .titles
                .iter()
                .any(|t| matches!(t.as_str(), "sir" | "dame"))
        {
            if let Some(&p) = self
                .by_first
                .get(first.as_str())
                .and_then(|ids| ids.first())
            {
                return Some(p);
            }
        }
        if let Some(ids) = self.by_last.get(last.as_str()) {
            let candidates: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&p| {
                    run.words.len() == 1
                        || lower_str(self.entries[p].first()).as_str() == first.as_str()
                        || initial_matches(self.entries[p].first(), &first)
                })
                .collect();
            if candidates.len() == 1 {
                return candidates.first().copied();
            }
            if candidates.len() > 1 {
                // The one mentioned last before this point.
                let idx = self.mentions.partition_point(|&(t, _)| t < at);
                return self.mentions[..idx]
                    .iter()
                    .rev()
                    .take(500)
                    .map(|&(_, p)| p)
                    .find(|p| candidates.contains(p))
                    .or(candidates.first().copied());
            }
        }
        if run.words.len() == 1 {
            // A first name alone (`Hillary`), when exactly one person has it.
            if let Some([p]) = self.by_first.get(first.as_str()).map(Vec::as_slice) {
                return Some(*p);
            }
        }
        None
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

fn initial_matches(full_first: &str, maybe_initial: &str) -> bool {
    let i = maybe_initial.trim_end_matches('.');
    i.chars().count() == 1
        && full_first
            .chars()
            .next()
            .is_some_and(|c| c.to_lowercase().eq(i.chars()))
}

/// The office key of a run's titles: `["prime", "minister"]` → `prime minister`.
fn office_key(titles: &[Lower]) -> Option<String> {
    let last = titles.iter().rposition(|t| is_office(t))?;
    let mut first = last;
    while first > 0
        && is_title(&titles[first - 1])
        && !HONORIFICS_SET.contains(titles[first - 1].as_str())
        && !office_modifier(&titles[first - 1])
    {
        first -= 1;
    }
    let mut key = String::new();
    for (k, t) in titles[first..=last].iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(t);
    }
    Some(key)
}

/// `the Prime Minister`, `The US president`: the end of the phrase and its office key, when the
/// phrase is only an office (not `the Prime Minister’s spokesman`, not `the President Barack
/// Obama`).
fn office_phrase(doc: &Document, the: usize) -> Option<(usize, String)> {
    let mut j = the + 1;
    let mut words = Vec::new();
    while j < doc.tokens.len() && j < the + 5 {
        let t = &doc.tokens[j];
        if t.kind != TokKind::Word || t.quote.is_some() {
            break;
        }
        let w = lower(doc, t);
        if is_possessive(doc.word(t)) {
            return None;
        }
        if !(is_title(&w) || office_modifier(&w)) {
            break;
        }
        words.push(w);
        j += 1;
    }
    if words.is_empty() || j == the + 1 {
        return None;
    }
    // Followed by a name: `the President Barack Obama` is a name with titles.
    if let Some(next) = doc.tokens.get(j) {
        if next.quote.is_none() && is_capitalised(doc, next) && !doc.tokens[j - 1].ends_sentence {
            return None;
        }
    }
    let key = office_key(&words)?;
    Some((j, key))
}

/// The end (exclusive) of the capitalised run starting at `i`.
fn run_end(doc: &Document, i: usize) -> usize {
    let mut j = i;
    while j < doc.tokens.len() && j < i + 8 {
        let t = &doc.tokens[j];
        if t.quote.is_some()
            || t.para != doc.tokens[i].para
            || (j > i && doc.tokens[j - 1].ends_sentence)
        {
            break;
        }
        let ok = match t.kind {
            TokKind::Word => {
                is_capitalised(doc, t)
                    || (j > i
                        && ["de", "van", "von", "der", "al", "bin", "da", "of"]
                            .contains(&doc.word(t))
                        && doc
                            .tokens
                            .get(j + 1)
                            .is_some_and(|n| is_capitalised(doc, n)))
            }
            TokKind::Punct('.') => {
                j > i
                    && doc.tokens[j - 1].end == t.start
                    && doc.word(&doc.tokens[j - 1]).chars().count() <= 4
                    && !t.ends_sentence
            }
            _ => false,
        };
        if !ok {
            break;
        }
        let possessive = t.kind == TokKind::Word && is_possessive(doc.word(t));
        j += 1;
        if possessive {
            break;
        }
    }
    j
}

/// Splits tokens `[i, end)` into titles and name words, dropping sentence openers and anything
/// before a possessive (`Ukraine’s Volodymyr Zelensky` → `Volodymyr Zelensky`).
fn split_run<'d>(doc: &'d Document, i: usize, end: usize) -> Option<Run<'d>> {
    let mut words: Vec<(usize, &str)> = (i..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .map(|k| (k, doc.word(&doc.tokens[k])))
        .collect();
    // Every word but a possessive stripped last (below) is its token's: lower-case it by token.
    let lower_at = |k: usize| lower(doc, &doc.tokens[k]);
    // Drop leading sentence openers (`But`, `The`).
    while words.first().is_some_and(|&(k, _)| {
        let l = lower_at(k);
        super::mentions::is_not_name(&l) || l == "the"
    }) {
        words.remove(0);
    }
    // A possessive inside the run: keep what follows it, or the possessor when it ends the run.
    if let Some(pos) = words.iter().position(|(_, w)| is_possessive(w)) {
        if pos + 1 < words.len() {
            words.drain(..=pos);
        } else {
            let (k, w) = words[pos];
            words[pos] = (k, clean_word(w));
        }
    }
    // Titles may follow other words (`Ohio Gov. John Kasich`, `retired Army Lt. Gen. Mick
    // Bednarek`): the name is what follows the last title.
    let is_title_word = |k: usize| {
        let l = lower_at(k);
        is_title(&l) || office_modifier(&l)
    };
    if let Some(last_title) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|&(k, _)| is_title_word(k) && !office_modifier(&lower_at(k)))
    {
        let before_titles = words[..last_title]
            .iter()
            .rposition(|&(k, _)| !is_title_word(k))
            .map_or(0, |p| p + 1);
        words.drain(..before_titles);
    }
    let start = words.first()?.0;
    let mut titles = Vec::new();
    let mut k = 0;
    while k + 1 < words.len() && is_title_word(words[k].0) {
        titles.push(lower_at(words[k].0));
        k += 1;
    }
    // An initial keeps its full stop (`Paul D. Ryan`), as the article writes it.
    let initial = |t: usize, w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_none()
            && doc
                .tokens
                .get(t + 1)
                .is_some_and(|n| n.kind == TokKind::Punct('.') && n.start == doc.tokens[t].end)
    };
    let names: Vec<Cow<str>> = words[k..]
        .iter()
        .map(|&(t, w)| {
            let tok = &doc.tokens[t];
            if !initial(t, w) {
                Cow::Borrowed(clean_word(w))
            } else if w.len() == tok.end - tok.start {
                // The initial and the full stop right after it.
                Cow::Borrowed(&doc.text[tok.start..tok.end + 1])
            } else {
                Cow::Owned(format!("{w}."))
            }
        })
        .collect();
    let surface_end = words.last()?.0;
    let surface = clean_word(&doc.text[doc.tokens[start].start..doc.tokens[surface_end].end]);
    // `The Transport Secretary`, `the Foreign Minister`: a run ending in an office names the
    // office, not a person.
    if names.len() > 1
        && names
            .last()
            .is_some_and(|w| matches!(lower_str(w).as_str(), "secretary" | "minister"))
    {
        return None;
    }
    // Titles alone are no name.
    if names.iter().all(|w| is_title(&lower_str(w))) {
        return None;
    }
    Some(Run {
        start,
        titles,
        words: names,
        surface,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    fn people_of(t: &str) -> Vec<Person> {
        let spans = quoted_spans(
            t,
            MarkSet {
                two_apostrophes: true,
                single_primary: true,
            },
        );
        People::of(&Document::new(t, &spans)).into_people()
    }

    #[test]
    fn names_titles_and_offices() {
        let t = "Prime Minister Keir Starmer met Donald Trump on Monday. Mr Trump said little. \
                 Sir Keir later spoke to the Ukrainian leader.";
        let p = people_of(t);
        let names: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, vec!["Keir Starmer", "Donald Trump"]);
        assert!(p[0].aliases.contains(&"the prime minister".to_string()));
        assert!(p[0].aliases.contains(&"Sir Keir".to_string()));
        assert!(p[1].aliases.contains(&"Mr Trump".to_string()));
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let t =
            "The White House and the Oval Office faced Downing Street. The New York Post said so.";
        assert!(people_of(t).is_empty());
    }
}
