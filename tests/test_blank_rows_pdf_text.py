"""A blank 表三 row in fixed-width PDF text (``pdftotext -layout``) prints no cell: its label stands alone.
Its cells are blank (null), as a web table's empty cells are, not lost cells the identities fill in
with 0. Numbers printed elsewhere for it (above its label, or run onto the row above) keep it in play."""

from __future__ import annotations

import re

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document, load
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render
from tests.block_fixtures import LAYOUTS_DIR, layout_truth

ROW = "denied_enforcement_file"          # 7.属于行政执法案卷, below 6.属于四类过程性信息 (1 0 0 0 0 0 1)


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _blank_row_text(golden_dir, layout: str) -> tuple[Report, str]:
    report = _report(golden_dir)
    for c in APPLICANT_COLUMNS:
        setattr(getattr(report.applications, ROW), c, None)
    text = render(report, layout)
    assert re.search(r"^7\.属于行政执法案卷$", text, re.M)        # PDF text prints no blank cell
    return report, text


def _cells(record, row: str = ROW) -> list:
    return [record.report.values()[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS]


@pytest.mark.parametrize("layout", ["pdftext", "pages"])
def test_a_label_standing_alone_in_pdf_text_is_a_blank_row(golden_dir, layout: str) -> None:
    report, text = _blank_row_text(golden_dir, layout)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.{ROW}.{c}"]
        assert prov.kind is CellKind.BLANK and prov.status is Status.PROVEN


def test_a_lone_label_wrapped_over_two_lines_is_a_blank_row_too(golden_dir) -> None:
    report, text = _blank_row_text(golden_dir, "pdftext")
    text = text.replace("\n7.属于行政执法案卷\n", "\n7.属于行政执\n法案卷\n")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _cells(record) == [None] * 7
    assert record.provenance[f"applications.{ROW}.total"].kind is CellKind.BLANK


def test_a_line_of_numbers_above_a_lone_label_is_its_row(golden_dir) -> None:
    """PDF text centres a row's numbers on its label: printed above it, they are the row's, not blank."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    text = text.replace("\n7.属于行政执法案卷\n", "\n                              0    0   0    0   0   0   0\n7.属于行政执法案卷\n")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _cells(record) == [0] * 7
    assert record.provenance[f"applications.{ROW}.total"].kind is not CellKind.BLANK


def test_a_lone_label_below_a_row_with_more_numbers_than_cells_stays_in_play(golden_dir) -> None:
    """Fourteen numbers on the row above: its and (maybe) this row's, run together. Not blank."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    text = re.sub(r"^(6\.属于四类过程性信息.*)$", r"\1   0 0 0 0 0 0 0", text, count=1, flags=re.M)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].kind is not CellKind.BLANK


def test_a_lone_label_in_a_table_whose_rows_numbers_stand_together_under_another_label_stays_in_play(
        golden_dir) -> None:
    """pdfminer moves the numbers of rows whose labels wrap off their labels: several rows' lines of numbers stand
    together under one label, and a wrapped row's label stands alone elsewhere. Its numbers may be among those:
    it is no blank row (read blank, a 0 row proven null)."""
    report = _report(golden_dir)
    text = render(report, "pdftext")
    line = re.search(r"^2\.其他法律行政法规禁止公开(.*)$", text, re.M)
    six = re.search(r"^6\.属于四类过程性信息.*$", text, re.M)
    assert line is not None and six is not None
    text = text.replace(six.group(0), six.group(0) + "\n" + line.group(1).strip())    # its numbers, moved away
    text = text.replace(line.group(0), "2.其他法律行政法规禁\n止公开")
    record = process_document(Document.from_text(text, doc_id="x"))
    row = "denied_prohibited_by_law"
    for c in APPLICANT_COLUMNS:
        path = f"applications.{row}.{c}"
        assert record.report.values()[path] == report.get(path) or record.provenance[path].status is not Status.PROVEN


def test_labels_stacked_alone_with_their_numbers_printed_after_them_are_no_blank_rows(golden_dir) -> None:
    """pdftotext's default mode and pdfminer print a table's labels one after another and the numbers
    after them: a label standing alone among labels standing alone says nothing about its row."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    lines = text.split("\n")
    at = lines.index("7.属于行政执法案卷")
    below = lines[at + 1]
    assert below.startswith("8.属于行政查询事项 ")
    numbers = below.removeprefix("8.属于行政查询事项").strip()
    lines[at + 1] = "8.属于行政查询事项"                      # the row below stands alone too...
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    lines.insert(end + 1, numbers)                         # ... its numbers printed further on
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].status is not Status.PROVEN


def test_a_lone_label_above_a_row_with_an_ocr_letter_among_its_numbers_is_a_blank_row(golden_dir) -> None:
    """The row below prints its seven numbers after its label, one of them an OCR'd ``O`` (lost until the
    identities pin it): the numbers are there, so the lone label above is a blank row, not a stacked one."""
    report, text = _blank_row_text(golden_dir, "pdftext")
    lines = text.split("\n")
    at = lines.index("7.属于行政执法案卷")
    assert lines[at + 1].startswith("8.属于行政查询事项 ") and lines[at + 1].endswith("0")
    lines[at + 1] = lines[at + 1][:-1] + "O"
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    assert _cells(record) == [None] * 7
    assert record.provenance[f"applications.{ROW}.total"].kind is CellKind.BLANK


def _blank_below_short_row(golden_dir) -> tuple[Report, str]:
    """The row above (6.属于四类过程性信息, 1 0 0 0 0 0 1) with a blank cell: six numbers, whose columns the
    text does not say."""
    report = _report(golden_dir)
    for c in APPLICANT_COLUMNS:
        setattr(getattr(report.applications, ROW), c, None)
    report.applications.denied_process_info.social_org = None
    text = render(report, "pdftext")
    assert re.search(r"^6\.属于四类过程性信息(\s+\d+){6}$", text, re.M)
    return report, text


def test_a_lone_label_below_a_row_with_a_blank_cell_of_its_own_is_a_blank_row(golden_dir) -> None:
    """The row above prints fewer numbers than cells, all on its own label's line: whichever columns they
    are, none of them is the lone label's. The lone label is a blank row, not lost cells derived as 0."""
    _, text = _blank_below_short_row(golden_dir)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _cells(record) == [None] * 7
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].kind is CellKind.BLANK


