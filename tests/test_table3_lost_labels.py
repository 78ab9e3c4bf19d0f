"""表三 printed one cell to a line, each row's label then its seven numbers, with a row's label line lost (a crawler
or a converter dropped it). The first row's: seven numbers stand under the column header with no label, then
二、上年结转… and its numbers. Read top-down, the seven are left over right above a label read from below it, the
sign of a table printed with each row's numbers above its label; but there the last label has nothing below it,
and here it has its row. So the rows are read from below (and proven like any row), the lost row from its seven
numbers. Another row's (the last row's too): the row above has fourteen numbers, its own and the lost row's, in the form's order; where
the two rows could trade places keeping every identity, the cells where they differ are never proven. A row
printed with seven empty cells right above a row whose label is lost takes none of that row's numbers (one cell
to a line, tab-separated rows, a Markdown grid), and a line left with only its item number (its words lost) is
no first piece of the label below it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render
from tests.fakeopenai import report_text, sample_values
from tests.test_table3_above_or_below import _numbers_above_labels, _read, _table3

_GOLDEN = Path(__file__).resolve().parent.parent / "golden"
_FIRST_LABEL = "一、本年新收政府信息公开申请数量"


def _without_first_label(text: str) -> str:
    lines = text.split("\n")
    kept = [line for line in lines if line.strip() != _FIRST_LABEL]
    assert len(kept) == len(lines) - 1
    return "\n".join(kept)


def _table3_statuses(record) -> set[Status]:
    return {v.status for p, v in record.provenance.items() if p.startswith("applications.")}


def test_a_real_report_whose_first_row_label_is_lost_has_its_table_read_and_proven() -> None:
    for name in ("000_38ec84bebc7328d3", "004_70fa07ff4f3c9aaf"):
        text = _without_first_label((_GOLDEN / f"{name}.txt").read_text(encoding="utf-8"))
        record = process_document(Document.from_text(text, doc_id=name))
        golden = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]
        assert _read(record) == {f"applications.{row}.{c}": v for row, cells in golden.items() for c, v in cells.items()}
        assert _table3_statuses(record) == {Status.PROVEN}


def test_a_table_printed_above_its_labels_with_its_first_label_lost_is_not_read_from_below() -> None:
    # (the first two rows' fourteen numbers above 二's label, the last label with none below it: not this shape)
    values = sample_values()
    text = _without_first_label(_numbers_above_labels(report_text(values)))
    record = process_document(Document.from_text(text, doc_id="x"))
    truth, read = _table3(values), _read(record)
    trusted = {p for p, v in record.provenance.items() if p.startswith("applications.") and v.status is Status.PROVEN}
    assert trusted != set(truth)
    assert all(read[p] == truth[p] for p in trusted)        # nothing proven wrong


def test_a_blank_row_over_a_row_whose_label_is_lost_does_not_take_that_rows_numbers() -> None:
    # 4.无正当理由大量反复申请 printed with seven empty cells, then 5.要求行政机关确认…'s numbers without their label: which
    # row the numbers are, the identities cannot say (either way the sums hold), so neither row is proven
    golden = json.loads((_GOLDEN / "004_70fa07ff4f3c9aaf.json").read_text(encoding="utf-8"))
    golden["applications"]["rejected_excessive"] = dict.fromkeys(golden["applications"]["rejected_excessive"])
    golden["applications"]["rejected_reconfirm"] = {**golden["applications"]["rejected_reconfirm"],
                                                    "natural_person": 14, "total": 14}
    for col in ("natural_person", "total"):
        for row in ("total_processed", "carried_forward"):
            golden["applications"][row][col] += 14
    report = Report.model_validate(golden)
    text = render(report, "cells", seed=3)
    lines = text.split("\n")
    label = next(k for k, line in enumerate(lines) if "5.要求行政机关确认" in line)
    record = process_document(Document.from_text("\n".join(lines[:label] + lines[label + 1:]), doc_id="x"))
    for row in ("rejected_excessive", "rejected_reconfirm"):
        for col, value in golden["applications"][row].items():
            prov = record.provenance[f"applications.{row}.{col}"]
            assert prov.status is not Status.PROVEN, (row, col, value)


def test_a_row_whose_label_is_lost_is_read_from_the_row_above_s_fourteen_numbers_by_the_forms_order() -> None:
    # 003: 8.属于行政查询事项 (0 …) / （四）无法提供 / [1.本机关不掌握相关政府信息, lost] / 2 0 0 0 0 0 2 / 2.没有现成信息…
    name = "003_d677def7845cc038"
    lines = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    lost = next(k for k, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)
    record = process_document(Document.from_text("\n".join(lines[:lost] + lines[lost + 1:]), doc_id=name))
    golden = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]
    assert _read(record) == {f"applications.{row}.{c}": v for row, cells in golden.items() for c, v in cells.items()}
    # the two rows trade places keeping every identity: where they differ, which is which only the order says
    doubted = {f"applications.{row}.{c}" for row in ("denied_query_matter", "unavailable_not_held")
               for c in ("natural_person", "total")}
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == doubted
    assert all(record.provenance[p].rules == ["READ.ROW_ORDER"] for p in doubted)


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_a_row_of_empty_fields_over_a_line_of_numbers_whose_label_is_lost_takes_none_of_them(layout: str) -> None:
    # （四）无法提供 | 1.本机关不掌握… and seven empty fields, then the numbers of 2.没有现成信息… without its label:
    # the row printed apart from its numbers (a detached label) or a blank row over a lost one; the sums hold either way
    values = sample_values()
    for c in APPLICANT_COLUMNS:
        values[f"applications.unavailable_needs_creation.{c}"] = values[f"applications.unavailable_not_held.{c}"]
        values[f"applications.unavailable_not_held.{c}"] = None
    assert any(values[f"applications.unavailable_needs_creation.{c}"] for c in APPLICANT_COLUMNS)
    text = render(Report.from_values("x", values), layout, seed=1).replace("2.没有现成信息需要另行制作", "")
    record = process_document(Document.from_text(text, doc_id="x"))
    for row in ("unavailable_not_held", "unavailable_needs_creation"):
        assert all(record.provenance[f"applications.{row}.{c}"].status is not Status.PROVEN for c in APPLICANT_COLUMNS)
    truth, read = _table3(values), _read(record)
    assert all(read[p] == truth[p] for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN)


def test_a_line_left_with_only_its_item_number_is_no_piece_of_the_label_below_it() -> None:
    # a converter's grid: 3.补正后… lost its words (``| 3. | 0 | … |``), and 1.信访举报投诉类申请 stands with empty fields over
    # its numbers (detached); the line above is no first piece of a label that opens with its own item number
    values = sample_values()
    text = render(Report.from_values("x", values), "markdown", seed=1)
    row = [values[f"applications.rejected_petition.{c}"] for c in APPLICANT_COLUMNS]
    detached = "| （五）不予处理 | 1.信访举报投诉类申请 |" + "  |" * 7 + "\n|  |  | " + " | ".join(map(str, row)) + " |"
    text = text.replace("| 3.补正后申请内容仍不明确 |", "| 3. |") \
        .replace("| （五）不予处理 | 1.信访举报投诉类申请 | " + " | ".join(map(str, row)) + " |", detached)
    assert "| 3. | 0 |" in text and detached in text
    record = process_document(Document.from_text(text, doc_id="x"))
    truth, read = _table3(values), _read(record)
    assert all(read[p] == truth[p] for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN)
    assert read["applications.rejected_petition.natural_person"] == 1


def test_the_last_rows_label_lost_leaves_fourteen_numbers_under_the_total_read_as_its_and_the_last_rows() -> None:
    # （七）总计 / its seven / [四、结转下年度继续办理, lost] / seven: numbers below the last label, which a table printed
    # above its labels never has; the identities tell the two rows apart (一 + 二 = 总计 + 结转)
    for name in ("000_38ec84bebc7328d3", "004_70fa07ff4f3c9aaf"):
        lines = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split("\n")
        lost = next(k for k, line in enumerate(lines) if line.strip() == "四、结转下年度继续办理")
        record = process_document(Document.from_text("\n".join(lines[:lost] + lines[lost + 1:]), doc_id=name))
        golden = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]
        assert _read(record) == {f"applications.{row}.{c}": v for row, cells in golden.items() for c, v in cells.items()}
        assert _table3_statuses(record) == {Status.PROVEN}


def _without_labels(name: str, *labels: str):
    lines = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if line.strip() not in labels]
    assert len(kept) == len(lines) - len(labels)
    return process_document(Document.from_text("\n".join(kept), doc_id=name))


def _golden_table3(name: str) -> dict:
    golden = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]
    return {f"applications.{row}.{c}": v for row, cells in golden.items() for c, v in cells.items()}


def test_two_labels_lost_in_a_row_leave_twenty_one_numbers_read_by_the_forms_order() -> None:
    # 003: 6.属于四类过程性信息 / 1 0 0 0 0 0 1 / [7.属于行政执法案卷, lost] / seven 0 / [8.属于行政查询事项, lost] /
    # seven 0 / （四）无法提供 / 1.本机关不掌握…: the twenty-one under 6's label are rows 6, 7 and 8 in the form's order
    name = "003_d677def7845cc038"
    record = _without_labels(name, "7.属于行政执法案卷", "8.属于行政查询事项")
    assert _read(record) == _golden_table3(name)
    # the three rows trade places keeping every identity: where they differ, which is which only the order says
    doubted = {f"applications.{row}.{c}" for row in ("denied_process_info", "denied_enforcement_file",
                                                     "denied_query_matter") for c in ("natural_person", "total")}
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == doubted


def test_the_last_two_rows_labels_lost_leave_twenty_one_numbers_under_the_last_label_read_as_the_three_rows() -> None:
    # 3.其他 / seven / [（七）总计, lost] / seven / [四、结转下年度继续办理, lost] / seven: no two of them trade places
    name = "004_70fa07ff4f3c9aaf"
    record = _without_labels(name, "（七）总计", "四、结转下年度继续办理")
    assert _read(record) == _golden_table3(name)
    assert _table3_statuses(record) == {Status.PROVEN}


def test_a_blank_row_over_two_lost_labels_is_not_proven_from_the_numbers_below_it() -> None:
    # 000: 3.其他 printed with seven empty cells, then fourteen numbers (七 and 四, both labels lost): empty cells
    # one to a line may be a spanning label's as well as the row's, so the rows are left to the identities
    name = "000_38ec84bebc7328d3"
    record = _without_labels(name, "（七）总计", "四、结转下年度继续办理")
    truth, read = _golden_table3(name), _read(record)
    assert all(read[p] == truth[p] for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN)


def test_four_labels_lost_in_a_row_are_not_read_by_the_forms_order() -> None:
    # 4.保护第三方… / 35 numbers / （四）无法提供: more labels lost than the order is trusted for; nothing proven wrong,
    # and the rows whose labels are lost are not proven
    name = "003_d677def7845cc038"
    record = _without_labels(name, "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                             "8.属于行政查询事项")
    truth, read = _golden_table3(name), _read(record)
    proven = {p for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN}
    assert all(read[p] == truth[p] for p in proven)
    assert not proven & {f"applications.denied_process_info.{c}" for c in ("natural_person", "total")}


def _without_first_cell_after(text: str, label: str) -> str:
    at = text.index(label) + len(label)
    return text[:at] + text[at:].replace("\t0\n", "", 1)


def test_a_lost_labels_numbers_above_the_next_label_do_not_leave_the_table_in_doubt_of_its_direction() -> None:
    # 003: （七）总计's label lost (3.其他 over fourteen numbers, the last seven right above 四、结转…'s label, a sign of
    # a table printed above its labels), and （一）予以公开 printing six numbers, so no reading of the whole table
    # by the form's order stands: the lost row's seven are its, nothing stands before the first label and the last
    # label's row is below it, so the table is read below its labels and proven; the six-number row is derived
    name = "003_d677def7845cc038"
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8").replace("\t（七）总计\n", "", 1)
    record = process_document(Document.from_text(_without_first_cell_after(text, "\t（一）予以公开\n"), doc_id=name))
    assert _read(record) == _golden_table3(name)
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == \
        {f"applications.granted.{c}" for c in APPLICANT_COLUMNS}
    assert {statuses[f"applications.granted.{c}"] for c in APPLICANT_COLUMNS} == {Status.DERIVED}


def test_a_table_printed_above_its_labels_with_labels_lost_is_not_read_from_below() -> None:
    # each row's numbers above its label, 8.属于行政查询事项's label lost and 四、结转…'s too: 7.属于行政执法案卷 has fourteen
    # numbers below it, as a lost label leaves, and the last label found (（七）总计) has a row below it (四's, its label
    # lost); but the first row's numbers stand before the first label, the sign of the other direction: nothing
    # is proven wrong
    values = sample_values()
    lines = _numbers_above_labels(report_text(values)).split("\n")
    lost = {k for k, line in enumerate(lines) if line.startswith(("8.属于行政查询事项", "四、结转下年度继续办理"))}
    assert len(lost) == 2
    record = process_document(Document.from_text("\n".join(x for k, x in enumerate(lines) if k not in lost), doc_id="x"))
    truth, read = _table3(values), _read(record)
    assert all(read[p] == truth[p] for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN)


def _tabrows_without(values: dict, *labels: str):
    text = render(Report.from_values("x", values), "tabrows", seed=1)
    for label in labels:
        assert text.count(label + "\t") == 1
        text = text.replace(label + "\t", "\t")
    return process_document(Document.from_text(text, doc_id="x"))


def test_a_line_of_numbers_whose_label_is_lost_between_two_rows_is_the_row_the_form_prints_there() -> None:
    # tab-separated rows, each on its label's line: 3.危及… / [4.保护第三方合法权益, lost] 1 0 0 0 0 0 1 / 5.属于三类…
    values = sample_values()
    assert values["applications.denied_third_party.total"] == 1
    record = _tabrows_without(values, "4.保护第三方合法权益")
    assert _read(record) == _table3(values)
    assert _table3_statuses(record) == {Status.PROVEN}


def test_two_lines_whose_labels_are_lost_are_the_two_rows_in_the_forms_order_unproven_where_they_differ() -> None:
    values = sample_values()
    record = _tabrows_without(values, "4.保护第三方合法权益", "5.属于三类内部事务信息")
    assert _read(record) == _table3(values)
    doubted = {f"applications.{row}.{c}" for row in ("denied_third_party", "denied_internal_affairs")
               for c in ("natural_person", "total")}
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == doubted


def test_a_lost_labels_line_among_pieces_of_a_group_label_printed_down_its_column_is_read() -> None:
    # 002 (a PDF's tab-separated text): ``理结果\t\t2.重复申请\t0…`` with 2.重复申请 lost: ``理结果\t\t\t0…``
    name = "002_0126e23b7202ee31"
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert text.count("\t2.重复申请\t") == 1
    record = process_document(Document.from_text(text.replace("\t2.重复申请\t", "\t\t"), doc_id=name))
    for c, v in json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]["rejected_duplicate"].items():
        assert record.report.values()[f"applications.rejected_duplicate.{c}"] == v
        assert record.provenance[f"applications.rejected_duplicate.{c}"].status is Status.PROVEN


def test_a_lost_labels_row_parted_by_the_group_columns_empty_cells_from_a_row_that_lost_a_cell_is_read() -> None:
    # 003: 6.属于四类过程性信息 / 1 0 0 0 0 0 1 with its first 0 lost (six numbers) / the empty cells of the group
    # columns / [7.属于行政执法案卷, lost] seven 0 / 8.属于行政查询事项: thirteen numbers under 6's label, in two runs the
    # empty cells part; the run of seven is 7's, and 6's, a cell short, is left to the identities (derived or pinned)
    name = "003_d677def7845cc038"
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    label = "\t6.属于四类过程性信息\n\t1\n"
    assert text.count(label + "\t0\n") == 1 and text.count("\t7.属于行政执法案卷\n") == 1
    text = text.replace(label + "\t0\n", label).replace("\t7.属于行政执法案卷\n", "")
    record = process_document(Document.from_text(text, doc_id=name))
    assert _read(record) == _golden_table3(name)
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == \
        {f"applications.denied_process_info.{c}" for c in APPLICANT_COLUMNS}
    assert {statuses[f"applications.denied_process_info.{c}"] for c in APPLICANT_COLUMNS} <= {Status.DERIVED, Status.PINNED}


def test_a_lost_label_is_read_by_the_forms_order_where_the_last_row_holds_an_ocr_letter() -> None:
    # 003 as an OCR engine read it: 四、结转…'s row prints ``O`` for a 0 (read as its guess, below the label all the
    # same), and 7.属于行政执法案卷's label is lost: 6's label stands over fourteen numbers, read as rows 6 and 7
    name = "003_d677def7845cc038"
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    last = text.index("\t四、结转下年度继续办理\n")
    text = text[:last] + text[last:].replace("\t0\n", "\tO\n", 1)
    record = process_document(Document.from_text(text.replace("\t7.属于行政执法案卷\n", ""), doc_id=name))
    truth, read = _golden_table3(name), _read(record)
    assert read == truth
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_enforcement_file.{c}"].status is not Status.MISSING
    assert all(read[p] == truth[p] for p, v in record.provenance.items() if p in truth and v.status is Status.PROVEN)


def test_a_lost_label_below_a_label_wrapped_after_its_numbers_is_read() -> None:
    # 003: 1.申请人无正当理 / seven / 由逾期不补正、行政机关…公开 (its label's rest after its numbers) / the group columns'
    # empty cells / [2.申请人逾期未按收费…, lost] / seven / 3.其他: the rest of the row's own label is no other row's
    name = "003_d677def7845cc038"
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    own, lost = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    at = text.index(f"\t{own}\n")
    cells_end = at + len(f"\t{own}\n") + len("\t0\n") * 7
    assert text[at + len(f"\t{own}\n"):cells_end] == "\t0\n" * 7
    text = text[:at] + "\t1.申请人无正当理\n" + "\t0\n" * 7 + "由逾期不补正、行政机关不再处理其政府信息公开\n" + text[cells_end:]
    record = process_document(Document.from_text(text.replace(f"\t{lost}\n", ""), doc_id=name))
    assert _read(record) == _golden_table3(name)
    assert _table3_statuses(record) == {Status.PROVEN}


def _lines_lost(name: str, *labels: str) -> tuple[Document, dict]:
    lines = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    lost = {next(k for k, line in enumerate(lines) if line.strip().startswith(label)) for label in labels}
    assert len(lost) == len(labels)
    text = "\n".join(line for k, line in enumerate(lines) if k not in lost)
    return Document.from_text(text, doc_id=name), json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def test_two_rows_whose_labels_are_lost_one_after_the_other_are_read_from_the_row_above_s_twenty_one_numbers() -> None:
    # 003: 8.属于行政查询事项 / seven / （四）无法提供 / [1.本机关不掌握…, lost] / seven / [2.没有现成信息…, lost] / seven /
    # 3.补正后申请内容仍不明确: the three outcome rows can trade places keeping every identity, so where any two differ,
    # which is which only the form's order says
    doc, golden = _lines_lost("003_d677def7845cc038", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作")
    record = process_document(doc)
    apps = golden["applications"]
    assert _read(record) == {f"applications.{row}.{c}": v for row, cells in apps.items() for c, v in cells.items()}
    rows = ("denied_query_matter", "unavailable_not_held", "unavailable_needs_creation")
    doubted = {f"applications.{row}.{c}" for row in rows for c in APPLICANT_COLUMNS
               if len({apps[r][c] for r in rows}) > 1}
    assert doubted                      # (the test's premise: the rows differ somewhere)
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert {p for p, s in statuses.items() if s is not Status.PROVEN} == doubted
    assert all(record.provenance[p].rules == ["READ.ROW_ORDER"] for p in doubted)


def _words_lost(text: str, *labels: str) -> str:
    for label in labels:
        assert text.count(label) == 1, label
        text = text.replace(label, "")
    return text


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_a_row_whose_labels_words_are_lost_from_its_line_of_cells_is_read_from_that_line(layout: str) -> None:
    # 2.重复申请's line keeps its cells, its label's field empty (``\t0\t1…``, ``|  | 0 | 1 |…``): the one line between
    # 1.信访举报投诉类申请's row and 3.要求提供公开出版物's is its, and the identities prove it
    values = sample_values()
    values |= {f"applications.rejected_duplicate.{c}": v for c, v in zip(APPLICANT_COLUMNS, (2, 0, 1, 0, 0, 0, 3))}
    for row in ("total_processed", "carried_forward"):
        for c, v in zip(APPLICANT_COLUMNS, (2, 0, 1, 0, 0, 0, 3)):
            values[f"applications.{row}.{c}"] += v
    for c, v in zip(APPLICANT_COLUMNS, (4, 0, 2, 0, 0, 0, 6)):
        values[f"applications.new_received.{c}"] += v
    text = _words_lost(render(Report.from_values("x", values), layout, seed=1), "2.重复申请")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _read(record) == _table3(values)
    assert _table3_statuses(record) == {Status.PROVEN}


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_two_rows_whose_labels_words_are_lost_are_read_in_the_forms_order_not_proven_where_they_differ(layout: str) -> None:
    # 5.属于三类内部事务信息 and 6.属于四类过程性信息 both lost their words: the two lines are theirs in the form's order,
    # but the rows trade places keeping every identity, so where they differ, which is which is not proven
    values = sample_values()
    values |= {f"applications.denied_process_info.{c}": v for c, v in zip(APPLICANT_COLUMNS, (1, 0, 0, 0, 0, 0, 1))}
    for row in ("total_processed", "carried_forward"):
        values[f"applications.{row}.natural_person"] += 1
        values[f"applications.{row}.total"] += 1
    values["applications.new_received.natural_person"] += 2
    values["applications.new_received.total"] += 2
    assert values["applications.denied_internal_affairs.natural_person"] != 1
    text = _words_lost(render(Report.from_values("x", values), layout, seed=1), "5.属于三类内部事务信息", "6.属于四类过程性信息")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _read(record) == _table3(values)
    doubted = {f"applications.{row}.{c}" for row in ("denied_internal_affairs", "denied_process_info")
               for c in APPLICANT_COLUMNS if values[f"applications.denied_internal_affairs.{c}"]
               != values[f"applications.denied_process_info.{c}"]}
    statuses = {p: v.status for p, v in record.provenance.items() if p.startswith("applications.")}
    assert doubted and {p for p, s in statuses.items() if s is not Status.PROVEN} == doubted
    assert all(record.provenance[p].rules == ["READ.ROW_ORDER"] for p in doubted)


def _with_query_matter(row: tuple[int, ...]) -> dict:
    """sample_values with 8.属于行政查询事项 holding ``row`` (and the sums that hold it)."""
    values = sample_values()
    values |= {f"applications.denied_query_matter.{c}": v for c, v in zip(APPLICANT_COLUMNS, row)}
    for r in ("total_processed", "new_received"):
        for c, v in zip(APPLICANT_COLUMNS, row):
            values[f"applications.{r}.{c}"] += v
    return values


@pytest.mark.parametrize("layout", ["cells", "tabrows", "markdown"])
def test_a_row_whose_label_lost_some_words_is_the_row_the_form_prints_there(layout: str) -> None:
    # 8.属于行政查询事项 printed 8.属于行政事项 (a word lost on its way): it names no row, but it stands, with its item
    # number, where the form prints 8., between 7.属于行政执法案卷's row and （四）无法提供: its seven numbers are that
    # row's, and the identities prove them (one cell to a line, the seven after it; or on its line)
    values = _with_query_matter((1, 2, 0, 0, 0, 0, 3))
    text = render(Report.from_values("x", values), layout, seed=1)
    assert text.count("8.属于行政查询事项") == 1
    record = process_document(Document.from_text(text.replace("8.属于行政查询事项", "8.属于行政事项"), doc_id="x"))
    assert _read(record) == _table3(values)
    assert _table3_statuses(record) == {Status.PROVEN}     # (its item number tells it from 7. as its words would)


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_a_label_that_lost_words_and_prints_another_rows_item_number_is_not_read_as_the_row_there(layout: str) -> None:
    # 3.属于行政事项 on its line of cells where the form prints 8.: not the row there by its number; left to the
    # identities, never read from that line
    values = _with_query_matter((1, 2, 0, 0, 0, 0, 3))
    text = render(Report.from_values("x", values), layout, seed=1).replace("8.属于行政查询事项", "3.属于行政事项")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_query_matter.{c}"].method != "cells-after-label"


#: 4.保护第三方合法权益 … 2.没有现成信息需要另行制作: seven rows, two groups
_SEVEN_LABELS = ("4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                 "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作")


def _words_replaced(text: str, keep_numbers: bool) -> str:
    """The seven rows' labels (and 无法提供's heading) decoded with replacement (a crawler read that piece of the page,
    GBK bytes, as UTF-8): ``4.�����������Ϸ�Ȩ��``, its item number kept, or lost too unless ``keep_numbers``."""
    for label in _SEVEN_LABELS:
        assert text.count(label) == 1, label
        garbled = label.encode("gbk").decode("utf-8", errors="replace")
        text = text.replace(label, garbled if keep_numbers or "." not in label else garbled.split(".", 1)[1])
    return text


@pytest.mark.parametrize("layout", ["cells", "tabrows"])
def test_seven_rows_whose_labels_kept_only_their_item_numbers_are_read_in_the_forms_order(layout: str) -> None:
    # more than three labels lost in a row are read by the form's order only where each kept its row's item
    # number (4. 5. 6. 7. 8. 1. 2.): every identity then checks the table, and the item numbers tell apart the rows
    # that could trade places keeping every identity, as their words would
    values = sample_values()
    text = _words_replaced(render(Report.from_values("x", values), layout, seed=1), keep_numbers=True)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _read(record) == _table3(values)
    assert _table3_statuses(record) == {Status.PROVEN}


@pytest.mark.parametrize("layout", ["cells", "tabrows"])
def test_seven_rows_whose_labels_are_wholly_lost_are_not_read_in_the_forms_order(layout: str) -> None:
    values = sample_values()
    text = _words_replaced(render(Report.from_values("x", values), layout, seed=1), keep_numbers=False)
    record = process_document(Document.from_text(text, doc_id="x"))
    for label in ("denied_internal_affairs", "denied_query_matter"):
        for c in APPLICANT_COLUMNS:
            assert record.provenance[f"applications.{label}.{c}"].status is not Status.PROVEN
