"""A Word table LibreOffice printed, read by pdfminer's ``pdf2txt.py -A`` (pdfcol18b, look2 018): every box a line and
a blank line. The first row comes as a band (its label, then its seven cells across); below it the 自然人 cells stand
close to the labels and come with them, runs of them after a few labels or one on a label's own line
(``3.危及“三安全一稳定” 0``: the row's first cell glued to its label); then the labels left, and only then the six
other columns of the 24 rows below in pdfminer's grouping (其他 and 总计 in bands of their own). The band and the
自然人 column are read in the printed order, the column's identities and each glued cell's label agreeing, and each
other column's run where its identities hold (商业企业 … 法律服务机构), the last columns' numbers (其他 and 总计,
printed in bands of a few rows each) cut into bands column by column where every row's sum chooses one cut; never
proven (the order is the tool's)."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.readings import reading
from llm_extract.extract.t3leadcolumn import read_lead_column
from llm_extract.form import FORM
from verify.guesses import guessed

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_TABLE = {"new_received": [5, 2, 0, 0, 1, 0, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
          "granted": [3, 2, 0, 0, 1, 0, 6], "denied_third_party": [1, 0, 0, 0, 0, 0, 1],
          "unavailable_not_held": [1, 0, 0, 0, 0, 0, 1], "total_processed": [5, 2, 0, 0, 1, 0, 8],
          "carried_forward": [1, 0, 0, 0, 0, 0, 1]}
_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，",
           "1.属于国家秘密", "2.其他法律行政法规禁止", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
           "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府", "2.没有现成信息需要另行",
           "3.补正后申请内容仍不明", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申",
           "5.要求行政机关确认或重", "1.申请人无正当理由逾期", "2.申请人逾期未按收费通", "3.其他", "（七）总计",
           "四、结转下年度继续办理"]
_HEAD = ["三、收到和处理政府信息公开申请情况", "", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）", "",
         "申请人情况", "", "法人或其他组织", "", "自然人", "", "商业企业", "", "科研", "机构", "", "社会", "公益", "组织", "",
         "法律服务", "机构", "", "总计", "", "其他", ""]


def _cell(r: int, c: int) -> int:
    return _TABLE.get(_ROWS[r], [0] * 7)[c]


def _boxes(texts: list[str]) -> list[str]:
    return [x for t in texts for x in (t, "")]


def _lines(glued_on: int = 7, total_first: bool = False, first: int = 1, swapped: bool = False) -> list[str]:
    """The region as pdf2txt.py -A prints it, its ``first`` rows a band (0: none, 自然人's cells after six labels); 4.保护第三方合法权益's 自然人 cell glued to
    row ``glued_on``'s label;
    其他 and 总计 of the rows below in three bands (the last 12 rows, the one above, the others), 总计's cells first
    where ``total_first``."""
    natural = [str(_cell(r, 0)) for r in range(len(_ROWS))]
    band = [[str(_cell(r, c)) for r in range(first)] for c in range(7)]  # the first rows, column by column
    if swapped:                     # 总计 printed before 其他, as the header prints its words (and the runs below)
        band[5:7] = band[5:7][::-1]
    if first > 1:                   # 社会公益组织's and 法律服务机构's cells boxed together: the first row's pair apart
        band[3:5] = [[band[3][0], band[4][0]], band[3][1:] + band[4][1:]]
    out = _HEAD + _boxes(_LABELS[:first] + [x for column in band for x in column])
    out += _boxes(_LABELS[first:6] + natural[first:6])                  # … 2.其他法律: their 自然人 cells after them
    out += _boxes([f"{_LABELS[r]} {natural[6 if r == 6 else 7]}" if r in (6, glued_on) else _LABELS[r]
                   for r in range(6, 12)])                              # two of them glued to their labels
    out += _boxes(natural[8:12] + _LABELS[12:22] + natural[12:] + _LABELS[22:])
    below = [[str(_cell(r, c)) for r in range(first, len(_ROWS))] for c in range(1, 7)]
    n = len(_ROWS) - first
    out += _boxes([x for column in below[:4] for x in column])          # 商业企业 … 法律服务机构
    if swapped:
        return out + _boxes(below[5] + below[4]) + ["四、政府信息公开行政复议、行政诉讼情况", ""]
    pair = (below[5], below[4]) if total_first else (below[4], below[5])
    out += _boxes([x for a, b in ((0, n - 13), (n - 13, n - 12), (n - 12, n)) for column in pair for x in column[a:b]])
    return out + ["四、政府信息公开行政复议、行政诉讼情况", ""]


def test_the_first_band_and_the_natural_person_column_are_read_in_printed_order_never_proven() -> None:
    got = read_lead_column(_lines(), {})
    assert got is not None
    expected = {f"applications.{_ROWS[0]}.{c}": _cell(0, j) for j, c in enumerate(_COLS)}
    expected |= {f"applications.{r}.{c}": _cell(i, j) for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS)}
    assert {p: r.value for p, r in got.items()} == expected             # 其他 and 总计: the bands' cut, the sums
    assert {r.method for r in got.values()} == {Method.T3_LEAD_COLUMN}
    flagged = guessed(got)
    assert set(flagged) == set(got) and set(flagged.values()) == {"READ.T3_LEAD_COLUMN"}


def test_a_cell_glued_to_another_rows_label_reads_nothing() -> None:
    # 4.保护第三方合法权益's cell on 5.属于三类内部事务信息's line: the column's order and the labels disagree
    assert read_lead_column(_lines(), {}) is not None
    assert read_lead_column(_lines(glued_on=8), {}) is None


def test_a_column_that_breaks_its_identities_reads_nothing() -> None:
    lines = _lines()
    at = lines.index("4.保护第三方合法权益 1")
    lines[at] = "4.保护第三方合法权益 2"                                  # 七 no longer the outcome rows' sum
    assert read_lead_column(lines, {}) is None


def test_a_row_another_reader_read_breaking_its_sum_is_no_known_cell_its_first_cell_read_again() -> None:
    # the seven 自然人 cells printed after 4.无正当 … 3.其他's labels taken by a row reader for a row of its own
    taken = {f"applications.other_unpaid_fee.{c}": reading(parse_cell(v), [1], Method.CELLS_AFTER_LABEL)
             for c, v in zip(_COLS, ["0", "0", "0", "0", "1", "5", "1"])}
    got = read_lead_column(_lines(), taken)
    assert got is not None and got["applications.other_unpaid_fee.natural_person"].value == 0
    kept = {f"applications.other_unpaid_fee.{c}": reading(parse_cell(v), [1], Method.CELLS_AFTER_LABEL)
            for c, v in zip(_COLS, ["2", "0", "0", "0", "1", "3", "6"])}
    assert read_lead_column(_lines(), kept) is None      # a row read keeping its sum: its 2 against the column's 0


def test_a_run_breaking_its_columns_identities_is_not_read() -> None:
    lines = _lines()
    heads = [i for i, x in enumerate(lines) if x == "四、结转下年度继续办理"]
    runs = heads[-1] + 2                                                # the first of 商业企业's 24 cells
    lines[runs + 2] = "3"                                               # （一）予以公开's 商业企业: 3, not 2
    got = read_lead_column(lines, {})
    assert got is not None and not any(p.endswith(".commercial") and p != "applications.new_received.commercial"
                                       for p in got)
    assert got["applications.granted.research"].value == 0               # the runs after it are read still


def test_last_columns_printed_in_another_order_than_the_forms_stay_unread() -> None:
    got = read_lead_column(_lines(total_first=True), {})
    assert got is not None and "applications.granted.legal_service" in got
    assert not any(p.endswith((".other_org", ".total")) and p.split(".")[1] != "new_received" for p in got)


def test_a_first_band_whose_columns_come_in_groups_is_read_where_one_cut_keeps_every_row_sum() -> None:
    got = read_lead_column(_lines(first=3), {})          # 0 1 / 0 0 / 0 1: 社会公益组织 and 法律服务机构 of 一、二、（一）
    assert got is not None
    assert {p: r.value for p, r in got.items()} == {f"applications.{r}.{c}": _cell(i, j)
                                                    for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS)}


def test_columns_printed_total_before_other_are_read_where_the_rows_sums_choose_that_order() -> None:
    got = read_lead_column(_lines(first=3, swapped=True), {})
    assert got is not None
    assert {p: r.value for p, r in got.items()} == {f"applications.{r}.{c}": _cell(i, j)
                                                    for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS)}


def test_a_natural_person_column_printed_whole_among_the_labels_no_band_is_read_with_the_runs_after_it() -> None:
    # 一、 … 2.其他法律: six labels, then their six 自然人 cells (no band of seven a row): Chromium's page
    got = read_lead_column(_lines(first=0), {})
    assert got is not None
    assert {p: r.value for p, r in got.items()} == {f"applications.{r}.{c}": _cell(i, j)
                                                    for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS)}
    assert {r.method for r in got.values()} == {Method.T3_LEAD_COLUMN}
