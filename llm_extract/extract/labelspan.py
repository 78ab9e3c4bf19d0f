"""表三 rows placed by the lines their labels occupy (PDF text of a borderless or 三线 table).

A narrow label column wraps a long label over several printed lines; the row's seven numbers
stand on one of those lines (the row's top, middle or bottom, as the cell is aligned), and the
group labels beside it (三、本年度办理结果, （三）不予公开 …, printed down their narrow columns) put
their characters on the same lines, before or between the label's fragments::

    1．属于国家
    结	0	0	0	0	0	0	0        <- 结 of 三、本年度办理结果 printed down its column
    ）不 秘密                        <- ）不 of （三）不予公开

A row's *span* is the range of lines from its label's first character to its last one, found
by the form's printed label read in order through the region's text, where only characters
of the group labels (and punctuation) may stand between two of its characters. Rows are one
above the other, so a line of numbers within exactly one row's span is that row's, whatever
the alignment: no position of a token and no count of lines is used. A span found from a
label's beginning only (its end reworded, or cut by a header repeated after a page break)
is a part of the row's true span, and so never gives a row a neighbour's numbers.

:func:`reconcile_spans` checks the table reader's 表三 against these placements: a row the
reader lost is read from its line; a row read differently is queued with both readings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..evidence import Ambiguity, CellKind, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, TABLE3_ROW_PATHS
from .cells import Cell, parse_cell
from .labels import item_numeral, strip_item_number
from .layout import Region, is_page_furniture, label_key
from .readings import Readings, missing

__all__ = ["RowSpan", "row_spans", "reconcile_spans"]

#: the kinds of a reading that may have read nothing (``Reading.missing``, without its property call:
#: this is asked of every 表三 cell of every document)
_UNREAD = frozenset({CellKind.MISSING, CellKind.ABSENT, CellKind.TEXT})

METHOD = "label-span"
_WIDTH = len(APPLICANT_COLUMNS)
_PUNCT = frozenset("、，,。.．:：;；()（）[]【】〔〕<>《》“”\"'‘’-—")
#: the characters a row label's fragments may have between them: the group labels printed down
#: their columns beside it (三、本年度办理结果 is the group of （一）予以公开), and punctuation
_BETWEEN = frozenset("".join(label_key(r.group) for r in FORM.table3_rows)) | _PUNCT
_MAX_BETWEEN = 12           # characters of other cells between two characters of one label
#: 表三's column header, as printed above the rows (and again after a page break, maybe inside a label)
_HEADER = "".join(c.label for c in FORM.table3_columns) + "".join(FORM.table3_header)
_HEADER_CHARS = frozenset(label_key(_HEADER)) | _PUNCT
_HEADER_WORDS = ("申请人情况", "勾稽关系", "自然人", "法人或其他组织")
#: a row's item number with its delimiter (一、 （一） 1. 1．) opening a line: a row's label starts there, never the
#: header's (its 第一项加第二项 has bare numerals only), though 一、本 and 三、本 are all header characters
_ROW_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]、|\([一二三四五六七八九十]\)|\d+[.．、])")
_TOKENS = re.compile(r"[\t \u3000]+")


def _core(label: str) -> str:
    """A printed label as matched: its label key without item number and punctuation."""
    return "".join(ch for ch in strip_item_number(label_key(label)) if ch not in _PUNCT)


@dataclass(frozen=True)
class _Row:
    key: str
    core: str
    enough: int               # a match this long (through a distinctive word of the label) places the row
    words: bool               # whether the label has a distinctive word
    number: str               # its item number's numeral (一, 3, 七)


def _rows() -> tuple[_Row, ...]:
    out = []
    for r in FORM.table3_rows:
        core = _core(r.label)
        ends = [core.find(w) + len(w) for w in r.words if w in core]
        out.append(_Row(r.key, core, min(ends) if ends else len(core), bool(ends), item_numeral(label_key(r.label))))
    return tuple(out)


_ROWS = _rows()
_FIRSTS = frozenset(r.core[0] for r in _ROWS)


@dataclass(frozen=True)
class RowSpan:
    """A row's label lines (first and last, 1-based), and the line of its seven numbers and their
    cells, when there is one."""

    row: str
    first: int
    last: int
    line: int | None = None
    cells: tuple[Cell, ...] = ()


#: one character of a label fragment: (character, line, whether a label may start at it, whether
#: an item number stands right before it in its fragment)
_Char = tuple[str, int, bool, bool]
_LEADING = "".join(_BETWEEN)


@lru_cache(maxsize=4096)
def _fragment(key: str) -> tuple[tuple[str, bool, bool], ...]:
    """A fragment's characters, each with whether a label may start there (at the fragment's start,
    or after group-label characters and an item number: 开2．其他法律) and whether it follows an item number."""
    out = []
    for i, ch in enumerate(key):
        head = key[:i].lstrip(_LEADING)
        bare = not strip_item_number(head)
        out.append((ch, bare, bare and bool(head)))
    return tuple(out)


def _item_number(key: str) -> str:
    """The numeral of a word that is an item number and nothing else (``（一）``, ``1.``, ``3．``), else ``""``."""
    return item_numeral(key) if key and not strip_item_number(key) else ""


@dataclass
class _Text:
    chars: list[_Char]                    # every label character of the region, in reading order
    numbers: dict[int, list[tuple[str, int]]]     # item numbers printed as words of their own, by the index in
    #                                               ``chars`` they stand before: their numerals and lines (_line)
    rows: dict[int, tuple[Cell, ...]]     # lines ending in seven values: their cells
    stray: list[int]                      # lines with numbers that are not seven after the words, in order


@dataclass(frozen=True)
class _Line:
    """What one line of the region holds (a pure function of its text: lines recur)."""

    skip: bool                                  # blank, or page furniture
    grid: bool                                  # a converter's markdown row
    row: tuple[Cell, ...] | None                # seven values after the words
    stray: bool                                 # numbers, not seven after the words
    chars: tuple[tuple[str, bool, bool], ...]   # the characters of its words (see _fragment)
    names_column: bool                          # names a column of the header
    only_header: bool                           # nothing but the header's characters
    numbers: tuple[tuple[int, str], ...] = ()   # item numbers that are words of their own: (index in chars, numeral)


def _blank_fields(line: str) -> list[str] | None:
    """The words before a tab row's last seven fields when every one of them is empty (a row with no case: a web
    page's ``<p>&nbsp;</p>`` cells, copied as ``信息公开申请数量⇥ ⇥ ⇥ ⇥ ⇥ ⇥ ⇥ ``, a label's last piece before them); None
    for any other line. (Stripped as a line is, its empty fields would leave the label alone.)"""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) <= _WIDTH or any(f.strip() for f in fields[-_WIDTH:]):
        return None
    words = [w for f in fields[:-_WIDTH] for w in _TOKENS.split(f.strip()) if w]
    if not words or any(parse_cell(w).is_value for w in words):
        return None
    return words


@lru_cache(maxsize=16384)
def _line(line: str) -> _Line:
    text = line.strip()
    key = label_key(text)
    names = any(w in key for w in _HEADER_WORDS)
    only = bool(key) and set(key) <= _HEADER_CHARS and not _ROW_NUMBER.match(key)
    if not text or is_page_furniture(text):
        return _Line(True, False, None, False, (), names, only)
    if text.startswith("|"):
        return _Line(False, True, None, False, (), names, only)
    tokens = _TOKENS.split(text)
    cells = [parse_cell(t) for t in tokens]
    words, row, stray = tokens, None, False
    tail = cells[-_WIDTH:]
    if (blank := _blank_fields(line)) is not None:
        row, words = (parse_cell(""),) * _WIDTH, blank
    elif len(cells) >= _WIDTH and all(c.is_value for c in tail) and not any(c.is_number for c in cells[:-_WIDTH]):
        row, words = tuple(tail), tokens[:-_WIDTH]
    elif any(c.is_number for c in cells) or sum(c.is_value for c in cells) >= 2:
        stray = True                          # (a lone 无 is a character of （四）无法提供 printed down its column)
        words = [t for t, c in zip(tokens, cells) if not c.is_number]
    # an item number printed as a word of its own (``3.   其他``, a narrow cell's ``（一）`` wrapped onto a line
    # of its own, a browser's ``1.`` set in another font a little lower than the words beside it, printed on a
    # line between or after them): no label's characters; where it stands among them is kept
    chars: list[tuple[str, bool, bool]] = []
    numbers: list[tuple[int, str]] = []
    for t in words:
        key = label_key(t)
        if numeral := _item_number(key):
            numbers.append((len(chars), numeral))
        else:
            chars += _fragment(key)
    return _Line(False, False, row, stray, tuple(chars), names, only, tuple(numbers))


def _header_lines(plans: list[tuple[int, _Line]]) -> set[int]:
    """The lines of the column header (at the top, or repeated after a page break): a line naming a
    column, and the lines next to it holding nothing but the header's characters."""
    out: set[int] = set()
    for k, (n, plan) in enumerate(plans):
        if n in out or not plan.names_column:
            continue
        out.add(n)
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(plans) and (plans[j][1].only_header or plans[j][1].names_column):
                out.add(plans[j][0])
                j += step
    return out


