#!/usr/bin/env python3
"""Rewrites the printed outputs of the code examples in README.md and docs/*.md with what they
print now (a doctest "update"), after a change that alters them on purpose. Review the diff:
tests/test_docs_examples.py checks the pages against the code. Usage:

    python scripts/doc_outputs.py [README.md usage.md ...]   # default: every page
"""

import doctest
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from docs_examples import DOCUMENTS, ROOT, blocks, sh_session

only = sys.argv[1:]
scratch = Path(tempfile.mkdtemp())
shutil.copytree(ROOT / "examples", scratch / "examples")
os.chdir(scratch)


class Recorder(doctest.OutputChecker):
    def __init__(self):
        self.got = []

    def check_output(self, want, got, flags):
        self.got.append(got)
        return True


def fill_python(code, globs, name):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(code, globs, name, name, 0)
    rec = Recorder()
    runner = doctest.DocTestRunner(checker=rec, optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda s: print(s, file=sys.stderr), clear_globs=False)
    globs.update(test.globs)
    if len(rec.got) != len(test.examples):
        raise SystemExit(f"{name}: an example raised; see above")
    out = []
    gots = iter(rec.got)
    for piece in parser.parse(code):
        if isinstance(piece, str):
            out.append(piece)
            continue
        src = piece.source.rstrip("\n").split("\n")
        out.append(" " * piece.indent + ">>> " + src[0] + "\n")
        for s in src[1:]:
            out.append(" " * piece.indent + "... " + s + "\n")
        got = next(gots)
        out.append(got)
    return "".join(out)


def fill_sh(code):
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"
    out = []
    for command, _ in sh_session(code):
        r = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=env
        )
        if r.returncode:
            print("FAILED", command, r.stderr, file=sys.stderr)
        lines = command.split("\n")
        out.append(
            "$ " + " \\\n".join(lines) + "\n"
            if len(lines) == 1
            else "$ " + "\\\n".join(lines) + "\n"
        )
        out.append(r.stdout if r.stdout.endswith("\n") or not r.stdout else r.stdout + "\n")
    return "".join(out)


for path in DOCUMENTS:
    if only and path.name not in only:
        continue
    text = path.read_text(encoding="utf-8")
    globs = {"__name__": "__main__"}
    for block in blocks(path):
        if block.skip_reason is not None or block.language not in ("python", "sh"):
            continue
        new = (
            fill_python(block.code, globs, block.name)
            if block.language == "python"
            else fill_sh(block.code)
        )
        if new != block.code:
            text = text.replace(
                "```" + block.language + "\n" + block.code + "```",
                "```" + block.language + "\n" + new + "```",
                1,
            )
    path.write_text(text, encoding="utf-8")
print("scratch", scratch)
