//! The mention finders on sentences of the kinds news writes.

use super::subject::region_after_town;
use super::*;
use crate::quotes::marks::{quoted_spans, MarkSet};

fn doc(t: &str) -> Document<'_> {
    let spans = quoted_spans(t, MarkSet::EVERY);
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

/// Asserts the subject `subject_before` reads for the cue `said` of each sentence.
fn assert_subjects_of_said(cases: &[(&str, &str)]) {
    for &(t, want) in cases {
        let d = doc(t);
        let cue = cue_index(&d, "said");
        assert_eq!(text_of(&d, subject_before(&d, cue, 0)), want, "{t}");
    }
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
    assert_subjects_of_said(&[
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
        (
            "The county board had last month said it.",
            "The county board",
        ),
        ("A judge this week said it.", "A judge"),
        (
            "A witness interviewed by county staff said it.",
            "A witness",
        ),
    ]);
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

#[test]
fn sentence_openers_before_the_subject() {
    for (t, want) in [
        // Linkers in a row before the subject.
        (
            "And then Mayor Ruiz went on the attack, saying it failed.",
            "Mayor Ruiz",
        ),
        // A town's state set off by commas belongs to the introductory phrase.
        (
            "Speaking at a diner in Nashua, New Hampshire, Ms Okafor went after Hale, calling him weak.",
            "Ms Okafor",
        ),
        (
            "At a forum in Aspen, Colo., the retired judge ended her talk by quoting Dante.",
            "the retired judge",
        ),
        // A name after the town is the subject, not a state.
        ("In Dayton, Ms Okafor went after Hale, calling him weak.", "Ms Okafor"),
    ] {
        let d = doc(t);
        let cue = d.tokens.len() - 3;
        assert_eq!(text_of(&d, opening_np(&d, 0, cue)), want, "{t}");
    }
}

#[test]
fn regions_after_a_town() {
    let d =
        doc("Advocates in Flint, Mich., cheered the vote in Salem, Ore. and in Reno, Dana, too.");
    let comma_after = |w: &str| cue_index(&d, w) + 1;
    let close = region_after_town(&d, comma_after("Flint"), d.tokens.len());
    assert_eq!(close.map(|c| d.word(&d.tokens[c - 2])), Some("Mich"));
    // No closing comma, or not a region between the commas.
    assert_eq!(
        region_after_town(&d, comma_after("Salem"), d.tokens.len()),
        None
    );
    assert_eq!(
        region_after_town(&d, comma_after("Reno"), d.tokens.len()),
        None
    );
}

#[test]
fn people_of_a_place() {
    for (t, want) in [
        (
            "Local officials in Austin said it.",
            "Local officials in Austin",
        ),
        ("Advocates in Flint cheered it.", "Advocates in Flint"),
        (
            "Advocates in Flint, Mich., cheered it.",
            "Advocates in Flint",
        ),
        // The apposition opening the sentence still wins.
        (
            "Clinton, at a town hall in Columbus, Ohio, said it.",
            "Clinton",
        ),
    ] {
        let d = doc(t);
        let cue = d.tokens.len() - 3;
        assert_eq!(text_of(&d, subject_before(&d, cue, 0)), want, "{t}");
    }
}

#[test]
fn a_noun_before_a_noun_is_no_adverb() {
    // The tagger reads `protest` as an adverb after `But`; before `organizers` it is a noun.
    let d = doc("But protest organizers say the rules are too strict.");
    assert_eq!(text_of(&d, speaker_part(&d, (1, 3))), "protest organizers");
    // An adverb that is no noun still makes a fragment.
    let d = doc("But soon organizers say the rules are too strict.");
    assert_eq!(speaker_part(&d, (1, 3)), None);
}

#[test]
fn a_capitalised_time_noun_inside_a_sentence_is_a_name() {
    let d = doc("“The race is over,” wrote Time on Friday, a week later.");
    let time = cue_index(&d, "Time");
    assert_eq!(speaker_part(&d, (time, time + 1)), Some((time, time + 1)));
    // The heads of time phrases too (`the future`): `Future` inside a sentence is a name's.
    let d2 = doc("“No,” said the group American Renewable Future.");
    let future = cue_index(&d2, "Future");
    assert_eq!(
        speaker_part(&d2, (future - 2, future + 1)),
        Some((future - 2, future + 1))
    );
    let week = cue_index(&d, "week");
    assert_eq!(
        super::fragment::not_a_speaker(&d, (week - 1, week + 1)),
        Some(super::fragment::NotASpeaker::TimePhrase)
    );
}

#[test]
fn subjects_with_a_relative_clause_or_a_postmodifier() {
    assert_subjects_of_said(&[
        (
            "Teachers who have worked at the school for years said it.",
            "Teachers",
        ),
        (
            "Relatives of Ms. Okafor who visited the prison said it.",
            "Relatives of Ms. Okafor",
        ),
        (
            "A source close to the mayor said it.",
            "A source close to the mayor",
        ),
        (
            "Two officials familiar with the council’s thinking said it.",
            "Two officials familiar with the council’s thinking",
        ),
        (
            "An aide with knowledge of the talks said it.",
            "An aide with knowledge of the talks",
        ),
        (
            "Residents involved in the cleanup said it.",
            "Residents involved in the cleanup",
        ),
        (
            "Lena Fox, the pollster who founded the site said it.",
            "Lena Fox",
        ),
    ]);
    // The verb has a subject of its own inside the clause: not the phrase before `who`.
    let t = "The judge who ruled last year when she said it.";
    let d = doc(t);
    let cue = cue_index(&d, "said");
    assert_eq!(text_of(&d, subject_before(&d, cue, 0)), "she", "{t}");
}

#[test]
fn subjects_before_examples_and_of_a_participle() {
    assert_subjects_of_said(&[
        (
            "Several parents, including Ms. Ortiz, said it.",
            "Several parents",
        ),
        ("Most nurses, like Mr. Dube, said it.", "Most nurses"),
        ("Again, those surveyed said it.", "those surveyed"),
        (
            "A neighbour who knew the family and who asked not to be named said it.",
            "A neighbour",
        ),
    ]);
}

#[test]
fn a_proportion_is_a_subject() {
    assert_subjects_of_said(&[
        ("About 4 in 10 said it.", "About 4 in 10"),
        ("Nearly one in five said it.", "Nearly one in five"),
        ("And more than 6 in 10 said it.", "more than 6 in 10"),
    ]);
}

#[test]
fn a_share_of_a_group_is_the_subject_not_the_group() {
    assert_subjects_of_said(&[
        (
            "A majority of Republicans said it.",
            "A majority of Republicans",
        ),
        (
            "Then 72 percent of Democrats said it.",
            "72 percent of Democrats",
        ),
        (
            "About half of the nurses said it.",
            "About half of the nurses",
        ),
        (
            "A slim majority of the council said it.",
            "A slim majority of the council",
        ),
        (
            "Two-thirds of those surveyed said it.",
            "Two-thirds of those surveyed",
        ),
        // `only` focuses the share and is no part of it.
        (
            "But only 32 percent of voters said it.",
            "32 percent of voters",
        ),
        (
            "The rest of the council said it.",
            "The rest of the council",
        ),
    ]);
}

#[test]
fn a_cue_that_is_mostly_a_noun_heads_a_phrase_after_a_determiner() {
    for t in [
        "The email went on to say it.",
        "The statement went on to say it.",
    ] {
        let d = doc(t);
        let cue = cue_index(&d, "say");
        assert_eq!(
            text_of(&d, opening_np(&d, 0, cue)),
            t.split(" went").next().unwrap_or_default(),
            "{t}"
        );
    }
}
