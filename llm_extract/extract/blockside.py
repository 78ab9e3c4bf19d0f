"""表二 and 表四 in a PDF text printed as blocks (:mod:`.textblocks`): 表二's cells placed by the headers
above its numbers (position only), 表四's numbers in printed order after its headers."""

from __future__ import annotations

import re

from ..form import FORM
from .blocktext import Number, Run, heading_line, split_numbers
from .layout import label_key

__all__ = ["heads_table2_column", "table2_placed", "table4"]

_T4_HEADING = FORM.headings["表四"]
_SECTION_FIVE = re.compile(r"^\s*(?:五[、.．]|\(?五\)|存在的主要问题)")

#: 表二's column headers (本年制发件数 …, 本年收费金额（单位：万元）: its words before the unit) and sections
_T2_COLUMNS = {label_key(c.label).split("(")[0]: c.key for r in FORM.table2 for c in r.columns}
_T2_SECTIONS = {label_key(r.section) for r in FORM.table2}
#: the words of 表二's headers, longest first (a section's title holds no column's header)
_T2_WORDS = sorted(set(_T2_COLUMNS) | _T2_SECTIONS, key=len, reverse=True)
#: a unit after a column header (本年收费金额（单位：万元）)
_UNIT = re.compile(r"\(单位:?[^)]*\)")


def heads_table2_column(key: str) -> bool:
    """Whether ``key`` is one of 表二's column headers (现行有效件数 …), or several with their section's title
    and unit printed on one line (第二十条第(一)项本年制发件数, 本年废止件数本年处理决定数量): the numbers
    under it are 表二's."""
    if key in _T2_COLUMNS:
        return True
    rest = _UNIT.sub("", key)
    for word in _T2_WORDS:
        rest = rest.replace(word, "")
    return not rest and any(head in key for head in _T2_COLUMNS)


def _t2_rows(section: str, headers: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """表二's rows (path prefix, column keys) under which headers (column keys) stand: those of the
    section printed above them, else every row that has these columns."""
    fits = [r for r in FORM.table2 if all(h in [c.key for c in r.columns] for h in headers)]
    own = [r for r in fits if label_key(r.section) == section]
    return [(r.path, tuple(c.key for c in r.columns)) for r in own or fits]


def table2_placed(lines: list[str], begin: int, end: int) -> dict[str, Number]:
    """表二 printed as headers then numbers (``pdftotext``: 第二十条第（一）项 / 本年制发件数 / 本年废止件数 /
    0 0 4 7 …): each run of numbers given, row by row, to the rows of the section above it and the
    column headers since the last run (no blank line between them and it), when it has exactly that
    many numbers."""
    placed: dict[str, Number] = {}
    twice: set[str] = set()
    section, headers, run = "", [], []
    for n in range(begin + 1, end + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip() if n < end else ""
        text, numbers = split_numbers(raw, n)
        if numbers and not text:
            run += numbers
            continue
        if run:
            rows = _t2_rows(section, headers) if headers else []
            cells = [f"{path}.{col}" if col else path for path, cols in rows for col in headers]
            if cells and len(cells) == len(run):
                for path, number in zip(cells, run):
                    twice.update([path] if path in placed else [])
                    placed[path] = number
            headers, run = [], []
        if not raw:
            headers = []                     # a header over a blank line: its numbers are not known to be its
            continue
        key = label_key(text)
        if key in _T2_SECTIONS:
            section, headers = key, []
        headers += [col for head, col in _T2_COLUMNS.items() if head in key and col not in headers]
    return {p: v for p, v in placed.items() if p not in twice}


def table4(lines: list[str], start: int, free: list[Run]) -> list[Number]:
    """The numbers that follow 表四's column headers (a run after a header's text, not a blank line),
    from its heading to section 五: one run only. Runs after several header pieces (``0 1 0`` / 行政复议 /
    ``0 1 5`` / 行政诉讼 …) are the table's columns in the page's order, not its cells in the form's: a
    group's cells in another order keep its sum."""
    heading = heading_line(lines, _T4_HEADING, start)
    if heading is None:
        return []
    end = heading_line(lines, _SECTION_FIVE, heading) or len(lines) + 1
    runs = [run for run in free if run.after and heading < run.first < end]
    return runs[0].numbers if len(runs) == 1 else []
