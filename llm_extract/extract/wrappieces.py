"""A narrow cell's digits wrapped round its row, in text that keeps no positions: every placement an option.

A Word table whose number columns are a character wide wraps each count of two digits over two lines of its
cell, centred on the row. A text tool that prints a page's lines with single spaces (pdfplumber's
``extract_text``, pypdf) gives the wrapped cells' first pieces on the line above the row's numbers, their last
pieces on the line below, and the row's one-digit cells on its own line between::

    1 1
    一、本年新收政府信息公开申请数量 0 0 0 0 0
    5 5

That row is ``15 0 0 0 0 0 15``, or ``0 15 0 0 0 0 15``, …: nothing on the lines says which columns the wrapped
cells stand in (:mod:`.wrapdigits` reads them where the text keeps the columns' places). So the row is not read
here: it is left missing, and every placement of its wrapped cells among its columns (the others in printed
order) that keeps its row sum is an option for the whole table's identity search (``verify/``), which derives
the row where one placement alone keeps every identity, and queues it all the same.

A row is so read only where the line right above its numbers and the line right below each hold digit runs
only, as many as the row's line lacks cells, none claimed by another row; each pair a count (a first piece
never starting with 0, nor shorter than the last). The pieces are then no other row's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..evidence import Ambiguity, Method
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .labels import rows_named
from .layout import Item, label_key
from .readings import Readings, missing
from .wrapdigits import DIGITS, FIRST_PIECE

__all__ = ["WrappedRow", "wrapped_rows", "read_wrapped_row"]

_WIDTH = len(FORM.table3_columns)


@dataclass(frozen=True)
class WrappedRow:
    """A row's one-line cells (``middle``) and its wrapped cells' first and last pieces, in printed order."""

    middle: list[Item]
    top: list[Item]
    bottom: list[Item]

    @property
    def items(self) -> list[Item]:
        return [*self.top, *self.middle, *self.bottom]

    def wrapped(self) -> list[int]:
        """The wrapped cells' counts: each first piece, then its last."""
        return [int(t.raw + b.raw) for t, b in zip(self.top, self.bottom)]

    def options(self) -> list[list[int | None]]:
        """Every placement of the wrapped cells among the row's columns (the one-line cells in printed order in
        the others) that keeps its row sum (total = the six applicant columns)."""
        wrapped, middle = self.wrapped(), [it.cell.value for it in self.middle]
        out: list[list[int | None]] = []
        for slots in combinations(range(_WIDTH), len(wrapped)):
            row: list[int | None] = [None] * _WIDTH
            for s, v in zip(slots, wrapped):
                row[s] = v
            rest = iter(middle)
            row = [v if v is not None else next(rest) for v in row]
            if row[-1] == sum(v or 0 for v in row[:-1]):
                out.append(row)
        return out


def _tail(line: list[Item]) -> tuple[list[Item], list[Item]] | None:
    """A line's words and the values ending it; None where a value stands among its words."""
    k = len(line)
    while k and line[k - 1].is_value:
        k -= 1
    head, tail = line[:k], line[k:]
    return None if any(it.is_value for it in head) else (head, tail)


def _pieces(line: list[Item], count: int, row: str) -> list[Item] | None:
    """A line's ``count`` digit runs ending it, after words that name no row but ``row`` (a group title's
    characters printed down its column, ``三`` / ``、``; the row's own label, wrapped); None otherwise."""
    parts = _tail(line)
    if parts is None or len(parts[1]) != count or not all(DIGITS.match(it.raw) for it in parts[1]):
        return None
    return parts[1] if not set(rows_named(label_key("".join(it.raw for it in parts[0])))) - {row} else None


def _wrapped_at(row: str, label: Item, by_line: dict[int, list[Item]]) -> WrappedRow | None:
    """The row's wrapped cells round its label's line (``1 1`` / ``数量 0 0 0 0 0`` / ``5 5``), or round the line
    under it, the first pieces on the label's (``部分公开（区分处理的，只计这 4 4`` / ``度 0 0 0 0 0`` / ``一情形… 1 1``)."""
    own = _tail(by_line[label.line])
    if own is None or label not in own[0]:
        return None
    for at in (label.line, label.line + 1):
        parts = own if at == label.line else _tail(by_line.get(at, []))
        if parts is None or (at != label.line and set(rows_named(label_key("".join(it.raw for it in parts[0]))))):
            continue
        middle = parts[1]
        count = _WIDTH - len(middle)
        if not 0 < count < _WIDTH or not all(it.cell.is_number for it in middle):
            continue
        top, bottom = (_pieces(by_line.get(n, []), count, row) for n in (at - 1, at + 1))
        if top is not None and bottom is not None \
                and all(FIRST_PIECE.match(t.raw) and len(t.raw) >= len(b.raw) for t, b in zip(top, bottom)):
            return WrappedRow(middle, top, bottom)
    return None


def wrapped_rows(items: list[Item], order: list[tuple[str, int]],
                 spans: dict[str, list[Item]]) -> dict[str, WrappedRow]:
    """The rows of space-separated 表三 text whose cells wrapped round their line (see the module docstring), by
    row; their pieces are taken out of every row's ``spans`` (a wrapped row's span keeps its one-line cells)."""
    by_line: dict[int, list[Item]] = {}
    for it in items:
        by_line.setdefault(it.line, []).append(it)
    found: dict[str, WrappedRow] = {}
    for row, idx in order:
        if row in TABLE3_ROW_PATHS and (wrapped := _wrapped_at(row, items[idx], by_line)) is not None:
            found[row] = wrapped
    lines = [it.line for w in found.values() for it in w.items]
    found = {row: w for row, w in found.items()                      # (a line two rows would claim: neither's)
             if all(lines.count(it.line) == sum(1 for x in w.items if x.line == it.line) for it in w.items)}
    pieces = {id(it) for w in found.values() for it in w.items}
    for row in spans:                   # (a wrapped row keeps its one-line cells: numbers of its own after its label)
        keep = {id(it) for it in found[row].middle} if row in found else set()
        spans[row] = [it for it in spans[row] if id(it) not in pieces or id(it) in keep]
    return found


def read_wrapped_row(row: str, wrapped: WrappedRow, out: Readings, ambiguities: list[Ambiguity]) -> None:
    """The row missing, each placement of its wrapped cells that keeps its row sum an option for the identities."""
    paths = list(TABLE3_ROW_PATHS[row])
    lines = sorted({it.line for it in wrapped.items})
    raw = " / ".join(" ".join(it.raw for it in part) for part in (wrapped.top, wrapped.middle, wrapped.bottom))
    options = wrapped.options()
    note = ("digits of narrow cells wrapped round the row's line: which columns they stand in, the identities say"
            if options else "digits of narrow cells wrapped round the row's line: no placement keeps the row sum")
    for path in paths:
        out[path] = missing(raw, lines, Method.WRAPPED_PIECES, note)
    if options:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=raw, lines=lines, reason=f"row {row}: {note}"))
