"""A document that fails in a batch: raised with its index, or recorded and the batch goes on.

No known input makes the core fail, so these tests make chosen documents fail through the
core's private fault injection (`_fail_on`, see src/batch.rs): the failure travels the same
unwinding path a real bug's panic would.
"""

from __future__ import annotations

import json
import warnings

import pytest

import saidwho
from saidwho import cli

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
import saidwho.pandas  # noqa: E402, F401 - registers Series.saidwho

DOCS = ["caf&eacute;", None, "“We act,” Ms Lee said.", "plain", "“No,” he said."]
# Past one chunk of the core (2048 documents), so failures are numbered across chunks.
MANY = [f"“Row {i},” she said. caf&eacute;" for i in range(5000)]


def as_arrow(docs):
    return pa.array(docs, type=pa.large_string())


def test_default_raises_internal_error_naming_the_index():
    for run in (saidwho.clean_many, saidwho.quotes_many):
        for texts in (DOCS, as_arrow(DOCS)):
            with pytest.raises(saidwho.InternalError, match="document 3: injected fault"):
                run(texts, _fail_on=[3])
    with pytest.raises(saidwho.InternalError, match="document 4097"):
        saidwho.clean_many(MANY, _fail_on=[4097, 4999])
    # Not a BaseException-only PanicException: `except Exception` catches it.
    assert issubclass(saidwho.InternalError, Exception)


@pytest.mark.parametrize("arrow", [False, True], ids=["list", "arrow"])
def test_record_gives_none_for_the_failed_text_and_warns_with_every_index(arrow):
    expected = saidwho.clean_many(MANY)
    texts = as_arrow(MANY) if arrow else MANY
    failed = [0, 2047, 2048, 4999]
    with pytest.warns(saidwho.BatchWarning, match="4 document") as caught:
        out = saidwho.clean_many(texts, errors="record", _fail_on=failed)
    assert len(out) == len(MANY)
    assert [i for i, t in enumerate(out) if t is None] == failed
    assert all(out[i] == expected[i] for i in range(len(MANY)) if i not in failed)
    (warning,) = caught
    assert warning.message.indices == failed
    assert warning.message.failures[0] == saidwho.BatchFailure(0, "injected fault (test hook)")
    assert warning.filename == __file__  # points at the caller, not at saidwho


@pytest.mark.parametrize("arrow", [False, True], ids=["list", "arrow"])
def test_record_gives_an_empty_list_for_the_failed_quotes(arrow):
    expected = saidwho.quotes_many(DOCS)
    assert expected[2] and expected[4]
    texts = as_arrow(DOCS) if arrow else DOCS
    with pytest.warns(saidwho.BatchWarning) as caught:
        found = saidwho.quotes_many(texts, errors="record", _fail_on=[2])
    assert found == [expected[0], [], [], expected[3], expected[4]]
    assert caught[0].message.indices == [2]


def test_record_keeps_missing_values_apart_from_failures():
    with pytest.warns(saidwho.BatchWarning) as caught:
        out = saidwho.clean_many(DOCS, errors="record", _fail_on=[0])
    assert out == [None, None, DOCS[2], "plain", DOCS[4]]
    assert caught[0].message.indices == [0]  # the missing text at 1 is not a failure


def test_record_without_failures_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert saidwho.clean_many(DOCS, errors="record") == saidwho.clean_many(DOCS)
        assert saidwho.quotes_many(DOCS, errors="record") == saidwho.quotes_many(DOCS)


def test_the_warning_can_be_made_an_error():
    with warnings.catch_warnings():
        warnings.simplefilter("error", saidwho.BatchWarning)
        with pytest.raises(saidwho.BatchWarning, match="index 1, 3"):
            saidwho.clean_many(["a", "b", "c", "d"], errors="record", _fail_on=[1, 3])


