//! Quotation rows, the table the batch paths write: one row per quotation with the columns of
//! `quotes_frame` (`start`, `end`, `text`, `type`, `kind`, `speaker`, `mention`, `mention_start`,
//! `mention_end`, `cue`, `cue_start`, `cue_end`, `confidence`, `rule`, `resolution`), offsets
//! in code points of the text as given.
//!
//! The rows are built here from [`QuoteRecord`]s and written without a Python object per row:
//! as JSON lines ([`write_jsonl`], serde) and, with the `arrow` feature, as an Arrow record
//! batch ([`arrow::record_batch`]). The JSON is byte for byte what the command line wrote when
//! it encoded each row as a Python dict with `json.JSONEncoder(ensure_ascii=False)`: `", "` and
//! `": "` between items, non-ASCII text as it is, floats as Python's `repr` writes them.

#[cfg(feature = "arrow")]
pub mod arrow;

use serde::Serialize;

use crate::analyze::{self, QuoteRecord};
use crate::quotes::{QuoteKind, SpeechAct};

/// The names of a row's columns, in order (the document's id goes before them).
pub const COLUMNS: [&str; 15] = [
    "start",
    "end",
    "text",
    "type",
    "kind",
    "speaker",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "rule",
    "resolution",
];

/// One quotation as a table row. Field order is column order, which serde keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What the row reports ([`SpeechAct::name`]): `speech`, `thought`, `intention`, ….
    #[serde(rename = "kind")]
    pub act: &'static str,
    pub speaker: Option<String>,
    pub mention: Option<String>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub confidence: f64,
    pub rule: &'static str,
    /// The resolution trail as one line ([`analyze::resolution_trail`]).
    pub resolution: Option<String>,
}

impl From<QuoteRecord> for QuoteRow {
    fn from(r: QuoteRecord) -> Self {
        let q = r.quote;
        QuoteRow {
            start: r.start,
            end: r.end,
            resolution: analyze::resolution_trail(&q.resolution),
            text: q.text,
            kind: q.kind.name(),
            act: q.act.name(),
            speaker: q.speaker,
            mention: q.mention.map(|m| m.text),
            mention_start: r.mention_span.map(|s| s.0),
            mention_end: r.mention_span.map(|s| s.1),
            cue: q.cue.map(|c| c.text),
            cue_start: r.cue_span.map(|s| s.0),
            cue_end: r.cue_span.map(|s| s.1),
            confidence: rounded_confidence(q.confidence),
            rule: q.rule.name(),
        }
    }
}

/// The confidence as every output gives it: rounded to 6 places, so that it reads 0.85 and not
/// the f32's 0.8500000238418579.
pub fn rounded_confidence(confidence: f32) -> f64 {
    (f64::from(confidence) * 1e6).round() / 1e6
}

/// The rows of one document's quotations, in the order found.
pub fn rows_of(records: Vec<QuoteRecord>) -> Vec<QuoteRow> {
    records.into_iter().map(QuoteRow::from).collect()
}

/// Statements of a document counted the way the command line's summary counts them
/// (`saidwho._counting`): quotations (direct and partial), and reported statements that do not
/// hold a quoted fragment (one that does is counted once, through its quotation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatementCounts {
    pub quotations: usize,
    pub reported: usize,
}

impl std::ops::AddAssign for StatementCounts {
    fn add_assign(&mut self, other: Self) {
        self.quotations += other.quotations;
        self.reported += other.reported;
    }
}

fn is_quotation(kind: &str) -> bool {
    kind == QuoteKind::Direct.name() || kind == QuoteKind::Partial.name()
}

/// [`StatementCounts`] of one document's rows whose act is one of `acts` (`None`: every row).
/// Rows of other acts are left out before counting, as if they were not there.
pub fn count_statements(rows: &[QuoteRow], acts: Option<&[SpeechAct]>) -> StatementCounts {
    let kept: Vec<&QuoteRow> = rows
        .iter()
        .filter(|r| acts.is_none_or(|acts| acts.iter().any(|a| a.name() == r.act)))
        .collect();
    let quotations = kept.iter().filter(|r| is_quotation(r.kind)).count();
    let reported = kept
        .iter()
        .filter(|r| r.kind == QuoteKind::Indirect.name())
        .filter(|r| {
            !kept
                .iter()
                .any(|f| is_quotation(f.kind) && r.start <= f.start && f.end <= r.end)
        })
        .count();
    StatementCounts {
        quotations,
        reported,
    }
}

/// Writes JSON as Python's `json.JSONEncoder(ensure_ascii=False)` does: its default separators
/// (`", "`, `": "`) and `repr` floats. Strings are escaped alike by both already (`\"`, `\\`,
/// the short escapes, other controls as lowercase `\u00XX`, everything else as it is).
struct PythonJson;

