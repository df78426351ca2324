//! Who said what: quotations, their kind, their cue and their speaker, from clean news text.
//!
//! [`extract`] works on already-clean text and returns byte offsets. It runs in stages, each in
//! its own module:
//! - `marks`: quotation marks paired into quoted spans (paragraph-bounded, nesting, the
//!   paragraph-continuation convention, typos and stray marks);
//! - `kinds`: direct quotation, partial quotation, or quoted text that nobody said (titles of
//!   shows and books, names and labels), from the quote's place in its sentence. A single
//!   quoted word is kept as a partial quotation: news quotes speakers' words that way as often
//!   as it scare-quotes, and annotated corpora count them;
//! - `direct`: the cue (`cues`) and the speaker mention (`mentions`) in every order news
//!   writes them (a table of named speaker rules and a ranker among their proposals), and the
//!   carry-over of a speaker to the quotes that follow; `marks` and `kinds` live there too;
//! - `people`: the article's people and their aliases, and the resolution of each mention
//!   (surname, honorific, role, pronoun) to a full name.
//!
//! Everything is deterministic and linear in the length of the text: each quote looks at a
//! bounded window around itself, and the people table is built in one pass. No input panics.
//!
//! ```
//! use saidwho::quotes::{extract, QuoteOptions};
//! let text = "Prime Minister Keir Starmer spoke in the Commons.\n\
//!             “It is right that Europe does the heavy lifting,” he said.";
//! let quotes = extract(text, &QuoteOptions::default());
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Keir Starmer"));
//! assert_eq!(quotes[0].cue.as_ref().map(|c| c.text.as_str()), Some("said"));
//! ```

mod acts;
mod cues;
mod direct;
mod doc;
mod lexicon;
mod mentions;
mod model;
mod people;
mod reported;
mod rules;
mod tagger;
mod words;

/// The bundled example articles (clean text): realistic news for the tests that check a fast
/// path against its definition over every place an article offers.
#[cfg(test)]
pub(crate) const EXAMPLE_ARTICLES: [&str; 2] = [
    include_str!("../../examples/article.clean.txt"),
    include_str!("../../examples/senate.clean.txt"),
];

pub use acts::SpeechAct;
use direct::{kinds, marks};
pub use people::Person;
pub use rules::{ResolutionStep, Rule};

/// The speaker ranker's feature templates, which the candidates dump carries for
/// `scripts/train_quotes.py` (see `tests/quotes_train.rs`).
#[doc(hidden)]
pub use direct::ranker::TEMPLATES as SPEAKER_TEMPLATES;

/// How a quotation stands in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A statement standing in its own marks: `“We will win,” she said.`
    Direct,
    /// A fragment quoted inside the writer's sentence: `she called the plan “reckless”`.
    Partial,
    /// Quoted text that is nobody's speech: a title, a nickname, a scare quote. Only returned
    /// with [`QuoteOptions::keep_non_speech`].
    NonSpeech,
    /// Reported speech, without quotation marks: `Mr Starmer said the talks were useful`. Its
    /// span is the reported clause (with any quoted fragment it holds); returned unless
    /// [`QuoteOptions::reported`] is off.
    Indirect,
}

impl QuoteKind {
    /// The name used in the Python API and the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::NonSpeech => "non-speech",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A byte range of the text with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Span {
    fn of(text: &str, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            text: text.get(start..end).unwrap_or("").to_string(),
        }
    }
}

