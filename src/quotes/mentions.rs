//! Speaker mentions: the noun phrase that names who speaks, found next to a cue without a
//! parser. A mention is a pronoun (`he`), a name with or without titles (`Sen. Ann Lee`, `Mr
//! Starmer`), a role phrase (`a campaign aide`, `The Prime Minister’s official spokesman`) or
//! an organisation (`The Post`). Phrases are read from the cue outwards, over the words that can
//! sit between a subject and its verb (`also`, `later`, `has`), and over an apposition set off
//! by commas (`Nigel Farage, an ally of Mr Trump, said`).

use super::doc::{is_capitalised, is_possessive, is_word, lower, Document, TokKind, WordSet};

pub(crate) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Titles and honorifics that stand before a name.
pub(crate) const TITLES: &[&str] = &[
    "acting",
    "adm",
    "ambassador",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "ayatollah",
    "baron",
    "baroness",
    "bishop",
    "candidate",
    "capt",
    "cardinal",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "coach",
    "col",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "dame",
    "defence",
    "defense",
    "deputy",
    "det",
    "director",
    "dr",
    "emir",
    "father",
    "first",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "health",
    "home",
    "insp",
    "interim",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lord",
    "lt",
    "maj",
    "mayor",
    "mep",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "msp",
    "mx",
    "nominee",
    "officer",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "shadow",
    "sheikh",
    "sheriff",
    "sir",
    "speaker",
    "state",
    "supt",
    "vice",
];

/// Words that may stand between a subject and its verb: `he also said`, `Smith has said`.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "actually",
    "again",
    "all",
    "allegedly",
    "already",
    "also",
    "always",
    "apparently",
    "are",
    "aren't",
    "aren’t",
    "both",
    "can",
    "can't",
    "cannot",
    "can’t",
    "could",
    "couldn't",
    "couldn’t",
    "did",
    "didn't",
    "didn’t",
    "do",
    "does",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "earlier",
    "even",
    "ever",
    "famously",
    "finally",
    "first",
    "flatly",
    "frequently",
    "further",
    "had",
    "hadn't",
    "hadn’t",
    "has",
    "hasn't",
    "hasn’t",
    "have",
    "haven't",
    "haven’t",
    "herself",
    "himself",
    "immediately",
    "initially",
    "is",
    "isn't",
    "isn’t",
    "just",
    "later",
    "long",
    "may",
    "might",
    "must",
    "mustn't",
    "mustn’t",
    "never",
    "not",
    "now",
    "often",
    "once",
    "only",
    "originally",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "quite",
    "really",
    "recently",
    "repeatedly",
    "reportedly",
    "separately",
    "should",
    "shouldn't",
    "shouldn’t",
    "similarly",
    "simply",
    "since",
    "still",
    "subsequently",
    "themselves",
    "then",
    "today",
    "tonight",
    "too",
    "was",
    "wasn't",
    "wasn’t",
    "were",
    "weren't",
    "weren’t",
    "will",
    "won't",
    "won’t",
    "would",
    "wouldn't",
    "wouldn’t",
    "yesterday",
];

/// Words that end a noun phrase read backwards (they cannot be part of it).
const NP_STOP: &[&str] = &[
    "about",
    "according",
    "across",
    "added",
    "after",
    "again",
    "against",
    "also",
    "although",
    "among",
    "and",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "between",
    "beyond",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "down",
    "during",
    "earlier",
    "even",
    "for",
    "from",
    "had",
    "has",
    "have",
    "here",
    "how",
    "however",
    "if",
    "in",
    "instead",
    "into",
    "is",
    "it",
    "just",
    "later",
    "like",
    "may",
    "meanwhile",
    "might",
    "more",
    "most",
    "must",
    "near",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "out",
    "over",
    "per",
    "recently",
    "said",
    "say",
    "says",
    "separately",
    "should",
    "since",
    "so",
    "speaking",
    "still",
    "than",
    "that",
    "then",
    "there",
    "these",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "wrote",
    "yet",
];

const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "every", "her", "his", "its", "many",
    "most", "my", "no", "one", "other", "our", "several", "some", "the", "their", "three", "two",
    "your",
];

