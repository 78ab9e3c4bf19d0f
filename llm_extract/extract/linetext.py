"""A document's lines searched at once: one regular-expression search over their joined text finds the lines that
hold a pattern, instead of one search per line.

Most passes act on a few lines only (those holding a note's bracket, a colon, a unit word …) and leave a document
holding none of them as it is: told by searching the whole text once, in C, they cost next to nothing on such a
document. A pattern searched so must not match across a line break (``[^\\S\\n]`` for a space, not ``\\s``) and
must read ``(?m)^`` / ``$`` as a line's start and end, nor look behind a line's start (the line break before it is
no character of the line's). Every line of a document is free of line breaks (its text split at them); where some
line holds one all the same, each line is searched on its own.

The passes of one document mostly hand the same lines on, unchanged: :meth:`LineText.of` joins them once for all
of them (the last lines joined are kept, and used again for lines equal to them). What a pass finds in the lines
alone may be kept with them (:attr:`LineText.found`) for the next pass asking the same of the same lines.
"""

from __future__ import annotations

import re
import threading
from itertools import accumulate
from collections.abc import Iterator, Sequence

__all__ = ["LineText"]

#: the last lines joined, per thread (:meth:`LineText.of`)
_last = threading.local()


class LineText:
    """``lines`` joined by line breaks, and the lines a pattern finds something in."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)        # (a copy: the lines joined, whatever becomes of the caller's list)
        self.text = "\n".join(self.lines)
        #: every line free of line breaks: a position in the text tells its line
        self._whole = self.text.count("\n") == len(self.lines) - 1
        self._ends: list[int] | None = None             # the lines' lengths summed up to each (when first asked)
        #: what a pass found in these lines (a pure function of them), by what it looked for
        self.found: dict[str, object] = {}

    @classmethod
    def of(cls, lines: Sequence[str]) -> LineText:
        """``lines`` joined: the last lines joined (in this thread) when they are equal to ``lines`` (a pure
        function of the lines, kept for the next pass: comparing lines that are the same strings costs little)."""
        last = getattr(_last, "text", None)
        if last is not None and last.lines == lines:
            return last
        _last.text = text = cls(lines)
        return text

    def matches(self, pattern: re.Pattern[str], start: int = 0,
                end: int | None = None) -> Iterator[tuple[int, re.Match[str]]]:
        """Each line (0-based index) of lines ``start`` … ``end - 1`` (all by default) on which ``pattern`` finds
        something, with the first match starting on it, in order."""
        end = len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole:
            for i in range(max(start, 0), end):
                if (m := pattern.search(self.lines[i])) is not None:
                    yield i, m
            return
        if start >= end:
            return
        text = self.text
        row, at = start, self._offset(start)
        last = -1
        for m in pattern.finditer(text, at, self._offset(end) - 1):     # (up to the line break after line end - 1)
            row += text.count("\n", at, m.start())
            at = m.start()
            if row != last:
                yield row, m
                last = row

    def indices(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> list[int]:
        """The lines (0-based, of lines ``start`` … ``end - 1``) in which ``pattern`` finds something."""
        return [i for i, _ in self.matches(pattern, start, end)]

    def search(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> bool:
        """Whether ``pattern`` finds something in some line (of lines ``start`` … ``end - 1``)."""
        return next(self.matches(pattern, start, end), None) is not None

    def holds(self, part: str, start: int = 0, end: int | None = None) -> bool:
        """Whether some line (of lines ``start`` … ``end - 1``) holds ``part`` (no line break in it)."""
        end = len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole:
            return any(part in line for line in self.lines[max(start, 0):end])
        return start < end and self.text.find(part, self._offset(start), self._offset(end) - 1) >= 0

    def _offset(self, line: int) -> int:
        """Where line ``line`` (0-based) starts in the text (one past its end for the line after the last)."""
        if line <= 0:
            return 0
        if self._ends is None:
            self._ends = list(accumulate(map(len, self.lines)))
        return self._ends[line - 1] + line              # (the lines before it, and a line break after each)
