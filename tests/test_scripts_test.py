"""Item 10 of issue 15: ./scripts/test installs nothing outside the project's folders and the
active virtualenv. The real script runs with stand-ins for cargo and python3 that log their
arguments, and a fresh HOME: nothing may appear in it, cargo-fuzz goes under target/, and
without an active virtualenv the script stops before installing anything."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUB = """#!/bin/sh
echo "$(basename "$0") $*" >> "{log}"
exit 0
"""


def stubs(tmp_path: Path) -> tuple[Path, Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    log.touch()
    for tool in ("cargo", "python3", "rustup"):
        path = bin_dir / tool
        path.write_text(STUB.format(log=log), encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return bin_dir, log


def run_script(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    bin_dir, log = stubs(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    environment = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(home),
        "SAIDWHO_FUZZ_SECONDS": "1",
        # The wheel is a second release build, with its own test (tests/test_wheel.py).
        "SAIDWHO_WHEEL": "0",
        "SAIDWHO_TOOLS_ROOT": str(tmp_path / "tools"),
        **env,
    }
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "test")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result, log.read_text(encoding="utf-8").splitlines()


def test_cargo_fuzz_goes_under_the_project_and_home_stays_untouched(tmp_path):
    result, calls = run_script(tmp_path, VIRTUAL_ENV=str(tmp_path / "venv"))
    assert result.returncode == 0, result.stderr
    installs = [c for c in calls if c.startswith("cargo install")]
    assert installs, calls
    for call in installs:
        assert f"--root {tmp_path / 'tools'}" in call, call
    assert list((tmp_path / "home").iterdir()) == []
    pip = [c for c in calls if " -m pip install" in c]
    assert pip and all("--user" not in c for c in pip)


def test_the_default_tools_folder_is_inside_the_checkout():
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "SAIDWHO_TOOLS_ROOT:-$PWD/target/tools" in script


def test_without_a_virtualenv_it_stops_before_installing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    result, calls = run_script(tmp_path, **{k: v for k, v in env.items() if k == "LANG"})
    assert result.returncode == 2
    assert "activate a virtualenv" in result.stderr
    assert not any(" -m pip install" in c or c.startswith("cargo install") for c in calls)
