"""Who is quoted, how often and at what length: ``saidwho.speakers`` and ``saidwho.plot_speakers``.

Both work on a quotation frame (``Series.saidwho.quotes()``, ``saidwho.quotes_frame``), so the
counts of a whole archive come from one table. matplotlib is needed only to draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from saidwho._core import Quote
from saidwho.pandas import _quote_frame

__all__ = ["plot_speakers", "speakers"]

#: The kinds of quotation that always get a column (others, such as ``non-speech`` with
#: ``keep_non_speech=True``, get one when they occur).
QUOTE_TYPES = ("direct", "partial")
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


def speakers(quotes: pd.DataFrame | Sequence[Quote] | Any, *, by_doc: bool = False) -> pd.DataFrame:
    """Who is quoted: one row per speaker (per document and speaker with ``by_doc=True``).

    ``quotes`` is a quotation frame (``Series.saidwho.quotes()``, ``saidwho.quotes_frame``, its
    Arrow table) or the list returned by ``saidwho.quotes(text)``. Columns: ``speaker`` (missing
    for the quotations whose speaker could not be resolved, gathered in one row), ``quotations``,
    ``share`` (of all quotations, or of the document's), one count per kind (``direct``,
    ``partial``, ...), ``words`` and ``characters`` (total length of their quotations). Sorted by
    number of quotations, then words, then name, the unresolved row last; with ``by_doc`` the
    documents keep their order of first appearance and ``doc`` comes first.
    """
    frame = _as_quote_frame(quotes)
    needed = ["speaker", "type", "text"] + (["doc"] if by_doc else [])
    absent = [name for name in needed if name not in frame.columns]
    if absent:
        raise ValueError(f"the quotation frame has no column {', '.join(map(repr, absent))}")
    keys = ["doc", "speaker"] if by_doc else ["speaker"]
    text = frame["text"].astype(str)
    kinds = list(QUOTE_TYPES) + sorted(set(frame["type"].dropna()) - set(QUOTE_TYPES))
    work = pd.DataFrame(
        {
            **{key: frame[key].to_numpy() for key in keys},
            "quotations": 1,
            **{kind: (frame["type"] == kind).to_numpy(dtype="int64") for kind in kinds},
            "words": text.str.count(r"\S+").to_numpy(dtype="int64"),
            "characters": text.str.len().to_numpy(dtype="int64"),
        },
    )
    if "speaker" in work:
        work["speaker"] = work["speaker"].astype(frame["speaker"].dtype)
    table = work.groupby(keys, dropna=False, sort=False).sum().reset_index()
    totals = (
        table.groupby("doc", dropna=False, sort=False)["quotations"].transform("sum")
        if by_doc
        else table["quotations"].sum()
    )
    table.insert(len(keys) + 1, "share", (table["quotations"] / totals).astype("float64"))
    order = pd.DataFrame(
        {
            "doc": pd.factorize(table["doc"], use_na_sentinel=False)[0] if by_doc else 0,
            "unknown": table["speaker"].isna(),
            "quotations": table["quotations"],
            "words": table["words"],
            "speaker": table["speaker"].fillna(""),
        }
    )
    ranked = order.sort_values(
        ["doc", "unknown", "quotations", "words", "speaker"],
        ascending=[True, True, False, False, True],
        kind="stable",
    ).index
    return table.loc[ranked].reset_index(drop=True)


def plot_speakers(
    quotes: pd.DataFrame | Sequence[Quote] | Any,
    top: int = 10,
    *,
    ax: Any = None,
    title: str | None = "Who is quoted",
) -> Any:
    """A horizontal bar chart of the ``top`` most quoted speakers (direct and partial stacked).

    ``quotes`` is a quotation frame (or anything :func:`speakers` takes) or the overall table
    :func:`speakers` returned. Draws on ``ax`` (a new figure if ``None``) and returns the axes.
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
        table = speakers(quotes)
    shown = table.head(max(0, top)).iloc[::-1]  # barh draws bottom-up: most quoted on top
    labels = [UNKNOWN_LABEL if pd.isna(name) else str(name) for name in shown["speaker"]]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.45 * max(3, len(shown)) + 1.0))
    left = pd.Series(0, index=shown.index, dtype="int64")
    colours = {"direct": "#1d4ed8", "partial": "#93b4f5"}
    columns = list(table.columns)
    # The kinds sit between ``share`` and ``words`` (see speakers): direct, partial, then any other.
    kinds = columns[columns.index("share") + 1 : columns.index("words")]
    for kind in kinds:
        ax.barh(labels, shown[kind], left=left, color=colours.get(kind, "#bbbbbb"), label=kind)
        left = left + shown[kind]
    for y, (total, words) in enumerate(zip(shown["quotations"], shown["words"], strict=True)):
        ax.text(total, y, f"  {total} ({words} words)", va="center", fontsize=9, color="#444")
    ax.set_xlabel("quotations")
    ax.set_xlim(0, max(1, int(shown["quotations"].max() if len(shown) else 1)) * 1.35)
    if title:
        ax.set_title(title, loc="left")
    if kinds:
        ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax
