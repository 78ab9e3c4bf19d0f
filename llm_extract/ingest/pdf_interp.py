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

from collections.abc import Sequence
from typing import Any

from .pdf_patch import Patch
from .pdf_tokens import PDFMINER_VERSION, _version

__all__ = ["PATCH", "install", "uninstall", "installed", "stock_interpreter", "fast_execute"]


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


def _targets() -> list[tuple[Any, str]]:
    from pdfminer.pdfinterp import PDFPageInterpreter
    return [(PDFPageInterpreter, "execute")]


#: the switch (:mod:`.pdf_patch`): pdfminer's content-stream loop, on pdfminer ``PDFMINER_VERSION`` only
PATCH = Patch(_targets, lambda original: fast_execute(), lambda: _version() == PDFMINER_VERSION)
installed, install, uninstall, stock_interpreter = PATCH.installed, PATCH.install, PATCH.uninstall, PATCH.stock
