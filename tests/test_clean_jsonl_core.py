"""`saidwho clean` on JSONL reads, cleans and writes the records in the core
(`saidwho._core.clean_jsonl_lines`, src/records/): its output is the Python reader's and
writer's, byte for byte (JSONL) or row for row and type for type (Parquet), with the same
messages and exit status, on the bundled examples and on generated streams of awkward records.
Records the core cannot read exactly as Python does send their batch to the Python reader,
which these tests check too (`saidwho.io.core_records = False` runs the Python path alone)."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import saidwho
import saidwho.cli
from saidwho import io as sio

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(monkeypatch, *argv: str, core: bool = True) -> tuple[int, str]:
    monkeypatch.setattr(sio, "core_records", core)
    with contextlib.redirect_stderr(io.StringIO()) as err:
        status = saidwho.cli.main([*argv, "--no-progress"])
    return status, err.getvalue()


@pytest.fixture
def calls(monkeypatch):
    """What each call of the core's reader answered: "batch", "more" or "python"."""
    seen: list[str] = []
    original = saidwho._core.clean_jsonl_lines

    def spy(lines, **kwargs):
        kind, records = original(lines, **kwargs)
        seen.append(kind)
        return kind, records

    monkeypatch.setattr(saidwho._core, "clean_jsonl_lines", spy)
    return seen


def both_ways(monkeypatch, tmp_path, source: Path, suffix: str, *args: str):
    """The output, status and messages of the core path and of the Python path."""
    results = []
    for core in (True, False):
        out = tmp_path / f"out-{core}{suffix}"
        status, err = run(monkeypatch, "clean", str(source), "-o", str(out), *args, core=core)
        err = err.replace(str(out), "OUT")
        results.append((status, err, out.read_bytes() if out.exists() else None))
    return results


def assert_same_parquet(monkeypatch, tmp_path, source: Path, *args: str) -> None:
    tables = []
    for core in (True, False):
        out = tmp_path / f"out-{core}.parquet"
        status, err = run(monkeypatch, "clean", str(source), "-o", str(out), *args, core=core)
        tables.append((status, err, pq.read_table(out) if out.exists() else None))
    (s1, e1, t1), (s2, e2, t2) = tables
    assert (s1, e1) == (s2, e2)
    if t2 is None:
        assert t1 is None
        return
    assert t1.schema == t2.schema
    assert t1.to_pylist() == t2.to_pylist()


