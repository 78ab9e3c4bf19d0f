"""Columns an agency adds to 表三, in a table read a cell to a line (a web page's or a Word document's).

Some reports number the rows (a 序号 column before each label: ``1`` / ``一、本年新收…``) or print last year's
figure beside this year's (a 上年数 / 上年总计 / 同比 column after 总计, or between the label and 自然人). Read a cell to
a line, a row number stands right before the next row's label and joins this row's cells, and a row of seven
cells and last year's figure is eight numbers: the rows are left unread. The table's header names such a column;
where it does:

* 序号: the number right before each row's label is the row's number, not a cell, when those numbers count the
  rows (each one more than the one before, three at least);
* an added figure (last year's, or a number in a 备注 column): a row of exactly eight cells is the form's seven
  and that figure, first or last as the header prints the column (before 申请人情况 / 自然人, or after them);
* 小计 (or 合计 beside 总计) after 其他: the sum of 法人或其他组织's five columns, before 总计: of eight cells, the
  seventh is it;
* 总计 printed before 自然人: each row's first cell is its total. Rows that add up one way only tell which; where
  none does (``3 0 0 0 0 0 3``: every applicant a natural person, or every one another organisation, and the
  column sums hold either way), the header's word is all there is: the cells the two orders read differently
  are returned, for the reader to mark as read but never proven (``READ.COLUMN_ORDER``).

A row an agency adds under a row of the form (``（其中：网上申请）``, ``（一）其中：…``) is no row of the form: it and its cells
are taken out of the table (:func:`without_sub_rows`), so that its numbers are no other row's.

The identities check the seven cells kept, as any row's.
"""

from __future__ import annotations

import re
from operator import attrgetter

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .cells import EMPTY_KINDS
from .headerorder import words
from .labels import rows_named
from .layout import Item
from .rowbounds import group_title_piece, numbered

__all__ = ["added_column", "added_field", "header_words", "t2_header", "drop_added_columns", "drop_subtotal_fields", "total_first_fields", "without_next_rows_empty_cells",
           "without_sub_rows", "spacer_column"]

