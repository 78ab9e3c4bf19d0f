"""表三 rows whose seven cells ran together (a crawler's dump of a web page's table: ``数量640020470``).

:func:`read_glued_row` leaves such a row missing with every cut into seven cells that adds up among its options, for
the whole-table identity search (verify/) to choose; where the run holds empty cells printed in it (``…制作00—0000``)
and every cut puts them in the same places, those cells are read empty there; a label with only placeholders after it
is a row of empty cells (not where digits stand inside its words: ``（二）部分公开（区分处理的，只计这一情0000000形，不计其他情形）``,
a row's cells printed amid its wrapped label). A run the text alone cuts (each placeholder a cell, each run of zeros as many cells of 0,
filling the row: ``45无无无无无45``, ``0000000``) is read as printed, the identities checking it as any row.
A run no cut into seven cells adds up (``8211589``, ``33``: a web table's empty cells dropped, as a crawler drops
them) is offered as its cuts into fewer numbers that add up, the total last and the others placed in every
order-keeping way among the six columns, the rest not printed: the identities place them (``verify.blankplace``),
derived, never proven.
"""

from __future__ import annotations

import re
from itertools import combinations

from ..evidence import Ambiguity
from ..schema import TABLE3_ROW_PATHS
from .cells import parse_cell
from .glued import blanked_options, blanked_run, cuts, forced_readings, glued_run, parted_at, placeholder_partings, row_cuts, row_holds, width_bounds
from .layout import Item
from .readings import MAX_GAP_OPTIONS, Readings, missing, reading
from .separatedruns import separated_cuts, separated_run

__all__ = ["read_glued_row", "blank_doubt", "stray_digits", "glued_then_marks"]

#: how many rows a glued row's last cells, printed as marks on lines of their own, may stand under its label
_MARK_LINES = 6


def glued_then_marks(label: Item, span: list[Item]) -> Item | None:
    """A glued row whose last cells are empty cells' marks the crawler left on lines of their own, one to a line
    right under the label (``5.属于三类内部事务信息000000`` / ``－``): the label with its run and those marks as one
    run (``…000000－``), read as a run with empty cells printed in it; ``None`` for any other row."""
    if not span or len(span) > _MARK_LINES or glued_run(label.key) is None \
            or [it.line for it in span] != list(range(label.line + 1, label.line + 1 + len(span))):
        return None
    marks = "".join(it.raw.strip() for it in span)
    if not all(it.is_value and not it.cell.is_number for it in span) or blanked_run(label.key + marks) is None:
        return None
    return Item(label.raw + marks, label.line, label.cell, label.col, label.key + marks, label.width, label.grid)


#: a label with nothing after it but placeholders: the row's cells are empty
_GLUED_BLANKS = re.compile(r".*[\u4e00-\u9fff）)]([/\-—–－]*)")


