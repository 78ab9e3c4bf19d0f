"""Page furniture: a line that is a page's number or a browser print's header or footer, no line of the report.

``第 2 页 共 5 页``, ``— 3 —``, ``2/7``, ``Page 3``; Chromium's default print header (date, time and the page's title:
``12/7/26, 3:47 AM   XX局…报告``) and footer (the address and the page: ``file:///…/a.html   2/7``), also as pypdf
gives them: the address with the font's ``ﬁ`` ligature (``ﬁle:///…``) and one space between the 12-hour clock's AM/PM
and the title (a 24-hour clock still needs two: ``2023/1/5 10:00 召开…`` is a sentence).
"""

from __future__ import annotations

import re

__all__ = ["is_page_furniture", "header_fields_blanked"]

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


#: a browser print's date and time, a grid row's first field (``12/7/26, 6:04 AM``; cut: ``12/7/26, 6:00 A`` | ``M``)
_STAMP = re.compile(r"^\s*\d{1,4}/\d{1,2}/\d{1,4},?\s+(?:[上下]午\s*)?\d{1,2}:\d{2}(?:\s*[AP]M?)?\s*$", re.I)
_STAMP_REST = re.compile(r"^\s*[AP]?M\s*$", re.I)
#: the page's title (a report's: ``…政府信息公开工作年度报告``) as the header prints it
_TITLE_WORDS = ("信息公开", "报告")


def header_fields_blanked(fields: list[str]) -> list[str]:
    """A Markdown grid row's fields without a browser print's page header fused into them.

    pymupdf4llm, converting a Chromium print whose table goes on over a page, takes the next page's header (date and
    time at the left, the page's title centred) for the table's first row and writes it over that row's fields::

        |12/7/26, 6:04 AM|3.危及“三||江宁区|城市管理局2022年|政府信息公开工作年|度报告||

    The stamp's field (and the ``M`` of ``AM`` where a rule cut it) and the title's run of adjacent fields, the last
    ones holding text, naming 信息公开 or 报告, are made empty: what stays is the row's own (the label's first piece).
    Where the stamp stood on a line of its own, the title may ride under the row's numbers instead, a piece after
    a ``<br>`` in each of a run of adjacent fields (:func:`_title_under_numbers`)::

        ||3.危及<br>“三安全<br>⼀稳定”|0|0<br>⻄湖区卫⽣|0<br>健康委员会202|0<br>1年政府信息公开⼯|0<br>作年度报告|0|0|

    Any other row is returned as it is."""
    first = next((i for i, f in enumerate(fields) if f.strip()), None)
    if first is None:
        return fields
    if not _STAMP.match(fields[first]):
        return _title_under_numbers(fields)
    out = list(fields)
    out[first] = ""
    if first + 1 < len(out) and _STAMP_REST.match(out[first + 1]) and not fields[first].rstrip().upper().endswith("M"):
        out[first + 1] = ""
    last = max(i for i, f in enumerate(out + [""]) if f.strip() or i == 0)
    start = last
    while start - 1 > first and out[start - 1].strip():
        start -= 1
    title = "".join(f.strip() for f in out[start:last + 1])
    if not any(w in title for w in _TITLE_WORDS):
        return fields
    for i in range(start, last + 1):
        out[i] = ""
    return out


#: a field holding a number (or nothing), then a ``<br>`` and one more piece
_NUMBER_THEN_PIECE = re.compile(r"^\s*([\d０-９][\d０-９,.]*)?\s*<br\s*/?>([^<>]*)$")


def _title_under_numbers(fields: list[str]) -> list[str]:
    """The fields without the page's title written under their numbers: a run of two or more adjacent fields, each a
    number (or empty) then ``<br>`` and a piece of words, whose pieces run together name 信息公开 or 报告 (no 表三 cell
    prints words under its number). Each such field keeps its number; any other row is returned as it is."""
    out = list(fields)
    i = 0
    changed = False
    while i < len(fields):
        j = i
        while j < len(fields) and (m := _NUMBER_THEN_PIECE.match(fields[j])) and m.group(2).strip() \
                and not m.group(2).strip().isdigit():
            j += 1
        if j - i >= 2:
            pieces = [_NUMBER_THEN_PIECE.match(fields[k]) for k in range(i, j)]
            title = "".join(m.group(2).strip() for m in pieces if m)
            if any(w in title for w in _TITLE_WORDS):
                for k, m in zip(range(i, j), pieces):
                    out[k] = (m.group(1) or "") if m else out[k]
                changed = True
        i = max(j, i + 1)
    return out if changed else fields
