"""OUT/records.xlsx: the batch as a workbook (XlsxWriter, streamed in constant-memory mode).

Sheets: 表二 (one row per document), 表三 (long: one row per document and table row,
the seven applicant columns), 表四 (one row per document and group), 指标 (indicators
per document, long), 指标汇总 (roll-ups by year and by agency), 复核队列 (the review
queue), 失败 (documents that failed) and 图例 (the colour of each status). Every value
cell is coloured by its field's status; doc ids are text cells (``004`` stays ``004``).

Split in two so the per-document work can run in worker processes:
:func:`document_rows` turns one record into plain rows of cells (column, how it is written,
its value, its style; picklable), :class:`XlsxWriter` hands them to XlsxWriter with no
decision left per cell. Every string is written as a string (``write_string``: a cell reading
``=1+1`` or ``http://…`` stays text, never a formula or a link); each format is created once.

A worksheet holds at most 1,048,576 rows: a sheet that is full continues on a new sheet of the
same columns, ``表三 (2)``, ``表三 (3)``, … (added after the others); a row is never dropped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..analysis import Indicator, Rollup
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, DISCLOSURE_PATHS, REVIEW_COLUMNS, REVIEW_GROUPS
from ..outputs import staging_file
from .fields import COLUMN_LABELS, QUEUED_STATUSES, ROW_LABELS, STATUS_COLOURS, FieldRow, value_text
from .xlsx_rows import BLANK, BOOLEAN, NUMBER, STRING, style_tails, write_row

__all__ = ["XlsxWriter", "SheetRows", "document_rows", "row_cells", "TEXT", "MAX_ROWS"]

#: The style of a text cell (number format ``@``); the other style names are statuses.
TEXT = "@"
#: Rows of a worksheet (Excel's limit, the header row included).
MAX_ROWS = 1_048_576

#: Every style, by its index in a cell: none, text, then one fill per status.
STYLES: tuple[str | None, ...] = (None, TEXT, *STATUS_COLOURS)
_STYLE_INDEX = {name: i for i, name in enumerate(STYLES)}
# How a cell is written (its kind): STRING, NUMBER, BLANK, BOOLEAN (numbered in :mod:`.xlsx_rows`, which writes
# most rows itself), else XlsxWriter's write_string, write_number, write_blank, write_boolean.

#: One cell as written: column, kind, value (a float for a Decimal), style index.
Cell = tuple[int, int, Any, int]
#: One row: the cells it writes (a blank cell without a style is not written).
Row = tuple[Cell, ...]
#: Rows by sheet title.
SheetRows = dict[str, list[Row]]


def _cell(col: int, value: Any, style: int) -> Cell | None:
    """How one value is written (None: not at all, a blank without a style)."""
    if value is None:
        return (col, BLANK, None, style) if style else None
    if isinstance(value, str):
        return (col, STRING, value, style)
    if isinstance(value, bool):
        return (col, BOOLEAN, value, style)
    if isinstance(value, (int, float)):
        return (col, NUMBER, value, style)
    if isinstance(value, Decimal):
        return (col, NUMBER, float(value), style)
    return (col, STRING, str(value), style)


def row_cells(values: list[Any], styles: list[str | None]) -> Row:
    """One row of values, each with its style name (None, :data:`TEXT` or a status), as the cells to write."""
    return _cells([_STYLE_INDEX[style] for style in styles], values)


def _cells(styles: list[int], values: list[Any]) -> Row:
    """:func:`row_cells` with the styles as indices (a text, the most common value, without a call)."""
    out = []
    for col, (value, style) in enumerate(zip(values, styles)):
        if type(value) is str:
            out.append((col, STRING, value, style))
        elif (cell := _cell(col, value, style)) is not None:
            out.append(cell)
    return tuple(out)


def _field_cells(by_path: dict[str, FieldRow], paths: Sequence[str], first: int = 3) -> list[Cell]:
    """The values of the fields at ``paths`` from column ``first`` on, each styled by its status (an unknown
    status as missing)."""
    out = []
    statuses, missing = _STATUS_STYLE, _MISSING
    for col, path in enumerate(paths, first):
        f = by_path[path]
        value = f.value
        if type(value) is int:
            out.append((col, NUMBER, value, statuses.get(f.status, missing)))
        elif (cell := _cell(col, value, statuses.get(f.status, missing))) is not None:
            out.append(cell)
    return out


#: 表二's sheet opens with the agency and the year: fields too, coloured by their status like every value
#: (an agency read from an OCR layer is ``unverified``, one not read is ``missing``: not to be taken as read).
_META_PATHS = ("agency", "year")
_STATUS_STYLE = {name: i for i, name in enumerate(STYLES) if name in STATUS_COLOURS}
_MISSING = _STATUS_STYLE["missing"]
_PLAIN, _TEXT_STYLE = _STYLE_INDEX[None], _STYLE_INDEX[TEXT]
_INDICATOR_STYLES = [_TEXT_STYLE] + [_PLAIN] * 8


def _label(path: str) -> str:
    parts = path.split(".")[1:]
    return "·".join(ROW_LABELS.get(p) or COLUMN_LABELS.get(p, p) for p in parts)


HEADERS: dict[str, list[str]] = {
    "表二": ["doc_id", "agency", "year"] + [_label(p) for p in DISCLOSURE_PATHS],
    "表三": ["doc_id", "row", "行"] + [COLUMN_LABELS[c] for c in APPLICANT_COLUMNS],
    "表四": ["doc_id", "group", "组"] + [COLUMN_LABELS[c] for c in REVIEW_COLUMNS],
    "指标": ["doc_id", "agency", "year", "code", "指标", "numerator", "denominator", "value", "reason"],
    "指标汇总": ["by", "key", "code", "指标", "numerator", "denominator", "value", "documents", "excluded", "reason", "notes"],
    "复核队列": ["id", "doc_id", "path", "table", "status", "value", "candidates", "rules", "message"],
    "失败": ["doc_id", "path", "error", "error_type"],
    "图例": ["status", "meaning"],
}

_T3_PATHS = [[f"applications.{r}.{c}" for c in APPLICANT_COLUMNS] for r in APPLICATION_ROWS]
_T4_PATHS = [[f"review_litigation.{g}.{c}" for c in REVIEW_COLUMNS] for g in REVIEW_GROUPS]


def _row_heads() -> dict[str, tuple[Cell, Cell]]:
    return {key: ((1, STRING, key, 0), (2, STRING, ROW_LABELS[key], 0)) for key in (*APPLICATION_ROWS, *REVIEW_GROUPS)}


_ROW_HEADS = _row_heads()


def document_rows(rec: dict[str, Any], rows: list[FieldRow], review: list[dict[str, Any]],
                  indicators: list[Indicator]) -> SheetRows:
    """One record's rows of every sheet (plain data: made in a worker, written by :class:`XlsxWriter`)."""
    by_path = {r.path: r for r in rows}
    doc_id, agency, year = str(rec.get("doc_id")), rec.get("agency"), rec.get("year")
    id_cell: Cell = (0, STRING, doc_id, _TEXT_STYLE)
    out: SheetRows = {"表二": [(id_cell, *_field_cells(by_path, _META_PATHS, first=1),
                               *_field_cells(by_path, DISCLOSURE_PATHS))]}
    for sheet, keys, paths in (("表三", APPLICATION_ROWS, _T3_PATHS), ("表四", REVIEW_GROUPS, _T4_PATHS)):
        out[sheet] = [(id_cell, *_ROW_HEADS[key], *_field_cells(by_path, row_paths))
                      for key, row_paths in zip(keys, paths)]
    out["指标"] = [_cells(_INDICATOR_STYLES, [doc_id, agency, year, i.code, i.name, i.numerator, i.denominator,
                                            i.value, i.reason]) for i in indicators]
    out["复核队列"] = [_cells(
        [_PLAIN, _TEXT_STYLE, _PLAIN, _PLAIN, _PLAIN, _STATUS_STYLE.get(item.get("status"), _PLAIN), _PLAIN, _PLAIN,
         _PLAIN],
        [item.get("id"), doc_id, item.get("path"), item.get("table"), item.get("status"), value_text(item.get("value")),
         ", ".join(f"{c.get('source')}={value_text(c.get('value'))}" for c in item.get("candidates", [])),
         " ".join(item.get("rules", [])), item.get("message")])
        for item in review]
    return out


