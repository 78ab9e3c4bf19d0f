"""Every cut of a digit run into a count of numbers: a crawler's dump that lost every separator (``640020470``).

    digit_splits("640020470", 7) -> [[6, 4, 0, 0, 20, 4, 70], ...]

No number of a cut has a leading zero (a cell never prints one). Pure.
"""

from __future__ import annotations

__all__ = ["digit_splits"]


def digit_splits(digits: str, count: int, *, limit: int = 5000) -> list[list[int]]:
    """Every cut of a digit run into ``count`` numbers (no leading zeros), up to ``limit`` of them."""
    out: list[list[int]] = []

    def walk(i: int, left: int, acc: list[int]) -> None:
        if len(out) >= limit:
            return
        if left == 0:
            if i == len(digits):
                out.append(list(acc))
            return
        rest = len(digits) - i
        if rest < left:
            return
        for j in range(i + 1, len(digits) - left + 2):
            piece = digits[i:j]
            if len(piece) > 1 and piece[0] == "0":
                break
            acc.append(int(piece))
            walk(j, left - 1, acc)
            acc.pop()

    walk(0, count, [])
    return out
