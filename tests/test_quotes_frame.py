"""Quotations as a table: ``Series.saidwho.quotes``, ``saidwho.quotes_frame`` and
``saidwho.speakers`` / ``plot_speakers``.

The quotation engine keeps improving, so expected rows are always ``saidwho.quotes`` of the same
text: these tests are about the frame layer (labels, dtypes, missing values, Arrow), not about
which quotations are found.
"""

from __future__ import annotations

import json

import pytest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

import saidwho  # noqa: E402
from saidwho import _counting  # noqa: E402
from saidwho.pandas import QUOTE_COLUMNS, quotes_frame  # noqa: E402

# Fictional wire copy in the shapes news uses: quote first, speaker first, a colon lead-in,
# partial quotes, a pronoun, damaged punctuation, and one story with no quotation at all.
ARTICLES = [
    "“We will not be rushed into a bad deal,” said Harriet Vance, the council’s finance chief.\n"
    "Ms Vance said the offer from the depot owners was “frankly insulting”.",
    "Fire crews were called to the warehouse in Leith at 3am. Nobody was hurt.",
    "The harbour master, Colin Reid, told reporters: “The pier is closed until the engineers "
    "have been.” He added that the ferry would run from the east berth.",
    "Coach Aisha Bello called the result âa wake-up callâ. "
    "âWe were second to every ball,â she said.",
    "“The numbers simply do not add up,” said Pedro Alves.\n“Not this year, not next year.”",
]


def expected_rows(texts, labels):
    rows = []
    for label, text in zip(labels, texts, strict=True):
        if isinstance(text, str):
            rows.extend({"doc": label, **q.to_dict()} for q in saidwho.quotes(text))
    return rows


def frame_rows(frame):
    """Rows as plain Python values (missing → None) to compare with ``Quote.to_dict()``."""
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in records]


def test_series_quotes_keyed_by_string_labels_with_missing_texts():
    labels = ["leith-2", "vance-1", "gone-9", "reid-4", "bello-7", "alves-3"]
    texts = [ARTICLES[1], ARTICLES[0], None, ARTICLES[2], ARTICLES[3], ARTICLES[4]]
    s = pd.Series(texts, index=pd.Index(labels, name="story"), dtype="str")
    frame = s.saidwho.quotes()
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    assert frame_rows(frame) == expected_rows(texts, labels)
    assert len(frame) > 0
    assert "gone-9" not in set(frame["doc"])  # a missing text gives no rows
    assert (frame["doc"] == "leith-2").sum() == len(saidwho.quotes(ARTICLES[1]))


def test_column_dtypes_are_typed_not_object():
    frame = pd.Series(ARTICLES, dtype="str").saidwho.quotes()
    dtypes = frame.dtypes
    assert dtypes["start"] == np.int64 and dtypes["end"] == np.int64
    for name in ("mention_start", "mention_end", "cue_start", "cue_end"):
        assert dtypes[name] == pd.Int64Dtype()
    for name in ("text", "type", "speaker", "mention", "cue", "rule", "resolution"):
        assert isinstance(dtypes[name], pd.StringDtype), name
    assert dtypes["confidence"] == np.float64
    assert dtypes["doc"] == np.int64  # RangeIndex labels


def test_empty_input_and_texts_without_quotations_keep_the_dtypes():
    quiet = "Fire crews were called to the warehouse in Leith at 3am. Nobody was hurt."
    assert saidwho.quotes(quiet) == []
    for texts in ([], [None, None], [quiet, np.nan]):
        frame = quotes_frame(texts)
        assert frame.empty
        assert list(frame.columns) == list(QUOTE_COLUMNS)
        assert frame.dtypes["start"] == np.int64
        assert frame.dtypes["cue_start"] == pd.Int64Dtype()
        assert isinstance(frame.dtypes["speaker"], pd.StringDtype)


def test_duplicate_and_unsorted_labels_are_kept_by_position():
    s = pd.Series([ARTICLES[4], ARTICLES[0], ARTICLES[4]], index=[5, 5, 2], dtype="str")
    frame = s.saidwho.quotes()
    per_text = [len(saidwho.quotes(t)) for t in s]
    assert frame["doc"].tolist() == [5] * per_text[0] + [5] * per_text[1] + [2] * per_text[2]
    assert frame_rows(frame) == expected_rows(list(s), [5, 5, 2])


def test_multiindex_labels_become_tuples():
    index = pd.MultiIndex.from_tuples([("guardian", 3), ("guardian", 4)], names=["paper", "n"])
    s = pd.Series([ARTICLES[0], ARTICLES[4]], index=index, dtype="str")
    frame = s.saidwho.quotes()
    assert frame_rows(frame) == expected_rows(list(s), [("guardian", 3), ("guardian", 4)])


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", "string[python]", object])
def test_every_text_dtype_gives_the_same_rows(dtype):
    texts = [ARTICLES[0], None, ARTICLES[3]]
    frame = pd.Series(texts, dtype=dtype).saidwho.quotes()
    assert frame_rows(frame) == expected_rows(texts, [0, 1, 2])


