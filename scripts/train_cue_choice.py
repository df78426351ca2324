"""Train the cue chooser of saidwho's quotations (an averaged perceptron; stdlib only).

Input: the cues dumped by `tests/quotes_train.rs` (`cue_choices`) for PolNeAR's train split: a
first row naming the chooser's feature templates, then a row a quote that has two or more cues
before it; and that split's gold annotations. A quote is matched to the gold quotation one of
whose segments it covers (overlap/union >= 0.5); a cue is right when it overlaps the gold cue.
Only quotes with one right and one wrong cue teach anything. The perceptron is the speaker
ranker's (`train_quotes.py`); its features include the hand-written rules' pick, so it departs
from the rules only where train argues for it. Deterministic; the table's header carries the
templates' hash, which `cue_choice.rs`'s tests check.

    python3 scripts/train_cue_choice.py CUES.jsonl TRAIN.jsonl \
        [-o src/quotes/direct/cue_choice_weights.tsv] [--folds 5]

Never pass the dev split here: it is for measuring.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon  # noqa: E402
from train_quotes import (  # noqa: E402
    gold_span,
    informative,
    load_gold,
    overlap,
    score,
    templates,
    train,
    write_table,
)

OUT = "src/quotes/direct/cue_choice_weights.tsv"


def examples(cues_path, gold):
    """(features of each cue, labels, the rules' pick) for each quote matched to a gold cue, the
    article of each, and how many quotes matched none."""
    out, articles, unmatched = [], [], 0
    with open(cues_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "templates" in row:
                continue
            match = gold_span(gold.get(row["id"], []), row["start"], row["end"])
            if match is None or match[0] is None:
                unmatched += 1
                continue
            g0, g1 = match[0]
            labels = [
                c["cue"] is not None and overlap(c["cue"][0], c["cue"][1], g0, g1) > 0
                for c in row["candidates"]
            ]
            out.append(([c["features"] for c in row["candidates"]], labels, row["chosen"]))
            articles.append(row["id"])
    return out, articles, unmatched


def choose(w, group, pick):
    """As the Rust chooser does: the rules' pick unless another cue scores strictly higher."""
    best, best_s = pick, score(w, group[pick])
    for i, feats in enumerate(group):
        s = score(w, feats)
        if s > best_s:
            best, best_s = i, s
    return best


def right(w, data):
    return sum(labels[choose(w, g, pick)] for g, labels, pick in data)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cues")
    ap.add_argument("gold")
    ap.add_argument("-o", "--out", default=OUT)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--folds", type=int, default=5, help="cross-validation on train, 0 to skip")
    args = ap.parse_args(argv)
    if "dev" in args.gold.rsplit("/", 1)[-1]:
        raise SystemExit("train on the train split only")
    header = lexicon.templates_header(templates(args.cues))
    matched, articles, unmatched = examples(args.cues, load_gold(args.gold, "cue"))
    data = [(g, labels) for g, labels, _ in matched if informative((g, labels))]
    rules = sum(labels[pick] for _, labels, pick in matched)
    print(
        f"quotes with two or more cues: {len(matched)} matched to a gold cue "
        f"({unmatched} not); informative {len(data)}; rules' pick right on {rules}"
    )
    if args.folds:
        # Folds of articles, as scripts/train_cv.py makes them: no quote held out, nor any of
        # its article's, is trained on.
        fold_of = {a: n % args.folds for n, a in enumerate(sorted(set(articles)))}
        folds = [fold_of[a] for a in articles]
        held_right = 0
        for k in range(args.folds):
            tr = [
                (g, labels)
                for (g, labels, _), f in zip(matched, folds, strict=True)
                if f != k and informative((g, labels))
            ]
            held = [d for d, f in zip(matched, folds, strict=True) if f == k]
            w = train(tr, args.epochs, seed=1)
            held_right += right(w, held)
        print(f"cross-validated: chooser right on {held_right} of {len(matched)} (rules {rules})")
    w = train(data, args.epochs, seed=1)
    title = "# cue choice weights: scripts/train_cue_choice.py on PolNeAR train (do not edit)"
    write_table(args.out, title, header, w, f"in-sample right on {right(w, matched)}")


if __name__ == "__main__":
    main()
