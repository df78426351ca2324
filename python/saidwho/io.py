"""Reading and writing collections of documents in batches, for the command line.

Formats: ``txt`` (one document), ``txtdir`` (a directory of ``.txt`` files, one document each),
``jsonl``, ``csv`` and ``parquet``. Readers yield :class:`Batch` objects of at most
``batch_size`` records (and about ``batch_bytes`` of text), so a multi-gigabyte file is processed
in flat memory; writers take batches in any format and write to a temporary file beside the
output, renamed into place only by :meth:`Writer.commit`, so an interrupted run never leaves a
half-written output.

The layer knows nothing about cleaning: a command maps each input batch to an output batch
(cleaning keeps the shape; quotation extraction gives one row per quote, held by the core and
handed over as :class:`CoreRows`, which the JSONL and Parquet writers take without a Python
dict per row).

Text input (``.txt``, ``.jsonl``, ``.csv``, each possibly gzip-compressed as ``.gz``) is checked
before anything is written: binary data and compressed files under a text name are refused
(:func:`check_text_bytes`). It is decoded by one rule for every format: the ``encoding`` given,
or else UTF-8 (a UTF-16 byte order mark is honoured) with a fallback to Windows-1252, said on
standard error (:func:`decode_text`).

JSONL, CSV and text need only the standard library; Parquet needs pyarrow (``pip install
'saidwho[pandas]'``).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

__all__ = [
    "FORMATS",
    "Batch",
    "CoreRecords",
    "CoreRows",
    "InputError",
    "Reader",
    "Writer",
    "check_encoding",
    "check_text_bytes",
    "decode_text",
    "format_of",
    "open_reader",
    "open_writer",
]

FORMATS = ("txt", "txtdir", "jsonl", "csv", "parquet")
BATCH_SIZE = 2000
BATCH_BYTES = 32 << 20  # a batch of very long documents is cut earlier, to keep memory flat
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


class InputError(ValueError):
    """The input (or the requested output) cannot be processed; the message names the file and
    the line, row or document."""


# --------------------------------------------------------------------------------------------
# Batches


@dataclass
class Batch:
    """Up to a few thousand records read from one input.

    ``texts[i]`` is the text of record ``i`` (``None`` when missing), ``where[i]`` says where it
    came from (``"line 12"``, ``"row 3"``, ``"a.txt"``) and ``ids[i]`` is the value of the id
    field, or ``None``. The whole records are kept either as ``rows`` (dicts: JSONL, CSV, text)
    or as ``arrow`` (a ``pyarrow.RecordBatch``: Parquet), so that every other field reaches the
    output untouched.
    """

    source: str
    text_field: str
    texts: list[str | None]
    where: list[str]
    ids: list[Any]
    rows: list[dict[str, Any]] | None = None
    arrow: Any = None  # pyarrow.RecordBatch; typed loosely so pyarrow stays optional
    _texts_replaced: bool = field(default=False, repr=False)

    @classmethod
    def from_rows(
        cls, rows: list[dict[str, Any]], *, source: str, text_field: str = "text"
    ) -> Batch:
        """A batch of new records (e.g. one row per quotation) to hand to a writer."""
        return cls(
            source=source,
            text_field=text_field,
            texts=[row.get(text_field) for row in rows],
            where=[f"record {i + 1}" for i in range(len(rows))],
            ids=[None] * len(rows),
            rows=rows,
        )

    def __len__(self) -> int:
        return len(self.texts)

    def with_texts(self, texts: Sequence[str | None]) -> Batch:
        """The same records with ``texts`` in the text field."""
        if len(texts) != len(self.texts):
            raise ValueError(f"expected {len(self.texts)} texts, got {len(texts)}")
        return replace(self, texts=list(texts), _texts_replaced=True)

    def to_rows(self) -> list[dict[str, Any]]:
        if self.rows is not None:
            rows = self.rows
        else:
            rows = self.arrow.to_pylist()
        if not self._texts_replaced:
            return rows
        out = []
        for row, text in zip(rows, self.texts, strict=True):
            row = dict(row)
            row[self.text_field] = text
            out.append(row)
        return out

    def to_arrow(self, schema: Any = None) -> Any:
        """The records as a ``pyarrow.RecordBatch`` (with ``schema`` when given)."""
        pa = _pyarrow("Parquet output")
        if self.arrow is None:
            rows = self.to_rows()
            # Every key of every record (from_pylist would look at the first record only).
            names = list(dict.fromkeys(key for row in rows for key in row))
            if schema is not None:
                extra = [name for name in names if name not in schema.names]
                if extra:
                    raise InputError(
                        f"{self.source}, records from {self.where[0]} on: fields {extra} are "
                        "not among the columns (taken from the first records)"
                    )
                names = schema.names
            columns = {name: [row.get(name) for row in rows] for name in names}
            try:
                return pa.RecordBatch.from_pydict(columns, schema=schema)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise InputError(
                    f"{self.source}, records from {self.where[0]} on: values do not fit one "
                    f"column type ({exc})"
                ) from exc
        batch = self.arrow
        if self._texts_replaced:
            names = batch.schema.names
            column = names.index(self.text_field)
            kind = batch.schema.field(column).type
            if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
                kind = pa.large_string()
            batch = batch.set_column(column, self.text_field, pa.array(self.texts, type=kind))
        if schema is not None and not batch.schema.equals(schema):
            batch = batch.cast(schema)
        return batch


class CoreRows:
    """New records built by the core, one per quotation (``saidwho._core.QuoteRows``), handed
    to a writer without a Python dict per record: JSONL is written by the core itself, Parquet
    gets one Arrow record batch. Each record is ``{id_field: ids[doc], **row}``: ``ids[i]`` is
    the id of the batch's text ``i``. CSV (and any other writer) takes :meth:`to_rows`."""

    def __init__(self, rows: Any, ids: Sequence[Any], *, source: str, id_field: str) -> None:
        self.rows = rows
        self.ids = list(ids)
        self.source = source
        self.id_field = id_field
        self.text_field = "text"
        self._arrow: Any = None

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def where(self) -> list[str]:
        return [f"record {i + 1}" for i in range(len(self))]

    @property
    def texts(self) -> list[str | None]:
        return [row.get(self.text_field) for row in self.to_rows()]

    def _core_arrow(self) -> Any:
        """The core's record batch: ``doc_index``, then the row's own columns."""
        if self._arrow is None:
            self._arrow = _pyarrow("Arrow output").record_batch(self.rows.to_arrow())
        return self._arrow

    def to_rows(self) -> list[dict[str, Any]]:
        arrow = self._core_arrow()
        ids = self.ids
        rows = []
        for row in arrow.to_pylist():
            doc = row.pop("doc_index")
            rows.append({self.id_field: ids[doc], **row})
        return rows

    def to_jsonl(self, encode: Any) -> str | None:
        """The records as JSON lines, ``encode`` giving the JSON of the field name and of each
        id (so that they are written as every other JSON value of the run); ``None`` when the
        records need :meth:`to_rows` (an id field named like a row column)."""
        if self.id_field in _ROW_COLUMNS:
            return None
        return self.rows.to_jsonl(encode(self.id_field), [encode(ident) for ident in self.ids])

    def to_arrow(self, schema: Any = None) -> Any:
        """The records as a ``pyarrow.RecordBatch``, the id column first (with ``schema``)."""
        pa = _pyarrow("Parquet output")
        if self.id_field in _ROW_COLUMNS:
            return Batch.from_rows(self.to_rows(), source=self.source).to_arrow(schema)
        arrow = self._core_arrow()
        doc_index = arrow.column("doc_index").to_numpy()
        ids = self.ids
        where = f"{self.source}, records from record 1 on"
        try:
            column = pa.array([ids[doc] for doc in doc_index])
            batch = pa.RecordBatch.from_arrays(
                [column, *arrow.columns[1:]], names=[self.id_field, *arrow.schema.names[1:]]
            )
            if schema is not None and not batch.schema.equals(schema):
                if batch.schema.names != schema.names:
                    extra = [name for name in batch.schema.names if name not in schema.names]
                    raise InputError(
                        f"{where}: fields {extra} are not among the columns (taken from the "
                        "first records)"
                    )
                batch = batch.cast(schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
            raise InputError(f"{where}: values do not fit one column type ({exc})") from exc
        return batch


# The columns of a quotation row (`saidwho._core.QuoteRows`), after its document's id.
_ROW_COLUMNS = frozenset(
    "start end text type kind speaker mention mention_start mention_end cue cue_start cue_end "
    "confidence rule resolution".split()
)


# `saidwho clean` reads JSONL in the core (:meth:`JsonlReader.core_batches`) when this is true;
# the tests turn it off to compare with the Python reader and writer it stands in for.
core_records = True


class CoreRecords:
    """A batch of JSONL records read, cleaned and written by the core
    (``saidwho._core.CleanedRecords``): the JSONL writer takes its lines as they are, the
    Parquet writer its record batch. ``where`` and ``source`` name each record's line, for the
    failures the core reports (``failures``: ``(record index, message)``)."""

    def __init__(
        self,
        core: Any,
        *,
        source: str,
        text_field: str,
        first_line: int,
        lines: list[bytes] | None = None,
    ) -> None:
        self.core = core
        self.source = source
        self.text_field = text_field
        self.failures: list[tuple[int, str]] = core.failures
        self._first_line = first_line
        # The records' own lines, kept for Parquet: see :meth:`to_rows`.
        self._lines = lines

    def __len__(self) -> int:
        return len(self.core)

    @property
    def where(self) -> list[str]:
        first = self._first_line
        return [f"line {first + i}" for i in self.core.record_lines]

    def jsonl(self) -> bytes:
        data = self.core.jsonl()
        assert data is not None, "the records were read for Arrow output"
        return data  # type: ignore[no-any-return]

    def to_rows(self) -> list[dict[str, Any]]:
        """The records as dicts, read again from their lines, with the cleaned texts."""
        assert self._lines is not None, "the records were read for JSONL output"
        texts = _pyarrow("Arrow output").record_batch(self.core.to_arrow())
        texts = texts.column(self.text_field).to_pylist()
        rows = []
        for i, text in zip(self.core.record_lines, texts, strict=True):
            row = json.loads(self._lines[i])
            row[self.text_field] = text
            rows.append(row)
        return rows

    def to_arrow(self, schema: Any = None) -> Any:
        """The records as a ``pyarrow.RecordBatch`` (with ``schema`` when given), as
        :meth:`Batch.to_arrow` builds it from the same records' dicts."""
        pa = _pyarrow("Parquet output")
        batch = pa.record_batch(self.core.to_arrow())
        if schema is None:
            return batch
        names = batch.schema.names
        extra = [name for name in names if name not in schema.names]
        if extra:
            raise InputError(
                f"{self.source}, records from {self.where[0]} on: fields {extra} are "
                "not among the columns (taken from the first records)"
            )
        columns = []
        for wanted in schema:
            if wanted.name not in names:
                columns.append(pa.nulls(batch.num_rows, wanted.type))
                continue
            column = batch.column(wanted.name)
            if column.type == wanted.type:
                columns.append(column)
            elif pa.types.is_null(column.type):
                columns.append(pa.nulls(batch.num_rows, wanted.type))
            elif pa.types.is_string(column.type) and pa.types.is_large_string(wanted.type):
                columns.append(column.cast(wanted.type))
            else:  # values pyarrow converts (or refuses) by their Python type: as before
                rows = Batch.from_rows(self.to_rows(), source=self.source)
                rows.where = self.where
                return rows.to_arrow(schema)
        return pa.RecordBatch.from_arrays(columns, schema=schema)


# --------------------------------------------------------------------------------------------
# Formats


def format_of(path: str, forced: str | None = None, *, output: bool = False) -> str:
    """The format of ``path``: ``forced`` if given, else a directory (or, for an output, a path
    without a suffix) is ``txtdir``, else by suffix; ``-`` is text."""
    if forced:
        if forced not in FORMATS:
            raise InputError(f"unknown format {forced!r}; expected one of {', '.join(FORMATS)}")
        return forced
    if path == "-":
        return "txt"
    p = Path(path)
    if p.is_dir() or path.endswith(("/", os.sep)):
        return "txtdir"
    suffix = p.suffix.lower()
    if suffix == ".gz" and not output:
        inner = _SUFFIXES.get(Path(p.stem).suffix.lower())
        if inner in ("txt", "jsonl", "csv"):
            return inner
        raise InputError(
            f"{path}: a .gz input is read as what it contains: name it .txt.gz, .jsonl.gz or "
            ".csv.gz (or give --format)"
        )
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix == "":
        return "txtdir" if output else "txt"
    raise InputError(
        f"{path}: cannot tell the format from the extension {suffix!r}; "
        f"use --format ({', '.join(FORMATS)})"
    )


def _pyarrow(purpose: str) -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise InputError(
            f"{purpose} needs pyarrow, which is not installed: pip install 'saidwho[pandas]'"
        ) from exc
    return pa


_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _latin1_for_undefined(exc: UnicodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined; Windows itself maps them to the same code points
    # (as Latin-1 does), which is what a mis-saved file contains and what the cleaner repairs.
    assert isinstance(exc, UnicodeDecodeError)
    byte = exc.object[exc.start]
    if byte in _CP1252_UNDEFINED:
        return chr(byte), exc.start + 1
    raise exc


codecs.register_error("saidwho-cp1252", _latin1_for_undefined)


# What a file that is not text starts with, and what to call it in the message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed (name it .gz to read what it holds)"),
    (b"PK\x03\x04", "a zip archive"),
    (b"BZh91AY&SY", "bzip2-compressed"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"(\xb5/\xfd", "zstd-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PAR1", "a Parquet file (name it .parquet)"),
)
# Bytes no text file holds: C0 controls other than tab, line ends, form feed and escape (news
# feeds carry terminal escapes, which the cleaner removes), and DEL.
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\v\f\r\x1b") | {0x7F}
# A text with a tenth of its bytes such controls is not a damaged article but another kind of
# file (random data has about one in ten; damaged articles in ../shared have under one in 1,000).
_CONTROL_SHARE = 0.10
SNIFF_BYTES = 1 << 16
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def check_text_bytes(head: bytes, name: str, encoding: str | None = None) -> None:
    """Raises :class:`InputError` if ``head`` (the first bytes of ``name``) is not text: a known
    binary or compressed format, a NUL byte, or a large share of control bytes."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text")
    if _wide_encoding(encoding) or head.startswith(_UTF16_BOMS):
        return  # UTF-16 and UTF-32 hold NUL bytes in every line
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary data, not text (a NUL byte at byte {nul})")
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    if head and controls / len(head) > _CONTROL_SHARE:
        raise InputError(
            f"{name}: binary data, not text ({controls} control bytes in the first {len(head)})"
        )


def _wide_encoding(encoding: str | None) -> bool:
    return encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def check_encoding(encoding: str | None) -> str | None:
    """``encoding`` if Python knows it (``--encoding``), else :class:`InputError`."""
    if encoding is None:
        return None
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    return encoding


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decodes a text file: as ``encoding`` when given (an error names the byte), else as
    UTF-8. A file that is not valid UTF-8 was most likely saved by a Windows tool: decode it as
    Windows-1252 (bytes it leaves undefined as Latin-1) so the cleaner can still repair what is
    inside, and say so on standard error. A UTF-16 byte order mark is honoured."""
    if encoding is None and data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid {encoding} (byte {exc.start})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        print(
            f"saidwho: {name} is not valid UTF-8 (byte {exc.start}); reading it as Windows-1252",
            file=sys.stderr,
        )
        return data.decode("cp1252", errors="saidwho-cp1252")


def _text_lines(raw: IO[bytes], name: str, encoding: str | None) -> Iterator[str]:
    """The lines of a byte stream (each with its ``\n``; no other line break splits them, so
    a CSV field keeps its U+2028), decoded by the rule of :func:`decode_text` applied line by
    line: a line that is not valid UTF-8 is read as Windows-1252, said once on standard
    error. Errors name the line."""
    if encoding is None:
        head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if head in _UTF16_BOMS:
            encoding = "utf-16"
    if encoding is None:
        warned = False
        for lineno, line in enumerate(raw, start=1):
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as exc:
                if not warned:
                    print(
                        f"saidwho: {name}, line {lineno} is not valid UTF-8 (byte {exc.start}); "
                        "reading such lines as Windows-1252",
                        file=sys.stderr,
                    )
                    warned = True
                yield line.decode("cp1252", errors="saidwho-cp1252")
        return
    # Fed line by line (split at the byte 0x0A): the decoder carries a split character over, and
    # the decoded text is split again at "\n", which also serves UTF-16.
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    lineno = 0
    for chunk in _with_end(raw):
        try:
            pending += decoder.decode(chunk or b"", final=chunk is None)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}, line {lineno + 1}: not valid {encoding}") from exc
        *lines, pending = pending.split("\n")
        for line in lines:
            lineno += 1
            yield line + "\n"
    if pending:
        yield pending