impl serde_json::ser::Formatter for PythonJson {
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.begin_object_key(writer, first)
    }

    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        writer.write_all(python_float_repr(value).as_bytes())
    }
}

/// `repr(value)` as Python writes it: the shortest digits that read back the same, in fixed
/// notation for exponents from -4 to 15 (always with a `.0` when whole) and in scientific
/// notation with a signed, at least two-digit exponent otherwise (`1e-05`, `1.5e+16`).
pub fn python_float_repr(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    // Rust's `{:e}` gives the same shortest digits, as `d.ddde-x`.
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    if (-4..16).contains(&exponent) {
        let point = exponent + 1; // digits before the decimal point
        if point <= 0 {
            let zeros = "0".repeat(point.unsigned_abs() as usize);
            format!("{sign}0.{zeros}{digits}")
        } else if point as usize >= digits.len() {
            let zeros = "0".repeat(point as usize - digits.len());
            format!("{sign}{digits}{zeros}.0")
        } else {
            let (whole, fraction) = digits.split_at(point as usize);
            format!("{sign}{whole}.{fraction}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!(
            "{sign}{first}{point}{rest}e{exp_sign}{:02}",
            exponent.unsigned_abs()
        )
    }
}

/// Appends `value` as Python's `json.JSONEncoder(ensure_ascii=False)` writes it (see
/// [`PythonJson`]); `false` (and nothing written) if it cannot be serialized (a map with
/// non-string keys: none of this crate's values).
pub fn write_python_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> bool {
    let mark = out.len();
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, PythonJson);
    if value.serialize(&mut serializer).is_err() {
        out.truncate(mark);
        return false;
    }
    true
}

/// `text` as a JSON string, as Python's `json` writes it with `ensure_ascii=False` (the same
/// escapes as serde_json's), for writers that put a long text into a line they build.
pub fn json_string(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 2);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, PythonJson);
    // Serializing a str into a Vec cannot fail, and gives UTF-8.
    if text.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Appends one JSON line per row to `out`: `{<id_key>: <id>, "start": …, …}\n`. `id_key` and
