"""Throughput of the batch paths users run on big collections, against the engine, same run.

    python benches/bench_batch_paths.py                  # about 40 MB of PolNeAR train texts
    python benches/bench_batch_paths.py --mb 10 --rounds 2

The texts are the articles of ``../shared/data/polnear/train.jsonl`` (repeated up to ``--mb``
MB of UTF-8), or, without ``../shared``, the bundled ``examples/`` articles; with ``--damaged``,
the records of ``bench_stream_memory.py`` (a third of them mojibake, a third HTML entities),
since PolNeAR is clean text, on which cleaning has almost nothing to do. Each path runs on
the same texts, all cores, best of ``--rounds``:

- the engine: ``saidwho.quotes_many(texts)`` and ``saidwho.clean_many(texts)``;
- the command line, in this process (``saidwho.cli.main``) on a JSONL file of ``{"id", "text"}``
  records written once to ``--dir``: ``saidwho quotes`` and ``saidwho clean``, each to Parquet
  and to JSONL;
- the frames: ``saidwho.quotes_frame(texts)``, ``Series.saidwho.quotes()`` and
  ``Series.saidwho.clean()`` on an object Series.

MB/s is MB of input text (UTF-8) per second of wall time; the ratio is to ``quotes_many`` for
the quotation paths and to ``clean_many`` for the cleaning ones. The table is Markdown, for
``benches/README.md``.

Beside the cleaning paths (``saidwho clean`` reads, cleans and writes JSONL records in the core
since issue 16; ``saidwho.io.core_records = False`` gives the Python reader and writer it
replaced, measured as "Python path"), the floor any such process stands on, same run:

- ``saidwho clean`` as a process, on the JSONL file and on an empty one (startup and imports,
  given as the MB/s it would allow if nothing else took time);
- ``cp in.jsonl out.jsonl`` and, in this process, reading the file's bytes and writing them;
- pyarrow writing the records (texts converted from a list) to Parquet.

``--clean-only`` leaves out the quotation paths (minutes on a busy machine).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def base_texts() -> tuple[list[str], str]:
    """The corpus and its name: PolNeAR train (one text per article), else the examples."""
    if POLNEAR.exists():
        seen: dict[str, str] = {}
        for line in POLNEAR.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                seen.setdefault(record.get("article") or record["id"], record["text"])
        return list(seen.values()), "PolNeAR train"
    texts = [
        json.loads(line).get("text") or ""
        for line in (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts.append((ROOT / "examples" / "article.txt").read_text("utf-8"))
    return [t for t in texts if t], "the bundled examples (../shared is absent)"


def damaged_texts() -> tuple[list[str], str]:
    """The records of ``bench_stream_memory.py``'s stream: the examples varied, a third with
    Windows-1252 mojibake and a third with HTML entities, so that cleaning has work to do."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_stream_memory as stream

    rng = random.Random(16)
    bases = stream.articles()
    cache: dict[tuple[str, int], str] = {}
    texts = [stream.variant(bases[i % len(bases)], rng, i, cache) for i in range(600)]
    return texts, "the damaged stream of bench_stream_memory.py"


def corpus(mb: float, damaged: bool = False) -> tuple[list[str], str]:
    base, name = damaged_texts() if damaged else base_texts()
    texts: list[str] = []
    size = 0
    while size < mb * 2**20:
        for text in base:
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= mb * 2**20:
                break
    return texts, name