/// Capitalised words that are never part of a name: days, months, sentence openers.
const NOT_NAMES: &[&str] = &[
    "according",
    "across",
    "after",
    "against",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "and",
    "april",
    "as",
    "asked",
    "at",
    "august",
    "because",
    "before",
    "behind",
    "beyond",
    "both",
    "but",
    "by",
    "december",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "february",
    "following",
    "for",
    "friday",
    "from",
    "here",
    "how",
    "however",
    "if",
    "in",
    "indeed",
    "inside",
    "instead",
    "into",
    "it",
    "january",
    "july",
    "june",
    "just",
    "last",
    "later",
    "like",
    "many",
    "march",
    "meanwhile",
    "monday",
    "most",
    "next",
    "no",
    "not",
    "november",
    "now",
    "october",
    "of",
    "on",
    "or",
    "other",
    "outside",
    "over",
    "saturday",
    "september",
    "since",
    "so",
    "some",
    "speaking",
    "still",
    "sunday",
    "that",
    "then",
    "there",
    "this",
    "though",
    "through",
    "throughout",
    "thursday",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "toward",
    "towards",
    "tuesday",
    "under",
    "unlike",
    "until",
    "upon",
    "wednesday",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yes",
    "yesterday",
    "yet",
];

static TITLES_SET: WordSet = WordSet::new(TITLES);
static BETWEEN_SUBJECT_AND_VERB_SET: WordSet = WordSet::new(BETWEEN_SUBJECT_AND_VERB);
static NP_STOP_SET: WordSet = WordSet::new(NP_STOP);
static DETERMINERS_SET: WordSet = WordSet::new(DETERMINERS);
static NOT_NAMES_SET: WordSet = WordSet::new(NOT_NAMES);

/// Words that cannot be part of a noun phrase (prepositions, conjunctions, auxiliaries).
pub(crate) fn is_function_word(w: &str) -> bool {
    NP_STOP_SET.contains(w)
}

fn is_day(w: &str) -> bool {
    is_day_name(w) || matches!(w, "tonight" | "morning" | "night" | "week")
}

/// A weekday, `today` or `yesterday`: the time words news puts between a cue and its speaker
/// (`said Sunday`, `said yesterday`), lower-cased.
pub(crate) fn is_day_name(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
    )
}

pub(crate) fn is_title(w: &str) -> bool {
    TITLES_SET.contains(w)
}

pub(crate) fn is_not_name(w: &str) -> bool {
    NOT_NAMES_SET.contains(w)
}

/// A token that may be inside a name: capitalised word, name particle, title abbreviation stop.
fn name_part(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokKind::Word => {
            let l = lower(doc, t);
            if is_capitalised(doc, t) {
                return !is_not_name(&l) || is_title(&l);
            }
            matches!(
                l.as_str(),
                "de" | "van" | "von" | "der" | "la" | "le" | "al" | "bin" | "da"
            )
        }
        // The full stop of `Sen.` or of an initial `J.`.
        TokKind::Punct('.') => i.checked_sub(1).map(|p| &doc.tokens[p]).is_some_and(|p| {
            p.end == t.start && p.kind == TokKind::Word && {
                let pw = doc.word(p);
                pw.chars().count() <= 4 && pw.chars().next().is_some_and(char::is_uppercase)
            }
        }),
        _ => false,
    }
}