def _read_lines(lines: list[str], region: Region) -> _Text | None:
    """The region's label characters and lines of numbers; ``None`` when it has no line of seven
    values (nothing to place) or is a converter's grid (its rows are read by their fields)."""
    plans = [(n, _line(lines[n - 1])) for n in range(region.start + 1, region.end)]
    rows = {n: p.row for n, p in plans if p.row is not None}
    if not rows or any(p.grid for _, p in plans):
        return None
    header = _header_lines(plans)
    chars: list[_Char] = []
    numbers: dict[int, list[tuple[str, int]]] = {}
    for n, p in plans:
        if n not in header:
            for at, numeral in p.numbers:
                numbers.setdefault(len(chars) + at, []).append((numeral, n))
            chars += [(ch, n, opens, numbered) for ch, opens, numbered in p.chars]
    return _Text(chars, numbers, rows, [n for n, p in plans if p.stray])


def _match(chars: list[_Char], start: int, core: str) -> tuple[int, int]:
    """How many characters of ``core`` are read from ``chars[start]`` on (which must be its
    first), only group-label characters between them; and the index of the last one read."""
    at, k, between = start, 1, 0
    for j in range(start + 1, len(chars)):
        if k == len(core):
            break
        ch = chars[j][0]
        if ch == core[k]:
            at, k, between = j, k + 1, 0
        elif ch in _BETWEEN and between < _MAX_BETWEEN:
            between += 1
        else:
            break
    return k, at


