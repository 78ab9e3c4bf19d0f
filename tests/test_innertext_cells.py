"""A browser's innerText of a CMS page whose table cells hold paragraphs (``<td><p><span>0</span></p></td>``):
every paragraph cell stands between blank lines, and the tab parting two such cells alone on a line of its own
(llm_extract/ingest/innertext_cells.py). Each row is folded back onto one line: its cells are read where they
stand, an empty cell (``<p>&nbsp;</p>``) is a blank, and no tab-only line is ever taken for a cell."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.evidence import Status
from llm_extract.ingest.innertext_cells import folded_block_cells, joined_cell_breaks
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICATION_ROWS
from tests.table3_checks import assert_rows_proven

B = None      # a cell printed empty (&nbsp;)
ROWS = {      # 表三 as the page prints it: an empty cell where the organisations have none
    "new_received": [6, 1, B, B, 1, B, 8], "carried_over": [0, B, B, B, B, B, 0],
    "granted": [2, B, B, B, B, B, 2], "partially_granted": [0, 1, B, B, B, B, 1],
    "denied_state_secret": [0, B, B, B, B, B, 0], "denied_prohibited_by_law": [1, B, B, B, B, B, 1],
    "denied_security_stability": [0, B, B, B, B, B, 0], "denied_third_party": [0, B, B, B, B, B, 0],
    "denied_internal_affairs": [0, B, B, B, B, B, 0], "denied_process_info": [0, B, B, B, B, B, 0],
    "denied_enforcement_file": [0, B, B, B, B, B, 0], "denied_query_matter": [0, B, B, B, B, B, 0],
    "unavailable_not_held": [2, B, B, B, 1, B, 3], "unavailable_needs_creation": [0, B, B, B, B, B, 0],
    "unavailable_unclear": [0, B, B, B, B, B, 0], "rejected_petition": [0, B, B, B, B, B, 0],
    "rejected_duplicate": [0, B, B, B, B, B, 0], "rejected_publication": [0, B, B, B, B, B, 0],
    "rejected_excessive": [0, B, B, B, B, B, 0], "rejected_reconfirm": [0, B, B, B, B, B, 0],
    "other_no_correction": [0, B, B, B, B, B, 0], "other_unpaid_fee": [0, B, B, B, B, B, 0],
    "other_other": [1, B, B, B, B, B, 1], "total_processed": [6, 1, B, B, 1, B, 8],
    "carried_forward": [0, B, B, B, B, B, 0],
}
LABELS = [("一、本年新收政府信息公开申请数量",), ("二、上年结转政府信息公开申请数量",),
          ("三、本年度办理结果", "（一）予以公开"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
          ("（三）不予公开", "1．属于国家秘密"), ("2．其他法律行政法规禁止公开",), ("3．危及“三安全一稳定”",),
          ("4．保护第三方合法权益",), ("5．属于三类内部事务信息",), ("6．属于四类过程性信息",), ("7．属于行政执法案卷",),
          ("8．属于行政查询事项",), ("（四）无法提供", "1．本机关不掌握相关政府信息"), ("2．没有现成信息需要另行制作",),
          ("3．补正后申请内容仍不明确",), ("（五）不予处理", "1．信访举报投诉类申请"), ("2．重复申请",), ("3．要求提供公开出版物",),
          ("4．无正当理由大量反复申请",), ("5．要求行政机关确认或重新出具已获取信息",),
          ("（六）其他处理", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
          ("2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",), ("3．其他",), ("（七）总计",),
          ("四、结转下年度继续办理",)]


def _row(cells: list[str], paragraph) -> str:
    """One table row as innerText prints it: a paragraph cell padded by blank lines, the cells parted by tabs."""
    out = ""
    for i, c in enumerate(cells):
        text = f"\n\n{c}\n\n" if paragraph(i, c) else c
        out += ("\t" if i else "") + text
    return out + "\n"


def _page(paragraph) -> str:
    body = ["2023年西湖区商务局政府信息公开工作年度报告", "",
            "三、收到和处理政府信息公开申请情况", "",
            _row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], paragraph),
            _row(["自然人", "法人或其他组织", "总计"], paragraph),
            _row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], paragraph)]
    for labels, row in zip(LABELS, APPLICATION_ROWS):
        body.append(_row([*labels, *("\xa0" if v is None else str(v) for v in ROWS[row])], paragraph))
    body += ["四、政府信息公开行政复议、行政诉讼情况", "",
             _row(["行政复议", "行政诉讼"], paragraph),
             _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], paragraph),
             _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, paragraph),
             _row(["1", "0", "0", "0", "1"] + ["0"] * 10, paragraph), "五、存在的主要问题及改进情况", ""]
    return "\n".join(body)


def _assert_table3_read(text: str) -> None:
    record = process_document(Document.from_text(text, doc_id="innertext"))
    assert_rows_proven(record, ROWS)
    assert record.report.values()["review_litigation.administrative_review.upheld"] == 1


def test_every_cell_a_paragraph() -> None:
    """TRS WCM's <td><p><span>…</span></p></td> throughout: a row is eleven lines and more, read as one."""
    _assert_table3_read(_page(lambda i, c: True))


