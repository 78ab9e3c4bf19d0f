"""Two reviewers deciding one document at once (two review pages, or a page and the command line).

Each decision takes the lock on OUT while it writes; what it writes must be made from what is on disk
under that lock. A decision that read the record before another reviewer's decision landed, and wrote
it back after, would drop the other's decision from the record and the combined outputs (it stays in
decisions.jsonl, so only a later ``extract --no-resume`` would bring it back).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from llm_extract import review_store
from llm_extract.outputs import read_json
from llm_extract.review_store import DecisionRequest, ReviewStore
from tests.test_review_store import item_for, out  # noqa: F401  (the fixture)

NATURAL = "applications.partially_granted.natural_person"
COMMERCIAL = "applications.partially_granted.commercial"


def _value(out: Path, path: str) -> object:
    node: object = read_json(out / "records" / "doc.json")
    for part in path.split("."):
        node = node[part]       # type: ignore[index]
    return node


@pytest.fixture()
def other_reviewer_first(monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    """Run the queued decisions of another reviewer (another process: its own store) just before this
    one takes the lock, as a second review page would between this one's reading and its writing."""
    queued: list = []
    real = review_store.run_lock

    @contextmanager
    def lock(out: Path) -> Iterator[None]:
        while queued:
            store, requests = queued.pop(0)
            monkeypatch.setattr(review_store, "run_lock", real)
            store.resolve(requests)
            monkeypatch.setattr(review_store, "run_lock", lock)
        with real(out):
            yield

    monkeypatch.setattr(review_store, "run_lock", lock)
    yield queued


def test_a_decision_written_meanwhile_by_another_reviewer_stays_in_the_record(out: Path, other_reviewer_first) -> None:
    mine, theirs = ReviewStore(out), ReviewStore(out)
    other_reviewer_first.append((theirs, [DecisionRequest(item_id=item_for(theirs, COMMERCIAL), value="3")]))
    mine.resolve([DecisionRequest(item_id=item_for(mine, NATURAL), value="7")])
    assert _value(out, NATURAL) == 7
    assert _value(out, COMMERCIAL) == 3
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as fh:      # and the combined outputs
        row = next(csv.DictReader(fh))
    assert (row[NATURAL], row[COMMERCIAL]) == ("7", "3")


def test_an_undo_after_another_reviewers_decision_keeps_that_decision(out: Path, other_reviewer_first) -> None:
    mine, theirs = ReviewStore(out), ReviewStore(out)
    mine.resolve([DecisionRequest(item_id=item_for(mine, NATURAL), value="7")])
    other_reviewer_first.append((theirs, [DecisionRequest(item_id=item_for(theirs, COMMERCIAL), value="3")]))
    taken = mine.undo()
    assert taken is not None and taken.path == COMMERCIAL      # the last decision in force when it ran
    assert _value(out, NATURAL) == 7
