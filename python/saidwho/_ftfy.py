"""ftfy's names for saidwho's own functions, so code written for ftfy runs as it is.

Each is a thin alias: ``fix_and_explain`` is :func:`saidwho.explain` with ftfy's defaults,
``apply_plan`` is :func:`saidwho.replay`, ``TextFixerConfig`` builds a
:class:`saidwho.CleanOptions` with ftfy's defaults, ``fix_encoding`` runs the encoding repairs
only and ``fix_file`` fixes a file line by line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from saidwho._core import CleanOptions, Fix, explain, fix_text, replay

__all__ = ["TextFixerConfig", "apply_plan", "fix_and_explain", "fix_encoding", "fix_file"]

# The steps ftfy's fix_encoding runs: the mojibake repairs, nothing else.
_ENCODING_STEPS = (
    "fix_encoding",
    "restore_byte_a0",
    "replace_lossy_sequences",
    "decode_inconsistent_utf8",
    "fix_c1_controls",
)


def TextFixerConfig(**kwargs: Any) -> CleanOptions:  # noqa: N802 - ftfy's class name
    """ftfy's ``TextFixerConfig``: a :class:`CleanOptions` with ftfy's defaults (straight
    quotes), the given options on top."""
    return CleanOptions.ftfy(**kwargs)


def fix_and_explain(
    text: str, config: CleanOptions | None = None, **kwargs: Any
) -> tuple[str, list[Fix]]:
    """ftfy's ``fix_and_explain``: :func:`saidwho.explain` with ftfy's defaults. Returns the
    text and the fixes, which :func:`apply_plan` (:func:`saidwho.replay`) applies again."""
    return explain(text, config=config or CleanOptions.ftfy(), **kwargs)


def apply_plan(text: str, plan: Iterable[Fix]) -> str:
    """ftfy's ``apply_plan``: :func:`saidwho.replay`."""
    return replay(text, plan)


def fix_encoding(text: str) -> str:
    """ftfy's ``fix_encoding``: the mojibake repairs only (entities, quotes and line breaks
    are left as they are)."""
    options = CleanOptions(
        **{
            name: name in _ENCODING_STEPS
            for name in CleanOptions().to_dict()
            if name != "normalization"
        },
        normalization=None,
    )
    return fix_text(text, options)


def fix_file(
    input_file: IO[str] | IO[bytes],
    encoding: str | None = None,
    config: CleanOptions | None = None,
    **kwargs: Any,
) -> Iterator[str]:
    """ftfy's ``fix_file``: yields the fixed lines of an open file, text or binary (bytes are
    decoded with ``encoding``, or as UTF-8 with saidwho's Windows-1252 fallback)."""
    from saidwho.io import decode_text

    name = getattr(input_file, "name", "<file>")
    for line in input_file:
        if isinstance(line, bytes):
            line = line.decode(encoding) if encoding else decode_text(line, str(name))
        yield fix_text(line, config=config, **kwargs)
