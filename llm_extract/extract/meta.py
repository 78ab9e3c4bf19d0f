"""Agency and year from the report's title (among the first lines), e.g.

    向阳区2021年度政府信息公开工作报告
    红旗区人民政府 2021 年政府信息公开工作年度报告
    新乡市牧野区人民政府 / 2021年政府信息公开工作年度报告   (title over two lines)
    2021年XX市XX局政府信息公开工作年度报告                  (year first)
    XX局二〇二一年度政府信息公开工作年度报告                 (the year in Chinese numerals)
    XX镇政府信息公开工作年度报告（2023年度）                  (the year in brackets after the title)
    XX局关于2023年度政府信息公开工作的报告                    (…工作的报告, …工作情况的报告)
    XX县2023年度县直部门政府信息公开工作年度报告汇编 / XX局2023年…报告   (a compilation's title is not the
                                                           report's: the report's own title below it is)
    来源：XX局 发布时间：2022-03-12 浏览次数：4659 XX局政府信息公开工作年度报告 本报告…
                                                           (a crawler's dump: site chrome before, text after)

The title is the first of those lines (or two or three lines run together) holding
``…信息公开工作…报告``; the agency is the Chinese name right before the year (or right after a
leading year), without the labels and numbers of the chrome (:func:`agency_name`). A title
without a year takes the year from the report's statistics period (本报告中所列数据的统计期限自2021年
1月1日起…), never from a publication date.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator

from ..bodies import BODY_SUFFIX, garbled_name
from ..corrections import CORRECTED, CORRECTED_NOTE
from ..evidence import CellKind, Reading
from ..ingest.md_rule import MD_RULE
from .cells import normalise
from .titleyear import years_put_back

__all__ = ["read_meta", "agency_name", "corrected_mark"]

_HEAD_LINES = 30                 # the title is among the first non-empty lines (a page's chrome may take 20)
_SCRAP = 2                       # a line this short (after normalising) does not count among them
_PERIOD_LINES = 60               # the statistics period is stated near the top
_YEAR = r"(?:20\d{2}|二[〇零○Oo]二[〇零○Oo一二三四五六七八九])"
#: the title's tail: (year) (年度) …信息公开(工作)(的)(年度)报告 (XX局关于2024年政府信息公开工作的年度报告)
#: …or the year in brackets after it: 政府信息公开工作年度报告（2023年度）, or in it: 政府信息公开工作2023年度报告;
#: 年报 for 年度报告
_TITLE = re.compile(rf"(?:(?P<year>{_YEAR})年度?)?(?:本级)?(?:政府信息公开|政务公开|信息公开)(?:工作)?"
                    rf"(?:(?P<mid>{_YEAR})年度?)?的?(?:年度)?(?:工作)?(?:情况)?的?(?:报告|年报)"
                    rf"(?:[(（]\s*(?P<tail>{_YEAR})\s*年度?\s*[)）])?")
#: the words every :data:`_TITLE` holds (公开…报告), found fast (no optional part before them): lines without them are
#: no title's
_TITLE_CORE = re.compile(rf"公开(?:工作)?(?:{_YEAR}年度?)?的?(?:年度)?(?:工作)?(?:情况)?的?(?:报告|年报)")
_LEADING_YEAR = re.compile(rf"(?P<year>{_YEAR})年度?(?P<agency>.*)$")
_PERIOD = re.compile(rf"统计(?:期限|时限|时间|区间|周期)[^0-9二]{{0,6}}(?P<year>{_YEAR})年")
_DIGITS = str.maketrans("〇零○Oo一二三四五六七八九", "00000123456789")
_JUNK = re.compile(r"^[\s\[\]【】《》<>\-—_*#·•~～]+|[\s\[\]【】《》<>\-—_*#·•,，:：~～]+$")
#: a breadcrumb's separator (首页>>信息公开>>政府信息公开年度报告): what stands before it is a section's name
_BREADCRUMB = re.compile(r"(?:>|＞|»|›)\s*$")
#: a crawler's metadata label before the title (标题: / 题名： / 文章标题| / 首页>政务公开>)
_META_LABEL = re.compile(r"^.*[:：|｜>》]")
#: the issuing body's name is Chinese words (with bracketed parts: 中国（上海）自由贸易试验区)
_NAME = re.compile(r"[\u4e00-\u9fff（）()]+$")
#: a compilation's title (…年度报告汇编): the reports it gathers each have their own title below it
_COMPILATION = ("汇编", "合集", "汇总", "选编")
#: the title after a sentence, or the form cited (《…政府信息公开工作年度报告格式》), or after a work cited (本报告根据
#: 《条例》和国务院办公厅…办公室关于政府信息公开工作年度报告的有关要求编制): not this report's title
_CITED = re.compile(r"[。，；,;]|《[^》]*》")
#: how the name of a government body ends (a name on its own line above a title that has none)
_BODY = BODY_SUFFIX
#: markdown's heading and bold marks (``# 绵阳市人民政府2024年`` / ``**政府信息公开工作年度报告**``: a title over two
#: lines a converter marked up; mammoth writes bold as ``__…__``)
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+|\*\*|^\s*__(?=\S)|(?<=\S)__\s*$")
#: a Markdown line that is only a link or a picture (a menu item), or a table's rule line
_MD_CHROME = re.compile(r"^\s*(?:[*+-]\s+)?!?\[[^\]]*\]\([^)]*\)\s*$")
#: an item of a bulleted list (a site's menu as a converter writes it: ``- 走进XX市`` / ``- 信息公开年报``): items are no
#: pieces of one title wrapped over lines, and an item is no agency's name above a title
_LIST_ITEM = re.compile(r"^[-*+•·]\s")
_SPACE_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])")
#: a line of text a PDF-to-Markdown converter took for a table row (markitdown of a LibreOffice PDF: the title's words
#: spaced over the page's width, ``| 双桥区卫生健康委员会 |     |     | 2023 年政府信息公开工作 |     |     |`` / ``年度报告``)
_MD_ROW = re.compile(r"^\s*\|(?P<fields>.*)\|\s*$")


def _md_row_words(line: str) -> str:
    """A Markdown row's fields as the words of one line (its empty fields dropped); any other line as it is."""
    m = _MD_ROW.match(line)
    if not m:
        return line
    return " ".join(f.strip() for f in m.group("fields").split("|") if f.strip())


