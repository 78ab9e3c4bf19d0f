"""A browser's ``innerText`` of a web page whose table cells hold paragraphs (``<td><p><span>0</span></p></td>``,
as TRS WCM and other CMS editors write every cell): the text a researcher copies out of the page, or a crawler
takes with ``document.body.innerText``.

``innerText`` parts a row's cells by a tab and pads each paragraph with a blank line on either side, so a row
of such cells comes out one cell to a line, blank lines between, and the tab that parts two cells alone on a
line of its own::

    一、本年新收政府信息公开申请数量\t
    <blank>
    6
    <blank>
    \t
    <blank>
    0
    <blank>
    \t1\t          (cells without a paragraph stay on the tab's line)

Read one cell to a line, every tab-only line there would be taken for an empty cell (a row of seven then reads
eleven cells): the lines are folded back into the row they are, ``一、…数量\t6\t0\t1…``. An empty cell stays a
field of its own (``\t\xa0\t`` for ``<p>&nbsp;</p>``, ``\t\t`` for an empty paragraph).

Only a text showing the layout is folded: many tab-only lines standing between blank lines, which no other
export prints (Word's and the HTML reader's one cell to a line put a tab-only line among lines of cells, never
between blank lines).

A table whose cells end in ``<br>`` (KindEditor's typed cells, UEditor's empty ``<td><br/></td>``) prints a line
break after each such cell, the next cell's tab opening the next line (``1143`` / ``\t13`` / ``\t`` / ``\t218\t``):
:func:`joined_cell_breaks` joins those lines back into their row, where numbers on both sides of many such breaks
show the layout.
"""

from __future__ import annotations

import re

from ..form import FORM

__all__ = ["shows_block_cells", "folded_block_cells", "joined_cell_breaks"]

#: a tab alone on its line between blank lines, a cell's text before and after: the tab parting two paragraph
#: cells (a page's indentation that a get_text kept prints its tabs among other blank or indented lines). An
#: empty cell's ``<p>&nbsp;</p>`` prints a lone no-break space, a cell's text all the same (a page of plain cells
#: whose empty ones alone are paragraphs shows its layout by those only)
#: (the lookbehind after the first ``\n``, not before it: a pattern opening with a literal is searched for that
#: character alone; opening with a lookbehind, it is tried at every position of the text)
_LONE_TAB = re.compile(r"\n(?<=[^\s]\n|\xa0\n)[ ]*\n\t\n[ ]*\n(?=[ ]*(?:[^\s]|\xa0))")
#: the same tab where the cells hold other blocks than paragraphs (``<td><section>``, ``<td><div>``: a WeChat
#: article's table, a CMS's), which innerText sets on lines of their own with no blank line round them: a cell's
#: text, the tab alone, the next cell's text (a one-cell-a-line export opens each cell's line with its tab)
_LONE_TAB_BLOCK = re.compile(r"\n(?<=[^\s]\n)\t\n(?=[^\s])")
#: how many make the layout (a 表三 of paragraph cells prints one for each of its 150 and more cells; a table of
#: some paragraph cells among plain ones still a score)
_LEAST = 8
#: blank-line padding before a tab: the cell before it is the row's, but where a value (a number, an empty cell's
#: no-break space) ends the line and words follow the tab: a row's label never follows its values, that tab opens
#: the next row, whose first cell is empty (a header row repeated mid-table under its empty corner, a group cell
#: a page break left empty: ``0`` / ``\t自然人\t法人或其他组织``)
_BEFORE_TAB = re.compile(r"(?<![0-9０-９\xa0])[ ]*\n(?:[ ]*\n)*\t|[ ]*\n(?:[ ]*\n)*\t(?![\u4e00-\u9fff（(])")
#: blank-line padding after a tab, when a cell's value follows (a number, a placeholder, an empty cell's
#: no-break space or the next tab); a label after it keeps its own line (the next row's, when the row's last
#: cell was empty: ``0\t`` / ``（二）部分公开…``)
_AFTER_TAB = re.compile(r"\t[ ]*\n(?:[ ]*\n)*(?=[ \xa0]*(?:\t|[0-9０-９.．,，]+[ \xa0]*(?:\n|\t|$)|[/／\-—–－无空]"
                        r"[ \xa0]*(?:\n|\t|$)|\xa0+[ ]*(?:\n|\t|$)))")