/// One quotation. Offsets are bytes into the text given to [`extract`].
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Start of the quoted content, after its opening mark.
    pub start: usize,
    /// End of the quoted content, before its closing mark.
    pub end: usize,
    /// The quoted content. A quote that runs over paragraphs keeps the paragraph breaks and
    /// the re-opening marks between them.
    pub text: String,
    pub kind: QuoteKind,
    /// What it reports: speech, or (reported rows only) a thought, an intention, evidence, a
    /// refusal to speak or a reaction, from its cue (see [`SpeechAct`]). A quotation, in the
    /// speaker's own words, is speech.
    pub act: SpeechAct,
    /// The reporting words: `said`, `told`, `according to`, a colon lead-in.
    pub cue: Option<Span>,
    /// The words that name the speaker here: `he`, `Mr Starmer`, `a campaign aide`. For a quote
    /// that carries on the speaker of the quote before it, that quote's mention.
    pub mention: Option<Span>,
    /// The speaker resolved within the article (`Keir Starmer` for `he`, `Sir Keir`, `The
    /// Prime Minister`), the mention as written when it names nobody (`a campaign aide`), or
    /// `None` when the evidence is too weak.
    pub speaker: Option<String>,
    /// How sure the attribution is, from 0 to 1.
    pub confidence: f32,
    /// Why the quotation was attributed as it was: the rule that found its cue and speaker
    /// (or, for reported speech, the clause). See [`Rule`] and `docs/rules.md`.
    pub rule: Rule,
    /// How [`Quote::mention`] was resolved to [`Quote::speaker`], step by step (`he` →
    /// `Mr Starmer` → `Keir Starmer`); empty when there is no mention.
    pub resolution: Vec<ResolutionStep>,
}

/// Options of [`extract`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuoteOptions {
    /// Also return quoted text that nobody said (titles, nicknames, scare quotes), as
    /// [`QuoteKind::NonSpeech`].
    pub keep_non_speech: bool,
    /// Only double marks (`"…"`, `“…”`, `„…“`, `«…»`) open a quotation; single marks count
    /// only nested inside one, and what a quotation in two apostrophes (`''We will,'' he
    /// said.`) says is reported speech ([`QuoteKind::Indirect`], with its source and cue).
    /// This is the convention of corpora annotated from double marks only (PolNeAR); by
    /// default single marks (`‘…’`, British style and headlines) and the `''…''` of some
    /// archives open quotations.
    pub double_marks_only: bool,
    /// Also return reported speech (`X said the plan would fail`, `…, according to X.`) as
    /// [`QuoteKind::Indirect`]. On by default.
    pub reported: bool,
}

impl Default for QuoteOptions {
    fn default() -> Self {
        QuoteOptions {
            keep_non_speech: false,
            double_marks_only: false,
            reported: true,
        }
    }
}

impl QuoteOptions {
    fn mark_set(&self) -> marks::MarkSet {
        marks::MarkSet {
            single_primary: !self.double_marks_only,
        }
    }
}

/// The quotations of an article and, with [`QuoteOptions::reported`], its reported speech, in
/// text order.
pub fn extract(text: &str, options: &QuoteOptions) -> Vec<Quote> {
    let spans = marks::quoted_spans(text, options.mark_set());
    if spans.is_empty() && !options.reported {
        return Vec::new();
    }
    let doc = doc::Document::new(text, &spans);
    let kinds: Vec<QuoteKind> = spans.iter().map(|s| kinds::kind_of(&doc, s)).collect();
    let proposed = direct::propose(&doc, &spans, &kinds);
    let reports = if options.reported {
        reported::reported(&doc, &kinds)
    } else {
        Vec::new()
    };
    let people = speaking_people(&doc, &proposed, &reports);
    let attributions = direct::attribute(&doc, &spans, &kinds, &people, proposed);
    let mut found: Vec<Quote> = spans
        .iter()
        .zip(kinds.iter().copied())
        .zip(attributions)
        .filter(|((_, kind), _)| options.keep_non_speech || *kind != QuoteKind::NonSpeech)
        .map(|((span, kind), found)| Quote {
            start: span.start,
            end: span.end,
            text: text[span.start..span.end].to_string(),
            kind: counted_kind(options, span, kind),
            act: SpeechAct::Speech,
            cue: found.cue.map(|(s, e)| Span::of(text, s, e)),
            mention: found.mention.map(|(s, e)| Span::of(text, s, e)),
            speaker: found.speaker,
            confidence: found.confidence,
            rule: found.rule,
            resolution: found.resolution,
        })
        // Off, reported speech includes what `double_marks_only` counts as such; and reported
        // speech has a cue: text in two apostrophes that nobody is said to have said is no
        // report.
        .filter(|q| q.kind != QuoteKind::Indirect || (options.reported && q.cue.is_some()))
        .collect();
    if options.reported {
        // `“…,” Ms Lind said pleasantly into the phone`: the cue of a quotation before it, read
        // forwards, says how or where it was said, not what.
        let mut cues_after_quotes: Vec<usize> = found
            .iter()
            .filter_map(|q| q.cue.as_ref().filter(|c| c.start >= q.end).map(|c| c.start))
            .collect();
        // Searched once a report: sorted, so that an article of many of both stays linear-ish.
        cues_after_quotes.sort_unstable();
        let reported: Vec<Quote> = reports
            .iter()
            .filter(|r| {
                !(cues_after_quotes
                    .binary_search(&doc.tokens[r.cue.0].start)
                    .is_ok()
                    && reported::only_adjuncts(&doc, r))
            })
            .filter_map(|r| reported_quote(&doc, &people, r))
            .collect();
        attribute_partials_to_reports(&mut found, &reported);
        if !reported.is_empty() {
            found.extend(reported);
            // Stable: a quotation stays before the reported clause that starts with it.
            found.sort_by_key(|q| q.start);
        }
    }
    // After reported speech has lent its source to the fragments inside it.
    unattributed_fragments_are_non_speech(&mut found, options.keep_non_speech);
    found
}

