"""表二 labels printed as a column: the numbers after the last label may be any of theirs.

A text tool that prints a table as blocks (``pdftotext`` without ``-layout``, ``pdf2txt.py``) may print
several row labels one under another (``行政处罚`` / ``行政强制`` / ``信息内容`` / ``行政事业性收费``), then the
numbers of those rows, and then the headers and numbers of the next section. Read top-down, the last
label takes a number that is the row above's (行政强制's ``0`` read as the fee). The sign: a row read from
the lines below its label, whose label follows another 表二 label with no number between them (only
other text: 信息内容, a section heading, a column header). Such a row is still read, its method
:data:`STACKED` saying how, and verify/guesses.py leaves it ``unverified`` (``READ.LABEL_STACK``): no
identity checks 表二.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..evidence import Method, Reading
from .labels import names_table2_row
from .layout import Item
from .readings import Readings

__all__ = ["STACKED", "after_stacked_labels"]

STACKED = Method.LABEL_STACK


def stacked_after(items: Sequence[Item], idx: int) -> bool:
    """Whether the label at ``idx`` follows another 表二 label with no value item between them."""
    for j in range(idx - 1, -1, -1):
        it = items[j]
        if it.is_value:
            return False
        if it.is_text and names_table2_row(it.key):
            return True
    return False


def after_stacked_labels(items: Sequence[Item], taken: Mapping[int, tuple[Sequence[str], list[Item]]],
                         out: Readings) -> None:
    """Mark every row read from the lines below a label stacked under another 表二 label (``taken``: each
    read row's label index → its paths and the items its cells came from)."""
    for idx, (paths, chosen) in taken.items():
        label = items[idx]
        if not paths or not chosen or any(it.line == label.line for it in chosen) or not stacked_after(items, idx):
            continue
        for path in paths:
            r = out[path]
            if r.missing:
                continue
            out[path] = Reading(r.value, r.kind, r.raw, r.lines, STACKED,
                                "read from the lines below a label printed right under another 表二 label with no "
                                "number between them: the labels stand as a column, the numbers may be the other's")