def test_object_column_with_nan_and_pd_na_skips_them():
    texts = [ARTICLES[2], np.nan, pd.NA, None, ARTICLES[0]]
    frame = pd.Series(texts, dtype=object).saidwho.quotes()
    assert set(frame["doc"]) <= {0, 4}
    assert frame_rows(frame) == expected_rows(texts, range(5))


def test_non_string_value_names_its_label():
    s = pd.Series([ARTICLES[0], 42], index=["ok-1", "bad-2"], dtype=object)
    with pytest.raises(TypeError, match="bad-2"):
        s.saidwho.quotes()


def test_options_reach_the_engine():
    text = "Critics called the plan “Project Fear” in a “so-called” review, the paper said."
    s = pd.Series([text], dtype="str")
    for options in ({}, {"keep_non_speech": True}, {"clean": False}):
        expected = [{"doc": 0, **q.to_dict()} for q in saidwho.quotes(text, **options)]
        assert frame_rows(s.saidwho.quotes(**options)) == expected


def test_offsets_index_the_damaged_text_passed_in():
    s = pd.Series([ARTICLES[3]], dtype="str")
    frame = s.saidwho.quotes()
    for row in frame.itertuples():
        assert 0 <= row.start < row.end <= len(ARTICLES[3])
        assert row.text == saidwho.quotes(ARTICLES[3])[row.Index].text


class ArrowStreamOnly:
    """A column that speaks only the Arrow PyCapsule protocol, as polars' Series does."""

    def __init__(self, values):
        self._values = values

    def __arrow_c_stream__(self, requested_schema=None):
        return self._values.__arrow_c_stream__(requested_schema)


def test_quotes_frame_list_ids_and_arrow_give_the_same_rows():
    texts = [ARTICLES[0], None, ARTICLES[2], ARTICLES[4]]
    ids = ["a", "b", "c", "d"]
    from_list = quotes_frame(texts, ids=ids)
    from_series = quotes_frame(pd.Series(texts, dtype="str"), ids=ids)
    from_array = quotes_frame(pa.array(texts), ids=ids)
    from_chunked = quotes_frame(
        pa.chunked_array([texts[:2], texts[2:]], pa.large_string()), ids=ids
    )
    from_view = quotes_frame(pa.array(texts, pa.string_view()), ids=ids)
    from_stream = quotes_frame(ArrowStreamOnly(pa.chunked_array([texts])), ids=ids)
    expected = expected_rows(texts, ids)
    for frame in (from_list, from_series, from_array, from_chunked, from_view, from_stream):
        assert frame_rows(frame) == expected


def test_quotes_frame_labels_default_to_positions_or_the_series_index():
    texts = [None, ARTICLES[0]]
    assert set(quotes_frame(texts)["doc"]) == {1}
    s = pd.Series(texts, index=["x", "y"], dtype="str")
    assert set(quotes_frame(s)["doc"]) == {"y"}
    assert set(quotes_frame(s, ids=[10, 20])["doc"]) == {20}  # by position, not by label


def test_ids_may_be_a_series_an_array_or_arrow():
    texts = [ARTICLES[0], ARTICLES[2]]
    expected = expected_rows(texts, ["v-1", "r-2"])
    for ids in (
        pd.Series(["v-1", "r-2"], index=[9, 8]),  # by position: the Series' index is ignored
        np.array(["v-1", "r-2"]),
        pa.array(["v-1", "r-2"]),
        pa.chunked_array([["v-1"], ["r-2"]]),
        iter(["v-1", "r-2"]),
    ):
        assert frame_rows(quotes_frame(texts, ids=ids)) == expected


def test_quotes_frame_as_arrow_table():
    texts = [ARTICLES[0], None, ARTICLES[3]]
    table = quotes_frame(texts, ids=["v", "n", "b"], as_arrow=True)
    assert isinstance(table, pa.Table)
    assert table.column_names == list(QUOTE_COLUMNS)
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("speaker").type in (pa.string(), pa.large_string())
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("rule").type in (pa.string(), pa.large_string())
    assert table.to_pylist() == expected_rows(texts, ["v", "n", "b"])


def test_quotes_frame_rejects_bad_input():
    with pytest.raises(TypeError, match="single str"):
        quotes_frame(ARTICLES[0])
    with pytest.raises(ValueError, match="ids has 1 labels for 2 texts"):
        quotes_frame(ARTICLES[:2], ids=["only-one"])
    with pytest.raises(TypeError, match="strings"):
        quotes_frame(pa.array([1, 2]))


def test_top_level_names_are_lazy_and_documented():
    assert saidwho.quotes_frame is quotes_frame
    assert "quotes_frame" in dir(saidwho) and "speakers" in saidwho.__all__
    with pytest.raises(AttributeError):
        saidwho.no_such_function  # noqa: B018


