"""表三 read a cell to a line, each row's seven printed cells followed by empty ones that pad it to the widest row of
a grid (markdownify flattening a page's nested tables): the seven printed cells are the row's; any other seven
would leave one of them out."""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

_PADDING = 11


def _padded(values: dict, padding: int = _PADDING) -> str:
    out = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8:                 # (the header row too: the table a cell to a line throughout)
            out += [f"\t{f}" for f in fields] + ["\t"] * padding
        else:
            out.append(line)
    return "\n".join(out)


def _paths() -> list[str]:
    return [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]


def test_seven_printed_cells_then_a_grids_padding_are_the_rows_cells() -> None:
    """Read row by row, each row's cells after its label (not left to another reading of the text as blocks, which
    a crawler's one-line dump of the page, unfolded, does not get)."""
    values = sample_values()
    readings = extract_regex(Document.from_text(_padded(values), doc_id="d")).readings
    assert [p for p in _paths() if readings[p].method != Method.CELLS_AFTER_LABEL or readings[p].value != values[p]] == []
    record = process_document(Document.from_text(_padded(values), doc_id="d"))
    for path in _paths():
        assert record.report.values()[path] == values[path] and record.provenance[path].status is Status.PROVEN, path


def test_an_empty_cell_among_the_first_seven_leaves_the_row_to_the_identities() -> None:
    """``2 / empty / 0 …`` then padding: the empty cell may be one of the row's (its cells 2, empty, 0, …) or the padding
    may have moved (nothing says which seven are the row's): the row is not read cell by cell, and nothing wrong
    is proven."""
    values = sample_values()
    text = _padded(values).replace("\t（一）予以公开\n\t5\n", "\t（一）予以公开\n\t5\n\t\n", 1)
    record = process_document(Document.from_text(text, doc_id="d"))
    wrong = [p for p in _paths() if record.provenance[p].status is Status.PROVEN and record.report.values()[p] != values[p]]
    assert not wrong