_WIDTH = 7
_BLANK = CellKind.BLANK         # (an enum member's lookup costs more than the test: once, not per row)
_SEQ = re.compile(r"^序号$")
_ADDED = re.compile(r"^(?:备注|上一?年度?(?:数|总计|合计|同期|数据)?|去年(?:数|同期)?|同比(?:增减)?|增减|比上一?年度?(?:增减)?)$")
#: 表二's added column: last year's count under its own name (上年制发件数, 上年处理决定数量, 上年收费金额…), or a
#: running total of a year's flow the agency keeps (累计制发件数, 累计废止件数, 累计处理决定数量: never the stock
#: column 现行有效件数, which a report may name 累计有效件数)
_ADDED_COUNT = re.compile(r"^(?:(?:上年|去年|上一年)\S*(?:件数|数量|金额|总数)|累计(?:制发|发布|出台|废止|处理|收费))")
#: 表二's column header naming its year (2023年处理决定数量, 2022年度制发件数): two such side by side print two years
_YEAR_COUNT = re.compile(r"^(20\d\d)年度?\S*(?:件数|数量|金额)")
_COLUMN_NAME = re.compile(r"件数|数量|金额")
#: the label of a row an agency adds under one of the form's: 其中… (of which …)
_SUB_ROW = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、])?[(（]?其中[:：,，]?")
_APPLICANTS = re.compile(r"^(?:申请人情况|自然人)$")
_MIN_NUMBERED = 3
_KEY = attrgetter("key")


def added_column(items: list[Item], label: int, year: int | None = None,
                 lines: list[str] | None = None) -> int | None:
    """表二: the place, among a row's value columns, of a column the header names as added (``信息内容 | 本年制发件数 |
    上年制发件数 | 本年废止件数 | 现行有效件数``: 1), from the header words between the sub-table's 信息内容 and the
    row's label at ``label``; None when there is none. With the report's ``year``: of columns named by their years
    (``2022年处理决定数量 | 2023年处理决定数量``), the one of another year (:func:`_other_years_column`; the header's
    words from the document's ``lines`` where given)."""
    header = t2_header(items, label)
    named = next((k for k, key in enumerate(header) if _ADDED.match(key) or _ADDED_COUNT.match(key)), None)
    return named if named is not None or year is None else _other_years_column(items, label, year, lines)


def _other_years_column(items: list[Item], label: int, year: int, lines: list[str] | None) -> int | None:
    """The one value column whose header names another year's count beside one naming the report's ``year`` (two
    years printed side by side: ``信息内容 2022年处理决定数量 2023年处理决定数量``, or ``本年处理决定数量`` beside
    ``2022年处理决定数量``, its words one item or several); None
    unless exactly one column is the report's year's and one another's: years the report is not of tell nothing."""
    header = t2_header(items, label, True, lines)
    header = header[header.index("信息内容") + 1:] if "信息内容" in header else header
    names = [key for key in header if _COLUMN_NAME.search(key)]     # (a pipe, a row's label: no column's name)
    if len(names) != 2:
        return None
    years = [int(m.group(1)) if (m := _YEAR_COUNT.match(key)) else year if key.startswith("本年") else None
             for key in names]          # (本年处理决定数量 beside 2022年处理决定数量: this year's by the form's word)
    if None in years or years.count(year) != 1:
        return None                     # (a column named by no year: no telling the places)
    return years.index(next(y for y in years if y != year))


def t2_header(items: list[Item], label: int, split: bool = False, lines: list[str] | None = None) -> list[str]:
    """表二: the header words of the sub-table of the row whose label is at ``label``: between its 信息内容 and the
    first value (spaces taken out); none where another sub-table's section stands between. ``split``: the words of
    the lines from 信息内容's to the row's (of the document's ``lines`` where given), 信息内容's own line too (PDF text
    prints the header as one line)."""
    start = None
    for j in range(label - 1, -1, -1):
        key = items[j].key.replace(" ", "") if items[j].is_text else ""
        if key.startswith("信息内容") or split and "信息内容" in key:
            start = j                   # (PDF text: the heading's lines joined into one item before it)
            break
        if key.startswith("第二十条"):
            return []                   # another sub-table's section: no header of this row's
    if start is None:
        return []
    header: list[str] = []
    if split:                           # every line from 信息内容's to the row's (joined items span several)
        return words([it for it in items[start:label] if it.is_text and it.line < items[label].line], lines,
                     items[label].line)
    for it in items[start + 1:label]:
        if it.is_value:
            break
        header.append(it.key.replace(" ", ""))
    return header


def header_words(items: list[Item], first: int) -> list[str]:
    """表三's header: the words before its first row's label at ``first``, spaces taken out."""
    return [it.key.replace(" ", "") for it in items[:first] if it.is_text]


def _added_side(header: list[str]) -> str | None:
    added = next((i for i, key in enumerate(header) if _ADDED.match(key)), None)
    applicants = next((i for i, key in enumerate(header) if _APPLICANTS.match(key)), None)
    if added is None or applicants is None:
        return None
    return "first" if added < applicants else "last"


def _row_number(items: list[Item], idx: int) -> Item | None:
    """The number a row's number column prints before the label at ``idx``: the first value before it, past
    empty cells and a group's title (``4`` / empty / ``(二)部分公开…``; ``3`` / ``三、本年度办理结果`` / ``(一)予以公开``)."""
    for j in range(idx - 1, -1, -1):
        it = items[j]
        if it.is_text or it.cell.kind is CellKind.BLANK:
            continue
        return it if it.cell.is_number else None
    return None


def _row_numbers(items: list[Item], order: list[tuple[str, int]]) -> list[Item]:
    """The row numbers before the labels after the first, when they count the rows (one more each time)."""
    numbers = [n for _, idx in order[1:] if (n := _row_number(items, idx)) is not None]
    values = [n.cell.value for n in numbers]
    counting = len(numbers) == len(order) - 1 >= _MIN_NUMBERED and all(isinstance(v, int) for v in values) \
        and all(b == a + 1 for a, b in zip(values, values[1:]))
    return numbers if counting else []


def drop_added_columns(items: list[Item], order: list[tuple[str, int]],
                       spans: dict[str, list[Item]]) -> dict[str, list[int]]:
    """Take a 序号 column's numbers, an added figure and a 小计 out of the rows' ``spans``, and put a total printed
    first last (see the module docstring); ``order`` is the rows' labels (row, item index) in item order. Returns
    the columns (0 … 6, the form's order) of each row that only the header's order placed."""
    if not order:
        return {}
    header = header_words(items, order[0][1])
    if any(_SEQ.match(key) for key in header):
        numbered = {id(n) for n in _row_numbers(items, order)}
        for row in spans:
            spans[row] = [it for it in spans[row] if id(it) not in numbered]
    side = _added_side(header)
    subtotal = _subtotal_column(header)
    total_first = _total_first(header)
    if side is None and not subtotal and not total_first:
        return {}                       # (most tables: no column added, the total last; nothing below acts)
    owns = {row: without_next_rows_empty_cells(items, order[k + 1][1] if k + 1 < len(order) else len(items), spans[row])
            for k, (row, _) in enumerate(order)}
    ends = {row: order[k + 1][1] if k + 1 < len(order) else len(items) for k, (row, _) in enumerate(order)}
    if side is not None or subtotal:
        for row, own in owns.items():
            if side == "last" and not subtotal and _words_after(items, own, ends[row]):
                continue                # the 备注 holds words: the row's eighth value is no 备注 (a spacer's field)
            if len(own) == _WIDTH + 1:
                added = own[_WIDTH - 1] if subtotal else own[0] if side == "first" else own[_WIDTH]
                spans[row] = [it for it in spans[row] if it is not added]
                owns[row] = [it for it in own if it is not added]
    unsure: dict[str, list[int]] = {}
    evidence = _order_evidence([[it.cell.value if it.cell.is_number else 0 if it.cell.kind in EMPTY_KINDS else None
                                 for it in own] for own in owns.values() if len(own) == _WIDTH]) \
        if total_first else "against"
    if evidence != "against":
        for row, own in owns.items():
            if len(own) == _WIDTH:
                span = [it for it in spans[row] if it is not own[0]]
                span.insert(span.index(own[-1]) + 1, own[0])
                spans[row] = span
                if evidence == "none":      # the header alone says so: where the two orders differ, a guess
                    turned = own[1:] + own[:1]
                    unsure[row] = [j for j in range(_WIDTH) if _value(own[j]) != _value(turned[j])]
    return unsure


def _words_after(items: list[Item], own: list[Item], end: int) -> bool:
    """Whether words right after a row's last value, before the next row's label, are a 备注 column's text:
    words that name no row and open with no item number (a group's title, （三）不予公开, is no remark)."""
    if not own:
        return False
    last = next((k for k in range(len(items)) if items[k] is own[-1]), None)
    if last is None or last + 1 >= end or not items[last + 1].is_text:
        return False
    key = items[last + 1].key
    return not rows_named(key) and not numbered(key) and not group_title_piece(key)


def added_field(items: list[Item], order: list[tuple[str, int]]) -> str | None:
    """Tab-separated rows, read field by field: "first" or "last" where the header names a field added to the
    form's seven (last year's figure, a 备注), before 申请人情况 / 自然人 or after them; ``None`` where it names none."""
    return _added_side(header_words(items, order[0][1])) if order else None


def drop_subtotal_fields(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]]) -> None:
    """Tab-separated rows, read field by field: where the header prints a 小计 column (:func:`_subtotal_column`),
    the seventh of a row's eight fields on its label's line is no cell (as :func:`drop_added_columns` drops it in a
    table read a cell to a line)."""
    if not order or not _subtotal_column(header_words(items, order[0][1])):
        return
    for row, idx in order:
        own = [it for it in spans[row] if it.line == items[idx].line]
        if len(own) == _WIDTH + 1:
            spans[row] = [it for it in spans[row] if it is not own[_WIDTH - 1]]


