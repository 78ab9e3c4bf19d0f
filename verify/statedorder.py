"""The prose settles the order of 表三's first two rows in a block of rows.

    stated_claims(figures) -> [Claim]            the figures the prose states about 一、 and 二、's totals
    prose_settled(placed, width, claims) -> rows  {0, 1} when the prose tells their two lines apart, else {}

Where 表三's labels are printed as one block and its rows of numbers one a line after them
(:mod:`verify.labelblock`), the k-th line is taken as the k-th label's; but the text tool may have printed two lines
of one swap group in the other order, and 一、本年新收 and 二、上年结转 trading places keep every identity (only their sum
enters the balance), so their cells where the two lines differ are in doubt (:func:`verify.labelblock.order_doubts`).

The report's prose often states the first row's total: ``全年共收到政府信息公开申请16件`` (``NARR.NEW_RECEIVED``, read by
the deterministic reader from the narrative, each of its readings a sum of table cells: 本年新收, or 本年新收 + 上年结转).
Its figure settles the order when some reading of it holds with the lines as placed and none holds with the two
lines swapped: the line at 一's label prints the total the prose states, the line at 二's another, not 0 (a 0 would
let ``本年新收 + 上年结转`` hold either way). Prose whose readings hold only with the lines swapped settles nothing (it
contradicts the table as placed: :mod:`verify.narrative` reports that), and a line not printing every cell settles
nothing (which number is its total the count does not say).

Pure: the narrative figures and the placed lines in, the rows whose order is settled out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .cellmatch import numbers
from .labelblock import Placed

__all__ = ["Claim", "stated_claims", "prose_settled", "FIRST_TWO"]

#: the form rows (indices) the prose can tell apart: 一、本年新收 and 二、上年结转, by their totals
FIRST_TWO = (0, 1)
_TOTALS = {"applications.new_received.total": 0, "applications.carried_over.total": 1}
_CODE = "NARR.NEW_RECEIVED"


@dataclass(frozen=True)
class Claim:
    """A stated figure and its readings, each a set of the first two rows whose totals it sums."""

    figure: int
    meanings: tuple[tuple[int, ...], ...]


def stated_claims(figures: Iterable[object]) -> list[Claim]:
    """The prose's figures about the totals of 一、 and 二、 alone (every reading of it a sum of those two totals)."""
    out = []
    for f in figures:
        figure, meanings = getattr(f, "figure", None), getattr(f, "meanings", [])
        if getattr(f, "code", "") != _CODE or not isinstance(figure, int) or isinstance(figure, bool) or not meanings:
            continue
        if all(p in _TOTALS for m in meanings for p in m):
            out.append(Claim(figure, tuple(tuple(_TOTALS[p] for p in m) for m in meanings)))
    return out


def _total(placed: Mapping[int, Placed], row: int, width: int) -> int | None:
    printed = numbers(placed[row].numbers) if row in placed else []
    return int(printed[-1]) if len(printed) == width and printed[-1].isdigit() else None


def prose_settled(placed: Mapping[int, Placed], width: int, claims: Iterable[Claim]) -> set[int]:
    """The first two rows when the prose tells their placed lines apart (see the module docstring), else none."""
    first, second = (_total(placed, r, width) for r in FIRST_TWO)
    if first is None or second is None or first == second or second == 0:
        return set()

    def holds(claim: Claim, totals: tuple[int, int]) -> bool:
        return any(sum(totals[i] for i in m) == claim.figure for m in claim.meanings)

    claims = list(claims)
    placed_ok = [c for c in claims if holds(c, (first, second))]
    swapped_ok = [c for c in claims if holds(c, (second, first))]
    if any(c not in swapped_ok for c in placed_ok) and all(c in placed_ok for c in swapped_ok):
        return set(FIRST_TWO)
    return set()
