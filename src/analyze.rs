//! The whole job on one article: clean it, find the quotations in the repaired text, and report
//! them against the text the user passed.
//!
//! Quotations are found in the cleaned text (quotation marks destroyed by mojibake are only
//! visible after repair), then every span is mapped back through the cleaner's alignment, so
//! offsets index the original; `text` holds the repaired quotation.

use crate::clean::{clean_explained, Alignment, CleanOptions};
use crate::offsets::CharIndex;
use crate::quotes::{self, Quote, QuoteOptions, ResolutionStep, Span};

/// A quotation with offsets in code points of the original text (what Python indexes).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRecord {
    pub quote: Quote,
    pub start: usize,
    pub end: usize,
    pub cue_span: Option<(usize, usize)>,
    pub mention_span: Option<(usize, usize)>,
}

/// The quotations of `text`. With `clean`, the text is repaired first and offsets are mapped back
/// to `text`; without it, `text` is taken as already clean. Offsets stay in bytes.
pub fn quotes(text: &str, clean: Option<&CleanOptions>, options: &QuoteOptions) -> Vec<Quote> {
    let Some(clean_options) = clean else {
        return quotes::extract(text, options);
    };
    let cleaned = clean_explained(text, clean_options, false);
    let mut found = quotes::extract(&cleaned.text, options);
    if !cleaned.alignment.is_identity() {
        for q in &mut found {
            map_quote(q, &cleaned.alignment);
        }
    }
    found
}

fn map_quote(q: &mut Quote, alignment: &Alignment) {
    (q.start, q.end) = alignment.span_to_original(q.start, q.end);
    // Like the quotation's, the mention's and cue's text stay as repaired (`Ltd’s`, not the
    // damaged `Ltdâs`); only their offsets move to the original.
    for span in [q.cue.as_mut(), q.mention.as_mut()].into_iter().flatten() {
        (span.start, span.end) = alignment.span_to_original(span.start, span.end);
    }
}

/// [`quotes`] with every offset converted to code points of `text`.
pub fn quote_records(
    text: &str,
    clean: Option<&CleanOptions>,
    options: &QuoteOptions,
) -> Vec<QuoteRecord> {
    let found = quotes(text, clean, options);
    let index = CharIndex::new(text);
    let chars = |s: &Span| (index.char_offset(s.start), index.char_offset(s.end));
    found
        .into_iter()
        .map(|quote| QuoteRecord {
            start: index.char_offset(quote.start),
            end: index.char_offset(quote.end),
            cue_span: quote.cue.as_ref().map(chars),
            mention_span: quote.mention.as_ref().map(chars),
            quote,
        })
        .collect()
}

/// Separates the steps of a written resolution trail.
pub const TRAIL_ARROW: &str = " \u{2192} ";

/// A quotation's resolution trail as one line, the way tables show it (the `resolution` column
/// of `quotes_frame` and of the command line's rows): the mention as written, then each later
/// step with the link that reached it in brackets,
/// `he → Mr Starmer (pronoun_antecedent) → Keir Starmer (surname_of_full_name)`.
/// `None` when there is no trail (no mention).
pub fn resolution_trail(steps: &[ResolutionStep]) -> Option<String> {
    resolution_trail_of(steps.iter().map(|s| (s.text.as_str(), s.link)))
}

/// [`resolution_trail`] of `(text, link)` pairs.
pub fn resolution_trail_of<'a>(
    steps: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<String> {
    let mut line: Option<String> = None;
    for (text, link) in steps {
        match line.as_mut() {
            // The first step is the mention itself: what linked it goes without saying.
            None => line = Some(text.to_owned()),
            Some(line) => {
                line.push_str(TRAIL_ARROW);
                line.push_str(text);
                line.push_str(" (");
                line.push_str(link);
                line.push(')');
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trail_reads_from_the_mention_to_the_name() {
        let step = |text: &str, link| ResolutionStep {
            text: text.to_owned(),
            link,
        };
        assert_eq!(resolution_trail(&[]), None);
        assert_eq!(
            resolution_trail(&[step("Ms Okoro", "mention")]).as_deref(),
            Some("Ms Okoro")
        );
        assert_eq!(
            resolution_trail(&[
                step("he", "mention"),
                step("Mr Starmer", "pronoun_antecedent"),
                step("Keir Starmer", "surname_of_full_name"),
            ])
            .as_deref(),
            Some(
                "he \u{2192} Mr Starmer (pronoun_antecedent) \u{2192} Keir Starmer \
                 (surname_of_full_name)"
            )
        );
    }

    #[test]
    fn reported_speech_offsets_point_into_the_damaged_original() {
        let damaged = "The mayor said the caf\u{c3}\u{a9} would reopen on Monday.";
        let records = quote_records(
            damaged,
            Some(&CleanOptions::default()),
            &QuoteOptions::default(),
        );
        let chars: Vec<char> = damaged.chars().collect();
        let r = records.first().expect("a reported clause");
        assert_eq!(r.quote.kind, crate::quotes::QuoteKind::Indirect);
        let in_original: String = chars[r.start..r.end].iter().collect();
        assert_eq!(in_original, "the caf\u{c3}\u{a9} would reopen on Monday");
        assert_eq!(r.quote.text, "the caf\u{e9} would reopen on Monday");
        let (ms, me) = r.mention_span.expect("a mention");
        assert_eq!(chars[ms..me].iter().collect::<String>(), "The mayor");
    }

    #[test]
    fn offsets_point_into_the_damaged_original() {
        let damaged = "The mayor called the plan âbold but overdueâ on Monday.\nâWe will not wait any longer,â Ms Okoro said.";
        // Quotations only: a reported clause's text is the repaired one, marks and all.
        let options = QuoteOptions {
            reported: false,
            ..QuoteOptions::default()
        };
        let records = quote_records(damaged, Some(&CleanOptions::default()), &options);
        assert!(!records.is_empty(), "no quotation found in {damaged:?}");
        let chars: Vec<char> = damaged.chars().collect();
        for r in &records {
            let in_original: String = chars[r.start..r.end].iter().collect();
            assert_eq!(
                in_original, r.quote.text,
                "offsets must index the original text"
            );
        }
        let last = records.last().expect("a quotation");
        assert_eq!(last.quote.text, "We will not wait any longer,");
        let (ms, me) = last.mention_span.expect("a mention");
        assert_eq!(chars[ms..me].iter().collect::<String>(), "Ms Okoro");
        assert_eq!(
            last.quote.mention.as_ref().map(|m| m.text.as_str()),
            Some("Ms Okoro")
        );
    }
}
