"""表二 rows whose numbers a converter printed on the line right above their labels.

markitdown's Markdown of a LibreOffice PDF (pdfminer's text boxes) puts a row's numbers on a line of their own above
its label where the label's text sits lower in the cell than the numbers' (a label in a cell of its own, a wrapped
label's last piece)::

    第二十条第（六）项
    | 信息内容 |  | 本年处理决定数量 |
    88
    行政处罚
    56
    行政强制
    第二十条第（八）项

Read top-down, 行政处罚 takes 56 (行政强制's) and 行政强制 nothing. :func:`rows_from_above` reads a chain of such labels
from above: labels each alone on its line (no number on it), each but the last followed by exactly the numbers right
above the next (nothing else between them), the last followed by no number before the next words (a heading, the
next section), and every one of them with exactly its row's count of numbers right above it, on lines holding no
word, after words (the header, a heading, a row read on its own line). A label whose numbers above could be the row
above's (that row has none of its own above it) is never so read. The readings keep the method
``cells-above-or-below``: no identity checks 表二, so they are never proven (verify leaves them unverified).
"""

from __future__ import annotations

from ..evidence import CellKind, Method, Reading
from .layout import Item
from .readings import Readings

__all__ = ["rows_from_above"]


def _above(items: list[Item], i: int, text_lines: set[int]) -> list[Item]:
    """The values right before label ``items[i]``, on lines above its own holding no word, back to a word."""
    run: list[Item] = []
    j = i - 1
    while j >= 0 and items[j].is_value and items[j].line < items[i].line and items[j].line not in text_lines:
        run.append(items[j])
        j -= 1
    return run[::-1] if j >= 0 else []          # (numbers from the region's start: no word above them, no row)


def _below(items: list[Item], i: int) -> list[Item]:
    """The values right after label ``items[i]``, up to the next word."""
    run: list[Item] = []
    for it in items[i + 1:]:
        if not it.is_value:
            break
        run.append(it)
    return run


def _cell(v: Item) -> bool:
    """A number, or an empty cell's mark (``/``, ``—``)."""
    return v.cell.is_number or v.cell.kind is CellKind.PLACEHOLDER


def rows_from_above(items: list[Item], rows: list[tuple[list[str], int, int]], out: Readings) -> None:
    """Read from above each chain of 表二 rows printed above their labels (``rows``: paths, label index, cell count,
    in any order); ``out`` is updated in place."""
    text_lines = {it.line for it in items if it.is_text}
    value_lines = {it.line for it in items if it.is_value}
    alone = sorted((i, paths, n) for paths, i, n in rows if items[i].line not in value_lines)
    above = {i: _above(items, i, text_lines) for i, _, _ in alone}
    below = {i: _below(items, i) for i, _, _ in alone}
    chain: list[tuple[int, list[str], int]] = []
    for k, (i, paths, n) in enumerate(alone):
        chain.append((i, paths, n))
        nxt = alone[k + 1][0] if k + 1 < len(alone) else None
        if below[i] and nxt is not None and below[i] == above[nxt] and i + len(below[i]) + 1 == nxt:
            continue                    # its numbers below are the next label's above: the chain goes on
        if not below[i] and all(len(above[j]) == m and all(_cell(v) for v in above[j]) for j, _, m in chain):
            for j, ps, _ in chain:
                for path, v in zip(ps, above[j]):
                    out[path] = Reading(v.cell.plain, v.cell.kind, v.raw, [v.line, items[j].line],
                                        Method.CELLS_ABOVE_OR_BELOW,
                                        "read from the line right above the label: the table prints each row's "
                                        "numbers above its label (the last label has none below it)")
        chain = []
