//! The Python bindings: conversions between Python values and the core's, nothing else.
//! Work runs with the GIL released; batches run on the core's fork-safe pool in chunks, with a
//! signal check (Ctrl-C) and a progress callback between chunks.

use std::borrow::Cow;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

mod arrow;
mod records;
mod rows;
mod suggest;

use crate::analyze;
use crate::batch::{BatchRun, Failure, OnError};
use crate::clean as core_clean;
use crate::clean::Normalization;
use crate::parallel;
use crate::quotes as quotes_core;
use crate::quotes::QuoteOptions;
use crate::Error;

create_exception!(
    _core,
    SaidwhoError,
    PyException,
    "Base class of saidwho's errors."
);
create_exception!(
    _core,
    InternalError,
    SaidwhoError,
    "A bug in saidwho while processing a document; the message names the document's index."
);
create_exception!(
    _core,
    ReplayError,
    SaidwhoError,
    "A recorded list of fixes does not fit the text it is replayed on."
);

fn to_py_err(err: Error) -> PyErr {
    match err {
        Error::Panic { .. } | Error::ThreadPool(_) => InternalError::new_err(err.to_string()),
        Error::Replay(_) => ReplayError::new_err(err.to_string()),
    }
}

/// Reads a Python `str` as UTF-8. Strings holding surrogates (which Rust strings cannot) are
/// read through their generalized UTF-8 bytes, joining pairs.
fn text_arg<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    let s = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            type_name(obj).unwrap_or_else(|| "unknown".into())
        ))
    })?;
    match s.to_str() {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let bytes: &[u8] = bytes.extract()?;
            Ok(Cow::Owned(core_clean::surrogates::decode_with_surrogates(
                bytes,
            )))
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> Option<String> {
    obj.get_type().name().ok().map(|n| n.to_string())
}

/// Options for cleaning. Frozen and picklable; build one with keyword arguments (ftfy's names)
/// and pass it as `options=` to any cleaning call.
#[pyclass(name = "CleanOptions", module = "saidwho", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyCleanOptions {
    inner: core_clean::CleanOptions,
}

/// Applies keyword arguments to `base`. Unknown names and values of the wrong type raise
/// `TypeError`; a bad normalization form raises `ValueError`.
fn apply_kwargs(
    mut base: core_clean::CleanOptions,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<core_clean::CleanOptions> {
    let Some(kwargs) = kwargs else {
        return Ok(base);
    };
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        match key.as_str() {
            "normalization" => {
                base.normalization = if value.is_none() {
                    None
                } else {
                    let name: String = value.extract().map_err(|_| {
                        PyTypeError::new_err("normalization must be a str such as 'NFC', or None")
                    })?;
                    Some(Normalization::from_name(&name).ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "normalization must be 'NFC', 'NFKC', 'NFD', 'NFKD' or None, not {name:?}"
                        ))
                    })?)
                };
            }
            // Rust strings cannot hold surrogates: pairs are always joined on the way in.
            "fix_surrogates" => {
                value
                    .extract::<bool>()
                    .map_err(|_| bool_error(&key, &value))?;
            }
            // ftfy's default for this option: saidwho's unescaping touches entities only, never
            // markup, so "auto" (ftfy: unescape unless the text looks like HTML) means on.
            "unescape_html" if value.extract::<String>().is_ok() => {
                let word: String = value.extract()?;
                if word != "auto" {
                    return Err(PyValueError::new_err(format!(
                        "option unescape_html must be True, False or 'auto', not {word:?}"
                    )));
                }
                base.unescape_html = true;
            }
            "max_decode_length" => {
                return Err(PyTypeError::new_err(
                    "option 'max_decode_length' is ftfy's; saidwho decodes a text of any length \
                     in one piece, so it has no such option",
                ))
            }
            name if core_clean::CleanOptions::FLAG_NAMES.contains(&name) => {
                let flag: bool = value.extract().map_err(|_| bool_error(name, &value))?;
                base.set_flag(name, flag);
            }
            name => {
                return Err(PyTypeError::new_err(suggest::unknown_option(
                    name,
                    &clean_option_names(),
                    "cleaning",
                )))
            }
        }
    }
    Ok(base)
}

