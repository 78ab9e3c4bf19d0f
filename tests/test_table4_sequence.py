"""表四's fifteen numbers are placed by their order in the text. One number to a line, that order is a
text tool's (pdftotext's default mode scrambles a word processor's table): where one group's total
breaks, a group whose total holds may hold by chance, and is not proven (``READ.SEQUENCE_BROKEN``).
Printed as a row, the order is the table's: a misprinted group disputes itself only; so too for a web page's
or Word file's table, whose cells ingest gives one to a line, each led by a tab, a row's cells together."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values

ROW = "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0"
#: the second group's numbers first (its total 1 holds over 0 1 0 0), then the first's, a cell misplaced
PRINTED = [0, 1, 0, 0, 1, 1, 0, 0, 2, 1, 0, 0, 0, 0, 0]


def _record(table4: str):
    text = report_text(sample_values())
    assert ROW in text
    return process_document(Document.from_text(text.replace(ROW, table4), doc_id="x"))


def test_a_group_whose_total_holds_in_a_list_whose_order_breaks_another_is_not_proven() -> None:
    record = _record("\n".join(map(str, PRINTED)))
    statuses = {p: record.provenance[p].status for p in TABLE4_PATHS}
    assert Status.PROVEN not in statuses.values()
    first = [p for p in TABLE4_PATHS if ".administrative_review." in p]
    assert all(statuses[p] is Status.UNVERIFIED and "READ.SEQUENCE_BROKEN" in record.provenance[p].rules
               for p in first)


def test_a_misprinted_group_in_a_row_of_fifteen_disputes_only_itself() -> None:
    record = _record("\t".join(map(str, PRINTED)))
    first = [p for p in TABLE4_PATHS if ".administrative_review." in p]
    second = [p for p in TABLE4_PATHS if ".litigation_direct." in p]
    assert all(record.provenance[p].status is Status.PROVEN for p in first)
    assert all(record.provenance[p].status is Status.DISPUTED for p in second)


def test_a_misprinted_group_in_a_web_pages_table_row_disputes_only_itself() -> None:
    cells = "\n".join(f"\t{v}" for v in PRINTED)                      # one row of 15 cells, as the HTML reader gives it
    record = _record("\n" + cells + "\n")
    first = [p for p in TABLE4_PATHS if ".administrative_review." in p]
    second = [p for p in TABLE4_PATHS if ".litigation_direct." in p]
    assert all(record.provenance[p].status is Status.PROVEN for p in first)
    assert all(record.provenance[p].status is Status.DISPUTED for p in second)
    rows = "\n\n".join("\n".join(f"\t{v}" for v in PRINTED[g * 5:g * 5 + 5]) for g in range(3))
    record = _record("\n" + rows + "\n")                                # three rows of five
    assert all(record.provenance[p].status is Status.PROVEN for p in first)
    shifted = "\n".join(f"\t{v}" for v in PRINTED[:7]) + "\n\n" + "\n".join(f"\t{v}" for v in PRINTED[7:])
    record = _record("\n" + shifted + "\n")                             # rows that do not end with the groups
    assert Status.PROVEN not in {record.provenance[p].status for p in first}


def test_a_cell_pinned_by_its_group_alone_proves_nothing_about_the_rest_of_the_group() -> None:
    """表四's cells are each in one identity, their group's sum: a lost cell pinned by it makes the sum
    hold by construction. An OCR'd group ``0 1 O 0 11`` (the total's digit doubled): O pinned as 10
    must not prove the 11."""
    record = _record("1\t0\t0\t1\t2\t0\t1\tO\t0\t11\t0\t0\t0\t0\t0")
    assert record.provenance["review_litigation.litigation_direct.other"].status is Status.DERIVED
    for col in ("upheld", "corrected", "pending", "total"):
        prov = record.provenance[f"review_litigation.litigation_direct.{col}"]
        assert prov.status is Status.UNVERIFIED and "READ.UNCHECKED" in prov.rules
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS if ".administrative_review." in p)


def test_a_group_that_holds_with_its_letters_read_as_the_digits_they_stand_for_is_proven() -> None:
    """``0 1 O 0 1``: O pinned as 0, the digit it stands for. The group holds with the text's own reading
    of every cell, as a group printed in digits does: each cell is proven (O as READ.OCR_LETTERS_PINNED)."""
    record = _record("1\t0\t0\t1\t2\t0\t1\tO\t0\t1\t0\t0\t0\t0\t0")
    group = [f"review_litigation.litigation_direct.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    assert [(record.report.get(p), record.provenance[p].status) for p in group] \
        == [(v, Status.PROVEN) for v in (0, 1, 0, 0, 1)]
    assert record.provenance["review_litigation.litigation_direct.other"].rules == ["READ.OCR_LETTERS_PINNED"]

