"""A pinned cell proves nothing about the cells beside it unless a second identity checks it.

The identities pin a lost cell (``verify/derive.py``): the equation that pinned it then holds by
construction, and the read cells in it are not checked by it. Where the pinned cell is in a second
equation whose every cell is known (a 表三 cell: its row and its column), that equation checks the
pinned value, and through it the first. Where it is in no other (表四: each cell is in its group's sum
alone), the pinning equation is a tautology, and counts as unchecked: its read cells are
``unverified`` (``READ.UNCHECKED``), not proven. An OCR'd 表四 group ``1 0 O 0 11`` (the total's digit
doubled, ``O`` lost): O pinned as 10 would otherwise prove the 11.

A cell printed as OCR letters only and pinned to the digits they stand for (``O`` pinned 0,
``verify/letters.py``) is read as printed: the equation holds with the text's own reading of every
cell in it, as in a row read whole, and checks its read cells (``0 0 O 0 0``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .identities import Equation, equations_by_path

__all__ = ["tautologies"]


def tautologies(pinned: Mapping[str, object], known: Collection[str],
                unprinted: Collection[str] = (), as_printed: Collection[str] = ()) -> list[Equation]:
    """The equations that hold only because a pinned cell in them was pinned so: those of each pinned
    cell that is in one equation with every cell ``known`` (read or pinned), no more. Cells the report
    does not print (``unprinted``: the sub-rows of a one-row （六）, whose printed total the pinned
    values add up to) are no lost cells: they are not counted; nor are cells pinned to the value their
    printed letters stand for (``as_printed``: the equation holds with the text's reading)."""
    out: list[Equation] = []
    for path in pinned:
        if path in unprinted or path in as_printed:
            continue
        checked = [eq for eq in equations_by_path().get(path, ()) if all(map(known.__contains__, eq.paths))]
        if len(checked) == 1 and checked[0] not in out:
            out.append(checked[0])
    return out
