"""A page printed twice: the same run of lines on both sides of a page break, the second copy dropped.

A converter or a crawler that fetched a page twice prints the lines of one page again right after its page break
(a form feed, a page's foot ``第 2 页 共 5 页`` on the same line): ``X ⇟ X`` where the page ``X`` may begin and end
inside a table, its last row cut by the break (``行政许可⇥12`` / ⇟ / … the same lines … ⇟ / ``⇥340``). Read twice,
表三's rows stand twice (or one row's cells twice in a crawler's dump, a cell a line) and every reader loses its
place: the whole table goes to review. The second copy says nothing the first does not, so it is dropped, and the
lines after it follow the first copy as the original did (a row cut by the break joined again by the readers of
rows cut at a page break).

Only a copy that is plain: the run right before a page break's line equal, line for line, to the run right after
it, at least :data:`_MIN_LINES` lines long and holding at least two lines of words and two of digits (a header
printed again at a new page's top is no copy of the lines before the break, which are the last rows).
"""

from __future__ import annotations

__all__ = ["without_page_copies"]

_FEED = "\f"
#: the fewest lines a page's copy holds (a row or two printed twice is ``rowcopies``'s)
_MIN_LINES = 8
_MIN_KINDS = 2


def _words_and_digits(block: list[str]) -> bool:
    words = sum(1 for line in block if any("\u4e00" <= ch <= "\u9fff" for ch in line))
    digits = sum(1 for line in block if any(ch.isdigit() for ch in line))
    return words >= _MIN_KINDS and digits >= _MIN_KINDS


def _copy_after(lines: list[str], feed: int) -> int:
    """How many lines right after the page break's line ``feed`` (0-based) copy as many right before it; 0 for none."""
    after = feed + 1
    if after >= len(lines) or not lines[after].strip():
        return 0
    first = lines[after]
    for n in range(min(feed, len(lines) - after), _MIN_LINES - 1, -1):
        if lines[feed - n] == first and lines[feed - n:feed] == lines[after:after + n] \
                and _words_and_digits(lines[after:after + n]):
            return n
    return 0


def without_page_copies(lines: list[str]) -> tuple[list[str], list[int] | None]:
    """``lines`` without each page's second copy (see the module docstring), and the source line (1-based) of each
    line kept; ``lines`` itself and None where no page is printed twice (at once where no line breaks a page)."""
    if not any(_FEED in line for line in lines):
        return lines, None
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if _FEED in line and i not in drop and (n := _copy_after(lines, i)):
            drop.update(range(i + 1, i + 1 + n))
    if not drop:
        return lines, None
    keep = [n for n in range(1, len(lines) + 1) if n - 1 not in drop]
    return [lines[n - 1] for n in keep], keep
