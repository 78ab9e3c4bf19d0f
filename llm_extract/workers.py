"""Documents are independent: process them on every core, results in input order.

:func:`map_ordered` runs a function over jobs in a pool of worker processes (forked, so
they start at once with the modules already imported) and yields the results in the
order of the jobs, as they become available: the outputs of a parallel run are those
of a serial one. A small batch runs in this process (a pool costs more than it saves).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

__all__ = ["map_ordered", "worker_count", "end_with_parent", "MIN_JOBS_PER_WORKER"]

T = TypeVar("T")
R = TypeVar("R")

MIN_JOBS_PER_WORKER = 16      # below this a batch stays in one process
_CHUNK = 8
_WINDOW = 4                   # chunks in flight per worker


def worker_count(jobs: int, requested: int | None = None) -> int:
    """Processes for ``jobs`` documents: ``requested``, else ``$LLM_EXTRACT_WORKERS``, else the cores."""
    if requested is None:
        env = os.environ.get("LLM_EXTRACT_WORKERS", "").strip()
        requested = int(env) if env.isdigit() and int(env) > 0 else (len(os.sched_getaffinity(0))
                                                                      if hasattr(os, "sched_getaffinity")
                                                                      else os.cpu_count() or 1)
    return max(1, min(requested, jobs // MIN_JOBS_PER_WORKER))


def map_ordered(fn: Callable[[T], R], jobs: Iterable[T], *, workers: int,
                initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = (),
                died: Callable[[T], R] | None = None) -> Iterator[R]:
    """``fn`` over ``jobs`` on ``workers`` processes (in this one when 1); results in job order.

    ``fn`` and ``initializer`` must be module-level functions; ``initializer(*initargs)`` runs
    once in each worker (and once here when ``workers`` is 1). With ``died``, a worker that dies
    (the kernel's OOM killer, a crash in a C library) stops nothing: the jobs it held are run again, each
    in a process of its own, and the job that kills its process again gets ``died(job)`` as its result.
    """
    if workers <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, jobs)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)

    def new_pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(), initializer, initargs))

    pool = new_pool(workers)
    try:
        # a window of chunks in flight, not every job at once (Executor.map submits them all): when
        # the consumer is slower than the workers, finished results wait here, and memory stays flat
        pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        jobs_iter = iter(jobs)
        chunks = iter(lambda: list(islice(jobs_iter, _CHUNK)), [])
        for chunk in islice(chunks, workers * _WINDOW):
            pending.append((chunk, pool.submit(_run_chunk, fn, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                if died is None:
                    raise
                pool.shutdown(wait=True, cancel_futures=True)
                results = [_alone(new_pool, fn, job, died) for job in chunk]
                pool = new_pool(workers)          # the chunks the dead pool held, on a new one
                pending = deque((c, pool.submit(_run_chunk, fn, c)) for c, _ in pending)
            for chunk in islice(chunks, 1):
                pending.append((chunk, pool.submit(_run_chunk, fn, chunk)))
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(new_pool: Callable[[int], ProcessPoolExecutor], fn: Callable[[T], R], job: T, died: Callable[[T], R]) -> R:
    """``fn(job)`` in a process of its own; ``died(job)`` when that process dies."""
    with new_pool(1) as pool:
        try:
            return pool.submit(fn, job).result()
        except BrokenProcessPool:
            return died(job)


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(job) for job in chunk]


def _start_worker(parent: int, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    end_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def end_with_parent(parent: int) -> None:
    """End this forked process when ``parent``, the process that forked it, ends, even killed (``kill -9``): a
    forked worker holds the write end of its own job queue too, so it would wait on it forever (Linux only)."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(1, signal.SIGKILL)        # PR_SET_PDEATHSIG
    if os.getppid() != parent:      # it ended before the line above
        os._exit(1)
