"""A row's printed numbers against a model's cells: which of the model's values the text prints where it says.

    match_cells(values, cells) -> (status, found per cell)

``values`` is the text printed after a row's label (up to the next label); ``cells`` the model's values for
the row's cells, in order (None: the model's blank). The status is ``exact`` (the numbers, one for one, or
with a slip in one or two cells where a number among the rest names the row), ``digit_run`` (the digits are
the cells' concatenation, cut otherwise) or ``not_found``. Numbers are read on normalised text: OCR
confusions (O→0, l/I→1, S→5, B→8, Z→2), thousands separators dropped. Used by :mod:`verify.grounding`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .lostcell import settled_cells

__all__ = ["match_cells", "numbers", "marked", "run_pieces", "EXACT", "DIGIT_RUN", "NOT_FOUND"]

EXACT, DIGIT_RUN, NOT_FOUND = "exact", "digit_run", "not_found"

_OCR = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": " ", "S": "5", "B": "8",
                      "Z": "2"})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(values: str) -> list[str]:
    """The numbers printed in a segment's value text (OCR confusions and separators repaired)."""
    text = _THOUSANDS.sub("", values.translate(_OCR))
    return _NUMBER.findall(text)


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v != v.to_integral_value() else str(int(v))
    return str(v)


def _same(printed: str, value: str) -> bool:
    """The printed number is the value. A cell never prints leading zeros: ``000`` is a run of three
    cells (a digit run), not the number 0."""
    if len(printed) > 1 and printed[0] == "0" and printed[1].isdigit():
        return False
    try:
        return Decimal(printed) == Decimal(value)
    except ArithmeticError:
        return False


def _slip(per_cell: list[bool], given: list[str | None]) -> bool:
    """A slip in one or two cells: the rest stand, where a number among them names the row (zeros alone stand
    in any row: 0 0 0 0 0 matched beside 1 … 1 are another row's, a blank row's label run into it)."""
    return sum(per_cell) >= len(per_cell) - 2 and any(ok and g not in (None, "0") for ok, g in zip(per_cell, given))


_BLANK_MARK = re.compile(r"^(?:/|[-—–－]+|×)$")


#: a row's cells run together, its blanks marked (a crawler's dump of ``0 — — — — — 0``: ``0—————0``): each mark
#: character one blank cell, each number one cell
_GLUED_CELL = re.compile(r"\d+(?:\.\d+)?|[/—–－×-]")


#: the label's own trailing punctuation, left before its row's cells (``1.申请人无正当理由逾期不补正、 0 0 无 无 0 0 0``)
_LABEL_TAIL = re.compile(r"^\s*[、，,：:；;。]+")


def _marked(values: str) -> list[str | None] | None:
    """A row's cells as printed when they are numbers and blank marks only (``0 — 0 — — 0 0``, 无 read as
    ``/``), a mark standing for its blank cell: None when there is no mark, or anything else. Run together
    (``0—————0``), each mark character is a cell: the count of cells is checked against the model's."""
    text = _LABEL_TAIL.sub("", _THOUSANDS.sub("", values.translate(_OCR)))
    tokens = text.split()
    if len(tokens) == 1 and not _BLANK_MARK.match(tokens[0]):
        glued = _GLUED_CELL.findall(tokens[0])
        if "".join(glued) == tokens[0] and len(glued) > 1:
            tokens = glued
    if not any(_BLANK_MARK.match(t) for t in tokens) or \
            not all(_BLANK_MARK.match(t) or _NUMBER.fullmatch(t) for t in tokens):
        return None
    return [None if _BLANK_MARK.match(t) else t for t in tokens]


marked = _marked      # (verify/blanktwins.py: a row marking its every blank has no twin)


def _match_marked(values: str, cells: Sequence[Any]) -> tuple[str, list[bool]] | None:
    """A row printed with its blanks marked, cell for cell against the model's: a number where the text marks a
    blank, or a blank where it prints a number, is not found (the mark says which cell is blank)."""
    printed = _marked(values)
    given = [_text(c) for c in cells]
    if printed is None or len(printed) != len(given):
        return None
    per_cell = [(t is None) == (g is None) and (t is None or _same(t, g)) for t, g in zip(printed, given)]  # type: ignore[arg-type]
    if all(per_cell) or _slip(per_cell, given):
        return EXACT, per_cell
    return NOT_FOUND, [False] * len(given)


def _is(value: Decimal | None, printed: str) -> bool:
    return value is not None and value == Decimal(printed)


