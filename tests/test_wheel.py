"""The wheel from ./scripts/wheel installs and works where there is no Rust.

These tests take the wheel that ./scripts/wheel built into $SAIDWHO_WHEEL_DIR (./scripts/test
builds it first, a release build of a few minutes, and sets the variable). They check its tag and
libraries, pip-install it with the ``[all]`` extras into a fresh virtualenv whose PATH has no
cargo or rustc, and run the command line, the pandas accessor and a Dask cluster from a
directory outside the checkout; then they run the worker-plugin recipe of docs/usage.md on Dask
workers whose environment has no saidwho. Alone:
``./scripts/wheel /tmp/wh && SAIDWHO_WHEEL_DIR=/tmp/wh python3 -m pytest tests/test_wheel.py``.
"""

from __future__ import annotations

import ast
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = os.environ.get("SAIDWHO_WHEEL_DIR")
# The newest manylinux tag the wheel may carry: glibc 2.28 (Debian 10, RHEL 8, Ubuntu 18.10).
NEWEST_GLIBC = (2, 28)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not WHEEL_DIR,
        reason="needs a wheel: ./scripts/test builds one, or set SAIDWHO_WHEEL_DIR to the "
        "output directory of ./scripts/wheel",
    ),
]


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Runs a command; a failure shows its whole output."""
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {result.returncode}\n"
        f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="module")
def wheel() -> Path:
    wheels = sorted(Path(WHEEL_DIR).resolve().glob("saidwho-*.whl"))
    assert len(wheels) == 1, f"expected one saidwho wheel in {WHEEL_DIR}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def no_rust_env() -> dict[str, str]:
    """The environment less Rust (PATH entries with cargo or rustc, cargo's variables) and less
    PYTHONPATH; pip's own settings (certificates, index) stay."""
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    kept = [d for d in dirs if not any(shutil.which(t, path=d) for t in ("cargo", "rustc"))]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CARGO", "RUSTUP"))
        and k not in {"RUSTC", "RUSTFLAGS", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    }
    env["PATH"] = os.pathsep.join(kept)
    for tool in ("cargo", "rustc", "rustup"):
        assert shutil.which(tool, path=env["PATH"]) is None, f"{tool} is still on PATH"
    return env


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A working directory outside the checkout, so nothing can be imported from it."""
    place = tmp_path_factory.mktemp("outside")
    assert ROOT not in place.parents
    return place


def make_venv(place: Path, env: dict[str, str], *packages: str, wheels_only=True) -> Path:
    """A fresh virtualenv with `packages` installed, by default from wheels only (no compiling)."""
    run([sys.executable, "-m", "venv", str(place)], env=env)
    python = place / "bin" / "python"
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    run([*pip, *(["--only-binary=:all:"] if wheels_only else []), *packages], env=env, cwd=place)
    return python


@pytest.fixture(scope="module")
def user_python(wheel, no_rust_env, outside, tmp_path_factory, pytestconfig) -> Path:
    """The wheel with every extra, as a user without Rust installs it."""
    start = time.monotonic()
    python = make_venv(tmp_path_factory.mktemp("user") / "venv", no_rust_env, f"{wheel}[all]")
    seconds = time.monotonic() - start
    with pytestconfig.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\n[wheel] {wheel.name}: fresh venv + pip install '[all]' in {seconds:.0f} s")
    return python


def platform_tags(wheel: Path) -> list[str]:
    # name-version-python-abi-platform(.platform...).whl
    return wheel.name.removesuffix(".whl").split("-")[4].split(".")


def glibc_of(tag: str) -> tuple[int, int]:
    legacy = {"manylinux1_x86_64": (2, 5), "manylinux2010_x86_64": (2, 12)}
    legacy["manylinux2014_x86_64"] = (2, 17)
    if tag in legacy:
        return legacy[tag]
    match = re.fullmatch(r"manylinux_(\d+)_(\d+)_x86_64", tag)
    assert match, f"{tag} is not a manylinux x86_64 tag"
    return int(match[1]), int(match[2])


def test_the_wheel_is_abi3_manylinux_2_28_x86_64_with_cli_stubs_and_py_typed(wheel):
    name, version, python_tag, abi, platforms = wheel.name.removesuffix(".whl").split("-")
    assert (name, python_tag, abi) == ("saidwho", "cp311", "abi3")
    for tag in platform_tags(wheel):
        assert glibc_of(tag) <= NEWEST_GLIBC, tag
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"saidwho-{version}.dist-info"
        metadata = zf.read(f"{info}/WHEEL").decode()
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
    assert "Root-Is-Purelib: false" in metadata
    tags = {line.split(": ", 1)[1] for line in metadata.splitlines() if line.startswith("Tag: ")}
    assert tags == {f"cp311-abi3-{p}" for p in platform_tags(wheel)}
    assert {"saidwho/_core.abi3.so", "saidwho/_core.pyi", "saidwho/py.typed"} <= names
    assert "saidwho/cli.py" in names and "saidwho/pandas.py" in names
    assert re.search(r"^saidwho ?= ?saidwho\.cli:main$", entry_points, re.M), entry_points
    # Only the package and its metadata: no tests, checkout files or caches.
    assert {n.split("/")[0] for n in names} == {"saidwho", info}
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_auditwheel_finds_only_libraries_that_manylinux_allows(wheel, no_rust_env, tmp_path):
    python = make_venv(tmp_path / "audit", no_rust_env, "auditwheel>=6,<7")
    shown = run([str(python), "-m", "auditwheel", "show", str(wheel)], env=no_rust_env).stdout
    said = " ".join(shown.split())  # auditwheel wraps its lines
    match = re.search(r'consistent with the following platform tag: "(manylinux_\w+)"', said)
    assert match, shown
    assert glibc_of(match[1]) <= NEWEST_GLIBC, shown
    # auditwheel names any library outside the manylinux policy as one the wheel "requires".
    assert "external shared libraries are required" not in said, shown
    assert "system-provided shared libraries" in said, shown


def test_command_line_from_outside_the_checkout(user_python, no_rust_env, outside):
    article = ROOT / "examples" / "article.txt"
    saidwho = user_python.parent / "saidwho"
    result = run([str(saidwho), "quotes", str(article)], env=no_rust_env, cwd=outside)
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["speaker", "cue", "type"]
    assert any(row.startswith("Martin Okafor") and " told " in row for row in rows), rows
    script = (
        "import json, sys, saidwho, saidwho._core\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print(json.dumps([saidwho.__file__, saidwho._core.__file__, len(saidwho.quotes(text))]))"
    )
    package, core, count = json.loads(
        run([str(user_python), "-c", script, str(article)], env=no_rust_env, cwd=outside).stdout
    )
    assert len(rows) == count > 0
    site = user_python.parent.parent / "lib"
    assert Path(package).is_relative_to(site) and Path(core).is_relative_to(site), (package, core)
    assert core.endswith("_core.abi3.so")


def test_pandas_accessor_from_the_wheel(user_python, no_rust_env, outside):
    script = """
import json
import pandas as pd
import saidwho.pandas  # registers the accessor

s = pd.Series(
    [
        "“We will not back down,” said Maria Lopez.",
        None,
        "Caf&eacute; owners &ldquo;relieved&rdquo;.",
    ],
    index=["a", "b", "c"],
)
quotes = s.saidwho.quotes()
print(json.dumps({
    "docs": quotes["doc"].tolist(),
    "speakers": quotes["speaker"].tolist(),
    "clean": s.saidwho.clean().tolist(),
}))
"""
    found = json.loads(run([str(user_python), "-c", script], env=no_rust_env, cwd=outside).stdout)
    # One row per quotation, keyed by the Series' labels; the missing text gives none.
    assert found["docs"] == ["a", "c"] and found["speakers"][0] == "Maria Lopez"
    assert found["clean"][1] is None or math.isnan(found["clean"][1])  # pandas 3 gives NaN
    assert found["clean"][2] == "Café owners “relieved”."


def test_dask_local_cluster_round_trip(user_python, no_rust_env, outside):
    script = outside / "dask_round_trip.py"
    script.write_text(
        """
import json
import sys

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import saidwho
from saidwho.pandas import clean_partition


def on_worker(text):
    import os

    return saidwho.__file__, os.getpid(), [q.to_dict() for q in saidwho.quotes(text)]


if __name__ == "__main__":
    text = open(sys.argv[1], encoding="utf-8").read()
    frame = pd.DataFrame({"text": [text, "Caf&eacute; owners &ldquo;relieved&rdquo;.", None] * 3})
    cluster = LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, Client(cluster) as client:
        where, pid, remote_quotes = client.submit(on_worker, text).result()
        with dask.config.set({"dataframe.convert-string": False}):
            ddf = dd.from_pandas(frame, npartitions=3, sort=False)
            remote = ddf.map_partitions(
                clean_partition, column="text", n_threads=1, meta=ddf._meta
            ).compute()
    local = clean_partition(frame, column="text", n_threads=1)
    print(json.dumps({
        "worker_file": where,
        "other_process": pid != __import__("os").getpid(),
        "same_quotes": remote_quotes == [q.to_dict() for q in saidwho.quotes(text)],
        "quotes": len(remote_quotes),
        "same_clean": remote.equals(local),
        "changed": int((remote["text"] != frame["text"]).sum()),
    }))
"""
    )
    article = ROOT / "examples" / "article.txt"
    out = run([str(user_python), str(script), str(article)], env=no_rust_env, cwd=outside).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert Path(found["worker_file"]).is_relative_to(user_python.parent.parent)
    assert found["other_process"]
    assert found["same_quotes"] and found["quotes"] > 0
    assert found["same_clean"] and found["changed"] > 0


def docs_block(marker: str) -> str:
    """The python code block of docs/usage.md that contains `marker`."""
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", usage, re.S) if marker in b]
    assert len(blocks) == 1, f"expected one block with {marker!r} in docs/usage.md"
    return blocks[0]


def test_docs_worker_plugin_installs_the_wheel_on_dask_workers(wheel, no_rust_env, tmp_path):
    """The recipe in docs/usage.md, as written, on workers whose environment lacks saidwho."""
    python = make_venv(
        tmp_path / "workers", no_rust_env, "dask[distributed]>=2024.1", "pandas>=2.2"
    )
    missing = subprocess.run(
        [str(python), "-c", "import saidwho"], capture_output=True, text=True, env=no_rust_env
    )
    assert "No module named 'saidwho'" in missing.stderr
    (tmp_path / "dist").mkdir()
    shutil.copy(wheel, tmp_path / "dist")
    script = tmp_path / "install_wheel.py"
    script.write_text(docs_block("class InstallWheel(WorkerPlugin)"))
    out = run([str(python), str(script)], env=no_rust_env, cwd=tmp_path).stdout
    assert ast.literal_eval(out.strip().splitlines()[-1]) == [("Maria Lopez", "said", "direct")]
    # The workers installed it into their environment, from the copy the plugin carried.
    run([str(python), "-c", "import saidwho._core"], env=no_rust_env, cwd=tmp_path)


clusters = pytest.mark.skipif(
    os.environ.get("SAIDWHO_TEST_CLUSTERS") != "1",
    reason="set SAIDWHO_TEST_CLUSTERS=1 to run the Spark and Ray recipes (pyspark, ray: ~500 MB)",
)

SPARK_JOB = """
import pandas as pd
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.createDataFrame([("a", "“No,” said Ana Silva.")], schema="id string, text string")


def who(frames):
    import saidwho  # on the executor, from the packed environment

    for frame in frames:
        rows = [
            (i, q.speaker, q.cue)
            for i, t in zip(frame["id"], frame["text"], strict=True)
            for q in saidwho.quotes(t)
        ]
        yield pd.DataFrame(rows, columns=["id", "speaker", "cue"])


print(df.mapInPandas(who, schema="id string, speaker string, cue string").collect())
spark.stop()
"""


@clusters
def test_docs_spark_archives_recipe_runs_the_wheel_on_executors(wheel, no_rust_env, tmp_path):
    """docs/usage.md's packed venv under `--archives`, on executors apart from the driver."""
    if shutil.which("java", path=no_rust_env["PATH"]) is None and "JAVA_HOME" not in no_rust_env:
        pytest.skip("Spark needs Java")
    driver = make_venv(tmp_path / "driver", no_rust_env, "pyspark", "pandas", "pyarrow",
                       wheels_only=False)  # fmt: skip
    # The recipe's three steps: a venv with the wheel, packed by venv-pack.
    packed = make_venv(tmp_path / "pyspark_env", no_rust_env, f"{wheel}[pandas]", "venv-pack")
    archive = tmp_path / "pyspark_env.tar.gz"
    venv_pack = [str(packed.parent / "venv-pack"), "-q", "-p", str(tmp_path / "pyspark_env")]
    run([*venv_pack, "-o", str(archive)], env=no_rust_env, cwd=tmp_path)
    (tmp_path / "job.py").write_text(SPARK_JOB, encoding="utf-8")
    env = {
        **no_rust_env,
        "PATH": f"{driver.parent}{os.pathsep}{no_rust_env['PATH']}",
        "PYSPARK_DRIVER_PYTHON": str(driver),
        "PYSPARK_PYTHON": "./environment/bin/python",
    }
    submit = [str(driver.parent / "spark-submit"), "--master", "local-cluster[1,1,1024]"]
    out = run([*submit, "--archives", f"{archive}#environment", "job.py"], env=env, cwd=tmp_path)
    assert "[Row(id='a', speaker='Ana Silva', cue='said')]" in out.stdout


@clusters
def test_docs_ray_runtime_env_recipe_installs_the_wheel_on_workers(wheel, no_rust_env, tmp_path):
    python = make_venv(tmp_path / "ray", no_rust_env, "ray")
    (tmp_path / "dist").mkdir()
    shutil.copy(wheel, tmp_path / "dist")
    script = tmp_path / "ray_recipe.py"
    script.write_text(docs_block("ray.init(runtime_env="), encoding="utf-8")
    out = run([str(python), str(script)], env=no_rust_env, cwd=tmp_path).stdout
    assert ast.literal_eval(out.strip().splitlines()[-1]) == [("Ana Silva", "said", "direct")]
