"""No predicted speaker over PolNeAR train is a time phrase, a verb phrase or a fragment.

Speakers are people, organisations, documents or descriptions. This runs saidwho over every
article of ``../shared/data/polnear/train.jsonl`` (the first annotation of each, as the scorer
reads them) and checks each speaker mention against the kinds of non-speaker users saw, judged
here by plain criteria of their own (not by the code's part-of-speech tagger):

- a time phrase: its last word is a lower-case time noun (``afternoon``, ``the past``);
- a clause: it holds ``it's``, ``that's``, ``there's``, ``what's`` or a negated auxiliary
  (``wasn't``);
- a verb phrase: a lower-case verb form opening it before an article (``sends a clear``), or
  a lower-case ``-ed``/``-ing`` form right after a subject pronoun or an auxiliary (``has
  fielded sharp``, ``are facing sharp``);
- a fragment: it opens with ``only``, ``even`` or ``just``, or it is the lone word of an
  adverbial phrase (``in fact``, ``at times``, ``at least``).

Skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import saidwho

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train.jsonl"

TIME_NOUNS = {
    "afternoon", "morning", "evening", "night", "tonight", "today", "yesterday", "tomorrow",
    "week", "weekend", "month", "year", "past", "future", "moment",
}  # fmt: skip
CLAUSE = re.compile(r"\b(it|that|there|what)['’]s\b|n['’]t\b", re.IGNORECASE)
VERB_BEFORE_ARTICLE = re.compile(r"^[a-z]+(?:s|ed)\s+(?:a|an|the)\b")
VERB_AFTER_SUBJECT = re.compile(
    r"\b(?:he|she|they|we|i|has|have|had|is|are|was|were)\s+$", re.IGNORECASE
)
VERB_FORM = re.compile(r"^[a-z]+(?:ed|ing)$")
ADVERB_OPENERS = {"only", "even", "just"}
ADVERBIAL_PHRASE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)


def kind_of_non_speaker(text: str, start: int, end: int) -> str | None:
    """Which kind of non-speaker the mention at ``text[start:end]`` is, if it is one."""
    mention = text[start:end]
    words = mention.split()
    if not words:
        return "empty"
    last = words[-1].strip(".,;:")
    if last in TIME_NOUNS:
        return "time phrase"
    if CLAUSE.search(mention):
        return "clause"
    if VERB_BEFORE_ARTICLE.match(mention):
        return "verb phrase"
    if VERB_FORM.match(words[0]) and VERB_AFTER_SUBJECT.search(text[:start]):
        return "verb phrase"
    if words[0].lower() in ADVERB_OPENERS:
        return "fragment (adverb)"
    if len(words) == 1 and mention.islower() and ADVERBIAL_PHRASE.search(text[:start]):
        return "fragment (adverbial phrase)"
    return None


def test_the_criteria_catch_what_users_saw() -> None:
    text = "On Tuesday afternoon sends a clear signal. Only European leaders, in fact, it’s late."
    for mention, kind in [
        ("afternoon", "time phrase"),
        ("sends a clear", "verb phrase"),
        ("Only European", "fragment (adverb)"),
        ("fact", "fragment (adverbial phrase)"),
        ("it’s", "clause"),
    ]:
        at = text.index(mention)
        assert kind_of_non_speaker(text, at, at + len(mention)) == kind, mention
    text = "The mayor has fielded sharp criticism."
    at = text.index("fielded")
    assert kind_of_non_speaker(text, at, at + len("fielded sharp")) == "verb phrase"
    for mention in ("Keir Starmer", "the editorial", "two people briefed on the talks", "He’s"):
        text = f"{mention} said the talks had failed."
        assert kind_of_non_speaker(text, 0, len(mention)) is None, mention


@pytest.mark.skipif(not TRAIN.exists(), reason="../shared/data/polnear is absent")
def test_no_speaker_on_train_is_a_fragment() -> None:
    texts, seen = [], set()
    with TRAIN.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["article"] not in seen:
                seen.add(record["article"])
                texts.append(record["text"])
    assert len(texts) > 500
    found = saidwho.quotes_many(texts, clean=False)
    bad, mentions = [], 0
    for text, quotes in zip(texts, found, strict=True):
        for q in quotes:
            if q.mention_start is None or q.mention_end is None:
                continue
            mentions += 1
            kind = kind_of_non_speaker(text, q.mention_start, q.mention_end)
            if kind is not None:
                context = text[max(0, q.mention_start - 40) : q.mention_end + 40]
                bad.append(f"{kind}: {q.mention!r} in …{context!r}…")
    assert mentions > 10_000
    assert not bad, f"{len(bad)} of {mentions} mentions are no speaker:\n" + "\n".join(bad[:40])
