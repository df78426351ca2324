//! Reported speech (attributions without quotation marks) on fictional news sentences, one test
//! per way news reports what somebody said or thought.

use saidwho::quotes::{extract, Quote, QuoteKind, QuoteOptions};

fn reported(text: &str) -> Vec<Quote> {
    extract(text, &QuoteOptions::default())
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect()
}

/// (content, speaker, mention, cue) of the one reported clause of `text`.
fn one(text: &str) -> (String, Option<String>, Option<String>, Option<String>) {
    let mut found = reported(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    let q = found.remove(0);
    (
        q.text,
        q.speaker,
        q.mention.map(|m| m.text),
        q.cue.map(|c| c.text),
    )
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn a_refusal_lends_no_source_to_the_quote_inside_it() {
    // The mayor did not say the quoted words: whoever the quote is attributed to did.
    let t = "The mayor would not say that the pier was “beyond repair,” Ms Lind added, saying \
             it was up to the council.";
    let all = extract(t, &QuoteOptions::default());
    let partial = all
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the fragment");
    assert_eq!(
        partial.mention.as_ref().map(|m| m.text.as_str()),
        Some("Ms Lind")
    );
}

#[test]
fn a_partial_quote_inside_a_reported_clause_takes_its_source_and_cue() {
    // The nearer `put` is the mayor's aside; the words are the critics' report.
    let t = "Critics told the council the plan, as the mayor put it, offered “fresh thinking” \
             but little else.";
    let all = extract(t, &QuoteOptions::default());
    let partial = all
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the fragment");
    assert_eq!(partial.text, "fresh thinking");
    assert_eq!(
        partial.mention.as_ref().map(|m| m.text.as_str()),
        Some("Critics")
    );
    assert_eq!(partial.cue.as_ref().map(|c| c.text.as_str()), Some("told"));
    assert_eq!(partial.rule.name(), "inside_report");
    // Without reported speech the quote keeps an attribution of its own.
    let alone = extract(
        t,
        &QuoteOptions {
            reported: false,
            ..QuoteOptions::default()
        },
    );
    assert_ne!(alone[0].rule.name(), "inside_report");
    // The words closing the sentence still attribute a quote inside the clause before them.
    let t = "The deal will carry “a great deal of weight” with voters, a party spokesman said.";
    let partial = extract(t, &QuoteOptions::default())
        .into_iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the fragment");
    assert_eq!(partial.rule.name(), "sentence_final");
}

#[test]
fn mixed_speech_gives_the_clause_to_the_person_and_keeps_the_fragment() {
    // The shape of the seed article's `Mr X said Mr Y’s commitment … was “…” and that …`.
    let t = "Prime Minister Helena Marsh met the visiting president on Monday.\n\n\
             Ms Marsh said Mr Okoye’s promise of support was “genuine” and that both countries \
             would keep talking.";
    let all = extract(t, &QuoteOptions::default());
    let indirect: Vec<&Quote> = all
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    assert_eq!(indirect.len(), 1, "{all:?}");
    assert_eq!(
        indirect[0].text,
        "Mr Okoye’s promise of support was “genuine” and that both countries would keep talking"
    );
    assert_eq!(indirect[0].speaker.as_deref(), Some("Helena Marsh"));
    assert_eq!(
        indirect[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("said")
    );
    // The quoted fragment is still a partial quotation of the same person.
    let partial = all
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the fragment");
    assert_eq!(partial.text, "genuine");
    assert_eq!(partial.speaker.as_deref(), Some("Helena Marsh"));
}

#[test]
fn subject_said_clause() {
    let (content, _, mention, cue) =
        one("The harbour authority said the new ferry would enter service in spring.");
    assert_eq!(content, "the new ferry would enter service in spring");
    assert_eq!(mention, s("The harbour authority"));
    assert_eq!(cue, s("said"));
}

#[test]
fn said_that_keeps_that() {
    let (content, ..) = one("Councillor Ade Bello said that the depot would close in June.");
    assert_eq!(content, "that the depot would close in June");
}

#[test]
fn said_on_a_day_that() {
    let (content, ..) =
        one("The minister said on Tuesday that talks with the unions had broken down.");
    assert_eq!(content, "that talks with the unions had broken down");
}

#[test]
fn clause_then_source() {
    let (content, speaker, mention, _) = one("Dr Ines Varga runs the county clinic.\n\n\
         Waiting lists have doubled since March, Dr Varga said.");
    assert_eq!(content, "Waiting lists have doubled since March");
    assert_eq!(mention, s("Dr Varga"));
    assert_eq!(speaker, s("Ines Varga"));
}

#[test]
fn clause_then_inverted_source() {
    let (content, _, mention, _) =
        one("The strike will go ahead on Friday, said a union official.");
    assert_eq!(content, "The strike will go ahead on Friday");
    assert_eq!(mention, s("a union official"));
}

#[test]
fn according_to() {
    let (content, _, mention, cue) =
        one("According to two people briefed on the talks, the merger has been called off.");
    assert_eq!(content, "the merger has been called off");
    assert_eq!(mention, s("two people briefed on the talks"));
    assert_eq!(cue, s("According to"));
    let (content, ..) = one("The merger has been called off, according to two people briefed.");
    assert_eq!(content, "The merger has been called off");
    // A document or a plural noun is a source too (the tagger reads a verb after `to`, and
    // `report` is also a verb of saying).
    for (text, source) in [
        (
            "The pier was closed in May, according to the report.",
            "the report",
        ),
        ("According to aides, the talks have stalled.", "aides"),
        ("Turnout fell by a third, according to experts.", "experts"),
    ] {
        let (_, _, mention, _) = one(text);
        assert_eq!(mention.as_deref(), Some(source), "{text:?}");
    }
    // What was said starts after a colon.
    let (content, ..) =
        one("The port had one good year: cargo rose by a third, according to the harbour board.");
    assert_eq!(content, "cargo rose by a third");
    // Around a source that runs on to its comma; not into a relative clause after it.
    let (content, _, mention, _) = one(
        "One of the options, according to aides who met the mayor on Friday, is to close the pier.",
    );
    assert_eq!(
        content,
        "One of the options, according to aides who met the mayor on Friday, is to close the pier"
    );
    assert_eq!(mention, s("aides who met the mayor on Friday"));
    let (content, ..) = one(
        "The pier will close, according to an aide, who asked not to be named because of the talks.",
    );
    assert_eq!(content, "The pier will close");
}

#[test]
fn told_reporters() {
    let (content, _, _, cue) = one("Mr Osei told reporters the vote would be held next week.");
    assert_eq!(content, "the vote would be held next week");
    assert_eq!(cue, s("told"));
}

#[test]
fn verbs_of_stance_and_thought() {
    for verb in [
        "believes",
        "warned",
        "insisted",
        "denied",
        "argued",
        "claimed",
        "announced",
    ] {
        let t = format!("The regulator {verb} that the tariffs would hurt small farms.");
        let (content, _, _, cue) = one(&t);
        assert_eq!(content, "that the tariffs would hurt small farms", "{verb}");
        assert_eq!(cue.as_deref(), Some(verb));
    }
}

#[test]
fn has_learned() {
    let (content, _, mention, _) =
        one("The Gazette has learned that the stadium deal includes a tax break.");
    assert_eq!(content, "that the stadium deal includes a tax break");
    assert_eq!(mention, s("The Gazette"));
}

#[test]
fn sources_said() {
    let (content, _, mention, _) = one("The board will meet again on Monday, sources said.");
    assert_eq!(content, "The board will meet again on Monday");
    assert_eq!(mention, s("sources"));
}

#[test]
fn the_source_interrupts_the_clause() {
    let (content, ..) = one("The deal, the minister said, would be signed within days.");
    assert_eq!(
        content,
        "The deal, the minister said, would be signed within days"
    );
}

#[test]
fn a_pronoun_is_resolved_as_for_quotations() {
    let found = reported(
        "Senator Rosa Quint visited the plant on Friday.\n\n\
         She said the factory would stay open for at least five years.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Rosa Quint"));
}

#[test]
fn direct_quotations_are_not_repeated_as_reported_speech() {
    let t = "“We will rebuild the pier this year,” the mayor said.\n\n\
             The mayor said: “Every family will be rehoused.”";
    assert!(reported(t).is_empty());
    let kinds: Vec<QuoteKind> = extract(t, &QuoteOptions::default())
        .iter()
        .map(|q| q.kind)
        .collect();
    assert_eq!(kinds, vec![QuoteKind::Direct, QuoteKind::Direct]);
}

#[test]
fn how_and_where_a_quotation_was_said_is_no_report() {
    for t in [
        "“We are calling from the campaign,” Ms Lind said pleasantly into the phone.",
        "“The pier will reopen in May,” the mayor told a rally in Ostend on Friday.",
    ] {
        assert!(reported(t).is_empty(), "{t:?}: {:?}", reported(t));
    }
    // A clause after the cue is still reported.
    let t = "“It was a long night,” the mayor told reporters that the pier would reopen in May.";
    assert_eq!(one(t).0, "that the pier would reopen in May", "{t:?}");
}

#[test]
fn reported_speech_can_be_turned_off() {
    let t = "The harbour authority said the new ferry would enter service in spring.";
    let options = QuoteOptions {
        reported: false,
        ..QuoteOptions::default()
    };
    assert!(extract(t, &options).is_empty());
}

#[test]
fn offsets_and_text_agree() {
    let t = "Über-cautious officials said the café’s licence would be renewed, adding that \
             inspections would continue.";
    let found = reported(t);
    assert_eq!(found.len(), 2, "{found:?}");
    for q in &found {
        assert_eq!(&t[q.start..q.end], q.text);
        for span in [&q.cue, &q.mention].into_iter().flatten() {
            assert_eq!(&t[span.start..span.end], span.text);
        }
    }
    assert_eq!(found[1].text, "that inspections would continue");
}

#[test]
fn two_reports_joined_by_and_are_two_attributions() {
    let t =
        "The mayor promised to reopen the pool by June and said the city would pay for repairs.";
    let found = reported(t);
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "to reopen the pool by June",
            "the city would pay for repairs"
        ],
        "{found:?}"
    );
    // The second verb shares the first one's subject.
    assert!(
        found
            .iter()
            .all(|q| q.speaker.as_deref() == Some("The mayor")),
        "{found:?}"
    );
}

