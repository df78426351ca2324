"""Properties of the cleaner over real news in every kind of damage (needs ../shared)."""

from __future__ import annotations

import json
import random
import sys

import pytest

import saidwho

MODES = ["c1-stripped", "latin1", "cp1252", "cp1252-twice", "cp1252-nbsp", "html", "macroman"]


@pytest.fixture(scope="module")
def corpus(shared):
    sys.path.insert(0, str(shared / "eval"))
    try:
        import damage
    finally:
        sys.path.pop(0)
    with open(shared / "data" / "polnear" / "dev.jsonl", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:40]
    return texts + [damage.damage(t, mode) for mode in MODES for t in texts]


def test_cleaning_is_idempotent(corpus):
    cleaned = saidwho.clean_many(corpus)
    assert saidwho.clean_many(cleaned) == cleaned


def test_explanations_replay_to_the_same_output(corpus):
    for text in corpus:
        out, fixes = saidwho.explain(text)
        assert saidwho.replay(text, fixes) == out
        assert out == saidwho.clean(text)


def test_fix_offsets_index_the_text_each_step_saw(corpus):
    # The first pass's fixes index the input itself.
    for text in corpus[:80]:
        _, fixes = saidwho.explain(text)
        first = [f for f in fixes if f.pass_index == fixes[0].pass_index] if fixes else []
        for f in first:
            assert text[f.start : f.end] == f.before


def test_random_hostile_text_is_cleaned_to_a_fixed_point():
    rng = random.Random(7)
    alphabet = "aé â€™“”Ã©\x80\x9d\u00a0&amp;&#;<>\r\n\x1b[0m\ufeff\u0301ﬁＡ⊠¦¢"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        out, fixes = saidwho.explain(text)
        assert saidwho.clean(out) == out
        assert saidwho.replay(text, fixes) == out
