"""表三 or 表四 printed as text blocks, a number on a line of its own parted by a space: ``6 7`` for 67, ``3 001``.

``pdftotext`` (default mode) prints each cell of 表三 on a line of its own, and the block readers
(:mod:`.blockread`) need every count exactly: a number a PDF's text parts in two (``1 0`` for 10, a wide count
``3 985 758`` printed with its thousands groups apart) is two cells to them, and all of 表三 is left unread (so is
表四's row of 15). Where they left the table unread and some line of its region holds nothing but two or three digit
groups, each such line is read every way its pieces join as printed (no part with a leading 0: ``3 001`` is one
number, ``6 7`` is 67 or the cells 6 and 7), the block readers are asked again under each combination (at most
:data:`MAX_TRIES` times), and the readings whose whole table keeps every identity (表三's sums and balance, 表四's
group totals) survive. The cells read from joined pieces are never proof: one surviving reading leaves them to the
identities as its single option (derived, marked); several leave every joined cell, and every cell they place
unlike, to the identities with each reading's values as candidates (queued).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import product

from ..evidence import Ambiguity, CellKind, Reading
from ..schema import TABLE3_PATHS, TABLE4_PATHS
from .blockread import read_text_blocks
from .blocktiles import MAX_NODES
from .glued import groups_hold
from .readings import Readings
from .layout import Region
from .runjoins import joined_readings
from .t3instances import table3_broken

__all__ = ["read_joined_blocks", "MAX_TRIES"]

#: the block readers are asked at most this many times (each a few milliseconds: a document's time stays bounded)
MAX_TRIES = 32
#: the states the tiling searches of all those asks may reach together (:data:`~.blocktiles.MAX_NODES` is one
#: search's): a region whose every ask searches long (plain pdftotext of a table over pages: 15 asks of ~0.7 s
#: each) is given up, not read
SHARED_NODES = 2 * MAX_NODES
#: a line of nothing but two or three digit groups parted by one space (a plain, thin or no-break space)
_PARTED = re.compile(r"^\s*(\d+)[ \u2009\u202f\u00a0](\d+)(?:[ \u2009\u202f\u00a0](\d+))?\s*$")


def line_readings(pieces: list[str]) -> list[list[str]]:
    """Every reading of a line's digit groups with neighbours joined as printed, each part a count (no leading 0)."""
    return [[str(v) for v in reading] for joins in range(len(pieces)) for reading in joined_readings(pieces, joins)]


#: one way to read a candidate: the lines' new texts (index → text) and whether a number was joined
_Option = tuple[dict[int, str], bool]
_BARE = re.compile(r"^\s*(\d+)\s*$")


def _blank(lines: list[str], i: int) -> bool:
    return not 0 <= i < len(lines) or not lines[i].strip()


def _parted_lines(lines: list[str], start: int, end: int) -> dict[int, list[_Option]]:
    """First line index → the ways to read it, for the region's lines of parted digit groups (``6 7``) and its
    blocks of two bare numbers (``311`` over ``9``: a wide count wrapped in its narrow cell, or two cells)."""
    out: dict[int, list[_Option]] = {}
    for i in range(max(start - 1, 0), min(end, len(lines))):
        if (m := _PARTED.match(lines[i])) is not None:
            pieces = [g for g in m.groups() if g is not None]
            options = line_readings(pieces)
            if options and options != [pieces]:
                out[i] = [({i: " ".join(parts)}, len(parts) < len(pieces)) for parts in options]
        elif (m := _BARE.match(lines[i])) and i + 1 < min(end, len(lines)) and (n := _BARE.match(lines[i + 1])) \
                and _blank(lines, i - 1) and _blank(lines, i + 2) and m.group(1)[0] != "0":
            out[i] = [({}, False), ({i: m.group(1) + n.group(1), i + 1: ""}, True)]
    return out


def _unread(readings: Readings, paths: tuple[str, ...]) -> bool:
    for p in paths:                 # (a loop, not any(): 表三's 175 cells, read whole, on most documents)
        if p not in readings or readings[p].missing:
            return True
    return False


