"""表四 printed as three rows, one a line, a blank group's row printing no cell (``pdftotext -layout``).

Fixed-width PDF text prints a table row on one line: a group's label (行政复议, 行政诉讼（未经复议直接起诉）,
行政诉讼（复议后起诉）) and its five cells after it. A group the report left blank prints its label alone.
Its cells are then blank (null), not lost cells for the identities to fill in with 0, and the other groups'
cells are read from their own lines, when that is the one placement the text leaves: each group's label
on a line of its own (no other group's label on it), every number of the table after a label on that
label's line, five on each line that has any, none on the others, none elsewhere in the table.

Printed as one row of fifteen, a blank middle group (行政诉讼（未经复议直接起诉）) leaves ten numbers on
the line with a gap a group wide between its two runs of five. The gap says where the blank group is only
in the middle: a blank first or last group leaves no gap between the others (its place is the line's
edge, which the label's or the page's indent moves). So ten numbers, alone on their line, read as groups
one and three when the gap between the fifth and sixth is many times every other gap and as wide as
a run of five, and each run of five holds (its total the sum of its four results).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import Reading
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import parse_cell
from .layout import Item
from .readings import Readings, reading

__all__ = ["group_of", "read_group_lines", "read_split_row", "ten_on_a_line"]

#: the words that name each of 表四's groups as a row's label, in REVIEW_GROUPS' order
_GROUP_WORDS = ("行政复议", "直接起诉", "复议后起诉")
_WIDTH = len(REVIEW_COLUMNS)
_METHOD = "t4-group-lines"
_SPLIT_METHOD = "t4-row-gap"
_GAP_TIMES = 4             # the middle gap at least this many times every other gap between numbers
_TOKEN = re.compile(r"\S+")


def group_of(key: str) -> int | None:
    """The group a text item names as its row's label; None for none, or for more than one (a header)."""
    named = [g for g, w in enumerate(_GROUP_WORDS) if w in key]
    if len(named) != 1 or (named[0] == 0 and "诉讼" in key):
        return None
    return named[0]


def read_group_lines(items: list[Item]) -> Readings | None:
    """表四's cells from three label lines, a blank group's label alone on its line (see the module
    docstring); None when the text leaves more than one placement."""
    label_at: dict[int, int] = {}              # group -> index of its label item
    for i, it in enumerate(items):
        if it.is_text and (g := group_of(it.key)) is not None:
            if g in label_at:
                return None                    # a group named twice: a header and a row, or a note
            label_at[g] = i
    if len(label_at) != len(_GROUP_WORDS):
        return None
    lines = [items[label_at[g]].line for g in range(len(_GROUP_WORDS))]
    if len(set(lines)) != len(lines):
        return None                            # two groups' labels on one line: a header, not rows
    cells: dict[int, list[Item]] = {}
    for g, at in label_at.items():
        on_line = [it for it in items if it.line == lines[g]]
        if any(it.is_value for it in on_line[:on_line.index(items[at])]):
            return None                        # a number before the label: not this row's layout
        cells[g] = [it for it in on_line if it.is_value]
    placed = sum(len(c) for c in cells.values())
    if placed != sum(1 for it in items if it.is_value):
        return None                            # numbers off the label lines: whose, is not known
    by_fields = {g: row for g, at in label_at.items() if cells[g] and (row := _field_cells(items[at], cells[g]))}
    cells.update(by_fields)
    if any(len(c) not in (0, _WIDTH) for c in cells.values()) or not any(cells.values()) \
            or (all(cells.values()) and not by_fields):
        return None
    if any(not cells[g] and items[at].key[-1:].isdigit() for g, at in label_at.items()):
        return None                            # digits run on after a lone label (a row in one cell, <br>-parted)
    blank = parse_cell("")
    out: Readings = {}
    for g, group in enumerate(REVIEW_GROUPS):
        paths = [f"review_litigation.{group}.{c}" for c in REVIEW_COLUMNS]
        if cells[g]:
            for path, it in zip(paths, cells[g]):
                out[path] = reading(it.cell, [it.line], _METHOD)
        else:
            for path in paths:
                out[path] = Reading(None, blank.kind, "", [lines[g]], _METHOD,
                                    "a group's label alone on its line: no cell of it printed, each blank")
    return out


def _field_cells(label: Item, values: list[Item]) -> list[Item] | None:
    """A group's five cells by their tab fields, an empty field a blank cell, when its row is a tab row of six
    fields, the label's first (``行政诉讼（复议后起诉）⇥⇥⇥⇥⇥0``: a text tool counting numbers alone sees one)."""
    width = _WIDTH + 1
    if label.col != 0 or label.width != width or any(it.col is None or it.width != width for it in values):
        return None
    by_col = {it.col: it for it in values}
    if len(by_col) != len(values):
        return None
    return [by_col.get(c) or Item("", label.line, parse_cell(""), col=c, width=width, placed=True)
            for c in range(1, width)]


def ten_on_a_line(items: list[Item], lines: Sequence[str]) -> list[Item] | None:
    """表四's numbers when they are ten (two groups' cells) on one line of the text, no text beside them."""
    values = [it for it in items if it.is_value]
    if len(values) != 2 * _WIDTH or len({it.line for it in values}) != 1 or not lines:
        return None
    at = values[0].line
    if not 0 < at <= len(lines) or any(it.line == at for it in items if it.is_text):
        return None
    return values


def read_split_row(items: list[Item], lines: Sequence[str]) -> Readings | None:
    """表四 as one row of fifteen with its middle group blank (see the module docstring); None otherwise."""
    if (values := ten_on_a_line(items, lines)) is None:
        return None
    at = values[0].line
    tokens = list(_TOKEN.finditer(lines[at - 1]))
    if len(tokens) != len(values) or not all(it.cell.is_number for it in values) \
            or [t.group() for t in tokens] != [it.raw.strip() for it in values]:
        return None
    gaps = [b.start() - a.end() for a, b in zip(tokens, tokens[1:])]
    middle = gaps.pop(_WIDTH - 1)
    spans = (tokens[_WIDTH - 1].end() - tokens[0].start(), tokens[-1].end() - tokens[_WIDTH].start())
    if middle < _GAP_TIMES * max(gaps) or middle < min(spans):
        return None                 # no gap as wide as a group of five
    runs = [[it.cell.plain for it in values[:_WIDTH]], [it.cell.plain for it in values[_WIDTH:]]]
    if not all(isinstance(v, int) for run in runs for v in run) or not all(run[-1] == sum(run[:-1]) for run in runs):
        return None
    blank = parse_cell("")
    out: Readings = {}
    filled = iter((values[:_WIDTH], values[_WIDTH:]))
    for g, group in enumerate(REVIEW_GROUPS):
        paths = [f"review_litigation.{group}.{c}" for c in REVIEW_COLUMNS]
        if g == 1:
            for path in paths:
                out[path] = Reading(None, blank.kind, "", [at], _SPLIT_METHOD,
                                    "a group wide gap between two runs of five: the middle group blank")
        else:
            for path, it in zip(paths, next(filled)):
                out[path] = reading(it.cell, [it.line], _SPLIT_METHOD)
    return out
