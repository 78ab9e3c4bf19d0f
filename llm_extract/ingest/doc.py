"""Old binary Word (.doc, Word 97–2003) → text in the one-cell-per-line layout of a ``.docx``.

Government sites still publish many reports as ``.doc``. The file is an OLE2 compound file
(read with :mod:`olefile`); its ``WordDocument`` stream starts with the FIB, which points
into the table stream (``0Table`` or ``1Table``) at (see :mod:`.doc_fib`):

* the **piece table** (CLX): which runs of characters (CPs) sit where in ``WordDocument``,
  as UTF-16 or as 8-bit "compressed" text. Read: the main text (CPs ``0 … ccpText``) and the
  text-box story (the text of the main document's text boxes, which the main text holds only as
  anchors), each box as paragraphs where it is anchored (:mod:`.doc_textbox`). Footnotes,
  endnotes, headers, footers and comments are not read;
* the **paragraph properties** (``PlcBtePapx`` → 512-byte FKP pages): used to tell the mark
  that ends a table row (a paragraph with ``sprmPFTtp``) from the mark that ends an empty
  cell (both are the character 0x07), and for each paragraph its style;
* the **character properties** (``PlcBteChpx``, :mod:`.doc_chpx`) and the **style sheet**
  (:mod:`.doc_styles`): text Word does not show, a tracked deletion (moved-away text included)
  or hidden text (directly, or through its character or paragraph style), is not read.

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
from collections import deque
from bisect import bisect_right

import olefile

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .doc_chpx import Characters, Chp, chp_of, shown
from .doc_fib import FC_CLX, FC_PLCF_BTE_CHPX, FC_PLCF_BTE_PAPX, FC_STSHF, Broken, Piece, fib, pieces, table_slice
from .doc_cells import IN_TABLE, INNER_CELL, INNER_ROW_END, ROW_END, story_lines, with_depth
from .doc_sprm import SPRM_HUGE_PAPX, SPRM_IN_TABLE, SPRM_INNER_CELL, SPRM_INNER_TTP, SPRM_ITAP, SPRM_TTP, sprms
from .doc_styles import Styles
from .doc_textbox import text_boxes

__all__ = ["doc_to_text", "is_word97", "OLE2_MAGIC"]

#: The first bytes of an OLE2 compound file: a binary .doc (or an encrypted .docx, or any Office 97 file).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WIDENT = 0xA5EC                      # the FIB's magic number
_F_ENCRYPTED, _F_WHICH_TABLE = 0x0100, 0x0200
_CELL = "\x07"
_ANCHOR = "\x08"                      # where a drawing (a text box among them) is anchored
_BOXED = "\x08box"                    # in a paragraph being read: an anchor with text boxes to read there
_MARKS = "\r\x07"                    # the characters that end a paragraph (a cell's or a row's too)
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# 8-bit "compressed" pieces: cp1252, except these bytes, which stand for Unicode characters
_COMPRESSED = {0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
               0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
               0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
               0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178"}


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
    """The text Word shows of a Word 97–2003 document, cells one per line (see the module docstring)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise BinaryDocumentError(path, f"not a readable Word .doc (a corrupt or truncated OLE2 file: {exc}); "
                                        "if Word or LibreOffice opens it, save it as .docx") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise UnsupportedFormatError(path, "an OLE2 file without a WordDocument stream: not a Word .doc")
        try:
            text = _shown_text(ole, path)
        except (Broken, OSError, ValueError, IndexError, struct.error) as exc:
            raise BinaryDocumentError(path, f"not a readable Word .doc ({exc})") from None
    lines = story_lines(text)
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n"


