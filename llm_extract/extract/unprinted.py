"""表三 cells the report does not print: null (``CellKind.ABSENT``), never a lost cell derived as 0.

Ways a report leaves cells out:

* **a row left out**: no label of it anywhere in 表三. Told apart from a row that was printed but lost
  (its label garbled, its numbers dropped) by what stands where it would be: between the rows found
  above and below it there is nothing but the row above's cells (at most seven, or its glued digit run,
  whole), group headings (（四）无法提供) and pieces of those two rows' labels broken over lines. A garbled label is text there, a lost row's numbers are
  cells there: either keeps the row in play for the identities (missing or derived, never absent).
* **a blank row in fixed-width PDF text** (``pdftotext -layout``), which prints no cell of it: its label
  stands alone (:mod:`.lonelabels`).
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
from collections.abc import Iterable

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, TABLE3_ROW_PATHS
from .glued import glued_run
from .labels import strip_item_number
from .cells import EMPTY_KINDS
from .layout import Item, label_key
from .onerowform import SINGLE, SUB_ROWS
from .readings import Readings, missing

__all__ = ["unprinted_rows", "absent_rows", "empty_cells_only", "glued_one_row_other", "label_fragment", "one_row_other_digits",
           "other_as_one_row"]

_ROWS = FORM.table3_row_keys
_WORDS = {r.key: r.words for r in FORM.table3_rows}
_PATTERNS = {r.key: r.pattern for r in FORM.table3_rows}
#: group headings, without their item numbers: 本年度办理结果, 不予公开, 无法提供, 不予处理, 其他处理
GROUPS = frozenset(strip_item_number(label_key(h))
                   for h in ("三、本年度办理结果", *(r.group for r in FORM.table3_rows if r.group)))
#: a label wrapped over at most this many lines, joined into one item
JOINED_LINES = 3
_MAX_LEFT_OUT = 3          # more rows without labels: the table is wrecked, not abridged
_ROW_WIDTH = len(APPLICANT_COLUMNS)
#: a label's first piece, its item number before its words (2、没有现成信; 形)度(三)1.属于国家: pieces of the
#: labels and the group title beside it run together)
NUMBERED_PIECE = re.compile(r"(?<!\d)\d{1,2}[.、][\u4e00-\u9fff]")
_OTHER_GLUED = re.compile(r"其他处理$")
_POSITION = {row: i for i, row in enumerate(_ROWS)}
_ONE_ROW_AT = _POSITION["other_no_correction"]     # the one-row (六) stands where its sub-rows would


def empty_cells_only(span: list[Item], spans: dict[str, list[Item]], around: Iterable[list[Item]]) -> bool:
    """Whether a row's items are fewer than its cells and each a blank or a placeholder, no number among them (a
    page's ``&nbsp;`` or 空 cells a text dump kept, its empty ones dropped; html2text's ``| 空| 空|`` of a row whose
    cells broke over lines), in a table most of whose rows read seven items after their labels (numbers printed
    apart from their labels, in blocks, leave other rows short or long), the rows ``around`` it (above and below)
    holding no more values than their cells (markitdown may print a row's numbers on the line above its label, its
    ``/`` beside it: they would be among the row above's): a row that prints no cell. (``around`` is looked at only
    once the row's own items pass: a generator spares building it for every row.)"""
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


BARE_LABELS = {r.key: strip_item_number(label_key(r.label)) for r in FORM.table3_rows}
MIN_FRAGMENT = 2          # (a single character inside a label is part of too many to say whose)


def label_fragment(key: str, rows: tuple[str, ...]) -> bool:
    """A text item that is a group heading, or a piece of one of ``rows``' labels broken over lines
    (``需要另行制作`` under 2.没有现成信息; ``(四)无法提供1.本`` above 机关不掌握相关政府信息), heading and item
    number aside."""
    bare = strip_item_number(key)
    if bare in GROUPS:
        return True
    for group in GROUPS:
        if bare.startswith(group):
            bare = strip_item_number(bare[len(group):])
            break
    if not bare:
        return key != bare         # an item number alone
    labels = [BARE_LABELS[r] for r in rows if r in BARE_LABELS]
    return any(bare in label if len(bare) >= MIN_FRAGMENT else label.startswith(bare) or label.endswith(bare)
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


_OTHER_GROUP = re.compile(r"其他处理$")


def other_as_one_row(items: list[Item], labels: dict[str, int]) -> None:
    """(六)其他处理 printed as a single row: place it as a pseudo row so that its cells are
    neither lost nor taken by the row above."""
    if any(r in labels for r in SUB_ROWS):
        return
    lo = labels.get("rejected_reconfirm", 0)
    hi = labels.get("total_processed", len(items))
    for i in range(lo + 1, hi):
        it = items[i]
        if it.is_text and (_OTHER_GROUP.search(it.key) and i + 1 < len(items) and items[i + 1].is_value
                           or one_row_other_digits(it.key) is not None):
            labels[SINGLE] = i
            return


_NUMBER_KINDS = frozenset({CellKind.NUMBER, CellKind.ZERO, CellKind.ANNOTATED, CellKind.OCR})


def unprinted_rows(items: list[Item], labels: dict[str, int], out: Readings) -> None:
    """Rows the report does not print: no label of theirs anywhere in 表三, every other row read
    whole, and every number of the table one of those rows' cells (a row whose label was garbled
    leaves its numbers over, or gives a neighbour too many). Such a row is absent (null, like a
    blank row), not a lost row for the identities to fill in."""
    lost = [row for row in APPLICATION_ROWS if row not in labels and not (row in SUB_ROWS and SINGLE in labels)]
    if not lost or len(lost) > 3:
        return
    read = 0
    for row in APPLICATION_ROWS:
        if row in lost:
            continue
        for path in TABLE3_ROW_PATHS[row]:
            r = out[path]
            if r.kind is CellKind.MISSING or (r.kind is CellKind.TEXT and r.value is None):
                return
            read += r.kind in _NUMBER_KINDS
    if read != sum(1 for it in items if it.is_value and it.cell.kind in _NUMBER_KINDS):
        return
    for row in lost:
        for path in TABLE3_ROW_PATHS[row]:
            out[path] = Reading(None, CellKind.ABSENT, "", [], "label",
                                "row not printed: no label of it in 表三, every other row read whole")
