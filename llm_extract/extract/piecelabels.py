"""表三's numbered labels printed in pieces of two or three characters, a group title's pieces among them.

A Word table whose label columns are very narrow, read by plain ``pdftotext``, prints each label a piece
to a line, and where a group's merged cell stands beside its items, the group title's pieces and the first
item's alternate line by line (each piece a block of its own, as the page's top-down order puts them)::

    （三
    1.属
    ）不
    于国
    予公
    家秘
    开
    密

No line here names a row (:mod:`.regionevents` sees ``1.属``, too short to begin one). :func:`rows_in_pieces`
names the numbered rows (``1.`` … ``8.`` under a group) whose whole printed words such a run of pieces spells:
an item number's piece (``1.属``: the number and the first words of the rows so numbered that begin with them),
then pieces that each either go on with the row's words or stand apart from it: a piece of a group title of the
form (``（三）不予公开``, ``三、本年度办理结果``), of 表三's header or column headers (repeated past a page break
between two pieces of a label), another row's whole label, or a cell (that page's numbers), until the row's
words are complete. A piece that is neither ends the run unnamed. So a row is named only where every character
of its words is printed, in order, after its own item number: the same evidence as its label on one line, cut
into pieces. It names which rows the region prints, never where their numbers stand (the readers that use it
place the numbers by the form's order and the identities: :mod:`.formorder`, :mod:`.headcells`).

Bounded: at most :data:`_MAX_ITEMS` item numbers' pieces in a region (more name nothing), each run looking at
most :data:`_MAX_PIECES` lines after its item number.
"""

from __future__ import annotations

import re

from ..form import FORM
from .labels import rows_named, strip_item_number
from .layout import label_key

__all__ = ["rows_in_pieces"]

#: lines looked at after an item number's piece (a page break's repeated header and a page of numbers may
#: stand between two pieces), and the longest line that goes on with a label
_MAX_PIECES, _MAX_PIECE = 240, 4
#: item numbers' pieces looked at in a region (the form has 19 numbered rows; a page break's copies add a few):
#: past it the region is no such table, and nothing is named
_MAX_ITEMS = 64
#: an item number and the first characters of its label (``1.属``, ``2、没有``)
_ITEM_PIECE = re.compile(r"^(\d)[.、]([\u4e00-\u9fff][\u4e00-\u9fff、]{0,3})$")
#: the numbered rows: (item number, the row's printed words as a label key, row key)
_NUMBERED = tuple((m.group(1), strip_item_number(label_key(r.label)), r.key)
                  for r in FORM.table3_rows if (m := re.match(r"(\d)[.]", r.label)))
#: the texts whose pieces may stand among an item's: the group titles (the merged cell beside the items) and
#: 表三's header and column headers (repeated past a page break), as label keys
_APART = tuple(sorted({label_key(r.group) for r in FORM.table3_rows if r.group}
                      | {label_key(t) for t in FORM.table3_header}
                      | {label_key(c.label) for c in FORM.table3_columns}))
#: a cell printed between two pieces of a label (a page's numbers before the label's rest)
_CELL = re.compile(r"^(?:\d{1,7}|[/\-—－–]|无)$")


def _apart_piece(piece: str) -> bool:
    """Whether ``piece`` is a cell, a piece of a group title or of 表三's header (``)不``, ``予公``,
    ``(三``, ``系为:第一项加第二``, ``商业``) or another row's label (``(七)总计``: a wrapped label's last piece
    may be printed after the rows below it)."""
    return bool(_CELL.match(piece)) or any(piece in text for text in _APART) or bool(rows_named(piece))


def _spelled(words: str, pieces: list[str]) -> bool:
    """Whether ``pieces`` go on to spell ``words`` whole, the pieces standing apart from it skipped."""
    for piece in pieces:
        if words.startswith(piece):
            words = words[len(piece):]
            if not words:
                return True
        elif not _apart_piece(piece):
            return False
    return False


def rows_in_pieces(lines: list[str]) -> frozenset[str]:
    """The numbered 表三 rows whose labels ``lines`` print in pieces (see the module's docstring)."""
    keys = [label_key(line) for line in lines]
    pieces = [k for k in keys if k]
    items = [(i, m) for i, key in enumerate(pieces) if (m := _ITEM_PIECE.match(key)) is not None]
    if len(items) > _MAX_ITEMS:
        return frozenset()
    named: set[str] = set()
    for i, m in items:
        number, first = m.groups()
        after: list[str] = []
        for piece in pieces[i + 1:i + 1 + _MAX_PIECES]:
            if len(piece) > _MAX_PIECE and not _apart_piece(piece):
                break
            after.append(piece)
        named.update(row for item, words, row in _NUMBERED
                     if item == number and words.startswith(first) and _spelled(words[len(first):], after))
    return frozenset(named)
