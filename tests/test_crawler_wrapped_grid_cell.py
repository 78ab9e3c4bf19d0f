"""A crawler's markdown dump hard-wrapped at a fixed width (16 characters a line): a 表二 grid row whose last number
ends its line, and digits alone on the next line, is a cell cut by the wrap (``行政事业性收费| 1665.61`` / ``1`` for
1665.611). The number on the row's line is not known to be the whole cell: the row is left unread (queued), never
read as 1665.61 because a grid row is its own line."""

from __future__ import annotations

from llm_extract.extract import extract_regex
from llm_extract.ingest import Document

#: html2text's 表二, every line cut at 16 characters (lines end with html2text's two spaces)
WRAPPED = [
    "某县人民政府2023年政府信息公开工作年度报告",
    ' **二、主动公开政府信息情况*',
    '* | 第二十条第（一）项  ',
    '---  ',
    '信息内容| 本年制发件数| 本年',
    '废止件数| 现行有效件数  ',
    '规章| 0| 0| 21  ',
    '规范性文件| 0| 0| 49 ',
    ' ',
    '第二十条第（五）项  ',
    '信息内容| 本年处理决定数量  ',
    '行政许可| 1  ',
    '第二十条第（六）项  ',
    '信息内容| 本年处理决定数量  ',
    '行政处罚| 640  ',
    '行政强制| 0  ',
    '第二十条第（八）项  ',
    '信息内容| 本年收费金额（单位：',
    '万元）  ',
    '行政事业性收费| 1665.61',
    '1  ',
    '',
    "",
    "**三、收到和处理政府信息公开申请情况**",
]


def _readings():
    return extract_regex(Document.from_text("\n".join(WRAPPED), doc_id="wrapped")).readings


def test_a_grid_rows_number_cut_by_the_lines_wrap_is_not_read() -> None:
    fee = _readings()["active_disclosure.fees_10k_yuan"]
    assert fee.missing and fee.value is None


def test_grid_rows_whole_on_their_lines_are_read() -> None:
    readings = _readings()
    assert [readings[f"active_disclosure.regulations.{c}"].value for c in ("issued", "repealed", "in_force")] == [0, 0, 21]
    assert readings["active_disclosure.punishment"].value == 640
    assert readings["active_disclosure.enforcement"].value == 0