def _with_end(raw: IO[bytes]) -> Iterator[bytes | None]:
    yield from raw
    yield None


# --------------------------------------------------------------------------------------------
# Readers


class Reader:
    """Yields batches; ``total`` and ``position()`` (in ``unit``) drive a progress bar."""

    unit = "B"

    def __init__(
        self,
        path: str,
        *,
        text_field: str = "text",
        id_field: str | None = None,
        require_id: bool = False,
        batch_size: int = BATCH_SIZE,
        batch_bytes: int = BATCH_BYTES,
        encoding: str | None = None,
    ) -> None:
        self.path = path
        self.encoding = check_encoding(encoding)
        self.text_field = text_field
        self.id_field = id_field
        self.require_id = require_id
        self.batch_size = max(1, batch_size)
        self.batch_bytes = batch_bytes
        self.total: int | None = None
        self.records = 0

    def position(self) -> int:
        return 0

    def batches(self) -> Iterator[Batch]:
        raise NotImplementedError

    def _record_id(self, record: dict[str, Any], where: str) -> Any:
        if self.id_field is None:
            return None
        if self.id_field not in record:
            if self.require_id:
                raise InputError(f"{self.path}, {where}: no field {self.id_field!r}")
            return None
        return record[self.id_field]

    def _record_text(self, record: dict[str, Any], where: str) -> str | None:
        if self.text_field not in record:
            raise InputError(f"{self.path}, {where}: no field {self.text_field!r}")
        value = record[self.text_field]
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"{self.path}, {where}: field {self.text_field!r} is "
                f"{type(value).__name__}, expected a string or null"
            )
        return value


