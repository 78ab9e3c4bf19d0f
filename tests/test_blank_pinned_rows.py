"""A 表三 row whose cells were all lost, which the identities pin to 0 throughout: blank or 0?

A table that prints empty cells beside numbers (``3 _ _ _ _ _ 3``) prints its zeros as empty cells, so a row
with nothing read is a row of empty cells: it is read blank (null), still ``derived`` with the pinned 0 as
its candidate (rule ``DERIVE.BLANK_ROW``). A table that prints its zeros keeps the pinned 0s, and so does one
whose only empty cell is isolated among numbers (a lost 0 more likely than an empty cell)."""

from __future__ import annotations

from llm_extract.evidence import CellKind, Reading, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render
from verify import verify_extraction

ROW = "rejected_duplicate"           # 2.重复申请: 0 throughout in golden 003


def _record(golden_dir, *, zeros_blank: bool, isolated_blank: bool = False, a_zero_kept: bool = False):
    """Golden 003's report as tab rows, read, then 2.重复申请's cells lost (its label alone, say, which no reader
    could tell from a lost row); ``zeros_blank``: the 0s of every row with a number other than 0 printed as empty
    cells, but for one 0 of 一、本年新收 when ``a_zero_kept``; ``isolated_blank``: one 0 among numbers printed
    empty."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "tabrows")
    out = []
    for line in text.split("\n"):
        fields = line.split("\t")
        cells = fields[-7:]
        if zeros_blank and len(fields) > 7 and all(c.isdigit() for c in cells) and any(c != "0" for c in cells):
            fields[-7:] = ["" if c == "0" else c for c in cells]
            if a_zero_kept and fields[0].startswith("一、"):
                fields[-6] = "0"                 # 3 0 _ _ _ _ 3
        if isolated_blank and fields[0] == "6.属于四类过程性信息":
            fields[-6] = ""                      # 1 _ 0 0 0 0 1: its neighbours all numbers
        out.append("\t".join(fields))
    text = "\n".join(out)
    assert ("一、本年新收政府信息公开申请数量\t3\t\t\t\t\t\t3" in text) is (zeros_blank and not a_zero_kept)
    extraction = extract_regex(Document.from_text(text, doc_id="x"))
    lost = {p: Reading(kind=CellKind.MISSING, method="test", note="lost") for p in TABLE3_ROW_PATHS[ROW]}
    return verify_extraction(extraction.model_copy(update={"readings": extraction.readings | lost}))


def _row(record) -> list:
    return [record.report.get(p) for p in TABLE3_ROW_PATHS[ROW]]


def test_a_row_pinned_to_zero_in_a_table_of_empty_cells_is_read_blank(golden_dir) -> None:
    record = _record(golden_dir, zeros_blank=True)
    assert _row(record) == [None] * 7
    prov = record.provenance[f"applications.{ROW}.total"]
    assert prov.status is Status.DERIVED and "DERIVE.BLANK_ROW" in prov.rules
    assert prov.candidates == {"derived": 0}
    assert record.report.get("applications.new_received.total") == 3       # the printed cells as before
    assert record.provenance["applications.new_received.commercial"].status is Status.PROVEN


def test_a_row_pinned_to_zero_in_a_table_that_prints_its_zeros_stays_zero(golden_dir) -> None:
    record = _record(golden_dir, zeros_blank=False)
    assert _row(record) == [0] * 7
    prov = record.provenance[f"applications.{ROW}.total"]
    assert prov.status is Status.DERIVED and "DERIVE.BLANK_ROW" not in prov.rules


def test_an_isolated_empty_cell_does_not_make_the_table_one_of_empty_cells(golden_dir) -> None:
    record = _record(golden_dir, zeros_blank=False, isolated_blank=True)
    assert record.report.get("applications.denied_process_info.commercial") is None
    assert _row(record) == [0] * 7


def test_a_zero_printed_beside_empty_cells_keeps_the_pinned_zeros(golden_dir) -> None:
    """A table of zeros with a few cells left empty: its empty cells are no zeros of its, nor is a lost row blank."""
    record = _record(golden_dir, zeros_blank=True, a_zero_kept=True)
    assert record.report.get("applications.new_received.commercial") == 0
    assert _row(record) == [0] * 7
