"""（六）其他处理 printed as one row that is not 0: its sub-rows are not given, but its cells are their sums.

The column identities hold with the printed row standing in for its three sub-rows, so the other cells
of its columns are checked (proven), not left unverified because three cells of each column are unknown;
the sub-rows stay not printed (missing). A printed row that breaks a column's sum disputes it.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    for c in APPLICANT_COLUMNS:                          # no other handling anywhere
        for row in SUB_ROWS:
            report.set(f"applications.{row}.{c}", 0)
    for row, c in (("other_no_correction", "natural_person"), ("other_no_correction", "total"),
                   ("new_received", "natural_person"), ("new_received", "total"),
                   ("total_processed", "natural_person"), ("total_processed", "total")):
        path = f"applications.{row}.{c}"
        report.set(path, (report.get(path) or 0) + 2)    # two applications handled as （六）1.
    return report


def _text(report: Report, printed: list[str]) -> str:
    lines = render(report, "tabrows").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理"))
    return "\n".join(lines[:start] + ["（六）其他处理\t" + "\t".join(printed)] + lines[start + 3:])


def test_the_cells_of_a_one_row_s_columns_are_checked_by_it_and_its_sub_rows_stay_not_printed(golden_dir) -> None:
    report = _report(golden_dir)
    record = process_document(Document.from_text(_text(report, ["2", "0", "0", "0", "0", "0", "2"]), doc_id="x"))
    for c in ("natural_person", "total"):
        for row in ("granted", "new_received", "total_processed"):
            prov = record.provenance[f"applications.{row}.{c}"]
            assert prov.status is Status.PROVEN, (row, c, prov.rules)
            assert record.report.get(f"applications.{row}.{c}") == report.get(f"applications.{row}.{c}")
        for row in SUB_ROWS:
            prov = record.provenance[f"applications.{row}.{c}"]
            assert prov.status is Status.MISSING and "READ.NOT_PRINTED" in prov.rules
            assert record.report.get(f"applications.{row}.{c}") is None


def test_a_one_row_that_breaks_its_column_s_sum_disputes_the_column(golden_dir) -> None:
    report = _report(golden_dir)
    record = process_document(Document.from_text(_text(report, ["3", "0", "0", "0", "0", "0", "3"]), doc_id="x"))
    prov = record.provenance["applications.total_processed.natural_person"]
    assert prov.status is Status.DISPUTED and "T3.COLUMN_SUM" in prov.rules


def _one_row_readings(printed: list[str]) -> dict:
    from llm_extract.evidence import CellKind, Method, Reading
    return {f"applications.{row}.{c}": Reading(None, CellKind.ABSENT, raw, [40], Method.OTHER_AS_ONE_ROW)
            for row in SUB_ROWS for c, raw in zip(APPLICANT_COLUMNS, printed)}


def test_the_stand_in_keeps_the_printed_row_s_sums_and_is_refused_where_it_cannot_be_one_row() -> None:
    from llm_extract.evidence import CellKind, Method, Reading
    from verify.onerow import one_row_stand_ins
    stand_ins = one_row_stand_ins(_one_row_readings(["2", "0", "0", "0", "0", "1", "3"]))
    assert stand_ins["applications.other_no_correction.total"] == 3
    assert stand_ins["applications.other_other.total"] == 0 and len(stand_ins) == 21
    # its own total broken (a glued run copied into every column adds up to nothing): no stand-in
    assert one_row_stand_ins(_one_row_readings(["2100003"] * 7)) == {}
    # a table read where numbers may stand above or below their labels: whose numbers the row holds is in doubt
    doubtful = _one_row_readings(["2", "0", "0", "0", "0", "1", "3"])
    doubtful["applications.total_processed.total"] = Reading(7, CellKind.NUMBER, "7", [41], Method.CELLS_ABOVE_OR_BELOW)
    assert one_row_stand_ins(doubtful) == {}