def example_lines() -> list[str]:
    return (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines(keepends=True)


def plain_stream(count: int, seed: int = 16, nested: bool = True) -> list[str]:
    """Records as `json.dumps` writes them: ids, texts to repair, null texts, extra fields
    (some of them objects and lists when ``nested``)."""
    rng = random.Random(seed)
    texts = [json.loads(line).get("text") or "" for line in example_lines()]
    texts += ["caf&eacute; â€œquotedâ€\x9d", "plain", "", "😀 \u2028 \x1b[1mbold", 'a "q" \\ \t']
    lines = []
    for i in range(count):
        record = {"id": f"doc-{i}", "text": rng.choice(texts), "n": i, "ok": i % 2 == 0}
        if i % 9 == 4:
            record["text"] = None
        if i % 7 == 3 and nested:
            record = {"meta": {"tags": ["a", "b"], "score": i / 7}, **record, "x": None}
        lines.append(json.dumps(record, ensure_ascii=i % 2 == 0) + "\n")
    return lines


# Lines the core reads as Python does, written in every way JSON allows.
AWKWARD_READ_IN_CORE = [
    '{"text":"caf\\u00e9 \\/ \\ud83d\\ude00 &amp;","id":1}\n',
    '  {"id" : "sp aced" , "text" : "x" }  \r\n',
    '{"text": null, "id": -12, "big": 18446744073709551615}\n',
    '{"id": 3, "text": "t", "f": [1.50, 2E10, 1e-7, 0.1, 123456789.123456789e3, 5e-324]}\n',
    '{"id": 4, "text": "t", "nested": {"a": {"b": [[], {}, [null, true, false]]}}}\n',
    '{"text": "\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t", "k\\"ey": "v\\\\"}\n',
    '{"\\u00e9t\\u00e9": "\u00e9t\u00e9", "text": "\u2028\u00a0 end"}\n',
    '{"text": "no id at all"}\n',
    "\n",
    " \t \n",
    '{"id": 9, "text": "no line end at the end"}',
]

# Lines only Python reads (the batch goes to the Python reader), each accepted.
AWKWARD_FOR_PYTHON = [
    '{"id": 1, "text": "t", "f": NaN, "g": Infinity, "h": -Infinity}\n',
    '{"id": 2, "text": "first", "text": "second", "id": 3}\n',
    '{"id": -0, "text": "t", "z": -0.0}\n',
    '{"id": 123456789012345678901234567890, "text": "t"}\n',
    '{"id": 5, "text": "lone \\ud800 surrogate"}\n',
    '{"id": 6, "text": "t", "f": 1e400}\n',
    "\u00a0\u2003\n",
    "\x1c\n",
]


def awkward_stream(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    plain = plain_stream(count, seed)
    pool = AWKWARD_READ_IN_CORE[:-1] + AWKWARD_FOR_PYTHON
    lines = [rng.choice(pool) if rng.random() < 0.15 else line for line in plain]
    return lines + [AWKWARD_READ_IN_CORE[-1]]


def write_lines(path: Path, lines: list[str], *, bom: bool = False) -> Path:
    data = "".join(lines).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize("batch_size", ["2000", "7", "1"])
def test_the_examples_and_a_plain_stream_are_written_by_the_core(
    monkeypatch, tmp_path, calls, batch_size
):
    for name, lines in (("examples", example_lines()), ("plain", plain_stream(300))):
        source = write_lines(tmp_path / f"{name}.jsonl", lines)
        (s1, e1, o1), (s2, e2, o2) = both_ways(
            monkeypatch, tmp_path, source, ".jsonl", "--batch-size", batch_size
        )
        assert (s1, e1) == (s2, e2) == (0, e1)
        assert o1 == o2
        assert calls and set(calls) <= {"batch", "more"}, calls
        calls.clear()
        assert_same_parquet(monkeypatch, tmp_path, source, "--batch-size", batch_size)
        # Nested values ("meta") are left to pyarrow: those batches go the Python way.
        assert "batch" in calls if name == "examples" else "python" in calls, calls
        calls.clear()
    source = write_lines(tmp_path / "flat.jsonl", plain_stream(300, nested=False))
    assert_same_parquet(monkeypatch, tmp_path, source, "--batch-size", batch_size)
    assert calls and set(calls) <= {"batch", "more"}, calls


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("batch_size", ["2000", "5"])
def test_awkward_records_give_the_python_output(monkeypatch, tmp_path, calls, seed, batch_size):
    source = write_lines(tmp_path / "in.jsonl", awkward_stream(200, seed), bom=seed == 2)
    (s1, e1, o1), (s2, e2, o2) = both_ways(
        monkeypatch, tmp_path, source, ".jsonl", "--batch-size", batch_size
    )
    assert (s1, e1) == (s2, e2)
    assert s1 == 0, e1
    assert o1 == o2
    if batch_size == "5":  # some batches each way (one batch of 200 goes to Python whole)
        assert "python" in calls and "batch" in calls
    # Parquet cannot hold these values (NaN and ints beyond 64 bits fit, lists of mixed types
    # do not): the messages and status are the Python writer's either way.
    assert_same_parquet(monkeypatch, tmp_path, source, "--batch-size", batch_size)


def test_lines_read_in_core_are_read_in_core(monkeypatch, tmp_path, calls):
    source = write_lines(
        tmp_path / "in.jsonl", AWKWARD_READ_IN_CORE[:-1] * 3 + AWKWARD_READ_IN_CORE
    )
    (s1, e1, o1), (s2, e2, o2) = both_ways(monkeypatch, tmp_path, source, ".jsonl")
    assert (s1, e1, o1) == (s2, e2, o2)
    assert calls == ["batch"]


def test_floats_are_written_as_python_writes_them(monkeypatch, tmp_path, calls):
    rng = random.Random(16)
    values = []
    for _ in range(3000):
        kind = rng.randrange(4)
        if kind == 0:
            values.append(repr(rng.uniform(-1e6, 1e6)))
        elif kind == 1:
            values.append(f"{rng.random():.{rng.randint(1, 25)}f}")
        elif kind == 2:
            values.append(f"{rng.randint(1, 99999)}e{rng.randint(-330, 300)}")
        else:
            values.append(repr(rng.getrandbits(64) / 2 ** rng.randint(0, 1100)))
    lines = [f'{{"text": "x", "v": {v}}}\n' for v in values]
    source = write_lines(tmp_path / "in.jsonl", lines)
    (s1, e1, o1), (s2, e2, o2) = both_ways(monkeypatch, tmp_path, source, ".jsonl")
    assert (s1, e1, o1) == (s2, e2, o2)
    assert "batch" in calls


def test_a_parquet_column_that_changes_type_is_the_python_writers(monkeypatch, tmp_path, calls):
    lines = [json.dumps({"id": i, "text": "a", "v": None}) + "\n" for i in range(4)]
    lines += [json.dumps({"id": i, "text": "b", "v": i}) + "\n" for i in range(4, 8)]
    lines += [json.dumps({"id": i, "text": None, "v": i + 0.5}) + "\n" for i in range(8, 12)]
    source = write_lines(tmp_path / "in.jsonl", lines)
    for batch_size in ("8", "4", "2"):  # read ahead: half batches of 4, 2 and 1
        assert_same_parquet(monkeypatch, tmp_path, source, "--batch-size", batch_size)
    extra = lines + [json.dumps({"id": 99, "text": "c", "new": 1}) + "\n"]
    source = write_lines(tmp_path / "extra.jsonl", extra)
    assert_same_parquet(monkeypatch, tmp_path, source, "--batch-size", "4")


BAD_LINES = [
    ('{"id": 1, "text": "a"', "not valid JSON"),
    ("[1, 2]", "expected a JSON object, got list"),
    ('{"id": 1}', "no field 'text'"),
    ('{"id": 1, "text": 5}', "field 'text' is int, expected a string or null"),
    ('{"text": "a", "text": 5}', "field 'text' is int"),
    ("nan", "not valid JSON"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES)
@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_bad_record_gives_the_python_error(monkeypatch, tmp_path, bad, message, suffix):
    lines = plain_stream(40)
    lines.insert(23, bad + "\n")
    source = write_lines(tmp_path / "in.jsonl", lines)
    (s1, e1, o1), (s2, e2, o2) = both_ways(
        monkeypatch, tmp_path, source, suffix, "--batch-size", "10"
    )
    assert (s1, e1, o1) == (s2, e2, o2)
    assert s1 == 2 and o1 is None
    assert f"{source}, line 24: " in e1 and message in e1


def test_a_missing_id_with_id_field_gives_the_python_error(monkeypatch, tmp_path):
    lines = [json.dumps({"doc": i, "text": "t"}) + "\n" for i in range(5)]
    lines.insert(3, '{"text": "no doc"}\n')
    source = write_lines(tmp_path / "in.jsonl", lines)
    results = both_ways(monkeypatch, tmp_path, source, ".jsonl", "--id-field", "doc")
    assert results[0] == results[1]
    assert results[0][0] == 2 and f"{source}, line 4: no field 'doc'" in results[0][1]


def test_lines_that_are_not_utf8_are_read_as_windows_1252_once_said(monkeypatch, tmp_path):
    lines = [json.dumps({"id": i, "text": f"t{i} é"}).encode() + b"\n" for i in range(30)]
    lines[12] = b'{"id": 12, "text": "caf\xe9 \x93quoted\x94"}\n'
    lines[25] = b'{"id": 25, "text": "na\xefve"}\n'
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(lines))
    (s1, e1, o1), (s2, e2, o2) = both_ways(
        monkeypatch, tmp_path, source, ".jsonl", "--batch-size", "8"
    )
    assert (s1, e1, o1) == (s2, e2, o2)
    assert e1.count("is not valid UTF-8") == 1 and "line 13" in e1


def test_gzip_input_and_other_text_fields(monkeypatch, tmp_path, calls):
    records = [{"body": f"caf&eacute; {i}", "text": i} for i in range(50)]
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    (s1, e1, o1), (s2, e2, o2) = both_ways(
        monkeypatch, tmp_path, source, ".jsonl", "--text-field", "body"
    )
    assert (s1, e1, o1) == (s2, e2, o2)
    assert json.loads(o1.splitlines()[0]) == {"body": "café 0", "text": 0}
    assert "batch" in calls


def test_failed_documents_are_reported_by_line(monkeypatch, tmp_path, fail_marked_jsonl_lines):
    lines = [json.dumps({"id": i, "text": f"t{i}" + (" FAIL" if i in (4, 9) else "")}) + "\n"
             for i in range(12)]  # fmt: skip
    lines.insert(2, "\n")
    source = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    status, err = run(monkeypatch, "clean", str(source), "-o", str(out), "--batch-size", "6")
    assert status == 1
    assert f"{source}, line 6: document failed: injected fault" in err
    assert f"{source}, line 11: document failed" in err
    assert "2 document(s) failed" in err and "read 12 records, wrote 12" in err
    texts = [json.loads(line)["text"] for line in out.read_text("utf-8").splitlines()]
    assert [t is None for t in texts] == [i in (4, 9) for i in range(12)]


def test_batches_are_cut_where_the_python_reader_cuts_them(tmp_path):
    lines = plain_stream(120)
    for i in range(0, 120, 13):
        lines.insert(i, "\n")
    source = write_lines(tmp_path / "in.jsonl", lines)
    for batch_size, batch_bytes in ((7, 1 << 20), (50, 3000), (1000, 1), (3, 10)):
        sizes = {"batch_size": batch_size, "batch_bytes": batch_bytes}
        python = [len(b) for b in sio.JsonlReader(str(source), **sizes).batches()]
        core_reader = sio.JsonlReader(str(source), **sizes)

        def clean(pending, last, r=core_reader):
            return saidwho._core.clean_jsonl_lines(
                pending,
                text_field="text",
                max_records=r.batch_size,
                max_chars=r.batch_bytes,
                last=last,
            )

        core = [len(b) for b in core_reader.core_batches(core_reader.line_chunks(), clean)]
        assert core == python, (batch_size, batch_bytes)
        assert core_reader.records == sum(python)


def test_standard_input_and_output(tmp_path, monkeypatch):
    source = write_lines(tmp_path / "in.jsonl", awkward_stream(60, 4))
    expected_out = tmp_path / "expected.jsonl"
    status, _ = run(monkeypatch, "clean", str(source), "-o", str(expected_out), core=False)
    assert status == 0
    done = subprocess.run(
        [sys.executable, "-m", "saidwho.cli", "clean", "-", "--format", "jsonl"],
        input=source.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert done.stdout == expected_out.read_bytes()
