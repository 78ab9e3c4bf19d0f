"""html2text's table rows: fields parted by `` | ``, no outer pipes, an empty cell an empty field.

html2text writes a web page's table as rows of fields between pipes, without the pipes at either end, and a rule of
dashes under the table's first row (``---|---|---``)::

    | 申请人情况
    ---|---
    三、本年度办理结果 | （一）予以公开 |  | 2 | 0 | 0 | 0 |  | 0 | 2

A row whose first field is empty starts with a pipe; a space stands on each side of every pipe. Read as words and
numbers, the pipes part nothing and an empty cell leaves no trace: the row above has six numbers for seven cells.
Where the text holds such a rule line (dashes between pipes, none at the ends: no other text writes one), every
line of a table region holding a pipe is such a row: it is written with the outer pipes a Markdown row has, so that
its fields are read as a grid's, an empty field an empty cell; a row of empty fields only (``|  |  |``, a spacer) is
no row of cells and is left empty (a reader of one cell a line would take it for one empty cell). OCR'd text, whose table rules may stand as pipes
between spaces, has no rule line and is left as it is.

Other converters (pandoc's pipe tables, marker, LLM-based PDF-to-markdown tools, a copy from Typora) write GFM tables
the same way, or with the outer pipe on one side only (``|---|---`` or ``---|---|`` for a rule): each row's pipe on
the side where its table's rule (the last above it) has one is dropped first, and the rows are read as html2text's.
Under a rule without outer pipes a row opening and closing with a pipe has an empty first and last field where the
rule's fields say so, and the rule itself is written with its outer pipes, so that the readers of Markdown take the
row above it for its table's header row, not for a row of blank cells.
"""

from __future__ import annotations

import re

from .wrapdigits import OPENS_ROW

__all__ = ["html2text_rows", "writes_pipe_rows"]

#: html2text's rule under a table's first row: dashes between pipes, no outer pipe (a GFM writer's: any number of
#: dashes, colons for alignment, ``:-:|---|--``)
_RULE = re.compile(r"^\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+$")
#: a GFM rule with its outer pipe on one side only (``|---|---``, ``---|---|``): its rows' pipe on that side is outer
_ONE_SIDED_RULE = re.compile(r"^\s*(?:\|\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+|:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|)\s*$")
#: any GFM rule, outer pipes or not
_ANY_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
#: a line holding numbers only, parted by pipes: a row's cells broken off it
_NUMBERS_ONLY = re.compile(r"^\s*\d[\d.]*(?:\s*\|\s*\d[\d.]*)*\s*$")
#: one field of a line of cells only: a count, a dash for none, or nothing
_CELL_FIELD = re.compile(r"^\s*(?:\d[\d.,]*|[-/／—–]+)?\s*$")


def writes_pipe_rows(lines: list[str]) -> bool:
    """Whether the text holds html2text's rule line, or a Markdown rule with one outer pipe only (whose table's pipe
    on that side is dropped first: its rows are then html2text's)."""
    if "|" not in "\n".join(lines):
        return False                    # (most texts: no pipe at all; one character is found fastest in the whole)
    return any("-" in line and "|" in line          # (a rule's pipes may stand between spaces: --- | ---)
               and (_RULE.match(line) or _ONE_SIDED_RULE.match(line)) for line in lines)


def _row(line: str, rule: int) -> str:
    """``line`` with outer pipes, its rule (``|---|---|``) too. ``rule``: the fields of the rule above its table when
    that rule lacks an outer pipe (0 under a rule with both, or none). A row opening and closing with a pipe is read
    as a Markdown row with its outer pipes, but where its pipes read as fields (an empty first and last field, ``|
    （三）不予公开 | １．属于国家秘密 |  |  |``) make as many fields as the rule's and read as outer pipes they do not."""
    text = line.strip()
    if "|" not in text:
        return line
    if _RULE.match(text):
        return "|" + text + "|"         # (a Markdown rule, as the readers of pipe rows know it)
    if not text.replace("|", "").strip():
        return ""                       # a row of empty fields only (a spacer row): no cell, not one empty cell
    if text[:1] == "|" and text[-1:] == "|" and len(text) > 1:
        pipes = _pipes(text)
        if not rule or pipes - 1 == rule or pipes + 1 != rule:
            return line                 # (a Markdown row with its outer pipes is read as one already)
    return "|" + text + "|"


