"""pdfminer's PostScript tokenizer, with a fast path: the same tokens at a fraction of the cost.

Reading a PDF with pdfplumber is mostly pdfminer tokenizing PostScript: every page's
content stream (a few thousand operators per page), and every object the pages use
(font dictionaries with their width arrays and encodings, ToUnicode CMaps). pdfminer
tokenizes with a state machine that takes several Python calls per token. :func:`install`
puts a fast path in front of it (``PSBaseParser.nexttoken``): one compiled regular
expression reads a whole common token (a number, a name, an operator, a bracket, a
string without escapes, a hex string) straight from the parser's buffer and returns the
token the state machine would have returned, at the position it would have given it.
Anything else (a comment, an escape in a string or name, a token that runs to the end
of the buffer, a ``#`` or a stray byte) is left to pdfminer's own state machine, which
then also starts from exactly where the fast path stopped: what is read is unchanged
(only pdfminer's debug log line per token is not written for a token the fast path reads).

The fast path is installed only on the pdfminer release it was written against
(:data:`PDFMINER_VERSION`); on another release pdfminer runs as shipped.
``tests/test_pdf_tokens.py`` checks, token by token, that both give the same tokens.
"""

from __future__ import annotations

import re
from typing import Any

from .pdf_patch import Patch, release

__all__ = ["PATCH", "install", "uninstall", "installed", "stock_tokenizer", "fast_nexttoken", "PDFMINER_VERSION"]

PDFMINER_VERSION = "20260107"

# One token after optional whitespace. A token whose end is decided by the byte after it (a
# number, a name, an operator) matches only when that byte is in the buffer, so a token
# cut by the end of the buffer is left to the state machine, which reads on.
_END = rb"#/%\[\]()<>{}\s"                      # pdfminer's END_LITERAL and END_KEYWORD
_TOKEN = re.compile(
    rb"\s*(?:"
    rb"(?P<int>[-+]?[0-9]+)(?=[^.0-9])"
    rb"|(?P<float>[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+))(?=[^0-9])"
    rb"|/(?P<name>[^" + _END + rb"]*)(?=[/%\[\]()<>{}\s])"
    rb"|(?P<kw>[A-Za-z][^" + _END + rb"]*)(?=[" + _END + rb"])"
    rb"|\((?P<str>[^()\\]*)\)"
    rb"|(?P<hex><[0-9a-fA-F\s]*>)(?=[^>])"
    rb"|(?P<punct>[\[\]{}]|<<|>>)"
    rb")")


def _version() -> str:
    return release("pdfminer")


def fast_nexttoken(original: Any) -> Any:
    """A ``PSBaseParser.nexttoken`` that reads common tokens itself and leaves the rest to ``original``."""
    from pdfminer.psparser import HEX_PAIR, KWD, LIT, SPC, PSBaseParser

    parse_main = PSBaseParser._parse_main
    match = _TOKEN.match
    keywords: dict[bytes, Any] = {b"true": True, b"false": False}     # interned by KWD: remembered here
    names: dict[bytes, Any] = {}                                      # interned by LIT: remembered here

    def hex_byte(m: re.Match[bytes]) -> bytes:
        return bytes((int(m.group(0), 16),))

    def name(text: bytes) -> Any:
        try:
            literal = LIT(str(text, "utf-8"))
        except UnicodeDecodeError:
            literal = LIT(text)
        names[text] = literal
        return literal

    def keyword(text: bytes) -> Any:
        keywords[text] = token = KWD(text)
        return token

    def nexttoken(self: Any) -> tuple[int, Any]:
        if self._tokens or self.eof or self._parse1.__func__ is not parse_main:
            return original(self)
        m = match(self.buf, self.charpos)       # (None at the end of the buffer)
        if m is None:
            return original(self)
        kind = m.lastgroup
        text = m.group(kind)
        start = m.start(kind)
        token: Any
        if kind == "int":
            token = int(text)
        elif kind == "kw" or kind == "punct":
            token = keywords.get(text)
            if token is None:
                token = keyword(text)
        elif kind == "float":
            token = float(text)
        elif kind == "name":
            token = names.get(text)
            if token is None:
                token = name(text)
            start -= 1                           # at its "/"
        elif kind == "hex":
            token = HEX_PAIR.sub(hex_byte, SPC.sub(b"", text[1:-1]))
        else:                                    # a string
            token = text
            start -= 1                           # at its "("
        self.charpos = m.end()
        return (self.bufpos + start, token)

    return nexttoken


def _targets() -> list[tuple[Any, str]]:
    from pdfminer.psparser import PSBaseParser
    return [(PSBaseParser, "nexttoken")]


#: the switch (:mod:`.pdf_patch`): pdfminer's tokenizer, on pdfminer :data:`PDFMINER_VERSION` only
PATCH = Patch(_targets, fast_nexttoken, lambda: _version() == PDFMINER_VERSION)
installed, install, uninstall, stock_tokenizer = PATCH.installed, PATCH.install, PATCH.uninstall, PATCH.stock
