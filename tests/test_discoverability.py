"""Item 8 of issue 15: what a new user reaches for works. The pandas accessor after
``import saidwho; import pandas``, whole quotations when the table goes to a file or pipe,
a ``people`` command and a way to write the highlighted HTML view from the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

import saidwho
from saidwho import cli

# Fictional court report with one long quotation (longer than any terminal line).
ARTICLE = (
    "Judge rejects bid to halt harbour demolition\n\n"
    "“The applicants have had every opportunity over eighteen months to bring this challenge, "
    "and the court cannot now stop work that is already under way at public expense,” said "
    "Judge Helen Marsh, sitting at Bristol Crown Court on Tuesday.\n\n"
    "Campaigner Olu Adebayo said the group would appeal. Mr Adebayo said the harbour wall "
    "was “part of who we are”."
)


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )


def test_accessor_registers_when_pandas_is_imported_after_saidwho():
    pytest.importorskip("pandas")
    result = python(
        "import saidwho\n"
        "import pandas as pd\n"
        "s = pd.Series(['Caf&eacute; owners said the plan was “a slow death”.'], dtype='str')\n"
        "print(s.saidwho.clean()[0])\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == saidwho.clean(
        "Caf&eacute; owners said the plan was “a slow death”."
    )


def test_import_saidwho_alone_still_does_not_import_pandas():
    result = python("import sys, saidwho; print('pandas' in sys.modules)")
    assert result.stdout.strip() == "False", result.stderr


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "court.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_quotations_are_whole_when_the_table_is_not_on_a_terminal(article):
    result = subprocess.run(
        [sys.executable, "-m", "saidwho.cli", "quotes", str(article)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    longest = max(saidwho.quotes(ARTICLE), key=lambda q: len(q.text))
    assert len(longest.text) > 120
    assert " ".join(longest.text.split()) in result.stdout
    assert "…" not in result.stdout


def test_width_cuts_quotations_to_fit_when_asked(article, capsys):
    assert cli.main(["quotes", str(article), "--width", "100"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert any(line.endswith("…”") for line in lines)


def test_people_command_lists_each_person_with_their_names(article, capsys):
    assert cli.main(["people", str(article)]) == 0
    captured = capsys.readouterr()
    people = saidwho.people(ARTICLE)
    assert people
    lines = captured.out.splitlines()
    assert len(lines) == len(people)
    for line, person in zip(lines, people, strict=True):
        assert line.startswith(person.name)
        for alias in person.aliases:
            assert alias in line
    assert f"{len(people)} people" in captured.err


def test_quotes_html_writes_the_highlighted_view(article, tmp_path, capsys):
    page = tmp_path / "court.html"
    assert cli.main(["quotes", str(article), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html == _page_of(saidwho.show(ARTICLE, title="court.txt"), tmp_path)
    assert "Helen Marsh" in html
    assert str(page) in capsys.readouterr().err


def _page_of(shown: saidwho.Highlighted, folder) -> str:
    return shown.save(folder / "expected.html").read_text(encoding="utf-8")


def test_pandas_loaded_by_pyarrow_after_saidwho_does_not_hang():
    pytest.importorskip("pyarrow")
    code = (
        "import saidwho, pyarrow as pa\n"
        "print(pa.array(['Caf&eacute;']).to_pandas().saidwho.clean()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Café"
