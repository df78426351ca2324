"""Item 6 of issue 15: every code example of README.md and docs/*.md runs as written and
prints what the page says it prints, so the docs and the code cannot drift apart.

Python examples are doctests; shell examples are ``$ command`` sessions run with bash (the
format: tests/docs_examples.py). They run in a scratch folder holding a copy of ``examples/``,
so relative paths work as they do in a clone and nothing is written into the checkout. After a
deliberate change of what an example prints, `python scripts/doc_outputs.py` rewrites the
printed outputs on the pages (review its diff).
"""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_examples import DOCUMENTS, ROOT, RUN_LANGUAGES, Block, blocks, sh_session

ALL = [block for path in DOCUMENTS for block in blocks(path)]
RUN = [b for b in ALL if b.language in RUN_LANGUAGES and b.skip_reason is None]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_block_is_run_or_skipped_for_a_stated_reason():
    assert RUN, "no examples found"
    for block in ALL:
        if block.skip_reason is not None:
            assert block.skip_reason, f"{block.name}: a skipped block must say why"
        elif block.language not in RUN_LANGUAGES | {"text", "", "rust"}:
            pytest.fail(f"{block.name}: unknown language {block.language!r}")
        if block.language == "python" and block.skip_reason is None:
            assert ">>> " in block.code, f"{block.name}: a python example must be a doctest"


def test_the_readme_rust_example_is_a_cargo_doctest():
    """```rust blocks are compiled and run by `cargo test --doc` (src/lib.rs includes the
    README for that), not here."""
    lib = (ROOT / "src" / "lib.rs").read_text(encoding="utf-8")
    assert '#[doc = include_str!("../README.md")]' in lib
    for block in ALL:
        if block.language == "rust":
            assert block.path.name == "README.md", f"{block.name}: Rust outside the README"


def run_python(block: Block, globs: dict) -> None:
    test = doctest.DocTestParser().get_doctest(
        block.code, globs, block.name, str(block.path), block.line
    )
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    globs.update(test.globs)  # DocTest copies its globals: later blocks see these names
    assert runner.failures == 0, "".join(report)


def run_sh(block: Block, folder: Path) -> None:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("COLUMNS", None)
    checker = doctest.OutputChecker()
    for command, expected in sh_session(block.code):
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )
        assert result.returncode == 0, f"{block.name}: `{command}` failed:\n{result.stderr}"
        assert checker.check_output(expected, result.stdout, FLAGS), (
            f"{block.name}: `{command}` printed\n{result.stdout}\ninstead of\n{expected}"
        )


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_print_what_the_page_says(path, scratch):
    globs: dict = {"__name__": "__main__"}  # a page's python blocks share their names
    for block in blocks(path):
        if block.skip_reason is not None:
            continue
        if block.language == "python":
            run_python(block, globs)
        elif block.language == "sh":
            run_sh(block, scratch)


def test_the_example_article_cleans_to_the_shipped_clean_text(scratch):
    """`saidwho clean examples/article.txt` gives examples/article.clean.txt exactly, and the
    shipped pair is consistent: damaging the clean text gives the damaged one."""
    result = subprocess.run(
        [sys.executable, "-m", "saidwho.cli", "clean", "examples/article.txt"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    clean = (scratch / "examples" / "article.clean.txt").read_text(encoding="utf-8")
    assert result.stdout == clean
    latin1 = clean.encode("utf-8").decode("latin-1")
    damaged = "".join(ch for ch in latin1 if not 0x80 <= ord(ch) < 0xA0)
    assert damaged == (scratch / "examples" / "article.txt").read_text(encoding="utf-8")
