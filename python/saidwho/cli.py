"""The ``saidwho`` command line.

    saidwho clean IN [-o OUT] [--text-field text] [--id-field id] [--threads N]
                  [--progress | --no-progress] [--explain] [--uncurl-quotes] [--encoding E]
    saidwho quotes IN [-o OUT] [--width N] [--html PAGE] ...
    saidwho people ARTICLE.txt

``IN`` is a ``.txt`` file (one document), a directory of ``.txt`` files, a ``.jsonl``, ``.csv`` or
``.parquet`` file (the field named by ``--text-field`` is cleaned, every other field is kept), or
``-`` for standard input (text, or ``--format jsonl|csv``). Text formats may be gzip-compressed
(``.jsonl.gz``) and are decoded as ``--encoding`` says, by default as UTF-8 with a file or line that
is not UTF-8 read as Windows-1252 (said on standard error); binary input is refused. The output's
format follows its extension (a path without one is a directory of ``.txt`` files); without ``-o``
the output has the input's format (JSONL for a directory) and goes to standard output. Records are
processed in batches (from a file, the next one is read while the core works on this one), so
memory stays flat on files of any size, and written to a temporary file
renamed into place at the end: an interrupted run leaves no partial output. Counts of what was read
and written go to standard error; bad input stops with the file and the line or row, exit status 2.

A document that fails (a bug in saidwho) is reported on standard error with its file and line or
row; by default (``--errors record``) the run goes on, that record is written with an empty text
(``clean``) or gives no quotation rows (``quotes``), the count of failed documents is printed and
the exit status is 1. ``--errors raise`` stops at the first one instead (exit status 2, no output).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import saidwho
from saidwho import _counting, io
from saidwho.io import Batch, InputError, Reader, Writer


class CliError(Exception):
    """A problem with the user's input, reported without a traceback."""


class FailureLog:
    """The documents of a run that failed: each is reported on standard error with the file and
    line or row it was read from, and counted; under ``--errors raise`` the first one stops the
    run (and the output, written to a temporary file, is not committed)."""

    def __init__(self, policy: str) -> None:
        self.policy = policy
        self.count = 0

    def check(self, batch: Batch | io.CoreRecords, failures: list[tuple[int, str]]) -> None:
        for index, message in failures:
            where = f"{batch.source}, {batch.where[index]}"
            if self.policy == "raise":
                raise CliError(f"{where}: document failed: {message}")
            self.count += 1
            print(f"saidwho: error: {where}: document failed: {message}", file=sys.stderr)

    def exit_status(self) -> int:
        if self.count:
            print(f"saidwho: {self.count} document(s) failed (listed above)", file=sys.stderr)
            return 1
        return 0


def _options(args: argparse.Namespace) -> saidwho.CleanOptions:
    return saidwho.CleanOptions(uncurl_quotes=args.uncurl_quotes)


def _show_progress(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() if args.progress is None else bool(args.progress)


def _progress_bar(reader: Reader, enabled: bool, desc: str) -> Any:
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        print("saidwho: no progress bar: tqdm is not installed", file=sys.stderr)
        return None
    return tqdm(
        total=reader.total,
        unit=reader.unit,
        unit_scale=reader.unit == "B",
        unit_divisor=1024 if reader.unit == "B" else 1000,
        desc=desc,
        file=sys.stderr,
        # A pty of unknown size reports 0x0, and tqdm then draws nothing at all.
        **({} if _has_terminal_size() else {"ncols": 80, "nrows": 24}),
    )


def _has_terminal_size() -> bool:
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):  # not a terminal: tqdm's defaults are fine
        return True
    return size.columns > 0 and size.lines > 0


T = TypeVar("T")


def read_ahead(batches: Iterator[T]) -> Iterator[T]:
    """The batches of ``batches``, each read in a thread while the caller works on the one
    before: the core releases the GIL, so parsing the next batch overlaps the work on this one.
    One batch waits at most, so memory stays flat. An error of the reader is raised here, in
    order; leaving early (an error, Ctrl-C) tells the thread to stop and close ``batches``."""
    handoff: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def fill() -> None:
        try:
            for batch in batches:
                if not put(("batch", batch)):
                    return
            put(("end", None))
        except BaseException as exc:  # handed over to the caller, who raises it
            put(("error", exc))
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=fill, name="saidwho-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = handoff.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        # The thread stops once the batch it is reading is read (a file: never blocked for
        # long). A thread left reading would hold the file's lock while Python shuts down.
        stop.set()
        thread.join()


