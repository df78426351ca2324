"""The code examples of README.md and docs/*.md, as runnable checks (see test_docs_examples.py).

A ```python block is a doctest (``>>>`` lines and the output they print). A ```sh block is a
session: ``$ command`` lines, each followed by what it prints on standard output (``...``
matches any text), run with bash in a scratch folder holding a copy of ``examples/``. Blocks
in ``text`` or without a language are not code. A block that cannot run in a test (it installs
packages, needs a cluster or data outside the repository) is preceded by
``<!-- docs-test: skip REASON -->``, and the reason is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN_LANGUAGES = {"python", "sh"}
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s*(.*?)\s*-->")
FENCE = re.compile(r"^```(\S*)\s*$")


@dataclass
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    language: str
    code: str
    skip_reason: str | None  # None: run it; "": marked without a reason (an error)

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        start = i
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        i += 1
        previous = next((lines[k] for k in range(start - 1, -1, -1) if lines[k].strip()), "")
        marker = SKIP.search(previous)
        found.append(
            Block(
                path=path,
                line=start + 1,
                language=opening.group(1),
                code="\n".join(body) + "\n",
                skip_reason=marker.group(1) if marker else None,
            )
        )
    return found


def sh_session(code: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` pairs of a ```sh block; a command may continue over
    lines ending in a backslash."""
    steps: list[tuple[str, list[str]]] = []
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + "\n" + lines[i]
            steps.append((command, []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"a sh example must start with '$ ': {line!r}")
        i += 1
    return [(command, "\n".join(out).rstrip("\n") + "\n" if out else "") for command, out in steps]