/// The noun phrase that ends just before token `end` (exclusive), not reaching before `floor`.
/// Returns the token range `[start, end)`.
pub(crate) fn np_ending_at(doc: &Document, end: usize, floor: usize) -> Option<(usize, usize)> {
    if end <= floor || end > doc.tokens.len() {
        return None;
    }
    let head = &doc.tokens[end - 1];
    if head.quote.is_some() || !matches!(head.kind, TokKind::Word | TokKind::Punct('.')) {
        return None;
    }
    let head_lower = lower(doc, head);
    if SUBJECT_PRONOUNS.contains(&head_lower.as_str()) {
        return Some((end - 1, end));
    }
    let mut start = end;
    let capital_head = name_part(doc, end - 1) && head.kind == TokKind::Word;
    if capital_head {
        while start > floor && name_part(doc, start - 1) && doc.tokens[start - 1].quote.is_none() {
            start -= 1;
        }
        // Keep a leading role phrase glued to the name: `Trump campaign manager Corey Lewandowski`
        // is read from the name; `the` before a capitalised phrase (`The Post`) belongs to it.
        if start > floor {
            let prev = lower(doc, &doc.tokens[start - 1]);
            if prev == "the" {
                start -= 1;
            } else if is_possessive(doc.word(&doc.tokens[start - 1]))
                || (is_word(&doc.tokens[start - 1])
                    && !NP_STOP_SET.contains(prev.as_str())
                    && is_role_noun(&prev))
            {
                // `Clinton’s campaign manager Robby Mook` / `campaign manager Robby Mook`: the
                // name alone is the mention.
            }
        }
        // Strip leading words that open sentences rather than names (`But Mr Zelensky`).
        while start < end - 1 && {
            let l = lower(doc, &doc.tokens[start]);
            is_not_name(&l) && l != "the"
        } {
            start += 1;
        }
        // `A spokesman for the Prime Minister said`: the speaker is the spokesman.
        if start >= floor + 2 && role_on_behalf(doc, start - 2) {
            if let Some((role_start, _)) = np_ending_at(doc, start - 1, floor) {
                return Some((role_start, end));
            }
        }
        return (start < end).then_some((start, end));
    }
    // `Yet another said`, `most said`: a determiner standing alone names some people.
    if matches!(
        head_lower.as_str(),
        "another" | "others" | "most" | "many" | "some" | "one" | "both" | "several"
    ) && (end - 1 == floor || !is_word(&doc.tokens[end - 2]) || {
        let p = lower(doc, &doc.tokens[end - 2]);
        matches!(p.as_str(), "yet" | "and" | "but" | "still")
    }) {
        return Some((end - 1, end));
    }
    // A lowercase head: a role phrase (`a campaign aide`, `sources`, `the group’s president`).
    // Not a participle or an adverb (`the fundraising email`, `almost suggested`).
    if (head_lower.ends_with("ing") && !matches!(head_lower.as_str(), "king" | "something"))
        || matches!(
            head_lower.as_str(),
            "almost" | "ever" | "never" | "perhaps" | "already" | "again" | "outside" | "inside"
        )
    {
        return None;
    }
    // `the mother of three`: a number after `of` completes a role.
    if end >= floor + 3
        && DETERMINERS_SET.contains(head_lower.as_str())
        && lower(doc, &doc.tokens[end - 2]) == "of"
    {
        let role = lower(doc, &doc.tokens[end - 3]);
        if is_role_noun(&role) || is_kin_or_member(&role) {
            return np_ending_at(doc, end - 2, floor).map(|(outer, _)| (outer, end));
        }
    }
    if NP_STOP_SET.contains(head_lower.as_str())
        || DETERMINERS_SET.contains(head_lower.as_str())
        || head_lower.ends_with("ly")
        || !head_lower.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return None;
    }
    let limit = end.saturating_sub(7).max(floor);
    while start > limit {
        let t = &doc.tokens[start - 1];
        // `the drivers’ union`: a plural possessive's apostrophe, glued to its word.
        let plural_possessive = matches!(t.kind, TokKind::Punct('\u{2019}' | '\''))
            && t.quote.is_none()
            && start >= limit + 2
            && {
                let w = &doc.tokens[start - 2];
                is_word(w) && w.end == t.start && doc.word(w).ends_with('s')
            };
        if plural_possessive {
            start -= 2;
            continue;
        }
        if t.quote.is_some() || !is_word(t) {
            break;
        }
        let l = lower(doc, t);
        if DETERMINERS_SET.contains(l.as_str()) {
            start -= 1;
            break;
        }
        if NP_STOP_SET.contains(l.as_str()) || SUBJECT_PRONOUNS.contains(&l.as_str()) {
            break;
        }
        if is_capitalised(doc, t) && is_not_name(&l) {
            break;
        }
        start -= 1;
    }
    if start >= end {
        return None;
    }
    // `the mother of three`, `the head of the union`: a person's role with its complement.
    if start >= floor + 2 && lower(doc, &doc.tokens[start - 1]) == "of" {
        let head = lower(doc, &doc.tokens[start - 2]);
        if is_role_noun(&head) || is_kin_or_member(&head) {
            if let Some((outer, _)) = np_ending_at(doc, start - 1, floor) {
                return Some((outer, end));
            }
        }
    }
    Some((start, end))
}

/// Nouns that name a person by family or membership, heads of `X of Y` mentions.
fn is_kin_or_member(w: &str) -> bool {
    matches!(
        w,
        "mother"
            | "father"
            | "wife"
            | "husband"
            | "daughter"
            | "son"
            | "sister"
            | "brother"
            | "widow"
            | "friend"
            | "member"
            | "members"
            | "head"
            | "chief"
            | "founder"
            | "owner"
            | "author"
            | "editor"
    )
}

/// Lowercase nouns that name a role; used to keep role phrases apart from verbs.
pub(crate) fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "manager"
            | "director"
            | "official"
            | "officials"
            | "source"
            | "sources"
            | "strategist"
            | "chairman"
            | "chairwoman"
            | "president"
            | "senator"
            | "leader"
            | "secretary"
            | "minister"
            | "candidate"
            | "nominee"
            | "analyst"
            | "expert"
            | "professor"
            | "lawyer"
            | "attorney"
            | "governor"
            | "mayor"
            | "campaign"
            | "committee"
            | "group"
            | "statement"
    )
}

