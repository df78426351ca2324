"""Arrow input to the batch calls: read in place, nulls kept, same results as lists."""

from __future__ import annotations

import pytest

import saidwho

pa = pytest.importorskip("pyarrow")

TEXTS = [
    "The caf&eacute; owner said &ldquo;we are open&rdquo; on Monday.",
    None,
    "Officials called the plan âbold but overdueâ, and the mayorâs office agreed.",
    "“We will not wait any longer,” Ms Okoro said.",
    "",
]


@pytest.mark.parametrize("kind", ["string", "large_string", "string_view"])
def test_clean_many_reads_arrow_strings(kind):
    array = pa.array(TEXTS, type=kind)
    assert saidwho.clean_many(array) == saidwho.clean_many(TEXTS)
    out = saidwho.clean_many(array, as_arrow=True)
    assert isinstance(out, pa.Array) and out.type == pa.large_string()
    assert out.null_count == 1 and out.to_pylist() == saidwho.clean_many(TEXTS)


def test_chunked_arrays_and_streams():
    chunked = pa.chunked_array([TEXTS[:2], TEXTS[2:]])
    assert saidwho.clean_many(chunked) == saidwho.clean_many(TEXTS)
    assert saidwho.quotes_many(chunked) == saidwho.quotes_many(TEXTS)
    seen: list[int] = []
    saidwho.clean_many(chunked, progress=seen.append)
    assert sum(seen) == len(TEXTS)


def test_quotes_many_reads_arrow_strings():
    found = saidwho.quotes_many(pa.array(TEXTS))
    assert found == saidwho.quotes_many(TEXTS)
    assert found[1] == []


def test_non_string_arrow_input_is_a_type_error():
    with pytest.raises(TypeError, match="must be strings"):
        saidwho.clean_many(pa.array([1, 2, 3]))
    with pytest.raises(TypeError, match="must be strings"):
        saidwho.quotes_many(pa.array([1.5]))


def test_pandas_str_series_goes_through_arrow_and_keeps_dtype_and_index():
    pd = pytest.importorskip("pandas")
    import saidwho.pandas  # noqa: F401

    series = pd.Series(TEXTS, index=["a", "b", "c", "c", "d"], dtype="str")
    cleaned = series.saidwho.clean()
    assert cleaned.dtype == series.dtype
    assert list(cleaned.index) == list(series.index)
    assert cleaned.isna().tolist() == series.isna().tolist()
    expected = saidwho.clean_many(TEXTS)
    assert [None if pd.isna(x) else x for x in cleaned] == expected
    frame = series.saidwho.quotes()
    per_doc = [len(saidwho.quotes(t)) if t is not None else 0 for t in TEXTS]
    assert frame["doc"].tolist() == [
        label for label, n in zip(series.index, per_doc, strict=True) for _ in range(n)
    ]
