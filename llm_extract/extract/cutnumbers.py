"""A number cut by a line break: ``96171.`` at a line's end over ``6``, ``3，15`` over ``0``.

A text saved from a narrow viewer (or a converter wrapping a cell) breaks its lines at a fixed width, inside a
number as readily as between words. Most pieces look like whole counts and only the identities can tell; but a
line that ends in a number's unfinished form (digits then a decimal point or a thousands separator, or a
thousands group of one or two digits) over a line that goes on with digits is a number cut in two, and neither
piece is a cell (a thousands group of one or two digits, ``4,75``, says so even where the rest stands a line or
two lower, past a label's wrapped line: a box's cells wrapped beside it). Whatever a reader made of the two lines is no reading of a cell: it stays unread (missing, its
raw text and the note), for the identities or a person to settle. Nothing is joined: that would be a guess about
where the break fell.
"""

from __future__ import annotations

import re
import unicodedata

from ..evidence import Reading
from .linetext import LineText
from .readings import missing

__all__ = ["cut_number_lines", "without_cut_numbers"]

#: a line ending in a number left unfinished: 96171. / 1,2 / 3，15 / 12， (a thousands group is three digits)
_UNFINISHED = re.compile(r"([0-9０-９][0-9０-９,，]*)(?:[.．,，]|(?<=[,，][0-9０-９])|(?<=[,，][0-9０-９]{2}))$")
#: a line ending in a thousands group of one or two digits (``4,75``): never a whole number, whatever follows it;
#: a cell wrapped inside its box prints its rest on the next line that holds the row's cells, a label's line between
_SHORT_GROUP = re.compile(r"([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{1,2})$")
_REST_GAP = 3
#: an item number alone on its line (``3.`` over ``0``: the row's label follows elsewhere), no number's piece
_ITEM_ALONE = re.compile(r"^[0-9０-９]{1,2}[.．]$")
#: a line going on with digits (full-width too)
_GOES_ON = re.compile(r"^[0-9０-９]")
_NOT_DIGITS = re.compile(r"[^0-9]")
#: the characters an unfinished number's line ends in: a point or separator, or a digit of a thousands group begun
_MARKS = frozenset(".．,，")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_COMMAS = frozenset(",，")
#: how much of a line's end is searched: a count's ten digits, their separators and a decimal point
_TAIL = 24
#: a line's end, its spaces aside, that may end an unfinished number: a point or a separator, or a digit one or two
#: characters after a separator (what :func:`cut_number_lines` asks of each line's last characters, asked of the
#: text at once: a line ending so is found, and then looked at as before)
_MAY_END_CUT = re.compile(r"[.．,，](?:[^\S\n]*$|(?<=[,，]).?[0-9０-９][^\S\n]*$)", re.M)   # (a mark first: quick to find)

NOTE = "a number cut by a line break (its first piece ends the line above, unfinished): not a cell's number"


def _digits(text: str) -> str:
    return _NOT_DIGITS.sub("", unicodedata.normalize("NFKC", text))


def cut_number_lines(lines: list[str], start: int, end: int) -> dict[int, str]:
    """The 1-based numbers of the lines in ``start`` … ``end`` - 1 (1-based) holding a number cut by a line break
    (the line that ends in its unfinished first piece and the line that goes on with its digits), each with the
    first piece's digits. Only a line's last characters are looked at (:data:`_TAIL`: a count has ten digits at
    most), so a line of any length costs the same."""
    out: dict[int, str] = {}
    for i in LineText.of(lines).indices(_MAY_END_CUT, max(start, 1) - 1, min(end, len(lines)) - 1):
        n = i + 1
        line = lines[n - 1].rstrip()
        if not line or (line[-1] not in _MARKS and not (line[-1] in _DIGITS and _COMMAS & set(line[-3:-1]))):
            continue            # (ending in neither a point or separator nor a thousands group begun: 1,2 / 3，15)
        if _ITEM_ALONE.match(line.lstrip()):
            continue
        tail = line[-_TAIL:]
        if _GOES_ON.match(lines[n].lstrip()):
            if (m := _UNFINISHED.search(tail)) is not None:
                out[n] = out[n + 1] = _digits(m.group(1))
        elif (m := _SHORT_GROUP.search(tail)) is not None:      # 4,75 / 形，不计其他情形） / 8: its rest lower down
            rest = next((k for k in range(n + 1, min(n + 1 + _REST_GAP, end, len(lines) + 1))
                         if _GOES_ON.match(lines[k - 1].lstrip())), None)
            if rest is not None:
                out[n] = out[rest] = _digits(m.group(1))
    return out


def without_cut_numbers(readings: dict[str, Reading], cut: dict[int, str]) -> None:
    """Every table reading that rests on a line of ``cut``, or on lines around one (a label's line and its cells'
    lines below a cut piece), left unread (missing, with its raw text), but a number a reader joined back from the
    pieces (it begins with the first piece's digits: ``123.`` / ``9862``)."""
    if not cut:
        return
    for path, r in readings.items():
        if path in ("agency", "year") or r.missing:
            continue
        pieces = [cut[n] for n in range(min(r.lines), max(r.lines) + 1) if n in cut] if r.lines else []
        if pieces and not any(_digits(r.raw).startswith(p) and len(_digits(r.raw)) > len(p) for p in pieces):
            readings[path] = missing(r.raw, r.lines, r.method, NOTE)
