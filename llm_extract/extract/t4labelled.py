"""表四 as plain ``pdftotext`` (no -layout) prints it: each column's header, then its cell, group by group.

Without -layout poppler reads a ruled 表四 column by column: a column's header pieces, one to a line, then the
number under it; a group's name before its five columns. The page's next section may come out among the columns
(a column block placed after the heading 五、 and its prose)::

    行政复议
    结果
    维持
    0
    结果
    纠正
    1
    …
    五、存在的主要问题及改进情况
    行政诉讼
    未经复议直接起诉
    结果 结果 其他
    维持 纠正 结果
    0
    0
    0

:func:`read_labelled_columns` reads such a table where it is plain: every cell stands right after its column's
header, the columns of each group in the form's order, the groups in the form's order, the prose and section
headings between them skipped. Headers printed side by side (结果 结果 其他 / 维持 纠正 结果) are followed by their
cells in an order the text does not prove: such a run is read only when its cells are all the same value, else
in printed order (left to right, as poppler prints them) where that keeps the group's total, never proven
(``Method.T4_ACROSS_HEADERS``), or else every order of them is a candidate (an :class:`Ambiguity`); a label
printed whole on the top line takes no piece of the line under it (结果 结果 其他 尚未 总计 over 维持 纠正 结果 审结). A header
with no cell after it (the table's 总计 before the first group's name, or among a group's headers with its cell
further on) is passed over: its column must still be read after a header of its own, in the form's order. Anything
else (a column left without its cell, a cell without a header, a group incomplete) and the table is not read here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from itertools import permutations

from ..evidence import Ambiguity, CellKind, Method
from ..form import FORM
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import Cell, parse_cell
from .readings import Readings, missing, reading

__all__ = ["read_labelled_columns", "T4_LABELLED_COLUMNS"]

#: the method of a cell so read
T4_LABELLED_COLUMNS = "t4-labelled-columns"
_RESULTS = {c.label: c.key for c in FORM.table4_columns}
#: the header pieces a column's label is printed in, cut anywhere (结果 / 维持, 结果维 / 持, 总 / 计)
_PIECES = frozenset(p for label in _RESULTS for cut in range(1, len(label)) for p in (label[:cut], label[cut:]))
#: a group's name as a line of its own: which group the next columns are
_GROUP_LINES = {g.label.split("·")[-1]: g.key for g in FORM.table4_groups}    # 行政诉讼·复议后起诉: 复议后起诉
#: lines that are neither a cell nor a header: the table's top header, a section heading, a page's number
_SKIP = re.compile(r"行政诉讼|^[一二三四五六七八九十]+、|^[-－—]?\s*\d+\s*[-－—]$|^第\s*\d+\s*页")
#: prose: a sentence of the next section (a line long enough, or with a sentence's punctuation)
_PROSE = re.compile(r"[，。；：]|.{16,}")
#: how far after the heading 表四's columns may stand (the rest of the report's lines)
_REACH = 200


def _labels(text: list[tuple[int, str]], k: int) -> tuple[list[str], int] | None:
    """The column labels printed from ``text[k]`` on, and how many lines they take: 总计 or 结果维持 alone, or
    pieces side by side, on two lines (结果 结果 其他 over 维持 纠正 结果) or one to a line (结果 结果 其他
    维持 纠正 结果: the top pieces, then the bottom ones)."""
    pieces = text[k][1].split()
    if all(p in _RESULTS for p in pieces):
        return pieces, 1
    run: list[str] = []
    used = 0
    for _, line in text[k:k + 2 * len(REVIEW_COLUMNS)]:
        words = line.split()
        if not all(w in _PIECES or w in _RESULTS for w in words):
            break
        run += words
        used += 1
    for cut in range(len(run) // 2, 0, -1):
        if len(run) < 2 * cut:
            continue
        top, under = run[:cut], run[cut:2 * cut]
        joined = [a + b for a, b in zip(top, under)]
        if len(run) == 2 * cut and all(j in _RESULTS for j in joined):
            return joined, used
    if used >= 2 and (whole := _whole_on_top(text[k][1].split(), text[k + 1][1].split())) is not None:
        return whole, 2
    return None


def _whole_on_top(top: list[str], under: list[str]) -> list[str] | None:
    """Headers side by side on two lines, a label printed whole on the top line taking no piece of the line under
    it (结果 结果 其他 尚未 总计 over 维持 纠正 结果 审结); None unless every other top piece takes one."""
    joined: list[str] = []
    pieces = iter(under)
    for word in top:
        joined.append(word if word in _RESULTS else word + next(pieces, ""))
    if next(pieces, None) is not None or not all(j in _RESULTS for j in joined) or len(joined) == len(under):
        return None
    return joined


def read_labelled_columns(lines: Sequence[str], start: int) -> tuple[Readings, list[Ambiguity]] | None:
    """表四's fifteen cells from ``lines`` after the heading at line ``start`` (1-based), each after its column's
    header; None unless every group's five cells are so read."""
    text = [(n, raw.strip()) for n in range(max(start, 1), min(len(lines), start + _REACH) + 1)
            if (raw := lines[n - 1].strip())]
    out: Readings = {}
    side: list[Ambiguity] = []
    printed: Readings = {}                  # the cells under headers side by side, in printed order
    group_at = -1
    filled: list[str] = []                  # the current group's columns read so far
    k = 0
    while k < len(text) and len(out) < len(REVIEW_GROUPS) * len(REVIEW_COLUMNS):
        n, line = text[k]
        if line in _GROUP_LINES:
            if group_at >= 0 and len(filled) != len(REVIEW_COLUMNS):
                return None                 # a group left incomplete
            group_at += 1
            if group_at >= len(REVIEW_GROUPS) or REVIEW_GROUPS[group_at] != _GROUP_LINES[line]:
                return None                 # the groups out of the form's order
            filled, k = [], k + 1
            continue
        if (found := _labels(text, k)) is not None:
            labels, used = found
            head = [m for m, _ in text[k:k + used]]
            k += used
            cells = text[k:k + len(labels)]
            parsed = [parse_cell(raw) for _, raw in cells]
            if len(labels) == 1 and not _is_cell(parsed[:1]):
                continue                    # a header with no cell after it (the table's 总计 among the group names):
                #                             printed apart; a column it leaves unread leaves the table unread
            if group_at < 0:
                return None                 # columns before any group's name
            if len(cells) != len(labels) or not all(_is_cell([c]) for c in parsed):
                return None                 # a header without its cell
            paths = []
            for label in labels:
                column = _RESULTS[label]
                if len(filled) >= len(REVIEW_COLUMNS) or REVIEW_COLUMNS[len(filled)] != column:
                    return None             # the columns out of the form's order
                filled.append(column)
                paths.append(f"review_litigation.{REVIEW_GROUPS[group_at]}.{column}")
            if len(labels) > 1 and len({c.plain for c in parsed}) > 1:
                side.append(_side_by_side(paths, cells, parsed, head))
                out.update({p: missing(" ".join(r for _, r in cells), head + [m for m, _ in cells],
                                       T4_LABELLED_COLUMNS, "headers side by side: which cell is whose is not printed")
                            for p in paths})
                printed.update({path: reading(cell, head + [m], Method.T4_ACROSS_HEADERS)
                                for path, (m, _), cell in zip(paths, cells, parsed)})
            else:
                for path, (m, _), cell in zip(paths, cells, parsed):
                    out[path] = reading(cell, head + [m], T4_LABELLED_COLUMNS)
            k += len(labels)
            continue
        if _SKIP.search(line) or (_PROSE.search(line) and not parse_cell(line).is_number):
            k += 1
            continue
        return None                         # a line that is neither header, cell, group nor prose
    if len(out) != len(REVIEW_GROUPS) * len(REVIEW_COLUMNS):
        return None
    return out, _printed_where_it_holds(out, side, printed)


