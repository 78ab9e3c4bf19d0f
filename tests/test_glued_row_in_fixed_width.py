"""A 表三 row glued to its label in a fixed-width text (``本年（二）部分公开0000000``: a copy that lost the row's
spaces), the next row's numbers printed a few lines below, above their own wrapped label::

     三、 （一）予以公开       0     0   0    0   0    0    0
    本年（二）部分公开0000000
    度办   （区分处理的，
    …
         （三）不予公开
                    58   0   0   0   0   0   58
         1.属于国家秘密

The digits glued to the label are the row's cells as printed; the numbers on another line after it are not surely
its own: the row is never read from them.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS
from tests.test_glued_dump_labels_first import TABLE4

LINES = [
    '三、收到和处理政府信息公开申请情况',
    '',
    '                               申请人情况',
    '  （本列数据的勾稽关系为：第               法人或其他组织',
    '  一项加第二项之和，等于第三   自然             社会  法律',
    '                       商业   科研                 总计',
    '     项加第四项之和）      人             公益  服务   其他',
    '                       企业   机构',
    '                                 组织  机构',
    ' 一、本年新收政府信息',
    '                  58    0   0    0   0    0    58',
    '   公开申请数量',
    ' 二、上年结转政府信息',
    '                  0     0   0   29   0    29   58',
    '   公开申请数量',
    ' 三、 （一）予以公开       0     0   0    0   0    0    0',
    '本年（二）部分公开0000000',
    '\x0c度办   （区分处理的，',
    '理结   只计这一情形，',
    ' 果   不计其他情形）',
    '     （三）不予公开',
    '                58   0   0   0   0   0   58',
    '     1.属于国家秘密',
    '     2.其他法律行政',
    '                0    0   0   0   0   0   0',
]


def test_a_row_glued_to_its_label_is_not_read_from_the_numbers_of_a_later_line() -> None:
    record = process_document(Document.from_text("\n".join(LINES) + "\n" + TABLE4, doc_id="glued-row"))
    for path in TABLE3_ROW_PATHS["partially_granted"]:
        assert record.report.get(path) != 58, path
        assert record.report.get(path) is None or record.provenance[path].status is not Status.PROVEN, path


def _layout_text(golden_dir) -> str:
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render

    return render(Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json")), "pdftext")


def test_one_row_alone_glued_to_its_label_is_read_as_its_seven_digits(golden_dir) -> None:
    """Fixed-width text whose last row lost its spaces (``四、结转下年度继续办理0000000``), every other row spaced: the
    seven digits are the row's seven cells (a run that fills the row exactly: the only cut), read as printed for the
    identities to check, not the row left blank and queued."""
    import re

    text = _layout_text(golden_dir)
    m = re.search(r"(?m)^(\s*四、结转下年度继续办理)((?:\s+0){7})\s*$", text)
    assert m is not None
    glued = text[:m.start()] + m.group(1) + "0000000" + text[m.end():]
    record = process_document(Document.from_text(glued, doc_id="glued-alone"))
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["carried_forward"]] == [0] * 7
    assert {record.provenance[p].status for p in TABLE3_ROW_PATHS["carried_forward"]} <= {Status.PROVEN, Status.DERIVED}
