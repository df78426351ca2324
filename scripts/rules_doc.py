#!/usr/bin/env python3
"""Rewrites the table of rule names in docs/rules.md from ``saidwho.rules()``.

The table sits between two marker comments (``RULES_START`` and ``RULES_END``); everything else
in the page is left as it is. Run it after adding, renaming or describing a rule in
``src/quotes/rules.rs`` (and rebuilding the package), then commit docs/rules.md:

    python scripts/rules_doc.py            # rewrite the table
    python scripts/rules_doc.py --check    # exit 1 if the table is out of date (CI)

``tests/test_rules_doc.py`` fails when a rule name is missing from the page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
RULES_START = "<!-- rules table: start (written by scripts/rules_doc.py; do not edit) -->"
RULES_END = "<!-- rules table: end -->"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, on one line."""
    return " ".join(text.replace("|", "\\|").split())


def table(rules: Iterable[tuple[str, str]]) -> str:
    """The Markdown table of ``(name, description)`` pairs, in the core's order."""
    lines = ["| rule | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(description)} |" for name, description in rules]
    return "\n".join(lines)


def rewrite(page: str, rules: Iterable[tuple[str, str]]) -> str:
    """``page`` with the table between the markers replaced by the table of ``rules``."""
    start = page.find(RULES_START)
    end = page.find(RULES_END)
    if start < 0 or end < start:
        raise ValueError(
            f"docs/rules.md must hold the markers {RULES_START!r} and then {RULES_END!r}"
        )
    head = page[: start + len(RULES_START)]
    return f"{head}\n{table(rules)}\n{page[end:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument("--doc", type=Path, default=DOC, help="the page (default: docs/rules.md)")
    args = parser.parse_args(argv)

    import saidwho

    page = args.doc.read_text(encoding="utf-8")
    updated = rewrite(page, saidwho.rules())
    if args.check:
        if updated != page:
            print(f"{args.doc}: the rules table is out of date: run scripts/rules_doc.py")
            return 1
        return 0
    if updated != page:
        args.doc.write_text(updated, encoding="utf-8")
        print(f"{args.doc}: rewrote the table of {len(saidwho.rules())} rules")
    else:
        print(f"{args.doc}: the table of {len(saidwho.rules())} rules is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
