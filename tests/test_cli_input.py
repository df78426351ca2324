"""Items 1 and 2 of issue 15: input the command line must refuse (binary, compressed under a
text name) and the encodings and compression it must read, the same way for every format."""

from __future__ import annotations

import csv
import gzip
import json
import random
import zipfile
from pathlib import Path

import pytest

import saidwho
from saidwho import cli

# Fictional local news, with the curly quotes and accents Windows-1252 can hold.
STORY = (
    "Café owners on Harbour Street said the new parking rules were “a slow death” for trade. "
    "The council’s transport lead, Priya Nandakumar, said the scheme would be reviewed in May."
)
ROWS = [
    {"id": "harbour-1", "text": STORY},
    {"id": "harbour-2", "text": "Residents said the café had “always been there”."},
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def random_bytes(size: int) -> bytes:
    rng = random.Random(15)
    return bytes(rng.getrandbits(8) for _ in range(size))


def gzip_of(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def zip_of(data: bytes, tmp_path: Path) -> bytes:
    target = tmp_path / "bundle.zip"
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("story.txt", data)
    return target.read_bytes()


def jsonl_bytes(rows: list[dict], encoding: str = "utf-8") -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode(encoding)


def csv_bytes(rows: list[dict], encoding: str = "utf-8") -> bytes:
    lines = ["id,text"] + [f'{r["id"]},"{r["text"]}"' for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


@pytest.mark.parametrize("command", ["clean", "quotes"])
@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("bin.txt", lambda tmp: random_bytes(200_000), "binary"),
        ("gz.txt", lambda tmp: gzip_of(STORY.encode() * 50), "gzip"),
        ("bundle.txt", lambda tmp: zip_of(STORY.encode(), tmp), "zip"),
        ("feed.jsonl", lambda tmp: random_bytes(50_000), "binary"),
        ("table.csv", lambda tmp: gzip_of(csv_bytes(ROWS)), "gzip"),
        # Text padded with control bytes (no NUL): a memory dump, not an article.
        ("dump.txt", lambda tmp: bytes(range(1, 9)) * 2000 + STORY.encode(), "binary"),
    ],
)
def test_binary_and_compressed_input_is_refused_and_nothing_is_written(
    tmp_path, capsys, command, name, content, what
):
    src = tmp_path / name
    src.write_bytes(content(tmp_path))
    out = tmp_path / ("out.txt" if command == "clean" and name.endswith(".txt") else "out.jsonl")
    status, stdout, err = run(capsys, command, str(src), "-o", str(out))
    assert status == 2
    assert f"{src}: " in err and what in err
    assert not out.exists()
    assert stdout == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "out"))] == []


def test_binary_on_standard_input_is_refused(capsys, monkeypatch):
    import io as stdio

    stream = stdio.TextIOWrapper(stdio.BytesIO(random_bytes(20_000)))
    monkeypatch.setattr("sys.stdin", stream)
    status, stdout, err = run(capsys, "clean", "-")
    assert status == 2 and "<stdin>" in err and "binary" in err and stdout == ""


def test_text_with_terminal_escapes_and_form_feeds_is_still_text(tmp_path, capsys):
    src = tmp_path / "wire.txt"
    src.write_text("\x1b[1mBREAKING\x1b[0m\f" + STORY + "\t\r\n", encoding="utf-8")
    status, out, _ = run(capsys, "clean", str(src))
    assert status == 0 and out == saidwho.clean(src.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "build", "read_back"),
    [
        ("story.txt", lambda enc: STORY.encode(enc), None),
        ("feed.jsonl", lambda enc: jsonl_bytes(ROWS, enc), "jsonl"),
        ("table.csv", lambda enc: csv_bytes(ROWS, enc), "csv"),
    ],
)
def test_windows_1252_is_read_the_same_way_in_every_format(
    tmp_path, capsys, name, build, read_back
):
    src = tmp_path / name
    src.write_bytes(build("cp1252"))
    status, out, err = run(capsys, "clean", str(src))
    assert status == 0, err
    assert "not valid UTF-8" in err and "Windows-1252" in err
    assert_clean_output(out, read_back)


