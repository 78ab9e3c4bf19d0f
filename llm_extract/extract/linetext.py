"""A document's lines searched at once: one regular-expression search over their joined text finds the lines that
hold a pattern, instead of one search per line.

Most passes act on a few lines only (those holding a note's bracket, a colon, a unit word …) and leave a document
holding none of them as it is: told by searching the whole text once, in C, they cost little on such a document.

The text is every line after a line break (``"\\n" + "\\n".join(lines)``). A pattern finds what a line holds as a
search of that line would when it matches no line break (``[^\\S\\n]`` for a space, not ``\\s``) and reads
``(?m)^`` / ``$`` as a line's start and end; or a line break first, then what opens a line (``\\n[0-9]``: a line
opening with a digit), which is quicker to search for (one character first). A match is the line's it starts on, a
match starting with a line break the line's after it. A pattern may also go on over the lines after it (a line, then
the line under it): its match is still the line's it starts on. Every line of a document is free of line breaks (its
text split at them, and no pass adds one); where some line holds one all the same, each line is searched on its own
(after a line break), and a pattern going on over lines finds nothing.

The passes of one document mostly hand the same lines on, unchanged: :meth:`LineText.of` joins them once for all
of them (the last lines joined are kept, and used again for lines equal to them). What a pass finds in the lines
alone may be kept with them (:attr:`LineText.found`) for the next pass asking the same of the same lines.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from itertools import accumulate

__all__ = ["LineText"]

#: the last lines joined, per thread (:meth:`LineText.of`)
_last = threading.local()


class LineText:
    """``lines``, each after a line break, and the lines a pattern finds something in."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)        # (a copy: the lines joined, whatever becomes of the caller's list)
        self.text = "\n" + "\n".join(self.lines)
        #: every line free of line breaks: a position in the text tells its line
        self._whole = self.text.count("\n") == len(self.lines)
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
        something, with the first match that is the line's, in order."""
        start, end = max(start, 0), len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole:
            for i in range(start, end):
                if (m := pattern.search("\n" + self.lines[i])) is not None:
                    yield i, m
            return
        if start >= end:
            return
        text = self.text
        at = self._offset(start) - 1    # the line break before line ``start``
        row = start - 1                 # (the line it ends)
        last = -1
        for m in pattern.finditer(text, at, self._offset(end) - 1):    # (up to the line break after line end - 1)
            row += text.count("\n", at, m.start() + 1)
            at = m.start() + 1
            if row != last:
                yield row, m
                last = row

    def indices(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> list[int]:
        """The lines (0-based, of lines ``start`` … ``end - 1``) on which ``pattern`` finds something."""
        start, end = max(start, 0), len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole or start >= end:
            return [i for i, _ in self.matches(pattern, start, end)]
        text, out = self.text, []
        at = self._offset(start) - 1    # (as :meth:`matches`, without its match objects: most callers want lines)
        row = start - 1
        for m in pattern.finditer(text, at, self._offset(end) - 1):
            row += text.count("\n", at, m.start() + 1)
            at = m.start() + 1
            if not out or out[-1] != row:
                out.append(row)
        return out

    def search(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> bool:
        """Whether ``pattern`` finds something on some line (of lines ``start`` … ``end - 1``)."""
        return next(self.matches(pattern, start, end), None) is not None

    def count(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> int:
        """How many times ``pattern`` finds something (matches apart from each other) in lines ``start`` … ``end - 1``."""
        start, end = max(start, 0), len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole:
            return sum(len(pattern.findall("\n" + line)) for line in self.lines[start:end])
        return len(pattern.findall(self.text, self._offset(start) - 1, self._offset(end) - 1)) if start < end else 0

    def holds(self, part: str, start: int = 0, end: int | None = None) -> bool:
        """Whether some line (of lines ``start`` … ``end - 1``) holds ``part`` (no line break in it)."""
        start, end = max(start, 0), len(self.lines) if end is None else min(end, len(self.lines))
        if not self._whole:
            return any(part in line for line in self.lines[start:end])
        return start < end and self.text.find(part, self._offset(start), self._offset(end) - 1) >= 0

    def _offset(self, line: int) -> int:
        """Where line ``line`` (0-based) starts in the text (one past the text's end for the line after the last)."""
        if line <= 0:
            return 1
        if line >= len(self.lines):
            return len(self.text) + 1   # (the whole text: no need to sum the lines up)
        if self._ends is None:
            self._ends = list(accumulate(map(len, self.lines)))
        return self._ends[line - 1] + line + 1          # (a line break before each line, and the lines before it)
