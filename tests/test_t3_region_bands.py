"""A Word table LibreOffice printed across pages, read by pdfminer's ``pdf2txt.py`` (pdfx15's generator, look seed
1501, s1501_lo00_pm): the header page prints its rows' labels, then its 13 rows column by column, the column header
words between two columns and the page's foot (第 2 页) among them, its last cell (总计 of the row broken by the
page break: 2) the page's last line; the next page repeats the header, prints its rows as bands column by column (8
rows, a row across, the last 3 rows each column one box) and only then its labels, a group's title upright (a
character a line: ``（`` / ``四`` / ``）`` / ``无`` …). No segment names its rows (its labels after its numbers): the
whole region's 175 numbers are cut into bands, each printed column by column, every identity choosing; never proven
(which row a cell is, the cut says)."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.pagenumbers import marked_feet, page_feet
from llm_extract.extract.t3pages import read_region_bands
from llm_extract.form import FORM
from verify.guesses import guessed

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_TABLE = {"new_received": [23, 1, 0, 0, 0, 0, 24], "carried_over": [1, 0, 0, 0, 1, 0, 2],
          "granted": [12, 0, 0, 0, 0, 0, 12], "partially_granted": [2, 0, 0, 0, 0, 0, 2],
          "denied_state_secret": [1, 0, 0, 0, 0, 0, 1], "denied_third_party": [1, 0, 0, 0, 0, 0, 1],
          "unavailable_not_held": [1, 1, 0, 0, 0, 0, 2], "unavailable_unclear": [0, 0, 0, 0, 1, 0, 1],
          "rejected_petition": [1, 0, 0, 0, 0, 0, 1], "rejected_publication": [1, 0, 0, 0, 0, 0, 1],
          "rejected_excessive": [1, 0, 0, 0, 0, 0, 1], "rejected_reconfirm": [1, 0, 0, 0, 0, 0, 1],
          "other_no_correction": [2, 0, 0, 0, 0, 0, 2], "other_other": [1, 0, 0, 0, 0, 0, 1],
          "total_processed": [24, 1, 0, 0, 1, 0, 26]}
_HEAD = ["红旗区民政局2023年政府信息公开工作年度报告", "", "第 1 页", "", "\x0c三、收到和处理政府信息公开申请情况", "", "本列数据的勾稽关系", "", "自然人", "", "商业", "企业", "",
         "一、本年新收政府信息", "公开申请数量", "二、上年结转政府信息", "公开申请数量", "", "三", "、", "本", "年", "度",
         "办", "理", "结", "果", "", "（一）予以公开", "（二）部分公开", "（区分处理的，只", "计这一情形，不计", "其他情形）",
         "", "1.属于国家", "秘密", "2.其他法律", "行政法规禁", "止公开", "3.", "“危及 三安", "全一稳定", "”",
         "4.保护第三", "方合法权益", "5.属于三类", "内部事务信", "息", "6.属于四类", "过程性信息", "7.属于行政",
         "执法案卷", "8.属于行政", "查询事项", "（ 1.本机关不", ""]
#: the header words printed before each column of the header page (the foot before 总计's)
_BEFORE = {2: ["科", "研", "机", "构"], 3: ["申请人情况", "法人或其他组织", "", "社会", "公益", "组织", "", "法律服",
                                          "务机构", "", "其他", ""], 6: ["第 2 页", "", "总", "计", ""]}
_REPEATED = ["\x0c本列数据的勾稽关系", "", "自然人", "", "申请人情况", "法人或其他组织", "", "商业", "企业", "", "社会",
             "公益", "组织", "", "科", "研", "机", "构", "", "法律服", "务机构", "", "其他", ""]
_LABELS = ["", "四", "）", "无", "法", "提", "供", "", "（", "五", "）", "不", "予", "处", "理", "", "掌握相关政",
           "府信息", "2.没有现成", "信息需要另", "行制作", "3.补正后申", "请内容仍不", "明确", "1.信访举报", "投诉类申请",
           "2.重复申请", "3.要求提供", "公开出版物", "4.无正当理", "由大量反复", "申请", "5.要求行政", "机关确认或",
           "重新出具已", "获取信息", "1.申请人无", "正当理由逾", "期不补正、", "行政机关不", "再处理其政", "府信息公开",
           "申请", "2.申请人逾", "期未按收费", "通知要求缴", "纳费用、行", "政机关不再", "处理其政府", "信息公开申", "请",
           "3.其他", "（七）总计", "", "四、结转下年度继续办", "理", "", "\x0c四、政府信息公开行政复议、行政诉讼情况"]


def _cell(r: int, c: int) -> int:
    return _TABLE.get(_ROWS[r], [0] * 7)[c]


def _band(first: int, k: int, before: dict[int, list[str]] | None = None, boxed: bool = False) -> list[str]:
    """Rows ``first``.. ``first + k - 1`` column by column: each cell a box of its own (a tall row), or each column's
    cells one box (``boxed``: rows of one-line labels standing close)."""
    out: list[str] = []
    for c in range(7):
        out += (before or {}).get(c, [])
        cells = [str(_cell(first + r, c)) for r in range(k)]
        out += cells + [""] if boxed else [x for cell in cells for x in (cell, "")]
    return out


def _lines(head_page: list[str] | None = None) -> list[str]:
    page1 = _band(0, 13, _BEFORE) if head_page is None else head_page
    return _HEAD + page1 + _REPEATED + _band(13, 8) + _band(21, 1) + _band(22, 3, boxed=True) + _LABELS


def test_the_whole_table_is_read_from_its_numbers_in_bands_never_proven() -> None:
    lines = _lines()
    assert lines[lines.index(_REPEATED[0]) - 2] == "2"      # the header page's last cell: its folio's number
    got = read_region_bands(lines, {})
    assert got is not None and len(got) == 175
    assert all(not x.missing for x in got.values())
    assert all(got[f"applications.{r}.{c}"].value == _cell(i, j)
               for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS))
    assert {x.method for x in got.values()} == {Method.T3_REGION_BANDS}
    flagged = guessed(got)
    assert flagged["applications.total_processed.total"] == "READ.T3_REGION_BANDS"   # the cut placed it: a guess
    assert set(flagged) == set(got)


def test_a_page_that_printed_its_foot_gives_back_a_last_cell_equal_to_its_number() -> None:
    lines = _lines()
    last = lines.index(_REPEATED[0]) - 2
    assert last in page_feet(lines)                          # every other reader: the page's folio, as before
    assert last in marked_feet(lines)                        # but 第 2 页 printed on the page: maybe 总计's cell
    bare = [("" if x == "第 2 页" else x) for x in lines]
    assert last not in marked_feet(bare)
    assert read_region_bands(bare, {}) is None               # no foot printed: the 2 is the folio, 174 numbers


def test_a_number_short_or_one_beside_a_label_leaves_the_table_unread() -> None:
    lines = _lines()
    short = lines[:]
    short[short.index("23")] = ""                            # a cell lost: 174 numbers
    assert read_region_bands(short, {}) is None
    beside = lines[:]
    beside[beside.index("（一）予以公开")] = "（一）予以公开 12"     # a row's cells beside its label: another layout
    assert read_region_bands(beside, {}) is None


def test_nothing_is_read_where_a_reader_read_a_cell() -> None:
    from llm_extract.evidence import CellKind, Reading
    read = {"applications.granted.total": Reading(kind=CellKind.NUMBER, value=12, raw="12", lines=[1], method="label")}
    assert read_region_bands(_lines(), read) is None
