"""Narrative against tables: the figures the prose states, and their check against the cells they name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from llm_extract.evidence import Record, Status
from llm_extract.extract.narrative import read_narrative
from llm_extract.ingest import Document, load
from llm_extract.narrative_types import NarrativeFigure
from llm_extract.pipeline import process_document
from llm_extract.decisions import Decision
from llm_extract.review import finding_key, review_items
from llm_extract.schema import Report
from llm_extract.synth.render import render
from verify import apply_decisions
from verify.narrative import check_narrative, recheck_narrative
from verify.rules import RULES

NR, CO = "applications.new_received.total", "applications.carried_over.total"
TP, CF = "applications.total_processed.total", "applications.carried_forward.total"
AR = "review_litigation.administrative_review.total"
LD, LA = "review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"


def figures(*lines: str, year: int | None = 2021) -> list[NarrativeFigure]:
    return read_narrative(list(lines), year)


def said(*lines: str) -> list[tuple[str, object]]:
    return [(f.code, f.figure) for f in figures(*lines)]


# ── reading ──────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("sentence, expected", [
    ("2021年，共收到政府信息公开申请6件，内容主要涉及征地拆迁方面，均依法依规及时回复，答复率100%。",
     [("NARR.NEW_RECEIVED", 6)]),
    ("（二）依申请公开情况。2021年我单位接到群众主动要求公开政府信息的申请0条。", [("NARR.NEW_RECEIVED", 0)]),
    ("（二）依申请公开方面。全年无信息公开申请。", [("NARR.NEW_RECEIVED", 0)]),
    ("2021年，本机关新收政府信息公开申请12件，上年结转2件，办结13件，结转下年度继续办理1件。",
     [("NARR.NEW_RECEIVED", 12), ("NARR.CARRIED_OVER", 2), ("NARR.PROCESSED", 13), ("NARR.CARRIED_FORWARD", 1)]),
    ("全年共受理政府信息公开申请十二件，已全部办结。", [("NARR.NEW_RECEIVED", 12)]),
    ("全年共受理政府信息公开申请一百〇五件，已全部办结。", [("NARR.NEW_RECEIVED", 105)]),
    ("全年共受理政府信息公开申请五零件，已全部办结。", []),          # (no numeral: 零 holds a place after 百 or 千 only)
    ("本年度共收到依申请公开1,024件。", [("NARR.NEW_RECEIVED", 1024)]),
    ("在办理的政府信息公开申请中，予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件，其他处理0件。",
     [("NARR.OUTCOME", 5), ("NARR.OUTCOME", 2), ("NARR.OUTCOME", 1), ("NARR.OUTCOME", 3), ("NARR.OUTCOME", 1),
      ("NARR.OUTCOME", 0)]),
    ("共收到政府信息公开申请21件，其中自然人申请19件，法人或其他组织申请2件。",
     [("NARR.NEW_RECEIVED", 21), ("NARR.APPLICANT", 19), ("NARR.APPLICANT", 2)]),
    ("2021年，因政府信息公开工作被申请行政复议1件，被提起行政诉讼2件。",
     [("NARR.REVIEW", 1), ("NARR.LITIGATION", 2)]),
    ("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。", [("NARR.REVIEW", 0), ("NARR.LITIGATION", 0)]),
    ("因政府信息公开工作被申请行政复议和提起行政诉讼的情况均为零。", [("NARR.REVIEW", 0), ("NARR.LITIGATION", 0)]),
    ("因政府信息公开被申请行政复议、提起行政诉讼共3件。", [("NARR.REVIEW_LITIGATION", 3)]),
    ("依据《政府信息公开信息处理费管理办法》，2021年未收取信息处理费。", [("NARR.FEE", "none")]),
    ("2021年，我区无收取信息处理费情况。", [("NARR.FEE", "none")]),
    ("在依申请公开工作中，红旗区未收取申请人的任何费用。", [("NARR.FEE", "none")]),
    ("本年度共收取信息处理费300元。", [("NARR.FEE", Decimal("300"))]),
    ("本年度新收政府信息公开申请数量为32件，上年结转政府信息公开申请数量为2件。",
     [("NARR.NEW_RECEIVED", 32), ("NARR.CARRIED_OVER", 2)]),
    ("依申请公开方面，结转至2022年办理1件。", [("NARR.CARRIED_FORWARD", 1)]),
    ("2021年共发生政府信息公开行政复议案件2件，行政诉讼案件1件。", [("NARR.REVIEW", 2), ("NARR.LITIGATION", 1)]),
])
def test_the_figures_a_sentence_states_are_read(sentence: str, expected: list[tuple[str, object]]) -> None:
    assert said(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "2021年，通过门户网站对外主动公开信息共计1300余条，回复政民互动群众留言100余条。",
    "全年共办理人大代表建议和政协委员提案12件，办结率100%。",
    "全年受理行政许可申请3150件，办结3150件。",
    "与上年收到的4件相比，申请数量有所上升。",
    "2020年共收到政府信息公开申请9件。",
    "共收到政府信息公开申请，其中网上申请5件，当面申请1件。",
    "近年来共收到政府信息公开申请近20件。",
    "全年共办理行政复议案件56件，其中维持42件。",
    "予以公开、部分公开分别为3件、1件。",
    "本年度无被纠错的行政复议案件。",
    "在收到的政府信息公开申请中，涉及城建类3件，涉及教育类2件。",
    "收到政府信息公开申请的主要内容涉及征收拆迁5件、低保2件。",
    "本年度依申请公开工作中，共收到网上申请5件。",
    "依申请公开工作中，申请人没有申请复议。",
    "行政事业性收费本年收费金额94.0121万元。",
])
def test_counts_of_other_things_other_years_and_approximations_are_not_read(sentence: str) -> None:
    assert [f for f in figures(sentence) if f.code != "NARR.FEE"] == []


@pytest.mark.parametrize("sentence, expected", [
    # the year a sentence names holds for the clauses after it: 2020's 办结 is not this year's
    ("2020年共收到政府信息公开申请9件，办结9件。", []),
    ("上年度共收到政府信息公开申请98件，办结95件，结转下年度继续办理3件。", []),
    ("自2019年以来共收到政府信息公开申请300件，予以公开120件。", []),
    ("近三年共收到政府信息公开申请300件。", []),
    ("2021年全年收到政府信息公开申请12件，2020年全年收到9件，办结9件。", [("NARR.NEW_RECEIVED", 12)]),
    ("本年度收到政府信息公开申请12件，上年收到9件，办结9件。", [("NARR.NEW_RECEIVED", 12)]),
    # a row's name, a comparison or the year a carry goes to is no time of its own
    ("全年新收政府信息公开申请84件，无上年结转申请，予以公开11件。",
     [("NARR.NEW_RECEIVED", 84), ("NARR.OUTCOME", 11)]),
    ("本年度收到政府信息公开申请12件，比去年同期增加3件，办结12件，结转至2022年继续办理0件。",
     [("NARR.NEW_RECEIVED", 12), ("NARR.PROCESSED", 12), ("NARR.CARRIED_FORWARD", 0)]),
    ("2020年被申请行政复议2件，2021年因政府信息公开被申请行政复议0件。", [("NARR.REVIEW", 0)]),
])
def test_the_figures_after_another_year_in_a_sentence_are_that_years(sentence: str,
                                                                    expected: list[tuple[str, object]]) -> None:
    assert said(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # other bodies' counts (a bureau's report telling the district's) are not this report's table
    ("全区各部门共收到政府信息公开申请500件。", []),
    ("区属各单位共受理政府信息公开申请45件，办结45件。", []),
    ("各乡镇（街道）共收到政府信息公开申请45件。", []),
    ("2021年，本局共收到政府信息公开申请12件，办结12件。", [("NARR.NEW_RECEIVED", 12), ("NARR.PROCESSED", 12)]),
    ("各部门高度重视，2021年本局共收到政府信息公开申请12件。", [("NARR.NEW_RECEIVED", 12)]),
])
def test_figures_said_of_other_bodies_are_not_read(sentence: str, expected: list[tuple[str, object]]) -> None:
    assert said(sentence) == expected


def test_a_number_ocr_split_by_a_space_or_a_range_is_not_read_by_its_last_digits() -> None:
    # 4 9 is 49 split by OCR: reading 9 would dispute a table that holds 49
    assert said("2021年，共收到政府信息公开申请58件，其中予以公开4 9件，上年结转1 2件。") == [("NARR.NEW_RECEIVED", 58)]
    assert said("因政府信息公开被申请行政复议1 2件。") == []
    for dash in ("至", "-", "～", "—"):          # nor is a range read by its end
        assert said(f"2021年，共收到政府信息公开申请58件，其中予以公开10{dash}15件。") == [("NARR.NEW_RECEIVED", 58)]
    assert said("2021 年，共收到政府信息公开申请 6 件，办结 6 件。") == [("NARR.NEW_RECEIVED", 6), ("NARR.PROCESSED", 6)]


def test_a_comparison_with_last_year_is_not_a_figure_of_its_own() -> None:
    assert said("2021年共收到政府信息公开申请6件，较上年增加2件。") == [("NARR.NEW_RECEIVED", 6)]


def test_table_cells_are_never_read_as_narrative() -> None:
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量\t6件\t0\t0\t0\t0\t0\t6件",
             "\t二、上年结转政府信息公开申请数量", "\t3件",
             "四、政府信息公开行政复议、行政诉讼情况",
             "行政复议1件\t0\t0\t0\t1",
             "五、存在的主要问题及改进情况", "共收到政府信息公开申请6件。"]
    got = figures(*lines)
    assert [(f.code, f.figure, f.line) for f in got] == [("NARR.NEW_RECEIVED", 6, 8)]


def test_a_heading_gives_the_sentences_under_it_their_subject() -> None:
    got = figures("（二）依申请公开情况", "本年度共收到申请5件，已全部办结。", "（三）政府信息管理情况", "本年度共收到各类文件50件。")
    assert [(f.code, f.figure, f.line) for f in got] == [("NARR.NEW_RECEIVED", 5, 2)]


def test_sentences_after_one_about_applications_share_its_subject() -> None:
    line = ("2021年，本机关共收到政府信息公开申请45件；上年结转3件。共办结48件，其中予以公开20件，"
            "无法提供18件。2021年，全年共发布信息200条。")
    assert said(line) == [("NARR.NEW_RECEIVED", 45), ("NARR.CARRIED_OVER", 3), ("NARR.PROCESSED", 48),
                          ("NARR.OUTCOME", 20), ("NARR.OUTCOME", 18)]
    assert said("上年结转3件。共办结48件。") == []          # no sentence says what they are about


def test_received_without_new_may_include_carried_over_and_says_so() -> None:
    (plain,) = figures("全年共收到政府信息公开申请6件。")
    assert plain.meanings == [[NR], [NR, CO]]
    (new,) = figures("本年新收政府信息公开申请6件。")
    assert new.meanings == [[NR]]
    incl = figures("共受理政府信息公开申请10件（含上年结转1件）。")
    assert incl[0].meanings == [[NR, CO], [NR]] and (incl[1].code, incl[1].figure) == ("NARR.CARRIED_OVER", 1)


def test_received_and_answered_together_may_mean_either() -> None:
    (f,) = figures("全年共受理并答复政府信息公开申请8件。")
    assert f.code == "NARR.PROCESSED" and f.meanings == [[TP], [NR], [NR, CO]]


def test_the_sub_rows_of_other_handling_are_read_only_after_other_handling_is_named() -> None:
    got = figures("（二）依申请公开情况", "其中，其他处理4件（申请人无正当理由逾期不补正3件、逾期未缴纳信息处理费0件、"
                  "其他情形1件），均为自然人申请。")
    assert [(f.figure, f.meanings) for f in got] == [
        (4, [[f"applications.{r}.total" for r in ("other_no_correction", "other_unpaid_fee", "other_other")]]),
        (3, [["applications.other_no_correction.total"]]), (0, [["applications.other_unpaid_fee.total"]]),
        (1, [["applications.other_other.total"]])]
    # 其他情形 under another outcome is that outcome's, not （六）'s
    assert said("（二）依申请公开情况", "不予公开5件（属于国家秘密2件、其他情形3件）。") == [("NARR.OUTCOME", 5)]


def test_a_paragraph_wrapped_over_printed_lines_is_read_as_one() -> None:
    got = figures("（二）依申请公开情况。2021年，洛阳市人民政府共受理政府信",
                  "息公开申请27件，其中自然人申请26件，法人或其他组织申请1",
                  "件。已办结25件，结转下年度继续办理2件。")
    assert [(f.code, f.figure, f.line) for f in got] == [
        ("NARR.NEW_RECEIVED", 27, 1), ("NARR.APPLICANT", 26, 1), ("NARR.APPLICANT", 1, 1),
        ("NARR.PROCESSED", 25, 1), ("NARR.CARRIED_FORWARD", 2, 1)]
    # a paragraph's short last line, ending its sentence, is the paragraph's: 继 / 续办理0件 is 继续办理, no 办理 0
    got = figures("（二）依申请公开。2021年，南通市人民政府办公室共收到政府信息公开申请191件，上年结转0件，已办结191件，结转下年度继",
                  "续办理0件。")
    assert [(f.code, f.figure) for f in got] == [("NARR.NEW_RECEIVED", 191), ("NARR.CARRIED_OVER", 0),
                                                 ("NARR.PROCESSED", 191), ("NARR.CARRIED_FORWARD", 0)]
    got = figures("（二）依申请公开。2021年，南通市人民政府办公室共收到政府信息公开申请191件，上年结转0件，已办结191件，结转下年度继",
                  "", "续办理0件。")    # PyMuPDF's blocks: a blank line between
    assert [(f.code, f.figure) for f in got][-1] == ("NARR.CARRIED_FORWARD", 0)
    got = figures("信息公开申请        46 件，上年结转       0 件，已办结       43 件，结转下年度继", "",
                  "续办理    3 件。严格执行依申请公开受理、审查、答复等工作流程，规")    # pdfplumber's layout text
    assert [(f.code, f.figure) for f in got][-1] == ("NARR.CARRIED_FORWARD", 3)
    got = figures("（二）依申请公开。2021 年，共收到政府信息公开申", "请 114 件，上年结转 11 件，已办结 125 件，结转下年度继",
                  "", "", "", "                 1",
                  "续办理 0 件。严格执行依申请公开受理、审查、答复等工作流")     # a page break between
    assert [(f.code, f.figure) for f in got][-1] == ("NARR.CARRIED_FORWARD", 0)
    # a crawler's one-line article does not run into the sentence under it
    crawled = "依申请公开情况。全年共收到政府信息公开申请1件，已办结1件。" + "表格" * 60 + "1000100000"
    assert [(f.figure, f.line) for f in figures(crawled, "全年因政府信息公开被申请行政复议0件。")][-1] == (0, 2)


def test_last_year_in_an_earlier_clause_does_not_make_a_figure_last_years() -> None:
    assert said("全年新收政府信息公开申请84件，无上年结转申请，予以公开11件。") == [
        ("NARR.NEW_RECEIVED", 84), ("NARR.OUTCOME", 11)]


def test_a_figure_keeps_its_sentence_phrase_and_line() -> None:
    (f,) = figures("一、总体情况", "2021年，全区共收到政府信息公开申请3件，均已按照规定时限向申请人进行了书面答复。")
    assert f.line == 2 and f.phrase == "收到政府信息公开申请3件" and f.sentence.startswith("2021年，全区共收到")


# ── checking ─────────────────────────────────────────────────────────────────────

def _one(sentence: str, values: dict[str, int | None]):
    (finding,) = check_narrative(values, figures(sentence))
    return finding


_CASES = [  # (rule, sentence, values that agree, values that do not)
    ("NARR.NEW_RECEIVED", "2021年，本机关新收政府信息公开申请12件。", {NR: 12}, {NR: 11}),
    ("NARR.CARRIED_OVER", "上年结转政府信息公开申请2件。", {CO: 2}, {CO: 0}),
    ("NARR.PROCESSED", "依申请公开方面，本年度办结政府信息公开申请13件。", {TP: 13}, {TP: 12}),
    ("NARR.CARRIED_FORWARD", "依申请公开方面，结转下年度继续办理1件。", {CF: 1}, {CF: None}),
    ("NARR.OUTCOME", "依申请公开办理结果中，予以公开5件。", {"applications.granted.total": 5},
     {"applications.granted.total": 4}),
    ("NARR.APPLICANT", "共收到政府信息公开申请，其中自然人申请19件。", {"applications.new_received.natural_person": 19},
     {"applications.new_received.natural_person": 18, "applications.carried_over.natural_person": 0}),
    ("NARR.REVIEW", "因政府信息公开工作被申请行政复议1件。", {AR: 1}, {AR: 0}),
    ("NARR.LITIGATION", "因政府信息公开工作被提起行政诉讼2件。", {LD: 1, LA: 1}, {LD: 1, LA: 0}),
    ("NARR.REVIEW_LITIGATION", "因政府信息公开被申请行政复议、提起行政诉讼共3件。", {AR: 1, LD: 1, LA: 1},
     {AR: 1, LD: 1, LA: 0}),
]


@pytest.mark.parametrize("code, sentence, good, bad", _CASES, ids=[c[0] for c in _CASES])
def test_each_rule_agrees_with_matching_cells_and_warns_on_others(code: str, sentence: str, good: dict,
                                                                  bad: dict) -> None:
    values = {NR: 0, CO: 0} | good
    ok = _one(sentence, values)
    assert (ok.code, ok.severity, ok.detail["checked"]) == (code, "info", True) and ok.detail["matched"]
    broken = _one(sentence, {NR: 0, CO: 0} | bad)
    assert (broken.code, broken.severity) == (code, "warning")
    assert broken.detail["sentence"] == sentence and broken.detail["meanings"][0]["cells"]
    assert code in RULES and RULES[code].zh and RULES[code].en


def test_received_matches_new_plus_carried_over_and_says_which() -> None:
    f = _one("全年共收到政府信息公开申请6件。", {NR: 5, CO: 1})
    assert f.severity == "info" and f.detail["matched"] == "本年新收 + 上年结转"
    f = _one("全年共收到政府信息公开申请6件。", {NR: 6, CO: 1})
    assert f.severity == "info" and f.detail["matched"] == "本年新收"
    f = _one("全年共收到政府信息公开申请6件。", {NR: 4, CO: 1})
    assert f.severity == "warning" and [m["sum"] for m in f.detail["meanings"]] == [4, 5]


def test_a_blank_cell_counts_as_zero_and_an_unknown_cell_is_not_checked() -> None:
    assert _one("全年无信息公开申请。", {NR: None, CO: None}).severity == "info"
    unknown = _one("全年共收到政府信息公开申请6件。", {CO: 0})
    assert unknown.severity == "info" and unknown.detail["checked"] is False


def test_the_fee_is_recorded_and_never_compared_with_the_table_two_fees() -> None:
    f = _one("2021年，我区无收取信息处理费情况。", {"active_disclosure.fees_10k_yuan": 94})
    assert (f.code, f.severity, f.paths, f.detail["checked"]) == ("NARR.FEE", "info", [], False)


# ── documents ────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("stem, stated", [("000_38ec84bebc7328d3", []), ("001_486c4dbf7b9bad2b", [0]),
                                          ("002_0126e23b7202ee31", [6]), ("003_d677def7845cc038", [3]),
                                          ("004_70fa07ff4f3c9aaf", [0])])
def test_seed_narratives_state_their_applications_and_agree_with_the_tables(golden_dir: Path, stem: str,
                                                                            stated: list[int]) -> None:
    record = process_document(load(golden_dir / f"{stem}.txt"))
    narr = [f for f in record.findings if f.code.startswith("NARR.")]
    assert [f.expected for f in narr if f.code == "NARR.NEW_RECEIVED"] == stated
    assert all(f.severity == "info" for f in narr)
    assert all(f.detail.get("matched") for f in narr if f.code != "NARR.FEE")
    assert not [f for f in record.findings if f.severity != "info" and f.code.startswith(("NARR.", "SPLIT."))]


def _contradicted(golden_dir: Path) -> tuple[Document, Record]:
    """The third seed's table with its prose saying 4 applications where the table says 3."""
    golden = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    report = Report.model_validate({k: v for k, v in golden.items() if k in Report.model_fields})
    text = render(report, "cells").replace("共收到政府信息公开申请3件", "共收到政府信息公开申请4件")
    doc = Document.from_text(text, doc_id="contradiction")
    return doc, process_document(doc)


