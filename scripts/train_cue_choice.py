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
from train_quotes import informative, overlap, score, templates, train  # noqa: E402

OUT = "src/quotes/direct/cue_choice_weights.tsv"


def load_gold_cues(path):
    """Article id -> list of (segments, cue span) from its first annotation."""
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            art = rec.get("article") or rec.get("id")
            if art in gold:
                continue
            quotes = []
            for q in rec.get("quotes", []):
                segs = [(s["start"], s["end"]) for s in q.get("segments") or []] or [
                    (q["start"], q["end"])
                ]
                cue = (q.get("cue_start"), q.get("cue_end"))
                quotes.append((segs, cue if None not in cue else None))
            gold[art] = quotes
    return gold


def gold_cue(quotes, start, end):
    best, best_iou = None, 0.5
    for segs, cue in quotes:
        for s, e in segs:
            inter = overlap(s, e, start, end)
            union = max(e, end) - min(s, start)
            if union > 0 and inter / union >= best_iou:
                best, best_iou = (cue,), inter / union
    return best


def examples(cues_path, gold):
    """(features of each cue, labels, the rules' pick) for each quote matched to a gold cue."""
    out, unmatched = [], 0
    with open(cues_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "templates" in row:
                continue
            match = gold_cue(gold.get(row["id"], []), row["start"], row["end"])
            if match is None or match[0] is None:
                unmatched += 1
                continue
            g0, g1 = match[0]
            labels = [
                c["cue"] is not None and overlap(c["cue"][0], c["cue"][1], g0, g1) > 0
                for c in row["candidates"]
            ]
            out.append(([c["features"] for c in row["candidates"]], labels, row["chosen"]))
    return out, unmatched


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
    matched, unmatched = examples(args.cues, load_gold_cues(args.gold))
    data = [(g, labels) for g, labels, _ in matched if informative((g, labels))]
    rules = sum(labels[pick] for _, labels, pick in matched)
    print(
        f"quotes with two or more cues: {len(matched)} matched to a gold cue "
        f"({unmatched} not); informative {len(data)}; rules' pick right on {rules}"
    )
    if args.folds:
        held_right = 0
        for k in range(args.folds):
            tr = [d for i, d in enumerate(data) if i % args.folds != k]
            held = [d for i, d in enumerate(matched) if i % args.folds == k]
            w = train(tr, args.epochs, seed=1)
            held_right += right(w, held)
        print(f"cross-validated: chooser right on {held_right} of {len(matched)} (rules {rules})")
    w = train(data, args.epochs, seed=1)
    kept = sorted((x, round(v, 3)) for x, v in w.items() if abs(round(v, 3)) > 0)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# cue choice weights: scripts/train_cue_choice.py on PolNeAR train (do not edit)")
        f.write("\n")
        f.write(header)
        for x, v in kept:
            f.write(f"{x}\t{v}\n")
    print(f"{len(kept)} weights written to {args.out}; in-sample right on {right(w, matched)}")
    for x, v in sorted(kept, key=lambda p: -abs(p[1]))[:15]:
        print(f"  {v:+.3f} {x}")


if __name__ == "__main__":
    main()
