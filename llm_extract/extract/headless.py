"""Tables whose section headings a converter dropped, found by their own first rows.

trafilatura (and a reader view, or a crawler that keeps an article's tables but not its ``<h3>``s) can hand over a
report whose tables are all there but whose section headings (``二、主动公开政府信息情况`` …) are not: nothing heads
a region, and the report would be refused as holding none of the tables, although its text plainly holds the form.
Each table missing its heading is then found where its own first row stands, in the form's order: 表二 at its first
``第二十条`` line, 表三 at its first row's label (``一、本年新收政府信息公开申请数量``, its header rows just above taken
with it), 表四 at its header row (``行政复议`` and ``行政诉讼`` on one line, or ``结果维持``). Each anchor stands on a
line that is no sentence (no ``。``, no ``，``), so a paragraph's ``本年度收到申请3件`` anchors nothing.

pymupdf4llm of a browser's print can fuse 表二's last rows, the heading of 表三 and 表三's header into one grid row
(``|信息<br>⾏政<br>…三、收<br>(本列数据…|到和处理政<br>…|``): no line heads 表三, whose first row then stands with its
label cut over fields (``|⼀、本年新|收政府信息公|开申请数量|3|0|…``); the anchor is looked for with the cuts closed.
"""

from __future__ import annotations

import re

from ..form import FORM

__all__ = ["anchor_headless_tables"]

_SENTENCE = re.compile(r"[。，]")
_T2_ANCHOR = re.compile(r"第\s*二\s*十\s*条")
_T3_ANCHOR = FORM.table3_rows[0].pattern
_T3_HEADER = re.compile("|".join(re.escape(w) for w in (FORM.table3_header[0], "自然人")))
_T4_ANCHOR = re.compile(rf"{FORM.table4_groups[0].label}.*行政诉讼|{FORM.table4_columns[0].label}")
#: how far above 表三's first row its header rows may begin
_HEADER_REACH = 8


#: a Markdown grid row's field bars, ``<br>`` and spaces: what a PDF converter cut a row's label with
_GRID_CUTS = re.compile(r"\||<br\s*/?>|\s")


def _first(lines: list[str], pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """The first line ``start`` … ``end - 1`` (1-based) that ``pattern`` finds in and that is no sentence (a grid
    row's label cut over its fields, ``|一、本年新|收政府信息公|开申请数量|3|…``, is read with its cuts closed)."""
    for n in range(start, end):
        line = lines[n - 1]
        if _SENTENCE.search(line):
            continue
        if pattern.search(line) or (line.lstrip()[:1] == "|" and pattern.search(_GRID_CUTS.sub("", line))):
            return n
    return None


def anchor_headless_tables(lines: list[str], found: dict[str, int], heads: dict[str, str], first: int = 1) -> None:
    """Add to ``found`` (table → line) the tables whose heading is missing, at their first rows, in the form's order
    and between the tables found around them (``heads`` gets the anchor line)."""
    if len(found) == 3:
        return
    anchors = (("表二", _T2_ANCHOR), ("表三", _T3_ANCHOR), ("表四", _T4_ANCHOR))
    low = first
    for index, (name, pattern) in enumerate(anchors):
        if name in found:
            low = found[name] + 1
            continue
        later = [found[o] for o, _ in anchors[index + 1:] if o in found]
        high = min(later, default=len(lines) + 1)
        n = _first(lines, pattern, low, high)
        if n is None:
            continue
        if name == "表三":                    # its header rows just above its first row
            top = max(low, n - _HEADER_REACH)
            n = next((k for k in range(top, n) if _T3_HEADER.search(lines[k - 1])
                      and not _SENTENCE.search(lines[k - 1])), n)
        found[name] = n
        heads[name] = lines[n - 1].strip()
        low = n + 1