@pytest.mark.parametrize("bad", ["ignore", "RAISE", ""])
def test_a_bad_errors_value_is_a_value_error_naming_it(bad):
    calls = [
        lambda: saidwho.clean_many(DOCS, errors=bad),
        lambda: saidwho.clean_many([], errors=bad),
        lambda: saidwho.clean_many(as_arrow(DOCS), errors=bad),
        lambda: saidwho.quotes_many(DOCS, errors=bad),
        lambda: saidwho.quotes_many(as_arrow(DOCS), errors=bad),
        lambda: pd.Series(DOCS).saidwho.clean(errors=bad),
        lambda: saidwho.quotes_frame(DOCS, errors=bad),
    ]
    for call in calls:
        with pytest.raises(ValueError, match=f"errors must be 'raise' or 'record', not \"{bad}\""):
            call()


@pytest.mark.parametrize("dtype", [object, "str"])
def test_series_accessors_and_quotes_frame_record(dtype):
    series = pd.Series(DOCS, index=[10, 11, 12, 13, 14], dtype=dtype)
    with pytest.warns(saidwho.BatchWarning) as caught:
        cleaned = series.saidwho.clean(errors="record", _fail_on=[3])
    assert caught[0].filename == __file__
    assert list(cleaned.index) == [10, 11, 12, 13, 14]
    assert cleaned.isna().tolist() == [False, True, False, True, False]
    assert cleaned[10] == "café"
    with pytest.warns(saidwho.BatchWarning):
        frame = series.saidwho.quotes(errors="record", _fail_on=[2])
    assert frame["doc"].tolist() == [14]
    with pytest.warns(saidwho.BatchWarning) as caught:
        frame = saidwho.quotes_frame(series, errors="record", _fail_on=[4])
    assert frame["doc"].tolist() == [12]
    assert caught[0].filename == __file__
    with pytest.raises(saidwho.InternalError, match="document 2"):
        series.saidwho.quotes(_fail_on=[2])


def fail_marked(monkeypatch, name):
    """Makes the core fail every document containing FAIL in batch calls `name`."""
    original = getattr(saidwho._core, name)

    def failing(texts, **kwargs):
        marked = [i for i, t in enumerate(texts) if t is not None and "FAIL" in t]
        return original(texts, _fail_on=marked, **kwargs)

    monkeypatch.setattr(saidwho._core, name, failing)


@pytest.fixture
def stream(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": f"“Line {i},” he said. caf&eacute;"} for i in range(7)]
    rows[4]["text"] += " FAIL"
    rows[6]["text"] += " FAIL"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_clean_reports_the_failed_line_and_goes_on(
    stream, tmp_path, monkeypatch, capsys, fail_marked_jsonl_lines
):
    fail_marked(monkeypatch, "clean_many")
    out = tmp_path / "out.jsonl"
    status = cli.main(["clean", str(stream), "-o", str(out), "--batch-size", "3"])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{stream}, line 5: document failed: injected fault" in err
    assert f"{stream}, line 7: document failed" in err
    assert "2 document(s) failed" in err
    assert "read 7 records, wrote 7" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == list(range(7))
    assert [r["text"] is None for r in rows] == [i in (4, 6) for i in range(7)]
    assert rows[0]["text"] == "“Line 0,” he said. café"


def test_cli_errors_raise_stops_with_the_line_and_writes_nothing(
    stream, tmp_path, monkeypatch, capsys, fail_marked_jsonl_lines
):
    fail_marked(monkeypatch, "clean_many")
    out = tmp_path / "out.jsonl"
    status = cli.main(["clean", str(stream), "-o", str(out), "--errors", "raise"])
    assert status == 2
    assert f"{stream}, line 5: document failed" in capsys.readouterr().err
    assert not out.exists()


def test_cli_quotes_reports_the_failed_line_and_keeps_the_rest(
    stream, tmp_path, monkeypatch, capsys
):
    fail_marked(monkeypatch, "quote_rows")  # the rows the command line writes
    out = tmp_path / "quotes.jsonl"
    status = cli.main(["quotes", str(stream), "-o", str(out), "--batch-size", "2"])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{stream}, line 5: document failed" in err
    assert f"{stream}, line 7: document failed" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [0, 1, 2, 3, 5]
