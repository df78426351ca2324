//! Records as one Arrow record batch, with the types pyarrow infers from the records' Python
//! values (`pa.RecordBatch.from_pydict`, as `saidwho.io` builds a Parquet batch): a column per
//! field, in the order fields first appear, null where a record lacks the field; `null` for a
//! column of nulls only, `bool`, `int64`, `double` (ints and floats together too) and `utf8`.
//!
//! Records whose values pyarrow would turn into other types (lists, objects, integers beyond
//! 64 bits signed) or refuse (a column mixing strings and numbers) are not for this module:
//! [`fits`] says so before any work is done, and the caller builds the batch in Python.

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, NullArray, RecordBatch};

use super::{Json, Record};

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

impl Kind {
    fn of(value: &Json<'_>) -> Option<Kind> {
        match value {
            Json::Null => Some(Kind::Null),
            Json::Bool(_) => Some(Kind::Bool),
            Json::Int(_) => Some(Kind::Int),
            Json::UInt(v) => i64::try_from(*v).is_ok().then_some(Kind::Int),
            Json::Float(_) => Some(Kind::Float),
            Json::Str(_) => Some(Kind::Str),
            Json::Array(_) | Json::Object(_) => None,
        }
    }

    /// The kind of a column holding values of both kinds, if pyarrow gives one.
    fn join(self, other: Kind) -> Option<Kind> {
        match (self, other) {
            (a, b) if a == b => Some(a),
            (Kind::Null, k) | (k, Kind::Null) => Some(k),
            (Kind::Int, Kind::Float) | (Kind::Float, Kind::Int) => Some(Kind::Float),
            _ => None,
        }
    }
}

