"""The pool takes jobs as results are consumed: a slow consumer (the process writing the combined
outputs) holds a bounded window of results, never every document's at once."""

from __future__ import annotations

from collections.abc import Iterator

from llm_extract.workers import _CHUNK, _WINDOW, map_ordered


def _square(n: int) -> int:
    return n * n


def test_a_slow_consumer_holds_a_bounded_window_of_jobs_and_gets_every_result_in_order() -> None:
    pulled: list[int] = []

    def jobs() -> Iterator[int]:
        for i in range(1000):
            pulled.append(i)
            yield i

    results = map_ordered(_square, jobs(), workers=2)
    assert next(results) == 0
    assert len(pulled) <= (2 * _WINDOW + 1) * _CHUNK          # not the 1,000 jobs
    assert list(results) == [i * i for i in range(1, 1000)]
    assert len(pulled) == 1000