def run_batches(
    reader: Reader,
    writer: Writer,
    transform: Callable[[Any], Batch | io.CoreRows | io.CoreRecords],
    *,
    progress: bool = False,
    desc: str = "saidwho",
    core_lines: Callable[[Iterator[list[bytes]]], Iterator[Any]] | None = None,
) -> tuple[int, int]:
    """Streams every batch of ``reader`` through ``transform`` into ``writer`` (from a file, the
    next batch is read while this one is worked on, see :func:`read_ahead`) and commits the
    output only when all went well. Returns the records read and written.

    With ``core_lines`` (a JSONL reader, :meth:`io.JsonlReader.core_batches`), the raw lines
    of the input are read ahead instead, and ``core_lines`` makes the batches of them."""
    bar = _progress_bar(reader, progress, desc)
    try:
        with writer:
            batches: Iterator[Any]
            if reader.path == "-":
                batches = reader.batches() if core_lines is None else core_lines(_chunks(reader))
            else:
                # Not standard input: a read from a pipe can block for ever, and the thread
                # could not be stopped (a pipe's producer sets the pace anyway). Two batches are
                # then in memory at once, each half the size: memory stays that of one.
                reader.batch_size = max(1, (reader.batch_size + 1) // 2)
                reader.batch_bytes = max(1, reader.batch_bytes // 2)
                if core_lines is None:
                    batches = read_ahead(reader.batches())
                else:
                    batches = core_lines(read_ahead(_chunks(reader)))
            for batch in batches:
                writer.write(transform(batch))
                if bar is not None:
                    bar.update(max(0, reader.position() - bar.n))
            writer.commit()
    finally:
        if bar is not None:
            bar.close()
    return reader.records, writer.written


def _chunks(reader: Reader) -> Iterator[list[bytes]]:
    assert isinstance(reader, io.JsonlReader)
    return reader.line_chunks()


def _output_format(args: argparse.Namespace, input_format: str) -> str:
    if args.output in (None, "-"):
        if args.output_format:
            return io.format_of("-", args.output_format)
        return "jsonl" if input_format == "txtdir" else input_format
    out = io.format_of(args.output, args.output_format, output=True)
    if out == "txtdir" and input_format == "txt" and not args.output_format:
        # `saidwho clean article.txt -o cleaned`: one document to one file, as ever.
        return "txt"
    return out


def _clean_one_text(args: argparse.Namespace, options: saidwho.CleanOptions) -> int:
    reader = io.TxtReader(args.input, encoding=args.encoding)
    text = reader.read()
    if args.explain:
        cleaned, fixes = saidwho.explain(text, options)
        for fix in fixes:
            print(
                f"{fix.step}: [{fix.start}:{fix.end}] {fix.before!r} -> {fix.after!r}",
                file=sys.stderr,
            )
    else:
        cleaned = saidwho.clean(text, options)
    with io.open_writer(args.output, "txt") as writer:
        writer.handle.write(cleaned)
        writer.commit()
    print(f"saidwho: cleaned 1 document ({len(text)} characters)", file=sys.stderr)
    return 0


def _cmd_clean(args: argparse.Namespace) -> int:
    options = _options(args)
    input_format = io.format_of(args.input, args.format)
    output_format = _output_format(args, input_format)
    if input_format == "txt" and output_format == "txt":
        return _clean_one_text(args, options)
    if args.explain:
        raise CliError("--explain works on one .txt document (written as text)")

    reader = io.open_reader(
        args.input,
        input_format,
        text_field=args.text_field,
        id_field=args.id_field or "id",
        require_id=args.id_field is not None,
        batch_size=args.batch_size,
        encoding=args.encoding,
    )
    writer = io.open_writer(
        args.output, output_format, text_field=args.text_field, id_field=args.id_field or "id"
    )

    failures = FailureLog(args.errors)

    def clean_batch(batch: Batch | io.CoreRecords) -> Batch | io.CoreRecords:
        if isinstance(batch, io.CoreRecords):  # read, cleaned and written by the core
            failures.check(batch, batch.failures)
            return batch
        # Always recorded by the core: the log decides, knowing where each record came from.
        cleaned, failed = saidwho._clean_many_reporting(
            batch.texts, options=options, n_threads=args.threads, errors="record"
        )
        failures.check(batch, failed)
        return batch.with_texts(cleaned)

    core_lines = None
    if (
        isinstance(reader, io.JsonlReader)
        and output_format in ("jsonl", "parquet")
        and reader.reads_in_core()
    ):
        jsonl_reader = reader

        def clean_lines(lines: list[bytes], last: bool) -> Any:
            return saidwho._core.clean_jsonl_lines(
                lines,
                text_field=jsonl_reader.text_field,
                id_field=jsonl_reader.id_field,
                require_id=jsonl_reader.require_id,
                max_records=jsonl_reader.batch_size,
                max_chars=jsonl_reader.batch_bytes,
                last=last,
                arrow=output_format == "parquet",
                options=options,
                n_threads=args.threads,
                errors="record",
            )

        def core_lines(chunks: Iterator[list[bytes]]) -> Iterator[Batch | io.CoreRecords]:
            return jsonl_reader.core_batches(chunks, clean_lines)

    read, written = run_batches(
        reader,
        writer,
        clean_batch,
        progress=_show_progress(args),
        desc="cleaning",
        core_lines=core_lines,
    )
    skipped = getattr(writer, "skipped", 0)
    note = f" ({skipped} with no text, no file written)" if skipped else ""
    print(f"saidwho: read {read} records, wrote {written}{note}", file=sys.stderr)
    return failures.exit_status()


def _table_width(requested: int | None) -> int | None:
    """The width to cut the table to: ``--width`` (0: never cut), else the terminal's (at least
    100) when standard output is one, else none: a file or a pipe gets every quotation whole."""
    if requested is not None:
        return requested or None
    if not sys.stdout.isatty():
        return None
    return max(100, shutil.get_terminal_size((100, 24)).columns)


def _quote_table(quotes: list[saidwho.Quote], width: int | None = None) -> str:
    """Who said what, one quotation a line, cut to ``width`` columns (``None``: never cut).
    The rule that attributed each quotation gets a column when the quotations keep at least 40
    characters of room (always, uncut)."""
    if not quotes:
        return "(no quotations found)\n"
    cut = width is not None
    width = width or 0
    speakers = [q.speaker or (f"[{q.mention}]" if q.mention else "?") for q in quotes]
    who = max(7, min(36, max(len(s) for s in speakers)))
    cues = [q.cue or "" for q in quotes]
    cue_w = max(3, min(16, max(len(c) for c in cues)))
    rule_w = max(4, min(24, max(len(q.rule) for q in quotes)))
    room = width - who - cue_w - 27  # the columns, their gaps and the two quotation marks
    show_rule = not cut or room - rule_w - 2 >= 40
    if show_rule:
        room -= rule_w + 2
    room = max(20, room)
    rule_head = f"{'rule':<{rule_w}}  " if show_rule else ""
    lines = [
        f"{'speaker':<{who}}  {'cue':<{cue_w}}  {'type':<8}  {'kind':<9}  {rule_head}what was said"
    ]
    for q, speaker, cue in zip(quotes, speakers, cues, strict=True):
        text = " ".join(q.text.split())
        if cut and len(text) > room:
            text = text[: room - 1] + "…"
        # Reported speech is the writer's words, not a quotation: no quotation marks around it.
        said = text if q.type == "indirect" else f"“{text}”"
        rule = f"{q.rule[:rule_w]:<{rule_w}}  " if show_rule else ""
        columns = f"{speaker[:who]:<{who}}  {cue[:cue_w]:<{cue_w}}  {q.type:<8}  {q.kind:<9}"
        lines.append(f"{columns}  {rule}{said}")
    return "\n".join(lines) + "\n"


def _quote_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "keep_non_speech": args.keep_non_speech,
        "clean": not args.no_clean,
        "reported": not args.no_reported,
    }


def _cmd_quotes(args: argparse.Namespace) -> int:
    input_format = io.format_of(args.input, args.format)
    options = _quote_options(args)
    kinds = args.kinds
    if args.html and input_format != "txt":
        raise CliError("--html draws one article: give a .txt file (or - for standard input)")
    if input_format == "txt" and args.output in (None, "-") and not args.output_format:
        text = io.TxtReader(args.input, encoding=args.encoding).read()
        found = saidwho.quotes(text, **options)
        sys.stdout.write(_quote_table(found, _table_width(args.width)))
        if args.html:
            _write_html(args, text, options)
        spans = [_counting.Span(q.start, q.end, q.type, q.kind) for q in found]
        counts = _counting.count(spans, kinds)
        notes = []
        if counts.fragment_holders:
            notes.append(
                f"{_counting.plural(counts.fragment_holders, 'reported statement')} holding a "
                "quoted fragment counted as a quotation"
            )
        if counts.other_kinds:
            notes.append(
                f"{_counting.plural(counts.other_kinds, 'row')} of other kinds not counted"
                ": --kinds all counts them"
            )
        note = f" ({'; '.join(notes)})" if notes else ""
        print(f"saidwho: {counts.describe()} in 1 document{note}", file=sys.stderr)
        return 0

    output_format = (
        io.format_of(args.output, args.output_format, output=True)
        if args.output not in (None, "-")
        else io.format_of("-", args.output_format or "jsonl")
    )
    if output_format in ("txt", "txtdir"):
        raise CliError("quotations are written as .jsonl, .csv or .parquet")
    id_field = args.id_field or "id"
    reader = io.open_reader(
        args.input,
        input_format,
        text_field=args.text_field,
        id_field=id_field,
        require_id=args.id_field is not None,
        batch_size=args.batch_size,
        encoding=args.encoding,
    )
    writer = io.open_writer(args.output, output_format, text_field="text", id_field=id_field)

    failures = FailureLog(args.errors)
    totals = [0, 0]  # quotations, reported statements (see saidwho._counting)

    def quote_batch(batch: Batch) -> io.CoreRows:
        # One row per quotation, named by the document's id (or where it was read from). The
        # rows stay in the core, which writes them (JSONL) or hands over their columns.
        rows, failed = saidwho._quote_rows_reporting(
            batch.texts, n_threads=args.threads, errors="record", **options
        )
        failures.check(batch, failed)
        quotations, reported = rows.counts(None if kinds is None else sorted(kinds))
        totals[0] += quotations
        totals[1] += reported
        docs = [
            ident if ident is not None else where
            for ident, where in zip(batch.ids, batch.where, strict=True)
        ]
        return io.CoreRows(rows, docs, source=batch.source, id_field=id_field)

    read, written = run_batches(
        reader, writer, quote_batch, progress=_show_progress(args), desc="quotes"
    )
    counts = _counting.Counts(totals[0], totals[1], 0)
    print(
        f"saidwho: read {read} documents, wrote {written} rows: {counts.describe()}",
        file=sys.stderr,
    )
    return failures.exit_status()


def _write_html(args: argparse.Namespace, text: str, options: dict[str, Any]) -> None:
    """The article with its quotations highlighted (``saidwho.show``), as a whole HTML page."""
    shown = saidwho.show(
        text, title=Path(args.input).name if args.input != "-" else None, **options
    )
    path = shown.save(args.html)
    print(f"saidwho: wrote the highlighted article to {path}", file=sys.stderr)


def _cmd_people(args: argparse.Namespace) -> int:
    text = io.TxtReader(args.input, encoding=args.encoding).read()
    found = saidwho.people(text, clean=not args.no_clean)
    for person in found:
        others = [alias for alias in person.aliases if alias != person.name]
        sys.stdout.write(person.name + (f"  ({', '.join(others)})" if others else "") + "\n")
    print(f"saidwho: {len(found)} people in 1 document", file=sys.stderr)
    return 0


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saidwho", description="Clean news text and tell who said what."
    )
    parser.add_argument("--version", action="version", version=f"saidwho {saidwho.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "clean",
        help="repair mojibake, lost punctuation, entities, ...",
        description="Clean a document or a collection of them. The output format follows the "
        "output's extension (.txt, .jsonl, .csv, .parquet; no extension: a directory of .txt).",
    )
    _add_io_arguments(p)
    p.add_argument(
        "--uncurl-quotes", action="store_true", help="straighten curly quotes, as ftfy does"
    )
    p.add_argument(
        "--explain", action="store_true", help="list every repair on standard error (.txt input)"
    )
    p.set_defaults(run=_cmd_clean)

    q = sub.add_parser(
        "quotes",
        help="who said what: every quotation with its speaker and cue",
        description="Find the quotations of a document or a collection of them. A .txt file "
        "without -o prints a table of who said what; otherwise one row per quotation "
        "(with the document's id) goes to .jsonl (default), .csv or .parquet.",
    )
    _add_io_arguments(q)
    q.add_argument(
        "--keep-non-speech",
        action="store_true",
        help="also list quoted titles, nicknames and scare quotes (type non-speech)",
    )
    q.add_argument(
        "--no-reported",
        action="store_true",
        help="quotations only: leave out reported speech without quotation marks (type indirect)",
    )
    q.add_argument(
        "--no-clean", action="store_true", help="the text is already clean: do not repair it"
    )
    q.add_argument(
        "--kinds",
        type=_kinds,
        default=frozenset(_counting.STATEMENT_KINDS),
        metavar="KIND,...",
        help="the kinds of row the summary counts: some of "
        f"{','.join(_counting.KINDS)}, or all (default: speech, statements only). Every row is "
        "written whatever its kind, in the kind column",
    )
    q.add_argument(
        "--width",
        type=_non_negative_int,
        default=None,
        help="cut the table of a .txt input to this many columns; 0 never cuts (default: the "
        "terminal's width on a terminal, never cut into a file or pipe)",
    )
    q.add_argument(
        "--html",
        metavar="PAGE",
        default=None,
        help="also write the article with its quotations highlighted to this HTML page "
        "(.txt input)",
    )
    q.set_defaults(run=_cmd_quotes)

    people = sub.add_parser(
        "people",
        help="the people of an article, each with the names it uses for them",
        description="List the people of one article (a .txt file or - for standard input): "
        "one a line, the full name first, then the other names the article uses.",
    )
    people.add_argument("input", help="a .txt file, or - for standard input")
    people.add_argument("--encoding", default=None, help="encoding of the input (as for clean)")
    people.add_argument(
        "--no-clean", action="store_true", help="the text is already clean: do not repair it"
    )
    people.set_defaults(run=_cmd_people)
    return parser


