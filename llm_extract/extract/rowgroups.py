"""Whose are the numbers printed between two 表三 labels? ``pdftotext`` (default mode) prints a row's
numbers beside the middle of its label cell: after the first line of a wrapped label, between its pieces
(``1.信访举报投`` / ``50 1 0`` / ``诉类申请``), but *before* a label of one line (``14 1 0`` / ``2.重复申请``).

A :class:`Group` is the numbers of consecutive lines after a row's label. One a piece of that label
follows (or that stands on its label's line) is ``inside`` it: that row's. A ``loose`` group stands
between the end of a label (``prev``) and the next label (``next``, when no blank line or foreign text
comes between): it is one of the two rows'. :func:`assign` gives each group its row:

* read as printed (every group its ``prev`` row's) when that gives no row a loose group beside another
  of its groups: the reading every other text tool needs;
* else the one way to give each loose group ``prev`` or ``next`` such that no row has a loose group
  beside another group (a row's numbers are printed in one place); two ways, or none, give ``None``:
  the table is left unread, never a guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Group", "assign", "MAX_STEPS"]

#: the search for the one assignment stops (and assigns nothing) past this many steps
MAX_STEPS = 5000


@dataclass
class Group:
    """Consecutive lines of numbers after a 表三 row's label (``numbers`` are ``textblocks.Number``)."""

    prev: str
    numbers: list = field(default_factory=list)
    inside: bool = False
    next: str = ""


def _valid(groups: list[Group], rows: list[str]) -> bool:
    count = Counter(rows)
    return all(g.inside or count[r] == 1 for g, r in zip(groups, rows))


def assign(groups: list[Group]) -> list[str] | None:
    """Each group's row (in the groups' order), or ``None`` when it is not certain."""
    printed = [g.prev for g in groups]
    if _valid(groups, printed):
        return printed
    fixed = {g.prev for g in groups if g.inside}
    options = [[g.prev] if g.inside else [r for r in dict.fromkeys((g.prev, g.next)) if r and r not in fixed]
               for g in groups]
    found: list[list[str]] = []
    steps = 0
    chosen: list[str] = []
    used: set[str] = set()

    def search(i: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(found) > 1:
            return False
        if i == len(groups):
            found.append(list(chosen))
            return True
        for row in options[i]:
            if not groups[i].inside and row in used:
                continue
            chosen.append(row)
            if not groups[i].inside:
                used.add(row)
            search(i + 1)
            chosen.pop()
            if not groups[i].inside:
                used.discard(row)
        return True

    search(0)
    return found[0] if len(found) == 1 and steps <= MAX_STEPS else None
