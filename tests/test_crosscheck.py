"""Arbitration between the deterministic reading and the model's (verify.crosscheck), field by field."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from tests.fakeopenai import answer_for, report_text, sample_values

from llm_extract.evidence import CellKind, Extraction, Reading, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from verify import verify_extraction
from verify.crosscheck import crosscheck, record_model_failure, same_value

VALUES = sample_values()
META = {"model": "fake-model", "prompt_version": "v1"}


def regex_of(values: dict | None = None, title: str | None = None) -> Extraction:
    return extract_regex(Document.from_text(report_text(values or VALUES, title), doc_id="sample"))


def model_of(**changes) -> Extraction:
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "sample", META)


def lose(extraction: Extraction, *paths: str) -> Extraction:
    """The regex extraction with some cells unread."""
    readings = dict(extraction.readings)
    for p in paths:
        readings[p] = Reading(kind=CellKind.MISSING, method="test", note="lost")
    return extraction.model_copy(update={"readings": readings})


def test_agreeing_readings_whose_identities_hold_are_proven():
    record = crosscheck(regex_of(), model_of())
    assert set(record.status_counts().items()) >= {("proven", 202)}
    assert "XCHECK.AGREE" in record.provenance["applications.granted.natural_person"].rules
    assert record.stages["crosscheck"]["agree"] == 202
    assert record.stages["model"]["model"] == "fake-model" and record.stages["model"]["prompt_version"] == "v1"


def test_a_wrong_model_cell_is_resolved_for_the_regex_value_naming_the_deciding_identities():
    record = crosscheck(regex_of(), model_of(applications__granted__natural_person=6))
    prov = record.provenance["applications.granted.natural_person"]
    assert record.report.applications.granted.natural_person == 5
    assert prov.status == Status.RESOLVED
    assert prov.candidates == {"regex": 5, "model": 6}
    assert {"T3.ROW_SUM", "T3.COLUMN_SUM"} <= set(prov.rules)
    assert any(f.code == "XCHECK.RESOLVED" and f.paths == ["applications.granted.natural_person"]
               for f in record.findings)
    assert record.status_counts()["proven"] == 201


def test_a_regex_misreading_is_replaced_by_the_model_value_only_when_that_alone_satisfies_the_identities():
    printed = dict(VALUES) | {"applications.granted.natural_person": 8}     # the text shows 8 where 5 belongs
    record = crosscheck(regex_of(printed), model_of())
    prov = record.provenance["applications.granted.natural_person"]
    assert record.report.applications.granted.natural_person == 5
    assert prov.status == Status.RESOLVED and prov.source == "model"
    assert prov.candidates == {"regex": 8, "model": 5}
    # the neighbours that the broken identity had disputed are proven again
    assert record.provenance["applications.granted.total"].status == Status.PROVEN


def test_two_swapped_rows_satisfy_every_identity_so_they_are_disputed_and_the_regex_values_kept():
    swap = {f"applications__{r}__{c}": VALUES[f"applications.{o}.{c}"]
            for r, o in (("granted", "partially_granted"), ("partially_granted", "granted"))
            for c in ("natural_person", "commercial", "other_org", "total")}
    record = crosscheck(regex_of(), model_of(**swap))
    for row in ("granted", "partially_granted"):
        for col in ("natural_person", "commercial", "other_org", "total"):
            path = f"applications.{row}.{col}"
            prov = record.provenance[path]
            assert prov.status == Status.DISPUTED, path
            assert record.report.get(path) == VALUES[path]
            assert set(prov.candidates) == {"regex", "model"}
    assert record.provenance["applications.granted.research"].status == Status.PROVEN   # 0 in both rows


def test_a_wrong_table2_value_is_disputed_because_no_identity_can_decide():
    record = crosscheck(regex_of(), model_of(active_disclosure__licensing=3105))
    prov = record.provenance["active_disclosure.licensing"]
    assert prov.status == Status.DISPUTED
    assert prov.candidates == {"regex": 3150, "model": 3105}
    assert record.report.active_disclosure.licensing == 3150
    finding = next(f for f in record.findings if f.code == "XCHECK.DISPUTED")
    assert finding.detail["regex"]["lines"] and finding.detail["model"]["model"] == "fake-model"


def test_a_disagreeing_year_is_disputed_and_an_agency_contained_in_the_other_agrees():
    record = crosscheck(regex_of(title="测试区2021年政府信息公开工作年度报告"), model_of(year=2022))
    assert record.provenance["year"].status == Status.DISPUTED
    assert record.report.year == 2021
    assert record.provenance["agency"].status == Status.PROVEN
    assert record.report.agency == "测试区"


def test_blank_and_zero_are_different_values():
    path = "applications.denied_query_matter.research"
    regex = regex_of()
    regex.readings[path] = Reading(value=None, kind=CellKind.BLANK, raw="", method="test")
    record = crosscheck(regex, model_of())
    prov = record.provenance["applications.denied_query_matter.research"]
    assert prov.status == Status.DISPUTED and prov.candidates == {"regex": None, "model": 0}
    assert record.report.applications.denied_query_matter.research is None


def test_values_agreeing_with_a_document_that_breaks_an_identity_are_disputed_not_proven():
    printed = dict(VALUES) | {"review_litigation.administrative_review.total": 0}
    answer = model_of(review_litigation__administrative_review__total=0)
    record = crosscheck(regex_of(printed), answer)
    prov = record.provenance["review_litigation.administrative_review.total"]
    assert prov.status == Status.DISPUTED and "T4.GROUP_SUM" in prov.rules
    assert record.report.review_litigation.administrative_review.total == 0


def test_a_cell_only_the_model_read_is_resolved_when_every_identity_it_is_in_holds():
    rows = ("granted", "unavailable_not_held")
    lost = [f"applications.{r}.{c}" for r in rows for c in ("natural_person", "commercial", "total")]
    regex = lose(regex_of(), *lost)
    assert verify_extraction(regex).provenance[lost[0]].status == Status.MISSING   # underdetermined
    record = crosscheck(regex, model_of())
    for path in lost:
        prov = record.provenance[path]
        assert prov.status == Status.RESOLVED and prov.source == "model", path
        assert "XCHECK.MODEL_ONLY" in prov.rules and "T3.ROW_SUM" in prov.rules
        assert record.report.get(path) == VALUES[path]


def test_a_wrong_cell_only_the_model_read_is_disputed_and_does_not_unprove_the_regex_cells():
    rows = ("granted", "unavailable_not_held")
    lost = [f"applications.{r}.{c}" for r in rows for c in ("natural_person", "commercial", "total")]
    record = crosscheck(lose(regex_of(), *lost), model_of(applications__granted__commercial=7))
    assert record.provenance["applications.granted.commercial"].status == Status.DISPUTED
    assert record.provenance["applications.granted.research"].status != Status.DISPUTED
    assert record.provenance["applications.new_received.commercial"].status in (Status.PROVEN, Status.UNVERIFIED)


def test_a_derived_value_the_model_confirms_is_proven():
    path = "applications.unavailable_not_held.legal_service"
    record_before = verify_extraction(lose(regex_of(), path))
    assert record_before.provenance[path].status == Status.DERIVED
    record = crosscheck(lose(regex_of(), path), model_of())
    assert record.provenance[path].status == Status.PROVEN


def test_a_model_failure_keeps_the_deterministic_values_and_writes_the_failure():
    base = verify_extraction(regex_of())
    record = record_model_failure(base, {"error": "gave up after 3 calls: HTTP 500", "kind": "transport"})
    assert record.report == base.report and record.provenance == base.provenance
    assert record.stages["model"]["status"] == "failed"
    assert any(f.code == "MODEL.FAILED" and "HTTP 500" in f.message for f in record.findings)


@pytest.mark.parametrize("a, b, agree", [
    ("向阳区", "向阳区人民政府", True), ("向阳区", "红旗区", False), (0, None, False), (None, None, True),
    (Decimal("0.00"), 0, True), (Decimal("94.0121"), Decimal("94.012"), False),
])
def test_same_value(a, b, agree):
    path = "agency" if isinstance(a, str) else "active_disclosure.fees_10k_yuan"
    assert same_value(path, a, b) is agree


def test_verify_never_imports_the_model_stack_or_the_extractors():
    code = ("import sys, verify, verify.crosscheck; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('openai', 'instructor', 'tenacity') "
            "or m.startswith(('llm_extract.model', 'llm_extract.extract'))]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


def test_a_cell_the_settling_left_as_a_guess_about_the_layout_is_not_proven_by_a_model_agreeing():
    """READ.ONE_CUT given by the settling (a run's only cut, the report breaking its identities): the model reads
    the same text and meets the same doubt, so its agreeing proves nothing."""
    regex = regex_of()
    base = verify_extraction(regex)
    path = "active_disclosure.licensing"
    prov = base.provenance[path].model_copy(update={"status": Status.UNVERIFIED, "rules": ["READ.ONE_CUT"]})
    base = base.model_copy(update={"provenance": {**base.provenance, path: prov}})
    record = crosscheck(regex, model_of(), base=base)
    assert record.provenance[path].status is Status.UNVERIFIED
    assert "READ.ONE_CUT" in record.provenance[path].rules
