"""Replace a directory by another in one step, so that readers see the old tree or the new one."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
from pathlib import Path

__all__ = ["swap_directory"]

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two paths atomically. False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(str(a)), _AT_FDCWD, os.fsencode(str(b)), _RENAME_EXCHANGE)
    return rc == 0


def swap_directory(new: Path, target: Path) -> None:
    """Put the finished tree ``new`` in place of ``target``; SIGINT waits until the swap is done."""
    old_handler = signal.getsignal(signal.SIGINT)
    pending: list[int] = []
    try:
        signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    except ValueError:  # not the main thread: signals cannot be deferred, the swap is still short
        old_handler = None
    try:
        if target.exists() and _exchange(new, target):
            shutil.rmtree(new)  # ``new`` now holds the old tree
        else:
            backup = target.with_name(f".{target.name}.old")
            if backup.exists():
                shutil.rmtree(backup)
            if target.exists():
                os.replace(target, backup)
            os.replace(new, target)
            if backup.exists():
                shutil.rmtree(backup)
    finally:
        if old_handler is not None:
            signal.signal(signal.SIGINT, old_handler)
    if pending:
        raise KeyboardInterrupt
