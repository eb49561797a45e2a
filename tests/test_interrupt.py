"""Interruption (issue 9, point 2): a build or a store load stopped at any moment leaves the old state or
the new one, never a mix.

``kglaw build`` and ``kglaw load`` run as subprocesses (``python -m kglaw``) and get SIGINT — or, for
the store, SIGKILL — at several moments: during start-up, while parsing, and as soon as the staging
directory appears. Afterwards the output directory equals the old tree or the new one byte for byte,
no staging directory or temporary file is left, and the store holds exactly the old quads or the new.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
TEXTS = sorted((HERE / "texts").glob("*.txt"))[:12]


#: ``python -m kglaw`` with Python's own SIGINT handler: a shell without job control starts background
#: jobs with SIGINT ignored, the child would inherit that, and the test would prove nothing.
LAUNCH = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'kglaw'; runpy.run_module('kglaw', run_name='__main__', alter_sys=True)"
)


def kglaw_process(*args: object, group: bool = False) -> subprocess.Popen[str]:
    """``python -m kglaw ARGS``; with ``group`` in a session of its own, to get Ctrl-C as a terminal sends it."""
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        start_new_session=group,
    )


def run(*args: object) -> None:
    p = kglaw_process(*args)
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err


def tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def interrupt(
    p: subprocess.Popen[str], when: float | str, staging_parent: Path, sig: int = signal.SIGINT
) -> tuple[int, str]:
    """Send ``sig`` after ``when`` seconds, or (``"staging"``) as soon as a staging directory exists."""
    if when == "staging":
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and p.poll() is None:
            if any(c.name.startswith(".") for c in staging_parent.iterdir()):
                break
            time.sleep(0.005)
    else:
        time.sleep(float(when))
    if p.poll() is None:
        p.send_signal(sig)
    _, err = p.communicate(timeout=120)
    return p.returncode, err


def ctrl_c(p: subprocess.Popen[str], when: float | str, staging_parent: Path) -> str:
    """Ctrl-C as a terminal sends it (SIGINT to the process group) after ``when`` seconds, or
    (``"staging"``) as soon as a staging directory exists; returns stderr."""
    if when == "staging":
        interrupt_at = lambda: any(c.name.startswith(".") for c in staging_parent.iterdir())
    else:
        start = time.monotonic()
        interrupt_at = lambda: time.monotonic() - start >= float(when)
    while p.poll() is None and not interrupt_at():
        time.sleep(0.005)
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGINT)
    _, err = p.communicate(timeout=120)
    return err


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two inputs (old, new) and the trees a completed build writes for each."""
    base = tmp_path_factory.mktemp("interrupt")
    old_raw, new_raw = base / "raw-old", base / "raw-new"
    for raw in (old_raw, new_raw):
        raw.mkdir()
        for f in SEEDS + TEXTS:
            shutil.copy(f, raw / f.name)
    # the new input: one act added, one edited, one removed
    shutil.copy(HERE / "texts" / "ru_repealing_list.txt", new_raw / "added.txt")
    edited = new_raw / TEXTS[0].name
    edited.write_bytes(edited.read_bytes().replace(b"1", b"7", 3))
    (new_raw / TEXTS[1].name).unlink()
    run("build", "--raw", old_raw, "--out", base / "old")
    run("build", "--raw", new_raw, "--out", base / "new")
    old, new = tree(base / "old"), tree(base / "new")
    assert old != new
    return {"base": base, "new_raw": new_raw, "old": old, "new": new}


@pytest.mark.parametrize("when", [0.2, 0.5, 1.0, 2.0, 3.5, "staging"])
def test_build_interrupted_by_sigint_leaves_old_or_new_outputs(tmp_path: Path, trees, when) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ttl"
    shutil.copytree(Path(trees["base"]) / "old", out)  # type: ignore[arg-type]
    p = kglaw_process("build", "--raw", trees["new_raw"], "--out", out)
    code, err = interrupt(p, when, tmp_path)
    after = tree(out)
    assert after == trees["old"] or after == trees["new"], (
        f"mixed output after SIGINT at {when} (exit {code}): {err}"
    )
    if after == trees["old"] and code != 0:
        assert code in (130, -signal.SIGINT), err
    leftovers = sorted(c.name for c in tmp_path.iterdir() if c.name != "ttl")
    assert leftovers == [], f"left behind after SIGINT at {when}: {leftovers}"
    assert "Traceback" not in err, err