/// The subject of the cue at token `cue`: the phrase before it, over adverbs and auxiliaries
/// and over an apposition set off by commas.
pub(crate) fn subject_before(doc: &Document, cue: usize, floor: usize) -> Option<(usize, usize)> {
    let mut i = cue;
    while i > floor && {
        let t = &doc.tokens[i - 1];
        is_word(t) && t.quote.is_none() && {
            let l = lower(doc, t);
            // `Will` and `May` are names when capitalised; days are adverbials (`Trump on
            // Friday described`).
            let day = is_day(&l);
            let on_day = matches!(l.as_str(), "on" | "last" | "this")
                && doc.tokens.get(i).is_some_and(|n| is_day(&lower(doc, n)));
            // `who in 2010 said`: a year, and the preposition before it.
            let is_year = |w: &str| w.len() == 4 && w.chars().all(|d| d.is_ascii_digit());
            let year = is_year(&l)
                || (matches!(l.as_str(), "in" | "since" | "by")
                    && doc.tokens.get(i).is_some_and(|n| is_year(doc.word(n))));
            day || on_day
                || year
                || (!is_capitalised(doc, t)
                    && (BETWEEN_SUBJECT_AND_VERB_SET.contains(l.as_str())
                        || (l.ends_with("ly") && l.len() > 4)))
        }
    } {
        i -= 1;
    }
    // `The State Department less than two weeks ago said`: over a time phrase.
    if i > floor + 1 && lower(doc, &doc.tokens[i - 1]) == "ago" {
        let mut k = i - 1;
        while k > floor && i - k < 6 && {
            let t = &doc.tokens[k - 1];
            t.kind == TokKind::Word && t.quote.is_none() && !is_capitalised(doc, t)
        } {
            k -= 1;
        }
        i = k;
    }
    if i <= floor {
        return None;
    }
    // `Sen. Chuck Schumer (D-N.Y.) said`: skip a short parenthesis.
    if doc.tokens[i - 1].kind == TokKind::Punct(')') {
        let lo = i.saturating_sub(12).max(floor);
        if let Some(open) = (lo..i - 1)
            .rev()
            .find(|&k| doc.tokens[k].kind == TokKind::Punct('('))
        {
            i = open;
        }
    }
    if i <= floor {
        return None;
    }
    let t = &doc.tokens[i - 1];
    // `A former candidate -- John McCain, who lost in 2008 -- said`: the phrase before an
    // apposition set off by dashes.
    let dash = |k: usize| {
        matches!(
            doc.tokens[k].kind,
            TokKind::Punct('\u{2014}' | '\u{2013}' | '-')
        ) && doc.tokens[k].quote.is_none()
    };
    if dash(i - 1) {
        let mut close = i - 1;
        while close > floor && dash(close - 1) {
            close -= 1;
        }
        let lo = close.saturating_sub(25).max(floor);
        let mut open = (lo..close).rev().find(|&k| dash(k))?;
        while open > floor && dash(open - 1) {
            open -= 1;
        }
        return np_ending_at(doc, open, floor);
    }
    if t.kind == TokKind::Punct(',') && t.quote.is_none() {
        // `Gov. John Kasich (R-OH), said`: the name before the parenthesis.
        if i >= 2 && doc.tokens[i - 2].kind == TokKind::Punct(')') {
            let lo = i.saturating_sub(14).max(floor);
            if let Some(open) = (lo..i - 2)
                .rev()
                .find(|&k| doc.tokens[k].kind == TokKind::Punct('('))
            {
                if let Some(np) = np_ending_at(doc, open, floor) {
                    if is_capitalised(doc, &doc.tokens[np.1 - 1]) {
                        return Some(np);
                    }
                }
            }
        }
        // `Nigel Farage, an ally of Mr Trump, said` / `Clinton, during a town hall in Columbus,
        // Ohio, said`: the subject is the phrase that opens the sentence before a comma, or
        // else the phrase before the apposition's first comma.
        if let Some(np) = opening_np(doc, floor, i - 1) {
            if doc
                .tokens
                .get(np.1)
                .is_some_and(|x| matches!(x.kind, TokKind::Punct(',' | '(')))
            {
                return Some(np);
            }
        }
        let lo = i.saturating_sub(40).max(floor);
        let comma = (lo..i - 1).rev().find(|&j| {
            let x = &doc.tokens[j];
            x.kind == TokKind::Punct(',') || x.kind == TokKind::Mark || x.ends_sentence
        })?;
        if doc.tokens[comma].kind != TokKind::Punct(',') {
            return None;
        }
        return np_ending_at(doc, comma, floor);
    }
    // `a message that said`, `a sign which read`: the relative pronoun, as with `who`.
    if t.kind == TokKind::Word
        && i == cue
        && matches!(lower(doc, t).as_str(), "that" | "which")
        && t.quote.is_none()
        && i >= 2
        && match doc.tokens[i - 2].kind {
            TokKind::Word => !is_function_word(&lower(doc, &doc.tokens[i - 2])),
            TokKind::Punct(c) => matches!(c, ',' | '\u{2014}' | '\u{2013}'),
            TokKind::Mark => false,
        }
    {
        return Some((i - 1, i));
    }
    if t.kind == TokKind::Word && lower(doc, t) == "who" && t.quote.is_none() {
        // `said one Democrat, who added that …`: the relative pronoun names the speaker; it is
        // resolved to the phrase it follows.
        return Some((i - 1, i));
    }
    if t.kind == TokKind::Word && matches!(lower(doc, t).as_str(), "and" | "but" | "or") {
        // `Hayek confirmed she had been and said, “…”`: a second verb shares the subject of
        // its clause.
        return nearest_subject(doc, i - 1, floor);
    }
    let np = np_ending_at(doc, i, floor)?;
    Some(over_participle_phrase(doc, np, floor).unwrap_or(np))
}

