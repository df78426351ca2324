"""Train saidwho's part-of-speech tagger on GUM (an averaged perceptron; stdlib only).

The tagger answers "is this word a noun, a verb, an adverb … here?" for the few words the
quotation code asks about (a speaker mention's first and last words), so it tags each word from
its own form and its neighbours' (no tag history): any word can be tagged alone, in constant
time. Universal POS tags (GUM's column 4).

Reads ../shared/data/gum/docs (CC BY 4.0: Zeldes, Amir (2017), "The GUM Corpus: Creating
Multilayer Resources in the Classroom", Language Resources and Evaluation 51(3), 581-612, and
the GUM annotators); GUM's dev documents (dev-docs.txt) are held out and reported. The text is
tokenised the way saidwho's own tokenizer does it before tagging (GUM's `was` + `n't` and
`Trump` + `'s` are joined back into one word, tagged with the first part's tag), and curly
apostrophes count as straight ones. Deterministic: a fixed shuffle seed, weights rounded and
sorted; features seen fewer than twice are dropped.

    python3 scripts/train_tagger.py [-o src/quotes/tagger/weights.tsv]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon  # noqa: E402

CHECKOUT = Path(__file__).resolve().parents[1]
GUM = CHECKOUT.parent / "shared" / "data" / "gum"
OUT = CHECKOUT / "src" / "quotes" / "tagger" / "weights.tsv"
EPOCHS = 6
# Must match TEMPLATES in src/quotes/tagger/mod.rs.
TEMPLATES = [
    "bias",
    "w=",
    "s1=",
    "s2=",
    "s3=",
    "p1=",
    "shape=",
    "pw=",
    "nw=",
    "pshape=",
    "nshape=",
    "first",
]


def shape(word: str) -> str:
    if not word:
        return "none"
    if any(c.isdigit() for c in word):
        return "digit"
    if not any(c.isalpha() for c in word):
        return "punct"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[0].isupper():
        return "title"
    if "-" in word:
        return "hyphen"
    return "lower"


def normal(word: str) -> str:
    return word.replace("\u2019", "'").lower()


def features(words: list[str], i: int) -> list[str]:
    """Must match `features` in src/quotes/tagger/mod.rs."""
    w = words[i]
    lw = normal(w)
    prev = words[i - 1] if i > 0 else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    out = ["bias", "w=" + lw, "s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "p1=" + lw[:1]]
    out += ["shape=" + shape(w), "pw=" + normal(prev), "nw=" + normal(nxt)]
    out += ["pshape=" + shape(prev), "nshape=" + shape(nxt)]
    if i == 0:
        out.append("first")
    return out


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(word, tag) sentences, GUM's clitics joined to the word before them."""
    out, current = [], []
    prev_misc = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                out.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, tag = cols[1], cols[3]
        joined = current and normal(form) in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "s")
        if joined and "SpaceAfter=No" in prev_misc:
            current[-1] = (current[-1][0] + form, current[-1][1])
        else:
            current.append((form, tag))
        prev_misc = cols[9]
    if current:
        out.append(current)
    return out


def train(data: list[list[tuple[str, str]]], tags: list[str]) -> dict[str, dict[str, float]]:
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    step = 0
    rng = random.Random(13)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            words = [w for w, _ in data[k]]
            for i, (_, gold) in enumerate(data[k]):
                step += 1
                feats = features(words, i)
                guess = predict(weights, feats, tags)
                if guess == gold:
                    continue
                for f in feats:
                    for tag, delta in ((gold, 1.0), (guess, -1.0)):
                        key = (f, tag)
                        totals[key] += (step - stamps[key]) * weights[f].get(tag, 0.0)
                        stamps[key] = step
                        weights[f][tag] = weights[f].get(tag, 0.0) + delta
    averaged: dict[str, dict[str, float]] = defaultdict(dict)
    for f, row in weights.items():
        for tag, w in row.items():
            key = (f, tag)
            total = totals[key] + (step - stamps[key]) * w
            averaged[f][tag] = total / step
    return averaged


def predict(weights, feats: list[str], tags: list[str]) -> str:
    scores = dict.fromkeys(tags, 0.0)
    for f in feats:
        for tag, w in weights.get(f, {}).items():
            scores[tag] += w
    return max(tags, key=lambda t: (scores[t], t))


def accuracy(weights, data, tags) -> float:
    right = total = 0
    for sent in data:
        words = [w for w, _ in sent]
        for i, (_, gold) in enumerate(sent):
            right += predict(weights, features(words, i), tags) == gold
            total += 1
    return right / total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (GUM / "docs").is_dir():
        print(f"train_tagger: {GUM / 'docs'} is absent", file=sys.stderr)
        return 2
    dev_docs = set((GUM / "dev-docs.txt").read_text().split())
    train_data, dev_data = [], []
    for path in sorted((GUM / "docs").glob("*.conllu")):
        (dev_data if path.stem in dev_docs else train_data).extend(sentences(path))
    tags = sorted({t for s in train_data for _, t in s})
    counts = Counter(
        f for s in train_data for i in range(len(s)) for f in features([w for w, _ in s], i)
    )
    weights = train(train_data, tags)
    weights = {f: row for f, row in weights.items() if counts[f] >= 2}
    print(f"{sum(map(len, train_data))} training words, {sum(map(len, dev_data))} dev words")
    print(f"GUM dev accuracy {accuracy(weights, dev_data, tags):.4f}")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(
            "# part-of-speech tagger weights: scripts/train_tagger.py on GUM (do not edit);\n"
            "# GUM is CC BY 4.0: Zeldes (2017), The GUM Corpus, LRE 51(3), and its annotators\n"
        )
        out.write(lexicon.templates_header(TEMPLATES))
        out.write("# tags\t" + " ".join(tags) + "\n")
        for f in sorted(weights):
            for tag in sorted(weights[f]):
                w = weights[f][tag]
                if abs(w) >= 0.01:
                    out.write(f"{f}|{tag}\t{w:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
