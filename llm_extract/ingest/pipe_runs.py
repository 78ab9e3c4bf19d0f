"""A table a crawler flattened onto one line, its cells parted by ``|``.

A scraper that takes a page's text with a separator (BeautifulSoup's ``get_text("|")``), or a pipeline
that joins a table's cells with ``|`` and then its rows with nothing or with spaces, leaves a whole table on
one line (表二 alone, with its rows glued, on a shorter one)::

    |||自然人|商业企业|…|其他|总计一、本年新收政府信息公开申请数量|||7|0|0|1|0|0|8二、上年结转…|||1|0|0|0|0|0|1…

Its pipes are no markdown row's (a markdown row stands on its own line, a few pipes long) and no OCR'd rule
(OCR keeps a table's rows on their lines): they only part cells. :func:`spaced_pipe_runs` writes each such
pipe as what it parts: where spaces part the rows, each row goes on a line of its own, its cells parted by tabs
(read as tab rows are); where nothing does, the pipe becomes a space and the line is read as the inline text it
is (headings and row labels found anywhere in the line, a row's numbers after its label); a blank cell's place is
left to the identities.
"""

from __future__ import annotations

import re

__all__ = ["spaced_pipe_runs"]

#: a line with more pipes than this holds several rows: 表四's fifteen cells in a markdown row have 16
_MIN_PIPES = 24
#: fewer pipes hold several rows where a row's last number runs into the next row's label (``0行政规范性文件``)
_MIN_GLUED_PIPES = 8
_GLUED_ROW = re.compile(r"\d+(?:\.\d+)?[\u4e00-\u9fff（(]")
#: the spaces a crawler leaves between two rows (not an empty cell's, between two pipes)
_ROW_GAP = re.compile(r"(?<=[^|\s])\s{2,}(?=[^|\s])|(?<=\|)\s{2,}(?=[^|\s])|(?<=[^|\s])\s{2,}(?=\|)")
#: a pipe with one space beside it: a markdown cell's padding, not a crawler's separator
_PADDED_PIPE = re.compile(r"(?<!\s) \||\| (?!\s)")
#: a markdown row of 表四 with a label column and a spacer or two stays under this
_MAX_MARKDOWN_PIPES = 40


def spaced_pipe_runs(text: str) -> str:
    """``text`` with each line holding a flattened table (see the module docstring) written as its rows, or inline."""
    if text.count("|") < _MIN_GLUED_PIPES:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _flattened(line):
            out.append(line)
            continue
        segments = _ROW_GAP.split(line)
        if len(segments) >= 3 and not _PADDED_PIPE.search(line):   # rows parted by spaces: tab rows
            out.extend(s.strip().replace("|", "\t") for s in segments)
        else:
            out.append(line.replace("|", " "))
    return "\n".join(out)


def _flattened(line: str) -> bool:
    """Several rows on one line: too many pipes for one row, rows glued (a number, then the next row's label), or
    rows parted by spaces, none of its pipes padded by a single space as a markdown cell's are."""
    pipes = line.count("|")
    if pipes < _MIN_GLUED_PIPES or _markdown_row(line):
        return False
    if pipes >= _MIN_PIPES or sum(1 for f in line.split("|") if _GLUED_ROW.match(f)) >= 2:
        return True
    segments = _ROW_GAP.split(line)
    return not _PADDED_PIPE.search(line) and len(segments) >= 3 and sum(1 for s in segments if "|" in s) >= 2


def _markdown_row(line: str) -> bool:
    """A wide markdown row: it opens and closes with a pipe, and is no longer than a row of 表四 with labels."""
    text = line.strip()
    return text.startswith("|") and text.endswith("|") and text.count("|") <= _MAX_MARKDOWN_PIPES
