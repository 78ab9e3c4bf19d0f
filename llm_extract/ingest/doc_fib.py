"""Where a Word 97–2003 ``.doc`` keeps its text: the FIB's counts and pointers, and the piece table.

The ``WordDocument`` stream starts with the FIB ([MS-DOC] 2.5): ``FibBase``, then ``fibRgW``,
``fibRgLw`` (the character counts of the stories: main text, footnotes, headers, macro, comments,
endnotes, text boxes, header text boxes, in this order in the CP space) and ``fibRgFcLcb`` (the
(offset, size) pairs of the structures in the table stream).

The piece table (``Pcdt`` in the CLX) says which runs of CPs sit where in ``WordDocument``, as
UTF-16 or as 8-bit "compressed" text. Each piece has a ``Prm``: in a fast-saved (complex) file,
sprms that apply to the whole piece, either one sprm (``Prm0``, see :data:`~.doc_sprm.PRM0_SPRMS`)
or an index into the CLX's ``Prc`` list of grpprls (``Prm1``).
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from .doc_sprm import PRM0_SPRMS

__all__ = ["Broken", "Fib", "Piece", "fib", "pieces", "table_slice",
           "FC_STSHF", "FC_PLCF_BTE_CHPX", "FC_PLCF_BTE_PAPX", "FC_CLX"]

FC_STSHF, FC_PLCF_BTE_CHPX, FC_PLCF_BTE_PAPX, FC_CLX = 1, 12, 13, 33   # indexes in FibRgFcLcb97


class Broken(Exception):
    """A stream that does not hold what the FIB says (named by :func:`~.doc.doc_to_text`)."""


class Fib(NamedTuple):
    """The story lengths (``ccpText``, ``ccpFtn``, ``ccpHdd``, ``ccpMcr``, ``ccpAtn``, ``ccpEdn``,
    ``ccpTxbx``) and the (fc, lcb) pairs of the table stream."""

    ccps: tuple[int, ...]
    pairs: list[tuple[int, int]]

    @property
    def ccp_text(self) -> int:
        return self.ccps[0]

    @property
    def textboxes(self) -> tuple[int, int]:
        """The CP range of the text-box story (text boxes of the main document), after the other stories."""
        start = sum(self.ccps[:6])
        return start, start + self.ccps[6]


class Piece(NamedTuple):
    """A run of text: its CPs ``[cp_start, cp_end)``, its offset in WordDocument, whether 8-bit,
    and the sprms its ``Prm`` adds (empty for none)."""

    cp_start: int
    cp_end: int
    fc: int
    compressed: bool
    grpprl: bytes


def fib(word: bytes) -> Fib:
    """The FIB's story lengths and (fc, lcb) pairs."""
    pos = 0x20
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + 2 * csw
    cslw = struct.unpack_from("<H", word, pos)[0]
    if cslw < 10:
        raise Broken("a FIB too short to locate the text")
    ccps = struct.unpack_from("<7i", word, pos + 2 + 4 * 3)
    pos += 2 + 4 * cslw
    count = struct.unpack_from("<H", word, pos)[0]
    pos += 2
    if count <= FC_CLX or any(c < 0 for c in ccps):
        raise Broken("a FIB too short to locate the text")
    return Fib(ccps, [struct.unpack_from("<II", word, pos + 8 * i) for i in range(count)])


def table_slice(stream: bytes, fc: int, lcb: int) -> bytes:
    """``lcb`` bytes at ``fc`` of the table stream."""
    if fc + lcb > len(stream):
        raise Broken("the FIB points past the end of the table stream")
    return stream[fc:fc + lcb]


def pieces(clx: bytes) -> list[Piece]:
    """The piece table, each piece with the sprms of its ``Prm``."""
    pos = 0
    prcs: list[bytes] = []
    while pos < len(clx) and clx[pos] == 0x01:              # Prc: the grpprls of Prm1 modifiers
        size = struct.unpack_from("<h", clx, pos + 1)[0]
        if size < 0:
            raise Broken("a malformed property modifier")
        prcs.append(clx[pos + 3:pos + 3 + size])
        pos += 3 + size
    if pos >= len(clx) or clx[pos] != 0x02:
        raise Broken("no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n < 1 or 4 * (n + 1) + 8 * n != len(plc):
        raise Broken("a malformed piece table")
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = []
    for i in range(n):
        fc_raw, prm = struct.unpack_from("<IH", plc, 4 * (n + 1) + 8 * i + 2)
        compressed = bool(fc_raw & 0x40000000)
        fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        if cps[i + 1] < cps[i]:
            raise Broken("a piece table out of order")
        out.append(Piece(cps[i], cps[i + 1], fc, compressed, _prm(prm, prcs)))
    return out


def _prm(prm: int, prcs: list[bytes]) -> bytes:
    """The sprms a piece's Prm stands for."""
    if prm & 1:
        index = prm >> 1
        return prcs[index] if index < len(prcs) else b""
    sprm = PRM0_SPRMS.get((prm >> 1) & 0x7F)
    return struct.pack("<HB", sprm, prm >> 8) if sprm is not None else b""
