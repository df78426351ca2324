"""The batch paths give the rows they gave when each row was a Python object: the command line's
JSONL, CSV and Parquet (rows written by the core, or taken from its Arrow columns), and
``quotes_frame`` / ``Series.saidwho.quotes()`` (frames from the same columns), each compared
with the rows built the slow way from ``saidwho.quotes()`` (``{id: doc, **Quote.to_dict()}``,
encoded as the writers encoded dicts), on the bundled examples and a generated stream."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import saidwho
import saidwho.cli
from saidwho.pandas import _quote_frame

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# What the JSONL writer used for every dict row.
ENCODE = json.JSONEncoder(ensure_ascii=False, default=str).encode

EDGE_TEXTS = [
    "",
    "No quotation here, and nobody says anything.",
    "“We will build it,” Ms Okoro said. 😀 The mayor said the plan was bold.",
    "𝒜𝓈𝓉𝓇𝒶𝓁 𝓉𝑒𝓍𝓉 first. “Les travaux commencent lundi,” a déclaré 王小明. 🇬🇧🇫🇷",
    '“Line one,\nline two,” Mr Abe said.\r\nHe added: “A "quoted" word, a \\ and a tab\t.”',
    # Windows-1252 mojibake: offsets point into the damaged text, the text is repaired.
    "â€œWe will not wait any longer,â€\x9d Ms Okoro said.",
    "The minister said the talks were useful, according to officials.",
    "« Nous ne céderons pas », a déclaré Mme Dupont. „Wir warten“, sagte Herr Vogel.",
]


def stream_texts(count: int, seed: int = 16) -> list[str | None]:
    """Varied documents: the examples and the edge texts cut, joined and shuffled, with missing
    texts among them."""
    pieces = [*EDGE_TEXTS]
    for line in (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines():
        text = json.loads(line).get("text")
        if text:
            pieces.extend(p for p in text.split("\n") if p.strip())
    rng = random.Random(seed)
    texts: list[str | None] = []
    for i in range(count):
        if i % 17 == 5:
            texts.append(None)
            continue
        texts.append("\n".join(rng.sample(pieces, k=rng.randint(1, 4))))
    return texts


def reference_rows(records: list[dict], id_field: str = "id", **options) -> list[dict]:
    """The command line's rows as it built them: one dict per quotation, the document's id (or
    where it was read from) first."""
    rows = []
    for lineno, record in enumerate(records, start=1):
        text = record.get("text")
        if text is None:
            continue
        ident = record.get(id_field)
        doc = ident if ident is not None else f"line {lineno}"
        rows.extend({id_field: doc, **q.to_dict()} for q in saidwho.quotes(text, **options))
    return rows


def write_jsonl(path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def cli(*argv: str) -> None:
    with contextlib.redirect_stderr(io.StringIO()) as err:
        status = saidwho.cli.main([*argv, "--no-progress"])
    assert status == 0, err.getvalue()


def stream_records() -> list[dict]:
    records: list[dict] = []
    for i, text in enumerate(stream_texts(300)):
        record: dict = {"id": f"doc-{i}", "text": text, "source": "gen", "n": i}
        if i % 11 == 3:
            del record["id"]  # named by its line
        elif i % 13 == 4:
            record["id"] = None
        records.append(record)
    return records


@pytest.fixture(params=["examples", "stream"])
def records(request, examples) -> list[dict]:
    if request.param == "examples":
        lines = (examples / "articles.jsonl").read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    return stream_records()


@pytest.mark.parametrize("batch_size", ["2000", "7"])
def test_jsonl_is_byte_for_byte_the_dict_rows(records, tmp_path, batch_size):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, records)
    cli("quotes", str(source), "-o", str(out), "--batch-size", batch_size)
    expected = "".join(ENCODE(row) + "\n" for row in reference_rows(records))
    assert out.read_text("utf-8") == expected


def test_jsonl_with_options_and_an_id_field_named_like_a_column(tmp_path):
    records = [{"type": f"t{i}", "text": t} for i, t in enumerate(stream_texts(60, seed=3))]
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, records)
    cli("quotes", str(source), "-o", str(out), "--id-field", "type", "--keep-non-speech",
        "--no-reported", "--batch-size", "9")  # fmt: skip
    rows = reference_rows(records, "type", keep_non_speech=True, reported=False)
    assert rows and all(list(row)[0] == "type" for row in rows)
    assert out.read_text("utf-8") == "".join(ENCODE(row) + "\n" for row in rows)


def test_parquet_holds_the_dict_rows(records, tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    write_jsonl(source, records)
    cli("quotes", str(source), "-o", str(out), "--batch-size", "5")
    rows = reference_rows(records)
    table = pq.read_table(out)
    assert table.to_pylist() == rows
    # The column types the writer inferred from the dict rows.
    expected = pa.RecordBatch.from_pylist(rows).schema
    assert table.schema.remove_metadata() == expected


def test_csv_is_byte_for_byte_the_dict_rows(records, tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    write_jsonl(source, records)
    cli("quotes", str(source), "-o", str(out), "--batch-size", "4")
    rows = reference_rows(records)
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    writer.writerow(list(rows[0]))
    writer.writerows(list(row.values()) for row in rows)
    assert out.read_text("utf-8") == expected.getvalue()


def test_csv_input_with_embedded_newlines(tmp_path):
    texts = [t for t in stream_texts(40, seed=5) if t is not None]
    source, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text"])
        writer.writerows([str(i), text] for i, text in enumerate(texts))
    cli("quotes", str(source), "-o", str(out), "--batch-size", "6")
    records = [{"id": str(i), "text": text} for i, text in enumerate(texts)]
    expected = "".join(ENCODE(row) + "\n" for row in reference_rows(records))
    assert out.read_text("utf-8") == expected


def test_no_quotation_at_all_writes_nothing(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": 1, "text": "Nothing said."}, {"id": 2, "text": ""}])
    cli("quotes", str(source), "-o", str(out))
    assert out.read_text("utf-8") == ""


def test_the_statement_counts_are_those_of_the_rows(tmp_path):
    records = stream_records()
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, records)
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert saidwho.cli.main(["quotes", str(source), "-o", str(out), "--batch-size", "8"]) == 0
    from saidwho import _counting

    totals = [0, 0]
    for record in records:
        if record["text"] is not None:
            found = saidwho.quotes(record["text"])
            spans = [_counting.Span(q.start, q.end, q.type, q.kind) for q in found]
            counts = _counting.count(spans)
            totals[0] += counts.quotations
            totals[1] += counts.reported
    described = _counting.Counts(totals[0], totals[1], 0).describe()
    assert f": {described}" in err.getvalue()


def frame_the_slow_way(texts, labels: pd.Index, **options) -> pd.DataFrame:
    return _quote_frame(saidwho.quotes_many(texts, **options), labels)


def test_quotes_frame_is_the_frame_of_quote_objects():
    texts = stream_texts(400)
    frame = saidwho.quotes_frame(texts)
    pd.testing.assert_frame_equal(frame, frame_the_slow_way(texts, pd.RangeIndex(len(texts))))
    ids = [f"u{i}" for i in range(len(texts))]
    pd.testing.assert_frame_equal(
        saidwho.quotes_frame(texts, ids=ids, keep_non_speech=True),
        frame_the_slow_way(texts, pd.Index(ids), keep_non_speech=True),
    )


def test_quotes_frame_of_arrow_texts_and_as_arrow():
    texts = stream_texts(120, seed=7)
    arrow = pa.array(texts, type=pa.large_string())
    expected = frame_the_slow_way(texts, pd.RangeIndex(len(texts)))
    pd.testing.assert_frame_equal(saidwho.quotes_frame(arrow), expected)
    table = saidwho.quotes_frame(texts, as_arrow=True)
    assert table.equals(pa.Table.from_pandas(expected, preserve_index=False))


@pytest.mark.parametrize("dtype", [object, "str"])
def test_series_accessor_is_the_frame_of_quote_objects(dtype):
    texts = stream_texts(250, seed=11)
    index = pd.Index([f"k{i % 40}" for i in range(len(texts))])  # duplicate labels kept
    series = pd.Series(texts, index=index, dtype=dtype)
    present = [t if isinstance(t, str) else None for t in series.tolist()]
    pd.testing.assert_frame_equal(series.saidwho.quotes(), frame_the_slow_way(present, index))
    empty = pd.Series([], dtype=dtype)
    pd.testing.assert_frame_equal(
        empty.saidwho.quotes(), frame_the_slow_way([], pd.RangeIndex(0)), check_index_type=False
    )


def test_parquet_types_come_from_the_first_rows_not_the_first_batch(tmp_path):
    records = [{"id": i, "text": "Nothing said here."} for i in range(6)]
    records += [{"id": i, "text": "“We go,” Ms Okoro said."} for i in range(6, 9)]
    source, out = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    write_jsonl(source, records)
    cli("quotes", str(source), "-o", str(out), "--batch-size", "2")
    table = pq.read_table(out)
    assert table.to_pylist() == reference_rows(records)
    assert table.schema.field("id").type == pa.int64()
    # No quotation at all: a Parquet file without rows, as before.
    write_jsonl(source, records[:3])
    cli("quotes", str(source), "-o", str(out))
    assert pq.read_table(out).num_rows == 0


def test_clean_jsonl_is_byte_for_byte_the_dict_records(records, tmp_path):
    records = [*records, {"id": "odd", "text": "caf&eacute;", "note": "\x00saidwho text\x00"}]
    records.append({"id": "ctl", "text": 'a\x1b[1mb\u2028c "q" \\ \t😀', "n": 1.5e-7})
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, records)
    cli("clean", str(source), "-o", str(out), "--batch-size", "5")
    expected = "".join(
        ENCODE({**r, "text": saidwho.clean(r["text"]) if r["text"] is not None else None}) + "\n"
        for r in records
    )
    assert out.read_text("utf-8") == expected