/// `id` are JSON already (the caller encodes the field name and the document's id, which may be
/// any JSON value, once per document).
pub fn write_jsonl(out: &mut Vec<u8>, id_key: &str, id: &str, rows: &[QuoteRow]) {
    let mut object = Vec::new();
    for row in rows {
        object.clear();
        let mut serializer = serde_json::Serializer::with_formatter(&mut object, PythonJson);
        // A row holds strings, integers and finite floats only: serializing it cannot fail.
        if row.serialize(&mut serializer).is_err() {
            continue;
        }
        out.push(b'{');
        out.extend_from_slice(id_key.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(id.as_bytes());
        out.extend_from_slice(b", ");
        out.extend_from_slice(object.get(1..).unwrap_or_default()); // after the row's own `{`
        out.push(b'\n');
    }
}

/// [`write_jsonl`] of every document of a batch, on `pool`: `ids[i]` is the JSON of document
/// `i`'s id (`ids` and `docs` have the same length). Documents are written in parallel, in
/// slices, and joined in order.
pub fn jsonl_on(
    pool: &rayon::ThreadPool,
    id_key: &str,
    ids: &[String],
    docs: &[Vec<QuoteRow>],
) -> Vec<u8> {
    use rayon::prelude::*;
    const DOCS_PER_SLICE: usize = 64;
    let parts: Vec<Vec<u8>> = pool.install(|| {
        docs.par_chunks(DOCS_PER_SLICE)
            .zip(ids.par_chunks(DOCS_PER_SLICE))
            .map(|(docs, ids)| {
                let mut out = Vec::new();
                for (rows, id) in docs.iter().zip(ids) {
                    write_jsonl(&mut out, id_key, id, rows);
                }
                out
            })
            .collect()
    });
    parts.concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::CleanOptions;
    use crate::quotes::QuoteOptions;

    fn row(kind: &'static str, start: usize, end: usize) -> QuoteRow {
        QuoteRow {
            start,
            end,
            text: "x".into(),
            kind,
            act: "speech",
            speaker: None,
            mention: None,
            mention_start: None,
            mention_end: None,
            cue: None,
            cue_start: None,
            cue_end: None,
            confidence: 0.5,
            rule: "r",
            resolution: None,
        }
    }

    #[test]
    fn floats_read_as_python_repr() {
        let cases = [
            (0.85, "0.85"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (0.000123, "0.000123"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123456.0, "123456.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.25e22, "1.25e+22"),
            (-2.5, "-2.5"),
            (0.333333, "0.333333"),
            (f64::INFINITY, "Infinity"),
        ];
        for (value, repr) in cases {
            assert_eq!(python_float_repr(value), repr, "{value}");
        }
    }

    #[test]
    fn a_json_line_has_python_separators_and_the_id_first() {
        let mut r = row("direct", 3, 7);
        r.text = "caf\u{e9} \"\u{1f600}\"\n\t\u{1}".into();
        r.speaker = Some("Ms \u{c5}s".into());
        r.mention_start = Some(0);
        r.confidence = 0.85;
        let mut out = Vec::new();
        write_jsonl(&mut out, "\"id\"", "42", &[r]);
        let line = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            line,
            "{\"id\": 42, \"start\": 3, \"end\": 7, \"text\": \"caf\u{e9} \\\"\u{1f600}\\\"\\n\\t\\u0001\", \
             \"type\": \"direct\", \"kind\": \"speech\", \"speaker\": \"Ms \u{c5}s\", \"mention\": null, \"mention_start\": 0, \
             \"mention_end\": null, \"cue\": null, \"cue_start\": null, \"cue_end\": null, \
             \"confidence\": 0.85, \"rule\": \"r\", \"resolution\": null}\n"
        );
    }

    #[test]
    fn a_batch_in_parallel_is_the_documents_one_after_the_other() {
        let docs: Vec<Vec<QuoteRow>> = (0..300)
            .map(|i| (0..i % 4).map(|k| row("direct", i, i + k)).collect())
            .collect();
        let ids: Vec<String> = (0..300).map(|i| format!("\"d{i}\"")).collect();
        let mut serial = Vec::new();
        for (rows, id) in docs.iter().zip(&ids) {
            write_jsonl(&mut serial, "\"id\"", id, rows);
        }
        let pool = crate::parallel::pool(2).expect("pool");
        assert_eq!(jsonl_on(&pool, "\"id\"", &ids, &docs), serial);
    }

    #[test]
    fn a_json_string_escapes_what_python_escapes() {
        assert_eq!(
            json_string("caf\u{e9} \"\u{1f600}\"\n\r\t\u{8}\u{c}\u{1f}\u{7f}/\\"),
            "\"caf\u{e9} \\\"\u{1f600}\\\"\\n\\r\\t\\b\\f\\u001f\u{7f}/\\\\\""
        );
    }

    #[test]
    fn a_reported_statement_holding_a_quotation_counts_once() {
        let rows = [
            row("indirect", 0, 50),
            row("partial", 10, 20),
            row("indirect", 60, 80),
            row("direct", 100, 120),
            row("non-speech", 130, 140),
        ];
        assert_eq!(
            count_statements(&rows, None),
            StatementCounts {
                quotations: 2,
                reported: 1
            }
        );
        assert_eq!(count_statements(&[], None), StatementCounts::default());
    }

    #[test]
    fn only_rows_of_the_acts_asked_for_count() {
        let mut thought = row("indirect", 60, 80);
        thought.act = "thought";
        let mut refusal = row("indirect", 0, 50);
        refusal.act = "refusal";
        // The refusal holds the partial quotation: without the quotation, it counts itself.
        let rows = [
            refusal,
            row("partial", 10, 20),
            thought,
            row("indirect", 90, 99),
        ];
        let speech = [SpeechAct::Speech];
        let count = |acts: Option<&[SpeechAct]>| {
            let c = count_statements(&rows, acts);
            (c.quotations, c.reported)
        };
        assert_eq!(count(Some(&speech)), (1, 1));
        assert_eq!(count(None), (1, 2));
        assert_eq!(
            count(Some(&[SpeechAct::Thought, SpeechAct::Refusal])),
            (0, 2)
        );
        assert_eq!(count(Some(&[])), (0, 0));
    }

    #[test]
    fn rows_match_the_records_they_come_from() {
        let text = "\u{201c}We will not wait,\u{201d} Ms Okoro said. \u{1f600} The mayor said the plan was bold.";
        let records = analyze::quote_records(
            text,
            Some(&CleanOptions::default()),
            &QuoteOptions::default(),
        );
        let rows = rows_of(records.clone());
        assert_eq!(rows.len(), records.len());
        assert!(!rows.is_empty());
        for (row, record) in rows.iter().zip(&records) {
            assert_eq!((row.start, row.end), (record.start, record.end));
            assert_eq!(row.text, record.quote.text);
            assert_eq!(row.kind, record.quote.kind.name());
            assert_eq!(row.act, record.quote.act.name());
            assert_eq!(
                row.resolution,
                analyze::resolution_trail(&record.quote.resolution)
            );
        }
    }
}
