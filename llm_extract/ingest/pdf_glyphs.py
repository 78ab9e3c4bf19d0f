"""pdfminer's glyph-name decoding (``name2unicode``), remembered per name.

A font's encoding names its glyphs (``/g0 /g91CD …``, ``/uni6570``, ``/period``): pdfminer
decodes every name of every font's ``Differences`` array with ``name2unicode``, and a PDF
printed by Chromium has a hundred small fonts of a hundred glyphs each; most names are
not Adobe glyph names at all, and each failure raises, formats and logs an error.
:func:`install` remembers each name's answer (a character, or the error, raised anew
with the same type and message); the answer depends on the name only. Installed only on
pdfminer :data:`~llm_extract.ingest.pdf_tokens.PDFMINER_VERSION`; ``tests/test_pdf_glyphs.py``
compares both on glyph names of every kind.
"""

from __future__ import annotations

from typing import Any

from .pdf_patch import Patch
from .pdf_tokens import PDFMINER_VERSION, _version

__all__ = ["PATCH", "install", "uninstall", "installed", "stock_glyphs", "remembering"]

_MODULES = ("pdfminer.encodingdb", "pdfminer.pdffont", "pdfminer.cmapdb")   # each holds its own reference
_LIMIT = 1 << 16                 # names remembered at most (then forgotten and remembered anew)


def remembering(original: Any) -> Any:
    """``original`` (pdfminer's ``name2unicode``) with each str name's answer remembered."""
    answers: dict[str, tuple[bool, Any]] = {}

    def name2unicode(name: str) -> str:
        if type(name) is not str:
            return original(name)
        answer = answers.get(name)
        if answer is None:
            if len(answers) >= _LIMIT:
                answers.clear()
            try:
                answer = (True, original(name))
            except (KeyError, ValueError) as exc:
                # the error's kind and arguments, never the error itself: its traceback holds the
                # frames of the page being read, and with them the whole document, for as long as the
                # answer is remembered (memory grew by megabytes per PDF)
                answer = (False, (type(exc), exc.args))
            answers[name] = answer
        ok, value = answer
        if ok:
            return value           # type: ignore[no-any-return]
        kind, args = value
        raise kind(*args)

    return name2unicode


def _modules() -> list[Any]:
    import importlib
    return [importlib.import_module(name) for name in _MODULES]


def _targets() -> list[tuple[Any, str]]:
    return [(module, "name2unicode") for module in _modules()]


#: the switch (:mod:`.pdf_patch`): pdfminer's glyph-name decoding, on pdfminer ``PDFMINER_VERSION`` only
PATCH = Patch(_targets, remembering, lambda: _version() == PDFMINER_VERSION)
installed, install, uninstall, stock_glyphs = PATCH.installed, PATCH.install, PATCH.uninstall, PATCH.stock
