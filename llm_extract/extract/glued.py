"""Glued cells: a row whose cell separators were all lost.

Text dumps of HTML tables (crawlers, copy-paste) often run a row's cells
together: ``一、本年新收政府信息公开申请数量640020470`` is seven cells. Only the
identities can tell where the cuts go, so a glued row is never read here: it
becomes an :class:`~llm_extract.evidence.Ambiguity` whose options are the ways
to cut the digit run into the row's numbers (no part with a leading zero,
except ``0`` itself) that satisfy the row's own identity (表三: total = the six
columns; 表四: every group's total = its four results). ``verify.derive`` then
keeps the options under which every identity of the whole table holds.

Enumeration is bounded: a run with more than ``max_options`` candidate cuts,
or whose search visits more than ``max_steps`` partial cuts, gives ``None``
(capped) and the row stays missing; no number is cut longer than ``MAX_DIGITS``.
表三's six cells are found from both ends of the run (``summingcuts``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from ..evidence import Reading
from .cells import OCR_LETTERS, ocr_digits, parse_cell
from .readings import reading
from .runjoins import joined_readings
from .summingcuts import parts_summing

__all__ = ["glued_run", "digit_run", "glued_number", "cuts", "row_cuts", "blanked_run", "blanked_cuts", "blanked_options", "placeholder_partings", "forced_cells", "forced_readings", "width_bounds", "parted_at", "group_cuts", "spaced_cuts", "recount_options", "row_holds",
           "groups_hold", "MAX_OPTIONS", "MAX_STEPS", "MAX_DIGITS"]

MAX_OPTIONS = 2_000
MAX_STEPS = 200_000
#: the most digits a count of 表三 or 表四 has: ten digits would be more applications than people in China (a longer
#: run is no row of counts, and cutting it would only spend the step budget, row after row)
MAX_DIGITS = 10

# the digits must follow the label's last word (not "l,908", where OCR broke a number); OCR letters
# inside the run are digits (a digit anchors the confusion: ``00O0l01``)
_OCR_RUN = rf"[\d{OCR_LETTERS}]*\d[\d{OCR_LETTERS}]*"
_RUN = re.compile(rf"^(?P<label>.*?[\u4e00-\u9fff)）])[：:]?(?P<digits>{_OCR_RUN})$")   # (数量：3000003: a colon may part them)
_WHOLE_RUN = re.compile(rf"^{_OCR_RUN}$")


def glued_run(key: str, min_digits: int = 1) -> tuple[str, str] | None:
    """``(label, digits)`` when a label key ends in a run of at least ``min_digits`` digits (OCR letters
    among them read as the digits they stand for)."""
    last = key[-1:]
    if not (last.isdecimal() or last in OCR_LETTERS or last == "\n"):
        return None                     # (most keys: no digit or OCR letter last, so no run ends them)
    m = _RUN.match(key)
    if m is None or len(m.group("digits")) < min_digits:
        return None
    return m.group("label"), ocr_digits(m.group("digits"))


def digit_run(key: str) -> str | None:
    """The digits of a key that is a digit run only (OCR letters among them read as digits), or ``None``."""
    return ocr_digits(key) if _WHOLE_RUN.match(key) else None


def _ok(part: str) -> bool:
    return part == "0" or part[:1] != "0"


class _Budget:
    __slots__ = ("left",)

    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _Capped


class _Capped(Exception):
    pass


def _pieces(digits: str, pos: int, left: int) -> Iterator[tuple[int, int]]:
    """The numbers that can start at ``pos`` and leave room for ``left - 1`` more: (end, value)."""
    for end in range(pos + 1, len(digits) - left + 2):
        piece = digits[pos:end]
        if _ok(piece):
            yield end, int(piece)


def cuts(digits: str, parts: int) -> list[list[int]]:
    """Every way to cut ``digits`` into ``parts`` numbers without leading zeros (small runs only)."""
    out: list[list[int]] = []

    def walk(pos: int, acc: list[int]) -> None:
        left = parts - len(acc)
        if left == 0:
            if pos == len(digits):
                out.append(list(acc))
            return
        for end, value in _pieces(digits, pos, left):
            acc.append(value)
            walk(end, acc)
            acc.pop()

    walk(0, [])
    return out


def row_cuts(digits: str, width: int = 7, *, max_options: int = MAX_OPTIONS,
             max_steps: int = MAX_STEPS) -> list[list[int]] | None:
    """表三: cuts of a row's run into ``width`` numbers whose last is the sum of the others.

    ``None`` when the enumeration is capped.
    """
    budget = _Budget(max_steps)
    out: list[list[int]] = []
    try:
        if len(digits) > width * MAX_DIGITS:
            return []
        for size in range(1, min(len(digits) - (width - 1), MAX_DIGITS) + 1):
            suffix = digits[len(digits) - size:]
            if not _ok(suffix):
                continue
            total = int(suffix)
            for head in parts_summing(digits[:len(digits) - size], width - 1, total, budget.spend):
                out.append(head + [total])
                if len(out) > max_options:
                    return None
    except _Capped:
        return None
    return out


def group_cuts(digits: str, groups: int = 3, width: int = 5, *, max_options: int = MAX_OPTIONS,
               max_steps: int = MAX_STEPS) -> list[list[int]] | None:
    """表四: cuts of the run of ``groups × width`` numbers where each group's last is the sum of its others.

    ``None`` when the enumeration is capped.
    """
    budget = _Budget(max_steps)
    out: list[list[int]] = []

    def walk(pos: int, acc: list[int]) -> None:
        budget.spend()
        in_group = len(acc) % width
        if len(acc) == groups * width:
            if pos == len(digits):
                out.append(list(acc))
                if len(out) > max_options:
                    raise _Capped
            return
        left = groups * width - len(acc)
        if not left <= len(digits) - pos <= left * MAX_DIGITS:
            return
        if in_group == width - 1:             # the group's total is forced by its four parts
            total = str(sum(acc[-(width - 1):]))
            if digits.startswith(total, pos):
                acc.append(int(total))
                walk(pos + len(total), acc)
                acc.pop()
            return
        for end, value in _pieces(digits, pos, left):
            if end - pos > MAX_DIGITS:
                break
            acc.append(value)
            walk(end, acc)
            acc.pop()

    try:
        walk(0, [])
    except _Capped:
        return None
    return out


_NUMBER_RUN = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff)）])[：:]?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")


def glued_number(key: str) -> str | None:
    """The number a one-cell row's label key ends in (``行政许可3150`` → ``3150``, ``行政处罚1,314`` →
    ``1,314``), or ``None``."""
    m = _NUMBER_RUN.match(key)
    return m.group("number") if m else None


def recount_options(numbers: list[int], width: int,
                    holds: Callable[[list[int]], bool] = lambda _: True, extra: bool = False,
                    pieces: list[str] | None = None) -> list[list[int]]:
    """Readings of a row with one number too many or too few, that satisfy the row's own identity.

    One or two too many (three, with ``extra``, where an identity checks each reading: an OCR engine that
    parts wide counts, ``38 0 3 1 4 1 6 7 4 11`` for 380 3 1 4 16 7 411): a number was split by a space (``1 0``),
    so neighbours join (two numbers split, or one split twice, ``2 9 0 0 0 0 0 2 9``: a word processor's runs of
    one cell parted by a converter);
    with ``extra``, a number that is no cell of the row (a converter's hidden cell, a 序号, a page's number)
    is as likely, so where a join holds, every reading without one of the numbers (and the joins left) that
    holds is offered beside it (``6 0 0 1 0 0 7 23``: ``1 0`` → 10, or 23 no cell: the identities must
    choose); where no join holds, one number too many is no cell at either end (a page's number after the last
    cell, ``0 … 0 4``, a 序号 before the first): each reading without it that holds is offered. One too few: two
    cells were merged (``1`` and ``0`` printed ``10``), so one number is cut in two. ``pieces``: the numbers'
    digits as printed (``runjoins.printed_pieces``: ``2 08`` joins to 208, never 28).
    """
    texts = pieces if pieces is not None and len(pieces) == len(numbers) else [str(n) for n in numbers]
    out: list[list[int]] = []
    if width < len(numbers) <= width + (3 if extra else 2):
        out = joined_readings(texts, len(numbers) - width)
        if extra and any(holds(option) for option in out):
            for i in range(len(numbers)):
                out += joined_readings(texts[:i] + texts[i + 1:], len(numbers) - 1 - width)
        elif extra and len(numbers) == width + 1:        # no join holds: a number at either end is no cell
            out += [numbers[1:], numbers[:-1]]
    elif len(numbers) == width - 1:
        for i, text in enumerate(texts):
            for cut in range(1, len(text)):
                head, tail = text[:cut], text[cut:]
                if _ok(head) and _ok(tail):
                    out.append(numbers[:i] + [int(head), int(tail)] + numbers[i + 1:])
    unique: list[list[int]] = []
    for option in out:
        if option not in unique and holds(option):
            unique.append(option)
    return unique


def spaced_cuts(tokens: list[str], cut: Callable[[str], list[list[int]] | None]) -> list[list[int]]:
    """Cuts of digit runs partly separated by spaces (``1000010 092011 0030030``): ``cut`` cuts
    their concatenation, and only the cuts that part the runs where the spaces stand are kept. Runs of decimal
    digits only: a cell with a note's mark (``0¹``: a digit to ``str.isdigit`` that no number is written in)
    is no run to cut."""
    if not tokens or not all(t.isdecimal() for t in tokens):
        return []
    bounds, at = set(), 0
    for t in tokens[:-1]:
        at += len(t)
        bounds.add(at)
    return parted_at(cut("".join(tokens)) or [], bounds)


def row_holds(values: list[int]) -> bool:
    """表三: total = the six applicant columns."""
    return values[-1] == sum(values[:-1])


def groups_hold(values: list[int], width: int = 5) -> bool:
    """表四: every group's total = its four results."""
    return all(values[g + width - 1] == sum(values[g:g + width - 1]) for g in range(0, len(values), width))