#: a line break closing a cell's number (its ``<br>``: KindEditor's typed cells end so, UEditor's empty cell is
#: one), the tab parting it from the next cell opening the next line, a number and another tab after it: a row
#: broken at its cells' ``<br>`` (``1143`` / ``\t13\t`` …). A one-cell-a-line export prints one tab a line; a
#: PDF table's rows opening with empty group fields (``\t\t2．重复申请\t0…``) never a number after the tab
_BR_BREAK = re.compile(r"\n(?<=[0-9０-９]\n)\t[0-9０-９][0-9０-９.,，]*\t")     # (lookbehind after the \n: see _LONE_TAB)
#: a break before a tab inside such a row, but where a value ends the line and words follow the tab (the next
#: row, its first cell empty: see :data:`_BEFORE_TAB`)
_BR_JOIN = re.compile(r"(?<=[^\s0-9０-９\xa0])\n\t|(?<=\t)\n\t|(?<=[0-9０-９\xa0])\n\t(?![\u4e00-\u9fff（(])")


#: a tab row's value field: a count, a placeholder, or empty (``&nbsp;``)
_VALUE = re.compile(r"^[ \xa0]*(?:[0-9０-９][0-9０-９,，.．]*|[/／\-—–－无]|)[ \xa0]*$")
#: a row's values → how many label fields come before them: 表二's stock rows (three values) one, 表三's (seven) one to
#: three (its label columns: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), 表四's fifteen none or one
_ROW_VALUES = {max(len(r.columns) for r in FORM.table2): (1,), len(FORM.table3_columns): (1, 2, 3),
               len(FORM.table4_group_keys) * len(FORM.table4_columns): (0, 1)}
_LINES_BROKEN = 6                   # a row broken at as many empty cells at most
_PADDING = 4                        # blank lines round one such break at most (a paragraph's on either side)
_CELL_BREAK = re.compile(r"\t\n{1,%d}\t" % (_PADDING + 1))
#: a line of two tabs or more ending in one: only such a line opens a row broken at empty cells (_empty_cell_breaks)
_TAB_ENDED_ROW = re.compile(r"^[^\n\t]*\t[^\n]*\t$", re.M)
#: a line of three tabs or more: the fewest a whole row of the form holds (a label and 3 values; _label_breaks)
_ROW_OF_CELLS = re.compile(r"\t[^\t\n]*\t[^\t\n]*\t")


def _whole_row(line: str) -> bool:
    """Whether a tab row holds a row of the form: its label fields (words) and then its values, as many as a row of
    the form holds; empty fields before its labels are a group's cell left empty (a table cut into parts)."""
    fields = line.split("\t")
    start = next((i for i, f in enumerate(fields) if f.strip()), len(fields))
    labels = next((i for i in range(start, len(fields)) if _VALUE.match(fields[i])), len(fields))
    return labels - start in _ROW_VALUES.get(len(fields) - labels, ()) and (labels > start or not start) \
        and all(_VALUE.match(f) for f in fields[labels:]) and all(f.strip() for f in fields[start:labels])


