"""Lines of a text tool's dump that look like cells but are pieces of a label or a page footer.

``pdf2txt.py`` (pdfminer) and ``pdftotext`` without ``-layout`` print each text box of a ruled table
apart, one to a line, the labels' boxes among the numbers' in the tool's order. A label cut into boxes
may leave a piece alone on a line that reads like a cell:

* ``无`` of the group label （四）无法提供 wrapped in its narrow cell (``（四）`` / ``无`` / ``法提供``), printed
  among the group's row labels (``2.没有现成信息`` / ``无`` / ``三、本``): a placeholder, to a cell reader;
* the item number of ``3.危及“三安全一稳定”``, its quotation marks set in another font and so boxed
  apart (``3`` / ``”稳定``): a count, to a cell reader;
* a footer cut in two, ``第 4`` / ``页 共 6 页``: a count again.

A reader that takes the region's numbers as the table's cells, counting them exactly
(:mod:`.formorder`), is told by one of these that the table does not fit. These lines are
none of the table's cells: a piece of a label stands between two lines of words, a lone
number beside a quotation mark's piece, and a footer's head right above its tail.
"""

from __future__ import annotations

import re

from ..form import FORM
from .labels import strip_item_number
from .layout import label_key

__all__ = ["stray_box_lines"]

#: the group （四）无法提供 and its rows, from the form: its number ``(四)`` and the words of its title and labels
_GROUP4 = [r for r in FORM.table3_rows if r.key.startswith("unavailable_")]
_GROUP4_NUMBER = label_key(_GROUP4[0].group)[: -len(strip_item_number(label_key(_GROUP4[0].group)))]
_GROUP4_WORDS = [strip_item_number(label_key(t)) for t in (_GROUP4[0].group, *(r.label for r in _GROUP4))]
#: the one label printed with quotation marks (3.危及“三安全一稳定”), and its item number
_QUOTED = next(r.label for r in FORM.table3_rows if "“" in r.label)
_QUOTED_NUMBER = _QUOTED[: len(_QUOTED) - len(strip_item_number(_QUOTED))].rstrip(".、．")
_QUOTE_PIECE = re.compile(r"^[“”\"]")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_FOLIO_HEAD = re.compile(r"^第\s*\d{1,3}$")
_FOLIO_TAIL = re.compile(r"^页(\s*[/，,]?\s*共\s*\d{1,3}\s*页)?$")


def _group4_piece(text: str) -> bool:
    """Whether a token of ``text`` is a piece of （四）无法提供's title or of one of its rows' labels."""
    for token in text.split():
        key = label_key(token)
        core = strip_item_number(key).lstrip("、.．")
        if key.startswith(_GROUP4_NUMBER) or (len(core) >= 2 and any(core in words for words in _GROUP4_WORDS)):
            return True
    return False


def stray_box_lines(lines: list[str], start: int, end: int) -> set[int]:
    """The 1-based numbers of the lines strictly between ``start`` and ``end`` (1-based) that hold a
    piece of a label or of a page footer alone (see the module's docstring)."""
    filled = [(n, lines[n - 1].replace("\x0c", " ").strip()) for n in range(start + 1, min(end, len(lines) + 1))]
    filled = [(n, text) for n, text in filled if text]
    out: set[int] = set()
    for k, (n, text) in enumerate(filled):
        before = filled[k - 1][1] if k else ""
        after = filled[k + 1][1] if k + 1 < len(filled) else ""
        if text == "无":
            if _HANZI.search(before) and _HANZI.search(after) and (_group4_piece(before) or _group4_piece(after)):
                out.add(n)
        elif text.rstrip(".、．") == _QUOTED_NUMBER:
            if _QUOTE_PIECE.match(after) or (_QUOTE_PIECE.match(before) and len(before) <= 2):
                out.add(n)
        elif _FOLIO_HEAD.match(text) and _FOLIO_TAIL.match(after):
            out.add(n)
            out.add(filled[k + 1][0])
    return out
