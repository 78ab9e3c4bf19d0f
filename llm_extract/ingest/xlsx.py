"""A report's tables saved as a spreadsheet (``.xlsx``): each sheet's rows as tab rows, read like a table export.

Some agencies attach the form's tables as an Excel workbook (年报统计表.xlsx), or publish the whole report as
one. Each sheet is read in order, its name on a line of its own, then its rows as tab-joined fields, a merged
cell's other fields empty, as a CSV table export is read (:mod:`.exports`): the reader knows that layout. Counts
are written as integers (``3``, not ``3.0``), fees as the decimals the cell holds, dates as dates; formulas by
the values the workbook last computed (a workbook saved without them prints nothing there: a blank cell).

A workbook is a ZIP package of XML parts: its parts are bounded before anything is parsed (:data:`MAX_BYTES`
uncompressed in all, a ZIP bomb refused by name), and at most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS`
columns of each sheet are read.
``.xls`` (the binary format) is not read: it fails by name.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal
from typing import Any

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError

__all__ = ["xlsx_to_text", "MAX_BYTES", "MAX_ROWS", "MAX_COLUMNS"]

#: at most this many bytes, uncompressed, in all the package's parts (a report's workbook is well under 1 MB)
MAX_BYTES = 64 * 1024 * 1024
#: at most this many rows of a sheet are read (the form's tables are some sixty)
MAX_ROWS = 5000
#: at most this many columns of a sheet are read (表四, the widest table, has sixteen: a sheet that declares
#: thousands would make every row that long)
MAX_COLUMNS = 64


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _blocks(rows: list[list[str]]) -> list[str]:
    """The rows as tab rows, each block of rows between empty ones (a table) as wide as its widest row's last
    value: a row's empty cells keep their fields up to the table's last column, and the sheet's columns past it
    (another table's, wider) add none (a row of 表三 ends at its 总计 however wide 表四 below is)."""
    out: list[str] = []
    block: list[list[str]] = []
    for row in [*rows, []]:
        if any(row):
            block.append(row)
            continue
        width = max((max(i for i, f in enumerate(r) if f) + 1 for r in block), default=0)
        out += ["\t".join(r[:width]) for r in block] + [""]
        block = []
    return out


def xlsx_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The workbook's sheets as tab rows (see the module's docstring); a :class:`DocumentError` naming ``path``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(info.file_size for info in zf.infolist()) > MAX_BYTES:
                raise BinaryDocumentError(path, f"refused: the workbook unzips to more than {MAX_BYTES // 2**20} MB "
                                                "(a ZIP bomb, or not a report)")
    except zipfile.BadZipFile:
        raise BinaryDocumentError(path, "not a readable .xlsx (not a ZIP package: an old binary .xls saved under "
                                        "this name? save it as .xlsx)") from None
    try:
        import openpyxl
    except ImportError:                        # pragma: no cover (a core dependency)
        raise UnsupportedFormatError(path, "an .xlsx workbook: pip install openpyxl") from None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:                   # (openpyxl raises many kinds on a damaged package)
        raise BinaryDocumentError(path, f"not a readable .xlsx ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    try:
        for sheet in workbook.worksheets:
            rows = [[_field(v) for v in row] for _, row in zip(range(MAX_ROWS),
                                                                  sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))]
            lines += ["", sheet.title, "", *_blocks(rows)]
    finally:
        workbook.close()
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the workbook has no text")
    return "\n".join(lines).strip("\n") + "\n"
