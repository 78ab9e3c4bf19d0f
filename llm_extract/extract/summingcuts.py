"""Cuts of a digit run into numbers that add up to a given total, found from both ends (meet in the middle).

A glued 表三 row (``glued.row_cuts``) is six cells and their total: the six are cut from the digits before the
total. Trying every cut one part after another visits about ``w**5`` partial cuts for parts of up to ``w``
digits (a row of 5-digit counts ran out of the step budget, unread; a 200-digit run in each of 25 rows took
seconds). Here the first half of the parts is cut from the front and the second half from the back, and the two
meet where their sums make the total: about ``w**3`` steps, with the same cuts in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

__all__ = ["parts_summing"]


def _ok(part: str) -> bool:
    return part == "0" or part[:1] != "0"


def parts_summing(digits: str, parts: int, total: int, spend: Callable[[], None]) -> list[list[int]]:
    """Every cut of ``digits`` into ``parts`` numbers (no leading zero but ``0`` itself; none longer than
    ``total``) adding up to ``total``, in the order of their cut positions; ``spend`` is called once per step
    (it raises to stop the search)."""
    n, width = len(digits), len(str(total))
    if parts < 1 or not parts <= n <= parts * width:
        return []
    front, back = parts // 2, parts - parts // 2
    heads: dict[int, list[tuple[list[int], int]]] = defaultdict(list)     # meeting point → (parts, sum)
    tails: dict[int, dict[int, list[list[int]]]] = defaultdict(lambda: defaultdict(list))

    def ahead(pos: int, acc: list[int], s: int) -> None:
        spend()
        if len(acc) == front:
            heads[pos].append((acc, s))
            return
        left = parts - len(acc)               # parts still to cut, this one included
        for end in range(max(pos + 1, n - (left - 1) * width), min(n - left + 1, pos + width) + 1):
            piece = digits[pos:end]
            if not _ok(piece):
                continue
            value = int(piece)
            if s + value > total:
                break                           # (a longer piece is larger still)
            ahead(end, acc + [value], s + value)

    def behind(end: int, acc: list[int], s: int) -> None:
        spend()
        if len(acc) == back:
            tails[end][s].append(acc[::-1])
            return
        left = parts - len(acc)
        for start in range(min(end - 1, (left - 1) * width), max(left - 1, end - width) - 1, -1):
            piece = digits[start:end]
            if not _ok(piece):
                continue
            value = int(piece)
            if s + value > total:
                break                           # (a longer piece is larger still)
            behind(start, acc + [value], s + value)

    ahead(0, [], 0)
    behind(n, [], 0)
    found: list[tuple[tuple[int, ...], list[int]]] = []
    for pos, starts in heads.items():
        sums = tails.get(pos)
        if not sums:
            continue
        for acc, s in starts:
            for rest in sums.get(total - s, ()):
                spend()
                cut = acc + rest
                found.append((tuple(len(str(v)) for v in cut), cut))
    found.sort(key=lambda f: f[0])               # the cut positions in order: as a search from the front finds them
    return [cut for _, cut in found]
