"""The ``Series.saidwho`` accessor and ``clean_partition`` on realistic columns of news text.

Expected values are always ``saidwho.clean`` of the same text: the cleaner keeps improving, and
these tests are about the frame layer (index, dtype, missing values), not about the repairs.
"""

from __future__ import annotations

import functools
import pickle
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

import saidwho  # noqa: E402
from saidwho.pandas import SeriesTexts, clean_partition  # noqa: E402

# Fictional copy the way a scraper delivers it: HTML entities, Windows line ends, terminal and
# control characters, and UTF-8 read as Windows-1252.
DAMAGED = [
    "Council leader Maria Lop&eacute;z said the budget was &ldquo;fair to every ward&rdquo;.",
    "Storm Agnes closes A66\r\nDrivers were told to avoid the pass until Thursday.\r\n",
    "Shares in Brightwater fell 4%\x1b[31m after the regulator&rsquo;s ruling.\x1b[0m",
    "The minister\u2019s aide described the report as \u00e2\u20ac\u0153premature\u00e2\u20ac\x9d.",
    "Caf\u00c3\u00a9 owners in Lyon say the new rules are \u201cunworkable\u201d.",
    "Ticket prices rise by \u00a312\x00 from April, the operator confirmed.",
    "Already clean: the committee will meet again on 3 March.",
]


def cleaned(text: object, **options: object) -> object:
    return saidwho.clean(text, **options) if isinstance(text, str) else text  # type: ignore[arg-type]


def test_str_dtype_with_missing_and_non_default_index():
    texts = [DAMAGED[0], None, DAMAGED[1], DAMAGED[2], None, DAMAGED[3]]
    index = pd.Index(["a-17", "a-03", "b-99", "c-01", "c-02", "z-00"], name="story")
    s = pd.Series(texts, index=index, name="body", dtype="str")
    out = s.saidwho.clean()
    assert out.dtype == s.dtype  # pandas 3 `str` (Arrow large_string, NaN for missing)
    assert out.index.equals(index) and out.index.name == "story"
    assert out.name == "body"
    assert out.isna().tolist() == [False, True, False, False, True, False]
    for label in ("a-17", "b-99", "c-01", "z-00"):
        assert out[label] == saidwho.clean(s[label])
    assert out["b-99"].count("\r") == 0
    assert s.iloc[0] == DAMAGED[0]  # the input is not modified


def test_duplicate_and_integer_labels_keep_their_rows():
    s = pd.Series(DAMAGED[:4], index=[7, 7, 3, 7], dtype="str")
    out = s.saidwho.clean()
    assert out.index.tolist() == [7, 7, 3, 7]
    assert out.tolist() == [saidwho.clean(t) for t in DAMAGED[:4]]


def test_object_dtype_keeps_each_missing_value_as_it_was():
    s = pd.Series([DAMAGED[4], None, np.nan, pd.NA, DAMAGED[5]], dtype=object)
    out = s.saidwho.clean()
    assert out.dtype == object
    values = out.tolist()
    assert values[0] == saidwho.clean(DAMAGED[4])
    assert values[1] is None and np.isnan(values[2]) and values[3] is pd.NA
    assert values[4] == saidwho.clean(DAMAGED[5])


@pytest.mark.parametrize("dtype", ["string", "string[python]", "string[pyarrow]"])
def test_nullable_string_dtypes_round_trip(dtype):
    s = pd.Series([DAMAGED[0], None, DAMAGED[6]], dtype=dtype)
    out = s.saidwho.clean()
    assert out.dtype == s.dtype
    assert out[1] is pd.NA
    assert out.tolist()[::2] == [saidwho.clean(DAMAGED[0]), DAMAGED[6]]


def test_empty_and_all_missing():
    assert len(pd.Series([], dtype="str").saidwho.clean()) == 0
    out = pd.Series([None, None], index=["x", "y"], dtype="str").saidwho.clean()
    assert out.isna().all() and out.index.tolist() == ["x", "y"]


