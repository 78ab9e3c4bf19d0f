"""A table's rows written as sentences, each cell named by its column (a phone article's 表二, 表三 and 表四).

An article may give the tables as one sentence per row instead of a table::

    规章：本年制发0件，本年废止0件，现行有效0件。
    行政处罚：本年处理决定数量0件；行政强制：本年处理决定数量23件。
    一、本年新收政府信息公开申请数量：自然人3件，商业企业1件，科研机构0件，社会公益组织0件，法律服务机构1件，其他0件，总计5件。
    （二）部分公开（区分处理的，只计这一情形，不计其他情形）：自然人1件，商业企业无，…，总计1件。
    行政复议：结果维持0件，结果纠正0件，其他结果0件，尚未审结0件，总计0件。

The column names say where each number goes, whatever their order. A line in the table's region made of rows
(``；`` between them), each a label, a colon, then one clause per column of one of the table's column sets
(the column's printed name, then a number with or without its unit, or a placeholder such as ``无``), every
column of the set named exactly once and nothing else, is handed on as a tab-separated row prints it: each
label, then its cells in the form's column order (line numbers keep). A line naming a column twice, leaving one
out, giving a count in another unit (元 for 万元) or saying anything more is no row, and leaves the whole table
as it was (among tab rows it would be a label alone, a row of blank cells): read as before, or left missing; a cell
is never made up from a sentence that does not state it. A total named first, the others after 其中
(``总计5件，其中自然人3件、…``), is such a row too; such a line is the table's, never the narrative's
(:func:`is_sentence_row`, ``prose.prose_lines``).

A 表二 row may name its columns in brackets after its label instead, its numbers after the colon
(``规章（本年制发件数、本年废止件数、现行有效件数）：3、1、14``, ``行政许可（本年处理决定数量）：3684``): the bracket is the
row's header (:func:`bracketed_row`), read in the form's order only (a bracket naming the stock columns in another
order places nothing: no identity checks 表二, so cells it placed could never be proven). 表四 may give a cell a line,
each named by its group and column (``行政复议-结果维持：127``): where the fifteen are named once each, they are its
three rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..form import FORM
from ..form.spec import Column
from .cells import parse_cell, nfkc
from .layout import Region, label_key
from .linetext import LineText
from .t4lines import group_of

__all__ = ["sentence_rows", "sentence_row", "bracketed_row", "is_sentence_row", "NamedColumns", "TABLE2_SETS",
           "TABLE3_SETS", "TABLE4_SETS"]


@dataclass(frozen=True)
class NamedColumns:
    """One row's columns as a sentence names them, in the form's order, and the unit a cell may carry."""

    names: tuple[str, ...]
    unit: str = "件"


def _named(columns: Sequence[Column]) -> NamedColumns:
    """A row's columns as a sentence names them: 本年制发件数 → 本年制发 (…0件), 本年收费金额（单位：万元） →
    本年收费金额 in 万元."""
    names = tuple(c.label.split("（")[0].removesuffix("件数") for c in columns)
    return NamedColumns(names, "万元" if any("万元" in c.label for c in columns) else "件")


TABLE2_SETS = tuple(dict.fromkeys(_named(row.columns) for row in FORM.table2))
TABLE3_SETS = (NamedColumns(tuple(c.label for c in FORM.table3_columns)),)
TABLE4_SETS = (NamedColumns(tuple(c.label for c in FORM.table4_columns)),)

#: a count (thousands separators in it: 自然人1,752件), or an empty cell's mark (无, 不适用, /, …)
_VALUE = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|不适用|无|空|/|-|—+"
_SEPARATORS = r"[，,、]\s*(?:其中)?"
#: the total column named 合计 (``合计42件，其中自然人38件、…``): 总计's cell, named once either way
_TOTAL_ALSO = "合计"
#: every character whose NFKC form holds a colon (``:``, ``：``, ``﹕``, ``︓``, ``⩴``): a line without one names no cell
_COLON = re.compile("[:\uff1a\ufe55\ufe13\u2a74]")


@lru_cache(maxsize=8)
def _patterns(sets: tuple[NamedColumns, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = {n for s in sets for n in s.names} | ({_TOTAL_ALSO} if "总计" in {n for s in sets for n in s.names} else set())
    names = "|".join(re.escape(n) for n in sorted(words, key=len, reverse=True))
    units = "|".join(sorted({re.escape(s.unit) for s in sets}, key=len, reverse=True))
    clause = rf"(?:{names})\s*(?:为|有)?\s*(?:{_VALUE})\s*(?:{units})?"
    row = re.compile(rf"^(?P<label>[^：:；;]+?)[：:]\s*(?P<cells>{clause}(?:\s*{_SEPARATORS}\s*{clause})*)\s*$")
    return row, re.compile(rf"({names})\s*(?:为|有)?\s*({_VALUE})\s*({units})?")


def _cells(text: str, sets: tuple[NamedColumns, ...]) -> list[str] | None:
    """The cells a clause list names, in its set's order; None unless it names each column of one set once,
    each in that set's unit (or none)."""
    found: dict[str, tuple[str, str]] = {}
    for m in _patterns(sets)[1].finditer(text):
        name = "总计" if m.group(1) == _TOTAL_ALSO else m.group(1)
        if name in found:
            return None
        found[name] = (m.group(2), m.group(3) or "")
    for s in sets:
        if set(found) == set(s.names) and all(unit in ("", s.unit) for _, unit in found.values()):
            cells = [found[n][0] for n in s.names]
            if s.unit == "件" and any("." in c for c in cells):
                return None             # a count has no decimals
            return cells if all(parse_cell(c).is_value for c in cells) else None
    return None


