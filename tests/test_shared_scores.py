"""The issue's figures, measured with the shared scorers exactly as everybody reports them.

These read ``../shared`` and skip cleanly without it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata

import pytest

import saidwho


def run_scorer(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return out.stdout


def test_ftfy_cases_all_expected_passes(shared):
    out = run_scorer(str(shared / "eval" / "ftfy_cases.py"), "saidwho:fix_text")
    counts = dict(re.findall(r"^(\S+)\s+(\d+/\d+)$", out, flags=re.M))
    assert counts["expected_pass"] == "151/151", out
    assert counts["negative.json"] == "31/31", out


def load_damage(shared):
    sys.path.insert(0, str(shared / "eval"))
    try:
        import damage
    finally:
        sys.path.pop(0)
    return damage


@pytest.mark.parametrize(
    ("mode", "minimum"),
    [
        # Ceiling analysis in the closing note: 36 dev lines use U+2015 (―) as a spaced dash,
        # which c1-stripping makes indistinguishable from —, and ~16 gold lines are noisy.
        ("c1-stripped", 0.97),
        # Two of the 1,942 dev lines are mojibake in the gold itself ("protegÃ©s", "FranÃ§ois"),
        # we repair them, so 1940/1942 = 0.99897 is the ceiling in these modes (ftfy: 0.99897).
        ("latin1", 0.99897),
        ("cp1252", 0.99897),
        ("cp1252-twice", 0.99897),
        ("html", 0.99897),
    ],
)
def test_polnear_dev_repair(shared, tmp_path, mode, minimum):
    damage = load_damage(shared)
    seen = set()
    gold_rows, pred_rows = [], []
    with open(shared / "data" / "polnear" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["article"] in seen:
                continue
            seen.add(r["article"])
            gold_rows.append({"id": r["id"], "text": r["text"]})
    damaged = [damage.damage(g["text"], mode) for g in gold_rows]
    for g, fixed in zip(gold_rows, saidwho.clean_many(damaged), strict=True):
        pred_rows.append({"id": g["id"], "text": fixed})
    for name, rows in (("gold", gold_rows), ("pred", pred_rows)):
        with open(tmp_path / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in rows)
    out = run_scorer(
        str(shared / "eval" / "score_clean.py"),
        str(tmp_path / "gold.jsonl"),
        str(tmp_path / "pred.jsonl"),
    )
    score = json.loads(out)
    assert score["lines_exact_dash"] >= minimum, score


def test_clean_polnear_dev_text_is_unchanged(shared):
    """Undamaged news comes back as it was, up to NFC (a few accents in the data are decomposed)
    and except for the mojibake the corpus itself contains (every such change removes an Ã)."""
    with open(shared / "data" / "polnear" / "dev.jsonl", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    cleaned = saidwho.clean_many(texts)
    for text, out in zip(texts, cleaned, strict=True):
        text = unicodedata.normalize("NFC", text)
        for lineno, (a, b) in enumerate(zip(text.split("\n"), out.split("\n"), strict=True)):
            if a != b:
                assert "Ã" in a and "Ã" not in b, (lineno, a, b)
