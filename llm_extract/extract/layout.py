"""Layout: turn the lines of a table region (found by :mod:`.regions`) into items.

An *item* is one cell-like piece of text with its line number: a value (a
number, a blank cell, a placeholder) or a piece of text (a label). Three text
layouts reach us and all become the same item stream:

* one cell per line, each cell a line starting with a tab (Word/HTML exports);
  a tab-only line is a blank cell, a line without a tab continues the cell above
  (headers split one character per line: 结 / 果 / 维 / 持);
* tab-separated rows (one table row per line, PDF text);
* space-separated PDF text (numbers after the label on the same line).

Page furniture (第 2 页 共 5 页, lone page numbers in dashes) is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from .labels import TABLE2_LABELS, rows_named
from .lineends import mended_line_end
from .spanrepeat import label_copy, spread_repeats
from .cells import Cell, normalise, number_piece, parse_cell
from .mdcells import md_cell
from .brlabels import labels_interleaved
from .piperows import closed_pipe_row
from .numerals import lone_numeral
from .pagenumbers import page_marks_blanked
from .printedblanks import nbsp_last_cell
from ..ingest.md_rule import MD_RULE as _MD_RULE
from .pagefurniture import header_fields_blanked, is_page_furniture
from .fieldtokens import (COUNT_UNIT_WORDS, ENDS_DIGIT, RULES_ALONE, field_tokens, is_prose, label_key, table_cell,
                          units_joined)

__all__ = ["Item", "Region", "tokenize", "label_key", "is_page_furniture", "has_words"]

_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")
# html2text's pipe row, without outer pipes: ``规章| 1| 0| 6``, ``规章| | 0`` (an empty cell); a pipe
# right after a field's text, then a space (OCR's rule glyphs stand between spaces: `` 0 | 0``)
_OUTERLESS = re.compile(r"^[^|\s](?:[^|]*\S)?\|(?: [^|]*)?(?:\|(?: [^|]*)?)*$")
#: the letters an OCR engine reads a vertical table rule as
_RULE_GLYPHS = frozenset({"l", "I"})
_ITEM_START = re.compile(r"^\s*(?:[(\[]?[一二三四五六七八九十]+[)\]、]|\d{1,2}[.、]|[(\[]\d{1,2}[)\]])")
#: a word opening with an item number after another word (``年       1、属于国家秘密``, ``三 （一）予以公开``: a group
#: title's character printed down its column, then a row's label): the line opens a row, it continues no cell above.
#: After one space only a bracketed numeral or a sub-row's number before its words: a column gap before any other
_ITEM_AFTER_GAP = re.compile(r"\S(?:(?: {2,}|\u3000+)(?:[(\[（]?[一二三四五六七八九十]+[)\]）、]|\d{1,2}[.、．])"
                            r"|\s+(?:[(\[（][一二三四五六七八九十]+[)\]）]|\d{1,2}[、.．](?=[\u4e00-\u9fff])))")



#: a plain-text table's rule: runs of dashes (pandoc's simple and multiline tables), no empty cells
_TEXT_RULE = re.compile(r"^[-=+: ]+$")
#: the total row's label printed without its item number
_TOTAL_WORDS = frozenset({"总计", "合计", "总记"})


def _opens_table2_row(key: str) -> bool:
    """A line that is a 表二 row label (规章, 行政许可, …) starts a cell; it continues no header."""
    return any(pattern.match(key) for _, pattern, _ in TABLE2_LABELS)


_HANZI = re.compile(r"[\u4e00-\u9fff]")


def has_words(text: str) -> bool:
    """Whether ``text`` holds words (a Chinese character), not only numbers, placeholders or marks."""
    return _HANZI.search(text) is not None


class Item:
    """One cell-like piece of a table's text. Compared by identity (two items are never equal).

    ``is_value`` / ``is_text`` are read hundreds of times per table: they are set once, from
    ``cell``, which never changes (``raw`` and ``key`` may, when fragments are joined)."""

    __slots__ = ("raw", "line", "cell", "col", "key", "width", "grid", "is_value", "is_text", "placed")

    def __init__(self, raw: str, line: int, cell: Cell, col: int | None = None, key: str = "",
                 width: int | None = None, grid: bool = False, placed: bool = False) -> None:
        self.raw = raw
        self.line = line                # 1-based
        self.cell = cell                # parsed; kind TEXT for labels
        self.col = col                  # field index in a tab-separated row
        self.key = key                  # label_key(raw) for text items
        self.width = width              # number of fields of its tab-separated row
        self.grid = grid                # from a row delimited on both sides (markdown): an empty field is a blank cell
        self.is_value = cell.is_value   # stands where a number belongs (blank and placeholders included)
        self.is_text = not cell.is_value
        self.placed = placed            # a blank cell put where a short fixed-width row's numbers left a column
        #                                 empty, by their positions alone (blankcols.py)

    def __repr__(self) -> str:
        return f"Item({self.raw!r}, line={self.line}, col={self.col}, {self.cell.kind.value})"


@dataclass
class Region:
    """Lines ``start`` … ``end - 1`` (1-based) of one table."""

    name: str
    start: int
    end: int
    heading: str = ""
    items: list[Item] = field(default_factory=list)


#: one item of a line, all but its line number: (raw, cell, key, col, width, grid)
_Spec = tuple[str, Cell, str, "int | None", "int | None", bool]
#: what a line gives: its items, whether it may continue the text cell above (a line of
#: words only, see tokenize), and the text it would add to that cell
_Plan = tuple[tuple[_Spec, ...], bool, str]


#: a cell's number with its thousands grouped by spaces, as WPS and some Word styles print it (``3 118``, ``1 234 567``)
_SPACE_GROUPED = re.compile(r"^\s*[1-9]\d{0,2}(?: \d{3})+\s*$")


@lru_cache(maxsize=16384)
def _line_plan(line: str) -> _Plan | None:
    """What one line of a table region gives (``None``: nothing, e.g. page furniture).

    A pure function of the line's text: lines repeat (a cell-per-line export prints hundreds
    of ``\t0``; labels and headers are the form's), so each distinct line is read once."""
    text = line.strip()
    if not text and "\t" not in line:
        return None
    if is_page_furniture(line):
        return None                     # page furniture
    if "页" in line:                    # (行政事业性收费 第 5 页: a page's mark inside the line, no cell)
        line = page_marks_blanked(line)
        text = line.strip()
    if "-----" in text and _TEXT_RULE.match(text):
        return None                     # a plain-text table's rule (pandoc: ------ ------), no cells
    if text[:3] == "---" and "\t" not in line and not text.strip("-"):
        return None                     # a markdown rule, or a piece of a wide plain-text rule (pandoc wraps it)
    grid = False
    if "|" in text and text[:1] != "|" and _OUTERLESS.match(text):
        text = f"|{text}|"              # html2text: a grid row without its outer pipes
    elif "|" in text and (closed := closed_pipe_row(text)) is not None:
        text = closed                   # OCR or a trimmed line: a pipe row that lost an outer pipe
    if text[:1] == "|" and text[-1:] == "|" and len(text) > 1:
        if _MD_RULE.match(line):        # markdown: the rule under the header row
            return None
        line = "\t".join(md_cell(f) for f in labels_interleaved(header_fields_blanked(text[1:-1].split("|"))))
        grid = "\t" in line
    if "\t" in line:
        if line[0] == "\t" and line.count("\t") == 1:     # one cell per line
            f = line[1:]
            if not f.strip():           # a tab-only line is a blank cell
                return ((f, parse_cell(f), "", None, None, False),), False, ""
            if _SPACE_GROUPED.match(f):  # one cell, its digits grouped by spaces (WPS: 3 118): one number
                return ((f, parse_cell(f.replace(" ", "")), "", None, None, grid),), False, ""
            return tuple((r, c, k, None, None, grid) for r, c, k in field_tokens(f)), False, ""
        if not grid and line[0] != "\t" and ("  " in line or "\u3000" in line):
            line = _GAP.sub("\t", mended_line_end(line))   # PDF text mixes tabs and runs of spaces between
            #                              columns (a number's spaced separator, 2 ,　715, is no gap: lineends.py)
        fields = line.split("\t")
        width = len(fields)
        specs: list[_Spec] = []
        previous = ""
        spread = spread_repeats(fields) if grid else {}
        for col, f in enumerate(fields):
            if not f.strip():          # empty tab-row fields are layout; a last one of &nbsp; (innerText) a blank cell
                specs += [(f, parse_cell(f), "", col, width, grid)] if col == width - 1 > 0 and not grid and nbsp_last_cell(fields) else []
                continue
            if col in spread:          # a span misdetected: its cells' numbers, one to a column
                specs += [(r, c, k, col, width, grid) for r, c, k in field_tokens(spread[col])]
                previous = f
                continue
            if grid and f == previous and not table_cell(f).is_value and not all(table_cell(t).is_value for t in f.split()):
                continue               # a converter repeats a spanning cell in every column it spans (not a
                #                        field of numbers: | 0 0 | 0 0 |, two fields each merging two columns)
            if not grid and label_copy(fields, col):
                continue               # a Word table's merged label cell, its text in every column it spans
                #                        (python-docx's row.cells): the last copy is the label, beside the cells
            previous = f
            specs += [(r, c, k, col, width, grid) for r, c, k in field_tokens(f)]
        return tuple(specs), False, ""
    # a line without tabs: continuation of a text cell, or space-separated text
    line = mended_line_end(line)        # 规章：3、1、14, ３７３ , ９７４, ２４２５２ . ３１ (lineends.py)
    toks = field_tokens(line)
    if is_prose(toks):
        return None                     # a sentence's counts (…案件 2 件、…) are no table's cells
    if not COUNT_UNIT_WORDS.isdisjoint(r for r, _, _ in toks):
        toks = units_joined(toks)      # 规章 0 件 0 件 0 件 (pdftotext -raw): each unit its count's
    if len(toks) > 1 and toks[0][1].is_value and toks[0][0] in _RULE_GLYPHS and not toks[1][1].is_value:
        toks = toks[1:]                 # OCR's table rule before a label (`` l 第二十条…``): no cell stands there
    # (a glued row ends in its digit run: it continues nothing and nothing continues it)
    # (nor does a line that opens with an item number: it starts a label of its own)
    joinable = bool(toks) and all(not c.is_value for _, c, _ in toks) \
        and line[:1] not in (" ", "　") and not _ITEM_START.match(normalise(line)) \
        and not ENDS_DIGIT.search(line) and not _opens_table2_row(toks[0][2]) and not number_piece(line) \
        and not _ITEM_AFTER_GAP.search(line)
    return tuple((r, c, k, None, None, False) for r, c, k in toks), joinable, "".join(r for r, _, _ in toks)


