"""Page furniture: a line that is a page's number or a browser print's header or footer, no line of the report.

``第 2 页 共 5 页``, ``— 3 —``, ``2/7``, ``Page 3``; Chromium's default print header (date, time and the page's title:
``12/7/26, 3:47 AM   XX局…报告``) and footer (the address and the page: ``file:///…/a.html   2/7``), also as pypdf
gives them: the address with the font's ``ﬁ`` ligature (``ﬁle:///…``) and one space between the 12-hour clock's AM/PM
and the title (a 24-hour clock still needs two: ``2023/1/5 10:00 召开…`` is a sentence).
"""

from __future__ import annotations

import re

__all__ = ["is_page_furniture"]

_PAGE = re.compile(r"^\s*(?:第\s*\d+\s*页\s*(?:[/,，]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|一\s*\d+\s*一|\d+\s*/\s*\d+|Page\s*\d+.*"
                   # a browser's print (Chromium's default): address and page at the foot (``file:///…/a.html   2/7``),
                   # date, time and title at the head (``12/7/26, 3:47 AM   XX局…报告``, ``2026/12/7 15:47 …``)
                   r"|(?:(?:fi|\ufb01)le|https?)://\S+\s+\d+\s*/\s*\d+"
                   r"|\d{1,4}/\d{1,2}/\d{1,4},?\s+(?:(?:[上下]午\s*)?\d{1,2}:\d{2}\s*[AP]M(?:\s+\S.*)?|(?:[上下]午\s*)?\d{1,2}:\d{2}(?:\s{2,}\S.*)?))"
                   r"\s*[_~.。、·]?\s*$", re.I)
_PAGE_HINTS = frozenset("页-—–/Pp一")


def is_page_furniture(line: str) -> bool:
    """Whether ``line`` is page furniture (tested first by its characters: most lines hold none of the hints)."""
    return not _PAGE_HINTS.isdisjoint(line) and bool(_PAGE.match(line))
