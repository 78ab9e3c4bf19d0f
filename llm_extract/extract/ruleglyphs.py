"""Table rules an OCR engine read as cells: a row holding more tokens than it has cells.

An OCR'd table prints its vertical rules as letters (``l``, ``I``) between the numbers:
``0 l 2 l 0 l 0 2 0 l 0 l 0   2 2 O l 0    2 l 0 2`` is 22 tokens for 表四's 15 cells. Which
of the letters are rules and which are a ``1`` misread is a guess: such a row is never read cell
by cell (never proven). Every way to drop rule glyphs down to the row's cell count is offered as a
candidate reading instead, for the identities to choose among (a unique survivor is derived, and
queued like every derived value; several stay candidates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from math import comb

from ..evidence import CellKind
from .cells import normalise
from .layout import Item

__all__ = ["RULE_GLYPHS", "is_rule_glyph", "extra_tokens", "rule_glyph_options"]

#: letters an OCR engine reads a vertical table rule as
RULE_GLYPHS = frozenset("lI|")
#: combinations tried at most (C(12, 5) = 792: a row of 表四 with a dozen rule glyphs)
MAX_DROPS = 5_000


def is_rule_glyph(item: Item) -> bool:
    """A token that may be a table rule: rule letters only (``l``, ``I``), no digit."""
    text = normalise(item.raw)
    return bool(text) and set(text) <= RULE_GLYPHS


def extra_tokens(values: Sequence[Item], width: int) -> bool:
    """Whether the tokens that stand where cells belong (every value item but a blank one) outnumber
    the ``width`` cells, rule glyphs among them: then which tokens are cells is a guess."""
    tokens = [it for it in values if it.cell.kind is not CellKind.BLANK]
    return len(tokens) > width and any(is_rule_glyph(it) for it in tokens)


def rule_glyph_options(values: Sequence[Item], width: int,
                       holds: Callable[[list[int]], bool]) -> list[list[int | None]]:
    """Every reading of ``width`` cells left when rule glyphs are dropped from the tokens until they
    fit, where the remaining letters are read as the digits they stand for and the reading keeps the
    row's own identity (``holds``). Empty when no such reading exists or there are too many ways."""
    tokens = [it for it in values if it.cell.kind is not CellKind.BLANK]
    extra = len(tokens) - width
    glyphs = [k for k, it in enumerate(tokens) if is_rule_glyph(it)]
    if extra <= 0 or len(glyphs) < extra or comb(len(glyphs), extra) > MAX_DROPS:
        return []
    options: list[list[int | None]] = []
    for dropped in combinations(glyphs, extra):
        gone = set(dropped)
        reading = [_cell_value(it) for k, it in enumerate(tokens) if k not in gone]
        if any(v is _NOT_A_CELL for v in reading):
            continue                    # a token that is neither a count nor a placeholder
        counts: list[int | None] = [v for v in reading if not isinstance(v, _NotACell)]
        if holds([v or 0 for v in counts]) and counts not in options:
            options.append(counts)
    return options


class _NotACell:
    pass


_NOT_A_CELL = _NotACell()


def _cell_value(item: Item) -> int | None | _NotACell:
    """A token's value as a count: ``None`` for a placeholder (an empty cell)."""
    if item.cell.kind is CellKind.PLACEHOLDER:
        return None
    value = item.cell.value
    if isinstance(value, int):
        return value
    if value is not None and value == int(value):
        return int(value)
    return _NOT_A_CELL
