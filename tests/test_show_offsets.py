"""Item 7 of issue 15: show(quotes=...) refuses offsets that cannot index the text, naming the
quotation and the offsets, instead of drawing something else."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import saidwho

TEXT = "“We will not back down,” said the nurses’ union leader, Ama Owusu."


def quote(start, end, **fields):
    values = {"start": start, "end": end, "text": "", "type": "direct", "speaker": "Ama Owusu"}
    values.update(fields)
    return SimpleNamespace(**values)


GOOD = quote(1, 23, mention_start=TEXT.index("Ama"), mention_end=len(TEXT) - 1)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (quote(100, 50), "quotes[1]: start=100, end=50"),
        (quote(60, 80), "quotes[1]: start=60, end=80"),
        (quote(-10, 4), "quotes[1]: start=-10, end=4"),
        (quote(20, 10), "quotes[1]: start=20, end=10"),
        (quote(1, 5, cue_start=9, cue_end=2), "quotes[1]: cue_start=9, cue_end=2"),
        (
            quote(1, 5, mention_start=3, mention_end=None),
            "quotes[1]: mention_start=3, mention_end=None",
        ),
        ({"start": 0, "end": "5"}, "quotes[1]: end must be an integer offset"),
    ],
)
def test_impossible_offsets_are_refused(bad, message):
    with pytest.raises(ValueError) as info:
        saidwho.show(TEXT, quotes=[GOOD, bad])
    assert message in str(info.value)
    assert f"{len(TEXT)} characters" in str(info.value) or "integer" in str(info.value)


def test_the_five_character_text_of_the_issue():
    with pytest.raises(ValueError, match="start=100, end=50 do not fit a text of 5 characters"):
        saidwho.show("Hello", quotes=[{"start": 100, "end": 50, "speaker": "X"}])


def test_possible_offsets_are_drawn():
    shown = saidwho.show(TEXT, quotes=[GOOD, quote(7, 7), quote(None, None, speaker=None)])
    assert "We will not back down" in shown.html
    assert len(shown.quotes) == 3
