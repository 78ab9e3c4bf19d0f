"""A page's tables a converter moved out of the article: each put back under its section's heading.

Many government sites place the article in a cell of a page-layout ``<table>``. trafilatura writes that layout
cell as a markdown row of one cell, the whole article run together on one line, and the report's own tables
(tables inside the cell) after it, each row a markdown row::

    | XX局2022年政府信息公开工作年度报告 … 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、… 五、… |
    | 第二十条第一项 |  |  |  |
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    …
    | 一、本年新收政府信息公开申请数量 |  |  | 60 | 0 | 0 | 0 | 0 | 0 | 60 |
    …

The section headings all stand before the first table, so no table stands under its heading. A table is a run
of rows with the same number of cells (a converter pads each row to its table's width; a narrower run between
two runs of one width is a row of theirs it left unpadded), or else a run of rows between blank lines. :func:`restore_moved_tables` writes such a line as the article's paragraphs (a paragraph
starts at a section's number ``二、`` or ``（二）``; a heading run on into its first sentence is cut from it) and puts the
tables after them in order, each under the section whose heading names its table (表二, 表三, 表四): only where
there are exactly as many tables as such headings. Anything else stays as it is.
"""

from __future__ import annotations

import re

from ..form import FORM
from .md_rule import MD_RULE

__all__ = ["restore_moved_tables"]

#: a markdown row; a separator row (``| --- | --- |``)
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = MD_RULE
#: a section's number: ``二、`` or ``（二）``, bold or not
_NUMBER = r"(?:\*\*)?(?:[一二三四五六七]、|[（(][一二三四五六七][）)])"
#: where a converter joined a section's paragraph to the one before
_SECTION = re.compile(rf"\s+(?={_NUMBER})")
_NUMBERED = re.compile(_NUMBER)
#: a section's heading run on into its first sentence (``四、…行政诉讼情况 2022年，…``)
_HEADING = re.compile(rf"({_NUMBER}[^\s。，；]{{2,40}}?(?:情况|事项)(?:\*\*)?)\s+(?=\S)")
#: a one-cell row this long holding section headings is an article run together
_MIN_LENGTH = 200
_TABLES = ("表二", "表三", "表四")


def _cells(row: str) -> int:
    return row.strip().count("|") - 1


def _table_of(heading: str) -> str | None:
    for name in _TABLES:
        if FORM.headings[name].search(heading):
            return name
    return None


def _paragraphs(article: str) -> list[tuple[str, str | None]]:
    """The article's paragraphs, each with the table its heading names (None for the others)."""
    out: list[tuple[str, str | None]] = []
    for piece in (p.strip() for p in _SECTION.split(article)):
        if not piece:
            continue
        m = _HEADING.match(piece)
        heading = m.group(1) if m else piece if len(piece) <= 40 and not re.search(r"[。，；]", piece) else None
        if heading is None or not _NUMBERED.match(heading):
            out.append((piece, None))
            continue
        out.append((heading, _table_of(heading.strip("*"))))
        if m:
            out.append((piece[m.end():], None))
    return out


def _tables(rows: list[str], blanks: bool) -> list[list[str]]:
    """The runs of rows: apart where the number of cells changes (and where a blank line stands: ``blanks``);
    a markdown table's rule line stays with the row above it."""
    tables: list[list[str]] = []
    for row in rows:
        if not row.strip():
            if blanks and tables and tables[-1]:
                tables.append([])
            continue
        if _SEPARATOR.match(row) and tables and tables[-1]:
            tables[-1].append(row)
            continue
        last = next((r for r in reversed(tables[-1]) if not _SEPARATOR.match(r)), None) if tables else None
        if last is None or _cells(last) != _cells(row):
            tables.append([])
        tables[-1].append(row)
    return _rejoined([t for t in tables if t])


def _width(table: list[str]) -> int:
    return _cells(next(r for r in table if not _SEPARATOR.match(r)))


def _rejoined(tables: list[list[str]]) -> list[list[str]]:
    """Runs rejoined where a short run stands between two runs of one wider table (a header row under merged
    cells that the converter left unpadded: ``| 行政复议 | … |`` 15 cells, ``| 结果维持 | … |`` 10, then 15)."""
    out: list[list[str]] = []
    k = 0
    while k < len(tables):
        if out and k + 1 < len(tables) and _width(out[-1]) == _width(tables[k + 1]) > _width(tables[k]):
            out[-1] = out[-1] + tables[k] + tables[k + 1]
            k += 2
        else:
            out.append(tables[k])
            k += 1
    return out


def _restored(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """The article of line ``i`` and the tables after it, each under its heading, and the line after them."""
    article = lines[i].strip()[1:-1].strip()
    paragraphs = _paragraphs(article)
    named = [k for k, (_, table) in enumerate(paragraphs) if table is not None]
    if len(named) < 2 or len({paragraphs[k][1] for k in named}) != len(named):
        return None
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _ROW.match(lines[j])):
        j += 1
    tables = next((t for t in (_tables(lines[i + 1:j], blanks) for blanks in (False, True))
                   if len(t) == len(named)), None)
    if tables is None:
        return None
    out: list[str] = []
    k = 0
    for n, (text, _) in enumerate(paragraphs):
        out += [text, ""]
        ends_section = n + 1 == len(paragraphs) or _NUMBERED.match(paragraphs[n + 1][0]) is not None
        if ends_section and k < len(named) and n >= named[k]:
            out += tables[k] + [""]           # the section's table after its text
            k += 1
    return out, j


def restore_moved_tables(text: str) -> str:
    """``text`` with an article run together in one markdown cell written as its paragraphs, the tables after
    it each under its section's heading (see the module docstring)."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        if len(s) >= _MIN_LENGTH and s.startswith("|") and s.endswith("|") and s.count("|") == 2:
            restored = _restored(lines, i)
            if restored is not None:
                out, j = restored
                return "\n".join(lines[:i] + out + lines[j:])
    return text