def test_a_narrative_contradicting_its_table_goes_to_the_review_queue_with_sentence_and_cells(
        golden_dir: Path) -> None:
    doc, record = _contradicted(golden_dir)
    assert record.report.applications.new_received.total == 3                    # the table is not changed
    (warning,) = [f for f in record.findings if f.severity == "warning"]
    assert warning.code == "NARR.NEW_RECEIVED" and warning.expected == 4
    assert "共收到政府信息公开申请4件" in warning.detail["sentence"]
    assert warning.detail["meanings"][0]["cells"] == {NR: 3}
    (item,) = [i for i in review_items(record, doc.lines) if i.finding and "NARR.NEW_RECEIVED" in i.rules]
    assert any("申请4件" in s.text for s in item.source_lines)
    assert any("\t3" in doc.lines[s.n - 1] or "3" == doc.lines[s.n - 1].strip() for s in item.source_lines)


def test_a_contradicted_cell_is_not_proven_nor_are_the_cells_of_its_row(golden_dir: Path) -> None:
    # a wrapped 490 read by its middle digit keeps every identity (9 = 9 + 0 ...); only the prose says otherwise
    doc, record = _contradicted(golden_dir)
    assert record.provenance[NR].status == Status.DISPUTED and "NARR.NEW_RECEIVED" in record.provenance[NR].rules
    row = [p for p in record.provenance if p.startswith("applications.new_received.") and p != NR]
    assert {record.provenance[p].status for p in row} == {Status.UNVERIFIED}
    assert record.provenance["applications.granted.total"].status == Status.PROVEN      # other rows keep their proof
    queued = {i.path for i in review_items(record, doc.lines)}
    assert NR in queued and set(row) <= queued


