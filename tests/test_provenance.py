"""Provenance: every quotation names the rule that attributed it (``Quote.rule``) and how its
mention was resolved to the speaker (``Quote.resolution``), and every output carries them.

The rules themselves keep changing as the engine improves, so no test names a rule other than
through ``saidwho.rules()``: the tests check the contract (a known rule on every quotation, the
trail's shape, the columns and tooltips that carry them), not which rule fires where.
"""

from __future__ import annotations

import csv
import html
import json
import re
from types import SimpleNamespace

import pytest

import saidwho
from saidwho import cli

# Fictional wire copy in the shapes news uses: a quote then its speaker, a colon lead-in, a
# pronoun after a full name, a title and surname, "according to", reported speech, a quotation
# nobody is named for, and damaged punctuation.
ARTICLES = [
    "Ferry talks collapse as strike enters second week\n\n"
    "“We will not be rushed into a bad deal,” said Harriet Vance, the union’s regional "
    "secretary.\n"
    "Ms Vance said the operator’s offer was “frankly insulting”. She added: “Our members have "
    "been patient for long enough.”\n"
    "The operator’s chief executive, Tomas Reyes, told reporters: “The door is open. It has "
    "always been open.”\n"
    "According to Mr Reyes, the company has lost £4m since the walkout began.\n"
    "“Nobody wins this,” one passenger said at the terminal.",
    "Coach Aisha Bello called the result âa wake-up callâ. âWe were second to every ball,â she "
    "said. The club said the captain would be fit for Saturday.",
    "Fire crews were called to the warehouse in Leith at 3am. Nobody was hurt.",
]

STEP_ARROW = " → "


def rule_names() -> list[str]:
    return [name for name, _ in saidwho.rules()]


def all_quotes(**options):
    return [q for text in ARTICLES for q in saidwho.quotes(text, **options)]


def test_rules_are_named_and_described():
    rules = saidwho.rules()
    assert rules == saidwho._core.rules()
    assert "rules" in saidwho.__all__
    assert rules, "the core registers at least one rule"
    names = rule_names()
    assert len(set(names)) == len(names), "a rule name is used twice"
    for name, description in rules:
        assert isinstance(name, str) and re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        assert isinstance(description, str) and description.endswith("."), name


@pytest.mark.parametrize(
    "options",
    [{}, {"reported": False}, {"keep_non_speech": True}, {"clean": False}],
    ids=["default", "no-reported", "non-speech", "no-clean"],
)
def test_every_quote_of_the_bundled_article_names_a_known_rule(examples, options):
    article = (examples / "article.txt").read_text(encoding="utf-8")
    found = saidwho.quotes(article, **options)
    assert found, "the bundled article has quotations"
    names = set(rule_names())
    for q in found:
        assert isinstance(q.rule, str) and q.rule, q
        assert q.rule in names, f"{q.rule!r} is not among saidwho.rules()"


def test_every_quote_of_the_batch_calls_names_a_known_rule():
    names = set(rule_names())
    for found in saidwho.quotes_many(ARTICLES + [None]):
        assert all(q.rule in names for q in found)


def test_the_resolution_trail_starts_at_the_mention():
    found = all_quotes()
    assert found
    for q in found:
        steps = q.resolution
        assert isinstance(steps, list)
        assert all(
            isinstance(step, tuple) and len(step) == 2 and all(isinstance(s, str) for s in step)
            for step in steps
        ), steps
        if q.mention is None:
            assert steps == [] and q.resolution_text is None, q
        if not steps:
            assert q.resolution_text is None
            continue
        assert steps[0][0] == q.mention, "the first step is the mention as written"
        assert all(text and link for text, link in steps)
        # One line: the mention, then each later step with its link in brackets.
        expected = steps[0][0] + "".join(f"{STEP_ARROW}{t} ({link})" for t, link in steps[1:])
        assert q.resolution_text == expected