class _RowCollector:
    """Collects dict records into batches cut by count and by text size."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._reset()

    def _reset(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.texts: list[str | None] = []
        self.where: list[str] = []
        self.ids: list[Any] = []
        self.size = 0

    def add(self, record: dict[str, Any], where: str) -> Batch | None:
        reader = self.reader
        text = reader._record_text(record, where)
        self.rows.append(record)
        self.texts.append(text)
        self.where.append(where)
        self.ids.append(reader._record_id(record, where))
        self.size += len(text) if text else 0
        reader.records += 1
        if len(self.rows) >= reader.batch_size or self.size >= reader.batch_bytes:
            return self.take()
        return None

    def take(self) -> Batch | None:
        if not self.rows:
            return None
        batch = Batch(
            source=self.reader.path,
            text_field=self.reader.text_field,
            texts=self.texts,
            where=self.where,
            ids=self.ids,
            rows=self.rows,
        )
        self._reset()
        return batch


# What a damaged .gz file raises while it is read.
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def _is_gzip(path: str) -> bool:
    return path.lower().endswith(".gz")


def _read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (decompressed if it is a ``.gz``), or of standard input (``-``)."""
    if path == "-":
        return sys.stdin.buffer.read()
    if not _is_gzip(path):
        return Path(path).read_bytes()
    try:
        with gzip.open(path, "rb") as f:
            return f.read()
    except _GZIP_ERRORS as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc})") from exc


