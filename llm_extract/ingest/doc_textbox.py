"""Where the text boxes of a Word 97–2003 ``.doc`` stand in its main text.

The text of the main document's text boxes is not in the main text: it is a story of its own
(``ccpTxbx`` CPs after the main, footnote, header, comment and endnote stories), cut into one
range per text box by ``PlcftxbxTxt`` (CPs relative to the story's start, then one 22-byte
``FTXBXS`` per range: its ``lid`` is the id of the shape holding the box; the last range is a
dummy, and ranges kept for reuse are empty). The main text holds, where the box is anchored, the
character 0x08 at a CP listed in ``PlcSpaMom`` with its shape's ``FSPA`` (whose first field is the
shape id). A text box is read where it is anchored, its paragraphs between the anchor's
paragraph halves, as Word's own text export places it; a box whose shape is not found (or all
of them, when these tables are unreadable) is read after the main text, so no text is lost and
none is read twice.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from .doc_fib import Broken, Fib, table_slice

__all__ = ["TextBoxes", "text_boxes"]

_FC_PLC_SPA_MOM, _FC_PLCF_TXBX_TXT = 40, 56            # indexes in FibRgFcLcb97
_FSPA, _FTXBXS = 26, 22                                # record sizes


class TextBoxes(NamedTuple):
    """The text boxes' CP ranges: by the main-text CP of their anchor, and those with no anchor found."""

    anchored: dict[int, list[tuple[int, int]]]
    loose: list[tuple[int, int]]


def text_boxes(table: bytes, f: Fib) -> TextBoxes:
    """The main document's text boxes (no box: both empty)."""
    start, end = f.textboxes
    if end <= start:
        return TextBoxes({}, [])
    if len(f.pairs) <= _FC_PLCF_TXBX_TXT:
        return TextBoxes({}, [(start, end)])
    try:
        boxes = _boxes(table_slice(table, *f.pairs[_FC_PLCF_TXBX_TXT]), start, end)
        anchors = _anchors(table_slice(table, *f.pairs[_FC_PLC_SPA_MOM]), f.ccp_text) if boxes else {}
    except Broken:                                     # where the boxes stand is lost, not their text
        boxes = []
    if not boxes:
        return TextBoxes({}, [(start, end)])
    anchored: dict[int, list[tuple[int, int]]] = {}
    loose = []
    for lid, cps in boxes:
        if lid in anchors:
            anchored.setdefault(anchors.pop(lid), []).append(cps)
        else:
            loose.append(cps)
    return TextBoxes(anchored, loose)


def _boxes(plc: bytes, start: int, end: int) -> list[tuple[int, tuple[int, int]]]:
    """(shape id, CP range) of each text box; [] when the PLC does not cover the story as it should."""
    n = (len(plc) - 4) // (4 + _FTXBXS)
    if n < 1 or 4 * (n + 1) + _FTXBXS * n != len(plc):
        return []
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    if cps[0] != 0 or any(b < a for a, b in zip(cps, cps[1:])) or start + cps[-1] > end:
        return []
    out = []
    for i in range(n - 1):                                    # the last range is a dummy
        reusable, = struct.unpack_from("<H", plc, 4 * (n + 1) + _FTXBXS * i + 8)
        lid, = struct.unpack_from("<i", plc, 4 * (n + 1) + _FTXBXS * i + 14)
        if not reusable and cps[i + 1] > cps[i]:
            out.append((lid, (start + cps[i], start + cps[i + 1])))
    return out


def _anchors(plc: bytes, ccp_text: int) -> dict[int, int]:
    """Shape id → the main-text CP of its anchor."""
    n = (len(plc) - 4) // (4 + _FSPA)
    if n < 1 or 4 * (n + 1) + _FSPA * n != len(plc):
        return {}
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = {}
    for i in range(n):
        spid, = struct.unpack_from("<i", plc, 4 * (n + 1) + _FSPA * i)
        if 0 <= cps[i] < ccp_text:
            out.setdefault(spid, cps[i])
    return out
