"""The combined outputs rebuilt behind a reviewer, not between two of their keystrokes.

A decision on the review page is written at once (``decisions.jsonl``, and the document's record,
settled again: :class:`llm_extract.review_store.ReviewStore`); rebuilding every combined output
(records.xlsx, report.html, records.sqlite, …) from every record takes seconds to minutes on a large
output directory (13 s at 2,000 documents), and a reviewer deciding item after item must not wait for
it each time. :class:`RebuildLater` runs that rebuild on a thread of its own once the reviewer has
paused (``quiet`` seconds after the last decision), again if decisions arrived while it ran, and
:meth:`RebuildLater.flush` waits for it (the server does when it stops). Until then the store reads the
queue of a document decided since the last rebuild from that document's record (:meth:`pending`).

A rebuild that fails (an ``extract`` run holds OUT, a full disk) is tried again after ``retry`` seconds;
one that fails by :class:`~llm_extract.RebuildError` (a record killed every process rendering it: the same
records fail the same way) is not tried again until a new decision changes a record: :attr:`RebuildLater.error`
says why (the review page shows it), and :meth:`RebuildLater.flush` returns False at once. The record files and
``decisions.jsonl`` hold every decision whatever happens to it, and the next ``extract`` run rebuilds outputs that
are not current (:mod:`llm_extract.rebuild_state`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from ._exceptions import RebuildError
from .review import unacknowledged

__all__ = ["RebuildLater", "current_queue", "is_cross_year", "CROSS_YEAR"]

#: how much lower the rebuild's CPU priority is than the review page's (os.setpriority's niceness)
_NICE = 10

#: at most how long :meth:`RebuildLater.flush` waits without running (seconds): a Ctrl-C is seen within it
_WAKE = 0.25

#: the rule codes of findings on other documents' records (cross-year links, an agency-year reported twice:
#: llm_extract.agency_years): the rebuild adds their items to a document's queue, its record does not hold them
CROSS_YEAR = ("XYEAR.", "ROLLUP.")


def is_cross_year(item: dict[str, Any]) -> bool:
    """Whether a review item (a line of the queue file) is a finding's on other documents (cross-year, roll-up)."""
    return (item.get("rules") or [""])[0].startswith(CROSS_YEAR)


def current_queue(record: dict[str, Any], combined: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A document's queue as the next rebuild will write it: its record's items, then the cross-year items of
    ``combined`` (its lines of the queue file as last rebuilt) that its decisions have not acknowledged
    (as :func:`llm_extract.rebuild.cross_year_links` joins them)."""
    return list(record.get("review") or []) + unacknowledged(record, filter(is_cross_year, combined))


class RebuildLater:
    """Runs ``rebuild`` on a background thread after the documents it is told of were decided."""

    def __init__(self, rebuild: Callable[[], None], *, quiet: float = 3.0, retry: float = 5.0) -> None:
        self._rebuild, self.quiet, self.retry = rebuild, quiet, retry
        self._cond = threading.Condition()
        self._touched: dict[str, int] = {}        # doc id → the generation it was last decided in
        self._generation = 0
        self._last = 0.0                           # when the last decision was told (monotonic)
        self._running = False
        self._closed = False
        self._given_up: int | None = None          # the generation whose rebuild failed by RebuildError
        self.failures = 0
        #: why the last rebuild failed by RebuildError (None once one succeeds): not tried again until a decision
        self.error: str | None = None
        self._thread = threading.Thread(target=self._loop, name="llm-extract-rebuild", daemon=True)
        self._thread.start()

    def touch(self, doc_ids: Iterable[str]) -> None:
        """These documents' records changed: the combined outputs must be rebuilt."""
        with self._cond:
            self._generation += 1
            for d in doc_ids:
                self._touched[d] = self._generation
            self._last = time.monotonic()
            self._cond.notify_all()

    def pending(self) -> set[str]:
        """The documents decided since the combined outputs were last rebuilt from their records."""
        with self._cond:
            return set(self._touched)

    def flush(self, timeout: float | None = None) -> bool:
        """Rebuild now if anything is pending and wait until nothing is; False if ``timeout`` passed first, or the
        rebuild of what is pending failed by RebuildError (:attr:`error`: it is not tried again until a decision)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._last = 0.0                       # no quiet period to wait for
            self._cond.notify_all()
            while self._running or (self._touched and not self._stuck()):
                left = _WAKE if deadline is None else deadline - time.monotonic()
                if left <= 0:
                    return False
                # woken now and then: Ctrl-C may reach the rebuild's thread, and only this one, the main
                # thread, raises it, once it runs again (a wait without end would never end, ignoring it)
                self._cond.wait(min(left, _WAKE))
            return not self._touched

    def _stuck(self) -> bool:
        """The last rebuild failed by RebuildError and no decision came since (called holding the condition)."""
        return self._given_up == self._generation

    def close(self) -> None:
        """Stop the thread after a rebuild in progress (what is pending stays pending: see :meth:`flush`)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join()

    def _loop(self) -> None:
        try:        # behind the reviewer: the page's requests first (on Linux a thread has its own niceness,
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _NICE)    # and the rebuild's workers inherit it)
        except (AttributeError, OSError):
            pass
        while True:
            with self._cond:
                while not self._closed and (not self._touched or self._stuck()
                                            or time.monotonic() < self._last + self.quiet):
                    self._cond.wait(None if not self._touched or self._stuck()
                                    else self._last + self.quiet - time.monotonic())
                if self._closed:
                    return
                started = self._generation
                self._running = True
            try:
                self._rebuild()
            except RebuildError as exc:            # the same records fail again: not before a decision changes one
                self.failures += 1
                print(f"llm-extract: the combined outputs could not be rebuilt ({exc}); they are as last rebuilt, "
                      f"every decision is in its record and decisions.jsonl; tried again after the next decision",
                      file=sys.stderr)
                with self._cond:
                    self._running = False
                    self._given_up, self.error = started, str(exc)
                    self._cond.notify_all()
                continue
            except Exception as exc:               # the decisions are on disk: say why, try again later
                self.failures += 1
                print(f"llm-extract: the combined outputs could not be rebuilt yet ({type(exc).__name__}: {exc}); "
                      f"trying again in {self.retry:.0f} s", file=sys.stderr)
                with self._cond:
                    self._running = False
                    self._last = time.monotonic() + self.retry - self.quiet
                    self._cond.notify_all()
                continue
            with self._cond:
                self._running = False
                self._given_up = self.error = None
                self._touched = {d: g for d, g in self._touched.items() if g > started}
                self._cond.notify_all()
