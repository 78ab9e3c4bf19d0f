"""表四 of golden/004 (a Word table saved as text, a cell to a line, a tab before each): its header's empty fields,
runs of ``\\t`` lines, an empty line, then the row's fifteen cells. A damaged copy prints some zeros as ``-`` and
merges two cells in one line (``\\t00``): fourteen cells. The last fifteen values took the header run's last empty
field as the first cell, and every cell came out a column too far, proven (复议's 其他结果 0 where the copy prints it
empty). Fifteen values that begin inside a run of lines and end in another are not the row: no cell is proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

DAMAGED = ["-", "0", "-", "-", "-", "-", "-", "-", "-", "0", "-", "00", "0", "0"]


def test_fifteen_values_beginning_inside_the_headers_run_are_not_the_row(golden_dir) -> None:
    lines = (golden_dir / "004_70fa07ff4f3c9aaf.txt").read_text(encoding="utf-8").split("\n")
    t4 = next(i for i, line in enumerate(lines) if "四、政府信息公开行政复议" in line)
    first = next(i for i in range(t4, len(lines)) if lines[i] == "\t0")      # the row's fifteen cells
    assert lines[first:first + 15] == ["\t0"] * 15
    lines[first:first + 15] = ["\t" + c for c in DAMAGED]
    record = process_document(Document.from_text("\n".join(lines), doc_id="t4"))
    assert not [p for p in TABLE4_PATHS if record.provenance[p].status is Status.PROVEN]


def test_fifteen_empty_fields_before_cells_that_read_as_no_count_are_not_the_row(golden_dir) -> None:
    """The row's fifteen cells printed so that none reads as a count (``0.``: a converter's or OCR's stray mark):
    the header's empty fields before them are not the values; nothing of 表四 is proven blank."""
    lines = (golden_dir / "004_70fa07ff4f3c9aaf.txt").read_text(encoding="utf-8").split("\n")
    t4 = next(i for i, line in enumerate(lines) if "四、政府信息公开行政复议" in line)
    first = next(i for i in range(t4, len(lines)) if lines[i] == "\t0")
    lines[first:first + 15] = ["\t0."] * 15
    record = process_document(Document.from_text("\n".join(lines), doc_id="t4"))
    assert not [p for p in TABLE4_PATHS if record.provenance[p].status is Status.PROVEN]
    assert all(record.report.values()[p] is None for p in TABLE4_PATHS)