def test_paragraph_cells_among_plain_cells() -> None:
    """Some cells a paragraph, some plain (an editor's copy-paste): ``\\t0\\t`` lines among padded cells, the
    tab between two paragraph cells never an empty cell (read so, every row held more than seven cells and
    none of them was read)."""
    _assert_table3_read(_page(lambda i, c: (i + len(c)) % 3 != 0))


def test_an_empty_last_cell_leaves_the_next_row_its_label() -> None:
    """A row whose last cell is empty ends in a tab: the next row's label, after the blank lines, stays on a line
    of its own."""
    cells = "\n\n\t\n\n".join(["0", "", "0", "0", "0", "0", ""])      # the second and the last cell empty
    text = (f"1．属于国家秘密\t\n\n{cells}\n\n2．其他法律行政法规禁止公开\t\n\n{cells}\n\n"
            f"3．危及“三安全一稳定”\t\n\n{cells}\n\n4．保护第三方合法权益")
    lines = folded_block_cells(text).split("\n")
    assert lines[0] == "1．属于国家秘密\t0\t\t0\t0\t0\t0\t"
    assert "2．其他法律行政法规禁止公开\t0\t\t0\t0\t0\t0\t" in lines
    assert "4．保护第三方合法权益" in lines


def test_a_word_export_one_cell_a_line_is_left_as_it_is() -> None:
    """Word's text export prints a cell a line, ``\\t`` alone for an empty one, no blank lines between: not this
    layout, nothing folded."""
    text = "一、本年新收政府信息公开申请数量\n\t6\n\t\n\t0\n\t\n\t1\n\t\n\t8\n\n二、上年结转政府信息公开申请数量\n" * 3
    assert folded_block_cells(text) == text


