"""A text hard-wrapped at a fixed width: every line longer than it cut into pieces of that many characters.

A tool that stores or prints text at a fixed width (a terminal, a mail or a database viewer, ``fold``) cuts every
long line, a table's tab rows too, at the same number of characters: a row's last cells go on a line of their
own (``一、本年新收政府信息公开申请数量\\t\\t\\t\\t0\\t0\\t0\\t0\\t0\\t`` / ``6\\t\\t\\t``), a label's tail before its cells
(``（二）部分公开（区分处理的，只计这一情形，不`` / ``计其他情形）\\t\\t\\t\\t0\\t…``). Such a text shows the width: many
lines exactly that long, none longer, and tab rows among the cut ones. A line of exactly that width goes on, in the
original, on the next line (but an empty one): the two are joined back. A PDF's text, whose justified paragraph
lines are all equally long, holds no tab rows among them and is left as it is.
"""

from __future__ import annotations

__all__ = ["unwrapped_lines"]

#: at least this many lines of the width, and this share of the non-empty lines
_MIN_CUT = 8
_MIN_SHARE = 0.1
#: at least this many of them cut a tab row (a tab on the cut line or on its rest)
_MIN_ROWS_CUT = 3
#: a wider "width" is a text's longest line, not a tool's
_MAX_WIDTH = 160


def _width(lines: list[str]) -> int | None:
    """The width the text was cut at, where it shows (see the module docstring); else None."""
    if any(len(line) > _MAX_WIDTH and line.strip() for line in lines):
        return None                     # (most texts: a paragraph longer than any tool's width)
    filled = [len(line) for line in lines if line.strip()]
    if not filled:
        return None
    width = max(filled)
    cut = filled.count(width)
    if cut < _MIN_CUT or cut < _MIN_SHARE * len(filled):
        return None
    rows = sum(1 for i, line in enumerate(lines[:-1]) if len(line) == width and ("\t" in line or "\t" in lines[i + 1]))
    return width if rows >= _MIN_ROWS_CUT else None


def unwrapped_lines(text: str) -> str:
    """``text`` with the lines a fixed-width tool cut joined back (see the module docstring); else ``text``."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    width = _width(lines)
    if width is None:
        return text
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line.strip():
            out[-1] += line
        else:
            out.append(line)
        joining = len(line) == width
    return "\n".join(out)
