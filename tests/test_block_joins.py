"""表三 as ``pdftotext`` prints it (a cell to a line), a number parted by a space: read with it joined as printed.

The fixture is ``pdftotext``'s text of a real report (tests/fixtures/pdf/huaian-2024). A PDF's text may part a
number (``6 7`` for 67) or print a wide count's thousands groups apart (``3 001``, ``1 288``)::

    1.信访举报投诉类申请          …          1.信访举报投诉类申请
    56                                       56
    …                                        …
    67                                       6 7

The block readers need every count exactly, so one parted number left all of 表三 unread (175 cells queued). Each
such line is read every way its pieces join as printed (no part with a leading 0), and the block readers are asked
again: a reading whose whole 表三 keeps every identity is taken, the joined cells derived (never proven: the join
is the identities' choice, not the text's); a join no identity keeps leaves 表三 unread, never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.blockjoins import line_readings
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_NAME = "pdftotext_real_labels_after_numbers"


def _parted(changes: dict[str, str]) -> str:
    lines = fixture_text(_NAME).split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    for old, new in changes.items():
        lines[lines.index(old, start)] = new
    return "\n".join(lines)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id=_NAME))


def test_a_line_is_read_every_way_its_pieces_join_as_printed() -> None:
    assert line_readings(["6", "7"]) == [["6", "7"], ["67"]]
    assert line_readings(["3", "001"]) == [["3001"]]            # 001 is no count: one number
    assert line_readings(["0", "5"]) == [["0", "5"]]            # 05 is no count: two cells
    assert sorted(line_readings(["3", "985", "758"])) == [["3", "985", "758"], ["3", "985758"], ["3985", "758"],
                                                          ["3985758"]]


def test_a_number_parted_in_two_is_joined_and_derived_the_rest_of_the_table_read() -> None:
    record = _record(_parted({"67": "6 7"}))
    truth = fixture_truth(_NAME)
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
        assert record.provenance[path].status in (Status.PROVEN, Status.PINNED, Status.DERIVED), path
    # (joined, not read as printed: 67 is the one count its row's and its column's sums leave)
    assert record.provenance["applications.other_no_correction.natural_person"].status is Status.PINNED
    assert record.report.get("applications.other_no_correction.natural_person") == 67


def test_counts_printed_with_their_thousands_groups_apart_are_joined_and_derived() -> None:
    groups = {"3001": "3 001", "3119": "3 119", "1288": "1 288", "1362": "1 362", "2932": "2 932", "3050": "3 050"}
    record = _record(_parted(groups))
    truth = fixture_truth(_NAME)
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
    for path in ("applications.new_received.natural_person", "applications.new_received.total",
                 "applications.total_processed.total"):
        assert record.provenance[path].status is Status.DERIVED, path


def test_a_join_no_identity_keeps_is_not_taken() -> None:
    record = _record(_parted({"67": "6 7", "71": "72"}))       # and its row's total misprinted: no reading holds
    assert record.report.get("applications.other_no_correction.natural_person") != 67
    assert record.provenance["applications.other_no_correction.natural_person"].status is not Status.PROVEN


def test_table4_a_number_parted_in_two_is_joined_and_derived() -> None:
    name = "pdf2txt_real_pages_by_column"             # pdf2txt.py's text of the same report: 表四 one number a line
    lines = fixture_text(name).split("\n")
    at = lines.index("72", lines.index("四、政府信息公开行政复议、行政诉讼情况"))
    lines[at] = "7 2"
    record = process_document(Document.from_text("\n".join(lines), doc_id=name))
    truth = fixture_truth(name)
    for path in TABLE4_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
    assert record.provenance["review_litigation.administrative_review.upheld"].status is Status.DERIVED
    assert record.provenance["review_litigation.litigation_direct.total"].status is Status.PROVEN


def test_a_wide_count_wrapped_in_its_narrow_cell_is_joined_and_derived() -> None:
    record = _record(_parted({"3119": "311\n9"}))            # new_received's total: 311 over 9, one block
    truth = fixture_truth(_NAME)
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
    assert record.provenance["applications.new_received.total"].status is Status.PINNED    # the row's sum: 3119


def test_the_asks_share_one_search_budget_and_a_region_that_spends_it_is_left_unread(monkeypatch) -> None:
    """Each join is a new ask of the block readers, each with a tiling search: plain pdftotext of a table over pages
    made every one of 15 asks search its whole budget (seconds a document). The asks share one budget; a region that
    spends it is given up, never read by a part of its joins (the others' readings are not known)."""
    import llm_extract.extract.blockjoins as blockjoins

    text = _parted({"67": "6 7"})
    assert _record(text).report.get("applications.other_no_correction.natural_person") == 67
    monkeypatch.setattr(blockjoins, "SHARED_NODES", 1)
    record = _record(text)
    assert record.report.get("applications.other_no_correction.natural_person") is None     # no join read
