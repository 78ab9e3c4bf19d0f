"""Blanks the identities cannot tell from lost numbers.

Isolated blanks: a blank cell whose neighbours in its row and its column are all numbers (a column neighbour the
reader lost counts as one: its row was misread, as the blank's own may have been: a page's grid with a column
more than the table's, pymupdf4llm of a browser's print, ``|继续办理<br>0|0|0|0||0|0|0|``). A table
filled with numbers rarely leaves one cell empty: more often a ``0`` was lost (by OCR, a PDF
converter, a crawler). Blank counts as 0 in the identities, so they cannot tell the two apart; such a
cell is ``unverified`` (rule ``READ.ISOLATED_BLANK``), never proven. So are two such blanks one above the
other, numbers all around the pair (two rows that each lost a cell, their numbers moved one field left: a
cell dropped, two cells run together as ``00``, each row's last field left empty).

Blank rows: a 表三 row the identities pin to 0 throughout (nothing of it read, its label alone) in a table
that prints empty cells beside numbers in a row of its own (not an isolated blank), and no 0 in such a row,
is read blank (``DERIVE.BLANK_ROW``), still ``derived``: such a table prints its zeros as empty cells, and a
row of zeros as a row of them. Where no row shows empty cells beside numbers, or one prints a 0 beside its
empty cells (a table of zeros with a few cells left empty), the pinned 0s stand.

Blanks in a broken row: the blank cells of a 表三 row an identity disputes (``READ.BLANK_IN_BROKEN_ROW``). The row
was misread somewhere (a count wrapped in its narrow cell, its first pieces and the row's 0s on a line the row did
not take: ``3 — — — — — 3`` for ``1643 0 0 0 0 0 1643``), so its empty cells may be the lost numbers; the column
sums, where blank counts as 0, cannot tell. They are ``unverified``, never proven.

Empty grid rows: a 表三 row read from a Markdown grid line of empty fields, in a table where the
identities pinned lost cells (``READ.EMPTY_GRID_ROW``). A converter that drops a row's numbers (onto
a line no label claims, or nowhere) leaves its fields empty; the pinned cells then take the dropped
numbers too (a lost row of 19 pinned to 37 beside an empty row of 18), and every identity holds. Where
nothing was pinned the identities check an empty row as any other.

Lone blank rows: a 表三 row read from a Markdown grid line of empty fields (or from above its label with no line of its
cells printed: a line of numbers a converter or crawler dropped leaves that text), in a table whose every other row printed
its seven cells as numbers, its zeros as 0 (``READ.LONE_BLANK_ROW``). A table that prints 0 wherever a row holds
nothing rarely leaves one row empty: more often a converter moved the row's numbers onto a line no label claimed
(markitdown of a LibreOffice PDF whose 表三 runs over a page: the repeated header, then the numbers of the row the
page break cut, then its label over empty fields). A row of zeros lost so leaves every identity holding (blank
counts as 0), so they cannot tell; the row's blanks are ``unverified``, never proven.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from llm_extract.evidence import Ambiguity, CellKind, Method, Reading
from llm_extract.form import FORM
from llm_extract.schema import TABLE3_ROW_PATHS

from .rules import register
from .survey import Survey

__all__ = ["pinned_placeholders", "PLACEHOLDER_NOTE", "isolated_blanks", "RULE", "blanks_in_broken_rows", "BROKEN_ROW_RULE", "empty_grid_rows", "EMPTY_GRID_ROW_RULE",
           "lone_blank_rows", "LONE_BLANK_ROW_RULE",
           "blank_pinned_rows", "BLANK_ROW_RULE", "BLANK_ROW_NOTE"]

RULE = "READ.ISOLATED_BLANK"
EMPTY_GRID_ROW_RULE = "READ.EMPTY_GRID_ROW"
BROKEN_ROW_RULE = "READ.BLANK_IN_BROKEN_ROW"
BLANK_ROW_RULE = "DERIVE.BLANK_ROW"
LONE_BLANK_ROW_RULE = "READ.LONE_BLANK_ROW"
BLANK_ROW_NOTE = ("read blank: the identities pin the row to 0, and this table prints empty cells beside numbers "
                  "(its zeros as empty cells)")
register(BLANK_ROW_RULE, "勾稽关系确定此行全为 0，而本表在数字旁以空白单元格表示 0，此行未印任何数字：读作空白（仍为推导值）",
         "the identities pin this 表三 row to 0 throughout, and the table prints empty cells beside numbers (its "
         "zeros as empty cells) while the row prints nothing: read blank (still derived)")
register(BROKEN_ROW_RULE, "表三此行有单元格与勾稽关系矛盾（读错），其空白单元格可能是丢失的数字：不予证明",
         "a blank cell of a 表三 row an identity disputes: the row was misread somewhere, and its empty cells may be "
         "the lost numbers (blank counts as 0 in the sums): not proven")
register(EMPTY_GRID_ROW_RULE, "表三此行读自 Markdown 表格中一行空白字段，而表中另有缺失单元格由勾稽关系确定：转换工具丢掉一行数字时留下空字段，"
         "确定的单元格会把丢掉的数字一并吸收，勾稽关系照样成立：空白不予证明",
         "a 表三 row read from a Markdown grid line of empty fields, in a table whose lost cells the identities "
         "pinned: a converter that drops a row's numbers leaves its fields empty, and the pinned cells absorb the "
         "dropped numbers while every identity holds: the blanks are not proven")
register(LONE_BLANK_ROW_RULE, "表三此行读自 Markdown 表格中一行空白字段，七个单元格全空，而表中其他各行七个单元格都印有数字（0 印作 0）：更可能是转换工具把此行数字移到了别处，"
         "空白计作 0，勾稽关系无法分辨：不予证明",
         "a 表三 row read from a Markdown grid line of empty fields in a table whose every other row printed its seven cells as "
         "numbers (its zeros as 0): more likely a converter moved the row's numbers elsewhere; blank counts as 0, "
         "so the identities cannot tell: not proven")


def _grids() -> list[list[list[str]]]:
    t3 = [[f"applications.{r}.{c}" for c in FORM.table3_column_keys] for r in FORM.table3_row_keys]
    t4 = [[f"review_litigation.{g}.{c}" for c in FORM.table4_column_keys] for g in FORM.table4_group_keys]
    stock = [[f"{row.path}.{c.key}" for c in row.columns] for row in FORM.table2 if len(row.columns) > 1]   # 规章, 规范性文件
    return [t3, t4, stock]


def _neighbours() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each cell's row neighbours, and its column neighbours above and below (those that exist)."""
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for grid in _grids():
        for i, row in enumerate(grid):
            for j, path in enumerate(row):
                column = tuple(grid[k][j] for k in (i - 1, i + 1) if 0 <= k < len(grid))
                out[path] = tuple(p for p in row if p != path), column
    return out


