"""The command line's memory stays flat on a stream: 8x the input, the same peak RSS.

A small copy of benches/bench_stream_memory.py (which measures a 1 GB stream): each run is a
fresh process, its peak resident set read from wait4. Small batches make both streams many
batches long, so anything kept per batch (rows, quotations, strings) would show as growth.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def write_stream(path: Path, megabytes: int) -> int:
    texts = [
        t
        for line in (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines()
        if (t := json.loads(line).get("text"))
    ]
    size, i = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes << 20:
            text = f"{texts[i % len(texts)]}\n“Record {i} is new,” Ms Okoro said."
            line = json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return i


def peak_rss_mb(args: list[str]) -> float:
    command = [sys.executable, "-m", "saidwho.cli", *args, "--no-progress", "--batch-size", "200"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, err
    return usage.ru_maxrss / 1024


@pytest.mark.parametrize("command", ["clean", "quotes"])
def test_peak_memory_does_not_grow_with_the_stream(command, tmp_path):
    peaks = {}
    for mb in (4, 32):
        stream = tmp_path / f"in{mb}.jsonl"
        records = write_stream(stream, mb)
        out = tmp_path / f"out{mb}.jsonl"
        peaks[mb] = peak_rss_mb([command, str(stream), "-o", str(out)])
        with out.open("rb") as f:
            written = sum(1 for _ in f)
        assert written == records if command == "clean" else written >= records
    print(f"{command}: peak RSS {peaks[4]:.0f} MB on 4 MB, {peaks[32]:.0f} MB on 32 MB")
    # 28 MB more input: holding on to it (or to its results) would add far more than this.
    assert peaks[32] < peaks[4] + 16, peaks
