"""A one-column Markdown table whose every row holds the table row's cells over line breaks.

pymupdf4llm, converting a browser's print of a web page whose table it does not find the rules of, may write the
table as one column, each row's cells one under the other in its one field::

    |信息内容<br>本年制发件数<br>本年废止件数<br>现行有效件数|
    |规章<br>2<br>0<br>12|
    |行政许可<br>0|

Read as one cell, ``规章2012`` is a label glued to a run of digits that could be cut many ways. :func:`split_onecolumn_rows`
writes such a row with a field per piece (``|规章|2|0|12|``) where its first piece is a row's words and every other
piece a number or an empty cell's mark, and a header row so where it opens with 信息内容 and every other piece is
words. Any other line, a paragraph a converter put in a one-field table among them, stays as it is.
"""

from __future__ import annotations

import re

__all__ = ["split_onecolumn_rows"]

_ONE_FIELD = re.compile(r"^\|(?P<field>[^|]*<br\s*/?>[^|]*)\|\s*$", re.I | re.M)
_BR = re.compile(r"<br\s*/?>", re.I)
_WORDS = re.compile(r"^[^\d０-９]*[\u4e00-\u9fff][^\d０-９]*$")
_CELL = re.compile(r"^(?:[\d０-９]+(?:[.,][\d０-９]+)*|[/／\-—–－]+|无)$")


def _split(m: re.Match[str]) -> str:
    pieces = [p.strip() for p in _BR.split(m.group("field"))]
    while pieces and not pieces[-1]:
        pieces.pop()
    if len(pieces) < 2 or not _WORDS.match(pieces[0]) or any(not p for p in pieces):
        return m.group(0)
    rest = pieces[1:]
    if all(_CELL.match(p) for p in rest) or \
            pieces[0].replace(" ", "").startswith("信息内容") and all(_WORDS.match(p) for p in rest):
        return "|" + "|".join(pieces) + "|"
    return m.group(0)


def split_onecolumn_rows(text: str) -> str:
    """``text`` with each one-field row holding a table row's cells over ``<br>`` written a field per cell."""
    if "<br" not in text and "<BR" not in text:
        return text
    return _ONE_FIELD.sub(_split, text)
