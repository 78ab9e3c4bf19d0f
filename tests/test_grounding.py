"""Grounding (verify.grounding): a model value counts only where the source text prints it."""

from __future__ import annotations

from llm_extract.form import FORM
from llm_extract.schema import Report
from llm_extract.synth.render import render
from tests.fakeopenai import report_text, sample_values
from verify.grounding import DIGIT_RUN, EXACT, NOT_FOUND, digit_splits, ground
from verify.runs import pinned_runs

VALUES = sample_values()
COLS = FORM.table3_column_keys


def row(name: str, values: dict | None = None) -> dict:
    values = VALUES if values is None else values
    return {f"applications.{name}.{c}": values[f"applications.{name}.{c}"] for c in COLS}


def statuses(g: dict, paths) -> list[str]:
    return [g[p].status for p in paths]


def test_a_row_printed_after_its_label_is_exact_with_the_lines_and_the_matched_text():
    lines = report_text(VALUES).split("\n")
    g = ground(row("granted"), lines)
    assert set(statuses(g, row("granted"))) == {EXACT}
    found = g["applications.granted.natural_person"]
    assert "予以公开" in found.text and "5\t1" in found.text
    assert lines[found.lines[0] - 1].startswith("（一）予以公开")


def test_full_width_digits_ocr_letters_and_thousands_separators_are_matched_on_normalised_characters():
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t５\tl\tO\t0\t0\t0\t6")
    assert set(statuses(ground(row("granted"), text.split("\n")), row("granted"))) == {EXACT}
    big = VALUES | {"active_disclosure.licensing": 3150}
    text = report_text(big).replace("行政许可\t3150", "行政许可\t3,15O")
    assert ground({"active_disclosure.licensing": 3150}, text.split("\n"))["active_disclosure.licensing"].status == EXACT


def test_a_label_broken_over_lines_is_still_found():
    text = report_text(VALUES).replace("4.保护第三方合法权益\t1", "4.保护第\n三方合法权益\t1")
    assert set(statuses(ground(row("denied_third_party"), text.split("\n")), row("denied_third_party"))) == {EXACT}


def test_rows_swapped_cells_swapped_and_a_shifted_row_are_not_found():
    lines = report_text(VALUES).split("\n")
    swapped = {f"applications.granted.{c}": VALUES[f"applications.partially_granted.{c}"] for c in COLS}
    assert NOT_FOUND in statuses(ground(swapped, lines), swapped)
    cells = row("granted") | {"applications.granted.natural_person": 1, "applications.granted.commercial": 5}
    g = ground(cells, lines)
    assert g["applications.granted.natural_person"].status == g["applications.granted.commercial"].status == NOT_FOUND
    assert g["applications.granted.total"].status == EXACT          # the other cells of the row still stand
    old = [VALUES[f"applications.new_received.{c}"] for c in COLS]
    shifted = {f"applications.new_received.{c}": v for c, v in zip(COLS, [None] + old[:-1])}
    assert set(statuses(ground(shifted, lines), shifted)) == {NOT_FOUND}


def test_a_cell_the_text_lost_is_not_found_nor_any_cell_it_may_be():
    # 5 1 0 0 0 6 for 5 1 0 0 0 0 6: one cell is not printed, and which one the text cannot say. The model's
    # choice (one of the four zeros) is one; 0 5 1 0 0 0 6 (a 0 lost first) and 5 1 0 0 0 6 12 (the total lost)
    # fit the text and the row's sum as well. 社会公益组织 and 法律服务机构 are 0 wherever a lost 0 stood, but the
    # lost cell may be a blank the text printed as nothing (the sum counts it as 0) standing in either: no cell found
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6")
    g = ground(row("granted"), text.split("\n"))
    assert [c for c in COLS if g[f"applications.granted.{c}"].status == EXACT] == []


