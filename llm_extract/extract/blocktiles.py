"""表三 assembled from PDF text blocks (:mod:`.textblocks`): labels with their numbers, and columns
printed as blocks of their own.

The numbers printed right after a row's label are that row's first cells (all seven, or the 自然人
cell that ``pdftotext`` keeps beside a wrapped label). A run of numbers after a label's wrapped tail
(``情形）`` + seven numbers, PyMuPDF) is the row whose printed label that tail ends, when exactly one
row without numbers has it. The rest of the table comes as *free* runs: ``pdftotext`` prints a
column's numbers for consecutive rows as one block (one per line, or two columns per line), rows
grouped as the page's row heights fell.

Placing a free block is positional, so it is done only under exact counts, and proven by the form's
identities, never by position alone:

* all 25 rows' labels found, each once (a lost or merged label would slide every column by a row,
  and with most cells 0 the row sums still hold);
* the free blocks hold exactly as many numbers as the cells left, every line of a block the same
  count, and each block tiles a rectangle of cells (its lines consecutive rows in the form's order,
  its numbers consecutive columns), blocks of one shape left to right in their printed order (``pdftotext``
  prints a band of rows line by line) or every block in printed order down the columns of each band of rows
  (``pdf2txt.py`` prints a column's boxes top to bottom, then the next column's: :mod:`.blockbands`, every
  way to cut the rows into bands). Read down the columns, which applicant column a block is the tool's box
  order says, and the six in any order keep every identity: such cells are marked so (:data:`DOWN_METHOD`,
  never proven but where no order of the six changes them);
* every number between 表三's heading and 表四's is a row's (a run after a piece of text that ends no
  pending row's label, such as a row printed again after a page break, leaves the table unread);
* a table whose every cell stands right after its row's label is read as printed (the verifier
  checks it like any other reading); once a block is placed,
* every tiling is tried: the table is read only when exactly one table comes out of the tilings
  whose every identity (row sums, column sums, balance) holds; an identity whose every cell stands
  beside its label (a misprint the report carries whatever the blocks) is left to the verifier. Two tables that both hold, or none,
  leave 表三 to the other readers (missing, queued);
* a tiling that takes numbers printed after 表四's heading and leaves there other than 表四's fifteen proves
  none of the cells it placed (:data:`BORROWED_METHOD`, ``READ.ROW_ORDER``): a row that printed no number (a
  blank row, nothing in ``pdf2txt.py``'s text) leaves the region seven short, 表四's own zeros make up the
  count, and the outcome rows slid by one row keep every identity (they weigh alike in each), so only the
  count placed them.
"""

from __future__ import annotations

from dataclasses import replace

from ..evidence import Method, Reading
from ..form import FORM
from .readings import Readings
from .blockbands import Grid, down_tables
from .blocksearch import TilingSearch
from .blocktext import count_of, empty_among, mixed_lines
from .blockwords import continues_label
from .textblocks import Number, Run, TextBlocks, heads_table2_column

__all__ = ["assemble_table3", "LABEL_METHOD", "TILE_METHOD", "ALIKE_METHOD", "DOWN_METHOD", "BORROWED_METHOD",
           "MAX_NODES"]

LABEL_METHOD = "text-block-label"       # numbers right after the row's own label (or its wrapped tail)
TILE_METHOD = "text-block-column"       # numbers placed by a column block, the identities holding
ALIKE_METHOD = Method.TEXT_BLOCKS_ALIKE  # every block's numbers one number: the table without a tiling (never proven)
#: blocks read down the columns in printed order (pdfminer): which applicant column a block is, the tool's box order
#: says, and the six in another order keep every identity (verify: ``READ.COLUMN_RUNS``)
DOWN_METHOD = Method.FORM_ORDER_RUNS
#: numbers tiled with runs taken after 表四's heading: which row each is, the count alone said (``READ.ROW_ORDER``)
BORROWED_METHOD = Method.FORM_ORDER_ROWS
#: the tiling search stops (and reads nothing) past this many placements tried, over all the tilings
#: of one document's 表三 (every way to give the rows their numbers, every choice of runs)
MAX_NODES = 50000
#: at most this many runs right after 表四's heading may be 表四's own rather than 表三's
MAX_DROPPED = 4
#: 表四's cells: what a tiling that took runs after its heading must leave there
_T4_CELLS = 15

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_I = {r: i for i, r in enumerate(_ROWS)}


