"""表三 read in the form's order proves no row's place that only the text tool's order gives.

pdf2txt.py prints a group's labels one under the other, then its rows' numbers (``1、本机关不掌握相关政府信息`` /
``2、没有现成信息需要另行制作`` / ``— — — — — — —`` / ``1 — — — — — 1``), and its boxes need not come in the form's
order: office seed 54 printed 2、没有现成信息's empty row before 1、本机关不掌握's ``1 — — — — — 1``. Every outcome row
of 三、本年度办理结果 stands in the same identities (so do 一、 and 二、): two such rows trading places keep them all.
So where a row's numbers do not follow its own label, and another row so placed in its group holds another value
in a column, neither cell is proven (``READ.ROW_ORDER``). A row printed beside its label keeps its proof.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_NAME = "pdfminer_rows_after_labels"       # office seed 54


def _record():  # type: ignore[no-untyped-def]
    text = fixture_text(_NAME)
    assert "2、没有现成信息需要另\n行制作\n\n— — — — — — —\n\n— — — — — — —\n\n1 — — — — — 1\n" in text
    return process_document(Document.from_text(text, doc_id=_NAME))


def test_rows_placed_by_the_tools_order_are_never_proven_where_two_could_trade_places() -> None:
    record = _record()
    truth = fixture_truth(_NAME)
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
            and got[p] != truth_value(truth, p)] == []
    for path in ("applications.unavailable_not_held.natural_person", "applications.unavailable_not_held.total",
                 "applications.unavailable_needs_creation.total"):
        assert record.provenance[path].status is Status.UNVERIFIED, path
        assert record.provenance[path].method == Method.FORM_ORDER_ROWS
        assert "READ.ROW_ORDER" in record.provenance[path].rules


def test_a_row_printed_beside_its_own_label_keeps_its_proof() -> None:
    record = _record()
    for col in ("natural_person", "total"):     # 4、保护第三方合法权益 — — — — — — —
        assert record.provenance[f"applications.denied_third_party.{col}"].status is Status.PROVEN