#[test]
fn a_second_subject_after_and_starts_a_second_report() {
    let t = "Farmers said the new levy was unfair, and the union warned that prices would rise.";
    let found = reported(t);
    let got: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|q| (q.text.as_str(), q.mention.as_ref().map(|m| m.text.as_str())))
        .collect();
    assert_eq!(
        got,
        [
            ("the new levy was unfair", Some("Farmers")),
            ("that prices would rise", Some("the union")),
        ]
    );
}

#[test]
fn a_gerund_after_by_shares_the_subject() {
    let t = "The senator won over the hall by promising to reopen the shipyard.";
    let (content, _, mention, cue) = one(t);
    assert_eq!(content, "to reopen the shipyard");
    assert_eq!(cue.as_deref(), Some("promising"));
    // The subject opens the sentence (without a parser the phrase may run on into the verb).
    assert!(mention.is_some_and(|m| m.starts_with("The senator")));
}

#[test]
fn a_scene_setting_phrase_is_not_what_was_said() {
    // `In July,` sets the scene; what the union called for is the content.
    let t = "In July, the dockers' union called for a ban on night shifts.";
    let (content, _, mention, cue) = one(t);
    assert_eq!(content, "a ban on night shifts");
    assert_eq!(cue.as_deref(), Some("called for"));
    assert_eq!(mention.as_deref(), Some("the dockers' union"));
}

