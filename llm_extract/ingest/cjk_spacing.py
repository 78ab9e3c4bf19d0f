"""OCR's spaces between Chinese characters, taken out of a text file before it is read.

OCR engines (and text laid out from scanned pages) often print a space between every two characters of
a line: ``三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况``, ``一、本 年 新 收 政 府 信 息 公 开 申 请 数 量   13 0 …``.
The form's headings and row labels are then not found: documents are refused, or 表三 is lost.

:func:`join_cjk_spacing` removes a *single* space between two Chinese characters (ideographs and CJK
punctuation such as ``、（）：``), in a text that shows the OCR pattern: runs of at least
``MIN_RUN`` single characters each followed by one space, at least ``MIN_RUNS`` times. Ordinary text
whose words are separated by spaces (``申请人情况 自然人 法人或其他组织``: a crawler joining cells with
a space) does not show that pattern and is left as it is. Wider gaps (two spaces and more: the column
gaps of a laid-out table) are never touched, and neither is any space next to a digit: ``1 0`` may be a
number split by OCR or two cells, and only the reader can tell; nor are the spaces of a row's empty cells
printed 无 each (``无 无 无 无 无 无 无``: cells, not the characters of a word).

Only text families (.txt, .md, crawler exports) are normalised so, by the pattern; HTML, Word and PDF text
is not OCR'd, except a PDF page whose text is an invisible OCR layer over a scan (:mod:`.pdf_ocr`): known
to be OCR, its lines lose those spaces whatever pattern they show (:func:`join_spaced_characters`).
"""

from __future__ import annotations

import re

from ..form import FORM

__all__ = ["join_cjk_spacing", "join_spaced_characters", "shows_ocr_spacing", "MIN_RUN", "MIN_RUNS"]

# ideographs (with extension A and compatibility ideographs), CJK punctuation, full-width punctuation
# (not the full-width digits U+FF10-FF19), Chinese quotation marks
_C = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\u2018\u2019\u201c\u201d"
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
MIN_RUN = 5            # characters in a spaced run: 收 到 和 处 理
MIN_RUNS = 2           # spaced runs in the text: a document's OCR pattern, not one spaced phrase
_RUN = re.compile(f"[{_IDEOGRAPH}](?: [{_IDEOGRAPH}]){{{MIN_RUN - 1},}}")
# every spaced run holds this (a literal space first: the regex engine skips to spaces, 500x faster than _RUN
# on a text with none, which is nearly every text)
_PROBE = re.compile(f" [{_IDEOGRAPH}] [{_IDEOGRAPH}] [{_IDEOGRAPH}] ")
_IDEOGRAPH_CHAR = re.compile(f"[{_IDEOGRAPH}]")
_SINGLE_SPACE = re.compile(f"(?<=[{_C}]) (?=[{_C}])")
#: the words a table prints in an empty cell, one character each: a row of them (``无 无 无 无 无``) is
#: cells, whose spaces stay even in a text taken for OCR'd (such rows alone may make a text look so: it
#: is then read with an OCR text's caution, its cells kept apart)
_EMPTY_RUN = re.compile(r"(?<!\S)[无空](?: [无空])+(?!\S)")
#: the characters of 表三's and 表四's headers: a header printed one character per line, its characters then
#: joined with spaces (``申 请 人 情 况``, ``自 商 科 社 法 其 总`` across 表三's columns, ``结 结 其 尚 总`` /
#: ``果 果 他 未 计`` across 表四's), is no OCR spacing
_HEADER_CHARS = frozenset("".join(c.label for c in FORM.table3_columns) + "".join(FORM.table3_header)
                          + "".join(c.label for c in FORM.table4_columns) + " ")


def shows_ocr_spacing(text: str) -> bool:
    """Does the text print spaces between its characters the way OCR does (``收 到 和 处 理``)?

    Not counted: a row of empty cells printed 无 each (``…国家秘密 无 无 无 无 无 无 无``), a run of 表三's
    or 表四's header characters only (its first and last character may end and start the words beside it), and a
    table row's cell (a line of ``|`` or tab-parted cells): a header printed one character per line becomes
    ``申 请 人 情 况`` when a crawler or a converter joins its lines (``| 本 列 数 据 的 勾 稽 |``); OCR spaces
    every line, and prints neither pipes nor tabs."""
    if not _PROBE.search(text):
        return False
    runs = 0
    masked = _EMPTY_RUN.sub(lambda m: "#" * len(m.group(0)), text)          # offsets kept
    for m in _RUN.finditer(masked):
        start = masked.rfind("\n", 0, m.start()) + 1
        end = masked.find("\n", m.end())
        line = masked[start:end if end >= 0 else len(masked)]
        if "|" in line or "\t" in line or set(_own_characters(masked, m)) <= _HEADER_CHARS:
            continue
        runs += 1
        if runs >= MIN_RUNS:
            return True
    return False


def _own_characters(text: str, m: re.Match[str]) -> str:
    """A spaced run without its first or last character where that ends a word printed whole (``行政诉讼 结 果
    维 持 … 总 计 未经复议直接起诉``: the run's 讼 and 未 are those words' own)."""
    run = m.group(0)
    if m.start() and _IDEOGRAPH_CHAR.match(text, m.start() - 1):
        run = run[2:]
    if _IDEOGRAPH_CHAR.match(text, m.end()):
        run = run[:-2]
    return run


def join_cjk_spacing(text: str) -> str:
    """The text with single spaces between two Chinese characters removed, when it shows OCR spacing."""
    if not shows_ocr_spacing(text):
        return text
    return join_spaced_characters(text)


def join_spaced_characters(text: str) -> str:
    """The text with single spaces between two Chinese characters removed (a row of empty cells printed
    无 each keeps its spaces)."""
    kept = [m.span() for m in _EMPTY_RUN.finditer(text)]
    if not kept:
        return _SINGLE_SPACE.sub("", text)
    out, at = [], 0
    for lo, hi in kept:                 # empty cells between spaces keep their spaces
        out += [_SINGLE_SPACE.sub("", text[at:lo]), text[lo:hi]]
        at = hi
    return "".join(out) + _SINGLE_SPACE.sub("", text[at:])
