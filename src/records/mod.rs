//! Records of a JSON lines file read, and written back, by the core: `saidwho clean` on JSONL
//! without a Python object per record.
//!
//! The caller hands over the raw lines of the file (each with its `\n`), the core cuts one
//! batch from them by the rules of the Python reader (`saidwho.io`'s `_RowCollector`: at most
//! `max_records` records, or fewer once their texts reach `max_chars` code points), parses each
//! record ([`json`]), and after the texts are cleaned writes each record as the Python writer
//! wrote it ([`write_record`]: `json.JSONEncoder(ensure_ascii=False)`, keys in their order, the
//! text in its place) or, with the `arrow` feature, as one Arrow record batch ([`arrow`]).
//!
//! Whatever the core cannot read exactly as Python reads it (a line that is not UTF-8 or not
//! JSON, not an object, without the text field or with a text that is not a string, a value
//! [`json::parse`] refuses) makes [`read_batch`] answer [`Plan::Python`]: the caller then reads
//! that batch the Python way, which also gives the error naming the file and line.

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod escape;
pub mod json;

use std::borrow::Cow;

use rayon::prelude::*;

pub use json::Json;

/// The fields the reader looks at.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'f> {
    /// The field holding the text (a string or null).
    pub text: &'f str,
    /// The id field, which every record must hold when `require_id` is set.
    pub id: Option<&'f str>,
    pub require_id: bool,
}

impl Fields<'static> {
    /// The command line's defaults: the text in `text`, the id in `id` when a record has one.
    pub const DEFAULT: Fields<'static> = Fields {
        text: "text",
        id: Some("id"),
        require_id: false,
    };
}

/// Where a batch is cut (`--batch-size` and the reader's text budget).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_records: usize,
    /// A batch ends with the record that brings its texts to this many code points.
    pub max_chars: usize,
}

/// One record: its entries in order, the text field's among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    /// The position of the record's line among the lines given.
    pub line: usize,
    pub entries: Vec<(Cow<'a, str>, Json<'a>)>,
    /// The position of the text field among `entries`.
    pub text_entry: usize,
}

impl Record<'_> {
    /// The record's text, `None` when it is null.
    pub fn text(&self) -> Option<&str> {
        match self.entries.get(self.text_entry) {
            Some((_, Json::Str(text))) => Some(text),
            _ => None,
        }
    }
}

/// What [`read_batch`] makes of the lines it was given.
#[derive(Debug, PartialEq)]
pub enum Plan<'a> {
    /// Fewer lines than one batch needs, and more may come: call again with more.
    More,
    /// The line at this position (among those given) is not for the core: the caller reads
    /// this batch itself.
    Python { line: usize },
    /// One batch: its records, and how many of the lines it used (the rest begin the next).
    Batch {
        records: Vec<Record<'a>>,
        lines: usize,
    },
}

/// A line Python's reader skips: only whitespace (`str.strip()` leaves nothing). Only ASCII
/// whitespace is recognised here; a line of other whitespace fails to parse, and goes to Python.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f))
}

/// One line read as a record, or `None` when Python must read it (see the module's notes).
pub fn parse_record<'a>(line: &'a [u8], index: usize, fields: Fields<'_>) -> Option<Record<'a>> {
    let Ok(Json::Object(entries)) = json::parse(line) else {
        return None;
    };
    let text_entry = entries.iter().position(|(k, _)| k == fields.text)?;
    if !matches!(entries[text_entry].1, Json::Str(_) | Json::Null) {
        return None;
    }
    if fields.require_id {
        let id = fields.id?;
        if !entries.iter().any(|(k, _)| k == id) {
            return None;
        }
    }
    Some(Record {
        line: index,
        entries,
        text_entry,
    })
}

/// Cuts one batch from `lines` (the file's next lines; `last`: the file ends after them) and
/// parses its records on `pool`, as the Python reader would cut it: see [`Plan`].
pub fn read_batch<'a>(
    pool: &rayon::ThreadPool,
    lines: &[&'a [u8]],
    fields: Fields<'_>,
    limits: Limits,
    last: bool,
) -> Plan<'a> {
    let max_records = limits.max_records.max(1);
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| !is_blank(lines[i]))
        .take(max_records)
        .collect();
    if candidates.len() < max_records && !last {
        return Plan::More;
    }
    let parsed: Vec<Option<Record<'a>>> = pool.install(|| {
        candidates
            .par_iter()
            .map(|&i| parse_record(lines[i], i, fields))
            .collect()
    });
    let mut records = Vec::with_capacity(parsed.len());
    let mut chars = 0usize;
    for (record, &line) in parsed.into_iter().zip(&candidates) {
        let Some(record) = record else {
            return Plan::Python { line };
        };
        chars += record.text().map_or(0, |t| t.chars().count());
        records.push(record);
        if records.len() >= max_records || chars >= limits.max_chars {
            return Plan::Batch {
                lines: line + 1,
                records,
            };
        }
    }
    Plan::Batch {
        records,
        lines: lines.len(),
    }
}

/// Appends `record` as one JSON line, as Python's `json.JSONEncoder(ensure_ascii=False)`
/// writes the record's dict with `text` in the text field (`None`: null).
pub fn write_record(out: &mut Vec<u8>, record: &Record<'_>, text: Option<&str>) {
    out.push(b'{');
    for (i, (key, value)) in record.entries.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        crate::rows::write_python_json(out, key.as_ref());
        out.extend_from_slice(b": ");
        if i == record.text_entry {
            match text {
                Some(text) => escape::write_json_string(out, text),
                None => out.extend_from_slice(b"null"),
            }
        } else {
            crate::rows::write_python_json(out, value);
        }
    }
    out.extend_from_slice(b"}\n");
}

