"""OCR's specks: a scanned table's rules and the paper's dirt read as lone punctuation marks.

An OCR engine (tesseract, and the tools that wrap it into a Word file, a web page or hOCR) reads the rules of a
scanned table and the specks of the paper as punctuation: cells and lines that hold nothing but ``，``, ``.``,
``”``, ``、`` or ``_``, or glues such a speck to the text of a cell (``”信息内容``, ``'第二十条``: a closing quote or an
apostrophe opening a line). Nobody types such a cell, and no converter writes one; three of them show that the text
is an OCR engine's reading, which may have dropped or doubled a digit anywhere (``10`` read as ``0``) where no
identity can see it (表二). ``。`` alone is not counted: a paragraph's last ``。`` wraps onto a line of its own; nor
are a quotation's ``“`` and ``”`` each alone on a line, in that order (PyMuPDF's text of a born-digital PDF).

The vertical rules of a scanned table are read as ``|`` too, here and there among a row's cells (tesseract:
``行政事业性收费| 0 |``, ``57| 62 1 0 26 11 671``, ``规章 2 | 127``): a line holding a ``|`` beside a number
standing alone (a count, no digit of a date or a site's record number glued to words) counts as a speck, unless
it stands between pipes (a converter's table row: ``| 行政许可 | 12 |``) or the text is a Markdown table (a
``|---|`` rule under its header). A site's navigation (``首页 | 政务公开``) holds no such number.
"""

from __future__ import annotations

import re

__all__ = ["ocr_specks", "ocr_rules", "MIN_SPECKS"]

#: lines holding only OCR's specks, from which a text counts as OCR output
MIN_SPECKS = 3
_SPECK = re.compile(r"[_，、,.;；'\"“”‘’`~·•…]{1,3}")
#: a speck glued before a line's Chinese text: marks that close a quote, or OCR's dirt, never open a line
_LEADING_SPECK = re.compile(r"[”'_`’]+[\u4e00-\u9fff]")
#: a line whose text opens with a speck (after the whitespace str.strip takes, as ``\s`` is): the only lines a speck
#: can be, and the only ones with a quotation mark or a ``、`` alone
_CANDIDATE = re.compile(r"^[^\S\n]*[_，、,.;；'\"“”‘’`~·•…]", re.M)
#: a heading's item number, printed alone on its line when the heading is printed down a narrow column
_NUMERALS = frozenset("一二三四五六七八九十")
#: a line holding a table's rule read as ``|`` beside a count standing alone (1 to 6 digits, half- or full-width)
_RULE_BESIDE_COUNT = re.compile(r"\|[^\S\n]*[0-9０-９]{1,6}(?![^\s|])|(?<![^\s|])[0-9０-９]{1,6}[^\S\n]*\|")
#: Markdown's table rule under a header (``|---|:--:|``, ``| - | - |``, ``--|--``): a line of dashes, colons and
#: pipes only; the pipes of its table are a converter's
_MARKDOWN_RULE = re.compile(r"^(?=[^\n]*-)(?=[^\n]*\|)[ \t|:-]+$", re.M)
#: Markdown's emphasis around a line (mammoth's bold, ``__一、总体情况__``): a converter's marks, no specks
_EMPHASIS = re.compile(r"(_{1,2})[^_\s].*[^_\s]\1|(_{1,2})[^_\s]\2")


def ocr_specks(text: str) -> int:
    """How many lines (or cells, one per line) of ``text`` hold nothing but one to three specks, open with a speck
    glued to their Chinese text, or hold a table's rule read as ``|`` beside a count (:func:`ocr_rules`). A quotation's marks alone on their lines, ``“`` then ``”`` (PyMuPDF prints a
    quote set in another font as lines of its own, apart from the words between), are a PDF's, not specks; nor are
    Markdown's underscores around a line (``__二、主动公开政府信息情况__``: mammoth's bold), nor a ``、`` after a numeral
    alone on its line (``三`` / ``、`` / ``本`` / ``年`` …: a group's title printed down its column, a character to a
    line, which python-docx repeats in every row the merged cell spans)."""
    count, opened = 0, 0
    for m in _CANDIDATE.finditer(text):          # (the other lines can neither count nor open a quotation)
        end = text.find("\n", m.start())
        stripped = text[m.start():end if end >= 0 else len(text)].strip()
        if stripped == "、" and _line_before(text, m.start()) in _NUMERALS:
            pass                    # a title printed a character to a line: 三 / 、 / 本 / 年 …
        elif stripped == "“":
            opened += 1
        elif stripped == "”" and opened:
            opened -= 1
        elif _SPECK.fullmatch(stripped) or (_LEADING_SPECK.match(stripped) and not _EMPHASIS.fullmatch(stripped)):
            count += 1
    return count + opened + ocr_rules(text)     # (an opening mark no closing one follows is a speck too)


def ocr_rules(text: str) -> int:
    """How many lines of ``text`` hold a scanned table's rule read as ``|`` beside a count standing alone. A
    converter's pipes hold none: its rows each stand between pipes (trafilatura writes a page's tables so, with or
    without a rule under their header), and a Markdown table's rule (``|---|``) marks its text as a converter's; OCR
    reads a rule here and there, beside a row's cells."""
    if "|" not in text or _MARKDOWN_RULE.search(text):
        return 0
    count = 0
    for line in text.split("\n"):
        if "|" in line and _RULE_BESIDE_COUNT.search(line):
            stripped = line.strip()
            count += not (stripped.startswith("|") and stripped.endswith("|"))
    return count


def _line_before(text: str, start: int) -> str:
    """The line before the one that starts at ``start``, stripped ("" for the first line)."""
    if start == 0:
        return ""
    return text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip()
