"""verify.trust: 表二 is in no identity, so it is proven only from a text whose 表三 and 表四 show it reads soundly.

A report may misprint a cell (it breaks two or three identities and is disputed); a text that breaks
many has something wrong in its channel (a Word file's hidden digits joined onto the shown ones), and
the same channel gave 表二: its cells are then read but unverified (READ.NOISY_TEXT), never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import settle
from verify.trust import NOISY_BREAKS, RULE

VALUES = sample_values()
T2 = [p for p in DISCLOSURE_PATHS if VALUES.get(p) is not None]


def _printed(**changes: int) -> dict:
    return VALUES | {p.replace("__", "."): v for p, v in changes.items()}


# hidden digits joined onto shown ones: 5 → 45, 2 → 72, ... in six rows of 表三
HIDDEN_DIGITS = _printed(applications__granted__natural_person=45, applications__partially_granted__natural_person=72,
                         applications__denied_third_party__natural_person=31,
                         applications__unavailable_not_held__natural_person=93,
                         applications__rejected_petition__natural_person=81, applications__carried_over__natural_person=62)


def _record(values: dict):
    return process_document(Document.from_text(report_text(values), doc_id="d"))


def _breaks(record) -> int:
    return sum(1 for f in record.findings if f.severity == "error")


def test_a_sound_report_proves_its_table2():
    record = _record(VALUES)
    assert all(record.provenance[p].status == Status.PROVEN for p in T2)


def test_one_misprinted_cell_is_disputed_and_leaves_table2_proven():
    record = _record(_printed(applications__granted__natural_person=6))      # printed 6 for 5
    assert 0 < _breaks(record) < NOISY_BREAKS
    assert record.provenance["applications.granted.natural_person"].status == Status.DISPUTED
    assert all(record.provenance[p].status == Status.PROVEN for p in T2)


def test_a_text_breaking_many_identities_leaves_table2_read_but_unverified():
    record = _record(HIDDEN_DIGITS)
    assert _breaks(record) >= NOISY_BREAKS
    for p in T2:
        prov = record.provenance[p]
        assert prov.status == Status.UNVERIFIED and RULE in prov.rules
        assert record.report.get(p) == VALUES[p]                         # the value as read, kept
    assert record.provenance["agency"].status == Status.PROVEN            # not a number of the tables


def test_a_model_reading_the_same_noisy_text_does_not_prove_table2_either():
    doc = Document.from_text(report_text(HIDDEN_DIGITS), doc_id="d")
    answer = to_extraction(ModelAnswer.model_validate(answer_for(HIDDEN_DIGITS)), "d", {"model": "m"})
    record = settle(extract_regex(doc), answer, [], (), doc.lines)
    for p in T2:
        assert record.provenance[p].status == Status.UNVERIFIED and RULE in record.provenance[p].rules
    sound = Document.from_text(report_text(VALUES), doc_id="d")
    agreeing = settle(extract_regex(sound), to_extraction(ModelAnswer.model_validate(answer_for(VALUES)), "d",
                                                          {"model": "m"}), [], (), sound.lines)
    assert all(agreeing.provenance[p].status == Status.PROVEN for p in T2)
