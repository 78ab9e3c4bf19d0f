"""表三's rows printed apart from their labels: which row a line of numbers is (a row printed whole on one line),
the printed order says; where it does not follow its row's label (pdf2txt.py printing a group's labels, then their
rows' lines, in its boxes' order), two such rows of one group (the outcome rows of 三、; 一、 and 二、) trade places
keeping every identity: the cells where two such rows differ are read but never proven (``Method.FORM_ORDER_ROWS``,
``READ.ROW_ORDER``).
"""

from __future__ import annotations

import re

from ..form import FORM
from .blocktext import Number
from .cells import parse_cell

__all__ = ["TEXT", "Event", "order_doubted", "label_anchors", "row_printed_twice", "line_printed_twice", "swappable"]

_ROWS = FORM.table3_row_keys
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WIDTH = len(FORM.table3_columns)

#: one event of a region: a row's label (its row index in the form), other text (TEXT), or a number
Event = tuple[int, Number | None]
TEXT = -1


#: the groups of 表三's rows that trade places keeping every identity (the form's :attr:`~..form.spec.Form.table3_swap_groups`)
_GROUPS = FORM.table3_swap_groups


def swappable(a: str, b: str) -> bool:
    """Whether 表三's rows ``a`` and ``b`` trade places keeping every identity (one of the form's swap groups)."""
    return any(a in g and b in g for g in _GROUPS)


def order_doubted(events: list[Event], numbers: list[Number], rows: tuple[str, ...]) -> set[tuple[int, int]]:
    """The cells (row index into ``rows``, column) placed by the printed order alone where another row could stand.
    A row printed whole on one line (a box of pdf2txt.py's, whose boxes come in an order of their own; a column's
    cells top to bottom, or a row's a cell to a line, come in the page's order) and not right after its own label
    (its wrapped text may stand between; pdf2txt.py printing a group's labels, then their rows' lines) is doubted in
    each column where another such row of its swap group (:data:`_GROUPS`) holds another value: the two rows in
    the other order keep every identity, and which is which, only the tool's order says."""
    after_label: dict[int, int] = {}        # a run's first number → the label before it (past a wrapped label's text)
    label: int | None = None
    for row, number in events:
        if number is None:
            label = row if row != TEXT else label
            continue
        if label is not None:
            after_label[id(number)] = label
        label = None
    apart = {i for i, row in enumerate(rows)
             if len({n.line for n in numbers[i * _WIDTH:(i + 1) * _WIDTH]}) == 1
             and ((before := after_label.get(id(numbers[i * _WIDTH]))) is None or _ROWS[before] != row)}
    out: set[tuple[int, int]] = set()
    for group in _GROUPS:
        members = [i for i in apart if rows[i] in group]
        for c in range(_WIDTH):
            values = {numbers[i * _WIDTH + c].cell.value for i in members}
            if len(values) > 1:
                out.update((i, c) for i in members)
    return out


def label_anchors(events: list[Event]) -> list[int]:
    """The rows whose label is printed right before numbers, once each time (a row twice: printed twice)."""
    return [row for k, (row, number) in enumerate(events)
            if row != TEXT and number is None and k + 1 < len(events) and events[k + 1][1] is not None]


def row_printed_twice(events: list[Event]) -> bool:
    """Whether a row's label stands right before numbers twice: the row printed twice (a page break's copy), so
    the region's count of numbers is not the table's (the copy may make up an empty row's cells)."""
    anchors = label_anchors(events)
    return len(set(anchors)) != len(anchors)


def _printed(lines: list[str], line: int) -> str:
    """Line ``line``'s (1-based) text, its spaces (a page's no-break ones too) made one."""
    return " ".join(lines[line - 1].split()) if 0 < line <= len(lines) else ""


def _text_above(lines: list[str], line: int, stop: int) -> str:
    """The nearest line above ``line`` with any text, below line ``stop`` (its text, or "")."""
    for j in range(line - 1, stop, -1):
        if text := _printed(lines, j):
            return text
    return ""


def _worded(text: str) -> bool:
    """Whether a line's text holds a word of a label: a token that is no cell (a number, or a mark such as 无)."""
    return any(_HAN.search(tok) and not parse_cell(tok).is_value for tok in text.split())


def line_printed_twice(events: list[Event], lines: list[str]) -> bool:
    """Whether a row's line of numbers is printed again as the next line of numbers, no row's label between: the
    same text, a word of a label in it (``内容仍不明    0   0   0   0   0   0   0`` on both sides of a page's foot), or
    the same numbers under the same line of a label's words. A page break's copy of a row whose label piece names no
    row (no label stands before numbers twice): the region's count of numbers is not the table's (the copy may make
    up an empty row's cells, every row below it read a row too high). (一、 and 二、 print the same words,
    ``信息公开申请数量``, each under its own label: two rows.)"""
    pairs: list[tuple[int, int]] = []       # consecutive lines of numbers with no label between them
    last, labelled = 0, False
    for row, number in events:
        if number is None:
            labelled = labelled or row != TEXT
        elif number.line != last:
            if last and not labelled:
                pairs.append((last, number.line))
            last, labelled = number.line, False
    for a, b in pairs:
        text = _printed(lines, a)
        if text != _printed(lines, b):
            continue
        above = _text_above(lines, a, 0)
        if _worded(text) or (_worded(above) and above == _text_above(lines, b, a)):
            return True
    return False
