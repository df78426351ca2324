"""An article with its quotations highlighted, for notebooks and HTML files.

``saidwho.show(text)`` returns a :class:`Highlighted`: Jupyter displays it through
``_repr_html_``; ``.html`` is the HTML fragment and ``.save(path)`` writes a whole page. Every
quotation is shaded in its speaker's colour, the speaker mention is bold and underlined in that
colour, the cue has a dotted underline, and hovering shows who spoke, the kind of quotation, the
confidence, and why: the rule that attributed the quotation (its name and what it does) and how
the mention was resolved to the speaker.

The HTML is self-contained (inline styles, no script, no external resources) and safe: every piece
of text from the article or from the extraction goes through :func:`html.escape`, so markup in an
article is shown, never run. Spans may overlap or nest (a mention inside another speaker's
quotation, a quotation over two paragraphs): the text is cut at every span boundary into flat
segments, each styled by the spans that cover it, so the tags always nest correctly.
"""

from __future__ import annotations

import html
import numbers
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from saidwho import _counting
from saidwho._core import CleanOptions
from saidwho._core import clean as _clean
from saidwho._core import quotes as _quotes
from saidwho._core import rules as _rules

__all__ = ["PALETTE", "UNKNOWN_SPEAKER", "Highlighted", "show"]

#: (shade, ink) per speaker, in order of first quotation: a light shade behind the quoted text
#: (dark text stays readable on it) and a darker ink of the same hue for the mention and legend.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#d6e6ff", "#1d4ed8"),  # blue
    ("#ffdcc2", "#c2410c"),  # orange
    ("#d3f5dc", "#15803d"),  # green
    ("#f9d6e7", "#be185d"),  # pink
    ("#e6dcff", "#6d28d9"),  # violet
    ("#fff0b3", "#a16207"),  # yellow
    ("#c9f1f5", "#0e7490"),  # cyan
    ("#ffd6d6", "#b91c1c"),  # red
    ("#e3f5c4", "#4d7c0f"),  # lime
    ("#e5dfd8", "#78532c"),  # brown
)
#: Colours of quotations whose speaker could not be resolved.
UNKNOWN_SPEAKER: tuple[str, str] = ("#e8e8e8", "#555555")

_PARAGRAPH_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029]")

_BOX_STYLE = (
    "font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.65;"
    "color:#1f2328;background:#ffffff;padding:14px 20px;max-width:52em;"
    "border:1px solid #d0d7de;border-radius:6px"
)
_LEGEND_STYLE = (
    "font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:13px;"
    "line-height:1.5;color:#3b4148;border-bottom:1px solid #e3e6ea;padding-bottom:8px;"
    "margin-bottom:12px"
)
_PARAGRAPH_STYLE = "margin:0 0 0.8em 0"
_UNCOUNTED_STYLE = "border-bottom:1px dashed #8b949e"
_CUE_STYLE = (
    "text-decoration-line:underline;text-decoration-style:dotted;"
    "text-decoration-thickness:2px;text-underline-offset:3px"
)


