"""OUT/records.xlsx: the batch as a workbook (openpyxl, streamed in write-only mode).

Sheets: 表二 (one row per document), 表三 (long: one row per document and table row,
the seven applicant columns), 表四 (one row per document and group), 指标 (indicators
per document, long), 指标汇总 (roll-ups by year and by agency), 复核队列 (the review
queue), 失败 (documents that failed) and 图例 (the colour of each status). Every value
cell is coloured by its field's status; doc ids are text cells (``004`` stays ``004``).
"""

from __future__ import annotations

import os
from copy import copy
import tempfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..analysis import Indicator, Rollup
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, DISCLOSURE_PATHS, REVIEW_COLUMNS, REVIEW_GROUPS
from .fields import COLUMN_LABELS, ROW_LABELS, STATUS_COLOURS, FieldRow, value_text

__all__ = ["XlsxWriter"]

_FILLS = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in STATUS_COLOURS.items()}
_BOLD = Font(bold=True)


def _label(path: str) -> str:
    parts = path.split(".")[1:]
    return "·".join(ROW_LABELS.get(p) or COLUMN_LABELS.get(p, p) for p in parts)


class XlsxWriter:
    """Streams documents into a workbook, saved to a temporary file beside ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = Workbook(write_only=True)
        self.sheets: dict[str, WriteOnlyWorksheet] = {}
        self.styles: dict[str, StyleArray] = {}    # per status, the style of its legend cell
        self._sheet("表二", ["doc_id", "agency", "year"] + [_label(p) for p in DISCLOSURE_PATHS])
        self._sheet("表三", ["doc_id", "row", "行"] + [COLUMN_LABELS[c] for c in APPLICANT_COLUMNS])
        self._sheet("表四", ["doc_id", "group", "组"] + [COLUMN_LABELS[c] for c in REVIEW_COLUMNS])
        self._sheet("指标", ["doc_id", "agency", "year", "code", "指标", "numerator", "denominator", "value", "reason"])
        self._sheet("指标汇总", ["by", "key", "code", "指标", "numerator", "denominator", "value", "documents",
                              "excluded", "reason"])
        self._sheet("复核队列", ["id", "doc_id", "path", "table", "status", "value", "candidates", "rules", "message"])
        self._sheet("失败", ["doc_id", "path", "error", "error_type"])
        legend = self._sheet("图例", ["status", "meaning"])
        for status in STATUS_COLOURS:
            cell = WriteOnlyCell(legend, value=status)
            cell.fill = _FILLS[status]
            self.styles[status] = cell._style
            legend.append([cell, "queued for review" if status not in ("proven", "reviewed") else "trusted"])

    def _sheet(self, title: str, header: list[str]) -> WriteOnlyWorksheet:
        ws = self.wb.create_sheet(title)
        ws.freeze_panes = "B2"
        head = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.font = _BOLD
            head.append(c)
        ws.append(head)
        self.sheets[title] = ws
        return ws

    def _text(self, ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "@"
        return cell

    def _cell(self, ws: WriteOnlyWorksheet, row: FieldRow) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=row.value)
        style = self.styles.get(row.status) or self.styles["missing"]
        cell._style = copy(style)   # the fill registered once per status (setting .fill hashes styles per cell)
        return cell

    def add_document(self, rec: dict[str, Any], rows: list[FieldRow], review: list[dict[str, Any]],
                     indicators: list[Indicator]) -> None:
        by_path = {r.path: r for r in rows}
        doc_id, agency, year = str(rec.get("doc_id")), rec.get("agency"), rec.get("year")
        ws = self.sheets["表二"]
        ws.append([self._text(ws, doc_id), agency, year] + [self._cell(ws, by_path[p]) for p in DISCLOSURE_PATHS])
        ws = self.sheets["表三"]
        for r in APPLICATION_ROWS:
            ws.append([self._text(ws, doc_id), r, ROW_LABELS[r]]
                      + [self._cell(ws, by_path[f"applications.{r}.{c}"]) for c in APPLICANT_COLUMNS])
        ws = self.sheets["表四"]
        for g in REVIEW_GROUPS:
            ws.append([self._text(ws, doc_id), g, ROW_LABELS[g]]
                      + [self._cell(ws, by_path[f"review_litigation.{g}.{c}"]) for c in REVIEW_COLUMNS])
        ws = self.sheets["指标"]
        for i in indicators:
            ws.append([self._text(ws, doc_id), agency, year, i.code, i.name, i.numerator, i.denominator, i.value,
                       i.reason])
        ws = self.sheets["复核队列"]
        for item in review:
            cell = WriteOnlyCell(ws, value=value_text(item.get("value")))
            if item.get("status") in self.styles:
                cell._style = copy(self.styles[item["status"]])
            cands = ", ".join(f"{c.get('source')}={value_text(c.get('value'))}" for c in item.get("candidates", []))
            ws.append([item.get("id"), self._text(ws, doc_id), item.get("path"), item.get("table"), item.get("status"),
                       cell, cands, " ".join(item.get("rules", [])), item.get("message")])

    def add_failed(self, failure: dict[str, Any]) -> None:
        ws = self.sheets["失败"]
        ws.append([self._text(ws, str(failure.get("doc_id"))), failure.get("path"), failure.get("error"),
                   failure.get("error_type")])

    def add_rollups(self, rollups: list[Rollup]) -> None:
        ws = self.sheets["指标汇总"]
        for r in rollups:
            ws.append([r.by, self._text(ws, r.key), r.code, r.name, r.numerator, r.denominator, r.value, r.documents,
                       r.excluded, r.reason])

    def stage(self) -> Path:
        """Save the workbook to a temporary file beside ``path`` (renamed by the caller)."""
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        try:
            self.wb.save(tmp)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return Path(tmp)

    def abort(self) -> None:
        for ws in self.sheets.values():   # end the sheets' streams, whose temp files openpyxl removes
            if not ws.closed:
                ws.close()