def test_to_dict_carries_rule_and_resolution_after_confidence():
    for q in all_quotes():
        d = q.to_dict()
        assert list(d)[-3:] == ["confidence", "rule", "resolution"]
        assert d["rule"] == q.rule
        assert d["resolution"] == q.resolution_text
        json.dumps(d)  # a flat record: JSON as it is
        assert f"rule={q.rule!r}".replace("'", '"') in repr(q)


# ---------------------------------------------------------------------------------------------
# Tables: quotes_frame, the Series accessor, Arrow


def test_the_frame_has_typed_rule_and_resolution_columns():
    pd = pytest.importorskip("pandas")
    frame = saidwho.quotes_frame(ARTICLES, ids=["ferry", "bello", "leith"])
    columns = list(frame.columns)
    assert columns.index("rule") == columns.index("confidence") + 1
    assert columns.index("resolution") == columns.index("rule") + 1
    assert isinstance(frame.dtypes["rule"], pd.StringDtype)
    assert isinstance(frame.dtypes["resolution"], pd.StringDtype)
    assert frame["rule"].notna().all()
    assert set(frame["rule"]) <= set(rule_names())
    expected = [q.resolution_text for q in all_quotes()]
    got = [None if pd.isna(v) else v for v in frame["resolution"]]
    assert got == expected
    # The uses docs/rules.md shows.
    counts = frame.groupby("rule").size()
    assert counts.sum() == len(frame)
    first = frame["rule"].iloc[0]
    assert len(frame[frame["rule"] == first]) == counts[first]
    contains = frame["resolution"].str.contains(STEP_ARROW, na=False)
    assert contains.dtype == bool


def test_the_series_accessor_and_arrow_table_carry_rule_and_resolution():
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    s = pd.Series(ARTICLES, index=["ferry", "bello", "leith"], dtype="str")
    frame = s.saidwho.quotes()
    assert list(frame["rule"]) == [q.rule for q in all_quotes()]
    table = saidwho.quotes_frame(ARTICLES, as_arrow=True)
    assert table.schema.field("rule").type in (pa.string(), pa.large_string())
    assert table.schema.field("resolution").type in (pa.string(), pa.large_string())
    assert table.column("rule").to_pylist() == [q.rule for q in all_quotes()]
    assert table.column("resolution").to_pylist() == [q.resolution_text for q in all_quotes()]


def test_an_empty_frame_still_has_the_columns():
    pd = pytest.importorskip("pandas")
    frame = saidwho.quotes_frame([ARTICLES[2], None])
    assert frame.empty
    assert {"rule", "resolution"} <= set(frame.columns)
    assert isinstance(frame.dtypes["rule"], pd.StringDtype)


