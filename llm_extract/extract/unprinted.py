"""表三 cells the report does not print: null (``CellKind.ABSENT``), never a lost cell derived as 0.

Three ways a report leaves cells out:

* **a row left out**: no label of it anywhere in 表三. Told apart from a row that was printed but lost
  (its label garbled, its numbers dropped) by what stands where it would be: between the rows found
  above and below it there is nothing but the row above's cells (at most seven, or its glued digit run,
  whole), group headings (（四）无法提供) and pieces of those two rows' labels broken over lines. A garbled label is text there, a lost row's numbers are
  cells there: either keeps the row in play for the identities (missing or derived, never absent).
* **a blank row in fixed-width PDF text** (``pdftotext -layout``), which prints no cell of it: its label
  stands alone (on one line, or wrapped over several), no number after it before the next row's label,
  the row above read whole from at most seven numbers, or printing fewer, all on a line of its own
  (its label's, or one its wrapped label stands around; a row's numbers printed above its label would
  be there), and the row below read whole from the numbers after its own label, none of its cells lost
  (pdftotext interleaves two rows printed close together; where the row below prints its numbers on a
  line of their own under its label, they are the lone label's row's as much as its own: neither row is
  read as such, the lone label left to the identities and the row below a guess, READ.ABOVE_OR_BELOW; where labels stand
  stacked, each alone, their numbers follow elsewhere: pdftotext's or pdfminer's column blocks; the table's
  first row, with no row above, when nothing before its label holds a number); several
  lone labels one under another are blank rows when the rows around them print their numbers on their
  labels' lines (or a cell a line right under their labels, as a rule-less PDF table's row with blank
  cells is read by position: pdf_columns.py; markitdown's PDF grids print a row of empty cells as its label
  alone, a line outside the grid, a label in a grid line never standing alone). None is where a row above it (up to one whose numbers stand
  on its label's line) holds more numbers than its cells (``pdftotext`` prints a one-line label's numbers
  before it: a lone label's numbers may stand after the label above). Its cells are blank, as a web
  table's empty cells or a crawler's label with nothing after it are, not lost cells for the identities
  to fill in with 0.
* **a row of a page's empty cells in a text dump** (BeautifulSoup's get_text, one cell to a line; html2text): a
  ``&nbsp;`` cell is kept, a line of its own with nothing on it, an empty ``<td></td>`` is dropped; fewer than
  seven such cells (or 空, —) and nothing else before the next label, in a table most of whose rows read seven
  cells, are a row that prints no cell (:func:`empty_cells_only`).
* **（六）其他处理 as one row** with no sub-rows, in a crawler's dump where its digits ran on after the
  label (``（六）其他处理2100003``): its three sub-rows are 0 when the row is seven zeros, and not printed
  otherwise (FORM.md), as in every other layout.

What the identities imply for an absent cell is shown to the reviewer as a candidate, never output
(``verify/decide.py``: ``READ.NOT_PRINTED``).
"""

from __future__ import annotations

import re
from itertools import islice, takewhile

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, TABLE3_ROW_PATHS
from .glued import glued_run
from .labels import strip_item_number
from .cells import EMPTY_KINDS, normalise, parse_cell
from .layout import Item, label_key
from .direction import EITHER_WAY
from .onerowform import SINGLE, SUB_ROWS
from .readings import Readings, missing
from .rowbounds import GROUP_KEYS, group_title_piece

__all__ = ["absent_rows", "blank_label_rows", "empty_cells_only", "glued_one_row_other", "label_fragment", "one_row_other_digits"]

_ROWS = tuple(r.key for r in FORM.table3_rows)
_WORDS = {r.key: r.words for r in FORM.table3_rows}
_PATTERNS = {r.key: r.pattern for r in FORM.table3_rows}
#: group headings, without their item numbers: 本年度办理结果, 不予公开, 无法提供, 不予处理, 其他处理
_GROUPS = frozenset(strip_item_number(label_key(h))
                    for h in ("三、本年度办理结果", *(r.group for r in FORM.table3_rows if r.group)))