#[test]
fn a_comment_after_a_dash_is_not_content() {
    // The content-end model stops the clause before the dash that opens a comment on it.
    let t = "The mayor denied the report \u{2014} a claim repeated by her rivals on Monday.";
    let (content, _, mention, cue) = one(t);
    assert_eq!(cue.as_deref(), Some("denied"));
    assert_eq!(mention.as_deref(), Some("The mayor"));
    assert_eq!(content, "the report");
}

#[test]
fn a_participle_phrase_is_no_source() {
    // `using figures` is how the minister argued, not `figures` said by `using`.
    let t = "The minister said the plan would fail, using figures from the treasury.";
    let found = reported(t);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].text.starts_with("the plan would fail"),
        "{found:?}"
    );
    assert_eq!(found[0].speaker.as_deref(), Some("The minister"));
}

#[test]
fn a_headline_in_title_case_reports_too() {
    let t = "Harbour Board Denies Plan For Second Ferry Terminal Was Ever Approved\n\n\
             The board met on Monday.";
    let (content, _, mention, cue) = one(t);
    assert_eq!(cue.as_deref(), Some("Denies"));
    assert_eq!(mention.as_deref(), Some("Harbour Board"));
    assert_eq!(content, "Plan For Second Ferry Terminal Was Ever Approved");
}

#[test]
fn a_negated_or_modal_verb_keeps_its_subject() {
    let t = "The council didn't say when the library would reopen.";
    let found = reported(t);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].mention.as_ref().map(|m| m.text.as_str()),
        Some("The council")
    );
}

#[test]
fn mixed_speech_before_the_source_keeps_the_whole_clause() {
    let t = "With three ferries in service, \u{201c}there is no single point of failure,\u{201d} \
             the harbour master said.";
    let found = reported(t);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].text,
        "With three ferries in service, \u{201c}there is no single point of failure"
    );
    assert_eq!(
        found[0].mention.as_ref().map(|m| m.text.as_str()),
        Some("the harbour master")
    );
    // A quotation that is the whole clause stays a quotation only.
    assert!(reported("\u{201c}There is no single point of failure,\u{201d} she said.").is_empty());
}

