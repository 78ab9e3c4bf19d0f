"""A run killed outright (``kill -9``, the OOM killer) leaves no worker processes behind: each
would otherwise wait forever on its job queue, holding its memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

_RUN = """
import os, signal, sys
from llm_extract.workers import map_ordered

def pid(_):
    return os.getpid()

results = map_ordered(pid, range(10_000), workers=2)
workers = set()
for p in results:
    workers.add(p)
    if len(workers) == 2:
        break
print(*sorted(workers), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")          # a zombie has ended (nobody may have reaped it yet)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ending with the parent is Linux only")
def test_the_workers_of_a_run_killed_with_sigkill_end_too() -> None:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.Popen([sys.executable, "-c", _RUN], stdout=subprocess.PIPE, text=True, env=env, cwd=root)
    workers = [int(p) for p in run.stdout.readline().split()]    # (not to EOF: a live worker holds the pipe)
    assert run.wait(timeout=60) == -9
    assert len(workers) == 2 and run.pid not in workers
    try:
        for _ in range(200):                # the kernel signals them as the run ends; give them time to go
            if not any(_alive(p) for p in workers):
                break
            time.sleep(0.05)
        assert not any(_alive(p) for p in workers), f"workers {workers} outlived the killed run"
    finally:
        for p in workers:
            if _alive(p):
                os.kill(p, 9)
        run.stdout.close()


_REBUILDING = """
import os, signal, sys
from pathlib import Path
from llm_extract.export.workbook_process import WorkbookProcess
from llm_extract.runlock import run_lock

out = Path(sys.argv[1])
with run_lock(out):                       # as a rebuild holds it: the workbook process is forked under it
    book = WorkbookProcess(out / "records.xlsx")
    print(book.process.pid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ending with the parent is Linux only")
def test_a_run_killed_with_sigkill_while_writing_its_workbook_leaves_no_process_holding_out(tmp_path: Path) -> None:
    """The workbook process (``llm_extract.export.workbook_process``) ends with the run that forked it: alive,
    it would hold OUT's lock (every later run and decision refused, naming the dead run) and whatever else the
    run had open (the review page's port) for ever."""
    from llm_extract.runlock import run_lock

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.Popen([sys.executable, "-c", _REBUILDING, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                           env=env, cwd=root)
    book = int(run.stdout.readline())
    assert run.wait(timeout=60) == -9
    try:
        for _ in range(200):
            if not _alive(book):
                break
            time.sleep(0.05)
        assert not _alive(book), f"the workbook process {book} outlived the killed run"
        with run_lock(tmp_path):          # the next run takes OUT
            pass
    finally:
        if _alive(book):
            os.kill(book, 9)
        run.stdout.close()
