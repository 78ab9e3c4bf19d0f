"""表四 in ``pdf2txt.py`` text: its fifteen numbers one box to a line, blank lines between the boxes.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line, so a run of 表四's numbers is
broken by blank lines that :mod:`.textblocks` reads as the end of a block. Here only text ends a run: from
表四's heading to section 五, the numbers printed after its column or group headers are one run. It is
表四's when it is the only run after a header and holds exactly its fifteen cells; numbers printed after
the heading before any of 表四's own header words (another table's cells and headers, 数据1 … 总计, that a
text tool put there) are not 表四's.

The run is the table's rows one after the other (one row of fifteen), or, for three rows of five, printed
column by column (``3 0 0 / 2 3 0 / …``: each column's three groups). The group sums decide: the order in
which every group's total holds is read; where both orders hold with different values, nothing is. Read
column by column, a group's cells in another column order keep its total, and the text tool chose that
order: such a reading is never proven (``READ.T4_BLOCK_ORDER``).
"""

from __future__ import annotations

import re

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, heading_line, split_numbers
from .glued import groups_hold
from .layout import is_page_furniture, label_key

__all__ = ["table4_boxes", "read_table4_boxes", "BY_ROWS", "BY_COLUMNS"]

_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
_SECTION_FIVE = re.compile(r"^\s*(?:五[、.．]|\(?五\)|存在的主要问题)")
_SENTENCE = re.compile(r"[。；;！？]")
_WIDTH = len(FORM.table4_columns)
_GROUPS = len(FORM.table4_groups)
_CELLS = _WIDTH * _GROUPS
#: 表四's own header words (two characters of a column or group label), not those 表三 prints too
_SHARED = frozenset({"总计", "其他", "结果"})
_T4_WORDS = frozenset(label[i:i + 2] for label in [c.label for c in FORM.table4_columns]
                      + [g.label for g in FORM.table4_groups] for i in range(len(label) - 1)) - _SHARED
BY_ROWS = "text-block-row"
BY_COLUMNS = Method.T4_BY_COLUMNS


def _heads_table4(key: str) -> bool:
    return any(key[i:i + 2] in _T4_WORDS for i in range(len(key) - 1))


def table4_boxes(lines: list[str]) -> list[Number]:
    """表四's fifteen numbers in printed order (see the module docstring), or ``[]``."""
    heading = heading_line(lines, _T4_HEADING, heading_line(lines, _T3_HEADING) or 0)
    if heading is None:
        return []
    end = heading_line(lines, _SECTION_FIVE, heading) or len(lines) + 1
    runs: list[list[Number]] = []
    headed = False                       # one of 表四's header words printed since the heading
    run: list[Number] | None = None
    for n in range(heading + 1, end):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, numbers = split_numbers(raw, n)
        if text:
            run = None
            headed = headed or (not _SENTENCE.search(text) and _heads_table4(label_key(text)))
        if numbers and headed:
            if run is None:
                run = []
                runs.append(run)
            run += numbers
    return runs[0] if len(runs) == 1 and len(runs[0]) == _CELLS else []


def read_table4_boxes(lines: list[str]) -> tuple[list[Number], str] | None:
    """表四's fifteen numbers in the form's order and how they were placed, when exactly one printed order
    keeps every group's total (see the module docstring)."""
    printed = table4_boxes(lines)
    if not printed:
        return None
    by_columns = [printed[c * _GROUPS + g] for g in range(_GROUPS) for c in range(_WIDTH)]
    held = [(order, method) for order, method in ((printed, BY_ROWS), (by_columns, BY_COLUMNS))
            if all(isinstance(n.cell.value, int) for n in order)
            and groups_hold([n.cell.value for n in order], _WIDTH)]
    if not held or any([n.cell.value for n in h] != [n.cell.value for n in held[0][0]] for h, _ in held[1:]):
        return None
    return held[0]
