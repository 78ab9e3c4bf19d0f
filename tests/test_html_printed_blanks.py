"""A blank cell among numbers is a printed blank when a web page's markup holds the empty cell: an HTML table's
``<td>&nbsp;</td>`` (or a browser's innerText of it, the cell's no-break space between tabs). Nothing was lost on
the way from the page, so the blank is read and proven (null), not queued as a possibly lost 0. A plain text's
empty tab field, whose origin is unknown, stays ``unverified`` (``READ.ISOLATED_BLANK``)."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.test_t3_row_printed_twice import LABELS as _LABELS   # the form's 表三 labels as reports print them

_HEAD = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_BLANK_ROW = 7            # 4.保护第三方合法权益: its 科研机构 cell printed empty


def _rows(column: int = 2) -> list[list[str]]:
    """表三's rows as cells: the label, then the seven counts (all 0), one cell empty (科研机构's, or ``column``)."""
    rows = []
    for i, label in enumerate(_LABELS):
        cells = ["0"] * 7
        if i == _BLANK_ROW:
            cells[column] = "\xa0"
        rows.append([label] + cells)
    return rows


def _title_and_t4(cell: str) -> tuple[str, str]:
    return "向阳区人民政府2023年政府信息公开工作年度报告", cell.join(["0"] * 15)


def _html(column: int = 2) -> str:
    title, _ = _title_and_t4("")
    trs = "".join("<tr>" + "".join(f"<td><p><span>{c.replace(chr(160), '&nbsp;')}</span></p></td>" for c in row) + "</tr>"
                  for row in _rows(column))
    t4 = "<tr>" + "".join("<td>0</td>" for _ in range(15)) + "</tr>"
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>三、收到和处理政府信息公开申请情况</p><table><tr><td colspan=8>{_HEAD}</td></tr>"
            "<tr><td></td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
            f"<td>其他</td><td>总计</td></tr>{trs}</table>"
            f"<p>四、政府信息公开行政复议、行政诉讼情况</p><table>{t4}</table></body></html>")


def _tab_text(blank: str, column: int = 2) -> str:
    title, t4 = _title_and_t4("\t")
    rows = "\n".join("\t".join(blank if c == "\xa0" else c for c in row) for row in _rows(column))
    return (f"{title}\n三、收到和处理政府信息公开申请情况\n{_HEAD}\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
            f"{rows}\n四、政府信息公开行政复议、行政诉讼情况\n{t4}\n")


_PATH = "applications.denied_third_party.research"


def test_an_empty_td_among_zeros_is_read_blank_and_proven():
    record = process_document(Document.from_text(_html(), doc_id="x", source_kind="html"))
    assert record.report.get(_PATH) is None
    assert record.provenance[_PATH].status.value == "proven"


def test_a_browsers_innertext_nbsp_field_among_zeros_is_read_blank_and_proven():
    record = process_document(Document.from_text(_tab_text("\xa0"), doc_id="x"))
    assert record.report.get(_PATH) is None
    assert record.provenance[_PATH].status.value == "proven"


def test_an_empty_tab_field_of_a_plain_text_stays_unverified():
    record = process_document(Document.from_text(_tab_text(""), doc_id="x"))
    assert record.report.get(_PATH) is None
    prov = record.provenance[_PATH]
    assert prov.status.value == "unverified" and prov.rules == ["READ.ISOLATED_BLANK"]


def test_a_browsers_innertext_row_ending_in_an_nbsp_field_keeps_its_seven_cells():
    """The row's last cell (总计) printed as ``&nbsp;``: innerText ends the line with a tab and a no-break space. That
    field is the row's seventh cell, not trailing layout: the row is read (six 0s and a blank total), not lost. The
    blank total stays in doubt (a row that lost a cell, its numbers slid left, leaves its last cell empty)."""
    record = process_document(Document.from_text(_tab_text("\xa0", column=6), doc_id="x"))
    row = "applications.denied_third_party."
    assert record.report.get(row + "total") is None
    assert record.report.get(row + "natural_person") == 0
    assert all(record.provenance[row + c].status.value == "proven"
               for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org"))
    assert record.provenance[row + "total"].rules == ["READ.ISOLATED_BLANK"]


def test_an_empty_td_for_a_rows_total_stays_unverified():
    """A page whose row lost a cell (an editor deleted it, the numbers slid one cell left) prints its last cell, 总计,
    as an empty element: that blank is no proof, it stays ``unverified`` as a possibly lost number."""
    record = process_document(Document.from_text(_html(column=6), doc_id="x", source_kind="html"))
    prov = record.provenance["applications.denied_third_party.total"]
    assert prov.status.value == "unverified" and prov.rules == ["READ.ISOLATED_BLANK"]


def test_an_extra_column_of_nbsp_cells_is_no_cell_of_the_rows():
    """A table that kept a deleted column's empty cells in every row: innerText ends each row with one more tab and
    no-break space, past the seven cells. That field is no cell (a row's last cell of ``&nbsp;`` is one only where
    the row's fields after its label are as many as the form's cells): the rows are read as printed."""
    text = "\n".join(line + "\t\xa0" if line.count("\t") == 7 else line for line in _tab_text("\xa0").split("\n"))
    record = process_document(Document.from_text(text, doc_id="x"))
    row = "applications.denied_prohibited_by_law."
    assert [record.report.get(row + c) for c in ("natural_person", "other_org", "total")] == [0, 0, 0]
    assert record.provenance[row + "total"].status.value == "proven"
    assert record.report.get(_PATH) is None


def test_an_empty_td_beside_a_run_together_token_is_the_column_the_merge_emptied():
    """A row whose 自然人 cell reads ``00`` and whose 商业企业 cell is empty: no count is written with a leading zero,
    so ``00`` is two cells run together and the empty cell after it the column the merge left behind (truly 0), not
    a printed blank. The row adds up either way: the empty cell is never proven null."""
    page = _html(column=1).replace("<td><p><span>0</span></p></td><td><p><span>&nbsp;</span></p></td>",
                                   "<td><p><span>00</span></p></td><td><p><span>&nbsp;</span></p></td>", 1)
    assert "00</span>" in page
    record = process_document(Document.from_text(page, doc_id="x", source_kind="html"))
    row = "applications.denied_third_party."
    assert not (record.report.get(row + "commercial") is None
                and record.provenance[row + "commercial"].status.value == "proven")
    assert record.report.get(row + "natural_person") in (0, None)
