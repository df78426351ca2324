//! Tests of reported speech: the patterns and the rule each names.

use super::*;
use crate::quotes::marks::{quoted_spans, MarkSet};

/// The reports of `text` (every mark convention on), with a function giving a token range's
/// text.
fn reports(text: &str) -> (Vec<Reported>, impl Fn((usize, usize)) -> String + '_) {
    let spans = quoted_spans(text, MarkSet::EVERY);
    let doc = Document::new(text, &spans);
    let kinds: Vec<QuoteKind> = spans
        .iter()
        .map(|s| crate::quotes::kinds::kind_of(&doc, s))
        .collect();
    let found = reported(&doc, &kinds);
    let piece =
        move |(a, b): (usize, usize)| text[doc.tokens[a].start..doc.tokens[b - 1].end].to_string();
    (found, piece)
}

/// The content, cue and mention texts of the reported speech in `text`.
fn found(text: &str) -> Vec<(String, String, Option<String>)> {
    let (found, piece) = reports(text);
    found
        .into_iter()
        .map(|r| (piece(r.content), piece(r.cue), r.mention.map(&piece)))
        .collect()
}

fn one(text: &str) -> (String, String, Option<String>) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.into_iter().next().unwrap_or_default()
}

#[test]
fn subject_said_clause() {
    let (content, cue, mention) =
        one("Ms Okafor said the new bridge would open before the winter.");
    assert_eq!(content, "the new bridge would open before the winter");
    assert_eq!(cue, "said");
    assert_eq!(mention.as_deref(), Some("Ms Okafor"));
}

#[test]
fn said_that_keeps_that() {
    let (content, _, mention) = one("The council said that the library would close for repairs.");
    assert_eq!(content, "that the library would close for repairs");
    assert_eq!(mention.as_deref(), Some("The council"));
}

#[test]
fn said_on_a_day_that() {
    let (content, _, _) =
        one("Mr Hale said on Tuesday that the ferry service would resume in May.");
    assert_eq!(content, "that the ferry service would resume in May");
}

#[test]
fn clause_then_source() {
    let (content, cue, mention) =
        one("The ferry service will resume in May, the harbour master said.");
    assert_eq!(content, "The ferry service will resume in May");
    assert_eq!(cue, "said");
    assert_eq!(mention.as_deref(), Some("the harbour master"));
    let (_, _, mention) = one("Talks with the union have stalled, said Ms Brandt.");
    assert_eq!(mention.as_deref(), Some("Ms Brandt"));
}

#[test]
fn according_to_either_side() {
    let (content, cue, mention) =
        one("According to two aides, the senator will not seek another term.");
    assert_eq!(content, "the senator will not seek another term");
    assert_eq!(cue, "According to");
    assert_eq!(mention.as_deref(), Some("two aides"));
    let (content, _, _) = one("The senator will not seek another term, according to two aides.");
    assert_eq!(content, "The senator will not seek another term");
}

#[test]
fn told_a_hearer() {
    let (content, cue, _) = one("Mr Ortiz told reporters that the vote had been delayed.");
    assert_eq!(content, "that the vote had been delayed");
    assert_eq!(cue, "told");
}

#[test]
fn verbs_of_thought_and_stance() {
    for verb in [
        "warned",
        "insisted",
        "argued",
        "claimed",
        "believes",
        "denied",
        "announced",
    ] {
        let text = format!("The mayor {verb} that the budget would be balanced next year.");
        let (content, cue, _) = one(&text);
        assert_eq!(
            content, "that the budget would be balanced next year",
            "{verb}"
        );
        assert_eq!(cue, verb);
    }
}

