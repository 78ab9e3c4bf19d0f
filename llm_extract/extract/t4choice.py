"""When fifteen printed numbers are not 表四's fifteen cells: cells between them that the choice would skip.

表四's reader takes the fifteen numbers of the section as its cells where exactly fifteen stand there. Two things
printed among them say otherwise: a placeholder or an OCR cell of letters alone (``o`` for 0) between the first
number and the last (``- 0 0 0 — …``: a cell, so a date or a phone number under the table, or a number split in
two, ``2 5``, made up the count), and a group's row of empty cells right after its
label (行政复议 and five empty cells, then the other rows and a 合计 row). A mark printed before the column headers
(a web page's table rule ``---`` in a crawler's one-line dump, the headers after it) is no cell of the rows below
them: it makes up no count. The last fifteen values, a cell to a line, that begin inside a run of lines (the
header's empty fields, then an empty line, then fourteen cells: the run's last empty field made up the count) are
not the table's cells either. Nor are fifteen empty cells (a header's empty fields) before cells printed with
digits that read as no count (``0.``, ``1,``: a converter's or OCR's cells): the values are those, unread. Nor
are fifteen values all printed before a group's name that has cells of its own after it (表四 printed as three
blocks, each its group's name, its five column headers, spacer rows and its row: the first block's empty spacer
rows and its numbers make fifteen, which would put 行政复议's numbers under 复议后起诉).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import CellKind
from ..form import FORM
from .cells import nfkc
from .glued import forced_cells
from .layout import Item
from .t4lines import group_of

__all__ = ["placeholder_among", "leaves_a_groups_cells", "mark_before_headers", "last_cells_cut_a_run",
           "unread_cells_after", "group_named_after", "run_together_cells"]

#: a cell's text at most this long: a count with a stray mark (``0.``), not a sentence or a date under the table
_CELL_CHARS = 6

#: 表四's column headers, whole (结果维持 … 尚未审结): a text holding them is the header, not a header's piece
_COLUMN_WORDS = tuple(c.label for c in FORM.table4_columns if len(c.label) > 2)


def placeholder_among(values: list[Item], numbers: list[Item]) -> bool:
    """A placeholder printed between the first number and the last (``- 0 0 0 — 0 …``): a cell, so fifteen numbers
    around it are not the fifteen cells (a date or a phone number after the table may make up the count)."""
    first, last = values.index(numbers[0]), values.index(numbers[-1])
    return any(it.cell.kind is CellKind.PLACEHOLDER or _letters_alone(it) for it in values[first:last])


def _letters_alone(it: Item) -> bool:
    """An OCR cell of letters alone (``o``, ``D``): unreadable, but a cell in its place all the same."""
    return it.cell.kind is CellKind.MISSING and isinstance(it.cell.value, int)


def leaves_a_groups_cells(items: list[Item], chosen: list[Item]) -> bool:
    """Rows of a label and its cells, and empty cells printed right after a group's label (行政复议 and five empty
    cells: no case) that the fifteen chosen leave out: they are that group's cells, so the fifteen are not the
    table's."""
    first, last = chosen[0].line, chosen[-1].line      # (a chosen cell may be made anew: an OCR'd bar read as 1)
    if not any(it.is_text and group_of(it.key) is not None and first <= it.line <= last for it in items):
        return False                    # the fifteen not in labelled rows (a header's empty cells above them)
    kept = set(map(id, chosen))
    label: Item | None = None
    for it in items:
        if it.is_text:
            label = it
        elif it.cell.kind is not CellKind.BLANK:
            label = None                # (empty cells after a row's numbers: a table's trailing empty row)
        elif id(it) not in kept and label is not None and group_of(label.key) is not None:
            return True
    return False


