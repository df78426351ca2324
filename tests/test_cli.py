"""The command line on the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys

import saidwho
from saidwho import cli


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "saidwho.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_clean_txt_to_stdout(examples):
    result = run("clean", str(examples / "senate.cp1252.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (examples / "senate.clean.txt").read_text(encoding="utf-8")
    assert "cleaned 1 document" in result.stderr


def test_clean_jsonl_keeps_fields_and_nulls(examples, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("clean", str(examples / "articles.jsonl"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows_in = [json.loads(x) for x in (examples / "articles.jsonl").read_text().splitlines()]
    rows_out = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows_out] == [r["id"] for r in rows_in]
    assert all(r["source"] == s["source"] for r, s in zip(rows_out, rows_in, strict=True))
    senate = (examples / "senate.clean.txt").read_text(encoding="utf-8")
    by_id = {r["id"]: r["text"] for r in rows_out}
    assert by_id["senate-1"] == senate
    assert by_id["senate-2"] == senate
    assert by_id["senate-3"] == senate
    assert by_id["missing-1"] is None
    assert "read 5 records, wrote 5" in result.stderr


def test_clean_reports_bad_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": 3}\n', encoding="utf-8")
    result = run("clean", str(bad))
    assert result.returncode == 2
    assert "line 2" in result.stderr and "'text'" in result.stderr
    nofield = tmp_path / "nofield.jsonl"
    nofield.write_text('{"body": "ok"}\n', encoding="utf-8")
    result = run("clean", str(nofield))
    assert result.returncode == 2 and "no field 'text'" in result.stderr
    missing = run("clean", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "No such file" in missing.stderr


def test_clean_reads_non_utf8_file_as_windows_1252(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("The caf\u00e9 said \u201cno\u201d.".encode("cp1252"))
    result = run("clean", str(path))
    assert result.returncode == 0
    assert result.stdout == "The café said “no”."
    assert "Windows-1252" in result.stderr


def test_explain_lists_repairs(examples, capsys):
    assert cli.main(["clean", str(examples / "senate.cp1252.txt"), "--explain"]) == 0
    captured = capsys.readouterr()
    assert "fix_encoding" in captured.err
    assert saidwho.clean(captured.out) == captured.out
