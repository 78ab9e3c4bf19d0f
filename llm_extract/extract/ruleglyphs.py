"""Table rules an OCR engine read as cells: a row holding more tokens than it has cells.

A rule read as a mark that is no letter (``|``, ``丨``, ``一``: :func:`is_rule_mark`) stands as text
between the cells, never as one: a row's cells are read across it. A rule letter between two headings
(``行政复议 l 行政诉讼``: :func:`off_header_lines`) is no cell either.

A digit an OCR engine read as a Chinese character (tesseract's chi_sim reads a 1 as ``工``: ``0 0 0 工 工 0 0 0 10
10``) stands between a row's numbers as text: the numbers left are not the row's cells, one of them lost
(:func:`digits_read_as_characters`), and no reading of the row drops it.

An OCR'd table prints its vertical rules as letters (``l``, ``I``) between the numbers:
``0 l 2 l 0 l 0 2 0 l 0 l 0   2 2 O l 0    2 l 0 2`` is 22 tokens for 表四's 15 cells.

* Where the row holds exactly as many one-letter rule glyphs as tokens too many
  (:func:`without_rule_glyphs`: 7 here), the text reads one way only: every one of them is a rule,
  since keeping any as a ``1`` leaves a token too many that no rule glyph can account for. The row
  is read from the tokens left, as a row printed without rules is, and its identities check it.
* Where it holds more (some ``l`` may be a ``1`` misread), which letters are rules is a guess: such
  a row is never read cell by cell (never proven). Every way to drop rule glyphs down to the row's
  cell count is offered as a candidate reading instead (:func:`rule_glyph_options`), for the
  identities to choose among (a unique survivor is derived, and queued like every derived value;
  several stay candidates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from math import comb

from ..evidence import CellKind
from ..ocrglyphs import OCR_HANZI_DIGITS
from .cells import Cell, normalise
from .layout import Item, label_key

__all__ = ["RULE_GLYPHS", "RULE_MARKS", "is_rule_glyph", "is_rule_mark", "extra_tokens", "rule_glyph_options",
           "without_rule_glyphs", "off_header_lines", "bars_as_cells", "digits_read_as_characters", "hanzi_digits_as_text"]

#: letters an OCR engine reads a vertical table rule as
RULE_GLYPHS = frozenset("lI|")
#: marks an OCR engine reads a vertical table rule as that are no letter: they stand as text, never as a
#: cell (``0 | 0``, ``0 一 0``: a rule read as the character 一)
RULE_MARKS = frozenset("|丨一")
#: combinations tried at most (C(12, 5) = 792: a row of 表四 with a dozen rule glyphs)
MAX_DROPS = 5_000
_BLANK = CellKind.BLANK         # (an enum member's lookup costs more than the test: once, not per token)


def is_rule_glyph(item: Item) -> bool:
    """A token that may be a table rule: rule letters only (``l``, ``I``), no digit."""
    raw = item.raw
    if not raw or raw[-1].isdigit():        # (most tokens are numbers: the test costs less than normalising)
        return False
    text = normalise(raw)
    return bool(text) and set(text) <= RULE_GLYPHS


def is_rule_mark(item: Item) -> bool:
    """A text token that is a table rule only (``|``, ``丨``, ``一`` standing alone between cells)."""
    if not item.is_text or len(item.raw) > 8:
        return False
    text = normalise(item.raw)
    return 0 < len(text) <= 2 and set(text) <= RULE_MARKS


def off_header_lines(items: Sequence[Item], values: Sequence[Item]) -> list[Item]:
    """``values`` without the rule glyphs that stand on a line of words where no number stands (a header,
    ``行政复议 l 行政诉讼``): a rule between two headings is no cell of the row below."""
    words = {it.line for it in items if it.is_text and len(it.key) >= 2 and not is_rule_mark(it)}
    numbered = {it.line for it in values if it.cell.is_number}
    return [it for it in values if not (is_rule_glyph(it) and it.line in words and it.line not in numbered)]


def extra_tokens(values: Sequence[Item], width: int) -> bool:
    """Whether the tokens that stand where cells belong (every value item but a blank one) outnumber
    the ``width`` cells, rule glyphs among them: then which tokens are cells is a guess."""
    if len(values) <= width:
        return False                    # (most rows: no more values than cells, so no more tokens)
    tokens = [it for it in values if it.cell.kind is not _BLANK]
    return len(tokens) > width and any(is_rule_glyph(it) for it in tokens)


def without_rule_glyphs(values: Sequence[Item], width: int) -> list[Item] | None:
    """The ``width`` tokens left when every rule glyph is dropped from a row's ``values``, where that is
    the only way to drop rule glyphs down to ``width`` tokens: the tokens outnumber the cells by
    exactly the count of one-letter rule glyphs among them (a run of rule letters, ``ll``, is no rule
    but a cell: 11). None for any other row, and for one with a blank cell (whose place among the
    tokens no rule glyph tells)."""
    if len(values) <= width:
        return None
    kept = [it for it in values if not (is_rule_glyph(it) and len(normalise(it.raw)) == 1)]
    if len(kept) == len(values) or len(kept) != width or any(it.cell.kind is _BLANK for it in kept):
        return None
    return kept


def rule_glyph_options(values: Sequence[Item], width: int,
                       holds: Callable[[list[int]], bool]) -> list[list[int | None]]:
    """Every reading of ``width`` cells left when rule glyphs are dropped from the tokens until they
    fit, where the remaining letters are read as the digits they stand for and the reading keeps the
    row's own identity (``holds``). Empty when no such reading exists or there are too many ways."""
    tokens = [it for it in values if it.cell.kind is not _BLANK]
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