def _numbered(text: _Text, at: int, row: _Row) -> int:
    """The line of ``row``'s own item number printed as a word of its own right before ``text.chars[at]``
    (or right after the character before it), else 0."""
    return next((line for numeral, line in text.numbers.get(at, ()) if numeral == row.number), 0)


def _find(text: _Text, at: dict[str, list[int]], pos: int, row: _Row) -> tuple[int, int] | None:
    """(index of the first, index of the last) character of ``row``'s label at or after ``pos``
    (``at``: where each character stands).

    A label starts a fragment (after its item number); a label without a distinctive word
    (3．其他, （七）总计) only right after its item number, or right before its own item number printed as
    a word apart (其他 / 3.), and only read whole."""
    chars = text.chars
    first = row.core[0]
    starts = at.get(first, [])
    for i in starts[bisect_left(starts, pos):]:
        _, _, opens, numbered = chars[i]
        if not opens:
            continue
        k, end = _match(chars, i, row.core)
        if not row.words and not (numbered or _numbered(text, i, row)
                                  or k == len(row.core) and _numbered(text, end + 1, row)):
            continue
        if k < row.enough:
            continue
        # the latest start that reads as much: a group label's character equal to the label's
        # first one, just above it, is not the label
        for i2 in range(end - 1, i, -1):
            if chars[i2][0] == first and chars[i2][2] and _match(chars, i2, row.core) == (k, end):
                i = i2
                break
        return i, end
    return None