#: a label, then a run of digits and placeholders (each placeholder one empty cell): 00—0000, 40无0004
_BLANKED = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff)）”])(?P<run>(?=[\d/／\-—－–无]*\d)[\d/／\-—－–无]*[/／\-—－–无][\d/／\-—－–无]*)$")
#: a run's parts, each placeholder one cell; or a doubled dash (——, the usual Chinese dash) one cell
_ONE_EACH = re.compile(r"\d+|[/／\-—－–无]")
_DOUBLED = re.compile(r"\d+|——|[/／\-—－–无]")


def blanked_run(key: str) -> tuple[str, str] | None:
    """``(label, run)`` when a label key ends in digits parted by placeholders (``…制作00—0000``, ``…数量3—————3``)."""
    m = _BLANKED.match(key)
    return None if m is None else (m.group("label"), m.group("run"))


def placeholder_partings(run: str) -> list[list[str]]:
    """A run's digit runs and placeholders in order, each placeholder one cell; and, where it prints ``——``, that
    pair as one cell too (a doubled dash is one empty cell or two: the cell count may tell)."""
    partings = [_ONE_EACH.findall(run)]
    if "——" in run:
        partings.append(_DOUBLED.findall(run))
    return partings


def forced_cells(parts: list[str], width: int) -> list[int | None] | None:
    """The one reading of a run's parts (:func:`placeholder_partings`, or a digit run alone) as ``width`` cells,
    when the text alone fixes it: each placeholder one empty cell (``None``), each run of zeros as many cells of 0
    (``000`` is three cells: no count is written with a leading zero), each other run one number, after as many
    cells of 0 as it has leading zeros (``0035`` is 0, 0, 35: a cell that starts with 0 is that 0). This is the
    fewest cells the text can be read as: every other cut has more. When these fill the row exactly, there is no
    cut to choose, and no empty cell can have vanished from the run (it would leave the row a cell fewer than the
    text already shows): ``45无无无无无45``, ``0000000``, ``00—0000``, 表二's ``规章0035``. ``None`` otherwise (a run
    that may be several numbers, ``640020470``, is cut by the identities)."""
    cells: list[int | None] = []
    for part in parts:
        rest = part.lstrip("0")
        if not part.isdigit():
            cells.append(None)
        elif len(rest) > MAX_DIGITS:
            return None
        else:
            cells += [0] * (len(part) - len(rest)) + ([int(rest)] if rest else [])
        if len(cells) > width:
            return None
    return cells if len(cells) == width else None


