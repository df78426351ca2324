#!/usr/bin/env python3
"""Learn which words head the cue of reported speech, from PolNeAR train.

    python3 scripts/train_reported.py                      # 1. the table of cue forms
    SAIDWHO_CUES=/tmp/train.cues.jsonl \
        cargo test --release --test reported_train -- --ignored cues
    python3 scripts/train_reported.py --weights /tmp/train.cues.jsonl   # 2. the cue model

1. For every word form, the share of its occurrences (outside quotations) that head an
   annotated cue (`said`, `told`, `warned`, `believes`, `expects` ...). Writes
   `src/quotes/reported_cues.tsv` (form, share) for the forms whose share is at least MIN_SHARE:
   the words the cue model scores at all. A form that heads fewer than MIN_COUNT cues is too
   rare to judge alone; it borrows the share of its verb's other inflections (`warns` from
   `warned`, `warning`, `warn`; see `family`), weighed against its own count (on 5-fold
   cross-validation, `train_cv.py`, attribution content F1 0.664 -> 0.667).
2. A logistic regression over the context features `reported/cue.rs` computes for those words
   (`he said that`, `officials warned the` against `the said report`, `the state`), labelled by
   whether the word lies in a gold cue. Writes `src/quotes/reported_weights.tsv`.

    SAIDWHO_ENDS=/tmp/train.ends.jsonl \
        cargo test --release --test reported_train -- --ignored ends
    python3 scripts/train_reported.py --ends /tmp/train.ends.jsonl      # 3. the content-end model

3. A logistic regression over the places a forward reported clause may end
   (`reported/content_end.rs`). Writes `src/quotes/content_end_weights.tsv`.

The rules of `src/quotes/reported/` decide where the source and the content are; the models only
say how likely a word is to report speech or thought there, and where a clause ends. Each dump
opens with a row naming the model's feature templates; the weight table's header carries their
hash (`# templates<TAB><hash>`, see `scripts/lexicon.py`), which the code checks against its own
templates. The word lists come from `src/quotes/lexicon/` (`lexicon.py`). Deterministic (fixed
shuffle seed, rounded and sorted weights): steps 1 and 2 regenerate `reported_cues.tsv` and
`reported_weights.tsv` byte for byte from today's code and dumps. Step 3 does not regenerate
`content_end_weights.tsv`: that table was trained (commit fd10445) before the content-end model's
candidate places were pruned (15083f2: no end is scored before `to`, `that`, `for`, `from`, `by`,
`about`, `than`, `into`), so today's dump holds fewer places and training on it gives another
table (5,296 weights instead of 7,734). Training it again is a change of behaviour, to be measured
on dev. Reads only the train split (the first annotation of each article).
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

import lexicon

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = ROOT / "src" / "quotes" / "reported_cues.tsv"
WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
# Words that stand in a cue span before its head: `has said`, `also told`, `is expected`.
AUXILIARY = lexicon.load("cue_span_fillers.txt")
MIN_COUNT = 3
MIN_SHARE = 0.02
# A form that heads fewer than MIN_COUNT cues borrows the share of its family (`urges` from
# `urged`, `urging`, `urge`; see `family`), weighed as this many occurrences of its own.
FAMILY_WEIGHT = 5.0
WEIGHTS = ROOT / "src" / "quotes" / "reported_weights.tsv"
ENDS = ROOT / "src" / "quotes" / "content_end_weights.tsv"
# What the scorer trims from the edges of a span (score_quotes.py).
EDGE = (
    "\"'\u201c\u201d\u2018\u2019\u201e\u201f\u00ab\u00bb\u2039\u203a`"
    " \t\r\n.,;:!?\u2014\u2013-\u2026()[]"
)
EPOCHS = 8
RATE = 0.05
L2 = 1e-6
MIN_FEATURE_COUNT = 3


def outside_quotes(rec: dict) -> str:
    """The article without its quoted segments: a first-person `say` inside a quotation is no
    evidence about the cues of the writer's own sentences, which is where the rules look."""
    text = rec["text"]
    cuts = sorted((s["start"], s["end"]) for q in rec.get("quotes", []) for s in q["segments"])
    parts, at = [], 0
    for start, end in cuts:
        if start > at:
            parts.append(text[at:start])
        at = max(at, end)
    parts.append(text[at:])
    return " ".join(parts)


def head(cue_text: str) -> str | None:
    words = [w.lower() for w in WORD.findall(cue_text)]
    rest = [w for w in words if w not in AUXILIARY]
    return rest[0] if rest else None


def verb_like(form: str) -> bool:
    """Whether a form may head a cue of its own. Adverbs (`publicly`), contractions and stubs
    (`’ve`) go with the verb they stand by; `according to` has its own rule."""
    if len(form) <= 2 or form.endswith("ly") or "'" in form or "\u2019" in form:
        return False
    return form not in ("according", "to")


def family(form: str) -> str:
    """A crude stem that the inflections of one verb share: `urges`, `urged`, `urging`, `urge`
    all give `urg`; `criticizes`, `criticized` give `criticiz`. Collisions (`state`, `stated`)
    do no harm where it is used: only forms with too little evidence of their own borrow."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            form = form[: -len(suffix)]
            break
    if len(form) > 3 and form[-1] == form[-2] and form[-1] not in "aeiousl":
        form = form[:-1]  # `committed` -> `commit`
    if form.endswith("i"):
        form = form[:-1] + "y"  # `denies`, `denied` -> `deny`
    return form


def gold_cues(path: Path) -> dict[str, list[tuple[int, int]]]:
    cues: dict[str, list[tuple[int, int]]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["article"] in cues:
                continue
            cues[rec["article"]] = [
                (a["cue"]["start"], a["cue"]["end"])
                for a in rec["attributions"]
                if a.get("cue") and a.get("content")
            ]
    return cues


def read_dump(path: Path) -> tuple[list[str], list[dict]]:
    """A training dump of `tests/reported_train.rs`: the model's feature templates (its first
    row, `{"templates": [...]}`) and its rows."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if not rows or "templates" not in rows[0]:
        sys.exit(f"{path}: no templates row; dump it again (tests/reported_train.rs)")
    return rows[0]["templates"], rows[1:]


