"""Fixed-width PDF text (``pdftotext -layout``) of a 表三 whose outcome rows wrap their labels in a narrow column,
the group titles printed down their own narrow columns beside them, and rows the report leaves blank printing
their labels alone::

    三 （二）部分公开（区分            2    0      0    0   0    0    1     3
    、 处理的，只计这一情
    …
    度     1.属于国家                               (blank)
    办     秘密
    理     2.其他法律
    结     行政法规禁止     0    0 …              (its numbers beside its label's middle piece)
    果     公开
          3.危及“三                               (blank: its label alone)
          安全一稳定”
      （三 4.保护第
      ）不                                        (a piece of the group's title between the label's pieces)
          三方合法权益    1    0 …

The lines of words at the left margin are joined into one label item (``本处理的…度1.属于国家办秘密理2.其他法律``),
so a row's label item may start lines above its numbers; and a piece of a group's title may stand between two
pieces of a label. Both rows are still found and read, and the blank rows between rows that print their numbers
beside their labels are blank, not lost cells the identities fill with 0 for review.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_PATHS
from tests.fakeopenai import report_text, sample_values

_BLANK_ROWS = ("denied_security_stability", "denied_internal_affairs", "denied_process_info",
               "denied_enforcement_file")


def _cells(values: dict, row: str) -> str:
    return "    ".join(str(values[f"applications.{row}.{c}"]) for c in APPLICANT_COLUMNS)


def _layout_text() -> tuple[str, dict]:
    values = sample_values()
    for row in ("denied_state_secret", *_BLANK_ROWS):
        for c in APPLICANT_COLUMNS:
            values[f"applications.{row}.{c}"] = None
    v = lambda row: _cells(values, row)     # noqa: E731
    table = "\n".join([
        "                             申请人情况",
        "（本列数据的勾稽关系为：               法人或其他组织",
        "第一项加第二项之和，等于   自然    商业    科研    社会  法律      其他   总计",
        " 第三项加第四项之和）     人      企业    机构    公益  服务",
        "一、本年新收政府信息公",
        f"               {v('new_received')}",
        "开申请数量",
        "二、上年结转政府信息公",
        f"               {v('carried_over')}",
        "开申请数量",
        f"  （一）予以公开      {v('granted')}",
        "三   （二）部分公开（区",
        "、   分处理的，只计这一",
        f"                 {v('partially_granted')}",
        "本   情形，不计其他情",
        "年   形）",
        "度       1.属于国家",
        "办       秘密",
        "理       2.其他法律",
        f"结       行政法规禁    {v('denied_prohibited_by_law')}",
        "果       止公开",
        "        3.危及“三",
        "        安全一稳",
        "        定”",
        "    （三",
        "        4.保护第三",
        "    ）不",
        f"        方合法权益    {v('denied_third_party')}",
        "    予公",
        "        5.属于三类",
        "     开",
        "        内部事务信",
        "        息",
        "        6.属于四类",
        "        过程性信息",
        "        7.属于行政",
        "        执法案卷",
        "        8.属于行政",
        f"                 {v('denied_query_matter')}",
        "        查询事项",
        "        1.本机关不",
        f"        掌握相关政    {v('unavailable_not_held')}",
        "        府信息",
        "    （四",
        "        2.没有现成",
        "    ）无",
        f"        信息需要另    {v('unavailable_needs_creation')}",
        "    法提",
        "        行制作",
        "     供",
        "        3.补正后申",
        f"        请内容仍不    {v('unavailable_unclear')}",
        "        明确",
        f"    （五 1.信访举报投诉类申请    {v('rejected_petition')}",
        f"    ）不 2.重复申请    {v('rejected_duplicate')}",
        f"    予处 3.要求提供公开出版物    {v('rejected_publication')}",
        f"     理  4.无正当理由大量反复申请    {v('rejected_excessive')}",
        f"        5.要求行政机关确认或重新出具已获取信息    {v('rejected_reconfirm')}",
        f"    （六）其他处理 1.申请人无正当理由逾期不补正    {v('other_no_correction')}",
        f"        2.申请人逾期未按收费通知要求缴纳费用    {v('other_unpaid_fee')}",
        f"        3.其他    {v('other_other')}",
        f"    （七）总计    {v('total_processed')}",
        f"四、结转下年度继续办理    {v('carried_forward')}",
    ])
    text = report_text(values)
    start = text.index("本列数据的勾稽关系")
    end = text.index("\n\n四、政府信息公开行政复议")
    return text[:start] + table + text[end:], values


def _record():
    text, values = _layout_text()
    return process_document(Document.from_text(text, doc_id="layout")), values


def test_a_label_with_a_group_titles_piece_between_its_pieces_is_found_and_its_row_proven() -> None:
    record, values = _record()
    third = [p for p in TABLE3_PATHS if ".denied_third_party." in p]
    assert [record.report.get(p) for p in third] == [values[p] for p in third]
    assert all(record.provenance[p].status is Status.PROVEN for p in third)


def test_blank_rows_between_rows_printing_numbers_beside_their_labels_pieces_are_blank() -> None:
    """denied_security_stability stands between 2.其他法律… (its label item joined with the lines above, its
    numbers beside a later piece) and 4.保护第三方合法权益; 5. to 7. between it and 8.属于行政查询事项."""
    record, _ = _record()
    for row in _BLANK_ROWS:
        for path in [p for p in TABLE3_PATHS if f".{row}." in p]:
            assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


def test_no_cell_of_the_table_is_proven_wrong() -> None:
    record, values = _record()
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
            and record.report.get(p) != values[p]] == []


def _one_cell_a_line_text() -> tuple[str, dict]:
    """表三 as PyMuPDF's text of a rule-less table: each cell a line, no empty line between; a label too long
    for its cell wrapped (``4.保护第三方合`` / ``法权益``), its seven numbers under its last piece; the rows
    left blank print their labels alone."""
    values = sample_values()
    for row in _BLANK_ROWS:
        for c in APPLICANT_COLUMNS:
            values[f"applications.{row}.{c}"] = None
    text = report_text(values)
    head, rest = text.split("本列数据的勾稽关系", 1)
    table, tail = rest.split("\n\n四、政府信息公开行政复议", 1)
    lines = ["本列数据的勾稽关系", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for line in table.split("\n")[1:]:
        label, *cells = line.split("\t")
        if label == "4.保护第三方合法权益":
            label = "4.保护第三方合\n法权益"
        lines += [label] + [c for c in cells if c != "/"]
    return head + "\n".join(lines) + "\n\n四、政府信息公开行政复议" + tail, values


def test_blank_rows_after_a_wrapped_label_whose_seven_cells_stand_under_its_last_piece_are_blank() -> None:
    """4.保护第三方合法权益 is one item of two lines; its seven numbers stand a cell a line right under its last
    piece, as every full row's do under its label: the lone labels after it (5. to 7.), up to the next such row,
    are blank rows."""
    text, values = _one_cell_a_line_text()
    record = process_document(Document.from_text(text, doc_id="pymupdf"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if got[p] != values[p] or record.provenance[p].status is not Status.PROVEN] == []
