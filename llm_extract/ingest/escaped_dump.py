"""A crawler database's text field dumped as it is stored: line breaks written as ``\\n`` escapes.

A scraper that stores an article's text as a JSON or SQL string, and a user who copies that field out
of the database, hand over a text whose line breaks are the two characters ``\\`` ``n`` (``\\r\\n``,
``\\t``, ``\\u3000``: a string literal's escapes), whose cells are joined by ``&nbsp;`` and whose
paragraphs keep the page's entities (``&#12288;``, ``&ldquo;``, a ``<br>`` escaped twice as
``&lt;br&gt;``). Read as it is, a whole table is one line and its rows run together.

:func:`is_escaped_dump` tells such a text by its escaped line breaks: at least :data:`MIN_BREAKS` of
them followed by something that starts a line (not an ASCII letter: ``D:\\new\\report`` is a path, not
two line breaks). Only then does :func:`unescape_dump` read the escapes, left to right, a ``\\\\``
being one backslash (so ``\\\\n`` is a backslash and an ``n``); a backslash before anything else
(``政务\\公开``) stays as it is. Its entities are read too, but ``&lt;``, ``&gt;`` and ``&amp;``: nothing
in it becomes markup; ``&lt;br&gt;`` (a line break escaped twice) is a line break. The tabs ending a
line that holds no other tab are padding before the line break, not a blank cell, and are dropped. A
text with fewer escaped line breaks is left as it is.
"""

from __future__ import annotations

import html
import re

__all__ = ["is_escaped_dump", "unescape_dump", "MIN_BREAKS"]

#: escaped line breaks a text must hold to be read as a dump
MIN_BREAKS = 5
# one escape of a string literal, a pair of backslashes first (``\\n`` is no line break)
_ESCAPE = re.compile(r"\\(\\|r\\n|[nrt\"/]|u[0-9a-fA-F]{4})")
_SIMPLE = {"\\": "\\", "r\\n": "\n", "n": "\n", "r": "\n", "t": "\t", '"': '"', "/": "/"}
# an escaped line break that starts a line: not followed by an ASCII letter (a path's ``\new``)
_BREAK = re.compile(r"\\(?:\\|r\\n(?![A-Za-z])|[nr](?![A-Za-z]))")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# a tab ending a line that has no other (a field's padding before its line break: it parts no cells)
_LONE_TAB = re.compile(r"(?m)^([^\t\n]*)\t+[ ]*$")
_ESCAPED_BR = re.compile(r"&lt;br\s*/?&gt;", re.I)
# an entity other than the three that would make markup of the text
_ENTITY = re.compile(r"&(?!(?:lt|gt|amp);)(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", re.I)


def _breaks(text: str) -> int:
    return sum(1 for m in _BREAK.finditer(text) if m.group(0) != "\\\\")


def is_escaped_dump(text: str) -> bool:
    """Does the text write its line breaks as string escapes (``\\n``, ``\\r\\n``)? See the module docstring."""
    return "\\" in text and _breaks(text) >= MIN_BREAKS


def _escape(match: re.Match[str]) -> str:
    code = match.group(1)
    return chr(int(code[1:], 16)) if code[0] == "u" else _SIMPLE[code]


def _entity(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def unescape_dump(text: str) -> str:
    """The dump's text: its escapes and entities read (see the module docstring)."""
    text = _ESCAPE.sub(_escape, text)
    if _SURROGATE.search(text):                  # an escaped pair (``\\ud83d\\ude00``) is one character
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = _ESCAPED_BR.sub("\n", text)
    text = _LONE_TAB.sub(r"\1", text)
    return _ENTITY.sub(_entity, text)
