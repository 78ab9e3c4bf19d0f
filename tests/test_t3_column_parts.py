"""表三 printed as two tables, its columns split between them (a wide table cut for a narrow page: 自然人 …
社会公益组织 first, then, headed again under （续表）, 法律服务机构, 其他, 总计, every row label printed in both):
the parts are joined row by row (llm_extract/extract/splitparts.py) and every cell read and proven, placeholders
as blanks; where the second part does not continue the first (its header names a column the first holds), nothing
is joined."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS

_HEADS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
           "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
           "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
           "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
           "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
           "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
           "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
           "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
           "四、结转下年度继续办理"]
_GROUPS = {4: "（三）不予公开", 12: "（四）无法提供", 15: "（五）不予处理", 20: "（六）其他处理"}
_OUTCOMES = {"granted": [141, 26, None, 0, None, None, 167], "partially_granted": [49, 6, 0, 0, 0, 0, 55],
             "unavailable_not_held": [81, 11, 0, None, 0, None, 92], "rejected_petition": [16, 1, None, 0, None, None, 17]}


def _table() -> dict[str, list[int | None]]:
    """A table whose identities hold, placeholders (None) among its cells."""
    rows = {r: [0] * 7 for r in APPLICATION_ROWS}
    rows.update(_OUTCOMES)
    rows["total_processed"] = [sum(rows[r][c] or 0 for r in APPLICATION_ROWS[2:23]) for c in range(7)]
    rows["carried_forward"] = [3, 1, 0, 0, 0, 0, 4]
    rows["carried_over"] = [10, 0, 0, 0, 0, 0, 10]
    rows["new_received"] = [a + b - c for a, b, c in zip(rows["total_processed"], rows["carried_forward"],
                                                         rows["carried_over"])]
    return rows


def _cell(v: int | None) -> str:
    return "—" if v is None else str(v)


def _page(rows: dict[str, list[int | None]], cut: int, second_from: int | None = None) -> str:
    """A CMS page printing 表三 as two tables: columns [0, cut) then [second_from or cut, 7)."""
    def part(cols: range) -> str:
        head = "<tr><td colspan='3'>项目</td>" + "".join(f"<td>{_HEADS[c]}</td>" for c in cols) + "</tr>"
        body = []
        for k, (row, label) in enumerate(zip(APPLICATION_ROWS, _LABELS)):
            group = f"<td rowspan='{ {4: 8, 12: 3, 15: 5, 20: 3}[k] }'>{_GROUPS[k]}</td>" if k in _GROUPS else ""
            title = "<td rowspan='22'>三、本年度办理结果</td>" if k == 2 else ""
            span = 3 if k in (0, 1, 24) else 2 if k in (2, 3, 23) else 1
            body.append(f"<tr>{title}{group}<td colspan='{span}'>{label}</td>"
                        + "".join(f"<td>{_cell(rows[row][c])}</td>" for c in cols) + "</tr>")
        return "<table border='1'>" + head + "".join(body) + "</table>"
    return ("<html><body><h1>某市某区司法局2023年政府信息公开工作年度报告</h1>"
            "<p>三、收到和处理政府信息公开申请情况</p>" + part(range(cut)) + "<p>（续表）</p>"
            + part(range(cut if second_from is None else second_from, 7))
            + "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p></body></html>")


def _layout_text(rows: dict[str, list[int | None]], cut: int) -> str:
    """The same two tables as pdftotext -layout prints a Word file's: a row to a line, its label first."""
    out = ["三、收到和处理政府信息公开申请情况", ""]
    for cols in (range(cut), range(cut, 7)):
        out.append("                     申请人情况")
        out.append("                     " + "   ".join(_HEADS[c] for c in cols))
        for k, (row, label) in enumerate(zip(APPLICATION_ROWS, _LABELS)):
            out.append(f"{_GROUPS.get(k, ''):<10}{label}      " + "    ".join(_cell(rows[row][c]) for c in cols))
        out += ["", "（续表）", ""] if cols.start == 0 else [""]
    out += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    return "\n".join(out)


def _check_all_proven(record, rows) -> None:
    values = record.report.values()
    for row in APPLICATION_ROWS:
        for c, col in enumerate(APPLICANT_COLUMNS):
            path = f"applications.{row}.{col}"
            assert (values[path], record.provenance[path].status) == (rows[row][c], Status.PROVEN), path


def test_a_web_pages_two_column_parts_are_one_table() -> None:
    rows = _table()
    for cut in (4, 3):
        record = process_document(Document.from_text(_page(rows, cut), doc_id="parts", source_kind="html"))
        _check_all_proven(record, rows)


def test_pdf_layout_text_of_two_column_parts_is_one_table() -> None:
    rows = _table()
    record = process_document(Document.from_text(_layout_text(rows, 4), doc_id="parts"))
    _check_all_proven(record, rows)


def test_a_second_part_repeating_a_column_of_the_first_is_not_joined() -> None:
    rows = _table()
    record = process_document(Document.from_text(_page(rows, 4, second_from=3), doc_id="parts", source_kind="html"))
    values = record.report.values()
    for row in APPLICATION_ROWS:        # 4 + 4 cells a row: no join, and nothing proven that is not the table's
        for c, col in enumerate(APPLICANT_COLUMNS):
            path = f"applications.{row}.{col}"
            assert values[path] == rows[row][c] or record.provenance[path].status is not Status.PROVEN, path
