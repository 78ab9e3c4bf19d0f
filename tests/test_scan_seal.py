"""A red seal stamped over a scanned page's text is taken out before OCR (ingest/pdf_scan.py ``without_seal``).

Reports are signed with the office's red seal, often stamped over the last lines: over 表四's row on a short
report. Read in grey, the seal's ink is as dark as the print, and OCR read its words among the row's numbers
(``0 改务公开专用章5``) and lost the cells under it. On a colour scan the seal is red: its ink on paper becomes
paper, and where it lies over printed text the toner shows through, dark, and stays text.
"""

from __future__ import annotations

import numpy
from PIL import Image

from llm_extract.ingest.pdf_scan import without_seal


def _scan() -> numpy.ndarray:
    page = numpy.full((60, 120, 3), 248, dtype=numpy.uint8)
    page[20:40, 10:14] = (25, 25, 25)           # a printed digit's stroke (black toner)
    page[20:40, 60:64] = (25, 25, 25)           # another, under the seal
    page[10:50, 50:90] = (205, 40, 45)          # the seal's red ink
    page[20:40, 60:64] = (110, 20, 22)          # the seal over the toner: dark, reddish
    return page


def test_a_red_seal_on_paper_becomes_paper_and_the_text_under_it_stays_dark() -> None:
    grey = without_seal(Image.fromarray(_scan()))
    assert grey[15, 70] == 255 and grey[45, 55] == 255         # the seal's ink: gone
    assert grey[30, 61] < 128 and grey[30, 11] < 64           # the text under it, and beside it: dark
    assert grey[5, 5] >= 240                                  # the paper


def test_a_grey_scan_is_read_as_it_is() -> None:
    scan = Image.fromarray(_scan()).convert("L")
    assert (without_seal(scan) == numpy.asarray(scan)).all()
    rgb_grey = Image.fromarray(numpy.repeat(numpy.asarray(scan)[:, :, None], 3, axis=2))
    assert (without_seal(rgb_grey) == numpy.asarray(scan)).all()