def test_jsonl_examples_through_the_accessor(examples):
    with open(examples / "articles.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    articles = pd.DataFrame(records).set_index("id")
    frame = articles["text"].saidwho.quotes()
    assert frame_rows(frame) == expected_rows(list(articles["text"]), list(articles.index))


# --- speakers ---------------------------------------------------------------------------------


def counted(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows counted as statements: a reported statement holding a quoted fragment of the
    same document is counted through the fragment (issue 15, item 5)."""
    keep = []
    for _, rows in frame.groupby("doc", sort=False):
        spans = [_counting.Span(r.start, r.end, r.type) for r in rows.itertuples()]
        held = _counting.holds_fragment(spans)
        keep += [index for index, h in zip(rows.index, held, strict=True) if not h]
    return frame.loc[sorted(keep, key=list(frame.index).index)]


def test_speakers_counts_match_the_quotations():
    frame = quotes_frame(ARTICLES, ids=["v", "l", "r", "b", "a"])
    table = saidwho.speakers(frame)
    statements = counted(frame)
    assert list(table.columns[:4]) == ["speaker", "quotations", "reported", "share"]
    assert {"direct", "partial", "words", "characters"} <= set(table.columns)
    assert "indirect" not in table.columns
    assert table["quotations"].sum() == statements["type"].isin(["direct", "partial"]).sum()
    assert table["reported"].sum() == (statements["type"] == "indirect").sum()
    assert table["share"].sum() == pytest.approx(1.0)
    assert (table["direct"] + table["partial"] == table["quotations"]).all()
    for row in table.itertuples():
        mine = (
            statements[statements["speaker"] == row.speaker]
            if isinstance(row.speaker, str)
            else statements[statements["speaker"].isna()]
        )
        assert row.quotations + row.reported == len(mine)
        assert row.words == sum(len(t.split()) for t in mine["text"])
        assert row.characters == sum(len(t) for t in mine["text"])
    named = table.dropna(subset=["speaker"])
    total = named["quotations"] + named["reported"]
    keys = list(zip(-total, -named["words"], named["speaker"], strict=True))
    assert keys == sorted(keys)  # most quoted first
    if table["speaker"].isna().any():
        assert table["speaker"].isna().tolist()[-1]  # the unresolved row comes last


def test_speakers_by_document_and_from_a_quote_list():
    frame = quotes_frame(ARTICLES[::-1], ids=["a", "b", "r", "l", "v"])
    table = saidwho.speakers(frame, by_doc=True)
    statements = counted(frame)
    assert table.columns[0] == "doc"
    docs_in_order = list(dict.fromkeys(frame["doc"]))
    assert list(dict.fromkeys(table["doc"])) == docs_in_order
    for doc, group in table.groupby("doc"):
        assert (group["quotations"] + group["reported"]).sum() == (statements["doc"] == doc).sum()
        assert group["share"].sum() == pytest.approx(1.0)
    one = saidwho.speakers(saidwho.quotes(ARTICLES[0]))
    alone = counted(quotes_frame(ARTICLES[:1]))
    assert (one["quotations"] + one["reported"]).sum() == len(alone)


def test_speakers_on_an_empty_frame_and_a_missing_column():
    table = saidwho.speakers(quotes_frame([]))
    assert table.empty and {"quotations", "reported"} <= set(table.columns)
    with pytest.raises(ValueError, match="'doc'"):
        saidwho.speakers(quotes_frame(ARTICLES).drop(columns="doc"), by_doc=True)
    with pytest.raises(TypeError):
        saidwho.speakers([1, 2, 3])


def test_speakers_counts_extra_kinds_when_asked_for():
    text = "Critics called it “Project Fear”, but the minister said it was “a fair warning”."
    frame = quotes_frame([text], keep_non_speech=True)
    table = saidwho.speakers(frame)
    statements = counted(frame)
    for kind in set(frame["type"]) - {"indirect"}:
        assert table[kind].sum() == (statements["type"] == kind).sum()


def test_plot_speakers_draws_the_top_bars():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = quotes_frame(ARTICLES)
    table = saidwho.speakers(frame)
    ax = saidwho.plot_speakers(frame, top=2)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    expected = ["(speaker unknown)" if pd.isna(name) else name for name in table["speaker"].head(2)]
    assert labels == expected[::-1]  # most quoted at the top
    assert ax.get_xlabel() == "statements (quotations and reported)"
    plt.close(ax.figure)
    ax = saidwho.plot_speakers(table)  # the table itself is accepted too
    assert len(ax.get_yticklabels()) == min(10, len(table))
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="overall"):
        saidwho.plot_speakers(saidwho.speakers(frame, by_doc=True))


def test_plot_speakers_without_matplotlib_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"saidwho\[plot\]"):
        saidwho.plot_speakers(quotes_frame(ARTICLES))
