//! Where a reported clause starts and ends, and the small tests on tokens the patterns share.

use super::cue::{class_of, cue_share, Class, MIN_CUE_SHARE};
use crate::quotes::cues::{is_verb_of_saying_proper, takes_a_hearer};
use crate::quotes::doc::{is_possessive, is_word, lower, Document, Lower, TokKind};
use crate::quotes::lexicon::{
    ADJUNCT_OPENERS, ASIDE_OPENERS, AUXILIARIES, CLAUSE_BREAKERS, CLAUSE_OPENERS, CUE_PARTICLES,
    GERUND_OPENERS, HEARER_NOUNS, NOT_CONTENT_OPENERS, ONE_WORD_ANSWERS, PARENTHETICAL_ADVERBS,
    QUANTITY_OPENERS, RELATIVE_DAYS, RELATIVE_OPENERS, SCENE_OPENERS, SUBORDINATORS, TIME_NOUNS,
    TIME_PHRASE_OPENERS, TIME_PHRASE_WORDS,
};
use crate::quotes::mentions::{is_day_name, is_subject_pronoun, np_starting_at};
use crate::quotes::tagger::tag;

/// The most tokens a reported clause runs over (the longest annotated content in PolNeAR train
/// has 355).
pub(super) const MAX_CLAUSE_TOKENS: usize = 400;

/// The fewest words a reported clause has: `he said so` reports nothing.
pub(super) const MIN_CONTENT_WORDS: usize = 2;

/// The fewest words of a clause read forwards from its cue: one for verbs whose object is what
/// was said or meant (`endorsed her`, `attacked Khan`), two for verbs of saying proper.
pub(super) fn min_forward_words(cue: &str) -> usize {
    if is_verb_of_saying_proper(cue) {
        MIN_CONTENT_WORDS
    } else {
        1
    }
}

/// `According` at `k`. Asked of every word of every sentence: the length first.
pub(super) fn is_according(doc: &Document, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        t.end - t.start == "according".len()
            && t.kind == TokKind::Word
            && doc.word(t).eq_ignore_ascii_case("according")
    })
}

pub(super) fn prob(probs: &[f32], k: usize) -> f32 {
    probs.get(k).copied().unwrap_or(0.0)
}

/// Words that open a time or place phrase standing between a cue and its clause: `said on
/// Tuesday that`, `said in a statement that`, `wrote last week that`.
pub(super) fn opens_adjunct(w: &str) -> bool {
    ADJUNCT_OPENERS.contains(w) || is_day_name(w)
}

/// A preposition or conjunction before a gerund cue that shares the clause's subject: `by
/// promising`, `and calling`.
pub(super) fn takes_a_gerund(doc: &Document, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        is_word(t) && t.quote.is_none() && GERUND_OPENERS.contains(lower(doc, t).as_str())
    })
}

/// `In July,`, `In Honolulu last week,`, `Like the president,`: a phrase opening a sentence
/// with a preposition and holding no verb of its own sets the scene; nothing was said in it.
pub(super) fn is_introductory(doc: &Document, (a, b): (usize, usize)) -> bool {
    let Some(first) = doc.tokens.get(a).filter(|t| is_word(t)) else {
        return false;
    };
    let opens = SCENE_OPENERS.contains(lower(doc, first).as_str());
    opens
        && b - a <= 12
        && !doc.tokens[a..b]
            .iter()
            .any(|t| is_word(t) && (t.quote.is_some() || AUXILIARIES.contains(&lower(doc, t))))
}

/// The end of a time phrase starting at `k` (`for weeks`, `last month`, `in recent days`,
/// `earlier this year`), if one does.
pub(super) fn time_phrase_end(doc: &Document, k: usize, e: usize) -> Option<usize> {
    let first = lower(doc, doc.tokens.get(k).filter(|t| is_word(t))?);
    if !TIME_PHRASE_OPENERS.contains(first.as_str()) {
        return None;
    }
    // Only words that can stand inside a time phrase come between (`in recent days`, `over
    // the past two weeks`), so that `for a ban on night shifts` is no time phrase.
    let mut within = true;
    (k + 1..e.min(k + 5)).find_map(|j| {
        let t = &doc.tokens[j];
        if !within || !is_word(t) {
            return None;
        }
        let l = lower(doc, t);
        within = TIME_PHRASE_WORDS.contains(l.as_str()) || l.chars().all(|c| c.is_ascii_digit());
        let time = TIME_NOUNS.contains(l.as_str()) || is_day_name(&l);
        (time && doc.tokens.get(j + 1).is_some_and(is_word)).then_some(j + 1)
    })
}

/// Where the reported clause after the cue at `from - 1` starts: over a hearer (`told
/// reporters`), a time or place phrase before `that` (`said on Tuesday that`) and a comma.
pub(super) fn content_start(doc: &Document, cue: &str, from: usize, e: usize) -> usize {
    let mut k = past_parenthetical(doc, from).unwrap_or(from);
    if takes_a_hearer(cue) {
        if let Some(mut hearer) = np_starting_at(doc, k, e) {
            // `told reporters the vote …`: a determiner or pronoun after the hearer opens the
            // clause.
            if let Some(j) = (hearer.0 + 1..hearer.1).find(|&j| {
                matches!(
                    class_of(doc, Some(j)),
                    Class::Det | Class::Pron | Class::That
                )
            }) {
                hearer.1 = j;
            }
            // `told MPs Britain needs …`, `told reporters Washington would …`: a hearer named
            // by a plural noun ends there.
            if hearer.1 > hearer.0 + 1 && is_plural_hearer(doc, hearer.0) {
                hearer.1 = hearer.0 + 1;
            }
            if doc.tokens.get(hearer.1).is_some_and(|t| {
                lower(doc, t) == "that" || (t.kind == TokKind::Word && !is_possessive(doc.word(t)))
            }) {
                k = hearer.1;
            }
        }
    }
    // `said on Tuesday that …`, `wrote in a letter to members that …`; after a hearer, its
    // complement too (`told members of the executive council that …`); and the hearer of a
    // verb of saying (`said to reporters that …`, not `vowed to ensure that …`).
    let after_hearer = k > from;
    if doc.tokens.get(k).is_some_and(|t| {
        is_word(t) && {
            let l = lower(doc, t);
            opens_adjunct(&l)
                || (after_hearer && l == "of")
                || (l == "to"
                    && is_verb_of_saying_proper(cue)
                    && k + 1 < doc.tokens.len()
                    && (tag(doc, k + 1) != "VERB" || is_plural_hearer(doc, k + 1)))
        }
    }) {
        // The clause opens with `that`, or else with a subject pronoun (`said in a statement
        // Thursday night they pulled …`), past words, commas and the marks inside words
        // (`said in ‘08 that`).
        let inside_adjunct = |t: &crate::quotes::doc::Token| {
            t.quote.is_none()
                && !t.ends_sentence
                && match t.kind {
                    TokKind::Word => true,
                    TokKind::Punct(c) => matches!(c, ',' | '\'' | '\u{2018}' | '\u{2019}' | '.'),
                    TokKind::Mark => false,
                }
        };
        let opener = (k + 1..e.min(k + 10))
            .take_while(|&j| inside_adjunct(&doc.tokens[j]))
            .find(|&j| {
                let l = lower(doc, &doc.tokens[j]);
                l == "that" || is_subject_pronoun(&l)
            });
        if let Some(j) = opener {
            k = j;
        }
    }
    // `has said for weeks he is …`, `said last month the plan …`: a time phrase.
    if let Some(after) = time_phrase_end(doc, k, e) {
        k = after;
    }
    // `said Thursday his worry was …`: a bare day before the clause.
    if doc.tokens.get(k).is_some_and(|t| {
        is_word(t) && {
            let l = lower(doc, t);
            is_day_name(&l) || RELATIVE_DAYS.contains(l.as_str())
        }
    }) && doc.tokens.get(k + 1).is_some_and(is_word)
    {
        k += 1;
    }
    while k < e && matches!(doc.tokens[k].kind, TokKind::Punct(',' | ':')) {
        k += 1;
    }
    k
}

/// A lowercased word that is a gerund cue (`adding`, `urging`, `saying`): such a word opens a
/// report of its own, so the clause before it ends there.
pub(super) fn is_gerund_cue(lowered: &str) -> bool {
    lowered.ends_with("ing") && cue_share(lowered) >= MIN_CUE_SHARE
}

/// Where a reported clause starting at `from` ends: the sentence's end, or a comma before
/// another attribution (`…, adding that …`, `…, according to …`, `…, he said`).
pub(super) fn clause_end(doc: &Document, from: usize, e: usize) -> usize {
    // No clause runs on for ever: a bound keeps a sentence with no end (scraped boilerplate,
    // hostile input) from costing each of its cues the rest of it.
    let e = e.min(from + MAX_CLAUSE_TOKENS);
    for k in from..e {
        if is_punct(doc, k, ';') {
            return k;
        }
        // `urging voters to …, and promising to …`: a second gerund cue is a second report.
        if k > from && is_word(&doc.tokens[k]) && lower(doc, &doc.tokens[k]) == "and" {
            if let Some(next) = doc.tokens.get(k + 1).filter(|n| is_word(n)) {
                if is_gerund_cue(&lower(doc, next)) {
                    return k;
                }
            }
        }
        if !is_punct(doc, k, ',') {
            continue;
        }
        let Some(next) = doc
            .tokens
            .get(k + 1)
            .filter(|n| is_word(n) && n.quote.is_none())
        else {
            continue;
        };
        let l = lower(doc, next);
        // Words that after a comma open another clause more often than they carry the
        // reported one on (counted on PolNeAR train: `which`, `while`, `but` end it about as
        // often as not, `according` and the gerund cues nearly always).
        let new_clause = CLAUSE_BREAKERS.contains(l.as_str());
        if (new_clause || is_gerund_cue(&l)) && aside_closing(doc, from, k, e).is_none() {
            return k;
        }
    }
    // Trailing punctuation is not content.
    let mut end = e;
    while end > from && matches!(doc.tokens[end - 1].kind, TokKind::Punct(_)) {
        end -= 1;
    }
    end
}

/// The comma closing an aside that the comma at `k` opens inside the clause `[from, e)`, when
/// the clause cannot end at `k` because it has said nothing yet: `said that, while the tax may
/// help, workers will not see the savings` (only `that` before the comma), `said that the
/// pier, which opened in 1902, was unsafe` (a subject without its verb, which follows the
/// aside). An aside is at most [`MAX_ASIDE_TOKENS`] long and holds no quotation mark.
pub(super) fn aside_closing(doc: &Document, from: usize, k: usize, e: usize) -> Option<usize> {
    // An aside opens with a relative, a subordinator or `according`: `, and …` or `, putting
    // …` continue or leave the clause instead.
    let opener = doc.tokens.get(k + 1).filter(|t| is_word(t))?;
    let o = lower(doc, opener);
    let opens_aside = ASIDE_OPENERS.contains(o.as_str()) || SUBORDINATORS.contains(o.as_str());
    if !is_punct(doc, k, ',') || !opens_aside {
        return None;
    }
    let close = (k + 2..e.min(k + MAX_ASIDE_TOKENS))
        .take_while(|&j| doc.tokens[j].kind != TokKind::Mark && !is_punct(doc, j, ';'))
        .find(|&j| is_punct(doc, j, ','))?;
    let mut words = (from..k).filter(|&j| is_word(&doc.tokens[j]));
    let said_nothing = words.clone().all(|j| {
        let w = lower(doc, &doc.tokens[j]);
        SUBORDINATORS.contains(w.as_str()) || w == "that"
    });
    if said_nothing {
        return Some(close);
    }
    // A noun phrase before the aside is the clause's subject only where a clause is reported
    // (`said the pier, …`, `warned that the pier, …`), not a cue's object (`ordered a review
    // of the program, which …, and …`). (Read cheapest first: the tagger last.)
    let reports_clause = words.clone().next().is_some_and(|j| {
        let w = lower(doc, &doc.tokens[j]);
        w == "that" || w == "whether"
    }) || (from > 0
        && is_word(&doc.tokens[from - 1])
        && is_verb_of_saying_proper(&lower(doc, &doc.tokens[from - 1])));
    let verb_follows = || {
        doc.tokens
            .get(close + 1)
            .is_some_and(|t| is_word(t) && VERB_TAGS.contains(&tag(doc, close + 1)))
    };
    (reports_clause && verb_follows() && words.all(|j| !VERB_TAGS.contains(&tag(doc, j))))
        .then_some(close)
}

