"""OCR'd 表三 rows that print their empty cells as placeholders (``-``) and lost a cell or split a number: the
placeholders hold their places among the tokens, the identities place the lost cell or the join, and a cell
every such reading holds a placeholder in stays blank. Nothing so placed is proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from tests.test_ocr_letter_gaps import ROW, _ocr


def test_a_row_of_placeholders_that_lost_a_number_is_placed_with_its_placeholders_kept_blank() -> None:
    """1.本机关不掌握相关政府信息 1 - - 1 - 5: six tokens for 3 1 - - 1 - 5. Its numbers alone (1 1 5) leave 35
    placements, four cells open in each: nothing pinned, every column sum through the row unchecked."""
    record = _ocr({"1.本机关不掌握相关政府信息 3 1 0 0 1 0 5": "1.本机关不掌握相关政府信息 1 - - 1 - 5"}, apart=" ")
    row = record.report.applications.unavailable_not_held
    assert [getattr(row, c) for c in ROW] == [3, 1, None, None, 1, None, 5]
    paths = [f"applications.unavailable_not_held.{c}" for c in ROW]
    assert {record.provenance[p].status for p in paths} == {Status.DERIVED}
    assert record.provenance["applications.unavailable_not_held.research"].candidates == {"derived": 0}
    for path in ("applications.total_processed.natural_person", "applications.granted.natural_person"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_row_of_placeholders_with_a_number_split_in_two_is_joined_where_the_identities_say() -> None:
    """（七）总计 1 2 2 - - 1 1 16: eight tokens; 1 2 → 12 and 1 1 → 11 each keep the row's total, the column
    sums keep only the first."""
    record = _ocr({"（七）总计 12 2 0 0 1 1 16": "（七）总计 1 2 2 - - 1 1 16"}, apart=" ")
    row = record.report.applications.total_processed
    assert [getattr(row, c) for c in ROW] == [12, 2, None, None, 1, 1, 16]
    assert record.provenance["applications.total_processed.natural_person"].status is Status.DERIVED
    assert record.provenance["applications.granted.total"].status is Status.PROVEN


def test_a_row_of_placeholders_the_identities_cannot_place_stays_open() -> None:
    """四、结转下年度继续办理 1 - - - - 1: the lost cell may be any of the five blanks (each a 0 in the sums): no
    identity tells which cell was the 0 lost and which the placeholders, so none is read blank; nothing is proven."""
    record = _ocr({"四、结转下年度继续办理 1 0 0 0 0 0 1": "四、结转下年度继续办理 1 - - - - 1"}, apart=" ")
    paths = [f"applications.carried_forward.{c}" for c in ROW]
    assert {record.provenance[p].status for p in paths} == {Status.DERIVED}
    assert [getattr(record.report.applications.carried_forward, c) for c in ROW] == [1, 0, 0, 0, 0, 0, 1]


def test_in_a_document_that_breaks_its_identities_the_only_reading_keeps_its_placeholders_blank() -> None:
    """（一）予以公开 1 5 1 - - - - 16: one join keeps the row's total (15 1 - - - - 16); with a row elsewhere that
    breaks its own total (2 0 0 0 0 0 1), nothing is pinned: the row is read as the text's only reading, never
    proven, and its placeholders are blank, not 0."""
    record = _ocr({"（一）予以公开 5 1 0 0 0 0 6": "（一）予以公开 1 5 1 - - - - 16",
                   "4.保护第三方合法权益 1 0 0 0 0 0 1": "4.保护第三方合法权益 2 0 0 0 0 0 1"}, apart=" ")
    row = record.report.applications.granted
    assert [getattr(row, c) for c in ROW] == [15, 1, None, None, None, None, 16]
    paths = [f"applications.granted.{c}" for c in ROW]
    assert Status.PROVEN not in {record.provenance[p].status for p in paths}
    assert record.provenance["applications.granted.research"].kind == "placeholder"


def test_a_placeholder_rows_provenance_shows_the_row_as_printed() -> None:
    """The reviewer sees the row's tokens as printed, placeholders among its numbers (``1 - - 1 - 5``), not its
    numbers alone (``1 1 5``, which hides where the blanks stood)."""
    record = _ocr({"1.本机关不掌握相关政府信息 3 1 0 0 1 0 5": "1.本机关不掌握相关政府信息 1 - - 1 - 5"}, apart=" ")
    assert record.provenance["applications.unavailable_not_held.research"].raw == "1 - - 1 - 5"
