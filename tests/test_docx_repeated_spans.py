"""A Word table dumped as tab-separated rows by a python-docx script (``"\\t".join(c.text for c in row.cells)``):
a merged cell's text stands in every column it spans, so 表三's label column group prints ``一、本年新收…`` three
times and ``三、本年度办理结果`` before every outcome row, and an empty cell is an empty field. The last copy of a
repeated label is the row's label (llm_extract/extract/layout.py), the seven fields after it its cells: read and
proven, an empty field an empty cell."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICATION_ROWS
from tests.table3_checks import assert_rows_proven
from tests.test_innertext_cells import LABELS, ROWS

_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _dump() -> str:
    lines = ["西湖区商务局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "\t".join([_NOTE] * 3 + ["申请人情况"] * 7),
             "\t".join([_NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]),
             "\t".join([_NOTE] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])]
    group = ""
    for labels, row in zip(LABELS, APPLICATION_ROWS):
        cells = ["" if v is None else str(v) for v in ROWS[row]]
        if row in ("new_received", "carried_over", "carried_forward"):
            head = [labels[0]] * 3
        else:
            if len(labels) == 2 and labels[0].startswith("三、"):
                labels = labels[1:]
            sub = labels[0] if len(labels) == 2 else None
            group = sub or (group if labels[-1][0].isdigit() else "")
            head = ["三、本年度办理结果", group, labels[-1]] if group else ["三、本年度办理结果", labels[-1], labels[-1]]
        lines.append("\t".join(head + cells))
    lines += ["四、政府信息公开行政复议、行政诉讼情况",
              "\t".join(["行政复议"] * 5 + ["行政诉讼"] * 10),
              "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5),
              "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
              "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10), "五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines)


def test_repeated_merged_labels_and_empty_fields_read_as_the_table() -> None:
    text = _dump()
    assert "三、本年度办理结果\t（三）不予公开\t1．属于国家秘密\t0\t\t\t\t\t\t0" in text.split("\n")
    record = process_document(Document.from_text(text, doc_id="docx-dump"))
    assert_rows_proven(record, ROWS)


def test_repeated_placeholders_stay_cells() -> None:
    """A row printed as placeholders (``无`` in each of its seven fields) is seven empty cells, a row in Chinese
    numerals (``三⇥三``) its counts: only words that are no cell's mark or count are a merged label's copies."""
    from llm_extract.extract.layout import tokenize

    items = tokenize(["2．重复申请\t无\t无\t无\t无\t无\t无\t无"], 1, 2)
    assert [it.raw for it in items if it.is_value] == ["无"] * 7
    items = tokenize(["2．重复申请\t三\t三\t〇\t〇\t〇\t〇\t六"], 1, 2)      # counts in Chinese numerals
    assert [it.raw for it in items][1:] == ["三", "三", "〇", "〇", "〇", "〇", "六"]
