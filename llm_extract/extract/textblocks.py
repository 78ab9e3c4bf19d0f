"""PDF text printed without a layout option: a table's rows as labels and runs of numbers.

``pdftotext`` (default mode), ``pdf2txt.py`` and PyMuPDF's ``get_text("blocks")`` print a ruled
table as text blocks, not rows: a row's label, then its numbers one per line (or a few per line),
or all the labels first and then each column's numbers in a block of their own. This module turns
such a text into *row evidence*: for every 表三 row the line of its printed label and the numbers
that follow that label (``attached``: on its line, or on the lines right after it, its label's
wrapped continuation between), and the runs of numbers that follow no label (``free`` runs: a
column's block). Nothing here places a free number in a cell: :mod:`.blocktiles` does, by exact
counts and the identities.

Labels are found by the form's patterns (:mod:`llm_extract.form`) anywhere after 表三's heading
(PyMuPDF prints blocks out of reading order: a row may follow 五、 or 六、). A label is trusted only
when its row's pattern matches one line exactly: a row found twice, or a line naming two rows, makes
the whole reading fail (``None``), never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..form import FORM
from .blockside import heads_table2_column, table2_placed, table4
from .blocktext import Number, RowEvidence, Run, TextBlocks, heading_line, split_numbers
from .labels import BARE_HEADERS, rows_named, table2_rows_named
from .blockwords import column_number, continues_label, headers_side_by_side, is_group_piece, item_wanted
from .labelpieces import Pieces
from .rowgroups import Group, assign
from .layout import is_page_furniture, label_key

__all__ = ["Number", "Run", "RowEvidence", "TextBlocks", "read_blocks", "heads_table2_column"]

_T3_HEADING = FORM.headings["表三"]
_T2_HEADING = FORM.headings["表二"]
_T4_HEADING = FORM.headings["表四"]
#: a sentence's marks; a book title's (《…》: a sentence citing a rule, 依据《…办法》) too: no label has them
_SENTENCE = re.compile(r"[。；;！？《》]")
_WIDTH = len(FORM.table3_columns)
#: the dot after an item number, when the number itself was printed on the line before (``6`` / ``.属于…``)
_ITEM_DOTS = frozenset(".．、")
_TOTAL, _CARRIED, _OTHER = "total_processed", "carried_forward", "other_other"
#: （七）总计's label printed bare, as a column header's word
_TOTAL_WORDS = frozenset({"合计", "总计"})


def _remove(items: list, item: object) -> None:
    """Remove ``item`` itself (not an equal one) from ``items``."""
    for k, x in enumerate(items):
        if x is item:
            del items[k]
            return


class _Twice(Exception):
    """A row's label found twice, or one line naming two rows: the reading fails."""