def _subtotal_column(header: list[str]) -> bool:
    """Whether the header prints a 小计 (or 合计 beside 总计) after 法人或其他组织's last column, 其他: the five
    columns' sum, added before 总计."""
    other = next((i for i, key in enumerate(header) if key == "其他"), None)
    sub = next((i for i, key in enumerate(header) if key in ("小计", "合计")), None)
    return other is not None and sub is not None and sub > other and (header[sub] == "小计" or "总计" in header)


def _total_first(header: list[str]) -> bool:
    """Whether the header prints 总计 before 自然人 (the total column first, right after the label)."""
    total = next((i for i, key in enumerate(header) if key in ("总计", "合计")), None)
    natural = next((i for i, key in enumerate(header) if key == "自然人"), None)
    return total is not None and natural is not None and total < natural


def total_first_fields(items: list[Item], order: list[tuple[str, int]], out: dict[str, Reading]) -> None:
    """Tab-separated rows, read field by field: a total printed first (the header's 总计 before 自然人) moved last
    in each row of ``out`` read whole, as :func:`drop_added_columns` does for a table read a cell to a line."""
    if not order or not _total_first(header_words(items, order[0][1])):
        return
    rows = {row: [out.get(p) for p in TABLE3_ROW_PATHS[row]] for row, _ in order if row in TABLE3_ROW_PATHS}
    whole = {row: rs for row, rs in rows.items() if all(r is not None and not r.missing for r in rs)}
    evidence = _order_evidence([[r.value if isinstance(r.value, int) else 0 if r.value is None else None for r in rs]
                                for rs in whole.values()])
    if evidence == "against":
        return
    for row, rs in whole.items():
        turned = rs[1:] + rs[:1]
        for path, before, r in zip(TABLE3_ROW_PATHS[row], rs, turned):
            if evidence == "none" and (before.kind, before.value) != (r.kind, r.value):
                r.method = Method.COLUMN_ORDER      # the header alone says so
            out[path] = r


