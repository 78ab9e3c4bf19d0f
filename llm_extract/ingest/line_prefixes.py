"""A report's text copied with what a viewer or a mail client put before every line.

* Line numbers: a file viewer, an editor, a code-review page or ``cat -n`` prints each line's number before it
  (``    12\\t一、本年新收…``, ``12: …``, ``  12 | …``); copied from there, the numbers come with the text and stand
  in the field before every row's label, the first of every table row's cells.
* Quote marks: a report forwarded or replied to in an e-mail carries ``> `` (``>> ``, ``> > ``) before every line.
* Indentation: text copied from an indented page or viewer starts its lines with spaces; before a line's first tab
  they are no cell's text (a cell's text comes after its tab), and they hide a one-cell-a-line export's empty cell
  (``      ⇥``, a tab alone: a blank cell) and its row's first field.

Both are taken out where every line carries them: line numbers only where they count the lines one by one (the
report's own figures never number every line in order), quote marks only where no line goes without one. The rest
of each line is kept as printed (its leading tabs are a table row's empty cells); spaces before a line's leading tab
are taken out where text follows it, and before a tab alone in a text whose lines are indented.
"""

from __future__ import annotations

import re

__all__ = ["without_line_prefixes"]

#: a line's number and the mark after it: a tab, a colon or a bar (spaced or not), or a space
_NUMBERED = re.compile(r"^[ \t]*(\d{1,6})(\t| ?[:|：｜] ?| |$)")
#: spaces (ASCII or ideographic) before a line's leading tab and its text; before a tab alone, too, in an indented
#: text (where lines of text start with spaces: elsewhere ``  ⇥`` is an empty line's trailing white space)
_INDENT_BEFORE_TAB = re.compile(r"^[ \u3000]+(?=\t+[^\s])", re.M)
_INDENT_BEFORE_TABS = re.compile(r"^[ \u3000]+(?=\t)", re.M)
_INDENTED_LINE = re.compile(r"^[ \u3000]+\t*[^\s]", re.M)
_TEXT_LINE = re.compile(r"^[ \t\u3000]*[^\s]", re.M)
#: the share of the lines holding text that start with spaces, in an indented text
_INDENTED = 0.3
#: an e-mail's quote marks before a line
_QUOTED = re.compile(r"^(?:> ?)+")
#: this many lines at least, so that a short text's few numbered lines are not taken for a viewer's
_MIN_LINES = 10
#: the share of adjacent numbered lines whose numbers count on by one
_COUNTING = 0.95


def _without_numbers(lines: list[str]) -> list[str] | None:
    """The lines without their numbers, where every non-empty line starts with one and one mark after it, the
    same mark on every line, and the numbers count the lines (each the one before plus one). ``None`` otherwise."""
    found = [_NUMBERED.match(line) for line in lines]
    if any(m is None for m, line in zip(found, lines) if line.strip()):
        return None
    marks = {m.group(2).strip() or m.group(2) for m in found if m is not None and m.group(2)}   # (a bare number:
    #                                                                   an empty line whose mark a copy trimmed)
    numbers = [int(m.group(1)) for m in found if m is not None]
    if len(marks) != 1 or len(numbers) < _MIN_LINES:
        return None
    counting = sum(b == a + 1 for a, b in zip(numbers, numbers[1:]))
    if counting < _COUNTING * (len(numbers) - 1):
        return None
    return [line[m.end():] if m is not None else line for m, line in zip(found, lines)]


def _without_quotes(lines: list[str]) -> list[str] | None:
    """The lines without an e-mail's quote marks, where every non-empty line starts with one."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < _MIN_LINES or not all(line.lstrip(" ").startswith(">") for line in filled):
        return None
    return [_QUOTED.sub("", line.lstrip(" ")) for line in lines]


def without_line_prefixes(text: str) -> str:
    """``text`` without the line numbers or the quote marks every line of it carries, nor the spaces before a
    line's leading tab (see the module docstring); ``text`` itself where there are none."""
    if text and text.lstrip(" \t")[:1] in "0123456789>":
        lines = text.split("\n")
        for strip in (_without_quotes, _without_numbers, _without_quotes):   # (numbers in quotes, or around them)
            if (stripped := strip(lines)) is not None:
                lines = stripped
        text = "\n".join(lines)
    if "\t" not in text or not _INDENT_BEFORE_TABS.search(text):
        return text                     # (no line's leading tab stands after spaces: nothing to take out)
    indented = len(_INDENTED_LINE.findall(text)) >= _INDENTED * len(_TEXT_LINE.findall(text))
    return (_INDENT_BEFORE_TABS if indented else _INDENT_BEFORE_TAB).sub("", text)
