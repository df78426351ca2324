"""saidwho: clean news text and tell who said what.

The work is done by a Rust core (``saidwho._core``); this package adds progress bars and the
command line. Offsets are always ``str`` indices (code points).
"""

from __future__ import annotations

import sys as _sys
from collections.abc import Callable, Iterable
from typing import Any

from saidwho import _core
from saidwho._core import (
    CleanOptions,
    Fix,
    InternalError,
    Person,
    Quote,
    ReplayError,
    SaidwhoError,
    __version__,
    clean,
    explain,
    fix_text,
    people,
    quotes,
    replay,
    rules,
    thread_count,
)
from saidwho._failures import BatchFailure, BatchWarning, Errors, warn_failures
from saidwho._ftfy import TextFixerConfig, apply_plan, fix_and_explain, fix_encoding, fix_file
from saidwho.display import Highlighted, show

__all__ = [
    "BatchFailure",
    "BatchWarning",
    "CleanOptions",
    "Fix",
    "Highlighted",
    "InternalError",
    "Person",
    "Quote",
    "ReplayError",
    "SaidwhoError",
    "TextFixerConfig",
    "__version__",
    "apply_plan",
    "clean",
    "clean_many",
    "explain",
    "fix_and_explain",
    "fix_encoding",
    "fix_file",
    "fix_text",
    "people",
    "plot_speakers",
    "quotes",
    "quotes_frame",
    "quotes_many",
    "replay",
    "rules",
    "show",
    "speakers",
    "thread_count",
]

# Names whose modules need pandas (or matplotlib): imported on first use, so that
# ``import saidwho`` stays fast and works without the optional extras.
_LAZY = {
    "quotes_frame": "saidwho.pandas",
    "speakers": "saidwho.summary",
    "plot_speakers": "saidwho.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'saidwho' has no attribute {name!r}")
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise ImportError(
            f"saidwho.{name} needs pandas and pyarrow: pip install 'saidwho[pandas]'"
        ) from exc


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def _progress_callback(
    progress: bool | Callable[[int], Any], total: int | None, desc: str
) -> tuple[Callable[[int], Any] | None, Callable[[], None]]:
    """A callback taking the number of documents just finished, and a function to close it.

    ``progress=True`` shows a ``tqdm.auto`` bar (a widget in Jupyter); a callable is called as is.
    """
    if progress is False or progress is None:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("progress=True needs tqdm: pip install 'saidwho[progress]'") from exc
    bar = tqdm(total=total, desc=desc, unit="doc")
    return bar.update, bar.close


def _is_arrow(texts: object) -> bool:
    """An Arrow array or stream (pyarrow, polars, ...), read by the core without a Python str
    per row. pandas objects go through their own accessor (``Series.saidwho``)."""
    if isinstance(texts, (list, tuple, str, bytes)):
        return False
    pandas = _sys.modules.get("pandas")
    if pandas is not None and isinstance(texts, (pandas.Series, pandas.Index)):
        return False
    return hasattr(texts, "__arrow_c_stream__") or hasattr(texts, "__arrow_c_array__")


def _pyarrow(purpose: str) -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError(f"{purpose} needs pyarrow: pip install 'saidwho[pandas]'") from exc
    return pyarrow


def _as_batch(texts: Iterable[str | None]) -> list[str | None] | tuple[str | None, ...]:
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"texts must be a sequence of str, not a single {type(texts).__name__}")
    if isinstance(texts, (list, tuple)):
        return texts
    return list(texts)


def clean_many(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    options: CleanOptions | None = None,
    as_arrow: bool = False,
    errors: Errors = "raise",
    **kwargs: Any,
) -> Any:
    """Clean many texts in parallel (GIL released). ``None`` items stay ``None``.

    ``texts`` is a list or any iterable of ``str``/``None``, or an Arrow array or stream of
    strings (pyarrow, polars: anything with ``__arrow_c_array__``/``__arrow_c_stream__``), which
    is read in place; nulls stay nulls. Returns a list, or a ``pyarrow`` ``large_string`` array
    with ``as_arrow=True``. ``n_threads`` defaults to ``SAIDWHO_NUM_THREADS`` or all cores;
    ``progress=True`` shows a tqdm bar, or pass a callable that receives the number of documents
    finished.

    A document that fails (a bug in saidwho) raises :class:`InternalError` naming its index
    (``errors="raise"``, the default); with ``errors="record"`` its result is ``None``, the rest
    of the batch goes on, and one :class:`BatchWarning` lists every failed index.
    """
    cleaned, failures = _clean_many_reporting(
        texts,
        n_threads=n_threads,
        progress=progress,
        options=options,
        as_arrow=as_arrow,
        errors=errors,
        **kwargs,
    )
    warn_failures(failures, stacklevel=2)
    return cleaned


