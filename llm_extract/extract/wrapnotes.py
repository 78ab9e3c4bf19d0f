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
piece's width (the columns after it keep their places).

A cell of three lines, centred on the row's (its label and other cells on the middle line), prints the count
and the note's start above the row's line and the note's end below it::

                  3（其中修订 1
       行政规范性文件                   0         5
                    件）

The line above holds that cell alone, the row's line nothing where it stands, and the line below the note's
end alone under it: the cell is put into the row's line at its place, the lines above and below left empty.
Anything else is left as printed.
"""

from __future__ import annotations

import re
import unicodedata

from .cells import parse_cell
from .linetext import LineText

__all__ = ["joined_notes"]

_OPEN, _CLOSE = "（(", "）)"
_PIECE = 6               # at most this many characters wrap onto the next line (件）, 次）)
_GAP = 2                 # spaces that part two columns of layout text
_TOKEN = re.compile(r"\S+")
#: a token that may be a count whose note opens on its line (:func:`_opens_note`): it starts with a character that may
#: be a digit (a word character, no underscore, Latin letter or CJK ideograph: ``str.isdigit`` holds for none of
#: those) and holds an opening bracket after it. Searched for in the text read backwards, from each bracket (one
#: character to look for first, the quickest search) back to the token's first character: (, then its token's
#: characters before it, the first of them one that may be a digit, before a space or the text's start
_OPENS_NOTE_BACKWARDS = tuple(re.compile(re.escape(b) + r"\S*[^\W_a-zA-Z\u4e00-\u9fff](?!\S)") for b in _OPEN)


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


def _opens_note(text: str) -> bool:
    """Whether a token is a count whose note opens and does not close on its line (``3（其中修订``)."""
    return _unclosed(text) and text[:1].isdigit()


def _noted_cell(toks: list[tuple[str, int, int]], i: int, below: str) -> tuple[str, int, int, int] | None:
    """The cell whose count and note's start are ``toks[i]`` (:func:`_opens_note`) and the words a single space
    after it, with its note's end (``below``'s one token, under it) joined on: the cell's text, its first and
    past-last character on its line, and the index of the token after it; None when that is no such cell."""
    start = toks[i][1]
    j = i + 1
    while j < len(toks) and toks[j][1] - toks[j - 1][2] == 1:
        j += 1                          # the note's words, a single space apart
    stop = toks[j - 1][2]
    piece = _closing_piece(below, start, stop)
    if piece is None:
        return None
    cell = "".join(t for t, _, _ in toks[i:j]) + piece
    return (cell, start, stop, j) if parse_cell(cell).is_value else None


def _centred(above: str, line: str, below: str) -> str | None:
    """``line`` with the three-line cell that ``above`` starts and ``below`` ends put in at its place, or None
    (see the module docstring)."""
    if "\t" in above or "\t" in line:
        return None
    toks = _tokens(above)
    found = _noted_cell(toks, 0, below) if toks and _opens_note(toks[0][0]) else None
    if found is None or found[3] != len(toks):
        return None                     # (the line above holds that cell alone)
    cell, start, _, _ = found
    end = start + len(cell)
    row = _tokens(line)
    if not row or not any(b <= start - _GAP for _, _, b in row) or not any(a >= end + _GAP for _, a, _ in row):
        return None                     # a cell of the row's, among its others: words before, numbers after it
    if any(a < end + _GAP and b > start - _GAP for _, a, b in row):
        return None                     # the row's line holds text where the cell stands
    return line[:start] + cell + line[end:]


def _joined(line: str, below: str) -> str | None:
    """``line`` with the note that ``below`` ends joined back on, or None (see the module docstring)."""
    if "\t" in line:
        return None
    toks = _tokens(line)
    for i, (text, _, _) in enumerate(toks):
        if not _opens_note(text):
            continue
        found = _noted_cell(toks, i, below)
        if found is None:
            return None
        cell, start, stop, j = found
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
    backwards = LineText.of(lines).text[::-1]
    if not any(pattern.search(backwards) for pattern in _OPENS_NOTE_BACKWARDS) or _tab_rows(lines):
        return lines                    # (no count opens a note: most texts, told at once)
    out = list(lines)
    for n in range(len(out) - 1):
        if not any(c in out[n] for c in _OPEN) or not out[n + 1].strip():
            continue
        joined = _joined(out[n], out[n + 1])
        if joined is not None:
            out[n], out[n + 1] = joined, ""
        elif n + 2 < len(out) and (centred := _centred(out[n], out[n + 1], out[n + 2])) is not None:
            out[n], out[n + 1], out[n + 2] = "", centred, ""
    return out


def _tab_rows(lines: list[str]) -> bool:
    """Whether the text holds tab-separated rows: three lines of four fields or more, three of them numbers."""
    return sum(1 for line in lines if len(fields := line.split("\t")) >= 4
               and sum(1 for f in fields if parse_cell(f).is_number) >= 3) >= 3
