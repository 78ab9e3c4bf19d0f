"""A 表三 row that prints its empty cells as placeholders (``-``, ``无``, ``—``) and lost one cell or split numbers.

OCR of a scanned table prints each cell as a token, a placeholder as one too: ``6.属于四类过程性信息 1 - - 1 - 11``
shows six tokens for seven cells (a number lost: 9 1 - - 1 - 11), ``3.其他 10 1 - - - - 1 1`` eight (11 split in
two); a crawler's dump of a page whose cells hold two runs each parts them (``9 / / 3 2 / / 4 1``: 32 and 41
split). Read by its numbers alone, the first row has three numbers for seven cells (35 placements, four cells
open in each) and nothing is pinned: every column sum through it goes unchecked. The placeholders hold their
places among the tokens, as printed cells do: a lost cell at each of the seven places, or neighbouring numbers
joined as printed (``runjoins``), and each is kept only where the row's own total can hold. The identities choose among them; what they
pin is derived, never proven, and a cell that every reading left standing is a placeholder in stays blank.
"""

from __future__ import annotations

from itertools import combinations

from ..evidence import Ambiguity, CellKind
from ..schema import TABLE3_ROW_PATHS
from .glued import row_holds
from .layout import Item
from .readings import Readings
from .runjoins import printed_pieces

__all__ = ["MarkOption", "placeholder_options", "placeholders_where_printed", "split_and_lost_options"]

#: a reading of the row's cells (a placeholder counted 0, the lost cell ``None``) and which cells are placeholders
MarkOption = tuple[list[int | None], list[bool]]

_WIDTH = 7
_COUNTS = frozenset({CellKind.NUMBER, CellKind.ZERO})
#: a cell read through OCR confusions (``l4``), or of OCR letters alone (``O``, ``D``: missing, its guess its value)
_GUESSES = frozenset({CellKind.OCR, CellKind.MISSING})
#: rows read whole that show a column's way of printing an empty cell (a 0, or a placeholder)
_HABIT = 3
#: numbers split over runs in one row (``9 / / 3 2 / / 4 1``: a crawler's dump of a page whose cells hold two runs)
_MAX_JOINS = 3


def placeholder_options(span: list[Item]) -> list[MarkOption]:
    """The readings of a row whose tokens (``span``, its blank fields aside) mix numbers and placeholders, one
    token too few (a lost cell at each place) or up to three too many (neighbouring numbers joined as printed,
    ``9 / / 3 2 / / 4 1`` for 9 / / 32 / / 41); none otherwise."""
    tokens = [it for it in span if it.cell.kind is not CellKind.BLANK]
    # (a cell of OCR letters alone, ``O`` or ``D``, stands in its place with its guess, as a number does)
    kinds = [CellKind.NUMBER if it.cell.kind in _GUESSES and isinstance(it.cell.value, int) else it.cell.kind
             for it in tokens]
    if CellKind.PLACEHOLDER not in kinds or not any(k in _COUNTS for k in kinds) \
            or any(k not in _COUNTS and k is not CellKind.PLACEHOLDER for k in kinds) \
            or any(k in _COUNTS and not isinstance(it.cell.value, int) for k, it in zip(kinds, tokens)):
        return []
    values = [it.cell.value if k in _COUNTS else 0 for k, it in zip(kinds, tokens)]
    marks = [k is CellKind.PLACEHOLDER for k in kinds]
    out: list[MarkOption] = []
    if len(tokens) == _WIDTH - 1:
        for at in range(_WIDTH):
            row: list[int | None] = [*values[:at], None, *values[at:]]
            rest = sum(v for v in row[:-1] if v is not None)
            if at < _WIDTH - 1 and rest > (row[-1] or 0):
                continue                # the lost cell would be negative
            out.append((row, [*marks[:at], False, *marks[at:]]))
    elif _WIDTH < len(tokens) <= _WIDTH + _MAX_JOINS:
        pieces = printed_pieces([it.cell.raw for it in tokens], values)
        places = [i for i in range(len(tokens) - 1) if not marks[i] and not marks[i + 1]]
        for joins in combinations(places, len(tokens) - _WIDTH):
            groups: list[list[int]] = []
            for i in range(len(tokens)):
                if i - 1 in joins:
                    groups[-1].append(i)
                else:
                    groups.append([i])
            parts = ["".join(pieces[i] for i in g) for g in groups]
            if any(not marks[g[0]] and p[:1] == "0" and p != "0" for g, p in zip(groups, parts)):
                continue                # (a count never starts with 0: 2 08 is 208, 08 alone no cell)
            row = [0 if marks[g[0]] else int(p) for g, p in zip(groups, parts)]
            if row_holds(row):          # (every cell known: the row's total checks the joins)
                out.append((row, [marks[g[0]] for g in groups]))
    return out


