"""The review page's deferred rebuild (``llm_extract.rebuild_later``) does not spin on a rebuild that failed by
RebuildError (a record that kills every process rendering it fails the same way every time): it is not tried again
until a new decision changes a record, the page and the log say why, the page keeps answering, and ``serve``
stopping says the outputs are as last rebuilt (exit 5) instead of waiting for ever."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract import review_store
from llm_extract._exceptions import RebuildError
from llm_extract.cli import app
from llm_extract.exitcodes import REBUILD_FAILED
from llm_extract.rebuild_later import RebuildLater
from llm_extract.review_store import DecisionRequest, ReviewStore
from tests.test_review_store import T4_GROUP, item_for, out  # noqa: F401  (the fixture)
from tests.test_review_web import _serve

DIED = "records/doc.json: its process died twice rendering this record into the combined outputs"


def test_a_rebuild_failed_by_rebuild_error_waits_for_the_next_decision(capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[float] = []
    failing = [True]

    def rebuild() -> None:
        calls.append(time.monotonic())
        if failing[0]:
            raise RebuildError(DIED)

    later = RebuildLater(rebuild, quiet=0, retry=0.01)
    later.touch(["a"])
    t0 = time.monotonic()
    assert later.flush(timeout=10) is False                 # at once: nothing will change by waiting
    assert time.monotonic() - t0 < 5
    time.sleep(0.5)                                         # (fifty retry periods)
    assert len(calls) == 1 and later.failures == 1
    assert later.error == DIED and later.pending() == {"a"}
    assert "tried again after the next decision" in capsys.readouterr().err
    failing[0] = False
    later.touch(["b"])                                      # a decision: something changed, tried again
    assert later.flush(timeout=30) is True
    assert len(calls) == 2 and later.error is None and later.pending() == set()
    later.close()


def test_a_decision_during_the_failing_rebuild_is_tried_again() -> None:
    calls: list[int] = []
    later: RebuildLater

    def rebuild() -> None:
        calls.append(1)
        if len(calls) == 1:
            later.touch(["b"])                              # decided while it ran
            raise RebuildError(DIED)

    later = RebuildLater(rebuild, quiet=0, retry=0.01)
    later.touch(["a"])
    assert later.flush(timeout=30) is True
    assert len(calls) == 2 and later.error is None
    later.close()


def _failing_page(out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ReviewStore, list[int]]:
    calls: list[int] = []

    def died(self: ReviewStore) -> None:
        calls.append(1)
        raise RebuildError(DIED)

    monkeypatch.setattr(review_store.ReviewStore, "rebuild_now", died)
    store = ReviewStore(out, rebuild_later=True)
    store.later.quiet = 0
    return store, calls


def test_the_page_says_the_rebuild_failed_and_keeps_answering(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, calls = _failing_page(out, monkeypatch)
    item = next(i for i in store.items(doc="doc") if i.path == T4_GROUP[-1])
    for site in _serve(store):
        request = urllib.request.Request(site + "/doc/doc/decide", method="POST",
                                         data=json.dumps({"item_id": item.id, "action": "value",
                                                          "value": "1"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["ok"]
        assert store.later.flush(timeout=10) is False
        time.sleep(0.3)
        for path in ("/", "/doc/doc"):
            with urllib.request.urlopen(site + path, timeout=10) as response:
                html = response.read().decode("utf-8")
            assert "could not be rebuilt" in html and DIED in html
        assert len(calls) == 1
    store.later.close()


def test_serve_stopping_after_a_failed_rebuild_exits_5_at_once(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def page(store: ReviewStore, **_: object) -> None:      # the page: one decision, then Ctrl-C
        store.resolve([DecisionRequest(item_id=item_for(store, T4_GROUP[-1]), value="1")])
        store.later.flush(timeout=10)

    _failing_page(out, monkeypatch)
    monkeypatch.setattr("llm_extract.web.serve", page)
    results = []
    serving = threading.Thread(target=lambda: results.append(CliRunner().invoke(app, ["serve", str(out)])),
                               daemon=True)
    serving.start()
    serving.join(30)
    assert results, "serve waited for ever for a rebuild that cannot succeed"
    assert results[0].exit_code == REBUILD_FAILED, results[0].output
    assert DIED in results[0].output
