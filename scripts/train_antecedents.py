"""Train the antecedent ranker of saidwho's people table (whom `he` or `she` refers to).

Input: the candidates `tests/antecedents_train.rs` dumps from GUM's coreference (a first row
naming the feature templates, then a row a pronoun with its candidates, each labelled right or
wrong by the gold chain). The model is conditional log-linear: a softmax over each pronoun's
candidates, trained by full-batch gradient descent with L2 regularisation (stdlib only,
deterministic: no shuffling, weights rounded and sorted). Pronouns whose candidates hold no right
one teach nothing and are skipped.

GUM's dev documents (`dev: true`) are left out of training and reported apart, with a 5-fold
cross-validation over the training documents and the baseline the ranker replaced (the nearest
candidate whose gender agrees). The table's header carries the hash of the templates
(`scripts/lexicon.py`), which the code's tests check (`model::check_table`).

One feature, `chain` (the candidate is whom the last pronoun of the same gender was taken for),
comes from the ranker itself, so the dump depends on the committed weights: dump and train again
until the table stops moving. From a table without `chain`, four rounds did (the last moved no
weight by more than 0.005 and no figure of PolNeAR train's pseudo-pronouns or GUM).

GUM is CC BY 4.0: Zeldes, Amir (2017), "The GUM Corpus: Creating Multilayer Resources in the
Classroom", Language Resources and Evaluation 51(3), 581-612, and the GUM annotators.

    python3 scripts/train_antecedents.py ANTECEDENTS.jsonl \\
        [-o src/quotes/people/antecedent_weights.tsv]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "quotes" / "people" / "antecedent_weights.tsv"
L2 = 0.01
STEPS = 200
RATE = 0.5


def load(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8") as fh:
        templates = json.loads(fh.readline())["templates"]
        rows = [json.loads(line) for line in fh if line.strip()]
    return templates, rows


def usable(rows: list[dict]) -> list[dict]:
    """Pronouns with a right candidate and a choice to make, and no gender-conflicting
    candidate (the code never picks one)."""
    out = []
    for r in rows:
        cands = [c for c in r["candidates"] if "gender=conflict" not in c["features"]]
        if any(c["label"] for c in cands):
            out.append({**r, "candidates": cands})
    return out


def train(rows: list[dict]) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    n = max(1, len(rows))
    for _ in range(STEPS):
        grad: dict[str, float] = defaultdict(float)
        for r in rows:
            cands = r["candidates"]
            if len(cands) < 2:
                continue
            scores = [sum(w[f] for f in c["features"]) for c in cands]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            z = sum(exp)
            right = sum(e for e, c in zip(exp, cands, strict=True) if c["label"]) / z
            for e, c in zip(exp, cands, strict=True):
                p = e / z
                # d(-log P(right))/dw: expected features minus features of the right ones.
                target = (e / z) / right if c["label"] else 0.0
                for f in c["features"]:
                    grad[f] += p - target
        for f in set(grad) | set(w):
            w[f] -= RATE * (grad[f] / n + L2 * w[f])
    return dict(w)


def accuracy(rows: list[dict], w: dict[str, float] | None) -> float:
    """Share of pronouns whose chosen candidate is right (None: the nearest agreeing one)."""
    if not rows:
        return 0.0
    right = 0
    for r in rows:
        cands = r["candidates"]
        if w is None:
            pick = 0
        else:
            scores = [sum(w.get(f, 0.0) for f in c["features"]) for c in cands]
            pick = max(range(len(cands)), key=lambda k: (scores[k], -k))
        right += cands[pick]["label"]
    return right / len(rows)


def kind_of(row: dict) -> str:
    return "news" if row.get("news") else "gum"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("candidates", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    templates, rows = load(args.candidates)
    rows = usable(rows)
    dev = [r for r in rows if r["dev"]]
    train_rows = [r for r in rows if not r["dev"]]
    docs = sorted({r["doc"] for r in train_rows})
    folds = [set(docs[k::5]) for k in range(5)]
    right: dict[str, float] = defaultdict(float)
    total: dict[str, int] = defaultdict(int)
    for fold in folds:
        held = [r for r in train_rows if r["doc"] in fold]
        w = train([r for r in train_rows if r["doc"] not in fold])
        for kind in ("gum", "news"):
            part = [r for r in held if kind_of(r) == kind]
            right[kind] += accuracy(part, w) * len(part)
            total[kind] += len(part)
    w = train(train_rows)
    for kind, what in (("gum", "GUM pronouns"), ("news", "PolNeAR train pseudo-pronouns")):
        part = [r for r in train_rows if kind_of(r) == kind]
        print(
            f"{what}: {len(part)}, 5-fold CV accuracy {right[kind] / max(1, total[kind]):.4f}"
            f" (nearest agreeing {accuracy(part, None):.4f})"
        )
    print(
        f"GUM dev pronouns: {len(dev)}, accuracy {accuracy(dev, w):.4f}"
        f" (nearest agreeing {accuracy(dev, None):.4f})"
    )
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(
            "# antecedent ranker weights: scripts/train_antecedents.py on GUM (do not edit);\n"
            "# GUM is CC BY 4.0: Zeldes (2017), The GUM Corpus, LRE 51(3), and its annotators\n"
        )
        out.write(lexicon.templates_header(templates))
        for name in sorted(w):
            if abs(w[name]) >= 0.001:
                out.write(f"{name}\t{w[name]:.3f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
