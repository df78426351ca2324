//! A mention resolved to the name of a person of the article, and the trail of links it
//! followed (`he` → `Mr Starmer` → `Keir Starmer`). One walk does both: [`People::resolve`]
//! runs it with a sink that records nothing (it is asked of every candidate mention), and
//! [`People::resolve_trail`] with one that records each step, so the two cannot disagree.

use super::offices::office_phrase;
use super::runs::{initial_matches, run_end, split_run, Run};
use super::{gender, Gender, People, Salient};
use crate::quotes::doc::{
    is_capitalised, is_possessive, lower, lower_owned, lower_str, same_in_lower_case, Document,
    TokKind,
};
use crate::quotes::lexicon;
use crate::quotes::mentions::{
    is_subject_pronoun, np_ending_at, np_starting_at, opens_complement, role_on_behalf,
};
use crate::quotes::rules::ResolutionStep;
use crate::quotes::tagger::tag;

/// The links of a resolution trail: what joined a step to the one before it.
pub mod link {
    /// The mention as the article writes it (the first step).
    pub const MENTION: &str = "mention";
    /// `he`, `she`, `his`, `her` → the person mentioned in the five sentences before whom the
    /// antecedent ranker scores best among those whose gender is not known to differ.
    pub const PRONOUN_ANTECEDENT: &str = "pronoun_antecedent";
    /// `who`, `that`, `which` → the noun phrase it follows (`one Democrat, who`).
    pub const RELATIVE_ANTECEDENT: &str = "relative_antecedent";
    /// A longer mention → the name inside it (`GOP strategist Keith Nahigian` → `Keith
    /// Nahigian`): its last capitalised run.
    pub const NAME_IN_MENTION: &str = "name_in_mention";
    /// An office (`the Prime Minister`) → the person who holds it: named with it (`Prime
    /// Minister Keir Starmer`) or, the first time it appears alone, the person the article was
    /// talking about.
    pub const OFFICE_HOLDER: &str = "office_holder";
    /// A surname alone → the full name (`Starmer` → `Keir Starmer`).
    pub const SURNAME_OF_FULL_NAME: &str = "surname_of_full_name";
    /// A title and a surname → the full name (`Mr Starmer` → `Keir Starmer`).
    pub const TITLE_AND_SURNAME: &str = "title_and_surname";
    /// A knight's or dame's title and first name → the full name (`Sir Keir` → `Keir Starmer`).
    pub const TITLE_AND_FIRST_NAME: &str = "title_and_first_name";
    /// A first name alone that one person of the article has (`Hillary` → `Hillary Clinton`).
    pub const FIRST_NAME_ALONE: &str = "first_name_alone";
    /// An initial for the first name (`J. Smith` → `John Smith`).
    pub const INITIAL_OF_FIRST_NAME: &str = "initial_of_first_name";
    /// A name with titles → the name alone (`Prime Minister Keir Starmer` → `Keir Starmer`).
    pub const NAME_WITHOUT_TITLES: &str = "name_without_titles";
    /// A name → the fullest form the article gives of it (`John Smith` → `John Q. Smith`), or
    /// another spelling of it.
    pub const FULLEST_FORM: &str = "fullest_form";
    /// A surname several people of the article share → the one mentioned last before.
    pub const LAST_MENTIONED_NAMESAKE: &str = "last_mentioned_namesake";
    /// `it`, `they` → the organisation named in the three sentences before (`the International
    /// Monetary Fund`, `The New York Times`, `the FBI`); `the agency`, `the union` → the last
    /// organisation named whose name fits (`lexicon/organisation_descriptions.tsv`).
    pub const ORGANISATION_ANTECEDENT: &str = "organisation_antecedent";
    /// `the 34-year-old` → the person the article gave that age (`Ana Ruiz, 34,`).
    pub const PERSON_OF_AGE: &str = "person_of_age";
    /// `the 34-year-old mother of three` when the article gave nobody that age and introduced
    /// nobody with it → the person it is talking about: the antecedent a pronoun of the
    /// description's gender (`mother`, `father`; either, failing one) would have there.
    pub const EPITHET_ANTECEDENT: &str = "epithet_antecedent";
    /// `the spokesman` → the description that introduced them (`a spokesman for the Prime
    /// Minister`); `the nurse` → the person a description set off after their name introduced
    /// (`Ana Ruiz, a nurse from Leeds,`).
    pub const DESCRIPTION_ANTECEDENT: &str = "description_antecedent";
    /// `I`, `my` outside quotation marks → the writer: the signature under the reader's letter
    /// it is in, or the author a byline or an author's note names (`my father` → `Ana Ruiz’s
    /// father`).
    pub const FIRST_PERSON_WRITER: &str = "first_person_writer";

