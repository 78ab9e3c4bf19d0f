"""Fixed-width text (``pdftotext -layout``): a noted cell wrapped over three lines or more of its narrow column.

A count with a note (``361（其中修订279件）``) in a column a few characters wide wraps over several lines of its
cell, the row's label and other cells on one of them (the cell is centred on the row)::

                                       36
                                     1（其中
        规章            0        0          修订
                                       279
                                      件）

The lines over and under the row's line hold the cell's pieces alone. Read top to bottom they are the cell
(``36`` ``1（其中`` ``修订`` ``279`` ``件）``: 361 with its note); read line by line, the row has a word where a
cell stands and stays missing (:mod:`.wrapnotes` joins a note's end on the line under it, or a cell over the
row's line whose end is under it; this module the taller stacks). The cell is put on the row's line at its
place and the other lines left empty, only where:

* a piece holds the note's opening bracket after the count's digits (or its first digits alone above it), and the
  lines from it down to the piece that closes the note hold nothing else in the cell's column (its pieces,
  a single space apart at most, within two characters of it), and nothing beside it but on one line (the row's:
  its label first, values after the cell);
* the count's first digits, printed alone on lines above that piece, stand under a line with no number in the
  column that they may end (under a row's own count, ``227`` / ``1`` / ``4（其``, the ``1`` may end either: the lines
  are left as printed; ``0`` / ``10`` / ``0（其`` is 100 and its note, as no count starts with 0);
* the pieces read top to bottom make a count and its note, and nothing more.

Anything else is left as printed.
"""

from __future__ import annotations

import re

from .cells import parse_cell
from .linetext import LineText
from .wrapdigits import CUT_PIECE, Tok

__all__ = ["stacked_notes"]

_TOKEN = re.compile(r"\S+")
_OPEN, _CLOSE = "（(", "）)"
_BRACKET = re.compile(f"[{_OPEN}]")
#: a count and its note, nothing more
_NOTED = re.compile(r"^[0-9]+[（(][^（()）]*[）)]$")
#: a piece holding the note's opening bracket after the count's digits (or the bracket first)
_OPENING = re.compile(r"^[0-9]*[（(]")
_SLACK = 2              # characters a piece may stand past the cell's column
_TALLEST = 7            # lines a cell spans at most


def _tokens(line: str) -> list[Tok]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]


def _inside(tok: Tok, lo: int, hi: int) -> bool:
    return tok[0] < hi + _SLACK and tok[1] > lo - _SLACK


def _balance(text: str) -> int:
    return sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)


def _is_value(text: str) -> bool:
    return parse_cell(text).is_value


def _heads(lines: list[str], n: int, lo: int, hi: int) -> list[int] | None:
    """The lines right above line ``n`` (0-based) holding the count's first digits alone in its column, top first;
    None when the line above them holds a number in the column those digits may be the end of (no leading 0, as
    long as they: ``227`` over ``1``; not ``0`` over ``10``)."""
    heads: list[int] = []
    j = n - 1
    while j >= 0 and len(toks := _tokens(lines[j])) == 1 and toks[0][2].isdigit() and _inside(toks[0], lo, hi):
        heads.insert(0, j)
        j -= 1
    if heads and j >= 0 and any(_inside(t, lo, hi) and _continued(t[2], _tokens(lines[heads[0]])[0][2])
                                for t in _tokens(lines[j])):
        return None
    return heads


def _continued(above: str, head: str) -> bool:
    """Whether ``head`` may be the last piece of ``above`` wrapped in its cell: a count never starts with 0, and its
    first piece fills the cell's line (never shorter than a later one); a count cut in its thousands group (``1,2``)."""
    return bool(CUT_PIECE.fullmatch(above)) or above.isdigit() and not above.startswith("0") and len(above) >= len(head)


def _stack(lines: list[str], n: int, anchor: Tok) -> tuple[list[int], int, str, int, int] | None:
    """The cell whose note opens with ``anchor`` on line ``n``: its lines, the row's line among them, its text,
    and its column on the row's line; None where that is no such cell (see the module docstring)."""
    lo, hi = anchor[0], anchor[1]
    heads = _heads(lines, n, lo, hi)
    if heads is None or not anchor[2][:1].isdigit() and not heads:
        return None
    text = "".join(_tokens(lines[j])[0][2] for j in heads)
    row: int | None = None
    at: tuple[int, int] | None = None
    used: list[int] = list(heads)
    j = n
    while j < len(lines) and len(used) < _TALLEST:
        toks = _tokens(lines[j])
        if not toks:
            return None                 # (an empty line: the cell ends before its note closes)
        inside = [t for t in toks if _inside(t, lo, hi) and not (j == n and t[0] < anchor[0])]
        if any(b[0] - a[1] > 1 for a, b in zip(inside, inside[1:])):
            return None                 # (the cell's pieces on a line a single space apart at most)
        if len(inside) != len(toks):
            if row is not None:
                return None             # (words beside the column on two lines: two rows)
            row = j
            left = [t for t in toks if t[1] <= (inside[0][0] if inside else lo) and t not in inside]
            right = [t for t in toks if t not in inside and t not in left]
            if not left or _is_value(left[0][2]) or not all(_is_value(t[2]) for t in right):
                return None             # (the row's line: its label first, values after the cell)
            if inside:
                at = (inside[0][0], inside[-1][1])
        elif not inside:
            return None
        if inside:
            lo, hi = min(lo, inside[0][0]), max(hi, inside[-1][1])
        text += "".join(t[2] for t in inside)
        used.append(j)
        if _balance(text) <= 0:
            break
        j += 1
    if row is None or _balance(text) != 0 or not _NOTED.match(text) or not _is_value(text):
        return None
    start, end = at if at is not None else (lo, lo)
    return used, row, text, start, end


def _written(line: str, cell: str, start: int, end: int) -> str:
    """``line`` with ``cell`` put where characters ``start`` … ``end`` stand (the values after it moved right
    where it needs the room, two spaces apart)."""
    toks = _tokens(line)
    out = line[:start].rstrip()
    out += " " * max(start - len(out), 2) + cell
    for a, b, t in toks:
        if a >= end:
            out += " " * max(a - len(out), 2) + t
    return out


def stacked_notes(lines: list[str]) -> list[str]:
    """``lines`` with each noted cell wrapped over three lines or more of its column put back on its row's line
    (see the module docstring)."""
    bracketed = LineText.of(lines).indices(_BRACKET)     # (the lines an opening bracket is on, found at once)
    if not bracketed:
        return lines
    out = list(lines)
    n = 0
    for at in bracketed:            # (a stack's lines are left behind at once: the lines after it are as given)
        if at < n:
            continue
        n = at
        if "\t" in out[n]:
            continue
        found = None
        for tok in _tokens(out[n]):
            if _OPENING.match(tok[2]) and _balance(tok[2]) > 0:
                found = _stack(out, n, tok)
                break
        if found is None or len(found[0]) < 3:
            continue
        used, row, cell, start, end = found
        written = _written(out[row], cell, start, end)
        for j in used:
            out[j] = ""
        out[row] = written
        n = max(used) + 1
    return out