/// Every keyword a cleaning call takes, for the "did you mean" of an unknown one.
fn clean_option_names() -> Vec<&'static str> {
    let mut names = core_clean::CleanOptions::FLAG_NAMES.to_vec();
    names.extend(["fix_surrogates", "normalization"]);
    names
}

fn bool_error(name: &str, value: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "option {name} must be True or False, not {}",
        type_name(value).unwrap_or_default()
    ))
}

/// The options for a call: `options=` or ftfy's name for it, `config=` (or the given defaults),
/// with keyword arguments on top.
fn resolve_options(
    options: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
    defaults: core_clean::CleanOptions,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<core_clean::CleanOptions> {
    let given = |o: Option<&Bound<'_, PyAny>>| o.filter(|o| !o.is_none()).is_some();
    if given(options) && given(config) {
        return Err(PyTypeError::new_err(
            "give options or config, not both (config is ftfy's name for options)",
        ));
    }
    let base = match options.filter(|o| !o.is_none()).or(config) {
        None => defaults,
        Some(o) if o.is_none() => defaults,
        Some(o) => {
            let o = o.cast::<PyCleanOptions>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "options must be a saidwho.CleanOptions, not {}",
                    type_name(o).unwrap_or_default()
                ))
            })?;
            o.get().inner.clone()
        }
    };
    apply_kwargs(base, kwargs)
}

#[pymethods]
impl PyCleanOptions {
    #[new]
    #[pyo3(signature = (**kwargs), text_signature = "(*, unescape_html=True, remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True, restore_lost_punctuation=True, fix_latin_ligatures=True, fix_character_width=True, keep_cjk_width=True, uncurl_quotes=False, fix_line_breaks=True, remove_control_chars=True, fix_surrogates=True, normalization='NFC')")]
    fn new(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyCleanOptions {
            inner: apply_kwargs(core_clean::CleanOptions::default(), kwargs)?,
        })
    }

    /// The options of `ftfy.fix_text` (straighten quotes), with keyword arguments on top.
    #[staticmethod]
    #[pyo3(signature = (**kwargs))]
    fn ftfy(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyCleanOptions {
            inner: apply_kwargs(core_clean::CleanOptions::ftfy(), kwargs)?,
        })
    }

    /// A copy with the given options changed.
    #[pyo3(signature = (**kwargs))]
    fn replace(&self, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyCleanOptions {
            inner: apply_kwargs(self.inner.clone(), kwargs)?,
        })
    }

    // One read-only property per on/off option (CleanOptions::FLAG_NAMES).
    #[getter]
    fn unescape_html(&self) -> bool {
        self.inner.unescape_html
    }
    #[getter]
    fn remove_terminal_escapes(&self) -> bool {
        self.inner.remove_terminal_escapes
    }
    #[getter]
    fn fix_encoding(&self) -> bool {
        self.inner.fix_encoding
    }
    #[getter]
    fn restore_byte_a0(&self) -> bool {
        self.inner.restore_byte_a0
    }
    #[getter]
    fn replace_lossy_sequences(&self) -> bool {
        self.inner.replace_lossy_sequences
    }
    #[getter]
    fn decode_inconsistent_utf8(&self) -> bool {
        self.inner.decode_inconsistent_utf8
    }
    #[getter]
    fn fix_c1_controls(&self) -> bool {
        self.inner.fix_c1_controls
    }
    #[getter]
    fn restore_lost_punctuation(&self) -> bool {
        self.inner.restore_lost_punctuation
    }
    #[getter]
    fn fix_latin_ligatures(&self) -> bool {
        self.inner.fix_latin_ligatures
    }
    #[getter]
    fn fix_character_width(&self) -> bool {
        self.inner.fix_character_width
    }
    #[getter]
    fn keep_cjk_width(&self) -> bool {
        self.inner.keep_cjk_width
    }
    #[getter]
    fn uncurl_quotes(&self) -> bool {
        self.inner.uncurl_quotes
    }
    #[getter]
    fn fix_line_breaks(&self) -> bool {
        self.inner.fix_line_breaks
    }
    #[getter]
    fn remove_control_chars(&self) -> bool {
        self.inner.remove_control_chars
    }

    #[getter]
    fn normalization(&self) -> Option<&'static str> {
        self.inner.normalization.map(Normalization::name)
    }

    /// The options as a dict of keyword arguments.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for name in core_clean::CleanOptions::FLAG_NAMES {
            d.set_item(*name, self.inner.flag(name).unwrap_or(false))?;
        }
        d.set_item("normalization", self.normalization())?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.to_dict(py)?;
        let mut parts = Vec::new();
        for (k, v) in d.iter() {
            parts.push(format!("{}={}", k.str()?, v.repr()?));
        }
        Ok(format!("CleanOptions({})", parts.join(", ")))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py
            .import("saidwho._core")?
            .getattr("_rebuild_clean_options")?;
        PyTuple::new(
            py,
            [rebuild, PyTuple::new(py, [self.to_dict(py)?])?.into_any()],
        )
    }
}

