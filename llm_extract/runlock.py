"""One run at a time per output directory, and no litter from runs that were killed.

:func:`run_lock` takes ``OUT/.llm-extract.lock`` (an advisory ``flock`` on a file that
holds the holder's pid) for the length of a run. A second run on the same OUT is refused
with :class:`OutputLockedError` naming the holder's pid; a lock left by a process that died
is taken over (the kernel drops a dead process's ``flock``, whatever the file says).

Once the lock is held, the hidden temporary files of :func:`llm_extract.outputs.atomic_open`
(``.<name>.<random>.tmp``) that a killed run left in OUT, ``OUT/records`` and ``OUT/failed``
are removed: no other run can be writing them.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from ._exceptions import LLMExtractError
from .outputs import FAILED_DIR, RECORDS_DIR

__all__ = ["run_lock", "SharedLock", "OutputLockedError", "LOCK_NAME", "remove_stale_temp_files"]

LOCK_NAME = ".llm-extract.lock"


class OutputLockedError(LLMExtractError):
    """Another run holds the lock on this output directory."""

    def __init__(self, out: Path, pid: int | None) -> None:
        self.out = out
        self.pid = pid
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"{out} is in use by another llm-extract run ({who} holds {out / LOCK_NAME}); "
                         "wait for it to finish, or give another --out")


def _holder(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="ascii").strip() or 0) or None
    except (OSError, ValueError):
        return None


def remove_stale_temp_files(out: Path, *, documents_only: bool = False) -> list[Path]:
    """Remove the temp files a killed run left in ``out``; returns what was removed. Call only under the lock.
    ``documents_only``: only in ``OUT/records`` and ``OUT/failed`` (a dead worker's, once the workers are done;
    ``serve`` may be writing a decision in OUT itself)."""
    removed = []
    for folder in (out / RECORDS_DIR, out / FAILED_DIR) + (() if documents_only else (out,)):
        if folder.is_dir():
            for p in folder.glob(".*.tmp"):
                p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def _acquire(out: Path) -> int:
    path = out / LOCK_NAME
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputLockedError(out, _holder(path)) from None
        try:   # the file we locked may have been removed by the holder that just finished: lock the current one
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            return fd
        os.close(fd)


@contextmanager
def run_lock(out: str | Path) -> Iterator[None]:
    """Hold the lock on ``out`` (created if needed) for the block; clean a killed run's temp files first."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fd = _acquire(out)
    try:
        remove_stale_temp_files(out)
        yield
    finally:
        (out / LOCK_NAME).unlink(missing_ok=True)     # while still holding it: the next run locks a new file
        os.close(fd)


class SharedLock:
    """A lock ``take`` gives (:func:`run_lock`), held once for the blocks of one owner's threads together: taken
    by the first block, released by the last. ``with shared(): ...``"""

    def __init__(self, take: Callable[[], AbstractContextManager[None]]) -> None:
        self._take = take
        self._guard = threading.Lock()
        self._blocks = 0
        self._held: AbstractContextManager[None] | None = None

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._guard:
            if self._blocks == 0:
                held = self._take()
                held.__enter__()
                self._held = held
            self._blocks += 1
        try:
            yield
        finally:
            with self._guard:
                self._blocks -= 1
                if self._blocks == 0 and self._held is not None:
                    held, self._held = self._held, None
                    held.__exit__(None, None, None)