def read_glued_row(row: str, label: Item, out: Readings, ambiguities: list[Ambiguity],
                   doubt: str | None = None) -> None:
    """A 表三 row whose seven cells ran together (``数量640020470``): cut where the identities allow. ``doubt``: why a
    label with nothing after it may not be a row of empty cells (:func:`blank_doubt`): then it is left unread."""
    paths = list(TABLE3_ROW_PATHS[row])
    blanked = blanked_run(label.key)      # (before the digit run: in …0000无00 the 无 is a cell)
    if blanked is not None:
        partings = placeholder_partings(blanked[1])
        if len(partings) == 1 and _read_forced(paths, partings[0], label, out):
            return
        if not _blanked_row(paths, blanked_options(blanked[1]), label, out, ambiguities):
            for path in paths:
                out[path] = missing(label.raw, [label.line], "glued",
                                    "glued digit run with empty cells: no single place for them")
        return
    run = glued_run(label.key)
    if run is None and (separated := separated_run(label.key)) is not None:     # 3,4281428992533,732
        _cut_row(row, paths, separated[1], separated_cuts(separated[1], len(paths), row_holds), label, ambiguities, out)
        return
    if run is None:
        blank = _GLUED_BLANKS.fullmatch(label.key)
        if blank and doubt is None and _DIGIT.search(_ITEM.sub("", _NUMBERING.sub("", label.key))):
            doubt = "digits stand inside the label's words: its cells, printed amid its wrapped words, perhaps"
        if blank and doubt is not None:
            for path in paths:
                out[path] = missing(label.raw, [label.line], "glued", doubt)
        elif blank:                           # nothing, or placeholders, after the label: seven empty cells
            for path in paths:
                out[path] = reading(parse_cell(blank.group(1)[:1]), [label.line], "glued")
        else:
            for path in paths:
                out[path] = missing(label.raw, [label.line], "glued", "no digit run after the label")
        return
    digits = run[1]
    if label.key.endswith(digits) and _read_forced(paths, [digits], label, out):    # (no OCR letter in it)
        return
    options = row_cuts(digits) if len(digits) >= 7 else []
    if options:                             # a cut stands where the digits switch width (０３１１)
        options = parted_at(options, width_bounds(label.raw, digits))
    if options == []:                       # (None: too many cuts)
        if placed := _unprinted_blanks(digits, len(paths)):
            _cut_row(row, paths, digits, placed, label, ambiguities, out, _BLANKS_NOTE)
            return
    _cut_row(row, paths, digits, options, label, ambiguities, out)


#: the longest run cut into fewer cells than seven (six cells of three digits: a small office's row)
_MAX_UNPRINTED_DIGITS = 18
_BLANKS_NOTE = "glued digit run of fewer cells than seven: where its empty cells stood, the identities say"


def _unprinted_blanks(digits: str, width: int) -> list[list[int | None]]:
    """A run no cut into ``width`` cells adds up: its cuts into fewer numbers whose last is the sum of the others,
    the last the row's total and the others placed, in order, among the other columns (``None``: not printed);
    none past ``MAX_GAP_OPTIONS`` (too many places to say anything)."""
    out: list[list[int | None]] = []
    if len(digits) > _MAX_UNPRINTED_DIGITS:
        return out
    for parts in range(2, min(width - 1, len(digits)) + 1):
        for cut in cuts(digits, parts):
            if cut[-1] != sum(cut[:-1]):
                continue
            for slots in combinations(range(width - 1), parts - 1):
                option: list[int | None] = [None] * width
                for s, v in zip(slots, cut):
                    option[s] = v
                option[-1] = cut[-1]
                out.append(option)
                if len(out) > MAX_GAP_OPTIONS:
                    return []
    return out


def _cut_row(row: str, paths: list[str], digits: str, options: list[list[int]] | list[list[int | None]] | None,
             label: Item, ambiguities: list[Ambiguity], out: Readings, note: str = "") -> None:
    """A glued row left missing, its cuts that add up (``options``; ``None``: too many) for the identities to choose."""
    note = note or ("glued digit run: too many ways to cut it" if options is None else
                    "glued digit run: the cells are cut where the identities allow" if options else
                    "glued digit run: no cut into seven cells adds up")
    for path in paths:
        out[path] = missing(digits, [label.line], "glued", note)
    if options:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=digits, lines=[label.line],
                                     reason=f"row {row}: {note}"))


def _read_forced(paths: list[str], parts: list[str], label: Item, out: Readings) -> bool:
    """A glued row the text alone cuts (``glued.forced_readings``: ``45无无无无无45``, ``0000000``) is read as printed,
    like a row whose cells kept their separators: the identities then check it."""
    cells = forced_readings(parts, len(paths), label.line)
    if cells is None:
        return False
    out.update(zip(paths, cells))
    return True


