"""表三 rows from a run of ``7k`` numbers printed right after the ``k`` labels of those rows, each label wrapped in
pieces of two or three characters (a Word table whose three label columns are very narrow, read by plain
``pdftotext``).

Plain ``pdftotext`` prints a page of such a table as the labels' pieces first, one to a line, then the numbers
of the rows beside them, one to a line, row after row::

    2.其他
    法律
    行
    政法
    规禁
    止公
    开
    3.危
    及“
    …
    0
    0
    …

Its rows under the column headers come out staggered between the headers' words (no reading of them here),
and the last rows' cells are split, their first two before 表四's heading, the rest after it: neither is such
a run. A run is read here only when

* the text between it and the run before it holds item labels (``2.其他法律行政法规禁止公开``: an item number, and
  the pieces after it up to the next item number, joined; a group's row, ``三、 （一）予以`` / ``本年 公开``, the
  group title's piece first on a line, the label's last) naming exactly ``k`` rows, each once, consecutive in
  the form's order (a group's title printed in pieces beside them names none);
* some item label is wrapped in pieces of a narrow cell and none is printed on a line of its own (a label on a
  line of its own may follow its numbers, another layout);
* it holds exactly ``7k`` counts (after the column headers' words, its first row is left out: its cells may be
  staggered among the headers' and still keep its total), and placed row by row each row keeps its row identity (总计 = the six
  applicant columns), and placed column by column the numbers do not keep them all with other values.

The placement rests on the page's order: the ``k`` labels top down, then the ``k`` rows' numbers top down, each
row's cells one to a line left to right (as a table read row by row, extract/formorder.py; extract/roworder.py: a
row's cells a cell to a line come in the page's order), the identities choosing rows over columns. So the cells are
read in the text's order (``Method.FORM_ORDER``: proven where every identity of the whole table holds and is
checked), unless two runs name one row (a label read twice: which run is the row's, no order says), or the runs
hold a printed blank and a 0 (the identities count a blank as 0: a band of a blank row and a row of zeros printed
column by column, ``/ 0 / 0 …``, keeps every row's sum read row by row too), when none is proven
(``Method.FORM_ORDER_RUNS``).
"""

from __future__ import annotations

import re

from ..evidence import Method
from ..form import FORM
from .bandorder import blanks_among_zeros
from .blocktext import Number, all_counts, heading_span, printed_lines
from .labels import row_begun, rows_named
from .layout import label_key
from .readings import Readings, reading

