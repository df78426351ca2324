#!/usr/bin/env python3
"""Train the context model that chooses which punctuation a lone `â` stood for.

    python3 scripts/train_lossy.py [--train ../shared/data/polnear/train.jsonl]
                                   [--out src/clean/lossy/context_model.tsv]
                                   [--eval ../shared/data/polnear/dev.jsonl]

The damage (`c1-stripped`): text encoded as UTF-8, each byte read as Latin-1, then U+0080..U+009F
deleted. Every character whose UTF-8 form is E2 followed by two bytes in 80..9F (“ ” ‘ ’ – — ―
⁄ ...) becomes a lone `â`. We damage the clean training text exactly that way, and for every lone
`â` record the character it came from with features of its damaged surroundings: character
classes up to three characters on each side (stopping at the paragraph), whether a double or a
single quotation is open in the paragraph, and whether this is the title line. Counts are kept at
four levels of context (wide to narrow) so the Rust side can back off when a wide context is rare.

Features MUST match src/clean/lossy/features.rs exactly; `--eval` runs the same greedy decoder as
the Rust side on dev text (for tuning only: never train on dev).

Standard library only, deterministic output.
"""

import argparse
import collections
import json
import os
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The characters a lone `â` can stand for: quotation marks and dashes seen at least
# MIN_TARGET_COUNT times. (The training text also holds `⁄` inside old mojibake, `GÃ1⁄4len`:
# noise, not punctuation.)
PUNCTUATION = "\u201c\u201d\u2018\u2019\u2013\u2014\u2015\u2010\u201a\u201e"
MIN_TARGET_COUNT = 5
CONTRACTIONS = {"s", "t", "re", "ve", "ll", "d", "m", "clock"}
# Keys seen fewer times than this at the two widest levels are dropped (they carry no signal
# beyond what the narrower levels already give).
MIN_WIDE_COUNT = 2
WINDOW = 3
# A headline: the text's first line, short, and set apart by a blank line. News headlines
# quote with single marks (`Trump Calls Plan ‘A Disaster’`), so the model needs to know.
TITLE_MAX_CHARS = 250
PUNCT_KEEP = set(".,;:!?()[]\"'-/$%&*@#")
DOUBLE_OPEN, DOUBLE_CLOSE = "\u201c", "\u201d"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"


def damage_char(ch):
    raw = ch.encode("utf-8").decode("latin-1")
    return "".join(c for c in raw if not 0x80 <= ord(c) <= 0x9F)


def damage(text):
    """Damaged text and, for each lone `â` that a whole character became, its index -> char."""
    out = []
    targets = {}
    n = 0
    for ch in text:
        d = damage_char(ch)
        if d == "\u00e2" and ch != "\u00e2":
            targets[n] = ch
        out.append(d)
        n += len(d)
    return "".join(out), targets


def char_class(c):
    if c in " \t\u00a0":
        return "s"
    if "A" <= c <= "Z":
        return "A"
    if "a" <= c <= "z":
        return "a"
    if "0" <= c <= "9":
        return "0"
    if c == "\u00e2":
        return "Q"
    if c in PUNCT_KEEP:
        return c
    if ord(c) < 128:
        return "p"
    if c in "\u201c\u201d":
        return '"'
    if c in "\u2018\u2019":
        return "'"
    if c in "\u2013\u2014\u2015":
        return "-"
    # Letters, and in damaged text the first character of a damaged letter (`Ã©` é, a lone
    # `Ã` for É): a word goes on. `Â` starts symbols and the no-break space instead.
    if c != "\u00c2" and c not in "\u00d7\u00f7" and ("\u00c0" <= c <= "\u00ff" or c.isalpha()):
        return "L"
    return "M"


def is_ascii_letter(c):
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def right_word(text, i):
    """The run of ASCII letters starting at i, and whether a letter of any script follows it."""
    j = i
    while j < len(text) and is_ascii_letter(text[j]):
        j += 1
    after_is_letter = j < len(text) and text[j].isalpha()
    return text[i:j], after_is_letter


def context_classes(text, i, decided):
    """(left, right): WINDOW classes each side of index i, nearest first, '^'/'$' past the
    paragraph. On the left, lone `â` already decided count as the character chosen for them
    (`decided`: index -> char; the gold character in training, the prediction when decoding)."""
    left = []
    j = i - 1
    stopped = False
    for _ in range(WINDOW):
        if stopped or j < 0 or text[j] in "\r\n":
            stopped = True
            left.append("^")
        else:
            left.append(char_class(decided.get(j, text[j])))
            j -= 1
    right = []
    j = i + 1
    stopped = False
    for _ in range(WINDOW):
        if stopped or j >= len(text) or text[j] in "\r\n":
            stopped = True
            right.append("$")
        else:
            right.append(char_class(text[j]))
            j += 1
    if right[0] == "a":
        word, more = right_word(text, i + 1)
        if not more and word in CONTRACTIONS:
            right[0] = "c"
    return "".join(left), "".join(right)


