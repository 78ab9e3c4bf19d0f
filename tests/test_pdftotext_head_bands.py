"""Plain ``pdftotext`` (no -layout) of a Word-made PDF prints rows whose labels fit one line as one block, column by
column; under the column headers (the table's first rows, or a page's first rows under a repeated header) each
header is a block with the cells under it, the columns in an order of the page's, the next rows' first cells at
times between two of them. Such a 表三 is read where the identities place every column (each column's own: 总计 =
the outcome rows, 一 + 二 = 七 + 四); cells the identities leave to two columns stay unread. The table is in the
text's order, and proven where every identity holds, only when the identities leave it one table, some row printed
alone (its seven numbers left to right) holds applicant cells that differ, and no plain band of rows printed column
by column keeps every identity with its columns in another order; otherwise none of it is proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.headbands import read_head_bands
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [r.key for r in FORM.table3_rows]
_COLS = [c.key for c in FORM.table3_columns]
#: a page break after 二、, the header repeated over （一） (as plain6's look seed 2 prints p6s2_005)
_TABLE = {"new_received": [20, 3, 1, 0, 0, 15, 39], "carried_over": [9, 2, 1, 1, 0, 6, 19],
          "granted": [0, 4, 0, 0, 0, 3, 7], "partially_granted": [1, 0, 0, 0, 0, 0, 1],
          "denied_process_info": [16, 0, 0, 0, 0, 0, 16], "unavailable_not_held": [7, 0, 0, 0, 0, 1, 8],
          "total_processed": [24, 4, 0, 0, 0, 4, 32], "carried_forward": [5, 1, 2, 1, 0, 17, 26]}
_HEADERS = {1: ["法人或其他组织", "商业企业", "科研机构"], 2: ["社会公益", "组织"], 3: ["法律服务", "机构"],
            4: ["其他"], 5: ["总计"]}
_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，只计",
           "这一情形，不计其他情形）", "（三）不予公开 1.属于国家秘密", "（三）不予公开 2.其他法律行政法规", "禁止公开",
           "（三）不予公开 3.危及“三安全一稳", "定”", "（三）不予公开 4.保护第三方合法权", "益",
           "（三）不予公开 5.属于三类内部事务", "信息", "（三）不予公开 6.属于四类过程性信", "息",
           "（三）不予公开 7.属于行政执法案卷", "（三）不予公开 8.属于行政查询事项", "（四）无法提供 1.本机关不掌握相关", "政府信息",
           "（四）无法提供 2.没有现成信息需要", "另行制作", "（四）无法提供 3.补正后申请内容仍", "不明确",
           "（五）不予处理 1.信访举报投诉类申", "请", "（五）不予处理 2.重复申请", "（五）不予处理 3.要求提供公开出版", "物",
           "（五）不予处理 4.无正当理由大量反", "复申请", "（五）不予处理 5.要求行政机关确认", "或重新出具已获取信息",
           "（六）其他处理 1.申请人无正当理由", "逾期不补正、行政机关不再处理其政", "府信息公开申请",
           "（六）其他处理 2.申请人逾期未按收", "费通知要求缴纳费用、行政机关不再", "处理其政府信息公开申请", "（六）其他处理 3.其他",
           "（七）总计", "四、结转下年度继续办理"]


def _rows(table: dict[str, list[int]]) -> list[list[int]]:
    return [table.get(key, [0] * 7) for key in _ROWS]


def _band_among_headers(rows: list[list[int]], top: int, size: int, order: list[int], first: int) -> list[str]:
    """Rows ``top`` … ``top + size - 1`` column by column in the page's column ``order``, the header words among
    them, the next ``first`` rows' 自然人 cells after the second column printed, their other cells after the band."""
    out: list[str] = []
    for i, c in enumerate(order):
        out += _HEADERS.get(i, []) + [str(rows[top + r][c]) for r in range(size)]
        if i == 1:
            out += [str(rows[top + size + r][0]) for r in range(first)]
    nxt = top + size
    return out + [str(rows[nxt + r][c]) for c in range(1, 7) for r in range(first)]


def _text(table: dict[str, list[int]], order: list[int]) -> str:
    rows = _rows(table)
    page1 = _band_among_headers(rows, 0, 2, list(range(7)), 0)          # 一、 and 二、 under the header
    page2 = _band_among_headers(rows, 2, 2, order, 2)                    # （一）（二） under the repeated one
    rest = [str(v) for row in rows[6:] for v in row]                     # (row by row: one-line bands)
    lines = ["某县市场监督管理局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人"] \
        + _LABELS[:2] + page1 + ["\f（本列数据的勾稽关系为：第一项加", "申请人情况", "自然人"] + _LABELS[2:] \
        + page2 + rest + ["四、政府信息公开行政复议、行政诉讼情况"]
    return "\n".join(lines)


