"""``saidwho.show``: the highlighted article must be well-formed, faithful to the text, and safe.

The quotations found keep changing as the engine improves, so tests either derive expectations
from ``saidwho.quotes`` on the same text or pass hand-made quotations (``quotes=``) to control
the spans exactly (overlaps, nesting, hostile speaker names).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

import saidwho
from saidwho import _counting
from saidwho.display import PALETTE, UNKNOWN_SPEAKER, Highlighted

ARTICLE = (
    "Hospital chiefs warn of âwinter crisisâ as bed numbers fall\n"
    "\n"
    "The health secretary, Priya Lal, said the NHS was âbetter prepared than last yearâ.\n"
    "âWe have opened 900 extra beds and we are hiring,â Ms Lal told MPs.\n"
    "Dr Sam Okoro, who chairs the consultantsâ committee, disagreed. He said: âThe wards "
    "are full in October. That has never happened before.â\n"
)
ALLOWED_TAGS = {"div", "p", "span", "b", "i"}


class Structure(HTMLParser):
    """Checks that tags nest, records tags, attributes and the text of each paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.paragraphs: list[str] = []
        self.legend_text = ""
        self.errors: list[str] = []
        self.styled: list[tuple[str, str]] = []  # (text, style of the span around it)

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if "p" in self.stack:
            self.paragraphs[-1] += data
            if self.stack[-1] == "span":
                self.styled.append((data, self.tags[-1][1].get("style") or ""))
        else:
            self.legend_text += data

    def titles(self) -> list[str]:
        return [attrs["title"] or "" for _, attrs in self.tags if "title" in attrs]


def parse(markup: str) -> Structure:
    parser = Structure()
    parser.feed(markup)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    assert {tag for tag, _ in parser.tags} <= ALLOWED_TAGS
    return parser


def lines_of(text: str) -> list[str]:
    return [line for line in re.split(r"\r\n?|[\n\u2028\u2029]", text) if line.strip()]


def test_show_displays_the_repaired_article_with_the_quotations_found_in_it():
    shown = saidwho.show(ARTICLE)
    repaired = saidwho.clean(ARTICLE)
    assert shown.text == repaired
    assert list(shown.quotes) == saidwho.quotes(repaired, clean=False)
    structure = parse(shown.html)
    assert structure.paragraphs == lines_of(repaired)  # every word, paragraphs kept
    assert "â" not in "".join(structure.paragraphs)
    assert shown._repr_html_() == shown.html


def test_show_without_cleaning_keeps_the_text_as_passed():
    shown = saidwho.show(ARTICLE, clean=False)
    assert shown.text == ARTICLE
    assert list(shown.quotes) == saidwho.quotes(ARTICLE, clean=False)
    assert parse(shown.html).paragraphs == lines_of(ARTICLE)
    options = saidwho.CleanOptions(uncurl_quotes=True)
    assert saidwho.show(ARTICLE, clean=options).text == saidwho.clean(ARTICLE, options)


def test_every_quotation_is_shaded_in_its_speakers_colour_with_a_tooltip():
    shown = saidwho.show(ARTICLE)
    structure = parse(shown.html)
    for quote in shown.quotes:
        shade, _ = shown.colours[quote.speaker]
        shaded = [
            attrs
            for tag, attrs in structure.tags
            if tag == "span" and f"background:{shade}" in (attrs.get("style") or "")
        ]
        assert shaded, quote
        who = quote.speaker or "speaker unknown"
        assert any(t.startswith(f"{who} · {quote.type} · confidence") for t in structure.titles())
        assert any(f"\nrule: {quote.rule} — " in t for t in structure.titles())
        if quote.mention_start is not None:
            assert any(t == f"speaker mention → {who}" for t in structure.titles())