def _match(tokens: list[str], cells: Sequence[Any], sums: Sequence[tuple[int, int]] = (),
           values: str = "") -> tuple[str, list[bool]]:
    """The row's status and, for ``exact`` rows, which of the model's cells are printed where it says."""
    given = [_text(c) for c in cells]
    wanted = [g for g in given if g is not None]
    if len(tokens) == len(wanted):
        hits = iter([_same(t, w) for t, w in zip(tokens, wanted)])
        per_cell = [True if g is None else next(hits) for g in given]
        if all(per_cell) and None in given:
            # the model's blanks printed as nothing: a blank and a 0 trade places unseen, so no 0 of the row
            # is found where the model puts it (its other numbers are: a shift would move them)
            return EXACT, [ok and g != "0" for ok, g in zip(per_cell, given)]
        if all(per_cell):
            return EXACT, per_cell
        if _slip(per_cell, given):
            # (the same with a slip: a row printing its blanks as nothing places none of its zeros)
            return EXACT, [ok and not (g == "0" and None in given) for ok, g in zip(per_cell, given)]
    digits = "".join(tokens).replace(".", "")
    if wanted and digits and digits == "".join(wanted).replace(".", ""):
        return _run_blanks(values, given)
    if len(tokens) == len(wanted) - 1 and tokens:      # the text lost a cell: which one could it be?
        lost = [i for i in range(len(wanted))
                if all(_same(t, w) for t, w in zip(tokens, wanted[:i] + wanted[i + 1:]))]
        if lost:     # the model's is one choice of the lost cell: a cell is found where every choice gives its value
            settled = settled_cells(tokens, len(wanted), sums if None not in given else ())   # (verify/lostcell.py)
            order = iter(range(len(wanted)))
            return EXACT, [True if g is None else _is(settled[next(order)], g) for g in given]
    return NOT_FOUND, [False] * len(given)


def match_cells(values: str, cells: Sequence[Any], sums: Sequence[tuple[int, int]] = ()) -> tuple[str, list[bool]]:
    """The row's status and, for ``exact`` rows, which of the model's cells are printed where it says. ``sums``: spans
    ``[a, b)`` of cells whose last is the sum of the others (a row's total), for a row whose text lost a cell."""
    return _match_marked(values, cells) or _match(numbers(values), cells, sums, values)


def run_pieces(values: str) -> list[str | None] | None:
    """A run's printed pieces: digit strings, and None for each blank mark (a mark character glued among digits,
    ``1550/0/18173``, is one blank cell; a token of marks alone is one); None when anything else is printed."""
    out: list[str | None] = []
    for token in _LABEL_TAIL.sub("", _THOUSANDS.sub("", values.translate(_OCR))).split():
        if _BLANK_MARK.match(token):
            out.append(None)
            continue
        parts = _GLUED_CELL.findall(token)
        if "".join(parts) != token:
            return None
        out += [None if _BLANK_MARK.match(t) else t.replace(".", "") for t in parts]
    return out


def _fits(pieces: list[str | None], given: list[str | None]) -> bool:
    """Whether the model's cells, in order, are the pieces: each blank at a mark, each run of numbers between two
    marks exactly a piece's digits."""
    rest, k = "", 0
    for g in given:
        if g is None:
            if rest or k >= len(pieces) or pieces[k] is not None:
                return False
            k += 1
            continue
        if not rest:
            if k >= len(pieces) or pieces[k] is None:
                return False
            rest, k = pieces[k] or "", k + 1
        digits = g.replace(".", "")
        if not rest.startswith(digits):
            return False
        rest = rest[len(digits):]
    return not rest and k == len(pieces)


def _run_blanks(values: str, given: list[str | None]) -> tuple[str, list[bool]]:
    """A digit run's grounding where the model gives blanks. Where the run marks blank cells (``1550/0/18173``, a
    crawler's dump of ``155 0 / 0 / 18 173``), the model's blanks must stand at the marks and its numbers fill the
    pieces between them, else it is not found. Where the model gives a blank the run marks nowhere (a blank cell
    printed as nothing), a blank and a 0 trade places unseen: no 0 of the row is found where the model puts it."""
    pieces = run_pieces(values) if values else None
    if pieces is not None and None in pieces:
        return (DIGIT_RUN, [True] * len(given)) if _fits(pieces, given) else (NOT_FOUND, [False] * len(given))
    if None in given:
        return DIGIT_RUN, [g != "0" for g in given]
    return DIGIT_RUN, [True] * len(given)