def test_non_string_value_names_its_label():
    s = pd.Series([DAMAGED[0], None, 1989, b"bytes"], index=["lead", "gap", "year", "raw"])
    with pytest.raises(TypeError, match=r"index label 'year' \(position 2\) is int"):
        s.saidwho.clean()
    with pytest.raises(TypeError, match="index label 0 .* is float"):
        pd.Series([2.5, 3.5]).saidwho.clean()


def test_options_threads_and_progress_pass_through():
    s = pd.Series(DAMAGED * 3, dtype="str")
    straight = s.saidwho.clean(uncurl_quotes=True, n_threads=1)
    assert straight.tolist() == [saidwho.clean(t, uncurl_quotes=True) for t in DAMAGED * 3]
    options = saidwho.CleanOptions(uncurl_quotes=True)
    assert s.saidwho.clean(options).tolist() == straight.tolist()
    seen: list[int] = []
    s.saidwho.clean(progress=seen.append)
    assert sum(seen) == len(s)
    with pytest.raises(TypeError):
        s.saidwho.clean(fix_everything=True)


def test_series_texts_keys_results_by_label():
    s = pd.Series([None, DAMAGED[0], DAMAGED[1]], index=["p", "q", "q"], dtype="str")
    texts = SeriesTexts.of(s)
    assert texts.texts == [DAMAGED[0], DAMAGED[1]]
    assert texts.labels().tolist() == ["q", "q"]
    rebuilt = texts.rebuild(["one", "two"], name="n")
    assert rebuilt.name == "n" and rebuilt.tolist()[1:] == ["one", "two"] and rebuilt.isna().iloc[0]
    with pytest.raises(ValueError, match="expected 2 results"):
        texts.rebuild(["one"])


def test_clean_partition_on_dataframe_and_arrow_agree():
    frame = pd.DataFrame(
        {"id": [11, 12, 13, 14], "text": DAMAGED[:3] + [None]}, index=["w", "x", "y", "z"]
    ).astype({"text": "str"})
    out = clean_partition(frame, column="text")
    assert out.index.tolist() == ["w", "x", "y", "z"] and out["id"].tolist() == [11, 12, 13, 14]
    assert out["text"].tolist()[:3] == [saidwho.clean(t) for t in DAMAGED[:3]]
    assert frame["text"].iloc[0] == DAMAGED[0]  # a new frame, the input is untouched

    side = clean_partition(frame, column="text", output_column="clean")
    assert side["text"].equals(frame["text"]) and side["clean"].equals(out["text"])

    table = pa.Table.from_pandas(frame, preserve_index=False)
    arrow = clean_partition(table, column="text")
    assert isinstance(arrow, pa.Table)
    assert arrow.column("text").to_pylist() == [*out["text"].tolist()[:3], None]
    batch = clean_partition(pa.record_batch({"text": pa.array(DAMAGED[:2], pa.string_view())}))
    assert batch.column("text").to_pylist() == [saidwho.clean(t) for t in DAMAGED[:2]]
    with pytest.raises(TypeError, match="column 'id' is int64"):
        clean_partition(table, column="id")


def test_clean_partition_pickles_with_its_options():
    fn = functools.partial(clean_partition, column="text", options=saidwho.CleanOptions.ftfy())
    frame = pd.DataFrame({"text": DAMAGED})
    assert pickle.loads(pickle.dumps(fn))(frame).equals(fn(frame))


def python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_saidwho_registers_accessor_only_when_pandas_is_loaded():
    # `import saidwho` alone stays fast (no pandas); after pandas, the accessor is there.
    assert python("import sys, saidwho; print('pandas' in sys.modules)") == "False"
    code = "import pandas as pd, saidwho; print(pd.Series(['caf&eacute;']).saidwho.clean()[0])"
    assert python(code) == "café"
