"""表二 in ``pdf2txt.py`` text: its headers and numbers one box to a line, blank lines between the boxes.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line, and groups a table's boxes by
proximity: 表二's row labels (规章, 行政许可 …) come together in one place, its section headings
(第二十条第（五）项 …) in another, and each column header (本年制发件数, 本年处理决定数量, 本年收费金额) is
most often printed right before the numbers under it. Only the headers tie a number to a cell here, so
every cell this module places is placed by position alone (``READ.BLOCK_POSITION``: never proven, no
identity checks 表二), and only under exact counts:

* a header of one column shared by rows of several sections (本年处理决定数量: 行政许可 in （五）, 行政处罚
  and 行政强制 in （六）) is printed once per section: the runs of numbers after its printings hold, in
  order, exactly each section's count of rows (``1`` then ``2``), else none is placed; a table printing that
  header once for all its rows (no 第二十条 sections: 行政许可, 行政处罚, 行政强制 under one 本年处理决定数量)
  has all their numbers in the one run after it, in the form's order (exactly ``3``);
* a header of one row's only column (本年收费金额) is followed by exactly one number;
* the column headers of rows that share them (本年制发件数 / 本年废止件数 / 现行有效件数 for 规章 and
  行政规范性文件) are columns of those rows' numbers: a run after one header is that column (one number
  per row), a run after several headers is those columns one after the other, in the headers' printed
  order; every run used up whole, each column placed once, no other table's words between the headers
  and their run, else none of those rows is placed. pdfminer prints such a run column by column but in an
  order of its own (现行有效件数's first, now and then): the weakest of these placements, a candidate for
  review. A run of several columns printed as one block, no blank line between its numbers (plain
  ``pdftotext``, which prints such a block row by row as often), places only the cells both orders read alike.

pdfminer prints at times the last shared column's numbers (现行有效件数 of 规章 and 行政规范性文件) after the next
header (本年处理决定数量: LibreOffice's 表二 without 第二十条 sections), before that header's own: a run after one
column's header that holds exactly the numbers of the shared columns still without a run, and more, is cut in two,
those first numbers the open columns' (placed as above, by the exact counts of both runs, never proven).

Word's 表二 in plain ``pdftotext`` prints the first columns' headers, then each of 规章 and 行政规范性文件 with its
cells across (its label, then one number per header): such runs are turned into the headers' columns first.

Blank lines, page furniture and other text (row labels, section headings) between a header and its run
do not part them: only the run's next header does. Rows whose first cell pdfminer boxed with their label,
the headers all printed before them: :mod:`.t2beside`.
"""

from __future__ import annotations

from ..form import FORM
from .blocktext import Number, heading_span, printed_lines
from .layout import label_key
from .t2beside import beside_labels

__all__ = ["table2_boxes"]

_T2_HEADING = FORM.headings["表二"]
_T4_HEADING = FORM.headings["表四"]


def _under() -> dict[str, list[tuple[str, str, bool]]]:
    """Each distinct column header of 表二 (its label key before a unit) → the cells under it in the form's
    order: (section, path, whether the row has that one column only)."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for row in FORM.table2:
        for col in row.columns:
            path = f"{row.path}.{col.key}" if col.key else row.path
            out.setdefault(label_key(col.label).split("(")[0], []).append((row.section, path, len(row.columns) == 1))
    return out


def _by_section(cells: list[tuple[str, str, bool]]) -> list[list[str]]:
    sections: dict[str, list[str]] = {}
    for section, path, _ in cells:
        sections.setdefault(section, []).append(path)
    return list(sections.values())


_UNDER = _under()
#: headers of rows of one column: the paths under each printing of it, section by section (（五） 1, （六） 2)
_SINGLE = {h: _by_section(cells) for h, cells in _UNDER.items() if all(one for _, _, one in cells)}
#: headers shared by rows of several columns (本年制发件数 …): the paths of that column, row by row
_MULTI = {h: [path for _, path, _ in cells] for h, cells in _UNDER.items() if h not in _SINGLE}


def _header(text: str) -> list[str]:
    """表二's column headers a text line prints (``本年废止件数 现行有效件数``: two), in printed order."""
    key = label_key(text)
    found = [(key.find(h), h) for h in _UNDER if h and h in key]
    return [h for _, h in sorted(found)]