def test_a_pages_indentation_kept_by_get_text_is_left_as_it_is() -> None:
    """BeautifulSoup's ``get_text("\\n")`` of a page indented by tabs prints its indentation among blank lines
    (``0`` / blank / ``\\t`` / blank / ``\\t`` / blank / ``\\t\\t``): no tab there parts two cells' text, nothing
    folded."""
    text = "".join(f"{label}\n\n\t\n\n\t\t\n" + "".join(f"{v}\n\n\t\n\n\t\n\n\t\t\n" for v in "0102003")
                   for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"))
    assert folded_block_cells(text) == text


def test_only_the_empty_cells_are_paragraphs() -> None:
    """A page of plain cells where only the empty ones hold ``<p>&nbsp;</p>`` (an editor fills the empty cells of a
    table pasted from Excel, or UEditor's blank cell so): the padded cells print nothing but a no-break space,
    and the tabs between two of them stand alone between blank lines all the same. Left unfolded, the rows of
    many blanks broke over a dozen lines and 表三 was not read."""
    _assert_table3_read(_page(lambda i, c: c == "\xa0"))


def test_a_row_opening_with_an_empty_cell_is_not_joined_to_the_row_before() -> None:
    """The header repeated mid-table under an empty corner cell (a page break in the source document), after a row
    of plain cells whose empty ones hold ``<p>&nbsp;</p>``: its line opens with a tab, after the row before ended
    in a value. A row's label never follows its values, so that tab opens a row of its own (it was joined onto the
    row before, which then held ten fields and was not read)."""
    blank = "\n\n\xa0\n\n"
    row = lambda label, first, last: f"{label}\t{first}\t" + "\t".join([blank] * 5) + f"\t{last}\n"
    text = ("".join(row(label, 0, 0) for label in ("6．属于四类过程性信息", "7．属于行政执法案卷", "8．属于行政查询事项"))
            + "\t自然人\t法人或其他组织\n\t总计\n\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
            + "".join(row(label, 1, 1) for label in ("1．本机关不掌握相关政府信息", "2．没有现成信息需要另行制作")))
    lines = folded_block_cells(text).split("\n")
    assert "8．属于行政查询事项\t0\t\xa0\t\xa0\t\xa0\t\xa0\t\xa0\t0" in lines
    assert "\t自然人\t法人或其他组织\t总计" in lines
    assert "1．本机关不掌握相关政府信息\t1\t\xa0\t\xa0\t\xa0\t\xa0\t\xa0\t1" in lines


def _br_row(cells: list[str], br) -> str:
    """One table row as innerText prints it where some cells end in ``<br>`` (UEditor's empty cell is ``<br/>``
    alone, KindEditor's typed cells end in one): that cell's text, a line break, then the tab to the next cell."""
    return "\t".join(c + ("\n" if br(i, c) else "") for i, c in enumerate(cells)) + "\n"


ZEROS = {row: [0 if v is None else v for v in vals] for row, vals in ROWS.items()}    # every cell printed


def _br_page(br) -> str:
    body = ["2022年平安县民政局政府信息公开工作年度报告", "", "二、主动公开政府信息情况", "",
            _br_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], br),
            _br_row(["规章", "0", "1", "3"], br), _br_row(["行政规范性文件", "11", "7", "100"], br), "",
            "三、收到和处理政府信息公开申请情况", "",
            _br_row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], br),
            _br_row(["自然人", "法人或其他组织", "总计"], br),
            _br_row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], br)]
    for labels, row in zip(LABELS, APPLICATION_ROWS):
        body.append(_br_row([*labels, *map(str, ZEROS[row])], br))
    body += ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议\t行政诉讼",
             "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]),
             "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
             "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10), "", "五、存在的主要问题及改进情况", ""]
    return "\n".join(body)


def test_cells_ending_in_a_line_break_are_read_in_their_rows() -> None:
    """KindEditor cells ending in ``<br>`` (some typed ones): innerText breaks the row after each, the next cell's
    tab opening the next line (``6`` / ``\\t1\\t0`` / ``\\t1``). The rows are joined back,
    表二's and 表三's cells read where they stand (表三 was read only in part, 表二's rows
    left unverified)."""
    text = _br_page(lambda i, c: (i + len(c)) % 2 == 0)
    record = process_document(Document.from_text(text, doc_id="innertext"))
    assert_rows_proven(record, ZEROS)
    values = record.report.values()
    assert [values[f"active_disclosure.regulations.{k}"] for k in ("issued", "repealed", "in_force")] == [0, 1, 3]
    assert record.provenance["active_disclosure.regulations.in_force"].status is Status.PROVEN


def test_a_one_cell_a_line_export_is_not_taken_for_broken_cells() -> None:
    """Word's one cell a line (a tab before each, one tab a line) shows no row broken at a cell's ``<br>``: left
    as it is."""
    text = "一、本年新收政府信息公开申请数量\n\t6\n\t\n\t0\n\t\n\t1\n\t\n\t8\n\n二、上年结转政府信息公开申请数量\n" * 5
    assert joined_cell_breaks(text) == text


def test_a_pdf_tables_rows_opening_with_empty_fields_are_not_taken_for_broken_cells() -> None:
    """A PDF table's text whose rows open with the empty fields of their group columns (``\\t\\t2．重复申请\\t0…``),
    each after a row ending in a number: no row broken at a cell's ``<br>`` (no number follows those tabs), the rows
    stay apart."""
    rows = [f"\t\t{k}．重复申请\t0\t0\t0\t0\t0\t0\t{k}" for k in range(1, 13)]
    text = "\n".join(rows) + "\n"
    assert joined_cell_breaks(text) == text


