"""Reading one XML part of a ZIP package (a .docx) with bounded work and memory.

A hostile .docx can be a few megabytes that unzip to gigabytes of XML (a ZIP bomb), or
carry a DTD whose entities expand without end (billion laughs). :func:`read_part`
therefore

* refuses a part whose declared uncompressed size is over ``max_bytes``;
* decompresses it as a stream, in small chunks, and stops as soon as more than
  ``max_bytes`` have come out (the declared size can lie);
* refuses any ``<!DOCTYPE`` (Word never writes one; no DTD means no entities to expand);
* feeds the chunks to an incremental parser and stops past ``max_elements`` elements,
  so the tree it builds stays small.

Every refusal is a :class:`~llm_extract.BinaryDocumentError` naming the file and the part.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError

__all__ = ["read_part", "read_bytes", "MAX_PART_BYTES", "MAX_PART_ELEMENTS"]

# a real report's document.xml is a few MB (Word's XML is verbose); these leave ample room
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_PART_ELEMENTS = 400_000
_CHUNK = 64 * 1024
_DOCTYPE = b"<!DOCTYPE"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def read_part(zf: zipfile.ZipFile, name: str, path: str, *, max_bytes: int = MAX_PART_BYTES,
              max_elements: int = MAX_PART_ELEMENTS) -> ET.Element:
    """The root element of part ``name``; :class:`BinaryDocumentError` when it is over a limit or not XML.

    Raises ``KeyError`` when the part is absent.
    """
    info = zf.getinfo(name)
    if info.file_size > max_bytes:
        raise BinaryDocumentError(path, f"refused: {name} unzips to {_mb(info.file_size)}, over the limit of "
                                        f"{_mb(max_bytes)} (a ZIP bomb, or not a report)")
    try:
        root = _root(zf, info, path, max_bytes, max_elements, exact=False)
        if root is _PAST_BOUND:                # (more "<" than elements allowed: the elements are counted)
            root = _root(zf, info, path, max_bytes, max_elements, exact=True)
    except ET.ParseError as exc:
        raise BinaryDocumentError(path, f"not a readable .docx ({name} is not well-formed XML: {exc})") from None
    if root is None:
        raise BinaryDocumentError(path, f"not a readable .docx ({name} is empty)")
    return root


#: what :func:`_root` gives when its bound on the elements was passed: they need counting
_PAST_BOUND = ET.Element("past-bound")


def _root(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, max_bytes: int, max_elements: int, *,
          exact: bool) -> ET.Element | None:
    """The part's root element, its chunks fed to a parser, refused as :func:`read_part` says. Every element
    starts with a "<" (a byte 0x3C in every encoding expat reads): while the part holds no more such bytes than
    ``max_elements`` it has no more elements either, and they need no counting (``exact`` False; past that bound :data:`_PAST_BOUND` is given, and the part is
    read again, ``exact``, counting its elements one by one as they start: an event of Python's each)."""
    name = info.filename
    parser = ET.XMLPullParser(events=("start",)) if exact else ET.XMLParser()
    root: ET.Element | None = None
    total = elements = 0
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise BinaryDocumentError(path, f"refused: {name} unzips to more than {_mb(max_bytes)} "
                                                "(its stated size is false: a ZIP bomb)")
            if _DOCTYPE in tail + chunk[:len(_DOCTYPE)] or _DOCTYPE in chunk:
                raise BinaryDocumentError(path, f"refused: {name} declares a DTD (<!DOCTYPE>), which Word "
                                                "never writes (entity expansion is not allowed)")
            tail = chunk[-len(_DOCTYPE):]
            if not exact:
                elements += chunk.count(b"<")         # (at least the elements so far)
                if elements > max_elements:
                    return _PAST_BOUND
                parser.feed(chunk)
                continue
            parser.feed(chunk)
            for _, el in parser.read_events():
                if root is None:
                    root = el
                elements += 1
            if elements > max_elements:
                raise BinaryDocumentError(path, f"refused: {name} has more than {max_elements:,} XML "
                                                "elements (not a report)")
    closed = parser.close()
    return root if exact else closed


def read_bytes(zf: zipfile.ZipFile, name: str, path: str, *, max_bytes: int = MAX_PART_BYTES) -> bytes:
    """The bytes of part ``name`` (not XML: an HTML or text chunk), decompressed in chunks and refused
    past ``max_bytes`` (:class:`BinaryDocumentError`); ``KeyError`` when the part is absent."""
    info = zf.getinfo(name)
    if info.file_size > max_bytes:
        raise BinaryDocumentError(path, f"refused: {name} unzips to {_mb(info.file_size)}, over the limit of "
                                        f"{_mb(max_bytes)} (a ZIP bomb, or not a report)")
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            out += chunk
            if len(out) > max_bytes:
                raise BinaryDocumentError(path, f"refused: {name} unzips to more than {_mb(max_bytes)} "
                                                "(its stated size is false: a ZIP bomb)")
    return bytes(out)
