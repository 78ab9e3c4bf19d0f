"""A 表二 stock row a crawler dumps with every cell empty: ``规章\\t\\t\\t`` (tab-separated) or ``规章无无无`` (glued).

A department that issues no 规章 leaves the row's cells empty; a crawler's dump of the web page's table prints each
empty cell as an empty tab field, or, where the page wrote 无 in them and the separators were lost, runs the three
无 into the label. Either way the row is three blank cells, in place: read as blank, proven, as the same row is in
HTML, Word or markdown. A label with nothing after it, or with too few 无 for its cells, says nothing of them.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

STOCK = ("issued", "repealed", "in_force")


def _record(golden_dir, layout: str, printed: str, instead: str):
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), layout)
    assert text.count(printed) == 1
    return process_document(Document.from_text(text.replace(printed, instead), doc_id="x"))


@pytest.mark.parametrize("layout,printed,instead", [
    ("tabrows", "规章\t0\t0\t0\n", "规章\t\t\t\n"),
    ("glued", "规章000\n", "规章无无无\n"),
])
def test_a_crawlers_stock_row_of_empty_cells_is_blank_and_proven(golden_dir, layout, printed, instead) -> None:
    record = _record(golden_dir, layout, printed, instead)
    for column in STOCK:
        path = f"active_disclosure.regulations.{column}"
        assert (record.report.get(path), record.provenance[path].status) == (None, Status.PROVEN), path
    assert record.report.get("active_disclosure.normative_documents.in_force") == 13     # the next row untouched


@pytest.mark.parametrize("layout,printed,instead", [
    ("tabrows", "规章\t0\t0\t0\n", "规章\n"),           # no field printed: where its cells are is not known
    ("glued", "规章000\n", "规章无\n"),                 # one 无 for three cells
    ("glued", "规章000\n", "规章无无无无\n"),           # four
])
def test_a_label_that_does_not_print_its_empty_cells_says_nothing_of_them(golden_dir, layout, printed,
                                                                            instead) -> None:
    record = _record(golden_dir, layout, printed, instead)
    for column in STOCK:
        assert record.provenance[f"active_disclosure.regulations.{column}"].status is not Status.PROVEN