def test_rows_broken_at_empty_br_cells_are_joined_back() -> None:
    """UEditor's empty cell is ``<td><br/></td>``, its other cells plain: innerText breaks a row at each empty cell,
    the row's line ending in the tab before it and the next opening with the tab after it (``…\\t6\\t1\\t`` / ``\\t`` /
    ``\\t1\\t`` / ``\\t8``). No number ends a line before such a break, so the page shows no layout of ``<br>`` cells;
    the lines are joined back where together they make a whole row of the form, and 表三 is read and proven."""
    body = ["2023年西湖区商务局政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
            "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    for labels, row in zip(LABELS, APPLICATION_ROWS):
        body.append("\t".join([*labels, *("\n" if v is None else str(v) for v in ROWS[row])]))
    body += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼",
             "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10), "五、存在的主要问题及改进情况", ""]
    text = "\n".join(body)
    assert "需要另行制作\t0\t\n\t\n\t\n\t\n\t\n\t0\n" in text
    _assert_table3_read(text)


def test_a_tab_row_and_a_cell_line_that_make_no_row_of_the_form_stay_apart() -> None:
    """A line ending in a tab and the next opening with one are joined only where together they hold a row of the
    form (its labels, then 3, 7 or 15 values): a header's tabs and a cell line are left as they are."""
    text = "行政复议\t行政诉讼\t\n\t自然人\t法人或其他组织\n规章\t0\t\n\t3\t5\t6\n"
    assert joined_cell_breaks(text) == text


def test_a_broken_row_opening_with_an_empty_group_cell_is_joined_too() -> None:
    """A 表三 cut into a table per group repeats the group column as an empty cell: the row's line opens with a tab
    before its labels (``\\t（四）无法提供\\t1.本机关…\\t6\\t`` / ``\\t`` …). That empty cell is no value; the labels
    after it and the seven values make the row whole, and it is joined."""
    text = "\t（四）无法提供\t1.本机关不掌握相关政府信息\t6\t\n\t\n\t\n\t\n\t\n\t6\n2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\n"
    assert joined_cell_breaks(text) == ("\t（四）无法提供\t1.本机关不掌握相关政府信息\t6\t\t\t\t\t\t6\n"
                                        "2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\n")


def test_a_label_cell_over_two_lines_is_joined_to_its_row() -> None:
    """A label cell whose words stand in two paragraphs or around a ``<br>`` (``（二）部分公开`` / ``（区分处理的…）``):
    innerText prints the label's first line alone, then the rest of it and the row's cells. The row is one line again,
    its fields read by tab (the empty cells where they stand), a group's cell before the label too; a heading before a
    row of numbers is left alone."""
    text = ("一、本年新收政\n府信息公开申请数量\t2\t\t8\t8\t\t\t18\n"
            "（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）\t0\t\t2\t\t\t\t2\n"
            "（四）无法提供\t1.本机关不掌握相关\n政府信息\t0\t\t\t\t\t\t0\n"
            "四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15) + "\n")
    assert joined_cell_breaks(text) == ("一、本年新收政府信息公开申请数量\t2\t\t8\t8\t\t\t18\n"
                                        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t\t2\t\t\t\t2\n"
                                        "（四）无法提供\t1.本机关不掌握相关政府信息\t0\t\t\t\t\t\t0\n"
                                        "四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15) + "\n")


def test_a_row_broken_at_an_empty_paragraph_br_cell_is_joined_over_its_padding() -> None:
    """An empty cell holding a paragraph's line break (``<td><p><br></p></td>``) breaks the row with blank lines
    round the break (``6.属于四类过程性信息\\t6\\t`` / blank lines / ``\\t0\\t0\\t0\\t0\\t6``): joined into one row too."""
    text = "6.属于四类过程性信息\t6\t\n\n\n\n\n\t0\t0\t0\t0\t6\n7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n"
    assert joined_cell_breaks(text) == "6.属于四类过程性信息\t6\t\t0\t0\t0\t0\t6\n7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n"


def test_a_label_alone_before_a_row_of_a_bare_label_or_a_heading_before_a_row_stay_apart() -> None:
    """A row printed as its label alone (a reader mode dropped its empty cells) before （七）总计 printed bare, and a
    section's heading before 表二's first row: neither first line is the start of the next row's label."""
    text = "3.其他\n总计\t1\t0\t0\t0\t0\t0\t1\n二、主动公开政府信息情况\n规章\t0\t0\t1\n"
    assert joined_cell_breaks(text) == text
