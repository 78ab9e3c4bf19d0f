"""Decisions on the review page are not held up by the combined outputs: a decision is written
(decisions.jsonl, the document's record) and shown at once, and records.xlsx, report.html, records.csv,
the queue file … are rebuilt behind the reviewer (``llm_extract.rebuild_later``), the same as a
rebuild after each decision would make them."""

from __future__ import annotations

import csv
import io
import json
import random
import threading
import time
from pathlib import Path

import pytest

from llm_extract import review_store
from llm_extract.outputs import _lines_holding, iter_jsonl, read_json
from llm_extract.pipeline import run_batch
from llm_extract.rebuild_later import RebuildLater
from llm_extract.review_store import DecisionRequest, ReviewStore
from llm_extract.runlock import OutputLockedError
from tests.test_crossyear import two_years
from tests.test_review_store import item_for, out  # noqa: F401  (the fixture)

NATURAL = "applications.partially_granted.natural_person"


def _csv_row(out: Path, doc_id: str = "doc") -> dict[str, str]:
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["doc_id"] == doc_id)


def _queue_ids(out: Path) -> set[str]:
    return {raw["id"] for raw in iter_jsonl(out / "review_queue.jsonl")}


# --- the store ---------------------------------------------------------------------------------------------
def test_a_decision_is_shown_at_once_and_in_every_combined_output_after_the_flush(out: Path) -> None:
    store = ReviewStore(out, rebuild_later=True)
    store.later.quiet = 60                               # (the reviewer has not paused yet)
    item = item_for(store, NATURAL)
    csv_before = (out / "records.csv").read_bytes()
    store.resolve([DecisionRequest(item_id=item, value="keep")])
    assert read_json(out / "records" / "doc.json")["provenance"][NATURAL]["status"] == "reviewed"
    assert (out / "records.csv").read_bytes() == csv_before             # not rebuilt yet …
    assert item in _queue_ids(out)
    assert item not in {i.id for i in store.items(doc="doc")}          # … but the queue shown is the record's
    assert item not in {i.id for i in store.items()}
    [doc] = store.documents()
    assert doc.decided == 1 and doc.queued == len(store.items(doc="doc"))
    store.flush()
    assert _csv_row(out)["fields_reviewed"] == "1" and item not in _queue_ids(out)
    assert store.later.pending() == set()
    assert [d.queued for d in store.documents()] == [doc.queued]


def test_outputs_rebuilt_behind_the_reviewer_equal_those_of_a_rebuild_after_each_decision(out: Path,
                                                                                        tmp_path: Path) -> None:
    import shutil

    other = tmp_path / "other"
    shutil.copytree(out, other)
    now, later = ReviewStore(other), ReviewStore(out, rebuild_later=True)
    for store in (now, later):
        store.resolve([DecisionRequest(item_id=item_for(store, NATURAL), value="7")])
        store.accept(table="表四")
    later.flush()
    for name in ("records.csv", "fields.csv", "review_queue.jsonl", "records.jsonl"):
        assert (out / name).read_bytes() == (other / name).read_bytes(), name


