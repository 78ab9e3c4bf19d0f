"""Empty cells' marks run together in PDF text: ``无无`` for two cells each printed 无.

A PDF's text tool joins neighbouring cells whose boxes nearly touch (PyMuPDF's lines, pdftotext's narrow
columns): a table printing 无 in every empty cell then shows ``无无`` where its last two narrow columns
(其他, 总计) stand, a line of its own or at a row's end (``无 无 无 无 无 无无``). 无 is no word a table's cell
prints twice, so the run is as many empty cells as it has characters; where that gives a row more cells than
the form's, the row's readers reject it as they reject any row that long.

Only 无: a doubled stroke (``——``, ``--``) is one cell's dash as often as two cells' (cells.PLACEHOLDERS).
"""

from __future__ import annotations

import re

__all__ = ["marks_run_together"]

#: a run of 无, between two and seven (a row's cells at most), as one token
_RUN = re.compile(r"无{2,7}")


def marks_run_together(raw: str) -> list[str] | None:
    """The single marks a text of empty cells' marks stands for (``无 无无`` → 无, 无, 无), where at least one token
    is a run of them (``无无``); else ``None``."""
    tokens = raw.split()
    if not tokens or len("".join(tokens)) > 7 or not any(_RUN.fullmatch(t) for t in tokens) \
            or not all(t == "无" or _RUN.fullmatch(t) for t in tokens):
        return None
    return list("".join(tokens))
