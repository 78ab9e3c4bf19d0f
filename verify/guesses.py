"""Readings that are likely, never proof: read and shown, but a field so read is ``unverified``.

* ``READ.OCR_LETTERS``: a cell printed as OCR-confusable letters only (``O``, ``l``, ``lO``).
  Inside a digit run an OCR confusion is anchored (``1O`` is 10); a cell of letters alone has no
  digit to anchor it, so its reading (``O`` → 0) is a guess, whatever the identities say. In 表三
  and 表四 the reader leaves such a cell missing, its guess as the reading's value, for the
  identities to pin (derived); where they cannot (many such cells in one table), the reader's
  guess is the field's value, unverified.
* ``READ.OCR_DIGITS``: a 表二 cell whose digits needed an OCR letter read as a digit (``33B`` → 338,
  ``l4`` → 14). The letter is anchored, but the engine that misread it may as well have doubled or
  dropped a digit beside it (38 printed ``33B``), and no identity checks 表二. In 表三 and 表四 such a
  cell is read like any other: the identities check it.
* ``READ.LAYOUT_CLOSE``: a fixed-width row with a blank cell whose numbers were placed in their
  columns by a full row's positions (``llm_extract/extract/columns.py``), where another placement
  came close (damaged layout text shifts numbers by a few columns).
* ``READ.ABOVE_OR_BELOW``: a row read from the lines below its label where numbers that no row
  claims stand right above the label (``llm_extract/extract/direction.py``): a text tool that
  prints each row's numbers before its label (pdftotext's default mode on a word processor's PDF) would
  give the row below's numbers to this label. No identity checks 表二; in 表三 every row shifted by one
  keeps the identities as often as not (a table of zeros under a total row read as zeros). The same where a
  表三 label wrapped over two lines, with no number of its own, stands right after the numbers the row above read
  below its label (pdfminer's ``boxes_flow=None`` printing a wrapped label after its row's cells, a blank row above it).
* ``READ.ONE_CUT``: a 表二 cell cut from a glued digit run that has one cut only (``规章1000`` → 10, 0, 0):
  a blank cell leaves no trace in a run (10, blank, 0 also prints ``100``), and no identity checks 表二.
  verify/decide.py gives the same rule to a 表三/表四 run with one reading only when the report breaks
  its own identities, so that no assignment keeps them all and none pins the cell.
* ``READ.RULE_GLYPHS``: a 表二 row printed with more tokens than cells, OCR'd table rules (``l``, ``I``)
  among them, read after dropping every one of them (``规章 0 0 l 1`` → 0, 0, 1: the only way the tokens
  fit the row, ``llm_extract/extract/ruleglyphs.py``). Read one way only, but no identity checks 表二
  against the rarer case of a ``1`` printed ``l`` beside a stray token.
* ``READ.BLOCK_POSITION``: a 表二 cell of PDF text printed as blocks (``pdftotext`` without
  ``-layout``: 第二十条第（一）项 / 本年制发件数 / 本年废止件数 / 0 0 4 7), placed by the section and the
  column headers printed above its numbers and by their order alone: no label stands beside it and no
  identity checks 表二 (``llm_extract/extract/blockread.py``).
* ``READ.LABEL_STACK``: a 表二 row read from the lines below its label, where that label stands right under
  another 表二 label with no number between them (``行政强制`` / ``信息内容`` / ``行政事业性收费`` / ``0``): the
  labels were printed as a column, so the numbers after the last may be any of theirs
  (``llm_extract/extract/stacked.py``); no identity checks 表二.
* ``READ.BOX_ORDER``: a 表二 row whose numbers stand one to a line after its label, a blank line between each
  (``规章`` / ``1`` / ``38`` / ``5``: ``pdf2txt.py`` printing a row's boxes, ``pdftotext``'s default mode): the order
  is the tool's (pdfminer may box a row's cells in another order) and no identity checks 表二.
* ``READ.UNEVEN_LINES``: a 表二 row whose numbers stand on several lines below its label, the lines holding
  unlike counts of them or spaced unlike (``规章`` / ``1`` / ``13 0``: a converter that parts one number's runs,
  Word's ``<span>13</span><span>0</span>``, prints so): which numbers are which cells is a guess.
* ``READ.OLD_FORM_SHAPE``: 表二 whose decisions' rows (行政许可, 行政处罚, 行政强制) hold three numbers each, as the
  2019/2020 form's do (上一年项目数量, 本年增/减, 处理决定数量), none of that form's words printed and no change
  signed: its 规章 / 规范性文件 rows may be that form's 本年新制作 / 本年新公开 / 对外公开总数量, which the 2021 keys do
  not mean; a 2021 table printing its empty cells as 0 looks the same, so it is queued, not refused.
* ``READ.T4_BLOCK_ORDER``: 表四's fifteen cells printed one to a line with pieces of its column headers among
  them (``0`` … ``0`` / ``结果维 结果纠`` / ``0`` ``0``): a text tool printing the table as blocks went back to a
  header after some of its cells, so their order is the tool's; a group's cells in another order keep its
  total, so the identities do not check it (``llm_extract/extract/table4.py``). The same for its three rows
  of five printed column by column by ``pdf2txt.py`` (``llm_extract/extract/t4boxes.py``) or by plain ``pdftotext``,
  the third row after the columns (``llm_extract/extract/t4colrows.py``); for a row of fifteen narrow columns
  printed as a group's headers then its cells (``llm_extract/extract/t4headruns.py``); for three rows of five whose
  results stand beside each group's label, 总计's column after (``llm_extract/extract/t4rowsbeside.py``); and for
  cells under headers printed side by side, read left to right where that keeps the group's total
  (``t4labelled.py``). Fifteen cells all read so and all alike (a year without reviews or suits: fifteen 0) are
  the same table in any order: no guess.
* ``READ.COLUMN_ORDER``: 表三 whose header prints 总计 before 自然人, read in that order although no row's numbers
  tell the two orders apart (``3 0 0 0 0 0 3`` is 3 natural persons or 3 others): the cells the two orders
  read differently are the header's word alone (``llm_extract/extract/extracols.py``).
* ``READ.APPLICANT_ORDER``: 表三 whose header names the six applicant columns in another order than the form's
  (其他 before 法律服务机构, 法人或其他组织's columns before 自然人), read as the header says: every identity treats the
  six columns alike, so the cells the two orders read differently are the header's word alone
  (``llm_extract/extract/applicantorder.py``).
* ``READ.HEADER_ORDER``: 表二 or 表四 whose header names its columns (or 表四's two suits' groups) in another order
  than the form's (现行有效件数 before 本年废止件数, 尚未审结 before 其他结果), read as the header says: no identity
  checks 表二, and 表四's group sums treat a group's four results alike (``llm_extract/extract/headerorder.py``).
* ``READ.T4_EDGE_BLANK``: 表四 as one row of fifteen printing ten numbers in fixed-width text, its first or last
  group taken as blank by where the numbers start against the header's left edge
  (``llm_extract/extract/t4edges.py``): a blank cell inside a group leaves no trace the uneven spacing could show.
* ``READ.T4_COLUMN_PLACED``: 表四 as one row of fifteen printing fewer numbers in fixed-width text, each placed in
  the column it stands under (the header's column words, or evenly spaced columns from the first to the last
  number), each group's total the sum of its results as placed (``llm_extract/extract/t4placed.py``): the sums do
  not say which column inside a group a number stands in.
* ``READ.STRAY_COLUMN``: 表二 of a page whose table rows each end in one cell more (a column the browser does not
  show, ``display:none``, printed by a converter), read after taking the last cell of every row out
  (``llm_extract/extract/straycol.py``): 表三's identities told the column, but no identity checks 表二.
* ``READ.COLUMN_RUNS``: 表三's 175 numbers in the form's order, its columns parted into several runs by text
  (``pdf2txt.py`` printing a page's columns between header pieces) or its labels printed after their numbers
  (``llm_extract/extract/formorder.py``): every identity holds, but the runs of the six applicant columns in
  another order would keep every identity too, and the text tool chose their order (or, printed as one block,
  pdfminer did: no other block checks it). A cell no order of the six applicant columns changes is left to
  the identities: the total column (the row sums pin it), and a row whose six applicant cells read alike. The
  same for rows read from the last rows' first cells after their labels' first lines (plain ``pdftotext`` of narrow
  label columns: ``llm_extract/extract/rowheads.py``; ``labelruns.py``'s runs, rows top down a cell to a line, only
  where two runs name one row) and 表三's first rows among its column headers
  (``headcells.py``, ``headbands.py``), but where those two read the table in the text's order: rows printed alone
  anchoring the columns, every band printed column by column placed by the identities (``extract/bandorder.py``).
* ``READ.ROW_ORDER``: a 表三 row read in the form's order whose numbers do not follow its label (pdf2txt.py printing
  a group's labels, then their rows' numbers), where another row so placed stands in the same identities (the
  outcome rows of 三、本年度办理结果 all do; so do 一、 and 二、) with another value in that column: the two rows in
  the other order keep every identity, and the tool chose the order (``llm_extract/extract/formorder.py``).
* ``READ.BLOCKS_ALIKE``: 表三's column blocks (``pdftotext``'s default mode, pdfminer) all holding one number, a
  table of zeros: every way to place the blocks gives the same table, so it is read without a tiling; but none
  was found within the search's cap to show the numbers are 表三's cells (``llm_extract/extract/blocktiles.py``).
* ``READ.BLANK_ROW_PLACED``: 表三 whose region holds 24 rows' numbers and all 25 labels, read in the form's order
  around the one row whose marks (``—``, ``-``: a blank row's cells that held one) stand between its neighbours'
  numbers, every identity holding; that row read blank (``llm_extract/extract/blankrow.py``). The row is the marks'
  and the identities' choice and the order the tool's: read, never proven.
* ``READ.BLANK_ORDER_COLUMNS`` for 表三's 175 cells printed apart from every label (all the labels, then all the
  numbers) when they are zeros and blanks only: any order keeps every identity, by rows or by columns alike,
  so no cell's place is known (``llm_extract/extract/formorder.py``).
* ``READ.T3_AFTER_T4``: 表三's last cells printed among 表四's (plain ``pdftotext`` of narrow tables), placed in
  the printed order, the rows cut into bands column by column, where every cut whose table keeps every identity
  gives that value (``llm_extract/extract/t3tail.py``): the order is the tool's, never proven but for the cells no
  order of the six applicant columns changes, as for ``READ.COLUMN_RUNS`` (every row read: the total column, a row
  whose six applicant cells read alike).
* ``READ.T3_LEFTOVER_ORDER``: 表三's first rows, left unread by every other reader, from the region's numbers no other
  reading took, read as bands printed in two flows (each row's left cells, then each row's others), where every
  such reading keeping the identities gives that value (``llm_extract/extract/t3top.py``): never proven but for the
  cells no order of the six applicant columns changes, as for ``READ.T3_AFTER_T4``.
* ``READ.T3_PAGE_ROWS``: 表三's rows on the pages after the one its column headers stand on, read from the
  numbers printed after those rows' labels, cut into bands each printed column by column, where every cut keeping
  every row's sum gives that value (``llm_extract/extract/t3pages.py``): the rows above are unread, so no column
  identity checks these cells, the total column included: never proven.
* ``READ.T3_REGION_BANDS``: 表三 whole from its region's 175 numbers alone (pdf2txt.py printing each page's rows
  column by column, its labels apart), cut into bands each printed column by column, where every cut whose table
  keeps every identity gives that value (``llm_extract/extract/t3pages.py``): which row a cell is, the cut says,
  the labels unread: never proven.
* ``READ.T3_LEAD_COLUMN``: 表三's first rows as one band printed column by column, then the 自然人 cells of the rows
  below printed among their labels (pdf2txt.py -A of a LibreOffice table), where every cut keeping the band's row
  sums and the 自然人 column's identities, each number on a label's line landing on that label's row, gives that
  value, and the other columns' runs after it where each keeps its column's identities
  (``llm_extract/extract/t3leadcolumn.py``): the order is the tool's, never proven.
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.form import FORM
from llm_extract.schema import APPLICANT_COLUMNS, DISCLOSURE_PATHS, TABLE4_PATHS

from .survey import Survey

__all__ = ["guessed", "LETTERS_RULE", "OCR_DIGITS_RULE", "LAYOUT_RULE", "ONE_CUT_RULE", "EITHER_WAY_RULE",
           "BLOCK_POSITION_RULE", "RULE_GLYPHS_RULE", "LABEL_STACK_RULE", "BOX_ORDER_RULE", "T4_BLOCK_ORDER_RULE", "COLUMN_RUNS_RULE",
           "LAYOUT_GUESSES"]

LETTERS_RULE = "READ.OCR_LETTERS"
OCR_DIGITS_RULE = "READ.OCR_DIGITS"
_UNCHECKED = frozenset(DISCLOSURE_PATHS)
LAYOUT_RULE = "READ.LAYOUT_CLOSE"
ONE_CUT_RULE = "READ.ONE_CUT"
EITHER_WAY_RULE = "READ.ABOVE_OR_BELOW"
BLOCK_POSITION_RULE = "READ.BLOCK_POSITION"
RULE_GLYPHS_RULE = "READ.RULE_GLYPHS"
LABEL_STACK_RULE = "READ.LABEL_STACK"
BOX_ORDER_RULE = "READ.BOX_ORDER"
UNEVEN_LINES_RULE = "READ.UNEVEN_LINES"
STRAY_COLUMN_RULE = "READ.STRAY_COLUMN"
#: 表二 shaped as the 2019/2020 form's, none of its words printed (extract/oldform.py)
OLD_FORM_SHAPE_RULE = "READ.OLD_FORM_SHAPE"
T4_BLOCK_ORDER_RULE = "READ.T4_BLOCK_ORDER"
COLUMN_RUNS_RULE = "READ.COLUMN_RUNS"
#: 表三's rows placed by the tool's printed order, not beside their labels, two of them interchangeable (formorder.py)
ROW_ORDER_RULE = "READ.ROW_ORDER"
T4_EDGE_BLANK_RULE = "READ.T4_EDGE_BLANK"
#: 表四's row of fifteen printing fewer numbers, each placed in its column by the header or the spacing (t4placed.py)
T4_COLUMN_PLACED_RULE = "READ.T4_COLUMN_PLACED"
#: 表三's total column printed first by its header, no row telling the two orders apart (extract/extracols.py)
COLUMN_ORDER_RULE = "READ.COLUMN_ORDER"
#: 表三's applicant columns in another order, only the header saying so (extract/applicantorder.py)
APPLICANT_ORDER_RULE = "READ.APPLICANT_ORDER"
#: 表二's or 表四's columns in another order, only the header saying so (extract/headerorder.py)
HEADER_ORDER_RULE = "READ.HEADER_ORDER"
#: 表三's zeros and blanks printed apart from every label (extract/formorder.py): the rule of blanks and zeros
#: placed by a tool's order (verify/sequence.py)
BLANK_COLUMNS_RULE = "READ.BLANK_ORDER_COLUMNS"
#: 表三's column blocks all of one number, read without a tiling (extract/blocktiles.py)
BLOCKS_ALIKE_RULE = "READ.BLOCKS_ALIKE"
#: 表三 read around a row that printed no number, the row its marks and the identities leave (extract/blankrow.py)
BLANK_ROW_PLACED_RULE = "READ.BLANK_ROW_PLACED"
#: 表三's last cells printed among 表四's, placed in the printed order (extract/t3tail.py)
T3_AFTER_T4_RULE = "READ.T3_AFTER_T4"
#: 表三's first rows printed in two flows, placed in the printed order (extract/t3top.py)
T3_LEFTOVER_RULE = "READ.T3_LEFTOVER_ORDER"
#: 表三's last pages' rows read after their labels in bands, only their row sums checking them (extract/t3pages.py)
T3_PAGE_ROWS_RULE = "READ.T3_PAGE_ROWS"
#: 表三 whole from its region's numbers alone, cut into bands column by column, the identities choosing (t3pages.py)
T3_REGION_BANDS_RULE = "READ.T3_REGION_BANDS"
#: 表三's first band and the 自然人 column below it among the labels, in the tool's order (extract/t3leadcolumn.py)
T3_LEAD_COLUMN_RULE = "READ.T3_LEAD_COLUMN"


#: a blank printed (or left empty) in a cell: read, its place as much a guess as a number's
_PRINTED_BLANKS = frozenset({CellKind.PLACEHOLDER, CellKind.BLANK})

#: a reading's method → the rule that leaves a field so read unverified
_METHOD_RULES = {Method.LAYOUT_COLUMNS_CLOSE: LAYOUT_RULE, Method.GLUED_CUT: ONE_CUT_RULE,
                 Method.CELLS_ABOVE_OR_BELOW: EITHER_WAY_RULE, Method.TEXT_BLOCK_POSITION: BLOCK_POSITION_RULE,
                 Method.RULE_GLYPHS_DROPPED: RULE_GLYPHS_RULE, Method.LABEL_STACK: LABEL_STACK_RULE,
                 Method.T2_BOXES: BOX_ORDER_RULE, Method.T2_UNEVEN_LINES: UNEVEN_LINES_RULE,
                 Method.STRAY_COLUMN: STRAY_COLUMN_RULE, Method.T2_OLD_FORM_SHAPE: OLD_FORM_SHAPE_RULE,
                 Method.T4_ACROSS_HEADERS: T4_BLOCK_ORDER_RULE, Method.T4_BY_COLUMNS: T4_BLOCK_ORDER_RULE,
                 Method.T4_EDGE_BLANK: T4_EDGE_BLANK_RULE,
                 Method.T4_COLUMN_PLACED: T4_COLUMN_PLACED_RULE, Method.COLUMN_ORDER: COLUMN_ORDER_RULE,
                 Method.APPLICANT_ORDER: APPLICANT_ORDER_RULE, Method.HEADER_ORDER: HEADER_ORDER_RULE,
                 Method.FORM_ORDER_RUNS: COLUMN_RUNS_RULE, Method.FORM_ORDER_APART: BLANK_COLUMNS_RULE,
                 Method.TEXT_BLOCKS_ALIKE: BLOCKS_ALIKE_RULE, Method.FORM_ORDER_ROWS: ROW_ORDER_RULE,
                 Method.BLANK_ROW_PLACED: BLANK_ROW_PLACED_RULE, Method.T3_AFTER_T4: T3_AFTER_T4_RULE,
                 Method.T3_LEFTOVER_ORDER: T3_LEFTOVER_RULE, Method.T3_PAGE_ROWS: T3_PAGE_ROWS_RULE,
                 Method.T3_REGION_BANDS: T3_REGION_BANDS_RULE, Method.T3_LEAD_COLUMN: T3_LEAD_COLUMN_RULE}


#: guesses about the layout (which printed number is which cell), not about the glyphs: a model reading the same
#: text meets the same doubt, so its agreeing proves nothing either (verify/crosscheck.py)
LAYOUT_GUESSES = frozenset({LAYOUT_RULE, ONE_CUT_RULE, EITHER_WAY_RULE, BLOCK_POSITION_RULE, LABEL_STACK_RULE,
                            BOX_ORDER_RULE, UNEVEN_LINES_RULE, STRAY_COLUMN_RULE, T4_BLOCK_ORDER_RULE, COLUMN_RUNS_RULE, BLANK_COLUMNS_RULE, COLUMN_ORDER_RULE,
                            APPLICANT_ORDER_RULE, HEADER_ORDER_RULE, OLD_FORM_SHAPE_RULE,
                            BLOCKS_ALIKE_RULE, ROW_ORDER_RULE, T4_COLUMN_PLACED_RULE, BLANK_ROW_PLACED_RULE,
                            T3_AFTER_T4_RULE, T3_LEFTOVER_RULE, T3_PAGE_ROWS_RULE,
                            T3_REGION_BANDS_RULE, T3_LEAD_COLUMN_RULE})


#: 表三 read in a tool's order, its columns' order (and the cut of its bands, the identities choosing) the tool's: a
#: cell no order of the six applicant columns changes is left to the identities (:func:`_order_free`)
_T3_ORDER_RULES = frozenset({COLUMN_RUNS_RULE, T3_AFTER_T4_RULE, T3_LEFTOVER_RULE})

#: the six applicant columns (the last of 表三's columns is their total)
_SIX = tuple(c for c in APPLICANT_COLUMNS if c != "total")


#: each 表三 row that trades places with others keeping every identity → those others (the form's swap groups:
#: 一、本年新收 and 二、上年结转; the 21 outcome rows summed into （七）总计)
_ALIKE_ROWS = {row: tuple(sorted(group - {row})) for group in FORM.table3_swap_groups for row in group}


def _cell(r: Reading | None) -> tuple[CellKind, object] | None:
    return None if r is None else (r.kind, r.value)


def _row_spans(readings: Mapping[str, Reading]) -> dict[str, tuple[int, int]]:
    """Each 表三 row's first and last source line over its seven cells' readings."""
    spans: dict[str, tuple[int, int]] = {}
    for row in FORM.table3_row_keys:
        lines = [n for c in APPLICANT_COLUMNS if (r := readings.get(f"applications.{row}.{c}")) is not None
                 for n in r.lines]
        if lines:
            spans[row] = (min(lines), max(lines))
    return spans


def _interleaved(spans: Mapping[str, tuple[int, int]], row: str, other: str) -> bool:
    """Whether two rows' cells were read from lines among each other's (columns printed one after another: which
    row a cell is, its place down its column says), not each row's from lines of its own (rows printed one after
    another, the page's order)."""
    a, b = spans.get(row), spans.get(other)
    return a is None or b is None or not (a[1] < b[0] or b[1] < a[0])