_SECTIONS = {label_key(r.section) for r in FORM.table2}
_CONTENT = label_key("信息内容")
_Runs = list[tuple[list[str], list[Number], bool]]


def _own_text(text: str) -> bool:
    """Whether a text line is one of 表二's own: a row label, a section heading, 信息内容."""
    key = label_key(text)
    return key == _CONTENT or key in _SECTIONS or any(r.pattern.search(key) for r in FORM.table2)


def _runs(lines: list[str], rows: list[str | None] | None = None) -> _Runs:
    """The runs of numbers from 表二's heading to 表四's, each with the 表二 headers printed since the
    previous run, and whether any other text (another table's) stands between that run and the previous.
    ``rows``, when given, gets for each run the row of several columns (规章, 行政规范性文件) whose label is the
    last text before it, else ``None``."""
    if (span := heading_span(lines, _T2_HEADING, _T4_HEADING)) is None:
        return []
    out: _Runs = []
    headers: list[str] = []
    run: list[Number] = []
    foreign = False
    row = None
    for _, _, text, numbers in printed_lines(lines, *span):
        if text:
            printed = _header(text)
            if run:
                out.append((headers, run, foreign))
                if rows is not None:
                    rows.append(row)
                headers, run, foreign = [], [], False
            headers = headers + printed
            foreign = foreign or not (printed or _own_text(text))
            row = _multi_row(text)
        run += numbers
    if run or headers:
        out.append((headers, run, foreign))     # (headers after the last run: printed, over no number)
        if rows is not None:
            rows.append(row if run else None)
    return out


_MULTI_ROWS = [r for r in FORM.table2 if len(r.columns) > 1]


def _multi_row(text: str) -> str | None:
    """The row of several columns a text line is the label of (规章, 行政规范性文件), else ``None``."""
    key = label_key(text)
    found = [r.path for r in _MULTI_ROWS if r.pattern.search(key)]
    return found[0] if len(found) == 1 else None


def _by_rows(runs: _Runs, rows: list[str | None]) -> _Runs:
    """The runs with the shared columns' rows printed across turned into those columns' runs: Word's 表二 in plain
    ``pdftotext`` prints the headers of its first columns (本年制发件数 / 本年废止件数), then 规章 and its cells, then
    行政规范性文件 and its cells (the last column elsewhere, after its own header). Where every row of those columns
    follows its own label in the form's order with as many numbers as the headers printed before the first and
    not yet used, each with no other header, those runs are the headers' columns (one number per row)."""
    order = [r.path for r in _MULTI_ROWS]
    for i in range(len(runs) - len(order) + 1):
        if rows[i:i + len(order)] != order:
            continue
        group = runs[i:i + len(order)]
        heads = [h for h in group[0][0] if h in _MULTI]
        k = len(group[0][1])
        if not heads or len(heads) != k or len(heads) != len(group[0][0]) \
                or any(headers or len(numbers) != k for headers, numbers, _ in group[1:]) \
                or any(h in headers for headers, _, _ in runs[:i] for h in heads):
            return runs
        columns = [([h], [numbers[j] for _, numbers, _ in group], group[0][2]) for j, h in enumerate(heads)]
        return runs[:i] + columns + runs[i + len(order):]
    return runs


