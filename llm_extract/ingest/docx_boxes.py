"""Text boxes that hold a table, in a .docx paragraph.

Word (and PDF-to-Word converters) sometimes put a whole table (表二, 表四) in a text box anchored to a
paragraph: ``w:p → w:r → mc:AlternateContent/mc:Choice → w:drawing … wps:txbx → w:txbxContent → w:tbl``
(or the VML ``w:pict → v:textbox → w:txbxContent``). Read as the paragraph's runs, every cell paragraph
would become a line of its own, rows and cells lost. Such a box is read instead as a page of its own,
where it is anchored: its paragraphs and its tables, after the paragraph's own text. The fallback copy of
alternate content (``mc:Fallback``) is the same box again and is not looked into.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree as ET

__all__ = ["TXBX", "holds_table", "table_boxes"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TXBX = f"{W}txbxContent"
_TBL = f"{W}tbl"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def holds_table(box: ET.Element) -> bool:
    """Whether a ``w:txbxContent`` holds a table (anywhere inside it)."""
    return box.find(f".//{_TBL}") is not None


def table_boxes(p: ET.Element) -> Iterator[ET.Element]:
    """The text boxes of paragraph ``p`` that hold a table, in document order (not those of a fallback
    copy, nor a box inside such a box: reading the outer box reads it)."""
    if next(p.iter(TXBX), None) is None:        # (most paragraphs hold no text box: one C-level scan)
        return iter(())
    return _walk(p)


def _walk(p: ET.Element) -> Iterator[ET.Element]:
    for child in p:
        if child.tag == _FALLBACK:
            continue
        if child.tag == TXBX:
            if holds_table(child):
                yield child
                continue
        if len(child):
            yield from _walk(child)