#[test]
fn a_compound_subject_is_not_two_reports() {
    let t = "The mayor said her town and the county are backing the new rail link.";
    let found = reported(t);
    assert_eq!(
        found[0].text, "her town and the county are backing the new rail link",
        "{found:?}"
    );
    assert_eq!(
        found[0].mention.as_ref().map(|m| m.text.as_str()),
        Some("The mayor")
    );
}

#[test]
fn a_one_word_answer_and_a_plural_hearer() {
    let (content, _, _, _) = one("When the talks failed, the envoy said no.");
    assert_eq!(content, "no");
    let (content, _, _, cue) = one("She told reporters Ireland would not block the deal.");
    assert_eq!(cue.as_deref(), Some("told"));
    assert_eq!(content, "Ireland would not block the deal");
}

#[test]
fn an_adverbial_phrase_between_subject_and_cue_is_no_subject() {
    let (_, _, mention, cue) =
        one("A group of three unions has in fact reported losses this year.");
    assert_eq!(mention, s("A group of three unions"));
    assert_eq!(cue, s("reported"));
    let (_, _, mention, _) = one("Downstream farmers at times feared the dam would fail.");
    assert_eq!(mention, s("Downstream farmers"));
}

/// `declined to comment`, `vowed to fight`: the reported infinitive keeps its `to` (the cue is
/// the verb alone), while `pointed to the polls` keeps the particle in the cue.
#[test]
fn an_infinitive_reported_keeps_its_to() {
    let t = "The club's owner declined to comment on the sale. \
             Ms Okoro vowed to fight the closure in court.";
    let found = reported(t);
    let got: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|q| (q.text.as_str(), q.cue.as_ref().map(|c| c.text.as_str())))
        .collect();
    assert!(
        got.contains(&("to comment on the sale", Some("declined"))),
        "{got:?}"
    );
    assert!(
        got.contains(&("to fight the closure in court", Some("vowed"))),
        "{got:?}"
    );
    // `continued to say …`: the infinitive is itself a cue, and the two verbs are one cue.
    let t = "Even after the audit was published, the director continued to say the accounts \
             were sound.";
    let found = reported(t);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "the accounts were sound");
    assert_eq!(
        found[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("continued to say")
    );
    let t = "The minister pointed to the jobless figures for March.";
    let found = reported(t);
    assert!(
        found
            .iter()
            .all(|q| q.cue.as_ref().is_none_or(|c| c.text == "pointed to")),
        "{found:?}"
    );
}

/// `Asked whether …, X said …`: the question is an attribution of its own (cue `asked`, no
/// source unless the sentence names the asker), and the answer another.
#[test]
fn a_question_put_to_the_source_is_reported() {
    let t = "Asked whether the ferry would run in winter, the harbour master said it would not. \
             Asked by reporters about the cost, Ms Lindqvist declined to give a figure. \
             The mayor said little when asked about the strike.";
    let found = reported(t);
    let asked: Vec<(&str, Option<&str>)> = found
        .iter()
        .filter(|q| q.rule.name() == "reported_asked")
        .map(|q| (q.text.as_str(), q.mention.as_ref().map(|m| m.text.as_str())))
        .collect();
    assert_eq!(
        asked,
        [
            ("whether the ferry would run in winter", None),
            ("about the cost", Some("reporters")),
            ("about the strike", None),
        ],
        "{found:?}"
    );
    assert!(found.iter().any(|q| q.text == "it would not"), "{found:?}");
    // `Asked, he said nothing.` puts no question.
    assert!(reported("Asked, he shrugged and said nothing at all.")
        .iter()
        .all(|q| q.rule.name() != "reported_asked"));
}

/// `Name: …` opening a paragraph (a headline, a transcript's turn) is that source's statement,
/// to the end of the paragraph; labels, days, tallies and a writer's headings are not.
#[test]
fn a_name_and_a_colon_opening_a_paragraph_is_a_statement() {
    let t = "Lind: Pier Will Reopen by May\n\n\
             Q: Will the ferry run in winter?\n\n\
             MAYOR ANNA LIND: It will. We have the money and the crews.\n\n\
             Editor's note: This story was updated on Friday.\n\n\
             Tuesday: The council meets at noon.\n\n\
             Lind: 1,204.\n\n\
             Another problem for the council: the harbour wall is crumbling.\n\n\
             Just Leaked: The Memo the Council Hid.\n\n\
             Poll: Mayor Lind Leads Her Rival by Twelve Points";
    let found: Vec<(String, String)> = reported(t)
        .into_iter()
        .filter(|q| q.rule.name() == "reported_colon")
        .map(|q| (q.mention.map(|m| m.text).unwrap_or_default(), q.text))
        .collect();
    let want = [
        ("Lind", "Pier Will Reopen by May"),
        ("Q", "Will the ferry run in winter?"),
        (
            "MAYOR ANNA LIND",
            "It will. We have the money and the crews.",
        ),
        // A poll's headline is what the poll found (PolNeAR train: 5 of 6 annotated).
        ("Poll", "Mayor Lind Leads Her Rival by Twelve Points"),
    ];
    assert_eq!(
        found,
        want.map(|(a, b)| (a.to_string(), b.to_string())),
        "{found:?}"
    );
}

