"""A PDF page's text outside its ruled tables → lines, column gaps as tabs; page furniture found.

The text layer is read as the eye reads it: characters grouped into printed lines
(top to bottom; a run in another font a few points off the line's height, a title's
``2024`` beside its Chinese, stays in its line), each line's characters in reading order. Within a line a gap of
at least :data:`TAB_GAP` times the font size is a column gap and becomes a tab, so
a table printed without rules (the text-layer fallback) is a tab-separated row; a
smaller visible gap, or a space character, becomes one space. Each line keeps its words and where
they stand (:func:`words`), so that a table printed without rules can be read by position
(:mod:`.pdf_columns`).

Page furniture (running heads and feet, page numbers) is not report text: a line in the top
or bottom :data:`MARGIN_ZONE` of its page that is a page number (``- 3 -``, ``第 3 页 共 5 页``,
``3/5``), or that recurs on another page at the same height with only its digits changed (a running
head, a bare page number, a browser's print head and foot: the date and the page's title, its address
and the page count), is furniture; a row of several values never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .pdf_chained import unchain
from .pdf_offrow import join_offset_rows

__all__ = ["TextLine", "Word", "words", "page_text_lines", "mark_furniture", "TAB_GAP", "MARGIN_ZONE"]

TAB_GAP = 2.0            # a gap this many font sizes wide separates two columns
_SPACE_GAP = 0.25        # a gap this many font sizes wide separates two words
_SAME_LINE_OVERLAP = 0.5 # two pdfplumber lines whose heights overlap by half are one printed line
MARGIN_ZONE = 0.08       # the top and bottom 8 % of a page hold its running heads and feet (Word's margins: 8.5 %)
_FURNITURE_CHARS = 40    # a page number is short
_RUNNING_CHARS = 160     # a running head or foot may be a line long (a browser's: the date and the page's title, its
#                          address and the page count: ``12/6/26, 10:39 AM  …年度报告``, ``file:///…/report.html  2/3``)
_SAME_HEIGHT = 3.0       # points: a running head sits at the same height on every page
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页\s*(?:[/,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|"
    r"page\s*\d+(?:\s*of\s*\d+)?)\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_NUMBERS = re.compile(r"^[\d.,\s]+$")      # a row of values (a table printed without rules), not furniture
_VALUE = re.compile(r"^(?:[0-9０-９][0-9０-９,，.．]*|[—–\-－/／]+|无)$")   # a number or a placeholder


@dataclass(frozen=True)
class Word:
    """One printed word of a line: its text, its extent and the gap before it (``"\\t"`` a column gap);
    a value is a number or a placeholder (``—`` ``/`` ``无``)."""

    text: str
    x0: float
    x1: float
    size: float
    sep: str = ""

    @property
    def is_value(self) -> bool:
        return bool(_VALUE.match(self.text))


def words(chars: list[dict[str, Any]], spacing: float = 0.0) -> list[Word]:
    """The words of one line's characters, left to right (the gaps of :func:`_line_text`)."""
    out: list[Word] = []
    text, x0, x1, size, sep = "", 0.0, 0.0, 0.0, ""
    pending = False
    unique = list({id(ch): ch for ch in chars}.values())
    for ch in sorted(unique, key=lambda c: c["x0"]):
        if not ch["text"].strip():
            pending = bool(text)
            continue
        ch_size = max(float(ch.get("size") or 0), 1.0)
        if text:
            gap = float(ch["x0"]) - x1 - spacing
            big = max(size, ch_size)
            if gap >= TAB_GAP * big or pending or gap >= _SPACE_GAP * big:
                out.append(Word(text, x0, x1, size, sep))
                text, sep = "", "\t" if gap >= TAB_GAP * big else " "
        if not text:
            x0, size = float(ch["x0"]), ch_size
        text += ch["text"]
        x1, size, pending = float(ch["x1"]), max(size, ch_size), False
    if text:
        out.append(Word(text, x0, x1, size, sep))
    return out


@dataclass
class TextLine:
    """One printed line: its text (column gaps as tabs) and where it is on its page."""

    text: str
    page: int                # 1-based
    top: float
    bottom: float
    page_height: float
    furniture: bool = False
    words: list[Word] = field(default_factory=list, repr=False, compare=False)   # where its words stand

    @property
    def in_margin(self) -> bool:
        zone = MARGIN_ZONE * self.page_height
        middle = (self.top + self.bottom) / 2       # (a footer LibreOffice sets at 8.4 % reaches above 8 %)
        return middle <= zone or middle >= self.page_height - zone


