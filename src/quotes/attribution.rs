//! Linking each quote to its cue and speaker mention.

use super::marks::QuotedSpan;
use super::people::People;
use super::text::Document;
use super::QuoteKind;

#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub cue: Option<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub speaker: Option<String>,
    pub confidence: f32,
}

pub(crate) fn attribute(
    _doc: &Document,
    spans: &[QuotedSpan],
    _kinds: &[QuoteKind],
    _people: &People,
) -> Vec<Attribution> {
    vec![Attribution::default(); spans.len()]
}
