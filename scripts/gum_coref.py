#!/usr/bin/env python3
"""GUM's coreference as plain text and character spans, for the antecedent ranker.

Reads the CoNLL-U files of ../shared/data/gum/docs (see that folder's README; CC BY 4.0, credit:
Zeldes 2017, "The GUM Corpus: Creating Multilayer Resources in the Classroom", LRE 51(3)) and
writes one JSON object per document:

    {"id", "dev": bool, "text", "mentions": [[start, end, entity, etype], ...]}

`text` is the document rebuilt from its tokens (a space unless `SpaceAfter=No`, paragraphs
separated by a blank line), offsets are `str` indices into it, `entity` is GUM's entity number
(mentions sharing it are the same entity) and `etype` its type (`person`, `organization`, …).
`dev` marks GUM's dev documents (`dev-docs.txt`), kept for evaluation.

    python3 scripts/gum_coref.py OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GUM = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gum"


def entity_events(misc: str) -> list[tuple[str, str, str | None]]:
    """The bracket events of a MISC `Entity=` value, in order: ("open", id, etype), ("close",
    id, None); a one-token mention `(5-person-…)` opens and closes."""
    value = next((f[len("Entity=") :] for f in misc.split("|") if f.startswith("Entity=")), "")
    events: list[tuple[str, str, str | None]] = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1 : j].split("-")
            events.append(("open", fields[0], fields[1] if len(fields) > 1 else "abstract"))
            if j < len(value) and value[j] == ")":
                events.append(("close", fields[0], None))
                j += 1
            i = j
        elif value[i].isdigit():
            j = i
            while j < len(value) and value[j].isdigit():
                j += 1
            events.append(("close", value[i:j], None))
            i = j + 1  # past ")"
        else:
            i += 1
    return events


def read_document(path: Path, dev: set[str]) -> dict:
    text: list[str] = []
    length = 0
    mentions: list[list] = []
    stack: dict[str, list[tuple[int, str]]] = {}
    doc_id = path.stem
    first_par = True
    space_before = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if not first_par:
                text.append("\n\n")
                length += 2
            first_par = False
            space_before = False
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if space_before:
            text.append(" ")
            length += 1
        start = length
        text.append(cols[1])
        length += len(cols[1])
        for kind, ent, etype in entity_events(cols[9]):
            if kind == "open":
                stack.setdefault(ent, []).append((start, etype or "abstract"))
            elif stack.get(ent):
                s, et = stack[ent].pop()
                mentions.append([s, length, int(ent), et])
        space_before = "SpaceAfter=No" not in cols[9].split("|")
    joined = "".join(text)
    mentions.sort()
    return {"id": doc_id, "dev": doc_id in dev, "text": joined, "mentions": mentions}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not (GUM / "docs").is_dir():
        print(f"gum_coref: {GUM / 'docs'} is absent", file=sys.stderr)
        return 2
    dev = set((GUM / "dev-docs.txt").read_text().split())
    with open(argv[1], "w", encoding="utf-8") as out:
        for path in sorted((GUM / "docs").glob("*.conllu")):
            out.write(json.dumps(read_document(path, dev), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
