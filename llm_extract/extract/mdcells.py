"""A markdown table cell's text, as converters and models write it.

``md_cell`` takes out what is markup, not text: a line break (marker's ``<br>``) inside a wrapped label
(``7、属于行政<br>执法案卷`` is one label) and emphasis (``**5件**``, ``**1**件``, ``*（四）无法提供*``, ``__3__``: a
vision model's markdown of a scan) and code marks (```14```: a language model's). Numbers stacked in one cell
(``1<br>0``: two rows a converter fused) stay two numbers, never ``10``.
"""

from __future__ import annotations

import re

from ..ingest.stacked_rows import br_parts
from .cells import PLACEHOLDERS

__all__ = ["md_cell"]

#: a cell's text between line breaks that is a number
_NUMBER_PART = re.compile(r"[0-9０-９][0-9０-９,.]*")


#: markdown's emphasis around a whole cell (``**5件**``, ``*（四）无法提供*``, ``__3__``)
_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.*?)(?<=\S)\1$")


#: a code span (a model's markdown sets numbers as code: ```14```, ```0件```)
_CODE = re.compile(r"(`+)([^`]*?)\1")


def md_cell(field: str) -> str:
    """A markdown table cell's text: line breaks (:func:`_br_field`), emphasis and code marks taken out."""
    if "`" in field:
        field = _CODE.sub(lambda m: m.group(2).strip(), field)
    field = _br_field(field) if "<br" in field else field.strip()
    if "**" in field:
        field = field.replace("**", "").strip()       # bold, round the cell or a part of it (**1**件)
    if field[:1] in "*_" and (m := _EMPHASIS.match(field)):
        field = m.group(2).strip()
    return field


def _br_field(field: str) -> str:
    """A markdown cell holding line breaks: a label wrapped in its cell is one text (``7、属于行政<br>执法案卷``);
    numbers stacked in one cell (``1<br>0``: two rows a converter fused) stay two numbers, never ``10``, and
    placeholders two cells (``-<br>-``)."""
    parts = br_parts(field)
    if len(parts) > 1 and all(_NUMBER_PART.fullmatch(p) or p in PLACEHOLDERS for p in parts):
        return " ".join(parts)          # (so do placeholders: -<br>- are two empty cells, not one --)
    return "".join(parts)
