"""The pieces of a PDF text printed as blocks (:mod:`.textblocks`): printed numbers, runs of them,
a row's evidence, and what a reading of the text holds; the headings' lines and a line's numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..evidence import CellKind
from .cells import EMPTY_KINDS, Cell, parse_cell, parse_slot, unspaced_notes
from .labels import BARE_HEADERS
from .layout import is_page_furniture, label_key
from .linetext import LineText
from .regions import list_line, next_text

__all__ = ["empty_among", "mixed_lines", "Number", "Run", "RowEvidence", "TextBlocks", "split_numbers", "heading_line",
           "heading_span", "printed_lines", "bare_total", "all_counts", "count_of", "int_value", "GENERIC_HEADER"]

_SENTENCE = re.compile(r"[。；;！？]")
#: a generic column header (``数据 1`` … ``数据 6``, FORM.md): the number after the word names a column
GENERIC_HEADER = "数据"
#: a number's note whose words a space parts (``7（其中修改 1 件）``, pdfminer keeping the spaces around a
#: number): one cell, its spaces dropped (a wider gap parts columns)
_SPACED_NOTE = re.compile(r"(?<=[0-9０-９])[(（](?:其中|含|包括)[^()（）]*[)）]")


@dataclass(frozen=True, init=False)
class Number:
    """One printed number: its cell and its 1-based line (``alike``: placed in a table of blocks all of one number,
    without a tiling, extract/blocktiles.py)."""

    cell: Cell
    line: int
    alike: bool = False

    def __init__(self, cell: Cell, line: int, alike: bool = False) -> None:
        # (as a frozen dataclass's own, its fields set in its __dict__ at once, not one object.__setattr__ call
        # each: every line of the block readers makes its numbers, several times a document)
        fields = self.__dict__
        fields["cell"], fields["line"], fields["alike"] = cell, line, alike


def int_value(n: Number) -> int:
    """A printed number's count where it is one (an int), else 0 (a blank, a placeholder, a fee's decimals): how
    the readers placing 表三's numbers by the identities add them."""
    return n.cell.value if isinstance(n.cell.value, int) else 0


def count_of(n: Number | None) -> int:
    """A printed number as 表三's identities add it: its value, a blank (or an open cell, ``None``) 0."""
    v = n.cell.value if n is not None else None
    return int(v) if v is not None else 0


def all_counts(numbers: Iterable[Number]) -> bool:
    """Whether every number is a count or a blank (none a decimal or a text): what 表三's identities add up."""
    return all(n.cell.value is None or isinstance(n.cell.value, int) for n in numbers)


@dataclass
class Run:
    """Consecutive lines of numbers: ``lines[i]`` holds the numbers of one printed line."""

    lines: list[list[Number]] = field(default_factory=list)
    after: str = ""                  # the label key of the text fragment the run follows, "" if none
    first: int = 0                   # the line it starts on
    across: bool = False             # one row's cells left to right (under the column header's words)

    @property
    def numbers(self) -> list[Number]:
        return [n for line in self.lines for n in line]


@dataclass
class RowEvidence:
    """Where a row's label stands and the numbers printed right after it."""

    line: int
    attached: list[Number] = field(default_factory=list)
    via: str = "label"               # "label", or "fragment": after its label's wrapped tail only


@dataclass
class TextBlocks:
    """The rows of 表三 (row key → evidence), 表二's labelled rows, and the free runs of numbers."""

    rows: dict[str, RowEvidence]
    free: list[Run]
    table2: dict[str, RowEvidence]
    start: int                       # 表三's heading line
    end: int                         # 表四's heading line (or past the last line)
    table4: list[Number] = field(default_factory=list)   # the numbers under 表四's header, in printed order
    #: 表二 cells placed by their column headers and section (path → number), row by row: position only
    table2_placed: dict[str, Number] = field(default_factory=dict)
    #: when the printing leaves two or more ways to give 表三's rows the numbers beside their labels
    #: (rowgroups.assign), each way's numbers per row (``rows`` holds the first): the identities choose
    ways: list[dict[str, list[Number]]] = field(default_factory=list)


def split_numbers(text: str, line: int) -> tuple[str, list[Number]]:
    """A line's text part and the numbers printed after it (``5.要求…信息 0`` → label, [0])."""
    words, numbers = _split_numbers(text, line)
    return words, list(numbers)


@lru_cache(maxsize=8192)
def _split_numbers(text: str, line: int) -> tuple[str, tuple[Number, ...]]:
    """:func:`split_numbers`, kept: several block readers split one document's line (numbers never change)."""
    words, cells = _split_cells(text)
    return words, tuple(Number(cell, line) for cell in cells)


