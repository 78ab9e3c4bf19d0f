"""表四 with its groups as rows in a crawler's dump: each group's five cells glued to its label.

    结果维持结果纠正其他结果尚未审结总计行政复议01102
    行政诉讼（未经复议直接起诉）01001
    行政诉讼（复议后起诉）10/01

(:func:`~llm_extract.extract.inline.unfold` has put each group on a line of its own; the first keeps the
header's words before it.) A group's run is cut into its five cells where its total is the sum of its four
results (``glued.blanked_cuts``), a placeholder (``/ - — 无``) being one empty cell, or ``——`` one cell or two.
Where every cut of a group puts its empty cells in the same places they are read empty there; the group's
numbers become an :class:`~llm_extract.evidence.Ambiguity` whose options are its cuts, for the identity search
in ``verify/`` to choose (one to a group: no identity ties one group's cells to another's): even a run with
one cut comes out derived, never proven, unless the text alone cuts it (``glued.forced_readings``: ``00000``, each
placeholder a cell, each run of zeros as many cells of 0, filling the group): that group is read as printed. A group
no cut of which adds up (its total misprinted, ``行政复议50100``) is left unread, its cells missing: the other groups
are read all the same (no identity ties one group's cells to another's).
"""

from __future__ import annotations

import re

from ..evidence import Ambiguity
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import parse_cell
from ..evidence import Reading
from .glued import blanked_cuts, forced_readings, parted_at, placeholder_partings, width_bounds
from .layout import Item
from .readings import Readings, missing, reading
from .t4groups import GLUED_MARKS
from .t4lines import group_of

__all__ = ["read_glued_group_rows"]

_WIDTH = len(REVIEW_COLUMNS)
_PATHS = [[f"review_litigation.{g}.{c}" for c in REVIEW_COLUMNS] for g in REVIEW_GROUPS]
_MARKS = GLUED_MARKS
#: a group's run after its label's last word, up to the next words or the end (行政复议01102, （复议后起诉）10/01,
#: 直接起诉——0—0): digits and placeholders, one digit at least
_RUN = re.compile(rf"(?<=[\u4e00-\u9fff)）])(?=[\d{_MARKS}]*\d)[\d{_MARKS}]+(?![\d{_MARKS}])")
_NOTE = "glued digit run of a group's row: the cells are cut where the identities allow"
_UNCUT = "glued digit run of a group's row: no cut of it into five cells adds up"


def _group_runs(items: list[Item]) -> list[tuple[Item, str]] | None:
    """The three groups' (label item, run), in the form's order, when the runs after a group's name among the
    region's text items (a line each, or all on one) are exactly those three; None otherwise."""
    runs: list[tuple[int, Item, str]] = []
    for it in items:
        if not it.is_text:
            continue
        key = it.key
        at = 0
        for m in _RUN.finditer(key):
            if (group := group_of(key[at:m.start()])) is not None:       # (not a footer's 备案号…)
                runs.append((group, it, m.group()))
            at = m.end()
    if [g for g, _, _ in runs] != list(range(len(REVIEW_GROUPS))):
        return None
    return [(it, run) for _, it, run in runs]


def _forced(run: str, line: int) -> list[Reading] | None:
    """A group's five cells read as printed when the text alone cuts its run (``glued.forced_readings``: ``00000``,
    ``0/0/0``)."""
    partings = [[run]] if run.isdigit() else placeholder_partings(run)
    return forced_readings(partings[0], _WIDTH, line) if len(partings) == 1 else None


def _cuts(run: str, raw: str) -> list[list[int | None]]:
    """A group's cuts into five cells that add up, ``None`` standing for an empty (placeholder) cell."""
    if run.isdigit():
        return parted_at(blanked_cuts([run], _WIDTH) or [], width_bounds(raw, run))   # (０３１ 1: cut at a switch)
    out: list[list[int | None]] = []
    for parts in placeholder_partings(run):
        out += [o for o in blanked_cuts(parts, _WIDTH) or [] if o not in out]
    return out


def read_glued_group_rows(items: list[Item], out: Readings, ambiguities: list[Ambiguity]) -> bool:
    """Read 表四 from three glued group rows among ``items`` (see the module docstring); ``False`` when they
    are not there, a group has no cut that adds up, or a group's cuts put its empty cells in different places."""
    rows = _group_runs(items)
    if rows is None:
        return False
    forced = [_forced(run, it.line) for it, run in rows]
    per_group = [[] if f is not None else _cuts(run, it.raw) for (it, run), f in zip(rows, forced)]
    if any(f is None and len({tuple(v is None for v in o) for o in cuts}) > 1 for f, cuts in zip(forced, per_group)) \
            or all(f is None and not cuts for f, cuts in zip(forced, per_group)):
        return False
    for (it, run), cuts, paths, printed in zip(rows, per_group, _PATHS, forced):
        if printed is not None:              # the text alone cuts it: read as printed
            out.update(zip(paths, printed))
            continue
        if not cuts:                         # no cut adds up (a total misprinted): the group alone is left unread
            out.update((path, missing(run, [it.line], "glued", _UNCUT)) for path in paths)
            continue
        marks = iter(ch for ch in run if not ch.isdigit())
        kept = [i for i, v in enumerate(cuts[0]) if v is not None]
        for value, path in zip(cuts[0], paths):
            if value is None:                # an empty cell, printed as its placeholder
                out[path] = reading(parse_cell(next(marks)), [it.line], "glued")
            else:
                out[path] = missing(run, [it.line], "glued", _NOTE)
        if kept:                             # (no identity ties one group's cells to another's)
            ambiguities.append(Ambiguity(paths=[paths[i] for i in kept], options=[[o[i] for i in kept] for o in cuts],
                                         raw=run, lines=[it.line], reason=f"表四: {_NOTE}"))
    return True
