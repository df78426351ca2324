//! `saidwho clean` on JSON lines in the core: the command line hands over raw lines, the core
//! cuts a batch, parses, cleans and writes its records (`crate::records`) and gives back the
//! JSON lines (or an Arrow record batch), never a Python object per record.

use std::borrow::Cow;

use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;
use pyo3_arrow::PyRecordBatch;

use super::{batch_run, guarded, resolve_options, run_batch, to_py_err, Failures};
use crate::clean as core_clean;
use crate::parallel;
use crate::records::{self, Fields, Limits, Plan};

/// One batch of records cleaned by the core: the JSON lines to write, or the record batch.
#[pyclass(name = "CleanedRecords", module = "saidwho._core", frozen)]
pub struct PyCleanedRecords {
    /// How many of the lines given the batch used.
    #[pyo3(get)]
    lines: usize,
    /// The position of each record's line among the lines given.
    #[pyo3(get)]
    record_lines: Vec<usize>,
    /// `(record index, message)` of each record whose cleaning failed (written with a null text).
    #[pyo3(get)]
    failures: Failures,
    jsonl: Option<Py<PyBytes>>,
    arrow: Option<RecordBatch>,
}

#[pymethods]
impl PyCleanedRecords {
    fn __len__(&self) -> usize {
        self.record_lines.len()
    }

    /// The records as JSON lines (UTF-8), `None` when the batch was asked for as Arrow.
    fn jsonl(&self, py: Python<'_>) -> Option<Py<PyBytes>> {
        self.jsonl.as_ref().map(|b| b.clone_ref(py))
    }

    /// The records as an Arrow record batch, `None` when the batch was asked for as JSON lines.
    fn to_arrow(&self) -> Option<PyRecordBatch> {
        self.arrow.clone().map(PyRecordBatch::new)
    }
}

/// Cuts one batch from `lines` (raw lines of a JSONL file, each with its line end; `last`: the
/// file ends after them), cleans the text field of its records and writes them. Returns
/// `("batch", records)`, `("more", None)` when the lines hold less than a batch, or
/// `("python", None)` when a line must be read by Python (which also gives the error).
#[pyfunction]
#[pyo3(signature = (
    lines, *, text_field, id_field = None, require_id = false, max_records, max_chars, last,
    arrow = false, options = None, n_threads = None, errors = "record", _fail_on = None
))]
#[allow(clippy::too_many_arguments)] // the Python signature, one argument per keyword
pub(super) fn clean_jsonl_lines<'py>(
    py: Python<'py>,
    lines: Vec<PyBackedBytes>,
    text_field: &str,
    id_field: Option<&str>,
    require_id: bool,
    max_records: usize,
    max_chars: usize,
    last: bool,
    arrow: bool,
    options: Option<&Bound<'py, PyAny>>,
    n_threads: Option<usize>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
) -> PyResult<(&'static str, Option<PyCleanedRecords>)> {
    let opts = resolve_options(options, None, core_clean::CleanOptions::default(), None)?;
    let run = batch_run(errors, _fail_on)?;
    let pool = parallel::pool(parallel::thread_count(n_threads)).map_err(to_py_err)?;
    let lines: Vec<&[u8]> = lines.iter().map(|l| &l[..]).collect();
    let fields = Fields {
        text: text_field,
        id: id_field,
        require_id,
    };
    let limits = Limits {
        max_records,
        max_chars,
    };
    let plan = guarded(py, 0, || {
        records::read_batch(&pool, &lines, fields, limits, last)
    })?;
    let (records, used) = match plan {
        Plan::More => return Ok(("more", None)),
        Plan::Python { .. } => return Ok(("python", None)),
        Plan::Batch { records, lines } => (records, lines),
    };
    if arrow && !records::arrow::fits(&records) {
        return Ok(("python", None));
    }

    let texts: Vec<Option<&str>> = records.iter().map(records::Record::text).collect();
    let mut cleaned: Vec<Option<Cow<'_, str>>> = Vec::with_capacity(texts.len());
    let mut originals = texts.iter();
    let failures = run_batch(
        py,
        &texts,
        n_threads,
        None,
        run,
        // `None` when the text needs no repair: the record's own text is written.
        |t| match core_clean::clean_cow(t, &opts) {
            Cow::Borrowed(_) => None,
            Cow::Owned(new) => Some(new),
        },
        |result| {
            let original = originals.next().copied().flatten();
            cleaned.push(match (result, original) {
                (Some(Some(new)), _) => Some(Cow::Owned(new)),
                (Some(None), Some(text)) => Some(Cow::Borrowed(text)),
                _ => None, // no text, or the cleaning failed
            });
            Ok(())
        },
    )?;

    let mut out = PyCleanedRecords {
        lines: used,
        record_lines: records.iter().map(|r| r.line).collect(),
        failures,
        jsonl: None,
        arrow: None,
    };
    if records.is_empty() {
        // Blank lines only: nothing to write (a record batch needs a column).
    } else if arrow {
        let batch = guarded(py, 0, || {
            records::arrow::record_batch(&records, &cleaned, text_field)
        })?;
        match batch {
            Ok(batch) => out.arrow = Some(batch),
            Err(_) => return Ok(("python", None)),
        }
    } else {
        let parts = guarded(py, 0, || records::jsonl_on(&pool, &records, &cleaned))?;
        let size = parts.iter().map(Vec::len).sum();
        let bytes = PyBytes::new_with(py, size, |buffer| {
            let mut at = 0;
            for part in &parts {
                buffer[at..at + part.len()].copy_from_slice(part);
                at += part.len();
            }
            Ok(())
        })?;
        out.jsonl = Some(bytes.unbind());
    }
    Ok(("batch", Some(out)))
}