# Coarse classes for the broadest level, so an unseen neighbour (`)`, `]`) still says "after
# a closing bracket" rather than nothing.
COARSE = {
    "A": "w",
    "a": "w",
    "L": "w",
    "0": "w",
    "c": "w",
    ".": ".",
    ",": ".",
    ";": ".",
    ":": ".",
    "!": ".",
    "?": ".",
    ")": ")",
    "]": ")",
    "(": "(",
    "[": "(",
    '"': '"',
    "'": '"',
    "s": "s",
    "^": "^",
    "$": "$",
    "Q": "Q",
    "-": "-",
}


def coarse(c):
    return COARSE.get(c, "p")


def keys(left, right, dq, sq, title):
    """Context keys, broadest first: the state alone, coarse neighbours, then exact classes
    ±1 without and with the state, then ±2 and ±3."""
    state = f"{int(dq)}{int(sq)}{int(title)}"
    # left is nearest-first; write it far-to-near so keys read like the text.
    l3, l2, l1 = left[2] + left[1] + left[0], left[1] + left[0], left[0]
    return [
        "S" + state,
        "C" + state + coarse(l1) + coarse(right[0]),
        "0" + l1 + right[0],
        "1" + state + l1 + right[0],
        "2" + state + l2 + right[:2],
        "3" + state + l3 + right[:3],
    ]


def starts_with_headline(text):
    first, newline, rest = text.partition("\n")
    if not newline or len(first) > TITLE_MAX_CHARS:
        return False
    return rest.partition("\n")[0].strip() == "" and "\n" in rest


class QuoteState:
    """Open quotations within a paragraph, updated by the characters as they are decided."""

    def __init__(self, text):
        self.dq = False
        self.sq = False
        self.title = starts_with_headline(text)

    def newline(self):
        self.dq = False
        self.sq = False
        self.title = False

    def update(self, ch, next_char):
        if ch == DOUBLE_OPEN:
            self.dq = True
        elif ch == DOUBLE_CLOSE:
            self.dq = False
        elif ch == SINGLE_OPEN:
            self.sq = True
        elif ch == SINGLE_CLOSE and self.sq and not (next_char or " ").isalpha():
            self.sq = False


def load_texts(path):
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r["article"] in seen:
                continue
            seen.add(r["article"])
            yield r["text"]


def collect(texts):
    """Yields (targets_by_position, damaged, gold_char, keys) for every lone `â` in order."""
    for text in texts:
        damaged, targets = damage(text)
        # Walk clean and damaged text together so the quote state follows the gold characters.
        state = QuoteState(damaged)
        n = 0
        for k, ch in enumerate(text):
            d = damage_char(ch)
            if n in targets:
                left, right = context_classes(damaged, n, targets)
                yield ch, keys(left, right, state.dq, state.sq, state.title)
            if ch == "\n":
                state.newline()
            else:
                state.update(ch, text[k + 1] if k + 1 < len(text) else "")
            n += len(d)


def train(path):
    totals = collections.Counter()
    examples = list(collect(load_texts(path)))
    for ch, _ in examples:
        totals[ch] += 1
    targets = [
        c
        for c, k in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        if k >= MIN_TARGET_COUNT and c in PUNCTUATION
    ]
    index = {c: i for i, c in enumerate(targets)}
    table = collections.defaultdict(lambda: [0] * len(targets))
    for ch, ks in examples:
        if ch not in index:
            continue
        for key in ks:
            table[key][index[ch]] += 1
    pruned = {k: v for k, v in table.items() if k[0] in "SC01" or sum(v) >= MIN_WIDE_COUNT}
    return targets, pruned


def write_model(path, targets, table):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lossy punctuation context model: written by scripts/train_lossy.py\n")
        out.write("targets\t" + ",".join(f"{ord(c):04X}" for c in targets) + "\n")
        for key in sorted(table):
            out.write(key + "\t" + ",".join(str(x) for x in table[key]) + "\n")


# ---- reference decoder, for tuning on dev (the Rust side is the real one) ----

ALPHA = float(os.environ.get("LOSSY_ALPHA", "1.0"))
BETA = float(os.environ.get("LOSSY_BETA", "0.0"))


