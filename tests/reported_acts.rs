//! What each row reports (issue 14): speech, or a thought, an intention, evidence, a refusal to
//! speak or a reaction, on fictional news sentences. PolNeAR annotates them all, so the rows
//! stay; `Quote::act` lets users keep statements only.

use saidwho::quotes::{extract, Quote, QuoteKind, QuoteOptions, SpeechAct};

fn reported(text: &str) -> Vec<Quote> {
    extract(text, &QuoteOptions::default())
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect()
}

/// `text` gives at least one reported row, the one with `content`, and every row is of `act`.
fn assert_act(text: &str, content: &str, act: SpeechAct) {
    let found = reported(text);
    assert!(
        found.iter().any(|q| q.text == content),
        "{text:?}: no row {content:?} in {found:?}"
    );
    for q in &found {
        assert_eq!(q.act, act, "{text:?}: {:?} (cue {:?})", q.text, q.cue);
    }
}

/// Whatever rows `text` gives, none is speech, and any there is of `act`: for sentences the
/// rules may or may not report (`the figures show …`).
fn assert_no_speech(text: &str, act: SpeechAct) {
    for q in extract(text, &QuoteOptions::default()) {
        assert_eq!(q.act, act, "{text:?}: {:?} (cue {:?})", q.text, q.cue);
    }
}

#[test]
fn a_verb_of_saying_reports_speech() {
    let s = SpeechAct::Speech;
    assert_act(
        "The mayor said the bridge would reopen.",
        "the bridge would reopen",
        s,
    );
    assert_act(
        "Ms Okafor told reporters she hoped to win the seat.",
        "she hoped to win the seat",
        s,
    );
    assert_act(
        "Officials said they planned to reopen the bridge.",
        "they planned to reopen the bridge",
        s,
    );
    assert_act(
        "The plant will close, according to the union.",
        "The plant will close",
        s,
    );
}

#[test]
fn quotations_are_speech() {
    let text = "“We will not give up,” the coach said. Ms Marsh called the plan “reckless”.";
    let found = extract(text, &QuoteOptions::default());
    assert!(found.iter().any(|q| q.kind == QuoteKind::Direct));
    assert!(found.iter().any(|q| q.kind == QuoteKind::Partial));
    assert!(
        found.iter().all(|q| q.act == SpeechAct::Speech),
        "{found:?}"
    );
    // A quotation after a refusal is still the speaker's own words.
    let text = "The spokesman declined to elaborate. “The talks are over,” he said.";
    let direct: Vec<Quote> = extract(text, &QuoteOptions::default())
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].act, SpeechAct::Speech);
}

#[test]
fn a_refusal_to_speak_is_a_refusal() {
    let r = SpeechAct::Refusal;
    assert_act(
        "The spokesman would not say whether the talks had failed.",
        "whether the talks had failed",
        r,
    );
    assert_act(
        "The spokesman wouldn't say whether the talks had failed.",
        "whether the talks had failed",
        r,
    );
    assert_act(
        "Police declined to comment on the arrest.",
        "to comment on the arrest",
        r,
    );
    assert_act(
        "The minister refused to say whether she would resign.",
        "whether she would resign",
        r,
    );
    assert_act(
        "The club has never commented on the transfer.",
        "the transfer",
        r,
    );
    assert_act(
        "The ministry did not immediately respond to questions about the fire.",
        "questions about the fire",
        r,
    );
    assert_act(
        "The coach has yet to say who will start.",
        "who will start",
        r,
    );
}

#[test]
fn a_reaction_is_a_reaction() {
    let r = SpeechAct::Reaction;
    assert_act("Fans cheered the team.", "the team", r);
    assert_act("Supporters applauded the ruling.", "the ruling", r);
    assert_no_speech("The crowd booed the referee.", r);
    // A place set off by commas in the subject: what is cheered is no source, and the
    // subject is no content.
    for q in reported("Nurses in Dunmore, Pa., cheered the ruling.") {
        assert_ne!(q.mention.map(|m| m.text).as_deref(), Some("the ruling"));
        assert!(!q.text.starts_with("Nurses"), "{:?}", q.text);
    }
}

#[test]
fn a_thought_is_a_thought() {
    let t = SpeechAct::Thought;
    assert_act(
        "Analysts believe the merger will collapse.",
        "the merger will collapse",
        t,
    );
    assert_act(
        "The mayor hopes the bridge will reopen.",
        "the bridge will reopen",
        t,
    );
    assert_act(
        "Investors were worried that rates would rise.",
        "that rates would rise",
        t,
    );
    assert_act(
        "Residents fear the plant will close.",
        "the plant will close",
        t,
    );
    // A stance held is no statement: support, opposition, backing.
    assert_no_speech("Most shop owners support the new parking rules.", t);
    assert_no_speech("Councillor Obi opposes the new pipeline.", t);
}

#[test]
fn an_intention_is_an_intention() {
    let i = SpeechAct::Intention;
    assert_act(
        "The board decided that the school would close.",
        "that the school would close",
        i,
    );
    assert_act(
        "The union is seeking to overturn the ban.",
        "to overturn the ban",
        i,
    );
    assert_no_speech("The council plans to sell the depot.", i);
}

#[test]
fn evidence_is_evidence() {
    let e = SpeechAct::Evidence;
    assert_act(
        "Polls show the senator is trailing.",
        "the senator is trailing",
        e,
    );
    assert_act(
        "The report found that the ward was understaffed.",
        "that the ward was understaffed",
        e,
    );
    assert_no_speech("The figures show unemployment rose in March.", e);
    // `suggested` is evidence from data, speech from somebody.
    let found = reported("The minister suggested that the tax would rise.");
    assert!(
        found.iter().all(|q| q.act == SpeechAct::Speech),
        "{found:?}"
    );
}

#[test]
fn every_act_has_its_own_name() {
    let names: Vec<&str> = SpeechAct::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(
        names,
        [
            "speech",
            "thought",
            "intention",
            "evidence",
            "refusal",
            "reaction"
        ]
    );
}
