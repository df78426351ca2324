//! The whole job on one article: clean it, find the quotations in the repaired text, and report
//! them against the text the user passed.
//!
//! Quotations are found in the cleaned text (quotation marks destroyed by mojibake are only
//! visible after repair), then every span is mapped back through the cleaner's alignment, so
//! offsets index the original; `text` holds the repaired quotation.

use crate::clean::{clean_explained, Alignment, CleanOptions};
use crate::offsets::CharIndex;
use crate::quotes::{self, Quote, QuoteOptions, Span};

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

#[cfg(test)]
mod tests {
    use super::*;

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