/// Whether the comma at `comma` follows `that`: `reported that, according to X, …`, where the
/// `according to` phrase is an aside opening the reported clause, not a source closing one.
pub(super) fn comma_after_that(doc: &Document, comma: usize) -> bool {
    comma
        .checked_sub(1)
        .is_some_and(|k| is_word(&doc.tokens[k]) && lower(doc, &doc.tokens[k]) == "that")
}

/// The longest aside [`aside_closing`] reads over, in tokens.
const MAX_ASIDE_TOKENS: usize = 30;

/// `Sir Keir said no.`: a one-word answer is what was said.
pub(super) fn is_yes_or_no(doc: &Document, (a, b): (usize, usize)) -> bool {
    b == a + 1 && ONE_WORD_ANSWERS.contains(lower(doc, &doc.tokens[a]).as_str())
}

/// The people a report is told to, named by a plural noun: `told reporters`, `told MPs`.
pub(super) fn is_plural_hearer(doc: &Document, k: usize) -> bool {
    HEARER_NOUNS.contains(lower(doc, &doc.tokens[k]).as_str())
}

/// A particle that joins the cue before a noun phrase: `talked of`, `called for`.
pub(super) fn takes_particle(doc: &Document, k: usize) -> bool {
    let is_particle = doc.tokens.get(k).is_some_and(|t| {
        is_word(t) && t.quote.is_none() && CUE_PARTICLES.contains(lower(doc, t).as_str())
    });
    // `declined to comment`, `vowed to fight`: `to` before a verb opens the reported
    // infinitive (PolNeAR's content is `to comment`), it is no particle.
    let infinitive = || {
        lower(doc, &doc.tokens[k]) == "to" && k + 1 < doc.tokens.len() && tag(doc, k + 1) == "VERB"
    };
    is_particle
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokKind::Word || t.kind == TokKind::Mark)
        && !infinitive()
}

/// `said in a statement.`, `spoke to the network`, `said of the field`, `said when asked`: a
/// phrase after the cue that tells where, when or to whom, not what; `said nothing`, `said
/// little about it`: no clause reported at all.
pub(super) fn starts_with_preposition(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| is_word(t) && NOT_CONTENT_OPENERS.contains(lower(doc, t).as_str()))
        && !opens_a_subject(doc, k)
        && !opens_a_quantity(doc, k)
}

/// `said at least six planes …`, `said much of the talk was …`: a quantity phrase opens the
/// clause's subject.
fn opens_a_quantity(doc: &Document, k: usize) -> bool {
    match (doc.tokens.get(k), doc.tokens.get(k + 1)) {
        (Some(a), Some(b)) if is_word(a) && is_word(b) => {
            QUANTITY_OPENERS.contains_pair(lower(doc, a).as_str(), lower(doc, b).as_str())
        }
        _ => false,
    }
}

/// The token after an adverb set off by commas at token `k` (`, however,`, `, twice,`), if
/// one stands there: a cue's clause follows it (`He said, however, that …`).
pub(super) fn past_parenthetical(doc: &Document, k: usize) -> Option<usize> {
    let adverb = doc.tokens.get(k + 1).filter(|t| is_word(t))?;
    let l = lower(doc, adverb);
    // Not before a gerund, which opens a report of its own (`she said, however, adding …`).
    let clause_follows = doc
        .tokens
        .get(k + 3)
        .is_some_and(|t| is_word(t) && !lower(doc, t).ends_with("ing"));
    (is_punct(doc, k, ',')
        && is_punct(doc, k + 2, ',')
        && clause_follows
        && (PARENTHETICAL_ADVERBS.contains(l.as_str()) || (l.ends_with("ly") && l.len() > 4)))
        .then_some(k + 3)
}

/// The tagger's classes of a verb (finite or not).
const VERB_TAGS: [&str; 2] = ["VERB", "AUX"];

/// The tagger's classes of a word that may open a subject or an object: a pronoun, a
/// determiner, an adjective (`this`, `little`).
const SUBJECT_OPENER_TAGS: [&str; 3] = ["PRON", "DET", "ADJ"];

