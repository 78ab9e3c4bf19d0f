"""表四 as plain ``pdftotext`` prints a Word table: its cells in blocks in the tool's order, under or beside headers.

Each reader here knows one way the tool walks the table's boxes, and reads only where every group's total holds
(and, where the layout leaves more than one placement, only one keeps every total); none proves its order. They
are tried in turn, before the region readers of :mod:`.table4`:

* :mod:`.t4labelled`: each column's header, then its cell (headers side by side read left to right);
* :mod:`.t4colrows`: three rows of five printed column by column, the third row after the columns;
* :mod:`.t4headruns`: a row of fifteen in narrow columns, each group's headers then its cells;
* :mod:`.t4rowsbeside`: three rows of five whose results stand beside each group's label, 总计's column after;
* :mod:`.t4firstlast`: a browser's print of a row of fifteen, the first group's four results printed last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import Ambiguity
from ..form import FORM
from .linetext import LineText
from .readings import Readings
from .t4colrows import read_column_rows
from .t4firstlast import read_first_group_last
from .t4headruns import read_header_runs
from .t4labelled import read_labelled_columns
from .t4rowsbeside import read_rows_beside

__all__ = ["read_plain_blocks"]

_RESULTS = [c.label for c in FORM.table4_columns]
_SPACE = r"[^\S\n]"
#: 表四's first group's name alone on a line (行政复议, spaces around it aside)
_FIRST_GROUP_ALONE = re.compile(rf"(?m)^{_SPACE}*{FORM.table4_groups[0].label}{_SPACE}*$")
#: a line of 结果维持 alone, or of the four results' headers alone (结果维持 结果纠正 其他结果 尚未审结)
_HEADERS_ALONE = re.compile(rf"(?m)^{_SPACE}*{_RESULTS[0]}(?:{_SPACE}+" + f"{_SPACE}+".join(_RESULTS[1:-1])
                            + rf")?{_SPACE}*$")
#: how far after the heading a reader looks for its headers (t4colrows; t4rowsbeside looks nearer)
_HEADER_REACH = 120


def _may_print_blocks(lines: Sequence[str], start: int) -> bool:
    """Whether ``lines`` print what one of the readers here needs (the region starting at line ``start``, 1-based):
    the first group's name alone on a line from the heading on (t4labelled reads no cell before a group's name, the
    first being 行政复议's; t4headruns wants it alone on a line between the heading and the headers), or within the
    headers' reach after the heading a line of 结果维持 alone (t4colrows: each header a line of its own) or of the
    four results' headers (t4rowsbeside: a line whose words are those four). A text printing none of them is read
    by none of the readers: they need not walk it (a table's rows joined with tabs, most texts)."""
    text = LineText.of(lines)
    return text.search(_FIRST_GROUP_ALONE, max(start, 1) - 1) or text.search(_HEADERS_ALONE, start, start + _HEADER_REACH)


def read_plain_blocks(lines: Sequence[str], start: int) -> tuple[Readings, list[Ambiguity]] | None:
    """表四 from the document's ``lines``, its region starting at line ``start``, where one of the block readers
    reads it; else None."""
    if not _may_print_blocks(lines, start):
        return None
    if (labelled := read_labelled_columns(lines, start)) is not None:
        return labelled
    blocks = read_column_rows(lines, start) or read_header_runs(lines, start) or read_rows_beside(lines, start) \
        or read_first_group_last(lines, start)
    return (blocks, []) if blocks else None