def _display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


class _ByteCountingReader(Reader):
    """A reader over a byte stream (a file, a ``.gz`` file or standard input) whose progress is
    bytes read (of the file as stored). The first bytes are checked to be text when it is
    opened, before any output is written."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._file: IO[bytes] | None = None
        self._raw: IO[bytes] | None = None
        if path == "-":
            self.unit = "rec"  # the size of a pipe is unknown: count records instead
            stdin = sys.stdin.buffer
            head = stdin.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stdin, "peek") else b""
        else:
            self.total = os.path.getsize(path)
            try:
                with gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb") as f:
                    head = f.read(SNIFF_BYTES)
            except _GZIP_ERRORS as exc:
                raise InputError(f"{path}: not a readable gzip file ({exc})") from exc
        check_text_bytes(head, _display_name(path), self.encoding)
        self._utf16 = head.startswith(_UTF16_BOMS)
        self._warned = False

    def _open(self) -> IO[bytes]:
        if self.path == "-":
            self._raw = sys.stdin.buffer
            return self._raw
        self._file = open(self.path, "rb")  # noqa: SIM115
        self._raw = gzip.GzipFile(fileobj=self._file) if _is_gzip(self.path) else self._file
        return self._raw

    def _close(self, raw: IO[bytes]) -> None:
        """Closes what :meth:`_open` opened (standard input stays open)."""
        if raw is not sys.stdin.buffer:
            raw.close()
            if self._file is not None:
                self._file.close()

    def _lines(self) -> Iterator[str]:
        """The decoded lines of the input (see :func:`_text_lines`)."""
        raw = self._open()
        try:
            yield from _text_lines(raw, _display_name(self.path), self.encoding)
        except _GZIP_ERRORS as exc:
            raise InputError(f"{self.path}: not a readable gzip file ({exc})") from exc
        finally:
            self._close(raw)

    def position(self) -> int:
        if self._raw is sys.stdin.buffer:
            return self.records
        file = self._file
        if file is None or file.closed:
            return self.total or 0
        return file.tell()


class JsonlReader(_ByteCountingReader):
    def batches(self) -> Iterator[Batch]:
        collector = _RowCollector(self)
        lines = self._lines()
        try:
            for lineno, line in enumerate(lines, start=1):
                batch = self._add_line(collector, line, lineno)
                if batch is not None:
                    yield batch
            batch = collector.take()
            if batch is not None:
                yield batch
        finally:
            lines.close()

    def _add_line(self, collector: _RowCollector, line: str, lineno: int) -> Batch | None:
        """Reads one decoded line into ``collector``: the batch it completes, if any."""
        if not line.strip():
            return None
        where = f"line {lineno}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise InputError(f"{self.path}, {where}: not valid JSON ({msg})") from exc
        if not isinstance(record, dict):
            raise InputError(
                f"{self.path}, {where}: expected a JSON object, got {type(record).__name__}"
            )
        return collector.add(record, where)

    # ----------------------------------------------------------------------------------------
    # Records read by the core (`saidwho clean`, see saidwho._core.clean_jsonl_lines)

    def reads_in_core(self) -> bool:
        """Whether :meth:`core_batches` can read this input: UTF-8 (the default decoding, no
        ``--encoding``, no UTF-16 byte order mark)."""
        return core_records and self.encoding is None and not self._utf16

    def line_chunks(self) -> Iterator[list[bytes]]:
        """The raw lines of the input (each with its ``\n``; a UTF-8 byte order mark left
        out), ``batch_size`` at a time."""
        raw = self._open()
        try:
            first = True
            while True:
                chunk = list(itertools.islice(raw, self.batch_size))
                if not chunk:
                    return
                if first and chunk[0].startswith(codecs.BOM_UTF8):
                    chunk[0] = chunk[0][len(codecs.BOM_UTF8) :]
                first = False
                yield chunk
        except _GZIP_ERRORS as exc:
            raise InputError(f"{self.path}: not a readable gzip file ({exc})") from exc
        finally:
            self._close(raw)

    def core_batches(
        self, chunks: Iterator[list[bytes]], clean: Callable[[list[bytes], bool], Any]
    ) -> Iterator[Batch | CoreRecords]:
        """The batches of the lines of ``chunks`` (:meth:`line_chunks`), cut as
        :meth:`batches` cuts them. ``clean(lines, last)`` is the core's
        ``clean_jsonl_lines`` on the lines not read yet: it reads, cleans and writes one batch
        (a :class:`CoreRecords`), or asks for more lines, or leaves a batch to Python, which
        reads it here (a :class:`Batch`, as :meth:`batches` gives it) with its errors."""
        pending: list[bytes] = []
        first = 1  # the line number of pending[0]
        ended = False

        def pull() -> bool:
            nonlocal ended
            if not ended:
                chunk = next(chunks, None)
                if chunk is None:
                    ended = True
                else:
                    pending.extend(chunk)
            return not ended

        while pending or not ended:
            if len(pending) < self.batch_size and pull():
                continue
            if not pending:  # the input ended with the last batch
                break
            kind, core = clean(pending, ended)
            if kind == "more":
                pull()
                continue
            if kind == "batch":
                used = core.lines
                if len(core):
                    self.records += len(core)
                    yield CoreRecords(
                        core,
                        source=self.path,
                        text_field=self.text_field,
                        first_line=first,
                        lines=pending[:used] if core.jsonl() is None else None,
                    )
            else:
                batch, used = self._python_batch(pending, first, pull)
                if batch is not None:
                    yield batch
            del pending[:used]
            first += used

    def _python_batch(
        self, pending: list[bytes], first: int, pull: Callable[[], bool]
    ) -> tuple[Batch | None, int]:
        """One batch read from ``pending`` (``pull()`` adds lines) the Python way, and the
        number of lines it used."""
        collector = _RowCollector(self)
        used = 0
        while used < len(pending) or pull():
            lineno = first + used
            line = self._decode_line(pending[used], lineno)
            used += 1
            batch = self._add_line(collector, line, lineno)
            if batch is not None:
                return batch, used
        return collector.take(), used

    def _decode_line(self, line: bytes, lineno: int) -> str:
        # As _text_lines decodes a line without --encoding.
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not self._warned:
                print(
                    f"saidwho: {_display_name(self.path)}, line {lineno} is not valid UTF-8 "
                    f"(byte {exc.start}); reading such lines as Windows-1252",
                    file=sys.stderr,
                )
                self._warned = True
            return line.decode("cp1252", errors="saidwho-cp1252")


def _raise_csv_field_limit() -> None:
    # The default limit (128 KiB per field) is shorter than a long article.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class CsvReader(_ByteCountingReader):
    def batches(self) -> Iterator[Batch]:
        _raise_csv_field_limit()
        collector = _RowCollector(self)
        lines = self._lines()
        reader = csv.reader(lines)
        try:
            try:
                header = next(reader, None)
                if header is None:
                    return
                duplicates = sorted({name for name in header if header.count(name) > 1})
                if duplicates:
                    raise InputError(f"{self.path}, line 1: duplicate columns {duplicates}")
                if self.text_field not in header:
                    raise InputError(
                        f"{self.path}, line 1: no column {self.text_field!r} "
                        f"(columns: {', '.join(header)})"
                    )
                row_number = 0
                for fields in reader:
                    row_number += 1
                    where = f"row {row_number} (line {reader.line_num})"
                    if len(fields) != len(header):
                        if not fields or fields == [""]:
                            continue  # a blank line
                        raise InputError(
                            f"{self.path}, {where}: {len(fields)} fields, the header has "
                            f"{len(header)}"
                        )
                    batch = collector.add(dict(zip(header, fields, strict=True)), where)
                    if batch is not None:
                        yield batch
            except csv.Error as exc:
                raise InputError(f"{self.path}, line {reader.line_num}: {exc}") from exc
            batch = collector.take()
            if batch is not None:
                yield batch
        finally:
            lines.close()


class ParquetReader(Reader):
    unit = "rows"

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        if path == "-":
            raise InputError("Parquet cannot be read from standard input; give a file")
        pa = _pyarrow("Parquet input")
        try:
            # pre_buffer (the default) keeps what it read ahead: memory would grow with the file.
            self._file = pa.parquet.ParquetFile(path, pre_buffer=False)
        except pa.ArrowException as exc:
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc
        self.total = self._file.metadata.num_rows
        schema = self._file.schema_arrow
        if text_field := self.text_field:
            if text_field not in schema.names:
                raise InputError(
                    f"{path}: no column {text_field!r} (columns: {', '.join(schema.names)})"
                )
            kind = schema.field(text_field).type
            if not (
                pa.types.is_string(kind)
                or pa.types.is_large_string(kind)
                or pa.types.is_string_view(kind)
                or pa.types.is_null(kind)
            ):
                raise InputError(f"{path}: column {text_field!r} is {kind}, expected strings")
        if self.id_field is not None and self.id_field not in schema.names:
            if self.require_id:
                raise InputError(f"{path}: no column {self.id_field!r}")
            self.id_field = None

    def position(self) -> int:
        return self.records

    def batches(self) -> Iterator[Batch]:
        pa = _pyarrow("Parquet input")
        start = 0
        try:
            for arrow in self._file.iter_batches(batch_size=self.batch_size):
                texts = arrow.column(self.text_field).to_pylist()
                ids = (
                    arrow.column(self.id_field).to_pylist()
                    if self.id_field is not None
                    else [None] * arrow.num_rows
                )
                where = [f"row {start + i + 1}" for i in range(arrow.num_rows)]
                start += arrow.num_rows
                self.records += arrow.num_rows
                yield Batch(self.path, self.text_field, texts, where, ids, arrow=arrow)
        except pa.ArrowException as exc:
            raise InputError(f"{self.path}, after row {start}: cannot read ({exc})") from exc


class TxtReader(Reader):
    """One text file (or standard input): one document."""

    unit = "doc"

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.id_field = self.id_field or "id"
        self.total = 1

    def position(self) -> int:
        return self.records

    def read(self) -> str:
        data = _read_bytes(self.path)
        name = _display_name(self.path)
        check_text_bytes(data[:SNIFF_BYTES], name, self.encoding)
        return decode_text(data, name, self.encoding)

    def batches(self) -> Iterator[Batch]:
        name = "<stdin>" if self.path == "-" else Path(self.path).name
        text = self.read()
        self.records = 1
        row = {self.id_field or "id": name, self.text_field: text}
        yield Batch(self.path, self.text_field, [text], [name], [name], rows=[row])


class TxtDirReader(Reader):
    """The ``.txt`` files of a directory (not its subdirectories), by name; the id of each
    document is its file name."""

    unit = "doc"

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.id_field = self.id_field or "id"
        root = Path(path)
        if not root.is_dir():
            raise InputError(f"{path}: not a directory")
        self.files = sorted(
            (p for p in root.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
            key=lambda p: p.name,
        )
        self.total = len(self.files)

    def position(self) -> int:
        return self.records

    def batches(self) -> Iterator[Batch]:
        collector = _RowCollector(self)
        for file in self.files:
            data = file.read_bytes()
            check_text_bytes(data[:SNIFF_BYTES], str(file), self.encoding)
            text = decode_text(data, str(file), self.encoding)
            record = {self.id_field or "id": file.name, self.text_field: text}
            batch = collector.add(record, file.name)
            if batch is not None:
                yield batch
        batch = collector.take()
        if batch is not None:
            yield batch


_READERS: dict[str, type[Reader]] = {
    "txt": TxtReader,
    "txtdir": TxtDirReader,
    "jsonl": JsonlReader,
    "csv": CsvReader,
    "parquet": ParquetReader,
}


def open_reader(path: str, kind: str, **kwargs: Any) -> Reader:
    """A reader of ``path`` in format ``kind`` (see :func:`format_of`)."""
    if path != "-" and not Path(path).exists():
        raise FileNotFoundError(2, "No such file or directory", path)
    return _READERS[kind](path, **kwargs)


# --------------------------------------------------------------------------------------------
# Writers


class Writer:
    """Writes batches to a temporary file beside ``path``; :meth:`commit` renames it into place,
    :meth:`abort` (or leaving the ``with`` block by an exception) deletes it."""

    binary = False

    def __init__(self, path: str | None, *, text_field: str = "text", id_field: str = "id"):
        self.path = path
        self.text_field = text_field
        self.id_field = id_field
        self.written = 0
        self._tmp: str | None = None
        self.handle: IO[Any]
        if path is None or path == "-":
            if self.binary:
                raise InputError("this format cannot be written to standard output; use -o")
            self.handle = sys.stdout
        else:
            target = Path(path)
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent or "."
            )
            _chmod_like_new_file(fd=fd)
            mode = "wb" if self.binary else "w"
            encoding = None if self.binary else "utf-8"
            newline = None if self.binary else ""
            self.handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)

    def write(self, batch: Batch) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        if self.handle is sys.stdout:
            self.handle.flush()
        elif not self.handle.closed:
            self.handle.close()

    def commit(self) -> None:
        self._close()
        if self._tmp is not None and self.path is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        try:
            self._close()
        finally:
            if self._tmp is not None:
                with _suppress_os_error():
                    os.unlink(self._tmp)
                self._tmp = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is not None:
            self.abort()


def _chmod_like_new_file(
    *, fd: int | None = None, path: str | None = None, directory: bool = False
) -> None:
    """mkstemp/mkdtemp create private files (0600/0700); the output should get the permissions
    any new file gets (0666/0777 less the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    mode = (0o777 if directory else 0o666) & ~mask
    if fd is not None:
        os.fchmod(fd, mode)
    elif path is not None:
        os.chmod(path, mode)


class _suppress_os_error:
    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        return exc_type is not None and issubclass(exc_type, OSError)


class JsonlWriter(Writer):
    # One encoder for the run (json.dumps with options builds one per call); values JSON cannot
    # hold (dates, decimals from Parquet) are written as their str().
    _encode = json.JSONEncoder(ensure_ascii=False, default=str).encode

    def write(self, batch: Batch | CoreRows | CoreRecords) -> None:
        encode, write = self._encode, self.handle.write
        if isinstance(batch, CoreRecords):
            self._write_bytes(batch.jsonl())
            self.written += len(batch)
            return
        if isinstance(batch, CoreRows):
            lines = batch.to_jsonl(encode)
            if lines is not None:
                write(lines)
                self.written += len(batch)
                return
        if isinstance(batch, Batch) and batch.rows is not None and batch._texts_replaced:
            self._write_with_texts(batch)
            return
        for row in batch.to_rows():
            write(encode(row) + "\n")
        self.written += len(batch)

    def _write_bytes(self, data: bytes) -> None:
        """UTF-8 lines written as they are, past the text layer (flushed first)."""
        buffer = getattr(self.handle, "buffer", None)
        if buffer is None:  # standard output replaced by a text-only object
            self.handle.write(data.decode("utf-8"))
            return
        self.handle.flush()
        buffer.write(data)

    def _write_with_texts(self, batch: Batch) -> None:
        """Records whose texts were replaced (``saidwho clean``): the long texts are encoded by
        the core, the rest of each record here, and the text put in its place. Escaping long
        strings was most of the cost of writing, in Python."""
        from saidwho import _core

        encode, write, field_name = self._encode, self.handle.write, batch.text_field
        assert batch.rows is not None
        for row, text, text_json in zip(
            batch.rows, batch.texts, _core.json_strings(batch.texts), strict=True
        ):
            record = dict(row)
            record[field_name] = _TEXT_PLACEHOLDER
            head, found, tail = encode(record).partition(_TEXT_PLACEHOLDER_JSON)
            if found and _TEXT_PLACEHOLDER_JSON not in tail:
                write(head + text_json + tail + "\n")
            else:  # another field holds the placeholder itself: encode the record whole
                record[field_name] = text
                write(encode(record) + "\n")
        self.written += len(batch)


# Stands for the text while the rest of a record is encoded: NUL characters, which text fields
# hardly ever hold (a record holding this exact string is encoded whole instead).
_TEXT_PLACEHOLDER = "\x00saidwho text\x00"
_TEXT_PLACEHOLDER_JSON = json.dumps(_TEXT_PLACEHOLDER, ensure_ascii=False)


class CsvWriter(Writer):
    def __init__(self, path: str | None, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        _raise_csv_field_limit()
        self._csv = csv.writer(self.handle, lineterminator="\n")
        self._header: list[str] | None = None

    def write(self, batch: Batch) -> None:
        rows = batch.to_rows()
        if self._header is None:
            header: dict[str, None] = {}
            for row in rows:
                header.update(dict.fromkeys(row))
            self._header = list(header)
            self._csv.writerow(self._header)
        header_set = set(self._header)
        for row, where in zip(rows, batch.where, strict=True):
            if not header_set.issuperset(row):
                extra = sorted(set(row) - header_set)
                raise InputError(
                    f"{batch.source}, {where}: fields {extra} are not among the CSV columns "
                    f"(taken from the first records)"
                )
            self._csv.writerow([_csv_value(row.get(name)) for name in self._header])
        self.written += len(batch)


def _csv_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


class ParquetWriter(Writer):
    binary = True

    def __init__(self, path: str | None, **kwargs: Any) -> None:
        self._pa = _pyarrow("Parquet output")
        super().__init__(path, **kwargs)
        self._writer: Any = None
        self._schema: Any = None
        self._first_empty: CoreRows | None = None

    def write(self, batch: Batch | CoreRows | CoreRecords) -> None:
        if self._writer is None and isinstance(batch, CoreRows) and len(batch) == 0:
            # No quotation yet: the id column's type is unknown (null). The schema comes from
            # the first rows; only if none ever come is this empty batch written.
            if self._first_empty is None:
                self._first_empty = batch
            return
        pa = self._pa
        arrow = batch.to_arrow(self._schema)
        if self._writer is None:
            # Columns that were all null in the first batch may hold text later.
            fields = [
                f.with_type(pa.large_string()) if pa.types.is_null(f.type) else f
                for f in arrow.schema
            ]
            self._schema = pa.schema(fields, metadata=arrow.schema.metadata)
            arrow = arrow.cast(self._schema)
            self._writer = pa.parquet.ParquetWriter(self.handle, self._schema)
        self._writer.write_batch(arrow)
        self.written += len(batch)

    def _close(self) -> None:
        if self._writer is None and self._first_empty is not None:
            empty, self._first_empty = self._first_empty, None
            self.write(Batch.from_rows([], source=empty.source))
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        super()._close()


class TxtWriter(Writer):
    """One document to a text file (or standard output)."""

    def write(self, batch: Batch) -> None:
        if self.written + len(batch) > 1:
            raise InputError(
                f"{batch.source} holds more than one document; a .txt output holds one: "
                "write to a directory (a path without a suffix) or to .jsonl"
            )
        for text in batch.texts:
            self.handle.write(text or "")
        self.written += len(batch)


# Path separators, controls and what Windows forbids; spaces and accents are fine in a name.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class TxtDirWriter(Writer):
    """One ``.txt`` file per document, named by its id (or its record number), in a temporary
    directory moved into place by :meth:`commit`. Missing texts write no file."""

    def __init__(self, path: str | None, **kwargs: Any) -> None:
        if path is None or path == "-":
            raise InputError("a directory of text files needs -o DIRECTORY")
        self.path = path
        self.text_field = kwargs.get("text_field", "text")
        self.id_field = kwargs.get("id_field", "id")
        self.written = 0
        self.skipped = 0
        self._seen: set[str] = set()
        self._count = 0
        target = Path(path.rstrip("/" + os.sep) or path)
        self._target = target
        self._tmpdir: str | None = tempfile.mkdtemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent or "."
        )
        _chmod_like_new_file(path=self._tmpdir, directory=True)

    def write(self, batch: Batch) -> None:
        assert self._tmpdir is not None
        for text, ident, where in zip(batch.texts, batch.ids, batch.where, strict=True):
            self._count += 1
            name = _file_name(ident, self._count)
            if name in self._seen:
                raise InputError(
                    f"{batch.source}, {where}: id {ident!r} gives the file name {name!r} "
                    "a second time; give a unique --id-field"
                )
            self._seen.add(name)
            if text is None:
                self.skipped += 1
                continue
            with open(os.path.join(self._tmpdir, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            self.written += 1

    def commit(self) -> None:
        if self._tmpdir is None:
            return
        target = self._target
        if target.is_dir():
            # Replace file by file: each output file is whole, and other files stay.
            for name in os.listdir(self._tmpdir):
                os.replace(os.path.join(self._tmpdir, name), target / name)
            os.rmdir(self._tmpdir)
        else:
            os.replace(self._tmpdir, target)
        self._tmpdir = None

    def abort(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None


def _file_name(ident: Any, number: int) -> str:
    if ident is None or ident == "":
        return f"{number:06d}.txt"
    name = _UNSAFE.sub("_", str(ident)).strip(". ") or f"{number:06d}"
    return name if name.lower().endswith(".txt") else name + ".txt"


_WRITERS: dict[str, type[Writer]] = {
    "txt": TxtWriter,
    "txtdir": TxtDirWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "parquet": ParquetWriter,
}


def open_writer(path: str | None, kind: str, **kwargs: Any) -> Writer:
    """A writer to ``path`` (``None`` or ``-``: standard output) in format ``kind``."""
    if path not in (None, "-"):
        parent = Path(path).parent
        if not parent.is_dir():
            raise InputError(f"{path}: the directory {str(parent)!r} does not exist")
    return _WRITERS[kind](path, **kwargs)