_NEIGHBOURS = _neighbours()


def isolated_blanks(readings: Mapping[str, Reading], survey: Survey | None = None,
                    printed: Collection[str] = ()) -> set[str]:
    """Paths of blank cells whose every row neighbour and whose column neighbours above and below
    (those that exist) were read as numbers, or which stand so in a pair, one above the other
    (``survey``: of ``readings``, where known: most documents read no blank cell at all). The cells of
    ``printed`` are none: a web page printed them as empty cell elements (extract/printedblanks.py)."""
    blank = CellKind.BLANK                  # (an enum member's lookup is not free: once, not per cell)
    if survey is not None and blank not in survey.kinds:
        return set()

    def number(path: str) -> bool:      # (OCR letters where a number belongs, the reader's guess their value: one too)
        r = readings.get(path)
        return r is not None and r.value is not None and r.kind is not blank

    def number_or_lost(path: str) -> bool:     # (a column neighbour the reader lost: its row misread, not blank)
        r = readings.get(path)
        return r is None or r.kind is CellKind.MISSING or number(path)

    in_rows = {path for path, r in readings.items() if r.kind is blank and path in _NEIGHBOURS
               and all(number(p) for p in _NEIGHBOURS[path][0])}      # numbers all along its row
    out: set[str] = set()
    for path in in_rows:
        column = _NEIGHBOURS[path][1]
        if all(number_or_lost(p) for p in column):
            out.add(path)
        elif any(q in in_rows and all(number(p) for p in column if p != q)
                 and all(number(p) for p in _NEIGHBOURS[q][1] if p != path) for q in column):
            out.add(path)                   # one of a pair, one above the other, numbers all around it
    return out.difference(printed) if printed else out


def empty_grid_rows(readings: Mapping[str, Reading], pinned: Collection[str]) -> set[str]:
    """The cells of every 表三 row read as empty fields of a Markdown grid line, when the identities pinned
    some 表三 cell (``pinned``: the derived paths)."""
    if not any(p.startswith("applications.") for p in pinned):
        return set()
    out: set[str] = set()
    for paths in TABLE3_ROW_PATHS.values():
        rs = [readings.get(p) for p in paths]
        if all(r is not None and r.kind is CellKind.BLANK and r.method == Method.GRID_ROW for r in rs):
            out.update(paths)
    return out