def test_the_store_decides_while_its_own_rebuild_holds_the_lock_and_keeps_other_reviewers_out(
        out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()
    real = review_store.ReviewStore.rebuild_now

    def slow(self: ReviewStore) -> None:
        with self._locked():
            started.set()
            release.wait(30)
            real(self)

    monkeypatch.setattr(review_store.ReviewStore, "rebuild_now", slow)
    store = ReviewStore(out, rebuild_later=True)
    store.later.quiet = 0
    store.resolve([DecisionRequest(item_id=item_for(store, NATURAL), value="7")])
    assert started.wait(30)                                  # the rebuild holds OUT's lock now
    store.accept(table="表四")                               # this store's next decision is not held up
    with pytest.raises(OutputLockedError):                   # another reviewer's store is kept out meanwhile
        ReviewStore(out).accept(table="表三")
    release.set()
    store.flush()
    assert _csv_row(out)[NATURAL] == "7"
    assert {d["path"] for d in map(json.loads, (out / "decisions.jsonl").read_text(encoding="utf-8").splitlines())
            if d["path"].startswith("review_litigation.")}


def test_a_pending_documents_queue_keeps_its_cross_year_items_until_acknowledged(golden_dir: Path,
                                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([two_years(golden_dir, tmp_path)], out)
    store = ReviewStore(out, rebuild_later=True)
    store.later.quiet = 60
    linked = [i for i in store.items(doc="hq2022") if i.rules == ["XYEAR.STOCK_NORMATIVE"]]
    assert len(linked) == 1
    store.later.touch(["hq2022"])                            # (as a decision about another of its fields does)
    assert [i.id for i in store.items(doc="hq2022") if i.rules == ["XYEAR.STOCK_NORMATIVE"]] == [linked[0].id]
    store.resolve([DecisionRequest(item_id=linked[0].id, value="keep")])
    assert not any(i.rules == ["XYEAR.STOCK_NORMATIVE"] for i in store.items(doc="hq2022"))
    store.flush()
    assert linked[0].id not in _queue_ids(out)


# --- the background rebuild --------------------------------------------------------------------------------
def test_a_document_decided_again_during_a_rebuild_stays_pending_for_the_next() -> None:
    runs: list[float] = []
    inside = threading.Event()
    go_on = threading.Event()

    def rebuild() -> None:
        runs.append(time.monotonic())
        if len(runs) == 1:
            inside.set()
            go_on.wait(30)

    later = RebuildLater(rebuild, quiet=0)
    later.touch(["a"])
    assert inside.wait(30)
    later.touch(["a", "b"])                                 # while the first rebuild runs
    go_on.set()
    assert later.flush(timeout=30)
    assert len(runs) == 2 and later.pending() == set()
    later.close()


def test_a_rebuild_waits_for_the_reviewer_to_pause() -> None:
    runs: list[float] = []
    later = RebuildLater(lambda: runs.append(time.monotonic()), quiet=0.3)
    t0 = time.monotonic()
    for _ in range(3):
        later.touch(["a"])
        time.sleep(0.1)
    assert runs == [] and later.pending() == {"a"}
    assert later.flush(timeout=30)
    assert len(runs) == 1 and runs[0] >= t0
    later.close()


def test_a_failed_rebuild_is_tried_again_and_keeps_its_documents_pending(capsys: pytest.CaptureFixture[str]) -> None:
    calls = []

    def rebuild() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")

    later = RebuildLater(rebuild, quiet=0, retry=0.2)
    later.touch(["a"])
    assert later.flush(timeout=30)
    assert len(calls) == 2 and later.failures == 1 and later.pending() == set()
    assert "No space left on device" in capsys.readouterr().err
    later.close()


# --- reading only the lines of some ids ----------------------------------------------------------------------
def test_lines_holding_an_id_are_those_a_line_by_line_filter_finds() -> None:
    for trial in range(300):
        rng = random.Random(trial)
        rows = [{"id": f"i{rng.randrange(20)}", "doc_id": f"d{rng.randrange(5)}", "t": "文" * rng.randrange(50)}
                for _ in range(rng.randrange(40))]
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
        if data and rng.random() < 0.3:
            data = data[:-1]                                 # a last line without its newline
        needles = [json.dumps(f"d{rng.randrange(6)}").encode() for _ in range(rng.randrange(1, 3))]
        want = [line for line in data.split(b"\n") if any(n in line for n in needles)]
        assert list(_lines_holding(io.BytesIO(data), needles, chunk=rng.randrange(1, 64))) == want, trial


def test_a_document_id_that_json_escapes_is_found(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [{"id": "1", "doc_id": 'a"b\\c'}, {"id": "2", "doc_id": "ab"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert [r["id"] for r in iter_jsonl(path, holding=['a"b\\c'])] == ["1"]


def test_serve_after_a_review_page_killed_before_its_rebuild_shows_the_queue_of_the_records(
        out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page killed (kill -9) with decisions not yet in the combined outputs: the next ``serve`` rebuilds
    them before it shows the queue, which would otherwise still offer the decided item and hide what the
    decision queued."""
    from typer.testing import CliRunner

    from llm_extract.cli import app

    killed = ReviewStore(out, rebuild_later=True)
    killed.later.quiet = 60                          # killed before the reviewer paused
    item = item_for(killed, NATURAL)
    killed.resolve([DecisionRequest(item_id=item, value="keep")])
    killed.later.close()
    assert item in _queue_ids(out)                   # the queue file as the killed page left it
    shown: list[set[str]] = []
    monkeypatch.setattr("llm_extract.web.serve",
                        lambda store, **_: shown.append({i.id for i in store.items(doc="doc")}))
    result = CliRunner().invoke(app, ["serve", str(out)])
    assert result.exit_code == 0, result.output
    assert "rebuilding them first" in result.output
    assert item not in shown[0] and item not in _queue_ids(out)
    assert _csv_row(out)["fields_reviewed"] == "1"
    again = CliRunner().invoke(app, ["serve", str(out)])                # current now: served at once
    assert again.exit_code == 0 and "rebuilding" not in again.output


def test_ctrl_c_stops_a_flush_waiting_on_a_rebuild_even_when_the_rebuilds_thread_receives_it() -> None:
    """The kernel hands a process's SIGINT to any of its threads; Python raises it in the main thread only, once
    that thread runs: ``serve`` waiting for a rebuild that cannot finish (an ``extract`` run holds OUT) must
    still stop at the reviewer's Ctrl-C."""
    import signal

    inside, go_on = threading.Event(), threading.Event()

    def rebuild() -> None:
        inside.set()
        go_on.wait(30)

    # (a reviewer's process: Ctrl-C raises KeyboardInterrupt, and no thread blocks SIGINT; a thread inherits its
    # creator's signal mask, and a library an earlier test ran in this process may have left SIGINT blocked in it)
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    mask = signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
    try:
        later = RebuildLater(rebuild, quiet=0)
        later.touch(["a"])
        assert inside.wait(30)
        threading.Timer(0.3, signal.pthread_kill, (later._thread.ident, signal.SIGINT)).start()
        t0 = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            later.flush(timeout=20)
        assert time.monotonic() - t0 < 5
        go_on.set()
        later.close()
    finally:
        signal.signal(signal.SIGINT, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def test_serve_stopped_again_while_it_brings_the_outputs_up_to_date_says_what_is_kept(
        out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from llm_extract.cli import app

    def interrupted(self: ReviewStore) -> None:
        raise KeyboardInterrupt                          # the second Ctrl-C, during the last rebuild

    monkeypatch.setattr("llm_extract.web.serve", lambda store, **_: None)
    monkeypatch.setattr(ReviewStore, "flush", interrupted)
    result = CliRunner().invoke(app, ["serve", str(out)])
    assert result.exit_code == 130
    assert "every decision is in" in result.output and "decisions.jsonl" in result.output
    assert "rebuilds them" in result.output and "Traceback" not in result.output