def _value(r: Reading) -> int | None:
    return int(r.value) if isinstance(r.value, int) else None


def _t3_holds(values: dict[str, int | None]) -> bool:
    return not table3_broken(values)


def _t4_holds(values: dict[str, int | None]) -> bool:
    return groups_hold([values[p] or 0 for p in TABLE4_PATHS])


#: the tables read again: their cells and the identities a reading of all of them must keep
TABLES: dict[str, tuple[tuple[str, ...], Callable[[dict[str, int | None]], bool]]] = {
    "表三": (TABLE3_PATHS, _t3_holds), "表四": (TABLE4_PATHS, _t4_holds)}


def read_joined_blocks(lines: list[str], regions: Mapping[str, Region], before: Readings, readings: Readings,
                       ambiguities: list[Ambiguity], before_ambiguities: list[Ambiguity]) -> list[Ambiguity]:
    """Where the block readers left 表三 or 表四 unread, read it again with the parted numbers of its region joined
    (see the module docstring); ``readings`` updated, the ambiguities left returned. ``before`` and
    ``before_ambiguities``: what the block readers were given."""
    for name, (paths, holds) in TABLES.items():
        if name in regions and _unread(readings, paths):
            region = regions[name]
            ambiguities = _read_joined(lines, region.start, region.end, paths, holds, before, readings,
                                       ambiguities, before_ambiguities)
    return ambiguities


def _read_joined(lines: list[str], start: int, end: int, paths: tuple[str, ...],
                 holds: Callable[[dict[str, int | None]], bool], before: Readings, readings: Readings,
                 ambiguities: list[Ambiguity], before_ambiguities: list[Ambiguity]) -> list[Ambiguity]:
    parted = _parted_lines(lines, start, end)
    if not parted:
        return ambiguities
    keys = sorted(parted)
    combos = list(product(*(parted[k] for k in keys)))
    if len(combos) > MAX_TRIES:
        return ambiguities
    survivors: list[tuple[Readings, set[int]]] = []
    seen: list[dict[str, int | None]] = []
    budget = [SHARED_NODES]
    for combo in combos:
        text = list(lines)
        joined: set[int] = set()
        for k, (texts, join) in zip(keys, combo):
            for i, line in texts.items():
                text[i] = line
            if join:
                joined.add(k + 1)
        if not joined:
            continue
        trial = {p: replace(r, lines=list(r.lines)) for p, r in before.items()}
        read_text_blocks(text, trial, list(before_ambiguities), budget)
        if budget[0] < 0:
            return ambiguities          # cut short: which readings the other joins hold is not known
        if _unread(trial, paths) or not holds(values := {p: _value(trial[p]) for p in paths}) or values in seen:
            continue
        seen.append(values)
        survivors.append((trial, joined))
    if not survivors:
        return ambiguities
    first = survivors[0][0]
    # never proof: every cell read from a joined line, and every cell the readings place unlike (another value or
    # another line), is left to the identities with each reading's values as candidates
    marked = [p for p in paths if any(joined & set(t[p].lines) for t, joined in survivors)
              or len({(_value(t[p]), tuple(t[p].lines)) for t, _ in survivors}) > 1]
    for p in paths:
        readings[p] = first[p]
    for p in marked:
        r = first[p]
        readings[p] = Reading(kind=CellKind.MISSING, raw=r.raw, lines=list(r.lines), method=r.method,
                              note="a number parted by a space in the text: joined as printed, for the identities")
    left = [a for a in ambiguities if not set(paths).intersection(a.paths)]
    if not marked:
        return left
    lines_of = sorted({n for p in marked for n in first[p].lines})
    reason = f"read with numbers parted by a space joined: {len(seen)} reading(s) keep every identity"
    return left + [Ambiguity(paths=marked, options=[[v[p] for p in marked] for v in seen], reason=reason,
                             raw=" / ".join(lines[n - 1].strip() for n in lines_of), lines=lines_of)]