/// [`write_record`] of every record with its new text (`texts[i]` for `records[i]`), on
/// `pool`, in slices: the lines are the slices one after the other.
pub fn jsonl_on(
    pool: &rayon::ThreadPool,
    records: &[Record<'_>],
    texts: &[Option<Cow<'_, str>>],
) -> Vec<Vec<u8>> {
    const RECORDS_PER_SLICE: usize = 32;
    pool.install(|| {
        records
            .par_chunks(RECORDS_PER_SLICE)
            .zip(texts.par_chunks(RECORDS_PER_SLICE))
            .map(|(records, texts)| {
                let size: usize = records.iter().map(|r| r.text().map_or(64, str::len)).sum();
                let mut out = Vec::with_capacity(size + size / 8);
                for (record, text) in records.iter().zip(texts) {
                    write_record(&mut out, record, text.as_deref());
                }
                out
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: Fields<'static> = Fields::DEFAULT;

    fn pool() -> std::sync::Arc<rayon::ThreadPool> {
        crate::parallel::pool(2).expect("pool")
    }

    fn limits(max_records: usize, max_chars: usize) -> Limits {
        Limits {
            max_records,
            max_chars,
        }
    }

    #[test]
    fn a_record_is_written_back_with_its_new_text_in_place() {
        let line = b"{\"id\":7,\"text\":\"caf&eacute;\",\"meta\":{\"n\":[1,2.50]}}\n";
        let record = parse_record(line, 0, FIELDS).expect("a record");
        assert_eq!(record.text(), Some("caf&eacute;"));
        let mut out = Vec::new();
        write_record(&mut out, &record, Some("caf\u{e9} \"x\""));
        write_record(&mut out, &record, None);
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "{\"id\": 7, \"text\": \"caf\u{e9} \\\"x\\\"\", \"meta\": {\"n\": [1, 2.5]}}\n\
             {\"id\": 7, \"text\": null, \"meta\": {\"n\": [1, 2.5]}}\n"
        );
    }

    #[test]
    fn records_python_must_read_are_left_to_it() {
        for line in [
            &b"[1, 2]\n"[..],
            b"{\"id\": 1}\n",
            b"{\"text\": 3}\n",
            b"{\"text\": \"caf\xe9\"}\n",
            b"{\"text\": \"a\", \"text\": \"b\"}\n",
            b"not json\n",
        ] {
            assert_eq!(parse_record(line, 0, FIELDS), None, "{line:?}");
        }
        let strict = Fields {
            require_id: true,
            ..FIELDS
        };
        assert!(parse_record(b"{\"text\": null}", 0, strict).is_none());
        assert!(parse_record(b"{\"text\": null, \"id\": \"a\"}", 0, strict).is_some());
    }

    #[test]
    fn batches_are_cut_as_the_python_reader_cuts_them() {
        let lines: Vec<&[u8]> = vec![
            b"{\"text\": \"abc\"}\n",
            b"  \n",
            b"{\"text\": null}\n",
            b"{\"text\": \"\xc3\xa9\xc3\xa9\"}\n",
            b"{\"text\": \"z\"}\n",
        ];
        let pool = pool();
        let cut = |records, chars, last| match read_batch(
            &pool,
            &lines,
            FIELDS,
            limits(records, chars),
            last,
        ) {
            Plan::Batch { records, lines } => Some((records.len(), lines)),
            _ => None,
        };
        assert_eq!(cut(2, 100, false), Some((2, 3)));
        assert_eq!(cut(10, 100, true), Some((4, 5)));
        // "abc" and null make 3 code points, "éé" brings them to 5.
        assert_eq!(cut(10, 5, true), Some((3, 4)));
        assert_eq!(cut(10, 3, true), Some((1, 1)));
        assert_eq!(
            read_batch(&pool, &lines, FIELDS, limits(10, 100), false),
            Plan::More
        );
        let blank: Vec<&[u8]> = vec![b"\n", b" \t\r\n"];
        assert_eq!(
            read_batch(&pool, &blank, FIELDS, limits(10, 100), true),
            Plan::Batch {
                records: vec![],
                lines: 2
            }
        );
    }

    #[test]
    fn a_line_for_python_sends_the_batch_there() {
        let lines: Vec<&[u8]> = vec![b"{\"text\": \"a\"}\n", b"\n", b"{\"text\": NaN}\n"];
        assert_eq!(
            read_batch(&pool(), &lines, FIELDS, limits(10, 100), true),
            Plan::Python { line: 2 }
        );
    }

    #[test]
    fn a_batch_in_parallel_is_the_records_one_after_the_other() {
        let lines: Vec<String> = (0..200)
            .map(|i| format!("{{\"id\": {i}, \"text\": \"t{i}\", \"x\": [{i}.5]}}\n"))
            .collect();
        let lines: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        let pool = pool();
        let Plan::Batch { records, .. } =
            read_batch(&pool, &lines, FIELDS, limits(500, 1 << 20), true)
        else {
            panic!("a batch");
        };
        let texts: Vec<Option<Cow<'_, str>>> = records
            .iter()
            .map(|r| r.text().map(Cow::Borrowed))
            .collect();
        let mut serial = Vec::new();
        for (record, text) in records.iter().zip(&texts) {
            write_record(&mut serial, record, text.as_deref());
        }
        assert_eq!(jsonl_on(&pool, &records, &texts).concat(), serial);
        assert!(String::from_utf8(serial)
            .expect("utf-8")
            .starts_with("{\"id\": 0, \"text\": \"t0\", \"x\": [0.5]}\n"));
    }
}
