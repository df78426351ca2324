"""``saidwho clean`` on every input and output format, streaming, and atomic output.

Expected texts are ``saidwho.clean`` of the input text, never hard-coded repairs.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import saidwho
from saidwho import cli, io

# Fictional regional news as CMS exports mangle it: entities, CRLF, controls, mojibake.
STORIES = [
    {
        "id": "harbour-0412",
        "desk": "local",
        "words": 41,
        "text": "Harbour board backs &ldquo;Seaview&rdquo; scheme\r\n\r\nThe board voted 7&ndash;2 "
        "on Monday to approve the plan, which includes a caf&eacute; and 40 berths.",
    },
    {
        "id": "rail/strike 2",
        "desk": "business",
        "words": 23,
        "text": 'Union calls the pay offer "an insult", with commas, quotes\r\nand\x07 a bell.',
    },
    {"id": "missing-text", "desk": "sport", "words": 0, "text": None},
    {
        "id": "council-77",
        "desk": "politics",
        "words": 19,
        "text": "Councillor Ren\u00c3\u00a9e Dubois said the vote was "
        "\u00e2\u20ac\u0153long overdue\u00e2\u20ac\x9d.\x1b[0m",
    },
]


def expected(text: str | None) -> str | None:
    return None if text is None else saidwho.clean(text)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(*args: str) -> int:
    return cli.main(["clean", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "stories.jsonl", STORIES)


def test_jsonl_to_jsonl_in_small_batches(stories, tmp_path, capsys):
    out = tmp_path / "clean.jsonl"
    assert run(str(stories), "-o", str(out), "--batch-size", "1", "--threads", "1") == 0
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [s["id"] for s in STORIES]
    assert [r["text"] for r in rows] == [expected(s["text"]) for s in STORIES]
    assert [r["words"] for r in rows] == [s["words"] for s in STORIES]
    assert "read 4 records, wrote 4" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


def test_jsonl_to_csv_and_back(stories, tmp_path):
    out = tmp_path / "clean.csv"
    assert run(str(stories), "-o", str(out)) == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "desk", "words", "text"]
    assert [r["text"] for r in rows] == [expected(s["text"]) or "" for s in STORIES]
    assert rows[1]["id"] == "rail/strike 2" and rows[0]["words"] == "41"

    again = tmp_path / "again.jsonl"
    assert run(str(out), "-o", str(again)) == 0
    assert [r["text"] for r in read_jsonl(again)] == [r["text"] for r in rows]


def test_csv_input_with_quoted_newlines_and_bom(tmp_path):
    src = tmp_path / "export.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["slug", "body"])
        for story in STORIES:
            writer.writerow([story["id"], story["text"] or ""])
    out = tmp_path / "export.clean.csv"
    assert run(str(src), "-o", str(out), "--text-field", "body") == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["slug"] for r in rows] == [s["id"] for s in STORIES]
    assert [r["body"] for r in rows] == [expected(s["text"] or "") for s in STORIES]


def test_parquet_round_trip_keeps_types_and_nulls(stories, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "stories.parquet"
    table = pa.Table.from_pylist(STORIES)
    table = table.append_column("published", pa.array([1, 2, 3, 4], pa.timestamp("s")))
    pq.write_table(table, src, row_group_size=2)
    out = tmp_path / "clean.parquet"
    assert run(str(src), "-o", str(out), "--batch-size", "3") == 0
    result, original = pq.read_table(out), pq.read_table(src)
    assert result.schema == original.schema
    assert result.column("text").to_pylist() == [expected(s["text"]) for s in STORIES]
    assert result.drop_columns("text").equals(original.drop_columns("text"))

    # Parquet to JSONL and to CSV: other columns come along as JSON/CSV values.
    as_jsonl = tmp_path / "from-parquet.jsonl"
    assert run(str(src), "-o", str(as_jsonl)) == 0
    rows = read_jsonl(as_jsonl)
    assert rows[2]["text"] is None and rows[0]["words"] == 41
    assert rows[0]["published"].startswith("1970-01-01")
    assert run(str(src), "-o", str(tmp_path / "from-parquet.csv")) == 0


def test_jsonl_to_parquet(stories, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "clean.parquet"
    assert run(str(stories), "-o", str(out), "--batch-size", "2") == 0
    rows = pq.read_table(out).to_pylist()
    assert [r["text"] for r in rows] == [expected(s["text"]) for s in STORIES]


def test_parquet_errors_are_clear(tmp_path, capsys):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "numbers.parquet"
    pq.write_table(pa.table({"text": [1, 2]}), src)
    assert run(str(src), "-o", str(tmp_path / "x.parquet")) == 2
    assert "column 'text' is int64, expected strings" in capsys.readouterr().err
    assert run(str(src), "--text-field", "body") == 2
    assert "no column 'body'" in capsys.readouterr().err
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    assert run(str(tmp_path / "broken.parquet"), "-o", str(tmp_path / "y.jsonl")) == 2
    assert "not a readable Parquet file" in capsys.readouterr().err
    assert run(str(src)) == 2  # binary output needs -o
    assert leftovers(tmp_path) == []


def test_missing_pyarrow_gives_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(io.InputError, match=r"pip install 'saidwho\[pandas\]'"):
        io.ParquetWriter(None)


def test_txt_directory_to_directory_and_to_jsonl(tmp_path):
    src = tmp_path / "inbox"
    src.mkdir()
    texts = {f"{s['id'].replace('/', '-')}.txt": s["text"] for s in STORIES if s["text"]}
    for name, text in texts.items():
        (src / name).write_text(text, encoding="utf-8", newline="")
    (src / "notes.md").write_text("not a story", encoding="utf-8")
    (src / "old.txt").write_bytes("Caf\u00e9 \u201cre-opens\u201d".encode("cp1252"))
    texts["old.txt"] = "Caf\u00e9 \u201cre-opens\u201d"

    out = tmp_path / "clean"
    assert run(str(src), "-o", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(texts)
    for name, text in texts.items():
        assert (out / name).read_bytes().decode("utf-8") == saidwho.clean(text)

    as_jsonl = tmp_path / "clean.jsonl"
    assert run(str(src), "-o", str(as_jsonl)) == 0
    rows = read_jsonl(as_jsonl)
    assert {r["id"]: r["text"] for r in rows} == {n: saidwho.clean(t) for n, t in texts.items()}
    assert leftovers(tmp_path) == []


def test_jsonl_to_directory_names_files_by_id(stories, tmp_path, capsys):
    out = tmp_path / "by-id"
    out.mkdir()
    (out / "keep-me.txt").write_text("an earlier file", encoding="utf-8")
    assert run(str(stories), "-o", str(out)) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["council-77.txt", "harbour-0412.txt", "keep-me.txt", "rail_strike 2.txt"]
    assert (out / "council-77.txt").read_text(encoding="utf-8") == expected(STORIES[3]["text"])
    assert "wrote 3 (1 with no text, no file written)" in capsys.readouterr().err


def test_single_txt_file_keeps_its_behaviour(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORIES[0]["text"], encoding="utf-8", newline="")
    for target in ("story.clean.txt", "story-clean"):  # no suffix: still one file
        assert run(str(src), "-o", str(tmp_path / target)) == 0
        assert (tmp_path / target).read_text(encoding="utf-8") == expected(STORIES[0]["text"])
    as_jsonl = tmp_path / "story.jsonl"
    assert run(str(src), "-o", str(as_jsonl)) == 0
    assert read_jsonl(as_jsonl) == [{"id": "story.txt", "text": expected(STORIES[0]["text"])}]


def test_many_records_into_one_txt_is_refused(stories, tmp_path, capsys):
    assert run(str(stories), "-o", str(tmp_path / "all.txt")) == 2
    assert "a .txt output holds one" in capsys.readouterr().err
    assert not (tmp_path / "all.txt").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "ok"}\n{"text": "unterminated\n', "line 2: not valid JSON"),
        ('{"text": "ok"}\n\n[1, 2]\n', "line 3: expected a JSON object, got list"),
        ('{"text": "ok"}\n{"text": ["a"]}\n', "line 2: field 'text' is list"),
        ('{"body": "ok"}\n', "line 1: no field 'text'"),
    ],
)
def test_bad_jsonl_exits_2_and_leaves_existing_output(tmp_path, capsys, content, message):
    src = tmp_path / "bad.jsonl"
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert run(str(src), "-o", str(out)) == 2
    assert message in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(tmp_path) == []


def test_bad_utf8_and_bad_csv_rows(tmp_path, capsys):
    src = tmp_path / "latin.jsonl"
    src.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    # As a .txt file is: the line that is not UTF-8 is read as Windows-1252, and said so.
    assert run(str(src), "-o", str(tmp_path / "x.jsonl")) == 0
    assert "line 2 is not valid UTF-8" in capsys.readouterr().err
    assert read_jsonl(tmp_path / "x.jsonl")[1]["text"] == "caf\u00e9"
    assert run(str(src), "--encoding", "utf-8", "-o", str(tmp_path / "y.jsonl")) == 2
    assert "line 2: not valid utf-8" in capsys.readouterr().err
    table = tmp_path / "short.csv"
    table.write_text('id,text\n1,"fine"\n2,"two\nlines"\n3\n', encoding="utf-8")
    assert run(str(table), "-o", str(tmp_path / "x.csv")) == 2
    assert "row 3 (line 5): 1 fields, the header has 2" in capsys.readouterr().err
    assert run(str(table), "--text-field", "body") == 2
    assert "no column 'body' (columns: id, text)" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


def test_required_id_field(stories, tmp_path, capsys):
    assert run(str(stories), "--id-field", "slug", "-o", str(tmp_path / "d")) == 2
    assert "line 1: no field 'slug'" in capsys.readouterr().err
    dupes = write_jsonl(tmp_path / "dupes.jsonl", [{"id": "a", "text": "x"}] * 2)
    assert run(str(dupes), "-o", str(tmp_path / "d")) == 2
    assert "line 2: id 'a' gives the file name 'a.txt' a second time" in capsys.readouterr().err
    assert not (tmp_path / "d").exists() and leftovers(tmp_path) == []


def test_reader_streams_in_batches(tmp_path):
    rows = [{"id": i, "text": f"Item {i}: prices rose &amp; fell.\r\n" * 20} for i in range(3000)]
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    reader = io.open_reader(str(src), "jsonl", batch_size=500)
    batches = reader.batches()
    first = next(batches)
    assert len(first) == 500 and reader.records == 500
    assert 0 < reader.position() < reader.total  # the rest of the file is not read yet
    assert sum(len(b) for b in batches) == 2500 and reader.records == 3000


def test_stdin_and_stdout(stories):
    src = stories.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "saidwho.cli", "clean", "-", "--format", "jsonl"],
        input=src,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    got = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert got == [expected(s["text"]) for s in STORIES]
    assert "\r" not in result.stderr  # no progress bar when standard error is not a terminal


def test_progress_bar_on_request(stories, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "saidwho.cli", "clean", str(stories), "-o", str(tmp_path / "o.csv")]
        + ["--progress"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "cleaning: 100%" in result.stderr
    assert "read 4 records, wrote 4" in result.stderr


def written_some(folder: Path) -> bool:
    try:
        return any((folder / name).stat().st_size > 0 for name in leftovers(folder))
    except FileNotFoundError:  # renamed or removed meanwhile
        return False


EXIT_STATUS = {signal.SIGTERM: 128 + signal.SIGTERM, signal.SIGINT: 130, signal.SIGKILL: -9}


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killed_run_leaves_no_output(tmp_path, how):
    """Synchronised on what the run has done, never on time: the input comes through a pipe
    kept open, so the run cannot finish before the signal, and the signal is sent once the
    first batch has reached the temporary output."""
    line = json.dumps({"id": 1, "text": "Ministers met &amp; talked.\r\n" * 40}) + "\n"
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "saidwho.cli",
            "clean",
            "-",
            "--format",
            "jsonl",
            "-o",
            str(out),
            "--threads",
            "1",
            "--batch-size",
            "50",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as a user's shell delivers it, even when the tests run where SIGINT is ignored
        # (a background job of a non-interactive shell starts so, and its children inherit it).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write((line * 120).encode("utf-8"))  # two whole batches, and more to come
    proc.stdin.flush()
    while not written_some(tmp_path) and proc.poll() is None:
        time.sleep(0.01)  # polling the file: what the run has done, whatever the load
    assert proc.poll() is None, proc.stderr.read().decode()
    proc.send_signal(how)
    proc.wait(timeout=300)
    try:
        proc.stdin.close()
    except BrokenPipeError:
        pass
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.returncode == EXIT_STATUS[how], err
    assert not out.exists()
    if how != signal.SIGKILL:  # a clean exit also removes its temporary file
        assert leftovers(tmp_path) == []
        assert "Traceback" not in err


def test_format_of():
    assert io.format_of("a.JSONL") == "jsonl" and io.format_of("b.ndjson") == "jsonl"
    assert io.format_of("c.pq") == "parquet" and io.format_of("-") == "txt"
    assert io.format_of("out", output=True) == "txtdir" and io.format_of("out/") == "txtdir"
    with pytest.raises(io.InputError, match="use --format"):
        io.format_of("d.xlsx")
    assert os.path.basename(io.__file__) == "io.py"


def test_thread_and_batch_counts_must_be_positive(stories, capsys):
    for flag in ("--threads", "--batch-size"):
        with pytest.raises(SystemExit) as exit_info:
            run(str(stories), flag, "0")
        assert exit_info.value.code == 2
        assert "must be at least 1" in capsys.readouterr().err


def test_jsonl_with_varying_fields_to_parquet(tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [
        {"id": "a", "text": "First &amp; only"},
        {"id": "b", "text": "Second", "byline": "Staff reporter"},
        {"id": "c", "text": None},
    ]
    src = write_jsonl(tmp_path / "varying.jsonl", rows)
    out = tmp_path / "varying.parquet"
    assert run(str(src), "-o", str(out)) == 0
    got = pq.read_table(out).to_pylist()
    assert [r["byline"] for r in got] == [None, "Staff reporter", None]
    assert [r["text"] for r in got] == [expected(r["text"]) for r in rows]
    # A field first seen after the first batch cannot join the Parquet schema: say so.
    assert run(str(src), "-o", str(tmp_path / "small.parquet"), "--batch-size", "1") == 2
    assert "from line 2 on: fields ['byline'] are not among" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_by_default_on_a_terminal(stories, tmp_path):
    leader, follower = os.openpty()  # standard error is a terminal, of unknown size
    proc = subprocess.Popen(
        [sys.executable, "-m", "saidwho.cli", "clean", str(stories), "-o", str(tmp_path / "o.csv")],
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=30) == 0
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "cleaning: 100%" in shown and "read 4 records, wrote 4" in shown
