"""A narrow cell's digits wrapped round its row, in text that keeps no positions: every placement an option.

A Word table whose number columns are a character wide wraps each count of two digits over two lines of its
cell, centred on the row. A text tool that prints a page's lines with single spaces (pdfplumber's
``extract_text``, pypdf) gives the wrapped cells' first pieces on the line above the row's numbers, their last
pieces on the line below, and the row's one-digit cells on its own line between::

    1 1
    一、本年新收政府信息公开申请数量 0 0 0 0 0
    5 5

A converter's markdown of such a table (markitdown) prints the same lines as pipe rows whose fields run several
columns together (``| 1 |  | 1 |`` / ``| 一、本年新收… | 0 | 0 0 0 | 0 |`` / ``| 5 |  | 5 |``): its fields say no column
either, and the rows are read alike (where each field holds one column, :mod:`.pipestacks` reads them down it).

That row is ``15 0 0 0 0 0 15``, or ``0 15 0 0 0 0 15``, …: nothing on the lines says which columns the wrapped
cells stand in (:mod:`.wrapdigits` reads them where the text keeps the columns' places). So the row is not read
here: it is left missing, and every placement of its wrapped cells among its columns (the others in printed
order) that keeps its row sum is an option for the whole table's identity search (``verify/``), which derives
the row where one placement alone keeps every identity, and queues it all the same.

Counts of three digits wrap through the row's line: their middle digits stand among its one-digit cells
(``4 4`` / ``数量 9 0 0 0 0 0 9`` / ``7 7`` is 497 0 0 0 0 0 497), and every choice of which of its seven numbers
are such middle digits is a placement.

A row is so read only where the line right above its numbers and the line right below each end in digit runs,
as many as the row's line lacks cells (or, its line whole, as many as each other), after words that name no
other row (a group title printed down its column, ``三 2 2``; the row's own wrapped label); each pair a count (a
first piece never starting with 0, nor shorter than the last); some placement keeps the row sum; and no other
row claims those lines (a whole line of numbers between two rows' pieces is its own row's). The pieces are
then no other row's numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import combinations

from ..evidence import Ambiguity, Method
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .labels import rows_named
from .layout import Item, label_key
from .rowbounds import GROUP_KEYS
from .readings import Readings, missing
from .wrapdigits import DIGITS, FIRST_PIECE

__all__ = ["WrappedRow", "wrapped_rows", "read_wrapped_row"]

_WIDTH = len(FORM.table3_columns)


@dataclass(frozen=True)
class WrappedRow:
    """A row's line of cells (``middle``) and its wrapped cells' first and last pieces, in printed order. Counts of
    two digits leave the row's line without them (its one-digit cells only); counts of three wrap through it, their
    middle digits among its cells (``through``: ``4 4`` / ``数量 9 0 0 0 0 0 9`` / ``7 7`` is 497 … 497)."""

    middle: list[Item]
    top: list[Item]
    bottom: list[Item]

    @property
    def through(self) -> bool:
        return len(self.middle) == _WIDTH

    @property
    def items(self) -> list[Item]:
        return [*self.top, *self.middle, *self.bottom]

    @cached_property
    def options(self) -> list[list[int | None]]:
        """Every placement of the wrapped cells among the row's columns (the one-line cells in printed order in
        the others) that keeps its row sum (total = the six applicant columns)."""
        middle = [it.raw for it in self.middle]
        pairs = [(t.raw, b.raw) for t, b in zip(self.top, self.bottom)]
        out: list[list[int | None]] = []
        for slots in combinations(range(_WIDTH), len(pairs)):
            if self.through:
                if not all(DIGITS.match(middle[s]) for s in slots):
                    continue
                row = [int(middle[s]) for s in range(_WIDTH)]
                for s, (t, b) in zip(slots, pairs):
                    row[s] = int(t + middle[s] + b)
            else:
                wrapped = dict(zip(slots, (int(t + b) for t, b in pairs)))
                rest = iter(int(m) for m in middle)
                row = [wrapped[s] if s in wrapped else next(rest) for s in range(_WIDTH)]
            if row[-1] == sum(row[:-1]):
                out.append(list(row))
        return out


def _tail(line: list[Item]) -> tuple[list[Item], list[Item]] | None:
    """A line's words and the values ending it; None where a value stands among its words."""
    k = len(line)
    while k and line[k - 1].is_value:
        k -= 1
    head, tail = line[:k], line[k:]
    return None if any(it.is_value for it in head) else (head, tail)


