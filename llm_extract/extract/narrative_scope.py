"""Whose and when a narrative figure is: the time and the body its sentence names before it.

A sentence's clauses set the time it speaks of and the body that counted: ``2020年收到申请9件，办结9件`` is 2020's
办结 too, ``全区各部门共收到政府信息公开申请500件`` counts other bodies' applications, ``近三年…300件`` several years'.
The last time or body named before a figure is the figure's (:func:`said_of_others`). Not a time: a row's name
(上年结转), a comparison (较上年, 比去年同期), the year a carry goes to (结转至2023年); the report's own body (本局,
我委) or year (本年, the report's year) counts as the report's. Used by :mod:`.narrative` to leave such figures
unread: a figure skipped can miss a check, never add one.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["figure_scopes", "said_of_others"]

#: the bodies a sentence says counted: other ones (全区各部门共收到…500件, 区属各单位…) or the report's own (本局, 我委)
_BODY = re.compile(r"(?P<others>各(?:部门|单位|乡镇|街道|镇街|镇|区县|县区|县市区|委办局|成员单位)|(?<![本我])(?:区|市|县)属|下属)"
                   r"|(?P<own>本(?:机关|局|委|办|单位|部门|院|厅|府|级)|我(?:局|委|办|单位|机关|部门|府|院|厅))")
#: the times a sentence names: a year, this year, or another time (last year, several years, since a year)
_TIME = re.compile(r"(?<![至到])(?P<year>20\d\d)年(?!度?结转)|(?P<this>本年|今年)"
                   r"|(?P<other>(?<![较比与])(?:上一?年|去年)(?!度?结转)|(?<!年)同期|近[一二两三四五六七八九十\d]+年"
                   r"|[一二两三四五六七八九十\d]+年(?:来|间)|以来|历年)")


def figure_scopes(text: str, year: int | None) -> list[tuple[int, bool]]:
    """Where each time ``text`` names ends, and whether it is another time than the report's ``year``; and where
    each body it names as the one counting ends, and whether it is others (各部门 …), not the report's. Sorted."""
    out = []
    for t in _TIME.finditer(text):
        named = t.group("year")
        out.append((t.end(), bool(t.group("other")) or (named is not None and year is not None and int(named) != year)))
    out += [(b.end(), bool(b.group("others"))) for b in _BODY.finditer(text)]
    return sorted(out)


def said_of_others(scopes: list[tuple[int, bool]], at: int) -> bool:
    """Whether the last time or body named before position ``at`` (:func:`figure_scopes`) is another time (several
    years, last year) or other bodies."""
    last = bisect.bisect_right(scopes, (at, True)) - 1
    return last >= 0 and scopes[last][1]