def _shown_text(ole: olefile.OleFileIO, path: str) -> list[tuple[str, int]]:
    """The main text, each text box where it is anchored (or after it), as (character, paragraph
    flags) pairs: only what Word shows, field codes left out; the flags (:mod:`.doc_cells`) are read for
    paragraph and cell marks only."""
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x20 or struct.unpack_from("<H", word, 0)[0] != _WIDENT:
        raise UnsupportedFormatError(path, "not a Word 97–2003 document (a WordDocument stream without its FIB); "
                                           "save it as .docx")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & _F_ENCRYPTED:
        raise UnsupportedFormatError(path, "a password-protected Word .doc: remove the password and save it again")
    table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
    if not ole.exists(table_name):
        raise Broken(f"the FIB names a {table_name} stream the file does not have")
    table = ole.openstream(table_name).read()
    f = fib(word)
    data = ole.openstream("Data").read() if ole.exists("Data") else b""
    story = _Story(word, pieces(table_slice(table, *f.pairs[FC_CLX])),
                   _Paragraphs(word, table_slice(table, *f.pairs[FC_PLCF_BTE_PAPX]), data),
                   Characters(word, table_slice(table, *f.pairs[FC_PLCF_BTE_CHPX])),
                   Styles(table_slice(table, *f.pairs[FC_STSHF])))
    boxes = text_boxes(table, f)
    out = story.read(0, f.ccp_text, boxes.anchored)
    for start, end in boxes.loose:
        out.append(("\r", 0))                    # a text box's paragraphs start on a line of their own
        out += story.read(start, end)
    return out


class _Story:
    """Reads CP ranges of the document: the characters Word shows, field codes left out."""

    def __init__(self, word: bytes, table: list[Piece], paragraphs: _Paragraphs, characters: Characters,
                 styles: Styles) -> None:
        self.word, self.pieces, self.paragraphs = word, table, paragraphs
        self.characters, self.styles = characters, styles

    def read(self, cp_from: int, cp_to: int,
             boxes: dict[int, list[tuple[int, int]]] | None = None) -> list[tuple[str, int]]:
        """The characters of CPs ``[cp_from, cp_to)``: each paragraph's shown characters once its mark
        tells its style; a deleted paragraph mark joins its paragraph to the next, as Word shows it.
        ``boxes``: the CP ranges of the text boxes anchored at a CP, read there as paragraphs of
        their own (see :mod:`.doc_textbox`)."""
        out: list[tuple[str, int]] = []
        fields: list[bool] = []                 # open fields, innermost last: True while in its code
        pending: list[tuple[str, Chp]] = []     # the characters of the paragraph being read
        queued: deque[list[tuple[int, int]]] = deque()         # the boxes of the anchors in ``pending``
        for piece in self.pieces:
            if piece.cp_end <= cp_from:
                continue
            if piece.cp_start >= cp_to:
                break
            first, last = max(piece.cp_start, cp_from), min(piece.cp_end, cp_to)
            width = 1 if piece.compressed else 2
            fc = piece.fc + (first - piece.cp_start) * width
            chunk = self._chunk(piece, fc, last - first)
            for i, ch in enumerate(chunk):
                chp = self.characters.at(fc + i * width)
                if piece.grpprl:
                    chp = chp_of(piece.grpprl, 0, len(piece.grpprl), chp)
                if boxes and ch == _ANCHOR and first + i in boxes:
                    pending.append((_BOXED, chp))
                    queued.append(boxes[first + i])
                elif ch not in _MARKS:
                    pending.append((ch, chp))
                elif ch == _CELL or not chp.deleted:     # a cell or row mark is kept: a row never joins the next
                    flags, istd = self.paragraphs.at(fc + i * width)
                    if piece.grpprl:
                        flags |= _grpprl_flags(piece.grpprl, 0, len(piece.grpprl), b"")
                    self._emit(pending, istd, fields, queued, out)
                    out.append((ch, flags))
                    pending.clear()
        if pending:
            self._emit(pending, 0, fields, queued, out)
        return out

    def _chunk(self, piece: Piece, fc: int, count: int) -> str:
        if piece.compressed:
            chunk = "".join(_COMPRESSED.get(b) or bytes([b]).decode("cp1252", "replace")
                            for b in self.word[fc:fc + count])
        else:
            chunk = self.word[fc:fc + 2 * count].decode("utf-16-le", "replace")
        if len(chunk) != count:
            raise Broken("a text piece runs past the end of the WordDocument stream")
        return chunk

    def _emit(self, pending: list[tuple[str, Chp]], istd: int, fields: list[bool],
              queued: deque[list[tuple[int, int]]], out: list[tuple[str, int]]) -> None:
        """The shown characters of a paragraph of style ``istd``, outside field codes, onto ``out``;
        at a shown anchor, the text boxes ``queued`` for it, as paragraphs of their own."""
        for ch, chp in pending:
            if ch == _BOXED:
                ranges = queued.popleft()
                if shown(chp, istd, self.styles) and not any(fields):
                    for start, end in ranges:
                        out.append(("\r", 0))
                        out += self.read(start, end)
                    out.append(("\r", 0))
                continue
            if not shown(chp, istd, self.styles):
                continue
            if ch == _FIELD_BEGIN:
                fields.append(True)
            elif ch == _FIELD_SEPARATOR and fields and fields[-1]:
                fields[-1] = False
            elif ch == _FIELD_END and fields:
                fields.pop()
            elif not any(fields):
                out.append((ch, 0))


