"""Excel worksheets embedded in a .docx (a table pasted from the office's statistics workbook as an object).

Word shows such an object as its preview picture (an EMF, which no text can be read from); the table itself
is the embedded workbook, a package part (``word/embeddings/Microsoft_Excel_Worksheet1.xlsx``) that the
object's ``o:OLEObject`` names by relationship id. It is read where the object stands, sheet by sheet as tab
rows, as a workbook file is (:mod:`.xlsx`), once, and not where a tracked deletion or a fallback copy
holds the object; a workbook that cannot be read is left out (the preview stays what Word shows).
At most :data:`MAX_OBJECTS` workbooks a document are read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from .._exceptions import DocumentError
from .bounded_xml import read_bytes
from .docx_parts import relationships

__all__ = ["Workbooks", "MAX_OBJECTS"]

MAX_OBJECTS = 8
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_LEFT_OUT = frozenset({"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}del",
                       "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}moveFrom",
                       "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})
_EXCEL = ("Excel.Sheet",)                        # Excel.Sheet.12, Excel.Sheet.8 (the latter a binary .xls: skipped)


class Workbooks:
    """The embedded worksheets of one document's main part, read paragraph by paragraph."""

    def __init__(self, zf: zipfile.ZipFile, main_part: str, path: str) -> None:
        self.zf = zf
        self.path = path
        self.read = 0
        self._rels: dict[str, tuple[str, str]] | None = None
        self._main = main_part
        self._seen: set[str] = set()                 # (a workbook is read once, however often it is named)
        self.present = any(name.startswith("word/embeddings/") for name in zf.namelist())   # (else: no lookup)

    def lines(self, p: ET.Element) -> list[str]:
        """The tab rows of the Excel workbooks embedded in paragraph ``p``, in order."""
        out: list[str] = []
        if not self.present:
            return out
        for obj in _objects(p):
            if not obj.get("ProgID", "").startswith(_EXCEL) or self.read >= MAX_OBJECTS:
                continue
            if self._rels is None:
                self._rels = relationships(self.zf, self._main)
            name = self._rels.get(obj.get(_R_ID, ""), ("", ""))[1]
            if not name.lower().endswith((".xlsx", ".xlsm")) or name in self._seen:
                continue
            self._seen.add(name)
            from .xlsx import xlsx_to_text               # (openpyxl: imported only when a workbook is there)
            try:
                text = xlsx_to_text(read_bytes(self.zf, name, self.path), f"{self.path}:{name}")
            except (KeyError, DocumentError):
                continue
            self.read += 1
            out.extend(text.split("\n"))
        return out


def _objects(el: ET.Element) -> Iterator[ET.Element]:
    """The OLE objects under ``el`` that Word shows: not in a tracked deletion, a move's old place or an
    alternate content's fallback copy."""
    for child in el:
        if child.tag == _OLE_OBJECT:
            yield child
        elif child.tag not in _LEFT_OUT and len(child):
            yield from _objects(child)
