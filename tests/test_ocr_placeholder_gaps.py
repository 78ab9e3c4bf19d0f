"""OCR'd 表三 rows that print their empty cells as placeholders (``-``) and lost a cell or split a number: the
placeholders hold their places among the tokens, the identities place the lost cell or the join, and a cell
every such reading holds a placeholder in stays blank. Nothing so placed is proven; a count its column's sum forces
(every other cell of the column proven) is pinned, a cell that may be a placeholder or a lost 0 stays derived."""

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
    assert [record.provenance[p].status for p in paths] == [Status.PINNED, Status.PINNED, Status.DERIVED,
                                                             Status.DERIVED, Status.PINNED, Status.DERIVED, Status.PINNED]
    assert record.provenance["applications.unavailable_not_held.research"].candidates == {"derived": 0}
    for path in ("applications.total_processed.natural_person", "applications.granted.natural_person"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_row_of_placeholders_with_a_number_split_in_two_is_joined_where_the_identities_say() -> None:
    """（七）总计 1 2 2 - - 1 1 16: eight tokens; 1 2 → 12 and 1 1 → 11 each keep the row's total, the column
    sums keep only the first."""
    record = _ocr({"（七）总计 12 2 0 0 1 1 16": "（七）总计 1 2 2 - - 1 1 16"}, apart=" ")
    row = record.report.applications.total_processed
    assert [getattr(row, c) for c in ROW] == [12, 2, None, None, 1, 1, 16]
    assert record.provenance["applications.total_processed.natural_person"].status is Status.PINNED
    assert record.provenance["applications.total_processed.research"].status is Status.DERIVED      # - or a lost 0
    assert record.provenance["applications.granted.total"].status is Status.PROVEN


def test_a_row_of_placeholders_the_identities_cannot_place_stays_open() -> None:
    """四、结转下年度继续办理 1 - - - - 1: the lost cell may be any of the five blanks (each a 0 in the sums): no
    identity tells which cell was the 0 lost and which the placeholders, so none is read blank; nothing is proven."""
    record = _ocr({"四、结转下年度继续办理 1 0 0 0 0 0 1": "四、结转下年度继续办理 1 - - - - 1"}, apart=" ")
    paths = [f"applications.carried_forward.{c}" for c in ROW]
    assert [record.provenance[p].status for p in paths] == [Status.PINNED] + [Status.DERIVED] * 5 + [Status.PINNED]
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


def _habit_table(replace: dict[str, str]):
    """An OCR'd report whose 表三 prints 自然人 and 总计 as numbers (0 too) and the five 法人 columns as 无."""
    from tests.test_ocr_split_and_lost import _TEXT, _read
    natural = {"一、本年新收": 20, "二、上年结转": 2, "(一)予以公开": 10, "１．属于国家秘密": 1, "２．其他法律": 1,
               "４．保护第三方": 4, "５．属于三类": 1, "６．属于四类": 5, "(七)总计": 22}
    lines = []
    for line in _TEXT.replace("{row}", "0 0 0 0 0 0 0").splitlines():
        head, *cells = line.split(" ")
        if len(cells) >= 7 and cells[-7:][0].isdigit() or len(cells) >= 7 and cells[-7] in "DOS":
            label = " ".join([head, *cells[:-7]])
            n = next((v for k, v in natural.items() if label.startswith(k)), 0)
            line = f"{label} {n} 无 无 无 无 无 {n}"
        lines.append(replace.get(line, line))
    return _read("", "\n".join(lines) + "\n")


def test_a_lost_cell_among_placeholders_is_where_the_table_prints_its_zeros() -> None:
    """四、结转下年度继续办理 无 无 无 无 无 0: a cell lost, every value 0. Every other row prints 自然人's empty
    cell as 0 and the 法人 columns' as 无: the lost cell is 自然人's 0, the 无 are blank (derived, never proven)."""
    record = _habit_table({"四、结转下年度继续办理 0 无 无 无 无 无 0": "四、结转下年度继续办理 无 无 无 无 无 0"})
    row = record.report.applications.carried_forward
    assert [getattr(row, c) for c in ROW] == [0, None, None, None, None, None, 0]
    assert Status.PROVEN not in {record.provenance[f"applications.carried_forward.{c}"].status for c in ROW}


def test_a_cell_of_ocr_letters_among_placeholders_stands_in_its_place() -> None:
    """２．重复申请 — — — — — O: the O (0) holds its place as a number does."""
    record = _habit_table({"２．重复申请 0 无 无 无 无 无 0": "２．重复申请 无 无 无 无 无 O"})
    row = record.report.applications.rejected_duplicate
    assert [getattr(row, c) for c in ROW] == [0, None, None, None, None, None, 0]