def test_a_lone_label_under_a_short_row_printed_on_a_line_of_its_own_stays_in_play(golden_dir) -> None:
    """Six numbers on a line between the two labels: the row above's, or (centred on it) the lone label's."""
    _, text = _blank_below_short_row(golden_dir)
    text = re.sub(r"^6\.属于四类过程性信息((\s+\d+){6})$", r"6.属于四类过程性信息\n\1", text, count=1, flags=re.M)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].kind is not CellKind.BLANK


def test_a_lone_label_below_a_short_row_whose_label_wraps_around_its_numbers_is_a_blank_row(golden_dir) -> None:
    """The row above's label wrapped over two lines, its numbers on a line between the two pieces: the
    numbers stand inside the row above, none of them the lone label's."""
    _, text = _blank_below_short_row(golden_dir)
    text = re.sub(r"^6\.属于四类过程性信息((\s+\d+){6})$", r"6.属于四类过\n\1\n程性信息", text, count=1, flags=re.M)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _cells(record) == [None] * 7
    assert record.provenance[f"applications.{ROW}.total"].kind is CellKind.BLANK


def test_a_lone_label_under_a_short_row_followed_by_a_group_heading_only_stays_in_play(golden_dir) -> None:
    """Numbers on a line of their own with only a group heading below them: whose row they are is not known."""
    _, text = _blank_below_short_row(golden_dir)
    text = re.sub(r"^6\.属于四类过程性信息((\s+\d+){6})$", r"6.属于四类过程性信息\n\1\n（三）不予公开", text,
                  count=1, flags=re.M)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].kind is not CellKind.BLANK


