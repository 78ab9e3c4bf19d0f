"""The character properties of a Word 97–2003 ``.doc`` that decide whether Word shows a character.

Word does not show text marked as a tracked deletion (``sprmCFRMarkDel``; text moved away by a
tracked move is a deletion too) nor hidden text (``sprmCFVanish``, directly or through the
character or paragraph style, see :mod:`.doc_styles`). The reader must not read either.

Direct character properties are in 512-byte FKP pages of the WordDocument stream, found through
``PlcBteChpx`` in the table stream ([MS-DOC] 2.8.x): the PLC maps file offsets to pages; a page
holds ``crun`` runs (``crun + 1`` offsets, then one byte per run: the word offset of its CHPX in
the page, 0 for none) and ``crun`` in its last byte. A CHPX is a size byte and a grpprl. A piece
of a fast-saved file may add sprms of its own (its ``Prm``), applied after the run's.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from typing import NamedTuple

from .doc_fib import Broken
from .doc_sprm import SPRM_DELETED, SPRM_ISTD, SPRM_VANISH, sprms
from .doc_styles import Styles, apply_toggle

__all__ = ["Chp", "Characters", "NO_CHP", "chp_of", "shown"]

_ISTD_DEFAULT_FONT = 10                 # "Default Paragraph Font": the character style of unstyled text


class Chp(NamedTuple):
    """What a run's own sprms say: its character style, its fVanish operand (-1: none), deleted."""

    istd: int
    vanish: int
    deleted: bool


NO_CHP = Chp(_ISTD_DEFAULT_FONT, -1, False)


def chp_of(buf: bytes, pos: int, end: int, under: Chp = NO_CHP) -> Chp:
    """``under`` changed by the sprms of ``buf[pos:end]`` (a later sprm overrides an earlier one)."""
    istd, vanish, deleted = under
    for sprm, at in sprms(buf, pos, end):
        if sprm == SPRM_DELETED:
            deleted = bool(buf[at])
        elif sprm == SPRM_VANISH:
            vanish = buf[at]
        elif sprm == SPRM_ISTD:
            istd = struct.unpack_from("<H", buf, at)[0]
    return Chp(istd, vanish, deleted)


def shown(chp: Chp, paragraph_istd: int, styles: Styles) -> bool:
    """Whether Word shows a character with these properties in a paragraph of style ``paragraph_istd``."""
    if chp.deleted:
        return False
    hidden = styles.hidden(paragraph_istd)
    if chp.istd != _ISTD_DEFAULT_FONT:
        hidden ^= styles.hidden(chp.istd)
    if chp.vanish >= 0:
        hidden = apply_toggle(hidden, chp.vanish)
    return not hidden


class Characters:
    """The direct character properties by file offset: FKP pages read on demand, the last run remembered."""

    def __init__(self, word: bytes, plc: bytes) -> None:
        self.word = word
        n = (len(plc) - 4) // 8
        self.fcs = struct.unpack_from(f"<{n + 1}I", plc, 0) if n > 0 else (0,)
        self.pages = [p & 0x3FFFFF for p in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))] if n > 0 else []
        self.runs: dict[int, tuple[tuple[int, ...], list[Chp]]] = {}
        self._last = (1, 0, NO_CHP)                   # [start, end) of the last run looked up, its properties

    def at(self, fc: int) -> Chp:
        """The direct properties of the character at file offset ``fc``."""
        start, end, chp = self._last
        if start <= fc < end:
            return chp
        k = bisect_right(self.fcs, fc) - 1
        if not 0 <= k < len(self.pages):
            return NO_CHP
        bounds, chps = self.runs.get(k) or self._page(k)
        j = bisect_right(bounds, fc) - 1
        if not 0 <= j < len(chps):
            return NO_CHP
        self._last = (bounds[j], bounds[j + 1], chps[j])
        return chps[j]

    def _page(self, k: int) -> tuple[tuple[int, ...], list[Chp]]:
        start = self.pages[k] * 512
        page = self.word[start:start + 512]
        if len(page) < 512:
            raise Broken("a character-property page past the end of the WordDocument stream")
        crun = page[511]
        if 4 * (crun + 1) + crun > 511:
            raise Broken("a malformed character-property page")
        bounds = struct.unpack_from(f"<{crun + 1}I", page, 0)
        chps = []
        seen: dict[int, Chp] = {0: NO_CHP}            # runs of a page often share one CHPX
        for r in range(crun):
            offset = page[4 * (crun + 1) + r] * 2
            if offset not in seen:
                seen[offset] = chp_of(page, offset + 1, offset + 1 + page[offset])
            chps.append(seen[offset])
        self.runs[k] = (bounds, chps)
        return bounds, chps
