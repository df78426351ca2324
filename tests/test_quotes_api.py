"""The Python quotation API: offsets into the text passed in, batches, options, errors."""

from __future__ import annotations

import pytest

import saidwho

ARTICLE = (
    "Harbour council approves sea wall after years of delay\n\n"
    "The leader of Porthaven council, Alison Tremayne, said the decision was “long overdue”.\n\n"
    "“We have watched the water come closer every winter,” Ms Tremayne said. "
    "“Today we finally act.”\n\n"
    "Opposition councillor Gareth Lloyd said: “The cost has doubled and nobody can tell us why.”"
)


def damage_c1_stripped(text: str) -> str:
    """UTF-8 read as Latin-1, then the C1 controls deleted: how the seed article was damaged."""
    latin1 = text.encode("utf-8").decode("latin-1")
    return "".join(ch for ch in latin1 if not 0x80 <= ord(ch) < 0xA0)


def test_quotes_have_speakers_cues_and_offsets():
    found = saidwho.quotes(ARTICLE)
    texts = [q.text for q in found]
    assert "long overdue" in texts
    assert "The cost has doubled and nobody can tell us why." in texts
    for q in found:
        assert ARTICLE[q.start : q.end] == q.text
        if q.mention is not None:
            assert ARTICLE[q.mention_start : q.mention_end] == q.mention
        if q.cue is not None:
            assert ARTICLE[q.cue_start : q.cue_end] == q.cue
    by_text = {q.text: q for q in found}
    assert by_text["long overdue"].type == "partial"
    assert by_text["long overdue"].speaker == "Alison Tremayne"
    lloyd = by_text["The cost has doubled and nobody can tell us why."]
    assert (lloyd.type, lloyd.speaker, lloyd.cue) == ("direct", "Gareth Lloyd", "said")
    watched = next(q for q in found if q.text.startswith("We have watched"))
    assert (watched.speaker, watched.mention) == ("Alison Tremayne", "Ms Tremayne")
    keys = {"start", "end", "text", "type", "speaker", "confidence", "rule", "resolution"}
    assert set(watched.to_dict()) >= keys


def test_offsets_index_the_damaged_text_passed_in():
    damaged = damage_c1_stripped(ARTICLE)
    assert "â" in damaged
    clean_found = saidwho.quotes(ARTICLE)
    found = saidwho.quotes(damaged)
    assert [q.text for q in found] == [q.text for q in clean_found]
    for q in found:
        # One damaged character per lost punctuation mark: the repaired quotation has the
        # same length as the original span it came from.
        assert len(damaged[q.start : q.end]) == len(q.text)
        if q.mention is not None:
            assert len(damaged[q.mention_start : q.mention_end]) == len(q.mention)


def test_hostile_inputs_never_crash():
    assert saidwho.quotes("") == []
    assert saidwho.quotes("No quotation marks at all in this sentence.") == []
    stray = "He said “this never closes.\n\nNext paragraph “opens again and again “and again"
    saidwho.quotes(stray)
    many = " ".join(f"“Point {i},” she said." for i in range(10_000))
    found = saidwho.quotes(many)
    assert len(found) == 10_000


def test_quotes_many_keeps_order_and_missing_values():
    texts = [ARTICLE, None, "Nothing quoted.", ARTICLE]
    out = saidwho.quotes_many(texts, n_threads=2)
    assert len(out) == 4
    assert out[1] == [] and out[2] == []
    assert out[0] == out[3] == saidwho.quotes(ARTICLE)


def test_quote_options_and_errors():
    with pytest.raises(TypeError, match="unknown option 'speakers'"):
        saidwho.quotes(ARTICLE, speakers=True)
    with pytest.raises(TypeError, match="clean must be"):
        saidwho.quotes(ARTICLE, clean="yes")
    with pytest.raises(TypeError, match="text must be str, not int"):
        saidwho.quotes(5)  # type: ignore[arg-type]
    assert saidwho.quotes(ARTICLE, clean=False) == saidwho.quotes(ARTICLE)
    assert saidwho.quotes(ARTICLE, clean=saidwho.CleanOptions()) == saidwho.quotes(ARTICLE)


def test_people_lists_names_with_aliases():
    people = {p.name: p.aliases for p in saidwho.people(ARTICLE)}
    assert "Alison Tremayne" in people
    assert "Ms Tremayne" in people["Alison Tremayne"] or "Tremayne" in people["Alison Tremayne"]