def _printed_where_it_holds(out: Readings, side: list[Ambiguity], printed: Readings) -> list[Ambiguity]:
    """Cells under headers side by side read in printed order (the headers' left to right, as poppler prints
    them), never proven (``Method.T4_ACROSS_HEADERS``: the tool's order), where that order keeps their group's
    total; the others' orders left as candidates. Returns the candidates left."""
    left: list[Ambiguity] = []
    for group in REVIEW_GROUPS:
        paths = [f"review_litigation.{group}.{c}" for c in REVIEW_COLUMNS]
        mine = [a for a in side if a.paths[0] in paths]
        values = [(printed.get(p) or out[p]).value for p in paths]
        if mine and all(isinstance(v, int) or v is None for v in values) \
                and (values[-1] or 0) == sum(v or 0 for v in values[:-1]):
            out.update({p: printed[p] for a in mine for p in a.paths})
        else:
            left += mine
    return left


def _is_cell(parsed: list[Cell]) -> bool:
    return bool(parsed) and (parsed[0].is_number or parsed[0].kind is CellKind.PLACEHOLDER)


def _side_by_side(paths: list[str], cells: list[tuple[int, str]], parsed: list[Cell], head: list[int]) -> Ambiguity:
    """Cells under headers printed side by side: every order of them is a candidate (the identities may keep one)."""
    values = [c.plain if c.is_number else None for c in parsed]
    options = [list(o) for o in dict.fromkeys(permutations(values))]
    raw = " ".join(r for _, r in cells)
    return Ambiguity(paths=paths, options=options, raw=raw, lines=head + [m for m, _ in cells],
                     reason=f"表四: cells {raw} under headers printed side by side: which is whose is not printed")
