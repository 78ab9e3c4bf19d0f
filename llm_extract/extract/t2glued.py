"""表二 cells run into their row's label, as crawlers and OCR print them (``规章000``, ``行政事业性收费80.768万元``,
``规章无无无``, ``49O.69``, ``行政规范性文件2（其中修订1件）0 5``): which cells such a key holds, and which it cannot say."""

from __future__ import annotations

import re

from ..evidence import Ambiguity, CellKind, Method, Reading
from .cells import OCR_LETTERS, Cell, letters_as_digits, parse_cell
from .glued import cuts, forced_readings, parted_at, width_bounds
from .labels import names_table2_row, strip_item_number
from .layout import Item
from .readings import Readings, fits_field, missing, reading

__all__ = ["glued_ocr", "without_fee_unit", "glued_placeholders", "annotated_first", "t2_glued"]

_DIGIT = re.compile(r"\d")
_GLUED_OCR = re.compile(rf"^(.*?[\u4e00-\u9fff)）])([\d{OCR_LETTERS}]+(?:\.[\d{OCR_LETTERS}]+)?)$")


def glued_ocr(key: str) -> Cell | None:
    """The cell a one-cell row's label key ends in when OCR confusions stand in it (``49O.69``, ``O``):
    read as a digit-anchored confusion, or as letters only (never proven: verify/guesses.py)."""
    m = _GLUED_OCR.match(key)
    if m is None or _DIGIT.search(strip_item_number(m.group(1))):
        return None
    cell = parse_cell(m.group(2))
    return cell if cell.kind is CellKind.OCR else letters_as_digits(cell)


def without_fee_unit(key: str) -> str:
    """The fee row's key without the column's own unit after a glued number: a crawler's
    ``行政事业性收费80.768万元`` is the fee 80.768 (万元 is the column's unit; 元 is not, nor is a note)."""
    return key[:-2] if key.endswith("万元") and key[-3:-2].isdigit() else key


def glued_placeholders(key: str, n: int) -> bool:
    """Whether a row's key ends in exactly its ``n`` cells printed 无, glued to the label (``规章无无无``; no label of
    表二 ends in 无)."""
    return key.endswith("无" * n) and not key.endswith("无" * (n + 1)) and len(key) > n


#: a stock row's label, then its first cell with its count's note (``行政规范性文件2（其中修订1件）``): a crawler's dump runs
#: the row's other cells on after the note
_ANNOTATED_FIRST = re.compile(r"^(?P<label>[^\d]*[\u4e00-\u9fff])(?P<cell>(?:[1-9]\d*|0)[(（](?:其中|含|包括)[^()（）\d]*\d+[^()（）\d]*[)）])$")


def annotated_first(head: str) -> Cell | None:
    """The first cell of a glued stock row whose count's note parts it from the rest of the run (``head``: the key
    before that run), or None."""
    m = _ANNOTATED_FIRST.match(head)
    if m is None or not names_table2_row(m.group("label")):
        return None
    cell = parse_cell(m.group("cell"))
    return cell if cell.is_number else None


def t2_glued(number: str, paths: list[str], item: Item, out: Readings,
              ambiguities: list[Ambiguity] | None) -> None:
    """A 表二 row whose cells ran into its label: one cell is read; three are cut (never read), unless the run is
    three zeros (``glued.forced_readings``)."""
    if len(paths) == 1:
        r = reading(parse_cell(number), [item.line], "glued")
        if not fits_field(paths[0], r.value):
            r = missing(number, [item.line], "glued", "a decimal where a count belongs")
        out[paths[0]] = r
        return
    forced = forced_readings([number], len(paths), item.line) if item.key.endswith(number) else None
    if forced is not None:              # 规章000: three cells of 0 (a run of zeros, each one a cell)
        out.update(zip(paths, forced))
        return
    note = "glued digit run: where the cells part is unknown"
    for path in paths:
        out[path] = missing(number, [item.line], "glued", note)
    options = cuts(number, len(paths)) if number.isdigit() and len(number) <= 12 else []
    options = parted_at(options, width_bounds(item.raw, number))     # a cut where the width switches
    if options and len(options) == 1:   # the only cut (000, 1000): read, but no identity checks it (a blank
        for path, value in zip(paths, options[0]):      # cell leaves no trace in a run): never proven
            cell = parse_cell(str(value))
            out[path] = Reading(cell.plain, cell.kind, number, [item.line], Method.GLUED_CUT,
                                f"the only cut of the digit run {number} into {len(paths)} cells")
        return
    if options and ambiguities is not None:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=number, lines=[item.line],
                                     reason=f"{paths[0].rsplit('.', 1)[0]}: {note}"))
