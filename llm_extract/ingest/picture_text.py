"""pymupdf4llm's text of a page region it took for a picture: the region's lines on one line, parted by ``<br>``.

pymupdf4llm (≥ 0.2, with its layout analysis) writes the text it finds in a region it classed as a picture between
two HTML comments, every line of the region joined by a ``<br>``. A table's rows may land there (the last rows of a
LibreOffice PDF's 表三 at the foot of a page)::

    <!-- Start of picture text -->
    ）其 由逾期不补正、行<br>他处 政机关不再处理其<br>…<br>3.其他 15 0 0 0 0 0 15<br>（七）总计 200 0 0 0 5 0 205<br><!-- End of picture text -->

Read as one line, the labels and numbers of several rows run together. :func:`picture_lines` writes each piece on a
line of its own, as a text extractor prints the region, and drops the two comments (no text of the report).
"""

from __future__ import annotations

import re

__all__ = ["picture_lines"]

_START = "<!-- Start of picture text -->"
_BLOCK = re.compile(r"<!-- Start of picture text -->(?P<body>.*?)<!-- End of picture text -->", re.S)
_BR = re.compile(r"<br\s*/?>", re.I)


def _lines(m: re.Match[str]) -> str:
    pieces = (p.strip() for p in _BR.split(m.group("body").replace("\n", "<br>")))
    return "\n".join(p for p in pieces if p)


def picture_lines(text: str) -> str:
    """``text`` with each picture-text block of pymupdf4llm written one piece a line."""
    if _START not in text:
        return text
    return _BLOCK.sub(_lines, text)