/// Rebuilds pickled `CleanOptions` from their dict.
#[pyfunction]
fn _rebuild_clean_options(state: &Bound<'_, PyDict>) -> PyResult<PyCleanOptions> {
    PyCleanOptions::new(Some(state))
}

/// One repair made by the cleaner.
#[pyclass(name = "Fix", module = "saidwho", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyFix {
    inner: core_clean::Fix,
}

#[pymethods]
impl PyFix {
    /// The step that made the repair (`fix_encoding`, `restore_lost_punctuation`, ...).
    #[getter]
    fn step(&self) -> &'static str {
        self.inner.step
    }
    /// Start of the repaired text, in code points, in the text as it was when the step ran.
    #[getter(start)]
    fn char_start(&self) -> usize {
        self.inner.char_start
    }
    /// End (exclusive), in code points, in the text as it was when the step ran.
    #[getter(end)]
    fn char_end(&self) -> usize {
        self.inner.char_end
    }
    #[getter]
    fn before(&self) -> &str {
        &self.inner.before
    }
    #[getter]
    fn after(&self) -> &str {
        &self.inner.after
    }
    /// Which application of a step this fix belongs to (fixes of one pass apply together).
    #[getter]
    fn pass_index(&self) -> usize {
        self.inner.pass
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("step", self.inner.step)?;
        d.set_item("start", self.inner.char_start)?;
        d.set_item("end", self.inner.char_end)?;
        d.set_item("before", &self.inner.before)?;
        d.set_item("after", &self.inner.after)?;
        d.set_item("pass_index", self.inner.pass)?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = &self.inner;
        let state = (
            f.pass,
            f.step,
            f.start,
            f.end,
            f.char_start,
            f.char_end,
            f.before.as_str(),
            f.after.as_str(),
        );
        (rebuilder(py, "_rebuild_fix")?, state).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Fix(step={:?}, start={}, end={}, before={:?}, after={:?})",
            self.inner.step,
            self.inner.char_start,
            self.inner.char_end,
            self.inner.before,
            self.inner.after
        )
    }
}

/// Rebuilds a pickled `Fix`; its step must be one of the cleaner's (`Fix.step` is one word,
/// the option's name, or `normalize`).
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the fields of a Fix, in order
fn _rebuild_fix(
    pass_: usize,
    step: &str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    before: String,
    after: String,
) -> PyResult<PyFix> {
    let step = core_clean::CleanOptions::FLAG_NAMES
        .iter()
        .chain(&["normalize"])
        .find(|name| **name == step)
        .ok_or_else(|| PyValueError::new_err(format!("no cleaning step is named {step:?}")))?;
    Ok(PyFix {
        inner: core_clean::Fix {
            pass: pass_,
            step,
            start,
            end,
            char_start,
            char_end,
            before,
            after,
        },
    })
}

/// `saidwho._core.<name>`, the function that rebuilds a pickled object.
fn rebuilder<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("saidwho._core")?.getattr(name)
}

/// Cleans `text` (news defaults: repair everything, keep curly quotes).
#[pyfunction]
#[pyo3(
    signature = (text, options = None, *, config = None, **kwargs),
    text_signature = "(text, options=None, *, config=None, unescape_html=True, remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True, restore_lost_punctuation=True, fix_latin_ligatures=True, fix_character_width=True, keep_cjk_width=True, uncurl_quotes=False, fix_line_breaks=True, remove_control_chars=True, fix_surrogates=True, normalization='NFC')"
)]
fn clean<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = resolve_options(options, config, core_clean::CleanOptions::default(), kwargs)?;
    clean_to_py(py, text, &opts)
}

