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

from typing import Any

from .pdf_patch import Patch
from .pdf_tokens import PDFMINER_VERSION, _version

__all__ = ["PATCH", "install", "uninstall", "installed", "stock_objects", "fast_nextobject"]


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


def _targets() -> list[tuple[Any, str]]:
    from pdfminer.psparser import PSStackParser
    return [(PSStackParser, "nextobject")]


#: the switch (:mod:`.pdf_patch`): pdfminer's object builder, on pdfminer ``PDFMINER_VERSION`` only
PATCH = Patch(_targets, lambda original: fast_nextobject(), lambda: _version() == PDFMINER_VERSION)
installed, install, uninstall, stock_objects = PATCH.installed, PATCH.install, PATCH.uninstall, PATCH.stock
