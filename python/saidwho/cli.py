"""The ``saidwho`` command line.

    saidwho clean IN [-o OUT] [--text-field text] [--explain] [--uncurl-quotes]

``IN`` is a ``.txt`` file (cleaned as one document) or a ``.jsonl`` file (one JSON object per
line; the field named by ``--text-field`` is cleaned, every other field is kept). ``-`` reads
standard input as text. The output has the same shape as the input; without ``-o`` it goes to
standard output. Counts of what was read and written go to standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import saidwho


class CliError(Exception):
    """A problem with the user's input, reported without a traceback."""


def _read_text_file(path: str) -> str:
    """Reads a text file as UTF-8. A file that is not valid UTF-8 was most likely saved by a
    Windows tool: decode it as Windows-1252 (bytes it leaves undefined as Latin-1) so the cleaner
    can still repair what is inside, and say so."""
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        print(
            f"saidwho: {path} is not valid UTF-8 (byte {exc.start}); reading it as Windows-1252",
            file=sys.stderr,
        )
        return "".join(
            bytes([b]).decode("cp1252", errors="strict") if b not in _CP1252_UNDEFINED else chr(b)
            for b in data
        )


_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _jsonl_records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CliError(f"{path}, line {lineno}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise CliError(
                    f"{path}, line {lineno}: expected a JSON object, got {type(record).__name__}"
                )
            yield lineno, record


def _open_out(path: str | None) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")  # noqa: SIM115


def _options(args: argparse.Namespace) -> saidwho.CleanOptions:
    return saidwho.CleanOptions(uncurl_quotes=args.uncurl_quotes)


def _cmd_clean(args: argparse.Namespace) -> int:
    options = _options(args)
    kind = _input_kind(args.input, args.format)
    if kind == "txt":
        text = _read_text_file(args.input)
        out = _open_out(args.output)
        try:
            if args.explain:
                cleaned, fixes = saidwho.explain(text, options)
                for fix in fixes:
                    print(
                        f"{fix.step}: [{fix.start}:{fix.end}] {fix.before!r} -> {fix.after!r}",
                        file=sys.stderr,
                    )
            else:
                cleaned = saidwho.clean(text, options)
            out.write(cleaned)
        finally:
            if out is not sys.stdout:
                out.close()
        print(f"saidwho: cleaned 1 document ({len(text)} characters)", file=sys.stderr)
        return 0

    records = list(_jsonl_records(args.input))
    texts: list[str | None] = []
    for lineno, record in records:
        if args.text_field not in record:
            raise CliError(f"{args.input}, line {lineno}: no field {args.text_field!r}")
        value = record[args.text_field]
        if value is not None and not isinstance(value, str):
            raise CliError(
                f"{args.input}, line {lineno}: field {args.text_field!r} is "
                f"{type(value).__name__}, expected a string or null"
            )
        texts.append(value)
    cleaned_texts = saidwho.clean_many(texts, options=options, n_threads=args.threads)
    out = _open_out(args.output)
    try:
        for (_, record), cleaned in zip(records, cleaned_texts, strict=True):
            record[args.text_field] = cleaned
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"saidwho: read {len(records)} records, wrote {len(records)}", file=sys.stderr)
    return 0


def _input_kind(path: str, forced: str | None) -> str:
    if forced:
        return forced
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".txt", "") or path == "-":
        return "txt"
    raise CliError(
        f"{path}: cannot tell the format from the extension {suffix!r}; "
        "use --format txt or --format jsonl"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saidwho", description="Clean news text and tell who said what."
    )
    parser.add_argument("--version", action="version", version=f"saidwho {saidwho.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="repair mojibake, lost punctuation, entities, ...")
    p.add_argument("input", help="a .txt or .jsonl file, or - for standard input (text)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--format", choices=["txt", "jsonl"], help="input format (default: by suffix)")
    p.add_argument("--text-field", default="text", help="JSONL field to clean (default: text)")
    p.add_argument("--threads", type=int, default=None, help="worker threads for JSONL input")
    p.add_argument(
        "--uncurl-quotes", action="store_true", help="straighten curly quotes, as ftfy does"
    )
    p.add_argument(
        "--explain", action="store_true", help="list every repair on standard error (.txt input)"
    )
    p.set_defaults(run=_cmd_clean)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CliError as exc:
        print(f"saidwho: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"saidwho: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