def _spilled(runs: _Runs) -> _Runs:
    """The runs with a run after one column's header cut in two where it begins with the numbers of the shared
    columns still open (their headers printed, too few numbers after them): those are a run of their own."""
    per = len(next(iter(_MULTI.values())))
    open_columns = 0
    out: _Runs = []
    seen: dict[str, int] = {}              # each single column's header: its printings so far
    for headers, numbers, foreign in runs:
        shared = [h for h in headers if h in _MULTI]
        if shared:
            open_columns = max(0, open_columns + len(shared) - len(numbers) // per)
        elif open_columns and len(headers) == 1 and headers[0] in _SINGLE \
                and len(numbers) - open_columns * per == _own_count(runs, headers[0], seen.get(headers[0], 0)):
            cut = open_columns * per
            out += [([], numbers[:cut], foreign), (headers, numbers[cut:], False)]
            open_columns = 0
            seen[headers[0]] = seen.get(headers[0], 0) + 1
            continue
        for h in headers:
            seen[h] = seen.get(h, 0) + 1
        out.append((headers, numbers, foreign))
    return out


def _own_count(runs: _Runs, header: str, printing: int) -> int:
    """How many numbers a single column's header's printing heads: all its rows' where it is printed once, else
    its section's."""
    sections = _SINGLE[header]
    printed = sum(header in headers for headers, _, _ in runs)
    if printed == 1:
        return sum(map(len, sections))
    return len(sections[printing]) if printed == len(sections) else -1


def _singles(runs: _Runs) -> dict[str, Number]:
    placed: dict[str, Number] = {}
    for key, sections in _SINGLE.items():
        after = [numbers for headers, numbers, _ in runs if headers == [key]]
        printed = sum(key in headers for headers, _, _ in runs)
        if printed == 1 == len(after) and len(sections) > 1 and len(after[0]) == sum(map(len, sections)):
            sections = [[p for paths in sections for p in paths]]     # printed once for all its rows
        if len(after) == len(sections) and all(len(a) == len(s) for a, s in zip(after, sections)) \
                and printed == len(sections):
            for paths, numbers in zip(sections, after):
                placed.update(zip(paths, numbers))
    return placed


def _either_way(numbers: list[Number], per: int) -> set[int]:
    """The places (column by column) of a run's numbers whose value depends on its order, where the run holds
    several columns printed as one block, no blank line between its numbers (not pdf2txt.py's box to a line:
    plain ``pdftotext`` printing such a block row by row as often): read row by row, that cell's value differs
    from column by column, and which order is the tool's nothing tells."""
    k = len(numbers) // per
    if k < 2 or any(b.line != a.line + 1 for a, b in zip(numbers, numbers[1:])):
        return set()
    values = [n.cell.value for n in numbers]
    return {c * per + r for r in range(per) for c in range(k) if values[r * k + c] != values[c * per + r]}


def _multis(runs: _Runs) -> dict[str, Number]:
    placed: dict[str, Number] = {}
    doubted: set[str] = set()            # placed, but read row by row they hold other values
    pending: list[str] = []
    for headers, numbers, foreign in (r for r in runs if r[1]):
        shared = [h for h in headers if h in _MULTI]
        if shared and (len(shared) != len(headers) or set(shared) & set(pending)):
            return {}                    # (a shared column's header with another's: whose run?)
        if not shared and (not pending or foreign):
            if pending:
                return {}                # (another table's words since the headers: whose numbers?)
            continue
        pending = pending + shared
        per = len(_MULTI[pending[0]])
        if len(numbers) % per or len(numbers) // per > len(pending):
            return {}
        doubt = _either_way(numbers, per)
        for i in range(len(numbers) // per):
            column = pending.pop(0)
            if _MULTI[column][0] in placed:
                return {}
            placed.update(zip(_MULTI[column], numbers[i * per:(i + 1) * per]))
            doubted.update(p for j, p in enumerate(_MULTI[column]) if i * per + j in doubt)
    done = all(p in placed for paths in _MULTI.values() for p in paths)
    return {p: n for p, n in placed.items() if p not in doubted} if done and not pending else {}


def table2_boxes(lines: list[str]) -> dict[str, Number]:
    """表二's cells placed by the headers printed before their numbers (see the module docstring)."""
    rows: list[str | None] = []
    runs = _runs(lines, rows)
    runs = _spilled(_by_rows(runs, rows))
    return {**_singles(runs), **(_multis(runs) or beside_labels(lines))}
