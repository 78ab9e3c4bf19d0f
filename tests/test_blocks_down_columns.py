"""表三 printed column by column (``pdf2txt.py``): the rows' labels, then each column's numbers top to bottom, one
box each, then the next column's; a table over two pages prints the first page's rows so, then the second's.

Where no tiling by rows keeps the identities, the column blocks are read every block in printed order down the
columns of each band of rows, every way to cut the rows into bands tried (a page's rows, or the rows pdfminer
grouped, which the labels' places do not always show); the table is kept when exactly one keeps every identity. The order of the six applicant columns is then pdfminer's box order, which the
identities cannot check (any order of the six keeps them): the total column and every row whose six applicant
cells read alike are proven, the other applicant cells are read and left ``unverified`` (``READ.COLUMN_RUNS``).
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

#: (fixture, the text's shape: a line run that only the printing this test is about produces)
_CASES = [
    # office seed 52: 25 rows' labels, then seven columns of 25 numbers in blocks of one to three
    ("pdfminer_columns_one_band", "（七）总计\n四、结转下年度继续办理\n\n24\n3\n10\n\n2\n\n0\n"),
    # office seed 53: a page's 15 rows column by column, then the next page's ten rows column by column (the
    # header printed again)
    ("pdfminer_columns_by_page", "自然人\n\n3\n\n0\n\n3\n\n0\n"),
    # office seed 43: the second page's first two rows column by column before the last rows' labels, its last
    # three rows three to a block after 表四's heading: the bands are not where the labels stand
    ("pdfminer_columns_bands_unlabelled", "3.其他\n\n/\n\n/\n\n/\n"),
]


@pytest.mark.parametrize(("name", "shape"), _CASES)
def test_columns_printed_one_after_another_are_read_down_each_band(name: str, shape: str) -> None:
    text = fixture_text(name)
    assert shape in text
    truth = fixture_truth(name)
    read = extract_regex(Document.from_text(text, doc_id=name)).readings
    assert {p: read[p].value for p in TABLE3_PATHS} == {p: truth_value(truth, p) for p in TABLE3_PATHS}
    assert {read[p].method for p in TABLE3_PATHS} == {Method.FORM_ORDER_RUNS}


@pytest.mark.parametrize(("name", "shape"), _CASES)
def test_the_applicant_columns_order_is_never_proven_where_it_matters(name: str, shape: str) -> None:
    text = fixture_text(name)
    record = process_document(Document.from_text(text, doc_id=name))
    truth = fixture_truth(name)
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if got[p] != truth_value(truth, p)] == []
    for p in TABLE3_PATHS:
        row = p.split(".")[1]
        six = {got[f"applications.{row}.{c}"] for c in ("natural_person", "commercial", "research", "social_org",
                                                         "legal_service", "other_org")}
        if not p.endswith(".total") and len(six) > 1:
            assert record.provenance[p].status is not Status.PROVEN, p
    # a total is pinned by its row sum, but rows that trade places keeping every identity (一、 and 二、; the 21
    # outcome rows) read down the columns are the tool's order: a total is proven where its row has no such partner
    # reading otherwise
    classes = [("new_received", "carried_over"), FORM.table3_outcome_rows]
    totals = [p for p in TABLE3_PATHS if p.endswith(".total") and got[p] not in (None, 0)]
    free = [p for p in totals if not any(p.split(".")[1] in rows and len({got[f"applications.{r}.total"] for r in rows}) > 1
                                         for rows in classes)]
    assert free and all(record.provenance[p].status is Status.PROVEN for p in free)
    assert all(record.provenance[p].status is not Status.PROVEN for p in set(totals) - set(free))
