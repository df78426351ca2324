"""What a batch call reports about documents that failed under ``errors="record"``.

The policy itself (stop, or give the document no result and go on) is applied by the core
(``src/batch.rs``); this module only turns its ``(index, message)`` pairs into a warning that a
caller can see, filter, or turn into an error with ``warnings.simplefilter("error", BatchWarning)``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Literal, NamedTuple

#: The values of the batch calls' ``errors=``: stop at a failed document, or record it and go on.
Errors = Literal["raise", "record"]


class BatchFailure(NamedTuple):
    """A document of a batch that failed: its position in the input and what went wrong."""

    index: int
    message: str


class BatchWarning(UserWarning):
    """Some documents of a batch failed and were given no result (``errors="record"``).

    ``failures`` lists them in input order; ``indices`` are their positions in the input.
    """

    def __init__(self, failures: Sequence[BatchFailure]) -> None:
        self.failures = list(failures)
        shown = ", ".join(str(f.index) for f in self.failures[:20])
        more = f" and {len(self.failures) - 20} more" if len(self.failures) > 20 else ""
        super().__init__(
            f"{len(self.failures)} document(s) failed and have no result: "
            f"index {shown}{more} (a bug in saidwho: please report it)"
        )

    @property
    def indices(self) -> list[int]:
        return [f.index for f in self.failures]


def as_failures(pairs: Sequence[tuple[int, str]]) -> list[BatchFailure]:
    return [BatchFailure(index, message) for index, message in pairs]


def warn_failures(pairs: Sequence[tuple[int, str]], stacklevel: int) -> None:
    """Warns once for all the failed documents of a call, if any. ``stacklevel`` counts from
    the caller of this function, so the warning points at the user's call."""
    if pairs:
        warnings.warn(BatchWarning(as_failures(pairs)), stacklevel=stacklevel + 1)