def _unprinted_above(readings: Mapping[str, Reading], paths: tuple[str, ...]) -> bool:
    """A row read empty from above its label (extract/above.py) with no line of its cells printed, empty or not: each
    cell's evidence its label's line alone (markitdown of labels under their numbers, the line of numbers a crawler
    or converter dropped). Seven empty cells printed between two labels, one to a line, are cited and stay read."""
    lines = {tuple(readings[p].lines) for p in paths}
    return all(readings[p].method == Method.CELLS_ABOVE_LABEL for p in paths) and len(lines) == 1 \
        and len(next(iter(lines))) == 1


def lone_blank_rows(readings: Mapping[str, Reading], survey: Survey | None = None) -> set[str]:
    """The cells of the 表三 rows read empty throughout from Markdown grid lines (or from above their labels with no
    line of cells printed: :func:`_unprinted_above`), when every other 表三 row was read as seven numbers (at least
    one of them a printed 0, and at most one row in three empty: a table that prints its zeros). ``survey``: of
    ``readings``, where known (a document that read no blank cell has no such row)."""
    blank = CellKind.BLANK
    if survey is not None and blank not in survey.kinds:
        return set()
    empty: list[tuple[str, ...]] = []
    zero = False
    for paths in TABLE3_ROW_PATHS.values():
        kinds = [r.kind if (r := readings.get(p)) is not None else None for p in paths]
        if all(k is blank for k in kinds):
            if not (all(readings[p].method == Method.GRID_ROW for p in paths) or _unprinted_above(readings, paths)):
                return set()            # (an empty row of a text or HTML table: printed so, as far as one can tell)
            empty.append(paths)
        elif any(k not in (CellKind.NUMBER, CellKind.ZERO) for k in kinds):
            return set()                # another row prints a blank, a placeholder, or was not read
        else:
            zero = zero or CellKind.ZERO in kinds
    if not zero or 3 * len(empty) > len(TABLE3_ROW_PATHS):
        return set()
    return {p for paths in empty for p in paths}


def blank_pinned_rows(readings: Mapping[str, Reading], pinned: Mapping[str, int | None],
                      isolated: Collection[str]) -> set[str]:
    """The cells of every 表三 row the identities pinned to 0 throughout (``pinned``: the derived values), when a
    row of the table was read with an empty cell beside a number (the empty cell not one of ``isolated``,
    :func:`isolated_blanks`: a lost 0 more likely than an empty cell) and no such row prints a 0."""
    if not pinned:
        return set()                        # (most documents: nothing pinned)
    rows = [paths for paths in TABLE3_ROW_PATHS.values() if all(pinned.get(p, 1) == 0 for p in paths)]
    if not rows:
        return set()
    blank, number = CellKind.BLANK, CellKind.NUMBER
    showing = []                            # the rows with an empty cell beside a number: the kinds of their cells
    for paths in TABLE3_ROW_PATHS.values():
        kinds = {r.kind for p in paths
                 if (r := readings.get(p)) is not None and (r.kind is not blank or p not in isolated)}
        if blank in kinds and number in kinds:
            showing.append(kinds)
    if not showing or any(CellKind.ZERO in kinds for kinds in showing):
        return set()                        # (a 0 printed beside an empty cell: the empty cell is no 0 of its table)
    return {p for paths in rows for p in paths}


def blanks_in_broken_rows(readings: Mapping[str, Reading], disputed: Collection[str]) -> set[str]:
    """The blank cells of every 表三 row with a disputed cell (see the module docstring)."""
    rows = {p.split(".")[1] for p in disputed if p.startswith("applications.")}
    return {p for row in rows for p in TABLE3_ROW_PATHS.get(row, ())
            if (r := readings.get(p)) is not None and r.kind is CellKind.BLANK}


PLACEHOLDER_NOTE = "a placeholder printed in its place under every reading the identities leave: blank"


def pinned_placeholders(ambiguities: list[Ambiguity], pinned: Mapping[str, int | None]) -> set[str]:
    """The cells pinned to 0 that every reading of their row agreeing with what was pinned holds as a printed
    placeholder (``1 - - 1 - 11``, a cell lost: extract/markgaps.py): blank, as the row printed them, not 0."""
    out: set[str] = set()
    for group in ambiguities:
        if not group.marks or not any(p in pinned for p in group.paths):
            continue
        alive = [marked for option, marked in zip(group.options, group.marks)
                 if all(v is None or p not in pinned or pinned[p] == v for p, v in zip(group.paths, option))]
        if alive:
            out |= {p for j, p in enumerate(group.paths) if pinned.get(p) == 0 and all(m[j] for m in alive)}
    return out