def _kinds(value: str) -> frozenset[str] | None:
    """``--kinds``: a comma-separated list of kinds, or ``all`` (``None``: every kind)."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    if names == ["all"]:
        return None
    if not names:
        raise argparse.ArgumentTypeError("give at least one kind, or all")
    try:
        return _counting.check_kinds(names, every="all")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _add_io_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "input",
        help="a .txt file, a directory of .txt files, a .jsonl, .csv or .parquet file, "
        "or - for standard input",
    )
    p.add_argument("-o", "--output", help="output file or directory (default: standard output)")
    p.add_argument("--format", choices=io.FORMATS, help="input format (default: by suffix)")
    p.add_argument("--output-format", choices=io.FORMATS, help="output format (default: by suffix)")
    p.add_argument(
        "--encoding",
        default=None,
        help="encoding of text input (.txt, .jsonl, .csv), e.g. cp1252, latin-1, utf-16 "
        "(default: UTF-8, a file or line that is not UTF-8 read as Windows-1252, with a notice)",
    )
    p.add_argument("--text-field", default="text", help="field/column to read (default: text)")
    p.add_argument(
        "--id-field",
        default=None,
        help="field/column naming each document (default: id, if present); names the files "
        "of a directory output, and holds the file name when reading a directory",
    )
    p.add_argument(
        "--threads", type=_positive_int, default=None, help="worker threads (default: all)"
    )
    p.add_argument(
        "--batch-size",
        type=_positive_int,
        default=io.BATCH_SIZE,
        help=f"records per batch (default: {io.BATCH_SIZE}); from a file, half batches are read, "
        "one ahead of the one being worked on",
    )
    p.add_argument(
        "--errors",
        choices=("record", "raise"),
        default="record",
        help="a document that fails: report it and go on, exit status 1 (record, the default), "
        "or stop with no output, exit status 2 (raise)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    # Turns `kill` into an exception, so the temporary output is removed on the way out.
    raise SystemExit(128 + signum)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout replaced by an object without a file descriptor
        pass


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # `saidwho clean big.jsonl | head`: stop quietly, like other Unix tools.
        _silence_stdout()
        return 128 + signal.SIGPIPE
    except (CliError, InputError, OSError, saidwho.InternalError) as exc:
        print(f"saidwho: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("saidwho: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
