"""Plain ``pdftotext`` (no -layout) of a Word-made PDF prints 表三's column headers as blocks of their own, each
with the cells under it: 一、本年新收's seven cells (and 二、's first) come out among the headers' pieces in an order
of the page's; every later cell stands in the form's order, row by row or a band of rows column by column.
The head's cells are what the identities leave (二、's first by its row's sum, 一、 by 一 + 二 = 七 + 四), read
only when those values are the numbers printed at the head: derived and marked, never proven; otherwise the
table is not read this way. The other cells stand in the text's order, proven where every identity holds, when some
row printed alone holds applicant cells that differ and no band of rows printed column by column keeps every
identity, with the head's numbers, in another order of its columns; otherwise in a tool's order, none proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.headcells import read_head_cells
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [r.key for r in FORM.table3_rows]
_COLS = [c.key for c in FORM.table3_columns]
_TABLE = {"new_received": [5, 0, 0, 0, 1, 0, 6], "carried_over": [1, 0, 0, 0, 0, 0, 1],
          "granted": [3, 0, 0, 0, 1, 0, 4], "partially_granted": [1, 0, 0, 0, 0, 0, 1],
          "unavailable_not_held": [1, 0, 0, 0, 0, 0, 1], "total_processed": [5, 0, 0, 0, 1, 0, 6],
          "carried_forward": [1, 0, 0, 0, 0, 0, 1]}
_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度 （一）予以公开", "办理结果",
           "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予 1.属于国家", "公开 秘密",
           "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
           "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法 1.本机关不",
           "提供 掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予 1.信访举报",
           "处理 投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
           "5.要求行政机关确认或重新出具已获取信息", "（六）其他 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
           "处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
           "四、结转下年度继续办理"]
#: 一、's seven cells and 二、's first among the headers' pieces, in the page's order
_HEAD = ["5", "0", "1", "总计", "法律服务", "机构", "1", "其他", "0", "社会公益", "组织", "0", "6", "0"]


def _row(key: str, table: dict[str, list[int]] = _TABLE) -> list[int]:
    return table.get(key, [0] * 7)


def _text(head: list[str], table: dict[str, list[int]] = _TABLE) -> str:
    granted, partial = _row("granted", table), _row("partially_granted", table)
    band = [str(v) for c in range(7) for v in (granted[c], partial[c])]     # （一）/（二） column by column
    rest = [str(v) for key in _ROWS[4:] for v in _row(key, table)]
    lines = ["某县自然资源局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织",
             "商业企业 科研机构"] + _LABELS + head + [str(v) for v in _row("carried_over", table)[1:]] + band + rest \
        + ["四、政府信息公开行政复议、行政诉讼情况"]
    return "\n".join(lines)


def test_the_head_s_cells_are_what_the_identities_leave() -> None:
    record = process_document(Document.from_text(_text(_HEAD), doc_id="head-cells"))
    got = record.report.values()
    for key in _ROWS:
        assert [got[f"applications.{key}.{c}"] for c in _COLS] == _row(key), key
    head = [f"applications.new_received.{c}" for c in _COLS] + ["applications.carried_over.natural_person"]
    # placed by the identities, not as printed: the counts each the one value they leave (pinned); the 0s, read from
    # a band of lines holding two rows' numbers, stay derived (which row printed a 0 is the reading's)
    assert all(record.provenance[p].status is (Status.PINNED if record.report.get(p) else Status.DERIVED) for p in head)


def test_rows_printed_alone_and_a_band_the_identities_place_are_the_text_s_order_and_proven() -> None:
    """Every row after the head printed alone (its seven numbers left to right) but （一）/（二）, printed column by
    column: no other order of that band's columns keeps every identity with the head's numbers what 一、 comes out,
    so the table stands in the text's order and every cell read is proven (the head's derived)."""
    record = process_document(Document.from_text(_text(_HEAD), doc_id="head-cells-proven"))
    head = {f"applications.new_received.{c}" for c in _COLS} | {"applications.carried_over.natural_person"}
    assert all(record.provenance[f"applications.{key}.{c}"].status is Status.PROVEN
               for key in _ROWS for c in _COLS if f"applications.{key}.{c}" not in head)


def test_a_band_whose_columns_may_trade_places_leaves_the_table_in_a_tool_s_order() -> None:
    """（一） prints 1 natural person and （二） 1 company, column by column: their 自然人 and 商业企业 columns in the
    other order keep every identity and give 一、 the same numbers, so which row's 1 is whose is the tool's order:
    read, none of it proven."""
    table = {"new_received": [3, 1, 0, 0, 1, 0, 5], "carried_over": [1, 0, 0, 0, 0, 0, 1],
             "granted": [1, 0, 0, 0, 0, 0, 1], "partially_granted": [0, 1, 0, 0, 0, 0, 1],
             "unavailable_not_held": [2, 0, 0, 0, 1, 0, 3], "total_processed": [3, 1, 0, 0, 1, 0, 5],
             "carried_forward": [1, 0, 0, 0, 0, 0, 1]}
    head = ["3", "1", "0", "总计", "法律服务", "机构", "1", "其他", "0", "社会公益", "组织", "0", "5", "1"]
    readings = read_head_cells(_text(head, table).split("\n"))
    assert readings is not None
    for key in _ROWS[2:]:
        assert [readings[f"applications.{key}.{c}"].value for c in _COLS] == _row(key, table), key
    assert {r.method for r in readings.values()} == {"form-order-runs"}
    record = process_document(Document.from_text(_text(head, table), doc_id="head-cells-band"))
    assert record.provenance["applications.granted.natural_person"].status is not Status.PROVEN


def test_a_head_other_than_the_identities_leave_is_not_read_so() -> None:
    misprinted = ["5", "0", "1", "总计", "法律服务", "机构", "2", "其他", "0", "社会公益", "组织", "0", "6", "0"]
    assert read_head_cells(_text(misprinted).split("\n")) is None
    assert read_head_cells(_text(_HEAD).split("\n")) is not None


def _banded_text(table: dict[str, list[int]], page_order: list[int]) -> list[str]:
    """The first four rows printed column by column, the columns in ``page_order``, the fifth row's first cell
    after the second column printed and its other cells after the band; the rest row by row."""
    rows = [table.get(key, [0] * 7) for key in _ROWS]
    chunks = [[str(rows[r][c]) for r in range(4)] for c in page_order]
    head = chunks[0] + chunks[1] + [str(rows[4][0])] + [x for chunk in chunks[2:] for x in chunk]
    rest = [str(v) for v in rows[4][1:]] + [str(v) for row in rows[5:] for v in row]
    return ["三、收到和处理政府信息公开申请情况", "申请人情况"] + _LABELS + head + rest + ["四、政府信息公开行政复议、行政诉讼情况"]


def test_a_band_of_the_first_rows_by_columns_in_the_page_s_order_placed_by_the_identities() -> None:
    """法律服务机构's column printed before 科研机构's: the balance (一 + 二 = 七 + 四) tells every column apart."""
    readings = read_head_cells(_banded_text(_TABLE, [0, 1, 4, 2, 3, 5, 6]))
    assert readings is not None
    for key in _ROWS:
        assert [readings[f"applications.{key}.{c}"].value for c in _COLS] == _row(key), key
    assert {r.method for r in readings.values()} == {"form-order-runs"}      # a tool's order: never proven


def test_columns_the_identities_do_not_tell_apart_are_not_read() -> None:
    """一、's 1 under 科研机构 and 二、's under 法律服务机构, or the other way round: both keep every identity."""
    table = {"new_received": [4, 0, 1, 0, 0, 0, 5], "carried_over": [0, 0, 0, 0, 1, 0, 1],
             "granted": [2, 0, 0, 0, 0, 0, 2], "unavailable_not_held": [2, 0, 1, 0, 1, 0, 4],
             "total_processed": [4, 0, 1, 0, 1, 0, 6]}
    assert read_head_cells(_banded_text(table, [0, 1, 4, 2, 3, 5, 6])) is None
