"""A count with thousands separators wrapped in its narrow cell (``1,40`` over ``8``) is one count, ``1,408``.

pdftotext's layout text of a Word table prints the first pieces of a row's wrapped counts on a line of their own
above its label and the last pieces among its one-line cells below; ``1,40 … 1,57`` was read as a CSV row and the
row lost. A thousands group has three digits, so the pieces join where the digits it lacks stand below it, alone
in its place; anything else stays as printed."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.commapieces import joined_comma_pieces
from llm_extract.pipeline import process_document

WRAPPED = ["                              1,40                                 1,57",
           "              （一）予以公开",
           "                               8      83   4     4     49     27    5"]


def test_a_counts_pieces_join_in_the_lower_pieces_place_the_other_cells_keep_theirs() -> None:
    out = joined_comma_pieces("\n".join(WRAPPED)).split("\n")
    assert not out[0].strip()
    assert out[1] == WRAPPED[1]
    assert out[2].split() == ["1,408", "83", "4", "4", "49", "27", "1,575"]
    assert out[2].index("83") == WRAPPED[2].index("83") and out[2].index("27") == WRAPPED[2].index("27")


def test_pieces_that_do_not_complete_the_group_stay_as_printed() -> None:
    for below in ("                              88     83", "                              8 9", ""):
        text = "\n".join([WRAPPED[0], WRAPPED[1], below])
        assert joined_comma_pieces(text).split("\n")[0] == WRAPPED[0], below
    assert joined_comma_pieces("行政许可 1,234 件") == "行政许可 1,234 件"        # a whole count: nothing to join


def test_a_report_whose_wrapped_counts_have_thousands_separators_reads_the_row() -> None:
    rows = [("一、本年新收政府信息公开申请数量", "1,408     83   4     4     49     27   1,575"),
            ("二、上年结转政府信息公开申请数量", "0      0    0     0      0      0      0")]
    lines = ["某某市人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "                                 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
    lines += [f"{label}       {cells}" for label, cells in rows]
    lines += ["                              1,40                                 1,57",
              "              （一）予以公开",
              "                               8      83   4     4     49     27    5"]
    for label in ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开 1.属于国家秘密",
                  "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
                  "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供 1.本机关不掌握相关政府信息",
                  "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理 1.信访举报投诉类申请",
                  "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
                  "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"):
        lines.append(f"{label}       0      0    0     0      0      0      0")
    lines += ["（七）总计       1,408     83   4     4     49     27   1,575",
              "四、结转下年度继续办理       0      0    0     0      0      0      0",
              "四、政府信息公开行政复议、行政诉讼情况"]
    record = process_document(load_bytes("\n".join(lines).encode(), doc_id="wrapped", suffix=".txt"))
    assert record.report.get("applications.granted.natural_person") == 1408
    assert record.report.get("applications.granted.total") == 1575
    assert record.provenance["applications.granted.total"].status is Status.PROVEN


def test_pieces_round_a_rows_own_line_are_left_to_the_row_reader() -> None:
    """``1,12`` over the row's line of one-line cells, ``4`` under it: the count wraps round the row's line (read
    there, :mod:`llm_extract.extract.wrapdigits`), and joined under it the row would lose its first cell."""
    text = "\n".join(["                       1,12                                     1,33",
                      "一、本年新收政府信息公开申请数量              118         5     7     62   22",
                      "                        4                                         8"])
    assert joined_comma_pieces(text) == text


def test_in_a_tight_line_the_count_ends_where_its_last_piece_ends() -> None:
    """pdfplumber's layout text sets the columns close: ``1,408`` written from where ``1,40`` starts would run into
    ``83``; it is written ending where ``8`` ends."""
    text = "\n".join(["                                        1,40                        1,57",
                      "                        （一）予以公开",
                      "                                         8   83   4    4    49  27   5"])
    out = joined_comma_pieces(text).split("\n")
    assert out[2].split() == ["1,408", "83", "4", "4", "49", "27", "1,575"]
    assert out[2].index("1,408") + len("1,408") == text.split("\n")[2].index("8") + 1


def test_a_count_cut_inside_its_group_round_the_rows_own_line_is_read_down_its_column() -> None:
    """``1,2`` over the (七) row's line of short cells, ``62`` under it: wrapdigits reads 1,262 down the column (the
    total column's 126 / 2 beside it), where the row's total then holds."""
    from llm_extract.extract.wrapdigits import unstacked_digits
    lines = ["                                        1,2                                  126",
             "                             总计               0       0        0     0   0",
             "                                        62                                    2"]
    out, merged = unstacked_digits(list(lines), 1, 4)
    assert out[1].split() == ["总计", "1,262", "0", "0", "0", "0", "0", "1262"]
    assert out[0] == out[2] == "" and merged == {2: (1, 2, 3)}


def test_a_cut_count_whose_lower_piece_is_not_the_digits_its_group_lacks_stays_as_printed() -> None:
    from llm_extract.extract.wrapdigits import unstacked_digits
    for lower in ("6", "623"):          # 1,26 and 1,2623: no count
        lines = ["                                        1,2                                  126",
                 "                             总计               0       0        0     0   0",
                 f"                                        {lower:<38}2"]
        assert unstacked_digits(list(lines), 1, 4) == (lines, {}), lower


def test_pieces_a_cell_to_a_line_join_on_the_upper_line_and_leave_the_lower_empty() -> None:
    """PyMuPDF prints a cell to a line, a wrapped count's pieces on two: the count takes the upper piece's line (its
    cell's own), so that no empty line stands before a row's last cell (an empty line ends a row: ``0`` / empty /
    ``5,229`` read as a row of seven then the next row's 序号)."""
    assert joined_comma_pieces("（一）予以公开\n3,97\n9\n0") == "（一）予以公开\n3,979\n\n0"
    cells = ["（七）总计", "522", "9", "0", "0", "0", "0", "0", "5,22", "9", "四、结转下年度继续办理"]
    out = joined_comma_pieces("\n".join(cells)).split("\n")
    assert out[8:10] == ["5,229", ""] and len(out) == len(cells)


def test_a_piece_whose_lacking_digits_follow_it_on_its_own_line_is_split_not_wrapped() -> None:
    """``1,95 9``: a converter parted one count by a space on its row's line; the ``0`` of the row below,
    standing under the piece's end, is that row's own count, never the piece's rest (it was read 1,950 and the
    row above 9)."""
    rows = ["  行政处罚                     1,95 9",
            "  行政强制                         0"]
    assert joined_comma_pieces("\n".join(rows)).split("\n") == rows