/// A poll is the source of what a sentence says it found: `In a … poll, …` opening the
/// sentence, `… in the latest … survey.` closing it; `leads in the polls` is a standing, and
/// `In the harbour, …` no poll.
#[test]
fn a_poll_is_a_source_of_its_findings() {
    let t = "In a Harbour Gazette poll released Monday, half of the residents backed the pier. \
             The mayor held a 12-point lead over her rival in the latest Gazette survey. \
             The mayor still leads in the polls. \
             In the harbour, the fishing boats sat idle all week.";
    let found: Vec<(String, String)> = reported(t)
        .into_iter()
        .filter(|q| q.rule.name() == "reported_in_poll")
        .map(|q| (q.mention.map(|m| m.text).unwrap_or_default(), q.text))
        .collect();
    let want = [
        (
            "a Harbour Gazette poll released Monday",
            "half of the residents backed the pier",
        ),
        (
            "the latest Gazette survey",
            "The mayor held a 12-point lead over her rival",
        ),
    ];
    assert_eq!(
        found,
        want.map(|(a, b)| (a.to_string(), b.to_string())),
        "{found:?}"
    );
}

/// A progressive is a finite verb, negated or with an adverb between: `isn’t saying`, `is once
/// again questioning`.
#[test]
fn a_negated_or_interrupted_progressive_is_a_cue() {
    for (t, content) in [
        (
            "The mayor isn’t saying what the repairs will cost.",
            "what the repairs will cost",
        ),
        (
            "The senator is once again questioning whether the port deal was legal.",
            "whether the port deal was legal",
        ),
    ] {
        let (got, _, mention, _) = one(t);
        assert_eq!(got, content);
        assert!(mention.is_some(), "{t}");
    }
}

#[test]
fn a_subject_too_long_to_read_is_the_phrase_opening_the_clause() {
    let (content, _, mention, cue) = one("The letter by the two suggested the deal was close.");
    assert_eq!(content, "the deal was close");
    assert_eq!(mention, s("The letter"));
    assert_eq!(cue, s("suggested"));
    // A passive's subject is no source.
    let (_, speaker, mention, _) = one("The council has been asked to reconsider the plan.");
    assert_eq!((speaker, mention), (None, None));
}

#[test]
fn a_clause_after_a_set_off_adverb_or_opening_with_a_quantity() {
    let (content, _, mention, _) =
        one("The minister said, however, that the bridge would reopen in May.");
    assert_eq!(content, "that the bridge would reopen in May");
    assert_eq!(mention, s("The minister"));
    let (content, ..) = one("Organisers said at least 4,000 runners took part.");
    assert_eq!(content, "at least 4,000 runners took part");
    let (content, ..) = one("Ms Patel said much of the delay was caused by the storm.");
    assert_eq!(content, "much of the delay was caused by the storm");
}

#[test]
fn a_clause_after_an_adjunct_a_conditional_or_a_numbered_rank() {
    let (content, ..) =
        one("The water board said in a statement on Friday night it would lift the ban.");
    assert_eq!(content, "it would lift the ban");
    let (content, ..) = one("Ms Osei said if elected she would cut bus fares.");
    assert_eq!(content, "if elected she would cut bus fares");
    let (content, _, mention, _) =
        one("Tom Reyes, the No. 2 official at the port, said the strike would end soon.");
    assert_eq!(content, "the strike would end soon");
    assert_eq!(mention, s("Tom Reyes"));
}

#[test]
fn a_clause_after_a_hearer_and_its_complement() {
    let (content, _, _, cue) =
        one("Ms Lund told members of the parish council that the hall would close.");
    assert_eq!(content, "that the hall would close");
    assert_eq!(cue, s("told"));
}

#[test]
fn a_gerund_after_a_set_off_attribution_shares_its_subject() {
    let found = reported(
        "The mayor will back the plan in the end, Ms Ito said, adding that the vote would be \
         close.",
    );
    let adding = found
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "adding"))
        .expect("the gerund's report");
    assert_eq!(adding.text, "that the vote would be close");
    assert_eq!(
        adding.mention.as_ref().map(|m| m.text.as_str()),
        Some("Ms Ito")
    );
}