#: a notice forwarding or issuing the report (``临朐县人民政府办公室关于转发临朐县教育局2021年…年度报告的通知``): the
#: agency is the body whose report it forwards
_FORWARDED = re.compile(r"^.*?关于(?:转发|印发)《?(?=[^\d《])")


#: a body's notice publishing its own report (``XX局关于公布2023年…年度报告的公告``): the words after its name
_NOTICE_TAIL = re.compile(r"关于(?:公布|发布|印发|公开|报送|上报|转发)?$")


#: a page's number printed before the title on its line (``第1页平源县岗山镇人民政府``, ``第 1 页 共 5 页``)
_PAGE_MARK = re.compile(r"^.*?第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?")


#: the rest of a date the name's run starts with, right after its digits (``2022年发布北山区人民政府``: 年发布 is the
#: publication date's, ``2022年12月日照市``: 月): a name's own first character (日照市) is never taken off
_DATE_REST = re.compile(r"^(?:年度?|月份?|日|号)(?:(?:发布|印发|公布|编制)的?)?")


def agency_name(text: str) -> str:
    """The issuing body's name only: no metadata label, page number or punctuation before it.

    ``标题:向阳区`` → ``向阳区``; ``1-洪泽区人民政府`` → ``洪泽区人民政府``; ``XX县人民政府办公室关于转发XX县教育局`` →
    ``XX县教育局``; ``第1页平源县岗山镇人民政府`` → ``平源县岗山镇人民政府``.
    """
    text = _META_LABEL.sub("", _JUNK.sub("", text))
    text = _FORWARDED.sub("", text)     # XX办公室关于转发XX局…的通知: the report is the forwarded body's
    text = _PAGE_MARK.sub("", text)     # 第1页 (a page's header run into the title): no word of the name
    m = _NAME.search(text)
    if not m:
        return ""
    name = m.group(0)
    if m.start() > 0 and text[m.start() - 1].isdigit():
        name = _DATE_REST.sub("", name)
    return _NOTICE_TAIL.sub("", name.lstrip("（）()").removeprefix("关于"))


