"""Shared fixtures: the example articles in the repository and the optional shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared data folder; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def fail_marked_jsonl_lines(monkeypatch):
    """Makes the core fail, with its private fault injection (`_fail_on`), every JSONL record
    that `saidwho clean` reads from raw lines (`clean_jsonl_lines`) and that holds `FAIL`: the
    records are the lines that are not blank."""
    import saidwho

    original = saidwho._core.clean_jsonl_lines

    def failing(lines, **kwargs):
        records = [line for line in lines if line.strip()]
        marked = [i for i, line in enumerate(records) if b"FAIL" in line]
        return original(lines, _fail_on=marked, **kwargs)

    monkeypatch.setattr(saidwho._core, "clean_jsonl_lines", failing)
