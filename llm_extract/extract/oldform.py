"""The 2019/2020 form (国办公开办函〔2019〕60号) told from the 2021 form by its 表二's words, or its shape.

Its 表二 heads 规章 / 规范性文件 with 本年新制作数量 / 本年新公开数量 / 对外公开总数量, the decisions' rows with
上一年项目数量 / 本年增/减 / 处理决定数量, adds the rows 其他对外管理服务事项 and 政府集中采购 (采购项目数量 /
采购总金额). None of these words is in the 2021 form. They are looked for in 表二's labels and headers with any
one character misread (OCR's 釆购, 数昼, 公幵; a writer's 其它), since a report of the old form read by the
2021 form's rows proves numbers under keys they do not mean.

A 表二 printed with none of them (its headers dropped, its old rows left out) still has the old form's shape: the
decisions' rows 行政许可 / 行政处罚 / 行政强制 hold three numbers (上一年项目数量, 本年增/减, 处理决定数量) where the
2021 form's hold one, and the middle one signed (+2, -1): a count the 2021 form never prints. Three unsigned numbers
are no mark (a 2021 table's empty cells printed as 0 read the same). A crawler's dump that ran a row's cells
together keeps the sign inside the run (行政许可82+15735), which no 2021 cell holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..form import FORM, FORM_2019
from .labels import table2_rows_named
from .layout import Item

__all__ = ["OLD_FORM_WORDS", "old_form_word", "old_form_mark", "old_form_shape"]

#: words of the 2019/2020 form's 表二 that the 2021 form does not print (:data:`llm_extract.form.FORM_2019`)
OLD_FORM_WORDS = FORM_2019.words
#: words read only as printed: too short for a misread one to be told from other words
_EXACT_MIN = 6


def _pattern() -> re.Pattern[str]:
    alternatives = [FORM_2019.change_column]
    for word in OLD_FORM_WORDS:
        alternatives.append(re.escape(word))
        if len(word) >= _EXACT_MIN:        # the word with any one character misread
            alternatives += [re.escape(word[:i]) + "." + re.escape(word[i + 1:]) for i in range(len(word))]
    return re.compile("|".join(alternatives))


_MARKERS = _pattern()


@lru_cache(maxsize=4096)
def old_form_word(key: str) -> str | None:
    """The 2019/2020 form's word in a label key (``label_key`` text), as printed; ``None`` when it holds none."""
    found = _MARKERS.search(key)
    return found.group(0) if found else None


#: the 2021 form's one-cell rows that the old form prints with three cells: 上一年项目数量, 本年增/减, 处理决定数量
_DECISIONS = frozenset(FORM_2019.three_cell_rows)
#: the longest label key of such a row (a sentence of section 二 naming 行政许可 is no row)
_LABEL_MAX = 12
#: a 本年增/减 cell: a count with its sign (a bare - is a blank cell)
_SIGNED = re.compile(r"^[+\-]\d+$")
#: a sentence's marks in a label key (NFKC: ，→ , and ；→ ;)
_PROSE = re.compile(r"[。,;!?]")
#: the 2021 form's 表二 column headers, without a unit (本年收费金额（单位：万元）): printed, the words of the old
#: form in the section's prose mark nothing
_NEW_FORM_HEADERS = re.compile("|".join(dict.fromkeys(
    re.escape(c.label.split("（")[0]) for row in FORM.table2 for c in row.columns)))


def _numbers_after(items: list[Item], at: int) -> list[str]:
    """The numbers after the label at ``at``, up to the next label: "n" for a count, "±" for a signed one (blank
    cells, a grid's, are skipped)."""
    found = []
    for it in items[at + 1:]:
        if it.is_text:
            if not _SIGNED.match(it.key):
                break
            found.append("±")
        elif it.cell.is_number:
            found.append("n")
    return found


def _names_a_row(word: str) -> bool:
    """Whether a word found is one of the old form's row names (as printed, one character misread at most)."""
    return any(len(word) == len(name) and sum(a != b for a, b in zip(word, name)) <= 1 for name in FORM_2019.row_names)


def old_form_mark(items: Iterable[Item]) -> str | None:
    """What marks 表二's items as the 2019/2020 form: its word (any one character misread) in a cell or a label,
    or two of its decisions' rows holding three numbers, the middle one signed, and none holding one; its word
    in a sentence only where no 2021 header is printed (a 2021 report's section 二 may tell of 政府集中采购 in
    its prose or a sub-heading; an old one's 表二 printed as sentences has no table). Where the 2021 form's
    headers are printed, only the old form's column headers and its rows holding numbers mark it. ``None``
    for the 2021 form."""
    items = list(items)
    cells = []
    prose, new_form = None, False
    for at, it in enumerate(items):
        if not it.is_text:
            continue
        if word := old_form_word(it.key):
            # named as printed (本年新公幵数量: the key reads OCR's look-alikes as the form's characters)
            word = old_form_word("".join(it.raw.split())) or word
            if _PROSE.search(it.key):
                prose = prose or word
            else:
                cells.append((word, at))
        new_form = new_form or bool(_NEW_FORM_HEADERS.search(it.key))
    rows = _decision_rows(items)
    for word, at in cells:
        if not new_form or not _names_a_row(word) or _numbers_after(items, at):
            return word
    three = [r for r in rows if len(r) == 3]
    if len(three) >= 2 and any(r[1] == "±" for r in three) and not any(len(r) == 1 for r in rows):
        return "本年增/减 (行政许可 / 行政处罚 / 行政强制 with three numbers, a signed one among them)"
    return None if new_form else prose


#: a decisions' row whose cells a crawler ran together round the signed change (行政许可82+15735: 82, +1, 5735); the
#: 2021 form's one cell has no sign inside it
_GLUED_SIGNED = re.compile(r"\d+[+\-]\d{2,}$")


def _decision_rows(items: list[Item]) -> list[list[str]]:
    """The numbers after each decisions' row label (:func:`_numbers_after`); a row glued round its signed change
    holds three, the middle one signed."""
    rows = []
    for at, it in enumerate(items):
        if not it.is_text:
            continue
        glued = _GLUED_SIGNED.search(it.key)
        label = it.key[:glued.start()] if glued else it.key
        if len(label) <= _LABEL_MAX and _DECISIONS.intersection(table2_rows_named(label)):
            rows.append(["n", "±", "n"] if glued else _numbers_after(items, at))
    return rows


def old_form_shape(items: Iterable[Item]) -> bool:
    """Whether 表二 is shaped as the old form's, none of its words printed (:func:`old_form_mark` said None): two of
    its decisions' rows hold three numbers, none holds one, and no 2021 header is printed (本年处理决定数量 over
    ``行政许可 | 0 | 0 | 0``: a converter repeating a cell that spans the grid's columns). A 2021 table printing its
    empty cells as 0, its headers dropped, looks the same, so such a 表二 is not refused, only never proven
    (``READ.OLD_FORM_SHAPE``)."""
    items = list(items)
    if any(it.is_text and _NEW_FORM_HEADERS.search(it.key) for it in items):
        return False
    rows = _decision_rows(items)
    return sum(1 for r in rows if len(r) == 3) >= 2 and not any(len(r) == 1 for r in rows)