def test_a_band_under_a_repeated_header_is_placed_by_each_column_s_identities() -> None:
    """法律服务机构's column printed before 科研机构's on the second page, the next two rows' first cells among them."""
    readings = read_head_bands(_text(_TABLE, [0, 1, 4, 2, 3, 5, 6]).split("\n"))
    assert readings is not None
    for key, row in zip(_ROWS, _rows(_TABLE)):
        assert [readings[f"applications.{key}.{c}"].value for c in _COLS] == row, key
    assert {r.method for r in readings.values()} == {"form-order"}   # the identities placed it: the text's order


def test_the_whole_report_reads_the_table_proven_where_the_identities_place_every_column() -> None:
    record = process_document(Document.from_text(_text(_TABLE, [0, 1, 4, 2, 3, 5, 6]), doc_id="head-bands"))
    got = record.report.values()
    for key, row in zip(_ROWS, _rows(_TABLE)):
        assert [got[f"applications.{key}.{c}"] for c in _COLS] == row, key
    assert all(record.provenance[f"applications.{key}.{c}"].status is Status.PROVEN for key in _ROWS for c in _COLS)


def test_a_plain_band_whose_columns_may_trade_places_leaves_the_table_in_a_tool_s_order() -> None:
    """4.保护第三方合法权益 (1 natural person) and 5.属于三类内部事务信息 (1 company) printed as one band, column by
    column: their 自然人 and 商业企业 columns in the other order (0 / 1 and 1 / 0) keep every identity, so which
    row's 1 is whose is the tool's order: the table is read, none of it proven."""
    table = {**_TABLE, "denied_third_party": [1, 0, 0, 0, 0, 0, 1], "denied_internal_affairs": [0, 1, 0, 0, 0, 0, 1],
             "total_processed": [25, 5, 0, 0, 0, 4, 34], "carried_forward": [4, 0, 2, 1, 0, 17, 24]}
    rows = _rows(table)
    band = [str(rows[r][c]) for c in range(7) for r in (7, 8)]
    alone = [str(v) for row in rows[6:7] for v in row]
    printed = _text(table, [0, 1, 4, 2, 3, 5, 6]).replace("\n".join(alone + [str(v) for v in rows[7] + rows[8]]),
                                                          "\n".join(alone + band))
    readings = read_head_bands(printed.split("\n"))
    assert readings is not None
    for key, row in zip(_ROWS, rows):
        assert [readings[f"applications.{key}.{c}"].value for c in _COLS] == row, key
    assert {r.method for r in readings.values()} == {"form-order-runs"}
    record = process_document(Document.from_text(printed, doc_id="head-bands-plain-band"))
    assert record.provenance["applications.denied_third_party.natural_person"].status is not Status.PROVEN


def test_columns_the_identities_do_not_tell_apart_are_left_unread() -> None:
    """（一）and （二） print 1 and 0 under one column and 0 and 1 under two others (自然人, 科研机构, 社会公益组织): any of
    them may be （一）'s 1, every identity holding (a column's outcomes add up alike), so those six cells are not
    read; every other cell is."""
    table = {**_TABLE, "granted": [0, 4, 1, 0, 0, 3, 8], "partially_granted": [1, 0, 0, 1, 0, 0, 2],
             "total_processed": [24, 4, 1, 1, 0, 4, 34], "carried_forward": [5, 1, 1, 0, 0, 17, 24]}
    readings = read_head_bands(_text(table, [0, 1, 4, 2, 3, 5, 6]).split("\n"))
    assert readings is not None
    unread = {p for p, r in readings.items() if r.missing}
    assert unread == {f"applications.{r}.{c}" for r in ("granted", "partially_granted")
                      for c in ("natural_person", "research", "social_org")}
    assert all(r.value == _rows(table)[_ROWS.index(p.split(".")[1])][_COLS.index(p.split(".")[2])]
               for p, r in readings.items() if p not in unread)


def test_a_table_printed_in_bands_without_a_band_among_headers_is_left_to_the_form_order_readers() -> None:
    rows = _rows(_TABLE)
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人"] + _LABELS \
        + [str(v) for row in rows for v in row] + ["四、政府信息公开行政复议、行政诉讼情况"]
    assert read_head_bands(lines) is None
