"""Old binary Word (.doc, Word 97–2003) → text in the one-cell-per-line layout of a ``.docx``.

Government sites still publish many reports as ``.doc``. The file is an OLE2 compound file
(read with :mod:`olefile`); its ``WordDocument`` stream starts with the FIB, which points
into the table stream (``0Table`` or ``1Table``) at:

* the **piece table** (CLX): which runs of characters (CPs) sit where in ``WordDocument``,
  as UTF-16 or as 8-bit "compressed" text; only the main text (CPs ``0 … ccpText``) is read;
* the **paragraph properties** (``PlcBtePapx`` → 512-byte FKP pages): used to tell the mark
  that ends a table row (a paragraph with ``sprmPFTtp``) from the mark that ends an empty
  cell; both are the character 0x07.

The text is printed as :mod:`.docx` prints it (Word's own text export): a paragraph is a
line; a table cell is a line starting with a tab, its paragraphs joined; an empty line
follows every row. Field codes (between 0x13 and 0x14) are left out, their results kept;
object anchors and other control characters are dropped.

Unreadable input raises a :class:`~llm_extract.DocumentError` naming the file: not an
OLE2 file, an encrypted document, a truncated or inconsistent stream.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right

import olefile

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .docx import join_cell

__all__ = ["doc_to_text", "is_word97", "OLE2_MAGIC"]

#: The first bytes of an OLE2 compound file: a binary .doc (or an encrypted .docx, or any Office 97 file).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WIDENT = 0xA5EC                      # the FIB's magic number
_F_ENCRYPTED, _F_WHICH_TABLE = 0x0100, 0x0200
_FC_CLX, _FC_PLCF_BTE_PAPX = 33, 13   # indexes of the (fc, lcb) pairs in FibRgFcLcb97
_SPRM_DEF_TABLE, _SPRM_CHG_TABS = 0xD608, 0xC615     # operands whose size is not one byte
_SPRM_HUGE_PAPX = 0x6646                        # the properties are in the Data stream
_SPRM_IN_TABLE = 0x2416                         # "this paragraph is in a table cell"
_SPRM_TTP, _SPRM_INNER_TTP = 0x2417, 0x244C     # "this paragraph ends a table row" (outer, nested)
_CELL = "\x07"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# what a character becomes: a tab is a space; a line, page or column break inside a paragraph a new line
_SPECIAL = {"\t": " ", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\xa0": " "}
_DROPPED = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x07\x0b\x0c\x0e\x13\x14\x15\x1e")
_DROPPED |= {"\x1f"}
# 8-bit "compressed" pieces: cp1252, except these bytes, which stand for Unicode characters
_COMPRESSED = {0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
               0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
               0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
               0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178"}


class _Broken(Exception):
    """A stream that does not hold what the FIB says (caught and named by :func:`doc_to_text`)."""


def is_word97(data: bytes) -> bool:
    """Whether ``data`` is an OLE2 compound file holding a ``WordDocument`` stream."""
    if not data.startswith(OLE2_MAGIC):
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("WordDocument"))
    except (OSError, ValueError, IndexError, struct.error):
        return False


def doc_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The main text of a Word 97–2003 document, cells one per line (see the module docstring)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise BinaryDocumentError(path, f"not a readable Word .doc (a corrupt or truncated OLE2 file: {exc}); "
                                        "if Word or LibreOffice opens it, save it as .docx") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise UnsupportedFormatError(path, "an OLE2 file without a WordDocument stream: not a Word .doc")
        try:
            text = _main_text(ole, path)
        except (_Broken, OSError, ValueError, IndexError, struct.error) as exc:
            raise BinaryDocumentError(path, f"not a readable Word .doc ({exc})") from None
    lines = _lines(text)
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n"


def _main_text(ole: olefile.OleFileIO, path: str) -> list[tuple[str, int]]:
    """The main text as (character, paragraph flags) pairs, field codes left out; the flags
    (:data:`_IN_TABLE`, :data:`_ROW_END`) are read for paragraph and cell marks only."""
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x20 or struct.unpack_from("<H", word, 0)[0] != _WIDENT:
        raise UnsupportedFormatError(path, "not a Word 97–2003 document (a WordDocument stream without its FIB); "
                                           "save it as .docx")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & _F_ENCRYPTED:
        raise UnsupportedFormatError(path, "a password-protected Word .doc: remove the password and save it again")
    table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
    if not ole.exists(table_name):
        raise _Broken(f"the FIB names a {table_name} stream the file does not have")
    table = ole.openstream(table_name).read()
    ccp_text, pairs = _fib(word)
    pieces = _pieces(_slice(table, *pairs[_FC_CLX]))
    data = ole.openstream("Data").read() if ole.exists("Data") else b""
    paragraphs = _Paragraphs(word, _slice(table, *pairs[_FC_PLCF_BTE_PAPX]), data)
    out: list[tuple[str, int]] = []
    fields: list[bool] = []                     # open fields, innermost last: True while in its code
    in_code = 0                                 # how many of them are in their code
    for cp_start, cp_end, fc, compressed in pieces:
        if cp_start >= ccp_text:
            break
        count = min(cp_end, ccp_text) - cp_start
        if compressed:
            chunk = "".join(_COMPRESSED.get(b) or bytes([b]).decode("cp1252", "replace")
                            for b in word[fc:fc + count])
            width = 1
        else:
            chunk = word[fc:fc + 2 * count].decode("utf-16-le", "replace")
            width = 2
        if len(chunk) != count:
            raise _Broken("a text piece runs past the end of the WordDocument stream")
        for i, ch in enumerate(chunk):
            if ch == _FIELD_BEGIN:
                fields.append(True)
                in_code += 1
            elif ch == _FIELD_SEPARATOR and fields and fields[-1]:
                fields[-1] = False
                in_code -= 1
            elif ch == _FIELD_END and fields:
                in_code -= fields.pop()
            elif not in_code:
                out.append((ch, paragraphs.flags(fc + i * width) if ch in "\r\x07" else 0))
    return out


def _fib(word: bytes) -> tuple[int, list[tuple[int, int]]]:
    """ccpText and the (fc, lcb) pairs of the FIB."""
    pos = 0x20
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + 2 * csw
    cslw = struct.unpack_from("<H", word, pos)[0]
    ccp_text = struct.unpack_from("<i", word, pos + 2 + 4 * 3)[0]
    pos += 2 + 4 * cslw
    count = struct.unpack_from("<H", word, pos)[0]
    pos += 2
    if count <= _FC_CLX or ccp_text < 0:
        raise _Broken("a FIB too short to locate the text")
    return ccp_text, [struct.unpack_from("<II", word, pos + 8 * i) for i in range(count)]


def _slice(stream: bytes, fc: int, lcb: int) -> bytes:
    if fc + lcb > len(stream):
        raise _Broken("the FIB points past the end of the table stream")
    return stream[fc:fc + lcb]


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first CP, end CP, offset in WordDocument, 8-bit) per piece."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:              # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise _Broken("no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n < 1 or 4 * (n + 1) + 8 * n != len(plc):
        raise _Broken("a malformed piece table")
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = []
    for i in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc_raw & 0x40000000)
        fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        if cps[i + 1] < cps[i]:
            raise _Broken("a piece table out of order")
        out.append((cps[i], cps[i + 1], fc, compressed))
    return out


_IN_TABLE, _ROW_END = 1, 2


class _Paragraphs:
    """The flags of each paragraph: the FKP pages of paragraph properties, read on demand."""

    def __init__(self, word: bytes, plc: bytes, data: bytes) -> None:
        self.word, self.data = word, data
        n = (len(plc) - 4) // 8
        self.fcs = struct.unpack_from(f"<{n + 1}I", plc, 0) if n > 0 else (0,)
        self.pages = [p & 0x3FFFFF for p in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))] if n > 0 else []
        self.runs: dict[int, tuple[tuple[int, ...], list[int]]] = {}

    def flags(self, fc: int) -> int:
        """The flags of the paragraph holding the character at file offset ``fc``."""
        k = bisect_right(self.fcs, fc) - 1
        if not 0 <= k < len(self.pages):
            return 0
        bounds, flags = self.runs.get(k) or self._page(k)
        j = bisect_right(bounds, fc) - 1
        return flags[j] if 0 <= j < len(flags) else 0

    def _page(self, k: int) -> tuple[tuple[int, ...], list[int]]:
        start = self.pages[k] * 512
        page = self.word[start:start + 512]
        if len(page) < 512:
            raise _Broken("a paragraph-property page past the end of the WordDocument stream")
        crun = page[511]
        bounds = struct.unpack_from(f"<{crun + 1}I", page, 0)
        flags = []
        for r in range(crun):
            offset = page[4 * (crun + 1) + 13 * r] * 2
            flags.append(_papx_flags(page, offset, self.data) if offset else 0)
        self.runs[k] = (bounds, flags)
        return bounds, flags


def _papx_flags(page: bytes, offset: int, data: bytes) -> int:
    """:data:`_IN_TABLE` / :data:`_ROW_END` as set by the PAPX at ``offset`` of an FKP page."""
    cb = page[offset]
    if cb == 0:
        size, pos = 2 * page[offset + 1], offset + 2
    else:
        size, pos = 2 * cb - 1, offset + 1
    return _grpprl_flags(page, pos + 2, min(pos + size, 511), data)      # past the style index (istd)


def _grpprl_flags(buf: bytes, pos: int, end: int, data: bytes) -> int:
    """The flags a run of paragraph sprms sets; a huge PAPX is read from the Data stream."""
    flags = 0
    while pos + 2 < end:
        sprm = struct.unpack_from("<H", buf, pos)[0]
        pos += 2
        if sprm == _SPRM_IN_TABLE and buf[pos]:
            flags |= _IN_TABLE
        elif sprm in (_SPRM_TTP, _SPRM_INNER_TTP) and buf[pos]:
            flags |= _ROW_END | _IN_TABLE
        elif sprm == _SPRM_HUGE_PAPX and buf is not data and pos + 4 <= end:
            at = struct.unpack_from("<I", buf, pos)[0]
            if at + 2 > len(data):
                raise _Broken("a paragraph's properties past the end of the Data stream")
            size = struct.unpack_from("<H", data, at)[0]
            flags |= _grpprl_flags(data, at + 2, min(at + 2 + size, len(data)), data)
        spra = sprm >> 13
        if spra in (0, 1):
            pos += 1
        elif spra in (2, 4, 5):
            pos += 2
        elif spra == 3:
            pos += 4
        elif spra == 7:
            pos += 3
        elif sprm == _SPRM_DEF_TABLE:               # a two-byte size, counting itself less one
            pos += 1 + struct.unpack_from("<H", buf, pos)[0]
        elif sprm == _SPRM_CHG_TABS and buf[pos] == 255:   # a computed size: nothing of ours follows
            break
        else:
            pos += 1 + buf[pos]
    return flags


def _lines(chars: list[tuple[str, int]]) -> list[str]:
    """Paragraphs one per line; cells a tab then their text; an empty line after each row."""
    lines: list[str] = []
    buf: list[str] = []
    cell: list[str] = []                     # the paragraphs of the cell being read
    for ch, flags in chars:
        if ch == _CELL:
            if flags & _ROW_END:
                lines.append("")             # the row-end mark's own paragraph holds no text
            else:
                cell.append(_clean("".join(buf)))
                lines.append("\t" + join_cell(cell))
                cell.clear()
            buf.clear()
        elif ch == "\r":
            if flags & _IN_TABLE:
                cell.append(_clean("".join(buf)))
            elif text := _clean("".join(buf)):
                lines.extend(text.split("\n"))
            buf.clear()
        elif ch not in _DROPPED:
            buf.append(_SPECIAL.get(ch, ch))
    if text := _clean("".join(buf)):
        lines.extend(text.split("\n"))
    return lines


def _clean(text: str) -> str:
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip("\n")
