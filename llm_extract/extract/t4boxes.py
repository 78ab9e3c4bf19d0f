"""表四 in ``pdf2txt.py`` text: its fifteen numbers one box to a line, blank lines between the boxes.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line, so a run of 表四's numbers is
broken by blank lines that :mod:`.textblocks` reads as the end of a block. Here only text ends a run: from
表四's heading to section 五, the numbers printed after its column or group headers are its runs. They are
表四's when they hold exactly its fifteen cells (with, when those up to 五's heading are fewer, the numbers
printed right after that heading before any other text: pdfminer boxing 五's heading among 表四's cells, a
column's before it, the rest after; or, plain ``pdftotext``, the bare numbers ending the page of 表四's
numbers and 五's heading, after 五's and 六's paragraphs: the row's last columns printed after the page's text);
(or, after 五's heading, the pieces of 表四's header among them: the heading boxed before the table's header line and
all its numbers, Chromium's three rows under 类别); numbers printed after the heading before any of 表四's own
header words (another table's cells and headers,
数据1 … 总计, that a text tool put there) are not 表四's.
Where the runs after the group words (行政复议 / 行政诉讼) hold more than fifteen numbers and those from the first of
the columns' own words (维持, 审结 …) on exactly fifteen, those are the table's: another table's cells (表三's, that
pdfminer spilled onto 表四's page) stand between the group words and the column words.
Where pdfminer boxes the heading after the table's first columns (``行政复议`` / ``结果`` / ``维持`` … ``1 0 0 0 1``
/ ``四、政府信息公开行政复议…``), the header words and numbers printed right before the heading count from its
first header word.

The run is the table's rows one after the other (one row of fifteen; several runs, each after a column's
header, are that row with the tool going back to a header between cells), or, for three rows of five, printed
column by column (``3 0 0 / 2 3 0 / …``: each column's three groups; a header such as 总计 may part it into
runs of whole columns). The group sums decide (a blank counting 0): the order in which every group's total
holds is read; where both orders hold with different values, nothing is. A header printing its column headers once
per group (结果维持 three times) is the one row of fifteen's: its numbers are not tried column by column. Read
column by column, a group's cells in another column order keep its total, and the text tool chose that order:
such a reading is never proven (``READ.T4_BLOCK_ORDER``), its blanks neither; read as one row, a blank is not
read (a blank and a 0 of a group trade places keeping its total).

Plain ``pdftotext`` of a one-row 表四 whose group headers (行政复议 / 行政诉讼 / 复议后起诉) stand over each group's
first column flows each group's first cell with those headers: the three groups' first cells come first, then
the first group's other four before 五 (and at times some of the next group's), the rest at the page's end
(two runs, the first of ``3 + 4`` numbers or more; one run where nothing else ends the page); a footer of the page's bare number printed before that
page-end run (its value the page's, alone on its line, one number too many) is no cell. That order is tried
too, as the row's (never proven either); where it and the printed order keep every total with other values,
nothing is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, heading_line, split_numbers
from .glued import groups_hold
from .layout import is_page_furniture, label_key

__all__ = ["table4_boxes", "table4_header_line", "read_table4_boxes", "BY_ROWS", "BY_COLUMNS"]

_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
_SECTION_FIVE = re.compile(r"^\s*(?:五[、.．]|\(?五\)|存在的主要问题)")
_SENTENCE = re.compile(r"[。；;！？]")
_WIDTH = len(FORM.table4_columns)
_GROUPS = len(FORM.table4_groups)
_CELLS = _WIDTH * _GROUPS
#: 表四's own header words (two characters of a column or group label), not those 表三 prints too
_SHARED = frozenset({"总计", "其他", "结果"})
_T4_WORDS = frozenset(label[i:i + 2] for label in [c.label for c in FORM.table4_columns]
                      + [g.label for g in FORM.table4_groups] for i in range(len(label) - 1)) - _SHARED
BY_ROWS = "text-block-row"
BY_COLUMNS = Method.T4_BY_COLUMNS
#: its one row of fifteen, runs parted by its column headers (the tool went back to a header between cells)
_ACROSS_HEADERS = Method.T4_ACROSS_HEADERS
#: the words of 表四's header as printed (a group's label parted from its sub-groups': 行政诉讼 / 复议后起诉)
#: the words only the columns' headers print (维持, 纠正, 审结 …), not the groups'
_COLUMN_WORDS = frozenset(label_key(c.label)[i:i + 2] for c in FORM.table4_columns
                          for i in range(len(label_key(c.label)) - 1)) - _SHARED
_HEADER_TEXT = tuple(label_key(part) for label in [c.label for c in FORM.table4_columns]
                     + [g.label for g in FORM.table4_groups] for part in label.split("·"))


def _heads_table4(key: str) -> bool:
    return any(key[i:i + 2] in _T4_WORDS for i in range(len(key) - 1))


def table4_header_line(lines: list[str], heading: int) -> int | None:
    """The first line after 表四's heading (its 1-based line) printing one of 表四's own header words."""
    for n in range(heading + 1, len(lines) + 1):
        text, _ = split_numbers(lines[n - 1].replace("\x0c", " ").strip(), n)
        if text and not _SENTENCE.search(text) and _heads_table4(label_key(text)):
            return n
        if _SECTION_FIVE.search(text):
            return None
    return None


def _header_piece(text: str) -> bool:
    """Whether every word of ``text`` is a piece of 表四's header (``行政复议``, ``结果``, ``尚未``, ``总计 结果``)."""
    keys = [label_key(word) for word in text.split()]
    return bool(keys) and all(key and any(key in head for head in _HEADER_TEXT) for key in keys)