def _rules(lines: list[str]) -> list[tuple[str, int]]:
    """For each line, the rule last above it (or on it): ``bare``, ``lead`` or ``trail`` (the outer pipe on that
    side only), ``full`` (both) or ``""`` (none yet), and its fields."""
    out: list[tuple[str, int]] = []
    rule = ("", 0)
    for line in lines:
        text = line.strip()
        if "-" in text and "|" in text and _ANY_RULE.match(text):
            lead, trail = text.startswith("|"), text.endswith("|")
            kind = "full" if lead and trail else "lead" if lead else "trail" if trail else "bare"
            rule = (kind, text.strip("|").count("|") + 1)
        out.append(rule)
    return out


def _without_outer_pipe(line: str, kind: str) -> str:
    """A row of a table whose rule has its outer pipe on one side only, without that pipe: as html2text writes it."""
    text = line.strip()
    if kind == "lead" and text.startswith("|"):
        return text[1:]
    if kind == "trail" and text.endswith("|") and not text.endswith("\\|"):
        return text[:-1]
    return line


def html2text_rows(lines: list[str], start: int, end: int, cells: int = 0) -> list[str]:
    """``lines`` with the pipe rows of lines ``start`` … ``end - 1`` (1-based) written with outer pipes, a row that
    html2text went on writing on the next lines (:func:`_continues`) joined into one line first (:func:`_joined`).
    A row holds as many fields as the table's widest line, or ``cells`` (the form's widest row of the table: its
    header may be printed on several lines, 表四's fifteen cells under two rows of spanning heads)."""
    out = list(lines)
    rules = _rules(out)
    for n in range(start, end):                      # a rule with one outer pipe: its rows' pipe on that side dropped
        if rules[n - 1][0] in ("lead", "trail"):
            out[n - 1] = _without_outer_pipe(out[n - 1], rules[n - 1][0])
    width = max((_width(out[n - 1]) for n in range(start, end) if not _RULE.match(out[n - 1].strip())), default=0)
    width = max(width, cells)
    chains: list[list[int]] = []                     # each row: its line numbers (1-based), continuations after
    merged = ""                                      # the open row's lines so far, its pipes made one where two meet
    for n in range(start, end):
        line = out[n - 1]
        if merged and (_continues(merged, line, width) or _label_middle(merged, out, n, end, width)):
            chains[-1].append(n)
            merged = _joined([merged, line], False)
        elif ("|" in line and not _RULE.match(line.strip())) or OPENS_ROW.match(line.strip()):   # (a first field alone:
            chains.append([n])                                                                 # a label's first line)
            merged = line
        else:
            merged = ""
    for chain in chains:
        if len(chain) > 1:
            parts = [out[k - 1] for k in chain]
            kept = _joined(parts, True)
            out[chain[0] - 1] = kept if _width(kept) <= width else _joined(parts, False)
            for k in chain[1:]:
                out[k - 1] = ""
    for n in range(start, end):
        out[n - 1] = _row(out[n - 1], rules[n - 1][1] if rules[n - 1][0] in ("bare", "lead", "trail") else 0)
    return out


def _joined(parts: list[str], keep: bool) -> str:
    """A row's lines as one. Where a line ends with a pipe and the next starts with one, html2text's own writing
    has an empty cell between them (``<td><br/></td>``: ``| 0|`` / ``| 0| 3035``), kept when ``keep``; other
    writers' (a paragraph's break in a label's spanning cells, ``一、本年新收… |`` / ``|`` / ``| 0 | 0 …``) make
    the two one pipe, the row then no wider than the table."""
    row = parts[0]
    for line in parts[1:]:
        tail = line.strip()
        if not keep and row.rstrip().endswith("|") and tail.startswith("|"):
            tail = tail[1:]
        row = row.rstrip() + " " + tail.strip()
    return row


def _width(line: str) -> int:
    """The fields of a pipe row (0 for a line without a pipe)."""
    return _pipes(line) + 1 if "|" in line else 0


def _pipes(text: str) -> int:
    """The pipes of ``text`` that part fields: not a cell's own pipe, escaped (``\\|``, GFM's)."""
    return text.count("|") - text.count("\\|")


