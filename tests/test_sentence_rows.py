"""Tables written as one sentence per row, each cell named by its column (llm_extract/extract/sentencerows.py).

``一、本年新收…：自然人3件，商业企业无，…，总计5件。`` is a row of 表三: the column names place its cells, in any
order. A sentence that leaves a column out, names one twice, or states an amount in another unit is no row: its
cells stay missing rather than be guessed.
"""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from llm_extract.synth.render import TABLE3_ROW_LABELS
from llm_extract.extract.sentencerows import TABLE2_SETS, TABLE3_SETS, sentence_row
from tests.fixtures.ingest.form2021 import golden_report, with_section

STEM = "003_d677def7845cc038"
_T3 = "三、收到和处理政府信息公开申请情况"
_T4 = "四、政府信息公开行政复议、行政诉讼情况"
_NAMES = dict(zip(APPLICANT_COLUMNS, ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")))
_T4_NAMES = dict(zip(REVIEW_COLUMNS, ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")))
_T4_LABELS = {"administrative_review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
              "litigation_after_review": "行政诉讼（复议后起诉）"}


def _count(value) -> str:
    return "无" if value is None else f"{value}件"


def _table3_sentences(values: dict, order: list[str]) -> str:
    lines = []
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        cells = "，".join(f"{_NAMES[c]}{_count(values[f'applications.{row}.{c}'])}" for c in order)
        lines.append(f"{group}{label}：{cells}。")
    return "\n\n".join(lines)


def _table4_sentences(values: dict) -> str:
    return "\n\n".join(
        f"{_T4_LABELS[g]}：" + "，".join(f"{_T4_NAMES[c]}{_count(values[f'review_litigation.{g}.{c}'])}"
                                       for c in REVIEW_COLUMNS) + "。" for g in REVIEW_GROUPS)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id=STEM))


def test_rows_written_as_sentences_are_read_by_their_column_names_in_any_order() -> None:
    truth = golden_report(STEM).values()
    order = ["total", "other_org", *APPLICANT_COLUMNS[:5]]          # the names, not the order, place a cell
    text = with_section(STEM, _T3, _T4, _table3_sentences(truth, order))
    text = with_section_text(text, _T4, "六、其他需要报告的事项", _table4_sentences(truth))
    got = _record(text).report.values()
    wanted = [p for p in truth if p.startswith(("applications.", "review_litigation."))]
    assert {p: got[p] for p in wanted} == {p: truth[p] for p in wanted}


def with_section_text(text: str, heading: str, until: str, section: str) -> str:
    start, end = text.index(heading), text.index(until)
    return text[:start] + heading + "\n\n" + section + "\n\n" + text[end:]


def test_a_sentence_leaving_a_column_out_is_no_row() -> None:
    names = TABLE3_SETS[0].names
    full = "（一）予以公开：" + "，".join(f"{n}1件" for n in names[:-1]) + f"，{names[-1]}6件。"
    assert sentence_row(full, TABLE3_SETS) == "\t".join(["（一）予以公开", *"111111", "6"]).replace("（", "(").replace("）", ")")
    short = "（一）予以公开：" + "，".join(f"{n}1件" for n in names[:-2]) + f"，{names[-1]}6件。"
    assert sentence_row(short, TABLE3_SETS) is None
    twice = full.replace("科研机构", "商业企业")
    assert sentence_row(twice, TABLE3_SETS) is None
    more = full.replace("。", "，均已办结。")
    assert sentence_row(more, TABLE3_SETS) is None


def test_the_rows_of_table2_two_to_a_line_and_its_fee_only_in_10k_yuan() -> None:
    assert sentence_row("行政处罚：本年处理决定数量0件；行政强制：本年处理决定数量23件。", TABLE2_SETS) \
        == "行政处罚\t0\t行政强制\t23"
    assert sentence_row("规章：本年制发1，本年废止3，现行有效73。", TABLE2_SETS) == "规章\t1\t3\t73"
    assert sentence_row("行政事业性收费：本年收费金额43.28万元。", TABLE2_SETS) == "行政事业性收费\t43.28"
    assert sentence_row("行政事业性收费：本年收费金额4328元。", TABLE2_SETS) is None


def test_a_sentence_missing_a_column_among_rows_is_never_a_row_of_blank_cells() -> None:
    truth = golden_report(STEM).values()
    text = with_section(STEM, _T3, _T4, _table3_sentences(truth, list(APPLICANT_COLUMNS)))
    text = re.sub(r"，科研机构[^，]*", "", text, count=1)     # new_received's sentence loses a cell and its name
    record = _record(text)
    got = record.report.values()
    assert all(got[p] == truth[p] for p in truth if p.startswith("applications.")
               and record.provenance[p].status is Status.PROVEN)
    assert all(record.provenance[f"applications.new_received.{c}"].status is not Status.PROVEN
               for c in APPLICANT_COLUMNS)
