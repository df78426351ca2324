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
    /// `Ms Okafor said the bridge was safe, adding that inspections would continue.`
    ReportedGerund = "reported_gerund",
        "A gerund cue after a comma or a preposition (…, adding that …) reports the clause after it, its source the subject of the sentence.";
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
