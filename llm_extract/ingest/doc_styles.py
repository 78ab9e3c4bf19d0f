"""The style sheet (STSH) of a Word 97–2003 ``.doc``: which styles make their text hidden.

Word hides text whose character properties end with ``fVanish`` set, and those properties are
built in layers ([MS-DOC] 2.4.6.x): the paragraph style's character properties, then the run's
character style (``sprmCIstd``), then the run's own sprms. Each style holds only what it changes
from the style it is based on (``istdBase``), so a style's value is its base chain's value with its
own sprm applied. ``fVanish`` is a toggle: in a style or a run, operand 0 clears it, 1 sets it,
0x80 keeps the underlying value and 0x81 inverts it; a character style over a paragraph style
inverts the paragraph style's value where it sets it (Word's toggle rule).

The STSH: ``cbStshi`` and the STSHI header (``cstd``, ``cbSTDBaseInFile``…), then one
``LPStd`` per style (a 2-byte size, 0 for an empty slot; the STD: the fixed ``Stdf``, the name,
then ``cupx`` property blocks, each a 2-byte size, its bytes, padded to an even length). A
paragraph style (``stk`` 1) holds its paragraph block (istd + grpprl) then its character block; a
character style (``stk`` 2) its character block; table styles (``stk`` 3) a table, a paragraph and
a character block.
"""

from __future__ import annotations

import struct

from .doc_sprm import SPRM_VANISH, sprms

__all__ = ["Styles", "apply_toggle"]

_ISTD_NIL = 0x0FFF
_MAX_CHAIN = 16                 # based-on chains deeper than this are taken as broken (a cycle)


def apply_toggle(under: bool, operand: int) -> bool:
    """A toggle property's value after a sprm with ``operand`` over the value ``under``."""
    if operand in (0, 1):
        return bool(operand)
    if operand == 0x81:
        return not under
    return under                                    # 0x80, and values Word does not define


class Styles:
    """The hidden-text toggle of each style of an STSH (an empty or unreadable STSH: no style hides text)."""

    def __init__(self, stsh: bytes) -> None:
        self._base: dict[int, int] = {}
        self._vanish: dict[int, int] = {}                # istd → the fVanish operand its own properties set
        self._memo: dict[int, bool] = {}
        try:
            self._read(stsh)
        except (struct.error, IndexError):
            self._base.clear()
            self._vanish.clear()

    def hidden(self, istd: int) -> bool:
        """Whether the style ``istd`` (with its based-on chain) makes its text hidden."""
        return self._hidden(istd, 0)

    def _hidden(self, istd: int, depth: int) -> bool:
        if istd in self._memo:
            return self._memo[istd]
        base = self._base.get(istd, _ISTD_NIL)
        under = False if base == _ISTD_NIL or depth >= _MAX_CHAIN else self._hidden(base, depth + 1)
        value = apply_toggle(under, self._vanish[istd]) if istd in self._vanish else under
        self._memo[istd] = value
        return value

    def _read(self, stsh: bytes) -> None:
        if len(stsh) < 6:
            return
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        pos = 2 + cb_stshi
        for istd in range(cstd):
            if pos + 2 > len(stsh):
                return
            cb_std = struct.unpack_from("<H", stsh, pos)[0]
            std = stsh[pos + 2:pos + 2 + cb_std]
            pos += 2 + cb_std
            if cb_std >= 10:
                self._style(istd, std, cb_base)

    def _style(self, istd: int, std: bytes, cb_base: int) -> None:
        stk_base, cupx_next = struct.unpack_from("<HH", std, 2)
        stk, base, cupx = stk_base & 0x0F, stk_base >> 4, cupx_next & 0x0F
        self._base[istd] = base
        pos = cb_base
        cch = struct.unpack_from("<H", std, pos)[0]
        pos += 2 + 2 * cch + 2                          # the name, its characters and a terminating zero
        blocks: list[bytes] = []
        for _ in range(cupx):
            if pos + 2 > len(std):
                break
            cb = struct.unpack_from("<H", std, pos)[0]
            blocks.append(std[pos + 2:pos + 2 + cb])
            pos += 2 + cb + (cb & 1)
        chpx = {1: 1, 2: 0, 3: 2}.get(stk)             # which block holds the character properties
        if chpx is None or chpx >= len(blocks):
            return
        for sprm, at in sprms(blocks[chpx], 0, len(blocks[chpx])):
            if sprm == SPRM_VANISH:
                self._vanish[istd] = blocks[chpx][at]
