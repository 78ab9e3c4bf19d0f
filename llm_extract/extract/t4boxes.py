"""表四 in ``pdf2txt.py`` text: its fifteen numbers one box to a line, blank lines between the boxes.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line, so a run of 表四's numbers is
broken by blank lines that :mod:`.textblocks` reads as the end of a block. Here only text ends a run: from
表四's heading to section 五, the numbers printed after its column headers (the last header piece before
them) are one run. It is 表四's row when it is the only run after a header and holds exactly its fifteen
cells; numbers printed right after the heading, before any header (another table's cells a text tool put
there), are not 表四's. The reader's caller checks the group sums.
"""

from __future__ import annotations

import re

from ..form import FORM
from .blocktext import Number, heading_line, split_numbers
from .layout import is_page_furniture

__all__ = ["table4_boxes"]

_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
_SECTION_FIVE = re.compile(r"^\s*(?:五[、.．]|\(?五\)|存在的主要问题)")
_CELLS = len(FORM.table4_columns) * len(FORM.table4_groups)


def table4_boxes(lines: list[str]) -> list[Number]:
    """表四's fifteen numbers in printed order (see the module docstring), or ``[]``."""
    heading = heading_line(lines, _T4_HEADING, heading_line(lines, _T3_HEADING) or 0)
    if heading is None:
        return []
    end = heading_line(lines, _SECTION_FIVE, heading) or len(lines) + 1
    runs: list[list[Number]] = []
    headed = False                       # a header's text printed since the heading
    run: list[Number] | None = None
    for n in range(heading + 1, end):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, numbers = split_numbers(raw, n)
        if text:
            headed, run = True, None
        if numbers and headed:
            if run is None:
                run = []
                runs.append(run)
            run += numbers
    return runs[0] if len(runs) == 1 and len(runs[0]) == _CELLS else []
