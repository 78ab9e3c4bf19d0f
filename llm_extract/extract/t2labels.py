"""Where 表二's row labels stand, and what runs on after them: the label search of :mod:`.table2`.

A row's label may stand alone, after the table's section and header words on one line (a converter writing a small
table as a paragraph), or run on into the next section's heading or into column headers not its own (pdfminer
printing the labels, then the headers, then the numbers); in a crawler's dump a one-cell row's count may stand glued
between its label and that heading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..form import FORM
from .glued import glued_number
from .labels import TABLE2_LABELS, strip_item_number, table2_rows_named
from .layout import Item, label_key

__all__ = ["count_then_heading", "runs_on", "t2_label"]

#: the section headings of 表二's rows (第二十条第（一）项 …), as label keys up to the article: 第二十条
_SECTIONS = frozenset(label_key(r.section).split("条")[0] + "条" for r in FORM.table2 if "条" in r.section)
#: 表二's column headers (本年制发件数 …, 本年处理决定数量, 本年收费金额), their first words as label keys
_HEADER_WORDS = 6
_HEADERS = frozenset(label_key(c.label)[:_HEADER_WORDS] for r in FORM.table2 for c in r.columns)
#: the headers a row's label may run on into: its own, where it is its section's only row (a text tool
#: printing 信息内容 / 行政事业性收费 / 本年收费金额 / 0.5 column by column)
_OWN_HEADERS = {r.path: frozenset(label_key(c.label)[:_HEADER_WORDS] for c in r.columns)
                if sum(1 for o in FORM.table2 if o.section == r.section) == 1 else frozenset() for r in FORM.table2}
#: a label, its count and the count's unit, then more words (the next section's heading)
_COUNT_UNIT = re.compile(r"^(?P<head>.*?[^\d,.])(?P<number>\d+)件(?P<rest>.+)$")
_NOTE_CLOSE = ")）"
_FEE = "fees_10k_yuan"


def runs_on(key: str, pattern: re.Pattern[str], prefix: str) -> bool:
    """Whether a 表二 label's text runs on, after the label, into a section heading of the table
    (第二十条第（五）项) or into column headers not its own (本年制发件数 after 行政事业性收费: pdfminer
    prints the labels, then the headers, then the numbers): a line joined onto the label, or words run
    together on one line."""
    bare = strip_item_number(key)
    m = pattern.search(key) or pattern.search(bare)
    if m is None:
        return False
    rest = (key if pattern.search(key) else bare)[m.end():]
    return any(section in rest for section in _SECTIONS) \
        or any(h in rest for h in _HEADERS - _OWN_HEADERS.get(prefix, frozenset()))


def count_then_heading(key: str, pattern: re.Pattern[str], prefix: str) -> str | None:
    """A one-cell row's count glued between its label and the next section's heading with its unit, in a
    crawler's dump: ``行政许可58件第二十条第（六）项…`` → ``58`` (the unit 件 ends the number: no digit of the
    heading can join it); ``None`` otherwise, and where the unit closes a note (``…2件）第二十条``: the tail of a
    cell's ``（其中修订2件）`` printed on the row's line) or the row is the fee's (counted in 万元, never 件)."""
    m = _COUNT_UNIT.match(key)
    if m is None or m.group("rest")[:1] in _NOTE_CLOSE or prefix.endswith(_FEE) \
            or runs_on(m.group("head"), pattern, prefix):
        return None
    head = m.group("head")
    label = pattern.search(head) or pattern.search(strip_item_number(head))
    if label is None or label.end() != len(head if pattern.search(head) else strip_item_number(head)):
        return None                     # words between the label and the count: not the row's own
    return m.group("number")


#: 表二's section and header words before a row's label on one line, a small table a converter wrote as a paragraph
#: (pymupdf4llm: ``第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 0``)
_T2_HEADS = re.compile("^(?:" + "|".join(sorted({re.escape(label_key(t)) for row in FORM.table2 for t in
                                                   (row.section, "信息内容", *(c.label for c in row.columns))},
                                                  key=len, reverse=True)) + ")+")


@lru_cache(maxsize=4096)
def _rows_after_heads(key: str) -> tuple[str, ...]:
    """The 表二 rows (path prefixes) ``key`` ends in as 表二's section and header words, then the row's label and
    nothing after it (once per distinct key)."""
    rest = _T2_HEADS.sub("", key)
    if rest == key:
        return ()
    return tuple(path for path, pattern, _ in TABLE2_LABELS
                 if (m := pattern.search(rest)) is not None and m.start() == 0 and m.end() == len(rest))


def t2_label(items: list[Item], prefix: str, texts: list[tuple[int, str]]) -> int | None:
    """The item of 表二 row ``prefix``'s label (``texts``: index and key of every text item), or of the table's
    section and header words ending in it (:data:`_T2_HEADS`). A sentence or subheading can start with the label
    too (行政许可事项…): the first match with cells after it (or a glued number), else the first match."""
    first = None
    for i, key in texts:
        if prefix in table2_rows_named(key) or prefix in _rows_after_heads(key):
            if (i + 1 < len(items) and items[i + 1].is_value) or glued_number(key) is not None:
                return i
            first = i if first is None else first
    return first