def _year(text: str) -> int:
    return int(text.translate(_DIGITS))


def _head(lines: list[str], rows_as_text: bool = False) -> Iterator[tuple[int, str]]:
    """The first non-empty lines, normalised, spaces inside names and numbers closed up; a site's menu and
    pictures as a converter writes them (``* [首页](/index.html)``, ``![logo](/logo.png)``) and a Markdown
    table's rule line are no lines of the page's head. Read as they are asked for (most titles are the first line:
    the lines after them are never read). ``rows_as_text``: a Markdown row's fields as one line's words."""
    count = 0
    for n, line in enumerate(lines, start=1):
        if _MD_CHROME.match(line) or MD_RULE.match(line):
            continue
        text = normalise(line)
        if rows_as_text:
            text = _md_row_words(text)
        text = text.replace("\t", " ")
        if "#" in text or "*" in text or "_" in text:      # (the only characters a heading's or bold mark holds)
            text = _MD_HEADING.sub("", text)
        text = _SPACE_IN_NAME.sub("", text)
        if text:
            yield n, text
            count += len(text) > _SCRAP     # (a calendar's days and weekdays, a cell per line: no line of the head)
            if count >= _HEAD_LINES:
                return


#: how far before its 公开 a :data:`_TITLE` match starts at most: a year, 年度, 本级, 政府信息
_BEFORE_CORE = 12


def _title_matches(text: str, pos: int) -> Iterator[re.Match[str]]:
    """``_TITLE.finditer(text, pos)``, its search started near each :data:`_TITLE_CORE` (a long line's every
    character is no place to try the title's optional year first). Every match holds a core match, its 公开 two to
    twelve characters after the match's start: none starts earlier than the first core found 12 characters back."""
    while (core := _TITLE_CORE.search(text, pos + 2)) is not None \
            and (m := _TITLE.search(text, max(pos, core.start() - _BEFORE_CORE))) is not None:
        yield m
        pos = m.end()


def _titles(head: list[tuple[int, str]],
            more: Iterator[tuple[int, str]]) -> Iterator[tuple[str, list[int], re.Match[str]]]:
    """Title candidates in order: where ``…信息公开工作报告`` ends on a line (on that line alone, or wrapped
    from the one or two lines above); the text, its line numbers and the match. ``head`` is the head's lines read so
    far, ``more`` the rest (each line read onto ``head`` when the candidates reach it)."""
    j = 0
    while True:
        if j == len(head):
            line = next(more, None)
            if line is None:
                return
            head.append(line)
        if not _TITLE_CORE.search("".join([t for _, t in head[max(j - 2, 0):j + 1]])):
            j += 1                          # (no title's words in line j and the two above: no title ends on it)
            continue
        for k in (3, 2, 1):                 # wrapped from the lines above first: "XX局2021年" / "政府信息公开工作…"
            if j - k + 1 < 0:
                continue
            part = head[j - k + 1:j + 1]
            if k > 1 and any(_LIST_ITEM.match(t) for _, t in part):
                continue
            text = "".join(t for _, t in part)
            cut = len(text) - len(part[-1][1])              # where line j starts in the joined text
            found = False
            for m in _title_matches(text, 0 if k == 1 else max(0, cut - 40)):
                if (k == 1 or m.start() < cut < m.end()) and not _CITED.search(text[:m.start()]) \
                        and not text.startswith(("格式",) + _COMPILATION, m.end()):
                    yield text, [n for n, _ in part], m
                    found = True
                if k > 1 or _CITED.search(text[:m.end()]):
                    break           # (one line holding a whole page, a crawler's: its breadcrumb's 信息公开年报,
                    #                 then the title after the chrome, each a candidate, up to the text's first
                    #                 sentence)
            if found:
                break
        j += 1


def _agency_and_year(before: str, year: str | None) -> tuple[str, int | None]:
    """From the text before ``…信息公开工作报告`` and the year attached to it (if any)."""
    if year is not None:
        return agency_name(before), _year(year)
    m = _LEADING_YEAR.search(before.rsplit(":", 1)[-1].rsplit("：", 1)[-1])
    if m and agency_name(m.group("agency")):                   # 2021年XX局政府信息公开工作年度报告
        return agency_name(m.group("agency")), _year(m.group("year"))
    return agency_name(before), None


