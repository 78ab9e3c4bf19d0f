"""A Markdown table's rule line (the delimiter row under its header row): cells of dashes between pipes, with its
outer pipes or without, a colon at either end of a cell for its column's alignment.

GFM takes one dash a cell: ``|:-|-:|``, ``|:--|--:|`` (LLM-based PDF-to-markdown tools and some writers print them).
A cell of one or two dashes alone may also be a blank cell's mark in a row of cells (``| - | - |``), so a line of
such cells is a rule only where one of its cells shows an alignment colon (no blank cell is printed ``:-``); a line
without a colon is a rule where each cell holds three dashes or more.
"""

from __future__ import annotations

import re

__all__ = ["MD_RULE"]

#: (possessive quantifiers: linear on any line)
MD_RULE = re.compile(r"^(?:(?=[^:\n]*:)\s*+\|?\s*+:?-+:?\s*+(?:\|\s*+:?-+:?\s*+)*+"
                     r"|\s*+\|?\s*+:?-{3,}:?\s*+(?:\|\s*+:?-{3,}:?\s*+)*+)\|?\s*+$")
