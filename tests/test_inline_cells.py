"""Crawler dumps: what the text shows between a row's label and the next is read, not guessed.

Each test takes the crawler dump fixture (one line of tables, digit runs glued to their labels) and
changes one row the way crawlers print it: a cell with its note, a row of empty cells, an empty cell
inside a glued run, the tables' lines broken in other places.
"""

from pathlib import Path

import pytest

from llm_extract.evidence import Ambiguity, Status
from llm_extract.extract import extract_regex
from llm_extract.extract.glued import blanked_cuts, blanked_run, parted_at, width_bounds
from llm_extract.extract.inline import unfold
from llm_extract.extract.layout import tokenize
from llm_extract.extract.regions import find_regions
from llm_extract.extract.table2 import read_table2
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import OUTCOME_ROWS
from verify.derive import derive
from verify.grounding import DIGIT_RUN, ground

DUMP = (Path(__file__).parent / "fixtures" / "layouts" / "crawler_inline.txt").read_text(encoding="utf-8")
ROW = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]


def _record(old: str, new: str, text: str = DUMP):
    assert old in text
    return process_document(Document.from_text(text.replace(old, new, 1), doc_id="t"))


def _row(record, row: str) -> list:
    node = getattr(record.report.applications, row)
    return [getattr(node, c) for c in ROW]


def _statuses(record, row: str) -> set[Status]:
    return {record.provenance[f"applications.{row}.{c}"].status for c in ROW}


def test_a_stock_cell_with_its_note_is_read_with_the_rows_other_cells():
    record = _record("行政规范性文件5251", "行政规范性文件5（其中修订2件） 2 51")
    docs = record.report.active_disclosure.normative_documents
    assert (docs.issued, docs.repealed, docs.in_force) == (5, 2, 51)
    assert record.provenance["active_disclosure.normative_documents.issued"].status is Status.PROVEN


def test_a_row_printed_as_placeholders_glued_to_its_label_is_blank_not_zero():
    record = _record("（一）予以公开0000000", "（一）予以公开无 无 无 无 无 无 无")
    assert _row(record, "granted") == [None] * 7
    assert Status.DERIVED not in _statuses(record, "granted")


