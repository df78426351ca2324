"""``examples/tour.ipynb`` runs from top to bottom without an error, on this interpreter.

The notebook is executed with nbclient in a kernel started from ``sys.executable`` (a kernelspec
written for the test), so it sees the saidwho being tested, whatever kernels the machine has
installed. Skips cleanly without nbclient, ipykernel, pandas or matplotlib.
"""

from __future__ import annotations

import json
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

TIMEOUT = 120  # seconds per cell: generous for a loaded CI machine; the whole tour takes ~3 s


@pytest.fixture
def kernel_name(tmp_path, monkeypatch) -> str:
    """A kernelspec that runs this very interpreter, found first on JUPYTER_PATH."""
    name = "saidwho-test-python"
    spec_dir = tmp_path / "jupyter" / "kernels" / name
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "saidwho test",
        "language": "python",
        "env": {"MPLBACKEND": "module://matplotlib_inline.backend_inline"},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugger warning
    return name


def test_the_tour_runs_without_errors(examples, kernel_name):
    path = examples / "tour.ipynb"
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(examples)}},  # relative paths as in Jupyter
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.get("output_type") == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any('class="saidwho-show"' in block for block in html)  # the highlighted article
    assert any("image/png" in out.get("data", {}) for out in outputs)  # the speakers chart


def test_the_committed_tour_shows_its_outputs_and_they_are_current(examples, kernel_name):
    """The notebook is committed with its outputs (a reader on a code host sees the pictures),
    and they are what a fresh run prints: text, tables and the highlighted article."""
    committed = nbformat.read(examples / "tour.ipynb", as_version=4)
    nbformat.validate(committed)
    fresh = nbformat.read(examples / "tour.ipynb", as_version=4)
    nbclient.NotebookClient(
        fresh,
        kernel_name=kernel_name,
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(examples)}},
    ).execute()
    for old, new in zip(committed.cells, fresh.cells, strict=True):
        if old.cell_type != "code":
            continue
        assert old.outputs and old.execution_count is not None, old.source[:60]
        if "tempfile" in old.source:  # the path of a temporary file differs between machines
            continue
        assert comparable(old.outputs) == comparable(new.outputs), old.source[:60]


def comparable(outputs) -> list:
    """Text of the outputs; pictures (PNG) left out, as their bytes vary with the renderer."""
    found = []
    for out in outputs:
        if out.get("output_type") == "stream":
            found.append(("stream", out["text"]))
        for kind in ("text/plain", "text/html"):
            if kind in out.get("data", {}) and "image/png" not in out["data"]:
                found.append((kind, out["data"][kind]))
    return found