/// The most words a quotation nobody is said to have said may have and still be taken for a
/// title, a nickname or a scare quote (`the “Big Tent Brunch”`, `upgraded to “confidential”`).
/// On PolNeAR train such quotes of one to three words are annotated as quotations 49 times in
/// 127, and as anybody's words with no speaker 8 times: fewer than a quotation needs to be
/// worth returning.
const MAX_WORDS_OF_A_SPEAKERLESS_FRAGMENT: usize = 3;

/// A quotation left unattributed (after reported speech lent its source to the fragments inside
/// it) that is a few words long is a title, a nickname or a scare quote: quoted text that is
/// nobody's speech, returned only with `keep_non_speech`.
fn unattributed_fragments_are_non_speech(found: &mut Vec<Quote>, keep_non_speech: bool) {
    for q in found.iter_mut() {
        if matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
            && q.rule == Rule::Unattributed
            && q.text.split_whitespace().count() <= MAX_WORDS_OF_A_SPEAKERLESS_FRAGMENT
        {
            q.kind = QuoteKind::NonSpeech;
        }
    }
    if !keep_non_speech {
        found.retain(|q| q.kind != QuoteKind::NonSpeech);
    }
}

/// The least confidence of a reported clause whose source and cue a partial quote inside it
/// takes (tuned on PolNeAR train: weaker reports are wrong about as often as the quote's own
/// attribution).
const REPORT_CONFIDENCE_FOR_PARTIALS: f32 = 0.5;

/// `Mr Hale said the budget was “reckless”`: a partial quote inside a reported clause is part
/// of what the clause's source said, so it takes the source and cue of the narrowest such
/// clause, which PolNeAR marks as the quote's own. Not a quote attributed by the words that
/// close its sentence (`…, a party spokesman said.`), whose attribution reads further than the
/// clause around it.
fn attribute_partials_to_reports(quotes: &mut [Quote], reported: &[Quote]) {
    let mut reports: Vec<&Quote> = reported
        .iter()
        // A refusal (`would not say that …`) did not say the words quoted inside it. Nor
        // need a phrase a participle follows (`an ad calling him “reckless”`): the quoted words
        // are most often the speaker's the sentence or the story names.
        .filter(|r| {
            r.confidence >= REPORT_CONFIDENCE_FOR_PARTIALS
                && r.act != SpeechAct::Refusal
                && r.rule != Rule::ReportedParticiple
        })
        .collect();
    reports.sort_by_key(|r| r.start);
    // The farthest end of the reports up to each one: going back from a quote, the reports
    // before the first that cannot reach its end cannot hold it either, so each quote reads
    // only the reports around it.
    let reach: Vec<usize> = reports
        .iter()
        .scan(0, |far, r| {
            *far = (*far).max(r.end);
            Some(*far)
        })
        .collect();
    for quote in quotes
        .iter_mut()
        .filter(|q| q.kind == QuoteKind::Partial && q.rule != Rule::SentenceFinal)
    {
        let mut narrowest: Option<&Quote> = None;
        let mut j = reports.partition_point(|r| r.start <= quote.start);
        while j > 0 && reach[j - 1] >= quote.end {
            j -= 1;
            let r = reports[j];
            // The narrowest report; of reports of one span, the first in the order they were
            // found (this loop reads them backwards: the last one it reads).
            if quote.end <= r.end && narrowest.is_none_or(|n| r.end - r.start <= n.end - n.start) {
                narrowest = Some(r);
            }
        }
        let Some(report) = narrowest else {
            continue;
        };
        if report.cue == quote.cue && report.mention == quote.mention {
            continue;
        }
        quote.cue = report.cue.clone();
        quote.mention = report.mention.clone();
        quote.speaker = report.speaker.clone();
        quote.resolution = report.resolution.clone();
        quote.confidence = report.confidence;
        quote.rule = Rule::InsideReport;
    }
}