def test_legend_lists_speakers_in_order_of_first_quotation_with_counts():
    shown = saidwho.show(ARTICLE)
    order = list(dict.fromkeys(q.speaker for q in sorted(shown.quotes, key=lambda q: q.start)))
    assert [name for name, _ in shown.speakers] == order
    # A reported statement holding a quoted fragment is one statement (issue 15, item 5).
    spans = [_counting.Span(q.start, q.end, q.type) for q in shown.quotes]
    holders = _counting.holds_fragment(spans)
    for name, count in shown.speakers:
        assert count == sum(
            1
            for q, held in zip(shown.quotes, holders, strict=True)
            if q.speaker == name and not held
        )
    legend = parse(shown.html).legend_text
    n = sum(q.type in ("direct", "partial") for q in shown.quotes)
    reported = sum(q.type == "indirect" for q in shown.quotes) - sum(holders)
    assert f"{n} quotations · {reported} reported statement" in legend
    for name, _ in shown.speakers:
        assert (name or "speaker unknown") in legend


def fake(start, end, speaker, **fields):
    values = {
        "start": start,
        "end": end,
        "text": "",
        "type": "direct",
        "speaker": speaker,
        "mention": None,
        "mention_start": None,
        "mention_end": None,
        "cue": None,
        "cue_start": None,
        "cue_end": None,
        "confidence": 0.9,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_markup_in_the_article_and_in_speaker_names_is_shown_not_run():
    text = (
        "<script>alert('pwned')</script> Editor's note & \"corrections\"\n"
        '“<img src=x onerror="alert(1)"> is not a quote,” said <b>Bobby</b> O\'Neil & Co.'
    )
    hostile = '<script>alert("x")</script> O\'Neil & "Co"'
    start = text.index("<img")
    end = text.index(",”")
    mention_start = text.index("<b>")
    quotes = [
        fake(
            start,
            end,
            hostile,
            mention=text[mention_start:],
            mention_start=mention_start,
            mention_end=len(text),
            cue="said",
            cue_start=mention_start - 5,
            cue_end=mention_start - 1,
        )
    ]
    shown = saidwho.show(text, quotes=quotes, title="<i>Title</i> & co")
    markup = shown.html
    assert "<script" not in markup and "<img" not in markup and "<b>Bobby" not in markup
    assert "onerror=" not in markup.replace("onerror=&quot;", "")
    structure = parse(markup)
    assert structure.paragraphs == lines_of(text)  # the markup is there, as text
    assert any(t.startswith(hostile + " · direct") for t in structure.titles())
    assert hostile in structure.legend_text and "<i>Title</i> & co" in structure.legend_text
    assert not any(name.startswith("on") for _, attrs in structure.tags for name in attrs)


def test_overlapping_and_nested_spans_keep_the_html_well_formed():
    text = (
        "“Pay us what we are owed,” the union’s chair, Rosa Diaz, said, “and “fair” "
        "will mean something again.”\n"
        "Mr Hale replied: “We have. Twice.\n"
        "“And we will again.”"
    )
    first = text.index("Pay")
    mention = text.index("Rosa Diaz")
    nested = text.index("fair")
    hale = text.index("We have")
    quotes = [
        # A quotation interrupted by its attribution, with the mention inside its own span.
        fake(
            first,
            text.index("again.”") + 6,
            "Rosa Diaz",
            mention="Rosa Diaz",
            mention_start=mention,
            mention_end=mention + 9,
            cue="said",
            cue_start=mention + 11,
            cue_end=mention + 15,
        ),
        # Nested scare quotes attributed to nobody.
        fake(nested, nested + 4, None, type="partial", confidence=float("nan")),
        # Over a paragraph break, mention and cue overlapping each other.
        fake(
            hale,
            len(text) - 1,
            "Tom Hale",
            mention="Mr Hale replied",
            mention_start=text.index("Mr Hale"),
            mention_end=hale - 3,
            cue="replied",
            cue_start=text.index("replied"),
            cue_end=hale - 3,
        ),
        # Edge offsets: the very start, empty, missing. (Impossible ones are refused:
        # tests/test_show_offsets.py.)
        fake(0, 4, "Ghost"),
        fake(7, 7, "Empty"),
        fake(None, None, "Missing", mention_start=float("nan"), mention_end=None),
    ]
    shown = saidwho.show(text, quotes=quotes)
    structure = parse(shown.html)
    assert structure.paragraphs == lines_of(text)
    # The innermost quotation decides the shade: the scare quotes are grey inside Diaz's shade.
    styles = dict(structure.styled)
    assert f"background:{UNKNOWN_SPEAKER[0]}" in styles["fair"]
    after = next(style for segment, style in structure.styled if "will mean" in segment)
    assert f"background:{shown.colours['Rosa Diaz'][0]}" in after
    # The mention inside Diaz's quotation is bold in her ink, on her shade.
    assert f"color:{shown.colours['Rosa Diaz'][1]}" in styles["Rosa Diaz"]
    # Colours in order of first quotation: the quotation at the very start first.
    assert shown.colours["Ghost"] == PALETTE[0] and shown.colours["Rosa Diaz"] == PALETTE[1]


def test_rows_of_a_quotation_frame_can_be_shown():
    pd = pytest.importorskip("pandas")
    text = saidwho.clean(ARTICLE)
    frame = saidwho.quotes_frame(pd.Series([text], index=["nhs-1"], dtype="str"), clean=False)
    from_rows = saidwho.show(text, quotes=frame.itertuples())
    from_dicts = saidwho.show(text, quotes=frame.to_dict("records"))
    assert from_rows.html == from_dicts.html == saidwho.show(text, clean=False).html


def test_colours_are_stable_and_cycle_after_the_palette():
    text = " ".join(f"“Point {i}.” said Speaker {i}." for i in range(len(PALETTE) + 2))
    quotes = [
        fake(m.start() + 1, m.end() - 1, f"Speaker {i}")
        for i, m in enumerate(re.finditer(r"“[^”]*”", text))
    ]
    shown = saidwho.show(text, quotes=quotes)
    again = saidwho.show(text, quotes=quotes)
    assert shown.colours == again.colours and shown.html == again.html
    assert shown.colours["Speaker 0"] == PALETTE[0]
    assert shown.colours[f"Speaker {len(PALETTE)}"] == PALETTE[0]
    assert shown.colours[None] == UNKNOWN_SPEAKER


def test_save_writes_a_self_contained_page(tmp_path):
    shown = saidwho.show(ARTICLE, title="NHS <winter> & beds")
    path = shown.save(tmp_path / "nhs.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>NHS &lt;winter&gt; &amp; beds</title>" in page
    assert shown.html in page
    for outside in ("<script", "<link", "src=", "http://", "https://", "url("):
        assert outside not in page
    assert repr(shown).startswith(f"Highlighted({shown.counts.quotations} quotations, ")


def test_no_quotations_and_empty_text():
    for text in ("", "\n\n", "Nobody said anything at the parish meeting on Tuesday."):
        shown = saidwho.show(text)
        assert isinstance(shown, Highlighted)
        structure = parse(shown.html)
        assert structure.paragraphs == lines_of(saidwho.clean(text))
        assert "0 quotations" in structure.legend_text


def test_ten_thousand_quotations_render_quickly():
    text = "".join(f"“Item {i} is ready,” the clerk said.\n" for i in range(10_000))
    began = time.perf_counter()
    shown = saidwho.show(text)
    markup = shown.html
    elapsed = time.perf_counter() - began
    assert markup.count("<p ") == 10_000
    assert elapsed < 10, f"{elapsed:.1f}s"


def test_bad_arguments():
    with pytest.raises(TypeError, match="text must be str"):
        saidwho.show(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="clean must be"):
        saidwho.show("text", clean="yes")  # type: ignore[arg-type]


def test_show_needs_neither_pandas_nor_matplotlib():
    script = (
        "import sys\n"
        "class Block:  # as if pandas and matplotlib were not installed\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pandas', 'matplotlib'):\n"
        "            raise ImportError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import saidwho\n"
        "html = saidwho.show('“Fine,” she said.').html\n"
        "assert 'saidwho-show' in html\n"
        "try:\n"
        "    saidwho.quotes_frame(['x'])\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert "pip install 'saidwho[pandas]'" in result.stdout
