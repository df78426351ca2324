//! The subject of a cue: the phrase before it (over adverbs, auxiliaries, days and an
//! apposition), the phrase that opens a clause (over introductory phrases and datelines), and
//! the nearest subject pronoun.

use super::{
    apposed_name, name_part, np_ending_at, np_starting_at, share_of_group,
    with_contracted_auxiliary,
};
use super::{
    is_capitalised, is_day, is_function_word, is_not_name, is_number, is_subject_pronoun, is_year,
    lexicon, lower, Document, TokKind,
};
use crate::quotes::doc::{is_word, Lower, Token};

/// The subject of the cue at token `cue`: the phrase before it, over adverbs and auxiliaries
/// and over an apposition set off by commas.
pub(crate) fn subject_before(doc: &Document, cue: usize, floor: usize) -> Option<(usize, usize)> {
    // `About 4 in 10 say`: read before `in 10` is taken for an adverbial phrase.
    if let Some(proportion) = proportion_ending_at(doc, over_adverbs(doc, cue, floor), floor) {
        return Some(proportion);
    }
    let mut i = cue;
    loop {
        i = over_adverbs(doc, i, floor);
        // `a trio of PACs have in fact reported`, `Britain in particular feared`: an adverbial
        // phrase of a preposition and one lower-case word, then perhaps more adverbs.
        if i > floor + 2 && adverbial_phrase_ends_at(doc, i) {
            i -= 2;
        } else if i > floor + 2 && time_phrase_ends_at(doc, i) {
            // `Police had last month charged`, `The campaign this week said`.
            i -= 2;
        } else {
            break;
        }
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
    // `Ellis Grant Jr. announced`, `Acme Inc. said`: a full stop inside a name (one that ends
    // no sentence) ends the phrase before it.
    if i >= floor + 2 && doc.tokens[i - 1].kind == TokKind::Punct('.') && name_part(doc, i - 1) {
        return np_ending_at(doc, i - 1, floor);
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
        // `Several veterans interviewed this week, including Mr. Jebens, said`: the members
        // named are examples; the subject is the phrase before them.
        if let Some(open) = example_list_opening(doc, i - 1, floor) {
            return subject_before(doc, open, floor);
        }
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
        // `Advocates in Flint, Mich., cheered`: when no phrase opening the
        // sentence is set off, the subject ends before the town's state.
        if let Some(town_comma) = (i.saturating_sub(6).max(floor + 1)..i - 1)
            .rev()
            .find(|&k| doc.tokens[k].kind == TokKind::Punct(','))
            .filter(|&k| region_after_town(doc, k, i) == Some(i - 1))
        {
            return np_ending_at(doc, town_comma, floor);
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
        && {
            // `that` and `which` (not `who`, below) only after a noun or a comma.
            let l = lower(doc, t);
            lexicon::RELATIVE_PRONOUNS.contains(&l) && l != "who"
        }
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
    if t.kind == TokKind::Word && is_relative_who(doc, i - 1) && t.quote.is_none() {
        // `said one Democrat, who added that …`: the relative pronoun names the speaker; it is
        // resolved to the phrase it follows.
        return Some((i - 1, i));
    }
    if t.kind == TokKind::Word && lexicon::COORDINATING_CONJUNCTIONS.contains(&lower(doc, t)) {
        // `Hayek confirmed she had been and said, “…”`: a second verb shares the subject of
        // its clause.
        return nearest_subject(doc, i - 1, floor);
    }
    if let Some(np) = those_with_participle(doc, i, floor)
        .or_else(|| before_restrictive_relative(doc, i, floor))
        .or_else(|| postmodified_subject(doc, i, floor))
    {
        // `Two-thirds of those surveyed said`: a share of the group.
        return Some((share_of_group(doc, np.0, floor).unwrap_or(np.0), np.1));
    }
    let mut np = np_ending_at(doc, i, floor)?;
    // `nine out of 10 residents (in the state) say`, `Only three in 10 voters said`: a
    // proportion with its noun, read whole with the words that qualify it.
    // (The phrase may start at the number or just after it: `10 Republicans`, `Republicans`.)
    let with_proportion = |np: (usize, usize)| {
        proportion_ending_at(doc, np.0 + 1, floor)
            .or_else(|| proportion_ending_at(doc, np.0, floor))
            .map(|(s, _)| (s, np.1))
    };
    if let Some(proportion) = with_proportion(np) {
        return Some(proportion);
    }
    // `Clinton in a statement said`, `The mayor in an interview with the Post said`: the phrase
    // before the adjuncts.
    for _ in 0..3 {
        let Some(before) = over_adjunct(doc, np, floor) else {
            break;
        };
        if let Some(proportion) = with_proportion(before) {
            return Some(proportion);
        }
        np = before;
    }
    let np = over_participle_phrase(doc, np, floor).unwrap_or(np);
    Some(with_affiliated_name(doc, np, floor).unwrap_or(np))
}

/// `About 4 in 10 say`, `Nearly one in five said`, `nine out of 10 say`: a proportion without its
/// noun is the subject, read whole with the words that qualify it.
fn proportion_ending_at(doc: &Document, i: usize, floor: usize) -> Option<(usize, usize)> {
    let word = |k: usize| unquoted_word(doc, k);
    let number_at = |k: usize| word(k).is_some_and(|w| is_number(&w));
    // `47% say`, `About 38% said`: a share in per cent.
    let per_cent = i >= floor + 2
        && doc.tokens[i - 1].kind == TokKind::Punct('%')
        && doc.tokens[i - 1].quote.is_none()
        && number_at(i - 2);
    let first = if per_cent {
        i - 2
    } else {
        if i < floor + 3 || !number_at(i - 1) {
            return None;
        }
        // `nine out of 10`: the number before `out of`.
        let out_of = i >= floor + 4 && word(i - 2)? == "of" && word(i - 3)? == "out";
        let first = if out_of { i - 4 } else { i - 3 };
        if !number_at(first) || !(out_of || word(i - 2)? == "in") {
            return None;
        }
        first
    };
    let mut start = first;
    while start > floor
        && i - start < 7
        && word(start - 1).is_some_and(|w| lexicon::BEFORE_A_PROPORTION.contains(&w))
    {
        start -= 1;
    }
    Some((start, i))
}

/// `those surveyed said`, `Those polled said`: `those` with a participle names the people the
/// participle did something to.
fn those_with_participle(doc: &Document, i: usize, floor: usize) -> Option<(usize, usize)> {
    let (those, participle) = two_words_before(doc, i)?;
    (i >= floor + 2 && lower(doc, those) == "those" && lower(doc, participle).ends_with("ed"))
        .then_some((i - 2, i))
}

/// `Friends of Mr. Clinton who have seen him on the trail say`, `People who know him say`: a
/// subject with a restrictive relative clause (no comma before `who`, none inside the clause);
/// the subject is the noun phrase before `who`, not the end of the clause.
fn before_restrictive_relative(doc: &Document, i: usize, floor: usize) -> Option<(usize, usize)> {
    let lo = i.saturating_sub(20).max(floor + 1);
    let who = (lo..i)
        .rev()
        .take_while(|&k| {
            let t = &doc.tokens[k];
            is_word(t) && t.quote.is_none() && !t.ends_sentence
        })
        // `who worshiped there and who did not want to be named`: the first of two relatives.
        .find(|&k| {
            is_relative_who(doc, k)
                && !lexicon::COORDINATING_CONJUNCTIONS.contains(&lower(doc, &doc.tokens[k - 1]))
        })?;
    // `the congressman who gained attention when he yelled`: the verb has a subject of its own.
    if who + 1 == i || (who + 1..i).any(|k| is_subject_pronoun(&lower(doc, &doc.tokens[k]))) {
        return None;
    }
    let head = np_ending_at(doc, who, floor)?;
    // `Nate Silver, the polling guru who founded the site tweeted`: the name the described
    // phrase is set off from.
    if head.0 > floor + 1 && doc.tokens[head.0 - 1].kind == TokKind::Punct(',') {
        if let Some(name) = np_ending_at(doc, head.0 - 1, floor) {
            // Only a name opening its clause (not `At the town hall in Ho Chi Minh City, a
            // young woman who …`).
            let opens_clause = name.0 == floor
                || matches!(doc.tokens[name.0 - 1].kind, TokKind::Mark)
                || doc.tokens[name.0 - 1].ends_sentence;
            if opens_clause && is_capitalised(doc, &doc.tokens[name.1 - 1]) {
                return Some(name);
            }
        }
    }
    Some(with_affiliated_name(doc, head, floor).unwrap_or(head))
}

/// `A source close to Cruz said`, `people familiar with the talks said`, `an official with
/// knowledge of the plan said`: the words before token `i` hold an adjective or participle and
/// its preposition that modify the noun before them; the subject is that noun with the whole
/// phrase (read over words only, so the phrase's own noun need not read as one).
fn postmodified_subject(doc: &Document, i: usize, floor: usize) -> Option<(usize, usize)> {
    let word = |k: usize| unquoted_word(doc, k).filter(|_| !doc.tokens[k].ends_sentence);
    let lo = i.saturating_sub(10).max(floor + 2);
    let preposition = (lo..i)
        .rev()
        .take_while(|&k| word(k).is_some())
        .find(|&k| match (word(k - 1), word(k)) {
            (Some(modifier), Some(preposition)) => {
                lexicon::POSTMODIFIERS.contains_pair(modifier.as_str(), preposition.as_str())
            }
            _ => false,
        })?;
    let mut head_end = preposition - 1;
    if head_end > floor + 1 && word(head_end - 1).is_some_and(|w| w == "with") {
        head_end -= 1;
    }
    let head = np_ending_at(doc, head_end, floor)?;
    Some((head.0, i))
}

/// The comma opening a list of examples (`, including Mr. Jebens,`) that the comma at `close`
/// ends, if there is one within a dozen tokens.
fn example_list_opening(doc: &Document, close: usize, floor: usize) -> Option<usize> {
    let lo = close.saturating_sub(12).max(floor + 1);
    let open = (lo..close).rev().find(|&k| {
        let t = &doc.tokens[k];
        matches!(t.kind, TokKind::Punct(',' | ';' | ':') | TokKind::Mark)
            || t.quote.is_some()
            || t.ends_sentence
    })?;
    (doc.tokens[open].kind == TokKind::Punct(',')
        && doc.tokens[open].quote.is_none()
        && doc
            .tokens
            .get(open + 1)
            .is_some_and(|t| lexicon::EXAMPLE_OPENERS.contains(&lower(doc, t))))
    .then_some(open)
}

/// Whether token `k` is the relative pronoun `who`: not `the WHO` (the World Health
/// Organization), which is a name.
fn is_relative_who(doc: &Document, k: usize) -> bool {
    let l = lower(doc, &doc.tokens[k]);
    // `who’d previously endorsed`, `who's been pushing`: with its auxiliary contracted.
    let who = l == "who" || with_contracted_auxiliary(&l).is_some_and(|(w, _)| w == "who");
    who && !super::is_acronym_after_the(doc, k)
}

/// The noun phrase before the preposition that opens the phrase `[start, end)` when that
/// preposition opens an adjunct (`Clinton in a statement`, `Obama on Twitter`): not inside an
/// organisation's name, and a proportion (`Nine in 10 voters`) read whole.
fn over_adjunct(
    doc: &Document,
    (start, end): (usize, usize),
    floor: usize,
) -> Option<(usize, usize)> {
    let preposition = unquoted_word(doc, start.checked_sub(1)?)?;
    if !lexicon::ADJUNCT_PREPOSITIONS.contains(preposition.as_str()) || start < floor + 2 {
        return None;
    }
    let before = np_ending_at(doc, start - 1, floor)?;
    let last_before = &doc.tokens[before.1 - 1];
    // `The Council on American-Islamic Relations`: a preposition inside an organisation's name.
    if is_capitalised(doc, last_before)
        && lexicon::ORGANISATION_HEADS.contains(lower(doc, last_before).as_str())
    {
        return None;
    }
    // `Nine in 10 voters`: a proportion.
    if doc
        .word(&doc.tokens[start])
        .chars()
        .all(|c| c.is_ascii_digit())
    {
        return Some((before.0, end));
    }
    Some(before)
}

/// `Dr. Lena Fischer of the WHO said`: a noun phrase after a name and `of`, `at` or `from` is the
/// body the person belongs to; the subject is the whole, from the name.
fn with_affiliated_name(
    doc: &Document,
    (start, end): (usize, usize),
    floor: usize,
) -> Option<(usize, usize)> {
    let joiner = unquoted_word(doc, start.checked_sub(1)?)?;
    if !lexicon::AFFILIATION_PREPOSITIONS.contains(&joiner) {
        return None;
    }
    let name = np_ending_at(doc, start - 1, floor)?;
    is_capitalised(doc, &doc.tokens[name.1 - 1]).then_some((name.0, end))
}

/// `Protesters marching through the streets chanted`, `Residents gathered outside the court
/// shouted`: a noun phrase after a participle and a preposition is the participle's object;
/// the subject is the phrase before the participle.
fn over_participle_phrase(
    doc: &Document,
    (start, _): (usize, usize),
    floor: usize,
) -> Option<(usize, usize)> {
    let word = |k: usize| unquoted_word(doc, k);
    let preposition = word(start.checked_sub(1)?)?;
    let participle = word(start.checked_sub(2)?)?;
    // `A letter from the Legion obtained by The Associated Press warns`: the agent of a
    // participle is its object too.
    let is_preposition = lexicon::PLACE_PREPOSITIONS.contains(&preposition) || preposition == "by";
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
    for _ in 0..4 {
        let intro = lower(doc, &doc.tokens[start]);
        // `But Sen. Dick Durbin (D-Ill.), noting …, said`: a conjunction opening the sentence
        // before a name is not an introductory phrase.
        // `And then Trump went on the attack, saying …`: linkers in a row.
        if lexicon::SENTENCE_LINKERS.contains(&intro)
            && doc.tokens.get(start + 1).is_some_and(|n| {
                start + 1 < to
                    && (is_capitalised(doc, n)
                        || lexicon::SENTENCE_LINKERS.contains(&lower(doc, n)))
            })
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
        // `At a conference in Aspen, Colo., the graduate …`: the state after the town is still
        // the introductory phrase.
        let c = region_after_town(doc, c, to).unwrap_or(c);
        let adverb = intro.ends_with("ly") || lexicon::LINKING_ADVERBS.contains(&intro);
        // `Hours later, …`, `Weeks after the vote, …`.
        let time = lexicon::TIME_UNITS.contains(&intro);
        // `On March 3, 2019, …`: the year after the day's comma is still the date.
        let year = c == start + 1 && is_year(&intro);
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

/// When the comma `comma` follows a capitalised town and opens a state or province closed by
/// another comma before `to` (`Salem, New Hampshire,`, `Flint, Mich.,`), that closing comma.
pub(super) fn region_after_town(doc: &Document, comma: usize, to: usize) -> Option<usize> {
    let town = comma.checked_sub(1).map(|k| &doc.tokens[k])?;
    if !(is_word(town) && is_capitalised(doc, town)) {
        return None;
    }
    let close = (comma + 1..to.min(comma + 6))
        .find(|&k| matches!(doc.tokens[k].kind, TokKind::Punct(',')))?;
    let first = &doc.tokens[comma + 1];
    if close == comma + 1 || !is_capitalised(doc, first) {
        return None;
    }
    let written = &doc.text[first.start..doc.tokens[close - 1].end];
    let region: String = written
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    lexicon::REGION_NAMES.contains(&region).then_some(close)
}

/// The subject nearest before token `before` in its sentence: a subject pronoun, or else the
/// phrase that opens the sentence.
pub(crate) fn nearest_subject(
    doc: &Document,
    before: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let lo = before.saturating_sub(30).max(floor);
    // `Mitt Romney, who campaigned on … and sought`: the relative pronoun of the clause the
    // conjunction goes on with.
    if let Some(who) = (lo..before)
        .rev()
        .take_while(|&k| is_word(&doc.tokens[k]) && doc.tokens[k].quote.is_none())
        .find(|&k| is_relative_who(doc, k))
    {
        return Some((who, who + 1));
    }
    if let Some(k) = (lo..before).rev().find(|&k| {
        let t = &doc.tokens[k];
        t.quote.is_none() && t.kind == TokKind::Word && {
            let l = lower(doc, t);
            is_subject_pronoun(&l) && !lexicon::PRONOUNS_NOT_OF_A_SPEAKER.contains(&l)
        }
    }) {
        return Some((k, k + 1));
    }
    opening_np(doc, floor, before)
}

/// Token `i` moved back over the adverbs, auxiliaries, days and years between a subject and its
/// verb (`Trump on Friday said`, `who in 2010 said`, `he also said`), down to `floor`.
fn over_adverbs(doc: &Document, mut i: usize, floor: usize) -> usize {
    while i > floor && {
        let t = &doc.tokens[i - 1];
        is_word(t) && t.quote.is_none() && {
            let l = lower(doc, t);
            // `Will` and `May` are names when capitalised; days are adverbials (`Trump on
            // Friday described`).
            let day = is_day(&l);
            let on_day = lexicon::BEFORE_A_DAY.contains(&l)
                && doc.tokens.get(i).is_some_and(|n| is_day(&lower(doc, n)));
            // `who in 2010 said`: a year, and the preposition before it.
            let year = is_year(&l)
                || (lexicon::BEFORE_A_YEAR.contains(&l)
                    && doc.tokens.get(i).is_some_and(|n| is_year(doc.word(n))));
            day || on_day
                || year
                || (!is_capitalised(doc, t)
                    && (lexicon::BETWEEN_SUBJECT_AND_VERB.contains(l.as_str())
                        || (l.ends_with("ly") && l.len() > 4)))
        }
    } {
        i -= 1;
    }
    i
}

/// Whether tokens `i - 2` and `i - 1` are a time phrase of a relative word and a time noun
/// (`last month`, `this week`, `earlier this year` read from its end).
fn time_phrase_ends_at(doc: &Document, i: usize) -> bool {
    two_words_before(doc, i).is_some_and(|(p, w)| {
        !is_capitalised(doc, p)
            && lexicon::BEFORE_A_TIME_NOUN.contains(lower(doc, p).as_str())
            && lexicon::TIME_NOUNS.contains(lower(doc, w).as_str())
    })
}

/// The word at token `k`, lower-cased, when it is a word outside quotation marks.
fn unquoted_word<'d>(doc: &'d Document, k: usize) -> Option<Lower<'d>> {
    doc.tokens
        .get(k)
        .filter(|t| is_word(t) && t.quote.is_none())
        .map(|t| lower(doc, t))
}

/// Tokens `i - 2` and `i - 1` when both are words outside quotation marks.
fn two_words_before<'d>(doc: &'d Document, i: usize) -> Option<(&'d Token, &'d Token)> {
    let token = |back: usize| i.checked_sub(back).and_then(|k| doc.tokens.get(k));
    let (p, w) = (token(2)?, token(1)?);
    (is_word(p) && is_word(w) && p.quote.is_none() && w.quote.is_none()).then_some((p, w))
}

/// Whether tokens `i - 2` and `i - 1` are an adverbial phrase of a preposition and one
/// lower-case word (`in fact`, `at times`, `in part`), not part of a subject.
pub(crate) fn adverbial_phrase_ends_at(doc: &Document, i: usize) -> bool {
    two_words_before(doc, i).is_some_and(|(p, w)| {
        !is_capitalised(doc, w) && lexicon::ADVERBIAL_PREPOSITIONS.contains(lower(doc, p).as_str())
    })
}
