"""A 表三 label a converter wrapped over several grid lines (Markdown): the pieces of its text on the lines above or
below its own, and the line among them that holds its numbers.

:func:`label_fields` gives a grid line's label text (the group titles a converter repeats on every line aside);
:func:`label_continued` follows a label's text down to its numbers, :func:`label_continued_above` up to them,
:func:`label_over_page` back over a page break to the row's head and numbers on the page before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from ..evidence import CellKind
from ..form import FORM
from .labels import rows_named
from .layout import Item
from .rowbounds import numbered

__all__ = ["label_fields", "label_continued", "label_continued_above", "label_over_page", "lines_above",
           "CONTINUED_LINES"]


def lines_above(items: list[Item], idx: int) -> Iterator[tuple[int, list[Item]]]:
    """The lines above item ``idx``'s line, nearest first: each line's number and its items in line order."""
    j = idx - 1
    while j >= 0 and items[j].line == items[idx].line:
        j -= 1
    while j >= 0:
        line, end = items[j].line, j + 1
        while j >= 0 and items[j].line == line:
            j -= 1
        yield line, items[j + 1:end]


def label_fields(line_items: list[Item], lo: int, besides: set[str], first: int = 0) -> str:
    """The text of a grid line's label fields (from field ``first``) but those in ``besides`` (the group titles a
    converter repeats on every line of their group); a label repeated in every field it spans counts once."""
    keys: list[str] = []
    for it in line_items:
        if it.is_text and first <= (it.col or 0) < lo and it.key not in besides and (not keys or keys[-1] != it.key):
            keys.append(it.key)
    return "".join(keys)


#: lines of a label's text a converter may wrap below a grid row before the line with its numbers
CONTINUED_LINES = 4


def label_continued(row: str, label: Item, own: list[Item], by_line: Mapping[int, list[Item]],
                     lo: int) -> tuple[int, list[Item]] | None:
    """A label whose grid line holds only empty fields, its text wrapped over the lines below (their label
    fields hold its rest, their value fields are empty) down to a line with its numbers (LibreOffice's
    PDF through pymupdf4llm: ``|年度办|（二|）部分公开|| … |``, ``|理结果|（区|分处理的，只|| … |``,
    ``||计这<br>其他|一情形，不计<br>情形）|0|0| … |``). (the numbers' line, its items) where the texts
    together name this row and none names another; (the label's line, []) where the label goes on below
    to a line of numbers that cannot be told its own (the row is then not read: its fields are no blank
    cells); ``None`` where the next line does not go on with the label's text or no numbers follow."""
    pieces: list[str] = []
    besides = {it.key for it in own if it.is_text} | {label.key}     # group titles repeated on every line
    for n in sorted(n for n in by_line if n > label.line)[:CONTINUED_LINES + 1]:
        line_items = by_line[n]
        if any(it.is_text and (it.col or 0) >= lo for it in line_items):
            break                                   # a word among the value fields: no row of this grid
        piece = label_fields(line_items, lo, besides, label.col or 0)   # (its group's titles: no piece)
        if piece and (numbered(piece) or set(rows_named(piece)) - {row}
                      and rows_named(label.key + "".join(pieces) + piece) != [row]):
            break                                   # another row's label (not a tail two labels share, 行政机关…申请)
        if any(it.is_value and it.cell.is_number for it in line_items):
            if not pieces:
                return None
            return (n, line_items) if row in rows_named(label.key + "".join(pieces) + piece) else (label.line, [])
        if not piece or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in line_items):
            break
        pieces.append(piece)
    return None                                     # no numbers below: its fields are its (blank) cells


def label_continued_above(row: str, label: Item, idx: int, items: list[Item], own: list[Item],
                           by_line: Mapping[int, list[Item]], lo: int) -> tuple[int, list[Item]] | None:
    """A label whose grid line holds only empty fields and whose text began on the lines above: a converter wrapped
    it over three or more grid lines, its numbers on the first (``| （六）其他处理１．申请人无正 | 0 | … |`` /
    ``| 当理由 |  | … |`` / ``| 逾期不补正、行政机关不再处理其政府信息公开申请 |  | … |``): (the numbers' line, its
    items) where the lines between hold pieces of label text and empty fields only, and the texts together, from
    the numbers' line down (and the label's own rest on the lines below it, as empty), name this row while the
    numbers' line's piece names no other. ``None`` otherwise (two lines are :func:`_wrapped_label_row`'s)."""
    besides = {it.key for it in own if it.is_text} | {label.key}     # group titles repeated on every line
    tail = ""
    for n in sorted(n for n in by_line if n > label.line)[:CONTINUED_LINES]:
        piece = label_fields(by_line[n], lo, besides, label.col or 0)
        if not piece or numbered(piece) or any(it.is_value and it.cell.kind is not CellKind.BLANK or it.is_text
                                               and (it.col or 0) >= lo for it in by_line[n]):
            break
        tail += piece
    pieces: list[str] = []
    for _, (line, line_items) in zip(range(CONTINUED_LINES + 1), lines_above(items, idx)):
        if not line_items[-1].grid:
            return None
        if (line_items[0].width or 0) != (label.width or 0) or any(it.is_text and (it.col or 0) >= lo
                                                                   for it in line_items):
            return None
        piece = label_fields(line_items, lo, besides, label.col or 0)
        if not piece or set(rows_named(piece)) - {row}:
            return None
        if any(it.is_value and it.cell.is_number for it in line_items):
            joined = piece + "".join(reversed(pieces)) + label.key
            return (line, line_items) if rows_named(joined + tail) == [row] and (pieces or tail) else None
        if numbered(piece) or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in line_items):
            return None
        pieces.append(piece)
    return None


#: a row's head that is its item number alone (``２．``, ``1、``): the rest of its label past a page break
_ITEM_ALONE = re.compile(r"^(\d{1,2})[.、]?$")
#: each 表三 sub-row's item number (2.没有现成信息需要另行制作: 2)
_ITEM_OF = {r.key: m.group(1) for r in FORM.table3_rows if (m := re.match(r"(\d{1,2})[.、]", r.label))}
#: lines between a row's head and its rest over a page break: the next page's repeated header, at most
_HEADER_LINES = 6


def label_over_page(row: str, label: Item, idx: int, items: list[Item], own: list[Item], lo: int
                    ) -> tuple[int, list[Item]] | None:
    """A sub-row's label whose grid line holds only empty fields, the first row under the header a page repeats
    (a converter starts a new table at a page break), whose item number and numbers ended the page before: Word
    broke the row over the page (``| （四）无法提供 | ２． | 0 | … |`` / the next page's header lines /
    ``| | 没有现成信息需要另行制作 |  | … |``). (the numbers' line, its items) where the lines between hold no
    value and name no row, and the numbers' line's label field is this row's item number alone; else None (its
    empty fields are then read as they stand)."""
    item = _ITEM_OF.get(row)
    besides = {it.key for it in own if it.is_text} | {label.key}
    between = 0
    for line, line_items in lines_above(items, idx):
        if any(it.is_value and it.cell.is_number for it in line_items):
            head = unicodedata.normalize("NFKC", label_fields(line_items, lo, besides, label.col or 0))
            if not between or item is None or not line_items[-1].grid \
                    or (line_items[0].width or 0) != (label.width or 0) \
                    or not (m := _ITEM_ALONE.match(head)) or m.group(1) != item:
                return None
            return line, line_items
        if between == _HEADER_LINES or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in line_items) \
                or rows_named("".join(it.key for it in line_items if it.is_text)):
            return None
        between += 1
    return None
