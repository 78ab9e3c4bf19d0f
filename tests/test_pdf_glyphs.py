"""Glyph names decode as pdfminer decodes them, the first time and every time after.

:mod:`llm_extract.ingest.pdf_glyphs` remembers pdfminer's ``name2unicode`` answer per name;
an unknown name raises the same error (type and message) each time it is asked.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pdfminer")

from pdfminer import encodingdb  # noqa: E402

from llm_extract.ingest import pdf_glyphs  # noqa: E402

NAMES = ["g0", "g91CD", "uni6570", "uni6570.alt", "uni65706708", "u1F600", "u6570", "period", "f_f_i", "a.b_c",
         "uniD800", "u110000", "", ".notdef", "zero.sc", "uniXYZ1", b"bytes"]


def _answer(fn: Any, name: Any) -> Any:
    try:
        return ("ok", fn(name))
    except Exception as exc:
        return ("raises", type(exc), exc.args)


def test_every_kind_of_glyph_name_decodes_or_fails_as_pdfminer_decodes_it_each_time_it_is_asked() -> None:
    assert pdf_glyphs.install(), "the fast path is written for the installed pdfminer release"
    with pdf_glyphs.stock_glyphs():
        shipped = encodingdb.name2unicode
        expected = [_answer(shipped, n) for n in NAMES]
    fast = encodingdb.name2unicode
    assert fast is not shipped
    assert [_answer(fast, n) for n in NAMES] == expected
    assert [_answer(fast, n) for n in NAMES] == expected          # remembered
    assert {a[0] for a in expected} == {"ok", "raises"}


def test_a_font_s_encoding_with_differences_is_pdfminer_s_own() -> None:
    from pdfminer.psparser import LIT
    diff = [0, LIT("g0"), LIT("uni6570"), LIT("period"), 40, LIT("f_f_i"), LIT("uniD800"), LIT("A")]
    assert pdf_glyphs.install()
    with pdf_glyphs.stock_glyphs():
        expected = encodingdb.EncodingDB.get_encoding("WinAnsiEncoding", diff)
    assert encodingdb.EncodingDB.get_encoding("WinAnsiEncoding", diff) == expected
    assert expected[1] == "数" and expected[40] == "ffi"


def test_a_remembered_error_keeps_nothing_of_the_page_that_raised_it_alive() -> None:
    """The answer kept for a bad name is the error's kind and arguments: an error object would keep
    its traceback, the frames of the page being read and the whole document with them (memory grew
    by megabytes with every PDF a worker read)."""
    import gc
    import weakref

    from llm_extract.ingest.pdf_glyphs import remembering

    class Page:
        pass

    pages: list[weakref.ref] = []

    def original(name: str) -> str:
        page = Page()                      # a local of the raising frame, like pdfminer's page objects
        pages.append(weakref.ref(page))
        raise KeyError(name)

    name2unicode = remembering(original)
    for _ in range(2):
        with pytest.raises(KeyError):
            name2unicode("uniXYZ")
    gc.collect()
    assert len(pages) == 1 and pages[0]() is None