def _line_text(chars: list[dict[str, Any]], spacing: float = 0.0) -> str:
    """The characters of one line, left to right, with tabs at column gaps and spaces between words; the
    page's letter-spacing (:mod:`.pdf_spacing`) is part of every glyph's advance, no gap."""
    out: list[str] = []
    prev: dict[str, Any] | None = None
    pending_space = False
    # pdfplumber lists a character once per letter of its text: a ligature glyph (one glyph for 政府 or 20)
    # would be read twice
    unique = list({id(ch): ch for ch in chars}.values())
    for ch in sorted(unique, key=lambda c: c["x0"]):
        text = ch["text"]
        if not text.strip():
            pending_space = prev is not None
            continue
        if prev is not None:
            size = max(float(prev.get("size") or 0), float(ch.get("size") or 0), 1.0)
            gap = float(ch["x0"]) - float(prev["x1"]) - spacing
            if gap >= TAB_GAP * size:
                out.append("\t")
            elif pending_space or gap >= _SPACE_GAP * size:
                out.append(" ")
        out.append(text)
        prev, pending_space = ch, False
    return "".join(out)


def page_text_lines(page: Any, number: int, keep: Any = None, spacing: float = 0.0) -> list[TextLine]:
    """The printed lines of a pdfplumber ``page`` (1-based ``number``), top to bottom.

    ``keep`` filters the page's characters (e.g. those outside its ruled tables); ``spacing`` is the
    page's letter-spacing (:func:`~.pdf_spacing.letter_spacing`).
    """
    view = page.filter(keep) if keep is not None else page
    lines: list[TextLine] = []
    for line in join_offset_rows(_side_by_side(unchain(view.extract_text_lines(return_chars=True, strip=True)))):
        text = _line_text(line["chars"], spacing).strip()
        if text:
            lines.append(TextLine(text, number, float(line["top"]), float(line["bottom"]), float(page.height),
                                  words=words(line["chars"], spacing)))
    return lines


def _side_by_side(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's lines, with a run set in another font on the same printed line put back into it.

    A title's ``2024`` in a Latin font beside Chinese in a CJK font stands a few points lower or higher
    (each font's own ascent), more than pdfplumber's tolerance at a title's size: it comes out as a line
    of its own (``…人民政府 年政府信息公开工作年`` / ``2024`` / ``度报告``). A line whose height mostly
    overlaps the line before it, and none of whose characters stands where one of that line's does,
    is part of it."""
    out: list[dict[str, Any]] = []
    for line in lines:
        if out and _same_printed_line(out[-1], line):
            prev = out[-1]
            out[-1] = dict(prev, chars=prev["chars"] + line["chars"], top=min(prev["top"], line["top"]),
                           bottom=max(prev["bottom"], line["bottom"]))
        else:
            out.append(line)
    return out


def _same_printed_line(a: dict[str, Any], b: dict[str, Any]) -> bool:
    overlap = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    if overlap < _SAME_LINE_OVERLAP * min(a["bottom"] - a["top"], b["bottom"] - b["top"]):
        return False
    spans = sorted((c["x0"], c["x1"]) for c in a["chars"] if c["text"].strip())
    return not any(_collides(spans, c["x0"], c["x1"]) for c in b["chars"] if c["text"].strip())


def _collides(spans: list[tuple[float, float]], x0: float, x1: float) -> bool:
    """Whether [x0, x1] overlaps (by more than a sliver) one of the sorted ``spans``."""
    slack = 0.2 * (x1 - x0)
    return any(s0 < x1 - slack and x0 + slack < s1 for s0, s1 in spans)


def _shape(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", " ", text.strip()))


def mark_furniture(lines: list[TextLine]) -> None:
    """Mark running heads, feet and page numbers (see the module docstring) as furniture, in place."""
    candidates = [ln for ln in lines if ln.in_margin and len(ln.text) <= _RUNNING_CHARS]
    by_shape: dict[str, list[TextLine]] = {}
    for ln in candidates:
        by_shape.setdefault(_shape(ln.text), []).append(ln)
    for ln in candidates:
        recurs = any(other.page != ln.page and abs(other.top - ln.top) <= _SAME_HEIGHT
                     for other in by_shape[_shape(ln.text)])
        if _NUMBERS.match(ln.text) and len(ln.text.split()) > 1:
            recurs = False
        ln.furniture = recurs or bool(_PAGE_NUMBER.match(ln.text))