def _period_year(lines: list[str]) -> tuple[int, int] | None:
    """The year of the statistics period stated near the top (among its first lines longer than :data:`_SCRAP`),
    and its line."""
    count = 0
    for n, line in enumerate(lines, start=1):
        if "统计" in line and (m := _PERIOD.search(_SPACE_IN_NAME.sub("", normalise(line)))):
            return _year(m.group("year")), n
        count += len(line.strip()) > _SCRAP
        if count >= _PERIOD_LINES:
            return None
    return None


def _from_title(head: list[tuple[int, str]], text: str, used: list[int],
                m: re.Match[str]) -> tuple[str, int | None, str, list[int]]:
    """Agency, year, raw text and lines of one title candidate."""
    raw = text[:m.end()]
    if _BREADCRUMB.search(raw[:m.start()]):      # a page's path ends in the report's name: no title of it
        return "", None, raw, used
    agency, year = _agency_and_year(raw[:m.start()], m.group("year") or m.group("mid") or m.group("tail"))
    if not agency:                           # the agency on a line of its own above the title (after its year:
        above = [(n, t) for n, t in head if n < used[0]][-1:]     # 2024年XX区人民政府 / 政府信息公开工作年度报告)
        lead = _LEADING_YEAR.match(above[0][1]) if above else None
        named = lead.group("agency") if lead else above[0][1] if above else ""
        name = agency_name(named) if named else ""
        if name and len(name) <= 40 and _BODY.search(name) and not _LIST_ITEM.match(above[0][1]) \
                and name == _META_LABEL.sub("", _JUNK.sub("", named)).strip():     # a name and nothing else
            agency, raw, used = name, above[0][1] + raw, [above[0][0]] + used
            if year is None and lead:
                year = _year(lead.group("year"))
    return agency, year, raw, used


#: a heading under the title, not the report's text (（更正版）, 更正说明, 2024年5月修订)
_HEADING = 30


def corrected_mark(lines: list[str], used: list[int], agency: str) -> str | None:
    """The words of the title's line (past its agency's name) or of a short heading right under it that mark
    the report as corrected (更正版, 修订后), or None."""
    if not used:
        return None
    last = used[-1]
    title = lines[last - 1]
    if CORRECTED.search(title.replace(agency, " ") if agency else title):
        return title.strip()[:80]
    below = [t.strip() for t in lines[last:last + 4] if t.strip()][:2]
    return next((t for t in below if len(t) <= _HEADING and CORRECTED.search(t)), None)


Found = tuple[str, list[int], re.Match[str]]
Candidate = tuple[str, int | None, str, list[int]]


def _shortest_on_line(head: list[tuple[int, str]], best: Candidate,
                      titles: Iterator[Found]) -> tuple[Candidate, Found | None]:
    """``best``, or a later title on its one line naming the same year and an agency ``best``'s name ends with: a
    crawler's page on one line prints the title twice, once after chrome run into the name (``主题分类： 政务公开
    青山县教育局2023年…``, spaces closed up), once after a bracket that parts it (``【字体：大 中 小】 青山县教育局…``);
    and the first title after that line, read from ``titles`` but not looked at (None if none was)."""
    if len(best[3]) != 1:
        return best, None
    for found in titles:
        if found[1] != best[3]:
            return best, found
        candidate = _from_title(head, *found)
        if candidate[1] == best[1] and candidate[0] and candidate[0] != best[0] and best[0].endswith(candidate[0]):
            best = candidate
    return best, None


def _other_years(best: Candidate, candidates: Iterable[Candidate]) -> set[int]:
    """The years the rest of the head's titles name for ``best``'s agency: a site's links to the body's reports of
    other years (``XX局2022年政府信息公开工作年度报告``) printed before the article's own title read like it, so a
    head naming the body with several years does not say which is the report's (the statistics period may). A
    title naming another body (``附：红旗区2020年…``) says nothing of this one's year."""
    out = set()
    for agency, year, _, _ in candidates:
        if year is not None and (agency == best[0] or (agency and best[0] and (agency in best[0] or best[0] in agency))) \
                and not (agency and garbled_name(agency)):
            out.add(year)
    return out