def row_spans(lines: list[str], region: Region) -> list[RowSpan]:
    """The 表三 rows whose labels are found in the region's text, in form order, each with its
    span and the one line of seven numbers within it (``None``: none, several, or numbers that
    are not a row of seven near it)."""
    text = _read_lines(lines, region)
    if text is None:
        return []
    at: dict[str, list[int]] = {}
    for i, c in enumerate(text.chars):
        if c[0] in _FIRSTS:
            at.setdefault(c[0], []).append(i)
    found: list[tuple[str, int, int]] = []
    pos = 0
    for row in _ROWS:
        hit = _find(text, at, pos, row)
        if hit is None:
            continue
        first, last = hit
        # the row's own item number on a line of its own above its label's words (（一） / 予以公 / 开) or below
        # them (重复申请 / 2.), its numbers maybe beside it: a line of the row's
        top, bottom = text.chars[first][1], text.chars[last][1]
        found.append((row.key, min(top, _numbered(text, first, row) or top),
                      max(bottom, _numbered(text, last + 1, row))))
        pos = last + 1
    # lines of numbers that are not a row of seven (a number wrapped in its narrow column), and rows of
    # seven within no label (a row printed again after a page break, a row whose label was not found)
    odd = sorted(set(text.stray) | {n for n in text.rows if not any(a <= n <= b for _, a, b in found)})
    out = []
    for k, (row, a, b) in enumerate(found):
        above = found[k - 1][2] if k else region.start
        below = found[k + 1][1] if k + 1 < len(found) else region.end
        # spans one above the other (a row sharing a line with its neighbour's label places nothing),
        # and no odd line of numbers up to the neighbours' labels
        at = bisect_right(odd, above)
        clean = above < a and b < below and not (at < len(odd) and odd[at] < below)
        inside = [n for n in text.rows if a <= n <= b]
        line = inside[0] if clean and len(inside) == 1 else None
        out.append(RowSpan(row, a, b, line, tuple(text.rows[line]) if line is not None else ()))
    return out


def _project(ambiguities: list[Ambiguity], known: dict[str, int | None]) -> list[Ambiguity]:
    """The ambiguities with the fields now read taken out: the readings that agree with them, over
    the fields still open (an ambiguity no reading of which agrees is dropped)."""
    out = []
    for a in ambiguities:
        if not known.keys() & set(a.paths):
            out.append(a)
            continue
        keep = [j for j, p in enumerate(a.paths) if p not in known]
        options: list[list[int | None]] = []
        for o in a.options:
            if all(o[j] is None or o[j] == known[p] for j, p in enumerate(a.paths) if p in known):
                projected = [o[j] for j in keep]
                if projected not in options:
                    options.append(projected)
        if keep and options:
            out.append(Ambiguity(paths=[a.paths[j] for j in keep], options=options, reason=a.reason,
                                 raw=a.raw, lines=a.lines))
    return out


def reconcile_spans(lines: list[str], region: Region, readings: Readings,
                    ambiguities: list[Ambiguity]) -> tuple[Readings, list[Ambiguity]]:
    """表三's readings checked against the rows placed by their label spans (see the module
    docstring): a row the reader left unread, wholly or in part, is read from the one line of
    numbers within its label's span; a row the reader read otherwise is missing, both readings
    offered to the review; a row the spans do not place keeps the reader's reading. A table the reader
    read whole, without ambiguity, is left as it is (on every layout measured, the spans never read
    such a table otherwise: the check would cost every document its time for nothing)."""
    if not ambiguities and not any(r.kind in _UNREAD for r in readings.values()):
        return readings, ambiguities
    known: dict[str, int | None] = {}
    conflicts: list[Ambiguity] = []
    for span in row_spans(lines, region):
        if span.line is None:
            continue
        row_cells = span.cells
        paths = list(TABLE3_ROW_PATHS[span.row])
        mine = [c.plain for c in row_cells]
        theirs = [readings.get(p) for p in paths]
        read = [r for r in theirs if r is not None and not r.missing]
        if all(r is not None and not r.missing for r in theirs) and [r.value for r in theirs] == mine:   # type: ignore[union-attr]
            continue
        if all(isinstance(v, int) for v in mine) and sum(mine[:-1]) != mine[-1] \
                and all(r is not None and r.missing for r in theirs) \
                and any(set(paths) <= set(a.paths) for a in ambiguities):
            continue        # numbers that break their row's total, the reader's readings of them offered instead
        at = sorted({span.first, span.line, span.last})
        agree = all(r.value == v for r, v in zip(theirs, mine) if r is not None and not r.missing)
        if read and not agree:
            raw = " ".join(c.raw for c in row_cells)
            for p in paths:
                readings[p] = missing(raw, at, METHOD, "the row's label lines hold other numbers than the reader's")
            conflicts.append(Ambiguity(paths=paths, raw=raw, lines=at,
                                       options=[[None if r is None or r.missing else r.value for r in theirs], mine],
                                       reason=f"row {span.row}: two readings of its cells"))
            continue
        for p, c in zip(paths, row_cells):
            readings[p] = Reading(c.plain, c.kind, c.raw, at, METHOD, c.note)
            known[p] = c.plain if isinstance(c.plain, int) or c.plain is None else None
    return readings, _project(ambiguities, known) + conflicts