#[test]
fn adding_continues_the_subject() {
    let all = found("Ms Okafor said the bridge was safe, adding that inspections would continue.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].0, "the bridge was safe");
    assert_eq!(all[1].0, "that inspections would continue");
    assert_eq!(all[1].2.as_deref(), Some("Ms Okafor"));
}

#[test]
fn sources_said() {
    let (content, _, mention) = one("The deal is close to collapse, sources said.");
    assert_eq!(content, "The deal is close to collapse");
    assert_eq!(mention.as_deref(), Some("sources"));
}

#[test]
fn mixed_speech_is_one_clause() {
    let (content, _, _) =
        one("Mr Varga said the rival plan was “deeply flawed” and would be dropped.");
    assert_eq!(
        content,
        "the rival plan was “deeply flawed” and would be dropped"
    );
}

#[test]
fn direct_quotes_are_left_to_quotations() {
    assert!(found("“We will rebuild the pier this year,” the mayor said.").is_empty());
    assert!(found("The mayor said: “We will rebuild the pier this year.”").is_empty());
}

#[test]
fn nouns_and_infinitives_are_not_cues() {
    assert!(found("His claims about the harbour were widely shared online.").is_empty());
    assert!(found("Nobody said anything at the parish meeting on Tuesday.").is_empty());
    // `wanted` reports a wish (PolNeAR counts it); the infinitive `to say` is no cue.
    let wish = found("She wanted to say more about the harbour.");
    assert!(wish.iter().all(|(_, cue, _)| cue != "say"), "{wish:?}");
}

/// The rule of each report found in `text`, with its content.
fn rules_of(text: &str) -> Vec<(&'static str, String)> {
    let (found, piece) = reports(text);
    found
        .into_iter()
        .map(|r| (r.rule.name(), piece(r.content)))
        .collect()
}

#[test]
fn each_pattern_names_its_rule() {
    let mut missed = Vec::new();
    for (text, rule) in [
        (
            "Ms Okafor said the new bridge would open before the winter.",
            "reported_forward",
        ),
        (
            "As the minister said, the plan will fail within a year.",
            "reported_as_said",
        ),
        (
            "The letter by the two suggested the plan would fail.",
            "reported_forward_long_subject",
        ),
        (
            "The harbour master seems to be losing patience with the ferry operator.",
            "reported_seems_to",
        ),
        (
            "The harbour master was asked to explain the delays at the ferry terminal.",
            "reported_passive",
        ),
        (
            "The ferry service will resume in May, the harbour master said.",
            "reported_backward",
        ),
        (
            "Talks with the union have stalled, said Ms Brandt.",
            "reported_backward_inverted",
        ),
        (
            "The plan, the minister said, would fail within a year.",
            "reported_around",
        ),
        (
            "According to two aides, the senator will not seek another term.",
            "reported_according_to",
        ),
        (
            "The senator will not seek another term, according to two aides.",
            "reported_according_to_after",
        ),
        (
            "The senator, according to two aides, will not seek another term in the spring because \
             she wants to spend more time with her family and her three young children in the \
             house she grew up in near the coast.",
            "reported_according_to_around",
        ),
        (
            "Asked whether the bridge was safe, Ms Okafor said inspections would continue.",
            "reported_asked",
        ),
        (
            "Council Votes on Pier\n\nMayor Lind: The pier will reopen in May.",
            "reported_colon",
        ),
        (
            "In a Harbour Gazette poll released Monday, half of the residents backed the pier.",
            "reported_in_poll",
        ),
        (
            "Ms Okafor said the bridge was safe, adding that inspections would continue.",
            "reported_gerund",
        ),
        (
            "Senator Says Port Deal Inquiry Must Go Ahead\n\nThe vote is today.",
            "reported_headline",
        ),
        (
            "He notes that the Commission on Presidential Debates announced earlier Friday that \
             there was an issue with the microphone.",
            "reported_nested",
        ),
        (
            "The council says the budget is balanced and insists that no services will be cut.",
            "reported_coordinated",
        ),
    ] {
        let found = rules_of(text);
        if !found.iter().any(|(r, _)| *r == rule) {
            missed.push(format!("{text:?}: {found:?}, not {rule}"));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn every_reported_rule_is_in_the_table_and_prefixed() {
    for rule in crate::quotes::rules::Rule::ALL {
        if rule.name().starts_with("reported_") {
            assert!(rule.description().ends_with('.'), "{}", rule.name());
        }
    }
}

#[test]
fn a_seeming_reports_its_whole_clause_with_no_source() {
    let (content, cue, mention) =
        one("The ferry operator seems to be losing patience with the port.");
    assert_eq!(
        content,
        "The ferry operator seems to be losing patience with the port"
    );
    assert_eq!(cue, "seems");
    assert_eq!(mention, None);
    let (content, cue, mention) =
        one("Councillor Brandt is widely expected to be the next mayor of Ostend.");
    assert_eq!(
        content,
        "Councillor Brandt is widely expected to be the next mayor of Ostend"
    );
    assert_eq!(cue, "is widely expected");
    assert_eq!(mention, None);
    // The whole subject, not its nearest noun phrase.
    let (content, _, _) =
        one("The plan to close the harbour in winter appears to have little support.");
    assert_eq!(
        content,
        "The plan to close the harbour in winter appears to have little support"
    );
    // Through a relative pronoun, the content starts at the pronoun.
    let all = found("The mayor met Ms Ito, who appeared to have the stronger plan.");
    assert!(
        all.iter()
            .any(|(c, k, m)| c == "who appeared to have the stronger plan"
                && k == "appeared"
                && m.is_none()),
        "{all:?}"
    );
}

#[test]
fn appeared_somewhere_is_no_seeming() {
    let all = found("The mayor appeared on local radio and said the pier would reopen in May.");
    assert!(all.iter().all(|(_, cue, _)| cue != "appeared"), "{all:?}");
}

#[test]
fn the_subject_of_a_passive_did_not_speak() {
    let (content, cue, mention) =
        one("Councillor Dana Reyes was asked to explain the cost of the new depot.");
    assert_eq!(content, "the cost of the new depot");
    assert_eq!(cue, "asked to explain");
    assert_eq!(mention, None);
    let (_, cue, mention) =
        one("The chief executive is widely known for promising a merger that never came.");
    assert_eq!(cue, "known for");
    assert_eq!(mention, None);
}

#[test]
fn a_view_held_after_be_keeps_its_holder() {
    let (content, cue, mention) =
        one("Local officials are concerned that the new depot will flood every spring.");
    assert_eq!(content, "that the new depot will flood every spring");
    assert_eq!(cue, "concerned");
    assert_eq!(mention.as_deref(), Some("Local officials"));
}

#[test]
fn relative_pronoun_with_a_contracted_auxiliary_is_the_source() {
    let all =
        found("Mr. Ortiz, who’d previously endorsed the port levy, voted against it on Monday.");
    let (content, cue, mention) = &all[0];
    assert_eq!(
        (content.as_str(), cue.as_str()),
        ("the port levy", "endorsed")
    );
    assert_eq!(mention.as_deref(), Some("who’d"));
}

#[test]
fn second_verb_of_a_relative_clause_shares_its_pronoun() {
    let all = found(
        "Voters remember Ms. Brandt, who campaigned on lower fares and promised that the line would reopen.",
    );
    let promised = all
        .iter()
        .find(|(_, cue, _)| cue == "promised")
        .expect("a row for promised");
    assert_eq!(promised.0, "that the line would reopen");
    assert_eq!(promised.2.as_deref(), Some("who"));
}

#[test]
fn a_share_in_per_cent_and_a_name_ending_in_an_abbreviation_are_sources() {
    for (text, want_content, want_mention) in [
        (
            "On the bypass, 47% say the council should build it before the bridge.",
            "the council should build it before the bridge",
            "47%",
        ),
        (
            "Ellis Grant Jr. announced that the family would sell the newspaper.",
            "that the family would sell the newspaper",
            "Ellis Grant Jr",
        ),
        (
            "Harbour Freight Inc. said that the ferry line would close.",
            "that the ferry line would close",
            "Harbour Freight Inc",
        ),
    ] {
        let (content, _, mention) = one(text);
        assert_eq!(content, want_content);
        assert_eq!(mention.as_deref(), Some(want_mention), "{text}");
    }
}

#[test]
fn gerund_after_by_is_a_second_report_beside_the_first() {
    let all = found("Ortiz answered an early question about the budget by focusing on the port.");
    let texts: Vec<(&str, &str)> = all
        .iter()
        .map(|(c, q, _)| (c.as_str(), q.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("an early question about the budget", "answered"),
            ("on the port", "focusing"),
        ]
    );
    assert!(all.iter().all(|(_, _, m)| m.as_deref() == Some("Ortiz")));
}

#[test]
fn gerund_after_by_inside_an_infinitive_stays_in_its_clause() {
    let all =
        found("Ms. Ruiz explained how hard it is to fix the budget by cutting the ferry service.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].0,
        "how hard it is to fix the budget by cutting the ferry service"
    );
}

#[test]
fn words_before_a_source_of_a_full_quotation_are_not_its_content() {
    // The quotation is the attribution's content (a direct quotation, not reported speech).
    let all =
        found("Asked whether the ferry would run, Ms. Okafor replied, “Maybe in the spring.”");
    assert!(
        all.iter()
            .all(|(content, _, _)| !content.starts_with("Asked")),
        "{all:?}"
    );
    // A quotation going on with the words before the source still reads around it.
    let all = found("Ms. Okafor, an aide said, “is very sure of the vote” and will stay.");
    assert!(
        all.iter()
            .any(|(content, _, mention)| content.starts_with("Ms. Okafor")
                && mention.as_deref() == Some("an aide")),
        "{all:?}"
    );
}

#[test]
fn a_lone_quantifier_after_a_subordinator_is_a_source() {
    let all = found("The council backs the plan, even though several oppose the new ferry tax.");
    let oppose = all
        .iter()
        .find(|(_, cue, _)| cue == "oppose")
        .expect("a row for oppose");
    assert_eq!(oppose.2.as_deref(), Some("several"));
    let (content, _, mention) = one("Two months on, no one knows what the board will decide.");
    assert_eq!(content, "what the board will decide");
    assert_eq!(mention.as_deref(), Some("no one"));
}