#: a label wrapped over at most this many lines, joined into one item
_JOINED_LINES = 3
_MAX_LEFT_OUT = 3          # more rows without labels: the table is wrecked, not abridged
_ROW_WIDTH = len(APPLICANT_COLUMNS)
#: a label's first piece, its item number before its words (2、没有现成信; 形)度(三)1.属于国家: pieces of the
#: labels and the group title beside it run together)
_NUMBERED_PIECE = re.compile(r"(?<!\d)\d{1,2}[.、][\u4e00-\u9fff]")
_OTHER_GLUED = re.compile(r"其他处理$")
_POSITION = {row: i for i, row in enumerate(_ROWS)}
_ONE_ROW_AT = _POSITION["other_no_correction"]     # the one-row (六) stands where its sub-rows would


def empty_cells_only(span: list[Item], spans: dict[str, list[Item]], around: list[list[Item]]) -> bool:
    """Whether a row's items are fewer than its cells and each a blank or a placeholder, no number among them (a
    page's ``&nbsp;`` or 空 cells a text dump kept, its empty ones dropped; html2text's ``| 空| 空|`` of a row whose
    cells broke over lines), in a table most of whose rows read seven items after their labels (numbers printed
    apart from their labels, in blocks, leave other rows short or long), the rows ``around`` it (above and below)
    holding no more values than their cells (markitdown may print a row's numbers on the line above its label, its
    ``/`` beside it: they would be among the row above's): a row that prints no cell."""
    if not 0 < len(span) < _ROW_WIDTH or not all(it.cell.kind in EMPTY_KINDS for it in span):
        return False
    if any(sum(1 for it in other if it.is_value) > _ROW_WIDTH for other in around):
        return False
    return 2 * sum(len(s) == _ROW_WIDTH for s in spans.values()) >= len(spans)


def one_row_other_digits(key: str) -> str | None:
    """The digit run of （六）其他处理 printed as one row with its cells glued on (``（六）其他处理2100003``)."""
    run = glued_run(key, _ROW_WIDTH)
    if run is None or not _OTHER_GLUED.search(run[0]):
        return None
    return run[1]


def glued_one_row_other(label: Item, out: Readings, ambiguities: list[Ambiguity]) -> None:
    """The sub-rows of a glued one-row (六): seven zeros (the one cut of ``0000000``) make each sub-row
    0, a cut the identities take part in like any glued row's; any other run makes them not printed."""
    digits = one_row_other_digits(label.key) or ""
    note = "（六）其他处理 printed as one row, its digits glued on"
    paths = [p for row in SUB_ROWS for p in TABLE3_ROW_PATHS[row]]
    if digits == "0" * _ROW_WIDTH:
        for p in paths:
            out[p] = missing(digits, [label.line], Method.OTHER_AS_ONE_ROW, f"{note}: seven zeros, each sub-row 0")
        ambiguities.append(Ambiguity(paths=paths, options=[[0] * len(paths)], raw=digits, lines=[label.line],
                                     reason=f"（六）其他处理: {note}, seven zeros"))
        return
    for p in paths:
        out[p] = Reading(None, CellKind.ABSENT, digits, [label.line], Method.OTHER_AS_ONE_ROW,
                         f"{note}: its sub-rows are not given")


def _label_anywhere(row: str, text: str) -> bool:
    """Any of the row's distinctive words, or its label pattern, in the table's text."""
    return any(w in text for w in _WORDS[row]) or bool(_PATTERNS[row].search(text))


_BARE_LABELS = {r.key: strip_item_number(label_key(r.label)) for r in FORM.table3_rows}
_MIN_FRAGMENT = 2          # (a single character inside a label is part of too many to say whose)


