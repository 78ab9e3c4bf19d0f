"""表四's row of fifteen with two cells run together: ``01`` in one cell, the cell after it left empty (a web page
whose editor merged two cells). No count is written with a leading zero: the fifteen values are not the table's
cells, so none is proven; read as cells run together (0, 1, the empty cell dropped) they are an option the
identities check, derived and marked, never proof."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_TITLE = "向阳区人民政府2023年政府信息公开工作年度报告"
_HEAD = ("<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
         "<tr>" + "".join(f"<td>{w}</td>" for w in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "</tr>")


def _page(cells: list[str]) -> str:
    row = "<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in cells) + "</tr>"
    return (f"<html><head><meta charset='utf-8'><title>{_TITLE}</title></head><body><h1>{_TITLE}</h1>"
            f"<p>四、政府信息公开行政复议、行政诉讼情况</p><table>{_HEAD}{row}</table>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")


def _group(record, group: str):
    return [(record.report.get(f"review_litigation.{group}.{c}"), record.provenance[f"review_litigation.{group}.{c}"].status)
            for c in ("upheld", "corrected", "other", "pending", "total")]


def test_a_cell_with_a_leading_zero_beside_an_empty_cell_is_never_proven() -> None:
    record = process_document(Document.from_text(_page(["01", ""] + ["0", "0", "1"] + ["0"] * 10), doc_id="x",
                                                 source_kind="html"))
    review = _group(record, "administrative_review")
    assert Status.PROVEN not in {s for _, s in review}
    assert [v for v, _ in review] in ([0, 1, 0, 0, 1], [None] * 5)


def test_the_same_row_printed_plainly_is_read_and_proven() -> None:
    record = process_document(Document.from_text(_page(["0", "1", "0", "0", "1"] + ["0"] * 10), doc_id="x",
                                                 source_kind="html"))
    assert _group(record, "administrative_review") == [(0, Status.PROVEN), (1, Status.PROVEN), (0, Status.PROVEN),
                                                       (0, Status.PROVEN), (1, Status.PROVEN)]