/// The people of the article, knowing whom the rules find speaking in it (the first mention
/// proposed for each quotation, the source of each report): the antecedent ranker's `spoke`.
fn speaking_people(
    doc: &doc::Document,
    proposed: &[direct::Proposed],
    reports: &[reported::Reported],
) -> people::People {
    let mut people = people::People::of(doc);
    people.note_sources(
        direct::first_mentions(proposed).chain(reports.iter().filter_map(|r| r.mention)),
    );
    people.resolve_pronouns(doc);
    people
}

/// The people of `text` as [`extract`] sees them with `options`, for the training dumps.
fn people_as_extract_sees(
    doc: &doc::Document,
    spans: &[doc::QuotedSpan],
    options: &QuoteOptions,
) -> people::People {
    let kinds: Vec<QuoteKind> = spans.iter().map(|s| kinds::kind_of(doc, s)).collect();
    let proposed = direct::propose(doc, spans, &kinds);
    let reports = if options.reported {
        reported::reported(doc, &kinds)
    } else {
        Vec::new()
    };
    speaking_people(doc, &proposed, &reports)
}

/// How a quotation counts under the options: with [`QuoteOptions::double_marks_only`], what a
/// quotation in two apostrophes (`''We will,'' he said.`) says is reported speech, as corpora
/// annotated from double marks count it; it keeps its source and cue (and is left out without
/// a cue).
fn counted_kind(options: &QuoteOptions, span: &doc::QuotedSpan, kind: QuoteKind) -> QuoteKind {
    let speech = matches!(kind, QuoteKind::Direct | QuoteKind::Partial);
    if options.double_marks_only && span.two_apostrophes && speech {
        QuoteKind::Indirect
    } else {
        kind
    }
}

/// A reported-speech attribution as a [`Quote`] of kind [`QuoteKind::Indirect`], its speaker
/// resolved as a quotation's is.
fn reported_quote(
    doc: &doc::Document,
    people: &people::People,
    r: &reported::Reported,
) -> Option<Quote> {
    let (start, end) = doc.byte_span(r.content)?;
    let cue = doc.byte_span(r.cue).map(|(s, e)| Span::of(doc.text, s, e));
    // `the past`, `the mere`: the clause may be a report, its "speaker" is nobody.
    // `said an aide to the mayor`, `A spokesman for the board said`: the person with the
    // complement naming whom they act for (read no further than the content when it follows).
    let source = r
        .mention
        .and_then(|m| mentions::speaker_part(doc, m))
        .map(|m| {
            let limit = if r.content.0 >= m.1 {
                r.content.0
            } else {
                doc.tokens.len()
            };
            mentions::with_its_complement(doc, m, limit)
        });
    let mention = source
        .and_then(|m| doc.byte_span(m))
        .map(|(s, e)| Span::of(doc.text, s, e));
    let (speaker, resolution) = source
        .map(|(s, e)| people.resolve_trail(doc, s, e))
        .unwrap_or_default();
    // The cue as written (not only its head) and the source before the speaker part: `the
    // figures` make `show` evidence.
    let act = acts::act_of(doc, Some(r.cue), r.mention);
    Some(Quote {
        start,
        end,
        text: doc.text.get(start..end)?.to_string(),
        kind: QuoteKind::Indirect,
        act,
        cue,
        mention,
        speaker,
        confidence: r.confidence,
        rule: r.rule,
        resolution,
    })
}

