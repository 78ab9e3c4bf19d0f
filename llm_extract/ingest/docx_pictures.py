"""Tables pasted as pictures in a Word file, read by OCR where they stand (the ``ocr`` extra).

Some reports are written in Word with their tables pasted as pictures (a screenshot of a spreadsheet, a scan of
the printed form). With the extra installed (:mod:`.pdf_scan`), each picture a paragraph draws (``w:drawing``'s
``a:blip``, or an older ``w:pict``'s ``v:imagedata``) that is drawn wide (:data:`MIN_WIDTH_EMU`, a third of an A4
page's text width) is recognised as a scanned page is (:func:`.image_scan.read_image`), and its lines are read
after its paragraph's text, where the picture stands. A picture that is not a page of text (too small, a format
Pillow cannot decode: EMF, WMF) or in which OCR reads no table's counts (fewer than
:data:`~.pdf_pictures.MIN_DIGITS` digits: a photograph, a banner) is left as before. The document then carries
``INGEST.OCR_PICTURES``: what OCR read proves nothing an identity does not check (``verify/trust.py``).
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

from .._exceptions import DocumentError
from .bounded_xml import read_bytes
from .docx_parts import relationships
from .image_scan import read_image
from .pdf_pictures import MIN_DIGITS
from .pdf_scan import ocr_available

__all__ = ["Pictures", "MIN_WIDTH_EMU", "MAX_PICTURES"]

#: a picture drawn narrower (English Metric Units: 914,400 an inch) is a logo, a seal or an icon (5.5 cm)
MIN_WIDTH_EMU = 2_000_000
#: at most this many pictures of one document are OCR'd (seconds each)
MAX_PICTURES = 12
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_DRAWING = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing"
_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_MEDIA = "word/media/"


class Pictures:
    """The pictures of one main part, read on demand; :attr:`read` counts those OCR read text in."""

    def __init__(self, zf: zipfile.ZipFile, main_part: str, path: str) -> None:
        self._zf, self._main, self._path = zf, main_part, path
        self._on = any(name.startswith(_MEDIA) for name in zf.namelist())     # (OCR asked for at a wide picture)
        self._rels: dict[str, tuple[str, str]] | None = None
        self._tried = 0
        self.read = 0

    def lines(self, paragraph: ET.Element) -> list[str]:
        """The lines OCR reads in the wide pictures ``paragraph`` draws (none without the extra)."""
        if not self._on:
            return []
        out: list[str] = []
        for rel_id in self._wide_pictures(paragraph):
            if self._tried >= MAX_PICTURES:
                break
            if not ocr_available():         # (the engine is loaded here, not for a file of logos and seals: ~1 s)
                self._on = False
                break
            out.extend(self._read(rel_id))
        return out

    def _wide_pictures(self, paragraph: ET.Element) -> list[str]:
        ids = []
        for drawing in paragraph.iter(_DRAWING):
            extent = next(drawing.iter(_EXTENT), None)
            blip = next(drawing.iter(_BLIP), None)
            width = int(extent.get("cx", "0")) if extent is not None and extent.get("cx", "").isdigit() else 0
            if blip is not None and width >= MIN_WIDTH_EMU and (rel_id := blip.get(f"{_R}embed")):
                ids.append(rel_id)
        ids += [rel_id for data in paragraph.iter(_IMAGEDATA) if (rel_id := data.get(f"{_R}id"))]   # (sized below)
        return ids

    def _read(self, rel_id: str) -> list[str]:
        if self._rels is None:
            self._rels = relationships(self._zf, self._main)
        target = self._rels.get(rel_id)
        if target is None or not target[1].startswith(_MEDIA):
            return []
        self._tried += 1
        try:
            data = read_bytes(self._zf, target[1], self._path)
            text = read_image(data, f"{self._path} ({target[1]})").text
        except (KeyError, DocumentError):      # (no such part; too small, EMF, or nothing read: left as before)
            return []
        if sum(ch.isdigit() for ch in text) < MIN_DIGITS:
            return []                       # (a photograph, a banner: no table's counts)
        self.read += 1
        return [line for line in text.split("\n") if line.strip()]
