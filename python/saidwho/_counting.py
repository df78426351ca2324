"""How statements are counted, the same way in the CLI summary, ``show()`` and ``speakers()``.

A *quotation* carries the speaker's own words (types ``direct`` and ``partial``); a *reported
statement* (type ``indirect``) gives them in the writer's words. A reported statement that holds
a quoted fragment (``said the closures were “off the table for now”``) is one statement: the
engine returns it twice (the clause, and the fragment inside it), and it is counted once, as a
quotation, since it carries the speaker's own words. Other types (``non-speech`` with
``keep_non_speech=True``) are neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

QUOTATION_TYPES = ("direct", "partial")
REPORTED_TYPE = "indirect"


class Span(NamedTuple):
    start: int
    end: int
    type: str


def holds_fragment(spans: Sequence[Span]) -> list[bool]:
    """For each span of one document: is it a reported statement holding a quotation (which
    is then counted through that quotation)?"""
    fragments = sorted((s.start, s.end) for s in spans if s.type in QUOTATION_TYPES)
    result = []
    for span in spans:
        inside = span.type == REPORTED_TYPE and any(
            span.start <= start and end <= span.end for start, end in fragments
        )
        result.append(inside)
    return result


class Counts(NamedTuple):
    quotations: int
    reported: int
    fragment_holders: int

    def describe(self) -> str:
        """``"13 quotations and 6 reported statements"``."""
        reported = plural(self.reported, "reported statement")
        return f"{plural(self.quotations, 'quotation')} and {reported}"


def count(spans: Sequence[Span]) -> Counts:
    """Quotations and reported statements of one document, each statement once."""
    holders = holds_fragment(spans)
    quotations = sum(s.type in QUOTATION_TYPES for s in spans)
    reported = sum(s.type == REPORTED_TYPE and not h for s, h in zip(spans, holders, strict=True))
    return Counts(quotations, reported, sum(holders))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