def _empty_cell_breaks(text: str) -> str:
    """Rows broken at an empty cell's ``<br>`` (UEditor's ``<td><br/></td>``, the others' cells plain): the row's line
    ends in the tab before that cell, the next opens with the tab after it (``2.没有…\t5\t0\t0\t0\t0\t`` / ``\t5``).
    An empty cell holding a paragraph's ``<br>`` (``<p><br></p>``) pads its break with blank lines. A few such breaks
    show no layout; a line and the lines after it so broken off (each opening with a tab, every one but the last
    ending in one, blank lines between them) are joined only where together they are a whole row of the form
    (:func:`_whole_row`) and the first alone, its last tab left out, is not."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.endswith("\t") and "\t" in line[:-1] and not _whole_row(line[:-1]):
            j, joined, pieces = i, line, 0
            while pieces < _LINES_BROKEN and joined.endswith("\t"):
                k = j
                while k < len(lines) and not lines[k] and k - j < _PADDING:
                    k += 1                      # (a paragraph's padding round the empty cell's break)
                if k == len(lines) or not lines[k].startswith("\t"):
                    break
                joined, j, pieces = joined + lines[k], k + 1, pieces + 1
            if pieces and _whole_row(joined):
                line, i = joined, j
        out.append(line)
    return "\n".join(out)


#: a label's first line: the form's item mark opens it (一、 / （一） / (三) / 1. / 2．), words after it, no tab; or
#: the row's group cells before it (``（四）无法提供\t1.本机关不掌握相关`` / ``政府信息\t0…``)
_LABEL_START = re.compile(r"^(?:[^\t]+\t){0,2}[ \xa0]*(?:[一二三四]、|[（(][一二三四五六七][）)]|[1-8][.．、])[^\t。；;]{1,30}$")
_WORDS = re.compile(r"[\u4e00-\u9fff]")
#: the words a label's second line opens with: no item mark of its own
_ITEM_MARK = re.compile(r"^[ \xa0]*(?:[一二三四]、|[（(][一二三四五六七][）)]|[0-9０-９]+[.．、])")
#: labels of the form printed without their item mark (总计 for （七）总计, 规章): a row of its own, no label's second line
_BARE_LABELS = tuple({_ITEM_MARK.sub("", r.label).strip() for r in FORM.table3_rows} | {r.label for r in FORM.table2}
                     | {"规范性文件", "合计"})


def _label_breaks(lines: list[str]) -> list[str]:
    """Rows whose label cell holds a line break (its words over two paragraphs or a ``<br>``: ``（二）部分公开`` /
    ``（区分处理的…）``): innerText prints the label's first line alone, then the rest of the label and the row's cells
    (``一、本年新收政`` / ``府信息公开申请数量\t2\t\t8…``). The two lines are one row again where the first opens with an item
    mark (no section's heading), the second does not and opens with words that are no label of the form printed bare
    (``3.其他`` / ``总计\t0…`` are two rows), and the second is a whole row of the form (:func:`_whole_row`)."""
    out: list[str] = []
    for line in lines:
        if out and "\t" in line and _LABEL_START.match(out[-1]) and not _ITEM_MARK.match(line) \
                and _WORDS.search(first := line.split("\t", 1)[0]) and not first.strip().startswith(_BARE_LABELS) \
                and not any(h.search(out[-1]) for h in FORM.headings.values()) and _whole_row(line):
            out[-1] += line
        else:
            out.append(line)
    return out


def joined_cell_breaks(text: str) -> str:
    """A browser's ``innerText`` of a table whose cells end in ``<br>``: each row on one line again, its cells
    parted by tabs (the ``<br>`` of a cell is no row's end); any other text as it is."""
    if "\t" not in text:
        return text
    if len(_BR_BREAK.findall(text)) >= _LEAST:
        return _BR_JOIN.sub("\t", text)
    if _CELL_BREAK.search(text) and _TAB_ENDED_ROW.search(text):
        text = _empty_cell_breaks(text)
    if not _ROW_OF_CELLS.search(text):
        return text                     # (no line a whole row of the form: a cell-per-line dump, most texts)
    return "\n".join(_label_breaks(text.split("\n")))


def shows_block_cells(text: str) -> bool:
    """Whether ``text`` is an ``innerText`` of tables whose cells hold paragraphs (see the module docstring)."""
    return "\t" in text and (len(_LONE_TAB.findall(text)) >= _LEAST or len(_LONE_TAB_BLOCK.findall(text)) >= _LEAST)


def folded_block_cells(text: str) -> str:
    """``text`` with the blank-line padding round paragraph cells taken out, each table row on one line, its cells
    parted by tabs; any other text as it is."""
    if not shows_block_cells(text):
        return text
    text = _BEFORE_TAB.sub("\t", text)
    return _AFTER_TAB.sub("\t", text)