def test_a_model_that_put_the_lost_cell_elsewhere_is_not_found_there():
    # 8.属于行政查询事项 0 0 0 0 0 1 lost 商业企业's 1; a model that swapped this row with one printing 0 0 1 0 0 0 1
    # fits the text too, its lost 1 under 科研机构: its 0 under 商业企业 is no cell the text prints
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t0\t0\t0\t0\t0\t1")
    model = {f"applications.granted.{c}": v for c, v in zip(COLS, [0, 0, 1, 0, 0, 0, 1])}
    g = ground(model, text.split("\n"))
    assert g["applications.granted.commercial"].status == NOT_FOUND
    assert g["applications.granted.total"].status == EXACT


def test_a_row_that_marks_its_blanks_grounds_a_number_only_where_the_text_prints_one():
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t—\t0\t—\t6")
    blanks = {"applications.granted.social_org": None, "applications.granted.other_org": None}
    g = ground(row("granted") | blanks, text.split("\n"))
    assert {g[f"applications.granted.{c}"].status for c in COLS} == {EXACT}
    moved = row("granted") | {"applications.granted.research": None, "applications.granted.other_org": None}
    g = ground(moved, text.split("\n"))          # the model's blank in another cell: the marks disagree
    assert g["applications.granted.social_org"].status == NOT_FOUND


def test_a_row_run_together_with_its_blanks_marked_grounds_cell_by_cell():
    # a crawler's dump of 5 — 0 — 0 — 6: the cells run together, each mark one blank cell
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开5—0—0—6")
    printed = {"natural_person": 5, "commercial": None, "research": 0, "social_org": None, "legal_service": 0,
               "other_org": None, "total": 6}
    model = {f"applications.granted.{c}": v for c, v in printed.items()}
    g = ground(model, text.split("\n"))
    assert {g[p].status for p in model} == {EXACT}
    moved = model | {"applications.granted.commercial": 0, "applications.granted.research": None}
    g = ground(moved, text.split("\n"))          # the model's blank in another cell: the marks disagree
    assert g["applications.granted.research"].status == NOT_FOUND
    short = model | {"applications.granted.other_org": 0}       # a blank the text marks, given as 0
    assert ground(short, text.split("\n"))["applications.granted.other_org"].status == NOT_FOUND


def test_a_digit_run_with_blanks_printed_as_nothing_finds_none_of_the_models_zeros():
    # a crawler's dump of 15 0 (blank) 0 (blank) 18 173 with its empty cells printed as nothing: 1550018173. The digits
    # are the model's, but a blank and a 0 trade places unseen (a model swapping them keeps every sum)
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开1550018173")
    cells = {"natural_person": 155, "commercial": 0, "research": None, "social_org": 0, "legal_service": None,
             "other_org": 18, "total": 173}
    model = {f"applications.granted.{c}": v for c, v in cells.items()}
    g = ground(model, text.split("\n"))
    assert {c for c in COLS if g[f"applications.granted.{c}"].status == DIGIT_RUN} == {
        "natural_person", "research", "legal_service", "other_org", "total"}
    assert g["applications.granted.commercial"].status == NOT_FOUND


def test_a_digit_run_marking_its_blanks_places_the_models_blanks_at_the_marks():
    # the same row with its blanks marked, 无 or 不适用 glued among the digits as a crawler prints them
    cells = {"natural_person": 155, "commercial": 0, "research": None, "social_org": 0, "legal_service": None,
             "other_org": 18, "total": 173}
    model = {f"applications.granted.{c}": v for c, v in cells.items()}
    for mark in ("/", "—", "无", "不适用"):
        text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", f"（一）予以公开1550{mark}0{mark}18173")
        g = ground(model, text.split("\n"))
        assert {g[p].status for p in model} == {DIGIT_RUN}, mark
        swapped = model | {"applications.granted.commercial": None, "applications.granted.research": 0}
        g = ground(swapped, text.split("\n"))        # the model's blank where the text prints a digit
        assert {g[p].status for p in model} == {NOT_FOUND}, mark


