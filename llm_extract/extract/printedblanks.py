"""Blank cells a web page printed as empty cell elements: its ``<td>``\\ s with no text.

:mod:`llm_extract.ingest.html` writes each cell of an HTML (or MHT) page's table on a line of its own, a tab
then its text: a cell holding nothing, ``&nbsp;`` or ``<br>`` is a tab-only line. A browser's innerText of the
same table (a text copied or saved from the page) writes a row's cells between tabs, or one to a line, and an
``&nbsp;`` cell keeps its no-break space. Such a cell is the document's own blank: the page's markup holds a
cell there with nothing in it, so no 0 was lost from it on the way (a PDF's, a converter's or an OCR engine's
text that loses a 0 leaves nothing behind: no element, no no-break space). ``verify/blanks.py`` keeps a blank
cell among numbers ``unverified`` as a possibly lost 0 (``READ.ISOLATED_BLANK``) unless it is one of these.

Only 表三's cells are named: a cell-per-line reading whose cell line is so printed, or a tab row's field holding
no-break spaces alone (an empty tab field of a plain text stays in doubt: its origin is unknown). A row's last cell,
总计, is none: a row that lost a cell (its numbers slid one field left, an editor's deleted cell) leaves that one
empty, and an empty element there is what a page so damaged prints too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..ingest import Document

__all__ = ["printed_blanks", "nbsp_last_cell"]

_MARKUP = ("html", "mht")      # source kinds whose text ingest wrote from the page's own cell elements
_NBSP = "\xa0"
_COLUMNS = {key: j for j, key in enumerate(FORM.table3_column_keys)}
_WIDTH = len(FORM.table3_column_keys)
_LAST = "." + FORM.table3_column_keys[-1]        # the row's 总计


#: how many cells a row of the form holds: 表二's stock rows, 表三's, 表四's one row of fifteen
_ROW_CELLS = (max(len(r.columns) for r in FORM.table2), _WIDTH, len(FORM.table4_group_keys) * len(FORM.table4_columns))
_WORDS = re.compile(r"[\u4e00-\u9fff]")


def _nbsp_only(text: str) -> bool:
    return _NBSP in text and not text.strip(" \t" + _NBSP)


def nbsp_last_cell(fields: list[str]) -> bool:
    """Whether a tab row's last field, no-break spaces alone (a browser's innerText of ``<td>&nbsp;</td>``), is the
    row's last cell: after its last field of words stand as many fields as a row of the form has cells. One more is
    an extra column's (a deleted column whose empty cells every row kept), no cell of the row."""
    if not _nbsp_only(fields[-1]):
        return False
    words = max((i for i, f in enumerate(fields) if _WORDS.search(f)), default=-1)
    return len(fields) - 1 - words in _ROW_CELLS


def printed_blanks(doc: Document, readings: Mapping[str, Reading]) -> list[str]:
    """The paths of 表三's blank readings that the page printed as empty cell elements (module docstring)."""
    markup = doc.source_kind in _MARKUP
    if not markup and _NBSP not in doc.text:
        return []                       # (most documents: no page's cells, no no-break space)
    out: list[str] = []
    for path, r in readings.items():
        if r.kind is not CellKind.BLANK or not r.lines or not path.startswith("applications.") or path.endswith(_LAST):
            continue
        line = doc.line(r.lines[-1])
        if r.method == Method.CELLS_AFTER_LABEL and len(r.lines) > 1:       # the cell's own line, after its label's
            if _nbsp_only(line) or (markup and line.startswith("\t") and not line.strip(" \t" + _NBSP)):
                out.append(path)
        elif r.method == "tab-fields" and len(r.lines) == 1:
            fields = line.split("\t")
            if len(fields) > _WIDTH and _nbsp_only(fields[len(fields) - _WIDTH + _COLUMNS[path.rsplit(".", 1)[1]]]):
                out.append(path)
    return out
