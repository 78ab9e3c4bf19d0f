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

Tesseract's plain text shows three more marks (``tesseract page.png - -l chi_sim``), each counted as a speck: a
full-width opening parenthesis read as an angle or title bracket and closed by a parenthesis (``第二十条第 〈一) 项``,
``本年收费金额《单位: 万元)``: a typist's brackets pair up, ``《条例》``); a digit read as a Chinese character
standing alone among a row's numbers (``0 0 1 1 0 1 汪``, ``3 O O O 0 工 4``: a cell holds a number, or a mark
such as 无, never one other character; a date's 年, 月 and 日 are no cells); and a rule read as ``|`` after a space,
glued to the next cell's words (``三、本 | (一) 予以公开``, ``开 |密``: a converter writes ``信息内容| 本年制发件数``,
a site's navigation ``首页 | 政务公开``), or beside a speck standing alone (``末年制发伯数 。 | 。 本年庆目件数``).
"""

from __future__ import annotations

import re

from ..ocrglyphs import OCR_LETTERS

__all__ = ["ocr_specks", "ocr_rules", "misread_digit_rows", "MIN_SPECKS"]

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
#: a full-width opening parenthesis read as ``〈`` or ``《`` and closed by a parenthesis a few characters on
_MISREAD_BRACKET = re.compile(r"[〈《][^〈《》〉()（）\n]{1,12}[)）]")
#: a count standing alone among a line's tokens; a single Chinese character standing alone
_COUNT = re.compile(r"[0-9０-９]{1,6}")
_LONE_HAN = re.compile(r"[\u4e00-\u9fff]")
#: such a character standing alone between spaces (a token of its own, as ``str.split`` parts a line)
_LONE_HAN_TOKEN = re.compile(r"(?<!\S)[\u4e00-\u9fff](?!\S)")
_DIGIT_LETTERS = re.compile(rf"[{OCR_LETTERS}]{{1,3}}")
#: characters a row of numbers may hold standing alone: marks for an empty cell, units, a date's parts
_NO_GLYPH = frozenset("无空否是元件个项次人万年月日时号")
#: a rule read as ``|`` after a space, glued to the Chinese text after it; or a speck standing alone beside a rule
_RULE_BEFORE_TEXT = re.compile(r"(?<=[^\S\n])\|(?=[\u4e00-\u9fff])"
                               r"|(?<!\S)[，。、,.;；'\"“”‘’`~·•…_]{1,3}[^\S\n]*\||\|[^\S\n]*[，。、,.;；'\"“”‘’`~·•…_]{1,3}(?!\S)")
#: numbers on a line from which a character among them is a cell's digit misread
_ROW_NUMBERS = 4


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
    rules_before = sum(1 for line in text.split("\n") if "|" in line and _RULE_BEFORE_TEXT.search(line)) \
        if "|" in text else 0       # (every such rule is a |)
    return count + opened + ocr_rules(text) + len(_MISREAD_BRACKET.findall(text)) + misread_digit_rows(text) + rules_before
    # (an opening mark no closing one follows is a speck too)


def misread_digit_rows(text: str) -> int:
    """How many lines of ``text`` hold a row's numbers (four or more) with one or two Chinese characters standing
    alone after the second of them and no other word: a digit the OCR engine read as a character (``0 0 1 1 0 1
    汪``), or with them letters an engine prints for digits (``3 O O O 0 工 4``). A label's first characters before
    the numbers do not count (``3 危 0 0 0 …``: a cut label)."""
    count, done = 0, 0                            # (done: the end of the last line looked at)
    for m in _LONE_HAN_TOKEN.finditer(text):     # only a line holding such a character can count: the others are
        if m.start() < done:                     # not split into tokens (most texts' every line)
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        done = end if end >= 0 else len(text)
        tokens = text[start:done].split()
        counts = [k for k, t in enumerate(tokens) if _COUNT.fullmatch(t) or _DIGIT_LETTERS.fullmatch(t)]
        if len(counts) < _ROW_NUMBERS or sum(1 for t in tokens if _COUNT.fullmatch(t)) < 2:
            continue
        glyphs = [(k, t) for k, t in enumerate(tokens[counts[0]:], counts[0]) if k not in counts]
        count += 0 < len(glyphs) <= 2 and all(_LONE_HAN.fullmatch(t) and t not in _NO_GLYPH and k > counts[1]
                                              for k, t in glyphs)
    return count


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
