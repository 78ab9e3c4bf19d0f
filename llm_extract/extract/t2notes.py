"""表二: a count's note wrapped round its row, its middle glued to the label's line.

A cell holding ``30（其中新制定6件）`` in a narrow column wraps over three lines; a text tool that keeps no
positions (pdfplumber's ``extract_text``) prints the cell's pieces on the lines of their heights::

    30（其中
    行政规范性文件 新制定6 2 60
    件）

The note's middle (``新制定6``) stands right after the label, its digit glued to its words, and reads as the
row's first cell: 6 2 60 for 30 2 60. Such a row is never read: its cells go to review. Safe: it only
takes readings away, and only where the line above ends in a number's unclosed note and the label's line
has words glued to a digit right after the label.
"""

from __future__ import annotations

import re

from .layout import Item

__all__ = ["note_round_row"]

#: a number then a note's opening bracket that does not close on its line (``30（其中``, ``2(含修``)
_OPEN_NOTE = re.compile(r"\d\s*[（(][^（）()\d]*$")
#: words, then a digit glued to them (the note's middle: ``新制定6``)
_GLUED_WORDS = re.compile(r"^[\u4e00-\u9fff]+\d")
#: the lines searched above the label's line for the note's opening
_ABOVE = 2


def note_round_row(item: Item, pattern: re.Pattern[str], lines: list[str]) -> bool:
    """Whether the 表二 row labelled by ``item`` (matched by ``pattern``) has a count's note wrapped round it:
    an unclosed note ends a line just above, and words glued to a digit follow the label on its line."""
    line = re.sub(r"\s+", "", lines[item.line - 1])
    m = pattern.search(line)
    if m is None or not _GLUED_WORDS.match(line[m.end():]):
        return False
    above = [t for t in lines[max(0, item.line - 1 - _ABOVE):item.line - 1] if t.strip()]
    return bool(above) and bool(_OPEN_NOTE.search(above[-1].strip()))