/// `say this is a rough patch`, `said nothing has changed`, `think this meeting came too
/// late`: a pronoun or determiner among the words of [`starts_with_preposition`] (never a
/// preposition or a subordinator), followed by a verb, or by a noun naming no stretch of time,
/// opens the reported clause or object (`said this week` opens none).
fn opens_a_subject(doc: &Document, k: usize) -> bool {
    let n = doc.tokens.len();
    let verb = |j: usize| j < n && VERB_TAGS.contains(&tag(doc, j));
    let time_noun = |j: usize| {
        let t = &doc.tokens[j];
        let l = lower(doc, t);
        TIME_NOUNS.contains(l.as_str()) || is_day_name(&l)
    };
    // `show little evidence that …`: a determiner or adjective before a noun naming no stretch
    // of time opens the object that was reported.
    SUBJECT_OPENER_TAGS.contains(&tag(doc, k))
        && (verb(k + 1) || (k + 1 < n && tag(doc, k + 1) == "NOUN" && !time_noun(k + 1)))
}

/// `when the library would reopen`, `if the deal stands`: a clause, not an adjunct like `when
/// asked`, opens with the subordinator at `k` (its subject follows it).
pub(super) fn opens_a_clause(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| is_word(t) && CLAUSE_OPENERS.contains(lower(doc, t).as_str()))
        && matches!(
            class_of(doc, Some(k + 1)),
            Class::Det | Class::Pron | Class::Cap
        )
}

/// The subordinating word that opens the cue's clause (`While X said …, Y …`), if one stands
/// right before its subject: that clause is subordinate to the main one after its comma.
pub(super) fn subordinator<'d>(doc: &'d Document, s: usize, subject: usize) -> Option<Lower<'d>> {
    let k = subject.checked_sub(1).filter(|&k| k >= s)?;
    let l = lower(doc, doc.tokens.get(k)?);
    (SUBORDINATORS.contains(l.as_str()) || RELATIVE_OPENERS.contains(l.as_str())).then_some(l)
}

/// Whether token `k` is the closing mark of a quotation that ends with a comma inside its marks
/// (`“… by Cleveland,”`): that comma closes the clause the quotation is part of, as one outside
/// the marks would.
pub(super) fn closes_with_comma(doc: &Document, k: usize) -> bool {
    k >= 1
        && doc.tokens.get(k).is_some_and(|t| t.kind == TokKind::Mark)
        && doc.tokens[k - 1].quote.is_some()
        && doc.tokens[k - 1].kind == TokKind::Punct(',')
}

pub(super) fn is_punct(doc: &Document, k: usize, c: char) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Punct(c) && t.quote.is_none())
}

/// Words of `[a, b)`, quoted or not.
pub(super) fn content_words(doc: &Document, (a, b): (usize, usize)) -> usize {
    doc.tokens.get(a..b).map_or(0, |ts| {
        ts.iter().filter(|t| t.kind == TokKind::Word).count()
    })
}

/// `his claims`, `the report`, `a warning`: a cue word right after a determiner (the cue
/// model's class of them, `lexicon/cue_classes.tsv`) or a possessive is a noun.
pub(super) fn noun_after_determiner(doc: &Document, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| doc.tokens.get(p)) else {
        return false;
    };
    is_word(prev) && {
        let p = lower(doc, prev);
        is_possessive(&p) || class_of(doc, Some(i - 1)) == Class::Det
    }
}

/// Where what was said starts in the words `[s, e)` before an attribution closing them: after
/// the last colon or semicolon outside quotation marks (`The port had one good year: cargo rose
/// by a third, the board said.`), unless too little follows it (`Her answer: no, she said.`).
pub(super) fn after_last_colon(doc: &Document, (s, e): (usize, usize)) -> usize {
    let from = (s..e)
        .rev()
        .find(|&k| {
            doc.tokens[k].quote.is_none() && (is_punct(doc, k, ':') || is_punct(doc, k, ';'))
        })
        .map_or(s, |k| k + 1);
    if content_words(doc, (from, e)) < MIN_CONTENT_WORDS {
        s
    } else {
        from
    }
}

/// Whether the tokens `[s, e)` hold a verb (by the tagger): a clause, not a bare noun phrase.
/// A capitalised first word does not count: opening a sentence, a plural noun reads as a verb
/// (`Advocates in Flint, Mich.`).
pub(crate) fn has_verb(doc: &Document, (s, e): (usize, usize)) -> bool {
    (s..e.min(doc.tokens.len())).any(|k| {
        let t = &doc.tokens[k];
        t.kind == TokKind::Word
            && !(k == s && t.capitalised)
            && ["VERB", "AUX"].contains(&tag(doc, k))
    })
}
