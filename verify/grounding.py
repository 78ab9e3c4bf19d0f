"""Grounding: is a model value printed in the source text where the model says it is?

    ground(values, lines) -> {path: Grounding}

``values`` are the model's values by field path (a value the model did not give is
absent); ``lines`` are the document's lines. Each value gets a :class:`Grounding`
(as google/langextract keeps an alignment status per extraction):

``exact``      its row's printed label is found and the model's numbers for that row are,
               one for one and in order, the numbers printed after the label (blank cells
               are blanks or placeholders in the text, or vanish as in PDF text; where the
               row marks its blanks, ``0 — 0 — — 0 0``, the marks say which cells are blank)
``digit_run``  the numbers printed after the label, digits only, are exactly the
               concatenation of the model's numbers, cut differently (a glued crawler
               dump ``数量640020470``, merged or split cells): the text supports the digits,
               not the cuts
``not_found``  neither: the label is not found, or the numbers after it are others

Matching is on normalised characters, not tokens: NFKC (full-width digits and
brackets), no whitespace or quotes inside labels, OCR confusions in numbers (O→0,
l/I→1, S→5, B→8, Z→2), thousands separators dropped; a row's numbers against the
model's cells in :mod:`verify.cellmatch`. Labels are the form's patterns
(:mod:`llm_extract.form`). 表四 is the run of numbers after its heading, in the form's
order of groups and columns. ``agency`` is grounded when it is a name (Chinese words
only) printed in a title line; ``year`` when ``<year>年`` is printed there.

Pure, and independent of the deterministic reader: it sees the lines only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from llm_extract.form import FORM

from .cellmatch import DIGIT_RUN, EXACT, NOT_FOUND, marked, match_cells, numbers, run_pieces
from .grounded import Grounding, normalise
from .digitsplits import digit_splits
from .columnblock import column_block, column_doubts
from .labelblock import label_block, order_doubts
from .roworder import place_by_order
from .statedorder import Claim, prose_settled
from .sixzeros import SUB_ROW_KEYS, zero_one_row
from .t4labelled import labelled_groups
from .titleground import ground_title
from .blanktwins import doubt_twins

__all__ = ["Grounding", "ground", "EXACT", "DIGIT_RUN", "NOT_FOUND", "normalise", "segments", "Segment",
           "digit_splits"]


_CJK = r"\u3400-\u9fff"
_SPECKS = "■□▪•·~_^`¦丨'"
# a label: CJK, brackets, punctuation, specks, and item numbers that run into CJK ("1.属于", "第（一）项")
_LABEL = re.compile(rf"(?:[{_CJK}()（）\[\]“”\"‘’《》〈〉:：，,、。；;·\-—{re.escape(_SPECKS)}]"
                    rf"|\d[.、．](?=[{_CJK}]))*[{_CJK}][{_CJK}()（）“”\"’》)]*")
#: a placeholder word standing alone, or glued among a crawler's digit run (``1550不适用0不适用18173``) and its marks
_PLACEHOLDER_WORDS = re.compile(r"(?<![^\s|])(?:无|空|不适用)(?![^\s|])"
                                r"|(?<=[\d/—–\-])(?:无|空|不适用)(?=[\d/—–\-]|\s|$)")
_LABEL_KEY_DROP = re.compile(r"[\s“”\"'‘’「」" + re.escape(_SPECKS) + "]")


@dataclass(frozen=True)
class Segment:
    """A printed label and the text up to the next label."""

    label: str            # as printed (normalised)
    key: str              # the label key the form's patterns match
    values: str           # the text after the label, up to the next label
    start: int            # offset of the label in the normalised text
    lines: tuple[int, ...]


#: the next label's item number, printed before its words (a crawler's 00000002.其他法律…, a text's
#: 0 0 0 2. 其他…): the label pattern starts at the words, so the number ends the row's values
_NEXT_ITEM_NUMBER = re.compile(r"(?<!\.)\d[.、]\s*$")


def _key(label: str) -> str:
    return _LABEL_KEY_DROP.sub("", label)


def segments(text: str) -> list[Segment]:
    """The normalised text cut into (label, following text) segments."""
    norm = _PLACEHOLDER_WORDS.sub("/", normalise(text))
    starts = [0] + [m.end() for m in re.finditer("\n", norm)]

    def line_of(offset: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    found = list(_LABEL.finditer(norm))
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(norm)
        first, last = line_of(m.start()), line_of(max(m.start(), end - 1))
        values = _NEXT_ITEM_NUMBER.sub("", norm[m.end():end])     # (00000002. 其他法律…: 2. is the next label's)
        out.append(Segment(m.group(0), _key(m.group(0)), values, m.start(),
                           tuple(range(first, last + 1))))
    return out


def _region(segs: list[Segment], heading: str, following: str) -> list[Segment]:
    """The segments from a table's heading to the next table's heading (all of them when not found). A sentence
    may name both headings first (a preamble listing the report's parts: ``全文包括总体情况、主动公开政府信息情况、
    收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况…``): of every place that names the heading,
    the one opening the longest stretch before the next table's heading is the table's."""
    pattern, nxt = FORM.headings[heading], FORM.headings[following]
    best: tuple[int, int] | None = None
    for start in (i for i, s in enumerate(segs) if pattern.search(s.key)):
        end = next((i for i in range(start + 1, len(segs)) if nxt.search(segs[i].key)), len(segs))
        if best is None or end - start > best[1] - best[0]:
            best = (start, end)
    return segs if best is None else segs[best[0]:best[1]]


_SUFFIX = 60


def _names(pattern: re.Pattern[str], key: str) -> int | None:
    """Where the label key names the row (the end of the match), or None. Its whole key, or, when labels
    run together without a break (a crawler's dump: ``…现行有效件数规章001``), the row's label at its end."""
    m = pattern.search(key)
    if m:
        return m.end()
    if len(key) > 12:
        for i in range(max(1, len(key) - _SUFFIX), len(key)):
            m = pattern.search(key[i:])
            if m:
                return i + m.end()
    return None


def _windows(region: list[Segment], pattern: re.Pattern[str],
             others: list[re.Pattern[str]]) -> Iterator[Segment]:
    """The label matches of a row: one segment, or up to three when the label is broken over lines
    (``2.没有现成`` … ``另行制作``) and no other row's label is among them. Numbers: all the window's."""
    for i in range(len(region)):
        for j in range(i, min(i + 3, len(region))):
            part = region[i:j + 1]
            if j > i and any(o.search(s.key) for s in part for o in others):
                break
            key = "".join(s.key for s in part)
            end = _names(pattern, key)
            if end is None and j == i and any(o.match(key) for o in others):
                # a blank row's label, then this row's, run together (3.其他(七)总计0000000): this one ends it
                end = next((k + m.end() for k in range(1, len(key)) if (m := pattern.match(key[k:]))), None)
            if end is not None:
                # labels run together (a blank row, then the next row's label): the numbers are the next row's
                values = "" if any(o.search(key[end:]) for o in others) else " ".join(s.values for s in part)
                yield Segment("".join(s.label for s in part), key, values, part[0].start,
                              tuple(sorted({n for s in part for n in s.lines})))
                if numbers(values):
                    break          # (else the label's wrapped tail may carry them: 本年新收政府信息公开申 / 请数量 13 …)


_ORDER_DOUBT = ("printed at its label's place in a block of rows, but another row there, in the same identities, "
                "prints another number in this column: the text tool's order, not proof")


def _ground_rows(region: list[Segment], rows: Iterable[tuple[list[str], re.Pattern[str]]], values: Mapping[str, Any],
                 out: dict[str, Grounding], *, by_order: bool = False, claims: Sequence[Claim] = ()) -> None:
    """Each row's model cells against the numbers after its label; with ``by_order`` (表三), a row whose label no
    pattern names is looked for at its place in the form's order (:mod:`verify.roworder`)."""
    rows = list(rows)
    sums = ((0, len(rows[0][0])),) if by_order and rows else ()       # 表三: a row's total (verify/lostcell.py)
    placed = place_by_order([s.key for s in region], [bool(numbers(s.values)) for s in region],
                            [pattern for _, pattern in rows]) if by_order else {}
    blocked = _label_block(region, [p for _, p in rows], len(rows[0][0]), claims) if by_order and rows else {}
    for index, (paths, pattern) in enumerate(rows):
        given = [p for p in paths if p in values]
        if not given:
            continue
        cells = [values.get(p) for p in paths]
        others = [q for _, q in rows if q is not pattern]
        best: tuple[str, list[bool], Segment] | None = None
        block, doubted = blocked.get(index, (None, set()))
        for seg in [*_windows(region, pattern, others), *([block] if block else [])]:
            status, per_cell = match_cells(seg.values, cells, sums)
            rank = {EXACT: 2 + sum(per_cell) / 100, DIGIT_RUN: 1}.get(status, 0)
            if best is None or rank > {EXACT: 2 + sum(best[1]) / 100, DIGIT_RUN: 1}.get(best[0], 0):
                best = (status, per_cell, seg)
        if best is None and index in placed:
            seg = region[placed[index]]
            status, per_cell = match_cells(seg.values, cells, sums)
            text = (seg.label + seg.values).strip()[:200]
            for p, ok in zip(paths, per_cell):
                if p in values:
                    out[p] = Grounding(status if ok else NOT_FOUND, list(seg.lines), text, seg.label,
                                       "its label names no row; its place in the form's order" if ok
                                       else "another number is printed at its place in the form's order")
            continue
        if best is None:
            for p in given:
                out[p] = Grounding(NOT_FOUND, note="label not found")
            continue
        status, per_cell, seg = best
        text = (seg.label + seg.values).strip()[:200]
        zeros = status == EXACT and seg is not block and _only_zeros(seg.values, cells)
        marks = status == EXACT and len(marked(seg.values) or ()) == len(cells)
        # (a digit run marking its blanks, the model's cells fitting its pieces: verify/cellmatch.py, verify/runs.py)
        pieces = tuple(run_pieces(seg.values) or ()) if status == DIGIT_RUN and None in cells else ()
        pieces = pieces if None in pieces else ()
        for k, (p, ok) in enumerate(zip(paths, per_cell)):
            if p not in values:
                continue
            if seg is block and ok and k in doubted:
                out[p] = Grounding(NOT_FOUND, list(seg.lines), text, seg.label, _ORDER_DOUBT)
            elif zeros and not ok and values[p] == 0:
                out[p] = Grounding(NOT_FOUND, list(seg.lines), text, seg.label, _ZERO_ROW, zero_or_blank=True)
            else:
                out[p] = Grounding(status if ok else NOT_FOUND, list(seg.lines), text, seg.label,
                                   ("its row of numbers at its label's place in a block of rows" if seg is block
                                    else "") if ok else "another number is printed here",
                                   by_block=ok and seg is block, blank_marked=ok and bool(marks or pieces)
                                   and values[p] is None, pieces=pieces if ok else ())


_ZERO_ROW = ("the row prints only zeros, its blanks as nothing: which cells are the blanks the text does not say; "
             "this cell is 0 or blank")


def _only_zeros(printed: str, cells: list[Any]) -> bool:
    """A row whose printed numbers are all 0, one for each of the model's non-blank cells, its other cells blank
    (a crawler's dump or PDF text printing a blank cell as nothing: ``二、上年结转政府信息公开申请数量 0 0``): wherever the
    blanks stand, every cell of the row is 0 or blank. Not a row that lost a cell (fewer numbers than the model's
    non-blank cells: the lost one may be any number); a row whose blanks are marked says which cells they are (its
    zeros are found, not asked here)."""
    found = numbers(printed)
    given = [c for c in cells if c is not None]
    return bool(found) and len(found) == len(given) < len(cells) and all(n == "0" for n in found) \
        and all(c == 0 for c in given)


def _label_block(region: list[Segment], patterns: list[re.Pattern[str]], width: int,
                 claims: Sequence[Claim]) -> dict[int, tuple[Segment, set[int]]]:
    """表三's labels printed as one block, its rows of numbers after them (:mod:`verify.labelblock`): each placed
    row as a segment of its label and its line of numbers, with the columns the tool's order leaves in doubt."""
    keys, texts = [s.key for s in region], [s.values for s in region]
    if columns := column_block(keys, texts, patterns):      # (verify/columnblock.py: its first column is no rows)
        settled = prose_settled(columns, width, claims)     # 一、 and 二、 told apart by the prose (statedorder.py)
        doubted = {row: cols for row, cols in column_doubts(columns).items() if row not in settled}
        return {row: (Segment("".join(s.label for s in region[c.first:c.last + 1]), keys[c.first], c.text,
                              region[c.first].start, tuple(sorted({region[c.first].lines[0]}
                                                                  | {region[i].lines[0] + k for i, k in c.at}))),
                      doubted.get(row, set())) for row, c in columns.items()}
    placed = label_block(keys, texts, patterns)
    settled = prose_settled(placed, width, claims)        # 一、 and 二、 told apart by the prose (statedorder.py)
    doubts = {row: cols for row, cols in order_doubts(placed, width).items() if row not in settled}
    out: dict[int, tuple[Segment, set[int]]] = {}
    for row, at in placed.items():
        part = region[at.first:at.last + 1]
        lines = {s.lines[0] for s in part} | {region[at.after].lines[0] + at.offset}
        out[row] = (Segment("".join(s.label for s in part), "".join(s.key for s in part), at.numbers,
                            part[0].start, tuple(sorted(lines))), doubts.get(row, set()))
    return out


def _table2_rows() -> Iterator[tuple[list[str], re.Pattern[str]]]:
    for row in FORM.table2:
        paths = [f"{row.path}.{c.key}" if c.key else row.path for c in row.columns]
        yield paths, row.pattern


def _table3_rows() -> Iterator[tuple[list[str], re.Pattern[str]]]:
    for row in FORM.table3_rows:
        yield [f"applications.{row.key}.{c}" for c in FORM.table3_column_keys], row.pattern


def _ground_zero_one_row(region: list[Segment], values: Mapping[str, Any], out: dict[str, Grounding]) -> None:
    """（六）其他处理 printed as one row of seven 0s, its sub-rows not printed: the model's 0s for them are printed there
    (:mod:`verify.sixzeros`); any other value of theirs is not."""
    paths = [f"applications.{r}.{c}" for r in SUB_ROW_KEYS for c in FORM.table3_column_keys]
    if not any(p in values and out.get(p, _UNSEEN).status == NOT_FOUND for p in paths):
        return
    at = zero_one_row([s.key for s in region], [s.values for s in region], [r.pattern for r in FORM.table3_rows])
    if at is None:
        return
    seg = region[at]
    text = (seg.label + seg.values).strip()[:200]
    for p in paths:
        if p in values:
            ok = values[p] == 0 and not isinstance(values[p], bool)
            out[p] = Grounding(EXACT if ok else NOT_FOUND, list(seg.lines), text, seg.label,
                               "（六）其他处理 printed as one row of zeros: each of its sub-rows is 0" if ok
                               else "（六）其他处理 printed as one row of zeros: its sub-rows are 0")


_UNSEEN = Grounding(NOT_FOUND)


def _ground_table4(segs: list[Segment], values: Mapping[str, Any], out: dict[str, Grounding]) -> None:
    """表四's cells are the first numbers after its heading. A sentence may name the heading first (a preamble
    listing the report's parts: ``…政府信息公开行政复议和行政诉讼情况等六部分组成``, on the line of a crawler's dump
    that holds the whole article): each place that names it is tried, and the first where every cell the model
    gave is printed is kept; else the first place's reading stands."""
    paths = [f"review_litigation.{g}.{c}" for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
    if not any(p in values for p in paths):
        return
    cells = [values.get(p) for p in paths]
    pattern = FORM.headings["表四"]
    starts = [i for i, s in enumerate(segs) if pattern.search(s.key)] or [0]
    attempts = (_after_heading(segs[start:], len(paths), cells) for start in starts)
    first = next(attempts)
    status, per_cell, lines, text = first if all(first[1]) else next((a for a in attempts if all(a[1])), first)
    after = segs[starts[0] + 1:]                   # (a group a line after its label: verify/t4labelled.py)
    if (labelled := labelled_groups([s.key for s in after], [s.values for s in after], cells)) is not None:
        status, per_cell = EXACT, labelled
    for p, ok in zip(paths, per_cell):
        if p in values:
            out[p] = Grounding(status if ok else NOT_FOUND, lines, text, "表四",
                               "" if ok else "not the numbers printed after the heading")


def _after_heading(region: list[Segment], count: int, cells: list[Any]) -> tuple[str, list[bool], list[int], str]:
    """The match of the first run of numbers in ``region`` against the model's cells: status, per cell, lines,
    text."""
    tokens: list[str] = []
    lines: list[int] = []
    text = ""
    for seg in region:
        found = numbers(seg.values)
        if found:
            tokens += found
            lines += list(seg.lines)
            text += seg.values.strip() + " "
            if len(tokens) >= count or sum(len(t) for t in tokens) >= count:
                break                  # fifteen cells, or a run of their digits: a sentence's figures follow
        elif tokens:
            break
    status, per_cell = match_cells(" ".join(tokens), cells, tuple((k, k + 5) for k in range(0, len(cells), 5)))
    return status, per_cell, sorted(set(lines)), text.strip()[:200]


def ground(values: Mapping[str, Any], lines: Sequence[str], claims: Sequence[Claim] = ()) -> dict[str, Grounding]:
    """The grounding of every model value given (see the module docstring; ``claims``: verify/statedorder.py)."""
    out: dict[str, Grounding] = {}
    ground_title(values, lines, out)                  # agency, year (verify/titleground.py)
    segs = segments("\n".join(lines))
    _ground_rows(_region(segs, "表二", "表三"), _table2_rows(), values, out)
    t3 = _region(segs, "表三", "表四")
    _ground_rows(t3, _table3_rows(), values, out, by_order=True, claims=claims)
    _ground_zero_one_row(t3, values, out)
    doubt_twins([paths for paths, _ in _table3_rows()], values, out)     # (verify/blanktwins.py)
    _ground_table4(segs, values, out)
    for p in values:
        out.setdefault(p, Grounding(NOT_FOUND, note="no rule grounds this field"))
    return out