    /// Every link, in the order above (for the tests, and the one that checks the
    /// documentation).
    #[cfg(test)]
    pub const ALL: [&str; 18] = [
        MENTION,
        PRONOUN_ANTECEDENT,
        RELATIVE_ANTECEDENT,
        NAME_IN_MENTION,
        OFFICE_HOLDER,
        SURNAME_OF_FULL_NAME,
        TITLE_AND_SURNAME,
        TITLE_AND_FIRST_NAME,
        FIRST_NAME_ALONE,
        INITIAL_OF_FIRST_NAME,
        NAME_WITHOUT_TITLES,
        FULLEST_FORM,
        LAST_MENTIONED_NAMESAKE,
        ORGANISATION_ANTECEDENT,
        FIRST_PERSON_WRITER,
        PERSON_OF_AGE,
        EPITHET_ANTECEDENT,
        DESCRIPTION_ANTECEDENT,
    ];
}

/// Where the steps of a resolution go.
trait Steps {
    /// Whether steps are recorded at all: when not, their text is never built.
    const RECORDS: bool;
    fn push(&mut self, text: &str, link: &'static str);
    /// The next [`link::MENTION`] step is reached through `link` (a recursion on an
    /// antecedent).
    fn link_next_mention(&mut self, link: &'static str);
}

/// No steps: [`People::resolve`].
impl Steps for () {
    const RECORDS: bool = false;
    fn push(&mut self, _: &str, _: &'static str) {}
    fn link_next_mention(&mut self, _: &'static str) {}
}

/// The steps of [`People::resolve_trail`]; a step that repeats the text of the one before
/// adds nothing and is left out.
#[derive(Default)]
struct Trail {
    steps: Vec<ResolutionStep>,
    next_mention: Option<&'static str>,
}

impl Steps for Trail {
    const RECORDS: bool = true;
    fn push(&mut self, text: &str, mut link: &'static str) {
        if link == link::MENTION {
            link = self.next_mention.take().unwrap_or(link);
        }
        // Compared before it is copied: most steps repeat the one before (a full name leads
        // to itself).
        if self.steps.last().is_some_and(|s| s.text == text) {
            return;
        }
        if self.steps.is_empty() {
            self.steps.reserve(3);
        }
        self.steps.push(ResolutionStep {
            text: text.to_string(),
            link,
        });
    }
    fn link_next_mention(&mut self, link: &'static str) {
        self.next_mention = Some(link);
    }
}

/// Records a step, finding its text only when steps are recorded.
fn step<'t, S: Steps>(steps: &mut S, text: impl FnOnce() -> &'t str, link: &'static str) {
    if S::RECORDS {
        steps.push(text(), link);
    }
}

impl People {
    /// Resolves the mention in tokens `[s, e)` to a full name, the mention as written when it
    /// names nobody in particular, or `None` when it is a pronoun nobody can be found for.
    pub fn resolve(&self, doc: &Document, s: usize, e: usize) -> Option<String> {
        self.resolve_into(doc, s, e, None, &mut ())
    }

    /// [`People::resolve`] (the same name, always) with the trail of how it was reached: the
    /// mention as written (link `mention`), then one step per link followed, each a name in
    /// [`link`]:
    ///
    /// - `mention`: the mention as the article writes it;
    /// - `pronoun_antecedent`: `he`/`she`/`his`/`her` → the person of a recent sentence the
    ///   antecedent ranker prefers among those whose gender is not known to differ;
    /// - `relative_antecedent`: `who`/`that`/`which` → the noun phrase it follows;
    /// - `name_in_mention`: a longer mention → the name inside it;
    /// - `office_holder`: `the Prime Minister` → the person holding the office;
    /// - `surname_of_full_name`: `Starmer` → `Keir Starmer`;
    /// - `title_and_surname`: `Mr Starmer` → `Keir Starmer`;
    /// - `title_and_first_name`: `Sir Keir` → `Keir Starmer`;
    /// - `first_name_alone`: `Hillary` → `Hillary Clinton`;
    /// - `initial_of_first_name`: `J. Smith` → `John Smith`;
    /// - `name_without_titles`: `Prime Minister Keir Starmer` → `Keir Starmer`;
    /// - `fullest_form`: `John Smith` → `John Q. Smith`;
    /// - `last_mentioned_namesake`: a surname several people share → the one mentioned last.
    ///
    /// A mention that names nobody the article names (`a campaign aide`) has the one step
    /// `mention`; a step repeating the text before it is left out. The trail is empty when the
    /// range is no mention.
    pub fn resolve_trail(
        &self,
        doc: &Document,
        s: usize,
        e: usize,
    ) -> (Option<String>, Vec<ResolutionStep>) {
        self.resolve_trail_after(doc, s, e, None)
    }

    /// [`People::resolve_trail`] of the mention of a quotation that follows one credited to
    /// `previous` (a name as [`People::resolve`] gives it): a reader takes that speaker for the
    /// likeliest `he` or `she` of the next one.
    pub fn resolve_trail_after(
        &self,
        doc: &Document,
        s: usize,
        e: usize,
        previous: Option<&str>,
    ) -> (Option<String>, Vec<ResolutionStep>) {
        let previous = previous.and_then(|name| self.person_named(name));
        let mut trail = Trail::default();
        let name = self.resolve_into(doc, s, e, previous, &mut trail);
        (name, trail.steps)
    }

    /// The person whose full name is `name`.
    pub(super) fn person_named(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.is_named(name))
    }

    /// [`People::resolve_trail`] of the mention at bytes `[start, end)` of the article (a
    /// quote's mention span), for the tests.
    #[cfg(test)]
    pub fn resolve_trail_at_bytes(
        &self,
        doc: &Document,
        start: usize,
        end: usize,
    ) -> (Option<String>, Vec<ResolutionStep>) {
        self.resolve_trail(doc, doc.token_at(start), doc.token_at(end))
    }

    fn resolve_into<S: Steps>(
        &self,
        doc: &Document,
        s: usize,
        e: usize,
        previous: Option<usize>,
        steps: &mut S,
    ) -> Option<String> {
        if s >= e || e > doc.tokens.len() {
            return None;
        }
        let as_written = &doc.text[doc.tokens[s].start..doc.tokens[e - 1].end];
        step(steps, || as_written, link::MENTION);
        let mut first = lower(doc, &doc.tokens[s]);
        let one_word = e - s == 1;
        // `He’s`, `she's`: the pronoun with `is` or `has` joined to it.
        if one_word {
            let stem = first
                .as_str()
                .strip_suffix("’s")
                .or_else(|| first.as_str().strip_suffix("'s"));
            if let Some(stem) = stem.filter(|w| gender::of_pronoun(w).is_some()) {
                // A copy: `stem` is borrowed from `first`.
                first = lower_owned(stem);
            }
        }
        let male = one_word && lexicon::MALE_PRONOUNS.contains(&first);
        if male || (one_word && lexicon::FEMALE_PRONOUNS.contains(&first)) {
            let want = if male { Gender::Male } else { Gender::Female };
            let antecedent = self.antecedent(doc, s, want, previous)?;
            if S::RECORDS {
                self.antecedent_steps(doc, &antecedent, steps, link::PRONOUN_ANTECEDENT);
            }
            return Some(self.entries[antecedent.person].name());
        }
        // `I` and `my father` outside quotation marks: the writer of the piece or the letter.
        if lexicon::FIRST_PERSON_SINGULAR.contains(&first) && doc.tokens[s].quote.is_none() {
            let p = self.writer_of(s)?;
            if one_word {
                return Some(self.named(p, steps, link::FIRST_PERSON_WRITER));
            }
            let rest = &doc.text[doc.tokens[s + 1].start..doc.tokens[e - 1].end];
            let theirs = format!("{}’s {rest}", self.entries[p].name());
            step(steps, || &theirs, link::FIRST_PERSON_WRITER);
            return Some(theirs);
        }
        // `“…,” it said`: the organisation named just before, if any.
        if one_word && lexicon::ORGANISATION_PRONOUNS.contains(&first) {
            let named = self.organisation_before(doc, s)?;
            step(steps, || named, link::ORGANISATION_ANTECEDENT);
            return Some(named.to_string());
        }
        // `the agency said`: the agency named before, if one was.
        if let Some(named) = self.organisation_described(doc, s, e) {
            step(steps, || named, link::ORGANISATION_ANTECEDENT);
            return Some(named.to_string());
        }
        // `they`, `we`, `i`, `it`, `you` (`he` and `she` are above): nobody in particular.
        if one_word && is_subject_pronoun(&first) {
            return None;
        }
        // `said one Democrat, who added that …`: `who` is the phrase before it.
        if one_word && lexicon::RELATIVE_PRONOUNS.contains(&first) {
            let mut k = s;
            if k > 0 && doc.tokens[k - 1].kind == TokKind::Punct(',') {
                k -= 1;
            }
            let (mut ps, mut pe) = np_ending_at(doc, k, k.saturating_sub(12))?;
            if lexicon::RELATIVE_PRONOUNS.contains(&lower(doc, &doc.tokens[ps])) {
                return None;
            }
            // `Sen. Tom Whitaker, R-Ohio, who …`, `McConnell, now the majority leader, who …`:
            // over an apposition (and an adverb opening it) to the person before it.
            let mut opens = ps;
            if opens > 1 && !doc.tokens[opens - 1].capitalised && tag(doc, opens - 1) == "ADV" {
                opens -= 1;
            }
            if opens > 0 && doc.tokens[opens - 1].kind == TokKind::Punct(',') {
                if let Some((a, b)) = np_ending_at(doc, opens - 1, opens.saturating_sub(12)) {
                    let names_a_person = |x: usize, y: usize| {
                        let written = &doc.text[doc.tokens[x].start..doc.tokens[y - 1].end];
                        self.resolve(doc, x, y).is_some_and(|n| n != written)
                            || split_run(doc, x, y).is_some_and(|r| self.lookup(&r, x).is_some())
                    };
                    if !names_a_person(ps, pe) && names_a_person(a, b) {
                        (ps, pe) = (a, b);
                    }
                }
            }
            steps.link_next_mention(link::RELATIVE_ANTECEDENT);
            return self.resolve_into(doc, ps, pe, previous, steps);
        }
        // `The Prime Minister’s official spokesman`, `A spokesman for the Prime Minister`:
        // somebody else, named by the office.
        if (s..e.saturating_sub(1))
            .any(|k| is_possessive(doc.word(&doc.tokens[k])) || role_on_behalf(doc, k))
        {
            return Some(as_written.to_string());
        }
        // `the 34-year-old`: the person whose age the article gave.
        if let Some(p) = (s..e).find_map(|k| self.person_of_age(doc, k)) {
            return Some(self.named(p, steps, link::PERSON_OF_AGE));
        }
        // `the 34-year-old mother of three` when nobody was given that age: somebody named.
        if first == "the" {
            if let Some(antecedent) = self.epithet_antecedent(doc, s, e, previous) {
                if S::RECORDS {
                    self.antecedent_steps(doc, &antecedent, steps, link::EPITHET_ANTECEDENT);
                }
                return Some(self.entries[antecedent.person].name());
            }
        }
        if first == "the" {
            if let Some(&p) = self.role_mentions.get(&s) {
                return Some(self.named(p, steps, link::OFFICE_HOLDER));
            }
            if let Some((end, key)) = office_phrase(doc, s) {
                if end == e {
                    return Some(match self.roles.get(&key) {
                        Some(&p) => self.named(p, steps, link::OFFICE_HOLDER),
                        None => as_written.to_string(),
                    });
                }
            }
        }
        // `Dr. Lena Fischer of the WHO`: the person is the head, before the body they belong to;
        // `Organizers in Cleveland`, `Sanders in Iowa`: the people before the place they are in.
        // `an aide to Mr Hale`, `a person close to the Hales`: the person, not whom they act
        // for.
        let e = (s + 1..e)
            .find(|&k| {
                if opens_complement(doc, k) {
                    return true;
                }
                let word = lower(doc, &doc.tokens[k]);
                let before = &doc.tokens[k - 1];
                (lexicon::AFFILIATION_PREPOSITIONS.contains(&word) && is_capitalised(doc, before))
                    || (lexicon::PLACE_PREPOSITIONS.contains(&word)
                        && before.kind == TokKind::Word
                        && before.quote.is_none())
            })
            .unwrap_or(e);
        // `the nurse` after `Ana Ruiz, a nurse from Leeds,`: the person so described.
        if first == "the" && e - s <= 3 {
            if let Some(p) = self.person_described(doc, e) {
                return Some(self.named(p, steps, link::DESCRIPTION_ANTECEDENT));
            }
        }
        // `the spokesman` after `a spokesman for the Prime Minister`: the description that
        // introduced them.
        if first == "the" && e - s <= 3 {
            if let Some(earlier) = introduced_as(doc, s, e) {
                step(steps, || earlier, link::DESCRIPTION_ANTECEDENT);
                return Some(earlier.to_string());
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
        if let Some((p, namesake)) = self.lookup(&run, s) {
            step(steps, || run.surface, link::NAME_IN_MENTION);
            let name = self.entries[p].name();
            if S::RECORDS {
                let how = if namesake {
                    link::LAST_MENTIONED_NAMESAKE
                } else {
                    self.name_link(&run, p)
                };
                steps.push(&name, how);
            }
            return Some(name);
        }
        Some(as_written.to_string())
    }

    /// The name of person `p`, reached through `how`.
    fn named<S: Steps>(&self, p: usize, steps: &mut S, how: &'static str) -> String {
        let name = self.entries[p].name();
        step(steps, || &name, how);
        name
    }

    /// The steps from a pronoun to the person: the antecedent as written, then its name.
    fn antecedent_steps<S: Steps>(
        &self,
        doc: &Document,
        m: &Salient,
        steps: &mut S,
        how: &'static str,
    ) {
        let as_written = || {
            let (a, b) = doc.byte_span((m.from, m.end)).unwrap_or((0, 0));
            &doc.text[a..b]
        };
        if m.office {
            step(steps, as_written, how);
            self.named(m.person, steps, link::OFFICE_HOLDER);
            return;
        }
        match split_run(doc, m.from, m.end) {
            Some(run) => {
                step(steps, || run.surface, how);
                self.named(m.person, steps, self.name_link(&run, m.person));
            }
            None => {
                step(steps, as_written, how);
                self.named(m.person, steps, link::FULLEST_FORM);
            }
        }
    }

    /// How a run of the article names person `p`: which part of the name it gives.
    fn name_link(&self, run: &Run, p: usize) -> &'static str {
        let e = &self.entries[p];
        let same = same_in_lower_case;
        if let [word] = run.words.as_slice() {
            let titled = !run.titles.is_empty();
            if run
                .titles
                .iter()
                .any(|t| lexicon::FIRST_NAME_TITLES.contains(t))
                && e.words.len() > 1
                && same(word, e.first())
            {
                return link::TITLE_AND_FIRST_NAME;
            }
            if same(word, e.last()) {
                return if titled {
                    link::TITLE_AND_SURNAME
                } else {
                    link::SURNAME_OF_FULL_NAME
                };
            }
            if same(word, e.first()) {
                return link::FIRST_NAME_ALONE;
            }
        } else if let Some(first) = run.words.first() {
            if !same(first, e.first()) && initial_matches(e.first(), &lower_str(first)) {
                return link::INITIAL_OF_FIRST_NAME;
            }
        }
        if run.words.len() >= e.words.len() && !run.titles.is_empty() {
            return link::NAME_WITHOUT_TITLES;
        }
        link::FULLEST_FORM
    }

    /// The person a run names, and whether it was chosen among people sharing its surname.
    fn lookup(&self, run: &Run, at: usize) -> Option<(usize, bool)> {
        // Read once: a lowered copy is validated as UTF-8 each time it is read.
        let (last_lowered, first_lowered) =
            (lower_str(run.words.last()?), lower_str(run.words.first()?));
        let (last, first) = (last_lowered.as_str(), first_lowered.as_str());
        if run.words.len() == 1
            && run
                .titles
                .iter()
                .any(|t| lexicon::FIRST_NAME_TITLES.contains(t))
        {
            if let Some(&p) = self.by_first.get(first).and_then(|ids| ids.first()) {
                return Some((p, false));
            }
        }
        if let Some(ids) = self.by_last.get(last) {
            let candidates: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&p| {
                    run.words.len() == 1
                        || same_in_lower_case(self.entries[p].first(), run.words[0].as_ref())
                        || initial_matches(self.entries[p].first(), first)
                })
                .collect();
            if candidates.len() == 1 {
                return candidates.first().map(|&p| (p, false));
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
                    .or(candidates.first().copied())
                    .map(|p| (p, true));
            }
        }
        if run.words.len() == 1 {
            // A first name alone (`Hillary`), when exactly one person has it.
            if let Some([p]) = self.by_first.get(first).map(Vec::as_slice) {
                return Some((*p, false));
            }
        }
        None
    }
}

/// How far back (in tokens) an indefinite description may introduce a definite one.
const DESCRIPTION_REACH: usize = 400;

/// `the spokesman` at tokens `[s, e)`: the indefinite description with the same head noun that
/// introduced them before (`a spokesman for the Prime Minister`), as written.
fn introduced_as<'d>(doc: &Document<'d>, s: usize, e: usize) -> Option<&'d str> {
    let head = lower(doc, &doc.tokens[e - 1]);
    if !lexicon::INTRODUCED_PEOPLE_NOUNS.contains(&head) {
        return None;
    }
    // The article one or two words before the same head noun (`a spokesman`, `an aide`).
    let det = (s.saturating_sub(DESCRIPTION_REACH)..s)
        .rev()
        .find_map(|k| {
            let t = &doc.tokens[k];
            if t.quote.is_some() || lower(doc, t).as_str() != head.as_str() {
                return None;
            }
            (1..=2.min(k))
                .map(|back| k - back)
                .find(|&d| lexicon::INDEFINITE_ARTICLES.contains(&lower(doc, &doc.tokens[d])))
        })?;
    let limit = (det + 16).min(s);
    let (a, mut b) = np_starting_at(doc, det, limit)?;
    // `a spokesman for the Prime Minister`: whom they speak for belongs to the description.
    if b < limit && lexicon::ON_BEHALF_PREPOSITIONS.contains(&lower(doc, &doc.tokens[b])) {
        if let Some((_, end)) = np_starting_at(doc, b + 1, limit) {
            b = end;
        }
    }
    let (a, b) = doc.byte_span((a, b))?;
    doc.text.get(a..b)
}
