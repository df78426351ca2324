"""Reported speech through the Python API: `type="indirect"` rows beside the quotations."""

from __future__ import annotations

import subprocess
import sys

import saidwho

ARTICLE = (
    "Ferry link to the islands to resume in spring\n\n"
    "Transport Minister Helena Marsh visited the harbour on Monday.\n\n"
    "Ms Marsh said the operator’s pledge to the islanders was “genuine” and that the first "
    "sailings would start in April.\n\n"
    "The timetable will be published next week, a spokesman for the operator said.\n\n"
    "According to two harbour staff, the new vessel has already passed its sea trials.\n\n"
    "“We are ready,” the harbour master said."
)


def damage_c1_stripped(text: str) -> str:
    latin1 = text.encode("utf-8").decode("latin-1")
    return "".join(ch for ch in latin1 if not 0x80 <= ord(ch) < 0xA0)


def indirect(found: list[saidwho.Quote]) -> list[saidwho.Quote]:
    return [q for q in found if q.type == "indirect"]


def test_reported_speech_is_returned_by_default():
    found = saidwho.quotes(ARTICLE)
    reported = indirect(found)
    texts = [q.text for q in reported]
    assert texts == [
        "the operator’s pledge to the islanders was “genuine” and that the first sailings "
        "would start in April",
        "The timetable will be published next week",
        "the new vessel has already passed its sea trials",
    ]
    # Mixed speech: the clause is reported speech, its fragment still a partial quotation, both
    # given to the person the article names.
    assert reported[0].speaker == "Helena Marsh"
    assert reported[0].cue == "said"
    partial = next(q for q in found if q.type == "partial")
    assert partial.text == "genuine" and partial.speaker == "Helena Marsh"
    assert reported[2].cue == "According to"
    # The direct quotation is not repeated as reported speech.
    assert [q.text for q in found if q.type == "direct"] == ["We are ready,"]
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_offsets_index_the_text_passed():
    for q in saidwho.quotes(ARTICLE):
        assert ARTICLE[q.start : q.end] == q.text
        if q.mention is not None:
            assert ARTICLE[q.mention_start : q.mention_end] == q.mention
        if q.cue is not None:
            assert ARTICLE[q.cue_start : q.cue_end] == q.cue


def test_offsets_index_a_damaged_original():
    damaged = damage_c1_stripped(ARTICLE)
    clean_rows = indirect(saidwho.quotes(ARTICLE))
    damaged_rows = indirect(saidwho.quotes(damaged))
    assert [q.text for q in damaged_rows] == [q.text for q in clean_rows]
    for q in damaged_rows:
        # The span covers the damaged clause; its text is the repaired one.
        assert saidwho.clean(damaged[q.start : q.end]) == q.text


def test_reported_false_gives_quotations_only():
    found = saidwho.quotes(ARTICLE, reported=False)
    assert found and all(q.type != "indirect" for q in found)
    many = saidwho.quotes_many([ARTICLE, None], reported=False)
    assert [q.type for q in many[0]] == [q.type for q in found]
    assert indirect(saidwho.quotes_many([ARTICLE])[0])


def test_reported_must_be_a_bool():
    try:
        saidwho.quotes(ARTICLE, reported="yes")
    except TypeError as exc:
        assert "reported" in str(exc)
    else:
        raise AssertionError("a non-bool reported= must be refused")


def test_cli_lists_and_drops_reported_speech(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = [sys.executable, "-m", "saidwho.cli", "quotes", str(path)]
    table = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "indirect" in table
    quiet = subprocess.run(run + ["--no-reported"], capture_output=True, text=True, check=True)
    assert "indirect" not in quiet.stdout and "direct" in quiet.stdout