def _clean_many_reporting(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    options: CleanOptions | None = None,
    as_arrow: bool = False,
    errors: Errors = "raise",
    **kwargs: Any,
) -> tuple[Any, list[tuple[int, str]]]:
    """:func:`clean_many`, returning the failed documents instead of warning about them."""
    if _is_arrow(texts):
        pa = _pyarrow("Arrow input")
        total = _arrow_length(texts)
        callback, close = _progress_callback(progress, total, "cleaning")
        try:
            array, failures = _core.clean_arrow(
                texts,
                n_threads=n_threads,
                progress=callback,
                options=options,
                errors=errors,
                **kwargs,
            )
        finally:
            close()
        result = pa.array(array)
        return (result if as_arrow else result.to_pylist()), failures
    batch = _as_batch(texts)
    callback, close = _progress_callback(progress, len(batch), "cleaning")
    try:
        cleaned, failures = _core.clean_many(
            batch, n_threads=n_threads, progress=callback, options=options, errors=errors, **kwargs
        )
    finally:
        close()
    if as_arrow:
        return _pyarrow("as_arrow=True").array(cleaned, type="large_string"), failures
    return cleaned, failures


def _arrow_length(texts: Any) -> int | None:
    try:
        return len(texts)
    except TypeError:  # a stream: length unknown until read
        return None


def quotes_many(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    errors: Errors = "raise",
    **options: Any,
) -> list[list[Quote]]:
    """The quotations of many texts, in parallel (GIL released); one list per text, in order
    (empty for ``None``). ``texts`` as for :func:`clean_many` (a list, or Arrow strings read in
    place). Options as for :func:`quotes`; ``n_threads``, ``progress`` and ``errors`` as for
    :func:`clean_many` (a failed document's list is empty under ``errors="record"``)."""
    found, failures = _quotes_many_reporting(
        texts, n_threads=n_threads, progress=progress, errors=errors, **options
    )
    warn_failures(failures, stacklevel=2)
    return found


def _quotes_many_reporting(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    errors: Errors = "raise",
    **options: Any,
) -> tuple[list[list[Quote]], list[tuple[int, str]]]:
    """:func:`quotes_many`, returning the failed documents instead of warning about them."""
    return _on_the_pool(
        _core.quotes_arrow, _core.quotes_many, texts, n_threads, progress, errors, options
    )


def _on_the_pool(
    of_arrow: Callable[..., Any],
    of_batch: Callable[..., Any],
    texts: Iterable[str | None],
    n_threads: int | None,
    progress: bool | Callable[[int], Any],
    errors: Errors,
    options: dict[str, Any],
) -> Any:
    """Runs the core's batch function on ``texts``: ``of_arrow`` for an Arrow array (read
    without conversion), ``of_batch`` for anything else, with the progress bar closed after."""
    arrow = _is_arrow(texts)
    batch = texts if arrow else _as_batch(texts)
    total = _arrow_length(texts) if arrow else len(batch)
    callback, close = _progress_callback(progress, total, "quotes")
    try:
        run = of_arrow if arrow else of_batch
        return run(batch, n_threads=n_threads, progress=callback, errors=errors, **options)
    finally:
        close()


def _quote_rows_reporting(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    errors: Errors = "raise",
    **options: Any,
) -> tuple[_core.QuoteRows, list[tuple[int, str]]]:
    """:func:`quotes_many` for the batch paths (the command line, ``quotes_frame``, the Series
    accessor): the rows stay in the core (:class:`saidwho._core.QuoteRows`), to be written as
    JSON lines or taken as one Arrow record batch, never as a Python object per quotation."""
    return _on_the_pool(
        _core.quote_rows_arrow, _core.quote_rows, texts, n_threads, progress, errors, options
    )


class _AccessorOnPandasImport:
    """Registers ``Series.saidwho`` when pandas is imported after saidwho (``import saidwho;
    import pandas``), without importing pandas before the user does. A one-shot import hook:
    it finds pandas through the other finders and, once pandas has loaded, registers
    :class:`_LazySeriesAccessor`. Nothing else is imported then: pandas may be loading inside
    another library's import (pyarrow's), where building Series would hang."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "pandas":
            return None
        import importlib.util

        _sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        load_pandas = loader.exec_module

        def exec_module(module: Any) -> None:
            load_pandas(module)
            module.api.extensions.register_series_accessor("saidwho")(_LazySeriesAccessor)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


class _LazySeriesAccessor:
    """``Series.saidwho`` until ``saidwho.pandas`` is imported: the first use imports it (which
    registers the real accessor in its place) and hands the Series over to it."""

    def __new__(cls, series: Any) -> Any:
        from saidwho.pandas import SaidwhoSeriesAccessor

        return SaidwhoSeriesAccessor(series)


if "pandas" in _sys.modules:  # register Series.saidwho, without paying pandas' import otherwise
    import saidwho.pandas  # noqa: F401
elif not any(isinstance(f, _AccessorOnPandasImport) for f in _sys.meta_path):
    _sys.meta_path.insert(0, _AccessorOnPandasImport())  # type: ignore[arg-type]