def read_meta(lines: list[str]) -> dict[str, Reading]:
    lines = years_put_back(lines)       # a browser's title, its year on a line of its own (titleyear.py)
    out = _read_meta(lines, rows_as_text=False)
    if any(r.kind == CellKind.MISSING for r in out.values()) \
            and any(_MD_ROW.match(line) for line in lines[:_HEAD_LINES]):
        # a title a PDF-to-Markdown converter wrote as a table row: read its fields as words, where the lines as
        # they are name no agency or no year (a crawler's ``| 标题 | XX局2023年…报告 |`` is read as it is first)
        flat = _read_meta(lines, rows_as_text=True)
        if sum(r.kind != CellKind.MISSING for r in flat.values()) > sum(r.kind != CellKind.MISSING for r in out.values()):
            out = flat
    return out


def _read_meta(lines: list[str], rows_as_text: bool) -> dict[str, Reading]:
    """Agency and year from the title of ``lines`` (and the statistics period)."""
    more = _head(lines, rows_as_text)
    head: list[tuple[int, str]] = []    # (the head's lines read as the titles ask for them)
    out: dict[str, Reading] = {}
    # the first title naming an agency and a year; else the first naming either (a breadcrumb "政府信息公开 >
    # 政府信息公开工作年度报告" names neither; a site's related link "2020年政府信息公开工作年度报告" above the
    # article's title names a year only), else the first title
    best = named = first = garbled = None
    years: set[int] = set()             # the years the head's titles name for the agency taken (_other_years)
    seen: list[Candidate] = []
    titles = _titles(head, more)
    for found in titles:
        candidate = _from_title(head, *found)
        first = first or candidate
        if candidate[0] and candidate[1] is not None and garbled_name(candidate[0]):
            garbled = garbled or candidate  # (a page header drawn over itself: the article's own title below)
            continue
        seen.append(candidate)
        if candidate[0] and candidate[1] is not None:
            best, after = _shortest_on_line(head, candidate, titles)
            rest = (_from_title(head, *found) for found in ([after] if after else []) + list(titles))
            years = _other_years(best, [*seen, *rest])
            break
        if named is None and (candidate[0] or candidate[1] is not None):
            named = candidate
    if best is None and named is not None and named[1] is not None:
        years = _other_years(named, seen)
    best = best or garbled or named or first
    if best is None:                    # no title: the head's first lines (every line of it read by now)
        raw, used = "".join(t for _, t in head[:3]), [n for n, _ in head[:3]]
    else:
        agency, year, raw, used = best
        if agency:
            mark = corrected_mark(lines, used, agency)
            out["agency"] = Reading(value=agency, kind=CellKind.TEXT, raw=raw, lines=used, method="title",
                                    note=f"{CORRECTED_NOTE}{mark}" if mark else None)
        if year is not None:
            out["year"] = Reading(value=year, kind=CellKind.NUMBER, raw=raw, lines=used, method="title")
    period = _period_year(lines)
    if "year" in out and len(years) > 1:        # titles of several years: the period's, else a person's to say
        title = out.pop("year")
        if period is None or period[0] not in years:
            out["year"] = Reading(kind=CellKind.MISSING, raw=title.raw, lines=title.lines, method="title",
                                  note="titles of several years in the page's head: "
                                       + ", ".join(str(y) for y in sorted(years))
                                       + (f"; the statistics period {period[0]}" if period else ""))
    if "year" not in out and period is not None:
        out["year"] = Reading(value=period[0], kind=CellKind.NUMBER, raw=lines[period[1] - 1].strip()[:200],
                              lines=[period[1]], method="statistics period")
    elif period is not None and out["year"].value not in (None, period[0]):      # which year? a person's to say
        title = out["year"]
        out["year"] = Reading(kind=CellKind.MISSING, raw=title.raw, lines=sorted({*title.lines, period[1]}),
                              method="title", note=f"the title says {title.value}, the statistics period {period[0]}")
    for key in ("agency", "year"):
        out.setdefault(key, Reading(kind=CellKind.MISSING, raw=raw, lines=used, method="title",
                                    note="not found in the title"))
    return out
