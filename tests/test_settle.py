"""verify.settle: one pure function settles every field from the readings, the narrative and the decisions."""

from __future__ import annotations

from types import SimpleNamespace

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from llm_extract.pipeline import process_document
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import settle

VALUES = sample_values()
DOC = Document.from_text(report_text(VALUES), doc_id="d")


def model(**changes):
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "d", {"model": "m"})


def test_without_a_model_it_is_the_deterministic_record_the_pipeline_writes():
    settled = settle(extract_regex(DOC), None, [], (), DOC.lines)
    record = process_document(DOC)
    assert settled.report == record.report and settled.provenance == record.provenance


def test_it_is_pure_the_same_inputs_give_the_same_record():
    a = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], (), DOC.lines)
    b = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], (), DOC.lines)
    assert a.to_json_dict() == b.to_json_dict()
    assert a.provenance["active_disclosure.punishment"].status == Status.DISPUTED


def test_the_model_alone_proves_what_the_text_prints_and_the_identities_hold():
    record = settle(None, model(), [], (), DOC.lines, doc_id="d")
    assert all(p.status == Status.PROVEN for p in record.provenance.values())
    assert record.provenance["applications.granted.total"].grounding["status"] == "exact"
    unprinted = settle(None, model(applications__granted__natural_person=4, applications__granted__total=5), [],
                       (), DOC.lines, doc_id="d")                   # the row still adds up, but is not printed
    assert unprinted.provenance["applications.granted.natural_person"].status != Status.PROVEN
    assert unprinted.provenance["applications.granted.total"].status != Status.PROVEN


def test_reviewer_decisions_are_applied_last_and_re_verified():
    decided = SimpleNamespace(path="active_disclosure.punishment", value=65, reviewer="ann", note=None,
                              decided_at="2026-01-01T00:00:00+00:00")
    record = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], [decided], DOC.lines)
    prov = record.provenance["active_disclosure.punishment"]
    assert prov.status == Status.REVIEWED and record.report.get("active_disclosure.punishment") == 65
    assert prov.candidates["model"] == 56 and prov.candidates["review"] == 65
