"""Fingerprints of every combined output of an output directory, to compare two builds of them.

    python bench/output_fingerprint.py OUT_DIR [OTHER_OUT_DIR]

Text outputs (records.jsonl, review_queue.jsonl, records.csv, fields.csv, report.html) by their
bytes; records.sqlite by its schema and every row with the SQL type of each value, table by table
(the rows in storage order, and sorted); records.xlsx by every sheet (title, order, frozen panes)
and every cell read back with openpyxl: its value, data type, number format, fill and boldness.
With two directories, prints which outputs differ (exit 1 when any does).
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

TEXT_OUTPUTS = ("records.jsonl", "review_queue.jsonl", "records.csv", "fields.csv", "report.html")


def _digest(items: Any) -> str:
    h = hashlib.sha256()
    for item in items:
        h.update(repr(item).encode())
        h.update(b"\n")
    return h.hexdigest()[:16]


def _database(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        schema = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        out = {"records.sqlite schema": _digest(schema)}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            columns = [c[1] for c in con.execute(f'PRAGMA table_info("{table}")')]
            typed = ", ".join(f'"{c}", typeof("{c}")' for c in columns)
            rows = con.execute(f'SELECT {typed} FROM "{table}"').fetchall()
            out[f"records.sqlite {table} ({len(rows)} rows)"] = _digest(sorted(rows, key=repr))
        return out
    finally:
        con.close()


def _cell(cell: Any) -> tuple[Any, ...]:
    fill = cell.fill
    return (cell.coordinate, cell.value, cell.data_type, cell.number_format, fill.fill_type,
            fill.fgColor.rgb if fill.fill_type else None, bool(cell.font.b))


def _workbook(path: Path) -> dict[str, str]:
    book = load_workbook(path)
    out = {"records.xlsx sheets": _digest([(ws.title, ws.freeze_panes, ws.max_row, ws.max_column)
                                           for ws in book.worksheets])}
    for ws in book.worksheets:
        cells = [_cell(c) for row in ws.iter_rows() for c in row if c.value is not None or c.has_style]
        out[f"records.xlsx {ws.title} ({ws.max_row} rows)"] = _digest(cells)
    return out


def fingerprint(out: Path) -> dict[str, str]:
    """Output (or part of one) -> digest of its content."""
    prints = {name: hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] for name in TEXT_OUTPUTS}
    return prints | _database(out / "records.sqlite") | _workbook(out / "records.xlsx")


def main() -> int:
    dirs = [Path(a) for a in sys.argv[1:3]]
    prints = [fingerprint(d) for d in dirs]
    differ = 0
    for key in sorted(set().union(*prints)):
        values = [p.get(key) for p in prints]
        same = len(set(values)) == 1
        differ += not same
        print(f"{'  ' if same else '≠ '}{key:45s} {'  '.join(str(v) for v in values)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
