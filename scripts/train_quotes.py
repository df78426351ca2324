"""Train the speaker ranker of saidwho's quotations (an averaged perceptron; stdlib only).

Input: the candidates dumped by `tests/quotes_train.rs` for PolNeAR's train split (a first row
naming the ranker's feature templates, then a row a quote), and that split's gold annotations.
A quote is matched to the gold quotation one of whose quoted segments it covers (overlap/union
>= 0.5); a candidate is right when its mention overlaps the gold speaker span. Only quotes
whose candidates disagree, with one right and one wrong, teach anything. Deterministic: a fixed
shuffle seed, weights rounded and sorted. The table's header carries the hash of the templates
(`scripts/lexicon.py`), which the ranker's tests check against the code's
(`model::check_table`).

    python3 scripts/train_quotes.py CANDIDATES.jsonl TRAIN.jsonl \
        [-o src/quotes/direct/speaker_weights.tsv]

Never pass the dev split here: it is for measuring.
"""

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon  # noqa: E402


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def load_gold(path, field="speaker"):
    """Article id -> list of (segments, span of the quote's `field`: speaker or cue) from its
    first annotation."""
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
                span = (q.get(f"{field}_start"), q.get(f"{field}_end"))
                quotes.append((segs, span if None not in span else None))
            gold[art] = quotes
    return gold


def gold_span(quotes, start, end):
    """The gold span (speaker or cue, as loaded) of the quote whose segment overlaps
    `[start, end)` most (overlap/union at least 0.5), in a 1-tuple; None if none does."""
    best, best_iou = None, 0.5
    for segs, span in quotes:
        for s, e in segs:
            inter = overlap(s, e, start, end)
            union = max(e, end) - min(s, start)
            if union > 0 and inter / union >= best_iou:
                best, best_iou = (span,), inter / union
    return best


def templates(cands_path):
    """The feature templates the first row of the candidates dump names."""
    with open(cands_path, encoding="utf-8") as f:
        first = json.loads(f.readline())
    if "templates" not in first:
        raise SystemExit(f"{cands_path}: the first row names no templates; dump it again")
    return first["templates"]


def examples(cands_path, gold):
    out = []
    stats = defaultdict(int)
    with open(cands_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "templates" in row:
                continue
            match = gold_span(gold.get(row["id"], []), row["start"], row["end"])
            if match is None or match[0] is None:
                stats["unmatched_or_no_speaker"] += 1
                continue
            s0, s1 = match[0]
            labels = [
                c["mention"] is not None and overlap(c["mention"][0], c["mention"][1], s0, s1) > 0
                for c in row["candidates"]
            ]
            stats["matched"] += 1
            stats["first_right"] += labels[0]
            stats["any_right"] += any(labels)
            out.append(([c["features"] for c in row["candidates"]], labels))
    stats["informative"] = sum(informative(d) for d in out)
    return out, stats


def informative(example):
    """Whether the candidates disagree, one right and one wrong: only those teach anything."""
    return any(example[1]) and not all(example[1])


def score(w, feats):
    return sum(w.get(x, 0.0) for x in feats)


def predict(w, group):
    best, best_s = 0, float("-inf")
    for i, feats in enumerate(group):
        s = score(w, feats)
        if s > best_s:
            best, best_s = i, s
    return best


def train(data, epochs, seed):
    """Averaged perceptron (the lazy-update trick: total = sum over time of each weight)."""
    w, total, stamp = defaultdict(float), defaultdict(float), defaultdict(int)
    t = 0
    rng = random.Random(seed)
    order = list(range(len(data)))

    def update(x, delta):
        total[x] += (t - stamp[x]) * w[x]
        stamp[x] = t
        w[x] += delta

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            t += 1
            group, labels = data[k]
            guess = predict(w, group)
            if labels[guess]:
                continue
            right = max(
                (i for i in range(len(group)) if labels[i]), key=lambda i: score(w, group[i])
            )
            for x in group[right]:
                update(x, 1.0)
            for x in group[guess]:
                update(x, -1.0)
    return {x: (total[x] + (t - stamp[x]) * w[x]) / max(t, 1) for x in w}


def accuracy(w, data):
    return sum(labels[predict(w, g)] for g, labels in data) / max(len(data), 1)


def write_table(path, title, header, w, note):
    """Writes the weights `w` (rounded to three decimals, zeros left out, sorted) under `title`
    and the templates' `header`, then prints how many with `note` and the strongest."""
    kept = sorted((x, round(v, 3)) for x, v in w.items() if abs(round(v, 3)) > 0)
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n")
        f.write(header)
        for x, v in kept:
            f.write(f"{x}\t{v}\n")
    print(f"{len(kept)} weights written to {path}; {note}")
    for x, v in sorted(kept, key=lambda p: -abs(p[1]))[:15]:
        print(f"  {v:+.3f} {x}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("candidates")
    ap.add_argument("gold")
    ap.add_argument("-o", "--out", default="src/quotes/direct/speaker_weights.tsv")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--folds", type=int, default=5, help="cross-validation on train, 0 to skip")
    args = ap.parse_args(argv)
    if "dev" in args.gold.rsplit("/", 1)[-1]:
        raise SystemExit("train on the train split only")
    header = lexicon.templates_header(templates(args.candidates))
    matched, stats = examples(args.candidates, load_gold(args.gold))
    data = [d for d in matched if informative(d)]
    print(json.dumps(dict(stats)))
    first = sum(labels[0] for _, labels in data) / max(len(data), 1)
    print(f"informative quotes: {len(data)}; rules' first choice right on {first:.3f}")
    if args.folds:
        accs = []
        for k in range(args.folds):
            tr = [d for i, d in enumerate(data) if i % args.folds != k]
            te = [d for i, d in enumerate(data) if i % args.folds == k]
            accs.append(accuracy(train(tr, args.epochs, seed=1), te))
            base = sum(lab[0] for _, lab in te) / max(len(te), 1)
            print(f"fold {k}: ranker {accs[-1]:.3f}  rules {base:.3f}")
        print(f"cross-validated ranker accuracy {sum(accs) / len(accs):.3f}")
        # The figure that compares candidate sets: right speaker mentions over all matched quotes.
        right = 0
        for k in range(args.folds):
            w = train([d for i, d in enumerate(data) if i % args.folds != k], args.epochs, seed=1)
            held = [d for i, d in enumerate(data) if i % args.folds == k]
            right += sum(labels[predict(w, g)] for g, labels in held)
        rest = sum(labels[0] for g, labels in matched if not informative((g, labels)))
        rules = sum(labels[0] for _, labels in matched)
        n = max(len(matched), 1)
        cv = (rest + right) / n
        print(f"train speaker_mention (matched): rules {rules / n:.4f}  ranker (cv) {cv:.4f}")
    w = train(data, args.epochs, seed=1)
    title = "# speaker ranker weights: scripts/train_quotes.py on PolNeAR train (do not edit)"
    write_table(args.out, title, header, w, f"train accuracy {accuracy(w, data):.3f}")


if __name__ == "__main__":
    main()
