"""Peak memory of `saidwho clean` and `saidwho quotes` on a large JSONL stream.

    python benches/bench_stream_memory.py                 # 1 GB and a quarter of it
    python benches/bench_stream_memory.py --sizes 64,1024 --dir /tmp

The stream is generated once per size (under --dir, default /tmp; never in the repository) from
the example articles of examples/, each record varied (names, numbers, paragraph order, which
damage it carries) so that no two are the same. Each command runs in a fresh process; its peak
resident set (ru_maxrss from wait4) and its wall time are reported. Memory is bounded when the
peak is the same, within noise, for the small and the large stream.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Alison Tremayne", "Gareth Lloyd", "Priya Nair", "Tomasz Wojcik", "Amara Okafor"]
DAMAGE = [
    lambda t: t,
    # The article as a CMS that read UTF-8 as Windows-1252 would store it.
    lambda t: "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in t.encode("utf-8")
    ),
    lambda t: t.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("’", "&rsquo;"),
]


def articles() -> list[str]:
    texts = [
        json.loads(line).get("text") or ""
        for line in (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts.append((ROOT / "examples" / "article.txt").read_text("utf-8"))
    return [t for t in texts if t]  # the examples include a record without text


def variant(base: str, rng: random.Random, i: int, damaged: dict[tuple[str, int], str]) -> str:
    """Article `base` with its paragraphs shuffled, one new quotation, and damage kind i % 3.
    Paragraphs are damaged once and cached: damaging character by character is slow in Python."""
    kind = i % len(DAMAGE)

    def damage(paragraph: str) -> str:
        key = (paragraph, kind)
        if key not in damaged:
            damaged[key] = DAMAGE[kind](paragraph)
        return damaged[key]

    paragraphs = base.split("\n")
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    quote = f"“We will have the figures by {i % 28 + 1} March,” {rng.choice(NAMES)} said."
    return "\n".join([damage(p) for p in [*head, *body]] + [DAMAGE[kind](quote)])


def generate(path: Path, size: int) -> None:
    """Writes records until the file holds `size` bytes (written to a temporary name first)."""
    rng = random.Random(size)
    bases = articles()
    damaged: dict[tuple[str, int], str] = {}
    tmp = path.with_suffix(".part")
    written = 0
    with tmp.open("w", encoding="utf-8") as out:
        i = 0
        while written < size:
            line = json.dumps(
                {"id": i, "text": variant(bases[i % len(bases)], rng, i, damaged)},
                ensure_ascii=False,
            )
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            i += 1
    tmp.replace(path)


def measure(command: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time (s) of `command`, run in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{err.decode()}")
    print(f"  {err.decode().strip().splitlines()[-1]}", file=sys.stderr)
    return usage.ru_maxrss / 1024, elapsed  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="256,1024", help="stream sizes in MB (default 256,1024)")
    parser.add_argument("--dir", default="/tmp", help="where the streams are written")
    parser.add_argument("--keep", action="store_true", help="keep the outputs")
    args = parser.parse_args()

    import saidwho

    print(f"saidwho {saidwho.__version__}, {os.cpu_count()} cores", file=sys.stderr)
    rows = []
    for mb in (int(s) for s in args.sizes.split(",")):
        stream = Path(args.dir) / f"saidwho_stream_{mb}mb.jsonl"
        if not stream.exists():
            print(f"generating {stream}", file=sys.stderr)
            generate(stream, mb << 20)
        size = stream.stat().st_size
        with stream.open("rb") as f:
            records = sum(1 for _ in f)
        for cmd in ("clean", "quotes"):
            out = Path(args.dir) / f"saidwho_stream_{mb}mb.{cmd}.jsonl"
            print(f"{cmd} {stream.name}", file=sys.stderr)
            command = [sys.executable, "-m", "saidwho.cli", cmd, str(stream), "-o", str(out)]
            peak, elapsed = measure(command + ["--no-progress"])
            rows.append((cmd, size, records, peak, elapsed))
            if not args.keep:
                out.unlink()
    print("| command | input | records | peak RSS | wall time | MB/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for cmd, size, records, peak, elapsed in rows:
        print(
            f"| `saidwho {cmd}` | {size / 2**20:,.0f} MB | {records:,} | {peak:,.0f} MB "
            f"| {elapsed:,.0f} s | {size / 2**20 / elapsed:,.1f} |"
        )


if __name__ == "__main__":
    main()
