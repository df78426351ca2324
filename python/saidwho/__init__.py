"""saidwho: clean news text and tell who said what.

The work is done by a Rust core (``saidwho._core``); this package adds progress bars and the
command line. Offsets are always ``str`` indices (code points).
"""

from __future__ import annotations

import sys as _sys
from collections.abc import Callable, Iterable
from typing import Any

from saidwho._core import (
    CleanOptions,
    Fix,
    InternalError,
    Person,
    Quote,
    ReplayError,
    SaidwhoError,
    __version__,
    clean,
    explain,
    fix_text,
    people,
    quotes,
    replay,
    thread_count,
)
from saidwho._core import clean_many as _clean_many
from saidwho._core import quotes_many as _quotes_many
from saidwho.display import Highlighted, show

__all__ = [
    "CleanOptions",
    "Fix",
    "Highlighted",
    "InternalError",
    "Person",
    "Quote",
    "ReplayError",
    "SaidwhoError",
    "__version__",
    "clean",
    "clean_many",
    "explain",
    "fix_text",
    "people",
    "plot_speakers",
    "quotes",
    "quotes_frame",
    "quotes_many",
    "replay",
    "show",
    "speakers",
    "thread_count",
]

# Names whose modules need pandas (or matplotlib): imported on first use, so that
# ``import saidwho`` stays fast and works without the optional extras.
_LAZY = {
    "quotes_frame": "saidwho.pandas",
    "speakers": "saidwho.summary",
    "plot_speakers": "saidwho.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'saidwho' has no attribute {name!r}")
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise ImportError(
            f"saidwho.{name} needs pandas and pyarrow: pip install 'saidwho[pandas]'"
        ) from exc


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def _progress_callback(
    progress: bool | Callable[[int], Any], total: int, desc: str
) -> tuple[Callable[[int], Any] | None, Callable[[], None]]:
    """A callback taking the number of documents just finished, and a function to close it.

    ``progress=True`` shows a ``tqdm.auto`` bar (a widget in Jupyter); a callable is called as is.
    """
    if progress is False or progress is None:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("progress=True needs tqdm: pip install 'saidwho[progress]'") from exc
    bar = tqdm(total=total, desc=desc, unit="doc")
    return bar.update, bar.close


def _as_batch(texts: Iterable[str | None]) -> list[str | None] | tuple[str | None, ...]:
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"texts must be a sequence of str, not a single {type(texts).__name__}")
    if isinstance(texts, (list, tuple)):
        return texts
    return list(texts)


def clean_many(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    options: CleanOptions | None = None,
    **kwargs: Any,
) -> list[str | None]:
    """Clean many texts in parallel (GIL released). ``None`` items stay ``None``.

    ``n_threads`` defaults to ``SAIDWHO_NUM_THREADS`` or all cores; ``progress=True`` shows a
    tqdm bar, or pass a callable that receives the number of documents finished.
    """
    texts = _as_batch(texts)
    callback, close = _progress_callback(progress, len(texts), "cleaning")
    try:
        return _clean_many(texts, n_threads=n_threads, progress=callback, options=options, **kwargs)
    finally:
        close()


def quotes_many(
    texts: Iterable[str | None],
    *,
    n_threads: int | None = None,
    progress: bool | Callable[[int], Any] = False,
    **options: Any,
) -> list[list[Quote]]:
    """The quotations of many texts, in parallel (GIL released); one list per text, in order
    (empty for ``None``). Options as for :func:`quotes`; ``n_threads`` and ``progress`` as for
    :func:`clean_many`."""
    texts = _as_batch(texts)
    callback, close = _progress_callback(progress, len(texts), "quotes")
    try:
        return _quotes_many(texts, n_threads=n_threads, progress=callback, **options)
    finally:
        close()


if "pandas" in _sys.modules:  # register Series.saidwho, without paying pandas' import otherwise
    import saidwho.pandas  # noqa: F401
