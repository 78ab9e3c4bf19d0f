"""A reviewer's decision settles its own field, never another's doubt.

After a decision the record is re-verified (verify.decided → verify.decide.verify_report). A field the
reader left unverified for a doubt about the reading itself (表四's cells in a text tool's block order, a
pin where the text printed other numbers, an OCR reading) stays unverified when its identities hold:
they held before the decision too. Only what the identities decide (an identity that could not be
checked, one broken beside it) is lifted by a decision that makes them hold.
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.decisions import Decision
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.review_store import DecisionRequest, ReviewStore
from llm_extract.schema import TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values
from tests.test_review_store import extract
from verify import verify_report
from verify.settle import apply_decisions, revert_decision, settle

_ROW = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t"      # golden/002's 表四 as one row of fifteen
PUNISHMENT = "active_disclosure.punishment"
UPHELD = "review_litigation.administrative_review.upheld"


def _t4_in_block_order(golden_dir: Path) -> str:
    """Seed 002 with 表四's cells one to a line, pieces of its column headers among them (pdftotext's blocks):
    read, never proven (READ.T4_BLOCK_ORDER), every group total holding."""
    text = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8")
    cells = _ROW.strip("\t").split("\t")
    printed = cells[:10] + ["结果维 结果纠", "持", "正"] + cells[10:12] + ["其他", "结果", "尚未审", "结", "总计"] + cells[12:]
    assert text.count(_ROW) == 1
    return text.replace(_ROW, "\n".join(printed))


def test_a_decision_on_one_cell_of_a_table_read_in_block_order_proves_none_of_the_others(tmp_path, golden_dir) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(_t4_in_block_order(golden_dir), encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out")
    store = ReviewStore(tmp_path / "out")
    queued = {i.path: i.id for i in store.items()}
    assert set(TABLE4_PATHS) <= set(queued)
    store.resolve([DecisionRequest(item_id=queued[UPHELD], value="keep")])
    record = store.record("doc")
    others = [p for p in TABLE4_PATHS if p != UPHELD]
    assert record["provenance"][UPHELD]["status"] == "reviewed"
    assert all(record["provenance"][p]["status"] == "unverified" for p in others)
    assert all("READ.T4_BLOCK_ORDER" in record["provenance"][p]["rules"] for p in others)
    assert set(others) <= {i.path for i in store.items()}          # still queued
    store.undo()                                                    # and the kept cell is a guess again
    assert ReviewStore(tmp_path / "out").record("doc")["provenance"][UPHELD]["status"] == "unverified"


def test_a_decision_in_another_table_leaves_a_block_order_reading_unverified(golden_dir) -> None:
    doc = Document.from_text(_t4_in_block_order(golden_dir), doc_id="t4")
    record = process_document(doc)
    assert all(record.provenance[p].status == Status.UNVERIFIED for p in TABLE4_PATHS)
    decided = apply_decisions(record, [Decision(doc_id="t4", path=PUNISHMENT, value=7)], doc.lines)
    assert decided.provenance[PUNISHMENT].status == Status.REVIEWED
    assert [decided.provenance[p].status for p in TABLE4_PATHS] == [Status.UNVERIFIED] * 15
    assert all(decided.provenance[p].rules == record.provenance[p].rules for p in TABLE4_PATHS)
    assert verify_report(record).status_counts() == record.status_counts()     # `llm-extract verify` agrees


VALUES = sample_values()
DOC = Document.from_text(report_text(VALUES), doc_id="d")
T3_CELL = "applications.granted.natural_person"


def _with(record, path: str, status: Status, rules: list[str]):
    record = record.model_copy(deep=True)
    record.provenance[path] = record.provenance[path].model_copy(update={"status": status, "rules": rules})
    return record


def test_doubts_about_a_reading_survive_a_decision_and_its_undo() -> None:
    base = settle(extract_regex(DOC), None, [], (), DOC.lines)
    for status, rules in [(Status.UNVERIFIED, ["DERIVE.UNPRINTED"]), (Status.UNVERIFIED, ["READ.LAYOUT_CLOSE"]),
                          (Status.DISPUTED, ["XCHECK.DISPUTED"]),
                          # the reader's value placed by a guess about the layout, kept over the model's by the
                          # identities (verify/crosscheck.py): the guess's other placements keep them too
                          (Status.DISPUTED, ["XCHECK.RESOLVED", "T3.ROW_SUM", "READ.APPLICANT_ORDER"]),
                          (Status.DISPUTED, ["XCHECK.RESOLVED", "T3.ROW_SUM", "GROUND.NOT_FOUND"])]:
        record = _with(base, T3_CELL, status, rules)
        decision = Decision(doc_id="d", path=PUNISHMENT, value=7)
        decided = apply_decisions(record, [decision], DOC.lines)
        assert (decided.provenance[T3_CELL].status, decided.provenance[T3_CELL].rules) == (status, rules)
        undone = revert_decision(decided, decision)
        assert (undone.provenance[T3_CELL].status, undone.provenance[T3_CELL].rules) == (status, rules)


def test_what_the_identities_decide_is_still_lifted_by_them() -> None:
    """An identity that could not be checked, or one broken beside the cell, is the identities' to settle."""
    base = settle(extract_regex(DOC), None, [], (), DOC.lines)
    for rules in (["READ.UNCHECKED"], ["T3.DISPUTED_OPERAND"]):
        record = _with(base, T3_CELL, Status.UNVERIFIED, rules)
        decided = apply_decisions(record, [Decision(doc_id="d", path=PUNISHMENT, value=7)], DOC.lines)
        assert decided.provenance[T3_CELL].status == Status.PROVEN
    for rules in (["T3.ROW_SUM"], ["XCHECK.AGREE", "T3.COLUMN_SUM"]):      # disputed for an identity it broke
        record = _with(base, T3_CELL, Status.DISPUTED, rules)
        decided = apply_decisions(record, [Decision(doc_id="d", path=PUNISHMENT, value=7)], DOC.lines)
        assert decided.provenance[T3_CELL].status == Status.PROVEN
