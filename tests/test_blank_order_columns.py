"""表三 printed column by column: a blank and a 0 in one block may trade places.

``pdf2txt.py`` prints a page's 表三 cells box by box, column after column, in the order pdfminer's grouping
of the boxes chose: a column's last cell may come after the next column's first. The identities count a
blank as 0, so a blank and a 0 of such a block trading places keep every one of them. Where a block holds
both, its blanks and zeros are ``unverified`` (``READ.BLANK_ORDER_COLUMNS``); its other numbers the
identities check as always, and the same cells printed row by row are proven. The same holds for a block
of numbers placed by its position alone (``text-block-column``), and a blank placed by an order the tool
chose is as much a guess as a number so placed.
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Reading, Status
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text
from verify.guesses import guessed
from verify.sequence import BLANK_COLUMNS_RULE, blanks_in_column_blocks

_BY_COLUMNS = "pdf2txt_real_pages_by_column"
_BY_ROWS = "pdftotext_real_labels_after_numbers"


def _with_one_blank(name: str) -> str:
    """The fixture with its first 0 after 表三's heading printed as ``/`` (a blank: the identities still hold)."""
    lines = fixture_text(name).split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    at = next(i for i in range(heading, len(lines)) if lines[i].strip() == "0")
    lines[at] = "/"
    return "\n".join(lines)


def test_blanks_and_zeros_of_a_block_printed_column_by_column_are_not_proven() -> None:
    """The fixture's first page holds 表三's first 13 rows, its second page the other 12: the blank is on
    the first, whose zeros are not proven with it; the second page's zeros are."""
    record = process_document(Document.from_text(_with_one_blank(_BY_COLUMNS), doc_id="d"))
    first = {f"applications.{r.key}." for r in FORM.table3_rows[:13]}
    fields = [(p, prov, record.report.get(p)) for p in TABLE3_PATHS for prov in [record.provenance[p]]]
    assert sum(1 for _, _, value in fields if value is None) == 1
    for path, prov, value in fields:
        on_first = path[:path.rindex(".") + 1] in first
        if value in (None, 0) and on_first:
            assert prov.status is Status.UNVERIFIED and BLANK_COLUMNS_RULE in prov.rules, path
        else:
            assert prov.status is Status.PROVEN, path
    assert any(value == 0 for path, _, value in fields if path[:path.rindex(".") + 1] not in first)


def test_a_block_of_zeros_without_a_blank_is_proven() -> None:
    record = process_document(Document.from_text(fixture_text(_BY_COLUMNS), doc_id="d"))
    assert all(prov.status is Status.PROVEN for p, prov in record.provenance.items() if p.startswith("applications."))


def test_the_same_blank_among_rows_printed_row_by_row_is_proven() -> None:
    record = process_document(Document.from_text(_with_one_blank(_BY_ROWS), doc_id="d"))
    fields = [(p, prov) for p, prov in record.provenance.items() if p.startswith("applications.")]
    assert any(record.report.get(p) is None for p, _ in fields)
    assert all(prov.status is Status.PROVEN for _, prov in fields)


def _tiled(raws: list[str]) -> dict[str, Reading]:
    """表三's first row's cells placed from a block of numbers by position alone (extract/blocktiles.py)."""
    paths = [f"applications.new_received.{c.key}" for c in FORM.table3_columns]
    return {p: Reading(None if raw == "—" else 0, CellKind.PLACEHOLDER if raw == "—" else CellKind.ZERO, raw,
                       [3, 40 + k], "text-block-column") for k, (p, raw) in enumerate(zip(paths, raws))}


def test_a_blank_and_a_zero_placed_by_a_blocks_position_are_not_proven() -> None:
    readings = _tiled(["0", "—", "0", "0", "0", "0", "0"])
    assert blanks_in_column_blocks(readings) == set(readings)


def test_zeros_alone_placed_by_a_blocks_position_are_left_to_the_identities() -> None:
    assert blanks_in_column_blocks(_tiled(["0"] * 7)) == set()


def test_a_blank_placed_by_a_guessed_order_is_a_guess_like_a_number() -> None:
    """表四's cells one to a line among its header pieces (the tool's order): a blank there is no more placed
    than a number, so it is not proven either; a cell not read at all is no guess."""
    blank = Reading(None, CellKind.PLACEHOLDER, "—", [9], Method.T4_ACROSS_HEADERS)
    lost = Reading(None, CellKind.MISSING, None, [], Method.T4_ACROSS_HEADERS)
    assert guessed({"a": blank, "b": lost}) == {"a": "READ.T4_BLOCK_ORDER"}



def test_a_row_with_a_cell_that_holds_no_value_forms_no_block() -> None:
    """Two rows whose cells interleave (one to a line, box by box) form a block; a row one of whose cells holds
    no value (``CellKind.has_value``: text, lost, not printed) is in none, so its blank trades with no 0."""
    first = [f"applications.granted.{c.key}" for c in FORM.table3_columns]
    second = [f"applications.partially_granted.{c.key}" for c in FORM.table3_columns]
    for kind in CellKind:
        readings = {p: Reading(1, CellKind.NUMBER, "1", [2, 20 + 2 * i], "pdf2txt-box") for i, p in enumerate(first)}
        readings |= {p: Reading(0, CellKind.ZERO, "0", [3, 21 + 2 * i], "pdf2txt-box") for i, p in enumerate(second)}
        readings[first[0]] = Reading(None, CellKind.BLANK, "/", [2, 20], "pdf2txt-box")
        readings[first[1]] = Reading(None if kind is not CellKind.NUMBER else 5, kind, "x", [2, 22], "pdf2txt-box")
        assert bool(blanks_in_column_blocks(readings)) == kind.has_value, kind
