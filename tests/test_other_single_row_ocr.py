"""（六）其他处理 printed as one row of zeros, one of them OCR'd as the letter O (``0 O 0 0 0 0 0``): the row is
zeros if the O is a 0, which the identities decide; each sub-row is 0 where a 0 is printed, and keeps the
guess where the O is, pinned by the identities (derived), never taken for a non-zero row's absent cells."""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")


def _text(golden_dir, layout: str, cells: list[str]) -> tuple[Report, str]:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    lines = render(report, layout).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理"))
    sep = "\t" if layout == "tabrows" else "    "
    return report, "\n".join(lines[:start] + ["（六）其他处理" + sep + sep.join(cells)] + lines[start + 3:])


@pytest.mark.parametrize("layout", ["tabrows", "pdftext"])
def test_a_one_row_of_zeros_with_an_ocr_letter_gives_zero_sub_rows(golden_dir, layout: str) -> None:
    report, text = _text(golden_dir, layout, ["0", "O", "0", "0", "0", "0", "0"])
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    for row in SUB_ROWS:
        assert record.provenance[f"applications.{row}.natural_person"].status is Status.PROVEN
        prov = record.provenance[f"applications.{row}.commercial"]       # (the O pinned to 0: verify/letters.py)
        assert prov.status in (Status.DERIVED, Status.PROVEN) and prov.kind is not CellKind.ABSENT


def test_a_one_row_with_a_number_and_an_ocr_letter_leaves_its_sub_rows_not_printed(golden_dir) -> None:
    _, text = _text(golden_dir, "tabrows", ["1", "O", "0", "0", "0", "0", "1"])
    record = process_document(Document.from_text(text, doc_id="x"))
    for row in SUB_ROWS:
        assert record.provenance[f"applications.{row}.commercial"].kind is CellKind.ABSENT
