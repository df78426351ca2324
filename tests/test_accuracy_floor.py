"""Accuracy floor: quotation and speaker accuracy on PolNeAR dev must not fall.

Runs saidwho over the 84 PolNeAR dev articles, scores the predictions with the shared scorer
(``../shared/eval/score_quotes.py``, the figures everybody reports) and compares eight figures
with the ones recorded in ``tests/accuracy_floor.json``. A change that lowers any of them by more
than ``TOLERANCE`` fails, with every figure listed. The floor may only be raised:

    python3 tests/test_accuracy_floor.py            # measure and compare (exit 1 if below)
    python3 tests/test_accuracy_floor.py --record   # rewrite the floor from a fresh measurement

``--record`` refuses to lower a figure; ``--record --allow-lower`` is for the day the scorer or
the data change and the old figures are no longer comparable (say so in the commit message).

Predictions are made as ``tests/quotes_eval.rs`` (``SAIDWHO_DOUBLE_ONLY=1``) makes them, through
the Python API: one row per quote, first annotation of each article, cleaning off (the corpus
text is already clean and the gold offsets point into it), quotations in double marks only (the
way PolNeAR was annotated), reported speech on. Skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import saidwho

CHECKOUT = Path(__file__).resolve().parents[1]
SHARED = CHECKOUT.parent / "shared"
GOLD = SHARED / "data" / "polnear" / "dev.jsonl"
RESOLVED = SHARED / "data" / "polnear" / "dev.resolved.jsonl"
SCORER = SHARED / "eval" / "score_quotes.py"
FLOOR_FILE = Path(__file__).with_name("accuracy_floor.json")

# How far a figure may fall below its floor before the test fails. The predictions are
# deterministic, so this is not for noise: it lets a change trade a few quotations on dev for a
# gain elsewhere (dev has about 800 gold quoted segments; one match more or fewer moves extraction
# F1 by about 0.0012, so 0.005 is about four); anything larger has to be a deliberate decision.
TOLERANCE = 0.005

# Figure name (as in the floor file) -> its key path in `score_quotes.py --json` output.
FIGURES: dict[str, tuple[str, ...]] = {
    "quotes.extraction.f1": ("quotes", "extraction", "f1"),
    "quotes.end_to_end.f1": ("quotes", "end_to_end", "f1"),
    "quotes.speaker_mention": ("quotes", "speaker_mention"),
    "quotes.cue": ("quotes", "cue"),
    "quotes.speaker_resolved": ("quotes", "speaker_resolved"),
    "quotes.speaker_resolved_unnamed": ("quotes", "speaker_resolved_unnamed"),
    "attributions.content.f1": ("attributions", "content", "f1"),
    "attributions.content_and_source.f1": ("attributions", "content_and_source", "f1"),
}


def missing_shared_files() -> list[Path]:
    return [path for path in (GOLD, RESOLVED, SCORER) if not path.is_file()]


def first_annotations(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(article id, record) for the first record of each article: the scorer reads only the
    first annotation. Same rule as `first_annotations` in tests/common/mod.rs: the key is
    "article" when it is a string, else "id"."""
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            article = record.get("article")
            article_id = article if isinstance(article, str) else record["id"]
            if article_id not in seen:
                seen.add(article_id)
                yield article_id, record


def prediction_row(article_id: str, quote: saidwho.Quote) -> dict[str, Any]:
    """One scorer row, field for field as `row()` in tests/quotes_eval.rs writes it (the Python
    offsets are already `str` indices, which is what the scorer expects)."""
    return {
        "id": article_id,
        "start": quote.start,
        "end": quote.end,
        "type": quote.type,
        "speaker": quote.speaker,
        "mention": quote.mention,
        "mention_start": quote.mention_start,
        "mention_end": quote.mention_end,
        "cue": quote.cue,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "confidence": quote.confidence,
        "text": quote.text,
    }


def measure(workdir: Path) -> dict[str, float | None]:
    """Predict on PolNeAR dev, score with the shared scorer and return the floor's figures
    (None where the scorer reported none)."""
    predictions = workdir / "dev.pred.jsonl"
    with open(predictions, "w", encoding="utf-8") as out:
        for article_id, record in first_annotations(GOLD):
            found = saidwho.quotes(record["text"], clean=False, double_marks_only=True)
            for quote in found:
                out.write(json.dumps(prediction_row(article_id, quote), ensure_ascii=False))
                out.write("\n")
    command = [
        sys.executable,
        str(SCORER),
        str(GOLD),
        str(predictions),
        "--json",
        "--resolved",
        str(RESOLVED),
    ]
    scored = subprocess.run(command, capture_output=True, text=True)
    if scored.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{scored.stderr}")
    result = json.loads(scored.stdout)
    # Rows keyed by an id the scorer does not know would silently score as missed quotations.
    if result.get("unmatched_prediction_ids"):
        raise RuntimeError(f"{result['unmatched_prediction_ids']} prediction rows name no article")
    return {name: dig(result, path) for name, path in FIGURES.items()}


