"""Whose are the numbers printed between two 表三 labels? ``pdftotext`` (default mode) prints a row's
numbers beside the middle of its label cell: after the first line of a wrapped label, between its pieces
(``1.信访举报投`` / ``50 1 0`` / ``诉类申请``), but *before* a label of one line (``14 1 0`` / ``2.重复申请``).

A :class:`Group` is the numbers of consecutive lines after a row's label. One a piece of that label
follows (or that stands on its label's line) is ``inside`` it: that row's. A ``loose`` group stands
between the end of a label (``prev``) and the next label (``next``, when no blank line or foreign text
comes between): it is one of the two rows'. :func:`assign` gives each group its row:

* read as printed (every group its ``prev`` row's) when that gives no row a loose group beside another
  of its groups: the reading every other text tool needs;
* else every way to give each loose group ``prev`` or ``next`` such that no row has a loose group
  beside another group (a row's numbers are printed in one place): the tiling and the identities
  choose (:mod:`.blocktiles`: exactly one way must give a table that keeps them); none, or too many,
  leave the table unread, never a guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Group", "assign", "MAX_STEPS", "MAX_WAYS"]

#: the search for the assignments stops (and assigns nothing) past this many steps, or ways
MAX_STEPS = 5000
MAX_WAYS = 8


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


def assign(groups: list[Group]) -> list[list[str]]:
    """The ways to give each group its row (each a row per group, in the groups' order): the printed
    one alone when it gives every row its numbers in one place, else every way that does (none when
    there are more than :data:`MAX_WAYS`, or the search passes :data:`MAX_STEPS`): the identities
    choose among them (blocktiles), or nothing is read."""
    printed = [g.prev for g in groups]
    if _valid(groups, printed):
        return [printed]
    fixed = {g.prev for g in groups if g.inside}
    options = [[g.prev] if g.inside else [r for r in dict.fromkeys((g.prev, g.next)) if r and r not in fixed]
               for g in groups]
    found: list[list[str]] = []
    steps = 0
    chosen: list[str] = []
    used: set[str] = set()

    def search(i: int) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(found) > MAX_WAYS:
            return
        if i == len(groups):
            found.append(list(chosen))
            return
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

    search(0)
    return found if len(found) <= MAX_WAYS and steps <= MAX_STEPS else []