def label_fragment(key: str, rows: tuple[str, ...]) -> bool:
    """A text item that is a group heading, or a piece of one of ``rows``' labels broken over lines
    (``需要另行制作`` under 2.没有现成信息; ``(四)无法提供1.本`` above 机关不掌握相关政府信息), heading and item
    number aside."""
    bare = strip_item_number(key)
    if bare in _GROUPS:
        return True
    for group in _GROUPS:
        if bare.startswith(group):
            bare = strip_item_number(bare[len(group):])
            break
    if not bare:
        return key != bare         # an item number alone
    labels = [_BARE_LABELS[r] for r in rows if r in _BARE_LABELS]
    return any(bare in label if len(bare) >= _MIN_FRAGMENT else label.startswith(bare) or label.endswith(bare)
               for label in labels)


def _only_row_above(items: list[Item], lo: int, hi: int, above: str, below: str, out: Readings,
                    ambiguities: list[Ambiguity]) -> bool:
    """Between the row above's label (``lo``) and the row below's (``hi``): group headings and pieces of
    those two rows' labels, and the row above's cells only: at most seven of them, or (a glued row) none,
    its run one the identities can cut."""
    values = 0
    for it in items[lo + 1:hi]:
        if it.is_value:
            values += 1
        elif not label_fragment(it.key, (above, below)):
            return False           # a garbled label, a note, a header: whose, is not known
    if values > _ROW_WIDTH:
        return False               # more cells than one row's: a row whose label was lost
    if values:
        return True
    if above not in _POSITION:     # the one-row (六): its digits glued on, whole
        return one_row_other_digits(items[lo].key) is not None
    paths = TABLE3_ROW_PATHS[above]
    return all(not out[p].missing for p in paths) or any(set(paths) <= set(a.paths) for a in ambiguities)


def absent_rows(items: list[Item], labels: dict[str, int], out: Readings, ambiguities: list[Ambiguity]) -> None:
    """Mark the rows 表三 leaves out as absent (see the module docstring). ``labels`` maps the rows found
    to their label items; a key that is no row of the form is the one-row (六), standing for its sub-rows."""
    position = {row: _POSITION.get(row, _ONE_ROW_AT) for row in labels}
    one_row = any(row not in _POSITION for row in labels)
    unfound = [row for row in _ROWS if row not in labels and not (one_row and row in SUB_ROWS)]
    if not unfound or len(unfound) > _MAX_LEFT_OUT:
        return
    text = "".join(it.key for it in items if it.is_text)
    found = sorted(labels, key=position.__getitem__)
    for row in unfound:
        paths = TABLE3_ROW_PATHS[row]
        if not _WORDS[row] or _label_anywhere(row, text) \
                or any(out[p].kind is not CellKind.MISSING or out[p].value is not None for p in paths):
            continue
        k = _POSITION[row]
        above = next((r for r in reversed(found) if position[r] < k), None)
        below = next((r for r in found if position[r] > k), None)
        if above is None or below is None or labels[above] >= labels[below] \
                or not _only_row_above(items, labels[above], labels[below], above, below, out, ambiguities):
            continue
        for p in paths:
            out[p] = Reading(None, CellKind.ABSENT, "", [], "label",
                             "row not printed: no label of it in 表三, nothing but the row above's cells "
                             "between the rows around it")


_NO_NUMBERS = f"0 numbers for {_ROW_WIDTH} columns"


def _reads_its_own(row: str, spans: dict[str, list[Item]]) -> bool:
    """Whether the row below a lone label has a row's numbers (seven at most) after its own label (（六）其他处理
    printed as one row is such a row too)."""
    if row not in _POSITION and row != SINGLE:
        return False
    return 0 < sum(1 for it in spans[row] if it.is_value) <= _ROW_WIDTH     # (an OCR'd cell among them may be lost)