def forced_readings(parts: list[str], width: int, line: int) -> list[Reading] | None:
    """The ``width`` cells a run the text alone cuts (:func:`forced_cells`) reads as printed, from line ``line``: its
    numbers, and each placeholder as the mark it is; ``None`` for a run the text does not cut alone."""
    cells = forced_cells(parts, width)
    if cells is None:
        return None
    marks = iter(p for p in parts if not p.isdigit())
    return [reading(parse_cell(next(marks) if value is None else str(value)), [line], "glued") for value in cells]


def blanked_options(run: str, width: int = 7) -> list[tuple[list[int | None], list[str]]]:
    """Every cut of a run of digits and placeholders into ``width`` cells that adds up (:func:`blanked_cuts`), under
    each of its partings (:func:`placeholder_partings`), with the parting it came from; [] when one parting has
    too many."""
    out: list[tuple[list[int | None], list[str]]] = []
    for parts in placeholder_partings(run):
        options = blanked_cuts(parts, width)
        if options is None:
            return []
        out += [(o, parts) for o in options if all(o != seen for seen, _ in out)]
    return out


def blanked_cuts(parts: list[str], width: int = 7, *,
                 max_options: int = MAX_OPTIONS) -> list[list[int | None]] | None:
    """Cuts of digit runs parted by placeholders into ``width`` cells: each placeholder one empty cell
    (``None``), each run one or more numbers (no leading zeros), the last cell the sum of the others
    (an empty cell counts 0). ``None`` when there are more than ``max_options``."""
    out: list[list[int | None]] = []

    def walk(i: int, acc: list[int | None]) -> None:
        if len(acc) > width:
            return
        if i == len(parts):
            if len(acc) == width and (acc[-1] or 0) == sum(v or 0 for v in acc[:-1]):
                out.append(list(acc))
                if len(out) > max_options:
                    raise _Capped
            return
        part = parts[i]
        if not part.isdigit():
            walk(i + 1, acc + [None])
            return
        room = width - len(acc) - (len(parts) - i - 1)      # every later part takes one cell or more
        for k in range(1, min(len(part), room) + 1):
            for cut in cuts(part, k):
                walk(i + 1, acc + cut)

    try:
        walk(0, [])
    except _Capped:
        return None
    return out


