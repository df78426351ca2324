"""The kind of each row (issue 14): speech, or a reported thought, intention, evidence, refusal or
reaction; the summaries count statements (kind ``speech``) by default."""

from __future__ import annotations

import csv
import json
import pickle
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")

import saidwho  # noqa: E402
from saidwho import _counting  # noqa: E402
from saidwho.pandas import quotes_frame  # noqa: E402

KINDS = ["speech", "thought", "intention", "evidence", "refusal", "reaction"]

# One fictional sentence a kind, each giving one reported row.
SENTENCES = {
    "The mayor said the bridge would reopen.": "speech",
    "Analysts believe the merger will collapse.": "thought",
    "The union is seeking to overturn the ban.": "intention",
    "Polls show the senator is trailing.": "evidence",
    "Police declined to comment on the arrest.": "refusal",
    "Fans cheered the team.": "reaction",
}

ARTICLE = (
    "Helena Marsh, the mayor, spoke on Monday.\n\n"
    "“We will not give up,” Ms Marsh said.\n\n"
    "Ms Marsh said the bridge would reopen in May.\n\n"
    "Ms Marsh believes that the merger will collapse.\n\n"
    "The spokesman would not say whether the talks had failed.\n\n"
    "Police declined to comment on the arrest.\n\n"
    "Fans cheered the team."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "saidwho.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.mark.parametrize(("sentence", "kind"), SENTENCES.items())
def test_each_sentence_gives_a_row_of_its_kind(sentence, kind):
    found = saidwho.quotes(sentence)
    assert found, sentence
    assert {q.kind for q in found} == {kind}


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The spokesman would not say whether the talks failed.", "whether the talks failed"),
        ("Police declined to comment on the arrest.", "to comment on the arrest"),
        ("Fans cheered the team.", "the team"),
    ],
)
def test_the_issues_examples_are_kept_but_not_statements(sentence, content):
    found = saidwho.quotes(sentence)
    assert [q.text for q in found] == [content]
    assert found[0].type == "indirect"
    assert found[0].kind != "speech"
    assert saidwho.speakers(found).empty
    assert len(saidwho.speakers(found, kinds=None)) == 1


def test_quotations_are_speech():
    found = saidwho.quotes(ARTICLE)
    direct = [q for q in found if q.type == "direct"]
    assert direct and all(q.kind == "speech" for q in direct)
    assert {q.kind for q in found} == {"speech", "thought", "refusal", "reaction"}


def test_kind_is_in_to_dict_after_type_and_in_the_repr():
    q = saidwho.quotes("Fans cheered the team.")[0]
    d = q.to_dict()
    keys = list(d)
    assert keys.index("kind") == keys.index("type") + 1
    assert d["kind"] == "reaction"
    assert 'kind="reaction"' in repr(q)


def test_kind_survives_pickling_and_takes_part_in_equality():
    found = saidwho.quotes(ARTICLE)
    back = pickle.loads(pickle.dumps(found))
    assert back == found
    assert [q.kind for q in back] == [q.kind for q in found]
    assert {hash(q) for q in back} == {hash(q) for q in found}
    state = found[-1].__reduce__()[1][0]
    assert state["kind"] == "reaction"
    state["kind"] = "speech"
    changed = found[-1].__reduce__()[0](state)
    assert changed.kind == "speech" and changed != found[-1]


def test_frames_have_a_kind_column_after_type():
    texts = list(SENTENCES)
    frame = quotes_frame(texts)
    columns = list(frame.columns)
    assert columns.index("kind") == columns.index("type") + 1
    assert isinstance(frame.dtypes["kind"], pd.StringDtype)
    assert list(frame["kind"]) == [k for s in texts for k in (q.kind for q in saidwho.quotes(s))]
    series = pd.Series(texts).saidwho.quotes()
    assert list(series["kind"]) == list(frame["kind"])


def test_speakers_counts_statements_by_default():
    found = saidwho.quotes(ARTICLE)
    table = saidwho.speakers(found)
    assert list(table["speaker"]) == ["Helena Marsh"]
    assert (table["quotations"].sum(), table["reported"].sum()) == (1, 1)
    every = saidwho.speakers(found, kinds=None)
    assert every["reported"].sum() == sum(q.type == "indirect" for q in found)
    assert set(every["speaker"].dropna()) >= {"Helena Marsh", "Police", "Fans"}
    thoughts = saidwho.speakers(found, kinds="thought")
    assert list(thoughts["speaker"]) == ["Helena Marsh"]
    assert thoughts["reported"].sum() == 1
    both = saidwho.speakers(found, kinds=("speech", "thought"))
    assert both.loc[0, "reported"] == 2


def test_speakers_of_a_frame_and_of_a_frame_without_kinds():
    frame = quotes_frame([ARTICLE, "Fans cheered the team."])
    assert saidwho.speakers(frame)["reported"].sum() == 1
    assert saidwho.speakers(frame, by_doc=True)["reported"].sum() == 1
    # A frame written before kinds existed is counted whole.
    old = frame.drop(columns="kind")
    assert saidwho.speakers(old)["reported"].sum() == (frame["type"] == "indirect").sum()