def _value(it: Item) -> object:
    return it.cell.value if it.cell.is_number else None


def _order_evidence(rows: list[list]) -> str:
    """What rows of seven values (an empty cell 0; ``None`` where a cell holds no count: such a row tells nothing)
    say of a total printed first: ``"for"`` (some row adds up with its total first, not last), ``"against"`` (some
    row the other way), ``"none"`` (every row either way: ``3 0 0 0 0 0 3`` is 3 natural persons with the total
    last, 3 others with the total first, and column sums hold either way)."""
    said = set()
    for values in rows:
        if None in values:
            continue
        last, first = values[6] == sum(values[:6]), values[0] == sum(values[1:])
        if first != last:
            said.add("for" if first else "against")
    return "against" if "against" in said else "for" if said else "none"


def without_next_rows_empty_cells(items: list[Item], nxt: int, span: list[Item]) -> list[Item]:
    """The row's items less the next row's empty first cells: empty cells standing after the row break (a line
    left empty after the row's last cell, as a Word text export ends each row) right before the next label
    (the empty cells of the group columns before it: one, or two where the next row's label is in the third
    column, a group's title, （四）无法提供, maybe between them and the label)."""
    k = len(span)
    while k > 0 and span[k - 1].cell.kind is _BLANK:
        k -= 1
    if not 0 < k < len(span):
        return span
    # the row break: the first line left empty among the trailing empty cells (the row's own last cells may
    # be empty too, right after its numbers: ``0`` / ``（empty 总计）`` / empty line / the next row's empty cells)
    k = next((m for m in range(k, len(span)) if span[m].line - span[m - 1].line >= 2), len(span))
    if k == len(span):
        return span
    if items[nxt - 1] is span[-1] or all(b.line - a.line == 1 for a, b in zip(span[:k], span[1:k])):
        return span[:k]                 # (the row's own cells a line each, no gap among them: a group's title
    return span                         # may stand between those empty cells and the next label)


def without_sub_rows(items: list[Item]) -> list[Item]:
    """``items`` without each 其中 row an agency added (its label and the cells that follow it, up to the next text)."""
    if "其中" not in "".join(map(_KEY, items)):
        return items                    # (no key says 其中: no sub-row; the test in C, not a loop of matches)
    out: list[Item] = []
    skipping = False
    for it in items:
        if it.is_text:
            skipping = (m := _SUB_ROW.match(it.key)) is not None and not _form_row(it.key[m.end():])
        if not skipping:
            out.append(it)
    return out if len(out) != len(items) else items


#: the rows of the form that open a group (1.属于国家秘密 under （三）不予公开, …): those a 其中 may introduce
_GROUP_FIRST = frozenset(r.key for r in FORM.table3_rows if r.group)


def _form_row(rest: str) -> bool:
    """Whether what follows a label's 其中 is the row of the form that opens a group (``（三）不予公开 | 其中：1.属于国家秘密``,
    ``其中：属于国家秘密``), not a row the agency adds (``其中：网上申请``)."""
    named = rows_named(rest)
    return len(named) == 1 and named[0] in _GROUP_FIRST


def spacer_column(spans: dict[str, list[Item]]) -> bool:
    """Whether the table prints an empty field before its cells (a spacer column, a label spanning a column):
    most rows' spans open with an empty field and seven values after it."""
    opened = sum(1 for span in spans.values() if len(span) >= 8 and span[0].cell.kind is CellKind.BLANK
                 and all(it.cell.kind is not CellKind.BLANK for it in span[1:8]))
    return opened >= max(3, len(spans) // 2)