def assert_clean_output(out: str, read_back: str | None) -> None:
    if read_back is None:
        assert out == saidwho.clean(STORY)
    elif read_back == "jsonl":
        assert [json.loads(line)["text"] for line in out.splitlines()] == [
            saidwho.clean(r["text"]) for r in ROWS
        ]
    else:
        assert [r["text"] for r in csv.DictReader(out.splitlines())] == [
            saidwho.clean(r["text"]) for r in ROWS
        ]


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1252"])
@pytest.mark.parametrize(
    ("name", "build", "read_back"),
    [
        (
            "story.txt",
            lambda enc: STORY.replace("“", '"').replace("”", '"').replace("’", "'").encode(enc),
            None,
        ),
        ("feed.jsonl", lambda enc: jsonl_bytes([{"id": "a", "text": "Café “open”"}], enc), "jsonl"),
        ("table.csv", lambda enc: csv_bytes([{"id": "a", "text": "Café open"}], enc), "csv"),
    ],
)
def test_encoding_option_for_every_format(tmp_path, capsys, encoding, name, build, read_back):
    try:
        data = build(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"the sample does not fit {encoding}")
    src = tmp_path / name
    src.write_bytes(data)
    status, out, err = run(capsys, "clean", str(src), "--encoding", encoding)
    assert status == 0, err
    assert "Windows-1252" not in err
    expected_text = data.decode(encoding)
    if read_back is None:
        assert out == saidwho.clean(expected_text.lstrip("\ufeff"))
    elif read_back == "jsonl":
        assert [json.loads(line)["text"] for line in out.splitlines()] == [
            saidwho.clean(json.loads(line)["text"])
            for line in expected_text.lstrip("\ufeff").splitlines()
        ]
    else:
        rows = list(csv.DictReader(expected_text.lstrip("\ufeff").splitlines()))
        assert [r["text"] for r in csv.DictReader(out.splitlines())] == [
            saidwho.clean(r["text"]) for r in rows
        ]


def test_wrong_encoding_names_the_file_and_place(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    src.write_bytes(jsonl_bytes(ROWS, "cp1252"))
    status, _, err = run(capsys, "clean", str(src), "--encoding", "utf-8")
    assert status == 2
    assert str(src) in err and "utf-8" in err and "line 1" in err
    status, _, err = run(capsys, "clean", str(src), "--encoding", "klingon")
    assert status == 2 and "unknown encoding 'klingon'" in err


@pytest.mark.parametrize(
    ("name", "data", "read_back"),
    [
        ("story.txt.gz", STORY.encode(), None),
        ("feed.jsonl.gz", jsonl_bytes(ROWS), "jsonl"),
        ("table.csv.gz", csv_bytes(ROWS), "csv"),
        ("old.csv.gz", csv_bytes(ROWS, "cp1252"), "csv"),
    ],
)
def test_gzip_input_is_read_as_what_it_contains(tmp_path, capsys, name, data, read_back):
    src = tmp_path / name
    src.write_bytes(gzip_of(data))
    status, out, err = run(capsys, "clean", str(src))
    assert status == 0, err
    assert_clean_output(out, read_back)


def test_gzip_quotes_match_the_plain_file(tmp_path, capsys):
    plain = tmp_path / "feed.jsonl"
    plain.write_bytes(jsonl_bytes(ROWS))
    packed = tmp_path / "feed.jsonl.gz"
    packed.write_bytes(gzip_of(jsonl_bytes(ROWS)))
    assert run(capsys, "quotes", str(plain))[1] == run(capsys, "quotes", str(packed))[1]


def test_a_broken_gzip_file_is_an_input_error(tmp_path, capsys):
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(gzip_of(jsonl_bytes(ROWS * 50))[:120])
    status, _, err = run(capsys, "clean", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert status == 2 and str(src) in err and "gzip" in err
    assert not (tmp_path / "out.jsonl").exists()