/// `ftfy.fix_text` with ftfy's defaults (straightens quotes); keyword arguments as in ftfy.
#[pyfunction]
#[pyo3(
    signature = (text, options = None, *, config = None, **kwargs),
    text_signature = "(text, options=None, *, config=None, unescape_html=True, remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True, restore_lost_punctuation=True, fix_latin_ligatures=True, fix_character_width=True, keep_cjk_width=False, uncurl_quotes=True, fix_line_breaks=True, remove_control_chars=True, fix_surrogates=True, normalization='NFC')"
)]
fn fix_text<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = resolve_options(options, config, core_clean::CleanOptions::ftfy(), kwargs)?;
    clean_to_py(py, text, &opts)
}

/// Cleans one Python string. When nothing changes and the argument is a plain `str` read
/// without conversion, the argument itself is returned: no copy and no UTF-8 decoding, which
/// is most of the cost of a call on an already clean document.
fn clean_to_py<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    opts: &core_clean::CleanOptions,
) -> PyResult<Bound<'py, PyAny>> {
    let read = text_arg(text, "text")?;
    let cleaned = guarded(py, 0, || core_clean::clean_cow(&read, opts))?;
    match cleaned {
        Cow::Borrowed(_)
            if matches!(read, Cow::Borrowed(_)) && text.is_exact_instance_of::<PyString>() =>
        {
            Ok(text.clone())
        }
        other => Ok(PyString::new(py, &other).into_any()),
    }
}

/// Cleans `text` and lists every repair.
#[pyfunction]
#[pyo3(
    signature = (text, options = None, *, config = None, **kwargs),
    text_signature = "(text, options=None, *, config=None, unescape_html=True, remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True, restore_lost_punctuation=True, fix_latin_ligatures=True, fix_character_width=True, keep_cjk_width=True, uncurl_quotes=False, fix_line_breaks=True, remove_control_chars=True, fix_surrogates=True, normalization='NFC')"
)]
fn explain(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<(String, Vec<PyFix>)> {
    let opts = resolve_options(options, config, core_clean::CleanOptions::default(), kwargs)?;
    let text = text_arg(text, "text")?;
    let cleaned = guarded(py, 0, || core_clean::clean_explained(&text, &opts, true))?;
    let fixes = cleaned
        .fixes
        .into_iter()
        .map(|inner| PyFix { inner })
        .collect();
    Ok((cleaned.text, fixes))
}

/// Applies the fixes from `explain` to `text` again.
#[pyfunction]
fn replay(py: Python<'_>, text: &Bound<'_, PyAny>, fixes: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let mut plan = Vec::new();
    for (i, item) in fixes.try_iter()?.enumerate() {
        let item = item?;
        let fix = item.cast::<PyFix>().map_err(|_| {
            PyTypeError::new_err(format!(
                "fixes[{i}] must be a saidwho.Fix, not {}",
                type_name(&item).unwrap_or_default()
            ))
        })?;
        plan.push(fix.get().inner.clone());
    }
    py.detach(|| core_clean::replay(&text, &plan))
        .map_err(|e| to_py_err(Error::Replay(e)))
}

/// Runs one document's work with the GIL released, turning a panic (a bug) into InternalError.
fn guarded<R: Send>(py: Python<'_>, index: usize, work: impl FnOnce() -> R + Send) -> PyResult<R> {
    py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| Error::Panic {
            index,
            message: "panic while processing the document".into(),
        })
    })
    .map_err(to_py_err)
}

/// Reads a batch: each item a `str`, or `None` (kept as a missing value).
fn batch_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<PyBackedStr>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be a sequence of str, not a single str",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
            continue;
        }
        match item.extract::<PyBackedStr>() {
            Ok(s) => out.push(Some(s)),
            Err(_) if item.is_instance_of::<PyString>() => {
                let owned = text_arg(&item, "text")?.into_owned();
                out.push(Some(PyString::new(texts.py(), &owned).extract()?));
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "texts[{i}] must be str or None, not {}",
                    type_name(&item).unwrap_or_default()
                )))
            }
        }
    }
    Ok(out)
}