def test_the_column_identities_that_held_with_a_contradicted_cell_prove_none_of_their_cells(golden_dir: Path) -> None:
    # 4 / 9 / 0 wrapped in a narrow column is read 9 in 一、 and in (七)总计 alike: the balance 一 + 二 = (七) + 四
    # holds with the wrong 9, so it vouches for neither; the prose's 490 against 一、 is all that says so
    doc, record = _contradicted(golden_dir)
    for path in ("applications.total_processed.total", "applications.carried_forward.total"):
        assert record.provenance[path].status == Status.UNVERIFIED, path
        assert "NARR.NEW_RECEIVED" in record.provenance[path].rules
    assert "applications.total_processed.total" in {i.path for i in review_items(record, doc.lines)}
    (warning,) = [f for f in record.findings if f.severity == "warning"]
    after = apply_decisions(record, [Decision(action="keep", doc_id=record.doc_id, finding=finding_key(warning))],
                            doc.lines)
    assert after.provenance["applications.total_processed.total"].status == Status.PROVEN


def test_a_reviewer_acknowledging_the_contradiction_gives_the_table_its_proof_back(golden_dir: Path) -> None:
    doc, record = _contradicted(golden_dir)
    (warning,) = [f for f in record.findings if f.severity == "warning"]
    ack = Decision(action="keep", doc_id=record.doc_id, finding=finding_key(warning))
    after = apply_decisions(record, [ack], doc.lines)
    assert {v.status for p, v in after.provenance.items() if p.startswith("applications.new_received.")} == \
        {Status.PROVEN}
    kept = apply_decisions(record, [Decision(action="keep", doc_id=record.doc_id, path=NR, value=3)], doc.lines)
    assert kept.provenance[NR].status == Status.REVIEWED
    assert {v.status for p, v in kept.provenance.items()
            if p.startswith("applications.new_received.") and p != NR} == {Status.PROVEN}


