"""A model value grounded on its row's line in a block of rows settles the reader's guess about that place
(verify/blockplaced.py): 表三's labels printed as one block, OCR'd past the reader's naming them, then its rows of
numbers one a line. The reader cuts the region's numbers into bands (``READ.T3_REGION_BANDS``, never proven); the
grounding reads the labels and places each line on its label, so a cell no swap of rows of its identities would
change is proven by a model printed there, as it is where the reader reads nothing; every wrong model stays caught."""

from __future__ import annotations

import random

import pytest

from llm_extract.evidence import TRUSTED_STATUSES
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, answer_from_report, to_extraction
from llm_extract.schema import Report
from llm_extract.settling import read_document
from tests.model_errors import ERRORS
from tests.test_grounding_labelblock import VALUES, by_rows
from verify.blockplaced import settles_place
from verify.grounding import EXACT, NOT_FOUND, Grounding

# one line a label, a few of them OCR'd past the form's one-typo tolerance (玫府倍息, 公丌申清, 办埋, 么开)
LABELS = """一、本年新收玫府倍息公开申请数量
二、上年结转政府信息公丌申清数量
三、本年度办埋结果（一）予以么开
（二）部分公开（区分处理的，只计这一情形，不记其他情形）
（三）不予公开1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
（四）无法提供1.本机关不掌握相关政府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
（五）不予处理1.信访举报投诉类申请
2.重复申请
3.要求提供公开出版物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
3.其他
（七）总计
四、结转下年度继续办理""".split("\n")

TEXT = "\n".join(["测试区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                  "申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
                  *LABELS, *by_rows(VALUES), "", "四、政府信息公开行政复议、行政诉讼情况"])


def settled(answer_values: dict):
    reading = read_document(Document.from_text(TEXT, doc_id="t"), tolerate_no_table=True)
    deterministic = reading.record()
    model = to_extraction(ModelAnswer.model_validate(answer_from_report(Report.from_values("t", answer_values))),
                          "t", {"model": "scripted"})
    return deterministic, reading.with_model_result(model, {"status": "ok"}, deterministic)


def test_the_reader_guesses_the_rows_by_bands_and_proves_nothing():
    deterministic, _ = settled(VALUES)
    t3 = {p: v for p, v in deterministic.provenance.items() if p.startswith("applications.")}
    assert {v.status.value for v in t3.values()} == {"unverified"}
    assert all("READ.T3_REGION_BANDS" in v.rules for v in t3.values())


def test_a_model_on_its_rows_line_proves_the_cells_no_swap_of_rows_would_change():
    _, record = settled(VALUES)
    status = {p: v.status.value for p, v in record.provenance.items()}
    assert status["applications.total_processed.total"] == "proven"      # (七)总计 trades places with no row
    assert status["applications.granted.research"] == "proven"           # 0 in every outcome row
    # 予以公开 prints 5 where other outcome rows print 2, 1, 3: the tool's order is in doubt there
    assert status["applications.granted.natural_person"] == "unverified"
    assert status["applications.new_received.natural_person"] == "unverified"   # 一、 11 and 二、 2


@pytest.mark.parametrize("kind", sorted(ERRORS))
@pytest.mark.parametrize("seed", range(6))
def test_no_wrong_model_value_is_trusted(kind: str, seed: int):
    wrong = ERRORS[kind](dict(VALUES), random.Random(seed))
    if wrong is None:
        pytest.skip("nothing to change")
    _, record = settled(dict(VALUES) | wrong)
    trusted_wrong = [p for p in wrong if record.provenance[p].status in TRUSTED_STATUSES
                     and record.report.get(p) != VALUES.get(p)]
    assert trusted_wrong == []


def test_only_a_guess_about_a_rows_place_is_settled_and_only_by_a_block_grounding():
    block = Grounding(EXACT, [9], "0 0 0", by_block=True)
    assert settles_place("READ.T3_REGION_BANDS", block)
    assert settles_place("READ.ROW_ORDER", block)
    assert settles_place("READ.BLANK_ORDER_COLUMNS", block)
    assert not settles_place("READ.LABEL_STACK", block)          # a stacked label: the grounding meets it too
    assert not settles_place("READ.OCR_DIGITS", block)
    assert not settles_place("READ.T3_REGION_BANDS", Grounding(EXACT, [9], "0 0 0"))   # after its label only
    assert not settles_place("READ.T3_REGION_BANDS", Grounding(NOT_FOUND, by_block=True))
    assert not settles_place("READ.T3_REGION_BANDS", None)
