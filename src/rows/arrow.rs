//! Quotation rows as one Arrow record batch, column by column, for Parquet, CSV and frames.
//!
//! The first column, `doc_index`, is the position of each row's document in the batch of texts,
//! so that the caller can put any id beside it (ids are the caller's values: ints, strings,
//! index labels). Types are those pyarrow infers from the rows' Python values, so the files
//! written are the ones written before the rows came from here: `int64`, `utf8`, `double`;
//! every column is nullable.

use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};

use super::QuoteRow;

/// The name of the column that holds each row's document position.
pub const DOC_INDEX: &str = "doc_index";

fn offset(value: usize) -> i64 {
    // A text longer than i64::MAX code points cannot exist in memory.
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// One record batch of the rows of every document: `docs[i]` holds the rows of document `i`.
/// The error (a message) cannot happen with these columns, which all have one row per row.
pub fn record_batch(docs: &[Vec<QuoteRow>]) -> Result<RecordBatch, String> {
    let n: usize = docs.iter().map(Vec::len).sum();
    let text_bytes: usize = docs.iter().flatten().map(|r| r.text.len()).sum();
    let ints = || Int64Builder::with_capacity(n);
    let strings = |bytes: usize| StringBuilder::with_capacity(n, bytes);
    let (mut doc_index, mut start, mut end) = (ints(), ints(), ints());
    let (mut mention_start, mut mention_end, mut cue_start, mut cue_end) =
        (ints(), ints(), ints(), ints());
    let mut text = strings(text_bytes);
    let (mut kind, mut act, mut speaker, mut mention, mut cue, mut rule, mut resolution) = (
        strings(n * 8),
        strings(n * 8),
        strings(n * 16),
        strings(n * 16),
        strings(n * 8),
        strings(n * 16),
        strings(n * 32),
    );
    let mut confidence = Float64Builder::with_capacity(n);
    for (i, rows) in docs.iter().enumerate() {
        for row in rows {
            doc_index.append_value(offset(i));
            start.append_value(offset(row.start));
            end.append_value(offset(row.end));
            text.append_value(&row.text);
            kind.append_value(row.kind);
            act.append_value(row.act);
            speaker.append_option(row.speaker.as_deref());
            mention.append_option(row.mention.as_deref());
            mention_start.append_option(row.mention_start.map(offset));
            mention_end.append_option(row.mention_end.map(offset));
            cue.append_option(row.cue.as_deref());
            cue_start.append_option(row.cue_start.map(offset));
            cue_end.append_option(row.cue_end.map(offset));
            confidence.append_value(row.confidence);
            rule.append_value(row.rule);
            resolution.append_option(row.resolution.as_deref());
        }
    }
    let columns: [(&str, ArrayRef); 16] = [
        (DOC_INDEX, Arc::new(doc_index.finish())),
        ("start", Arc::new(start.finish())),
        ("end", Arc::new(end.finish())),
        ("text", Arc::new(text.finish())),
        ("type", Arc::new(kind.finish())),
        ("kind", Arc::new(act.finish())),
        ("speaker", Arc::new(speaker.finish())),
        ("mention", Arc::new(mention.finish())),
        ("mention_start", Arc::new(mention_start.finish())),
        ("mention_end", Arc::new(mention_end.finish())),
        ("cue", Arc::new(cue.finish())),
        ("cue_start", Arc::new(cue_start.finish())),
        ("cue_end", Arc::new(cue_end.finish())),
        ("confidence", Arc::new(confidence.finish())),
        ("rule", Arc::new(rule.finish())),
        ("resolution", Arc::new(resolution.finish())),
    ];
    RecordBatch::try_from_iter_with_nullable(
        columns.into_iter().map(|(name, array)| (name, array, true)),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;

    #[test]
    fn columns_follow_the_rows_and_name_their_document() {
        let row = |start, speaker: Option<&str>| QuoteRow {
            start,
            end: start + 5,
            text: "caf\u{e9}".into(),
            kind: "direct",
            act: "speech",
            speaker: speaker.map(str::to_owned),
            mention: None,
            mention_start: None,
            mention_end: None,
            cue: Some("said".into()),
            cue_start: Some(start + 7),
            cue_end: Some(start + 11),
            confidence: 0.85,
            rule: "r",
            resolution: None,
        };
        let docs = vec![
            vec![row(0, Some("Ann"))],
            vec![],
            vec![row(3, None), row(9, None)],
        ];
        let batch = record_batch(&docs).expect("a batch");
        assert_eq!(batch.num_rows(), 3);
        let names: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names[0], DOC_INDEX);
        assert_eq!(&names[1..], &super::super::COLUMNS);
        let docs_of: Vec<i64> = batch
            .column(0)
            .as_primitive::<Int64Type>()
            .values()
            .to_vec();
        assert_eq!(docs_of, vec![0, 2, 2]);
        assert_eq!(batch.column(6).null_count(), 2); // speaker
        assert_eq!(batch.column(8).null_count(), 3); // mention_start
        assert!(batch.schema().fields().iter().all(|f| f.is_nullable()));
        assert_eq!(record_batch(&[]).expect("empty").num_rows(), 0);
    }
}
