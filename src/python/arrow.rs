//! Arrow input for the batch calls: any object with `__arrow_c_array__` or
//! `__arrow_c_stream__` (pyarrow, pandas 3's `str` columns, polars) is read in place, without a
//! Python object per row. Utf8, LargeUtf8 and Utf8View are accepted; nulls stay nulls.

use std::sync::Arc;

use arrow_array::builder::LargeStringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::input::AnyArray;
use pyo3_arrow::PyArray;

use super::{batch_run, quotes_batch, resolve_options, run_batch, Failures};
use crate::clean as core_clean;

/// The chunks of an Arrow text array or stream.
pub(super) fn text_chunks(texts: AnyArray) -> PyResult<Vec<ArrayRef>> {
    let chunked = texts
        .into_chunked_array()
        .map_err(|e| PyTypeError::new_err(format!("could not read the Arrow input: {e}")))?;
    Ok(chunked.into_inner().0)
}

/// Every value of the chunks as a borrowed `&str`, `None` for nulls. Only text types are read.
pub(super) fn borrowed_texts(chunks: &[ArrayRef]) -> PyResult<Vec<Option<&str>>> {
    let mut out = Vec::with_capacity(chunks.iter().map(|c| c.len()).sum());
    for chunk in chunks {
        if let Some(a) = chunk.as_string_opt::<i32>() {
            out.extend(a.iter());
        } else if let Some(a) = chunk.as_string_opt::<i64>() {
            out.extend(a.iter());
        } else if let Some(a) = chunk.as_string_view_opt() {
            out.extend(a.iter());
        } else {
            return Err(PyTypeError::new_err(format!(
                "Arrow texts must be strings (utf8, large_utf8 or utf8_view), not {}",
                chunk.data_type()
            )));
        }
    }
    Ok(out)
}

/// Cleans an Arrow array of texts; returns an Arrow `large_string` array (nulls kept, and
/// null for a document that failed under `errors="record"`) and the failed documents.
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, options = None, errors = "raise",
    _fail_on = None, **kwargs
))]
#[allow(clippy::too_many_arguments)] // the Python signature, one argument per keyword
pub(super) fn clean_arrow<'py>(
    py: Python<'py>,
    texts: AnyArray,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(PyArray, Failures)> {
    let opts = resolve_options(options, None, core_clean::CleanOptions::default(), kwargs)?;
    let run = batch_run(errors, _fail_on)?;
    let chunks = text_chunks(texts)?;
    let docs = borrowed_texts(&chunks)?;
    let mut builder = LargeStringBuilder::with_capacity(docs.len(), 0);
    let failures = run_batch(
        py,
        &docs,
        n_threads,
        progress,
        run,
        |t| core_clean::clean(t, &opts),
        |cleaned| {
            builder.append_option(cleaned);
            Ok(())
        },
    )?;
    let array: ArrayRef = Arc::new(builder.finish());
    Ok((PyArray::from_array_ref(array), failures))
}

/// The quotations of an Arrow array of texts: one list per text (empty for nulls and failed
/// documents), and the failed documents.
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, errors = "raise", _fail_on = None, **kwargs
))]
pub(super) fn quotes_arrow<'py>(
    py: Python<'py>,
    texts: AnyArray,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyList>, Failures)> {
    let run = batch_run(errors, _fail_on)?;
    let chunks = text_chunks(texts)?;
    let docs = borrowed_texts(&chunks)?;
    quotes_batch(py, &docs, n_threads, progress, run, kwargs)
}
