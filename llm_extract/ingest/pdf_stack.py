"""pdfminer's PostScript object builder (``PSStackParser.nextobject``), with a fast path.

Above the tokenizer (:mod:`.pdf_tokens`), pdfminer builds objects from tokens: arrays,
dictionaries, and in a page's content stream one object per operand or operator, each
passing through a stack, a flush, a result list and four debug-log calls. :func:`install`
replaces ``nextobject`` with the same algorithm without the debug-log calls, and in a
content stream (``PDFContentParser``, whose flush hands over the whole stack) an operand or
operator read outside any array or dictionary is returned at once: it is exactly the object
the stack would have handed over. Everything else (arrays, dictionaries, procedures, inline
images, the keywords a subclass handles, pdfminer's strict mode) follows pdfminer's code.

Installed only on pdfminer :data:`~llm_extract.ingest.pdf_tokens.PDFMINER_VERSION`;
``tests/test_pdf_stack.py`` checks every object read from every fixture PDF against pdfminer's own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .pdf_tokens import PDFMINER_VERSION, _version

__all__ = ["install", "uninstall", "installed", "stock_objects", "fast_nextobject"]

_original: Any = None            # pdfminer's own PSStackParser.nextobject while the fast path is installed
_suspended = 0


def fast_nextobject() -> Any:
    """pdfminer's ``PSStackParser.nextobject`` without its debug-log calls, content-stream operands
    and operators returned without the stack round trip."""
    from pdfminer import settings
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.psparser import log
    from pdfminer.psparser import (KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN, KEYWORD_DICT_END,
                                   KEYWORD_PROC_BEGIN, KEYWORD_PROC_END, PSException, PSKeyword, PSLiteral,
                                   PSSyntaxError, PSTypeError, literal_name)
    from pdfminer.utils import choplist

    content_flush = PDFContentParser.flush
    value_types = (int, float, bool, str, bytes, PSLiteral)
    structural = {KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN, KEYWORD_DICT_END,
                  KEYWORD_PROC_BEGIN, KEYWORD_PROC_END, PDFContentParser.KEYWORD_BI, PDFContentParser.KEYWORD_ID}

    def nextobject(self: Any) -> Any:
        content = type(self).flush is content_flush
        while not self.results:
            (pos, token) = self.nexttoken()
            if isinstance(token, value_types):
                if content and not self.context and not self.curstack:
                    return (pos, token)             # pushed, flushed, handed over: itself
                self.curstack.append((pos, token))
            elif token == KEYWORD_ARRAY_BEGIN:
                self.start_type(pos, "a")
            elif token == KEYWORD_ARRAY_END:
                try:
                    self.push(self.end_type("a"))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif token == KEYWORD_DICT_BEGIN:
                self.start_type(pos, "d")
            elif token == KEYWORD_DICT_END:
                try:
                    (pos, objs) = self.end_type("d")
                    if len(objs) % 2 != 0:
                        raise PSSyntaxError(f"Invalid dictionary construct: {objs!r}")
                    d = {literal_name(k): v for (k, v) in choplist(2, objs) if v is not None}
                    self.push((pos, d))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif token == KEYWORD_PROC_BEGIN:
                self.start_type(pos, "p")
            elif token == KEYWORD_PROC_END:
                try:
                    self.push(self.end_type("p"))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif isinstance(token, PSKeyword):
                if content and not self.context and not self.curstack and token not in structural:
                    return (pos, token)             # an operator: PDFContentParser pushes it, then flushes
                self.do_keyword(pos, token)
            else:
                log.error("unknown token: pos=%r, token=%r, stack=%r", pos, token, self.curstack)
                self.do_keyword(pos, token)
                raise PSException
            if self.context:
                continue
            self.flush()
        return self.results.pop(0)

    return nextobject


def installed() -> bool:
    return _original is not None


def install() -> bool:
    """Put the fast path in place (idempotent); False on another pdfminer release or inside
    :func:`stock_objects`."""
    global _original
    if _original is not None:
        return True
    if _suspended or _version() != PDFMINER_VERSION:
        return False
    from pdfminer.psparser import PSStackParser
    _original = PSStackParser.nextobject
    PSStackParser.nextobject = fast_nextobject()               # type: ignore[method-assign]
    return True


def uninstall() -> None:
    global _original
    if _original is None:
        return
    from pdfminer.psparser import PSStackParser
    PSStackParser.nextobject = _original                       # type: ignore[method-assign]
    _original = None


@contextlib.contextmanager
def stock_objects() -> Iterator[None]:
    """pdfminer's own object builder for the duration: :func:`install` does nothing until it ends."""
    global _suspended
    was = installed()
    uninstall()
    _suspended += 1
    try:
        yield
    finally:
        _suspended -= 1
        if was:
            install()
