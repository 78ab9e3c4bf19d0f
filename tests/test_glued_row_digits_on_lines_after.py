"""A crawler's dump whose rows lost their separators, one row's cells partly glued and partly on lines of their own,
the row below's glued onto them (``3.危及“三安全一稳定”00000000000`` / ``0`` / ``0`` / ``0``: fourteen digits, two rows),
and the row below's label bare (``4.保护第三方合法权益``).

A label with nothing after it is not a row of empty cells when the row above holds, in its glued run and the lines
after it, digits enough for two rows and was not cut into its seven cells: this row's cells may be among them.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS
from tests.test_glued_dump_labels_first import TABLE4

LINES = [
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况',
    '自然人',
    '法人或',
    '其他组织',
    '总计',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '一、本年新收政府',
    '信息公开申请数量',
    '38',
    '0',
    '0',
    '11',
    '0',
    '26',
    '7',
    '5',
    '二、上年结转政府信息公开申请数量0010113',
    '三、本年',
    '度办理',
    '结果',
    '（一）予以公开10070412',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000',
    '（三）',
    '不予',
    '公开',
    '1.属于国家秘密0000000',
    '2.其他法律行政法规禁止公开0000000',
    '3.危及“三安全一稳定”00000000000',
    '0',
    '0',
    '0',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息0000000',
    '6.属于四类过程性信息0000000',
    '7.属于行政执法案卷0000000',
    '8.属于行政查询事项0000022',
]


def test_a_bare_label_under_a_row_holding_two_rows_digits_in_its_run_and_lines_is_left_unread() -> None:
    record = process_document(Document.from_text("\n".join(LINES) + "\n" + TABLE4, doc_id="stacked-glued"))
    for path in TABLE3_ROW_PATHS["denied_third_party"]:
        assert record.provenance[path].status in (Status.MISSING, Status.DERIVED), path   # unread, or the identities'