/// One speaker candidate of a quote, for training the ranker (byte ranges).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Candidate {
    pub mention: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub features: Vec<String>,
}

/// A speech quote's speaker candidates and the one the ranker keeps, for training the ranker.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct CandidateSet {
    pub start: usize,
    pub end: usize,
    pub chosen: usize,
    pub candidates: Vec<Candidate>,
}

/// Every speech quote's speaker candidates with their ranking features (training data for
/// `scripts/train_quotes.py`; see `tests/quotes_train.rs`).
#[doc(hidden)]
pub fn speaker_candidates(text: &str, options: &QuoteOptions) -> Vec<CandidateSet> {
    let spans = marks::quoted_spans(text, options.mark_set());
    if spans.is_empty() {
        return Vec::new();
    }
    let doc = doc::Document::new(text, &spans);
    let kinds: Vec<QuoteKind> = spans.iter().map(|s| kinds::kind_of(&doc, s)).collect();
    let people = people_as_extract_sees(&doc, &spans, options);
    direct::candidate_sets(&doc, &spans, &kinds, &people)
}

/// The feature templates of the cue chooser (see `tests/quotes_train.rs`).
#[doc(hidden)]
pub use direct::cue_choice::TEMPLATES as CUE_CHOICE_TEMPLATES;

/// Every speech quote with two or more cues before it, with those cues and their features
/// (training data for `scripts/train_cue_choice.py`; see `tests/quotes_train.rs`). `chosen` is
/// the hand-written rules' pick.
#[doc(hidden)]
pub fn cue_choice_candidates(text: &str, options: &QuoteOptions) -> Vec<CandidateSet> {
    let spans = marks::quoted_spans(text, options.mark_set());
    if spans.is_empty() {
        return Vec::new();
    }
    let doc = doc::Document::new(text, &spans);
    let kinds: Vec<QuoteKind> = spans.iter().map(|s| kinds::kind_of(&doc, s)).collect();
    direct::cue_choice_sets(&doc, &spans, &kinds)
}

/// The feature templates of the reported-speech cue and content-end models, which the training
/// dumps carry so that `scripts/train_reported.py` writes them into each table's header.
#[doc(hidden)]
pub use reported::{
    CUE_TEMPLATES as REPORTED_CUE_TEMPLATES, END_TEMPLATES as REPORTED_END_TEMPLATES,
};

/// Every word the reported-speech cue model scores, as a byte range with its features
/// (training data for `scripts/train_reported.py`; see `tests/reported_train.rs`).
#[doc(hidden)]
pub fn reported_cue_candidates(
    text: &str,
    options: &QuoteOptions,
) -> Vec<(usize, usize, Vec<String>)> {
    let spans = marks::quoted_spans(text, options.mark_set());
    let doc = doc::Document::new(text, &spans);
    reported::cue_candidates(&doc)
        .into_iter()
        .map(|(i, features)| (doc.tokens[i].start, doc.tokens[i].end, features))
        .collect()
}

/// How likely each word of `text` is to head a cue of reported speech, as `(start, end,
/// probability)` byte ranges for the words the cue model or the lexicon scores above zero: what
/// the reported-speech rules start from (for error analysis; see `tests/reported_train.rs`).
pub fn reported_cue_probabilities(text: &str, options: &QuoteOptions) -> Vec<(usize, usize, f32)> {
    let spans = marks::quoted_spans(text, options.mark_set());
    let doc = doc::Document::new(text, &spans);
    reported::cue_probabilities(&doc)
        .into_iter()
        .enumerate()
        .filter(|&(_, p)| p > 0.0)
        .map(|(i, p)| (doc.tokens[i].start, doc.tokens[i].end, p))
        .collect()
}

