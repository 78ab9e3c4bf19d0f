"""表四 in a crawler's dump with empty groups printed as dashes: ``0000001001-----``.

The fifteen cells ran together, except a group the report left empty, whose five cells are printed as
placeholders (``-----``, ``无无无无无``, or ``——`` each: ``——————————``). Each run of placeholders stands for whole empty
groups, each run of digits for whole groups cut by the identities (``glued.group_cuts``). When every
reading that gives three groups puts the empty groups in the same places, those cells are read empty
(null) and the digits are cut where the identities allow; otherwise nothing is read here.
"""

from __future__ import annotations

import re
from itertools import product
from math import prod

from ..evidence import Ambiguity, CellKind, Reading
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .glued import MAX_OPTIONS as _MAX_OPTIONS, group_cuts
from .layout import Item, label_key
from .readings import Readings, missing

__all__ = ["read_empty_groups", "GLUED_MARKS"]

_PATHS = [[f"review_litigation.{g}.{c}" for c in REVIEW_COLUMNS] for g in REVIEW_GROUPS]
_WIDTH = len(REVIEW_COLUMNS)
_GROUPS = len(REVIEW_GROUPS)
#: the placeholders a crawler's glued run prints for empty cells (a regex character class's inside)
GLUED_MARKS = "/／\\-—－–无"
#: the run at the end of a text item (alone, or after the header's last word: …尚未审结总计0000001001-----)
_RUN = re.compile(rf"(?:^|(?<=[\u4e00-\u9fff]))(?=[\d{GLUED_MARKS}]*\d)(?=[\d{GLUED_MARKS}]*[{GLUED_MARKS}])"
                  rf"[\d{GLUED_MARKS}]+$")
_SEGMENT = re.compile(rf"\d+|[{GLUED_MARKS}]+")


def _dash_groups(dashes: str) -> set[int]:
    """How many empty groups a run of placeholders can stand for: one per cell, or two per cell (——; 无 is
    one cell each)."""
    return {len(dashes) // (_WIDTH * per) for per in ((1,) if dashes[0] == "无" else (1, 2))
            if len(dashes) % (_WIDTH * per) == 0}


def _layouts(segments: list[str]) -> set[tuple[bool, ...]]:
    """Every way the segments give three groups: for each group, whether it is empty."""
    choices: list[list[int]] = []
    for seg in segments:
        if seg[0].isdigit():
            choices.append([g for g in range(1, _GROUPS + 1) if len(seg) >= g * _WIDTH])
        else:
            choices.append(sorted(g for g in _dash_groups(seg) if g >= 1))
    out: set[tuple[bool, ...]] = set()
    for counts in product(*choices):
        if sum(counts) == _GROUPS:
            out.add(tuple(empty for seg, n in zip(segments, counts) for empty in [not seg[0].isdigit()] * n))
    return out


def read_empty_groups(items: list[Item], out: Readings, ambiguities: list[Ambiguity]) -> bool:
    """Read 表四 from a glued run with empty groups among the region's items; ``False`` when there is none
    or the empty groups' places are not certain."""
    for it in reversed(items):
        m = _RUN.search(label_key(it.raw))
        if m:
            key = m.group()
            break
    else:
        return False
    segments = _SEGMENT.findall(key)
    layouts = _layouts(segments)
    if len(layouts) != 1:
        return False
    empty = next(iter(layouts))
    runs: list[int] = []                 # the layout's runs of groups alike: one per segment (they alternate)
    for g in range(_GROUPS):
        if g and empty[g] == empty[g - 1]:
            runs[-1] += 1
        else:
            runs.append(1)
    if len(runs) != len(segments):
        return False
    cut_sets = [group_cuts(seg, groups=n) for seg, n in zip(segments, runs) if seg[0].isdigit()]
    if any(not c for c in cut_sets) or prod(len(c) for c in cut_sets if c) > _MAX_OPTIONS:
        return False
    options: list[list[int | None]] = [[v for part in combo for v in part] for combo in product(*cut_sets)]
    filled = [p for grp in range(_GROUPS) if not empty[grp] for p in _PATHS[grp]]
    dash = next(seg for seg in segments if not seg[0].isdigit())[0]
    note = "glued digit run with empty groups: the cells are cut where the identities allow"
    for grp in range(_GROUPS):
        for p in _PATHS[grp]:
            out[p] = (Reading(None, CellKind.PLACEHOLDER, dash, [it.line], "glued") if empty[grp]
                      else missing(key, [it.line], "glued", note))
    ambiguities.append(Ambiguity(paths=filled, options=options, raw=key, lines=[it.line], reason=f"表四: {note}"))
    return True