def _order_free(path: str, readings: Mapping[str, Reading], all_read: bool, mixed: bool,
                spans: Mapping[str, tuple[int, int]]) -> bool:
    """A 表三 cell whose value no order of the six applicant columns changes: in the total column, or in a
    row whose six applicant cells read alike. Only where every row of the table was read: with a row left
    unread (a row printing nothing beside one printing a row's numbers), which row the numbers are is the
    reader's guess too (一、本年新收 and 二、上年结转 stand alike in every identity): ``all_read`` says; rows read
    from the pages after the header's (``READ.T3_PAGE_ROWS``, extract/t3pages.py) count as unread here: the reader of
    the header page's rows saw only those, and its 一、 and 二、 trade places keeping every identity. Nor a 0 or
    a printed blank where the cells read in a tool's order hold both (``mixed``): the identities count a blank
    as 0, so a blank row's marks moved into rows of zeros by the tool's order (pdfminer's boxes) keep every one.
    Nor a cell of 一、本年新收 or 二、上年结转 the other row reads otherwise in its column: the two rows trade places
    keeping every identity, and where a tool's order placed the cells, that order decides which is which (plain
    pdftotext printing their first cells among the column headers' pieces put 一、's 1 in 二、's place, total and
    all, every identity holding)."""
    table, row, col = (path.split(".") + ["", ""])[:3]
    if table != "applications" or not all_read:
        return False
    r = readings.get(path)
    if mixed and r is not None and (r.kind in _PRINTED_BLANKS or r.value == 0):
        return False
    if any(_cell(readings.get(f"applications.{other}.{col}")) != _cell(r) and _interleaved(spans, row, other)
           for other in _ALIKE_ROWS.get(row, ())):
        return False        # rows that trade places keeping every identity: the tool's order chose which is which
    if col == "total":
        return True
    cells = [readings.get(f"applications.{row}.{c}") for c in _SIX]
    return len({_cell(c) for c in cells}) == 1 and cells[0] is not None


