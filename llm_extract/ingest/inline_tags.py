"""Inline HTML a converter kept in its markdown: a Word page's ``<span style=…>`` round every cell's text.

pandoc (GFM) keeps the phrasing markup it cannot write as markdown: a page exported from Word wraps every
piece of text in ``<span style="font-size:10.5pt;font-family:宋体;…">`` … ``</span>`` (and ``<o:p>``, ``<font>``,
``<b>``), inside pipe tables' cells and round headings, an opening tag's attributes sometimes broken over two
lines. Read as text, a cell is its markup: no label, no number. :func:`without_inline_tags` takes such tags
out, keeping the text between them; block markup (tables, ``<br>``, paragraphs) is left to the readers that
know it (embedded_html.py, stacked_rows.py). Only well-formed tags of phrasing elements are taken, so text
that mentions a tag's name (``<5 件``, ``a<b``) is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["without_inline_tags"]

#: phrasing elements Word's HTML wraps text in; an opening tag's attributes may run over lines
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|strong|i|em|u|o:p|a|sup|sub|small|big|ins|del)"
    r"""(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))?)*\s*/?>""", re.I)


def without_inline_tags(text: str) -> str:
    """``text`` without its phrasing elements' tags (see the module docstring)."""
    if "<" not in text:
        return text
    return _INLINE_TAG.sub("", text)