class _Paragraphs:
    """The flags and style of each paragraph: the FKP pages of paragraph properties, read on demand."""

    def __init__(self, word: bytes, plc: bytes, data: bytes) -> None:
        self.word, self.data = word, data
        n = (len(plc) - 4) // 8
        self.fcs = struct.unpack_from(f"<{n + 1}I", plc, 0) if n > 0 else (0,)
        self.pages = [p & 0x3FFFFF for p in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))] if n > 0 else []
        self.runs: dict[int, tuple[tuple[int, ...], list[tuple[int, int]]]] = {}

    def at(self, fc: int) -> tuple[int, int]:
        """The flags and the style (istd) of the paragraph whose mark is at file offset ``fc``."""
        k = bisect_right(self.fcs, fc) - 1
        if not 0 <= k < len(self.pages):
            return 0, 0
        bounds, props = self.runs.get(k) or self._page(k)
        j = bisect_right(bounds, fc) - 1
        return props[j] if 0 <= j < len(props) else (0, 0)

    def _page(self, k: int) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
        start = self.pages[k] * 512
        page = self.word[start:start + 512]
        if len(page) < 512:
            raise Broken("a paragraph-property page past the end of the WordDocument stream")
        crun = page[511]
        bounds = struct.unpack_from(f"<{crun + 1}I", page, 0)
        props = []
        seen: dict[int, tuple[int, int]] = {0: (0, 0)}    # paragraphs of a page often share one PAPX
        for r in range(crun):
            offset = page[4 * (crun + 1) + 13 * r] * 2
            if offset not in seen:
                seen[offset] = _papx(page, offset, self.data)
            props.append(seen[offset])
        self.runs[k] = (bounds, props)
        return bounds, props


def _papx(page: bytes, offset: int, data: bytes) -> tuple[int, int]:
    """The table flags (:mod:`.doc_cells`) the PAPX at ``offset`` of an FKP page sets, and its istd."""
    cb = page[offset]
    if cb == 0:
        size, pos = 2 * page[offset + 1], offset + 2
    else:
        size, pos = 2 * cb - 1, offset + 1
    istd = struct.unpack_from("<H", page, pos)[0]
    return _grpprl_flags(page, pos + 2, min(pos + size, 511), data), istd       # past the style index


def _grpprl_flags(buf: bytes, pos: int, end: int, data: bytes) -> int:
    """The flags a run of paragraph sprms sets; a huge PAPX is read from the Data stream."""
    flags, itap = 0, 0
    for sprm, at in sprms(buf, pos, end):
        if sprm == SPRM_IN_TABLE and buf[at]:
            flags |= IN_TABLE
        elif sprm == SPRM_TTP and buf[at]:
            flags |= ROW_END | IN_TABLE
        elif sprm == SPRM_INNER_TTP and buf[at]:           # a nested table's row ends (a 0x0D mark)
            flags |= INNER_ROW_END | IN_TABLE
        elif sprm == SPRM_INNER_CELL and buf[at]:          # a nested table's cell ends (a 0x0D mark)
            flags |= INNER_CELL | IN_TABLE
        elif sprm == SPRM_ITAP and at + 4 <= end:
            itap = struct.unpack_from("<i", buf, at)[0]
        elif sprm == SPRM_HUGE_PAPX and buf is not data:
            where = struct.unpack_from("<I", buf, at)[0]
            if where + 2 > len(data):
                raise Broken("a paragraph's properties past the end of the Data stream")
            size = struct.unpack_from("<H", data, where)[0]
            flags |= _grpprl_flags(data, where + 2, min(where + 2 + size, len(data)), data)
    return with_depth(flags, itap)
