"""A 表三 row cut by a page break under a repeated header: its rest is no row of its own.

Word and LibreOffice repeat a table's header rows on every page, and let a row break across pages: the row's
label and numbers on the first page, the rest of its label (its last words, no item number) after the header
repeated on the next, over empty cells. Read from a PDF's cells (one to a line), that rest is a label over seven
empty cells, and it names the row its last words name (``…确认或重新出具已获取信息``): read as the row, its empty
cells proved it blank where the report printed its numbers on the page before. The header's own words may even
be interleaved with it (``加确第认四或项重之新和出）具已获取信息``: the header's note and the label's rest drawn in
one cell box). So a row read as seven empty cells, one to a line, whose label carries no item number of its own (every label of
the form has one: 一、, （一）, 1.) and stands right after 表三's column header printed again (at least
:data:`MIN_HEADER_WORDS` of its words between the row and the numbers before it) is left unread: it may be the
rest of the row above, and the identities, not the empty cells, decide.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import CellKind
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .labels import strip_item_number
from .layout import Item, label_key
from .readings import Readings, missing

__all__ = ["doubt_rows_after_repeated_header", "MIN_HEADER_WORDS"]

#: at least this many of 表三's header words (申请人情况, 自然人, 商业企业 …) before a row: its header printed again
MIN_HEADER_WORDS = 4
_HEADER = frozenset(label_key(w) for c in FORM.table3_columns for w in (c.label, *c.also)) | {
    label_key(w) for w in FORM.table3_header}


def doubt_rows_after_repeated_header(items: Sequence[Item], out: Readings) -> None:
    """Leave unread each 表三 row read as seven empty cells after a repeated header (see the module docstring)."""
    for paths in TABLE3_ROW_PATHS.values():
        readings = [out.get(p) for p in paths]
        if any(r is None or r.kind is not CellKind.BLANK or not r.lines for r in readings) \
                or len({r.lines[-1] for r in readings}) != len(readings):
            continue                    # (not seven empty cells one to a line, as a PDF's cells are read)
        first = min(r.lines[-1] for r in readings)          # (a reading cites its label's line, then its cell's)
        before = [it for it in items if it.line < first]
        label = next((it for it in reversed(before) if it.is_text), None)
        if label is None or strip_item_number(label.key) != label.key:
            continue                    # (a label with its item number: a row of its own)
        header = set()
        for it in reversed(before):
            if it is label:
                continue
            if it.is_value:
                break
            if it.key in _HEADER:
                header.add(it.key)
        if len(header) < MIN_HEADER_WORDS:
            continue
        for path, r in zip(paths, readings):
            out[path] = missing(r.raw or "", r.lines, r.method,
                                "seven empty cells under a label with no item number, after 表三's header printed "
                                "again: the rest of the row a page break cut, not a row of its own?")
