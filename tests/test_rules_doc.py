"""docs/rules.md documents every rule of ``saidwho.rules()``, and scripts/rules_doc.py keeps its
table in step with the core."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import saidwho

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "rules.md"
SCRIPT = ROOT / "scripts" / "rules_doc.py"


@pytest.fixture(scope="module")
def rules_doc():
    spec = importlib.util.spec_from_file_location("rules_doc", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_rule_is_documented():
    page = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z][a-z0-9_]*)`", page))
    missing = [name for name, _ in saidwho.rules() if name not in documented]
    assert not missing, (
        f"docs/rules.md does not document the rule(s) {', '.join(missing)}: "
        "rebuild the package and run `python scripts/rules_doc.py` to rewrite its table"
    )


def test_the_page_has_the_markers_and_the_links_placeholder(rules_doc):
    page = DOC.read_text(encoding="utf-8")
    assert page.count(rules_doc.RULES_START) == 1
    assert page.count(rules_doc.RULES_END) == 1
    assert page.index(rules_doc.RULES_START) < page.index(rules_doc.RULES_END)
    assert "<!-- resolution links: start" in page and "<!-- resolution links: end -->" in page


def test_the_script_rewrites_only_the_table(rules_doc):
    rules = [("after_quote_said", "A verb | of saying\nafter the quote."), ("other", "Other.")]
    start, end = rules_doc.RULES_START, rules_doc.RULES_END
    page = f"# Rules\n\nBefore.\n\n{start}\n| stale |\n{end}\n\nAfter.\n"
    rewritten = rules_doc.rewrite(page, rules)
    assert rewritten.startswith(f"# Rules\n\nBefore.\n\n{rules_doc.RULES_START}\n")
    assert rewritten.endswith(f"{rules_doc.RULES_END}\n\nAfter.\n")
    assert "| stale |" not in rewritten
    assert "| `after_quote_said` | A verb \\| of saying after the quote. |" in rewritten
    assert "| `other` | Other. |" in rewritten
    assert rules_doc.rewrite(rewritten, rules) == rewritten  # idempotent
    with pytest.raises(ValueError, match="markers"):
        rules_doc.rewrite("# Rules\n", rules)


def test_the_committed_table_is_current(rules_doc, tmp_path):
    page = DOC.read_text(encoding="utf-8")
    assert rules_doc.rewrite(page, saidwho.rules()) == page, (
        "docs/rules.md's table of rules is out of date: run `python scripts/rules_doc.py`"
    )
    copy = tmp_path / "rules.md"
    copy.write_text(page, encoding="utf-8")
    assert rules_doc.main(["--check", "--doc", str(copy)]) == 0
