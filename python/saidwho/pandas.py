"""pandas support: the ``Series.saidwho`` accessor and a partition function for Dask/Spark/Ray.

``import saidwho.pandas`` registers the accessor (``import saidwho`` does it too when pandas is
already imported)::

    df["text"].saidwho.clean()                      # same index, missing values stay missing
    df["text"].saidwho.quotes()                     # one row per quotation, ``doc`` = index label
    saidwho.quotes_frame(texts, ids=urls)           # the same from a list or an Arrow array
    ddf.map_partitions(clean_partition, column="text", n_threads=1, meta=ddf._meta)

The layer is generic on purpose: :class:`SeriesTexts` takes the strings out of a Series once (one
list for the whole batch call) and knows where each came from, so any batch function of the core
(cleaning, quotation extraction) can put its results back by position, or key them by
the caller's index label (:func:`quotes_frame`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

import saidwho
from saidwho._failures import Errors, warn_failures

__all__ = [
    "QUOTE_COLUMNS",
    "SaidwhoSeriesAccessor",
    "SeriesTexts",
    "clean_partition",
    "quotes_frame",
]

Frame = TypeVar("Frame")


@dataclass(frozen=True)
class SeriesTexts:
    """The non-missing strings of a Series, as one list, with their positions.

    ``texts[i]`` is the value at integer position ``positions[i]`` of ``series``. Missing values
    (``None``, ``NaN``, ``pd.NA``) are left out, so batch functions see only strings.
    """

    series: pd.Series
    texts: list[str]
    positions: np.ndarray

    @classmethod
    def of(cls, series: pd.Series) -> SeriesTexts:
        missing = series.isna().to_numpy(dtype=bool)
        present = np.flatnonzero(~missing)
        # One conversion for the whole column: Arrow-backed strings become Python str here, and
        # object columns are just viewed (no copy) before the selection.
        values = series.to_numpy(dtype=object)
        texts = values[present].tolist() if len(present) < len(values) else values.tolist()
        if not _all_str(texts):
            _raise_for_non_string(series, texts, present)
        return cls(series=series, texts=texts, positions=present)

    def in_place(self) -> list[str | None]:
        """The texts at their positions in the Series, ``None`` where missing, so that batch
        results line up with the Series and a failed document's index is its position."""
        if len(self.positions) == len(self.series):
            return self.texts
        spread = np.full(len(self.series), None, dtype=object)
        spread[self.positions] = np.asarray(self.texts, dtype=object)
        return spread.tolist()

    def of_present(self, results: Sequence[Any]) -> Sequence[Any]:
        """The results of :meth:`in_place` texts for the present values only."""
        if len(self.positions) == len(self.series):
            return results
        return np.asarray(results, dtype=object)[self.positions].tolist()

    def labels(self) -> pd.Index:
        """The index label of each text (duplicates kept), to key per-document results."""
        return self.series.index.take(self.positions)

    def rebuild(self, results: Sequence[str | None], *, name: Hashable | None = None) -> pd.Series:
        """A Series like the input (same index, dtype kind and missing values), with ``results``
        in place of the texts."""
        series = self.series
        if len(results) != len(self.texts):
            raise ValueError(f"expected {len(self.texts)} results, got {len(results)}")
        if len(self.positions) == len(series):
            out = np.empty(len(series), dtype=object)
            out[:] = results
        else:
            # Missing values come back exactly as they were (None stays None, NaN stays NaN).
            out = series.to_numpy(dtype=object, copy=True)
            out[self.positions] = np.asarray(results, dtype=object)
        dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else object
        built = pd.Series(out, dtype=dtype, name=series.name if name is None else name)
        # By position, then the caller's index: pd.Series(..., index=...) would align by label.
        return built.set_axis(series.index)


def _all_str(texts: list[Any]) -> bool:
    # infer_dtype runs in C; the Python loop below only runs to find an offender.
    return not texts or pd.api.types.infer_dtype(texts, skipna=False) == "string"


def _raise_for_non_string(series: pd.Series, texts: list[Any], present: np.ndarray) -> None:
    for i, value in enumerate(texts):
        if not isinstance(value, str):
            position = int(present[i])
            label = series.index[position]
            raise TypeError(
                f"Series value at index label {label!r} (position {position}) is "
                f"{type(value).__name__}, expected str or a missing value"
            )