def test_interrupted_build_says_so_in_one_line(tmp_path: Path, trees) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ttl"
    shutil.copytree(Path(trees["base"]) / "old", out)  # type: ignore[arg-type]
    p = kglaw_process("build", "--raw", trees["new_raw"], "--out", out)
    code, err = interrupt(p, "staging", tmp_path)
    if code == 0:
        pytest.skip("the build finished before the signal arrived")
    assert code == 130 and err == "kglaw: interrupted; outputs left as they were\n"


@pytest.mark.parametrize("when", [1.5, "staging"])
def test_ctrl_c_on_a_parallel_build_is_one_line_and_leaves_old_or_new_outputs(
    tmp_path: Path, trees, when
) -> None:  # type: ignore[no-untyped-def]
    """Regression: with -j 2, Ctrl-C (SIGINT to the whole process group) printed a traceback per worker."""
    out = tmp_path / "ttl"
    shutil.copytree(Path(trees["base"]) / "old", out)  # type: ignore[arg-type]
    p = kglaw_process("build", "-j", "2", "--raw", trees["new_raw"], "--out", out, group=True)
    err = ctrl_c(p, when, tmp_path)
    after = tree(out)
    assert after == trees["old"] or after == trees["new"]
    if p.returncode != 0:
        assert p.returncode == 130 and err == "kglaw: interrupted; outputs left as they were\n", err
    assert sorted(c.name for c in tmp_path.iterdir()) == ["ttl"]


# -- store loads -----------------------------------------------------------------------------------------


def quads(store: Path) -> list[bytes]:
    s = ox.Store(str(store))
    try:
        return sorted((s.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())
    finally:
        del s


@pytest.fixture(scope="module")
def store_states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A store loaded with the old data, the new data directory, and both expected contents."""
    base = tmp_path_factory.mktemp("store")
    old_data, new_data = base / "ttl-old", base / "ttl-new"
    shutil.copytree(ROOT / "data" / "ttl", old_data)
    new_data.mkdir()
    for f in sorted(old_data.glob("*.ttl")):  # every graph changes, and one is added
        (new_data / f.name).write_bytes(
            f.read_bytes().replace(b"https://w3id.org/kglaw/", b"https://w3id.org/kglaw-new/")
        )
    shutil.copy(HERE / "fixtures" / "lineage.ttl", new_data / "zz-extra.ttl")
    run("load", "--store", base / "old-store", old_data)
    run("load", "--store", base / "new-store", new_data)
    old, new = quads(base / "old-store"), quads(base / "new-store")
    assert old != new
    return {"base": base, "new_data": new_data, "old": old, "new": new}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("when", [0.3, 1.0, 2.5])
def test_store_load_interrupted_holds_old_or_new_graph(
    tmp_path: Path, store_states, when: float, sig: int
) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "store"
    shutil.copytree(Path(store_states["base"]) / "old-store", store)  # type: ignore[arg-type]
    p = kglaw_process("load", "--store", store, store_states["new_data"])
    code, err = interrupt(p, when, tmp_path, sig)
    after = quads(store)
    state = "old" if after == store_states["old"] else "new" if after == store_states["new"] else "mixed"
    assert state != "mixed", (
        f"store half-loaded after {signal.Signals(sig).name} at {when} s (exit {code}): {err}"
    )
    if code == 0:
        assert state == "new"
    assert "Traceback" not in err, err


# -- streaming ingest into a new store ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def ingested_quads(trees, tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:  # type: ignore[no-untyped-def]
    store = tmp_path_factory.mktemp("ingest") / "store"
    run("ingest", trees["new_raw"], "--store", store, "-q", "--no-validate")
    return quads(store)


@pytest.mark.parametrize("when", [0.5, 1.5, 3.0, "staging"])
def test_ctrl_c_on_ingest_leaves_no_store_or_the_whole_store(
    tmp_path: Path, trees, ingested_quads, when
) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "store"
    p = kglaw_process(
        "ingest",
        trees["new_raw"],
        "--store",
        store,
        "-q",
        "--no-validate",
        "-j",
        "2",
        "--batch",
        "4",
        group=True,
    )
    err = ctrl_c(p, when, tmp_path)
    if store.exists():
        assert quads(store) == ingested_quads, f"a partial store after SIGINT at {when}: {err}"
        assert (tmp_path / "store.loaded").read_text() == "ingested"
    if p.returncode != 0:
        assert p.returncode == 130 and err == "kglaw: interrupted; outputs left as they were\n", err
    leftovers = sorted(c.name for c in tmp_path.iterdir() if c.name not in ("store", "store.loaded"))
    assert leftovers == [], f"left behind after SIGINT at {when}: {leftovers}"
