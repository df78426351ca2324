"""Item 5 of issue 15: quotations and reported statements counted apart (CLI summary, show()
header, speakers() columns), a reported statement that holds a quoted fragment counted once."""

from __future__ import annotations

import pytest

import saidwho
from saidwho import cli

# Fictional local news: MacLeod is quoted directly once and reported once with a quoted fragment
# inside ("said the closures were “off the table for now”"); Barrow is only reported.
ARTICLE = (
    "Library closures put on hold after protest\n\n"
    "The council leader, Fiona MacLeod, said the closures were “off the table for now”. "
    "“We have listened, and we have heard how much these buildings mean,” Ms MacLeod said.\n\n"
    "The opposition leader, Tom Barrow, said the council had caved in to pressure from "
    "campaigners."
)


@pytest.fixture(scope="module")
def found():
    quotes = saidwho.quotes(ARTICLE)
    kinds = sorted((q.speaker, q.type) for q in quotes)
    # What the engine finds (the counts below depend on it, not on hard-coded numbers).
    assert kinds == [
        ("Fiona MacLeod", "direct"),
        ("Fiona MacLeod", "indirect"),
        ("Fiona MacLeod", "partial"),
        ("Tom Barrow", "indirect"),
    ]
    return quotes


def test_cli_summary_counts_the_two_kinds_apart(tmp_path, capsys, found):
    path = tmp_path / "library.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["quotes", str(path)]) == 0
    err = capsys.readouterr().err
    assert "2 quotations and 1 reported statement in 1 document" in err
    assert "1 reported statement holding a quoted fragment counted as a quotation" in err


def test_cli_summary_of_a_collection(tmp_path, capsys, found):
    path = tmp_path / "library.jsonl"
    import json

    path.write_text(json.dumps({"id": "lib", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert cli.main(["quotes", str(path), "-o", str(tmp_path / "q.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "wrote 4 rows: 2 quotations and 1 reported statement" in err


def test_show_header_counts_the_two_kinds_apart(found):
    shown = saidwho.show(ARTICLE, quotes=found)
    assert repr(shown) == "Highlighted(2 quotations, 1 reported statement, 2 speakers)"
    assert "2 quotations · 1 reported statement · 2 speakers" in shown.html
    assert dict(shown.speakers) == {"Fiona MacLeod": 2, "Tom Barrow": 1}


def test_speakers_columns_count_the_two_kinds_apart(found):
    pytest.importorskip("pandas")
    table = saidwho.speakers(found).set_index("speaker")
    assert list(table.columns[:3]) == ["quotations", "reported", "share"]
    assert table.loc["Fiona MacLeod", "quotations"] == 2
    assert table.loc["Fiona MacLeod", "reported"] == 0
    assert table.loc["Tom Barrow", "quotations"] == 0
    assert table.loc["Tom Barrow", "reported"] == 1
    assert table["share"].sum() == pytest.approx(1.0)
    # Words are those of each statement once: the fragment, not the clause around it too.
    fragment = next(q for q in found if q.type == "partial")
    direct = next(q for q in found if q.type == "direct")
    assert table.loc["Fiona MacLeod", "words"] == len((fragment.text + " " + direct.text).split())