/// `Protesters marching through the streets chanted`, `Residents gathered outside the court
/// shouted`: a noun phrase after a participle and a preposition is the participle's object;
/// the subject is the phrase before the participle.
fn over_participle_phrase(
    doc: &Document,
    (start, _): (usize, usize),
    floor: usize,
) -> Option<(usize, usize)> {
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| is_word(t) && t.quote.is_none())
            .map(|t| lower(doc, t))
    };
    let preposition = word(start.checked_sub(1)?)?;
    let participle = word(start.checked_sub(2)?)?;
    let is_preposition = matches!(
        preposition.as_str(),
        "through"
            | "in"
            | "at"
            | "on"
            | "outside"
            | "inside"
            | "around"
            | "across"
            | "near"
            | "along"
            | "into"
            | "from"
            | "toward"
            | "towards"
            | "behind"
    );
    let is_participle = participle.len() > 4
        && (participle.ends_with("ing") || participle.ends_with("ed"))
        && !is_not_name(&participle);
    if !(is_preposition && is_participle) {
        return None;
    }
    np_ending_at(doc, start - 2, floor)
}

/// The noun phrase that opens the tokens `[from, to)`, over an introductory phrase ending with
/// a comma (`Speaking in the Commons, Sir Keir …`) and over quoted text.
pub(crate) fn opening_np(doc: &Document, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut start = from;
    while start < to && doc.tokens[start].quote.is_some() {
        start += 1;
    }
    while start < to && matches!(doc.tokens[start].kind, TokKind::Punct(_)) {
        start += 1;
    }
    if start >= to {
        return None;
    }
    // A dateline: `WASHINGTON (AFP) – …`, `DECATUR, Ill. — …` at the start of a paragraph.
    let para_start = start == 0 || doc.tokens[start - 1].para != doc.tokens[start].para;
    if para_start {
        if let Some(dash) = (start..to.min(start + 8)).find(|&k| {
            matches!(
                doc.tokens[k].kind,
                TokKind::Punct('\u{2014}' | '\u{2013}' | '-')
            )
        }) {
            let all_heading = doc.tokens[start..dash].iter().all(|t| match t.kind {
                // `WASHINGTON, Dec. 8 (UPI) —`: capitals and the day of the month.
                TokKind::Word => {
                    is_capitalised(doc, t) || doc.word(t).chars().all(|c| c.is_ascii_digit())
                }
                TokKind::Punct(c) => matches!(c, '(' | ')' | ',' | '.'),
                TokKind::Mark => false,
            });
            if all_heading && dash + 1 < to {
                start = dash + 1;
            }
        }
    }
    // Introductory phrases, possibly several: `Speaking in the Commons, …`, `Preceded at the
    // lectern by X, …`, `In Ohio, …`, `Moreover, as part of the exchange, …`.
    for _ in 0..3 {
        let intro = lower(doc, &doc.tokens[start]);
        // `But Sen. Dick Durbin (D-Ill.), noting …, said`: a conjunction opening the sentence
        // before a name is not an introductory phrase.
        if matches!(
            intro.as_str(),
            "and" | "but" | "or" | "so" | "now" | "yet" | "still"
        ) && doc
            .tokens
            .get(start + 1)
            .is_some_and(|n| start + 1 < to && is_capitalised(doc, n))
        {
            start += 1;
            continue;
        }
        // A prepositional opening may be long (`On the eve of his historic election to a fourth
        // term as prime minister in March, Netanyahu …`).
        let reach = if is_not_name(&intro) { 25 } else { 10 };
        let Some(c) = (start..to.min(start + reach))
            .find(|&k| doc.tokens[k].kind == TokKind::Punct(',') && doc.tokens[k].quote.is_none())
        else {
            break;
        };
        let adverb = intro.ends_with("ly")
            || matches!(
                intro.as_str(),
                "moreover"
                    | "furthermore"
                    | "meanwhile"
                    | "however"
                    | "still"
                    | "indeed"
                    | "instead"
                    | "nonetheless"
                    | "nevertheless"
                    | "otherwise"
                    | "thus"
                    | "yet"
            );
        // `Hours later, …`, `Weeks after the vote, …`.
        let time = matches!(
            intro.as_str(),
            "hours" | "days" | "weeks" | "months" | "years" | "minutes" | "moments" | "seconds"
        );
        // `On March 3, 2019, …`: the year after the day's comma is still the date.
        let year = c == start + 1 && intro.len() == 4 && intro.chars().all(|d| d.is_ascii_digit());
        if intro.ends_with("ing")
            || intro.ends_with("ed")
            || adverb
            || time
            || year
            || is_not_name(&intro)
        {
            start = c + 1;
        } else {
            break;
        }
    }
    // Skip sentence-opening conjunctions.
    while start < to && is_not_name(&lower(doc, &doc.tokens[start])) {
        start += 1;
    }
    let np = np_starting_at(doc, start, to)?;
    Some(apposed_name(doc, np, to).unwrap_or(np))
}

