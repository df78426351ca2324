#!/usr/bin/env python3
"""Quotation accuracy through the Python API, scored by the shared scorers.

    python3 benches/eval_quotes.py [--split dev] [--out DIR]

Runs ``saidwho.quotes`` (cleaning on, as a user calls it) on the damaged seed article and on
every article of ``../shared/data/polnear/{split}.jsonl``, writes the predictions as JSONL, and
prints the output of ``../shared/eval/score_seed.py`` and ``score_quotes.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_clean import SHARED, articles

import saidwho


def row(doc_id: str | None, q: saidwho.Quote) -> dict:
    r = q.to_dict()
    if doc_id is not None:
        r["id"] = doc_id
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", help="folder for the prediction files (default: a temporary one)")
    a = ap.parse_args()
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="saidwho-quotes-"))
    out.mkdir(parents=True, exist_ok=True)

    seed_text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    seed_pred = out / "seed.jsonl"
    with seed_pred.open("w", encoding="utf-8") as fh:
        for q in saidwho.quotes(seed_text):
            fh.write(json.dumps(row(None, q), ensure_ascii=False) + "\n")
    print("== seed (damaged article.txt)")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(SHARED / "eval" / "score_seed.py"), str(seed_pred)])

    gold = SHARED / "data" / "polnear" / f"{a.split}.jsonl"
    records = articles(a.split)  # the first annotation of each article, as the scorer reads
    found = saidwho.quotes_many([r["text"] for r in records])
    pred = out / f"{a.split}.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for r, quotes in zip(records, found, strict=True):
            for q in quotes:
                fh.write(json.dumps(row(r["id"], q), ensure_ascii=False) + "\n")
    print(f"== PolNeAR {a.split}")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(SHARED / "eval" / "score_quotes.py"), str(gold), str(pred)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
