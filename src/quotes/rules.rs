//! Every rule that can attribute a quotation or find reported speech, registered in one table
//! the way cleaning registers its steps: a stable name that reaches the user (`Quote.rule`, the
//! `rule` column, the notebook's tooltip), and what the rule does, in a sentence. The names are
//! part of the API: rename one only with a note in the changelog. `docs/rules.md` documents each
//! (a test checks that every name is there), and the speaker ranker's features name rules
//! through [`Rule::name`], never through `Debug`.

/// Declares the [`Rule`] enum, its names and descriptions, and [`Rule::ALL`].
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $what:literal;)*) => {
        /// Why a quotation was attributed (or found, for reported speech) as it was.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in the order of the table.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The rule's stable name (`after_quote_said`, `according_to`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// What the rule does, in a sentence.
            pub fn description(self) -> &'static str {
                match self {
                    $(Rule::$variant => $what,)*
                }
            }

            /// The rule of a name, if there is one.
            pub fn from_name(name: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.name() == name)
            }
        }
    };
}

rules! {
    /// No cue or speaker was found: the quotation stands alone.
    Unattributed = "unattributed",
        "No cue or speaker was found near the quotation; it is returned without a speaker.";
    // Quotations. The speaker rules of `direct::RULES` (their names are the ranker's), then the
    // patterns a quote reports when a rule reads more than one.
    /// `“… a real disgrace.” ― Ana Ruiz`
    DashSignature = "dash_signature",
        "A quote signed with a dash and a name that ends the paragraph is that name's; no other rule is asked.";
    /// The rules reading what follows the quote; a quote reports their pattern.
    AfterQuote = "after_quote",
        "The speaker rule reading right after the quote, in its sentence (a quote names its pattern: after_quote_said, after_quote_inverted, after_quote_any_verb, after_question, after_sentence, according_to).";
    /// The rules reading the quote's sentence before it; a quote reports their pattern.
    BeforeQuote = "before_quote",
        "The speaker rule reading the quote's sentence before it (a quote names its pattern: before_quote_said, before_quote_gerund, colon_after_name, colon_lead_in, colon_only, according_to).";
    /// `… will carry “a great deal of weight” with voters, a party spokesman said.`
    SentenceFinal = "sentence_final",
        "The attribution that closes the quote's sentence after a comma.";
    /// `Sir Keir is clear that any deal “must be lasting”`
    ThatClause = "that_clause",
        "Without a verb of saying: a subject, a short predicate and `that` before the quote.";
    /// `The mayor vetoed the budget over “wasteful spending”.`
    SubjectAndVerb = "subject_and_verb",
        "The subject of the quote's sentence and the verb after it, a verb outside the lexicon; weak.";
    /// `Iowa State University's Dianne Bystrom agreed. “…”`
    LeadInSentence = "lead_in_sentence",
        "A short sentence of subject and verb, or one ending in a colon, introduces the quote that opens the next sentence or paragraph.";
    /// `Sanders’s call for a “political revolution”`
    Possessor = "possessor",
        "A named possessor or a possessive pronoun a few words before the quote.";
    /// A noun phrase near the quote, proposed to the ranker (off by default).
    NounPhrase = "noun_phrase",
        "A noun phrase of the quote's sentence chosen by the speaker ranker, with another rule's cue.";
    /// `“…,” he said.`
    AfterQuoteSaid = "after_quote_said",
        "A subject and a verb of saying right after the quote, in its sentence.";
    /// `“…,” said Mr Starmer.`
    AfterQuoteInverted = "after_quote_inverted",
        "A verb of saying then its subject right after the quote, in its sentence.";
    /// `“…,” the nominee riffed.`
    AfterQuoteAnyVerb = "after_quote_any_verb",
        "After a comma inside the marks, a subject and a verb outside the lexicon.";
    /// `“…?” Hannity pressed.`
    AfterQuestion = "after_question",
        "After a question or an exclamation, a bare clause of subject and verb.";
    /// `“… that are missing.” Trump said.`
    AfterSentence = "after_sentence",
        "After a quote that ends its sentence with a full stop, a sentence of nothing but a subject and a verb of saying.";
    /// `He said: “…”` / `Mr Starmer said Mr Trump’s commitment was “sincere”`
    BeforeQuoteSaid = "before_quote_said",
        "A verb of saying and its subject before the quote, in its sentence.";
    /// `criticised Mr Zelensky for suggesting a deal “is far away”`
    BeforeQuoteGerund = "before_quote_gerund",
        "A gerund or infinitive verb of saying before the quote, and the name or subject it belongs to.";
    /// `Republican pollster Daron Shaw: “…”`
    ColonAfterName = "colon_after_name",
        "A name right before the colon that opens the quote.";
    /// `Perez lobbies for a higher minimum wage: “…”`
    ColonLeadIn = "colon_lead_in",
        "The subject of the clause ending in the colon that opens the quote, and its verb.";
    /// `… in a statement: “…”`
    ColonOnly = "colon_only",
        "A colon before the quote and the phrase before it, without a subject or a name; weak.";
    /// `“…,” according to the report.`
    AccordingTo = "according_to",
        "The cue is `according to`, before or after the quote, and the phrase after it the source.";
    /// `words like “maybe” and “perhaps”, he told reporters`
    ListedTogether = "listed_together",
        "A quote listed with the next one (joined by `and`, `or` or a comma) shares that quote's attribution.";
    /// `In the end it was “stagnant” as donors waited for a “turbulent cycle,” he said.`
    ClosesSentence = "closes_sentence",
        "A quote with nothing of its own takes the attribution that a later quote of its sentence found after itself.";
    /// `Mr Hale said the budget was “reckless” and would “hurt families”.`
    InsideReport = "inside_report",
        "A partial quote inside a reported clause takes that clause's source and cue: the quoted words are part of what the source is reported to have said.";
    /// `“We will win,” she said. “We always have.”`
    ContinuesPrevious = "continues_previous",
        "No attribution of its own: the quote carries on the speaker of the quote before it in its paragraph, or in the paragraph before when it opens its own.";
    // Reported speech
    /// `Mr Starmer said the commitment was sincere.`
    ReportedForward = "reported_forward",
        "A verb of saying or thinking with its subject before it reports the clause after it (X said (that) …).";
    /// `As the minister said, the plan will fail.`
    ReportedAsSaid = "reported_as_said",
        "A cue in an `as` clause set off by a comma reports the main clause after it (As X said, …).";
    /// `More than six in ten voters who attended described …`
    ReportedForwardLongSubject = "reported_forward_long_subject",
        "A sure cue whose subject is too long to read reports the clause after it, with no source named.";
    /// `The senator seems to be losing ground.`
    ReportedSeemsTo = "reported_seems_to",
        "A verb whose subject belongs to what it reports (seems, appears to, is expected to) reports its whole clause, subject included, with no source named.";
    /// `The senator was asked to explain the vote.`
    ReportedPassive = "reported_passive",
        "A cue in the passive (was asked to, is known for, was told that) reports the clause after it with no source named: its subject was spoken to or about, and did not speak.";
    /// `The plan will fail, the minister said.`
    ReportedBackward = "reported_backward",
        "A source and its cue after a comma report the sentence before the comma (…, X said.).";
    /// `The plan will fail, said the minister.`
    ReportedBackwardInverted = "reported_backward_inverted",
        "A cue then its source after a comma report the sentence before the comma (…, said X.).";
    /// `The plan, the minister said, will fail.`
    ReportedAround = "reported_around",
        "A source and its cue set off by commas inside a sentence report both halves around them (…, X said, …).";
    /// `According to aides, talks have stalled.`
    ReportedAccordingTo = "reported_according_to",
        "A sentence opening with `according to X,` reports the clause after the comma.";
    /// `Talks have stalled, according to aides.`
    ReportedAccordingToAfter = "reported_according_to_after",
        "`According to X` after a comma reports the sentence before the comma (…, according to X.).";
    /// `Talks, according to aides, have stalled.`
    ReportedAccordingToAround = "reported_according_to_around",
        "`According to X` set off by commas inside a sentence reports both halves around it.";
    /// `In a May poll, 40 percent backed the pier.`
    ReportedInPoll = "reported_in_poll",
        "A poll or survey is the source of what a sentence reports it found, its cue `in`: opening the sentence (In a CNN poll, …) or closing it (… in the latest survey.).";
    /// `Mayor Lind: The pier will reopen in May`
    ReportedColon = "reported_colon",
        "A paragraph (a headline, a transcript's turn) opening with a short name and a colon is that source's statement, to the end of the paragraph (Name: …).";
    /// `Asked whether the bridge was safe, Ms Okafor said it was.`
    ReportedAsked = "reported_asked",
        "A question put to a source (`Asked whether …,` opening a sentence, or `when asked about …`) is reported with the cue `asked`; its source is the asker when the sentence names one (`Asked by reporters whether …`).";
    /// `Ms Okafor said the bridge was safe, adding that inspections would continue.`
    ReportedGerund = "reported_gerund",
        "A gerund cue after a comma or a preposition (…, adding that …) reports the clause after it, its source the subject of the sentence.";
    /// `A group backing the mayor’s plan bought airtime.`
    ReportedParticiple = "reported_participle",
        "A participle cue right after a noun phrase (a group backing the plan, an ad calling him a liar, voters saying they …) reports what follows it, its source that noun phrase.";
    /// `Senator Calls For Inquiry Into Port Deal`
    ReportedHeadline = "reported_headline",
        "A report in a headline in title case, where a capitalised verb may be the cue.";
    /// `The mayor said the council hoped the bridge would open in May.`
    ReportedNested = "reported_nested",
        "A report inside the content of another report of the same sentence (X said Y hoped …).";
    /// `The mayor promised to rebuild the pier and said the work would start soon.`
    ReportedCoordinated = "reported_coordinated",
        "A second report joined to the one before it by a conjunction, which ends the first (X promised … and said …).";
}

/// One step of how a mention was resolved to the name `Quote.speaker` gives: the form reached
/// and what linked it to the step before (the first step is the mention as written).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResolutionStep {
    /// The words of this step: `he`, `Mr Starmer`, `Keir Starmer`.
    pub text: String,
    /// What linked it to the step before: `mention` for the first step, then a stable name
    /// such as `pronoun_antecedent` or `surname_of_full_name`.
    pub link: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_snake_case_and_described() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            let name = rule.name();
            assert!(seen.insert(name), "{name} is used twice");
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
                "{name} is not snake_case"
            );
            assert!(
                rule.description().ends_with('.'),
                "{name}: describe it in a sentence"
            );
            assert_eq!(Rule::from_name(name), Some(*rule));
        }
    }
}
