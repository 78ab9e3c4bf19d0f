"""Strict Open XML (ISO/IEC 29500 Strict), Word's "Strict Open XML Document" save.

The markup is a .docx's, under other namespaces (``http://purl.oclc.org/ooxml/…``). A strict part's
elements and attributes are renamed in place to the transitional namespaces the reader knows, so a strict
.docx reads as the same document saved as an ordinary one (not as a body-less package).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

__all__ = ["transitional"]

_RENAMES = {
    "{http://purl.oclc.org/ooxml/wordprocessingml/main}":
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}":
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
}
_STRICT_W = next(iter(_RENAMES))


def _rename(name: str) -> str:
    if name.startswith("{http://purl.oclc.org/"):
        for strict, transitional_ns in _RENAMES.items():
            if name.startswith(strict):
                return transitional_ns + name[len(strict):]
    return name


def transitional(root: ET.Element) -> ET.Element:
    """``root`` with its strict WordprocessingML names made transitional (unchanged when it is not strict)."""
    if not root.tag.startswith(_STRICT_W):
        return root
    for el in root.iter():
        el.tag = _rename(el.tag)
        if el.attrib:
            el.attrib = {_rename(k): v for k, v in el.attrib.items()}
    return root
