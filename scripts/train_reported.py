#!/usr/bin/env python3
"""Learn which words head the cue of reported speech, from PolNeAR train.

    python3 scripts/train_reported.py [../shared/data/polnear/train.jsonl]

For every word form, the share of its occurrences in the articles that head an annotated cue
(`said`, `told`, `warned`, `believes`, `expects` ...). Writes `src/quotes/reported_cues.tsv`
(form, share) for every form that heads a cue at least
MIN_COUNT times, however rarely (a low share is knowledge too: `states` is mostly a noun), which
the Rust core embeds: the rules of `reported.rs` decide where the source
and the content are, the table only says how likely a word is to report speech or thought.
Deterministic; reads only the train split (the first annotation of each article).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = ROOT / "src" / "quotes" / "reported_cues.tsv"
WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
# Words that stand in a cue span before its head: `has said`, `also told`, `is expected`.
AUXILIARY = {
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "also", "will", "would",
    "did", "does", "do", "not", "never", "later", "then", "again", "repeatedly", "publicly",
    "privately", "previously", "often", "has", "could", "can", "may", "might", "should", "just",
    "still", "even", "first", "reportedly", "recently", "once", "already", "always",
}
MIN_COUNT = 3


def outside_quotes(rec: dict) -> str:
    """The article without its quoted segments: a first-person `say` inside a quotation is no
    evidence about the cues of the writer's own sentences, which is where the rules look."""
    text = rec["text"]
    cuts = sorted((s["start"], s["end"]) for q in rec.get("quotes", []) for s in q["segments"])
    parts, at = [], 0
    for start, end in cuts:
        if start > at:
            parts.append(text[at:start])
        at = max(at, end)
    parts.append(text[at:])
    return " ".join(parts)


def head(cue_text: str) -> str | None:
    words = [w.lower() for w in WORD.findall(cue_text)]
    rest = [w for w in words if w not in AUXILIARY]
    return rest[0] if rest else None


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    heads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["article"] in seen:
                continue
            seen.add(rec["article"])
            total.update(w.lower() for w in WORD.findall(outside_quotes(rec)))
            for a in rec["attributions"]:
                if a.get("cue") and a.get("content"):
                    h = head(a["cue"]["text"])
                    if h:
                        heads[h] += 1
    rows = []
    for form, n in heads.items():
        share = n / total[form] if total[form] else 0.0
        # Adverbs (`publicly`), contractions and stubs (`’ve`) go with the verb they stand by.
        verb_like = len(form) > 2 and not form.endswith("ly") and "'" not in form
        verb_like = verb_like and "\u2019" not in form and form not in ("according", "to")
        if n >= MIN_COUNT and verb_like:
            rows.append((form, min(share, 1.0)))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# form\tshare of its occurrences heading a cue (scripts/train_reported.py)\n")
        for form, share in rows:
            fh.write(f"{form}\t{share:.2f}\n")
    print(f"{len(rows)} cue forms written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