/// The failure policy of a batch call from its `errors=` and `_fail_on=` arguments.
/// `_fail_on` is the test suite's fault injection (see `crate::batch`): never set otherwise.
fn batch_run(errors: &str, fail_on: Option<Vec<usize>>) -> PyResult<BatchRun> {
    let policy = OnError::from_name(errors).ok_or_else(|| {
        PyValueError::new_err(format!(
            "errors must be {}, not {errors:?}",
            OnError::NAMES.map(|n| format!("'{n}'")).join(" or ")
        ))
    })?;
    Ok(BatchRun::new(policy).inject_faults(fail_on.unwrap_or_default()))
}

/// What a batch call returns next to its results: `(index, message)` of each failed document.
type Failures = Vec<(usize, String)>;

fn failures_to_py(failures: Vec<Failure>) -> Failures {
    failures.into_iter().map(|f| (f.index, f.message)).collect()
}

/// Runs `work` on every document on the worker pool, chunk by chunk with the GIL released;
/// between chunks checks for Ctrl-C and reports progress. `emit` receives each result in input
/// order (`None` for a missing document, or one that failed under `errors="record"`).
fn run_batch<'py, S, R>(
    py: Python<'py>,
    docs: &[Option<S>],
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    mut run: BatchRun,
    work: impl Fn(&str) -> R + Sync,
    mut emit: impl FnMut(Option<R>) -> PyResult<()>,
) -> PyResult<Failures>
where
    S: std::ops::Deref<Target = str> + Sync,
    R: Send,
{
    let pool = parallel::pool(parallel::thread_count(n_threads)).map_err(to_py_err)?;
    let lens = docs.iter().map(|d| d.as_deref().map_or(0, str::len));
    for range in parallel::chunk_ranges(lens) {
        let first = range.start;
        let chunk = &docs[range];
        let results = py
            .detach(|| run.run_chunk(&pool, chunk, first, |doc| doc.as_deref().map(&work)))
            .map_err(to_py_err)?;
        for r in results {
            emit(r.flatten())?;
        }
        py.check_signals()?;
        if let Some(cb) = progress.filter(|cb| !cb.is_none()) {
            cb.call1((chunk.len(),))?;
        }
    }
    Ok(failures_to_py(run.into_failures()))
}

/// Cleans many texts in parallel; `None` items stay `None`. Returns the texts and the failed
/// documents (see `batch_run`).
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, options = None, errors = "raise",
    _fail_on = None, **kwargs
))]
#[allow(clippy::too_many_arguments)] // the Python signature, one argument per keyword
fn clean_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyList>, Failures)> {
    let opts = resolve_options(options, None, core_clean::CleanOptions::default(), kwargs)?;
    let run = batch_run(errors, _fail_on)?;
    let docs = batch_arg(texts)?;
    let out = PyList::empty(py);
    let mut originals = docs.iter();
    let failures = run_batch(
        py,
        &docs,
        n_threads,
        progress,
        run,
        // `None` when the text needs no repair: the caller's own str object is returned, with no
        // copy in either direction (most clean documents).
        |t| match core_clean::clean_cow(t, &opts) {
            Cow::Borrowed(_) => None,
            Cow::Owned(cleaned) => Some(cleaned),
        },
        |result| {
            let original = originals.next().and_then(Option::as_ref);
            match (result, original) {
                (Some(Some(cleaned)), _) => out.append(cleaned),
                (Some(None), Some(original)) => out.append(original),
                _ => out.append(py.None()),
            }
        },
    )?;
    Ok((out, failures))
}

/// One quotation, with offsets in code points of the text that was passed in.
#[pyclass(name = "Quote", module = "saidwho", frozen, eq, hash, get_all)]
#[derive(Clone, PartialEq)]
pub struct PyQuote {
    start: usize,
    end: usize,
    text: String,
    r#type: String,
    /// What it reports: `speech`, `thought`, `intention`, `evidence`, `refusal`, `reaction`.
    kind: String,
    speaker: Option<String>,
    mention: Option<String>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    confidence: f64,
    /// The name of the rule that attributed (or found) the quotation.
    rule: String,
    /// How the mention was resolved to the speaker: `(text, link)` pairs, the mention first.
    resolution: Vec<(String, String)>,
}

