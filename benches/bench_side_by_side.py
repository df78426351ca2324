#!/usr/bin/env python3
"""Two builds of saidwho, side by side in one run: `saidwho.quotes` speed on one thread.

    python3 benches/bench_side_by_side.py BEFORE_PYTHON AFTER_PYTHON \
        [--rounds 7] [--split dev] [--repeat 5]

Each PYTHON is the interpreter of a virtualenv with one build of saidwho installed (for example
the last release and the working tree). The rounds alternate the two (before, after, before, …)
so that a busy machine slows both alike; each round runs `saidwho.quotes(text)` with the
defaults (cleaning and reported speech on) once over every article of
``../shared/data/polnear/{split}.jsonl`` (first annotation of each) in a fresh process: one
untimed warm-up pass, then `--repeat` timed passes. Prints MB/s per round, the median of each
side and after/before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

ROUND = r"""
import json, sys, time
import saidwho
texts, seen = [], set()
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    key = rec.get("article") or rec.get("id")
    if key not in seen:
        seen.add(key)
        texts.append(rec["text"])
size = sum(len(t.encode("utf-8")) for t in texts)
for t in texts:
    saidwho.quotes(t)
repeat = int(sys.argv[2])
start = time.perf_counter()
for _ in range(repeat):
    for t in texts:
        saidwho.quotes(t)
print(json.dumps({"mb_per_s": repeat * size / 1e6 / (time.perf_counter() - start)}))
"""


def one_round(python: str, corpus: Path, repeat: int) -> float:
    out = subprocess.run(
        [python, "-c", ROUND, str(corpus), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env={"SAIDWHO_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["mb_per_s"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", help="python of the virtualenv with the old build")
    ap.add_argument("after", help="python of the virtualenv with the new build")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over the split a round")
    args = ap.parse_args()
    corpus = SHARED / "data" / "polnear" / f"{args.split}.jsonl"
    if not corpus.exists():
        print(f"bench_side_by_side: {corpus} is absent", file=sys.stderr)
        return 2
    runs: dict[str, list[float]] = {"before": [], "after": []}
    for k in range(args.rounds):
        for side in ("before", "after") if k % 2 == 0 else ("after", "before"):
            runs[side].append(one_round(getattr(args, side), corpus, args.repeat))
            print(f"round {k + 1} {side:6} {runs[side][-1]:7.2f} MB/s", flush=True)
    before, after = (statistics.median(runs[s]) for s in ("before", "after"))
    ratio = after / before
    print(f"median: before {before:.2f} MB/s, after {after:.2f} MB/s, after/before {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
