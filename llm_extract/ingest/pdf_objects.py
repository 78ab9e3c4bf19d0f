"""pdfplumber's conversion of a page's characters to dicts, with a fast path: the same dicts, cheaper.

pdfplumber turns every object pdfminer lays out on a page into a dict
(``Page.process_object``), generically: a regular expression on the class name, a filter
over every attribute with a recursive resolve of each value, a PDFDocEncoding decode of
the colour space's name. A page holds thousands of characters, so :func:`install` gives
characters (``LTChar``, nearly every object of a report page) a path that builds the very
same dict (same keys, same order, same values) without the generic steps: numbers, text
and flags, and tuples of numbers, are what the recursive resolve returns anyway; a colour
space's decoded name is remembered. Every other object goes through pdfplumber as shipped.

Installed only on the pdfplumber releases it was written and checked against (:data:`PDFPLUMBER_VERSIONS`: 0.11.11
changed nothing of ``Page.process_object`` or what it calls); ``tests/test_pdf_objects.py`` checks every object of every
fixture page against pdfplumber's own.
"""

from __future__ import annotations

from typing import Any

from .pdf_patch import Patch, release

__all__ = ["PATCH", "install", "uninstall", "installed", "stock_objects", "fast_process_object", "PDFPLUMBER_VERSIONS"]

PDFPLUMBER_VERSIONS = ("0.11.10", "0.11.11")

_PLAIN = (float, int, str, bool, type(None))     # what pdfplumber's resolve_all returns unchanged
_NUMBER = (float, int)


def _version() -> str:
    return release("pdfplumber")


def fast_process_object(original: Any) -> Any:
    """A ``Page.process_object`` that converts a character itself and leaves other objects to ``original``."""
    from pdfminer.layout import LTChar
    from pdfplumber import page as plumber_page

    all_attrs = plumber_page.ALL_ATTRS
    resolve_all = plumber_page.resolve_all
    resolve_and_decode = plumber_page.resolve_and_decode
    normalize_unicode = plumber_page.normalize_unicode
    fix_fontname_bytes = plumber_page.fix_fontname_bytes
    decoded: dict[Any, Any] = {}

    def value(v: Any) -> Any:
        kind = type(v)
        if kind in _PLAIN or (kind is tuple and all(type(x) in _NUMBER for x in v)):
            return v
        return resolve_all(v)

    def colour_space(name: Any) -> Any:
        if type(name) is not str:
            return resolve_and_decode(name)
        if name not in decoded:
            decoded[name] = resolve_and_decode(name)
        return decoded[name]

    def process_object(self: Any, obj: Any) -> dict[str, Any]:
        if type(obj) is not LTChar:
            return original(self, obj)
        attr = {k: value(v) for k, v in obj.__dict__.items() if k in all_attrs}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = colour_space(getattr(obj, cs).name)
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + mb_top
            attr["bottom"] = (self.height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    return process_object


def _targets() -> list[tuple[Any, str]]:
    from pdfplumber.page import Page
    return [(Page, "process_object")]


#: the switch (:mod:`.pdf_patch`): pdfplumber's conversion of characters, on pdfplumber
#: :data:`PDFPLUMBER_VERSIONS` only
PATCH = Patch(_targets, fast_process_object, lambda: _version() in PDFPLUMBER_VERSIONS)
installed, install, uninstall, stock_objects = PATCH.installed, PATCH.install, PATCH.uninstall, PATCH.stock
