"""A 表三 label printed in pieces: ``pdftotext`` (default mode) wraps a narrow label cell into pieces of
one to six characters, one per line, with the group column's pieces between them on their own lines or
on the same line (``（三 5.属`` / ``）不 于三类内部`` / ``予公 事务信息``), and the row's numbers may stand
between its pieces (``2.没有现成信`` / ``25`` / ``3`` / ``0`` / ``息需要另行``).

:class:`Pieces` gathers such pieces (a line's tokens that name no row by themselves and are no group
piece) until they name exactly one row by the form's patterns; the numbers printed between them are
held for that row. A piece that starts with an item number (``1.``, ``一``) starts a new label; a blank
line, a sentence or a label found whole ends one. Pieces that never name a row give their numbers back
as a run after unknown text (which leaves 表三 unread: whose are they?).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..form import FORM
from .blocktext import GENERIC_HEADER
from .labels import strip_item_number
from .layout import label_key

__all__ = ["Pieces", "MAX_PIECES_KEY"]

#: a label's pieces joined are at most this long (the longest 表三 label, with its item number, is 41)
MAX_PIECES_KEY = 48
_MARKS = frozenset(".、)]．")
#: 表三's column header: the applicant columns' labels (from the form) under 申请人情况 / 法人或其他组织
_HEADER = label_key("".join(c.label for c in FORM.table3_columns) + "申请人情况法人或其他组织")


@dataclass
class Pieces:
    """The pieces of one label so far: their joined key, the line of the first, the numbers between."""

    key: str = ""
    line: int = 0
    numbers: list[list] = field(default_factory=list)    # lines of numbers (``textblocks.Number``)
    header: bool = True              # every piece is a piece of 表三's column header (申请人情况 / 自然 / 人 …)

    def __bool__(self) -> bool:
        return bool(self.key)

    def starts_label(self, key: str) -> bool:
        """Whether ``key`` begins a label of its own: an item number with its mark before its words
        (``1.属``, ``(一)予以公``), or alone (``一``); not a numeral that is a word's (``三方``)."""
        number = key[: len(key) - len(strip_item_number(key))]
        return bool(number) and (number == key or number[-1] in _MARKS or number[0] in "([")

    def add(self, key: str, line: int) -> None:
        """Append a piece (the caller has taken back the numbers of a label this piece ends)."""
        if not self.key:
            self.line = line
        self.key += key
        self.header = self.header and (key in _HEADER or key == GENERIC_HEADER)

    def numbered(self) -> bool:
        """Whether the pieces end with a generic header's word (数据), the number on the next line its column's."""
        return self.header and self.key.endswith(GENERIC_HEADER)

    def too_long(self) -> bool:
        return len(self.key) > MAX_PIECES_KEY
