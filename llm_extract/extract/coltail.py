"""表三's lower rows printed as bands of column groups, its first rows printed elsewhere.

``pdftotext`` (default mode) may print a wide table band by band, each column's cells of a band a group of
lines (:mod:`.colgroups`), but its first rows otherwise: the tall rows 一、 and 二、 (their labels wrapped)
as cells one to a group, some of their columns beside 表二's numbers or the column headers, a column's
first four cells as one group. The bands below still hold: （一） and （二）, then （三）'s eight rows, …,
down to 四、结转下年度继续办理, seven groups of one size each, left to right.

Here the bands are read from the table's end upwards: a chain of bands (seven consecutive groups of one
size, text only before a band, the row labels printed before a band naming one of its rows, most of its
rows in bands of two rows or more: a band of one row is a row printed cell by cell as much) whose last
band ends the table (四、结转下年度继续办理 its last row) and which holds at least every row from （一）予以公开
down (so that every column's sum, （七）总计 = its 21 outcome rows, checks where the chain puts each
band). The rows above the chain are left unread. Likewise a chain from the table's first row down to （七）总计
exactly, 四、结转下年度继续办理 printed elsewhere (cell by cell among text): the identities then pin that row.
The chains whose tables hold every identity their cells complete are read together where they read every
cell they share alike (two chains reading a cell otherwise: none is).

The columns' order is the page's, as in :mod:`.colgroups`: never proven (``READ.COLUMN_RUNS``) but for
its cells no order of the six applicant columns changes (verify/guesses.py).
"""

from __future__ import annotations

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, all_counts
from .t3instances import instances_complete
from .colgroups import Group, bands, labels_fit, table3_groups
from .readings import Readings, reading

__all__ = ["read_column_tail"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
#: the highest first row a chain may have: every outcome row (（一）予以公开 on) in it
_LOWEST_TOP = _ROWS.index("granted")
#: the row a chain from the table's top must reach: every column's sum (（七）总计) in it
_TOTAL = _ROWS.index("total_processed")


def _columnar(chain: list[Group]) -> bool:
    """Most of the chain's rows stand in bands of two rows or more: a group of one number is a column's
    cell as much as a row's (``pdf2txt.py`` boxes every cell of a column apart, a blank line after each;
    a row printed cell by cell is seven such groups too), only a group of several is a column's run."""
    return sum(len(g) for _, g in chain if len(g) > 1) > sum(1 for _, g in chain if len(g) == 1)


def _tails(groups: list[Group], end: int) -> list[tuple[int, list[list[Number]]]]:
    """Every chain of bands ending right before ``groups[end]`` that ends the table and reaches （一）予以公开's
    row: its first row and its rows (a longer one may take in a row of other numbers above, a shorter one not).

    Read upwards a band at a time: a chain from a band is that band (text allowed among its groups) on top of the
    chain below it (none allowed there), each band's first row fixed by the numbers below it. So a band that is no
    later band of a chain (groups of unlike sizes, text among them, labels of other rows) ends the search: no chain
    from further up reads through it."""
    found: list[tuple[int, list[list[Number]]]] = []
    below: list[list[Number]] = []              # the rows of the chain below ``first``
    count = 0                                   # the numbers in groups[first:end], added as ``first`` moves up
    runs = lone = 0                             # the numbers in groups of several, the groups of one (_columnar)
    for first in range(end - _WIDTH, -1, -_WIDTH):
        band = groups[first:first + _WIDTH]
        k = len(band[0][1])
        count += k * _WIDTH
        top = len(_ROWS) - count // _WIDTH
        if top < 0 or any(len(g) != k for _, g in band) \
                or not all(labels_fit(text, top, k) for text, _ in band if text):
            break
        runs, lone = (runs + k * _WIDTH, lone) if k > 1 else (runs, lone + _WIDTH)
        below = [[g[r] for _, g in band] for r in range(k)] + below
        if top <= _LOWEST_TOP and runs > lone:
            found.append((top, below))
        if any(text for text, _ in band[1:]):
            break
    return found


def _head(groups: list[Group], first: int) -> tuple[int, list[list[Number]]] | None:
    """The chain of bands from ``groups[first]`` holding the table's rows down to （七）总计 exactly (its last
    row printed elsewhere): first row 0 and its rows."""
    read = bands(groups, first, _WIDTH, 0, _TOTAL + 1)
    return (0, read[0]) if read is not None and _columnar(groups[first:read[1]]) else None


def _holds(top: int, rows: list[list[Number]]) -> bool:
    """Every 表三 identity whose cells all stand in rows ``top`` … 25 holds (a blank counts 0)."""
    if not all_counts(n for row in rows for n in row):
        return False
    values = {(top + r, c): n.cell.value or 0 for r, row in enumerate(rows) for c, n in enumerate(row)}
    return instances_complete(values)


def read_column_tail(lines: list[str]) -> Readings | None:
    """表三's rows from （一）予以公开 (or above) down, from its bands of column groups read upwards from the
    table's end (see the module's docstring), or ``None``."""
    found = table3_groups(lines)
    if found is None:
        return None
    groups = found[1]
    tables = [chain for end in range(_WIDTH, len(groups) + 1) for chain in _tails(groups, end) if _holds(*chain)]
    tables += [chain for first in range(len(groups))
               if (chain := _head(groups, first)) is not None and _holds(*chain)]
    cells: dict[tuple[int, int], Number] = {}
    for top, rows in tables:
        for r, row in enumerate(rows):
            for c, n in enumerate(row):
                if cells.setdefault((top + r, c), n).cell.value != n.cell.value:
                    return None                 # two chains holding with other values: neither is read
    return {f"applications.{_ROWS[r]}.{_COLS[c]}":
            reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
            for (r, c), n in sorted(cells.items())} or None