# ---------------------------------------------------------------------------------------------
# The command line: JSONL, CSV and Parquet rows, and the table


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "stories.jsonl"
    records = [{"id": f"story-{i}", "text": text} for i, text in enumerate(ARTICLES)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def expected_rows():
    return [
        {"id": f"story-{i}", **q.to_dict()}
        for i, text in enumerate(ARTICLES)
        for q in saidwho.quotes(text)
    ]


def test_jsonl_rows_carry_rule_and_resolution(stories, tmp_path):
    out = tmp_path / "quotes.jsonl"
    assert cli.main(["quotes", str(stories), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == expected_rows()
    assert rows and all(r["rule"] in rule_names() for r in rows)
    assert all("resolution" in r for r in rows)


def test_csv_rows_carry_rule_and_resolution(stories, tmp_path):
    out = tmp_path / "quotes.csv"
    assert cli.main(["quotes", str(stories), "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        rows = list(reader)
    assert header.index("rule") == header.index("confidence") + 1
    assert header.index("resolution") == header.index("rule") + 1
    expected = expected_rows()
    assert [r["rule"] for r in rows] == [e["rule"] for e in expected]
    # No trail: an empty cell.
    assert [r["resolution"] for r in rows] == [e["resolution"] or "" for e in expected]


def test_parquet_rows_carry_rule_and_resolution(stories, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    # Small batches: a first batch whose trails are all missing must not fix the column's type.
    assert cli.main(["quotes", str(stories), "-o", str(out), "--batch-size", "1"]) == 0
    table = pq.read_table(out)
    names = table.column_names
    assert names.index("rule") == names.index("confidence") + 1
    assert table.schema.field("rule").type in (pa.string(), pa.large_string())
    assert table.schema.field("resolution").type in (pa.string(), pa.large_string())
    assert table.to_pylist() == expected_rows()


def test_the_txt_table_shows_the_rule_when_there_is_room():
    found = saidwho.quotes(ARTICLES[0])
    wide = cli._quote_table(found, width=200)
    header, *rows = wide.splitlines()
    assert header.split()[:5] == ["speaker", "cue", "type", "kind", "rule"]
    for row, q in zip(rows, found, strict=True):
        assert f"  {q.rule}  " in row
    narrow = cli._quote_table(found, width=80)
    assert narrow.splitlines()[0].split()[:5] == ["speaker", "cue", "type", "kind", "what"]


# ---------------------------------------------------------------------------------------------
# saidwho.show: the tooltip says why


def titles(markup: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'title="([^"]*)"', markup)]


def test_the_tooltip_gives_the_rule_and_what_it_does(examples):
    article = (examples / "article.txt").read_text(encoding="utf-8")
    shown = saidwho.show(article)
    descriptions = dict(saidwho.rules())
    tooltips = titles(shown.html)
    assert shown.quotes
    for q in shown.quotes:
        who = q.speaker or "speaker unknown"
        mine = [t for t in tooltips if t.startswith(f"{who} · {q.type} · confidence")]
        assert mine, q
        assert any(f"rule: {q.rule} — {descriptions[q.rule]}" in t for t in mine), mine
        if q.resolution_text:
            assert any(f"resolution: {q.resolution_text}" in t for t in mine), mine


def fake(**fields):
    values = {
        "start": 1,
        "end": 20,
        "text": "",
        "type": "direct",
        "speaker": "Keir Starmer",
        "mention": "he",
        "mention_start": 26,
        "mention_end": 28,
        "cue": "said",
        "cue_start": 29,
        "cue_end": 33,
        "confidence": 0.9,
    }
    values.update(fields)
    return values


def test_the_tooltip_gives_the_resolution_trail_escaped():
    text = "“We will fix the trains,” he said on Tuesday."
    trail = "he → Mr Starmer (pronoun_antecedent) → Keir Starmer (surname_of_full_name)"
    rule = rule_names()[0]
    as_dict = fake(rule=rule, resolution=trail)
    as_object = SimpleNamespace(**fake(rule=rule, resolution=[("he", "mention")]))
    as_object.resolution_text = trail  # a Quote carries the line here
    for quote in (as_dict, as_object):
        tooltips = titles(saidwho.show(text, quotes=[quote]).html)
        assert any(f"resolution: {trail}" in t and f"rule: {rule}" in t for t in tooltips)
    # A rule this version does not know, and markup in the trail: shown, escaped, never run.
    hostile = fake(rule="<b>new_rule</b>", resolution='<script>alert("x")</script> → Keir')
    markup = saidwho.show(text, quotes=[hostile]).html
    assert "<script" not in markup and "<b>new_rule" not in markup
    tooltip = next(t for t in titles(markup) if "rule:" in t)
    assert "rule: <b>new_rule</b>\n" in tooltip + "\n"
    assert 'resolution: <script>alert("x")</script> → Keir' in tooltip
    # Without a rule or a trail (quotations from elsewhere): no such line.
    plain = titles(saidwho.show(text, quotes=[fake()]).html)
    assert not any("rule:" in t or "resolution:" in t for t in plain)
