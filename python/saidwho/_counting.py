"""How statements are counted, the same way in the CLI summary, ``show()`` and ``speakers()``.

A *quotation* carries the speaker's own words (types ``direct`` and ``partial``); a *reported
statement* (type ``indirect``) gives them in the writer's words. A reported statement that holds
a quoted fragment (``said the closures were “off the table for now”``) is one statement: the
engine returns it twice (the clause, and the fragment inside it), and it is counted once, as a
quotation, since it carries the speaker's own words. Other types (``non-speech`` with
``keep_non_speech=True``) are neither.

Every row has a *kind*, what it reports: ``speech``, or for a reported row a ``thought``
(``believes``), an ``intention`` (``plans``), ``evidence`` (``the figures show``), a ``refusal``
(``declined to comment``) or a ``reaction`` (``cheered``). Only statements are counted by default
(``kinds=("speech",)``); rows of other kinds are left out before counting, as if absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

QUOTATION_TYPES = ("direct", "partial")
REPORTED_TYPE = "indirect"

#: Every kind of row, statements first (``Quote.kind``, the ``kind`` column).
KINDS = ("speech", "thought", "intention", "evidence", "refusal", "reaction")
#: The kinds counted by default: statements only.
STATEMENT_KINDS = ("speech",)


def check_kinds(kinds: str | Iterable[str] | None, *, every: str = "None") -> frozenset[str] | None:
    """``kinds`` as a set (``None``: every kind), or a ``ValueError`` naming an unknown one.

    One kind may be given as a string (``"speech"``); ``every`` is what the message says stands
    for every kind."""
    if kinds is None:
        return None
    chosen = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise ValueError(
            f"unknown kind {', '.join(map(repr, unknown))}: expected some of {', '.join(KINDS)} "
            f"(or {every} for every kind)"
        )
    return frozenset(chosen)


class Span(NamedTuple):
    start: int
    end: int
    type: str
    kind: str = "speech"


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
    #: Rows left out because of their kind.
    other_kinds: int = 0

    def describe(self) -> str:
        """``"13 quotations and 6 reported statements"``."""
        reported = plural(self.reported, "reported statement")
        return f"{plural(self.quotations, 'quotation')} and {reported}"


def count(spans: Sequence[Span], kinds: str | Iterable[str] | None = STATEMENT_KINDS) -> Counts:
    """Quotations and reported statements of one document, each statement once, among the rows
    of ``kinds`` (``None``: every row)."""
    chosen = check_kinds(kinds)
    kept = [s for s in spans if chosen is None or s.kind in chosen]
    holders = holds_fragment(kept)
    quotations = sum(s.type in QUOTATION_TYPES for s in kept)
    reported = sum(s.type == REPORTED_TYPE and not h for s, h in zip(kept, holders, strict=True))
    return Counts(quotations, reported, sum(holders), len(spans) - len(kept))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