def test_an_empty_cell_inside_a_glued_run_is_blank_and_the_numbers_around_it_are_cut():
    record = _record("（二）部分公开（区分处理的，只计这一情形，不计其他情形）4000004",
                     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）40无0004")
    assert _row(record, "partially_granted") == [4, 0, None, 0, 0, 0, 4]
    assert record.provenance["applications.partially_granted.research"].kind.value == "placeholder"
    # the numbers are a cut of a glued run: derived (queued), never proven on their own
    assert record.provenance["applications.partially_granted.total"].status is Status.DERIVED


def test_a_run_ending_in_an_empty_cell_is_not_read_as_a_row_of_empty_cells():
    record = _record("2.没有现成信息需要另行制作0000000", "2.没有现成信息需要另行制作000000—")
    assert _row(record, "unavailable_needs_creation") == [0, 0, 0, 0, 0, 0, None]
    record = _record("3.补正后申请内容仍不明确0000000", "3.补正后申请内容仍不明确00—0000")
    assert _row(record, "unavailable_unclear") == [0, 0, None, 0, 0, 0, 0]


def test_empty_cells_whose_place_the_run_does_not_fix_leave_the_row_missing():
    assert blanked_run("3.补正后申请内容仍不明确1010—1012") == ("3.补正后申请内容仍不明确", "1010—1012")
    places = {tuple(v is None for v in o) for o in blanked_cuts(["1010", "—", "1012"])}
    assert len(places) == 2
    text = DUMP.replace("3.补正后申请内容仍不明确0000000", "3.补正后申请内容仍不明确1010—1012")
    readings = extract_regex(Document.from_text(text, doc_id="t")).readings
    assert all(readings[f"applications.unavailable_unclear.{c}"].missing for c in ROW)


def test_the_last_tables_numbers_opening_the_closing_section_are_read():
    text = DUMP.replace("结果尚未审结总计100010000000011五、", "结果尚未审结总计\n100010000000011五、")
    lines, _ = unfold(text.splitlines())
    assert "100010000000011" in lines
    record = process_document(Document.from_text(text, doc_id="t"))
    assert record.report.review_litigation.litigation_after_review.pending == 1


def test_lines_leading_into_an_inline_table_are_unfolded_too():
    text = DUMP.replace("规章000行政规范性文件5251", "规章000\n行政规范性文件5251").replace(
        "本年处理决定数量行政许可3150", "本年处理决定数量\n行政许可3150")
    lines, _ = unfold(text.splitlines())
    assert "二、主动公开政府信息情况" in lines and "规章000" in lines
    record = process_document(Document.from_text(text, doc_id="t"))
    assert record.report.active_disclosure.regulations.in_force == 0
    assert record.report.active_disclosure.licensing == 3150


def test_the_whole_row_search_takes_a_group_that_covers_part_of_its_row():
    known = {f"applications.{r}.{c}": 0 for r in
             ["carried_over", "carried_forward", *[x for x in OUTCOME_ROWS if x != "granted"]] for c in ROW}
    known |= {f"applications.granted.{c}": v for c, v in zip(ROW, [10, 1, 0, 0, 0, 0, 11])}
    # total_processed: a glued run beside one printed empty cell; new_received: a glued run
    known["applications.total_processed.research"] = None
    processed = [f"applications.total_processed.{c}" for c in ROW if c != "research"]
    new = [f"applications.new_received.{c}" for c in ROW]
    groups = [Ambiguity(paths=processed, options=[[10, 1, 0, 0, 0, 11], [1, 10, 0, 0, 0, 11]], reason="t"),
              Ambiguity(paths=new, options=[[10, 1, 0, 0, 0, 0, 11], [1, 10, 0, 0, 0, 0, 11]], reason="t")]
    # (a search cap of one combination: only the whole-row search, not the product, decides it)
    result = derive(known, set(), groups, search_cap=1)
    assert not result.capped
    assert [result.values[p] for p in new] == [10, 1, 0, 0, 0, 0, 11]


def test_a_cut_stands_where_a_run_switches_between_half_and_full_width_digits():
    # 表四 printed 030１１０４１… : 0 30 | 11 0 41 in full width | …; 0|30|1|10|41 also adds up
    digits = "030110410000000000"
    assert width_bounds("复议后起诉030１１０４１00０００000０0", digits) == {3, 8, 10, 13, 16, 17}
    assert width_bounds("复议后起诉" + digits, digits) == set()
    # 规章０３34: 0|3|34 and 0|33|4 both read; the width switch after ３ leaves 0|3|34
    assert parted_at([[0, 3, 34], [0, 33, 4]], width_bounds("规章０３34", "0334")) == [[0, 3, 34]]
    record = _record("规章000", "规章０３34")
    stock = record.report.active_disclosure.regulations
    assert (stock.issued, stock.repealed, stock.in_force) == (0, 3, 34)
    # the only cut left, but 表二 has no identity: read, never proven nor derived
    prov = record.provenance["active_disclosure.regulations.in_force"]
    assert (prov.status, prov.rules) == (Status.UNVERIFIED, ["READ.ONE_CUT"])


def test_a_stock_run_whose_leading_zeros_fill_the_row_is_read_as_printed_and_proven():
    # 规章0035: a cell that starts with 0 is that 0, so 0|0|35 is the fewest cells the run can be: every other
    # cut (0|0|3|5) is a cell too many, and an empty cell left without trace would need a cell fewer
    record = _record("规章000行政规范性文件5251", "规章0035行政规范性文件00148")
    ad = record.report.active_disclosure
    assert (ad.regulations.issued, ad.regulations.repealed, ad.regulations.in_force) == (0, 0, 35)
    assert (ad.normative_documents.issued, ad.normative_documents.repealed,
            ad.normative_documents.in_force) == (0, 0, 148)
    for row in ("regulations", "normative_documents"):
        for c in ("issued", "repealed", "in_force"):
            assert record.provenance[f"active_disclosure.{row}.{c}"].status is Status.PROVEN, (row, c)


@pytest.mark.parametrize("run", ["1000", "0334", "035"])
def test_a_stock_run_that_an_empty_cell_could_hide_in_is_never_proven(run: str) -> None:
    # 1000: 10|0|0 is its only cut into three, but 10, empty, 0 prints 100 and 1000 may be 100, empty, 0;
    # 0334: 0|3|34 and 0|33|4; 035: 0, 35 and an empty cell
    record = _record("规章000", f"规章{run}")
    statuses = {record.provenance[f"active_disclosure.regulations.{c}"].status
                for c in ("issued", "repealed", "in_force")}
    assert Status.PROVEN not in statuses


def test_a_run_of_zeros_is_not_printed_as_the_number_zero_when_grounding_a_model_value():
    lines = ["二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
             "规章000行政规范性文件000第二十条第（五）项"]
    values = {f"active_disclosure.normative_documents.{c}": 0 for c in ("issued", "repealed", "in_force")}
    g = ground(values, lines)
    # not "000 000" across two rows read as 0, 0 and a lost cell: the row's own run, 000
    assert {x.status for x in g.values()} == {DIGIT_RUN}
    assert "规章" not in g["active_disclosure.normative_documents.issued"].label


def test_a_row_label_after_a_blank_rows_label_grounds_the_numbers_after_it():
    text = DUMP.replace("3.其他0000000（七）总计6000006", "3.其他（七）总计6000006")
    values = {f"applications.total_processed.{c}": v for c, v in zip(ROW, [6, 0, 0, 0, 0, 0, 6])}
    g = ground(values, text.splitlines())
    assert {x.status for x in g.values()} == {DIGIT_RUN}
    assert g["applications.total_processed.total"].label.endswith("总计")


def test_two_stock_rows_on_a_short_line_after_an_inline_table_are_parted():
    text = DUMP.replace("本年处理决定数量行政处罚65行政强制10第二十条", "本年处理决定数量\n行政处罚65行政强制10\n第二十条")
    record = process_document(Document.from_text(text, doc_id="t"))
    assert (record.report.active_disclosure.punishment, record.report.active_disclosure.enforcement) == (65, 10)
    text = DUMP.replace("本年处理决定数量行政处罚65行政强制10第二十条", "本年处理决定数量\n行政处罚— 行政强制10\n第二十条")
    record = process_document(Document.from_text(text, doc_id="t"))
    assert (record.report.active_disclosure.punishment, record.report.active_disclosure.enforcement) == (None, 10)


def test_a_stock_label_with_another_rows_number_inside_is_not_read_as_glued():
    lines = ["二、主动公开政府信息情况", "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚0行政强制86",
             "三、收到和处理政府信息公开申请情况"]
    region = find_regions(lines)["表二"]
    region.items = tokenize(lines, region.start, region.end)
    readings = read_table2(region, [])
    assert readings["active_disclosure.punishment"].missing      # not 86: that is 行政强制's


def test_a_short_row_line_between_the_heading_line_and_the_inline_table_keeps_the_chain():
    text = DUMP.replace("规章000行政规范性文件5251第二十条第（五）项", "规章000\n行政规范性文件5 2 51 \n第二十条第（五）项")
    lines, _ = unfold(text.splitlines())
    assert "二、主动公开政府信息情况" in lines and "规章000" in lines
    record = process_document(Document.from_text(text, doc_id="t"))
    docs = record.report.active_disclosure.normative_documents
    assert (docs.issued, docs.repealed, docs.in_force) == (5, 2, 51)
    assert record.report.active_disclosure.regulations.in_force == 0


def test_a_tables_run_with_a_sentence_after_a_space_is_cut_by_the_identities():
    """…尚未审结总计100010000000011 全年因…: the glued 表四 run ends at the space, not in the sentence."""
    record = _record("总计100010000000011五、", "总计100010000000011 全年因政府信息公开被申请行政复议1件，提起行政诉讼1件。五、")
    t4 = record.report.review_litigation
    assert (t4.administrative_review.total, t4.litigation_after_review.pending) == (1, 1)
    assert record.provenance["review_litigation.administrative_review.total"].status is Status.DERIVED


def test_a_tables_run_ending_in_an_empty_groups_placeholders_before_a_sentence_is_read():
    """…总计1000100011/////全年因…: the run ends after its placeholders, and the empty group is blank."""
    record = _record("总计100010000000011五、", "总计1000100011/////全年因政府信息公开被申请行政复议1件。五、")
    t4 = record.report.review_litigation
    assert (t4.administrative_review.upheld, t4.administrative_review.total, t4.litigation_direct.total) == (1, 1, 1)
    assert t4.litigation_after_review.total is None
    assert record.provenance["review_litigation.litigation_after_review.total"].kind.value == "placeholder"


def test_a_run_that_swallowed_the_next_items_number_is_cut_before_it_when_a_space_follows_the_dot():
    """…国家秘密00000002. 其他法律…: the 2 is the next item's number, not the run's last digit."""
    text = DUMP.replace("2.其他法律", "2. 其他法律").replace("3.危及", "3. 危及")
    assert "00000002. 其他法律" in text
    lines, _ = unfold(text.splitlines())
    assert "2. 其他法律行政法规禁止公开0000000" in lines and "3. 危及“三安全一稳定”0000000" in lines
    assert any(line.endswith("1.属于国家秘密0000000") for line in lines)
    record = process_document(Document.from_text(text, doc_id="t"))
    assert _row(record, "denied_state_secret") == [0] * 7 and _row(record, "denied_prohibited_by_law") == [0] * 7


def test_a_tables_run_with_an_empty_group_printed_wu_each_is_read_with_that_group_empty():
    """…总计10001无无无无无00011 全年因…, …总计1000100011无无无无无 全年因…: 无 is an empty cell, five of them a
    group the report left empty; the digits are cut where the identities allow."""
    for run, empty in (("10001无无无无无00011", "litigation_direct"), ("1000100011无无无无无", "litigation_after_review")):
        record = _record("总计100010000000011五、", f"总计{run} 全年因政府信息公开被申请行政复议1件。五、")
        t4 = record.report.review_litigation
        assert (t4.administrative_review.upheld, t4.administrative_review.total) == (1, 1), run
        assert getattr(t4, empty).total is None, run
        assert record.provenance[f"review_litigation.{empty}.total"].kind.value == "placeholder", run


def test_a_doubled_dash_the_cell_count_decides_is_one_empty_cell():
    """``——`` prints one empty cell or two; beside six zeros (six cells: no count starts with 0) it can only be one."""
    record = _record("3.其他0000000", "3.其他——000000")
    assert _row(record, "other_other") == [None, 0, 0, 0, 0, 0, 0]


def _tab_rows_report(golden_dir: Path) -> str:
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "tabrows")


def test_a_row_glued_with_a_dash_for_each_empty_cell_is_read_among_rows_of_fields(golden_dir):
    """A crawler's dump of a page whose table mixes its rows' shapes (tab fields on some, a cell a line on others):
    ``二、上年结转政府信息公开申请数量3—————3``, its empty cells dashes, the rows around it in fields. Its seven cells are
    where the dashes and the count put them; the row was left unread ("0 numbers for 7 columns")."""
    text = _tab_rows_report(golden_dir)
    line = next(x for x in text.split("\n") if x.startswith("二、上年结转"))
    cells = line.split("\t")[1:]
    assert [c for c in cells if c != "0"] == [] and len(cells) == 7     # (golden 003 carries nothing over)
    record = process_document(Document.from_text(
        text.replace(line, "二、上年结转政府信息公开申请数量0—————0"), doc_id="t"))
    assert _row(record, "carried_over") == [0, None, None, None, None, None, 0]
    assert record.provenance["applications.carried_over.commercial"].kind.value == "placeholder"
