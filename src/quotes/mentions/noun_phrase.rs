//! The noun phrase that ends just before a token (a subject read backwards from its cue) or
//! starts at one (a speaker after its cue: `said Mr X, a doctor`).

use super::{
    is_capitalised, is_day_name, is_determiner, is_function_word, is_kin_or_member, is_not_name,
    is_number, is_role_noun, is_subject_pronoun, is_title, is_year, lexicon, lower, name_part,
    role_on_behalf, Document, TokKind,
};
use crate::quotes::cues::cue_word;
use crate::quotes::doc::{is_possessive, is_word};
use crate::quotes::tagger::tag;

/// Whether token `k` is `for` between two capitalised words of a name: `the Center for
/// Nonproliferation Studies`, `Americans for Prosperity`.
fn for_inside_name(doc: &Document, k: usize) -> bool {
    let capital = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| is_word(t) && is_capitalised(doc, t))
    };
    k > 0
        && doc.tokens[k].kind == TokKind::Word
        && doc.word(&doc.tokens[k]) == "for"
        && name_part(doc, k - 1)
        && capital(k - 1)
        && capital(k + 1)
}

/// The noun phrase that ends just before token `end` (exclusive), not reaching before `floor`.
/// Returns the token range `[start, end)`.
pub(crate) fn np_ending_at(doc: &Document, end: usize, floor: usize) -> Option<(usize, usize)> {
    let (start, end) = phrase_ending_at(doc, end, floor)?;
    Some((share_of_group(doc, start, floor).unwrap_or(start), end))
}

/// The most words of the phrase naming a share (`about 72`, `a slim`, `nearly two`) before
/// its noun.
const MAX_SHARE_WORDS: usize = 3;

/// Where the share of a group opening the phrase that starts at `start` starts: `72 percent
/// of [Democrats]`, `A majority of [Republicans]`, `About two-thirds of [voters]`. A user
/// counting what Democrats said must not be given what 72 percent of them said.
pub(crate) fn share_of_group(doc: &Document, start: usize, floor: usize) -> Option<usize> {
    if start < floor + 2 || lower(doc, &doc.tokens[start - 1]) != "of" {
        return None;
    }
    let share = start - 2;
    let t = &doc.tokens[share];
    if !is_word(t) || t.quote.is_some() || !lexicon::GROUP_SHARES.contains(&lower(doc, t)) {
        return None;
    }
    let mut from = share;
    while from > floor && share - from < MAX_SHARE_WORDS {
        let p = &doc.tokens[from - 1];
        if !is_word(p) || p.quote.is_some() {
            break;
        }
        let l = lower(doc, p);
        // `only 32 percent of voters`: `only` focuses the share, and is no part of it.
        if lexicon::FOCUS_ADVERBS.contains(&l) {
            break;
        }
        let part_of_share = is_number(&l)
            || lexicon::BEFORE_A_PROPORTION.contains(&l)
            || lexicon::INDEFINITE_ARTICLES.contains(&l)
            || l == "the"
            || tag(doc, from - 1) == "ADJ";
        if !part_of_share {
            break;
        }
        from -= 1;
    }
    Some(from)
}

