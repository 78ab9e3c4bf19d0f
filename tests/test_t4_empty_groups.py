"""表四 in a crawler's dump with a group left empty, its cells printed as dashes (``0000001001-----``):
the dashes are the empty group's cells (null), the digits the other groups', cut by the identities.
Where the dashes could stand for one group or two (``——————————``: one dash or two per cell), the
empty group's place is not certain and nothing is read."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

T4_CLEAN = "\n000000000000000\n"
HEADER_END = "复议后起诉"


def _text(golden_dir, run: str, one_line: bool) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "glued")
    assert text.count(T4_CLEAN) == 1 and HEADER_END + T4_CLEAN in text
    return text.replace(T4_CLEAN, ("" if one_line else "\n") + run + "\n")


def _group(record, group: str) -> list:
    return [record.report.values()[f"review_litigation.{group}.{c}"]
            for c in ("upheld", "corrected", "other", "pending", "total")]


@pytest.mark.parametrize("one_line", [False, True], ids=["run on its own line", "run after the header"])
def test_an_empty_group_in_dashes_is_read_empty_and_the_digits_cut(golden_dir, one_line: bool) -> None:
    record = process_document(Document.from_text(_text(golden_dir, "0000001001-----", one_line), doc_id="x"))
    assert _group(record, "administrative_review") == [0, 0, 0, 0, 0]
    assert _group(record, "litigation_direct") == [0, 1, 0, 0, 1]
    assert _group(record, "litigation_after_review") == [None] * 5
    assert record.provenance["review_litigation.litigation_direct.corrected"].status is Status.DERIVED


def test_an_empty_first_group_is_read_in_its_place(golden_dir) -> None:
    record = process_document(Document.from_text(_text(golden_dir, "—————0000000022", False), doc_id="x"))
    assert _group(record, "administrative_review") == [None] * 5
    assert _group(record, "litigation_direct") == [0, 0, 0, 0, 0]
    assert _group(record, "litigation_after_review") == [0, 0, 0, 2, 2]


def test_dashes_that_stand_for_one_group_or_two_are_not_read(golden_dir) -> None:
    record = process_document(Document.from_text(_text(golden_dir, "0000001001——————————", False), doc_id="x"))
    prov = record.provenance["review_litigation.litigation_after_review.total"]
    assert prov.status is Status.MISSING and record.report.values()["review_litigation.litigation_after_review.total"] is None
