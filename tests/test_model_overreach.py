"""verify/crosscheck.py: a misread cell and a model that moved a row. The text prints 信访举报投诉类申请 1 as 7 (OCR:
1 -> 7); the reader reads 7. A model that also swapped that row with 重复申请's (all 0) gives the only assignment of
the two readings that adds up: but it changes printed cells the identities never doubted. One misprinted cell (7,
wanted 1) explains every break of the text's reading; the model's wins are taken back (disputed). A model that
reads the 1 is the misprint's value: resolved."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import settle

VALUES = sample_values()
PETITION = "applications.rejected_petition.natural_person"          # 1, printed 7
CELLS = [PETITION, "applications.rejected_petition.total", "applications.rejected_duplicate.natural_person",
         "applications.rejected_duplicate.total"]
DOC = Document.from_text(report_text(VALUES | {PETITION: 7}), doc_id="d")


def model(**changes):
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "d", {"model": "m"})


def test_a_model_that_swapped_two_rows_is_not_resolved_over_one_misread_cell():
    swapped = model(applications__rejected_petition__natural_person=0, applications__rejected_petition__total=0,
                    applications__rejected_duplicate__natural_person=1, applications__rejected_duplicate__total=1)
    record = settle(extract_regex(DOC), swapped, [], (), DOC.lines)
    for p in CELLS:
        assert record.provenance[p].status not in (Status.PROVEN, Status.RESOLVED, Status.DERIVED), p


def test_a_model_that_reads_the_misread_cell_right_is_resolved():
    record = settle(extract_regex(DOC), model(), [], (), DOC.lines)
    assert record.provenance[PETITION].status == Status.RESOLVED and record.report.get(PETITION) == 1
