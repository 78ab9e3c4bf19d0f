"""（六）其他处理 printed as one row: its printed cells stand in for its three sub-rows in the identities.

FORM.md: a report may print （六）其他处理 as a single row with no sub-rows. Where that row is not 0 its
sub-rows are not given (the reader marks them absent, and they are output as missing), but its cells
are their sums, and the column identities (总计 = the sum of every handling row) hold with them. Left
unknown, three unknown cells in each column left every other cell of those columns unchecked
(``READ.UNCHECKED``). So the identities are checked with the printed row standing in for its sub-rows
(its value in the first, 0 in the other two: the same sum); the sub-rows themselves stay not printed.
The stand-in is used only where all seven cells of the printed row are counts and its own row total
holds (a glued digit run, one raw for every column, never does), and where no row of the table was
read from numbers that may stand above or below their label (pdftotext's order: which row a run of
numbers belongs to is itself in doubt there, and the one row's cells may be another row's).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.ocrglyphs import OCR_LETTERS
from llm_extract.schema import APPLICANT_COLUMNS

__all__ = ["one_row_stand_ins", "implied_zeros", "SUB_ROWS", "printed_count"]

#: （六）其他处理's three sub-rows, in the form's order
SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")
_LETTERS = re.compile(rf"^[{OCR_LETTERS}]{{1,7}}$")
#: reading methods whose numbers may be another row's (extract/direction.py, above.py, blockread.py)
_DOUBTFUL = frozenset({Method.CELLS_ABOVE_OR_BELOW, Method.CELLS_ABOVE_LABEL, Method.TEXT_BLOCK_POSITION,
                       Method.FORM_ORDER_RUNS})


def printed_count(raw: str | None) -> int | None:
    """A cell's raw text as a count (full-width digits, thousands separators), None when it is no count."""
    text = unicodedata.normalize("NFKC", raw or "").strip().replace(",", "")
    return int(text) if text.isdigit() else None


def one_row_stand_ins(readings: Mapping[str, Reading]) -> dict[str, int]:
    """Path → stand-in value of every sub-row cell of a one-row （六）其他处理 (see the module docstring);
    empty when the row was not printed as one row of counts that adds up."""
    if not all(_as_one_row(readings.get(f"applications.{row}.{APPLICANT_COLUMNS[0]}")) for row in SUB_ROWS):
        return {}                       # (most documents: the first column's test below fails, nothing else run)
    if any(r.method in _DOUBTFUL for p, r in readings.items() if p.startswith("applications.")):
        return {}
    printed: list[int | None] = []
    for c in APPLICANT_COLUMNS:
        cells = [readings.get(f"applications.{row}.{c}") for row in SUB_ROWS]
        if not all(_as_one_row(r) for r in cells):
            return {}
        raws = {unicodedata.normalize("NFKC", r.raw or "").strip() for r in cells}
        values = {printed_count(raw) for raw in raws}          # (each sub-row holds the printed row's cell)
        if len(raws) == 1 and _LETTERS.match(next(iter(raws))):
            printed.append(None)                         # OCR letters alone (l, O): the identities' to pin
            continue
        if len(values) != 1 or None in values:
            return {}
        printed.append(values.pop())
    if None not in printed and printed[-1] != sum(printed[:-1]):    # type: ignore[operator]
        return {}
    out: dict[str, int] = {}
    for c, value in zip(APPLICANT_COLUMNS, printed):
        if value is not None:            # (a column printed as letters: its first sub-row left open)
            out[f"applications.{SUB_ROWS[0]}.{c}"] = value
        for row in SUB_ROWS[1:]:
            out[f"applications.{row}.{c}"] = 0
    return out


def _as_one_row(r: Reading | None) -> bool:
    """Whether a sub-row's cell holds the cell of （六） printed as one row (unprinted, read so)."""
    return r is not None and r.kind is CellKind.ABSENT and r.method == Method.OTHER_AS_ONE_ROW


def implied_zeros(stand_ins: Mapping[str, int]) -> set[str]:
    """The sub-row cells of the columns where the printed row holds 0: each of them is 0 (counts are never
    negative), which the reviewer is shown as a candidate; they are not printed, so never output."""
    return {p for p in stand_ins if stand_ins.get(f"applications.{SUB_ROWS[0]}.{p.rsplit('.', 1)[1]}") == 0}