def best_of(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cli(*argv: str) -> None:
    import saidwho.cli

    # The counts the command prints go to standard error: kept out of the table.
    with contextlib.redirect_stderr(io.StringIO()):
        status = saidwho.cli.main([*argv, "--no-progress"])
    if status != 0:
        sys.exit(f"saidwho {' '.join(argv)} failed ({status})")


def process(*argv: str) -> None:
    """``argv`` as a process of its own (startup, imports and all)."""
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def saidwho_process(*argv: str) -> None:
    process(sys.executable, "-m", "saidwho.cli", *argv, "--no-progress")


def copy_bytes(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())


def write_parquet(texts: list[str], target: Path) -> None:
    """The ``{"id", "text"}`` records as a Parquet file, from a table already in memory but
    for the conversion of the texts: what any Parquet output of them costs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": pa.array(range(len(texts))), "text": pa.array(texts)})
    pq.write_table(table, target)


def python_path(run: Callable[[], object]) -> Callable[[], object]:
    """``run`` with the Python JSONL reader and writer (``saidwho.io.core_records = False``)."""

    def wrapped() -> object:
        import saidwho.io

        saidwho.io.core_records = False
        try:
            return run()
        finally:
            saidwho.io.core_records = True

    return wrapped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=40, help="MB of text (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many (default 3)")
    parser.add_argument("--dir", default=None, help="where the JSONL input and outputs go")
    parser.add_argument(
        "--damaged",
        action="store_true",
        help="the damaged records of bench_stream_memory.py instead of PolNeAR (clean text)",
    )
    parser.add_argument(
        "--clean-only", action="store_true", help="only the cleaning paths and the floor"
    )
    args = parser.parse_args()

    import pandas as pd

    import saidwho

    texts, name = corpus(args.mb, args.damaged)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 2**20
    print(
        f"saidwho {saidwho.__version__}, {saidwho.thread_count()} threads; {name}: "
        f"{len(texts):,} texts, {mb:.1f} MB",
        file=sys.stderr,
    )
    workdir = Path(args.dir or tempfile.mkdtemp(prefix="saidwho_bench_"))
    source = workdir / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    series = pd.Series(texts, dtype=object)
    empty = workdir / "empty.jsonl"
    empty.write_bytes(b"")
    file_mb = source.stat().st_size / 2**20
    print(f"  the JSONL file: {file_mb:.1f} MB", file=sys.stderr)

    def out(name: str) -> str:
        return str(workdir / name)

    paths: list[tuple[str, str, Callable[[], object]]] = [
        ("`saidwho.quotes_many(texts)`", "quotes", lambda: saidwho.quotes_many(texts)),
        ("`saidwho quotes in.jsonl -o out.parquet`", "quotes",
         lambda: cli("quotes", str(source), "-o", out("q.parquet"))),
        ("`saidwho quotes in.jsonl -o out.jsonl`", "quotes",
         lambda: cli("quotes", str(source), "-o", out("q.jsonl"))),
        ("`saidwho.quotes_frame(texts)`", "quotes", lambda: saidwho.quotes_frame(texts)),
        ("`Series.saidwho.quotes()`", "quotes", lambda: series.saidwho.quotes()),
        ("`saidwho.clean_many(texts)`", "clean", lambda: saidwho.clean_many(texts)),
        ("`saidwho clean in.jsonl -o out.parquet`", "clean",
         lambda: cli("clean", str(source), "-o", out("c.parquet"))),
        ("`saidwho clean in.jsonl -o out.jsonl`", "clean",
         lambda: cli("clean", str(source), "-o", out("c.jsonl"))),
        ("`saidwho clean in.jsonl -o out.parquet`, Python path", "clean",
         python_path(lambda: cli("clean", str(source), "-o", out("c.parquet")))),
        ("`saidwho clean in.jsonl -o out.jsonl`, Python path", "clean",
         python_path(lambda: cli("clean", str(source), "-o", out("c.jsonl")))),
        ("`Series.saidwho.clean()`", "clean", lambda: series.saidwho.clean()),
        ("floor: `saidwho clean in.jsonl -o out.jsonl`, a process", "clean",
         lambda: saidwho_process("clean", str(source), "-o", out("p.jsonl"))),
        ("floor: `saidwho clean empty.jsonl -o out.jsonl`, a process", "clean",
         lambda: saidwho_process("clean", str(empty), "-o", out("e.jsonl"))),
        ("floor: `cp in.jsonl out.jsonl`", "clean",
         lambda: process(shutil.which("cp") or "cp", str(source), out("cp.jsonl"))),
        ("floor: read the file's bytes and write them (Python)", "clean",
         lambda: copy_bytes(source, Path(out("copy.jsonl")))),
        ("floor: pyarrow writes the records, in memory, to Parquet", "clean",
         lambda: write_parquet(texts, Path(out("floor.parquet")))),
    ]  # fmt: skip
    if args.clean_only:
        paths = [p for p in paths if p[1] == "clean"]
    speeds: dict[str, float] = {}
    rows = []
    for label, engine, run in paths:
        seconds = best_of(args.rounds, run)
        speed = mb / seconds
        speeds.setdefault(engine, speed)  # the first path of each kind is its engine
        rows.append((label, speed, speed / speeds[engine]))
        print(f"  {label}: {speed:.1f} MB/s", file=sys.stderr)
    if args.dir is None:
        for file in workdir.iterdir():
            file.unlink()
        workdir.rmdir()
    print(f"{name}: {len(texts):,} texts, {mb:.1f} MB; {os.cpu_count()} cores, best of "
          f"{args.rounds}.\n")  # fmt: skip
    print("| path | MB/s | share of the engine |")
    print("|---|---:|---:|")
    for label, speed, ratio in rows:
        print(f"| {label} | {speed:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
