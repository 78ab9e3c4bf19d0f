"""A page number a converter left beside 表四's table (mineru: ``3`` alone on the line under it) is no cell:
where the table's cells are exactly the fifteen and hold the groups' sums, the number off the table is left out."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.text_family import read_text_file
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

_HEAD = ('<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr>'
         + "".join(f'<td rowspan="2">{c}</td>' for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
         + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr><tr>'
         + "".join(f"<td>{c}</td>" for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2) + "</tr>")


def _page(golden_dir, cells: list[int], stray: str) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    head, _, _ = render(report, "markdown").partition("四、政府信息公开行政复议")
    head = head.rstrip().rstrip("#").rstrip()
    table = _HEAD + "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>"
    return f"{head}\n\n# 四、政府信息公开行政复议、行政诉讼情况\n\n{table}\n\n{stray}\n\n# 五、存在的主要问题及改进情况\n\n正文。\n"


def _record(text: str):
    read = read_text_file(text.encode(), "x.md", ".md")
    return process_document(Document.from_text(read.text, doc_id="x"))


_CELLS = [0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 3, 3, 0, 0, 6]


def test_a_page_number_under_the_table_is_no_cell(golden_dir) -> None:
    record = _record(_page(golden_dir, _CELLS, "3"))
    for path, want in (("review_litigation.administrative_review.total", 2),
                       ("review_litigation.litigation_after_review.total", 6)):
        assert record.report.get(path) == want
        assert record.provenance[path].status is Status.PROVEN


def test_a_table_whose_groups_do_not_add_up_keeps_the_number_in_doubt(golden_dir) -> None:
    cells = list(_CELLS)
    cells[4] = 5                                  # 行政复议's total is not its parts' sum
    record = _record(_page(golden_dir, cells, "3"))
    path = "review_litigation.administrative_review.pending"
    assert record.provenance[path].status is not Status.PROVEN