def test_a_models_blank_at_a_mark_of_a_run_is_placed_by_the_text_when_one_cut_of_the_pieces_is_left():
    # 5 1 — 0 — 0 6 run together: 51—0—06. The pieces can be cut only one way into seven cells (06 is no count), so
    # the marks stand at the 科研机构 and 法律服务机构 cells, and the model's blanks there are printed blanks
    values = {p: v for p, v in VALUES.items() if p.startswith(("applications.", "review_litigation."))}
    values |= {"applications.granted.research": None, "applications.granted.legal_service": None}
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开51—0—06")
    g = ground(values, text.split("\n"))
    assert g["applications.granted.research"].status == DIGIT_RUN and g["applications.granted.research"].blank_marked
    assert pinned_runs(values, g) >= set(row("granted", values))
    # the model's blanks where the text prints a 0 (three blanks, the run marks two): not found
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开51—0—0—6")
    g = ground(values | {"applications.granted.social_org": None}, text.split("\n"))
    assert {g[p].status for p in row("granted", values)} == {NOT_FOUND}      # two marks for the model's three blanks


def test_a_models_blank_printed_as_nothing_leaves_the_rows_zeros_not_found():
    # 5 1 0 0 0 6 for a row with a blank: which of the cells is the blank the text cannot say (a blank and a 0
    # trade places unseen: two applicant columns swapped by the model keep every sum), only the numbers
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6")
    blank = row("granted") | {"applications.granted.research": None}
    g = ground(blank, text.split("\n"))
    assert {c for c in COLS if g[f"applications.granted.{c}"].status == EXACT} == {"natural_person", "commercial",
                                                                                   "research", "total"}


def test_zeros_matched_beside_another_rows_numbers_are_not_found():
    # a blank row's label run into the row above's (5、…6、属于四类过程性 1 0 0 0 0 0 1): a model's seven
    # zeros for it match five of those numbers, zeros that stand in any row
    text = report_text(VALUES).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t1\t0\t0\t0\t0\t0\t1")
    zeros = {f"applications.granted.{c}": 0 for c in COLS}
    assert set(statuses(ground(zeros, text.split("\n")), zeros)) == {NOT_FOUND}


def test_a_glued_row_is_a_digit_run_and_its_cut_is_pinned_only_when_the_identities_leave_it_alone():
    lines = render(Report.from_values("d", VALUES), "glued").split("\n")
    values = {p: v for p, v in VALUES.items() if p.startswith(("applications.", "review_litigation."))}
    g = ground(values, lines)
    assert g["applications.new_received.natural_person"].status == DIGIT_RUN       # 112001115
    assert g["applications.new_received.natural_person"].lines
    assert pinned_runs(values, g) >= set(row("new_received"))
    wrong = values | {"applications.new_received.natural_person": 1, "applications.new_received.commercial": 12}
    g = ground(wrong, lines)                       # 1 12 0 0 1 1 15: the same digits, but the columns break
    assert g["applications.new_received.natural_person"].status == DIGIT_RUN
    assert not pinned_runs(wrong, g) & set(row("new_received"))


def test_table4_is_the_run_of_numbers_after_its_heading():
    lines = report_text(VALUES).split("\n")
    t4 = {p: v for p, v in VALUES.items() if p.startswith("review_litigation.")}
    assert {x.status for x in ground(t4, lines).values()} == {EXACT}
    moved = t4 | {"review_litigation.administrative_review.upheld": 0, "review_litigation.administrative_review.other": 1}
    assert ground(moved, lines)["review_litigation.administrative_review.upheld"].status == NOT_FOUND


def test_the_agency_is_grounded_as_a_name_in_the_title_and_the_year_as_printed_there():
    lines = report_text(VALUES).split("\n")
    assert ground({"agency": "测试市测试区人民政府", "year": 2021}, lines)["agency"].status == EXACT
    assert ground({"year": 2021}, lines)["year"].status == EXACT
    assert ground({"year": 2022}, lines)["year"].status == NOT_FOUND
    for prefixed in ("标题:测试市测试区人民政府", "1-测试市测试区人民政府", "某某县人民政府"):
        assert ground({"agency": prefixed}, lines)["agency"].status == NOT_FOUND, prefixed


def test_digit_splits_have_no_leading_zeros():
    assert digit_splits("001", 3) == [[0, 0, 1]]
    assert digit_splits("105", 2) == [[10, 5]]                   # 1|05 is not a number as printed
    assert sorted(digit_splits("112", 2)) == [[1, 12], [11, 2]]


