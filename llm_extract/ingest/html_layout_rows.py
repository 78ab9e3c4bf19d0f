"""Word's layout row: the row of empty cells that "Save as web page" adds under a table with merged cells.

Word prints, after the last row of a table whose merged cells leave its columns misaligned,
``<![if !supportMisalignedColumns]><tr height=0><td width=57 style='border:none'></td>…</tr><![endif]>``:
a row of zero height that only fixes the columns' widths. A browser shows nothing of it; read as a row it
is a row of blank cells under the table's last row (表二's 行政事业性收费 looked like a value in a row of its
own). A ``<tr>`` of zero height whose every cell is empty is no row of the table; one that holds text is
(a browser grows a row to its content).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["zero_height", "dropped_layout_row"]

_ZERO = re.compile(r"(?:^|;)\s*height\s*:\s*0(?:\.0+)?(?:pt|px|cm|mm)?\s*(?:;|$)", re.I)


def zero_height(attrib: Mapping[str, str]) -> bool:
    """Whether a ``<tr>``'s attributes give it no height (``height=0``, ``style="height:0pt"``)."""
    return attrib.get("height", "").strip() in ("0", "0px") or bool(_ZERO.search(attrib.get("style", "")))


def dropped_layout_row(start: tuple[int, int] | None, depth: int, lines: list[str]) -> bool:
    """Drop the row just closed at table ``depth`` from ``lines`` when it began at a zero-height ``<tr>``
    (``start``: its table depth and ``len(lines)`` then) and its lines (one per cell, a tab then the cell's text)
    are cells with no text at all; whether it was dropped."""
    if start is None or start[0] != depth or not all(line.strip() == "" and line.startswith("\t")
                                                     for line in lines[start[1]:]):
        return False
    del lines[start[1]:]
    return True