def bars_as_cells(items: Sequence[Item], values: Sequence[Item], width: int) -> list[Item]:
    """``values`` with each bar standing alone between them (``0 0 | 1 2``) read as a cell OCR printed for a
    1, where the row holds exactly ``width`` tokens with the bars and fewer without: no rule stands there then
    (a ruled row prints a bar between every two cells), and the bar is a cell of OCR letters alone, like ``l``,
    its 1 a guess for the identities to pin. Any other row keeps its bars as rules."""
    tokens = [it for it in values if it.cell.kind is not _BLANK]
    if not tokens or len(tokens) >= width:
        return list(values)
    lines = {it.line for it in tokens}
    at = {id(it): k for k, it in enumerate(items)}
    if id(tokens[0]) not in at or id(tokens[-1]) not in at:
        return list(values)             # (a token from beyond the row's items: no bar of its own to read)
    first, last = at[id(tokens[0])], at[id(tokens[-1])]
    bars = [it for it in items[max(0, first - 1):last + 2] if it.is_text and it.line in lines
            and normalise(it.raw) == "|"]
    if not bars or len(tokens) + len(bars) != width or len(values) != len(tokens):
        return list(values)
    bar_cells = {id(it): Item(it.raw, it.line, Cell(it.raw, CellKind.MISSING, 1, "a bar where a cell belongs: "
                                                   "OCR's 1, or a rule"), it.col, "", it.width, it.grid)
                 for it in bars}
    return [bar_cells.get(id(it), it) for it in items if id(it) in bar_cells or it in values]


def digits_read_as_characters(items: Sequence[Item], numbers: Sequence[Item]) -> bool:
    """Whether a single Chinese character (or two) stands alone between two of ``numbers`` on their line, after the
    second number of that line (``0 0 0 工 工 0 0``): a digit OCR read as a character, a cell of the row, not a label's
    piece. A rule read as a mark (``一``, ``丨``) is no cell; a placeholder (``无``) is a value, not text."""
    for line in {it.line for it in numbers}:
        row = [it for it in items if it.line == line]
        seen = 0
        for k, it in enumerate(row):
            if it.is_value and it.cell.is_number:
                seen += 1
            elif seen >= 2 and it.is_text and _lone_han(normalise(it.raw)) and not is_rule_mark(it) \
                    and any(later.is_value and later.cell.is_number for later in row[k + 1:]):
                return True
    return False


def hanzi_digits_as_text(items: list[Item]) -> list[Item]:
    """``items`` with each 工 read as a number's place (``cells.parse_table_slot``: chi_sim's 1) a character again, as
    表四 reads it: its group's sum, its one identity, cannot tell which cell a 工 is (on a line of its own, a 1 wrapped
    under the row, the row's other tokens and a rule read as 1 filled fifteen cells, every one misplaced and the
    group adding up), so a row with one is not read cell by cell (:func:`digits_read_as_characters`)."""
    return [Item(it.raw, it.line, Cell(it.raw, CellKind.TEXT), it.col, label_key(it.raw), it.width, it.grid)
            if it.is_value and it.cell.kind is CellKind.MISSING and normalise(it.raw) in OCR_HANZI_DIGITS else it
            for it in items]


def _lone_han(text: str) -> bool:
    """One Chinese character alone, or two (two cells' digits misread side by side: ``工 工``, joined as text)."""
    return 0 < len(text) <= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in text)
