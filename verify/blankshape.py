"""表三 rows of zeros whose empty cells left no trace, placed as the table's other short rows print theirs.

A report may leave a whole group of columns empty row after row (the five 法人或其他组织 columns blank, 自然人 and
总计 printed): a text tool gives no token for an empty cell, so each such row prints two numbers (``4 4``, ``0 0``).
:mod:`verify.blankplace` takes the cells not printed as empty and lets the identities place each row: a row of
counts is placed (the column sums take its ``4`` in 自然人 only), but a row of zeros holds in every placement (21 of
them) and stays open, though its two zeros are, like every other short row's, 自然人 and 总计.

Here the rows placed alone are the table's *shape*: where at least two of them print the same count of numbers and
all of those stand in the same columns, an open row printing that count is given the one of its surviving
placements that stands there too, provided the whole table still holds with every such row so placed. The shape is
a guess about the report's habit, not something the identities show: the cells so placed are derived under
``DERIVE.BLANKS_SHAPE`` (never proven, each one queued for review), and nothing is placed where the rows placed alone
disagree about the columns or where only one shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .rules import register

__all__ = ["BLANKS_SHAPE_RULE", "shaped_rows"]

BLANKS_SHAPE_RULE = "DERIVE.BLANKS_SHAPE"
register(BLANKS_SHAPE_RULE,
         "表三此行印出的数字少于七个且勾稽关系留下多种摆法：按本表其他同样只印出这几个数字、已被勾稽关系唯一确定的行所在的列摆放（推导值，不予证明）",
         "a 表三 row printed fewer than seven numbers and the identities leave several placements: placed in the "
         "columns where the table's other rows printing as many numbers, each placed alone by the identities, stand "
         "(derived, never proven)")

Row = tuple[int | None, ...]
#: the rows placed alone that must show one shape before it is taken for the others
_EVIDENCE = 2


def _shape(row: Row) -> tuple[int, ...]:
    return tuple(k for k, v in enumerate(row) if v is not None)


def shaped_rows(alive: Mapping[str, Sequence[Row]], holds: Callable[[Mapping[str, Row]], bool]) -> dict[str, Row]:
    """Each open row (several surviving placements in ``alive``) → its placement in the table's shape, where the
    rows ``alive`` left one placement show it (see the module's docstring) and ``holds`` (the table with those rows
    so placed) says the identities still hold; ``{}`` otherwise."""
    shapes: dict[int, set[tuple[int, ...]]] = {}
    counts: dict[int, int] = {}
    for readings in alive.values():
        if len(readings) == 1 and len(s := _shape(readings[0])) < len(readings[0]):
            shapes.setdefault(len(s), set()).add(s)
            counts[len(s)] = counts.get(len(s), 0) + 1
    chosen: dict[str, Row] = {}
    for row, readings in alive.items():
        if len(readings) < 2 or len({len(_shape(r)) for r in readings}) != 1:
            continue
        n = len(_shape(readings[0]))
        if len(shapes.get(n, ())) != 1 or counts[n] < _EVIDENCE:
            continue
        shape = next(iter(shapes[n]))
        fits = [r for r in readings if _shape(r) == shape]
        if len(fits) == 1:
            chosen[row] = fits[0]
    return chosen if chosen and holds(chosen) else {}
