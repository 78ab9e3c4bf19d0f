"""Fast paths in front of pdfminer and pdfplumber: the same PDF read at a fraction of the CPU.

Reading a PDF with pdfplumber costs about half a CPU second, nearly all of it in pure-Python
loops of pdfminer and pdfplumber that run once per token or per character. Each fast path
here replaces one such loop with one that gives identical results, is installed only on the
library release it was written against (on another release the library runs as shipped),
and is checked against the library's own loop in the tests:

* :mod:`.pdf_tokens`: pdfminer's PostScript tokenizer (content streams, fonts, CMaps);
* :mod:`.pdf_stack`: pdfminer's object builder above it;
* :mod:`.pdf_interp`: pdfminer's content-stream loop (each operator's method looked up once);
* :mod:`.pdf_glyphs`: pdfminer's glyph-name decoding, remembered per name;
* :mod:`.pdf_objects`: pdfplumber's conversion of a page's characters to dicts;
* :mod:`.pdf_cells`: the characters of a ruled table's cells (always on: our own code calls it).

:func:`stock` runs the libraries as shipped for a while, to compare what both read
(``bench/pdf_speed.py``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from . import pdf_cells, pdf_glyphs, pdf_interp, pdf_objects, pdf_stack, pdf_tokens

__all__ = ["install_fast_paths", "stock"]


def install_fast_paths() -> None:
    """Install every fast path whose library release matches (idempotent)."""
    pdf_tokens.install()
    pdf_stack.install()
    pdf_interp.install()
    pdf_glyphs.install()
    pdf_objects.install()


@contextlib.contextmanager
def stock() -> Iterator[None]:
    """pdfminer and pdfplumber as shipped, for the duration."""
    with pdf_tokens.stock_tokenizer(), pdf_stack.stock_objects(), pdf_interp.stock_interpreter(), \
            pdf_glyphs.stock_glyphs(), pdf_objects.stock_objects(), pdf_cells.stock_cells():
        yield
