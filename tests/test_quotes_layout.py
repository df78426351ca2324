"""The shape of `src/quotes/`, checked on the sources (issue 11): no import cycle between the
modules of a directory, no file over the size a maintainer can hold in mind, and no word list
written inline in the code (word lists live in `src/quotes/lexicon/`, one file a concept).

These read the Rust sources only; nothing is built.
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest

QUOTES = Path(__file__).resolve().parents[1] / "src" / "quotes"

# Lines of non-test code a file of src/quotes may have ("about 600" in the issue).
MAX_CODE_LINES = 650

_TEST_MODULE = re.compile(r"^#\[cfg\(test\)\]\s*$")
_STRING_WITH_A_LETTER = re.compile(r'"(?:[^"\\]|\\.)*[A-Za-z](?:[^"\\]|\\.)*"')


def _rust_files() -> list[Path]:
    return sorted(QUOTES.rglob("*.rs"))


def _module_path(path: Path) -> tuple[str, ...]:
    """`src/quotes/reported/cue.rs` -> ("reported", "cue"); a `mod.rs` is its directory."""
    parts = path.relative_to(QUOTES).with_suffix("").parts
    return parts[:-1] if parts[-1] == "mod" else parts


def _code_lines(path: Path) -> list[str]:
    """The file's lines outside `#[cfg(test)]` items (a test module runs to its closing brace)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out, depth, skipping = [], 0, False
    for i, line in enumerate(lines):
        if not skipping and _TEST_MODULE.match(line):
            skipping, depth = True, 0
            continue
        if skipping:
            depth += line.count("{") - line.count("}")
            if depth <= 0 and "}" in line and i > 0:
                skipping = False
            continue
        out.append(line)
    return out


def _referenced_modules(module: tuple[str, ...], is_mod_rs: bool, code: str) -> set[tuple]:
    """Absolute paths (below src/quotes) of what the code names through `super::`/`crate::`."""
    own = module if is_mod_rs else module[:-1]  # the module `super` is relative to, plus one
    found = set()
    # `use super::{a, b::c}` and `use crate::quotes::{…}`: each item of the braces.
    for prefix, rest in re.findall(
        r"\b(crate::quotes|(?:super::)+)\{([^;]*?)\}", code.replace("\n", " ")
    ):
        for item in rest.split(","):
            name = item.strip().split("::")[0].strip("{} ")
            if name and name != "self":
                found.add((prefix, name))
    for prefix, name in re.findall(r"\b(crate::quotes::|(?:super::)+)(\w+)", code):
        found.add((prefix, name))
    paths = set()
    for prefix, name in found:
        if prefix.startswith("crate::quotes"):
            base: tuple[str, ...] = ()
        else:
            ups = prefix.count("super")
            base = own[: len(own) - ups] if ups <= len(own) else ()
            if not is_mod_rs:
                base = module[: len(module) - ups]
        paths.add((*base, name))
    return paths


def _graph() -> dict[tuple, set[tuple]]:
    modules = {_module_path(p): p for p in _rust_files()}
    edges: dict[tuple, set[tuple]] = defaultdict(set)
    for module, path in modules.items():
        code = "\n".join(_code_lines(path))
        for target in _referenced_modules(module, path.name == "mod.rs", code):
            # The longest known module the path names (an item of it otherwise).
            while target and target not in modules:
                target = target[:-1]
            if not target or module[: len(target)] == target:
                continue  # the root, or an ancestor's items (types such as QuoteKind)
            # The edge between the two siblings under their nearest common ancestor.
            common = 0
            while common < min(len(module), len(target)) and module[common] == target[common]:
                common += 1
            if common < len(module) and common < len(target):
                edges[module[: common + 1]].add(target[: common + 1])
    return edges


def _cycle(edges: dict[tuple, set[tuple]]) -> list[tuple] | None:
    state: dict[tuple, int] = {}
    stack: list[tuple] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if state.get(nxt) is None and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if state.get(node) is None and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_the_modules_of_a_directory():
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle in src/quotes: " + " -> ".join("::".join(m) for m in cycle)


def test_the_cycle_check_finds_a_cycle():
    edges = {("a",): {("b",)}, ("b",): {("c",)}, ("c",): {("a",)}}
    assert _cycle(edges) == [("a",), ("b",), ("c",), ("a",)]
    assert _cycle({("a",): {("b",)}}) is None


@pytest.mark.parametrize("path", _rust_files(), ids=lambda p: str(p.relative_to(QUOTES)))
def test_no_file_is_too_long(path):
    code = [line for line in _code_lines(path) if line.strip()]
    assert len(code) <= MAX_CODE_LINES, (
        f"{path.relative_to(QUOTES)} has {len(code)} lines of non-test code "
        f"(at most {MAX_CODE_LINES}): split it by concern"
    )


@pytest.mark.parametrize("path", _rust_files(), ids=lambda p: str(p.relative_to(QUOTES)))
def test_no_word_list_is_written_inline(path):
    code = "\n".join(_code_lines(path))
    offenders = []
    # `matches!(w, "said" | "told")`: a `matches!` whose patterns are words.
    for m in re.finditer(r"matches!\(", code):
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {"(": 1, ")": -1}.get(code[i], 0)
            i += 1
        if _STRING_WITH_A_LETTER.search(code[m.end() : i]):
            offenders.append(code[m.start() : min(i, m.start() + 70)].replace("\n", " "))
    # `const X: &[&str] = &["the", "a", …]`: a list of words in the code.
    for m in re.finditer(r"&\[&(?:'static )?str\]\s*=\s*&\[", code):
        offenders.append(code[m.start() : m.start() + 70].replace("\n", " "))
    assert not offenders, (
        f"{path.relative_to(QUOTES)}: word lists belong in src/quotes/lexicon/ "
        "(one file a concept): " + "; ".join(offenders)
    )
