//! What a reported row reports: speech, or a thought, an intention, evidence, a refusal to speak
//! or a reaction.
//!
//! Corpora of attribution (PolNeAR) annotate them all (`analysts believe …`, `the council plans
//! to …`, `the figures show …`, `police declined to comment …`, `fans cheered …`), and the
//! reported-speech rules find them all; but only speech is a statement of its source. Each row
//! gets a [`SpeechAct`] from its cue, so that users who count who said what can keep statements
//! only.
//!
//! The cue's head (its first word after any auxiliary, negation, adverb or `to`: `is expected to` →
//! `expected`, `declined to say` → `declined`, `according to` → `according`) is looked up in one
//! word list a kind (`lexicon/*_cues.txt`); a head in none is speech. A verb of saying that is
//! negated (`would not say`, `wouldn't say`, `has never commented`, `did not immediately
//! respond`, `has yet to comment`, `declined to say`) reports that nothing was said: a refusal.
//! Negation changes speech only: `do not believe` is still a thought. Quotations, whose words
//! are the speaker's own, are speech.

use std::borrow::Cow;

use super::doc::{Document, TokKind};
use super::lexicon::{
    AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, EVIDENCE_CUES, EVIDENCE_CUES_OF_DATA, EVIDENCE_SOURCES,
    INTENTION_CUES, NEGATIONS, NEGATIONS_BEFORE_TO, REACTION_CUES, REFUSAL_CUES, THOUGHT_CUES,
};
use super::tagger::normal;

/// What a quotation or reported row reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeechAct {
    /// A statement: `said`, `told`, `according to`, and every quotation.
    Speech,
    /// A thought, belief or feeling: `believes`, `fears`, `is expected to`.
    Thought,
    /// An intention, plan or wish: `plans`, `wants`, `sought`.
    Intention,
    /// What evidence shows: `the figures show`, `the study suggests`, `found`.
    Evidence,
    /// A refusal to speak: `declined to comment`, `refused`, `would not say`.
    Refusal,
    /// A reaction shown, not words: `cheered`, `booed`, `shrugged`.
    Reaction,
}

impl SpeechAct {
    /// Every act, speech first.
    pub const ALL: [SpeechAct; 6] = [
        SpeechAct::Speech,
        SpeechAct::Thought,
        SpeechAct::Intention,
        SpeechAct::Evidence,
        SpeechAct::Refusal,
        SpeechAct::Reaction,
    ];

    /// The name used in the Python API and the outputs (the `kind` column).
    pub fn name(self) -> &'static str {
        match self {
            SpeechAct::Speech => "speech",
            SpeechAct::Thought => "thought",
            SpeechAct::Intention => "intention",
            SpeechAct::Evidence => "evidence",
            SpeechAct::Refusal => "refusal",
            SpeechAct::Reaction => "reaction",
        }
    }

    /// The act of a name given by [`SpeechAct::name`].
    pub fn from_name(name: &str) -> Option<SpeechAct> {
        SpeechAct::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// How many words before the cue's head are read for a negation (`could not have immediately
/// said`): enough for auxiliaries and an adverb, not so many that another clause's `not` counts.
const WORDS_BEFORE: usize = 6;

/// The act of a reported row: from its cue (tokens `cue`), the words before it and its source
/// (tokens `source`, for evidence cues that need a source that is data). Without a cue, speech.
pub(crate) fn act_of(
    doc: &Document,
    cue: Option<(usize, usize)>,
    source: Option<(usize, usize)>,
) -> SpeechAct {
    let Some((cue_start, cue_end)) = cue else {
        return SpeechAct::Speech;
    };
    // The words before the cue, nearest last, stopping at punctuation (another clause).
    let mut words = words_before(doc, cue_start, WORDS_BEFORE);
    let mut head = None;
    for t in doc.tokens.get(cue_start..cue_end).unwrap_or_default() {
        if t.kind != TokKind::Word {
            continue;
        }
        let w = normal(doc, t);
        if is_filler(&w) || is_negation(&w) || w == "to" {
            words.push(w);
        } else {
            head = Some(w);
            break;
        }
    }
    let Some(head) = head else {
        return SpeechAct::Speech;
    };
    let act = act_of_head(&head, source.is_some_and(|s| is_data(doc, s)));
    if act == SpeechAct::Speech && negated(&words) {
        SpeechAct::Refusal
    } else {
        act
    }
}

/// The act a cue head names, whatever stands before it.
fn act_of_head(head: &str, source_is_data: bool) -> SpeechAct {
    if REFUSAL_CUES.contains(head) {
        SpeechAct::Refusal
    } else if REACTION_CUES.contains(head) {
        SpeechAct::Reaction
    } else if EVIDENCE_CUES.contains(head)
        || (EVIDENCE_CUES_OF_DATA.contains(head) && source_is_data)
    {
        SpeechAct::Evidence
    } else if INTENTION_CUES.contains(head) {
        SpeechAct::Intention
    } else if THOUGHT_CUES.contains(head) {
        SpeechAct::Thought
    } else {
        SpeechAct::Speech
    }
}

/// Whether a source (tokens `[s, e)`) is data, not somebody: its last word (`the latest
/// figures`, `a study`).
fn is_data(doc: &Document, (s, e): (usize, usize)) -> bool {
    doc.tokens
        .get(s..e)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|t| t.kind == TokKind::Word)
        .is_some_and(|t| EVIDENCE_SOURCES.contains(&normal(doc, t)))
}

