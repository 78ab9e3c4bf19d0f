"""``READ.TWO_TABLES``: a line read as the cells of two tables.

A text tool that prints a PDF's tables as boxes (``pdf2txt.py``: one number to a line, a table's
column after column) may put the next table's heading before the last table's numbers:
四、政府信息公开行政复议、行政诉讼情况 / 申请人情况 / … / 0 / 0 / … / 结果维持 …. A reader of 表四 then takes
表三's last numbers for 表四's cells, and an empty 表四 (fifteen blank cells) reads as a row of 0s that
keeps every group sum: proven, and wrong. A number printed once is the cell of one table only, so a
line that is the value line of one cell of each of two tables says that one reader took another table's
number: neither table's cells from that line are proven.

A line holding whole tables (a crawler's dump of a page as one line, or 表二's last cell run into 表三's rows)
is the value line of many cells of a table: no cell of it is in doubt here.
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.evidence import CellKind, Reading
from llm_extract.schema import ALL_PATHS

__all__ = ["RULE", "read_by_two_tables"]

RULE = "READ.TWO_TABLES"

#: the tables whose cells a line holds: a path's first part
_TABLES = ("active_disclosure", "applications", "review_litigation")
_UNREAD = frozenset({CellKind.MISSING, CellKind.ABSENT})
#: each table cell's table (a path's first part), looked up rather than split off ~200 times a document
_TABLE_OF = {path: table for path in ALL_PATHS if (table := path.split(".", 1)[0]) in _TABLES}


def read_by_two_tables(readings: Mapping[str, Reading]) -> list[str]:
    """The table cells whose value line (a reading's last line) is also the value line of another table's cell,
    where each table reads a single cell from it (see the module docstring)."""
    by_line: dict[int, list[str]] = {}                # value line -> paths, in reading order
    for path, r in readings.items():
        if r.lines and r.kind not in _UNREAD and path in _TABLE_OF:
            by_line.setdefault(r.lines[-1], []).append(path)
    out: list[str] = []
    for paths in by_line.values():      # two tables or more, one cell each: as many tables as cells
        if len(paths) > 1 and len({_TABLE_OF[p] for p in paths}) == len(paths):
            out.extend(paths)
    return out
