"""Train the content-start model of saidwho's reported speech (an averaged perceptron; stdlib).

Input: the forward clauses dumped by `tests/reported_train.rs` (`starts`) for PolNeAR's train
split: a first row naming the model's feature templates, then a row a clause, with its cue, the
clause as the rules draw it and each place its content may start; and that split's gold
annotations. A clause is matched to the gold attribution (of the article's first annotation)
whose cue overlaps its cue and whose content overlaps it most; the place where that content
starts is right. Only clauses with one right and one wrong place teach anything. The
perceptron is the speaker ranker's (`train_quotes.py`); the rules' start is a feature of its
own (`first`), so the model departs from it only where train argues for it. Deterministic; the
table's header carries the templates' hash, which `content_start.rs`'s tests check.

    python3 scripts/train_content_start.py STARTS.jsonl TRAIN.jsonl \
        [-o src/quotes/content_start_weights.tsv] [--folds 5]

Never pass the dev split here: it is for measuring.
"""

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon  # noqa: E402
from train_quotes import informative, overlap, score, templates, train  # noqa: E402

OUT = "src/quotes/content_start_weights.tsv"


def load_gold(path):
    """Article id -> list of (cue span, content span) from its first annotation."""
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            art = rec.get("article") or rec.get("id")
            if art in gold:
                continue
            rows = []
            for a in rec.get("attributions", []):
                cue, content = a.get("cue"), a.get("content") or []
                if not cue or not content:
                    continue
                rows.append(((cue["start"], cue["end"]), (content[0]["start"], content[-1]["end"])))
            gold[art] = rows
    return gold


def examples(starts_path, gold):
    """(article, features of each place, labels) for each clause matched to a gold start."""
    out, unmatched = [], 0
    with open(starts_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "templates" in row:
                continue
            (c0, c1), (k0, k1) = row["cue"], row["clause"]
            best, best_overlap = None, 0
            for (g0, g1), (s0, s1) in gold.get(row["id"], []):
                o = overlap(s0, s1, k0, k1)
                if overlap(g0, g1, c0, c1) > 0 and o > best_overlap:
                    best, best_overlap = s0, o
            places = row["places"]
            labels = [p["at"] == best for p in places]
            if best is None or not any(labels):
                unmatched += 1
                continue
            out.append((row["id"], [p["features"] for p in places], labels))
    return out, unmatched


def choose(w, group):
    """As the Rust model does: the rules' start (the first place) unless another scores
    strictly higher."""
    best, best_s = 0, score(w, group[0])
    for i, feats in enumerate(group):
        s = score(w, feats)
        if s > best_s:
            best, best_s = i, s
    return best


def fold_of(article, k):
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % k


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("starts")
    ap.add_argument("gold")
    ap.add_argument("-o", "--out", default=OUT)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--folds", type=int, default=5, help="cross-validation on train, 0 to skip")
    args = ap.parse_args(argv)
    if "dev" in args.gold.rsplit("/", 1)[-1]:
        raise SystemExit("train on the train split only")
    header = lexicon.templates_header(templates(args.starts))
    matched, unmatched = examples(args.starts, load_gold(args.gold))
    rules = sum(labels[0] for _, _, labels in matched)
    print(
        f"clauses matched to a gold start among their places: {len(matched)} "
        f"({unmatched} not); the rules' start right on {rules}"
    )
    if args.folds:
        right = defaultdict(int)
        for k in range(args.folds):
            tr = [(g, lab) for a, g, lab in matched if fold_of(a, args.folds) != k]
            w = train([d for d in tr if informative(d)], args.epochs, seed=1)
            for a, g, lab in matched:
                if fold_of(a, args.folds) == k:
                    right["model"] += lab[choose(w, g)]
        print(f"cross-validated (by article): model right on {right['model']} (rules {rules})")
    data = [(g, lab) for _, g, lab in matched if informative((g, lab))]
    w = train(data, args.epochs, seed=1)
    kept = sorted((x, round(v, 3)) for x, v in w.items() if abs(round(v, 3)) > 0)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# content start weights: scripts/train_content_start.py on PolNeAR train")
        f.write(" (do not edit)\n")
        f.write(header)
        for x, v in kept:
            f.write(f"{x}\t{v}\n")
    in_sample = sum(lab[choose(w, g)] for _, g, lab in matched)
    print(f"{len(kept)} weights written to {args.out}; in-sample right on {in_sample}")


if __name__ == "__main__":
    main()