// Equal quotes hash alike: the confidence is hashed by its bits, and is never NaN (a rounded
// probability), so equality is an equivalence.
impl Eq for PyQuote {}

impl std::hash::Hash for PyQuote {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end, &self.text, &self.r#type, &self.kind).hash(state);
        (
            &self.speaker,
            &self.mention,
            self.mention_start,
            self.mention_end,
        )
            .hash(state);
        (&self.cue, self.cue_start, self.cue_end, &self.rule).hash(state);
        (self.confidence.to_bits(), &self.resolution).hash(state);
    }
}

impl From<analyze::QuoteRecord> for PyQuote {
    fn from(r: analyze::QuoteRecord) -> Self {
        let q = r.quote;
        PyQuote {
            start: r.start,
            end: r.end,
            text: q.text,
            r#type: q.kind.name().to_owned(),
            kind: q.act.name().to_owned(),
            speaker: q.speaker,
            mention: q.mention.map(|m| m.text),
            mention_start: r.mention_span.map(|s| s.0),
            mention_end: r.mention_span.map(|s| s.1),
            cue: q.cue.map(|c| c.text),
            cue_start: r.cue_span.map(|s| s.0),
            cue_end: r.cue_span.map(|s| s.1),
            // Rounded so Python shows 0.85, not the f32's 0.8500000238418579.
            confidence: crate::rows::rounded_confidence(q.confidence),
            rule: q.rule.name().to_owned(),
            resolution: q
                .resolution
                .into_iter()
                .map(|step| (step.text, step.link.to_owned()))
                .collect(),
        }
    }
}

#[pymethods]
impl PyQuote {
    /// The resolution trail as one line (`he → Mr Starmer (pronoun_antecedent) → Keir
    /// Starmer (surname_of_full_name)`), as the `resolution` column gives it; `None` without one.
    #[getter]
    fn resolution_text(&self) -> Option<String> {
        analyze::resolution_trail_of(
            self.resolution
                .iter()
                .map(|(t, l)| (t.as_str(), l.as_str())),
        )
    }

    /// The quotation as a flat dict: a row of `saidwho.quotes_frame` (`resolution` as one line).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("type", &self.r#type)?;
        d.set_item("kind", &self.kind)?;
        d.set_item("speaker", &self.speaker)?;
        d.set_item("mention", &self.mention)?;
        d.set_item("mention_start", self.mention_start)?;
        d.set_item("mention_end", self.mention_end)?;
        d.set_item("cue", &self.cue)?;
        d.set_item("cue_start", self.cue_start)?;
        d.set_item("cue_end", self.cue_end)?;
        d.set_item("confidence", self.confidence)?;
        d.set_item("rule", &self.rule)?;
        d.set_item("resolution", self.resolution_text())?;
        Ok(d)
    }

    /// Pickled as its fields (the raw resolution trail, not the one-line text of `to_dict`).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let state = PyDict::new(py);
        state.set_item("start", self.start)?;
        state.set_item("end", self.end)?;
        state.set_item("text", &self.text)?;
        state.set_item("type", &self.r#type)?;
        state.set_item("kind", &self.kind)?;
        state.set_item("speaker", &self.speaker)?;
        state.set_item("mention", &self.mention)?;
        state.set_item("mention_start", self.mention_start)?;
        state.set_item("mention_end", self.mention_end)?;
        state.set_item("cue", &self.cue)?;
        state.set_item("cue_start", self.cue_start)?;
        state.set_item("cue_end", self.cue_end)?;
        state.set_item("confidence", self.confidence)?;
        state.set_item("rule", &self.rule)?;
        state.set_item("resolution", self.resolution.clone())?;
        (rebuilder(py, "_rebuild_quote")?, (state,)).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Quote(start={}, end={}, type={:?}, kind={:?}, speaker={}, cue={}, rule={:?}, text={:?})",
            self.start,
            self.end,
            self.r#type,
            self.kind,
            optional_repr(self.speaker.as_deref()),
            optional_repr(self.cue.as_deref()),
            self.rule,
            self.text
        )
    }
}

