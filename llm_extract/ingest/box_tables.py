"""Tables drawn in box-drawing characters (``w3m -dump``, ``tabulate``'s fancy grids, ``psql``): read as grids.

w3m, a terminal browser that crawlers and ``-dump`` scripts use, writes a web page's ruled table as a
box drawing::

    ┌──────────────┬──────┐
    │规章          │0     │
    ├──────────────┼──────┤

:func:`boxes_as_grids` writes each such line in the characters of pandoc's grid tables (``+``, ``-``,
``=``, ``|``), one character for one, so the display columns stay where they were and
:func:`~llm_extract.ingest.grid_tables.unfold_grid_tables` reads the table, merged cells and wrapped
labels included. Only lines that hold a box-drawing character are touched.
"""

from __future__ import annotations

import re

__all__ = ["boxes_as_grids"]

_HORIZONTAL = "─━┄┅┈┉╌╍╴╶╸╺"
_DOUBLE = "═"
_VERTICAL = "│┃┆┇┊┋╎╏║╵╷╹╻"
#: every box-drawing character (U+2500–U+257F)
_BOX = re.compile("[\u2500-\u257f]")
_TABLE = str.maketrans({**{ch: "-" for ch in _HORIZONTAL}, _DOUBLE: "=", **{ch: "|" for ch in _VERTICAL},
                        **{chr(c): "+" for c in range(0x2500, 0x2580)
                           if chr(c) not in _HORIZONTAL + _DOUBLE + _VERTICAL}})


def boxes_as_grids(text: str) -> str:
    """``text`` with every line that draws part of a box written in grid-table characters."""
    if not _BOX.search(text):
        return text
    return "\n".join(line.translate(_TABLE) if _BOX.search(line) else line for line in text.split("\n"))
