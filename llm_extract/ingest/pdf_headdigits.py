"""A numbered header word whose number wrapped onto the line below (``数据`` / ``1``): joined back onto it.

Column headers are sometimes numbered rather than named (数据1 … 数据6, FORM.md); in a narrow column the
word breaks, its number alone on the line below, under it. Read as printed, that line of numbers (``1 3``)
is a row of the table, whose numbers run into the next row's. A line of numbers only, right under a line of
words only, is the header's when each number stands under one word of it that ends in no digit and that
line also prints the word followed by a number (``数据2`` beside ``数据`` / ``1``): each number is joined onto
its word, and the line of numbers is left empty. Anything else is left as printed.
"""

from __future__ import annotations

from dataclasses import replace

from .pdf_lines import TextLine, Word

__all__ = ["join_header_digits"]


def _numbered(stem: str, words: list[Word]) -> bool:
    """Whether ``words`` print ``stem`` followed by a number (数据2 for 数据)."""
    return any(w.text.startswith(stem) and w.text[len(stem):].isdigit() for w in words if len(w.text) > len(stem))


def _stems(line: TextLine, numbers: list[Word]) -> list[int] | None:
    """The index of the word of ``line`` each number stands under, or None (see the module docstring)."""
    out: list[int] = []
    for n in numbers:
        under = [k for k, w in enumerate(line.words) if w.x0 < n.x1 and n.x0 < w.x1]
        if len(under) != 1 or under[0] in out:
            return None
        stem = line.words[under[0]].text
        if stem[-1:].isdigit() or not _numbered(stem, line.words):
            return None
        out.append(under[0])
    return out


def join_header_digits(lines: list[TextLine]) -> None:
    """Join each numbered header word's wrapped number back onto it, in place (``lines``: one page's, top to
    bottom, without its furniture)."""
    for above, below in zip(lines, lines[1:]):
        if not above.words or not below.words or any(w.is_value for w in above.words):
            continue
        if not all(w.text.isdigit() for w in below.words) or below.top - above.bottom > above.bottom - above.top:
            continue
        stems = _stems(above, below.words)
        if stems is None:
            continue
        words = list(above.words)
        for k, n in zip(stems, below.words):
            words[k] = replace(words[k], text=words[k].text + n.text, x1=max(words[k].x1, n.x1))
        above.words = words
        above.text = "".join((w.sep if i else "") + w.text for i, w in enumerate(words))
        below.words, below.text = [], ""