# `import saidwho` before pandas registered a stand-in (saidwho._LazySeriesAccessor) that
# imports this module on first use: replace it, without pandas' warning about overriding.
if getattr(pd.Series.__dict__.get("saidwho"), "_accessor", None) is saidwho._LazySeriesAccessor:
    del pd.Series.saidwho


@pd.api.extensions.register_series_accessor("saidwho")
class SaidwhoSeriesAccessor:
    """``Series.saidwho``: saidwho's batch functions on a column of text."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def clean(
        self,
        options: saidwho.CleanOptions | None = None,
        *,
        n_threads: int | None = None,
        progress: bool | Callable[[int], Any] = False,
        errors: Errors = "raise",
        **kwargs: Any,
    ) -> pd.Series:
        """Clean every text (in parallel, GIL released). Same index, name and dtype kind
        (``str``/``string`` in → the same dtype out, object → object); missing values stay
        missing. Options as for :func:`saidwho.clean` (an object or keywords); ``errors`` as for
        :func:`saidwho.clean_many` (a failed text becomes missing; the warning gives positions)."""
        arrow = _arrow_backed(self._series)
        if arrow is not None:
            # Arrow in, Arrow out: no Python str per row on either side.
            cleaned, failures = saidwho._clean_many_reporting(
                arrow,
                n_threads=n_threads,
                progress=progress,
                options=options,
                as_arrow=True,
                errors=errors,
                **kwargs,
            )
            warn_failures(failures, stacklevel=2)
            values = pd.array(cleaned, dtype=self._series.dtype)
            return pd.Series(values, name=self._series.name).set_axis(self._series.index)
        texts = SeriesTexts.of(self._series)
        cleaned, failures = saidwho._clean_many_reporting(
            texts.in_place(),
            n_threads=n_threads,
            progress=progress,
            options=options,
            errors=errors,
            **kwargs,
        )
        warn_failures(failures, stacklevel=2)
        return texts.rebuild(texts.of_present(cleaned))

    def quotes(
        self,
        *,
        n_threads: int | None = None,
        progress: bool | Callable[[int], Any] = False,
        errors: Errors = "raise",
        **options: Any,
    ) -> pd.DataFrame:
        """The quotations of every text, one row per quotation, in document order.

        The ``doc`` column holds the index label of the text each quotation came from (duplicate
        labels are kept as they are; a MultiIndex gives tuples); the frame has a fresh
        ``RangeIndex``. Missing texts give no rows. Columns and dtypes are those of
        :data:`QUOTE_COLUMNS`; offsets are ``str`` indices into each text as given. Options as for
        :func:`saidwho.quotes`; ``n_threads``, ``progress`` and ``errors`` as for
        :func:`saidwho.quotes_many` (a failed text gives no rows; the warning gives positions).
        """
        frame, failures = self._quotes_reporting(n_threads, progress, errors, options)
        warn_failures(failures, stacklevel=2)
        return frame

    def _quotes_reporting(
        self,
        n_threads: int | None,
        progress: bool | Callable[[int], Any],
        errors: Errors,
        options: dict[str, Any],
    ) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
        arrow = _arrow_backed(self._series)
        common = {"n_threads": n_threads, "progress": progress, "errors": errors, **options}
        if arrow is not None:
            rows, failures = saidwho._quote_rows_reporting(arrow, **common)
            return _frame_of_rows(rows, self._series.index), failures
        texts = SeriesTexts.of(self._series)
        rows, failures = saidwho._quote_rows_reporting(texts.in_place(), **common)
        return _frame_of_rows(rows, self._series.index), failures


def _arrow_backed(series: pd.Series) -> Any:
    """The Arrow array behind a pandas string Series (pandas 3's default ``str``,
    ``string[pyarrow]``, ``ArrowDtype(string)``), or None for other storage."""
    dtype = series.dtype
    arrow_string = (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow") or (
        isinstance(dtype, pd.ArrowDtype) and str(dtype.pyarrow_dtype) in _ARROW_TEXT_TYPES
    )
    if not arrow_string:
        return None
    import pyarrow as pa

    return pa.array(series.array)  # the column's own buffers, no copy


_ARROW_TEXT_TYPES = {"string", "large_string", "string_view"}


def _text_dtype() -> Any:
    """pandas' own text dtype: ``str`` on pandas 3 (Arrow-backed, ``NaN`` for missing); on pandas
    2, where ``"str"`` still means ``object``, the nullable ``string`` dtype."""
    dtype = pd.Series([], dtype="str").dtype
    return dtype if isinstance(dtype, pd.StringDtype) else pd.StringDtype()


TEXT_DTYPE = _text_dtype()

#: Columns of a quotation frame and their dtypes, in order. ``doc`` takes the dtype of the labels.
#: Offsets that always exist are ``int64``; those of a mention or cue that may be absent are
#: nullable ``Int64``. ``kind`` says what the row reports (``speech``, or for reported rows
#: ``thought``, ``intention``, ``evidence``, ``refusal`` or ``reaction``). ``rule`` names the
#: rule behind the quotation (see ``saidwho.rules()``) and ``resolution`` is the trail from
#: the mention to the speaker as one line
#: (``he → Mr Starmer (pronoun_antecedent) → Keir Starmer (surname_of_full_name)``), missing
#: when there is none: the values of ``Quote.to_dict()``.
QUOTE_COLUMNS: dict[str, Any] = {
    "doc": None,
    "start": np.dtype("int64"),
    "end": np.dtype("int64"),
    "text": TEXT_DTYPE,
    "type": TEXT_DTYPE,
    "kind": TEXT_DTYPE,
    "speaker": TEXT_DTYPE,
    "mention": TEXT_DTYPE,
    "mention_start": pd.Int64Dtype(),
    "mention_end": pd.Int64Dtype(),
    "cue": TEXT_DTYPE,
    "cue_start": pd.Int64Dtype(),
    "cue_end": pd.Int64Dtype(),
    "confidence": np.dtype("float64"),
    "rule": TEXT_DTYPE,
    "resolution": TEXT_DTYPE,
}

#: The ``Quote`` attribute behind a column, where it is not the column's own name: the
#: ``resolution`` column holds the trail as one line, not the list of steps.
_QUOTE_ATTRIBUTES = {"resolution": "resolution_text"}


def _quote_frame(found: Sequence[Sequence[saidwho.Quote]], labels: pd.Index) -> pd.DataFrame:
    """One row per quotation of ``Quote`` objects (``saidwho.speakers`` of a list of them);
    ``labels[i]`` names the document of ``found[i]``. Batches go through :func:`_frame_of_rows`."""
    counts = np.fromiter(map(len, found), dtype=np.intp, count=len(found))
    flat = [quote for quotes in found for quote in quotes]
    n = len(flat)
    columns: dict[str, Any] = {"doc": labels.take(np.repeat(np.arange(len(found)), counts))}
    for name, dtype in list(QUOTE_COLUMNS.items())[1:]:
        values = map(operator.attrgetter(_QUOTE_ATTRIBUTES.get(name, name)), flat)
        if isinstance(dtype, np.dtype):  # never missing: straight into a NumPy array
            columns[name] = np.fromiter(values, dtype=dtype, count=n)
        else:
            columns[name] = pd.array(list(values), dtype=dtype)
    return pd.DataFrame(columns)


def _frame_of_rows(rows: saidwho._core.QuoteRows, labels: pd.Index) -> pd.DataFrame:
    """One row per quotation, from the core's Arrow columns (no Python object per quotation);
    ``labels[i]`` names the document of text ``i``."""
    import pyarrow as pa

    if len(labels) != rows.documents:
        raise ValueError(f"{len(labels)} labels for {rows.documents} texts")
    batch = pa.record_batch(rows.to_arrow())
    columns: dict[str, Any] = {"doc": labels.take(batch.column("doc_index").to_numpy())}
    for name, dtype in list(QUOTE_COLUMNS.items())[1:]:
        values = batch.column(name)
        if isinstance(dtype, np.dtype):  # never missing: the Arrow buffer as a NumPy array
            columns[name] = values.to_numpy().astype(dtype, copy=False)
        else:
            columns[name] = dtype.__from_arrow__(values)
    return pd.DataFrame(columns)


def _as_series(texts: Any) -> pd.Series:
    """Any supported collection of texts as a Series (a Series is used as it is)."""
    if isinstance(texts, pd.Series):
        return texts
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"texts must be a sequence of str, not a single {type(texts).__name__}")
    return pd.Series(list(texts), dtype=object)


def _as_labels(ids: Any) -> pd.Index:
    if isinstance(ids, pd.Index):
        return ids
    if isinstance(ids, pd.Series | np.ndarray):
        return pd.Index(ids)
    if hasattr(ids, "to_pylist"):  # a pyarrow Array or ChunkedArray: plain values, not scalars
        return pd.Index(ids.to_pylist())
    return pd.Index(list(ids))


def quotes_frame(
    texts: Any,
    *,
    ids: Any = None,
    as_arrow: bool = False,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    errors: Errors = "raise",
    **options: Any,
) -> Any:
    """The quotations of many texts as one table, one row per quotation.

    ``texts`` is a list (or any iterable) of ``str`` or missing values, a pandas Series, or an
    Arrow array of strings (pyarrow ``Array``/``ChunkedArray``, or anything with
    ``__arrow_c_stream__``). The ``doc`` column names each quotation's text: ``ids[i]`` when
    ``ids`` is given, else the Series' index label, else the position in ``texts``. Missing texts
    give no rows. Returns a pandas DataFrame (columns as in :data:`QUOTE_COLUMNS`), or a
    ``pyarrow.Table`` with ``as_arrow=True``. Options as for :func:`saidwho.quotes`; ``errors``
    as for :func:`saidwho.quotes_many` (a failed text gives no rows).
    """
    if saidwho._is_arrow(texts):
        # Arrow strings are read in place by the core: no Python str per row.
        rows, failures = saidwho._quote_rows_reporting(
            texts, n_threads=n_threads, progress=progress, errors=errors, **options
        )
        labels = _as_labels(ids) if ids is not None else pd.RangeIndex(rows.documents)
        if len(labels) != rows.documents:
            raise ValueError(f"ids has {len(labels)} labels for {rows.documents} texts")
        frame = _frame_of_rows(rows, labels)
    else:
        series = _as_series(texts)
        if ids is not None:
            labels = _as_labels(ids)
            if len(labels) != len(series):
                raise ValueError(f"ids has {len(labels)} labels for {len(series)} texts")
            series = series.set_axis(labels)  # by position, never aligned by label
        frame, failures = SaidwhoSeriesAccessor(series)._quotes_reporting(
            n_threads, progress, errors, options
        )
    warn_failures(failures, stacklevel=2)
    if not as_arrow:
        return frame
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def clean_partition(
    frame: Frame,
    column: str = "text",
    *,
    output_column: str | None = None,
    options: saidwho.CleanOptions | None = None,
    n_threads: int | None = None,
    **kwargs: Any,
) -> Frame:
    """Clean one column of a partition and return the partition (a new object).

    ``frame`` is a pandas DataFrame (Dask ``map_partitions``, Spark ``mapInPandas``) or a pyarrow
    Table/RecordBatch (Ray ``map_batches(batch_format="pyarrow")``). The cleaned text replaces
    ``column`` or goes into ``output_column``. A plain module-level function, so it pickles; on a
    cluster pass ``n_threads=1`` (or the worker's share of cores) so that worker processes and
    saidwho's thread pool do not oversubscribe the machine.
    """
    target = output_column or column
    if isinstance(frame, pd.DataFrame):
        cleaned = frame[column].saidwho.clean(options, n_threads=n_threads, **kwargs)
        return frame.assign(**{target: cleaned})  # type: ignore[return-value]
    return _clean_arrow(frame, column, target, options, n_threads, kwargs)


def _clean_arrow(
    table: Any,
    column: str,
    target: str,
    options: saidwho.CleanOptions | None,
    n_threads: int | None,
    kwargs: dict[str, Any],
) -> Any:
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - pandas 3 requires pyarrow anyway
        raise TypeError(f"expected a pandas DataFrame, got {type(table).__name__}") from exc
    if not isinstance(table, pa.Table | pa.RecordBatch):
        raise TypeError(
            f"expected a pandas DataFrame or a pyarrow Table, got {type(table).__name__}"
        )
    values = table.column(column)
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        if pa.types.is_string_view(values.type):
            values = values.cast(pa.large_string())
        else:
            raise TypeError(f"column {column!r} is {values.type}, expected strings")
    cleaned = saidwho.clean_many(values.to_pylist(), n_threads=n_threads, options=options, **kwargs)
    array = pa.array(cleaned, type=values.type)
    names = table.schema.names
    if target in names:
        return table.set_column(names.index(target), target, array)
    return table.append_column(target, array)
