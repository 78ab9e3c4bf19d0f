"""Property modifiers (sprms) of a Word 97–2003 ``.doc``: walking a grpprl, and the few sprms the reader obeys.

A grpprl is a run of sprms, each a 2-byte code followed by its operand; the code's top three bits
(``spra``) give the operand's size, except for variable-size operands, which carry their own size
([MS-DOC] 2.2.5.1). A piece of a fast-saved (complex) file may carry a one-sprm modifier, ``Prm0``,
whose 7-bit index stands for a sprm through a fixed table ([MS-DOC] 2.2.2 ``Prm0``): the entries the
reader obeys are in :data:`PRM0_SPRMS`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

__all__ = ["sprms", "PRM0_SPRMS", "SPRM_IN_TABLE", "SPRM_TTP", "SPRM_INNER_TTP", "SPRM_INNER_CELL", "SPRM_ITAP",
           "SPRM_HUGE_PAPX",
           "SPRM_DELETED", "SPRM_VANISH", "SPRM_ISTD"]

SPRM_DEF_TABLE, SPRM_CHG_TABS = 0xD608, 0xC615      # variable operands whose size is not one byte
SPRM_HUGE_PAPX = 0x6646                             # the paragraph's properties are in the Data stream
SPRM_IN_TABLE = 0x2416                              # sprmPFInTable: this paragraph is in a table cell
SPRM_TTP, SPRM_INNER_TTP = 0x2417, 0x244C           # sprmPFTtp / sprmPFInnerTtp: this paragraph ends a row
SPRM_INNER_CELL = 0x244B                            # sprmPFInnerTableCell: this paragraph ends a nested table's cell
SPRM_ITAP = 0x6649                                  # sprmPItap: how deep in nested tables the paragraph stands
SPRM_DELETED = 0x0800                               # sprmCFRMarkDel: deleted text (a tracked deletion)
SPRM_VANISH = 0x083C                                # sprmCFVanish: hidden text
SPRM_ISTD = 0x4A30                                  # sprmCIstd: the character style

#: ``Prm0.isprm`` → sprm, for the sprms the reader obeys (the rest of the table changes nothing it reads).
PRM0_SPRMS = {0x18: SPRM_IN_TABLE, 0x19: SPRM_TTP, 0x41: SPRM_DELETED, 0x5C: SPRM_VANISH}


def sprms(buf: bytes, pos: int, end: int) -> Iterator[tuple[int, int]]:
    """(sprm, position of its operand) for each sprm of ``buf[pos:end]``; stops where an operand
    would run past ``end`` or its size cannot be known."""
    end = min(end, len(buf))
    while pos + 3 <= end:
        sprm = struct.unpack_from("<H", buf, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == SPRM_DEF_TABLE:                    # a two-byte size, counting itself less one
            if pos + 2 > end:
                return
            size = 1 + struct.unpack_from("<H", buf, pos)[0]
        elif sprm == SPRM_CHG_TABS and buf[pos] == 255:  # a computed size: nothing of ours follows
            yield sprm, pos
            return
        else:
            size = 1 + buf[pos]
        if pos + size > end:
            return
        yield sprm, pos
        pos += size
