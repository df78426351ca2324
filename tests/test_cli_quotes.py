"""`saidwho quotes` on the bundled examples."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import saidwho
from saidwho import _counting


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "saidwho.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_txt_prints_a_table_of_who_said_what(examples):
    result = run("quotes", str(examples / "senate.cp1252.txt"))
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["speaker", "cue", "type"]
    text = (examples / "senate.cp1252.txt").read_text(encoding="utf-8")
    expected = saidwho.quotes(text)
    assert len(rows) == len(expected) > 0
    reported = [q for q in expected if q.type == "indirect"]
    assert reported, "the example reports speech without quotation marks"
    # Statements only (the kind speech): the example's refusal and reaction are left out.
    statements = [q for q in expected if q.kind == "speech"]
    assert len(statements) < len(expected)
    # A reported statement holding a quoted fragment is counted once, as a quotation.
    holders = sum(
        _counting.holds_fragment([_counting.Span(q.start, q.end, q.type) for q in statements])
    )
    reported_count = sum(q.type == "indirect" for q in statements) - holders
    quotations = sum(q.type != "indirect" for q in statements)
    summary = f"{quotations} quotations and {reported_count} reported statement"
    assert summary in result.stderr
    assert f"{len(expected) - len(statements)} rows of other kinds not counted" in result.stderr
    # Reported speech is shown without quotation marks, quotations inside them.
    for row, q in zip(rows, expected, strict=True):
        if q.type == "indirect":
            assert ("indirect  “" in row) == q.text.startswith("“"), row
        else:
            assert row.rstrip().endswith("”"), row


def test_jsonl_gives_one_row_per_quotation_with_document_id(examples, tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = run("quotes", str(examples / "articles.jsonl"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in (examples / "articles.jsonl").read_text().splitlines()]
    expected = []
    for doc in docs:
        if doc["text"] is not None:
            expected += [{"id": doc["id"], **q.to_dict()} for q in saidwho.quotes(doc["text"])]
    assert rows == expected
    assert {r["id"] for r in rows} <= {d["id"] for d in docs}
    for row in rows:
        text = next(d["text"] for d in docs if d["id"] == row["id"])
        assert 0 <= row["start"] < row["end"] <= len(text)
        if saidwho.clean(text) == text:  # undamaged: the offsets give the quotation itself
            assert text[row["start"] : row["end"]] == row["text"]
    assert f"read {len(docs)} documents, wrote {len(rows)} rows: " in result.stderr


def test_csv_output_and_bad_output_format(examples, tmp_path):
    out = tmp_path / "quotes.csv"
    result = run("quotes", str(examples / "articles.jsonl"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    columns = {"id", "start", "end", "text", "speaker", "cue", "rule", "resolution"}
    assert rows and columns <= set(rows[0])
    bad = run("quotes", str(examples / "articles.jsonl"), "-o", str(tmp_path / "q.txt"))
    assert bad.returncode == 2 and ".jsonl, .csv or .parquet" in bad.stderr