class XlsxWriter:
    """Streams rows into a workbook in a temporary file beside ``path`` (renamed by the caller);
    ``max_rows`` rows per worksheet (header included) before a sheet continues on the next."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS) -> None:
        if not 2 <= max_rows <= MAX_ROWS:
            raise ValueError(f"max_rows must be 2..{MAX_ROWS}, not {max_rows}")
        self.path, self.max_rows = path, max_rows
        fd, self.tmp = staging_file(path)
        os.close(fd)
        self.wb = Workbook(str(self.tmp), {"constant_memory": True})
        formats: list[Format | None] = [None, self.wb.add_format({"num_format": "@"})]
        for status in STYLES[2:]:
            formats.append(self.wb.add_format({"pattern": 1, "bg_color": f"#{STATUS_COLOURS[status]}"}))
        self.formats = tuple(formats)
        self.tails = style_tails(self.formats)
        self.bold = self.wb.add_format({"bold": True})
        self.sheets: dict[str, Worksheet] = {}        # every worksheet by its title (continuations too)
        self.current: dict[str, tuple[Worksheet, Any]] = {}   # per sheet of HEADERS: the one written, its writers
        self.next_row: dict[str, int] = {}
        self.parts: dict[str, int] = {}
        for title in HEADERS:
            self._open(title, title)
        for status in STATUS_COLOURS:
            self._append("图例", [status, "queued for review" if status in QUEUED_STATUSES else "trusted"],
                         [status, None])

    def _open(self, title: str, name: str) -> None:
        """Start worksheet ``name`` for the rows of sheet ``title`` (its header row, frozen)."""
        ws = self.sheets[name] = self.wb.add_worksheet(name)
        ws.freeze_panes(1, 1)
        for col, text in enumerate(HEADERS[title]):
            ws.write_string(0, col, text, self.bold)
        self.current[title] = (ws, (ws.write_string, ws.write_number, ws.write_blank, ws.write_boolean))
        self.next_row[title] = 1
        self.parts[title] = self.parts.get(title, 0) + 1

    def add_row(self, title: str, cells: Row) -> None:
        """One row of sheet ``title`` (made by :func:`row_cells`), on a continuation sheet when the sheet is full."""
        r = self.next_row[title]
        if r >= self.max_rows:
            self._open(title, f"{title} ({self.parts[title] + 1})")
            r = 1
        self.next_row[title] = r + 1
        ws, writers = self.current[title]
        formats = self.formats
        if write_row(ws, r, cells, formats, self.tails):
            return
        if None in self.tails and (tails := style_tails(formats)) != self.tails:   # a style got its index since
            self.tails = tails
            if write_row(ws, r, cells, formats, tails):
                return
        for col, kind, value, style in cells:
            if writers[kind](r, col, value, formats[style]) == -1:
                raise RuntimeError(f"records.xlsx: sheet {title!r} refused row {r}, column {col}")

    def _append(self, title: str, values: list[Any], styles: list[str | None]) -> None:
        self.add_row(title, row_cells(values, styles))

    def add_rows(self, rows: SheetRows) -> None:
        """Rows made by :func:`document_rows`."""
        for title, lines in rows.items():
            for cells in lines:
                self.add_row(title, cells)

    def add_failed(self, failure: dict[str, Any]) -> None:
        self._append("失败", [str(failure.get("doc_id")), failure.get("path"), failure.get("error"),
                            failure.get("error_type")], [TEXT, None, None, None])

    def add_rollups(self, rollups: list[Rollup]) -> None:
        for r in rollups:
            self._append("指标汇总", [r.by, r.key, r.code, r.name, r.numerator, r.denominator, r.value, r.documents,
                                  r.excluded, r.reason, r.notes], [None, TEXT] + [None] * 9)

    def stage(self) -> Path:
        """Finish the workbook; it is the returned temporary file beside ``path`` (renamed by the caller)."""
        try:
            self.wb.close()
        except BaseException:
            self.tmp.unlink(missing_ok=True)
            raise
        return self.tmp

    def abort(self) -> None:
        for ws in self.sheets.values():   # the sheets' row streams (temporary files) are closed and removed
            fh = getattr(ws, "row_data_fh", None)
            if fh is not None and not fh.closed:
                fh.close()
            name = getattr(ws, "row_data_filename", None)
            if name:
                Path(name).unlink(missing_ok=True)
        self.tmp.unlink(missing_ok=True)
