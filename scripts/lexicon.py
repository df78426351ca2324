"""The quotation code's word lists and model headers, read by the training scripts.

Every hand-written word list of `src/quotes/` is a file in `src/quotes/lexicon/` (one concept a
file; see its `mod.rs`): the Rust code compiles them in, and the scripts read the same files
through `load`, so a word is changed in one place. `templates_hash` is the hash a weight table's
header carries (`src/quotes/model/mod.rs`).
"""

from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "src" / "quotes" / "lexicon"


def entries(path: Path) -> list[str]:
    """The entries of a lexicon file: one a line, trimmed; blank and `#` lines skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load(name: str) -> set[str]:
    """The set of words of the lexicon file `name` (`determiners.txt`, …)."""
    return set(entries(LEXICON / name))


def fnv_parts(*parts: str) -> int:
    """FNV-1a over the UTF-8 bytes of the concatenated parts (`words::fnv_parts`)."""
    h = 0xCBF29CE484222325
    for part in parts:
        for b in part.encode("utf-8"):
            h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def templates_hash(templates: list[str]) -> str:
    """The header hash of a weight table trained with `templates` (`model::templates_hash`)."""
    return f"{fnv_parts(*(t + chr(10) for t in sorted(set(templates)))):016x}"


def templates_header(templates: list[str]) -> str:
    """The header line a training script writes at the top of a weight table."""
    return f"# templates\t{templates_hash(templates)}\n"
