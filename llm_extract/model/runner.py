"""Bounded-concurrency batch calls: at most ``concurrency`` model calls in flight.

A thread pool, because the openai client is synchronous here and the work is I/O.
One job's exception never stops the others: it is returned as that job's outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Outcome", "run_bounded"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Outcome(Generic[T, R]):
    """One job's result or error."""

    job: T
    result: R | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def run_bounded(jobs: Iterable[T], fn: Callable[[T], R], *, concurrency: int,
                on_done: Callable[[Outcome[T, R]], None] | None = None) -> list[Outcome[T, R]]:
    """Run ``fn`` over ``jobs`` with at most ``concurrency`` running at once; outcomes in job order.

    ``on_done`` is called (from the calling thread) as each job finishes: a progress bar's hook.
    """
    jobs = list(jobs)
    outcomes: list[Outcome[T, R] | None] = [None] * len(jobs)
    if not jobs:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(jobs))),
                            thread_name_prefix="llm-extract-model") as pool:
        futures = {pool.submit(fn, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                outcome: Outcome[T, R] = Outcome(jobs[i], result=future.result())
            except Exception as exc:  # the batch goes on; the error is this job's outcome
                outcome = Outcome(jobs[i], error=exc)
            outcomes[i] = outcome
            if on_done is not None:
                on_done(outcome)
    return [o for o in outcomes if o is not None]