def distribution(targets, table, ks):
    n_t = len(targets)
    p = [1.0 / n_t] * n_t
    for key in ks:
        counts = table.get(key)
        if counts is None:
            continue
        total = sum(counts)
        # Witten-Bell-like: a context that has seen several different characters trusts its
        # counts less, so the broader levels keep more say.
        weight = ALPHA * sum(1 for c in counts if c > 0) + BETA
        p = [(counts[i] + weight * p[i]) / (total + weight) for i in range(n_t)]
    return p


def plural_possessive(text, i, later):
    """plural_possessive in src/clean/lossy/decode.rs: the lone `â` at `i` follows a plural noun
    and precedes a lower-case word while the quotation goes on (the next lone `â` of the
    paragraph, among `later`, closes one before any opens one): an apostrophe, not `”`."""
    plural = i >= 2 and text[i - 1] in "sS" and is_ascii_letter(text[i - 2])
    word_follows = text[i + 1 : i + 2] == " " and "a" <= text[i + 2 : i + 3] <= "z"
    if not (plural and word_follows):
        return False
    start = i + 1
    for j in later:
        if any(c in text[start:j] for c in "\n\u201c\u201d"):
            return False
        prev = text[j - 1] if j > 0 else ""
        nxt = text[j + 1] if j + 1 < len(text) else ""
        prev_space = prev == "" or prev.isspace() or prev in "(["
        if prev_space and nxt.isalnum():
            return False
        closes = nxt == "" or nxt.isspace() or nxt in string.punctuation or nxt == "â"
        if not prev_space and closes:
            return True
        start = j + 1
    return False


def decode_document(damaged, lone, targets, table):
    """The greedy left-to-right decoder of src/clean/lossy/decode.rs (without the dash
    harmonisation): index of each lone `â` -> chosen character."""
    decided = {}
    state = QuoteState(damaged)
    order = sorted(lone)

    def next_char(j):
        return "" if j >= len(damaged) or j in lone else damaged[j]

    for i, c in enumerate(damaged):
        if c == "\n":
            state.newline()
            continue
        if i in lone:
            left, right = context_classes(damaged, i, decided)
            p = distribution(targets, table, keys(left, right, state.dq, state.sq, state.title))
            best = targets[max(range(len(p)), key=lambda k: p[k])]
            if left[0] == "0" and right[0] == "0":
                best = "\u2013"
            elif best == "\u201d" and plural_possessive(damaged, i, [j for j in order if j > i]):
                best = "\u2019"
            decided[i] = best
            state.update(best, next_char(i + 1))
        else:
            state.update(c, next_char(i + 1))
    return decided


def evaluate(path, targets, table, verbose=False):
    right = wrong = 0
    confusion = collections.Counter()
    for text in load_texts(path):
        damaged, gold = damage(text)
        decided = decode_document(damaged, gold, targets, table)
        for i, g in gold.items():
            best = decided[i]
            ok = best == g or {best, g} <= {"\u2013", "\u2014"}
            right += ok
            wrong += not ok
            if not ok:
                confusion[(g, best)] += 1
                if verbose and g != "\u2015":
                    print(
                        f"  {g} {best} {damaged[max(0, i - 50) : i]!r} [{g}] "
                        f"{damaged[i + 1 : i + 30]!r}",
                        file=sys.stderr,
                    )
    print(
        f"dev: {right}/{right + wrong} lone-â characters right (dash-lenient), {wrong} wrong",
        file=sys.stderr,
    )
    for (g, b), k in confusion.most_common(15):
        print(f"  gold {g} predicted {b}: {k}", file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    shared = os.path.join(ROOT, "..", "shared", "data", "polnear")
    ap.add_argument("--train", default=os.path.join(shared, "train.jsonl"))
    ap.add_argument(
        "--out", default=os.path.join(ROOT, "src", "clean", "lossy", "context_model.tsv")
    )
    ap.add_argument("--eval", default=None, help="dev JSONL to report accuracy on (tuning only)")
    ap.add_argument("--verbose", action="store_true", help="list the wrong choices on --eval")
    a = ap.parse_args(argv)
    if os.path.basename(a.train).startswith("dev"):
        raise SystemExit("refusing to train on dev")
    targets, table = train(a.train)
    write_model(a.out, targets, table)
    print(
        f"{len(targets)} targets, {len(table)} keys, {os.path.getsize(a.out)} bytes -> {a.out}",
        file=sys.stderr,
    )
    if a.eval:
        evaluate(a.eval, targets, table, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
