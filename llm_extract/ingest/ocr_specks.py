"""OCR's specks: a scanned table's rules and the paper's dirt read as lone punctuation marks.

An OCR engine (tesseract, and the tools that wrap it into a Word file, a web page or hOCR) reads the rules of a
scanned table and the specks of the paper as punctuation: cells and lines that hold nothing but ``，``, ``.``,
``”``, ``、`` or ``_``, or glues such a speck to the text of a cell (``”信息内容``, ``'第二十条``: a closing quote or an
apostrophe opening a line). Nobody types such a cell, and no converter writes one; three of them show that the text
is an OCR engine's reading, which may have dropped or doubled a digit anywhere (``10`` read as ``0``) where no
identity can see it (表二). ``。`` alone is not counted: a paragraph's last ``。`` wraps onto a line of its own; nor
are a quotation's ``“`` and ``”`` each alone on a line, in that order (PyMuPDF's text of a born-digital PDF).
"""

from __future__ import annotations

import re

__all__ = ["ocr_specks", "MIN_SPECKS"]

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
#: Markdown's emphasis around a line (mammoth's bold, ``__一、总体情况__``): a converter's marks, no specks
_EMPHASIS = re.compile(r"(_{1,2})[^_\s].*[^_\s]\1|(_{1,2})[^_\s]\2")


def ocr_specks(text: str) -> int:
    """How many lines (or cells, one per line) of ``text`` hold nothing but one to three specks, or open with a speck
    glued to their Chinese text. A quotation's marks alone on their lines, ``“`` then ``”`` (PyMuPDF prints a
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
    return count + opened           # (an opening mark no closing one follows is a speck too)


def _line_before(text: str, start: int) -> str:
    """The line before the one that starts at ``start``, stripped ("" for the first line)."""
    if start == 0:
        return ""
    return text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip()
