"""Item 3 of issue 15: options as ftfy users type them, unknown names with a suggestion, and the
real parameters in help()."""

from __future__ import annotations

import inspect
import io

import pytest

import saidwho

# Fictional wire copy, damaged the way a CMS export damages it: UTF-8 read as Windows-1252.
DAMAGED = "The minister said the cafÃ© tax was â€œnot on the tableâ€\x9d for now &amp; later."


def test_config_none_means_the_defaults_as_in_ftfy():
    assert saidwho.fix_text(DAMAGED, config=None) == saidwho.fix_text(DAMAGED)
    assert saidwho.clean(DAMAGED, config=None) == saidwho.clean(DAMAGED)
    assert saidwho.explain(DAMAGED, config=None) == saidwho.explain(DAMAGED)


def test_config_takes_a_clean_options():
    straight = saidwho.CleanOptions(uncurl_quotes=True)
    assert saidwho.clean(DAMAGED, config=straight) == saidwho.clean(DAMAGED, straight)
    with pytest.raises(TypeError, match="options or config, not both"):
        saidwho.clean(DAMAGED, straight, config=straight)


@pytest.mark.parametrize(
    ("call", "typo", "meant"),
    [
        (saidwho.clean, "uncurl_quote", "uncurl_quotes"),
        (saidwho.fix_text, "fix_encodings", "fix_encoding"),
        (saidwho.CleanOptions, "normalisation", "normalization"),
        (saidwho.quotes, "keep_nonspeech", "keep_non_speech"),
    ],
)
def test_unknown_option_is_named_with_a_suggestion(call, typo, meant):
    with pytest.raises(TypeError) as info:
        call(DAMAGED, **{typo: 1}) if call is not saidwho.CleanOptions else call(**{typo: 1})
    message = str(info.value)
    assert f"unknown option '{typo}'" in message
    assert f"did you mean '{meant}'?" in message
    assert "True or False" not in message


def test_unknown_option_far_from_any_name_lists_them():
    with pytest.raises(TypeError) as info:
        saidwho.clean(DAMAGED, colour=True)
    assert "unknown option 'colour'" in str(info.value)
    assert "did you mean" not in str(info.value)
    assert "uncurl_quotes" in str(info.value)


def test_unescape_html_auto_is_accepted_as_in_ftfy():
    assert saidwho.fix_text(DAMAGED, unescape_html="auto") == saidwho.fix_text(DAMAGED)
    assert saidwho.CleanOptions(unescape_html="auto").unescape_html is True
    with pytest.raises(ValueError, match="'auto'"):
        saidwho.clean(DAMAGED, unescape_html="sometimes")


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (saidwho.quotes, ["text", "clean", "keep_non_speech", "double_marks_only", "reported"]),
        (saidwho.clean, ["text", "options", "config", "unescape_html", "uncurl_quotes"]),
        (saidwho.fix_text, ["text", "options", "config", "normalization"]),
        (saidwho.explain, ["text", "options", "config", "fix_encoding"]),
        (saidwho.people, ["text", "clean"]),
        (saidwho.replay, ["text", "fixes"]),
        (saidwho.CleanOptions, ["unescape_html", "uncurl_quotes", "normalization"]),
    ],
)
def test_help_shows_the_real_parameters(function, expected):
    names = list(inspect.signature(function).parameters)
    for name in expected:
        assert name in names, (function, names)
    assert "kwargs" not in names


def test_ftfy_names_are_thin_aliases():
    fixed, fixes = saidwho.fix_and_explain(DAMAGED)
    assert fixed == saidwho.fix_text(DAMAGED)
    assert saidwho.apply_plan(DAMAGED, fixes) == fixed
    # fix_encoding repairs the encoding only: the entity stays, as in ftfy.
    only_encoding = saidwho.fix_encoding(DAMAGED)
    assert "café" in only_encoding and "&amp;" in only_encoding
    config = saidwho.TextFixerConfig(uncurl_quotes=False)
    assert config == saidwho.CleanOptions.ftfy(uncurl_quotes=False)
    assert saidwho.fix_text(DAMAGED, config=config) == saidwho.fix_text(
        DAMAGED, uncurl_quotes=False
    )


def test_fix_file_yields_fixed_lines_of_text_or_bytes():
    lines = ["Headline: cafÃ© closes\n", "It said &ldquo;goodbye&rdquo;.\n"]
    from_text = list(saidwho.fix_file(io.StringIO("".join(lines))))
    assert from_text == [saidwho.fix_text(line) for line in lines]
    from_bytes = list(saidwho.fix_file(io.BytesIO("".join(lines).encode("utf-8"))))
    assert from_bytes == from_text
