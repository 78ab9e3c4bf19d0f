"""A table rule an OCR engine glued to a number: ``8 | 0 0 0 6 0 |14``, ``4 1 0 0 2 1|8``.

Tesseract prints a table's vertical rules as ``|``; where a cell's padding is narrow the bar touches the
number beside it, and the token reads as OCR letters: ``|14`` as 114, ``1|8`` as 118 (:mod:`llm_extract.ocrglyphs`
takes a bar beside a digit for a 1). Each glued bar is either a rule (the token parted there, the bar dropped)
or a 1:

* where exactly one way of reading the row's glued bars gives it as many counts as it has cells
  (``5 | 0 0 0 0 0|5``: seven counts with the last bar a rule, six with it a 1), the row reads one way only
  (:func:`glued_bar_cells`), as a row printed without rules does, and its identities check it;
* where several ways give that many (``|14``: 14 or 114), the row's own identity chooses
  (:func:`glued_bar_options`): a unique survivor is derived, queued like every derived value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import product

from ..evidence import CellKind
from .cells import Cell, parse_cell
from .layout import Item

__all__ = ["has_glued_bar", "glued_bar_cells", "glued_bar_options"]

#: a bar touching a digit (before or after it)
_GLUED = re.compile(r"\|(?=[0-9０-９])|(?<=[0-9０-９])\|")
#: what a rule standing alone is printed as
_BARS = frozenset("|丨")
#: glued bars read either way at most in one row (2**8 readings)
MAX_BARS = 8
_NOTE = "a table rule (|) glued to the number taken off"
#: a count written with a leading zero (``010``, a bar between two zeros read as a 1): no count is
_LEADING_ZERO = re.compile(r"^0[0-9]")


def has_glued_bar(item: Item) -> bool:
    return "|" in item.raw and item.cell.kind is CellKind.OCR and _GLUED.search(item.raw) is not None


def _token_readings(raw: str) -> list[list[Cell]]:
    """The cells a token stands for, each glued bar a rule or a 1 (``|14``: [14] or [114])."""
    parts = _GLUED.split(raw)
    out: list[list[Cell]] = []
    for choice in product((True, False), repeat=len(parts) - 1):       # True: the bar is a rule
        pieces, text, joined = [], parts[0], False
        for rule, part in zip(choice, parts[1:]):
            if rule:
                pieces.append(text)
                text = part
            else:
                text += "1" + part
                joined = joined or _LEADING_ZERO.match(text.strip()) is not None
        pieces.append(text)
        if joined:
            continue                        # 0|0 as 010: no count is written with a leading zero
        cells = [parse_cell(p.strip()) for p in pieces if p.strip()]
        if cells and all(isinstance(c.value, int) and (c.is_number or c.kind is CellKind.OCR) for c in cells):
            out.append([Cell(c.raw, c.kind, c.value, _NOTE if any(choice) else c.note) for c in cells])
    return out


def _readings(tokens: Sequence[Item]) -> Iterator[list[Cell]]:
    """Every reading of a row's tokens (rules standing alone dropped); none where a token is no count or the
    glued bars are too many to try."""
    per_token: list[list[list[Cell]]] = []
    bars = 0
    for it in tokens:
        if has_glued_bar(it):
            bars += it.raw.count("|")
            per_token.append(_token_readings(it.raw))
        elif set(it.raw.strip()) <= _BARS:
            continue                                # a rule standing alone between the cells
        elif isinstance(it.cell.value, int) or it.cell.kind is CellKind.PLACEHOLDER:
            per_token.append([[it.cell]])
        else:
            return
    if bars > MAX_BARS:
        return
    for combo in product(*per_token):
        yield [c for part in combo for c in part]


def glued_bar_cells(tokens: Sequence[Item], width: int) -> list[Cell] | None:
    """The row's ``width`` cells where exactly one reading of its glued bars gives that many; else None."""
    found = [r for r in _readings(tokens) if len(r) == width]
    return found[0] if len(found) == 1 else None


def glued_bar_options(tokens: Sequence[Item], width: int,
                      holds: Callable[[list[int]], bool]) -> list[list[int | None]]:
    """Every reading of ``width`` counts that keeps the row's identity (``holds``)."""
    options: list[list[int | None]] = []
    for reading in _readings(tokens):
        counts: list[int | None] = [c.value if isinstance(c.value, int) else None for c in reading]
        if len(counts) == width and holds([v or 0 for v in counts]) and counts not in options:
            options.append(counts)
    return options