/// The columns of `records`: names in order of first appearance, each with its kind (the text
/// field's counted as strings, whatever the new texts are); `None` if a value does not fit.
pub fn columns<'r>(records: &'r [Record<'_>]) -> Option<Vec<(&'r str, Kind)>> {
    let mut columns: Vec<(&'r str, Kind)> = Vec::new();
    for record in records {
        for (i, (key, value)) in record.entries.iter().enumerate() {
            let kind = if i == record.text_entry {
                Kind::Null
            } else {
                Kind::of(value)?
            };
            match columns.iter_mut().find(|(name, _)| *name == key.as_ref()) {
                Some(column) => column.1 = column.1.join(kind)?,
                None => columns.push((key.as_ref(), kind)),
            }
        }
    }
    Some(columns)
}

/// Whether the records can become a record batch here (see the module's notes).
pub fn fits(records: &[Record<'_>]) -> bool {
    columns(records).is_some()
}

/// The records as a record batch, `texts[i]` in the text field of `records[i]`; the error says
/// why not (see [`fits`]).
pub fn record_batch(
    records: &[Record<'_>],
    texts: &[Option<Cow<'_, str>>],
    text_field: &str,
) -> Result<RecordBatch, String> {
    let columns = columns(records).ok_or("values pyarrow would not read as flat columns")?;
    let n = records.len();
    let mut arrays: Vec<(String, ArrayRef, bool)> = Vec::with_capacity(columns.len());
    for (name, kind) in columns {
        let array = if name == text_field {
            text_column(texts)?
        } else {
            let values = records.iter().map(|r| {
                r.entries
                    .iter()
                    .find(|(k, _)| k == name)
                    .map_or(&Json::Null, |(_, v)| v)
            });
            column(kind, n, values)?
        };
        arrays.push((name.to_owned(), array, true)); // pyarrow's fields are nullable
    }
    RecordBatch::try_from_iter_with_nullable(arrays).map_err(|e| e.to_string())
}

fn text_column(texts: &[Option<Cow<'_, str>>]) -> Result<ArrayRef, String> {
    if texts.iter().all(Option::is_none) {
        return Ok(Arc::new(NullArray::new(texts.len())));
    }
    let bytes: usize = texts.iter().flatten().map(|t| t.len()).sum();
    if i32::try_from(bytes).is_err() {
        return Err("texts too long for one string column".into());
    }
    let mut builder = StringBuilder::with_capacity(texts.len(), bytes);
    for text in texts {
        builder.append_option(text.as_deref());
    }
    Ok(Arc::new(builder.finish()))
}

fn column<'v, 'a: 'v>(
    kind: Kind,
    n: usize,
    values: impl Iterator<Item = &'v Json<'a>>,
) -> Result<ArrayRef, String> {
    Ok(match kind {
        Kind::Null => Arc::new(NullArray::new(n)),
        Kind::Bool => {
            let mut b = BooleanBuilder::with_capacity(n);
            values.for_each(|v| {
                b.append_option(if let Json::Bool(x) = v {
                    Some(*x)
                } else {
                    None
                })
            });
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::with_capacity(n);
            for v in values {
                b.append_option(match v {
                    Json::Int(x) => Some(*x),
                    Json::UInt(x) => Some(i64::try_from(*x).map_err(|e| e.to_string())?),
                    _ => None,
                });
            }
            Arc::new(b.finish())
        }
        Kind::Float => {
            let mut b = Float64Builder::with_capacity(n);
            #[allow(clippy::cast_precision_loss)] // as pyarrow turns a Python int into a double
            values.for_each(|v| {
                b.append_option(match v {
                    Json::Float(x) => Some(*x),
                    Json::Int(x) => Some(*x as f64),
                    Json::UInt(x) => Some(*x as f64),
                    _ => None,
                });
            });
            Arc::new(b.finish())
        }
        Kind::Str => {
            let strings: Vec<Option<&str>> = values
                .map(|v| {
                    if let Json::Str(s) = v {
                        Some(s.as_ref())
                    } else {
                        None
                    }
                })
                .collect();
            let bytes: usize = strings.iter().flatten().map(|s| s.len()).sum();
            if i32::try_from(bytes).is_err() {
                return Err("strings too long for one column".into());
            }
            let mut b = StringBuilder::with_capacity(n, bytes);
            strings.into_iter().for_each(|s| b.append_option(s));
            Arc::new(b.finish())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{parse_record, Fields};
    use arrow_array::Array;

    const FIELDS: Fields<'static> = Fields::DEFAULT;

    fn records(lines: &[&'static str]) -> Vec<Record<'static>> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| parse_record(l.as_bytes(), i, FIELDS).expect("a record"))
            .collect()
    }

    #[test]
    fn columns_follow_pyarrow_inference() {
        let rs = records(&[
            "{\"id\": 1, \"text\": \"a\", \"n\": null, \"x\": 1}",
            "{\"text\": null, \"id\": 2, \"x\": 2.5, \"flag\": true}",
        ]);
        let texts = vec![Some(Cow::Borrowed("A")), None];
        let batch = record_batch(&rs, &texts, "text").expect("a batch");
        let schema = batch.schema();
        let described: Vec<String> = schema
            .fields()
            .iter()
            .map(|f| format!("{}:{}:{}", f.name(), f.data_type(), f.is_nullable()))
            .collect();
        assert_eq!(
            described,
            [
                "id:Int64:true",
                "text:Utf8:true",
                "n:Null:true",
                "x:Float64:true",
                "flag:Boolean:true"
            ]
        );
        assert_eq!(batch.column(4).null_count(), 1);
    }

    #[test]
    fn values_pyarrow_reads_otherwise_are_refused() {
        for pair in [
            [
                "{\"text\": \"a\", \"x\": 1}",
                "{\"text\": \"b\", \"x\": \"1\"}",
            ],
            [
                "{\"text\": \"a\", \"x\": true}",
                "{\"text\": \"b\", \"x\": 1}",
            ],
            ["{\"text\": \"a\", \"x\": [1]}", "{\"text\": \"b\"}"],
            ["{\"text\": \"a\", \"x\": {}}", "{\"text\": \"b\"}"],
            [
                "{\"text\": \"a\", \"x\": 9223372036854775808}",
                "{\"text\": \"b\"}",
            ],
        ] {
            assert!(!fits(&records(&pair)), "{pair:?}");
        }
    }

    #[test]
    fn a_text_column_of_nulls_only_is_null() {
        let rs = records(&["{\"text\": \"a\"}"]);
        let batch = record_batch(&rs, &[None], "text").expect("a batch");
        assert_eq!(batch.schema().field(0).data_type().to_string(), "Null");
    }
}
