"""表四 as one row of fifteen in plain ``pdftotext`` (no -layout) text of narrow columns: headers, then cells.

A Word table whose fifteen columns are narrow wraps every header (结果 / 维持, or a character to a line) and poppler
prints the first group's five headers with its five cells after them, the two suits' ten headers (under 行政诉讼 /
未经复议直接起诉 / 复议后起诉) with their ten cells after them. 表三's last cells, printed after the heading when its
table ends the page, may stand after the first group's cells or before the headers::

    四、政府信息公开行政复议、行政诉讼情况
    行政复议
    结果
    维持
    …
    总计
    1
    0
    0
    30
    31
    0         ← 表三's cells
    …
    行政诉讼
    未经复议直接起诉
    复议后起诉
    结果
    维持
    … (ten headers)
    0
    0
    2
    0
    2
    2
    …

The suits' columns may instead print each header then its cell (结 / 果 / 维 / 持 / 7 / 结 / 果 / 纠 / 正 / 1 …), their
groups' names where they fall (复议后起诉 before 未经复议直接起诉's 总计).

:func:`read_header_runs` reads such a table: the pieces of one group's five headers in the form's order (结果维持 …
总计) on lines of their own, then at least five numbers, the first five the group's; later the pieces of two
groups' headers, then exactly ten numbers, or the ten headers each then its cell, the two suits' in order
(未经复议直接起诉 named before them, 复议后起诉 after it), and numbers besides them in the section (表三's: with the fifteen alone the table is the row of
fifteen :mod:`.table4` reads in printed order). Every group's total must hold. The cells' order is the tool's,
left to right along the row (``Method.T4_ACROSS_HEADERS``: never proven, ``READ.T4_BLOCK_ORDER``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import CellKind, Method
from ..form import FORM
from ..schema import TABLE4_PATHS
from .cells import Cell, parse_cell
from .linetext import LineText
from .readings import Readings, reading

__all__ = ["header_blocks", "read_header_runs", "section_lines", "section_numbers"]

#: one group's five headers run together, in the form's order
_LABELS = [c.label for c in FORM.table4_columns]
_HEADERS = "".join(_LABELS)
_PIECE = re.compile(f"[{''.join(sorted(set(_HEADERS)))}]+")
_GROUP = len(FORM.table4_columns)
_FIRST, _DIRECT, _AFTER = (g.label.split("·")[-1] for g in FORM.table4_groups)   # 行政复议, 未经复议直接起诉, 复议后起诉
_END = re.compile(r"^[五六七八九十]、")

_Printed = tuple[int, Cell]


def header_blocks(lines: Sequence[str], start: int) -> list[tuple[int, str, list[_Printed]]]:
    """Each run of header pieces after the heading at ``start`` (1-based) up to the next section's heading: the line
    it begins on, what its pieces spell run together, and the numbers printed right after it. Kept with the lines
    (this reader and t4firstlast walk one text's section alike), each caller given lists of numbers of its own."""
    found = LineText.of(lines).found
    key = f"header_blocks {start}"
    if key not in found:
        found[key] = tuple(_header_blocks(lines, start))
    return [(at, spelled, list(printed)) for at, spelled, printed in found[key]]      # type: ignore[attr-defined]


def _header_blocks(lines: Sequence[str], start: int) -> list[tuple[int, str, list[_Printed]]]:
    out: list[tuple[int, str, list[_Printed]]] = []
    pieces: list[str] = []
    at = 0
    after = False                           # right after a run of headers: its numbers
    for n in range(start + 1, len(lines) + 1):
        line = lines[n - 1].strip()
        if not line:
            continue
        if _END.match(line):
            break
        words = line.split()
        if all(_PIECE.fullmatch(w) for w in words):
            at = at or n
            pieces += words
            continue
        if pieces:
            out.append((at, "".join(pieces), []))
            pieces, at, after = [], 0, True
        cell = parse_cell(line)
        if after and (cell.is_number or cell.kind is CellKind.PLACEHOLDER):
            out[-1][2].append((n, cell))
        else:
            after = False
    return out


def _suits(runs: list[tuple[int, str, list[_Printed]]]) -> list[tuple[int, _Printed]] | None:
    """The two suits' ten cells after the first group's: one run of their ten headers then ten numbers, or each
    header then its cell (the groups' names anywhere between); with the header's line."""
    if len(runs) == 1 and runs[0][1] == _HEADERS * 2 and len(runs[0][2]) == 2 * _GROUP:
        return [(runs[0][0], got) for got in runs[0][2]]
    if [spelled for _, spelled, _ in runs] != _LABELS * 2 or not all(cells for _, _, cells in runs):
        return None
    return [(at, cells[0]) for at, _, cells in runs]


def _numbers(printed: list[_Printed]) -> set[int]:
    return {n for n, _ in printed}


def section_lines(lines: Sequence[str], start: int) -> Sequence[str]:
    """The lines after the heading at ``start`` (1-based) up to the next section's heading."""
    return lines[start:_section_end(lines, start) - 1]


def _section_end(lines: Sequence[str], start: int) -> int:
    """The line (1-based) of the next section's heading after ``start``, or past the last line."""
    return next((n for n in range(start + 1, len(lines) + 1) if _END.match(lines[n - 1].strip())), len(lines) + 1)


def section_numbers(lines: Sequence[str], start: int) -> list[int]:
    """The lines of numbers from the heading at ``start`` (1-based) to the next section's heading."""
    out = []
    for n in range(start + 1, _section_end(lines, start)):
        line = lines[n - 1].strip()
        if line and (parse_cell(line).is_number or parse_cell(line).kind is CellKind.PLACEHOLDER):
            out.append(n)
    return out


def read_header_runs(lines: Sequence[str], start: int) -> Readings | None:
    """表四's fifteen cells from a group's headers then its five cells and two groups' headers then their ten (see
    the module's docstring), or None."""
    found = header_blocks(lines, start)
    if len(found) < 2 or found[0][1] != _HEADERS or (suits := _suits(found[1:])) is None:
        return None
    (first_at, _, first), second_at = found[0], found[1][0]
    second = [got for _, got in suits]
    if len(first) <= _GROUP and all(n in _numbers(first + second) for n in section_numbers(lines, start)) \
            or len(first) < _GROUP:
        return None                         # (fifteen numbers alone: the row of fifteen, read in printed order)
    before = [lines[n - 1].strip() for n in range(start + 1, first_at)]
    between = [lines[n - 1].strip() for n in range(first_at, second_at)]
    later = [lines[n - 1].strip() for n in range(second_at, _section_end(lines, start))]
    if _FIRST not in before or _DIRECT not in between or _AFTER not in between[between.index(_DIRECT):] + later:
        return None
    cells = first[:_GROUP] + second
    values = [c.value for _, c in cells]
    if not all(v is None or isinstance(v, int) for v in values):
        return None
    if any((values[g + _GROUP - 1] or 0) != sum(v or 0 for v in values[g:g + _GROUP - 1])
           for g in range(0, len(values), _GROUP)):
        return None
    heads = [first_at] * _GROUP + [at for at, _ in suits]
    return {path: reading(cell, [head, n], Method.T4_ACROSS_HEADERS)
            for path, (n, cell), head in zip(TABLE4_PATHS, cells, heads)}
