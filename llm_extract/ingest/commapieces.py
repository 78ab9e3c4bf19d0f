"""A count with thousands separators wrapped in its narrow cell: its pieces joined where its comma says it goes on.

A Word table whose number columns are narrow wraps ``1,408`` as ``1,40`` over ``8``; fixed-width text (``pdftotext
-layout``, pdfplumber's and pypdf's layout modes) prints the first pieces on a line of their own above the row's
label, the last ones among the row's one-line cells below it::

                                  1,40                                 1,57
                  （一）予以公开
                                   8      83   4     4     49     27    5

``1,40`` is no count: a thousands group has three digits. Where the first line below it that prints anything in
its place (no line with numbers between: ``1,12`` / ``一、本年新收… 118 5 7 …`` / ``4`` wraps round the row's own
line, which :mod:`llm_extract.extract.wrapdigits` reads) prints there one run of exactly the digits its last group
lacks (``8``), the two are one count: it is written in the lower piece's place (``1,408``, over the spaces its own
width takes, from where the upper piece starts or else ending where the lower one ends: the other cells keep their
places) and taken off the upper line; where each piece is alone on its line, one under the other (a cell to a line),
it is written on the upper line and the lower one left empty. Anything else (no such line within two, two runs in its place, a run of
another length, a cell of the lower line in the way, the digits it lacks one space after it on its own line:
``1,95 9``, a count a converter parted by a space, not wrapped) leaves both as printed: the row is then read, or not, as
before, and the identities check it.
"""

from __future__ import annotations

import re

__all__ = ["joined_comma_pieces"]

#: a count cut inside its last thousands group (``1,40``, ``12,3``), standing alone
_OPEN = re.compile(r"(?<![\d,.，])\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,.，])")
_RUN = re.compile(r"(?<![\d,.，])\d+(?![\d,.，])")
#: a space, then a run of the digits a piece lacks, right after it: the count goes on on its own line (``1,95 9``)
_GOES_ON = {k: re.compile(rf" \d{{{k}}}(?![\d,.，])") for k in (1, 2)}
#: how many lines below a first piece its last one may stand (the row's label may be printed between)
_REACH = 2


def _join(lines: list[str], n: int, piece: re.Match[str]) -> bool:
    """Join ``piece`` of line ``n`` with its last piece below, in place; whether it was."""
    lacking = 3 - len(piece.group().rsplit(",", 1)[1])
    if _GOES_ON[lacking].match(lines[n], piece.end()):
        return False                                    # its rest after a space on its own line: split, not wrapped
    for k in range(n + 1, min(n + 1 + _REACH, len(lines))):
        below = lines[k]
        if not below[piece.start() - 1:piece.end() + 1].strip():
            if _RUN.search(below):
                return False                            # a row's numbers between: the pieces wrap round its line
            continue                                    # nothing printed in its place: look further down
        runs = [r for r in _RUN.finditer(below) if piece.start() - 1 <= r.start() and r.end() <= piece.end() + 1]
        if len(runs) != 1 or len(runs[0].group()) != lacking:
            return False
        run = runs[0]
        whole = piece.group() + run.group()
        if k == n + 1 and lines[n].strip() == piece.group() and below.strip() == run.group():
            # a cell to a line (PyMuPDF's text): written on the upper piece's line, the cell's own, the lower line
            # left empty (an empty line under a row's last cells ends the row: 5,22 / 9 left one before 9)
            lines[n] = lines[n][:piece.start()] + whole + lines[n][piece.end():]
            lines[k] = ""
            return True
        for start in (min(piece.start(), run.start()), run.end() - len(whole)):   # (where the upper piece starts,
            span = range(start, start + len(whole))                                # else ending where the lower ends)
            padded = below.ljust(span.stop)
            if start < 0 or any(padded[i] != " " for i in span if not run.start() <= i < run.end()) \
                    or (span.stop < len(padded) and padded[span.stop] != " ") or (start and padded[start - 1] != " "):
                continue                                # (a cell of the lower line in the way)
            lines[k] = padded[:start] + whole + padded[span.stop:]
            lines[n] = lines[n][:piece.start()] + " " * len(piece.group()) + lines[n][piece.end():]
            return True
        return False
    return False


def joined_comma_pieces(text: str) -> str:
    """``text`` (fixed-width lines) with each count wrapped after a thousands comma joined with its last piece (see
    the module docstring); every line keeps its number. Before CSV rows are unfolded (:mod:`.csv_rows`): ``1,40 …
    1,57`` would read as one."""
    if "," not in text:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):    # (a joined line keeps its length: the places found on it stay valid)
        if "," not in line or "\t" in line:
            continue
        for piece in reversed(list(_OPEN.finditer(line))):     # (from the right: earlier places stay valid)
            _join(lines, n, piece)
    return "\n".join(lines)