def sentence_row(line: str, sets: tuple[NamedColumns, ...]) -> str | None:
    """``line`` as a tab-separated row when it is rows written as sentences naming every column once."""
    text = nfkc(line).strip().rstrip("。.").strip()
    if not text:
        return None
    out: list[str] = []
    for part in re.split(r"\s*[；;]\s*", text):
        m = _patterns(sets)[0].match(part)
        if m is None or (cells := _cells(m.group("cells"), sets)) is None:
            return None
        out += [m.group("label").strip(), *cells]
    return "\t".join(out)


def _names_a_cell(line: str, sets: tuple[NamedColumns, ...]) -> bool:
    """Whether the line states a cell by its column's name after a colon (a row as a sentence, read or not)."""
    text = nfkc(line)
    return bool(re.search(r"[：:]", text)) and _patterns(sets)[1].search(text.split("：", 1)[-1].split(":", 1)[-1]) is not None


#: 表二's columns' words (the stock columns' names, the one-cell rows' 本年处理决定数量 / 本年收费金额 and its unit)
_T2_WORDS = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
    {*(c.label for row in FORM.table2 for c in row.columns), "本年收费金额", "单位", "万元", "元"}, key=len, reverse=True))
    + r"|[（）()：:，,、\s])+")
_STOCK = tuple(c.label for c in FORM.table2[0].columns)
#: a cell of such a row: its number or an empty cell's mark, perhaps its unit after it (``2224件``, ``0.25万元``; never
#: 元: an amount in 元 is no 万元 cell) and a note in brackets (``34（含部门规范性文件26件）``: the note stays with its
#: cell, as a table's cell prints it)
_BRACKETED_CELL = r"[0-9.,/\-—–无]+(?:件|万元)?(?:[（(][^（）()]*[）)])?"
_BRACKETED = re.compile(r"^(?P<label>[^（(]+)[（(](?P<names>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)?)[）)]\s*[:：]\s*"
                        rf"(?P<cells>{_BRACKETED_CELL}(?:\s*[、\s]\s*{_BRACKETED_CELL})*)\s*$")


def bracketed_row(line: str) -> str | None:
    """``line`` as a tab-separated row when it is a 表二 row naming its columns in brackets between its label and its
    numbers, in the form's order (see the module docstring); None otherwise."""
    m = _BRACKETED.match(nfkc(line).strip().rstrip("。."))
    if m is None or not _T2_WORDS.fullmatch(m.group("names")):
        return None
    stock = [at for n in _STOCK if (at := m.group("names").find(n)) >= 0]
    if stock != sorted(stock):
        return None
    return "\t".join([m.group("label").strip(), *re.findall(_BRACKETED_CELL, m.group("cells"))])