def dig(result: dict[str, Any], path: tuple[str, ...]) -> float | None:
    value: Any = result
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def load_floor() -> dict[str, float]:
    with open(FLOOR_FILE, encoding="utf-8") as fh:
        return json.load(fh)["figures"]


def difference(recorded: float | None, measured: float | None) -> float | None:
    # Rounded to the scorer's four decimals, so that a fall of exactly TOLERANCE is not turned
    # into a failure by floating-point error (0.913 - 0.908 > 0.005 in binary).
    if recorded is None or measured is None:
        return None
    return round(measured - recorded, 4)


def below_floor(recorded: dict[str, float], measured: dict[str, float | None]) -> list[str]:
    """The figures that fell more than TOLERANCE below their floor."""
    return [
        name
        for name in FIGURES
        if (change := difference(recorded.get(name), measured.get(name))) is not None
        and change < -TOLERANCE
    ]


def not_compared(recorded: dict[str, float], measured: dict[str, float | None]) -> list[str]:
    """The figures missing from the floor file or from the scorer's output: a guard that cannot
    compare must fail rather than pass unnoticed."""
    return [name for name in FIGURES if recorded.get(name) is None or measured.get(name) is None]


def comparison_table(recorded: dict[str, float], measured: dict[str, float | None]) -> str:
    def shown(value: float | None, signed: bool = False) -> str:
        if value is None:
            return "missing"
        return f"{value:+.4f}" if signed else f"{value:.4f}"

    width = max(len(name) for name in FIGURES)
    lines = [f"{'figure':<{width}}  recorded  measured  difference"]
    for name in FIGURES:
        before, after = recorded.get(name), measured.get(name)
        lines.append(
            f"{name:<{width}}  {shown(before):>8}  {shown(after):>8}  "
            f"{shown(difference(before, after), signed=True):>10}"
        )
    return "\n".join(lines)


def floor_failure_message(recorded: dict[str, float], measured: dict[str, float | None]) -> str:
    problems = []
    if fell := below_floor(recorded, measured):
        problems.append(f"fell more than {TOLERANCE} below the floor: {', '.join(fell)}")
    if missing := not_compared(recorded, measured):
        problems.append(f"could not be compared (missing): {', '.join(missing)}")
    return (
        f"accuracy on PolNeAR dev against {FLOOR_FILE.relative_to(CHECKOUT)}: "
        + "; ".join(problems)
        + "\n"
        + comparison_table(recorded, measured)
    )


def test_accuracy_on_polnear_dev_stays_above_floor(tmp_path):
    missing = missing_shared_files()
    if missing:
        pytest.skip(f"shared PolNeAR data or scorer absent: {', '.join(map(str, missing))}")
    recorded = load_floor()
    measured = measure(tmp_path)
    failed = below_floor(recorded, measured) or not_compared(recorded, measured)
    assert not failed, floor_failure_message(recorded, measured)


def test_floor_file_records_every_figure():
    """The floor file and FIGURES must name the same figures, so none is silently unguarded."""
    assert set(load_floor()) == set(FIGURES)


# -- command line: compare, or record a new floor -------------------------------------------------


def current_commit() -> str:
    described = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
    )
    return described.stdout.strip() or "unknown"


def record_floor(measured: dict[str, float | None]) -> None:
    note = (
        "Accuracy floor for tests/test_accuracy_floor.py: figures of ../shared/eval/"
        "score_quotes.py --json --resolved on PolNeAR dev (first annotation of each article), "
        "saidwho.quotes(clean=False, double_marks_only=True), reported speech on. Recorded with "
        f"`python3 tests/test_accuracy_floor.py --record` on {datetime.date.today()} at commit "
        f"{current_commit()}. These figures may only be raised, never lowered."
    )
    floor = {"note": note, "figures": measured}
    with open(FLOOR_FILE, "w", encoding="utf-8") as fh:
        json.dump(floor, fh, indent=2)
        fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="rewrite the floor file")
    parser.add_argument(
        "--allow-lower",
        action="store_true",
        help="with --record: write figures below the current floor (scorer or data changed)",
    )
    args = parser.parse_args(argv)
    missing = missing_shared_files()
    if missing:
        print(f"absent: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as workdir:
        measured = measure(Path(workdir))
    recorded = load_floor() if FLOOR_FILE.exists() else {}
    print(comparison_table(recorded, measured))
    if any(value is None for value in measured.values()):
        print("the scorer did not report every figure; nothing recorded", file=sys.stderr)
        return 1
    if not args.record:
        failed = below_floor(recorded, measured) or not_compared(recorded, measured)
        return 1 if failed else 0
    lowered = [
        name for name in FIGURES if (difference(recorded.get(name), measured[name]) or 0) < 0
    ]
    if lowered and not args.allow_lower:
        print(
            f"not recorded: the floor may only be raised, and these fell: {', '.join(lowered)}",
            file=sys.stderr,
        )
        return 1
    record_floor(measured)
    print(f"recorded in {FLOOR_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
