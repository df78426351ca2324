//! Quoted spans as the document knows them: found by `direct::marks`, read by the tokenizer (a
//! token knows which quotation it lies in) and by every later stage.

/// The family a mark belongs to: marks only pair with marks of their own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `"` `“` `”` `„` `‟`, and guillemets `«` `»`.
    Double,
    /// `'` `‘` `’` `‚` and `‹` `›`.
    Single,
}

/// A quoted span: byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuotedSpan {
    /// Offset of the opening mark.
    pub open: usize,
    /// Content start (just after the opening mark).
    pub start: usize,
    /// Content end (just before the closing mark, or the end of the paragraph when unclosed).
    pub end: usize,
    /// Offset just after the closing mark (equal to `end` when the quote was never closed).
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    pub family: Family,
    /// Opened by two apostrophes (`''…''`, archives that lost their curly quotes). Corpora
    /// annotated from double marks only (PolNeAR) count what such a quotation says as reported
    /// speech, not as a quotation.
    pub two_apostrophes: bool,
    /// Offsets of the opening marks that re-open the quote in continuation paragraphs.
    pub reopenings: Vec<usize>,
}