/// Rebuilds a pickled `Quote` from the dict its `__reduce__` gives.
#[pyfunction]
fn _rebuild_quote(state: &Bound<'_, PyDict>) -> PyResult<PyQuote> {
    fn field<'py, T: FromPyObjectOwned<'py>>(
        state: &Bound<'py, PyDict>,
        name: &str,
    ) -> PyResult<T> {
        let value = state.get_item(name)?.ok_or_else(|| {
            PyValueError::new_err(format!("a pickled Quote without its field {name:?}"))
        })?;
        value.extract().map_err(Into::into)
    }
    Ok(PyQuote {
        start: field(state, "start")?,
        end: field(state, "end")?,
        text: field(state, "text")?,
        r#type: field(state, "type")?,
        kind: field(state, "kind")?,
        speaker: field(state, "speaker")?,
        mention: field(state, "mention")?,
        mention_start: field(state, "mention_start")?,
        mention_end: field(state, "mention_end")?,
        cue: field(state, "cue")?,
        cue_start: field(state, "cue_start")?,
        cue_end: field(state, "cue_end")?,
        confidence: field(state, "confidence")?,
        rule: field(state, "rule")?,
        resolution: field(state, "resolution")?,
    })
}

/// `None` or the quoted string, as Python prints them.
fn optional_repr(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

/// A person of an article with the ways the article names them.
#[pyclass(name = "Person", module = "saidwho", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct PyPerson {
    name: String,
    aliases: Vec<String>,
}

#[pymethods]
impl PyPerson {
    fn __repr__(&self) -> String {
        format!("Person(name={:?}, aliases={:?})", self.name, self.aliases)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let state = (self.name.as_str(), self.aliases.clone());
        (rebuilder(py, "_rebuild_person")?, state).into_pyobject(py)
    }
}

/// Rebuilds a pickled `Person`.
#[pyfunction]
fn _rebuild_person(name: String, aliases: Vec<String>) -> PyPerson {
    PyPerson { name, aliases }
}

/// Quotation options from keyword arguments: `clean` (True, False or a CleanOptions),
/// `keep_non_speech`, `double_marks_only`, `reported`.
fn quote_options(
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<(Option<core_clean::CleanOptions>, QuoteOptions)> {
    let mut clean = Some(core_clean::CleanOptions::default());
    let mut options = QuoteOptions::default();
    let Some(kwargs) = kwargs else {
        return Ok((clean, options));
    };
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        match key.as_str() {
            "clean" => {
                clean = if let Ok(o) = value.cast::<PyCleanOptions>() {
                    Some(o.get().inner.clone())
                } else {
                    match value.extract::<bool>() {
                        Ok(true) => Some(core_clean::CleanOptions::default()),
                        Ok(false) => None,
                        Err(_) => {
                            return Err(PyTypeError::new_err(format!(
                                "clean must be True, False or a saidwho.CleanOptions, not {}",
                                type_name(&value).unwrap_or_default()
                            )))
                        }
                    }
                }
            }
            "keep_non_speech" => {
                options.keep_non_speech = value.extract().map_err(|_| bool_error(&key, &value))?
            }
            "double_marks_only" => {
                options.double_marks_only = value.extract().map_err(|_| bool_error(&key, &value))?
            }
            "reported" => {
                options.reported = value.extract().map_err(|_| bool_error(&key, &value))?
            }
            name => {
                return Err(PyTypeError::new_err(suggest::unknown_option(
                    name,
                    &["clean", "keep_non_speech", "double_marks_only", "reported"],
                    "quotation",
                )))
            }
        }
    }
    Ok((clean, options))
}

