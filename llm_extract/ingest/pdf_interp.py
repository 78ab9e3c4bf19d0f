"""pdfminer's content-stream loop (``PDFPageInterpreter.execute``), with each operator looked up once.

For every operator of a page (a few thousand: ``Tf``, ``Tm``, ``TJ``, ``re``, ``f``, …)
pdfminer's interpreter decodes the operator's name, builds the name of its method with a
format and three replaces, looks the method up twice and reads its argument count from
its code object. :func:`install` replaces ``execute`` with pdfminer's own loop in which
that lookup is done once per operator per content stream and remembered; the content
streams run, the circular-reference guard, the arguments each operator takes and strict
mode are pdfminer's. Installed only on pdfminer
:data:`~llm_extract.ingest.pdf_tokens.PDFMINER_VERSION`; ``tests/test_pdf_interp.py``
checks every operator call on every fixture page against pdfminer's own loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from .pdf_tokens import PDFMINER_VERSION, _version

__all__ = ["install", "uninstall", "installed", "stock_interpreter", "fast_execute"]

_original: Any = None            # pdfminer's own PDFPageInterpreter.execute while the fast path is installed
_suspended = 0


def fast_execute() -> Any:
    """pdfminer's ``PDFPageInterpreter.execute`` with each operator's method looked up once per call."""
    from pdfminer import settings
    from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, log
    from pdfminer.pdftypes import stream_value
    from pdfminer.psexceptions import PSEOF
    from pdfminer.psparser import PSKeyword, keyword_name

    def operator(self: Any, obj: Any) -> tuple[str, Any, int]:
        name = keyword_name(obj)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if not hasattr(self, method):
            return name, None, 0
        func = getattr(self, method)
        return name, func, func.__code__.co_argcount - 1

    def execute(self: Any, streams: Sequence[object]) -> None:
        valid_streams = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = PDFContentParser(valid_streams)
        except PSEOF:
            return
        operators: dict[Any, tuple[str, Any, int]] = {}
        while True:
            try:
                (_, obj) = parser.nextobject()
            except PSEOF:
                break
            if isinstance(obj, PSKeyword):
                op = operators.get(obj)
                if op is None:
                    op = operators[obj] = operator(self, obj)
                name, func, nargs = op
                if func is not None:
                    if nargs:
                        args = self.pop(nargs)
                        if len(args) == nargs:
                            func(*args)
                    else:
                        func()
                elif settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {name!r}")
            else:
                self.push(obj)

    return execute


def installed() -> bool:
    return _original is not None


def install() -> bool:
    """Put the fast path in place (idempotent); False on another pdfminer release or inside
    :func:`stock_interpreter`."""
    global _original
    if _original is not None:
        return True
    if _suspended or _version() != PDFMINER_VERSION:
        return False
    from pdfminer.pdfinterp import PDFPageInterpreter
    _original = PDFPageInterpreter.execute
    PDFPageInterpreter.execute = fast_execute()                 # type: ignore[method-assign]
    return True


def uninstall() -> None:
    global _original
    if _original is None:
        return
    from pdfminer.pdfinterp import PDFPageInterpreter
    PDFPageInterpreter.execute = _original                      # type: ignore[method-assign]
    _original = None


@contextlib.contextmanager
def stock_interpreter() -> Iterator[None]:
    """pdfminer's own loop for the duration: :func:`install` does nothing until it ends."""
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
