"""表三 rows whose labels ran together on one line with one row's cells after them: which row printed the cells is a guess.

A scan whose table lost the rules between its label cells (a page break's repeated header, a seal, faint rules)
gives OCR one cell holding several labels in a row, ``（二）部分公开（…）1.属于国家秘密2.其他法律…8.属于行政查询事项``,
and only the first row's numbers after it. The reader cuts the line into its labels and gives the numbers to the
label they follow, the last; the others are left lost. Moving a whole row's numbers from one outcome row to another
keeps every identity (they stand in the same column sums), so the identities cannot tell: the row read so is a
guess (``Method.CELLS_ABOVE_OR_BELOW``: verify/guesses.py leaves it unverified), and so are the other rows of that
line that fixed-width text reads blank (a label with nothing after it on its line: the numbers after the line may
be theirs). Only cells printed on lines of their own after the labels' line are so: a crawler's one-line 表三 prints
every row's cells on the labels' line (its rows told apart by their own labels), untouched.
"""

from __future__ import annotations

from ..evidence import CellKind
from ..schema import TABLE3_ROW_PATHS
from .direction import EITHER_WAY
from .readings import Readings

__all__ = ["rows_sharing_a_label_line"]

_MISSING, _BLANK = CellKind.MISSING, CellKind.BLANK
#: a label with nothing after it on its line, read as a blank row (fixed-width text)
_GLUED = "glued"


def rows_sharing_a_label_line(out: Readings) -> None:
    """Mark as a guess (:data:`EITHER_WAY`) the read cells of each 表三 row whose label's line holds another row's
    label whose cells were all lost (see the module docstring)."""
    read: dict[int, list[str]] = {}
    lost: dict[int, list[str]] = {}         # a line → the rows on it read blank (their cells lost: none)
    for row, paths in TABLE3_ROW_PATHS.items():
        readings = [out.get(p) for p in paths]
        lines = {r.lines[0] for r in readings if r is not None and r.lines}
        if len(lines) != 1:
            continue
        line = lines.pop()
        if all(r is not None and r.kind is _MISSING for r in readings):
            lost.setdefault(line, [])
        elif all(r is not None and r.kind is _BLANK and r.method == _GLUED for r in readings):
            lost.setdefault(line, []).append(row)       # (fixed-width text: a label with nothing after it, blank)
        elif any(r is not None and r.kind is not _MISSING and r.lines[-1] != line for r in readings):
            read.setdefault(line, []).append(row)       # (its cells on lines of their own after the labels)
    for line in lost.keys() & read.keys():
        for row in read[line] + lost[line]:
            for p in TABLE3_ROW_PATHS[row]:
                r = out[p]
                if r.kind is not _MISSING:
                    out[p] = r.model_copy(update={"method": EITHER_WAY})
