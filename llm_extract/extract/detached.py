"""Tables detached from their headings: a text that prints every paragraph of a Word file first, then every
table (a naive python-docx dump: cells joined by tabs, a merged cell's text repeated across its span).

The section headings then stand over nothing (``二、主动公开政府信息情况`` / ``三、收到和处理…`` with no cell
under them) and the tables follow the signature, in the form's order. Each table is known by its own labels
(表二: 规章, 行政许可 …; 表三: 本年新收, 申请人情况 …; 表四: 结果维持 …) and is moved under its heading, so
the reader reads it as any table under its heading; every moved line keeps its source line number.
A cell holding a line break breaks its row over lines (``一、本年新收政府信息公开申`` / ``请数量\t14\t0…``): the
lines whose tabs together make the table's widest row are that row, joined again. A merged cell's words
repeated across the columns it spans are one field (``（一）予以公开\t（一）予以公开\t9…``): the label is followed
by its row's cells, as a word processor's tab rows print it.
Nothing moves when a heading's section holds a cell, or when the tables do not follow in the form's order.
"""

from __future__ import annotations

import re

from .cells import parse_cell
from .regions import find_regions, holds_cell

__all__ = ["attach_tables"]

#: a table's own labels, the first line holding one opens it (tables follow in this order)
_OPENS = (
    ("表二", re.compile(r"第二十条|信息内容|规章|规范性文件|行政许可|行政处罚|行政强制|事业性收费")),
    ("表三", re.compile(r"申请人情况|勾稽关系|本年新收|上年结转|自然人")),
    ("表四", re.compile(r"结果维持|结果纠正|尚未审结|未经复议")),
)


def _is_row(line: str) -> bool:
    """A table's line: cells parted by tabs."""
    return "\t" in line.strip()


def _block_start(lines: list[str], n: int, floor: int) -> int:
    """The first line (0-based) of the table holding line ``n``: back to the blank line before it, not above
    ``floor``."""
    while n > floor and lines[n - 1].strip():
        n -= 1
    return n


def _opening_lines(lines: list[str], first: int) -> dict[str, int] | None:
    """The line (0-based) at which each table opens, from line ``first`` on; None when they are out of order."""
    opens: dict[str, int] = {}
    for n in range(first, len(lines)):
        if not _is_row(lines[n]):
            continue
        for name, pattern in _OPENS:
            if name not in opens and pattern.search(lines[n]):
                if any(later in opens for later, _ in _OPENS[[o for o, _ in _OPENS].index(name) + 1:]):
                    return None
                opens[name] = n
                break
    return opens


def _unrepeated(line: str) -> str:
    """The row with a merged cell's words printed once: a field of words equal to the field before it is
    dropped (numbers never are: two equal counts side by side are two cells)."""
    fields = line.split("\t")
    kept = fields[:1]
    for f in fields[1:]:
        if not (f.strip() and f == kept[-1] and not parse_cell(f).is_value):
            kept.append(f)
    return "\t".join(kept)


def _breaks_cell(line: str, following: str) -> bool:
    """Whether a line break stands inside a row: inside a cell's words (words end the line and open the next
    one), or before a cell's text (the line ends in the tab that opens the cell). A line ending in a number
    ends a cell, never joined to the next line."""
    if line.endswith("\t"):
        return bool(following.split("\t")[0].strip())
    last, first = line.split("\t")[-1].strip(), following.split("\t")[0].strip()
    return bool(last and first) and not parse_cell(last).is_value and not parse_cell(first).is_value


def _rejoined(lines: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """A table's rows broken over lines by a cell's line breaks joined again: within a run of non-blank lines,
    lines with fewer tabs than the widest row, whose tabs sum to its tabs and which break inside words, are
    one row (the line breaks inside cells dropped); lines that do not add up exactly, or a row ending in a tab,
    stay as they are."""
    out: list[str] = []
    where: list[int] = []
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and lines[end].strip():
            end += 1
        width = max((lines[i].count("\t") for i in range(n, end)), default=0)
        i = n
        while i < end:
            j, tabs = i + 1, lines[i].count("\t")
            while j < end and tabs < width and tabs + lines[j].count("\t") <= width \
                    and _breaks_cell(lines[j - 1], lines[j]):
                tabs += lines[j].count("\t")
                j += 1
            if tabs == width and j < end and lines[j - 1].endswith("\t") and "\t" not in lines[j] \
                    and parse_cell(lines[j]).is_value:
                j += 1                  # its last cell a number on the next line (a cell opening with a break):
                #                         no row of the table is one number (each prints every column)
            # (a row ending in a tab: its last cell empty, or its text on the next line; which one is unknown)
            if width and tabs == width and j - i > 1 and not lines[j - 1].endswith("\t"):
                out.append("".join(lines[i:j]))
            else:
                j = i + 1
                out.append(lines[i])
            where.append(origin[i])
            i = j
        if end < len(lines):
            out.append(lines[end])
            where.append(origin[end])
        n = end + 1
    return out, where


def _opened_cells(lines: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Rows whose cells open with a line break (WPS writes a cell's text after an empty paragraph: python-docx gives
    ``\\n0``): a line ending in the tab before such a cell is continued by the next line when that one opens with a
    number, as many times as it does (``三、本年度办理结果\\t（一）予以公开\\t0\\t0\\t`` / ``0\\t0\\t0\\t0\\t0``). (The one
    row that opens with a number, 表四's, follows its header row, which ends in words: 总计.)"""
    out: list[str] = []
    where: list[int] = []
    for line, n in zip(lines, origin):
        if out and out[-1].endswith("\t") and out[-1].strip() and parse_cell(line.split("\t")[0]).is_number:
            out[-1] += line
            continue
        out.append(line)
        where.append(n)
    return out, where


def attach_tables(lines: list[str], origin: list[int]) -> tuple[list[str], list[int], dict[str, tuple[int, int]]]:
    """``lines`` with tables printed after the report moved under their headings, the source line of each
    line, and each moved table's source lines (``name → [start, end)``, 1-based); unchanged when no table
    is detached."""
    regions = find_regions(lines, anchors=False)       # (a dumped table's first row heads nothing: it moves)
    if not regions or any(holds_cell(lines, r.start, r.end - 1) for r in regions.values()):
        return lines, origin, {}
    last = max(r.end for r in regions.values()) - 1          # (0-based: the first line after the sections)
    opens = _opening_lines(lines, last)
    if not opens:
        return lines, origin, {}
    names = [name for name, _ in _OPENS if name in opens]
    starts = [_block_start(lines, opens[name], opens[before] + 1 if before else last)
              for before, name in zip([None] + names[:-1], names)]
    ends = starts[1:] + [max(n for n in range(last, len(lines)) if _is_row(lines[n])) + 1]
    spans = {name: (start, end) for name, start, end in zip(names, starts, ends)
             if name in regions and holds_cell(lines, start, end)}
    if not spans:
        return lines, origin, {}
    moved = {n for start, end in spans.values() for n in range(start, end)}
    out: list[str] = []
    where: list[int] = []
    for n, line in enumerate(lines):
        if n in moved:
            continue
        out.append(line)
        where.append(origin[n])
        for name, (start, end) in spans.items():
            if regions[name].start == n + 1:                 # the heading's line: its table right after it
                rows, rows_origin = _opened_cells(*_rejoined(lines[start:end], origin[start:end]))
                out += [_unrepeated(row) for row in rows]
                where += rows_origin
    return out, where, {name: (origin[start], origin[end - 1] + 1) for name, (start, end) in spans.items()}
