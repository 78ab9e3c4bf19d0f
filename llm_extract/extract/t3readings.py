"""A 表三 row's cells into readings: read where they add up, else missing, with every reading the identities may
choose among (lost cells' places, a number split in two or two cells merged, OCR'd rules dropped) as an ambiguity.

The row readers of :mod:`.table3` find a row's label and its cells; this decides what of them is read.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..schema import TABLE3_ROW_PATHS
from .blankcols import placed_methods
from .cells import Cell, parse_cell, nfkc
from .glued import forced_cells, recount_options, row_cuts, row_holds, spaced_cuts
from .runjoins import printed_pieces
from .layout import Item
from .markgaps import MarkOption, split_and_lost_options
from .readings import MAX_GAP_OPTIONS, Readings, gap_options, missing, reading
from .wrapoptions import wrapped_piece_options

__all__ = ["guessed", "row_readings"]


def _apart_lines_checked(cells: list[Cell], cell_lines: list[int] | None) -> bool:
    """Whether a row whose cells several lines share holds its blanks, placeholders and 0s on one line only, every
    other line numbers other than 0 (a web page's source wrap broke the row: ``19`` / ``无 无 无 无 7 26``): the
    cells that line keeps in order are the ones no identity tells apart, and a number standing in another column
    than the one it was read in breaks its column's sum."""
    if not cell_lines or len(cell_lines) != len(cells):
        return False
    loose = {line for cell, line in zip(cells, cell_lines)
             if cell.kind not in _PRINTED_COUNTS or not cell.value}
    return len(loose) <= 1


def _row_sum_holds(cells: list[Cell]) -> bool:
    values = [c.value or 0 for c in cells]
    return values[6] == sum(values[:6])


def _led_by_zero(cells: list[Cell]) -> bool:
    """Whether a cell is printed as digits with a leading zero (``00``, ``05``): no count is written so, the token
    is cells run together, and a blank beside it is then the column the merge left empty, not a blank cell."""
    for c in cells:
        if c.kind in _PLAIN_KINDS:
            raw = nfkc(c.raw).strip()
            if len(raw) > 1 and raw[0] == "0" and raw.isdigit():
                return True
    return False


def _split_row(cell_lines: list[int] | None, label_line: int = -1) -> bool:
    """Whether a row's cells come from several lines that each hold more than one (a fixed-width row
    broken over two lines: which line's cell stands in which column is unsure, and a blank or a
    placeholder swapped with a 0 breaks no identity). One cell a line is a cell-per-line export, and so is
    a label on a line of its own over a cell a line but for a line or two of two cells (an OCR engine's
    boxes, neighbouring cells in one box: ``0 / - 0 / 0 0 / 0 / 0``, read in their order). The first cells on
    the label's line (``3.危及“三安全一稳定” / / /``, then a cell a line: pdftotext's default mode) are a
    fixed-width row's, whose other cells may stand elsewhere."""
    if not cell_lines or len(set(cell_lines)) < 2:
        return False
    per_line = Counter(cell_lines)
    if len(per_line) >= 4 and label_line not in per_line and max(per_line.values()) <= 2 \
            and sum(1 for n in per_line.values() if n > 1) <= 2:
        return False
    return len(per_line) < len(cell_lines)


# (an enum member's lookup costs more than the test: looked up once)
_BLANK, _PLACEHOLDER, _MISSING_KIND = CellKind.BLANK, CellKind.PLACEHOLDER, CellKind.MISSING
#: the kinds of a cell that ``is_number`` (cells.Cell)
_NUMBER_KINDS = frozenset({CellKind.NUMBER, CellKind.ZERO, CellKind.ANNOTATED, CellKind.OCR})
_PRINTED_COUNTS = frozenset({CellKind.NUMBER, CellKind.ANNOTATED})     # (not an OCR'd guess)
#: the kinds of a token printed as a plain count (no note, no OCR letter)
_PLAIN_KINDS = frozenset({CellKind.NUMBER, CellKind.ZERO})


def _digits(item: Item) -> str | None:
    """A token's digits, when it is printed as plain digits only (no separator, note, OCR letter or mark)."""
    raw = nfkc(item.cell.raw).strip()
    return raw if item.cell.kind in _PLAIN_KINDS and raw.isascii() and raw.isdigit() else None


def _run_together(numbers: list[Item], printed: list[Item] | None) -> list[int] | None:
    """The seven cells of a row printed as fewer tokens, some of which start with 0 (``00 0 0 0 0 0``, ``05``):
    no count is written with a leading zero, so such a token is cells run together, each of its leading zeros
    a cell of 0 and the rest one number (``glued.forced_cells``). When that fills the row exactly it is the
    fewest cells the tokens can be: every other reading has more (and is no row), and a lost cell would leave
    a cell fewer than the tokens already show. Read as printed then, for the identities to check like any row;
    ``None`` otherwise (a token without a leading zero may be any number of cells: the identities choose)."""
    if not numbers or len(numbers) >= 7 or (printed is not None and len(printed) != len(numbers)):
        return None
    digits = [_digits(n) for n in numbers]
    if any(d is None for d in digits) or not any(len(d) > 1 and d[0] == "0" for d in digits if d):
        return None
    cells = forced_cells([d for d in digits if d is not None], 7)
    return None if cells is None or any(v is None for v in cells) else [v for v in cells if v is not None]


def _token_of_each(numbers: list[Item]) -> list[Item]:
    """The token each of a run-together row's seven cells was read from, in order."""
    out: list[Item] = []
    for n in numbers:
        d = _digits(n) or ""
        rest = d.lstrip("0")
        out += [n] * (len(d) - len(rest) + (1 if rest else 0))
    return out


def guessed(cell: Cell) -> bool:
    """A cell of OCR letters alone (``o``, ``D``): unreadable, the digits its letters stand for as its guess."""
    return cell.kind is _MISSING_KIND and isinstance(cell.value, int)


def row_readings(row: str, cells: list[Cell] | None, numbers: list[Item], label: Item,
                  method: str, out: Readings, ambiguities: list[Ambiguity],
                  cell_lines: list[int] | None = None, glyph_options: list[list[int | None]] | None = None,
                  placed: bool = False, stream: bool = False, only_options: bool = False,
                  mark_options: list[MarkOption] | None = None, ocr: bool = False,
                  printed: list[Item] | None = None) -> None:
    """The row's readings into ``out``; where its cells are not read, every reading the identities may choose
    among into ``ambiguities`` (``only_options``: the ``glyph_options`` alone, the row's tokens read no other way;
    ``mark_options``: readings with printed placeholders in their places, extract/markgaps.py; ``ocr``: the table
    shows an OCR reading, so seven numbers that break their row's total may be a split number and a lost cell;
    ``printed``: the row's tokens as printed, placeholders among its numbers, for the provenance's raw)."""
    paths = TABLE3_ROW_PATHS[row]
    lost_blanks = False
    split_lost: list[list[int]] = []
    if ocr and cells is not None and len(cells) == 7 and not only_options \
            and all(c.kind in _NUMBER_KINDS and isinstance(c.value, int) for c in cells):
        split_lost = split_and_lost_options([c.value for c in cells])   # (none where the row holds)
    kinds = {c.kind for c in cells} if cells is not None else None
    if kinds is not None and not kinds <= _NUMBER_KINDS:     # (most rows: numbers only, nothing to weigh)
        has_number = not kinds.isdisjoint(_NUMBER_KINDS)
        has_empty = _BLANK in kinds
        has_blank = has_empty or _PLACEHOLDER in kinds
        if has_empty and _MISSING_KIND in kinds:
            cells = None                # an unreadable cell beside empty fields: nothing can be checked
            # (beside printed placeholders, 0 / o 0 / / 0, each token holds its cell: the letters' guesses
            # are the identities' to pin)
        else:
            # A blank beside numbers is a blank cell in a cell-per-line export (when the row adds up),
            # but a lost cell in tab-separated PDF text, where the columns slide; a placeholder (—, /) is
            # printed, and slides no column: a cell of its own when the row adds up. A row whose cells two
            # lines share, a blank among them, is never read cell by cell.
            lost_blanks = has_number and has_blank and ((method == "tab-row" and has_empty)
                                                        or not _row_sum_holds(cells) or _led_by_zero(cells)
                                                        or (not stream and _split_row(cell_lines, label.line)
                                                            and not _apart_lines_checked(cells, cell_lines)))
    if cells is not None and not lost_blanks and not split_lost:
        at = label.line
        if not cell_lines and not placed:
            for path, cell in zip(paths, cells):       # (readings.reading, inlined: 175 cells a table)
                out[path] = Reading(cell.plain, cell.kind, cell.raw, [at], method, cell.note)
            return
        if not placed:
            for path, cell, line in zip(paths, cells, cell_lines or [at] * len(cells)):
                out[path] = Reading(cell.plain, cell.kind, cell.raw,
                                    [at] if line == at else [at, line] if at < line else [line, at], method, cell.note)
            return
        for path, cell, line, how in zip(paths, cells, cell_lines or [at] * len(cells), placed_methods(cells, method)):
            out[path] = Reading(cell.plain, cell.kind, cell.raw,
                                [at] if line == at else [at, line] if at < line else [line, at], how, cell.note)
        return
    if cells is None and not (ocr or only_options or mark_options or glyph_options or split_lost) \
            and (run_together := _run_together(numbers, printed)) is not None:
        for path, value, item in zip(paths, run_together, _token_of_each(numbers)):
            out[path] = reading(parse_cell(str(value)), sorted({label.line, item.line}), Method.RUN_TOGETHER)
        return
    lines = sorted({label.line, *(n.line for n in numbers)})
    raw = " ".join(n.raw for n in printed or numbers)      # (a placeholder row's as printed: 1 - - 1 - 5)
    # Fewer numbers than columns, or blanks that break the row: which cells were lost is unknown. A cell of
    # OCR letters alone (o, D) stands in its place with its guess: an option the identities check, never proof
    nums = [int(n.cell.value) for n in numbers if isinstance(n.cell.value, int | Decimal)
            and (n.cell.is_number or n.cell.kind is _MISSING_KIND)]
    note = f"{len(nums)} numbers for 7 columns" if len(nums) != 7 else \
        "its seven numbers break the row total (a number split and a cell lost?)" if split_lost else \
        "blank cells break the row total"
    for path in paths:
        out[path] = missing(raw, lines, method, note)
    # lost cells: every place for them; a number split in two or two cells merged: every recount that
    # keeps the row's total. The identities choose among them
    if only_options:
        nums = []
    options: list[list[int | None]] = gap_options(nums, 7) if 0 < len(nums) < 7 else []
    if len(options) > MAX_GAP_OPTIONS:
        options = []
    counted = [n for n in numbers if isinstance(n.cell.value, int | Decimal)
               and (n.cell.is_number or n.cell.kind is _MISSING_KIND)]
    pieces = printed_pieces([n.cell.raw for n in counted], nums) if len(counted) == len(nums) else None
    options += [o for o in recount_options(nums, 7, row_holds, extra=True, pieces=pieces)    # 1 0 for 10; 10 for 1, 0;
                if o not in options]                                                      # 2 08 for 208
    if len(nums) > 7:                               # wide counts' digits wrapped onto a line of their own
        options += [o for o in wrapped_piece_options(numbers) if o not in options]
    if len(nums) == 14 and nums[:7] == nums[7:]:    # the row printed again after a page break
        options.append(list(nums[:7]))
    options += [o for o in glyph_options or () if o not in options]     # OCR'd table rules dropped
    options += [o for o in split_lost if o not in options]      # 1 4 0 0 0 0 15: 14 split, a cell lost
    digits = [n.cell.raw.strip() for n in numbers]
    if 0 < len(nums) < 7 and sum(map(len, digits)) >= 7:     # or runs of glued cells, parted by a few spaces
        options += [o for o in spaced_cuts(digits, row_cuts) if o not in options]
    marks: list[list[bool]] = []
    if mark_options and not only_options:
        # placeholders printed among the numbers hold their places as cells: the readings that move a number
        # onto a placeholder's place (its numbers alone placed anywhere) are not the row's
        options = [option for option, _ in mark_options]
        marks = [marked for _, marked in mark_options]
        for option in glyph_options or ():
            if option not in options:
                options.append(option)
                marks.append([False] * len(paths))
    if options:
        ambiguities.append(Ambiguity(paths=list(paths), options=options, raw=raw, lines=lines, marks=marks,
                                     reason=f"row {row}: {note}; the lost cells' positions are unknown"))