@lru_cache(maxsize=4096)
def _read(line: str, sets: tuple[NamedColumns, ...]) -> tuple[str | None, bool]:
    """The line as a tab-separated row (:func:`sentence_row`; 表二's :func:`bracketed_row`), or None and whether it
    names a cell all the same (a pure function of the line: a table's lines recur)."""
    row = sentence_row(line, sets) or (bracketed_row(line) if sets == TABLE2_SETS else None)
    return row, row is None and _names_a_cell(line, sets)


#: each table's column sets, by its region's name
_SETS = {"表二": TABLE2_SETS, "表三": TABLE3_SETS, "表四": TABLE4_SETS}


def is_sentence_row(line: str, region: str) -> bool:
    """Whether ``line``, in the region of table ``region`` (表二, 表三, 表四), is one of its rows written as a sentence:
    the table's, not the narrative's."""
    sets = _SETS.get(region)
    return sets is not None and _COLON.search(line) is not None and _read(line, sets)[0] is not None


#: a 表四 cell on a line of its own, named by its group and its column (``行政复议-结果维持：127``)
_T4_CELL = re.compile(rf"^(?P<group>.+?)\s*[-—–·]?\s*(?P<column>{'|'.join(c.label for c in FORM.table4_columns)})"
                      rf"\s*[:：]\s*(?P<value>{_VALUE})\s*件?$")


def _t4_cell_lines(lines: list[str], region: Region) -> dict[int, str] | None:
    """表四 given a cell a line, each named by its group and column (``行政复议-结果维持：127`` …
    ``行政诉讼（复议后起诉）-总计：147``): its three rows as tab rows, each at its group's first line (the other lines
    emptied), when the region names each of the fifteen cells exactly once; None otherwise."""
    columns = [c.label for c in FORM.table4_columns]
    found: dict[tuple[int, int], tuple[int, str]] = {}
    labels: dict[int, str] = {}
    for i in range(region.start - 1, min(region.end - 1, len(lines))):
        m = _T4_CELL.match(nfkc(lines[i]).strip().rstrip("。.；;"))
        if m is None:
            continue
        group = group_of(label_key(m.group("group")))
        key = (group, columns.index(m.group("column"))) if group is not None else None
        if key is None or key in found:
            return None
        found[key] = (i, m.group("value"))
        labels.setdefault(group, m.group("group").strip(" -—–·"))
    if len(found) != len(FORM.table4_groups) * len(columns):
        return None
    rows: dict[int, str] = {}
    for group, label in labels.items():
        at = [found[(group, c)][0] for c in range(len(columns))]
        rows.update(dict.fromkeys(at, ""))
        rows[min(at)] = "\t".join([label, *(found[(group, c)][1] for c in range(len(columns)))])
    return rows


def sentence_rows(lines: list[str], region: Region | None, sets: tuple[NamedColumns, ...]) -> list[str]:
    """``lines`` with the region's rows written as sentences as tab-separated rows (see the module docstring);
    unchanged where the region holds none, or where one of its sentences naming a cell is no row as a whole
    (the others as tab rows would make that one a label alone: a row of blank cells)."""
    if region is None:
        return lines
    if sets == TABLE4_SETS and (cells := _t4_cell_lines(lines, region)) is not None:
        out = list(lines)
        for n, row in cells.items():
            out[n] = row
        return out
    rows: dict[int, str] = {}
    text = LineText.of(lines)
    # (only lines with a colon, even after NFKC: the others are neither rows as sentences nor name a cell)
    for i in text.indices(_COLON, region.start - 1, region.end - 1):
        row, names = _read(lines[i], sets)
        if row is not None:
            rows[i + 1] = row
        elif names:
            return lines
    if not rows:
        return lines
    out = list(lines)
    for n, row in rows.items():
        out[n - 1] = row
    return out
