"""A workbook row's XML written straight into XlsxWriter's row stream (constant-memory mode).

XlsxWriter spends ~5 µs on each cell (its argument decorator, a cell tuple stored in a per-row table,
the dimension check, the row flushed cell by cell through its generic XML helpers); a document has
~370 cells. :func:`write_row` writes the same bytes for a row in one piece: ``<row r="N">``, each
cell as XlsxWriter writes it (``<c r="A2" s="3"><v>5</v></c>``, an inline string, a styled blank, a
boolean), ``</row>``, and moves the sheet's dimensions as its write methods would.

It writes only a row XlsxWriter would write in the same way whenever it wrote it: every cell's style
already has its index in the workbook (a style gets the next index where it is first written out,
so the first rows that use a style go through XlsxWriter), its columns in order, each value one
XlsxWriter writes plainly (a finite number; a string not long enough to be cut, without control
characters or ``_xHHHH_`` to escape, not a rich string); the sheet has no row or column formats.
Any other row returns False, for XlsxWriter's own methods (which truncate, escape or refuse it).

It leans on XlsxWriter's private row stream (``_write_single_row``, ``_write_row``, ``fh``, the ``dim_*``
bounds), so it runs only under the XlsxWriter releases it was checked against (:data:`CHECKED`, the byte-for-byte
comparison of tests/test_xlsx_rows.py); under any other every row goes through XlsxWriter's public methods.
"""

from __future__ import annotations

import re
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

__all__ = ["write_row", "style_tails", "CHECKED", "ENABLED"]

#: XlsxWriter's releases whose row stream this module writes as they do (major, minor)
CHECKED = frozenset({(3, 3)})
#: whether the installed XlsxWriter is one of them (else :func:`write_row` writes nothing and returns False)
ENABLED = tuple(int(p) for p in xlsxwriter.__version__.split(".")[:2]) in CHECKED \
    and all(hasattr(Worksheet, name) for name in ("_write_single_row", "_write_row"))

#: How a cell is written (the kinds of :mod:`.xlsx`): a string, a number, a blank, a boolean.
STRING, NUMBER, BLANK, BOOLEAN = range(4)

#: A string XlsxWriter rewrites before writing it (control characters, ``_xHHHH_``, the two non-characters).
_ESCAPED = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
#: Beyond this many characters XlsxWriter measures the string in UTF-16 units (and may cut it).
_SHORT = 32767 // 2
#: An int that ``math.isnan`` takes (XlsxWriter checks every number with it).
_BIG = 10 ** 300
#: ``<c r="A``, … of the first columns (a cell's opening up to its row number); others are made as needed.
_OPENINGS = [f'<c r="{xl_col_to_name(col)}' for col in range(64)]


def _opening(col: int) -> str:
    return _OPENINGS[col] if 0 <= col < 64 else f'<c r="{xl_col_to_name(col)}'


def style_tails(formats: tuple[Format | None, ...]) -> tuple[str | None, ...]:
    """What follows a cell's row number in its opening, per style: ``"`` without a format, ``" s="N"`` with
    the format's index N; None for a format without an index yet (its rows go through XlsxWriter). Indexes,
    once given, do not change: a writer keeps these and makes them again only when a row meets a None."""
    return tuple('"' if f is None else None if f.xf_index is None else f'" s="{f.xf_index}"' for f in formats)


def write_row(ws: Worksheet, r: int, cells: Any, formats: tuple[Format | None, ...],
              tails: tuple[str | None, ...] | None = None) -> bool:
    """Write row ``r`` of ``ws`` (cells: column, kind, value, style index into ``formats``; ``tails``: their
    :func:`style_tails`, made here when not given) as XlsxWriter would; False, having written nothing, when
    the row is one for XlsxWriter's own methods (see the module docstring)."""
    if not ENABLED or ws.row_info or ws.col_info or not ws.constant_memory or r <= ws.previous_row:
        return False
    if tails is None:
        tails = style_tails(formats)
    number = str(r + 1)
    openings = _OPENINGS
    out = []
    last = first = -1
    for col, kind, value, style in cells:
        if col <= last or col < 0:
            return False
        if kind == BLANK and formats[style] is None:
            continue                     # (XlsxWriter writes no unstyled blank)
        if (tail := tails[style]) is None:
            return False
        attr = (openings[col] if col < 64 else _opening(col)) + number + tail
        if kind == STRING:
            if type(value) is not str or len(value) > _SHORT or _ESCAPED.search(value) is not None \
                    or (value.startswith("<r>") and value.endswith("</r>")):
                return False
            preserve = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'{attr} t="inlineStr"><is><t{preserve}>{value}</t></is></c>')
        elif kind == NUMBER:
            t = type(value)
            if not ((t is int and -_BIG < value < _BIG) or (t is float and value - value == 0.0)):
                return False
            out.append(f"{attr}><v>{value:.16G}</v></c>")
        elif kind == BLANK:
            out.append(f"{attr}/>")
        elif kind == BOOLEAN:
            out.append(f'{attr} t="b"><v>{1 if value else 0}</v></c>')
        else:
            return False
        if first < 0:
            first = col
        last = col
    if not out:
        return True                      # (nothing XlsxWriter would store: no row at all)
    if first >= ws.xls_colmax or last >= ws.xls_colmax or r >= ws.xls_rowmax:
        return False
    ws._write_single_row(r)              # the row before it (the header, a row XlsxWriter wrote) goes out first
    if ws.default_row_height == ws.original_row_height and ws.excel_version != 2010:
        ws.fh.write(f'<row r="{number}">')   # what _write_row writes for a row without row info, in this case
    else:
        ws._write_row(r, None)
    out.append("</row>")
    ws.fh.write("".join(out))
    if ws.dim_rowmin is None or r < ws.dim_rowmin:
        ws.dim_rowmin = r
    if ws.dim_rowmax is None or r > ws.dim_rowmax:
        ws.dim_rowmax = r
    if ws.dim_colmin is None or first < ws.dim_colmin:
        ws.dim_colmin = first
    if ws.dim_colmax is None or last > ws.dim_colmax:
        ws.dim_colmax = last
    return True
