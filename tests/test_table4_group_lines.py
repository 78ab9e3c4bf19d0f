"""表四 printed as three rows in fixed-width PDF text (``pdftotext -layout``): a group the report left blank
prints its label alone on its line. Its five cells are blank (null), not lost cells derived as 0; the
other groups are read from their own lines. Numbers off the label lines keep every group in play."""

from __future__ import annotations

import re

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, Report
from llm_extract.synth import render

HEADER = "                          结果维持   结果纠正   其他结果   尚未审结   总计"
ROWS = ("行政复议                    1          0          1          0        2",
        "行政诉讼（未经复议直接起诉）",
        "行政诉讼（复议后起诉）      0          0          0          0        0")


def _text(golden_dir, rows: tuple[str, ...] = ROWS) -> tuple[Report, str]:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    rl = report.review_litigation
    for group, values in ((rl.administrative_review, (1, 0, 1, 0, 2)), (rl.litigation_direct, (None,) * 5),
                          (rl.litigation_after_review, (0,) * 5)):
        for c, v in zip(REVIEW_COLUMNS, values):
            setattr(group, c, v)
    text = render(report, "pdftext")
    table = "\n".join(("四、政府信息公开行政复议、行政诉讼情况", HEADER, *rows)) + "\n\n五、"
    text, n = re.subn(r"四、政府信息公开行政复议、行政诉讼情况\n.*?\n\n五、", table, text, flags=re.S)
    assert n == 1
    return report, text


def _group(record, group: str) -> list:
    return [record.report.values()[f"review_litigation.{group}.{c}"] for c in REVIEW_COLUMNS]


def test_a_group_label_alone_on_its_line_is_a_blank_group(golden_dir) -> None:
    report, text = _text(golden_dir)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _group(record, "administrative_review") == [1, 0, 1, 0, 2]
    assert _group(record, "litigation_direct") == [None] * 5
    assert _group(record, "litigation_after_review") == [0] * 5
    for c in REVIEW_COLUMNS:
        prov = record.provenance[f"review_litigation.litigation_direct.{c}"]
        assert prov.kind is CellKind.BLANK and prov.status is Status.PROVEN


def test_numbers_on_a_line_of_their_own_keep_every_group_in_play(golden_dir) -> None:
    """Five numbers under the lone label: its own row's, printed a line off, or another's: not blank."""
    rows = (ROWS[0], ROWS[1], "                            0          0          0          0        0", ROWS[2])
    _, text = _text(golden_dir, rows)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in REVIEW_COLUMNS:
        assert record.provenance[f"review_litigation.litigation_direct.{c}"].kind is not CellKind.BLANK


def test_a_line_with_fewer_numbers_than_a_group_leaves_the_table_unread_by_lines(golden_dir) -> None:
    rows = (ROWS[0].removesuffix("2").rstrip(), ROWS[1], ROWS[2])
    _, text = _text(golden_dir, rows)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in REVIEW_COLUMNS:
        assert record.provenance[f"review_litigation.litigation_direct.{c}"].kind is not CellKind.BLANK


ROW15_HEADER = ("              行政复议                           行政诉讼\n"
                "                                  未经复议直接起诉                复议后起诉\n"
                "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计")


def _row15(golden_dir, line: str) -> str:
    _, text = _text(golden_dir)
    text, n = re.subn(r"(四、政府信息公开行政复议、行政诉讼情况\n).*?\n\n五、", lambda m: m.group(1) + ROW15_HEADER
                      + "\n\n" + line + "\n\n五、", text, flags=re.S)
    assert n == 1
    return text


def test_a_group_wide_gap_in_the_middle_of_a_row_of_fifteen_is_the_blank_middle_group(golden_dir) -> None:
    text = _row15(golden_dir, " 1     0    1     0    2                              0     0     0     0   0")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _group(record, "administrative_review") == [1, 0, 1, 0, 2]
    assert _group(record, "litigation_direct") == [None] * 5
    assert _group(record, "litigation_after_review") == [0] * 5
    assert record.provenance["review_litigation.litigation_direct.total"].kind is CellKind.BLANK


def test_ten_numbers_starting_neither_at_the_header_edge_nor_a_group_in_say_nothing(golden_dir) -> None:
    """The blank group first or last leaves no gap: only where the numbers start against the header tells."""
    text = _row15(golden_dir, "              1     0    1     0    2     0     0     0     0   0")
    record = process_document(Document.from_text(text, doc_id="x"))
    for g in ("administrative_review", "litigation_direct", "litigation_after_review"):
        assert record.provenance[f"review_litigation.{g}.total"].kind is not CellKind.BLANK


def _edge_read(record) -> None:
    for g in ("administrative_review", "litigation_direct", "litigation_after_review"):
        for c in REVIEW_COLUMNS:
            prov = record.provenance[f"review_litigation.{g}.{c}"]
            assert prov.status is Status.UNVERIFIED and "READ.T4_EDGE_BLANK" in prov.rules


def test_ten_numbers_from_the_header_edge_are_the_first_two_groups_the_last_blank_unverified(golden_dir) -> None:
    """A blank cell inside a group leaves no trace in layout text's uneven spacing: likely, never proven."""
    text = _row15(golden_dir, " 1    0    1    0    2    0    0    0    1    1")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _group(record, "administrative_review") == [1, 0, 1, 0, 2]
    assert _group(record, "litigation_direct") == [0, 0, 0, 1, 1]
    assert _group(record, "litigation_after_review") == [None] * 5
    _edge_read(record)


def test_ten_numbers_a_group_right_of_the_header_edge_leave_the_first_group_blank_unverified(golden_dir) -> None:
    text = _row15(golden_dir, " " * 25 + "0    0    0    0    0    1    0    0    0    1")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _group(record, "administrative_review") == [None] * 5
    assert _group(record, "litigation_direct") == [0] * 5
    assert _group(record, "litigation_after_review") == [1, 0, 0, 0, 1]
    _edge_read(record)


def test_ten_numbers_whose_runs_of_five_do_not_hold_are_not_placed(golden_dir) -> None:
    text = _row15(golden_dir, " 1    0    1    0    3    0    0    0    1    1")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.provenance["review_litigation.litigation_after_review.total"].kind is not CellKind.BLANK


def test_ten_numbers_with_a_wide_gap_between_their_runs_leave_both_edges_unread(golden_dir) -> None:
    """A gap between the runs too narrow for the middle group's (t4lines.py), but many times the others."""
    text = _row15(golden_dir, " 0    0    0    1    1                   0    0    0    0    0")
    record = process_document(Document.from_text(text, doc_id="x"))
    for g in ("administrative_review", "litigation_direct", "litigation_after_review"):
        assert record.provenance[f"review_litigation.{g}.total"].kind is not CellKind.BLANK