__all__ = ["read_label_runs"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_INDEX = {r: i for i, r in enumerate(_ROWS)}
_ROW_IDENTITIES = tuple((tuple(_COLS.index(c) for c in i.lhs), tuple(_COLS.index(c) for c in i.rhs))
                        for i in FORM.identities if i.kind == "row")
#: an item number opening a label's first piece (``2.其他``, ``（三 1.属于``: behind a group title's piece), or a
#: group's number opening a row's label or a group title (``三、 （一）予以``, ``（四``): the last one on the line
_ITEM = re.compile(r"\d{1,2}[.．、]\D|[(（][一二三四五六七][)）]?|[一二三四]、")
_DIGIT_ITEM = re.compile(r"\d")
#: the longest piece of an item's label wrapped in a narrow cell (1.信访, 另行制; a group row's wider cell,
#: 形，不计其他, is not checked)
_PIECE = 6
#: each row's label as a key: a group's number names only the row whose label it opens
_LABELS = {r.key: label_key(r.label) for r in FORM.table3_rows}
#: the column headers' words and their pieces (申请人情况, 自然 / 人, 组织 / 机构, 数据 1): a run printed after them
#: may begin with cells of the first row printed before the header's last words (staggered), so its first row
#: is not read
_HEADER_PIECES = frozenset({"申请人情况", "法人或其他组织", "自然", "自然人", "人", "商业", "企业", "商业企业", "科研",
                            "科研机构", "机构", "社会", "公益", "组织", "社会公益组织", "法律", "服务", "法律服务机构",
                            "其他", "总计", "合计", "数据"})


def _row_of(pieces: list[str]) -> tuple[str | None, int]:
    """The one row the label joined from ``pieces`` names (or begins), trying the most pieces first: a
    group title's piece printed after the label's last piece joins no row; and how many pieces made it (0: none)."""
    for j in range(len(pieces), 0, -1):
        key = label_key("".join(pieces[:j]))
        named = rows_named(key)
        row = named[0] if len(named) == 1 else None if named else row_begun(key)
        if row:
            while j > 1 and len(label_key("".join(pieces[:j]))) > len(_LABELS[row]):
                j -= 1          # (words after the whole label: no piece of it)
            return row, j
    return None, 0


def _next_begun(piece: str, last: str) -> str | None:
    """The row after ``last`` in the form's order when its label begins with ``piece`` (``3.补``): the last label
    before a run, cut by the page's end, its other pieces printed after the run."""
    following = _INDEX[last] + 1
    return _ROWS[following] if following < len(_ROWS) and _LABELS[_ROWS[following]].startswith(label_key(piece)) \
        else None


def _rows_labelled(texts: list[str]) -> list[str] | None:
    """The rows the item labels in ``texts`` (one text line each, in printed order) name, in printed order;
    ``None`` when an item label (an item number's) names no row or several (a group's title names none), or
    when no item label is wrapped in a narrow cell, or one is not (one line, or a piece longer than
    :data:`_PIECE`): a label on a line or two of its own may be printed after its numbers, not before.
    A group's row (一、本年新收…, （一）予以公开) stands in a wider cell, its label on a line or two. The last label
    may be cut by the page's end (``3.补``, its other pieces after the run): the next row's, when its label begins
    so."""
    rows: list[str] = []
    narrow = False
    pieces: list[str] | None = None
    for text in texts + [""]:
        item = None
        for item in _ITEM.finditer(text):
            pass
        if item is None and text and pieces is not None:
            pieces.append(text.split()[-1])     # (本年 公开: the group title's piece, then the label's)
            continue
        if pieces is not None:
            row, made = _row_of(pieces)
            cut = row is None and bool(rows) and not text and (row := _next_begun(pieces[0], rows[-1])) is not None
            if row is None and _DIGIT_ITEM.match(pieces[0]):
                return None
            if row and not _DIGIT_ITEM.match(pieces[0]) and not _LABELS[row].startswith(label_key(pieces[0])[:2]):
                row = None          # （四）无法提供 / 国家秘密: a group's title, an item's last pieces after it
            if row and _DIGIT_ITEM.match(pieces[0]) and not cut:
                # (wrapped in a narrow cell: the pieces the label was made of, not a line of other words after it,
                # a garbled 〈七〉总汁 after 3.其他 on a line of its own)
                if made < 2 or any(len(label_key(p)) > _PIECE for p in pieces[:made]):
                    return None
                narrow = True
            rows += [row] if row else []
        pieces = [text[item.start():]] if item else None
    return rows if narrow else None


def _holds(values: list[int]) -> bool:
    """Every row identity holds in the values placed row-major."""
    return all(sum(values[r + c] for c in lhs) == sum(values[r + c] for c in rhs)
               for r in range(0, len(values), _WIDTH) for lhs, rhs in _ROW_IDENTITIES)


def _run_rows(rows: list[str], run: list[Number]) -> bool:
    """Whether ``run`` is ``rows``' cells row by row: its size, the rows consecutive in the form's order, each row
    identity holding, and no other placement (column by column) holding them all with other values."""
    k = len(rows)
    if not k or len(run) != k * _WIDTH or not all_counts(run) or len(set(rows)) != k:
        return False
    if [_INDEX[r] for r in rows] != list(range(_INDEX[rows[0]], _INDEX[rows[0]] + k)):
        return False
    values = [n.cell.value if isinstance(n.cell.value, int) else 0 for n in run]
    if not _holds(values):
        return False
    by_columns = [values[c * k + r] for r in range(k) for c in range(_WIDTH)]
    return by_columns == values or not _holds(by_columns)


def read_label_runs(lines: list[str]) -> Readings | None:
    """The 表三 rows read from runs of numbers after their wrapped labels (see the module's docstring), or
    ``None`` when there are none."""
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    found: list[tuple[list[str], list[Number]]] = []
    texts: list[str] = []
    run: list[Number] = []
    closing = (span[1], "end", "end", [])            # (a line of text after the last: its run is read too)
    for _, raw, text, numbers in [*printed_lines(lines, *span), closing]:
        if numbers and not text:
            run += numbers
            continue
        if run:
            rows = _rows_labelled(texts)
            if rows and any(label_key(p) in _HEADER_PIECES for t in texts for p in t.split()):
                rows, run = rows[1:], run[_WIDTH:]      # (the first row may be staggered among the headers)
            if rows is not None and _run_rows(rows, run):
                found.append((rows, run))
            texts, run = [], []
        texts.append(raw)
    named = [r for rows, _ in found for r in rows]
    told = len(set(named)) == len(named) and not blanks_among_zeros([run for _, run in found])
    method = Method.FORM_ORDER if told else Method.FORM_ORDER_RUNS
    return {f"applications.{rows[i // _WIDTH]}.{_COLS[i % _WIDTH]}": reading(x.cell, [x.line], method)
            for rows, run in found for i, x in enumerate(run)} or None