#[test]
fn a_rare_inflection_borrows_the_share_of_its_verb() {
    // PolNeAR train has `warned` and `lamented` heading many cues but `warns` and `laments`
    // too few times to judge alone: the cue table lends them their verb's share.
    for (text, want_content, want_mention, want_cue) in [
        (
            "The coastal agency warns that the levee will not hold through the spring.",
            "that the levee will not hold through the spring",
            "The coastal agency",
            "warns",
        ),
        (
            "Ms Ortega laments that the branch library closed before the election.",
            "that the branch library closed before the election",
            "Ms Ortega",
            "laments",
        ),
    ] {
        let (content, _, mention, cue) = one(text);
        assert_eq!(content, want_content);
        assert_eq!(mention, s(want_mention));
        assert_eq!(cue, s(want_cue));
    }
}

#[test]
fn an_aside_inside_the_clause_does_not_end_it() {
    // The clause has said nothing yet (`that,`), or has its subject but not its verb, which
    // follows the aside: the aside's commas are no end.
    let cases = [
        (
            "The union argued that, while the levy may lower fares, drivers will not see the savings.",
            "that, while the levy may lower fares, drivers will not see the savings",
        ),
        (
            "Mr Hale told the council that the pier, which opened in 1902, was unsafe.",
            "that the pier, which opened in 1902, was unsafe",
        ),
        (
            "The inspector said the lift, despite its age, was safe to use.",
            "the lift, despite its age, was safe to use",
        ),
    ];
    for (text, clause) in cases {
        let (content, _, _, _) = one(text);
        assert_eq!(content, clause, "{text:?}");
    }
    // `according to X,` after `that` opens the clause: the report goes on after the source,
    // which is the source of the clause within it.
    let text = "The paper reported that, according to a review of her diary, most of the meetings were with donors.";
    let found = reported(text);
    let outer = found
        .iter()
        .find(|q| q.mention.as_ref().is_some_and(|m| m.text == "The paper"));
    assert_eq!(
        outer.map(|q| q.text.as_str()),
        Some("that, according to a review of her diary, most of the meetings were with donors"),
        "{found:?}"
    );
    let inner = found
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "according to"));
    assert_eq!(
        inner.map(|q| q.text.as_str()),
        Some("most of the meetings were with donors"),
        "{found:?}"
    );
    // A clause that has its verb ends before the relative clause commenting on it.
    let (content, _, _, _) =
        one("The mayor said the council had approved the plan, which angered residents.");
    assert_eq!(content, "the council had approved the plan");
}

#[test]
fn a_source_behind_a_proportion_a_particle_or_a_light_verb() {
    // `nine out of 10` is a proportion, as `nine in 10` is.
    let (content, _, mention, _) = one("Nearly nine out of 10 say the ferry should stay.");
    assert_eq!(content, "the ferry should stay");
    assert_eq!(mention.as_deref(), Some("Nearly nine out of 10"));
    // `went on to express`: the subject of `went` expressed it.
    let found = reported("After the vote, she went on to express regret for the closures.");
    let expressed = found
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text.ends_with("express")));
    assert_eq!(
        expressed
            .and_then(|q| q.mention.as_ref())
            .map(|m| m.text.as_str()),
        Some("she"),
        "{found:?}"
    );
    // `voiced support for`: the noun cue's source is the subject of the verb before it.
    let found = reported("At the meeting, the mayor voiced support for a second ferry.");
    let support = found
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "support for"));
    assert_eq!(
        support.map(|q| q.text.as_str()),
        Some("a second ferry"),
        "{found:?}"
    );
    assert_eq!(
        support
            .and_then(|q| q.mention.as_ref())
            .map(|m| m.text.as_str()),
        Some("the mayor")
    );
}

#[test]
fn a_gerund_after_a_closing_source_is_its_next_report() {
    // `…, said X, a Y, adding that …`: the closing source said the gerund's clause too, with
    // or without quotation marks before it.
    for text in [
        "The pier is unsafe, said Tom Reid, a former harbour master, adding that repairs would take a year.",
        "\u{201c}The pier is unsafe,\u{201d} said Tom Reid, a former harbour master, adding that repairs would take a year.",
    ] {
        let found = reported(text);
        let adding = found
            .iter()
            .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "adding"));
        assert_eq!(
            adding.map(|q| q.text.as_str()),
            Some("that repairs would take a year"),
            "{text:?}: {found:?}"
        );
        assert_eq!(
            adding.and_then(|q| q.mention.as_ref()).map(|m| m.text.as_str()),
            Some("Tom Reid"),
            "{text:?}"
        );
    }
}

#[test]
fn a_belief_followed_by_its_clause_is_reported() {
    // The cue model leaves `believes` here just short of a cue; the clause with its own
    // auxiliary right after it makes it one.
    let (content, _, mention, cue) = one("Ms Marsh believes the merger will collapse.");
    assert_eq!(content, "the merger will collapse");
    assert_eq!(mention.as_deref(), Some("Ms Marsh"));
    assert_eq!(cue.as_deref(), Some("believes"));
    // A word the model does not take for a cue at all stays none.
    assert!(reported("The ferry carries the mail when the road is closed.").is_empty());
}

