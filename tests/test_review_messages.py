"""A queued item says why its field is not proven: the reviewer acts on the message."""

from __future__ import annotations

from llm_extract.evidence import FieldProvenance, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.schema import TABLE4_PATHS
from tests.test_decisions_keep_doubts import _t4_in_block_order

MISSING_CELL = "an identity it is in could not be checked because another cell is missing"


def test_a_cell_read_in_a_tools_block_order_says_so_not_that_another_cell_is_missing(golden_dir) -> None:
    doc = Document.from_text(_t4_in_block_order(golden_dir), doc_id="t4")
    items = {i.path: i for i in review_items(process_document(doc), doc.lines)}
    for path in TABLE4_PATHS:
        assert items[path].rules == ["READ.T4_BLOCK_ORDER"]
        assert MISSING_CELL not in items[path].message
        assert "printed" in items[path].message and "order" in items[path].message


def test_an_identity_left_unchecked_still_says_that_a_cell_is_missing(golden_dir) -> None:
    doc = Document.from_text(_t4_in_block_order(golden_dir), doc_id="t4")
    record = process_document(doc)
    path = "applications.new_received.total"
    record = record.model_copy(update={"provenance": record.provenance | {path: FieldProvenance(
        status=Status.UNVERIFIED, rules=["READ.UNCHECKED"])}})
    item = next(i for i in review_items(record, doc.lines) if i.path == path)
    assert MISSING_CELL in item.message


def test_a_long_line_is_shown_from_the_fields_row_not_from_a_crawlers_chrome() -> None:
    """A crawler's dump holds the whole article on one line, its site's chrome first: the item shows the
    part of the line where the field's row is printed, with the cell's text in it."""
    from tests.fakeopenai import report_text, sample_values

    doc = Document.from_text(report_text(sample_values()), doc_id="d")
    record = process_document(doc)
    path = "applications.new_received.natural_person"
    n = record.provenance[path].lines[0]
    chrome = "网站首页 > 信息公开 > 年度报告 发布日期：2026-01-07 来源：门户网站 浏览次数：4659 " * 8
    lines = list(doc.lines)
    lines[n - 1] = chrome + lines[n - 1] + " 二、上年结转……" * 40
    record = record.model_copy(update={"provenance": record.provenance | {
        path: record.provenance[path].model_copy(update={"status": Status.UNVERIFIED, "rules": ["READ.UNCHECKED"]})}})
    item = next(i for i in review_items(record, lines) if i.path == path)
    shown = item.source_lines[0].text
    assert "一、本年新收政府信息公开申请数量" in shown and str(item.raw) in shown.split("本年新收")[1]
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 302


def test_a_field_the_narrative_left_unverified_says_the_narrative_contradicts_not_that_it_matches() -> None:
    """The prose says 结转下年度继续办理 differs from the table's: the partners of that cell in its identities are
    unverified under the narrative check's rule, whose name states the check (…matches…). The item says the check
    failed, never that the narrative matches."""
    from tests.fakeopenai import report_text, sample_values

    values = sample_values()
    stated = (values["applications.carried_forward.total"] or 0) + 7
    text = report_text(values).replace("均依法答复。", f"均依法答复，结转下年度继续办理{stated}件。", 1)
    doc = Document.from_text(text, doc_id="d")
    items = [i for i in review_items(process_document(doc), doc.lines)
             if i.status == "unverified" and "NARR.CARRIED_FORWARD" in i.rules]
    assert items
    for item in items:
        assert "contradicts" in item.message and "failed check" in item.message, item.path
        assert not item.message.startswith("read, but not proven: the narrative's"), item.path


def test_an_ambiguous_row_every_cell_of_which_is_since_proven_is_no_longer_queued():
    # the reader left 1.属于国家秘密 open (its cells lost, 21 readings keep every identity); the model's row, found
    # in the text cell for cell and holding every identity, proved each of its cells: nothing is left to decide
    from llm_extract.evidence import FieldProvenance, Finding, Record, Status
    from llm_extract.review import review_items
    from llm_extract.schema import Report
    paths = [f"applications.denied_state_secret.{c}" for c in ("natural_person", "commercial", "total")]
    finding = Finding(code="DERIVE.AMBIGUOUS", severity="warning", paths=paths,
                      message="row denied_state_secret: 5 numbers for 7 columns; the lost cells' positions are unknown")

    def items(statuses):
        record = Record(report=Report(doc_id="t"), findings=[finding],
                        provenance={p: FieldProvenance(status=s) for p, s in zip(paths, statuses)})
        return [i for i in review_items(record, ["一、本年新收"]) if i.finding]

    assert items([Status.PROVEN] * 3) == []
    assert len(items([Status.PROVEN, Status.PROVEN, Status.DERIVED])) == 1      # a cell still open: it stays