def _by_fragment(blocks: TextBlocks, pending: set[str]) -> dict[str, Run] | None:
    """Runs after a wrapped label's tail, each given to the one pending row whose label holds the tail
    and that takes all seven numbers. ``None`` when a tail fits two such rows, or two runs one row."""
    out: dict[str, Run] = {}
    for run in blocks.free:
        if not run.after or len(run.numbers) != _WIDTH:
            continue
        rows = [r for r in pending if continues_label(run.after, r)]
        if len(rows) > 1 or (rows and rows[0] in out):
            return None                 # a tail two rows end, or two runs after one row's tail
        if rows:
            out[rows[0]] = run
    return out


def _tilings(grid: Grid, runs: list[Run], fixed: frozenset[tuple[int, int]],
             budget: list[int]) -> list[tuple[Grid, bool]] | None:
    """The distinct tables (by values) of every tiling that keeps the identities, each with whether it was read
    down the columns (:mod:`.blockbands`: only where no tiling by rows keeps them); ``None`` when the search was
    cut short. Cut into bands every way, blocks printed row by row (``pdftotext``) give tables of their own down
    the columns too: a table found by rows is not doubted by them."""
    blocks = [[run.numbers] if run.across else run.lines for run in runs]
    if any(len({len(line) for line in block}) != 1 for block in blocks):
        return []                       # a block whose lines hold different counts: not one column block
    open_cells = sum(1 for row in grid for c in row if c is None)
    if sum(len(block) * len(block[0]) for block in blocks) != open_cells:
        return []                       # exact counts only
    search = TilingSearch(grid, blocks, fixed, budget)
    if not search.run():
        if len({count_of(n) for block in blocks for line in block for n in line}) == 1:
            return [(_alike(grid, blocks), False)]      # (every tiling gives this table's values: never proven)
        return None
    found = [(g, False) for g in search.found]
    if not found:                       # (no band printed row by row: pdfminer's columns, band by band?)
        down = down_tables(grid, blocks, fixed, budget)
        if down is None:
            return None
        found = [(g, True) for g in down]
    tables: dict[tuple, tuple[Grid, bool]] = {}
    for g, by_bands in found:
        tables.setdefault(tuple(tuple(count_of(c) for c in row) for row in g), (g, by_bands))
    return list(tables.values())


def _alike(grid: Grid, blocks: list[list[list[Number]]]) -> Grid:
    """The table of blocks whose numbers are all one number, no tiling found: each open cell (row by row) takes
    the next number in printed order, marked read without a tiling (its line one where that number stands)."""
    numbers = iter(replace(n, alike=True) for block in blocks for line in block for n in line)
    return [[c if c is not None else next(numbers) for c in row] for row in grid]


def _tile(grid: Grid, options: list[list[Run]], fixed: frozenset[tuple[int, int]],
          budget: list[int]) -> tuple[Grid, bool] | None:
    """The one table the free runs tile (over every choice of runs), with whether it was read down the
    columns only, or ``None``. Two choices of runs that
    both tile a table whose identities hold leave it unread even where the tables' values agree: which
    numbers are 表三's is then not known (a mostly-zero table takes 表四's zeros for a row printed blank,
    whose cells the text tool dropped)."""
    tables: dict[tuple, tuple[Grid, bool]] = {}
    choices: set[tuple[int, ...]] = set()        # the choices that tile a table
    tried: set[tuple[int, ...]] = set()          # (the same runs chosen twice are one choice, searched once)
    for runs in options:
        choice = tuple(id(run) for run in runs)
        if choice in tried:
            continue
        tried.add(choice)
        found = _tilings(grid, runs, fixed, budget)
        if found is None:
            return None
        if found:
            choices.add(choice)
        for g, down in found:
            tables.setdefault(tuple(tuple(count_of(c) for c in row) for row in g), (g, down))
    return next(iter(tables.values())) if len(tables) == 1 and len(choices) == 1 else None