@pytest.mark.parametrize("kinds", ["said", ("speech", "statement"), ["Speech"]])
def test_a_bad_kind_is_named_with_the_valid_ones(kinds):
    bad = [kinds] if isinstance(kinds, str) else [k for k in kinds if k not in KINDS]
    with pytest.raises(ValueError, match=repr(bad[0])) as info:
        saidwho.speakers(saidwho.quotes(ARTICLE), kinds=kinds)
    assert ", ".join(KINDS) in str(info.value)
    with pytest.raises(ValueError, match=repr(bad[0])):
        saidwho.show(ARTICLE, kinds=kinds)


def test_core_counts_take_kinds():
    rows, _ = saidwho._core.quote_rows([ARTICLE])
    assert rows.counts() == rows.counts(None) == (1, 5)
    assert rows.counts(["speech"]) == (1, 1)
    assert rows.counts(["refusal", "reaction"]) == (0, 3)
    with pytest.raises(ValueError, match='"talk".*speech, thought'):
        rows.counts(["talk"])


def test_the_counting_module_agrees():
    spans = [_counting.Span(q.start, q.end, q.type, q.kind) for q in saidwho.quotes(ARTICLE)]
    assert _counting.count(spans)[:2] == (1, 1)
    assert _counting.count(spans).other_kinds == 4
    assert _counting.count(spans, None)[:2] == (1, 5)
    assert _counting.check_kinds(None) is None
    assert _counting.check_kinds("speech") == {"speech"}


def test_show_counts_statements_and_shades_the_others_lighter():
    shown = saidwho.show(ARTICLE)
    assert repr(shown) == "Highlighted(1 quotation, 1 reported statement, 1 speaker)"
    assert shown.speakers == [("Helena Marsh", 2)]
    assert "refusal" in shown.html and "(not counted)" in shown.html
    assert "kind: reaction (not counted)" in shown.html
    every = saidwho.show(ARTICLE, kinds=None)
    assert every.counts[:2] == (1, 5)
    assert "(not counted)" not in every.html
    assert "kind: reaction" in every.html


def test_cli_summary_counts_statements_unless_told(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    default = run("quotes", str(article))
    assert default.returncode == 0, default.stderr
    assert "1 quotation and 1 reported statement in 1 document" in default.stderr
    assert "4 rows of other kinds not counted" in default.stderr
    header = default.stdout.splitlines()[0].split()
    assert header[:4] == ["speaker", "cue", "type", "kind"]
    assert "reaction" in default.stdout and "refusal" in default.stdout
    every = run("quotes", str(article), "--kinds", "all")
    assert "1 quotation and 5 reported statements in 1 document" in every.stderr
    assert "not counted" not in every.stderr
    some = run("quotes", str(article), "--kinds", "refusal,reaction")
    assert "0 quotations and 3 reported statements" in some.stderr
    bad = run("quotes", str(article), "--kinds", "speech,chat")
    assert bad.returncode == 2
    assert "'chat'" in bad.stderr and "speech, thought, intention" in bad.stderr


def test_cli_batch_summary_and_rows(tmp_path):
    source = tmp_path / "docs.jsonl"
    docs = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": "Fans cheered the team."}]
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "quotes.jsonl"
    result = run("quotes", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote 7 rows: 1 quotation and 1 reported statement" in result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    keys = list(rows[0])
    assert keys.index("kind") == keys.index("type") + 1
    assert [r["kind"] for r in rows if r["id"] == "b"] == ["reaction"]
    every = run("quotes", str(source), "-o", str(out), "--kinds", "all")
    assert "1 quotation and 6 reported statements" in every.stderr


def test_csv_and_parquet_rows_have_the_kind(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    expected = [q.kind for q in saidwho.quotes(ARTICLE)]
    out = tmp_path / "quotes.csv"
    assert run("quotes", str(source), "-o", str(out)).returncode == 0
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames is not None
        assert reader.fieldnames.index("kind") == reader.fieldnames.index("type") + 1
        assert [r["kind"] for r in reader] == expected
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    assert run("quotes", str(source), "-o", str(out)).returncode == 0
    table = pq.read_table(out)
    names = table.column_names
    assert names.index("kind") == names.index("type") + 1
    assert table.column("kind").to_pylist() == expected


def test_plot_speakers_draws_statements_unless_told():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    found = saidwho.quotes(ARTICLE)
    labels = [t.get_text() for t in saidwho.plot_speakers(found).get_yticklabels()]
    assert labels == ["Helena Marsh"]
    every = saidwho.plot_speakers(found, kinds=None).get_yticklabels()
    assert {"Helena Marsh", "Police", "Fans"} <= {t.get_text() for t in every}