def _blanked_row(paths: list[str], cut: list[tuple[list[int | None], list[str]]], label: Item, out: Readings,
                 ambiguities: list[Ambiguity]) -> bool:
    """A glued row with empty cells printed in it (``…制作00—0000``; ``…数量3—————3``, a dash a cell): when every
    cut that adds up (``cut``: each with the parting of the run it came from) puts the empty cells in the same
    places, they are read there and the numbers are cut as a glued run."""
    options = [o for o, _ in cut]
    if not options or len({tuple(v is None for v in o) for o in options}) != 1:
        return False
    parts = cut[0][1]
    raw = "".join(parts)
    blanks = {i for i, v in enumerate(options[0]) if v is None}
    marks = iter(p for p in parts if not p.isdigit())
    note = "glued digit run with empty cells: the cells are cut where the identities allow"
    for i, path in enumerate(paths):
        if i in blanks:
            out[path] = reading(parse_cell(next(marks)), [label.line], "glued")
        else:
            out[path] = missing(raw, [label.line], "glued", note)
    filled = [i for i in range(len(paths)) if i not in blanks]
    ambiguities.append(Ambiguity(paths=[paths[i] for i in filled], raw=raw, lines=[label.line],
                                 options=[[o[i] for i in filled] for o in options],
                                 reason=f"row {paths[0].split('.')[1]}: {note}"))
    return True


_DIGIT = re.compile(r"[0-9０-９]")
_COLUMNS = TABLE3_ROW_PATHS["new_received"]


#: item numbering before a label (``1.属于国家秘密``, ``（一）``): no cell
_NUMBERING = re.compile(r"^\s*[（(]?[0-9０-９一二三四五六七八]+[)）.．、]")
#: an item's number inside a label, after its group's (（三）不予公开1.属于国家秘密): no digit of a cell
_ITEM = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}[.．、](?![0-9０-９])")


def stray_digits(items: list[Item], labels: set[int], spans: list[list[Item]]) -> int:
    """The digits no row can take: those held by the table's text items that are no row's label
    (``总计法律服务机构0``, ``社会公益组织00300010112…``), a cell's worth for each number a row holds past its
    seven cells (a dump whose labels stand first and the numbers after them all: they follow the last label), and
    the digits past seven of a label's glued run long enough for two rows that no cut makes its seven cells
    (``4.保护第三方合法权益３０００…``, forty digits after the last label of a group: the group's rows' cells, printed
    after their labels all)."""
    glued = (run[1] for i in labels if (run := glued_run(items[i].key)) is not None)
    return sum(len(_DIGIT.findall(_NUMBERING.sub("", it.key))) for i, it in enumerate(items)
               if it.is_text and i not in labels) + \
        sum(max(0, sum(1 for it in span if it.is_value) - len(_COLUMNS)) for span in spans) + \
        sum(len(run) - len(_COLUMNS) for run in glued if len(run) >= 2 * len(_COLUMNS) and not row_cuts(run))


def blank_doubt(around: list[Item], above: list[str], above_run: str, out: Readings, stray: int = 0) -> str | None:
    """Why a glued row's label with nothing after it may not be a row of empty cells, or ``None``. ``around``: the
    items between the row above's label and the next row's but the label itself (before the first row's, its
    numbers); ``above``: the paths of the row above, read already. Digits among the text around the label (a page's
    header, the table's header repeated after a page break, between the label and its cells:
    ``6.属于四类过程性信息收到和处理…其他0000000``; a group's title holding them: ``（六）其他处理0000000``), or
    numbers before the first row's label (printed above it), may be its cells; so may digits enough for a row anywhere
    in the table's text that is no row's label (``stray``: :func:`stray_digits`); and a row above whose run
    (``above_run``) could not be cut into its seven cells and holds digits enough for two rows
    (``数量00000000000000``: fourteen) may hold this row's cells too."""
    if any(it.is_value and it.cell.is_number or it.is_text and _DIGIT.search(it.key) for it in around):
        return "digits stand near the label that no row took: perhaps its cells, printed past a header or above it"
    if len(above_run) >= 2 * len(_COLUMNS) and any((r := out.get(p)) is not None and r.missing for p in above):
        return "the row above was not cut into its seven cells, and its digits are enough for two rows: this row's too?"
    if stray >= len(_COLUMNS):
        return "digits enough for a row stand in the table's text, no row's: perhaps this row's cells, printed apart"
    return None
