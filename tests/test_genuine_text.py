"""Genuine text in languages that use â and other characters that look like mojibake."""

from __future__ import annotations

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
]


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_text_is_unchanged(text):
    assert saidwho.clean(text) == text
    assert saidwho.explain(text)[1] == []


def test_genuine_text_is_unchanged_in_one_document():
    doc = "\n\n".join(GENUINE)
    assert saidwho.clean(doc) == doc