#[test]
fn only_a_verb_of_saying_closes_a_sentence_before_its_source() {
    // `…, passed every test` goes on with the clause: `every test` is not a source after an
    // inverted cue as in `…, said the inspector`.
    for text in [
        "The inspector said the lift, despite its age, passed every test.",
        "The inspector said the lift, which opened in 1902, passed every test.",
    ] {
        let (content, _, mention, cue) = one(text);
        assert!(
            content.ends_with("passed every test"),
            "{text:?}: {content:?}"
        );
        assert_eq!(mention.as_deref(), Some("The inspector"), "{text:?}");
        assert_eq!(cue.as_deref(), Some("said"), "{text:?}");
    }
    // The inverted source is still read after a verb of saying.
    let (content, _, mention, cue) = one("The lift passed every test, said the inspector.");
    assert_eq!(content, "The lift passed every test");
    assert_eq!(mention.as_deref(), Some("the inspector"));
    assert_eq!(cue.as_deref(), Some("said"));
}

#[test]
fn a_quotation_closed_by_a_comma_ends_the_clause_it_is_part_of() {
    // The comma inside the marks closes the report; the gerund after it is a second report of
    // the same speaker.
    let t = "The mayor insisted that he had “saved the harbour,” adding that he alone had \
             found the money.";
    let found = reported(t);
    let rows: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|q| (q.text.as_str(), q.cue.as_ref().map(|c| c.text.as_str())))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].0.starts_with("that he had “saved the harbour"),
        "{rows:?}"
    );
    assert!(!rows[0].0.contains("adding"), "{rows:?}");
    assert_eq!(rows[0].1, Some("insisted"));
    assert_eq!(
        rows[1],
        ("that he alone had found the money", Some("adding"))
    );
    assert_eq!(found[1].speaker, found[0].speaker);
    // The writer's clause after the quotation is no part of the report.
    let (content, _, _, _) = one(
        "The council called the levy “a tax on the poor,” and the mayor’s office \
         disagreed within the hour.",
    );
    assert!(!content.contains("disagreed"), "{content:?}");
    // A preposition after the comma carries the clause on.
    let (content, _, _, _) = one(
        "Ms. Dale said she asked the question “to follow up on the last speaker,” in \
         response to the debate on rents.",
    );
    assert!(
        content.ends_with("in response to the debate on rents"),
        "{content:?}"
    );
}

#[test]
fn a_participle_after_a_noun_phrase_is_that_phrase_s_report() {
    // In subject position the sentence's own verb ends the content.
    let (content, _, mention, cue) =
        one("A super PAC backing Mayor Ruth Hale bought airtime on every station in the county.");
    assert_eq!(mention.as_deref(), Some("A super PAC"));
    assert_eq!(cue.as_deref(), Some("backing"));
    assert_eq!(content, "Mayor Ruth Hale");
    // After the object of a verb, the participle is the verb's subject's, as PolNeAR reads it
    // (the cue is the whole verb phrase).
    let (content, _, mention, cue) =
        one("The tenants group placed newspaper ads calling the levy a tax grab.");
    assert_eq!(mention.as_deref(), Some("The tenants group"));
    assert_eq!(cue.as_deref(), Some("calling"));
    assert_eq!(content, "the levy a tax grab");
    let (content, _, mention, _) =
        one("The campaign entered the talks believing it had the upper hand.");
    assert_eq!(mention.as_deref(), Some("The campaign"));
    assert_eq!(content, "it had the upper hand");
    // A participle after the first word of a sentence is no such report.
    let rows = reported("Besides attacking the plan, Ms Ruiz said the council had erred.");
    assert!(
        rows.iter()
            .all(|q| q.cue.as_ref().is_some_and(|c| c.text == "said")),
        "{rows:?}"
    );
}

#[test]
fn a_year_after_its_preposition_is_no_part_of_the_source() {
    for (text, source) in [
        ("In 2010 voters said the levy was too high.", "voters"),
        (
            "Since 2019 tenants have said the lifts break every winter.",
            "tenants",
        ),
        // A year that modifies the noun stays in the phrase.
        (
            "The 2024 graduates said the course had prepared them well.",
            "The 2024 graduates",
        ),
    ] {
        let (_, _, mention, _) = one(text);
        assert_eq!(mention.as_deref(), Some(source), "{text:?}");
    }
}