/// [`np_ending_at`] without a share of the group it names.
fn phrase_ending_at(doc: &Document, end: usize, floor: usize) -> Option<(usize, usize)> {
    if end <= floor || end > doc.tokens.len() {
        return None;
    }
    let head = &doc.tokens[end - 1];
    if head.quote.is_some() || !matches!(head.kind, TokKind::Word | TokKind::Punct('.')) {
        return None;
    }
    let head_lower = lower(doc, head);
    if is_subject_pronoun(&head_lower) {
        return Some((end - 1, end));
    }
    let mut start = end;
    let capital_head = name_part(doc, end - 1) && head.kind == TokKind::Word;
    if capital_head {
        loop {
            while start > floor
                && name_part(doc, start - 1)
                && doc.tokens[start - 1].quote.is_none()
            {
                start -= 1;
            }
            if !(start >= floor + 2
                && for_inside_name(doc, start - 1)
                && doc.tokens[start - 2].quote.is_none())
            {
                break;
            }
            start -= 2;
        }
        // Keep a leading role phrase glued to the name: `Trump campaign manager Corey Lewandowski`
        // is read from the name; `the` before a capitalised phrase (`The Post`) belongs to it.
        if start > floor {
            let prev = lower(doc, &doc.tokens[start - 1]);
            if prev == "the" {
                start -= 1;
            } else if is_possessive(doc.word(&doc.tokens[start - 1]))
                || (is_word(&doc.tokens[start - 1])
                    && !is_function_word(prev.as_str())
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
        // `Advocates in Flint cheered`, `officials from Ohio said`: people of a place, named by
        // a plural noun before a preposition of place.
        if start >= floor + 2
            && lexicon::PLACE_PREPOSITIONS.contains(lower(doc, &doc.tokens[start - 1]).as_str())
        {
            if let Some((people_start, people_end)) = np_ending_at(doc, start - 1, floor) {
                let people = lower(doc, &doc.tokens[people_end - 1]);
                // A capitalised plural counts too (`Democrats in Congress said`), and a surname
                // ending in -s (`Sanders in Iowa said`) is still better read whole than as the
                // place.
                if people.len() > 3 && people.ends_with('s') && !is_function_word(&people) {
                    return Some((people_start, end));
                }
            }
        }
        // `A spokesman for the Prime Minister said`: the speaker is the spokesman.
        if start >= floor + 2 && role_on_behalf(doc, start - 2) {
            if let Some((role_start, _)) = np_ending_at(doc, start - 1, floor) {
                return Some((role_start, end));
            }
        }
        return (start < end).then_some((start, end));
    }
    // `no one knows`: the pronoun of two words.
    if head_lower == "one" && end >= floor + 2 && lower(doc, &doc.tokens[end - 2]) == "no" {
        return Some((end - 2, end));
    }
    // `Yet another said`, `most said`, `even though several oppose`: a determiner standing
    // alone names some people.
    if lexicon::LONE_QUANTIFIERS.contains(&head_lower)
        && (end - 1 == floor || !is_word(&doc.tokens[end - 2]) || {
            let p = lower(doc, &doc.tokens[end - 2]);
            lexicon::BEFORE_A_LONE_QUANTIFIER.contains(&p)
        })
    {
        return Some((end - 1, end));
    }
    // A lowercase head: a role phrase (`a campaign aide`, `sources`, `the group’s president`).
    // Not a participle or an adverb (`the fundraising email`, `almost suggested`).
    if (head_lower.ends_with("ing") && !lexicon::NOT_PARTICIPLES.contains(&head_lower))
        || lexicon::NOT_PHRASE_HEADS.contains(&head_lower)
    {
        return None;
    }
    // `the mother of three`: a number after `of` completes a role.
    if end >= floor + 3
        && is_determiner(head_lower.as_str())
        && lower(doc, &doc.tokens[end - 2]) == "of"
    {
        let role = lower(doc, &doc.tokens[end - 3]);
        if is_role_noun(&role) || is_kin_or_member(&role) {
            return np_ending_at(doc, end - 2, floor).map(|(outer, _)| (outer, end));
        }
    }
    if is_function_word(head_lower.as_str())
        || is_determiner(head_lower.as_str())
        || head_lower.ends_with("ly")
        || !is_word_head(head_lower.as_str())
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
        if is_determiner(l.as_str()) {
            start -= 1;
            break;
        }
        if is_function_word(l.as_str()) || is_subject_pronoun(&l) {
            break;
        }
        if is_capitalised(doc, t) && is_not_name(&l) {
            break;
        }
        // `In 2010 voters said`: a year after its preposition dates the sentence.
        if is_year(&l)
            && start >= floor + 2
            && lexicon::BEFORE_A_YEAR.contains(&lower(doc, &doc.tokens[start - 2]))
        {
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

/// Whether a lower-cased word can head a noun phrase by its letters: letters and hyphens
/// (`co-founder`), or an age that names a person (`the 43-year-old`), not a number or a date.
fn is_word_head(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '-')
        || (w.ends_with("-year-old") && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// The noun phrase starting at token `start` (`said Mr X, a doctor`, `said the source`).
pub(crate) fn np_starting_at(doc: &Document, start: usize, limit: usize) -> Option<(usize, usize)> {
    let limit = limit.min(doc.tokens.len());
    let mut i = start;
    // Skip a day or time word: `said Sunday`, `said on Sunday` is handled by the stop list.
    while i < limit && is_word(&doc.tokens[i]) && {
        let l = lower(doc, &doc.tokens[i]);
        is_day_name(&l) || lexicon::BETWEEN_CUE_AND_SPEAKER.contains(&l)
    } {
        i += 1;
    }
    let first = doc.tokens.get(i)?;
    if first.quote.is_some() || !is_word(first) || i >= limit {
        return None;
    }
    let l = lower(doc, first);
    if is_subject_pronoun(&l) {
        return Some((i, i + 1));
    }
    let begin = i;
    let name_first = is_capitalised(doc, first) && !is_determiner(l.as_str());
    // `tweeted another.`, `said one.`: a determiner standing alone.
    if lexicon::LONE_QUANTIFIERS.contains(&l)
        && doc
            .tokens
            .get(i + 1)
            .is_none_or(|n| n.kind != TokKind::Word)
    {
        return Some((i, i + 1));
    }
    // `said one of two witnesses`, `said some of the protesters`: the group after `of` is
    // part of the phrase.
    let partitive = lexicon::PARTITIVE_QUANTIFIERS.contains(&l)
        && doc.tokens.get(i + 1).is_some_and(|n| lower(doc, n) == "of");
    if partitive {
        let rest = np_starting_at(doc, i + 2, limit)?;
        return Some((begin, rest.1));
    }
    if is_determiner(l.as_str()) {
        i += 1;
    } else if is_capitalised(doc, first) {
        // `Will Doyle`, `May Chen`: capitalised, these are names, not auxiliaries.
        if is_not_name(&l) {
            return None;
        }
    } else if is_function_word(l.as_str()) {
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
                // `Secretary of State`, `Ruth Amari of the Council for Rural Transport`.
                let inside_name = end > i
                    && ((w == "of" && name_part(doc, end - 1)) || for_inside_name(doc, end));
                if is_function_word(w.as_str()) && !inside_name && !first_name {
                    break;
                }
                // `said the aide, stating …` ends the phrase; `Minnesota state delegate Mary
                // Susan` does not: a cue that is mostly a noun, before a role noun, is part of
                // the role; so is one right after a determiner (`The email went on to say`).
                // Any cue right after an article is a noun (`according to the report`).
                // So is one right after a quantifier opening the phrase (`reads one sign`).
                let after_article =
                    (end == i && begin < i && lexicon::ARTICLES.contains(&lower(doc, first)))
                        || (end == begin + 1 && lexicon::LONE_QUANTIFIERS.contains(&l));
                let noun_here = after_article
                    || lexicon::NOUN_LIKE_CUES.contains(&w)
                        && ((end == i && begin < i)
                            || doc
                                .tokens
                                .get(end + 1)
                                .is_some_and(|n| is_word(n) && is_role_noun(&lower(doc, n))));
                if cue_word(doc.word(t)).is_some() && !is_capitalised(doc, t) && !noun_here {
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
                            is_determiner(l.as_str())
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
                    // `GOP strategist Keith Nahigian`, `Hale’s top policy aide Jo Bell`: up to
                    // three role words between a name and a name.
                    let resumes = (end + 1..(end + 4).min(stop)).find(|&k| {
                        let x = &doc.tokens[k];
                        x.kind != TokKind::Word
                            || is_capitalised(doc, x)
                            || is_function_word(lower(doc, x).as_str())
                    });
                    let name_follows = resumes.is_some_and(|k| {
                        is_capitalised(doc, &doc.tokens[k])
                            && (end..k).all(|m| {
                                let l = lower(doc, &doc.tokens[m]);
                                !is_function_word(l.as_str())
                                    && !is_determiner(l.as_str())
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
