"""A 表三 row whose cells stand one to a line far from its label: a blank and a 0 may trade places.

pdftotext's default mode prints a row's label at a page's foot and its seven cells, one to a line, after
the next page's repeated header, in the order the tool chose (``0 0 —`` for ``0 — 0``). Every identity
holds either way (a blank counts 0), so such a row's blanks and zeros are ``unverified``
(``READ.BLANK_ORDER``); its other numbers, and every row printed beside its label, are proven as always.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render
from verify.sequence import BLANK_ORDER_RULE

_ROW = "\t3.要求提供公开出版物\n" + "\t0\n" * 7
#: the page's foot and the next page's repeated header, between the label and its cells
_FAR = ["第 2 页 共 4 页", "", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
        "法律服务机构", "其他", "总计"]


def _record(golden_dir, cells: list[str], far: bool):
    """golden/002 in the one-cell-per-line layout, 3.要求提供公开出版物's cells as given (after the page
    break when ``far``)."""
    text = render(Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json")), "cells")
    assert text.count(_ROW) == 1
    lines = ["\t3.要求提供公开出版物"] + (_FAR if far else []) + ["\t" + c for c in cells]
    return process_document(Document.from_text(text.replace(_ROW, "\n".join(lines) + "\n"), doc_id="d"))


def test_blanks_and_zeros_one_to_a_line_far_from_their_label_are_not_proven(golden_dir) -> None:
    record = _record(golden_dir, ["0", "—", "0", "0", "0", "0", "0"], far=True)
    prov = record.provenance["applications.rejected_publication.commercial"]
    assert record.report.get("applications.rejected_publication.commercial") is None
    assert prov.status is Status.UNVERIFIED and BLANK_ORDER_RULE in prov.rules
    assert record.provenance["applications.rejected_publication.natural_person"].status is Status.UNVERIFIED
    assert record.provenance["applications.granted.natural_person"].status is Status.PROVEN


def test_the_same_cells_right_under_their_label_are_proven(golden_dir) -> None:
    record = _record(golden_dir, ["0", "—", "0", "0", "0", "0", "0"], far=False)
    assert record.provenance["applications.rejected_publication.commercial"].status is Status.PROVEN


def test_a_far_row_of_zeros_alone_is_proven(golden_dir) -> None:
    record = _record(golden_dir, ["0"] * 7, far=True)
    assert record.provenance["applications.rejected_publication.commercial"].status is Status.PROVEN
