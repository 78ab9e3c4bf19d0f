"""The parts of a .docx package beside its main part: relationships, styles, and ``w:altChunk`` parts.

An OA system often exports a report as a .docx whose body is one ``<w:altChunk r:id="…"/>``: the
report itself is another part (``word/afchunk.htm``, ``.mht``, ``.txt``, ``.rtf`` or a whole
``.docx``), related from the main part, that Word imports where the chunk stands. :class:`Chunks`
reads each one as the file of its type would be read (HTML through the tool's HTML reader, MHT by
its HTML part, plain text by the text decoder, RTF by :mod:`.rtf`, a .docx by :mod:`.docx`) and
returns its lines. Parts are read with bounded size (a ZIP bomb fails by name).
"""

from __future__ import annotations

import email
import email.policy
import posixpath
import zipfile
from email.message import Message
from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError, EmptyDocumentError
from .bounded_xml import read_bytes, read_part
from .docx_strict import transitional

__all__ = ["Chunks", "relationships", "styles_root", "mht_html", "mht_to_text", "chunk_text"]

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_SMALL = {"max_bytes": 4 * 1024 * 1024, "max_elements": 100_000}
_MAX_DEPTH = 2           # a .docx chunk inside a .docx chunk, no deeper
MAX_CHUNK_BYTES = 64 * 1024 * 1024
_HTML = ("text/html", "application/xhtml+xml")
_MHT = ("message/rfc822", "multipart/related", "application/x-mimearchive")
_TEXT = ("text/plain",)
_RTF = ("application/rtf", "text/rtf")
_DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
         "application/vnd.ms-word.document.macroenabled.12")
_BY_SUFFIX = {".htm": _HTML[0], ".html": _HTML[0], ".xhtml": _HTML[1], ".mht": _MHT[0], ".mhtml": _MHT[0],
              ".txt": _TEXT[0], ".rtf": _RTF[0], ".docx": _DOCX[0], ".docm": _DOCX[2]}


def relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """``{id: (type, target part name)}`` of a part's internal relationships (empty when it has none)."""
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    try:
        root = read_part(zf, rels_name, rels_name, **_SMALL)
    except (KeyError, BinaryDocumentError):
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in root.iter(_REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(posixpath.dirname(part), target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), name)
    return out


def styles_root(zf: zipfile.ZipFile, main_part: str, path: str) -> ET.Element | None:
    """The styles part of the main part (``word/styles.xml``) when any style in it can hide text (it
    says ``vanish`` somewhere), else None: most documents' styles are never parsed."""
    names = ["word/styles.xml"]
    if "word/styles.xml" not in zf.NameToInfo:
        names = [name for kind, name in relationships(zf, main_part).values() if kind.endswith("/styles")]
    for name in names:
        try:
            data = read_bytes(zf, name, path)
        except KeyError:
            continue
        return transitional(read_part(zf, name, path)) if b"anish" in data else None   # w:vanish, w:specVanish
    return None


def _content_type(zf: zipfile.ZipFile, name: str) -> str:
    """The part's content type from ``[Content_Types].xml``, else from its extension."""
    suffix = posixpath.splitext(name)[1].lower()
    try:
        types = read_part(zf, "[Content_Types].xml", "[Content_Types].xml", **_SMALL)
    except (KeyError, BinaryDocumentError):
        return _BY_SUFFIX.get(suffix, "")
    for el in types.iter(f"{_CT}Override"):
        if el.get("PartName", "").lstrip("/") == name:
            return el.get("ContentType", "").lower()
    for el in types.iter(f"{_CT}Default"):
        if "." + el.get("Extension", "").lower() == suffix:
            return el.get("ContentType", "").lower()
    return _BY_SUFFIX.get(suffix, "")


def mht_html(data: bytes) -> tuple[bytes, str | None] | None:
    """The HTML part of an MHT (MIME ``multipart/related``) archive: its bytes and declared charset."""
    message: Message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in _HTML:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None


def mht_to_text(data: bytes, path: str, *, empty_ok: bool = False) -> str:
    """The text of an MHT archive (Word's single-file web page): its HTML part, read as a page."""
    from .html import decode_html, html_to_text

    found = mht_html(data)
    if found is None:
        if empty_ok:
            return ""
        raise EmptyDocumentError(path, "an MHT archive without an HTML part")
    html, charset = found
    text = ""
    if charset:
        try:
            text = html_to_text(html.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    text = text or html_to_text(decode_html(html, path)[0])
    if not text.strip() and not empty_ok:
        raise EmptyDocumentError(path, "the MHT archive's page has no text")
    return text


def chunk_text(data: bytes, content_type: str, path: str, depth: int = 0) -> str:
    """The text of a chunk of ``content_type`` (lines as the file of its type is read); '' when the type
    is not one Word imports as text."""
    from .docx import docx_to_text
    from .html import decode_html, html_to_text
    from .rtf import rtf_to_text
    from .text import decode_bytes

    kind = content_type.split(";")[0].strip().lower()
    if kind in _HTML:
        return html_to_text(decode_html(data, path)[0])
    if kind in _MHT:
        return mht_to_text(data, path, empty_ok=True)
    if kind in _TEXT:
        return decode_bytes(data, path)[0]
    if kind in _RTF:
        return rtf_to_text(data, path)
    if kind in _DOCX and depth < _MAX_DEPTH:
        return docx_to_text(data, path, depth=depth + 1)
    return ""


class Chunks:
    """The ``w:altChunk`` parts of one main part, read on demand: each part once, and at most
    :data:`MAX_CHUNK_BYTES` of them in all (a document repeating a large chunk fails by name)."""

    def __init__(self, zf: zipfile.ZipFile, main_part: str, path: str, depth: int = 0) -> None:
        self._zf, self._main, self._path, self._depth = zf, main_part, path, depth
        self._rels: dict[str, tuple[str, str]] | None = None      # read at the first chunk
        self._read: dict[str, list[str]] = {}
        self._bytes = 0

    def lines(self, rel_id: str) -> list[str]:
        """The chunk's lines; an empty list for a missing part or a type Word does not import as text."""
        if self._rels is None:
            self._rels = relationships(self._zf, self._main)
        kind_name = self._rels.get(rel_id)
        if kind_name is None:
            return []
        name = kind_name[1]
        if name in self._read:
            return self._read[name]
        try:
            data = read_bytes(self._zf, name, self._path)
        except KeyError:
            return []
        self._bytes += len(data)
        if self._bytes > MAX_CHUNK_BYTES:
            raise BinaryDocumentError(self._path, f"refused: its altChunk parts hold more than "
                                                  f"{MAX_CHUNK_BYTES // 1024 // 1024} MB (not a report)")
        try:
            text = chunk_text(data, _content_type(self._zf, name), f"{self._path} ({name})", self._depth)
        except EmptyDocumentError:
            text = ""
        self._read[name] = lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
        return lines
