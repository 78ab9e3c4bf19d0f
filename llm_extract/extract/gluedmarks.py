"""Empty cells' marks run together in PDF text: ``无无`` for two cells each printed 无, ``无99`` for 无 and 99.

A PDF's text tool joins neighbouring cells whose boxes nearly touch (PyMuPDF's lines, pdftotext's narrow
columns): a table printing 无 in every empty cell then shows ``无无`` where its last two narrow columns
(其他, 总计) stand, a line of its own or at a row's end (``无 无 无 无 无 无无``). 无 is no word a table's cell
prints twice, so the run is as many empty cells as it has characters; where that gives a row more cells than
the form's, the row's readers reject it as they reject any row that long. A count run together with such marks
(``无99``: 其他 empty, 总计 99; ``5无``) is a cell of its own beside them: one count at most in a token, its digits
never cut.

Only 无: a doubled stroke (``——``, ``--``) is one cell's dash as often as two cells' (cells.PLACEHOLDERS).
"""

from __future__ import annotations

import re

__all__ = ["marks_run_together"]

#: a run of 无, between two and seven (a row's cells at most), as one token
_RUN = re.compile(r"无{2,7}")
#: marks and one count run together: 无99, 无无5, 5无
_WITH_COUNT = re.compile(r"(无{0,6})(\d{1,10})(无{0,6})")


def marks_run_together(raw: str) -> list[str] | None:
    """The single marks a text of empty cells' marks stands for (``无 无无`` → 无, 无, 无), where at least one token
    is a run of them (``无无``), or a token's marks and its one count (``无99`` → 无, 99); else ``None``."""
    tokens = raw.split()
    if len(tokens) == 1 and (m := _WITH_COUNT.fullmatch(tokens[0])) is not None and (m.group(1) or m.group(3)):
        return [*m.group(1), m.group(2), *m.group(3)]
    if not tokens or len("".join(tokens)) > 7 or not any(_RUN.fullmatch(t) for t in tokens) \
            or not all(t == "无" or _RUN.fullmatch(t) for t in tokens):
        return None
    return list("".join(tokens))
