"""Two rows of one swap group printing the same numbers, their blanks printed as nothing: each fits the other's cells.

    twin_doubts(printed, cells) -> {row: columns in doubt}

PDF text and crawler dumps print a blank cell as nothing: ``（一）予以公开 5 1 6`` is ``5 1 — — — — 6`` as well as
``5 — 1 — — — 6``. Where a row's numbers are found after its label, the model's placing of its blanks is one of
several, and the identities check it: a number moved to another column moves that column's sum. Not where two rows
of one swap group (一、 and 二、; the outcome rows of 三、本年度办理结果: :data:`verify.labelblock.SWAP_GROUPS`) print
the same numbers: a model giving each row the other's placing keeps every identity, the two rows trading places.
Their cells where the model places the two rows differently are not found; where it places them alike, either way
gives the same cell. A row that marks every blank (``0 0 无 0 0 0 0``: a mark a blank cell, as many cells as columns)
has no twin: its marks say which cells are blank, and the model's placing is matched against them.

Pure: the numbers each row prints and the model's cells in, the doubted columns out (:func:`doubt_twins` applies
them to 表三's groundings, :func:`verify.grounding.ground`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .cellmatch import marked, numbers
from .labelblock import SWAP_GROUPS

__all__ = ["twin_doubts", "doubt_twins"]

_NOTE = ("another row of its identities prints the same numbers, its blanks as nothing, placed otherwise by the model: "
         "the two rows may trade places")


def twin_doubts(printed: Mapping[int, Sequence[str]], cells: Mapping[int, Sequence[Any]]) -> dict[int, set[int]]:
    """Row → the columns where another row of its swap group prints the same numbers, the model's cells of the two
    differing there."""
    out: dict[int, set[int]] = {}
    for group in SWAP_GROUPS:
        rows = sorted(r for r in group if r in printed and r in cells and printed[r])
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if list(printed[a]) != list(printed[b]):
                    continue
                differ = {k for k, (x, y) in enumerate(zip(cells[a], cells[b])) if x != y}
                if differ:
                    out.setdefault(a, set()).update(differ)
                    out.setdefault(b, set()).update(differ)
    return out


def doubt_twins(rows: Sequence[Sequence[str]], values: Mapping[str, Any], out: dict[str, Any]) -> None:
    """表三's groundings (``out``, path → :class:`verify.grounding.Grounding`; ``rows``: each form row's paths) with the
    cells :func:`twin_doubts` finds in doubt not found."""
    from .grounding import NOT_FOUND, Grounding        # (grounding calls this: imported when called)

    printed: dict[int, list[str]] = {}
    for index, paths in enumerate(rows):
        g = next((out[p] for p in paths if p in out and out[p].grounded), None)
        if g is not None and g.text.startswith(g.label):
            cells = marked(g.text[len(g.label):])
            if cells is None or len(cells) != len(paths):       # (a row marking every blank says where they are)
                printed[index] = numbers(g.text[len(g.label):])
    for index, columns in twin_doubts(printed, {i: [values.get(p) for p in paths]
                                               for i, paths in enumerate(rows)}).items():
        for k in sorted(columns):
            g = out.get(rows[index][k])
            if g is not None and g.grounded:
                out[rows[index][k]] = Grounding(NOT_FOUND, g.lines, g.text, g.label, _NOTE)
