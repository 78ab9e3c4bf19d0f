"""A 表三 label with no number of its own right after the numbers of the row above (extract/direction.py).

pdfminer.six with ``boxes_flow=None`` prints a page's text boxes by their lower edges: a one-line label before its
row's cells (one box each, a line each), a label wrapped over two lines after them (it ends lower). A blank row
printing nothing, right above a row whose label is wrapped, then reads ``8.属于行政查询事项`` / seven numbers /
``1.本机关不掌握相关政府`` / ``信息`` / ``2.没有现成…``: the numbers are the wrapped row's, but read top down the
blank row takes them, and the two are outcome rows of 三、, so every identity holds either way. Such rows are read,
never proven (``READ.ABOVE_OR_BELOW``).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_ROW_PATHS

_ZEROS = "0 0 0 0 0 0 0"
#: (label, its seven cells or None for a blank row printing nothing, whether the cells print before the label)
_ROWS = [
    ("一、本年新收政府信息公开申请数量", "3 0 0 0 3 0 6", False),
    ("二、上年结转政府信息公开申请数量", "1 0 0 0 0 0 1", False),
    ("（一）予以公开", "0 0 0 0 2 0 2", False),
    ("（二）部分公开", _ZEROS, False),
    ("1.属于国家秘密", _ZEROS, False),
    ("2.其他法律行政法规禁止公开", _ZEROS, False),
    ("3.危及“三安全一稳定”", _ZEROS, False),
    ("4.保护第三方合法权益", _ZEROS, False),
    ("5.属于三类内部事务信息", _ZEROS, False),
    ("6.属于四类过程性信息", None, False),
    ("7.属于行政执法案卷", None, False),
    ("8.属于行政查询事项", None, False),
    ("1.本机关不掌握相关政府\n信息", "0 0 0 0 1 0 1", True),
    ("（四）无法提供", None, False),
    ("2.没有现成信息需要另行制作", _ZEROS, False),
    ("3.补正后申请内容仍不明确", _ZEROS, False),
    ("1.信访举报投诉类申请", "1 0 0 0 0 0 1", False),
    ("2.重复申请", _ZEROS, False),
    ("3.要求提供公开出版物", _ZEROS, False),
    ("4.无正当理由大量反复申请", _ZEROS, False),
    ("5.要求行政机关确认或重新出具已获取信息", _ZEROS, False),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", _ZEROS, False),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", _ZEROS, False),
    ("3.其他", "2 0 0 0 0 0 2", False),
    ("（七）总计", "3 0 0 0 3 0 6", False),
    ("四、结转下年度继续办理", "1 0 0 0 0 0 1", False),
]


def _boxes_text() -> str:
    """The report as pdfminer prints it: every box a paragraph (a blank line after it), a cell a box, a wrapped
    label one box of two lines."""
    boxes = ["青山县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况",
             "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for label, cells, before in _ROWS:
        numbers = cells.split() if cells else []
        boxes += [*numbers, label] if before else [label, *numbers]
    boxes += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", *(["0"] * 15),
              "五、存在的主要问题及改进情况", "无。"]
    return "\n\n".join(boxes) + "\n"


def test_numbers_right_above_a_label_with_none_of_its_own_prove_neither_row() -> None:
    text = _boxes_text()
    assert "8.属于行政查询事项\n\n0\n\n0\n\n0\n\n0\n\n1\n\n0\n\n1\n\n1.本机关不掌握相关政府\n信息\n" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in TABLE3_ROW_PATHS["denied_query_matter"] + TABLE3_ROW_PATHS["unavailable_not_held"]:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_one_line_labels_alone_stay_blank_rows_where_the_wrapped_label_has_its_numbers_after_it() -> None:
    """The same table with the wrapped label's numbers after it (PyMuPDF prints them under its last piece): the
    one-line labels alone (6. to 8., right after 5.'s numbers) are no sign, and the rows read below their labels
    are proven by the identities."""
    text = _boxes_text().replace("\n0\n\n0\n\n0\n\n0\n\n1\n\n0\n\n1\n\n1.本机关不掌握相关政府\n信息\n",
                                 "\n1.本机关不掌握相关政府\n信息\n\n0\n\n0\n\n0\n\n0\n\n1\n\n0\n\n1\n")
    record = process_document(Document.from_text(text, doc_id="x"))
    values = record.report.values()
    assert [values[f"applications.unavailable_not_held.{c}"] for c in APPLICANT_COLUMNS] == [0, 0, 0, 0, 1, 0, 1]
    for row in ("denied_internal_affairs", "unavailable_not_held", "unavailable_needs_creation"):
        assert all(record.provenance[p].status is Status.PROVEN for p in TABLE3_ROW_PATHS[row]), row


def test_a_blank_3_other_row_of_a_crawler_text_whose_tabs_became_spaces_leaves_no_doubt_of_direction() -> None:
    """A crawler's one-cell-per-line text (000's) whose tabs a copy turned into runs of spaces (one to five): 3.其他's blank cells are
    lines of spaces now, so its label stands alone, the next label eight lines below, right after 2.申请人逾期未按…'s
    numbers read below their label. ``其他`` is never wrapped over two lines: its row is blank (golden null), not a
    wrapped label printed after its own numbers, and the table is read from below its labels and proven."""
    import json
    from pathlib import Path

    golden = Path(__file__).resolve().parent.parent / "golden"
    text = (golden / "000_38ec84bebc7328d3.txt").read_text(encoding="utf-8")
    spaced = "\n".join(line.replace("\t", " " * (1 + k % 5)) for k, line in enumerate(text.split("\n")))
    record = process_document(Document.from_text(spaced, doc_id="x"))
    truth = json.loads((golden / "000_38ec84bebc7328d3.json").read_text(encoding="utf-8"))["applications"]
    assert truth["other_other"] == dict.fromkeys(APPLICANT_COLUMNS)
    for row, cells in truth.items():
        for c, v in cells.items():
            path = f"applications.{row}.{c}"
            assert record.report.values()[path] == v and record.provenance[path].status is Status.PROVEN, path
