"""A report that misprints one 表三 cell disputes that cell, not every cell of its row and column.

A misprinted cell breaks each identity it is in (its row's total, its column's sum or balance); the
broken identities meet in it. Where exactly one cell (or one pair: a subtotal and the total computed
from it) explains every break, only it is queued, as printed, with the value the identities want as
its candidate (``T3.ONE_MISPRINT``); the rest of its rows and columns are proven as in a sound table.
Where several explain the breaks alike, every cell of the broken identities stays disputed.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.fakeopenai import report_text, sample_values

VALUES = sample_values()


def _record(changes: dict[str, int]):
    return process_document(Document.from_text(report_text(VALUES | changes), doc_id="d"))


def _not_proven(record) -> dict[str, Status]:
    return {p: record.provenance[p].status for p in TABLE3_PATHS if record.provenance[p].status is not Status.PROVEN}


def test_one_misprinted_cell_alone_is_disputed_as_printed_with_the_value_the_identities_want() -> None:
    cell = "applications.granted.natural_person"
    record = _record({cell: VALUES[cell] + 1})              # breaks its row's total and its column's sum
    assert _not_proven(record) == {cell: Status.DISPUTED}
    prov = record.provenance[cell]
    assert record.report.get(cell) == VALUES[cell] + 1 and "T3.ONE_MISPRINT" in prov.rules
    assert prov.candidates == {"derived": VALUES[cell]}
    assert "T3.ONE_MISPRINT" in {f.code for f in record.findings}
    assert {"T3.ROW_SUM", "T3.COLUMN_SUM"} <= {f.code for f in record.findings}      # the breaks stay reported


def test_a_subtotal_misprinted_with_the_total_computed_from_it_disputes_the_two() -> None:
    row = "applications.total_processed"
    record = _record({f"{row}.natural_person": VALUES[f"{row}.natural_person"] + 1,
                      f"{row}.total": VALUES[f"{row}.total"] + 1})          # the row holds, two columns break
    assert _not_proven(record) == {f"{row}.natural_person": Status.DISPUTED, f"{row}.total": Status.DISPUTED}


def test_breaks_that_several_cells_explain_alike_dispute_every_cell_of_the_broken_identities() -> None:
    row = "applications.carried_forward"       # new + carried = processed + forward: any of four rows could be off
    record = _record({f"{row}.natural_person": VALUES[f"{row}.natural_person"] + 1,
                      f"{row}.total": VALUES[f"{row}.total"] + 1})
    not_proven = _not_proven(record)
    disputed = {p for p, status in not_proven.items() if status is Status.DISPUTED}
    assert {f"applications.{r}.{c}" for r in ("new_received", "carried_over", "total_processed", "carried_forward")
            for c in ("natural_person", "total")} == disputed
    assert not any("T3.ONE_MISPRINT" in record.provenance[p].rules for p in disputed)
    # the column sums hold only with (七)'s disputed cells in them: were (七) off, an outcome cell would be off
    # with it (a misprinted total beside two rows swapped), so they prove none of those columns' outcome cells
    beside = set(not_proven) - disputed
    assert beside and all(p.split(".")[2] in ("natural_person", "total") for p in beside)
    assert all(record.provenance[p].rules == ["T3.DISPUTED_OPERAND"] for p in beside)


def test_a_model_reading_the_same_misprint_disputes_the_same_cell_alone() -> None:
    from llm_extract.extract import extract_regex
    from llm_extract.model.answer import ModelAnswer, to_extraction
    from tests.fakeopenai import answer_for
    from verify.settle import settle

    cell = "applications.granted.natural_person"
    printed = VALUES | {cell: VALUES[cell] + 1}
    doc = Document.from_text(report_text(printed), doc_id="d")
    model = to_extraction(ModelAnswer.model_validate(answer_for(printed)), "d", {"model": "m"})
    record = settle(extract_regex(doc), model, [], (), doc.lines)
    assert _not_proven(record) == {cell: Status.DISPUTED}


def test_a_pair_of_blank_cells_that_explains_the_breaks_as_well_as_a_printed_pair_leaves_both_disputed() -> None:
    # A row's numbers lost from their cells (a converter pushed them onto a line of their own) leave blanks; the
    # balance then breaks, and the blanks explain it exactly as a misprinted new_received row would: neither is
    # proven, neither is read as the one misprint.
    sound = {"applications.new_received.natural_person": 13, "applications.new_received.total": 17,
             "applications.carried_over.natural_person": 0, "applications.carried_over.total": 0}
    lost = {"applications.carried_forward.natural_person": None, "applications.carried_forward.total": None}
    record = _record(sound | lost)
    disputed = _not_proven(record)
    assert set(lost) <= set(disputed) and {"applications.new_received.natural_person",
                                           "applications.new_received.total"} <= set(disputed)
    assert not any("T3.ONE_MISPRINT" in record.provenance[p].rules for p in disputed)


def test_a_blank_cell_alone_explaining_the_breaks_is_queued_as_printed_blank() -> None:
    cell = "applications.granted.natural_person"
    record = _record({cell: None})                # its row's total and its column's sum both break, nothing else
    assert _not_proven(record) == {cell: Status.DISPUTED}
    prov = record.provenance[cell]
    assert record.report.get(cell) is None and prov.candidates == {"derived": VALUES[cell]}
    assert "printed blank," in (prov.note or "")
