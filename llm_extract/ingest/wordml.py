"""Word's XML saves: one XML file, not a ZIP package.

* **Word 2003 XML** (``<w:wordDocument>``, namespace ``…/office/word/2003/wordml``): Word's "XML Document"
  of 2003, and what many OA systems write as a ``.doc`` (a template of that XML filled by the server). Its
  markup is WordprocessingML's of 2006 under an older namespace, with a few differences this module maps:
  ``w:vmerge``/``w:hmerge`` (``w:vMerge``/``w:hMerge``), sections as ``wx:sect``/``wx:sub-section``
  wrappers (read through), tracked changes and comments as ``aml:annotation`` (an insertion read, a
  deletion, a comment and any other annotation left out), styles inline.
* **Flat OPC** (``<pkg:package>``): Word's "Word XML Document" (2007 and later), the parts of a .docx in
  one file; its ``/word/document.xml`` and ``/word/styles.xml`` parts are read as a .docx's are.

Both are then read by :func:`~llm_extract.ingest.docx.body_lines`, as Word shows them. The file is
parsed only when it declares no DTD and holds at most as many elements as a .docx part may.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .bounded_xml import MAX_PART_ELEMENTS
from .docx import body_lines

__all__ = ["is_wordml", "wordml_to_text"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W03_NS = "http://schemas.microsoft.com/office/word/2003/wordml"
_W03 = "{" + _W03_NS + "}"
_WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_PKG = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
_RENAMED = {"vmerge": "vMerge", "hmerge": "hMerge"}


def is_wordml(data: bytes) -> bool:
    """Whether the bytes are one of Word's XML saves (2003 XML or flat OPC), judged by the first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    return (b'progid="Word.Document"' in head or b"<w:wordDocument" in head or b"<pkg:package" in head
            or _W03_NS.encode() in head)


def _parse(data: bytes, path: str) -> ET.Element:
    if b"<!DOCTYPE" in data:
        raise BinaryDocumentError(path, "refused: a Word XML file that declares a DTD (<!DOCTYPE>), which Word "
                                        "never writes (entity expansion is not allowed)")
    if data.count(b"<") > MAX_PART_ELEMENTS:
        raise BinaryDocumentError(path, f"refused: more than {MAX_PART_ELEMENTS:,} XML elements (not a report)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise BinaryDocumentError(path, f"not a readable Word XML document (not well-formed XML: {exc})") from None


def _name(tag: str) -> str:
    if tag.startswith(_W03):
        local = tag[len(_W03):]
        return W + _RENAMED.get(local, local)
    return tag


def _convert(el: ET.Element) -> list[ET.Element]:
    """``el`` in 2006 markup: what stands in its place (nothing, itself, or its children read through)."""
    tag = el.tag
    if tag == f"{_AML}annotation":
        if el.get(f"{_W03}type") != "Word.Insertion":
            return []                                    # a deletion, a comment, a bookmark, a property change
        content = el.find(f"{_AML}content")
        return [x for child in (content if content is not None else []) for x in _convert(child)]
    if tag.startswith(_WX) or tag == f"{_AML}content":    # sections and Word's hints: read through
        return [x for child in el for x in _convert(child)]
    new = ET.Element(_name(tag), {_name(k): v for k, v in el.attrib.items()})
    new.text, new.tail = el.text, None
    new.extend(x for child in el for x in _convert(child))
    return [new]


def _flat_opc(root: ET.Element, path: str) -> tuple[ET.Element, ET.Element | None]:
    parts = {part.get(f"{_PKG}name", ""): part for part in root.iter(f"{_PKG}part")}

    def xml(name: str) -> ET.Element | None:
        part = parts.get(name)
        data = part.find(f"{_PKG}xmlData") if part is not None else None
        return data[0] if data is not None and len(data) else None

    document = xml("/word/document.xml")
    body = document.find(f"{W}body") if document is not None else None
    if body is None:
        raise UnsupportedFormatError(path, "a Word XML package without a /word/document.xml body")
    return body, xml("/word/styles.xml")


def _word2003(root: ET.Element, path: str) -> tuple[ET.Element, ET.Element | None]:
    if root.tag != f"{_W03}wordDocument":
        raise UnsupportedFormatError(path, f"an XML file that is not a Word document (its root is {root.tag})")
    body = root.find(f"{_W03}body")
    if body is None:
        raise UnsupportedFormatError(path, "a Word 2003 XML document without a w:body")
    styles = root.find(f"{_W03}styles")
    return _convert(body)[0], _convert(styles)[0] if styles is not None else None


def wordml_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The text of a Word XML save in the one-cell-per-line layout a .docx is read in."""
    root = _parse(data, path)
    try:
        body, styles = _flat_opc(root, path) if root.tag == f"{_PKG}package" else _word2003(root, path)
        lines = body_lines(body, styles)
    except RecursionError:
        raise BinaryDocumentError(path, "refused: elements nested deeper than Python's recursion limit "
                                        "(not a report)") from None
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n"