def _offset(value: Any) -> int | None:
    """An offset from a Quote, a DataFrame row (``pd.NA``/``NaN`` when missing) or a dict."""
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _missing(value: Any) -> bool:
    """``None``, or a frame's missing value (``NaN``, ``pd.NA``)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _check_offsets(quotes: Sequence[Any], length: int) -> None:
    """Raises ValueError naming the first quotation whose offsets cannot index a text of
    ``length`` characters: each pair both missing, or ``0 <= start <= end <= length``."""
    for index, quote in enumerate(quotes):
        for start_name, end_name in _OFFSET_PAIRS:
            start, end = _field(quote, start_name), _field(quote, end_name)
            for name, value in ((start_name, start), (end_name, end)):
                if not _missing(value) and _offset(value) is None:
                    raise ValueError(
                        f"quotes[{index}]: {name} must be an integer offset, not {value!r}"
                    )
            if _missing(start) and _missing(end):
                continue
            a = None if _missing(start) else _offset(start)
            b = None if _missing(end) else _offset(end)
            if a is None or b is None or not 0 <= a <= b <= length:
                raise ValueError(
                    f"quotes[{index}]: {start_name}={a}, {end_name}={b} do not fit a text of "
                    f"{length} characters (offsets are str indices, 0 <= start <= end <= len(text))"
                )


_OFFSET_PAIRS = (("start", "end"), ("mention_start", "mention_end"), ("cue_start", "cue_end"))


def _field(quote: Any, name: str) -> Any:
    if isinstance(quote, dict):
        return quote.get(name)
    return getattr(quote, name, None)


def _text_field(quote: Any, name: str) -> str | None:
    value = _field(quote, name)
    return value if isinstance(value, str) else None


def _resolution(quote: Any) -> str | None:
    """The resolution trail as one line: a ``Quote``'s ``resolution_text``, or the
    ``resolution`` of a dict or frame row (already one line there)."""
    text = _text_field(quote, "resolution_text")
    return text if text is not None else _text_field(quote, "resolution")


@cache
def _rule_descriptions() -> dict[str, str]:
    return dict(_rules())


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "quote", "mention" or "cue"
    quote: int  # index of the quotation it belongs to


@dataclass(frozen=True)
class _QuoteInfo:
    """What the picture needs of one quotation, whatever object it came from."""

    start: int | None
    end: int | None
    type: str
    kind: str
    speaker: str | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    confidence: float | None
    rule: str | None
    resolution: str | None

    @classmethod
    def of(cls, quote: Any) -> _QuoteInfo:
        confidence = _field(quote, "confidence")
        return cls(
            start=_offset(_field(quote, "start")),
            end=_offset(_field(quote, "end")),
            type=_text_field(quote, "type") or "quotation",
            # A hand-made quotation, or a row from before kinds, is a statement.
            kind=_text_field(quote, "kind") or "speech",
            speaker=_text_field(quote, "speaker"),
            mention=_text_field(quote, "mention"),
            mention_start=_offset(_field(quote, "mention_start")),
            mention_end=_offset(_field(quote, "mention_end")),
            cue=_text_field(quote, "cue"),
            cue_start=_offset(_field(quote, "cue_start")),
            cue_end=_offset(_field(quote, "cue_end")),
            confidence=float(confidence) if isinstance(confidence, numbers.Real) else None,
            rule=_text_field(quote, "rule"),
            resolution=_resolution(quote),
        )

    def spans(self, index: int, length: int) -> list[_Span]:
        found = []
        for kind, start, end in (
            ("quote", self.start, self.end),
            ("mention", self.mention_start, self.mention_end),
            ("cue", self.cue_start, self.cue_end),
        ):
            if start is None or end is None:
                continue
            start, end = max(0, start), min(length, end)
            if start < end:
                found.append(_Span(start, end, kind, index))
        return found

    def tooltip(self, counted: bool = True) -> str:
        who = self.speaker or "speaker unknown"
        lines = [f"{who} · {self.type}"]
        if self.confidence is not None:
            lines[0] += f" · confidence {self.confidence:.2f}"
        if self.kind != "speech" or not counted:
            lines.append(f"kind: {self.kind}" + ("" if counted else " (not counted)"))
        if self.mention and self.mention != self.speaker:
            lines.append(f"mention: {self.mention}")
        if self.cue:
            lines.append(f"cue: {self.cue}")
        if self.rule:
            # Why: the rule's name and what it does (a name from another version: the name).
            description = _rule_descriptions().get(self.rule)
            lines.append(f"rule: {self.rule}" + (f" — {description}" if description else ""))
        if self.resolution:
            lines.append(f"resolution: {self.resolution}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Highlighted:
    """An article and its quotations, drawn as HTML (``.html``, ``_repr_html_``, ``.save``).

    ``text`` is the text shown (the repaired article when :func:`show` cleaned it) and
    ``quotes`` the quotations whose offsets index it.
    """

    text: str
    quotes: tuple[Any, ...]
    title: str | None = None
    #: The kinds counted in the legend (``None``: every kind); rows of other kinds are shaded
    #: lighter and say so in their tooltip.
    kinds: tuple[str, ...] | None = _counting.STATEMENT_KINDS
    _infos: tuple[_QuoteInfo, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        chosen = _counting.check_kinds(self.kinds)
        object.__setattr__(self, "kinds", None if chosen is None else tuple(sorted(chosen)))
        object.__setattr__(self, "_infos", tuple(_QuoteInfo.of(q) for q in self.quotes))

    @cached_property
    def _counted(self) -> list[bool]:
        """Whether each quotation is of a kind counted (see ``kinds``)."""
        return [self.kinds is None or i.kind in self.kinds for i in self._infos]

    @cached_property
    def _spans(self) -> list[_counting.Span]:
        # A hand-made quotation without a type counts as a quotation.
        return [
            _counting.Span(
                -1 if i.start is None else i.start,
                -1 if i.end is None else i.end,
                "direct" if i.type == "quotation" else i.type,
                i.kind,
            )
            for i in self._infos
        ]

    @cached_property
    def counts(self) -> _counting.Counts:
        """Quotations and reported statements of the kinds counted, each statement once (see
        ``saidwho._counting``)."""
        return _counting.count(self._spans, self.kinds)

    def _order(self) -> list[int]:
        infos = self._infos
        return sorted(
            range(len(infos)), key=lambda k: (infos[k].start is None, infos[k].start or 0)
        )

    @cached_property
    def speakers(self) -> list[tuple[str | None, int]]:
        """(speaker, number of statements) in order of first quotation; ``None`` = unresolved.
        A reported statement holding a quoted fragment counts once; rows of kinds not counted
        (see ``kinds``) are left out."""
        counted = [k for k in range(len(self._infos)) if self._counted[k]]
        holders = dict(
            zip(counted, _counting.holds_fragment([self._spans[k] for k in counted]), strict=True)
        )
        counts: dict[str | None, int] = {}
        for k in self._order():
            if k not in holders:
                continue
            counts.setdefault(self._infos[k].speaker, 0)
            if not holders[k]:
                counts[self._infos[k].speaker] += 1
        return list(counts.items())

    def _summary(self, separator: str) -> str:
        named = sum(1 for name, _ in self.speakers if name is not None)
        c = self.counts
        return separator.join(
            [
                _counting.plural(c.quotations, "quotation"),
                _counting.plural(c.reported, "reported statement"),
                _counting.plural(named, "speaker"),
            ]
        )

    @cached_property
    def colours(self) -> dict[str | None, tuple[str, str]]:
        """(shade, ink) of each speaker: the palette in order of first quotation, then again."""
        named = [name for name, _ in self.speakers if name is not None]
        # Then the speakers of rows of kinds not counted only, in order of first quotation.
        named += dict.fromkeys(
            self._infos[k].speaker
            for k in self._order()
            if self._infos[k].speaker is not None and self._infos[k].speaker not in named
        )
        colours: dict[str | None, tuple[str, str]] = {
            name: PALETTE[i % len(PALETTE)] for i, name in enumerate(named)
        }
        colours[None] = UNKNOWN_SPEAKER
        return colours

    @cached_property
    def html(self) -> str:
        """The HTML fragment: a legend of speakers, then the article, one ``<p>`` a paragraph."""
        paragraphs = "".join(
            f'<p style="{_PARAGRAPH_STYLE}">{"".join(pieces)}</p>' for pieces in self._paragraphs()
        )
        return f'<div class="saidwho-show" style="{_BOX_STYLE}">{self._legend()}{paragraphs}</div>'

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str | Path) -> Path:
        """Write a whole HTML page (UTF-8) and return its path."""
        path = Path(path)
        title = html.escape(self.title or "saidwho: who said what")
        page = (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n"
            f'<body style="margin:24px;background:#f6f8fa">\n{self.html}\n</body>\n</html>\n'
        )
        path.write_text(page, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        return f"Highlighted({self._summary(', ')})"

    def _legend(self) -> str:
        parts = []
        if self.title:
            parts.append(
                f'<div style="font-weight:600;font-size:15px;margin-bottom:4px">'
                f"{html.escape(self.title)}</div>"
            )
        parts.append(f'<div style="margin-bottom:4px"><b>{self._summary(" · ")}</b>')
        uncounted = sorted(
            {i.kind for i, c in zip(self._infos, self._counted, strict=True) if not c}
        )
        lighter = (
            f'<span style="{_UNCOUNTED_STYLE}">lighter</span>: {", ".join(uncounted)} '
            "(not counted) · "
            if uncounted
            else ""
        )
        parts.append(
            ' <span style="color:#6a737d">· <b>bold</b>: speaker mention · '
            f'<span style="{_CUE_STYLE}">dotted</span>: cue · {lighter}'
            "hover a quotation for details</span></div>"
        )
        chips = []
        for name, count in self.speakers:
            shade, ink = self.colours[name]
            label = html.escape(name) if name is not None else "<i>speaker unknown</i>"
            chips.append(
                '<span style="display:inline-block;margin:2px 10px 2px 0;white-space:nowrap">'
                f'<span style="display:inline-block;width:12px;height:12px;background:{shade};'
                f'border:2px solid {ink};border-radius:3px;vertical-align:-2px;margin-right:5px">'
                f'</span>{label} <span style="color:#6a737d">{count}</span></span>'
            )
        if chips:
            parts.append(f"<div>{''.join(chips)}</div>")
        return f'<div style="{_LEGEND_STYLE}">{"".join(parts)}</div>'

    def _paragraphs(self) -> list[list[str]]:
        """HTML pieces per paragraph (empty lines dropped), built from flat segments."""
        text, infos = self.text, self._infos
        spans = [span for i, info in enumerate(infos) for span in info.spans(i, len(text))]
        cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
        by_start = sorted(spans, key=lambda s: s.start)
        by_end = sorted(spans, key=lambda s: s.end)
        active: set[_Span] = set()
        opened = closed = 0
        paragraphs: list[list[str]] = [[]]
        for left, right in zip(cuts, cuts[1:], strict=False):
            # A sweep over the cuts: O(segments × spans covering each), never quadratic in the
            # number of quotations.
            while closed < len(by_end) and by_end[closed].end <= left:
                active.discard(by_end[closed])
                closed += 1
            while opened < len(by_start) and by_start[opened].start <= left:
                if by_start[opened].end > left:
                    active.add(by_start[opened])
                opened += 1
            style, title = self._look(active)
            for n, line in enumerate(_PARAGRAPH_BREAK.split(text[left:right])):
                if n:
                    paragraphs.append([])
                if line:
                    paragraphs[-1].append(_piece(line, style, title))
        return [pieces for pieces in paragraphs if "".join(pieces).strip()]

    def _look(self, active: Iterable[_Span]) -> tuple[str, str]:
        """Inline style and tooltip of a segment covered by ``active`` spans."""
        quote = mention = cue = None
        for span in active:
            if span.kind == "quote":
                # Nested quotations: the innermost (latest start, then shortest) wins.
                if quote is None or (span.start, -span.end) > (quote.start, -quote.end):
                    quote = span
            elif span.kind == "mention":
                mention = span
            else:
                cue = span
        styles: list[str] = []
        titles: list[str] = []
        if quote is not None:
            info = self._infos[quote.quote]
            counted = self._counted[quote.quote]
            shade, ink = self.colours[info.speaker]
            # A row of a kind not counted (a thought, a refusal …): half the shade, dashed.
            styles.append(
                f"background:{shade};box-shadow:0 2px 0 {ink}55;border-radius:2px;"
                "-webkit-box-decoration-break:clone;box-decoration-break:clone"
                if counted
                else f"background:{shade}80;{_UNCOUNTED_STYLE};border-radius:2px;"
                "-webkit-box-decoration-break:clone;box-decoration-break:clone"
            )
            titles.append(info.tooltip(counted))
        if mention is not None:
            info = self._infos[mention.quote]
            _, ink = self.colours[info.speaker]
            styles.append(
                f"font-weight:700;color:{ink};text-decoration:underline solid {ink} 2px;"
                "text-underline-offset:3px"
            )
            who = info.speaker or "speaker unknown"
            titles.append(f"speaker mention → {who}")
        if cue is not None and mention is None:
            styles.append(_CUE_STYLE)
        if cue is not None:
            info = self._infos[cue.quote]
            titles.append(f"cue of a quotation by {info.speaker or 'an unknown speaker'}")
        return ";".join(styles), "\n".join(dict.fromkeys(titles))


def _piece(text: str, style: str, title: str) -> str:
    escaped = html.escape(text, quote=True)
    if not style and not title:
        return escaped
    return (
        f'<span style="{html.escape(style, quote=True)}" '
        f'title="{html.escape(title, quote=True)}">{escaped}</span>'
    )


def show(
    text: str,
    quotes: Sequence[Any] | Iterable[Any] | None = None,
    *,
    clean: bool | CleanOptions = True,
    title: str | None = None,
    kinds: str | Iterable[str] | None = _counting.STATEMENT_KINDS,
    **options: Any,
) -> Highlighted:
    """The article with its quotations highlighted (displayed by Jupyter as HTML).

    By default the article is repaired first (``saidwho.clean``, or the ``CleanOptions`` passed
    as ``clean``) and the repaired text is shown, with the quotations found in it: readers see
    ``“`` where the scraper left ``â``. ``clean=False`` shows the text exactly as passed.
    ``options`` go to :func:`saidwho.quotes` (``keep_non_speech=True`` ...).

    ``quotes`` may be given instead (``Quote`` objects, dicts, or rows of a quotation frame such
    as ``frame.itertuples()``): their offsets must index ``text``, which is then shown as passed;
    offsets that cannot (``start > end``, past the end, negative) raise ``ValueError``.
    The tooltips give each quotation's ``rule`` (with what it does, for the rules of
    ``saidwho.rules()``) and its resolution trail (``Quote.resolution_text``, or the one-line
    ``resolution`` of a dict or row, as ``Quote.to_dict()`` gives it) when they are there.

    The legend counts statements only (``kinds=("speech",)``, as ``saidwho.speakers`` does):
    reported thoughts, intentions, evidence, refusals and reactions are still highlighted, in a
    lighter shade, with their kind in the tooltip. ``kinds`` names the kinds to count (``None``:
    every kind).
    """
    chosen = _counting.check_kinds(kinds)
    counted = None if chosen is None else tuple(sorted(chosen))
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if quotes is not None:
        given = tuple(quotes)
        _check_offsets(given, len(text))
        return Highlighted(text=text, quotes=given, title=title, kinds=counted)
    if clean is True:
        text = _clean(text)
    elif isinstance(clean, CleanOptions):
        text = _clean(text, clean)
    elif clean is not False:
        raise TypeError(f"clean must be a bool or CleanOptions, not {type(clean).__name__}")
    found = _quotes(text, clean=False, **options)
    return Highlighted(text=text, quotes=tuple(found), title=title, kinds=counted)