@lru_cache(maxsize=8192)
def _split_cells(text: str) -> tuple[str, tuple[Cell, ...]]:
    """:func:`split_numbers` without the line: the block readers split one document's lines several times over
    (its blocks, its form order, its column groups, each reader trying several ways), so a line's text is split
    once; cells are shared (never mutated, as :func:`~.cells.parse_cell` gives them)."""
    tokens = _SPACED_NOTE.sub(lambda m: m.group() if re.search(r"\s{3}", m.group()) else "".join(m.group().split()),
                              unspaced_notes(text)).split()
    cells: list[Cell] = []
    while tokens:
        # (among numbers, an OCR'd O is a cell, unreadable: ``O 0 7 1``)
        cell = parse_slot(tokens[-1]) if cells else parse_cell(tokens[-1])
        if not (cell.is_number or cell.kind in (CellKind.PLACEHOLDER, CellKind.MISSING)):
            break
        cells.insert(0, cell)
        tokens.pop()
    if len(cells) == 1 and tokens and tokens[-1].endswith(GENERIC_HEADER) and cells[0].kind is CellKind.NUMBER:
        return text.strip(), ()      # (数据 1: a column's header, not a cell)
    return " ".join(tokens), tuple(cells)


def heading_line(lines: list[str], pattern: re.Pattern[str], after: int = 0) -> int | None:
    """The first short line after ``after`` that matches ``pattern`` and is no sentence, nor a line of a
    preamble naming the sections in a list (``收到和处理政府信息公开申请情况、政府信息公开行政复议…``).

    A pure function of the lines: kept with them (every block reader asks for the same headings of one text)."""
    found = LineText.of(lines).found
    key = f"heading_line {after} {pattern.flags} {pattern.pattern}"
    if key not in found:
        found[key] = _heading_line(lines, pattern, after)
    return found[key]       # type: ignore[return-value]


#: a bare 总计 (总记, 合计) stands for （七）总计's label or the total column's header
_TOTALS = BARE_HEADERS - {"其他"}


def bare_total(lines: list[str], start: int, last: int) -> bool:
    """Whether a line of a region (lines ``start`` … ``last`` - 2, 0-based) is 总计 alone (总记, 合计): （七）'s label or
    the total column's header, alike."""
    return any(label_key(line.strip()) in _TOTALS for line in lines[start:last - 1])


def heading_span(lines: list[str], first: re.Pattern[str], last: re.Pattern[str]) -> tuple[int, int] | None:
    """The line of ``first``'s heading and that of ``last``'s after it (one past the text's end where ``last`` is
    not printed): the bounds of the section between them; None where ``first``'s heading is not printed."""
    start = heading_line(lines, first)
    if start is None:
        return None
    return start, heading_line(lines, last, start) or len(lines) + 1


def printed_lines(lines: list[str], start: int, end: int) -> Iterator[tuple[int, str, str, list[Number]]]:
    """The lines after line ``start`` and before line ``end`` (1-based) as the block readers read them: each line
    holding text that is no page furniture, with its number, its text (a form feed read as a space, stripped) and
    that text's words and numbers (:func:`split_numbers`). Kept with the lines (the block readers walk one text's
    region several times over), each caller given lists of numbers of its own (the numbers never change)."""
    found = LineText.of(lines).found
    key = f"printed_lines {start} {end}"
    if key not in found:
        found[key] = tuple(_printed_lines(lines, start, end))
    for n, raw, words, numbers in found[key]:     # type: ignore[attr-defined]
        yield n, raw, words, list(numbers)


def _printed_lines(lines: list[str], start: int, end: int) -> Iterator[tuple[int, str, str, tuple[Number, ...]]]:
    for n in range(start + 1, end):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if raw and not is_page_furniture(raw):
            words, numbers = split_numbers(raw, n)
            yield n, raw, words, tuple(numbers)


def _heading_line(lines: list[str], pattern: re.Pattern[str], after: int) -> int | None:
    for n, line in enumerate(lines[after:], start=after + 1):
        text = line.strip()
        if text and len(text) <= 60 and pattern.search(text) and not _SENTENCE.search(text) \
                and not list_line(text, next_text(lines, n)):
            return n
    return None


def mixed_lines(numbers: list[Number]) -> bool:
    """Whether ``numbers`` stand on several lines, one of them holding two or more (a fixed-width row printed
    partly beside its label, ``…另行制作   无``, partly on the next line, ``0 0 0   0 0 0``): not one cell a line in
    column order."""
    per_line = Counter(n.line for n in numbers)
    return len(per_line) > 1 and max(per_line.values()) > 1


def empty_among(numbers: list[Number]) -> bool:
    """Whether an empty cell (blank or a placeholder) is among ``numbers``: where it stands, no identity tells."""
    return any(n.cell.kind in EMPTY_KINDS for n in numbers)