/// Whether the verb after `words` (nearest last) is negated: over auxiliaries and adverbs, a
/// negation (`would not`, `hasn't`, `never`), or `to` after a refusal or a negation that takes
/// it (`declined to`, `has yet to`, `failed to`).
fn negated(words: &[Cow<str>]) -> bool {
    let mut after_to = false;
    for w in words.iter().rev() {
        if is_negation(w)
            || (after_to && (NEGATIONS_BEFORE_TO.contains(w) || REFUSAL_CUES.contains(w)))
        {
            return true;
        }
        if w == "to" && !after_to {
            after_to = true;
        } else if !is_filler(w) {
            return false;
        }
    }
    false
}

fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(w) || w.ends_with("n't")
}

/// Words that may stand between a negation and its verb: auxiliaries and adverbs (`has not
/// yet`, `did not immediately`).
fn is_filler(w: &str) -> bool {
    AUXILIARIES.contains(w)
        || BETWEEN_SUBJECT_AND_VERB.contains(w)
        || (w.len() > 4 && w.ends_with("ly"))
        || w == "yet"
        || w == "been"
}

/// Up to `n` words before token `k`, in text order, in lower case with straight apostrophes,
/// stopping at punctuation, a quotation mark or a sentence's end (another clause).
fn words_before<'d>(doc: &'d Document, k: usize, n: usize) -> Vec<Cow<'d, str>> {
    let mut words = Vec::new();
    let mut j = k.min(doc.tokens.len());
    while j > 0 && words.len() < n {
        let t = &doc.tokens[j - 1];
        if t.kind != TokKind::Word {
            break;
        }
        words.push(normal(doc, t));
        j -= 1;
        // A sentence without a closing mark (a paragraph's last words) ends here too.
        if j > 0 && doc.tokens[j - 1].ends_sentence {
            break;
        }
    }
    words.reverse();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::quotes::marks::{quoted_spans, MarkSet};

    /// The act of `sentence` with its cue at the first `cue` and its source at the first
    /// `source` (if any).
    fn act(sentence: &str, cue: &str, source: Option<&str>) -> SpeechAct {
        let spans = quoted_spans(sentence, MarkSet::EVERY);
        let doc = Document::new(sentence, &spans);
        let tokens = |part: &str| {
            let start = sentence.find(part).expect("in the sentence");
            let end = start + part.len();
            let first = doc.tokens.iter().position(|t| t.start >= start);
            let last = doc.tokens.iter().rposition(|t| t.end <= end);
            (first.expect("a token"), last.expect("a token") + 1)
        };
        act_of(&doc, Some(tokens(cue)), source.map(tokens))
    }

    /// The words before the end of `text`, as [`words_before`] reads them.
    fn words_at_end(text: &str, n: usize) -> Vec<String> {
        let spans = quoted_spans(text, MarkSet::EVERY);
        let doc = Document::new(text, &spans);
        words_before(&doc, doc.tokens.len(), n)
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn names_round_trip_and_speech_comes_first() {
        assert_eq!(SpeechAct::ALL[0], SpeechAct::Speech);
        for a in SpeechAct::ALL {
            assert_eq!(SpeechAct::from_name(a.name()), Some(a));
        }
        assert_eq!(SpeechAct::from_name("statement"), None);
    }

    #[test]
    fn each_list_gives_its_act() {
        let s = "The mayor said the bridge would reopen.";
        assert_eq!(act(s, "said", Some("The mayor")), SpeechAct::Speech);
        let s = "Analysts believe the merger will collapse.";
        assert_eq!(act(s, "believe", Some("Analysts")), SpeechAct::Thought);
        let s = "The council plans to sell the depot.";
        assert_eq!(act(s, "plans", Some("The council")), SpeechAct::Intention);
        let s = "The figures show unemployment rose in March.";
        assert_eq!(act(s, "show", Some("The figures")), SpeechAct::Evidence);
        let s = "Police declined to comment on the arrest.";
        assert_eq!(act(s, "declined", Some("Police")), SpeechAct::Refusal);
        let s = "Fans cheered the team.";
        assert_eq!(act(s, "cheered", Some("Fans")), SpeechAct::Reaction);
        let spans = quoted_spans(s, MarkSet::EVERY);
        assert_eq!(
            act_of(&Document::new(s, &spans), None, None),
            SpeechAct::Speech
        );
    }

    #[test]
    fn a_negated_verb_of_saying_is_a_refusal_over_auxiliaries_and_adverbs() {
        let cases = [
            (
                "The spokesman would not say whether the talks had failed.",
                "say",
            ),
            (
                "The spokesman wouldn't say whether the talks had failed.",
                "say",
            ),
            (
                "The spokesman wouldn’t say whether the talks had failed.",
                "say",
            ),
            ("The club has never commented on the transfer.", "commented"),
            (
                "The firm did not immediately respond to questions.",
                "respond",
            ),
            ("The firm could not have said more.", "said"),
            (
                "The agency has not yet commented on the report.",
                "commented",
            ),
            ("The union has yet to comment on the offer.", "comment"),
            ("The owner failed to respond to the complaint.", "respond"),
            ("She declined to say whether she would resign.", "say"),
            ("The ministry cannot say how many died.", "say"),
        ];
        for (sentence, cue) in cases {
            assert_eq!(act(sentence, cue, None), SpeechAct::Refusal, "{sentence}");
        }
    }

    #[test]
    fn negation_in_the_cue_counts_too() {
        let s = "The spokesman would not say whether the talks had failed.";
        assert_eq!(act(s, "would not say", None), SpeechAct::Refusal);
        let s = "Officials did not comment.";
        assert_eq!(act(s, "did not comment", None), SpeechAct::Refusal);
    }

    #[test]
    fn a_negation_elsewhere_does_not_count() {
        let cases = [
            ("He admitted the risk, yet said he would go ahead.", "said"),
            ("Not one of them said the plan would fail.", "said"),
            ("She said he did not know.", "said"),
            (
                "It was not clear, officials said, whether the road would open.",
                "said",
            ),
            ("Nobody who was not there said a word.", "said"),
            ("He plans to say more on Monday.", "say"),
        ];
        for (sentence, cue) in cases {
            assert_eq!(act(sentence, cue, None), SpeechAct::Speech, "{sentence}");
        }
    }

    #[test]
    fn negation_changes_speech_only() {
        let s = "Analysts do not believe the merger will collapse.";
        assert_eq!(act(s, "believe", None), SpeechAct::Thought);
        let s = "The council does not plan to sell the depot.";
        assert_eq!(act(s, "plan", None), SpeechAct::Intention);
    }

    #[test]
    fn a_multi_word_cue_is_read_from_its_head() {
        let s = "She is expected to announce her resignation.";
        assert_eq!(act(s, "expected to announce", None), SpeechAct::Thought);
        assert_eq!(act(s, "is expected to", None), SpeechAct::Thought);
        let s = "The minister refused to say whether she would resign.";
        assert_eq!(act(s, "refused to say", None), SpeechAct::Refusal);
        let s = "He pointed to the rising costs.";
        assert_eq!(act(s, "pointed to", None), SpeechAct::Speech);
        let s = "The plant will close, according to the union.";
        assert_eq!(act(s, "according to", Some("the union")), SpeechAct::Speech);
        let s = "Prices rose, according to the latest figures.";
        assert_eq!(
            act(s, "according to", Some("the latest figures")),
            SpeechAct::Evidence
        );
        let s = "The coach has yet to say who will start.";
        assert_eq!(act(s, "yet to say", None), SpeechAct::Refusal);
        let s = "The family would like to thank the nurses.";
        assert_eq!(act(s, "would like", None), SpeechAct::Intention);
    }

    #[test]
    fn some_cues_are_evidence_only_from_data() {
        let s = "The study suggests that coffee is good for the heart.";
        assert_eq!(act(s, "suggests", Some("The study")), SpeechAct::Evidence);
        let s = "The minister suggested that the tax would rise.";
        assert_eq!(act(s, "suggested", Some("The minister")), SpeechAct::Speech);
        assert_eq!(act(s, "suggested", None), SpeechAct::Speech);
        let s = "The report found that the ward was understaffed.";
        assert_eq!(act(s, "found", Some("The report")), SpeechAct::Evidence);
    }

    #[test]
    fn words_before_stop_at_punctuation() {
        assert_eq!(words_at_end("He would not", 6), ["he", "would", "not"]);
        assert_eq!(words_at_end("It rained, he would", 6), ["he", "would"]);
        assert_eq!(words_at_end("a b c d", 2), ["c", "d"]);
        assert!(words_at_end("", 6).is_empty());
        assert!(words_at_end("“Yes.” ", 6).is_empty());
    }
}