def _named(words: list[Item]) -> set[str]:
    """The 表三 rows the words name, read as one label."""
    return set(rows_named(_key(words)))


def _key(words: list[Item]) -> str:
    return _text_key("".join(it.raw for it in words))


@lru_cache(maxsize=4096)
def _text_key(text: str) -> str:
    """``label_key`` of a line's words, once per distinct text (the form's labels recur in every report)."""
    return label_key(text)


class _Lines:
    """A table's items by line, with each line's :func:`_tail`, the rows its words name and whether it is a
    piece of a group's title worked out once: every row looks at the lines round its label, and its
    neighbours look at the same lines (the answers depend on the line alone)."""

    def __init__(self, items: list[Item]) -> None:
        self.by_line: dict[int, list[Item]] = {}
        for it in items:
            self.by_line.setdefault(it.line, []).append(it)
        self._tails: dict[int, tuple[list[Item], list[Item]] | None] = {}
        self._named: dict[int, set[str]] = {}
        self._digits: dict[int, bool] = {}
        self._titles: dict[int, bool] = {}

    def line(self, n: int) -> list[Item]:
        return self.by_line.get(n, [])

    def tail(self, n: int) -> tuple[list[Item], list[Item]] | None:
        """:func:`_tail` of line ``n`` (an empty line: no words, no values)."""
        if n not in self._tails:
            self._tails[n] = _tail(self.line(n))
        return self._tails[n]

    def named(self, n: int) -> set[str]:
        """The rows line ``n``'s words name (its words before the values ending it); the line has a tail."""
        if n not in self._named:
            parts = self.tail(n)
            assert parts is not None
            self._named[n] = _named(parts[0])
        return self._named[n]

    def digits(self, n: int) -> bool:
        """Whether the values ending line ``n`` are digit runs, every one (none: yes); the line has a tail."""
        if n not in self._digits:
            parts = self.tail(n)
            assert parts is not None
            self._digits[n] = all(DIGITS.match(it.raw) for it in parts[1])
        return self._digits[n]

    def title_piece(self, n: int) -> bool:
        """Whether line ``n`` holds a piece of a group's title only (words, within a title of GROUP_KEYS)."""
        if n not in self._titles:
            line, key = self.line(n), None
            if line and all(it.is_text for it in line):
                key = _key(line)            # (once, not once per title)
            self._titles[n] = key is not None and any(key in title for title in GROUP_KEYS)
        return self._titles[n]


def _pieces(lines: _Lines, n: int, count: int, row: str) -> list[Item] | None:
    """Line ``n``'s ``count`` digit runs ending it, after words that name no row but ``row`` (a group title's
    characters printed down its column, ``三`` / ``、``; the row's own label, wrapped); None otherwise."""
    parts = lines.tail(n)
    if parts is None or not 0 < count <= _WIDTH or len(parts[1]) != count or not lines.digits(n):
        return None
    return parts[1] if not lines.named(n) - {row} else None


def _beside(lines: _Lines, at: int, step: int) -> int:
    """The line next to ``at`` (``step`` -1 above, 1 below), past one line holding a piece of a group's title only
    (``（三）不`` / ``予公开``, printed between a row's line and its pieces; a wrapped label's words are no such piece)."""
    n = at + step
    return n + step if lines.title_piece(n) else n