/// `The Transport Secretary, Helen Ashworth, said`, `Acme Ltd’s chief executive, Jo Bell,
/// said`, `The leader of the council, Sam Hart, said`: a role phrase followed by a name set
/// off by commas is that person; the name is the mention.
pub(crate) fn apposed_name(
    doc: &Document,
    np: (usize, usize),
    to: usize,
) -> Option<(usize, usize)> {
    let first = lower(doc, doc.tokens.get(np.0)?);
    let mut role_like = matches!(first.as_str(), "the" | "a" | "an")
        || (np.0..np.1).any(|k| {
            let t = &doc.tokens[k];
            t.kind == TokKind::Word && (is_possessive(doc.word(t)) || !is_capitalised(doc, t))
        });
    // The rest of the role phrase up to its comma: `chief executive`, `of the council`.
    let mut comma = np.1;
    let limit = (np.1 + 8).min(to);
    while comma < limit {
        let t = &doc.tokens[comma];
        if t.kind == TokKind::Punct(',') {
            break;
        }
        if t.kind != TokKind::Word || t.quote.is_some() {
            return None;
        }
        let l = lower(doc, t);
        if matches!(
            l.as_str(),
            "and" | "but" | "or" | "who" | "which" | "that" | "said" | "says"
        ) || (!is_capitalised(doc, t) && crate::quotes::cues::cue_word(doc.word(t)).is_some())
        {
            return None;
        }
        role_like = true;
        comma += 1;
    }
    if !role_like || comma >= limit || doc.tokens[comma].quote.is_some() {
        return None;
    }
    // The name: two to four capitalised words (initials allowed), closed by a comma.
    let start = comma + 1;
    let mut end = start;
    let mut words = 0;
    while end < to && end < start + 7 {
        let t = &doc.tokens[end];
        if t.quote.is_some() {
            return None;
        }
        match t.kind {
            TokKind::Word if is_capitalised(doc, t) && !is_possessive(doc.word(t)) => words += 1,
            TokKind::Punct('.') if name_part(doc, end) => {}
            _ => break,
        }
        end += 1;
    }
    let first_name = lower(doc, doc.tokens.get(start)?);
    let closed = doc
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokKind::Punct(','));
    ((2..=4).contains(&words)
        && closed
        && !is_not_name(&first_name)
        && !DETERMINERS_SET.contains(first_name.as_str()))
    .then_some((start, end))
}

/// `spokesman for`, `aide to`: a role held on behalf of somebody else, whose name follows.
pub(crate) fn role_on_behalf(doc: &Document, k: usize) -> bool {
    let (Some(role), Some(prep)) = (doc.tokens.get(k), doc.tokens.get(k + 1)) else {
        return false;
    };
    role.kind == TokKind::Word
        && !is_capitalised(doc, role)
        && matches!(lower(doc, prep).as_str(), "for" | "to")
        && matches!(
            lower(doc, role).as_str(),
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "spokesmen"
                | "spokeswomen"
                | "spokespeople"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "lawyer"
                | "lawyers"
                | "attorney"
                | "attorneys"
                | "representative"
                | "representatives"
                | "source"
                | "sources"
                | "official"
                | "officials"
        )
}

