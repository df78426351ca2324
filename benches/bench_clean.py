#!/usr/bin/env python3
"""Cleaning throughput: saidwho against ftfy and plsfix, in the same run, on the same corpus.

    python3 benches/bench_clean.py [--split dev] [--repeat 3] [--write-readme]

The corpus is built from ``../shared/data/polnear/{split}.jsonl``: every article's clean text,
plus the same text damaged in every mode of ``../shared/eval/damage.py`` (c1-stripped, latin1,
cp1252, cp1252-twice, cp1252-nbsp, html, macroman). Each fixer runs on one thread, one document
per call, as a user would call it in a loop or a pandas ``apply``; then ``saidwho.clean_many``
runs the same documents on all cores. Throughput is MB of UTF-8 input per second (best of
``--repeat``); peak memory is the growth of the process's peak RSS while the fixer runs, measured
in a fresh subprocess per fixer. ftfy and plsfix are optional (``pip install 'saidwho[bench]'``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
MODES = ["c1-stripped", "latin1", "cp1252", "cp1252-twice", "cp1252-nbsp", "html", "macroman"]
MARK_BEGIN = "<!-- bench_clean:begin -->"
MARK_END = "<!-- bench_clean:end -->"


def load_damage():
    spec = importlib.util.spec_from_file_location("damage", SHARED / "eval" / "damage.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load ../shared/eval/damage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(split: str) -> list[dict]:
    """The PolNeAR records of ``split``, the first annotation of each article (as the scorers
    read them)."""
    path = SHARED / "data" / "polnear" / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmarks need ../shared")
    seen: set[str] = set()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["article"] not in seen:
                seen.add(record["article"])
                out.append(record)
    return out


def build_corpus(split: str) -> list[str]:
    damage = load_damage()
    clean = [record["text"] for record in articles(split)]
    corpus = list(clean)
    for mode in MODES:
        corpus.extend(damage.damage(text, mode) for text in clean)
    return corpus


def fixer(name: str):
    if name == "saidwho":
        import saidwho

        return saidwho.clean
    if name == "saidwho.fix_text":
        import saidwho

        return saidwho.fix_text
    if name == "ftfy":
        import ftfy

        return ftfy.fix_text
    if name == "plsfix":
        import plsfix

        return plsfix.fix_text
    if name == "saidwho.clean_many":
        import saidwho

        return lambda docs: saidwho.clean_many(docs)
    raise SystemExit(f"unknown fixer {name}")


def measure(name: str, split: str, repeat: int) -> dict:
    """Runs in a subprocess: times one fixer over the corpus and reports peak RSS growth."""
    corpus = build_corpus(split)
    total_bytes = sum(len(t.encode("utf-8")) for t in corpus)
    fn = fixer(name)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        if name == "saidwho.clean_many":
            fn(corpus)
        else:
            for text in corpus:
                fn(text)
        best = min(best, time.perf_counter() - start)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "fixer": name,
        "docs": len(corpus),
        "mb": total_bytes / 1e6,
        "seconds": best,
        "mb_per_s": total_bytes / 1e6 / best,
        "peak_rss_growth_mb": (rss_after - rss_before) / 1024,
    }


def run_in_subprocess(name: str, split: str, repeat: int) -> dict | None:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", name, "--split", split, "--repeat", str(repeat)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        print(f"{name}: skipped ({proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(proc.stdout)


def table(results: list[dict], threads: int) -> str:
    base = {r["fixer"]: r for r in results}
    ftfy = base.get("ftfy")
    plsfix = base.get("plsfix")
    lines = [
        f"Corpus: {results[0]['docs']} documents, {results[0]['mb']:.1f} MB "
        f"(PolNeAR articles, clean + {len(MODES)} damage modes). Machine: {threads} cores.",
        "",
        "| fixer | MB/s | × ftfy | × plsfix | peak RSS growth (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in results:
        vs_ftfy = f"{r['mb_per_s'] / ftfy['mb_per_s']:.0f}×" if ftfy else "–"
        vs_pls = f"{r['mb_per_s'] / plsfix['mb_per_s']:.1f}×" if plsfix else "–"
        lines.append(
            f"| {r['fixer']} | {r['mb_per_s']:.1f} | {vs_ftfy} | {vs_pls} | "
            f"{r['peak_rss_growth_mb']:.1f} |"
        )
    return "\n".join(lines)


def write_readme(text: str, begin: str = MARK_BEGIN, end: str = MARK_END) -> None:
    """Puts ``text`` between the two markers of benches/README.md (appended if absent)."""
    readme = HERE / "README.md"
    content = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"{begin}\n{text}\n{end}"
    if begin in content and end in content:
        head, _, rest = content.partition(begin)
        _, _, tail = rest.partition(end)
        content = head + block + tail
    else:
        content += "\n" + block + "\n"
    readme.write_text(content, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument(
        "--fixers",
        default="saidwho,saidwho.fix_text,ftfy,plsfix,saidwho.clean_many",
        help="comma-separated list",
    )
    a = ap.parse_args()
    if a.child:
        print(json.dumps(measure(a.child, a.split, a.repeat)))
        return 0
    results = []
    for name in a.fixers.split(","):
        # ftfy is slow: one pass is enough for a stable figure.
        repeat = 1 if name in ("ftfy", "plsfix") else a.repeat
        r = run_in_subprocess(name, a.split, repeat)
        if r:
            print(f"{name}: {r['mb_per_s']:.1f} MB/s", file=sys.stderr)
            results.append(r)
    if not results:
        return 1
    text = table(results, os.cpu_count() or 1)
    print(text)
    if a.write_readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