def mark_before_headers(items: list[Item], chosen: list[Item]) -> bool:
    """Fifteen chosen values whose empty marks stand before 表四's column headers and whose numbers all after them
    (``--- 结果维持…总计0 0 0 …``: a web page's table rule, then the headers with a cell glued to their last word):
    the marks are not the rows' cells, so the numbers after the headers are not fifteen."""
    numbers = [it for it in chosen if it.cell.is_number]
    if not numbers or len(numbers) == len(chosen):
        return False
    at = {id(it): n for n, it in enumerate(items)}
    first = at.get(id(numbers[0]))
    if first is None:
        return False
    header = next((n for n in range(first - 1, -1, -1) if items[n].is_text
                   and any(w in items[n].key for w in _COLUMN_WORDS)), None)
    return header is not None and any(not it.cell.is_number and at.get(id(it), first) < header for it in chosen)


def _run_goes_on(lines: Sequence[str], above: int, below: int) -> bool:
    """Whether 1-based lines ``above`` … ``below`` are one run of lines: no empty line (not even a tab) between."""
    return all(lines[n - 1].strip(" \r") for n in range(above + 1, below) if 0 < n <= len(lines))


def last_cells_cut_a_run(values: list[Item], lines: Sequence[str]) -> bool:
    """Whether the last fifteen values, one to a line, span two runs of lines (an empty line between) and the first
    of them begins inside its run, the value before it on the line above in that run (``\\t`` nine times, the header's
    empty fields, an empty line, then fourteen cells ``\\t-`` / ``\\t0`` …, two merged in one ``00``): the run's last
    empty field made up the count of fifteen, and every cell read a column too far."""
    if len(values) < 16 or not lines:
        return False
    last = values[-15:]
    before, first = values[-16], last[0]
    if len({it.line for it in last}) != 15 or before.line == first.line:
        return False                    # (a cell to a line only)
    spans = any(not _run_goes_on(lines, a.line, b.line) for a, b in zip(last, last[1:]))
    return spans and first.line == before.line + 1 and _run_goes_on(lines, before.line, first.line)


def unread_cells_after(items: list[Item], chosen: list[Item]) -> bool:
    """Are ``chosen`` all empty cells, followed in the section by short texts with digits that read as no count
    (``0.`` fifteen times: the table's cells, unreadable)? Then the empty fields are a header's, not the values."""
    if not all(it.cell.kind is CellKind.BLANK for it in chosen):
        return False
    last = max(it.line for it in chosen)
    return any(it.line > last and not it.is_value and len(it.raw) <= _CELL_CHARS
               and any(ch.isdigit() for ch in it.raw) for it in items)


def group_named_after(items: list[Item], chosen: list[Item]) -> bool:
    """Whether a text naming one of 表四's groups (行政诉讼（复议后起诉）) stands after the last of ``chosen``, with
    value cells (empty ones too) after it: that group's own block of cells, so the fifteen are not the table's
    (a one-row table names its groups in its header, above its numbers)."""
    at = {id(it): n for n, it in enumerate(items)}
    last = max((at[id(it)] for it in chosen if id(it) in at), default=None)
    if last is None:
        return False
    named = next((n for n in range(last + 1, len(items)) if items[n].is_text and group_of(items[n].key) is not None),
                 None)
    return named is not None and any(it.is_value for it in items[named + 1:])


def run_together_cells(chosen: list[Item]) -> list[int] | None:
    """The cells of fifteen values one of which is printed with a leading zero (``01``, ``00``): no count is written
    so, the token is cells run together and the fifteen values are not the table's cells (a blank among them may be
    the column the merge emptied). Each leading zero then is a cell of 0, the rest one number, the blanks dropped:
    the fifteen numbers that makes when it makes fifteen, an option for the identities, never proof; ``[]`` when it
    makes another count; None when no value has a leading zero."""
    digits = [nfkc(it.cell.raw).strip() for it in chosen]
    if not any(len(d) > 1 and d[0] == "0" and d.isdigit() for d in digits):
        return None
    parts = [d for it, d in zip(chosen, digits) if it.cell.kind is not CellKind.BLANK]
    if not all(d.isdigit() for d in parts):
        return []
    cells = forced_cells(parts, len(chosen))
    return [] if cells is None or any(v is None for v in cells) else [v for v in cells if v is not None]
