#!/usr/bin/env python3
"""Repair accuracy on PolNeAR, scored by the shared scorer, for saidwho (and ftfy if installed).

    python3 benches/eval_clean.py [--split dev] [--modes c1-stripped,cp1252,...] [--ftfy]

For each damage mode of ``../shared/eval/damage.py``, damages every article of the split, repairs
it, and runs ``../shared/eval/score_clean.py`` on the result (lines exact, dash-lenient, CER,
documents exact). ftfy runs with ``uncurl_quotes=False`` as in the scorer's reference figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_clean import MODES, SHARED, articles, load_damage, write_readme


def score(gold: Path, pred_rows: list[dict], tmp: Path) -> dict:
    pred = tmp / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for row in pred_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_clean.py"), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--ftfy", action="store_true", help="also score ftfy 6.3.1")
    ap.add_argument("--write-readme", action="store_true")
    a = ap.parse_args()
    import saidwho

    fixers = {"saidwho": saidwho.clean}
    if a.ftfy:
        import ftfy

        fixers["ftfy"] = lambda t: ftfy.fix_text(t, uncurl_quotes=False)
    damage = load_damage()
    docs = [{"id": r["id"], "text": r["text"]} for r in articles(a.split)]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        gold = tmp / "gold.jsonl"
        with gold.open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        lines = [
            "| mode | fixer | lines exact | dash-lenient | CER | docs exact |",
            "|---|---|---:|---:|---:|---:|",
        ]
        print("\n".join(lines))
        for mode in a.modes.split(","):
            damaged = [damage.damage(doc["text"], mode) for doc in docs]
            for name, fix in fixers.items():
                pairs = zip(docs, damaged, strict=True)
                rows = [{"id": doc["id"], "text": fix(t)} for doc, t in pairs]
                s = score(gold, rows, tmp)
                lines.append(
                    f"| {mode} | {name} | {s['lines_exact']:.5f} | {s['lines_exact_dash']:.5f} "
                    f"| {s['char_error_rate']:.5f} | {s['docs_exact']:.3f} |"
                )
                print(lines[-1], flush=True)
    if a.write_readme:
        write_readme("\n".join(lines), "<!-- eval_clean:begin -->", "<!-- eval_clean:end -->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