def train_weights(cands_path: Path, train_path: Path) -> int:
    cues = gold_cues(train_path)
    rows: list[tuple[list[str], int]] = []
    templates, dump = read_dump(cands_path)
    for r in dump:
        spans = cues.get(r["id"], [])
        label = int(any(s < r["end"] and r["start"] < e for s, e in spans))
        rows.append((r["features"], label))
    return write_weights(logistic(rows), WEIGHTS, templates)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without the edge punctuation, marks and spaces the scorer trims."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def gold_contents(path: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """Each article's text and the trimmed extent of each annotated content."""
    texts: dict[str, str] = {}
    contents: dict[str, list[tuple[int, int]]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["article"] in texts:
                continue
            texts[rec["article"]] = text = rec["text"]
            contents[rec["article"]] = [
                trimmed(text, a["content"][0]["start"], a["content"][-1]["end"])
                for a in rec["attributions"]
                if a.get("content")
            ]
    return texts, contents


def train_ends(cands_path: Path, train_path: Path) -> int:
    """The content-end model: for each forward clause the rules draw whose start is a gold
    content's start, every place before the gold end is a place not to end (0), the place at
    the gold end is one to end (1); places after it are never reached and are left out."""
    texts, contents = gold_contents(train_path)
    rows: list[tuple[list[str], int]] = []
    templates, dump = read_dump(cands_path)
    for r in dump:
        text = texts.get(r["id"])
        if text is None:
            continue
        start, _ = trimmed(text, r["start"], r["end"])
        ends = [e for s, e in contents[r["id"]] if abs(s - start) <= 1]
        if not ends:
            continue
        gold_end = min(ends, key=lambda e: abs(e - r["end"]))
        if r["at"] < gold_end:
            rows.append((r["features"], 0))
        elif r["cut"] <= gold_end + 1:
            rows.append((r["features"], 1))
    return write_weights(logistic(rows), ENDS, templates)


def logistic(rows: list[tuple[list[str], int]]) -> dict[str, float]:
    """Averaged stochastic gradient descent on the log loss; features seen fewer than
    MIN_FEATURE_COUNT times are left out."""
    counts: Counter[str] = Counter(f for feats, _ in rows for f in feats)
    w: dict[str, float] = {}
    total: dict[str, float] = {}  # for averaging
    rng = random.Random(4)
    order = list(range(len(rows)))
    steps = 0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, y = rows[k]
            feats = [f for f in feats if counts[f] >= MIN_FEATURE_COUNT]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = RATE * (y - p)
            for f in feats:
                w[f] = w.get(f, 0.0) * (1.0 - L2) + g
            steps += 1
        for f, v in w.items():
            total[f] = total.get(f, 0.0) + v
    avg = {f: v / EPOCHS for f, v in total.items()}
    pos = sum(y for _, y in rows)
    correct = sum((sum(avg.get(f, 0.0) for f in feats) > 0) == bool(y) for feats, y in rows)
    print(f"{len(rows)} examples, {pos} positive; train accuracy {correct / len(rows):.3f}")
    return avg


def write_weights(weights: dict[str, float], path: Path, templates: list[str]) -> int:
    """The table, its header naming the hash of the templates the features were made with (the
    code checks it against its own: `model::check_table`)."""
    kept = sorted((f, round(v, 3)) for f, v in weights.items() if abs(v) >= 0.01)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# feature\tweight (scripts/train_reported.py, logistic regression)\n")
        fh.write(lexicon.templates_header(templates))
        for f, v in kept:
            fh.write(f"{f}\t{v}\n")
    print(f"{len(kept)} weights written to {path}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] in (["--weights"], ["--ends"]):
        train = Path(argv[2]) if len(argv) > 2 else DEFAULT
        learn = train_weights if argv[0] == "--weights" else train_ends
        return learn(Path(argv[1]), train)
    path = Path(argv[0]) if argv else DEFAULT
    heads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["article"] in seen:
                continue
            seen.add(rec["article"])
            total.update(w.lower() for w in WORD.findall(outside_quotes(rec)))
            for a in rec["attributions"]:
                if a.get("cue") and a.get("content"):
                    h = head(a["cue"]["text"])
                    if h:
                        heads[h] += 1
    forms = sorted(f for f in set(heads) | set(total) if verb_like(f))
    family_heads: Counter[str] = Counter()
    family_total: Counter[str] = Counter()
    for form in forms:
        family_heads[family(form)] += heads[form]
        family_total[family(form)] += total[form]
    rows = []
    for form in forms:
        n = heads[form]
        if n >= MIN_COUNT:
            share = n / total[form] if total[form] else 0.0
        else:
            # Too rare to judge alone: the family's share, with the form's own count beside it.
            fam = family(form)
            if family_heads[fam] < MIN_COUNT or not family_total[fam]:
                continue
            prior = family_heads[fam] / family_total[fam]
            share = (n + FAMILY_WEIGHT * prior) / (total[form] + FAMILY_WEIGHT)
        if share >= MIN_SHARE:
            rows.append((form, min(share, 1.0)))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# form\tshare of its occurrences heading a cue (scripts/train_reported.py)\n")
        for form, share in rows:
            fh.write(f"{form}\t{share:.2f}\n")
    print(f"{len(rows)} cue forms written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
