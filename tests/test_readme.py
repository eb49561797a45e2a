"""Every command the README shows runs (in a scratch copy of the project data) and exits 0."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = ROOT / "README.md"


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    cmds = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                cmds.append(line[2:].strip())
    return cmds


def test_readme_starts_with_make_demo_and_make_test() -> None:
    text = README.read_text(encoding="utf-8")
    first = re.search(r"```console\n(.*?)```", text, re.S)
    assert first is not None
    lines = [ln.split("#")[0].strip() for ln in first.group(1).splitlines() if ln.strip()]
    assert lines[:2] == ["make demo", "make test"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    shutil.copytree(ROOT / "data" / "raw", home / "data" / "raw")
    shutil.copytree(ROOT / "data" / "ttl", home / "data" / "ttl")
    return home


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command: str, scratch: Path) -> None:
    argv = shlex.split(command)
    assert argv[0] == "kglaw", command
    env = dict(os.environ, KGLAW_HOME=str(scratch))
    proc = subprocess.run(
        [sys.executable, "-m", "kglaw", *argv[1:]],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