/// Every place the reported-speech content-end model scores, as `(clause, place, features)`:
/// the forward clause as the rules draw it (a byte range), the byte offsets of the end of the
/// word before the place and of the token at it, and the features (training data for
/// `scripts/train_reported.py --ends`; see `tests/reported_train.rs`).
#[allow(clippy::type_complexity)]
pub fn reported_end_candidates(
    text: &str,
    options: &QuoteOptions,
) -> Vec<((usize, usize), (usize, usize), Vec<String>)> {
    let spans = marks::quoted_spans(text, options.mark_set());
    let doc = doc::Document::new(text, &spans);
    let kinds: Vec<QuoteKind> = spans.iter().map(|s| kinds::kind_of(&doc, s)).collect();
    reported::end_candidates(&doc, &kinds)
        .into_iter()
        .filter_map(|(clause, k, features)| {
            let clause = doc.byte_span(clause)?;
            let before = doc.tokens[..k]
                .iter()
                .rev()
                .find(|t| t.kind == doc::TokKind::Word)?;
            Some((clause, (before.end, doc.tokens[k].start), features))
        })
        .collect()
}

/// The feature templates of the antecedent ranker, which its training dump carries.
#[doc(hidden)]
pub use people::ANTECEDENT_TEMPLATES;

/// The antecedent candidates of each `he`/`she`-like pronoun at the byte ranges `pronouns`:
/// for each, every candidate person as (the byte ranges of their mentions before the pronoun,
/// the ranker's features); empty for a range that is no gendered pronoun (training data for
/// `scripts/train_antecedents.py`; see `tests/quotes_train.rs`).
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn antecedent_candidates(
    text: &str,
    pronouns: &[(usize, usize)],
) -> Vec<Vec<(Vec<(usize, usize)>, Vec<String>)>> {
    let spans = marks::quoted_spans(text, QuoteOptions::default().mark_set());
    let doc = doc::Document::new(text, &spans);
    let people = people_as_extract_sees(&doc, &spans, &QuoteOptions::default());
    let speakers = quotation_speakers(text);
    pronouns
        .iter()
        .map(|&(start, _)| {
            let previous = speaker_before(&speakers, start);
            people.pronoun_candidates(&doc, doc.token_at(start), previous)
        })
        .collect()
}

/// For each byte range of `sources` that is a repeated mention of a person of known gender,
/// the candidates a pronoun there would have, each with whether it is that person and its
/// features (training data for `scripts/train_antecedents.py`; see `tests/antecedents_train.rs`).
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn pseudo_pronoun_candidates(
    text: &str,
    sources: &[(usize, usize)],
) -> Vec<Option<Vec<(bool, Vec<String>)>>> {
    let spans = marks::quoted_spans(text, QuoteOptions::default().mark_set());
    let doc = doc::Document::new(text, &spans);
    let people = people_as_extract_sees(&doc, &spans, &QuoteOptions::default());
    let speakers = quotation_speakers(text);
    sources
        .iter()
        .map(|&(start, _)| {
            let previous = speaker_before(&speakers, start);
            people.pseudo_pronoun_candidates(&doc, doc.token_at(start), previous)
        })
        .collect()
}

/// Each quotation's end and speaker, as `extract` finds them: the context the antecedent
/// ranker has at run time, for its training dumps.
fn quotation_speakers(text: &str) -> Vec<QuotationSpeaker> {
    extract(text, &QuoteOptions::default())
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| QuotationSpeaker {
            end: q.end,
            mention_start: q.mention.map(|m| m.start),
            speaker: q.speaker,
        })
        .collect()
}

/// A quotation as the antecedent ranker's context sees it.
struct QuotationSpeaker {
    end: usize,
    mention_start: Option<usize>,
    speaker: Option<String>,
}

/// The speaker of the last quotation ending before byte `at` whose own mention does not start
/// there: at run time a quotation's `he` is resolved knowing only the quotations before it.
fn speaker_before(speakers: &[QuotationSpeaker], at: usize) -> Option<&str> {
    speakers
        .iter()
        .rev()
        .find(|q| q.end <= at && q.mention_start != Some(at))
        .and_then(|q| q.speaker.as_deref())
}

/// The people of an article, each with the ways the article names them.
pub fn people(text: &str) -> Vec<Person> {
    let spans = marks::quoted_spans(text, QuoteOptions::default().mark_set());
    let doc = doc::Document::new(text, &spans);
    people::People::of(&doc).into_people()
}
