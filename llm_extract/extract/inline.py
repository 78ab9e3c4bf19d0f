"""Inline text: a crawler's dump of a web page, where the tables ran into one long line.

``…三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：…）申请人情况自然人…一、本年新收政府信息公开申请数量530010590二、上年结转…``

Nothing in such a line separates headings, row labels and digit runs, so the
layout reader would find neither a heading nor a row. :func:`unfold` breaks the
table part of such lines into the lines a page would have had: a line per
heading, and a line per row (its label, then its digits, glued as they were).
The digit runs themselves are not cut here: only the identities of the whole
table can do that (``glued.py`` offers the cuts, ``verify/`` keeps those that hold).

Every unfolded line keeps the number of the source line it came from, so
evidence points at the document as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..form import FORM
from .cells import OCR_LETTERS, normalise
from .linetext import LineText
from .pagenumbers import PAGE_MARK_IN

__all__ = ["unfold", "is_inline"]

_MIN_LENGTH = 40
_DIGIT = re.compile(r"\d")
#: a line that may be inline (:func:`is_inline`'s first test): as long as :data:`_MIN_LENGTH`, holding a digit
_LONG_WITH_DIGIT = re.compile(r"\n(?=[^\n]{%d})[^\n]*?\d" % _MIN_LENGTH)
_MIN_ROW_HITS = 4
_MIN_CONTINUED = 24
_UNIT = "件条个人次年月日号%％万项余篇期"
#: a number right after a 表二 label that is its cell, not a figure of a sentence (行政许可3265件, 行政许可34,128件:
#: a thousands separator is inside the figure, its unit still after it)
_CELL_AFTER_LABEL = re.compile(rf"\d+(?![\d.,，]*[{_UNIT}]|\d)")
#: a row's cells after its label's last character: digits not followed by a unit (a sentence says 申请数量4件;
#: a dump prints 申请数量530010590 or 数量 5 3 0 …), or a placeholder
_CELLS_AFTER_WORDS = re.compile(rf"[\u4e00-\u9fff）)”]\s*(?:\d+(?![\d.,，]*[{_UNIT}]|\d)|[/／\-—－](?![\u4e00-\u9fff]))")

#: 无 printed for empty cells (one or a run of them) and no word after them: no label starts there (无法提供…)
_EMPTY_CELLS = re.compile(r"无+(?![\u4e00-\u9fff])")
#: a number (a row's digit run, or a fee with decimals) followed by the next label's first character
_RUN_END = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=[\u4e00-\u9fff（(【\[“\"])")
#: a glued row's run (digits and placeholders, 无 too, seven or more, right after its label's last word) that a
#: space (or nothing, after a placeholder) parts from the next words: …尚未审结总计000001000100000 全年因…, …总计—————1001210102 全年…
#: (the whole run: at a line's end, 00000无无无无无00000 is no run 00000无无无无 before the word 无)
_GLUED_RUN_SPACED = re.compile(r"(?<=[\u4e00-\u9fff）)])(?=[/／\-—－–无]*\d)[\d/／\-—－–无]{7,}(?![\d/／\-—－–无])"
                               r"(?=[ \t\u3000]*[\u4e00-\u9fff])")
#: a row's last cells, placeholders apart by spaces or tabs, the last glued to the words after the table:
#: … 2 / / / / /全年因…, …⇥无⇥无⇥无⇥无⇥无全年因…
_BLANKS_THEN_WORDS = re.compile(r"(?:[/／\-—－–无][ \t\u3000]+){2,}[/／\-—－–无](?=[\u4e00-\u9fff])")
#: an item number after a space: …0000000 ５．属于三类内部事务信息, …大量反复申请 ５．要求…
#: (the item number's dot may have a space after it: ⇥2. 其他法律…)
_SPACED_ITEM = re.compile(r"(?<=\S)\s+(?=\d[.、．] ?[\u4e00-\u9fff])"
                          r"|(?<=[/／\-—－\u4e00-\u9fff）)”])(?=\d[.、．] ?[\u4e00-\u9fff])")
#: an item number is not a row's digits: 1.属于 / 2、重复 / （3）
_ITEM_NUMBER = re.compile(r"^\d{1,2}$")
#: a digit run that swallowed the next item's number: 00000002.其他法律…, 00000002. 其他法律…
_RUN_THEN_ITEM = re.compile(rf"(?<![\d.{OCR_LETTERS}])[\d{OCR_LETTERS}]+\d(?=[.、．] ?[\u4e00-\u9fff])")   # (0000O02.: OCR letters)
_HEAD_NO = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])[^\d、。，；]{0,18}$")
#: where a numbered row or group opens: 一、 / （三） (not 第（一）项)
_OPENS = re.compile(r"(?<!第)(?:[一二三四五六七八九十]、|[（(][一二三四五六七][）)])")
#: the heading words a page prints before 表二/表三/表四 and after them
_AFTER_TABLES = re.compile(r"[五六][、.．]\s*(?:存在的?主要问题|存在问题|其他需要报告)|存在的主要问题及改进情况")
_NOTE = re.compile(r"[（(]本列数据的勾稽关系")
#: a cell's note after its number (规章18（其中修订12件） 0 5): the number is not the row's end
_CELL_NOTE = ("（其中", "(其中")
#: a row label glued to its first cell, a placeholder, with the row's other cells after spaces:
#: （二）部分公开（…情形）无 无 无 无 无 无 无 → the label, a space, the seven cells (行政处罚— → 行政处罚 —)
_LABEL_THEN_BLANK = re.compile(r"(?<=[\u4e00-\u9fff）)”])(?<!无)(?=[无/／\-—－–](?:\s+(?:[无/／\-—－–]|\d+))*\s*$)")
#: the closing section (五、存在的主要问题…) opening with the last table's numbers: 00707五、存在…
#: a label glued to a number with its note: 规章18（其中修订12件） 0 5 → the label, a space, the cells
_LABEL_THEN_NOTED = re.compile(r"(?<=[\u4e00-\u9fff])(?=\d+[（(]其中[^）)]*[）)])")
_RUN_THEN_AFTER = re.compile(r"^\s*\d[\d \u3000]*(?=" + _AFTER_TABLES.pattern + ")")
_T2_LABELS = tuple(r.label for r in FORM.table2) + ("规范性文件",)
#: two 表二 rows on a short line: 行政处罚0行政强制86, 行政处罚— 行政强制296
_T2_ROWS_GLUED = re.compile("(?:" + "|".join(re.escape(x) for x in _T2_LABELS) + r").*?(?:"
                            + "|".join(re.escape(x) for x in _T2_LABELS) + ")")
_T2_LABEL_AT = re.compile("|".join(sorted((re.escape(x) for x in _T2_LABELS), key=len, reverse=True)))
#: 表二's sub-headings: 第二十条第（一）项
_T2_ITEM = re.compile(r"第二十条第?[（(]?[一二三四五六七八九十]+[）)]?项")
_ROW_WORDS = tuple({w for r in FORM.table3_rows for w in r.words})
#: a 表二 stock row's label and the one separator after it (cells: digits, a note-less number, a placeholder)
#: （七）总计's label printed bare right after 3.其他's (a blank row): ``3.其他 总计 0 0 0 0 0 0 0`` is two rows' labels, the
#: numbers 总计's (a header's bare 总计 follows 其他组织 or 其他结果, never an item numbered 3)
_TOTAL_AFTER_OTHER = re.compile(r"(?<=[3３][.、．]其他)[ \t\u3000]*(?=总计|合计|总记)")
_STOCK_ROW = re.compile(r"^\s*(?P<label>(?:行政)?规范性文件|规章)(?P<sep>[ \t])")
_STOCK_CELL = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+|[/／\-—－–]+|无|不适用)$")


@lru_cache(maxsize=4096)
def is_inline(line: str) -> bool:
    """A long line that holds a table: several 表三 row labels, or 表二 rows with their numbers. (A pure function of
    the line: a table's long label rows recur.)"""
    if len(line) < _MIN_LENGTH or not _DIGIT.search(line):
        return False
    text = normalise(line)
    if sum(1 for w in _ROW_WORDS if w in text) >= _MIN_ROW_HITS and len(_CELLS_AFTER_WORDS.findall(text)) >= _MIN_ROW_HITS:
        return True
    # (a table of contents names the headings, but no row of 表二 with its number)
    return sum(1 for m in _T2_LABEL_AT.finditer(text) if _CELL_AFTER_LABEL.match(text, m.end())) >= 2


def _holds_rows(line: str) -> bool:
    text = normalise(line)
    return any(c.isdigit() for c in text) and (any(w in text for w in _ROW_WORDS) or bool(_T2_LABEL_AT.search(text))
                                               or any(p.search(text) for p in FORM.headings.values()))


def _continued(text: str) -> list[str]:
    """A line that continues an inline table (no heading in it): cut at its rows, up to 五、."""
    after = _AFTER_TABLES.search(text)
    last = after.start() if after else len(text)
    points = sorted({c for c in _row_cuts(text) if 0 < c < last} | {0, last, len(text)})
    pieces = [_stock_row(text[a:b]) or text[a:b].strip() for a, b in zip(points, points[1:])]
    return [_parted(p) for p in pieces if p]


def _heading_cuts(text: str) -> set[int]:
    """Before each table heading (with its section number) and after its words; before 五、 and the note."""
    cuts: set[int] = set()
    for pattern in FORM.headings.values():
        for m in pattern.finditer(text):
            start = m.start()
            before = _HEAD_NO.search(text, max(0, start - 20), start)
            if before is None and _in_sentence(text, m):
                continue
            cuts.add(before.start() if before else start)
            end = m.end()
            if text.startswith("情况", end):
                end += 2
            cuts.add(end)
    for m in _AFTER_TABLES.finditer(text):
        cuts.add(m.start())
    for m in _NOTE.finditer(text):
        cuts.add(m.start())
    return cuts


#: what follows a heading's words in a sentence, never in a heading: …行政诉讼的情况。, …情况、…, …情况。
_SENTENCE_GOES_ON = frozenset("的、，。；,;")
#: a figure with its unit right after a heading's words: a sentence's (…渠道主动公开政府信息216条)
_FIGURE = re.compile(rf"\d+(?:\.\d+)?[{_UNIT}]")


def _in_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a heading's words without a section number before them are a sentence's: a figure among or right
    after them (被申请行政复议2件、提起行政诉讼; 主动公开政府信息216条), an item of a 、 list of sections
    (全文包括总体情况、主动公开政府信息情况、…), or the sentence going on after them (…被申请行政复议、提起行政诉讼的情况。)."""
    end = m.end() + (2 if text.startswith("情况", m.end()) else 0)
    return (_DIGIT.search(m.group()) is not None or _FIGURE.match(text, end) is not None
            or text[m.start() - 1:m.start()] == "、" or text[end:end + 1] in _SENTENCE_GOES_ON)


def _row_cuts(text: str) -> set[int]:
    """After each digit run that is not an item number; before each 表二 row label."""
    cuts: set[int] = set()
    for m in _RUN_END.finditer(text):
        digits, end = m.group(1), m.end()
        if _ITEM_NUMBER.match(digits) and m.start() > 0 and text[m.start() - 1] in "（(":
            continue
        if text.startswith(("年", "月", "日", "号", "件", "条", "万", "%", "个", "人", "项", "次"), end):
            continue        # a figure of the narrative or a date, not a row's digits
        if _EMPTY_CELLS.match(text, end):
            continue        # 000000无２．没有…, 40无0004, 00000无无无无无00000: 无 are empty cells, not the next label
        if text.startswith(_CELL_NOTE, end):
            continue        # the number's note follows, then the row's other cells
        cuts.add(end)
    for m in _BLANKS_THEN_WORDS.finditer(text):
        cuts.add(m.end())
    runs = [m.span() for m in _GLUED_RUN_SPACED.finditer(text)]
    for _, end in runs:
        cuts.add(end)
    for m in _SPACED_ITEM.finditer(text):
        cuts.add(m.end())               # (or after placeholders or a blank row's label: 秘密———————2.其他…)
    for m in _RUN_THEN_ITEM.finditer(text):
        cuts.add(m.end() - 1)           # 00000002.其他法律…: the run, then the next item's number
    for m in _OPENS.finditer(text):
        cuts.add(m.start())
    for m in _TOTAL_AFTER_OTHER.finditer(text):
        cuts.add(m.end())
    for m in _T2_ITEM.finditer(text):
        cuts.add(m.start())
    for m in _T2_LABEL_AT.finditer(text):
        after = text[m.end():m.end() + 1]
        if after.isdigit() or after in " \t\u3000/／-—－无OlI":     # (O, l, I: a digit OCR'd as a letter)
            cuts.add(m.start())
    # (inside a run that holds 无 cells, 524314无无无无无无无无无无, no cut: the 无 are its cells, not a label)
    return {c for c in cuts if not _inside(c, runs, text)}


def _inside(c: int, runs: list[tuple[int, int]], text: str) -> bool:
    """Whether ``c`` is strictly inside one of ``runs`` (sorted, apart) that holds 无: found by bisection, so a
    long dump with many runs and cuts takes time in proportion to its length, not to its length squared."""
    k = bisect_left(runs, (c, c)) - 1        # the last run starting before c (only it can hold c)
    return k >= 0 and runs[k][0] < c < runs[k][1] and "无" in text[runs[k][0]:runs[k][1]]


def _spans(text: str, continued: bool = False) -> list[str]:
    """The table part of an inline line (first heading … 五、), cut into heading and row lines; a line
    that ``continued`` an inline table is table from its start."""
    heads = _heading_cuts(text)
    if not heads:
        return _continued(text) if continued or _holds_rows(text) else [text]
    first = min(heads)
    if continued or _holds_rows(text[:first]):
        first = 0                   # the line opens with table rows (its heading ended the line before)
    # the tables end at the first 五、 after the last table heading (a preamble may name every section:
    # 本报告由总体情况、主动公开政府信息情况、……、存在的主要问题及改进情况……组成)
    last_head = max((m.start() for pattern in FORM.headings.values() for m in pattern.finditer(text)), default=first)
    after = [m.start() for m in _AFTER_TABLES.finditer(text) if m.start() > max(first, last_head)]
    last = after[0] if after else len(text)
    cuts = {c for c in heads | _row_cuts(text) if first <= c <= last} | {first, last}
    points = sorted(cuts | {0, len(text)})
    pieces = [_stock_row(text[a:b]) or text[a:b].strip() for a, b in zip(points, points[1:])]
    return [_parted(p) for p in pieces if p]


def _stock_row(piece: str) -> str | None:
    """A 表二 stock row (规章, 行政规范性文件: three cells) of a dump whose cells are parted by one tab
    or one space each, as tab-separated fields: ``规章 0  7`` and ``规章\t0\t\t7`` → ``规章\t0\t\t7``.
    An empty cell is an empty field there (two separators in a row, or two before the row's end: one
    separator parts the rows, a space or a tab alike), and would be lost with the spaces; ``None`` for any other
    piece."""
    m = _STOCK_ROW.match(piece)
    if m is None:
        return None
    sep = m.group("sep")
    body = piece[m.end():]
    body = body[:-1] if body.endswith((" ", "\t")) else body   # the separator before the next row or heading (a
    #                                                          dump joined with tabs: 规章\t12\t8\t, then a row: two cells)
    if ("\t" if sep == " " else " ") in body:
        return None                     # separators mixed: not one per cell
    cells = body.split(sep)
    if len(cells) != 3 or all(cells) or not any(cells) or not all(not c or _STOCK_CELL.match(c) for c in cells):
        return None
    return m.group("label") + "\t" + "\t".join(cells)


def _parted(piece: str) -> str:
    """A row piece with its label parted from a first cell that the layout reader would take for
    part of the label (a placeholder, a number with its note)."""
    return _LABEL_THEN_NOTED.sub(" ", _LABEL_THEN_BLANK.sub(" ", piece, count=1), count=1)


def _closing(line: str) -> list[str] | None:
    """A line after an inline table that opens with the table's last numbers, then 五、…: the two apart."""
    m = _RUN_THEN_AFTER.match(line)
    return [m.group().strip(), line[m.end():].strip()] if m else None


def _leading_lines(lines: list[str], inline: list[bool]) -> list[bool]:
    """The lines that lead into an inline table line: the long one just before it, and before it
    each one that holds a heading or table rows (…规章209 / 规范性文件3 17 156 / …, then the table)."""
    before = [False] * len(lines)
    for i in range(len(lines) - 2, -1, -1):
        line = lines[i]
        if inline[i]:
            continue
        table = _holds_rows(line) or bool(_heading_cuts(line))
        before[i] = (inline[i + 1] and len(line) >= _MIN_CONTINUED) or ((inline[i + 1] or before[i + 1]) and table)
    return before


def _without_page_marks(line: str) -> str:
    """``line`` with every page mark in it (第 2 页 共 5 页, 第4页/共6页) a space: its digits are no cell's."""
    return PAGE_MARK_IN.sub(" ", line) if "页" in line else line


def unfold(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with every inline table line unfolded, and the source line number of each (1-based)."""
    # (only a long line holding a digit may be one: found in the joined lines at once)
    found = [i for i in LineText.of(lines).indices(_LONG_WITH_DIGIT) if is_inline(lines[i])]
    if not found:
        return lines, list(range(1, len(lines) + 1))
    inline = [False] * len(lines)
    for i in found:
        inline[i] = True
    before = _leading_lines(lines, inline)
    out: list[str] = []
    origin: list[int] = []
    inside = False                  # after an inline table line, its continuation lines are unfolded too
    for n, line in enumerate(lines, start=1):
        if inside and (len(line) >= _MIN_CONTINUED or _T2_ROWS_GLUED.search(line)) and _holds_rows(line):
            pieces = _spans(_without_page_marks(line), continued=True)
        elif inside and (closing := _closing(line)):
            pieces = closing
        elif inline[n - 1]:
            pieces = _spans(_without_page_marks(line))
            inside = True
        elif before[n - 1]:
            pieces = _spans(line)   # the paragraph before an inline table may end in its heading
        else:
            pieces = [_parted(line) if inside else line]
        out.extend(pieces)
        origin.extend([n] * len(pieces))
    return out, origin
