"""表三 printed as two tables, its columns split between them (a wide table cut for a narrow page).

Some reports print 表三 in two parts, one under the other, each with the form's 25 row labels: the first
part holds the first ``a`` columns (自然人, 商业企业, 科研机构, 社会公益组织), the second, headed again
(often ``（续表）``), the other ``7 - a`` (法律服务机构, 其他, 总计)::

    一、本年新收政府信息公开申请数量 | 185 | 151 | 15 | 0
    …
    四、结转下年度继续办理           | 0   | 11  | 0  | 0
    （续表）  法律服务机构 | 其他 | 总计
    一、本年新收政府信息公开申请数量 | 0 | 0 | 351
    …

Read row by row, each label would take four cells, then again three: the second part's rows overwrite or
confuse the first's. Here both parts are joined into one table of seven cells a row, the second part's
cells after the first's, before the rows are read (:func:`joined_column_parts`).

Joined only where the printing leaves no doubt: the same rows are labelled in both parts, in the form's
order; every row of the first part holds the same number ``a`` of cells and every row of the second the
same ``b``, with ``a + b`` the form's seven (a row's further cells only the empty cells a spanning label
leaves, as Word's grids print them); and the second part's header names the column it starts with
(法律服务机构 for ``a = 4``). The joined cells are then read and checked by the identities like any row's.
A report printing two whole tables (a department's and a unit's, seven cells a row each) is never joined.
"""

from __future__ import annotations

from ..form import FORM
from .layout import Item
from .table3_labels import find_labels

__all__ = ["joined_column_parts", "parts_printed_whole"]

_WIDTH = len(FORM.table3_column_keys)
#: the words a header prints for each column, in the form's order (自然人 … 总计), shortest form first
_HEAD_WORDS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
#: rows a part may lack (（六）其他处理's three sub-rows printed as one row are read elsewhere): none;
#: the two parts must label the same rows, at least this many
_MIN_ROWS = 20


def _spans(items: list[Item], labels: dict[str, int], stop: int) -> dict[str, list[int]]:
    """Each labelled row's value items (indices) between its label and the next label (or ``stop``)."""
    order = sorted(labels.items(), key=lambda kv: kv[1])
    out: dict[str, list[int]] = {}
    for k, (row, idx) in enumerate(order):
        end = order[k + 1][1] if k + 1 < len(order) else stop
        out[row] = [i for i in range(idx + 1, end) if items[i].is_value]
    return out


def _width(items: list[Item], spans: dict[str, list[int]]) -> int | None:
    """The one cell count every row of a part prints: its longest row without the empty cells a spanning label
    leaves at its end; ``None`` where a row holds fewer cells, or more that are not empty."""
    def core(span: list[int]) -> int:
        n = len(span)
        while n and items[span[n - 1]].raw.strip() == "" and not items[span[n - 1]].cell.is_number:
            n -= 1
        return n
    width = max((core(s) for s in spans.values()), default=0)
    if not width or any(len(s) < width for s in spans.values()):
        return None
    return width


def _names(header: str, word: str) -> bool:
    """Whether a header's text names a column: its characters in order, a narrow cell's wrapped pieces between
    them (pdftotext -layout prints ``法律服务机其他`` / ``构`` for 法律服务机构 beside 其他)."""
    rest = iter(header)
    return all(ch in rest for ch in word)


def parts_printed_whole(cell_lines: list[int], first: int) -> bool:
    """Whether a joined row's cells stand as each part printed them: each part's cells on one line (a fixed-width
    row of its own) or each cell on a line of its own (a cell-per-line export). A row's two lines are then its two
    parts, not one fixed-width row broken over two lines (where a placeholder's column would be unsure)."""
    def whole(lines: list[int]) -> bool:
        return len(set(lines)) in (1, len(lines))
    return whole(cell_lines[:first]) and whole(cell_lines[first:])


def joined_column_parts(items: list[Item]) -> tuple[list[Item], int] | None:
    """表三's items with its two column parts joined into rows of seven cells (see the module's docstring), and
    how many columns the first part prints; ``None`` where the table is not so printed."""
    first = find_labels(items)
    if len(first) < _MIN_ROWS or "carried_forward" not in first:
        return None
    last = first["carried_forward"]
    rest = find_labels(items[last + 1:])
    if set(rest) != set(first):
        return None
    second = {row: idx + last + 1 for row, idx in rest.items()}
    head_start = min(second.values())
    spans1 = _spans(items, first, head_start)
    spans2 = _spans(items, second, len(items))
    # the first part's last row ends where the second part's header begins: at its first text item
    tail = spans1["carried_forward"]
    header_text = [i for i in range(last + 1, head_start) if items[i].is_text]
    if header_text:
        spans1["carried_forward"] = [i for i in tail if i < header_text[0]]
    a, b = _width(items, spans1), _width(items, spans2)
    if a is None or b is None or a + b != _WIDTH:
        return None
    header = "".join(items[i].raw for i in header_text)
    if not _names(header, _HEAD_WORDS[a]) or any(_names(header, w) for w in _HEAD_WORDS[:a]):
        return None     # the second part's header must name its own first column, and none of the first part's
    moved = {spans1[row][a - 1]: [items[i] for i in spans2[row][:b]] for row in first}
    for row in first:
        anchor = items[spans1[row][a - 1]]
        for k, it in enumerate(moved[spans1[row][a - 1]]):
            if anchor.col is not None and it.col is not None:      # tab-separated rows: fields after the first's
                it.col = anchor.col + 1 + k
                it.width = (anchor.width or 0) + b
    out: list[Item] = []
    for i in range(0, header_text[0] if header_text else head_start):
        out.append(items[i])
        out += moved.get(i, [])
    last2 = spans2["carried_forward"][b - 1]
    out += items[last2 + 1:]
    return out, a