def test_the_rules_command_lists_every_new_code_with_chinese_and_english(golden_dir: Path) -> None:
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(golden_dir.parent))
    out = subprocess.run([sys.executable, "-m", "llm_extract.cli", "rules"], capture_output=True, text=True,
                         env=env, cwd=golden_dir.parent, check=True).stdout
    for code in [c for c in RULES if c.startswith(("NARR.", "XYEAR.", "SPLIT."))]:
        line = next(ln for ln in out.splitlines() if f" {code} " in ln)
        assert RULES[code].zh[:8] in line and RULES[code].en[:20] in line
    assert {"NARR.NEW_RECEIVED", "XYEAR.CARRY", "XYEAR.STOCK_NORMATIVE", "SPLIT.JOIN", "SPLIT.UNMERGE"} <= set(RULES)


def test_a_record_changed_after_extraction_gets_its_narrative_checked_again(golden_dir: Path) -> None:
    record = process_document(load(golden_dir / "003_d677def7845cc038.txt"))
    stored = Record.from_json_dict(json.loads(json.dumps(record.to_json_dict(), default=str)))
    assert [f.code for f in recheck_narrative(stored).findings if f.severity == "warning"] == []
    stored.report.applications.new_received.total = 4          # e.g. a reviewer's decision
    (warning,) = [f for f in recheck_narrative(stored).findings if f.severity == "warning"]
    assert warning.code == "NARR.NEW_RECEIVED" and warning.expected == 3 and warning.actual == 4


def test_a_space_a_converter_left_inside_a_phrase_does_not_change_its_meaning() -> None:
    """pymupdf4llm joins a paragraph's wrapped lines with a space (``结转下年度继续 办理 1 件``): 办理 is still part of
    结转下年度继续办理, the carried-forward count, not the year's handled count."""
    figures = read_narrative(["（二）依申请公开。全年共收到政府信息公开申请 14 件，结转下年度继续 办理 1 件，均在法定期限内予以答复。"],
                             2023)
    assert [(f.code, f.figure) for f in figures] == [("NARR.NEW_RECEIVED", 14), ("NARR.CARRIED_FORWARD", 1)]
