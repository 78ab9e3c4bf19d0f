"""表四 as plain ``pdftotext`` prints a Word table: its cells in blocks in the tool's order, under or beside headers.

Each reader here knows one way the tool walks the table's boxes, and reads only where every group's total holds
(and, where the layout leaves more than one placement, only one keeps every total); none proves its order. They
are tried in turn, before the region readers of :mod:`.table4`:

* :mod:`.t4labelled`: each column's header, then its cell (headers side by side read left to right);
* :mod:`.t4colrows`: three rows of five printed column by column, the third row after the columns;
* :mod:`.t4headruns`: a row of fifteen in narrow columns, each group's headers then its cells;
* :mod:`.t4rowsbeside`: three rows of five whose results stand beside each group's label, 总计's column after.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import Ambiguity
from .readings import Readings
from .t4colrows import read_column_rows
from .t4headruns import read_header_runs
from .t4labelled import read_labelled_columns
from .t4rowsbeside import read_rows_beside

__all__ = ["read_plain_blocks"]


def read_plain_blocks(lines: Sequence[str], start: int) -> tuple[Readings, list[Ambiguity]] | None:
    """表四 from the document's ``lines``, its region starting at line ``start``, where one of the block readers
    reads it; else None."""
    if (labelled := read_labelled_columns(lines, start)) is not None:
        return labelled
    blocks = read_column_rows(lines, start) or read_header_runs(lines, start) or read_rows_beside(lines, start)
    return (blocks, []) if blocks else None