def _wrapped_at(row: str, label: Item, lines: _Lines) -> WrappedRow | None:
    """The row's wrapped cells round its label's line (``1 1`` / ``数量 0 0 0 0 0`` / ``5 5``), or round the line
    under it, the first pieces on the label's (``部分公开（区分处理的，只计这 4 4`` / ``度 0 0 0 0 0`` / ``一情形… 1 1``).
    (The line below is looked at only where the line above holds pieces: both must.)"""
    own = lines.tail(label.line)
    if own is None or label not in own[0]:
        return None
    for at in (label.line, label.line + 1):
        parts = lines.tail(at)
        if parts is None or (at != label.line and lines.named(at)):
            continue
        middle = parts[1]
        if not middle or not all(it.cell.is_number for it in middle) or not lines.digits(at):
            continue
        up = _beside(lines, at, -1)
        count = _WIDTH - len(middle)                # (the row's line whole: counts of three wrapped through it)
        if count == 0 and (above := lines.tail(up)) is not None:
            count = len(above[1])
        if (top := _pieces(lines, up, count, row)) is None:
            continue
        bottom = _pieces(lines, _beside(lines, at, 1), count, row)
        if bottom is not None \
                and all(FIRST_PIECE.match(t.raw) and len(t.raw) >= len(b.raw) for t, b in zip(top, bottom)):
            return WrappedRow(middle, top, bottom)
    return None


def _may_hold_pieces(lines: _Lines) -> bool:
    """Whether some line may hold a wrapped row's first pieces, cheaply told: digit runs ending it, none opening
    with 0, with a line one or two below it (the row's line, :func:`_wrapped_at`) that holds with it seven numbers
    at least (the row's line lacks as many cells as there are pieces, or holds all seven)."""
    by_line = lines.by_line
    if 2 * max(map(len, by_line.values()), default=0) < _WIDTH:
        return False                    # (a cell to a line: no two lines hold seven)
    for n, line in by_line.items():
        if line[-1].raw[:1] not in _FIRST_DIGITS \
                or len(line) + max(len(by_line.get(n + 1, ())), len(by_line.get(n + 2, ()))) < _WIDTH:
            continue
        parts = lines.tail(n)
        if parts is not None and parts[1] and all(FIRST_PIECE.match(it.raw) for it in parts[1]):
            return True
    return False


#: how a first piece opens (:data:`~.wrapdigits.FIRST_PIECE`), told without a pattern
_FIRST_DIGITS = "123456789１２３４５６７８９"


def wrapped_rows(items: list[Item], order: list[tuple[str, int]],
                 spans: dict[str, list[Item]]) -> dict[str, WrappedRow]:
    """The rows of space-separated 表三 text whose cells wrapped round their line (see the module docstring), by
    row; their pieces are taken out of every row's ``spans`` (a wrapped row's span keeps its one-line cells)."""
    lines = _Lines(items)
    found: dict[str, WrappedRow] = {}
    if not _may_hold_pieces(lines):
        return found                    # (most tables: no line could hold a wrapped row's first pieces)
    for row, idx in order:
        if row in TABLE3_ROW_PATHS and (wrapped := _wrapped_at(row, items[idx], lines)) is not None \
                and wrapped.options:          # (no placement keeps its row sum: no such row)
            found[row] = wrapped
    if not found:
        return found                    # (most tables: every span stays as it is, nothing taken out of it)
    short = {it.line for w in found.values() if not w.through for it in w.top + w.bottom}
    found = {row: w for row, w in found.items()       # (a row's line whole between other rows' pieces: its own cells)
             if not w.through or not short & {it.line for it in w.top + w.bottom}}
    claims = Counter(it.line for w in found.values() for it in w.items)
    found = {row: w for row, w in found.items()                      # (a line two rows would claim: neither's)
             if all(claims[line] == n for line, n in Counter(it.line for it in w.items).items())}
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
    note = "digits of narrow cells wrapped round the row's line: which columns they stand in, the identities say"
    for path in paths:
        out[path] = missing(raw, lines, Method.WRAPPED_PIECES, note)
    ambiguities.append(Ambiguity(paths=paths, options=wrapped.options, raw=raw, lines=lines,
                                 reason=f"row {row}: {note}"))
