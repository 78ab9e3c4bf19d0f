"""A 表二 label wrapped round its numbers, its first piece run on after the row above's label.

PDF text from a table whose label column is narrow (pdfplumber's ``extract_text``, markitdown) prints a long label
in pieces, the numbers on its middle line::

    规章
    行政规范性文
    4 2 4
    件

The reader joins consecutive lines of words into one text item (``规章行政规范性文``: a header split one character
to a line is one cell), so 行政规范性文件 is never found and 规章 takes its numbers. :func:`split_wrapped_labels`
gives the piece back to its row: where a text item ends in the first words of a 表二 label no item matches, and
the next words (past the numbers, if any) finish that label, the item becomes two, the row above's label and the
wrapped label (its key spelled whole, so its pattern finds it; a last piece alone on its line, ``件``, is taken
into it). The same where the lines joined spell both labels whole (``规章行政规范性文件``, PyMuPDF's ``件`` / ``4`` /
``2`` / ``4``) and the numbers start on a line below. The numbers then follow the wrapped label; the row above,
with no number between the two labels, is read as labels printed as a column are (stacked.py: never proven).
Two labels and numbers on one line (``规章 行政规范性文件 1 0 5``) stay one item: whose cells they are is unknown.
A label wrapped into shorter pieces a line each (``行政`` / ``处罚``: a narrow label column) is one label where its
first piece stands alone and the next words spell the rest exactly, a piece to a line.
"""

from __future__ import annotations

from ..form import FORM
from .cells import parse_cell
from .labels import TABLE2_LABELS, names_table2_row, table2_rows_named
from .layout import Item, label_key

__all__ = ["split_wrapped_labels"]

#: shortest first piece of a label that tells it (规范性: 3 characters)
_MIN_PIECE = 3
#: each 表二 row's label as printed, and without its 行政 (规范性文件 as some reports print it)
_SPELLINGS = tuple((r.path, spelling) for r in FORM.table2
                   for spelling in dict.fromkeys((r.label, r.label.removeprefix("行政"))))


def _next_text(items: list[Item], i: int) -> int | None:
    """The first text item after item ``i``, past value items only."""
    j = i + 1
    while j < len(items) and items[j].is_value:
        j += 1
    return j if j < len(items) and items[j].is_text else None


def _wrapped_piece(items: list[Item], i: int, unfound: list[str]) -> tuple[int, str, int | None] | None:
    """Where item ``i``'s key starts the first piece of an unfound row's label, that label spelled whole, and the
    item that finishes it when it holds nothing else (``件`` alone)."""
    key = items[i].key
    j = _next_text(items, i)
    rest = items[j].key if j is not None else ""
    for path, spelling in _SPELLINGS:
        if path not in unfound:
            continue
        for k in range(len(spelling) - 1, _MIN_PIECE - 1, -1):
            if key.endswith(spelling[:k]) and rest.startswith(spelling[k:]):
                return len(key) - k, spelling, j if rest == spelling[k:] else None
    return None


def _short_pieces(items: list[Item], i: int, unfound: list[str]) -> tuple[str, list[int]] | None:
    """An unfound row's label wrapped into pieces shorter than :data:`_MIN_PIECE`, a line each (``行政`` / ``处罚``,
    ``行`` / ``政处`` / ``罚``: a narrow label column): item ``i``'s key is its first piece exactly, and the next text
    items (past numbers) spell the rest exactly, a piece each; the label spelled whole and those items."""
    key = items[i].key
    for path, spelling in _SPELLINGS:
        if path not in unfound or not key or len(key) >= len(spelling) or not spelling.startswith(key):
            continue
        rest, taken, j = spelling[len(key):], [], i
        while rest and (j := _next_text(items, j)) is not None and items[j].key and rest.startswith(items[j].key):
            rest = rest[len(items[j].key):]
            taken.append(j)
        if not rest:
            return spelling, taken
    return None


def _run_together(key: str) -> tuple[int, str] | None:
    """Where a key that is two 表二 labels run together (``规章行政规范性文件``) parts, and the second spelled whole."""
    for _, spelling in _SPELLINGS:
        if len(key) > len(spelling) and key.endswith(spelling) and names_table2_row(key[:-len(spelling)]):
            return len(key) - len(spelling), spelling
    return None


def _parted(it: Item, at: int, spelling: str) -> list[Item] | None:
    """The text item ``it`` parted at its key's position ``at``: the row above's label (when the key holds one
    before) and the wrapped label, its key spelled whole; None where the words before are no row's label."""
    head = it.key[:at]
    if head and not names_table2_row(head):
        return None
    cut = next((c for c in range(len(it.raw) + 1) if label_key(it.raw[:c]) == head), None) if head else 0
    if cut is None:
        return None
    first, piece = it.raw[:cut], it.raw[cut:]
    wrapped = Item(piece, it.line, parse_cell(piece), it.col, label_key(spelling), it.width, it.grid)
    return [Item(first, it.line, parse_cell(first), it.col, head, it.width, it.grid), wrapped] if head else [wrapped]


def split_wrapped_labels(items: list[Item]) -> list[Item]:
    """``items`` with each text item that ends in a wrapped 表二 label's first piece parted in two (see the module
    docstring); the same list when there is none."""
    texts = [it.key for it in items if it.is_text]
    named = {path for key in texts for path in table2_rows_named(key)}
    unfound = [path for path, _, _ in TABLE2_LABELS if path not in named]
    out: list[Item] = []
    dropped: set[int] = set()
    for i, it in enumerate(items):
        if i in dropped:
            continue
        parts = None
        if it.is_text:
            if (wrapped := _wrapped_piece(items, i, unfound)) is not None:
                at, spelling, last = wrapped
                if (parts := _parted(it, at, spelling)) is not None and last is not None:
                    dropped.add(last)       # the label's last piece, alone on its line: now in the label
            elif (short := _short_pieces(items, i, unfound)) is not None:
                parts = _parted(it, 0, short[0])
                dropped.update(short[1])    # (its other pieces: now in the label)
            elif i + 1 < len(items) and items[i + 1].is_value and items[i + 1].line > it.line \
                    and (together := _run_together(it.key)) is not None:     # (on one line, ``规章 行政规范性文件
                parts = _parted(it, *together)                               # 1 0 5``: whose cells?)
        out += parts or [it]
    return out