#[test]
fn a_proportion_with_its_noun_is_one_source() {
    for (text, source) in [
        (
            "Nine out of 10 residents say the council acted too late.",
            "Nine out of 10 residents",
        ),
        (
            "Only three in 10 voters said they trusted the council.",
            "Only three in 10 voters",
        ),
        (
            "About 4 in 10 tenants in the borough say rents are too high.",
            "About 4 in 10 tenants",
        ),
    ] {
        let (_, _, mention, _) = one(text);
        assert_eq!(mention.as_deref(), Some(source), "{text:?}");
    }
}

#[test]
fn a_clause_ends_with_a_sentence_closed_by_two_apostrophes() {
    // Archives that print quotation marks as two apostrophes end the sentence after them, as
    // after curly marks: the next sentence is not part of what was said.
    for text in [
        "The captain said the crews must be ready ''to sail tonight.'' The harbour was quiet.",
        "The captain said the crews must be ready \u{201c}to sail tonight.\u{201d} The harbour was quiet.",
    ] {
        let (content, _, mention, _) = one(text);
        assert!(content.starts_with("the crews must be ready"), "{text:?}: {content:?}");
        assert!(!content.contains("harbour"), "{text:?}: {content:?}");
        assert_eq!(mention.as_deref(), Some("The captain"), "{text:?}");
    }
}

#[test]
fn a_gerund_opening_the_sentence_belongs_to_the_main_clause() {
    // `After V-ing …, X did …`: X is who V-ed, and the gerund's phrase ends at the comma before
    // X (over an aside that opens no main clause).
    for (text, content, source) in [
        (
            "After thanking the crowd, which chanted his name, the senator touted his record.",
            "the crowd",
            "the senator",
        ),
        (
            "In declaring the levy a failure, the mayor again showed her knack for drama.",
            "the levy a failure",
            "the mayor",
        ),
        (
            "After suggesting on Monday that the pier could reopen, Ms Hale quietly changed course.",
            "that the pier could reopen",
            "Ms Hale",
        ),
    ] {
        let found = reported(text);
        let gerund = found
            .iter()
            .find(|q| q.cue.as_ref().is_some_and(|c| c.text.ends_with("ing")))
            .unwrap_or_else(|| panic!("{text:?}: {found:?}"));
        assert_eq!(gerund.text, content, "{text:?}");
        assert_eq!(
            gerund.mention.as_ref().map(|m| m.text.as_str()),
            Some(source),
            "{text:?}"
        );
    }
}

#[test]
fn a_heading_before_a_colon_is_nobody_speaking() {
    // A participle or a byline label before the colon heads the paragraph; a name speaks.
    for text in [
        "Revealed: The Council Quietly Plans To Sell The Pier\n\nThe pier opened in 1902.",
        "BYLINE: Jo Bell\n\nThe pier opened in 1902.",
    ] {
        assert!(reported(text).is_empty(), "{text:?}: {:?}", reported(text));
    }
    let (content, _, mention, cue) =
        one("Hale: The Pier Will Reopen In May\n\nThe pier opened in 1902.");
    assert_eq!(content, "The Pier Will Reopen In May");
    assert_eq!(mention.as_deref(), Some("Hale"));
    assert_eq!(cue.as_deref(), Some(":"));
}

#[test]
fn a_spokesman_for_a_body_is_the_source_not_the_body() {
    let (_, speaker, mention, _) =
        one("A spokesman for the harbour board said the pier would reopen in May.");
    assert_eq!(
        mention.as_deref(),
        Some("A spokesman for the harbour board")
    );
    assert_eq!(
        speaker.as_deref(),
        Some("A spokesman for the harbour board")
    );
    let (_, _, mention, _) = one("The pier will reopen in May, said an aide to the mayor.");
    assert_eq!(mention.as_deref(), Some("an aide to the mayor"));
}

#[test]
fn a_group_named_by_an_of_phrase_is_the_source() {
    // `Supporters of the levy said`: the supporters speak, not the levy.
    let (_, _, mention, _) = one("Supporters of the levy said the fares would fall.");
    assert_eq!(mention.as_deref(), Some("Supporters of the levy"));
    let (_, _, mention, _) = one("The head of the harbour board warned that the pier was unsafe.");
    assert_eq!(mention.as_deref(), Some("The head of the harbour board"));
}

#[test]
fn the_hearer_after_to_is_not_what_was_said() {
    let (content, _, _, _) = one("An aide said to reporters that the pier would reopen.");
    assert_eq!(content, "that the pier would reopen");
    let (content, _, _, _) =
        one("The chief executive wrote to the council that the pier was unsafe.");
    assert_eq!(content, "that the pier was unsafe");
    // An infinitive after `to` is the content.
    let (content, _, _, _) = one("The mayor vowed to ensure that the pier reopens.");
    assert!(content.starts_with("to ensure"), "{content:?}");
}