/// The subject nearest before token `before` in its sentence: a subject pronoun, or else the
/// phrase that opens the sentence.
pub(crate) fn nearest_subject(
    doc: &Document,
    before: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let lo = before.saturating_sub(30).max(floor);
    if let Some(k) = (lo..before).rev().find(|&k| {
        let t = &doc.tokens[k];
        t.quote.is_none()
            && t.kind == TokKind::Word
            && matches!(lower(doc, t).as_str(), "he" | "she" | "they" | "we" | "i")
    }) {
        return Some((k, k + 1));
    }
    opening_np(doc, floor, before)
}

/// The noun phrase starting at token `start` (`said Mr X, a doctor`, `said the source`).
pub(crate) fn np_starting_at(doc: &Document, start: usize, limit: usize) -> Option<(usize, usize)> {
    let limit = limit.min(doc.tokens.len());
    let mut i = start;
    // Skip a day or time word: `said Sunday`, `said on Sunday` is handled by the stop list.
    while i < limit && is_word(&doc.tokens[i]) && {
        let l = lower(doc, &doc.tokens[i]);
        is_day_name(&l) || matches!(l.as_str(), "tonight" | "later" | "also" | "then")
    } {
        i += 1;
    }
    let first = doc.tokens.get(i)?;
    if first.quote.is_some() || !is_word(first) || i >= limit {
        return None;
    }
    let l = lower(doc, first);
    if SUBJECT_PRONOUNS.contains(&l.as_str()) {
        return Some((i, i + 1));
    }
    let begin = i;
    let name_first = is_capitalised(doc, first) && !DETERMINERS_SET.contains(l.as_str());
    // `tweeted another.`, `said one.`: a determiner standing alone.
    if matches!(
        l.as_str(),
        "another" | "one" | "others" | "some" | "many" | "most"
    ) && doc
        .tokens
        .get(i + 1)
        .is_none_or(|n| n.kind != TokKind::Word)
    {
        return Some((i, i + 1));
    }
    // `said one of two witnesses`, `said some of the protesters`: the group after `of` is
    // part of the phrase.
    let partitive = matches!(
        l.as_str(),
        "one" | "some" | "many" | "most" | "several" | "two" | "three" | "all" | "each"
    ) && doc.tokens.get(i + 1).is_some_and(|n| lower(doc, n) == "of");
    if partitive {
        let rest = np_starting_at(doc, i + 2, limit)?;
        return Some((begin, rest.1));
    }
    if DETERMINERS_SET.contains(l.as_str()) {
        i += 1;
    } else if is_capitalised(doc, first) {
        // `Will Doyle`, `May Chen`: capitalised, these are names, not auxiliaries.
        if is_not_name(&l) {
            return None;
        }
    } else if NP_STOP_SET.contains(l.as_str()) {
        return None;
    }
    let stop = (i + 8).min(limit);
    let mut end = i;
    while end < stop {
        let t = &doc.tokens[end];
        if t.quote.is_some() {
            break;
        }
        match t.kind {
            TokKind::Word => {
                let w = lower(doc, t);
                // `Will Doyle`: a capitalised auxiliary before a capitalised word is a name.
                let first_name = is_capitalised(doc, t)
                    && doc
                        .tokens
                        .get(end + 1)
                        .is_some_and(|n| n.kind == TokKind::Word && is_capitalised(doc, n));
                if NP_STOP_SET.contains(w.as_str())
                    && !(w == "of" && end > i && name_part(doc, end - 1))
                    && !first_name
                {
                    break;
                }
                if crate::quotes::cues::cue_word(doc.word(t)).is_some() && !is_capitalised(doc, t) {
                    break;
                }
                // `The ad targets a …`, `The board saw Fiorina`: after the first word of a
                // phrase, a lowercase word followed by a determiner, `that` or a name is a verb.
                // `the FBI lists …`: a verb right after the capitalised head of the phrase.
                if !name_first
                    && end > i
                    && !is_capitalised(doc, t)
                    && is_capitalised(doc, &doc.tokens[end - 1])
                    && (w.ends_with('s') || w.ends_with("ed"))
                    && !is_role_noun(&w)
                {
                    break;
                }
                if !name_first && end > i && !is_capitalised(doc, t) {
                    let next_opens_object = doc.tokens.get(end + 1).is_some_and(|n| {
                        n.kind == TokKind::Word && {
                            let l = lower(doc, n);
                            DETERMINERS_SET.contains(l.as_str())
                                || l == "that"
                                || (is_capitalised(doc, n) && !is_not_name(&l))
                        }
                    });
                    let role = is_title(&w) || is_role_noun(&w);
                    // `said conservative activist Bob Klaus`, `retired neurosurgeon Ben
                    // Carson`: with no determiner, lowercase words before a name describe it.
                    let describes_name = begin == i
                        && !is_capitalised(doc, first)
                        && !w.ends_with('s')
                        && doc.tokens.get(end + 1).is_some_and(|n| {
                            n.kind == TokKind::Word
                                && is_capitalised(doc, n)
                                && !is_not_name(&lower(doc, n))
                        });
                    if (next_opens_object && !role && !describes_name) || w.ends_with("ed") {
                        break;
                    }
                }
                // `Trump tweaked …`: a name is not continued by a lowercase word, except name
                // particles (`Charles de Gaulle`) and `of` (`Secretary of State`).
                if name_first && !is_capitalised(doc, t) && !name_part(doc, end) && w != "of" {
                    // `GOP strategist Keith Nahigian`: role nouns between a name and a name.
                    let resumes = (end + 1..(end + 3).min(stop)).find(|&k| {
                        let x = &doc.tokens[k];
                        x.kind != TokKind::Word
                            || is_capitalised(doc, x)
                            || NP_STOP_SET.contains(lower(doc, x).as_str())
                    });
                    let name_follows = resumes.is_some_and(|k| {
                        is_capitalised(doc, &doc.tokens[k])
                            && (end..k).all(|m| {
                                let l = lower(doc, &doc.tokens[m]);
                                !NP_STOP_SET.contains(l.as_str())
                                    && !DETERMINERS_SET.contains(l.as_str())
                                    && !l.ends_with("ed")
                            })
                    });
                    if !name_follows {
                        break;
                    }
                }
            }
            TokKind::Punct('.') if name_part(doc, end) => {}
            _ => break,
        }
        end += 1;
    }
    // `of` cannot end a phrase.
    while end > i && lower(doc, &doc.tokens[end - 1]) == "of" {
        end -= 1;
    }
    (end > i).then_some((begin, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::{quoted_spans, MarkSet};

    fn doc(t: &str) -> Document<'_> {
        let spans = quoted_spans(
            t,
            MarkSet {
                two_apostrophes: true,
                single_primary: true,
            },
        );
        Document::new(t, &spans)
    }

    fn text_of(d: &Document, r: Option<(usize, usize)>) -> String {
        r.map(|(s, e)| d.text[d.tokens[s].start..d.tokens[e - 1].end].to_string())
            .unwrap_or_default()
    }

    fn cue_index(d: &Document, w: &str) -> usize {
        d.tokens
            .iter()
            .position(|t| d.word(t) == w)
            .expect("cue in sentence")
    }

    #[test]
    fn lower_is_to_lowercase() {
        let d = doc("Trump’s ÉCOLE école Σίσυφος ΟΔΟΣ İstanbul \u{212A}ing ǅemal “Said” — U.S. x");
        for t in &d.tokens {
            assert_eq!(
                lower(&d, t).as_str(),
                d.word(t).to_lowercase(),
                "{}",
                d.word(t)
            );
        }
    }

    #[test]
    fn subjects_before_the_cue() {
        for (t, want) in [
            ("Mr Trump later said it was fine.", "Mr Trump"),
            (
                "The Prime Minister’s official spokesman said it.",
                "The Prime Minister’s official spokesman",
            ),
            (
                "Nigel Farage, an ally of Mr Trump, said so.",
                "Nigel Farage",
            ),
            ("But Sir Keir said no.", "Sir Keir"),
            ("At the rally, a campaign aide said it.", "a campaign aide"),
            ("He also said it.", "He"),
            ("Sen. Ann Lee said it.", "Sen. Ann Lee"),
        ] {
            let d = doc(t);
            let cue = cue_index(&d, "said");
            assert_eq!(text_of(&d, subject_before(&d, cue, 0)), want, "{t}");
        }
    }

    #[test]
    fn subjects_after_the_cue() {
        let d = doc("“Fine,” said Larry Noble, a lawyer with the group.");
        let cue = cue_index(&d, "said");
        assert_eq!(
            text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())),
            "Larry Noble"
        );
        let d = doc("“Fine,” said the source.");
        let cue = cue_index(&d, "said");
        assert_eq!(
            text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())),
            "the source"
        );
        let d = doc("“Fine,” said Sunday in a statement.");
        let cue = cue_index(&d, "said");
        assert_eq!(text_of(&d, np_starting_at(&d, cue + 1, d.tokens.len())), "");
    }
}
