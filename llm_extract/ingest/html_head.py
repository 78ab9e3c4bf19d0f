"""What a page says about itself outside the article's text: what it hides, its layout rules, and its title.

* **Hidden elements.** CMS pages keep a second copy of the article for print or for mobile,
  hidden (``style="display:none"``, the ``hidden`` attribute, or a class or id that the page's
  own CSS hides); Word's revision marks keep deleted text in ``<del>``. A reader sees none of
  it, and read as text it doubles the report or glues old digits to new ones. An element is
  hidden when its inline style says ``display:none`` or ``visibility:hidden``, when it has the
  ``hidden`` attribute, or when its class or id is named by a top-level rule of the page's
  ``<style>`` sheets that says so (``.print-copy {display: none}``, ``div#m {visibility:
  hidden}``). Rules inside ``@media`` apply to one medium only and are not followed; selectors
  other than a single class or id (with or without a tag name) are not followed either.
* **Layout.** :func:`class_rules` gives the same top-level rules of single classes and ids for any
  declaration (:mod:`.html_divs` reads which classes the sheets display as a table's elements or as
  flex rows).
* **The title.** Some pages print no title in the article: it is in ``<title>`` or in a
  ``<meta name="ArticleTitle">`` only. :func:`page_title` gives it.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["HiddenRules", "class_rules", "hidden_rules", "is_hidden", "keeps_place", "page_title"]

_PUNCTUATION = re.compile(r"[{};]")
_HIDES = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NO_BOX = re.compile(r"display\s*:\s*none", re.I)
_INVISIBLE = re.compile(r"visibility\s*:\s*hidden", re.I)
_SIMPLE = re.compile(r"^[a-z][a-z0-9]*?([.#])([-\w]+)$|^([.#])([-\w]+)$", re.I)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_META_TITLE = re.compile(r"""<meta\b[^>]*?\bname\s*=\s*["']?(?:ArticleTitle|title)["']?[^>]*>""", re.I)
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: ``<style`` and ``</style`` in any case (no character but these ASCII letters lower-cases to them)
_STYLE_START = re.compile(r"<[sS][tT][yY][lL][eE]")
_STYLE_END = re.compile(r"</[sS][tT][yY][lL][eE]")
_HEAD_CHARS = 200_000            # the title is looked for this far into the page
_SHEET_CHARS = 1_000_000         # CSS read, at most, of all style sheets together


@dataclass(frozen=True)
class HiddenRules:
    """Classes and ids the page's CSS hides."""

    classes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()


NO_RULES = HiddenRules()


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """``(selectors, declarations)`` of the sheet's rules outside any ``@`` block."""
    rules: list[tuple[str, str]] = []
    depth, start, selector, at_block = 0, 0, "", False
    for m in _PUNCTUATION.finditer(css):
        ch, i = m.group(), m.start()
        if ch == "{":
            if depth == 0:
                selector = css[start:i].strip()
                at_block = selector.startswith("@")
                start = i + 1
            depth += 1
        elif ch == "}":
            if depth:
                depth -= 1
                if depth == 0:
                    if not at_block:
                        rules.append((selector, css[start:i]))
                    start = i + 1
        elif depth == 0:                               # ";" after @import …, @charset …
            start = i + 1
    return rules


def _without_comments(css: str) -> str:
    """``css`` without its ``/* … */`` comments (an unclosed one runs to the end)."""
    parts: list[str] = []
    pos = 0
    while (start := css.find("/*", pos)) >= 0:
        parts.append(css[pos:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(parts)
        pos = end + 2
    parts.append(css[pos:])
    return "".join(parts)


@lru_cache(maxsize=4)
def _style_sheets(page: str) -> str:
    """The text of every ``<style>`` element, found with plain searches (an unclosed ``<style`` repeated
    through a hostile page costs one search, not one per occurrence). Cached: the hidden and the layout rules
    (:mod:`.html_divs`) of a page are both read from its sheets."""
    # the tags are found in any case where page.lower() finds them, without lower-casing a page of 100 KB: the
    # page's own positions are the lower-cased page's, but for İ (U+0130, the one character whose lower case is
    # two characters: then the lower-cased page is searched, as it always was)
    text = page.lower() if "\u0130" in page else page
    parts: list[str] = []
    pos, size = 0, 0
    while size < _SHEET_CHARS:
        start = _found(_STYLE_START, text, pos)
        if start < 0:
            break
        body = text.find(">", start)
        end = _found(_STYLE_END, text, body) if body >= 0 else -1
        if end < 0:
            break
        parts.append(page[body + 1:end])
        size += end - body
        pos = end + 7
    return "\n".join(parts)[:_SHEET_CHARS]


def _found(tag: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``tag`` is first found in ``text`` from ``pos`` on, -1 where it is not (as str.find)."""
    m = tag.search(text, pos)
    return m.start() if m else -1


def class_rules(page: str, says: re.Pattern[str]) -> Iterator[tuple[str, str, str]]:
    """``(kind, name, declarations)`` of each top-level rule of the page's ``<style>`` sheets whose
    declarations ``says`` finds, for each of its selectors that is a single class (kind ``.``) or id
    (``#``), with or without a tag name."""
    if "<style" not in page and "<STYLE" not in page:
        return
    sheets = _style_sheets(page)
    if not says.search(sheets):
        return
    for selectors, body in _top_level_rules(_without_comments(sheets)):
        if not says.search(body):
            continue
        for sel in selectors.split(","):
            m = _SIMPLE.match(sel.strip())
            if m:
                kind, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                yield kind, name, body


def hidden_rules(page: str) -> HiddenRules:
    """The classes and ids the page's own style sheets hide (see the module docstring)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for kind, name, _ in class_rules(page, _HIDES):
        (classes if kind == "." else ids).add(name)
    return HiddenRules(frozenset(classes), frozenset(ids)) if classes or ids else NO_RULES


def is_hidden(attrib: dict[str, str], rules: HiddenRules) -> bool:
    """Is an element with these attributes hidden from a reader of the page?"""
    if "hidden" in attrib:
        return True
    style = attrib.get("style")
    if style and _style_hides(style):
        return True
    if rules is NO_RULES:
        return False
    if rules.classes and (cls := attrib.get("class")) and not rules.classes.isdisjoint(cls.split()):
        return True
    return bool(rules.ids) and attrib.get("id") in rules.ids


def keeps_place(attrib: dict[str, str]) -> bool:
    """Is a hidden element still laid out, empty, where it stands? Its own style says ``visibility:hidden`` and not
    ``display:none`` (a table cell so hidden is a blank cell of its row; one taken out by a class rule or the
    ``hidden`` attribute is not known to be)."""
    style = attrib.get("style") or ""
    return "hidden" not in attrib and _INVISIBLE.search(style) is not None and _NO_BOX.search(style) is None


@lru_cache(maxsize=4096)
def _style_hides(style: str) -> bool:
    """Does an inline style hide its element? (cached: a page repeats a few styles on every element)"""
    return _HIDES.search(style) is not None


def page_title(page: str) -> str | None:
    """The page's title: its ``<meta name="ArticleTitle">`` (a CMS's article title), else its ``<title>``."""
    head = page[:_HEAD_CHARS]
    for m in _META_TITLE.finditer(head):
        content = _CONTENT.search(m.group(0))
        if content:
            text = " ".join(_html.unescape(content.group(1) or content.group(2) or "").split())
            if text:
                return text
    m = _TITLE.search(head)
    if m:
        text = " ".join(_html.unescape(re.sub(r"<[^>]*>", "", m.group(1))).split())
        return text or None
    return None
