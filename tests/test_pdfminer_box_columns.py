"""``pdf2txt.py`` with ``boxes_flow=None`` (pdfminer.six's boxes sorted by their lower edges) of 表三.

Most rows come as a row's seven cells, a box each, in the page's order; the table's last rows, each column's
cells stacked in one box, come column by column, the columns in an order of the boxes' edges (自然人's box
last: ``0`` / ``3`` / ``3`` after 总计's ``0`` / ``9`` / ``12``). The row sums find that block's total column; the
column identities alone say which applicant column each other box is. Read where exactly one order keeps every
identity, and never proven: the same boxes may put a row's cell among another row's, and two outcome rows
trading their cells keep every identity.
"""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.formorder import read_form_order
from llm_extract.form import FORM

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_LABELS = [r.label for r in FORM.table3_rows]
_HEAD = ["三、收到和处理政府信息公开申请情况", "", "申请人情况", "", "法人或其他组织", "", "自然人", "", "总计", "",
         "其他", "", "商业企", "业", "", "科研机", "构", "", "社会公", "益组织", "", "法律服", "务机构", ""]
_T4 = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "结果维持", ""] + ["0", ""] * 15 \
    + ["五、存在的主要问题及改进情况", "", "无。"]
#: the printed order of the last block's column boxes (自然人 last)
_BOX_ORDER = (1, 2, 3, 4, 5, 6, 0)


def _table(natural: tuple[int, int], commercial: tuple[int, int], outcome: str = "granted") -> dict[str, list[int]]:
    """A table of zeros but 一、本年新收 (自然人, 商业企业: processed, carried forward) and the rows they went to."""
    t = {r: [0] * 7 for r in _ROWS}
    t["new_received"] = [natural[0] + natural[1], commercial[0] + commercial[1], 0, 0, 0, 0,
                         sum(natural) + sum(commercial)]
    t[outcome] = [natural[0], commercial[0], 0, 0, 0, 0, natural[0] + commercial[0]]
    t["total_processed"] = list(t[outcome])
    t["carried_forward"] = [natural[1], commercial[1], 0, 0, 0, 0, natural[1] + commercial[1]]
    return t


def _text(t: dict[str, list[int]], last: int = 3) -> list[str]:
    """pdfminer's order: the first rows' cells a box each, their labels, then the last rows by column boxes."""
    lines = list(_HEAD)
    first = len(_ROWS) - last
    for k, r in enumerate(_ROWS[:first]):
        lines += [line for v in t[r] for line in (str(v), "")]
        if k % 4 == 3:
            lines += [_LABELS[k - 3], _LABELS[k - 2], _LABELS[k - 1], _LABELS[k], ""]
    lines += [line for lab in _LABELS[first // 4 * 4:] for line in (lab, "")]
    for c in _BOX_ORDER:
        lines += [str(t[r][c]) for r in _ROWS[first:]] + [""]
    return lines + _T4


def test_the_last_rows_column_boxes_are_ordered_by_the_column_identities_and_never_proven() -> None:
    t = _table((3, 3), (6, 3))
    readings = read_form_order(_text(t), permute=True)
    assert readings is not None
    assert {r: [readings[f"applications.{r}.{c}"].value for c in _COLS] for r in _ROWS} == t
    assert {x.method for x in readings.values()} == {Method.FORM_ORDER_ROWS}


def test_two_applicant_columns_the_identities_weigh_alike_leave_the_block_unread() -> None:
    """自然人 and 商业企业 each received 3 applications: one column's went to 3.其他 (a row of the block), the other's
    to 结转下年度; their boxes (3 / 3 / 0 and 0 / 0 / 3) trading places keep every identity."""
    t = _table((3, 0), (0, 3), "other_other")
    assert read_form_order(_text(t), permute=True) is None