def _table3_runs(grid: Grid, free: list[Run], blocks: TextBlocks) -> list[list[Run]]:
    """The free runs that may be 表三's: all of them when their count is exact; else, less numbers of the
    other tables printed among them: up to :data:`MAX_DROPPED` runs before 表三's first row label (表二's
    last cell printed after 表三's heading), up to as many right after 表四's heading, and as many last
    runs after it as make the count exact (表四's own); every such choice (the identities choose,
    :func:`_tile`)."""
    open_cells = sum(1 for row in grid for c in row if c is None)
    total = sum(len(run.numbers) for run in free)
    if total == open_cells:
        return [free]
    first_label = min(ev.line for ev in blocks.rows.values())
    lead = next((i for i, run in enumerate(free) if run.first > first_label), len(free))
    after = max(lead, next((i for i, run in enumerate(free) if run.first > blocks.end), len(free)))
    options: list[list[Run]] = []
    for d in range(min(MAX_DROPPED, lead) + 1):
        for k in range(min(MAX_DROPPED, len(free) - after) + 1):
            count = total - sum(len(run.numbers) for run in free[:d] + free[after:after + k])
            keep = len(free)
            while count > open_cells and keep > after + k:
                keep -= 1
                count -= len(free[keep].numbers)
            if count == open_cells:
                options.append(free[d:after] + free[after + k:keep])
    return options


def assemble_table3(blocks: TextBlocks, budget: list[int] | None = None) -> Readings | None:
    """表三's 175 readings from text blocks, or ``None`` (see the module docstring for when). When the
    printing leaves several ways to give the rows the numbers beside their labels (``blocks.ways``),
    each is assembled: exactly one table (by values) must come out of them. ``budget``: the search's states
    left, shared with the caller's other searches (:data:`MAX_NODES` of its own when not given)."""
    budget = [MAX_NODES] if budget is None else budget
    if not blocks.ways:
        return _assemble(blocks, budget)
    tables: dict[tuple, Readings] = {}
    for way in blocks.ways:
        rows = {row: replace(ev, attached=way[row]) for row, ev in blocks.rows.items()}
        table = _assemble(replace(blocks, rows=rows, ways=[]), budget)
        if budget[0] < 0:
            return None                 # cut short: which tables the other ways hold is not known
        if table is not None:
            tables.setdefault(tuple(sorted((p, r.value) for p, r in table.items())), table)
    return next(iter(tables.values())) if len(tables) == 1 else None


def _assemble(blocks: TextBlocks, budget: list[int]) -> Readings | None:
    if set(blocks.rows) != set(_ROWS):
        return None
    grid: Grid = [[None] * _WIDTH for _ in _ROWS]
    label_cells: set[tuple[int, int]] = set()
    pending: set[str] = set()
    for row, ev in blocks.rows.items():
        if len(ev.attached) > _WIDTH:
            return None
        if empty_among(ev.attached) and (0 < len(ev.attached) < _WIDTH or mixed_lines(ev.attached)):
            return None                 # part of a row beside its label, or a line's part and another line's, an
            #                             empty cell among them: which column the empty cell is in is not known
        if not ev.attached:
            pending.add(row)
        for c, n in enumerate(ev.attached):
            grid[_I[row]][c] = n
            label_cells.add((_I[row], c))
    tails = _by_fragment(blocks, pending)
    if tails is None:
        return None
    taken = {id(run) for run in tails.values()}
    if any(run.after and id(run) not in taken and blocks.start < run.first < blocks.end
           and not heads_table2_column(run.after) for run in blocks.free):
        return None                     # numbers in 表三 after a piece of text no row's label ends: whose?
    for row, run in tails.items():
        for c, n in enumerate(run.numbers):
            grid[_I[row]][c] = n
            label_cells.add((_I[row], c))
    free = [run for run in blocks.free if id(run) not in taken and not run.after and run.first > blocks.start]
    down = False
    if any(c is None for row in grid for c in row):
        full = _tile(grid, _table3_runs(grid, free, blocks), frozenset(label_cells), budget)
        if full is None:
            return None
        grid, down = full
    placed = {id(n) for row in grid for n in row}
    borrowed = any(n is not None and n.line > blocks.end for row in grid for n in row) \
        and sum(1 for run in blocks.free if run.first > blocks.end
                for n in run.numbers if id(n) not in placed) != _T4_CELLS
    out: Readings = {}
    for r, row in enumerate(_ROWS):
        label_line = blocks.rows[row].line
        for c, col in enumerate(_COLS):
            n = grid[r][c]
            assert n is not None
            lines = sorted({label_line, n.line})
            method = LABEL_METHOD if (r, c) in label_cells else ALIKE_METHOD if n.alike \
                else BORROWED_METHOD if borrowed else DOWN_METHOD if down else TILE_METHOD
            out[f"applications.{row}.{col}"] = Reading(n.cell.plain, n.cell.kind, n.cell.raw, lines, method,
                                                       n.cell.note)
    return out
