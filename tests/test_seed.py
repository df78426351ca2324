"""The article that started the project (../shared/seed): damaged by C1 stripping."""

from __future__ import annotations

import saidwho


def lenient(text: str) -> str:
    # A spaced dash whose bytes were lost cannot be told en from em: either is right.
    return text.replace("\u2014", "\u2013")


def test_seed_article_is_restored(shared):
    damaged = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    gold = (shared / "seed" / "article.clean.txt").read_text(encoding="utf-8")
    cleaned = saidwho.clean(damaged)
    assert "â" not in cleaned and "⊠" not in cleaned
    assert lenient(cleaned) == lenient(gold)


def test_example_article_is_restored(examples):
    damaged = (examples / "article.txt").read_text(encoding="utf-8")
    gold = (examples / "article.clean.txt").read_text(encoding="utf-8")
    assert lenient(saidwho.clean(damaged)) == lenient(gold)