def _beside_label(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row reads its own numbers (seven at most), all on one line: its label's, or the next one
    (a label wrapped over lines, its numbers beside its middle line), or one a later piece of its label stands on
    (its first pieces joined with the lines above), or a cell a line under its label."""
    lines = {it.line for it in spans[row] if it.is_value}
    return _reads_its_own(row, spans) and (len(lines) == 1 and (0 <= min(lines) - items[idx].line <= 1
                                                                or _beside_a_piece(idx, min(lines), items))
                                           or _cells_under_label(row, idx, items, spans))


def _beside_a_piece(idx: int, line: int, items: list[Item]) -> bool:
    """Whether a piece of the label at ``idx`` stands on ``line`` (or the line above it) before the row's numbers:
    a label wrapped over lines whose first pieces were joined with the lines above (its item starts further up)."""
    for it in islice(items, idx + 1, None):
        if it.is_value:
            return False
        if line - 1 <= it.line <= line:
            return True
    return False


def _cells_under_label(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row is printed a cell a line right under its label, all seven of them, blank ones too (a
    PDF table's row read by position, as a ruled table's is): its numbers are its own, beside its label."""
    lines = [it.line for it in spans[row] if it.is_value]
    if not lines or lines != list(range(lines[0], lines[0] + _ROW_WIDTH)):
        return False
    # right under the label's line, or under the last of its lines joined into one item (``2.其他法律行政法规禁止公``
    # / ``开``: nothing but the label stands between it and its numbers)
    return lines[0] == items[idx].line + 1 or (lines[0] - items[idx].line <= _JOINED_LINES
                                               and idx + 1 < len(items) and items[idx + 1].line == lines[0])


def _lone_run_between_rows(k: int, order: list[tuple[str, int]], items: list[Item],
                           spans: dict[str, list[Item]]) -> bool:
    """Whether the lone label ``k`` is one of several in a row (blank rows one under another) between two
    rows whose numbers each stand on their own label's line: a fixed-width text, whose rows keep their
    numbers beside their labels; stacked labels of a text tool's column blocks have none beside them), and
    no row holds more numbers than its cells (a stacked label's numbers, printed further on)."""
    lo, hi = k, k
    while lo > 0 and not spans[order[lo - 1][0]]:
        lo -= 1
    while hi + 1 < len(order) and not spans[order[hi + 1][0]]:
        hi += 1
    if lo == 0 or hi + 1 >= len(order) or hi == lo:
        return False
    if any(sum(1 for it in span if it.is_value) > _ROW_WIDTH for span in spans.values()):
        return False            # numbers printed away from their label somewhere: a label may be stacked
    return _beside_label(*order[lo - 1], items, spans) and _beside_label(*order[hi + 1], items, spans)


def _numbers_alone_below(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether the row below a lone label prints its numbers on a line of their own under its label's, no piece
    of its label beside them: a line of numbers between two labels, the lone label's row's as much as its own
    (a row whose cell spans lines prints its numbers at the cell's middle)."""
    values = [it for it in spans[row] if it.is_value]
    lines = {it.line for it in values}
    if len(lines) != 1 or (line := next(iter(lines))) == items[idx].line:
        return False
    after = takewhile(lambda it: it.line <= line + 1, islice(items, idx + 1, None))
    head = strip_item_number(items[idx].key)
    return not any(it.is_text and (it.line == line or (it.line == line + 1 and (
        _own_label_piece(it.key, row, "") or head + strip_item_number(it.key) == _BARE_LABELS[row])))
                   for it in after)             # (its label wrapped round them: its own, beside its middle line;
    #                                             a tail of one character, 息, where it ends the label printed above)


def _crowded_above(k: int, order: list[tuple[str, int]], items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row above the lone label ``k``, up to the nearest one whose numbers stand on its own label's
    line (or on a line its wrapped label stands around), holds more numbers than its cells (``pdftotext`` prints a one-line label's numbers before it,
    after the label above: each row's numbers below it then follow the label above theirs)."""
    for j in range(k - 1, -1, -1):
        row, idx = order[j]
        values = [it for it in spans[row] if it.is_value]
        if len(values) > _ROW_WIDTH:
            return True
        if values and all(it.line == items[idx].line for it in values):
            return False
        nxt = order[j + 1][1]
        if len(values) == _ROW_WIDTH and len({it.line for it in values}) == 1 \
                and any(it.is_text and it.line > values[0].line for it in items[idx + 1:nxt]):
            return False        # its numbers on a line its own label wraps around (6、属于四类过 / 0 0 … / 程性信息)
    return False


def _read_whole(row: str, spans: dict[str, list[Item]], out: Readings) -> bool:
    """Whether the row above a lone label was read whole, from at most seven numbers."""
    return sum(1 for it in spans[row] if it.is_value) <= _ROW_WIDTH \
        and not any(_lost(out[p]) or out[p].method == EITHER_WAY for p in TABLE3_ROW_PATHS[row])


def _lost(r: Reading) -> bool:
    """Whether a cell was not read: missing, but for a row whose wrapped digits were all found, the identities
    to place them (its numbers are accounted for, none another row's)."""
    return r.missing and r.method != Method.WRAPPED_PIECES


def _short_on_its_line(row: str, idx: int, below: str, at: int, items: list[Item], spans: dict[str, list[Item]],
                       out: Readings) -> bool:
    """Whether the row above a lone label, not read whole (fewer numbers than cells: its own blank cells,
    placed by no column), prints all its numbers on one line, above the lone label's, and that line is
    its own: its label's, or one its label wraps around (a piece of its label, no group heading, on a
    line below). No number of the lone label's row stands between the two labels then, whichever cells
    the row above's are."""
    values = [it for it in spans[row] if it.is_value]
    if not 0 < len(values) < _ROW_WIDTH or len({it.line for it in values}) != 1 \
            or any(out[p].method == EITHER_WAY for p in TABLE3_ROW_PATHS[row]):
        return False
    line = values[0].line
    if not items[idx].line <= line < items[at].line:
        return False
    return line == items[idx].line or any(
        it.is_text and it.line > line and _own_label_piece(it.key, row, below)
        for it in items[idx + 1:at])


def _own_label_piece(key: str, row: str, other: str) -> bool:
    """A piece of ``row``'s label broken over lines (``这一情形，不计其他情形）``): none of a group heading's,
    nor of the ``other`` row's label."""
    bare = strip_item_number(key)
    return len(bare) >= _MIN_FRAGMENT and bare in _BARE_LABELS[row] and bare not in _BARE_LABELS.get(other, "") \
        and not any(bare in g or g in bare for g in _GROUPS)


def _below_read(k: int, order: list[tuple[str, int]], spans: dict[str, list[Item]], out: Readings) -> bool:
    """Whether the first row below the lone label ``k`` that prints numbers was read (none of its cells
    lost, none printed with a leading zero): pdftotext interleaves two rows printed close together
    (``4.保护第三方合法权益`` alone, then ``5.属于三类内部事务信息 无0 无0 …`` or ``００ ００ …``), and the lone
    label's cells are then among the row below's."""
    for row, _ in order[k + 1:]:
        if spans[row]:
            return row not in _POSITION or not any(
                (_lost(out[p]) and out[p].value is None) or _LEADING_ZERO.match(normalise(out[p].raw or ""))
                for p in TABLE3_ROW_PATHS[row])     # (an OCR'd O, its guess 0 for the identities, is a cell)
    return True


#: a count printed with a leading zero (``００``): two cells run together, no count of one row
_LEADING_ZERO = re.compile(r"0\d")


def _first_alone(order: list[tuple[str, int]], items: list[Item], spans: dict[str, list[Item]],
                 out: Readings) -> bool:
    """Whether the table's first row, its label alone, is blank: nothing before it holds a number (a row's
    numbers printed above its label would stand there, among the header), no row holds more numbers than
    its cells (a text tool's column blocks), and the row below prints its own numbers beside its label and
    was read whole."""
    if len(order) < 2 or any(it.is_value for it in items[:order[0][1]]):
        return False
    if any(sum(1 for it in span if it.is_value) > _ROW_WIDTH for span in spans.values()):
        return False
    below, at = order[1]
    return below in _POSITION and _beside_label(below, at, items, spans) and _below_read(0, order, spans, out)


def _group_title(key: str) -> bool:
    """Whether a text item is a group's title ((五)不予处理) or its first piece."""
    return key in GROUP_KEYS or group_title_piece(key)


def _numbers_in_a_block(between: list[Item]) -> bool:
    """Whether the items after a row's label, up to the next label found, hold two rows' numbers or more, not
    each a whole row on a line of its own after a numbered piece of a label: a text tool's block of numbers
    moved off their labels. ``1、本机关不掌`` / ``0 0 0 0 1 0 1`` / ``握相关政府信息`` / ``2、没有现成信`` / ``0 0 …`` /
    ``息需要另行制作`` (the second label found by its last piece) are rows as printed, each beside its own label, and
    so is a last line of numbers under a group's title, right above the next label (``(五)不予处理`` / ``0 0 …`` /
    ``1、信访举报投诉类申请``: that row's, printed above its label beside the title's cell); whether they stand next
    to a lone label is told row by row (:func:`_crowded_above`)."""
    lines: dict[int, int] = {}
    for it in between:
        if it.cell.is_number:
            lines[it.line] = lines.get(it.line, 0) + 1
    if sum(lines.values()) < 2 * _ROW_WIDTH:
        return False
    if any(n != _ROW_WIDTH for n in lines.values()):
        return True
    ordered = sorted(lines)             # each further line of numbers after a label's numbered piece, or the last one
    last = ordered[-1]                  # under a group's title, right above the next label (that row's, printed above
    above_next = not any(it.line > last for it in between)      # its label beside the title; told row by row)
    return not all(any(it.is_text and prev < it.line <= line and _NUMBERED_PIECE.search(it.key) for it in between)
                   or line == last and above_next and any(it.is_text and prev < it.line < line and _group_title(it.key)
                                                          for it in between)
                   for prev, line in zip(ordered, ordered[1:]))


def blank_label_rows(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                     out: Readings) -> None:
    """Read as blank each row of space-separated PDF text whose label stands alone (see the module
    docstring); ``order`` is the rows found in item order, ``spans`` the items between each row's
    label and the next one's."""
    ends = [idx for _, idx in order[1:]] + [len(items)]
    if any(_numbers_in_a_block(items[idx + 1:end]) for (_, idx), end in zip(order, ends)):
        return                  # several rows' numbers under one label (pdfminer moved them off their labels):
        #                         a lone label's numbers may be among them
    blank = parse_cell("")
    for k in range(len(order)):
        row, idx = order[k]
        label = items[idx]
        if row not in _POSITION or spans[row] or label.col is not None or label.grid or label.key[-1:].isdigit():
            continue            # (digits run on after the label, ``四、结转下年度继续办理2100003``: not alone)
        paths = TABLE3_ROW_PATHS[row]
        if any(out[p].kind is not CellKind.MISSING or out[p].note != _NO_NUMBERS for p in paths):
            continue
        if k == 0:
            if not _first_alone(order, items, spans, out):
                continue
            for p in paths:
                out[p] = Reading(None, blank.kind, "", [label.line], "label-alone",
                                 "the table's first row, its label alone: no cell of it printed, each blank")
            continue
        above = order[k - 1][0]
        if above not in _POSITION or not (_read_whole(above, spans, out)
                                          or _short_on_its_line(above, order[k - 1][1], row, idx, items, spans, out)):
            continue
        if _crowded_above(k, order, items, spans):
            continue           # a row's numbers printed before its label: the lone label's may stand above it
        if k + 1 < len(order) and not _reads_its_own(order[k + 1][0], spans) \
                and not _lone_run_between_rows(k, order, items, spans):
            continue           # labels stacked with their numbers elsewhere (a text tool's column blocks)
        if not _below_read(k, order, spans, out):
            continue           # the next row's cells unread: this row's may be among them (two rows interleaved)
        if k + 1 < len(order) and _numbers_alone_below(*order[k + 1], items, spans):
            for p in TABLE3_ROW_PATHS[order[k + 1][0]]:     # either row's: the lone label left to the identities
                if not out[p].missing:
                    out[p] = out[p].model_copy(update={"method": EITHER_WAY})
            continue
        for p in paths:
            out[p] = Reading(None, blank.kind, "", [label.line], "label-alone",
                             "a row of PDF text whose label stands alone: no cell of it printed, each blank")