def test_numbers_alone_on_the_line_under_the_next_label_may_be_either_rows(golden_dir) -> None:
    """A lone label, then the next row's label with its numbers on a line of their own under it: a row whose
    cell spans lines prints its numbers at the cell's middle, so they are the lone label's row's as much as
    the next one's. Neither is proven: the lone label is left to the identities (never read as blank), the
    next row's cells are a guess (READ.ABOVE_OR_BELOW)."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    text = re.sub(r"^(8\.属于行政查询事项)(.*)$", r"\1\n                   \2", text, count=1, flags=re.M)
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        lone = record.provenance[f"applications.{ROW}.{c}"]
        assert lone.kind is not CellKind.BLANK and lone.status is not Status.PROVEN
        below = record.provenance[f"applications.denied_query_matter.{c}"]
        assert below.status is Status.UNVERIFIED and "READ.ABOVE_OR_BELOW" in below.rules


def test_a_lone_label_among_wrapped_labels_with_their_numbers_on_a_middle_line_is_a_blank_row(golden_dir) -> None:
    """Narrow label cells wrap: ``6.属于四类过`` / its numbers / ``程性信息``. A label found by its last piece
    (``2.没有现成信`` / its numbers / ``息需要另行制作``) leaves two lines of seven after the label above it, each after
    a numbered piece of a label: rows as printed, not a block of numbers moved off their labels. The lone label
    between them is still a blank row."""
    report, text = _blank_row_text(golden_dir, "pdftext")
    six = re.search(r"^6\.属于四类过程性信息(.*)$", text, re.M)
    held = re.search(r"^（四）无法提供 1\.本机关不掌握相关政府信息(.*)$", text, re.M)
    made = re.search(r"^2\.没有现成信息需要另行制作(.*)$", text, re.M)
    assert six is not None and held is not None and made is not None
    text = text.replace(six.group(0), f"6.属于四类过\n     {six.group(1).strip()}\n程性信息")
    text = text.replace(held.group(0), f"1.本机关不掌\n     {held.group(1).strip()}\n握相关政府信息\n（四）")
    text = text.replace(made.group(0), f"2.没有现成信\n无法提     {made.group(1).strip()}\n息需要另行制作\n供")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _cells(record) == [None] * 7
    assert all(record.provenance[f"applications.{ROW}.{c}"].kind is CellKind.BLANK for c in APPLICANT_COLUMNS)
    assert _cells(record, "unavailable_needs_creation") == [report.get(f"applications.unavailable_needs_creation.{c}")
                                                            for c in APPLICANT_COLUMNS]


_WORD_NAME = "pdftext_blank_rows_one_char_tail_and_one_row_other"


def _word_report():
    """``pdftotext -layout`` of a Word report (an independent generator's) with rows of blank cells, one label
    column: wrapped labels with their numbers on the middle line, and （六）其他处理 printed as one row."""
    path = LAYOUTS_DIR / f"{_WORD_NAME}.txt"
    return path.read_text(encoding="utf-8"), process_document(load(path)), layout_truth(_WORD_NAME)


def _blank_and_proven(record, truth, row: str) -> None:
    for c in APPLICANT_COLUMNS:
        path = f"applications.{row}.{c}"
        assert truth["applications"][row][c] is None
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


def test_a_lone_label_above_a_label_wrapped_round_its_numbers_with_a_one_character_tail_is_a_blank_row() -> None:
    # 4、保护第三方合法权益 / 5、属于三类内部事务信 / (the numbers) / 息: the numbers stand between the two lines of
    # row 5's label, so they are its own, and row 4, alone on its line, printed no cell
    text, record, truth = _word_report()
    assert "4、保护第三方合法权益\n5、属于三类内部事务信\n" in text and "\n     息\n" in text
    _blank_and_proven(record, truth, "denied_third_party")
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_internal_affairs.{c}"].status is Status.PROVEN


def test_lone_labels_above_other_processing_printed_as_one_row_are_blank_rows() -> None:
    # 3、要求提供公开出版物 / 4、无正当理由大量反复 / 申请 / 5、要求行政机关确认或 / 重新出具已获取信息, then
    # （六）其他处理 with its numbers on its line: a row reading its own numbers below the lone labels
    text, record, truth = _word_report()
    assert "（六）其他处理      0" in text
    for row in ("rejected_publication", "rejected_excessive", "rejected_reconfirm"):
        _blank_and_proven(record, truth, row)
