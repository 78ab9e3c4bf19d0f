"""A web page's site chrome: navigation, page headers and footers, breadcrumbs, search and share bars, side columns.

:mod:`.html` leaves out an element that is chrome by its tag (``<nav>``; ``<header>``, ``<footer>``, ``<aside>``
outside the article) or by its ``role``, ``class`` or ``id`` (``nav``, ``breadcrumb``, ``dqwz`` …, never where they
also name the article's own parts: ``article-header``, ``content-top``), unless what it held turns out to be the
article (a title, a paragraph, a report's table).

A side column is chrome too (``sidebar``, ``side``, ``aside``; a list of related articles: ``related``, ``xgwz``
相关文章, ``xglj`` 相关链接; a hot list ``rdph`` 热点排行; a calendar ``calendar``/``rili`` 日历): government sites
print it beside the article and often before it in the page's source, holding the titles of the same body's
reports of other years (``2022年政府信息公开工作年度报告``) and a month's days as a table of numbers, which would
otherwise be read as the report's title (its year) and push the article's own title out of the page's head.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["CHROME_TAGS", "is_chrome", "is_content"]

_CHROME_TOKENS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "subnav", "breadcrumb", "breadcrumbs",
                            "crumb", "crumbs", "position", "location", "dqwz", "head", "header", "topbar",
                            "footer", "foot", "bottom", "copyright", "sitemap", "search", "toolbar", "share",
                            "sidebar", "side", "aside", "related", "relate", "xgwz", "xglj", "rdph", "calendar",
                            "rili"})
# a class or id naming the article's own parts is never chrome (article-header, content-top)
_CONTENT_TOKENS = frozenset({"article", "content", "main", "detail", "details", "title", "text", "body", "post",
                             "news", "zw", "wz", "trs", "editor"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})   # chrome by their name alone (else by their attributes)
# chrome that holds a line this long (a paragraph) or this many table cells is content after all
_PARAGRAPH_CHARS = 100
_REPORT_CELLS = 20
#: words of the form's table labels: a report's table holds some (a calendar's or a price list's cells none)
_FORM_WORDS = re.compile(r"公开|申请|复议|诉讼|规章|规范性文件|许可|处罚|强制|收费|总计")


def is_chrome(tag: str, attrs: dict[str, str], in_article: bool) -> bool:
    """Is an element site chrome (navigation, a page header or footer, a breadcrumb): by its tag, role, class or id?"""
    if tag == "nav" or (tag in ("header", "footer", "aside") and not in_article):
        return True
    if not attrs:                                   # most tags: nothing to look at
        return False
    return _chrome_names(attrs.get("role", ""), attrs.get("class", ""), attrs.get("id", ""))


@lru_cache(maxsize=4096)
def _chrome_names(role: str, cls: str, id_: str) -> bool:
    """Does a role, class or id name site chrome? (cached: a page repeats the same few)"""
    if role.lower() in _CHROME_ROLES:
        return True
    tokens = set(re.split(r"[^a-z0-9]+", f"{cls} {id_}".lower()))
    return bool(tokens & _CHROME_TOKENS) and not tokens & _CONTENT_TOKENS


def is_content(lines: list[str], has_h1: bool) -> bool:
    """Lines of an element that looked like chrome, but hold the article (a title, a paragraph, a report table:
    many cells, some naming the form's rows; a calendar's days are no report's)."""
    cells = [line for line in lines if line.startswith("\t")]
    return has_h1 or (len(cells) >= _REPORT_CELLS and any(_FORM_WORDS.search(line) for line in cells)) \
        or any(len(line) > _PARAGRAPH_CHARS for line in lines)
