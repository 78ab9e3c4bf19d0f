"""Fixed-width text (``pdftotext -layout``): a cell's note wrapped in its narrow column, joined back onto its line.

A count with a note (``29（其中修订18件）``) too wide for its column wraps inside the cell; layout text prints
the note's end on the next line, under the cell, and the note's words a single space apart (a column
gap is wider)::

    行政规范性文件                29（其中修订 18      11           242
                                件）

Read as printed, the row has four numbers for three cells (the note's count among them) and stays missing.
The note's end is put back after its words, and the line below left empty, when the next line holds that
piece alone (a closing bracket and no opening one), starting under the cell, the cell is a number
whose note opens and does not close on its line, and the column gap after it is wide enough to give up the
piece's width (the columns after it keep their places). Anything else is left as printed.
"""

from __future__ import annotations

import re
import unicodedata

from .cells import parse_cell
from .layout import is_tab_rows

__all__ = ["joined_notes"]

_OPEN, _CLOSE = "（(", "）)"
_PIECE = 6               # at most this many characters wrap onto the next line (件）, 次）)
_GAP = 2                 # spaces that part two columns of layout text
_TOKEN = re.compile(r"\S+")


def _unclosed(text: str) -> bool:
    return sum(text.count(c) for c in _OPEN) > sum(text.count(c) for c in _CLOSE)


def _tokens(line: str) -> list[tuple[str, int, int]]:
    """The line's tokens with their first and past-last character indexes (``pdftotext -layout`` places text
    by characters, a CJK one as wide as a digit)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]


def _closing_piece(line: str, start: int, stop: int) -> str | None:
    """The line's one token, when it is a note's end (a closing bracket, no opening one) starting under the
    cell (characters ``start`` … ``stop`` of the line above)."""
    toks = _tokens(line)
    if len(toks) != 1 or "\t" in line:
        return None
    text, at, _ = toks[0]
    if len(text) > _PIECE or not start <= at < stop or _unclosed(text) or not any(c in text for c in _CLOSE):
        return None
    return text


def _joined(line: str, below: str) -> str | None:
    """``line`` with the note that ``below`` ends joined back on, or None (see the module docstring)."""
    if "\t" in line:
        return None
    toks = _tokens(line)
    for i, (text, start, _) in enumerate(toks):
        if not _unclosed(text) or not text[:1].isdigit():
            continue
        j = i + 1
        while j < len(toks) and toks[j][1] - toks[j - 1][2] == 1:
            j += 1                      # the note's words, a single space apart
        stop = toks[j - 1][2]
        piece = _closing_piece(below, start, stop)
        if piece is None:
            return None
        cell = "".join(t for t, _, _ in toks[i:j]) + piece
        if not parse_cell(cell).is_value:
            return None
        grow = _width(cell) - _width(line[start:stop])      # display columns the cell grows by
        rest = line[stop:]
        if j < len(toks):
            if toks[j][1] - stop - grow < _GAP:
                return None             # the columns after it would move
            rest = rest[grow:]          # (spaces only: the gap is wider than ``grow``)
        return line[:start] + cell + rest
    return None


def _width(text: str) -> int:
    """Display columns of ``text`` (a CJK character is two wide)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def joined_notes(lines: list[str]) -> list[str]:
    """``lines`` with every note wrapped in its cell joined back onto its line (see the module docstring)."""
    if is_tab_rows(lines, 1, len(lines) + 1):
        return lines
    out = list(lines)
    for n in range(len(out) - 1):
        if not any(c in out[n] for c in _OPEN) or not out[n + 1].strip():
            continue
        joined = _joined(out[n], out[n + 1])
        if joined is not None:
            out[n], out[n + 1] = joined, ""
    return out
