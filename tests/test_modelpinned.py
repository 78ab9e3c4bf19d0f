"""verify/modelpinned.py: the model alone read a table in which one cell is printed otherwise (an OCR'd digit).
The printed cells pin that cell; the model's value, when it is the pinned one, is derived, and the printed cells
around it are proven instead of left disputed with it. A pinned 0 is never derived: it may be a blank."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import settle

VALUES = sample_values()
GRANTED = "applications.granted.natural_person"          # 5 in the report, printed 6 (OCR: 5 -> 6)
THIRD = "applications.denied_third_party.natural_person"  # 1 in the report
TABLE3 = [p for p in VALUES if p.startswith("applications.")]


def model(**changes):
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "d", {"model": "m"})


def test_a_cell_printed_otherwise_is_derived_and_the_printed_cells_around_it_proven():
    doc = Document.from_text(report_text(VALUES | {GRANTED: 6}), doc_id="d")
    record = settle(None, model(), [], (), doc.lines, doc_id="d")
    prov = record.provenance[GRANTED]
    assert prov.status == Status.DERIVED and "DERIVE.PINNED" in prov.rules and record.report.get(GRANTED) == 5
    others = [p for p in TABLE3 if p != GRANTED]
    assert all(record.provenance[p].status == Status.PROVEN for p in others)


def test_a_model_value_the_printed_cells_pin_to_another_value_stays_disputed():
    doc = Document.from_text(report_text(VALUES | {GRANTED: 6}), doc_id="d")
    record = settle(None, model(applications__granted__natural_person=7, applications__granted__total=8), [], (),
                    doc.lines, doc_id="d")
    assert record.provenance[GRANTED].status == Status.DISPUTED
    assert record.provenance["applications.granted.total"].status != Status.PROVEN


def test_a_zero_the_text_does_not_print_is_unverified_not_derived():
    # a 0 printed 8 (OCR): the identities pin the model's 0, but a cell the text does not print may be blank
    doc = Document.from_text(report_text(VALUES | {"applications.denied_state_secret.natural_person": 8}),
                             doc_id="d")
    record = settle(None, model(), [], (), doc.lines, doc_id="d")
    prov = record.provenance["applications.denied_state_secret.natural_person"]
    assert prov.status == Status.UNVERIFIED and "DERIVE.ZERO_OR_BLANK" in prov.rules
    assert record.provenance["applications.total_processed.natural_person"].status == Status.PROVEN
