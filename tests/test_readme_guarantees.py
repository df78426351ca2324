"""Every test that README.md's "Guarantees" section names as proof exists, under that name."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def guarantees_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## Guarantees\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def test_every_named_test_exists():
    section = guarantees_section()
    named = re.findall(r"`([\w/.]+\.(?:py|rs))::(\w+)`", section)
    assert len(named) >= 20, named
    for path, name in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        # pytest functions, Rust #[test] functions (also inside proptest!), at any indentation.
        pattern = rf"^\s*(?:def|fn) {name}\("
        assert re.search(pattern, source, re.MULTILINE), f"{path}::{name} is not a test there"
        if path.endswith(".py"):
            assert name.startswith("test_"), f"{path}::{name} is not collected by pytest"


def test_every_named_file_exists():
    for path in re.findall(
        r"`((?:fuzz|benches|tests|src)/[\w/.]+\.(?:py|rs))`", guarantees_section()
    ):
        assert (ROOT / path).is_file(), path