def split_and_lost_options(numbers: list[int], width: int = _WIDTH) -> list[list[int]]:
    """The readings of a row of ``width`` numbers whose own total fails, as two neighbouring applicant cells split
    from one number and an applicant cell lost (OCR: ``1 4 0 0 0 0 15`` for 14 0 0 0 0 1 15): every join of two
    neighbours before the total (a part never starts with 0), the lost cell at each applicant place, its value what
    the total leaves. The last number stays the total: a join only adds to the cells, so a row whose applicant
    cells, joined, add up to more than its total (``441 24 2 4 18 16 506``, a misprint by one; ``1948 130 5 19 29 50
    2180``) is none, and is kept as printed, its identities disputed."""
    if len(numbers) != width or sum(numbers[:-1]) >= numbers[-1]:
        return []
    total = numbers[-1]
    out: list[list[int]] = []
    for i in range(width - 2):
        if numbers[i] == 0:
            continue                    # (a count never starts with 0)
        five = [*numbers[:i], int(f"{numbers[i]}{numbers[i + 1]}"), *numbers[i + 2:width - 1]]
        lost = total - sum(five)
        if lost < 0:
            continue
        for at in range(width - 1):
            row = [*five[:at], lost, *five[at:], total]
            if row not in out:
                out.append(row)
    return out


def placeholders_where_printed(ambiguities: list[Ambiguity], readings: Readings) -> None:
    """Keep, of a placeholder row's readings (``无 无 无 无 无 0``: a cell lost, every value 0), those that put its
    placeholders only in columns where the table's rows read whole print placeholders: a column that prints its
    empty cells as numbers in every row (自然人 ``0``, the others ``无``) does not print ``无`` in this one. Only where
    rows read whole show such a habit (placeholders in some columns, never in others) and a reading keeps it."""
    if not any(a.marks and len(a.paths) == _WIDTH for a in ambiguities):
        return                      # (no placeholder row's readings to keep: the rows' habits need not be counted)
    zeros, marks = [0] * _WIDTH, [0] * _WIDTH
    for row_paths in TABLE3_ROW_PATHS.values():
        cells = [readings.get(p) for p in row_paths]
        if any(r is None or r.missing for r in cells):
            continue                                # (a row read whole, placeholders printed in their columns)
        for j, r in enumerate(cells[:-1]):
            if r is not None and r.kind is CellKind.ZERO:
                zeros[j] += 1
            elif r is not None and r.kind is CellKind.PLACEHOLDER:
                marks[j] += 1
    never = {j for j in range(_WIDTH - 1) if zeros[j] >= _HABIT and not marks[j]}
    if not never or sum(1 for j in range(_WIDTH - 1) if marks[j] >= _HABIT and not zeros[j]) < 2:
        return                      # (a habit: columns that print an empty cell one way only, each way shown)
    for a in ambiguities:
        if not a.marks or len(a.paths) != _WIDTH:
            continue
        keep = [i for i, marked in enumerate(a.marks) if not any(marked[j] for j in never)]
        if keep and len(keep) < len(a.options):
            a.options = [a.options[i] for i in keep]
            a.marks = [a.marks[i] for i in keep]