def _cells_only(line: str) -> bool:
    """Whether ``line`` holds cells only (counts, dashes, empty fields; at least one count, or a placeholder:
    ``| /| /| /``, a row whose cells the agency marked empty) and no words; a Markdown rule is none."""
    fields = line.strip().split("|")
    if not all(_CELL_FIELD.match(f) for f in fields):
        return False
    return any(ch.isdigit() for ch in line) or any(f.strip() for f in fields) and not _ANY_RULE.match(line.strip())


def _words_only(text: str) -> bool:
    """Whether ``text`` is a piece of a label's middle: words, no pipe, no digit, no item number opening a row."""
    text = text.strip()
    return bool(text) and "|" not in text and not any(ch.isdigit() for ch in text) and not OPENS_ROW.match(text)


def _label_middle(row: str, lines: list[str], n: int, end: int, width: int) -> bool:
    """Whether line ``n`` (1-based) is a middle piece of the label ``row`` opens: a label cell holding several line
    breaks (``（二）部分公开（<br>区分处理的，只计<br>这一情形，不计其<br>他情形）``), html2text writing each piece on a line
    of its own, the last with the row's cells (``他情形）| 19 | 6 …``). So when the row's line holds words only, its
    last field opening a row's label, and after this line and any more such pieces the next line goes on as a
    label's rest and cells (:func:`_continues`)."""
    fields = row.strip().strip("|").split("|")
    if not _words_only(lines[n - 1]) or not OPENS_ROW.match(fields[-1].strip()) \
            or any(_cells_only(f) for f in fields):
        return False
    k = n + 1
    while k < end and _words_only(lines[k - 1]):
        k += 1
    pieces = _joined([row] + [lines[m - 1] for m in range(n, k)], False)
    return k < end and "|" in lines[k - 1] and _continues(pieces, lines[k - 1], width)


def _continues(row: str, line: str, width: int) -> bool:
    """Whether ``line`` is more of pipe row ``row``: cells html2text wrote on the next line.

    - a cell holding a paragraph (``<td><p>70</p></td>``): the row's line ends with the cell's empty field and its
      text stands on the next line, numbers only (``行政规范性文件| 3| 0|`` / ``70``; ``规章| 0|`` / ``0| 0``);
    - a cell ending in a line break (``3<br>``): the row goes on on the next line from a pipe, cells only
      (``行政规范性文件| 3`` / ``| 0`` / ``| 70``), and the row so joined holds no more fields than the table's
      widest row: a row of its own with an empty first field (its label lost) is no part of the row above;
    - empty cells holding a paragraph with a line break (``<td><p><br/></p></td>``) after a label: the row's line
      ends with a pipe, a line holds a pipe alone, and the cells follow from a pipe
      (``一、本年新收政府信息公开申请数量 |`` / ``|`` / ``| 0 | 0 | 0 | 0 | 0 | 0 | 0``), as wide as above.

    - a label cell ending in a line break (``（五）不予处理 | １．信访<br>举报投诉类申请``): the row's line holds words
      only, its last field opening a row's label (an item number), and the next line goes on with the label's rest
      (no item number of its own) and then cells only (``（五）不予处理 | １．信访`` / ``举报投诉类申请 | 1 | 0 …``),
      the two lines' fields, the label's two pieces one, no more than the table's widest row.

    A row's own first field (``2| 二、上年结转…``: a 序号 column) holds words after it and is no such line."""
    text = line.strip()
    open_end = row.rstrip().endswith("|")       # (its empty last field and the line's empty first are one)
    if open_end and (_NUMBERS_ONLY.match(text) or text == "|"):
        return True
    fields, more = row.strip().strip("|").split("|"), text.split("|")
    if not open_end and OPENS_ROW.match(fields[-1].strip()) and not any(_cells_only(f) for f in fields) \
            and len(more) > 1 and more[0].strip() and not OPENS_ROW.match(more[0].strip()) \
            and not _cells_only(more[0]) and _cells_only("|".join(more[1:])) and _width(row) + len(more) - 1 <= width:
        return True
    return text.startswith("|") and _cells_only(text) and _width(row) + _width(text) - 1 - open_end <= width