def _header_before(lines: list[str], heading: int) -> int:
    """The first line of 表四's header printed before its heading (pdfminer boxing the heading after the
    table's first columns: ``行政复议`` / ``结果`` / ``维持`` … ``1`` … ``四、政府信息公开行政复议…``), else the
    heading's: lines of its header's words, numbers and blank lines only, back from the heading."""
    first = heading
    for n in range(heading - 1, 0, -1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, _ = split_numbers(raw, n)
        if not text:
            continue
        if not _header_piece(text):
            break
        first = n
    return first


def table4_boxes(lines: list[str]) -> list[list[Number]]:
    """表四's runs of numbers after its own header words (see the module docstring), when they hold exactly
    its fifteen cells; else ``[]``."""
    heading = heading_line(lines, _T4_HEADING, heading_line(lines, _T3_HEADING) or 0)
    if heading is None:
        return []
    end = heading_line(lines, _SECTION_FIVE, heading) or len(lines) + 1
    runs: list[list[Number]] = []
    headed = False                       # one of 表四's header words printed since the heading
    run: list[Number] | None = None
    first_run: int | None = None         # the first run after one of the columns' own words (维持, 审结 …)
    columned = False
    start = _header_before(lines, heading)
    for n in range(start, end):
        if n == heading:
            run = None
            continue
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, numbers = split_numbers(raw, n)
        if text:
            run = None
            headed = headed or (not _SENTENCE.search(text) and _heads_table4(label_key(text)))
            columned = columned or (headed and any(w in label_key(text) for w in _COLUMN_WORDS))
        if numbers and headed:
            if run is None:
                run = []
                runs.append(run)
                first_run = first_run if first_run is not None or not columned else len(runs) - 1
            run += numbers
    if sum(map(len, runs)) > _CELLS and first_run and sum(map(len, runs[first_run:])) == _CELLS:
        runs = runs[first_run:]             # (表三's cells spilled between the group words and the column words)
    if sum(map(len, runs)) < _CELLS and end <= len(lines) and headed:
        after, worded = _after_five(lines, end)
        runs += after if runs or worded else []     # (none before 五: only under 表四's header words after it)
    if runs and sum(map(len, runs)) < _CELLS and end <= len(lines) \
            and not any("\x0c" in line for line in lines[runs[-1][-1].line - 1:end - 1]):
        tail = _page_tail(lines, end)       # (五's heading on the page of 表四's numbers)
        if tail and sum(map(len, runs + tail)) == _CELLS + 1 and _bare_page_number(lines, tail[0][0]):
            tail = [tail[0][1:]]            # (the page's number, a bare one, printed before the row's last cells)
        runs += tail if sum(map(len, runs + tail)) == _CELLS else []
    return runs if sum(map(len, runs)) == _CELLS else []


def _page_tail(lines: list[str], five: int) -> list[list[Number]]:
    """The run of bare numbers that ends the page section 五 starts on, after its last text: plain ``pdftotext``
    prints the last columns of a table's row at the page's end, after 五's and 六's paragraphs."""
    stop = next((n for n in range(five, len(lines) + 1) if "\x0c" in lines[n - 1]), len(lines))
    if "\x0c" in lines[stop - 1] and not lines[stop - 1].split("\x0c")[0].strip():
        stop -= 1                           # (the form feed opens the next page's first line: 六's heading)
    run = [n for numbers in reversed(_bare_lines(lines, range(stop, five, -1))) for n in numbers]
    return [run] if run else []


def _bare_page_number(lines: list[str], number: Number) -> bool:
    """Whether ``number`` stands alone on its line and is that page's number (the form feeds before it, plus one):
    a footer of the bare number, which plain ``pdftotext`` prints before the last cells flowed to the page's end."""
    return lines[number.line - 1].replace("\x0c", "").strip() == number.cell.raw \
        and number.cell.value == 1 + sum(line.count("\x0c") for line in lines[:number.line - 1])


def _after_five(lines: list[str], five: int) -> tuple[list[list[Number]], bool]:
    """The run of numbers printed right after section 五's heading, before any other text than pieces of 表四's
    header (``总`` / ``计`` / ``结果`` / ``维持`` …), and whether such pieces stand among them: pdfminer may box 五's
    heading among 表四's cells (a column's cells before it, the others after), or before the table's header line
    and all its numbers (Chromium's three rows under 类别)."""
    run: list[Number] = []
    worded = False
    for n in range(five + 1, len(lines) + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, numbers = split_numbers(raw, n)
        if text and not (not _SENTENCE.search(text) and _header_piece(text)):
            break
        worded = worded or bool(text)
        run += numbers
    return ([run] if run else []), worded


def _bare_lines(lines: list[str], at: Iterable[int]) -> list[list[Number]]:
    """The numbers of the lines ``at`` (1-based, in the order given) up to the first line holding text or no
    number, blank lines and page furniture passed over."""
    out: list[list[Number]] = []
    for n in at:
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            continue
        text, numbers = split_numbers(raw, n)
        if text or not numbers:
            break
        out.append(numbers)
    return out


def _sums_hold(order: list[Number]) -> bool:
    """Every group's total holds, a blank counting 0."""
    values = [n.cell.value if n.cell.value is not None else 0 for n in order]
    return all(isinstance(v, int) for v in values) and groups_hold(values, _WIDTH)


def _leads_first(printed: list[Number]) -> list[Number]:
    """The row of fifteen printed with every group's first cell first, then each group's other cells."""
    leads, rest = printed[:_GROUPS], printed[_GROUPS:]
    return [n for g in range(_GROUPS) for n in [leads[g]] + rest[g * (_WIDTH - 1):(g + 1) * (_WIDTH - 1)]]


#: the word every group's column header prints once (结果维持): a header printing it once per group is one row's
_PER_GROUP_WORD = label_key(FORM.table4_columns[0].label)[-2:]


def _one_row_header(lines: list[str], printed: list[Number]) -> bool:
    """Whether 表四's header up to its last number prints its groups' column headers once per group (结果维持 three
    times): the form's one row of fifteen, which no text tool prints as three rows of five column by column."""
    heading = heading_line(lines, _T4_HEADING, heading_line(lines, _T3_HEADING) or 0)
    if heading is None or not printed:
        return False
    last = max(n.line for n in printed)
    return sum(label_key(lines[n - 1]).count(_PER_GROUP_WORD)
               for n in range(_header_before(lines, heading), last + 1)) >= _GROUPS


def read_table4_boxes(lines: list[str]) -> tuple[list[Number], str] | None:
    """表四's fifteen numbers in the form's order and how they were placed, when exactly one printed order
    keeps every group's total (see the module docstring)."""
    runs = table4_boxes(lines)
    printed = [n for run in runs for n in run]
    orders = []
    if len(runs) == 1:                   # one row of fifteen (a header between its cells: the tool's order)
        orders.append((printed, BY_ROWS))
    elif runs:                           # one row of fifteen, the tool going back to a header between cells
        orders.append((printed, _ACROSS_HEADERS))
    if len(runs) == 2 and len(runs[0]) >= _GROUPS + _WIDTH - 1 or len(runs) == 1:
        orders.append((_leads_first(printed), _ACROSS_HEADERS))   # the groups' first cells flowed with their headers
        #                                                          (one run too, with nothing after 表四 on its page)
    if runs and all(len(run) % _GROUPS == 0 for run in runs) and not _one_row_header(lines, printed):
        #                                                           whole columns of three
        orders.append(([printed[c * _GROUPS + g] for g in range(_GROUPS) for c in range(_WIDTH)], BY_COLUMNS))
    held = [(order, method) for order, method in orders if _sums_hold(order)]
    if not held or any([n.cell.value for n in h] != [n.cell.value for n in held[0][0]] for h, _ in held[1:]):
        return None
    order, method = held[0]
    if method != BY_COLUMNS and any(n.cell.value is None for n in order):
        return None                      # (proven by its order alone: a blank and a 0 may trade places)
    return order, method
