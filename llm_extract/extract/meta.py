"""Agency and year from the report's title (the first lines), e.g.

    向阳区2021年度政府信息公开工作报告
    红旗区人民政府 2021 年政府信息公开工作年度报告
    新乡市牧野区人民政府 / 2021年政府信息公开工作年度报告   (title over two lines)
    2021年XX市XX局政府信息公开工作年度报告                  (year first)
"""

from __future__ import annotations

import re

from ..evidence import CellKind, Reading
from .cells import normalise

__all__ = ["read_meta", "agency_name"]

_TITLE_MAX_LINES = 5
_AGENCY_FIRST = re.compile(
    r"^(?P<agency>.*?)(?:关于)?(?P<year>20\d{2})年度?(?:本级)?(?:政府信息公开|政务公开|信息公开)")
_YEAR_FIRST = re.compile(r"^(?P<year>20\d{2})年度?(?P<agency>.+?)(?:政府信息公开|政务公开|信息公开)")
_JUNK = re.compile(r"^[\s\[\]【】《》<>\-—_*#·•]+|[\s\[\]【】《》<>\-—_*#·•,，:：]+$")
#: a crawler's metadata label before the title (标题: / 题名： / 文章标题|)
_META_LABEL = re.compile(r"^.*[:：|｜]")
#: the issuing body's name is Chinese words (with bracketed parts: 中国（上海）自由贸易试验区)
_NAME = re.compile(r"[\u4e00-\u9fff（）()]+$")


def agency_name(text: str) -> str:
    """The issuing body's name only: no metadata label, page number or punctuation before it.

    ``标题:向阳区`` → ``向阳区``; ``1-洪泽区人民政府`` → ``洪泽区人民政府``.
    """
    text = _META_LABEL.sub("", _JUNK.sub("", text))
    m = _NAME.search(text)
    return m.group(0).lstrip("（）()") if m else ""


def _title(lines: list[str]) -> tuple[str, list[int]]:
    parts: list[str] = []
    used: list[int] = []
    for n, line in enumerate(lines, start=1):
        text = re.sub(r"\s+", "", normalise(line).replace("\t", ""))
        if not text:
            continue
        if len(text) > 60:
            end = text.find("报告", 0, 80)
            if end < 0:              # a paragraph, not a title
                break
            text = text[:end + 2]    # a crawler's dump: the title runs into the article
            parts.append(text)
            used.append(n)
            break
        parts.append(text)
        used.append(n)
        if "报告" in text or len(used) >= _TITLE_MAX_LINES:
            break
    return "".join(parts), used


def read_meta(lines: list[str]) -> dict[str, Reading]:
    title, used = _title(lines)
    out: dict[str, Reading] = {}
    m = _AGENCY_FIRST.match(title)
    if not (m and m.group("agency")):
        m = _YEAR_FIRST.match(title) or m
    if m:
        agency = agency_name(m.group("agency") or "")
        year = int(m.group("year"))
        if agency:
            out["agency"] = Reading(value=agency, kind=CellKind.TEXT, raw=title, lines=used, method="title")
        out["year"] = Reading(value=year, kind=CellKind.NUMBER, raw=title, lines=used, method="title")
    for key in ("agency", "year"):
        out.setdefault(key, Reading(kind=CellKind.MISSING, raw=title, lines=used, method="title",
                                    note="not found in the title"))
    return out