def _total_after_row(label: str, joined: str) -> bool:
    """A 总计 / 合计 line after a whole row's label (``3．其他`` / ``合计``: the other row printed no cell, the total
    row follows; ``．其他`` where a converter put the item number on a line of its own): the total row's label, not
    the end of the other's."""
    if label_key(joined) not in _TOTAL_WORDS:
        return False                    # (most lines: the cheap test first)
    text = normalise(label).strip()
    if _ITEM_START.match(text):
        return bool(rows_named(label_key(text)))
    return text[:1] in ".、" and bool(rows_named(label_key(text[1:])))


def _as_numeral(spec: _Spec) -> _Spec:
    raw, cell, key, col, width, grid = spec
    numeral = lone_numeral(raw) if not cell.is_value else None
    return spec if numeral is None else (raw, numeral, "", col, width, grid)


def tokenize(lines: list[str], start: int, end: int, numerals: bool = False) -> list[Item]:
    """The item stream of lines ``start`` … ``end - 1`` (1-based); ``numerals``: the document writes its tables'
    counts in Chinese numerals (:func:`~llm_extract.extract.numerals.writes_numerals`)."""
    items: list[Item] = []
    append = items.append
    for n in range(start, end):
        plan = _line_plan(lines[n - 1])
        if plan is None:
            continue
        specs, joinable, joined = plan
        if numerals:                    # a table in Chinese numerals: a lone 三 is its count (numerals.py)
            specs = tuple(_as_numeral(spec) for spec in specs)
            joinable = joinable and not any(spec[1].is_value for spec in specs)
        if joinable and items:
            last = items[-1]
            # a line of words continues the text cell above (headers split one character per
            # line: 结 / 果 / 维 / 持), but not a field of a tab-separated row, nor a glued row
            if last.is_text and last.col is None and not ENDS_DIGIT.search(last.raw) and last.raw not in RULES_ALONE \
                    and not _total_after_row(last.raw, joined):
                last.raw += joined
                last.key = label_key(last.raw)
                continue
        for raw, cell, key, col, width, grid in specs:
            append(Item(raw, n, cell, col, key, width, grid))
    return items
