"""Reliability through Python: properties on any string (hypothesis), hostile input, very large
and very many documents, cost linear in the input, and identical results across threads.

The properties repeat tests/properties.rs through the bindings, where surrogates, `None` and the
batch machinery come in. Hypothesis is a dev dependency; without it those tests skip.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

import saidwho

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is in the `dev` extra
    st = None

ARTICLE = (
    "Harbour council approves sea wall after years of delay\n\n"
    "The leader of Porthaven council, Alison Tremayne, said the decision was “long overdue”.\n\n"
    "“We have watched the water come closer every winter,” Ms Tremayne said. "
    "“Today we finally act.”\n\n"
    "Opposition councillor Gareth Lloyd said: “The cost has doubled and nobody can tell us why.”\n"
)
# The same article as a CMS that read UTF-8 as Windows-1252 would store it (the bytes that
# Windows-1252 leaves undefined read as Latin-1, as such systems do).
DAMAGED = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in ARTICLE.encode("utf-8")
)

# Reporting between the quotations: news is mostly prose, and the 64 MB document should be too.
PROSE = (
    "The sea wall will run for 1.2 kilometres from the lifeboat station to the old harbour "
    "mouth. Work is due to begin in the spring and to finish within two years, weather "
    "permitting. The council has set aside £14m for the scheme, with the rest of the money "
    "coming from a national flood defence fund. Residents of the lower town, where more than "
    "200 homes flooded in the storms of last winter, have campaigned for a decade for better "
    "protection. An earlier plan was shelved in 2019 after its cost rose by a third.\n\n"
)

# Pieces that damaged news is made of, for strings hypothesis would rarely find on its own.
PIECES = [
    "â", "€", "™", "Ã", "©", "\x80", "\x85", "\x92", "\x93", "\x94", "\x9d", "&", ";", "#",
    "<", ">", "&amp;", "&#8220;", "&eacute;", "“", "”", "‘", "’", '"', "'", "«", "»", "\n",
    "\n\n", "\r\n", "\u00a0", "\u0301", "中国", "😀", "👩\u200d💻", "\u200b", "\u202e", "\ufeff",
    "\x1b[31m", "\x00", "\ud83c", "\udf89", "â€œ", "â€\x9d", " ", " ", "said", "Ms Okoro", "he",
    "told reporters", ":", ",", ".", "We will not wait",
]  # fmt: skip


def char_spans_ok(quote: saidwho.Quote, length: int) -> bool:
    spans = [(quote.start, quote.end)]
    if quote.mention_start is not None:
        spans.append((quote.mention_start, quote.mention_end))
    if quote.cue_start is not None:
        spans.append((quote.cue_start, quote.cue_end))
    return all(0 <= s <= e <= length for s, e in spans)


def check_properties(text: str) -> None:
    out, fixes = saidwho.explain(text)
    assert out == saidwho.clean(text)
    assert saidwho.clean(out) == out
    assert saidwho.replay(text, fixes) == out
    ftfy_out = saidwho.fix_text(text)
    assert saidwho.fix_text(ftfy_out) == ftfy_out
    for clean in (True, False):
        for q in saidwho.quotes(text, clean=clean, keep_non_speech=True):
            assert char_spans_ok(q, len(text)), (q, len(text))
    # On clean text, analysed without cleaning, offsets point at the quotation itself.
    for q in saidwho.quotes(out, clean=False, keep_non_speech=True):
        assert out[q.start : q.end] == q.text
        if q.mention is not None:
            assert out[q.mention_start : q.mention_end] == q.mention
        if q.cue is not None:
            assert out[q.cue_start : q.cue_end] == q.cue


if st is not None:
    FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

    @FAST
    @given(st.text())
    def test_any_string_keeps_the_properties(text):
        check_properties(text)

    @FAST
    @given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
    def test_damaged_news_keeps_the_properties(text):
        check_properties(text)

else:

    def test_hypothesis_is_missing():
        pytest.skip("hypothesis is not installed (pip install -e '.[dev]')")


HOSTILE = {
    "empty": "",
    "lone high surrogate": "Fans \ud83c cheered",
    "lone low surrogate": "\udf89 at the start",
    "NUL": "The mayor\x00 said \x00“yes”\x00.",
    "ANSI escapes": "\x1b[1;31mBREAKING\x1b[0m: “We are safe,” he said.\x1b[",
    "BOMs": "\ufeff“Quote,” she said.\ufeff\ufeff ï»¿",
    "RTL": "\u202e“tnemetats,” dias eh\u202c \u200f“שלום,” אמר\u200e.",
    "zero width": "“Zero\u200bwidth\u200d,”\u200c he\u2060 said\ufeff.",
    "emoji ZWJ": "“👩\u200d👩\u200d👧\u200d👦 and 🏳️\u200d🌈,” the family said. 👍🏽",
    "only marks": "“”‘’\"'«»„" * 20,
    "unbalanced quote marks": "“" * 50_000,
    "unbalanced mixed marks": '“ he said ‘ « " ' * 12_500,
    "control chars": "".join(chr(c) for c in range(0, 0x20))
    + "".join(chr(c) for c in range(0x7F, 0xA0)),
    "private use and noncharacters": "\ue000\uf8ff\ufffe\uffff\U0010ffff “x,” he said",
}


def test_the_damaged_article_is_repaired():
    assert saidwho.clean(DAMAGED) == ARTICLE


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_strings_are_handled(name):
    text = HOSTILE[name]
    out = saidwho.clean(text)
    assert isinstance(out, str)
    assert saidwho.clean(out) == out
    assert isinstance(saidwho.fix_text(text), str)
    for clean in (True, False):
        for q in saidwho.quotes(text, clean=clean):
            assert char_spans_ok(q, len(text))
    assert saidwho.clean_many([text, None]) == [out, None]
    assert len(saidwho.quotes_many([text, None])) == 2


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"bytes", ["a list"], {"a": 1}, object()])
def test_non_strings_raise_type_error_naming_the_type(bad):
    name = type(bad).__name__
    for fn in (saidwho.clean, saidwho.fix_text, saidwho.quotes, saidwho.explain):
        with pytest.raises(TypeError, match=name):
            fn(bad)
    if bad is not None:
        for fn in (saidwho.clean_many, saidwho.quotes_many):
            with pytest.raises(TypeError, match=name):
                fn(["fine", bad])


def test_a_64_mb_document_is_cleaned_and_analysed_in_seconds():
    unit = DAMAGED + PROSE * 4
    doc = unit * (64 * 2**20 // len(unit.encode("utf-8")) + 1)
    t0 = time.perf_counter()
    out = saidwho.clean(doc)
    assert out[: 2 * len(ARTICLE + PROSE * 4)] == (ARTICLE + PROSE * 4) * 2
    found = saidwho.quotes(doc)
    elapsed = time.perf_counter() - t0
    assert len(found) > 100_000
    assert all(0 <= q.start <= q.end <= len(doc) for q in found[:: max(1, len(found) // 1000)])
    assert elapsed < 60, f"64 MB took {elapsed:.1f} s"


def test_a_million_tiny_documents_keep_count_order_and_missing_values():
    n = 1_000_000
    docs: list[str | None] = [
        None if i % 7 == 3 else ("caf&eacute;" if i % 2 else f"“Row {i},” he said.")
        for i in range(n)
    ]
    cleaned = saidwho.clean_many(docs)
    assert len(cleaned) == n
    for i in (0, 1, 3, 10, 999_999, 500_003):
        expected = None if docs[i] is None else saidwho.clean(docs[i])
        assert cleaned[i] == expected
    assert sum(c is None for c in cleaned) == sum(d is None for d in docs)
    found = saidwho.quotes_many(docs)
    assert len(found) == n
    assert [q.text for q in found[12]] == ["Row 12,"]
    assert found[3] == [] and found[1] == []


def scaling_ratio(fn: Callable[[str], object], unit: str, base: int, repeats: int = 3) -> float:
    """Best time on 8x the input over best time on 1x. Time is this thread's CPU time (a single
    text is worked on in the calling thread), so other processes on a shared machine do not
    count; the two sizes are timed in turn, so what noise is left hits both."""
    small, large = unit * base, unit * (8 * base)
    best_small = best_large = float("inf")
    for _ in range(repeats):
        for text, is_large in ((small, False), (large, True)):
            t0 = time.thread_time()
            fn(text)
            elapsed = time.thread_time() - t0
            if is_large:
                best_large = min(best_large, elapsed)
            else:
                best_small = min(best_small, elapsed)
    return best_large / best_small


# Input sizes avoid two one-off steps in cost per byte that would read as superlinear growth
# (both measured, both flat on either side): the quotation finder slows by ~3x when its text
# no longer fits in the CPU caches (between 2 and 3 MB), so its 1x input is past that; the
# cleaner slows by ~1.4x once its buffers pass ~8 MB (fresh pages from the kernel), so its 8x
# input stays below that. (The broken-entity case, measured at 1 MB, read 13x on an idle
# machine: its 1 MB input timed right after the 8x one reuses warm pages; 2 MB reads 8x.)
SCALING_CASES = {
    # name: (function, repeated unit, size of the 1x input in MB)
    "clean damaged article": (saidwho.clean, DAMAGED, 1),
    "fix_text damaged article": (saidwho.fix_text, DAMAGED, 1),
    "quotes damaged article": (saidwho.quotes, DAMAGED + PROSE * 4, 4),
    "quotes unclosed marks": (saidwho.quotes, "“ he said, ", 4),
    "quotes unbalanced mixed": (saidwho.quotes, '« ‘ " Mr Lee said ’ ', 2),
    # One sentence without end, each report holding the next (`X said Y said …`).
    "quotes run-on reports": (saidwho.quotes, "Mr Lee said the plan would fail and Ms Ng said ", 2),
    # A headline without end: every word capitalised, every other one a cue.
    "quotes run-on headline": (saidwho.quotes, "Lee Says Ng Warns Port Denies ", 2),
    "clean broken entities": (saidwho.clean, "&amp &#x &# & ; â€ Ã ", 2),
    # Partial quotes inside reported clauses, each taking its clause's attribution.
    "quotes partials in reports": (
        saidwho.quotes,
        "Mr Hale said the plan was “reckless” and would “hurt families” today.\n\n",
        1,
    ),
}


LINEAR_BOUND = 8**1.5


@pytest.mark.parametrize("name", list(SCALING_CASES))
def test_cost_is_linear_in_the_input(name):
    fn, unit, megabytes = SCALING_CASES[name]
    copies = megabytes * 2**20 // len(unit.encode("utf-8"))
    # 8x the input should take 8x the time; quadratic cost takes 64x. The bound is 8**1.5
    # (cost growing as n**1.5), halfway between the two on a log scale: memory effects on a
    # shared machine (caches, fresh pages) have read 8.3x-12.3x for linear paths here and on CI,
    # so a bound near 8 fails linear code, while any quadratic path stays far past this one.
    # Load from other processes can push one measurement past it: a real superlinear path
    # fails the second measurement too.
    ratios = [scaling_ratio(fn, unit, copies)]
    if ratios[0] >= LINEAR_BOUND:
        ratios.append(scaling_ratio(fn, unit, copies))
    print(f"{name}: 8x input, {ratios[-1]:.2f}x the time")
    assert ratios[-1] < LINEAR_BOUND, f"{name}: 8x input took {ratios}x the time"


def test_threads_calling_at_once_get_identical_results():
    texts = [DAMAGED, ARTICLE, HOSTILE["emoji ZWJ"], HOSTILE["ANSI escapes"]] * 25
    expected_clean = [saidwho.clean(t) for t in texts]
    expected_quotes = [saidwho.quotes(t) for t in texts]
    results: dict[int, tuple[list[str], list[list[saidwho.Quote]], list[str | None]]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def worker(k: int) -> None:
        try:
            barrier.wait()
            for _ in range(5):
                cleaned = [saidwho.clean(t) for t in texts]
                found = [saidwho.quotes(t) for t in texts]
                batch = saidwho.clean_many(texts, n_threads=2)
            results[k] = (cleaned, found, batch)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 6
    for cleaned, found, batch in results.values():
        assert cleaned == expected_clean
        assert found == expected_quotes
        assert batch == expected_clean
