from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, final

__version__: str

__all__ = [
    "CleanOptions",
    "CleanedRecords",
    "Fix",
    "InternalError",
    "Person",
    "Quote",
    "QuoteRows",
    "ReplayError",
    "SaidwhoError",
    "__version__",
    "_rebuild_clean_options",
    "_rebuild_fix",
    "_rebuild_person",
    "_rebuild_quote",
    "clean",
    "clean_arrow",
    "clean_jsonl_lines",
    "clean_many",
    "explain",
    "fix_text",
    "json_strings",
    "people",
    "quotes",
    "quotes_arrow",
    "quotes_many",
    "quote_rows",
    "quote_rows_arrow",
    "replay",
    "rules",
    "thread_count",
]

_Normalization = Literal["NFC", "NFKC", "NFD", "NFKD"]
_Errors = Literal["raise", "record"]
# The batch calls return their results and the failed documents as (index, message) pairs
# (always empty unless errors="record"). `_fail_on` is the test suite's fault injection: the
# documents at those indices fail as a bug would. Never pass it outside tests.
_Failures = list[tuple[int, str]]

class SaidwhoError(Exception): ...
class InternalError(SaidwhoError): ...
class ReplayError(SaidwhoError): ...

@final
class CleanOptions:
    def __new__(
        cls,
        *,
        unescape_html: bool | Literal["auto"] = ...,
        remove_terminal_escapes: bool = ...,
        fix_encoding: bool = ...,
        restore_byte_a0: bool = ...,
        replace_lossy_sequences: bool = ...,
        decode_inconsistent_utf8: bool = ...,
        fix_c1_controls: bool = ...,
        restore_lost_punctuation: bool = ...,
        fix_latin_ligatures: bool = ...,
        fix_character_width: bool = ...,
        keep_cjk_width: bool = ...,
        uncurl_quotes: bool = ...,
        fix_line_breaks: bool = ...,
        remove_control_chars: bool = ...,
        fix_surrogates: bool = ...,
        normalization: _Normalization | None = ...,
    ) -> CleanOptions: ...
    @staticmethod
    def ftfy(**kwargs: Any) -> CleanOptions: ...
    def replace(self, **kwargs: Any) -> CleanOptions: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def normalization(self) -> _Normalization | None: ...
    @property
    def unescape_html(self) -> bool: ...
    @property
    def remove_terminal_escapes(self) -> bool: ...
    @property
    def fix_encoding(self) -> bool: ...
    @property
    def restore_byte_a0(self) -> bool: ...
    @property
    def replace_lossy_sequences(self) -> bool: ...
    @property
    def decode_inconsistent_utf8(self) -> bool: ...
    @property
    def fix_c1_controls(self) -> bool: ...
    @property
    def restore_lost_punctuation(self) -> bool: ...
    @property
    def fix_latin_ligatures(self) -> bool: ...
    @property
    def fix_character_width(self) -> bool: ...
    @property
    def keep_cjk_width(self) -> bool: ...
    @property
    def uncurl_quotes(self) -> bool: ...
    @property
    def fix_line_breaks(self) -> bool: ...
    @property
    def remove_control_chars(self) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Fix:
    @property
    def step(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...
    @property
    def pass_index(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Quote:
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def mention(self) -> str | None: ...
    @property
    def mention_start(self) -> int | None: ...
    @property
    def mention_end(self) -> int | None: ...
    @property
    def cue(self) -> str | None: ...
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    @property
    def confidence(self) -> float: ...
    @property
    def rule(self) -> str: ...
    @property
    def resolution(self) -> list[tuple[str, str]]: ...
    @property
    def resolution_text(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Person:
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...

def quotes(
    text: str,
    *,
    clean: bool | CleanOptions = True,
    keep_non_speech: bool = False,
    double_marks_only: bool = False,
    reported: bool = True,
) -> list[Quote]: ...
def quotes_many(
    texts: Sequence[str | None],
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    clean: bool | CleanOptions = True,
    keep_non_speech: bool = False,
    double_marks_only: bool = False,
    reported: bool = True,
) -> tuple[list[list[Quote]], _Failures]: ...
def people(text: str, *, clean: bool = True) -> list[Person]: ...
def rules() -> list[tuple[str, str]]: ...

# Cleaning calls: `config` is ftfy's name for `options`; keyword options go on top of either.
def clean(
    text: str,
    options: CleanOptions | None = None,
    *,
    config: CleanOptions | None = None,
    unescape_html: bool | Literal["auto"] = ...,
    remove_terminal_escapes: bool = ...,
    fix_encoding: bool = ...,
    restore_byte_a0: bool = ...,
    replace_lossy_sequences: bool = ...,
    decode_inconsistent_utf8: bool = ...,
    fix_c1_controls: bool = ...,
    restore_lost_punctuation: bool = ...,
    fix_latin_ligatures: bool = ...,
    fix_character_width: bool = ...,
    keep_cjk_width: bool = ...,
    uncurl_quotes: bool = ...,
    fix_line_breaks: bool = ...,
    remove_control_chars: bool = ...,
    fix_surrogates: bool = ...,
    normalization: _Normalization | None = ...,
) -> str: ...
def fix_text(
    text: str,
    options: CleanOptions | None = None,
    *,
    config: CleanOptions | None = None,
    unescape_html: bool | Literal["auto"] = ...,
    remove_terminal_escapes: bool = ...,
    fix_encoding: bool = ...,
    restore_byte_a0: bool = ...,
    replace_lossy_sequences: bool = ...,
    decode_inconsistent_utf8: bool = ...,
    fix_c1_controls: bool = ...,
    restore_lost_punctuation: bool = ...,
    fix_latin_ligatures: bool = ...,
    fix_character_width: bool = ...,
    keep_cjk_width: bool = ...,
    uncurl_quotes: bool = ...,
    fix_line_breaks: bool = ...,
    remove_control_chars: bool = ...,
    fix_surrogates: bool = ...,
    normalization: _Normalization | None = ...,
) -> str: ...
def explain(
    text: str,
    options: CleanOptions | None = None,
    *,
    config: CleanOptions | None = None,
    unescape_html: bool | Literal["auto"] = ...,
    remove_terminal_escapes: bool = ...,
    fix_encoding: bool = ...,
    restore_byte_a0: bool = ...,
    replace_lossy_sequences: bool = ...,
    decode_inconsistent_utf8: bool = ...,
    fix_c1_controls: bool = ...,
    restore_lost_punctuation: bool = ...,
    fix_latin_ligatures: bool = ...,
    fix_character_width: bool = ...,
    keep_cjk_width: bool = ...,
    uncurl_quotes: bool = ...,
    fix_line_breaks: bool = ...,
    remove_control_chars: bool = ...,
    fix_surrogates: bool = ...,
    normalization: _Normalization | None = ...,
) -> tuple[str, list[Fix]]: ...
def replay(text: str, fixes: Iterable[Fix]) -> str: ...
def clean_many(
    texts: Sequence[str | None],
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    options: CleanOptions | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    **kwargs: Any,
) -> tuple[list[str | None], _Failures]: ...
def clean_arrow(
    texts: Any,
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    options: CleanOptions | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    **kwargs: Any,
) -> tuple[Any, _Failures]: ...
def quotes_arrow(
    texts: Any,
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    **kwargs: Any,
) -> tuple[list[list[Quote]], _Failures]: ...

# The batch paths' quotation rows, held by the core: written as JSON lines (`to_jsonl`, the
# JSON of the id field's name and of each document's id given) or taken as one Arrow record
# batch (`to_arrow`: `doc_index`, then the columns of `quotes_frame`; an object with
# `__arrow_c_array__`, read by `pyarrow.record_batch`).
@final
class QuoteRows:
    def __len__(self) -> int: ...
    @property
    def documents(self) -> int: ...
    def counts(self, kinds: Sequence[str] | None = None) -> tuple[int, int]: ...
    def to_jsonl(self, id_key: str, ids: Sequence[str]) -> str: ...
    def to_arrow(self) -> Any: ...

def quote_rows(
    texts: Sequence[str | None],
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    **kwargs: Any,
) -> tuple[QuoteRows, _Failures]: ...
def quote_rows_arrow(
    texts: Any,
    *,
    n_threads: int | None = None,
    progress: Callable[[int], Any] | None = None,
    errors: _Errors = "raise",
    _fail_on: Sequence[int] | None = None,
    **kwargs: Any,
) -> tuple[QuoteRows, _Failures]: ...
def json_strings(texts: Sequence[str | None]) -> list[str]: ...

# One batch of a JSONL file read, cleaned and written by the core (`saidwho clean`): the JSON
# lines to write (`jsonl`) or the record batch (`to_arrow`, with `arrow=True`); `lines` of the
# lines given were used, `record_lines` are the positions of the records' lines among them and
# `failures` the records whose cleaning failed (written with a null text).
@final
class CleanedRecords:
    def __len__(self) -> int: ...
    @property
    def lines(self) -> int: ...
    @property
    def record_lines(self) -> list[int]: ...
    @property
    def failures(self) -> _Failures: ...
    def jsonl(self) -> bytes | None: ...
    def to_arrow(self) -> Any | None: ...

def clean_jsonl_lines(
    lines: Sequence[bytes],
    *,
    text_field: str,
    id_field: str | None = None,
    require_id: bool = False,
    max_records: int,
    max_chars: int,
    last: bool,
    arrow: bool = False,
    options: CleanOptions | None = None,
    n_threads: int | None = None,
    errors: _Errors = "record",
    _fail_on: Sequence[int] | None = None,
) -> tuple[Literal["batch"], CleanedRecords] | tuple[Literal["more", "python"], None]: ...
def thread_count(n_threads: int | None = None) -> int: ...
def _rebuild_clean_options(state: dict[str, Any]) -> CleanOptions: ...
def _rebuild_quote(state: dict[str, Any]) -> Quote: ...
def _rebuild_person(name: str, aliases: list[str]) -> Person: ...
def _rebuild_fix(
    pass_: int,
    step: str,
    start: int,
    end: int,
    char_start: int,
    char_end: int,
    before: str,
    after: str,
) -> Fix: ...