/// The quotations of `text`, each with its speaker, mention and cue.
#[pyfunction]
#[pyo3(
    signature = (text, **kwargs),
    text_signature = "(text, *, clean=True, keep_non_speech=False, double_marks_only=False, reported=True)"
)]
fn quotes(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<PyQuote>> {
    let (clean, options) = quote_options(kwargs)?;
    let text = text_arg(text, "text")?;
    let records = guarded(py, 0, || {
        analyze::quote_records(&text, clean.as_ref(), &options)
    })?;
    Ok(records.into_iter().map(PyQuote::from).collect())
}

/// The quotations of many texts in parallel; a `None` text gives an empty list. Returns the
/// lists and the failed documents (see `batch_run`).
#[pyfunction]
#[pyo3(signature = (
    texts, *, n_threads = None, progress = None, errors = "raise", _fail_on = None, **kwargs
))]
fn quotes_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    errors: &str,
    _fail_on: Option<Vec<usize>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyList>, Failures)> {
    let run = batch_run(errors, _fail_on)?;
    let docs = batch_arg(texts)?;
    quotes_batch(py, &docs, n_threads, progress, run, kwargs)
}

/// The quotations of every document (one list each, empty for a missing or failed one), on
/// the pool.
fn quotes_batch<'py, S>(
    py: Python<'py>,
    docs: &[Option<S>],
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    run: BatchRun,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyList>, Failures)>
where
    S: std::ops::Deref<Target = str> + Sync,
{
    let (clean, options) = quote_options(kwargs)?;
    let out = PyList::empty(py);
    let failures = run_batch(
        py,
        docs,
        n_threads,
        progress,
        run,
        |t| analyze::quote_records(t, clean.as_ref(), &options),
        |records| {
            let row: Vec<PyQuote> = records
                .unwrap_or_default()
                .into_iter()
                .map(PyQuote::from)
                .collect();
            out.append(row)
        },
    )?;
    Ok((out, failures))
}

/// The people of an article (after cleaning it), each with the names the article uses.
#[pyfunction]
#[pyo3(signature = (text, *, clean = true))]
fn people(py: Python<'_>, text: &Bound<'_, PyAny>, clean: bool) -> PyResult<Vec<PyPerson>> {
    let text = text_arg(text, "text")?;
    let found = guarded(py, 0, || {
        if clean {
            quotes_core::people(&core_clean::clean(
                &text,
                &core_clean::CleanOptions::default(),
            ))
        } else {
            quotes_core::people(&text)
        }
    })?;
    Ok(found
        .into_iter()
        .map(|p| PyPerson {
            name: p.name,
            aliases: p.aliases,
        })
        .collect())
}

/// Every rule that can attribute a quotation, as `(name, description)` pairs, in the order of
/// the core's table: the values `Quote.rule` and the `rule` column take.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str)> {
    quotes_core::Rule::ALL
        .iter()
        .map(|rule| (rule.name(), rule.description()))
        .collect()
}

/// The number of worker threads a batch call would use with `n_threads`.
#[pyfunction]
#[pyo3(signature = (n_threads = None))]
fn thread_count(n_threads: Option<usize>) -> usize {
    parallel::thread_count(n_threads)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SaidwhoError", py.get_type::<SaidwhoError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add("ReplayError", py.get_type::<ReplayError>())?;
    m.add_class::<PyCleanOptions>()?;
    m.add_class::<PyFix>()?;
    m.add_class::<PyQuote>()?;
    m.add_class::<PyPerson>()?;
    m.add_function(wrap_pyfunction!(quotes, m)?)?;
    m.add_function(wrap_pyfunction!(quotes_many, m)?)?;
    m.add_function(wrap_pyfunction!(people, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::clean_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::quotes_arrow, m)?)?;
    m.add_class::<rows::PyQuoteRows>()?;
    m.add_class::<records::PyCleanedRecords>()?;
    m.add_function(wrap_pyfunction!(rows::quote_rows, m)?)?;
    m.add_function(wrap_pyfunction!(rows::quote_rows_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(rows::json_strings, m)?)?;
    m.add_function(wrap_pyfunction!(records::clean_jsonl_lines, m)?)?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(fix_text, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(replay, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(thread_count, m)?)?;
    m.add_function(wrap_pyfunction!(_rebuild_clean_options, m)?)?;
    m.add_function(wrap_pyfunction!(_rebuild_quote, m)?)?;
    m.add_function(wrap_pyfunction!(_rebuild_person, m)?)?;
    m.add_function(wrap_pyfunction!(_rebuild_fix, m)?)?;
    Ok(())
}