_RAW_RUN = re.compile(rf"[\d{OCR_LETTERS}ＯｏＩｌＳＢ]+$")     # (digits and OCR letters, either width)


def width_bounds(raw: str, digits: str) -> set[int]:
    """Where a printed run switches between half-width and full-width digits (``030１１０４１00``): a
    cell is printed in one width, so a cut stands at each switch. Offsets into ``digits`` (the run as
    read, normalised); none when the printed run is not that run. An OCR letter's width says nothing
    of its cell's: no switch is taken next to one."""
    m = _RAW_RUN.search(raw.rstrip())
    if m is None or len(m.group()) != len(digits):
        return set()
    printed = m.group()
    if ocr_digits(unicodedata.normalize("NFKC", printed)) != digits:
        return set()
    full = [None if not ch.isdigit() else not ("0" <= ch <= "9") for ch in printed]
    return {i for i in range(1, len(full))
            if full[i] is not None and full[i - 1] is not None and full[i] != full[i - 1]}


def parted_at(options: list[list[int]], bounds: set[int]) -> list[list[int]]:
    """The cuts that part the run at every one of ``bounds`` (offsets between digits)."""
    if not bounds:
        return options
    out = []
    for option in options:
        ends, at = set(), 0
        for value in option[:-1]:
            at += len(str(value))
            ends.add(at)
        if bounds <= ends:
            out.append(option)
    return out