def test_a_row_printed_without_numbers_does_not_borrow_the_numbers_of_the_row_above():
    lines = [("3.其他" if line.startswith("3.其他") else line) for line in report_text(VALUES).split("\n")]
    zeros = {f"applications.other_other.{c}": 0 for c in COLS}      # PDF text drops a blank row's cells
    assert set(statuses(ground(zeros, lines), zeros)) == {NOT_FOUND}
    blanks = dict.fromkeys(zeros)
    assert set(statuses(ground(blanks, lines), blanks)) == {EXACT}


def test_a_glued_run_followed_by_the_next_labels_item_number_is_still_the_rows_run():
    """A crawler's 属于国家秘密0000000 2. 其他法律… glued as 00000002. 其他法律…: the 2. is the next label's."""
    lines = report_text(VALUES).split("\n")
    k = next(i for i, line in enumerate(lines) if "属于国家秘密" in line)
    glued = lines[k].replace("\t", "") + lines[k + 1].replace("\t", "").replace("2.", "2. ", 1)
    lines[k:k + 2] = [glued]
    assert "00000002. 其他法律" in glued
    g = ground(row("denied_state_secret"), lines)
    assert set(statuses(g, row("denied_state_secret"))) == {DIGIT_RUN}


def test_table4_is_its_run_and_not_the_figures_of_the_sentence_after_it():
    lines = report_text(VALUES).split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("1\t0\t0\t1\t2"))
    lines[k] = lines[k].replace("\t", "") + " 全年因政府信息公开被申请行政复议2件，提起行政诉讼1件。"
    t4 = {p: v for p, v in VALUES.items() if p.startswith("review_litigation.")}
    assert {x.status for x in ground(t4, lines).values()} == {DIGIT_RUN}


def test_table4_is_the_run_after_its_heading_and_not_after_a_preamble_naming_the_heading_first():
    """A crawler's dump holds the whole article on one line: the preamble naming the report's parts
    (…政府信息公开行政复议和行政诉讼情况…) stands before 表四's heading and before numbers that are no cells."""
    t4 = {p: v for p, v in VALUES.items() if p.startswith("review_litigation.")}
    run = "".join(str(v) for v in t4.values())
    line = ("本报告由总体情况、政府信息公开行政复议和行政诉讼情况等六部分组成，网址：http://www.a2023.gov.cn/。"
            f"四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计{run}"
            "五、存在的主要问题及改进情况")
    assert {x.status for x in ground(t4, [line]).values()} == {DIGIT_RUN}
    moved = t4 | {"review_litigation.administrative_review.upheld": 0, "review_litigation.administrative_review.other": 1}
    assert ground(moved, [line])["review_litigation.administrative_review.upheld"].status == NOT_FOUND


def test_tables_2_and_3_are_found_after_a_preamble_naming_every_part_of_the_report():
    """A report's opening sentence lists its parts (…主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开
    行政复议和行政诉讼情况…), wrapped over lines as PDF text prints it: it names 表三's heading and, on the next
    line, 表四's, so it is no table; the rows are grounded in the table under the real heading."""
    preamble = ["现公布本年度报告。全文包括总体", "情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、",
                "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情", "况、其他需要报告的事项。"]
    lines = [*preamble, *report_text(VALUES).split("\n")]
    stock = {p: VALUES[p] for p in VALUES if p.startswith("active_disclosure.regulations.")}
    g = ground(row("granted") | row("total_processed") | stock, lines)
    assert set(statuses(g, [*row("granted"), *row("total_processed"), *stock])) == {EXACT}
    assert g["applications.granted.natural_person"].lines[0] > len(preamble)


def test_a_label_wrapped_before_its_numbers_is_grounded_on_its_tail_line():
    """一、本年新收政府信息公开申 / 请数量 11 2 0 …: the numbers follow the label's wrapped tail."""
    text = report_text(VALUES).replace("一、本年新收政府信息公开申请数量\t", "一、本年新收政府信息公开申\n请数量\t")
    assert set(statuses(ground(row("new_received"), text.split("\n")), row("new_received"))) == {EXACT}
