//! Quotation rows for the batch paths (the command line, `quotes_frame`, `Series.saidwho`):
//! the rows stay in Rust (`QuoteRows`) and leave as JSON lines or an Arrow record batch, never
//! as a Python object per row. The rows themselves are `crate::rows`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::input::AnyArray;
use pyo3_arrow::PyRecordBatch;

use super::arrow::{borrowed_texts, text_chunks};
use super::{batch_arg, batch_run, quote_options, run_batch, to_py_err, Failures};
use crate::analyze;
use crate::batch::BatchRun;
use crate::parallel;
use crate::quotes::SpeechAct;
use crate::rows::{self, QuoteRow};

/// The quotation rows of a batch of texts, held by the core: `len()` rows, `documents` texts.
#[pyclass(name = "QuoteRows", module = "saidwho._core", frozen)]
pub struct PyQuoteRows {
    /// The rows of each document, in input order (empty for a missing or failed text).
    docs: Vec<Vec<QuoteRow>>,
    threads: usize,
}

#[pymethods]
impl PyQuoteRows {
    fn __len__(&self) -> usize {
        self.docs.iter().map(Vec::len).sum()
    }

    /// The number of texts the rows came from.
    #[getter]
    fn documents(&self) -> usize {
        self.docs.len()
    }

    /// `(quotations, reported statements)` of all the texts, counted as `saidwho._counting`
    /// counts them: only the rows whose `kind` is one of `kinds` (`None`: every row).
    #[pyo3(signature = (kinds = None))]
    fn counts(&self, kinds: Option<Vec<String>>) -> PyResult<(usize, usize)> {
        let acts = kinds
            .map(|names| {
                names
                    .iter()
                    .map(|name| {
                        SpeechAct::from_name(name).ok_or_else(|| {
                            let valid: Vec<&str> =
                                SpeechAct::ALL.iter().map(|a| a.name()).collect();
                            PyValueError::new_err(format!(
                                "unknown kind {name:?}: expected one of {}",
                                valid.join(", ")
                            ))
                        })
                    })
                    .collect::<PyResult<Vec<SpeechAct>>>()
            })
            .transpose()?;
        let mut total = rows::StatementCounts::default();
        for doc in &self.docs {
            total += rows::count_statements(doc, acts.as_deref());
        }
        Ok((total.quotations, total.reported))
    }

    /// The rows as JSON lines, `{<id_key>: <id>, "start": …}` each; `id_key` is the JSON of
    /// the id field's name and `ids[i]` the JSON of document `i`'s id.
    fn to_jsonl(&self, py: Python<'_>, id_key: &str, ids: Vec<String>) -> PyResult<String> {
        if ids.len() != self.docs.len() {
            return Err(PyValueError::new_err(format!(
                "expected {} ids, got {}",
                self.docs.len(),
                ids.len()
            )));
        }
        let pool = parallel::pool(self.threads).map_err(to_py_err)?;
        let bytes = py.detach(|| rows::jsonl_on(&pool, id_key, &ids, &self.docs));
        String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The rows as an Arrow record batch: `doc_index` (the position of each row's text), then
    /// the columns of `quotes_frame`.
    fn to_arrow(&self, py: Python<'_>) -> PyResult<PyRecordBatch> {
        let batch = py
            .detach(|| rows::arrow::record_batch(&self.docs))
            .map_err(|e| PyValueError::new_err(format!("could not build the rows: {e}")))?;
        Ok(PyRecordBatch::new(batch))
    }
}

/// Each text as a JSON string (`null` for `None`), as Python's `json` writes it with
/// `ensure_ascii=False`: the JSONL writer puts the long texts into lines it builds.
#[pyfunction]
pub(super) fn json_strings(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let docs = batch_arg(texts)?;
    Ok(py.detach(|| {
        docs.iter()
            .map(|d| {
                d.as_deref()
                    .map_or_else(|| "null".to_owned(), rows::json_string)
            })
            .collect()
    }))
}

/// The quotation rows of many texts (a `None` text gives none) and the failed documents.
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, errors = "raise", _fail_on = None, **kwargs
))]
pub(super) fn quote_rows<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(PyQuoteRows, Failures)> {
    let run = batch_run(errors, _fail_on)?;
    let docs = batch_arg(texts)?;
    rows_batch(py, &docs, n_threads, progress, run, kwargs)
}

/// [`quote_rows`] of an Arrow array or stream of texts, read in place.
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, errors = "raise", _fail_on = None, **kwargs
))]
pub(super) fn quote_rows_arrow<'py>(
    py: Python<'py>,
    texts: AnyArray,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(PyQuoteRows, Failures)> {
    let run = batch_run(errors, _fail_on)?;
    let chunks = text_chunks(texts)?;
    let docs = borrowed_texts(&chunks)?;
    rows_batch(py, &docs, n_threads, progress, run, kwargs)
}

fn rows_batch<'py, S>(
    py: Python<'py>,
    docs: &[Option<S>],
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    run: BatchRun,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(PyQuoteRows, Failures)>
where
    S: std::ops::Deref<Target = str> + Sync,
{
    let (clean, options) = quote_options(kwargs)?;
    let mut out = Vec::with_capacity(docs.len());
    let failures = run_batch(
        py,
        docs,
        n_threads,
        progress,
        run,
        |t| rows::rows_of(analyze::quote_records(t, clean.as_ref(), &options)),
        |found| {
            out.push(found.unwrap_or_default());
            Ok(())
        },
    )?;
    let rows = PyQuoteRows {
        docs: out,
        threads: parallel::thread_count(n_threads),
    };
    Ok((rows, failures))
}
