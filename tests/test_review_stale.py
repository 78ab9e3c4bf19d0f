"""`review`, `resolve` and `undo` after a review page killed before its deferred rebuild: the queue file is stale
(it still offers the decided item), so they rebuild the combined outputs first, as `serve` does; while an
`extract` run holds OUT they say the queue is as last rebuilt instead of waiting."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.outputs import iter_jsonl
from llm_extract.review_store import DecisionRequest, ReviewStore
from llm_extract.runlock import run_lock
from tests.test_review_store import item_for, out  # noqa: F401  (the fixture)

NATURAL = "applications.partially_granted.natural_person"
runner = CliRunner()


def _killed_page(out: Path) -> str:
    """A decision made on a review page killed before it rebuilt the outputs; the decided item's id."""
    page = ReviewStore(out, rebuild_later=True)
    page.later.quiet = 60                            # killed before the reviewer paused
    item = item_for(page, NATURAL)
    page.resolve([DecisionRequest(item_id=item, value="keep")])
    page.later.close()
    assert item in {raw["id"] for raw in iter_jsonl(out / "review_queue.jsonl")}     # stale
    return item


def test_review_after_a_killed_page_rebuilds_first_and_shows_the_queue_of_the_records(out: Path) -> None:
    item = _killed_page(out)
    result = runner.invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert "rebuilding them first" in result.output
    assert item not in result.output
    assert item not in {raw["id"] for raw in iter_jsonl(out / "review_queue.jsonl")}
    again = runner.invoke(app, ["review", str(out)])            # current now: shown at once
    assert again.exit_code == 0 and "rebuilding" not in again.output


def test_resolve_and_undo_after_a_killed_page_bring_the_outputs_up_to_date_first(out: Path) -> None:
    item = _killed_page(out)
    result = runner.invoke(app, ["undo", str(out)])
    assert result.exit_code == 0, result.output
    assert "rebuilding them first" in result.output
    again = runner.invoke(app, ["resolve", str(out), item, "keep"])
    assert again.exit_code == 0 and "rebuilding" not in again.output       # its own rebuild kept them current
    assert item not in {raw["id"] for raw in iter_jsonl(out / "review_queue.jsonl")}


def test_review_while_a_run_holds_out_says_the_queue_is_stale(out: Path) -> None:
    item = _killed_page(out)
    with run_lock(out):
        result = runner.invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert "as last rebuilt" in result.output and item in result.output