#: 表四 read as blocks in a text tool's order (READ.T4_BLOCK_ORDER)
_T4_ORDER_METHODS = frozenset({Method.T4_ACROSS_HEADERS, Method.T4_BY_COLUMNS})


def _t4_order_free(readings: Mapping[str, Reading]) -> bool:
    """Whether all fifteen 表四 cells were read as blocks in the tool's order and all read alike (fifteen 0):
    every order of them is the same table."""
    cells = [readings.get(p) for p in TABLE4_PATHS]
    return all(c is not None and c.method in _T4_ORDER_METHODS for c in cells) \
        and len({(c.kind, c.value) for c in cells if c is not None}) == 1


def guessed(readings: Mapping[str, Reading], survey: Survey | None = None) -> dict[str, str]:
    """Path → rule of every read field whose reading is a likely guess (``survey``: of ``readings``,
    verify/survey.py, where known: a document with no guessing method and no OCR reading has none)."""
    ocr = CellKind.OCR
    if survey is not None and survey.methods.isdisjoint(_METHOD_RULES) and ocr not in survey.kinds:
        return {}
    out: dict[str, str] = {}
    all_read: bool | None = None            # every 表三 cell read (a value or a printed blank), once asked
    spans: dict[str, tuple[int, int]] = {}  # each 表三 row's first and last lines, once asked
    mixed = False                           # those read in a tool's order hold a printed blank and a 0
    t4_free: bool | None = None             # 表四's fifteen cells alike, its block order moot, once asked
    for path, r in readings.items():
        if r.value is None and r.kind not in _PRINTED_BLANKS:
            continue
        if (rule := _METHOD_RULES.get(r.method)) is not None:    # (a blank so placed too: 0 fits its place)
            if rule in _T3_ORDER_RULES and all_read is None:
                all_read = not any(x.value is None and x.kind not in _PRINTED_BLANKS or x.method == Method.T3_PAGE_ROWS
                                   for p, x in readings.items() if p.startswith("applications."))
                runs = [x for p, x in readings.items() if p.startswith("applications.")
                        and _METHOD_RULES.get(x.method) in _T3_ORDER_RULES]
                mixed = any(x.kind in _PRINTED_BLANKS for x in runs) and any(x.value == 0 for x in runs)
                spans = _row_spans(readings)
            if rule == T4_BLOCK_ORDER_RULE and t4_free is None:
                t4_free = _t4_order_free(readings)
            if not (rule in _T3_ORDER_RULES and _order_free(path, readings, bool(all_read), mixed, spans)
                    or rule == T4_BLOCK_ORDER_RULE and t4_free):
                out[path] = rule
        elif r.kind is ocr and not any(ch.isdigit() for ch in r.raw or ""):
            out[path] = LETTERS_RULE
        elif r.kind is ocr and path in _UNCHECKED:
            out[path] = OCR_DIGITS_RULE
    return out
