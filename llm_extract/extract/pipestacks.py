"""A markdown row whose narrow cells' digits wrapped over the pipe rows above and below it: read down each field.

A PDF converter that writes a ruled table as markdown (markitdown) gives each printed line of a row its own pipe
row. Where a Word table's number columns are narrow, a long count wraps over two or three lines of its cell,
centred on the row, and the row comes out three pipe rows tall: the wrapped cells' first pieces in the top row,
their last pieces in the bottom one, the row's short cells (and a three-digit count's middle digit) in the row
between, each in its own field::

    |                  |  | １４ |      |    |    |      |    | １５ |
    | 一、本年新收…数量 |  |      | ３２ | ０ | ０ | ５８ | ０ |      |
    |                  |  | ８９ |      |    |    |      |    | ７９ |

(自然人 1489, 总计 1579). No one of the three rows holds the row; read down each field, they do. Three pipe rows
(separator rows between them aside) are read so only where that is the only way they make one row:

* they have as many fields each; the fields before the first that holds a number hold the label's words (and
  nothing after it does), the words of the three rows naming one row of 表三 together and no other on any line;
* every field after the label holds nothing or one number of digits (a field of two numbers, ``0 0 0``, is
  several columns the converter ran together: their places are not known);
* the top and the bottom row hold pieces in the same fields and nowhere else; each such field's first piece
  starts with no 0 and is no shorter than its last, nor than any number printed in that field on the table's
  other rows of as many fields (a cell wraps where its column is full); the middle row holds a number;
* read down the fields, the row has seven cells and 表三's row identity holds (total = the six applicant columns).

The row is then written on its label's first line, the label's words joined in its first field, and the other
two lines emptied; :func:`pipe_stacked_rows` says which lines each merged line was made of, so that what is read
there cites all of them. Anything else is left as printed (:mod:`.wrappieces` reads such rows, their fields
run together, by placements the identities choose among).
"""

from __future__ import annotations

import re

from ..form import FORM
from .labels import rows_named
from .layout import label_key
from .wrapdigits import DIGITS, FIRST_PIECE, row_sum_holds

__all__ = ["pipe_stacked_rows"]

_WIDTH = len(FORM.table3_columns)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
#: markdown's separator row under a header (| --- | :---: |)
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")


def _fields(line: str) -> list[str] | None:
    """A pipe row's fields, stripped; None for any other line (a separator row too)."""
    if not _PIPE_ROW.match(line) or _RULE_ROW.match(line):
        return None
    return [f.strip() for f in line.strip()[1:-1].split("|")]


def _label_end(band: list[list[str]]) -> int | None:
    """The first field after the label's: where every row's fields turn from words (or nothing) to numbers (or
    nothing) for good; None where a word follows a number or a field holds anything else."""
    numeric = [j for j in range(len(band[0])) if any(DIGITS.match(row[j]) for row in band)]
    if not numeric:
        return None
    k = numeric[0]
    if any(row[j] and not DIGITS.match(row[j]) for row in band for j in range(k, len(row))):
        return None
    if any(DIGITS.match(row[j]) for row in band for j in range(k)):
        return None
    return k


def _names_one_row(band: list[list[str]], k: int) -> bool:
    """Whether the label's words, read down the band, name one row of 表三, and no line's words another."""
    label = "".join(f for row in band for f in row[:k])
    rows = set(rows_named(label_key(label)))
    if len(rows) != 1:
        return False
    return all(set(rows_named(label_key("".join(row[:k])))) <= rows for row in band)


def _widest(rows: list[tuple[int, list[str]]], width: int, skip: set[int]) -> dict[int, int]:
    """For each field, the longest number printed in it on the table's other pipe rows of ``width`` fields."""
    out: dict[int, int] = {}
    for n, fields in rows:
        if n in skip or len(fields) != width:
            continue
        for j, f in enumerate(fields):
            if DIGITS.match(f):
                out[j] = max(out.get(j, 0), len(f))
    return out


def _read(band: list[list[str]], rows: list[tuple[int, list[str]]], lines: set[int]) -> tuple[int, list[str]] | None:
    """Where the band's label ends, and its fields as one row's; None where they make no one row (see the module
    docstring). ``rows``: the table's pipe rows, the band's ``lines`` among them."""
    k = _label_end(band)
    if k is None or not _names_one_row(band, k):
        return None
    top, mid, bottom = band
    wrapped = [j for j in range(k, len(top)) if top[j]]
    if not wrapped or wrapped != [j for j in range(k, len(bottom)) if bottom[j]] \
            or not any(mid[j] for j in range(k, len(mid))):
        return None
    if not all(FIRST_PIECE.match(top[j]) and len(top[j]) >= len(bottom[j]) for j in wrapped):
        return None
    widest = _widest(rows, len(top), lines)     # (the table's other rows read only for a band that gets this far)
    if not all(len(top[j]) >= widest.get(j, 0) for j in wrapped):
        return None
    cells = [top[j] + mid[j] + bottom[j] for j in range(k, len(top))]
    numbers = [c for c in cells if c]
    if len(numbers) != _WIDTH or not row_sum_holds(numbers):
        return None
    return k, ["".join(row[j] for row in band) for j in range(k)] + cells


def pipe_stacked_rows(lines: list[str], start: int, end: int) -> tuple[list[str], dict[int, tuple[int, ...]]]:
    """``lines`` with each row of 表三 (lines ``start`` … ``end - 1``, 1-based) whose narrow cells wrapped over
    three pipe rows merged onto its label's first line (see the module docstring), and for each merged line the
    lines it was made of."""
    out = list(lines)
    merged: dict[int, tuple[int, ...]] = {}
    if "|" not in "\n".join(lines[start - 1:end - 1]):
        return out, merged              # (most tables: no pipe row)
    content = [(n, f) for n in range(start, min(end, len(lines) + 1)) if (f := _fields(lines[n - 1])) is not None]
    i = 0
    while i + 2 < len(content):
        band = content[i:i + 3]
        (a, top), (b, mid), (c, bottom) = band
        read = None
        if len(top) == len(mid) == len(bottom) \
                and all(_RULE_ROW.match(lines[m - 1]) for m in range(a + 1, c) if m != b):   # (separators between)
            read = _read([top, mid, bottom], content, {a, b, c})
        if read is None:
            i += 1
            continue
        k, row = read
        first = next(n for n, fields in band if any(fields[:k]))
        for n, _ in band:
            out[n - 1] = ""
        out[first - 1] = "| " + " | ".join(row) + " |"
        merged[first] = tuple(range(a, c + 1))
        i += 3
    return out, merged