class _Reader:
    """One pass over the lines from 表二's heading: labels, the numbers after them, the free runs."""

    def __init__(self, lines: list[str], start: int, end: int) -> None:
        self.lines, self.start, self.end = lines, start, end
        self.rows: dict[str, RowEvidence] = {}
        self.table2: dict[str, RowEvidence] = {}
        self.twice: set[str] = set()
        self.free: list[Run] = []
        self.anchor: RowEvidence | None = None   # the row the numbers that follow belong to
        self.anchor_row = ""                     # (a 表三 row's: its numbers go to groups)
        self.label = ""                          # the anchor row's label as printed so far
        self.fragment = ""                       # or the text fragment they follow
        self.run: Run | None = None
        self.pieces = Pieces()                   # a label printed in pieces, not yet naming a row
        self.held: list[Run] = []                # the numbers between those pieces
        self.groups: list[Group] = []            # 表三 rows' numbers (rowgroups.py)
        self.group: Group | None = None          # the group the next line of numbers extends
        self.waiting: list[Group] = []           # loose groups whose next label is not yet printed
        self.recent: list[tuple[Number, Callable[[], None]]] = []   # the numbers since the last text, and their undo
        self.printed: dict[str, str] = {}       # each 表三 row's label as printed so far
        self.unfinished: list[Pieces] = []      # labels whose first pieces named no row (a page broke them)

    def _reset(self) -> None:
        self._drop_pieces()
        self.waiting, self.group = [], None
        self.anchor, self.anchor_row, self.fragment, self.run = None, "", "", None

    def _drop_pieces(self) -> None:
        if self.pieces.starts_label(self.pieces.key) and not self.held:
            self.unfinished.append(self.pieces)  # (8.属于行政查 … a page later … 询事项)
        for run in self.held if self.pieces.header else []:
            run.after = ""                       # under the column header: the row's cells, one to a line
            run.across = all(len(line) == 1 for line in run.lines)
        self.free += self.held
        self.held, self.pieces = [], Pieces()
        self.waiting = []

    def _found(self, row: str, line: int, label: str, numbers: list[Number]) -> None:
        if row in self.rows:
            raise _Twice(row)
        for g in self.waiting:
            g.next = row
        between = [n for run in self.held for n in run.numbers] + list(numbers)
        self.anchor = RowEvidence(line, [], via="pieces" if self.held or self.pieces else "label")
        self.anchor_row, self.fragment, self.label, self.run = row, "", label, None
        self.held, self.pieces, self.waiting, self.group = [], Pieces(), [], None
        self.rows[row] = self.anchor
        self.printed[row] = label
        if between:
            self.group = Group(row, between, inside=True)
            self.groups.append(self.group)

    def _continued(self, key: str, numbers: list[Number]) -> None:
        """A piece of the anchor row's label: the numbers since its previous piece are inside it."""
        joined = self.label + key
        if continues_label(joined, self.anchor_row):
            self.label = joined
        elif not is_group_piece(key):
            self.label = key                     # (a group's word between)
        self.printed[self.anchor_row] = self.label
        for g in self.groups:
            g.inside = g.inside or g.prev == self.anchor_row
        self.waiting, self.group = [], None
        if numbers:
            self.group = Group(self.anchor_row, list(numbers), inside=True)
            self.groups.append(self.group)

    def _numbers(self, numbers: list[Number], n: int) -> None:
        """A line of numbers only (or the numbers after a line's group piece)."""
        if self.pieces:
            if self.run is None:
                if self.pieces.numbered() and column_number(numbers[0]):
                    numbers = numbers[1:]        # (数据 / 1: the header's number, no cell)
                    if not numbers:
                        return
                self.run = Run(after=self.pieces.key, first=n)
                self.held.append(self.run)
            self._in_run(self.run, self.held, numbers)
        elif self.group is not None or self.anchor_row:
            if self.group is None:
                self.group = Group(self.anchor_row, [])
                self.groups.append(self.group)
                self.waiting.append(self.group)
            self.group.numbers += numbers
            self.recent += [(x, self._undo_group(self.group, x)) for x in numbers]
        elif self.anchor is not None:
            self.anchor.attached += numbers
        else:
            if self.run is None:
                self.run = Run(after=self.fragment, first=n)
                self.free.append(self.run)
            self._in_run(self.run, self.free, numbers)

    def _in_run(self, run: Run, runs: list[Run], numbers: list[Number]) -> None:
        line = list(numbers)
        run.lines.append(line)

        def undo(number: Number) -> None:
            _remove(line, number)
            if not line:
                _remove(run.lines, line)
            if not run.lines:
                _remove(runs, run)
                self.run = None if self.run is run else self.run
        self.recent += [(x, lambda x=x: undo(x)) for x in numbers]

    def _undo_group(self, group: Group, number: Number) -> Callable[[], None]:
        def undo() -> None:
            _remove(group.numbers, number)
            if not group.numbers:
                _remove(self.groups, group)
                self.waiting = [g for g in self.waiting if g is not group]
                self.group = None if self.group is group else self.group
        return undo

    def _item_number(self, key: str) -> str:
        """A piece that starts with an item number's dot (``.本机关不掌``) takes back its digit from the
        numbers printed since the last text (``（四 1``, ``6``, ``2`` / ``2 0 0`` / ``.重复申请``): the
        row's own item number when the piece names its row (the last such digit), else the last number
        when it is a digit 1-9. That digit is the label's, no cell."""
        recent, self.recent = self.recent, []
        want = item_wanted(key[1:])
        digits = [(x, undo) for x, undo in recent if x.cell.value in range(1, 10)
                  and (want is None or x.cell.value == want)]
        if not digits or (want is None and digits[-1][0] is not recent[-1][0]):
            return key
        number, undo = digits[-1]
        undo()
        return f"{number.cell.value}{key}"

    def _piece(self, key: str, n: int) -> None:
        """One token of a text line in 表三 that names no row by itself."""
        if self.anchor_row and continues_label(self.label + key, self.anchor_row):
            self._continued(key, [])
            return
        if (is_group_piece(key) or key in BARE_HEADERS) and not (self.pieces and self._completes(key)):
            return                               # beside the rows, it names none
        if self.anchor_row and continues_label(key, self.anchor_row):
            self._continued(key, [])
            return
        if not self.pieces and (self._resumes(key) or self._finishes(key)):
            return
        if self.pieces.starts_label(key) or self.pieces.too_long():
            self.free += self.held
            self.held, self.pieces = [], Pieces()
        self.pieces.add(key, n)
        self.anchor, self.anchor_row, self.run, self.group = None, "", None, None
        named = rows_named(self.pieces.key) if self.pieces.key not in BARE_HEADERS else []
        if len(named) == 1 and named[0] not in self.rows:
            self._found(named[0], self.pieces.line, self.pieces.key, [])
        elif named:
            self._drop_pieces()                  # two rows, or a row found already: not this label

    def _total_above_carried(self, key: str, n: int) -> bool:
        """A bare 合计 / 总计 that is （七）总计's label printed as the header word it also is: on the line right above
        四、结转下年度继续办理's (blank lines apart; a column's header never stands right above a row's label), or
        between 3.其他's label and 四、结转下年度继续办理's (or 表四's heading) with nothing but numbers (and a group's
        pieces, 理 of （六）其他处理) on the lines between (``3.其他`` / ``合计`` / ``2 10 0`` / ``四、结转…``): a repeated
        header's 总计 follows its 其他 and comes before its rows' labels."""
        if key not in _TOTAL_WORDS or _TOTAL in self.rows:
            return False
        below = next((line for line in self.lines[n:] if line.strip()), "")
        if rows_named(label_key(below)) == [_CARRIED]:
            return True
        before, after = self._text_line(range(n - 2, -1, -1)), self._text_line(range(n, len(self.lines)))
        return rows_named(before) == [_OTHER] and before not in BARE_HEADERS \
            and (rows_named(after) == [_CARRIED] or _T4_HEADING.search(after) is not None)

    def _text_line(self, at: range) -> str:
        """The label key of the first line at ``at`` (indices into the lines) with words other than a group's
        pieces (numbers, blank lines and a group's pieces passed over; a column header's word is no piece)."""
        for i in at:
            raw = self.lines[i].replace("\x0c", " ").strip()
            key = label_key(split_numbers(raw, i + 1)[0]) if raw else ""
            if key and (key in BARE_HEADERS or not is_group_piece(key)):
                return key                  # (其他 is a header's word before its 总计, not 其他处理's piece)
        return ""

    def _resumes(self, key: str) -> bool:
        """A piece that goes on with exactly one row's label printed before a page break (``要求缴纳费`` …
        ``用、行政机关``): that row's label again, the numbers after it beside it."""
        rows = [r for r, label in self.printed.items() if r != self.anchor_row and continues_label(label + key, r)]
        if len(rows) != 1 or self.pieces.starts_label(key):
            return False
        self.anchor, self.anchor_row, self.label = self.rows[rows[0]], rows[0], self.printed[rows[0]]
        self._continued(key, [])
        return True

    def _finishes(self, key: str) -> bool:
        """A piece that ends exactly one label whose first pieces stood before a page break and named
        no row (``8.属于行政查`` … ``询事项``): that row's label, found at its first piece."""
        if self.pieces.starts_label(key):
            return False
        ends = [(u, named[0]) for u in self.unfinished
                for named in [rows_named(u.key + key)] if len(named) == 1 and named[0] not in self.rows]
        if len(ends) != 1:
            return False
        (first, row), = ends
        self.unfinished.remove(first)
        self._found(row, first.line, first.key + key, [])
        return True

    def _completes(self, key: str) -> bool:
        """Whether ``key`` ends the label being gathered (``(一)予以公`` + ``开``, ``3.其`` + ``他``): the two
        name one row and are its printed words (a group's piece after a label's first piece, ``3.要求提供公开出版``
        + ``(五)不予``, names that row only by the pattern's one typo)."""
        joined = self.pieces.key + key
        named = rows_named(joined)
        return len(named) == 1 and named[0] not in self.rows and continues_label(joined, named[0])

    def line(self, n: int) -> None:
        raw = self.lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            self._reset()
            return
        text, numbers = split_numbers(raw, n)
        if not text:                             # a line of numbers
            self._numbers(numbers, n)
            return
        if not self.start < n < self.end:
            self.run, self.group = None, None
        else:                                    # (its words asked for in 表三's region only)
            words = [t for t in map(label_key, text.split()) if not is_group_piece(t)]
            if words:
                self.run, self.group = None, None    # (a line of a group's pieces stands beside a row's numbers)
            if words and words[0][:1] in _ITEM_DOTS:
                text = " ".join([self._item_number(words[0])] + words[1:])
        self.recent = []
        key = label_key(text)
        if _SENTENCE.search(text) or len(key) > 60:
            self._reset()
            return
        start = self.start
        named = rows_named(key) if n > start and not is_group_piece(key) and key not in BARE_HEADERS \
            and not headers_side_by_side(text) else []
        if not named and n > start and self._total_above_carried(key, n):
            named = [_TOTAL]
        if len(named) > 1:
            raise _Twice(key)                    # two rows' labels on one line: whose numbers follow?
        if named == [self.anchor_row] and continues_label(self.label + key, self.anchor_row):
            self._continued(key, numbers)        # the second line of a wrapped label (…确认或重新出 / 具已获取信息)
            return
        if named:
            words = "".join(t for t in map(label_key, text.split()) if not is_group_piece(t)) or key
            if self.pieces and not self.pieces.starts_label(words) \
                    and rows_named(self.pieces.key + words) == named:
                self._found(named[0], self.pieces.line, self.pieces.key + words, numbers)   # its last pieces
                return
            self.free += self.held
            self.held, self.pieces = [], Pieces()
            row = named[0]
            if row in self.rows and continues_label(self.printed[row] + words, row):
                self.anchor, self.anchor_row, self.label = self.rows[row], row, self.printed[row]
                self._continued(words, numbers)   # its label's end after a page break (补正后申请 … 内容仍不明确)
                return
            self._found(row, n, words, numbers)
            return
        if n < start or not is_group_piece(key):
            paths = table2_rows_named(key)
            if len(paths) == 1:
                self._reset()
                self.anchor = RowEvidence(n, list(numbers))
                if paths[0] in self.table2 or paths[0] in self.twice:
                    self.twice.add(paths[0])     # a 表二 label printed twice: neither is read
                    self.table2.pop(paths[0], None)
                else:
                    self.table2[paths[0]] = self.anchor
                return
        if self.anchor_row and continues_label(key, self.anchor_row):
            self._continued(key, numbers)        # (a wrapped label: its numbers may stand on any piece)
            return
        if start < n < self.end:                 # 表三's labels may be printed in pieces, beside group pieces
            for token in text.split():
                self._piece(label_key(token), n)
            if numbers:
                self._numbers(numbers, n)
            return
        self._reset()
        self.fragment = key
        if numbers:
            self.run = Run(after=key, lines=[numbers], first=n)
            self.free.append(self.run)

    def finish(self) -> list[dict[str, list[Number]]]:
        """Every 表三 row's numbers from its groups (rowgroups.assign), the first way in ``rows``; every
        way when there are several."""
        self._reset()
        ways = assign(self.groups)
        if not ways:
            raise _Twice("groups")
        numbers: list[dict[str, list[Number]]] = []
        for owners in ways:
            way = {row: list(ev.attached) for row, ev in self.rows.items()}
            for g, row in zip(self.groups, owners):
                way[row] += g.numbers
            numbers.append(way)
        for row, ev in self.rows.items():
            ev.attached = numbers[0][row]
        return numbers if len(numbers) > 1 else []


def read_blocks(lines: list[str]) -> TextBlocks | None:
    """The row evidence of a document's text, or ``None`` when 表三's labels are not each found once."""
    start = heading_line(lines, _T3_HEADING)
    if start is None:
        return None
    t2_start = heading_line(lines, _T2_HEADING) or start
    end = heading_line(lines, _T4_HEADING, start) or len(lines) + 1
    reader = _Reader(lines, start, end)
    try:
        for n in range(t2_start, len(lines) + 1):
            reader.line(n)
        ways = reader.finish()
    except _Twice:
        return None
    return TextBlocks(rows=reader.rows, free=reader.free, table2=reader.table2, start=start, end=end, ways=ways,
                      table4=table4(lines, start, reader.free), table2_placed=table2_placed(lines, t2_start, start))
