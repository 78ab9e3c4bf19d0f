"""The review page, end to end in a real headless browser: served on 127.0.0.1 by the same
application as `llm-extract serve`, decided from the keyboard, written through the store."""

from __future__ import annotations

import csv
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_extract.export.fields import STATUS_COLOURS
from llm_extract.review_store import ReviewStore
from tests.test_review_store import T4_GROUP, extract, make_report


@pytest.fixture()
def out(tmp_path: Path, golden_dir: Path) -> Path:
    make_report(golden_dir, tmp_path / "in")
    extract([tmp_path / "in"], tmp_path / "out")
    return tmp_path / "out"


@pytest.fixture()
def site(out: Path) -> Iterator[str]:
    yield from _serve(ReviewStore(out))


def _serve(store: ReviewStore) -> Iterator[str]:
    """`llm-extract serve`'s application under uvicorn, on a free port of 127.0.0.1, in a thread."""
    import uvicorn

    from llm_extract.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the review server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def decisions(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "decisions.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_index_lists_documents_with_queue_counts_and_progress(site: str, browser) -> None:
    page = browser.new_page()
    page.goto(site + "/")
    row = page.locator("table.docs tbody tr").first
    assert row.locator("a").inner_text() == "doc"
    assert "26" in row.inner_text() and "derived 21" in row.inner_text() and "disputed 5" in row.inner_text()
    assert "0 of 26" in row.inner_text()
    page.close()


def test_document_text_is_shown_as_text_never_run(site: str, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site + "/doc/doc")
    assert '[/注1][bold]<script>alert("x")</script>' in page.locator("li.item pre.source").nth(14).inner_text()
    assert page.locator("li.item pre.source script").count() == 0 and dialogs == []
    page.close()


def test_the_tables_colour_every_cell_by_status(site: str, browser) -> None:
    page = browser.new_page()
    page.goto(site + "/doc/doc")
    assert page.locator("table.t3 td.cell").count() == 25 * 7 and page.locator("table.t4 td.cell").count() == 15
    total = page.locator(f'td.cell[data-path="{T4_GROUP[-1]}"]')
    assert "st-disputed" in total.get_attribute("class") and total.inner_text() == "0"
    assert page.locator("td.cell.st-derived").count() == 21 and page.locator("td.cell.st-pinned").count() == 7
    colour = page.eval_on_selector("td.cell.st-disputed", "el => getComputedStyle(el).backgroundColor")
    assert colour != page.eval_on_selector("td.cell.st-proven", "el => getComputedStyle(el).backgroundColor")
    for status in ("pinned", "derived", "disputed"):                 # the workbook's and report.html's colours
        red, green, blue = (int(STATUS_COLOURS[status][i:i + 2], 16) for i in (0, 2, 4))
        shown = page.eval_on_selector(f"td.cell.st-{status}", "el => getComputedStyle(el).backgroundColor")
        assert shown == f"rgb({red}, {green}, {blue})", status
    page.close()


def test_a_keyboard_flow_clears_one_documents_queue(out: Path, site: str, browser) -> None:
    store = ReviewStore(out)
    keep = {"applications.partially_granted.natural_person", "applications.partially_granted.total"}
    store.accept_items([i for i in store.items(status="derived") if i.path not in keep])
    page = browser.new_page()
    page.goto(site + "/doc/doc")

    def press(key: str) -> None:
        with page.expect_navigation():
            page.keyboard.press(key)

    def current() -> str:
        return page.locator("li.item.current").get_attribute("data-path")

    assert page.locator("#position").inner_text() == "item 1 of 7 in the queue"
    assert current() == "applications.partially_granted.natural_person"
    press("b")                                                        # blank
    assert decisions(out)[-1]["value"] is None
    press("u")                                                        # undo
    assert decisions(out)[-1]["action"] == "undo" and page.locator("li.item").count() == 7
    press("a")                                                        # accept 4
    assert decisions(out)[-1]["value"] == 4 and current() == "applications.partially_granted.total"
    page.keyboard.press("s")                                          # skip
    assert current() == T4_GROUP[0]
    for path in T4_GROUP[:4]:                                         # keep as printed
        assert current() == path
        press("k")
    assert current() == T4_GROUP[4]
    page.keyboard.press("v")                                          # type a value
    page.keyboard.type("1")
    press("Enter")
    assert decisions(out)[-1]["value"] == 1 and page.locator("li.item").count() == 1
    press("a")
    assert page.locator("#empty").is_visible() and page.locator("li.item").count() == 0
    assert "decided 26 of 26" in page.locator("#progress").inner_text()
    assert store.items(doc="doc") == []
    page.close()


def test_an_invalid_typed_value_is_refused_on_the_page_and_nothing_is_written(out: Path, site: str, browser) -> None:
    page = browser.new_page()
    page.goto(site + "/doc/doc")
    page.keyboard.press("v")
    page.keyboard.type("6件")
    page.keyboard.press("Enter")
    page.locator("#error").wait_for(state="visible")
    assert "is not a count" in page.locator("#error").inner_text()
    assert not (out / "decisions.jsonl").exists()
    page.close()


def test_the_page_decides_at_once_and_the_combined_outputs_follow_when_the_reviewer_pauses(out: Path) -> None:
    """As ``llm-extract serve`` runs it: the decision is in the record and off the page's queue when the POST
    returns; records.csv and the queue file are rebuilt behind the reviewer (``app.state.flush`` waits)."""
    store = ReviewStore(out, rebuild_later=True)
    store.later.quiet = 60
    item = next(i for i in store.items(doc="doc") if i.path == T4_GROUP[-1])
    queue_before = (out / "review_queue.jsonl").read_bytes()
    for site in _serve(store):
        request = urllib.request.Request(site + "/doc/doc/decide", method="POST",
                                         data=json.dumps({"item_id": item.id, "action": "value",
                                                          "value": "1"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            assert json.loads(response.read())["ok"]
        assert (out / "review_queue.jsonl").read_bytes() == queue_before
        with urllib.request.urlopen(site + "/doc/doc") as response:
            assert f'data-id="{item.id}"' not in response.read().decode("utf-8")
        store.flush()
    assert item.id not in (out / "review_queue.jsonl").read_text(encoding="utf-8")
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(csv.DictReader(fh))[T4_GROUP[-1]] == "1"


def test_decisions_are_json_posts_only(site: str) -> None:
    request = urllib.request.Request(site + "/doc/doc/decide", data=b"item_id=x&action=keep", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 415
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(site + "/doc/nosuchdoc")
    assert missing.value.code == 404


def test_a_derived_cells_identities_are_spelt_out_on_the_page_though_the_record_names_them(out: Path,
                                                                                          site: str) -> None:
    """The record says which identities pinned a lost cell by their labels (``T3.ROW_SUM [partially_granted]``:
    each derived cell's note, finding and review item would otherwise repeat the equations); the page a
    reviewer reads spells each one out, cell by cell."""
    rec = json.loads((out / "records" / "doc.json").read_text(encoding="utf-8"))
    note = rec["provenance"]["applications.partially_granted.natural_person"]["note"]
    assert "T3.ROW_SUM [partially_granted]" in note and "partially_granted.total =" not in note
    with urllib.request.urlopen(site + "/doc/doc") as response:
        page = response.read().decode("utf-8")
    assert ("T3.ROW_SUM [partially_granted]: partially_granted.total = partially_granted.natural_person + "
            "partially_granted.commercial") in page


def test_the_source_line_marks_the_fields_own_cell(site: str, browser) -> None:
    page = browser.new_page()
    page.goto(site + "/doc/doc")
    item = page.locator(f'li.item[data-path="{T4_GROUP[-1]}"]')
    assert item.locator("pre.source mark").inner_text() == "0"
    before = item.locator("pre.source").evaluate("el => el.querySelector('mark').previousSibling.textContent")
    assert before.endswith(" 1 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ ")                     # the 5th of the row's 15 表四 numbers
    page.close()


def test_a_documents_page_reads_the_documents_queue_counts_once(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document's counts come from the whole review queue (hundreds of MB in a large batch):
    a document's page reads them once, for its progress and for the next document to review."""
    calls: list[int] = []
    real = ReviewStore.documents
    monkeypatch.setattr(ReviewStore, "documents", lambda self: calls.append(1) or real(self))
    with urllib.request.urlopen(f"{site}/doc/doc") as response:
        assert response.status == 200
    assert len(calls) == 1
