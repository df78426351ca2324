"""Who is quoted, how often and at what length: ``saidwho.speakers`` and ``saidwho.plot_speakers``.

Both work on a quotation frame (``Series.saidwho.quotes()``, ``saidwho.quotes_frame``), so the
counts of a whole archive come from one table. matplotlib is needed only to draw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from saidwho._core import Quote
from saidwho._counting import QUOTATION_TYPES, REPORTED_TYPE, STATEMENT_KINDS, check_kinds
from saidwho.pandas import _quote_frame

__all__ = ["plot_speakers", "speakers"]

#: The kinds of quotation that always get a column (others, such as ``non-speech`` with
#: ``keep_non_speech=True``, get one when they occur; reported speech is the ``reported`` column).
QUOTE_TYPES = QUOTATION_TYPES
UNKNOWN_LABEL = "(speaker unknown)"


def _as_quote_frame(quotes: Any) -> pd.DataFrame:
    if isinstance(quotes, pd.DataFrame):
        return quotes
    if hasattr(quotes, "to_pandas") and hasattr(quotes, "schema"):  # a pyarrow Table
        return quotes.to_pandas()
    quotes = list(quotes)
    if all(isinstance(q, Quote) for q in quotes):  # saidwho.quotes(text): one document
        return _quote_frame([quotes], pd.RangeIndex(1))
    raise TypeError(
        "expected a quotation frame (Series.saidwho.quotes(), saidwho.quotes_frame) "
        "or a list of saidwho.Quote"
    )


def speakers(
    quotes: pd.DataFrame | Sequence[Quote] | Any,
    *,
    by_doc: bool = False,
    kinds: str | Iterable[str] | None = STATEMENT_KINDS,
) -> pd.DataFrame:
    """Who is quoted: one row per speaker (per document and speaker with ``by_doc=True``).

    ``quotes`` is a quotation frame (``Series.saidwho.quotes()``, ``saidwho.quotes_frame``, its
    Arrow table) or the list returned by ``saidwho.quotes(text)``. Columns: ``speaker`` (missing
    for the statements whose speaker could not be resolved, gathered in one row),
    ``quotations`` (the speaker's own words: ``direct`` and ``partial``), ``reported`` (reported
    statements, type ``indirect``), ``share`` (of all statements, or of the document's), one
    count per kind of quotation (``direct``, ``partial``, ...), ``words`` and ``characters``
    (total length of their statements). A reported statement holding a quoted fragment is one
    statement, counted once as a quotation (its fragment). Sorted by number of statements, then
    words, then name, the unresolved row last; with ``by_doc`` the documents keep their order
    of first appearance and ``doc`` comes first.

    Only statements are counted by default (``kinds=("speech",)``): reported thoughts,
    intentions, evidence, refusals and reactions (``believes``, ``plans``, ``the data show``,
    ``declined to comment``, ``cheered``; the ``kind`` column) are left out, as if absent.
    ``kinds`` names the kinds to count (a tuple, or one as a string); ``None`` counts every row.
    A frame without a ``kind`` column (written before it existed) is counted whole.
    """
    chosen = check_kinds(kinds)
    frame = _as_quote_frame(quotes)
    needed = ["speaker", "type", "text"] + (["doc"] if by_doc else [])
    absent = [name for name in needed if name not in frame.columns]
    if absent:
        raise ValueError(f"the quotation frame has no column {', '.join(map(repr, absent))}")
    if chosen is not None and "kind" in frame.columns:
        frame = frame[frame["kind"].isin(sorted(chosen)).to_numpy(dtype=bool)]
    frame = frame[~_fragment_holders(frame)]
    keys = ["doc", "speaker"] if by_doc else ["speaker"]
    text = frame["text"].astype(str)
    others = set(frame["type"].dropna()) - set(QUOTE_TYPES) - {REPORTED_TYPE}
    kinds = list(QUOTE_TYPES) + sorted(others)
    work = pd.DataFrame(
        {
            **{key: frame[key].to_numpy() for key in keys},
            "quotations": frame["type"].isin(QUOTE_TYPES).to_numpy(dtype="int64"),
            "reported": (frame["type"] == REPORTED_TYPE).to_numpy(dtype="int64"),
            **{kind: (frame["type"] == kind).to_numpy(dtype="int64") for kind in kinds},
            "words": text.str.count(r"\S+").to_numpy(dtype="int64"),
            "characters": text.str.len().to_numpy(dtype="int64"),
        },
    )
    if "speaker" in work:
        work["speaker"] = work["speaker"].astype(frame["speaker"].dtype)
    table = work.groupby(keys, dropna=False, sort=False).sum().reset_index()
    statements = table["quotations"] + table["reported"]
    totals = (
        statements.groupby(table["doc"], dropna=False, sort=False).transform("sum")
        if by_doc
        else statements.sum()
    )
    table.insert(len(keys) + 2, "share", (statements / totals).astype("float64"))
    order = pd.DataFrame(
        {
            "doc": pd.factorize(table["doc"], use_na_sentinel=False)[0] if by_doc else 0,
            "unknown": table["speaker"].isna(),
            "statements": statements,
            "words": table["words"],
            "speaker": table["speaker"].fillna(""),
        }
    )
    ranked = order.sort_values(
        ["doc", "unknown", "statements", "words", "speaker"],
        ascending=[True, True, False, False, True],
        kind="stable",
    ).index
    return table.loc[ranked].reset_index(drop=True)


def _fragment_holders(frame: pd.DataFrame) -> np.ndarray:
    """Which rows are reported statements holding a quotation of the same document (counted
    through that quotation; see ``saidwho._counting``). Without offsets, none."""
    held = np.zeros(len(frame), dtype=bool)
    if not {"start", "end"} <= set(frame.columns) or frame.empty:
        return held
    spans = pd.DataFrame(
        {
            "doc": frame["doc"].to_numpy() if "doc" in frame.columns else 0,
            "start": frame["start"].to_numpy(),
            "end": frame["end"].to_numpy(),
            "row": np.arange(len(frame)),
        }
    )
    kind = frame["type"].to_numpy()
    reported = spans[kind == REPORTED_TYPE]
    fragments = spans[np.isin(kind, QUOTE_TYPES)]
    pairs = reported.merge(fragments, on="doc", suffixes=("", "_fragment"))
    inside = pairs[
        (pairs["start"] <= pairs["start_fragment"]) & (pairs["end_fragment"] <= pairs["end"])
    ]
    held[inside["row"].to_numpy(dtype="int64")] = True
    return held


def plot_speakers(
    quotes: pd.DataFrame | Sequence[Quote] | Any,
    top: int = 10,
    *,
    ax: Any = None,
    title: str | None = "Who is quoted",
    kinds: str | Iterable[str] | None = STATEMENT_KINDS,
) -> Any:
    """A horizontal bar chart of the ``top`` most quoted speakers (direct, partial and reported
    statements stacked).

    ``quotes`` is a quotation frame (or anything :func:`speakers` takes) or the overall table
    :func:`speakers` returned; ``kinds`` as for :func:`speakers` (statements only by default).
    Draws on ``ax`` (a new figure if ``None``) and returns the axes.
    Needs matplotlib: ``pip install 'saidwho[plot]'``.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(
            "saidwho.plot_speakers needs matplotlib: pip install 'saidwho[plot]'"
        ) from exc
    if isinstance(quotes, pd.DataFrame) and "quotations" in quotes.columns:
        if "doc" in quotes.columns:
            raise ValueError("pass the overall speakers table (by_doc=False) or the quotations")
        table = quotes
    else:
        table = speakers(quotes, kinds=kinds)
    shown = table.head(max(0, top)).iloc[::-1]
    statements = shown["quotations"] + shown["reported"]  # barh draws bottom-up: most quoted on top
    labels = [UNKNOWN_LABEL if pd.isna(name) else str(name) for name in shown["speaker"]]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.45 * max(3, len(shown)) + 1.0))
    left = pd.Series(0, index=shown.index, dtype="int64")
    colours = {"direct": "#1d4ed8", "partial": "#93b4f5", "reported": "#d1d5db"}
    columns = list(table.columns)
    # The kinds sit between ``share`` and ``words`` (see speakers): direct, partial, then any
    # other; reported statements are stacked after them.
    kinds = columns[columns.index("share") + 1 : columns.index("words")] + ["reported"]
    for kind in kinds:
        ax.barh(labels, shown[kind], left=left, color=colours.get(kind, "#bbbbbb"), label=kind)
        left = left + shown[kind]
    for y, (total, words) in enumerate(zip(statements, shown["words"], strict=True)):
        ax.text(total, y, f"  {total} ({words} words)", va="center", fontsize=9, color="#444")
    ax.set_xlabel("statements (quotations and reported)")
    ax.set_xlim(0, max(1, int(statements.max() if len(shown) else 1)) * 1.35)
    if title:
        ax.set_title(title, loc="left")
    if kinds:
        ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax
