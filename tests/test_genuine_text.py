"""Genuine text in languages that use â and other characters that look like mojibake, and the
damaged English that must still be repaired beside it (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

import saidwho

GENUINE = [
    # French
    "Le château a rouvert ses portes ; à l’âge de 90 ans, elle a visité la pâtisserie.",
    "« C’est une journée historique », a déclaré le ministre à Besançon.",
    # Portuguese
    "A Câmara dos Deputados aprovou o projeto no âmbito da reforma, disse o relator à imprensa.",
    # Romanian
    "România a câștigat meciul, iar sculptura lui Brâncuși a fost expusă la București.",
    "Câinele a mâncat pâine și brânză în fața casei.",
    # Vietnamese
    "Ông Nguyễn Văn An cân nhắc kế hoạch tại Hà Nội; tâm lý người dân Việt Nam ổn định.",
    # Others
    "Der Bürgermeister sagte: „Wir schaffen das.“ Die Straße bleibt gesperrt.",
    "El presidente afirmó que «la economía crece» y pidió calma en Cádiz.",
    "Prezydent Wałęsa powiedział, że Łódź i Gdańsk są gotowe.",
    "Ο πρωθυπουργός δήλωσε ότι η Αθήνα είναι έτοιμη.",
    "Министр заявил, что переговоры в Москве продолжатся.",
    "首相は東京で記者会見を開いた。",
    "وقال الوزير إن المحادثات ستستمر",
    "Fans cheered 🎉 as the mayor said “we’re back” — and meant it… ’90s style.",
    # The examples of issue 13: `â` is a letter in each.
    "Consiliul a luat o hotărâre: coborâre de preț.",
    "Lisbona, Portugâ",
    "Portugâ",
    "Al à pierdût la ciâve.",
    "Ena yr Iâ",
    "Il fallait qu’il coordonât les secours.",
    "“甲”，“乙”",
]

MULTILINGUAL = Path(__file__).parent / "data" / "genuine_multilingual.tsv"


def multilingual() -> list[tuple[str, str]]:
    rows = []
    for line in MULTILINGUAL.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_text_is_unchanged(text):
    assert saidwho.clean(text) == text
    assert saidwho.explain(text)[1] == []


def test_genuine_text_is_unchanged_in_one_document():
    doc = "\n\n".join(GENUINE)
    assert saidwho.clean(doc) == doc


def test_the_multilingual_set_is_unchanged_line_by_line_and_as_a_whole():
    rows = multilingual()
    assert len(rows) >= 500
    assert len({lang for lang, _ in rows}) >= 8
    texts = [text for _, text in rows]
    changed = [(t, c) for t, c in zip(texts, saidwho.clean_many(texts), strict=True) if t != c]
    assert changed == []
    doc = "\n".join(texts)
    assert saidwho.clean(doc) == doc


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("I think Iâve got it", "I think I’ve got it"),
        (
            "Iâve set it up so it works, and Iâll explain why.",
            "I’ve set it up so it works, and I’ll explain why.",
        ),
        ("Youâll see. Weâre done.", "You’ll see. We’re done."),
        (
            "The union said the buyersâ strike would go on.",
            "The union said the buyers’ strike would go on.",
        ),
    ],
)
def test_damaged_english_snippets_are_repaired_and_explained(damaged, repaired):
    assert saidwho.clean(damaged) == repaired
    text, fixes = saidwho.explain(damaged)
    assert text == repaired
    assert fixes and all(f.step == "restore_lost_punctuation" for f in fixes)
    for f in fixes:
        assert damaged[f.start : f.end] == f.before == "â"
        assert f.after in "’”“"
    assert saidwho.replay(damaged, fixes) == repaired
