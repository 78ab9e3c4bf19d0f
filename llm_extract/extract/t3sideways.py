"""表三 printed on its side: the applicant columns as rows, the form's 25 rows as columns.

Some agencies redraw 表三 wide, in a landscape table: its header names the form's rows (一、本年新收…,
二、上年结转…, 三、本年度办理结果 over （一）予以公开 … （七）总计, 四、结转下年度继续办理; the groups'
items under their titles), and each line of the body is one applicant column, named first, then its 25
numbers (a web page's or Word file's text: the name and its numbers one cell to a line; a PDF's: on one
line)::

    申请人情况
    本年新收政府信息公开申请数量
    …
    属于国家秘密
    …
    自然人
    14
    0
    …
    商业企业
    …

Read here only when

* the header, before the first named line, names every one of the form's 25 rows, and the rows of each
  level of the header (the first level's 一、二、四, the second's （一）（二）（七）, each group's items) in the
  form's order: the columns of the body stand in the order the header names them, and a header of several
  levels prints each level's names left to right;
* the body holds exactly seven lines naming an applicant column (the form's names or the header's other
  words for them, :attr:`Column.also`; 合计 for 总计), each named once, each followed by exactly 25 numbers
  (on its line or on lines of numbers alone after it) before the next text.

Each number is then the cell of the row its place names and of the column its line names: the names place
them, as a header does, so the identities check the reading as they check any table's (``Method.T3_SIDEWAYS``).
A column printed with a blank cell left empty (a line of its own dropped) holds 24 numbers: no place says which
is missing, and the table is left to the other readers.
"""

from __future__ import annotations

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, heading_span, printed_lines
from .labels import rows_named
from .layout import label_key
from .readings import Readings, reading

__all__ = ["read_sideways"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_NAMES: dict[str, str] = {}
for _c in FORM.table3_columns:
    for _name in (_c.label, *_c.also):
        _NAMES[label_key(_name)] = _c.key
_NAMES.setdefault(label_key("合计"), "total")

#: the form's rows by the header level that names them: the groups' items under their group's title, the
#: first level (一、二、四) and the second (（一）（二）（七）) each a level of its own
_LEVELS = FORM.table3_levels


def _header_in_order(named: list[str]) -> bool:
    """Whether ``named`` (the rows the header names, in its text's order, a row named again after its first
    naming left out) is every row of the form, each level's rows in the form's order."""
    if sorted(named, key=_ROWS.index) != sorted(_ROWS, key=_ROWS.index) or len(named) != len(_ROWS):
        return False
    for level in set(_LEVELS.values()):
        printed = [r for r in named if _LEVELS[r] == level]
        if printed != [r for r in _ROWS if _LEVELS[r] == level]:
            return False
    return True


def read_sideways(lines: list[str]) -> Readings | None:
    """表三 read from a table printed on its side (see the module's docstring), or ``None``."""
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    named: list[str] = []
    body: dict[str, list[Number]] = {}
    current: list[Number] | None = None
    for _, raw, text, numbers in printed_lines(lines, *span):
        column = _NAMES.get(label_key(text)) if text else None
        if column is not None and (numbers or body or not named or len(named) == len(_ROWS)):
            if column in body:
                return None                     # (a column named twice: no reading)
            body[column] = current = list(numbers)
            continue
        if text:
            if body:
                current = None                  # (text after the body's numbers: a note, a footer)
                continue
            for row in rows_named(label_key(text))[:1]:
                if row not in named:
                    named.append(row)
            continue
        if current is None:
            if body:
                return None                     # (numbers no name owns)
            continue
        current += numbers
    if sorted(body) != sorted(_COLS) or any(len(v) != len(_ROWS) for v in body.values()):
        return None
    if not _header_in_order(named):
        return None
    return {f"applications.{row}.{col}": reading(n.cell, [n.line], Method.T3_SIDEWAYS)
            for col, numbers in body.items() for row, n in zip(_ROWS, numbers)}
