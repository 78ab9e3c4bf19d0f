"""An article's tables written as sentences naming each cell, its lines opening with pictographs.

``⬇️一、本年新收政府信息公开申请数量：总计1件，其中自然人1件、商业企业0件、…其他0件。`` names all seven of 表三's columns
(its total first, the others after 其中), ``✅行政复议：结果维持0件，…总计5件。`` a 表四 group's five: the names place the
numbers (extract/sentencerows.py), the line is the table's row and never a narrative figure, and the bullet (📢, ⬇️)
is no part of the label.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.sentencerows import TABLE3_SETS, TABLE4_SETS, sentence_row
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICATION_ROWS, REVIEW_GROUPS, Report
from llm_extract.synth.render import TABLE3_ROW_LABELS

T3_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T4_NAMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_LABELS = {"administrative_review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
             "litigation_after_review": "行政诉讼（复议后起诉）"}


def test_a_total_named_first_and_the_others_after_qizhong_is_a_row_in_the_forms_order() -> None:
    line = "📢一、本年新收政府信息公开申请数量：总计9件，其中自然人5件、商业企业无、科研机构1件、社会公益组织0件、法律服务机构0件、其他3件。"
    assert sentence_row(line, TABLE3_SETS) == "📢一、本年新收政府信息公开申请数量\t5\t无\t1\t0\t0\t3\t9"
    assert sentence_row("行政复议：总计５件，结果维持０件，结果纠正０件，其他结果５件，尚未审结０件。", TABLE4_SETS) == \
        "行政复议\t0\t0\t5\t0\t5"


def test_an_empty_cell_written_bu_shi_yong_is_an_empty_cell_of_the_row() -> None:
    line = "💡（一）予以公开：总计42件，其中自然人38件、商业企业不适用、科研机构无、社会公益组织-、法律服务机构3件、其他1件。"
    assert sentence_row(line, TABLE3_SETS) == "💡(一)予以公开\t38\t不适用\t无\t-\t3\t1\t42"


def test_the_total_named_heji_is_the_total_column() -> None:
    line = "（一）予以公开：合计42件，其中自然人38件、商业企业0件、科研机构0件、社会公益组织0件、法律服务机构3件、其他1件。"
    assert sentence_row(line, TABLE3_SETS) == "(一)予以公开\t38\t0\t0\t0\t3\t1\t42"
    assert sentence_row("行政复议：结果维持1件，结果纠正0件，其他结果5件，尚未审结0件，合计6件。", TABLE4_SETS) == \
        "行政复议\t1\t0\t5\t0\t6"
    # named twice, once each way: no row
    assert sentence_row(line.replace("合计42件，", "合计42件，总计42件，"), TABLE3_SETS) is None


def test_a_sentence_naming_some_cells_or_saying_more_is_no_row() -> None:
    assert sentence_row("全年收到申请：总计5件，其中自然人3件、商业企业2件。", TABLE3_SETS) is None     # three of seven
    assert sentence_row("数量：总计2件，其中自然人1件，较上年增加商业企业0件、科研机构0件、社会公益组织0件、"
                        "法律服务机构0件、其他1件。", TABLE3_SETS) is None           # words between two cells


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "002_0126e23b7202ee31.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _article(report: Report, scale: int = 1) -> str:
    """表三 and 表四 as an article's sentences, each line opening with a bullet, 总计 named first; every count times
    ``scale`` (the identities still hold), written with thousands separators."""
    values = {p: v * scale if isinstance(v, int) else v for p, v in report.values().items()}
    lines = ["某区人民政府2023年政府信息公开工作年度报告", "📌三、收到和处理政府信息公开申请情况"]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        cells = [values[f"applications.{row}.{c}"] for c in
                 ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
        named = [f"{n}{v:,}件" for n, v in zip(T3_NAMES, cells)]
        lines.append(f"⬇️{group}{label}：{named[-1]}，其中" + "、".join(named[:-1]) + "。")
    lines.append("📌四、政府信息公开行政复议、行政诉讼情况")
    for group in REVIEW_GROUPS:
        cells = [values[f"review_litigation.{group}.{c}"] for c in ("upheld", "corrected", "other", "pending", "total")]
        lines.append(f"✅{T4_LABELS[group]}：" + "，".join(f"{n}{v:,}件" for n, v in zip(T4_NAMES, cells)) + "。")
    return "\n".join(lines + ["📌五、存在的主要问题及改进情况", "无。"])


def test_an_articles_tables_written_as_named_sentences_are_read_and_proven(golden_dir) -> None:
    report = _report(golden_dir)
    text = _article(report)
    assert "⬇️一、本年新收政府信息公开申请数量：总计" in text
    record = process_document(Document.from_text(text, doc_id="article"))
    for path, value in report.values().items():
        if path.startswith(("applications.", "review_litigation.")):
            assert record.report.get(path) == value, path
            assert record.provenance[path].status is Status.PROVEN, path
    # the table's sentences are its rows, not the narrative's figures
    assert not [f for f in record.findings if f.code.startswith("NARR.") and f.severity == "warning"]


def test_counts_written_with_thousands_separators_are_whole_cells(golden_dir) -> None:
    """A big agency's article: ``总计1,909件，其中自然人1,752件、…``, ``行政复议：结果维持1,000件，…``: each count is one
    cell, read whole and proven by the identities."""
    report = _report(golden_dir)
    text = _article(report, scale=1000)
    assert "其中自然人" in text and ",000件" in text
    record = process_document(Document.from_text(text, doc_id="article"))
    for path, value in report.values().items():
        if path.startswith(("applications.", "review_litigation.")) and isinstance(value, int):
            assert record.report.get(path) == value * 1000, path
            assert record.provenance[path].status is Status.PROVEN, path
