"""表三 labels run together in one cell (an OCR'd scan that lost the rules between its label cells) with one row's
numbers after them: which row printed the numbers is a guess, never proven; moving a row's numbers to another
outcome row keeps every identity."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
LABELS = ["（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
          "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
          "8.属于行政查询事项"]


def _row(label: str, cells: str) -> list[str]:
    return ["\t" + label] + ["\t" + c for c in cells.split()] + [""]


def _text() -> str:
    lines = ["向阳区人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "",
             "\t申请人情况", "\t自然人", "\t法人或其他组织", "\t总计", "",
             "\t商业企业", "\t科研机构", "\t社会公益组织", "\t法律服务机构", "\t其他", ""]
    lines += _row("一、本年新收政府信息公开申请数量", "6 0 0 0 0 0 6")
    lines += _row("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0")
    lines += _row("（一）予以公开", "2 0 0 0 0 0 2")
    # the cell of （二） holds the labels of the rows below it too: the rules between them were lost
    lines += _row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）" + "".join(LABELS[1:5]) + LABELS[0]
                  + "".join(LABELS[5:]), "4 0 0 0 0 0 4")
    for label in LABELS[1:]:
        lines += ["\t" + label] + ["\t"] * 7 + [""]
    for label in ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                  "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理"):
        lines += _row(label, "0 0 0 0 0 0 0")
    lines += _row("（七）总计", "6 0 0 0 0 0 6")
    lines += _row("四、结转下年度继续办理", "0 0 0 0 0 0 0")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "五、存在的主要问题及改进情况"]
    return "\n".join(lines) + "\n"


def test_one_rows_numbers_after_labels_run_together_are_not_proven_for_the_last_label() -> None:
    record = process_document(Document.from_text(_text(), doc_id="t", source_kind="html"))
    for row in ("partially_granted", "denied_query_matter"):
        for column in COLUMNS:
            prov = record.provenance[f"applications.{row}.{column}"]
            assert prov.status is not Status.PROVEN, (row, column, record.report.get(f"applications.{row}.{column}"))
    # the rows printed apart are read as they are
    assert record.report.get("applications.granted.total") == 2
    assert record.provenance["applications.granted.total"].status is Status.PROVEN


def _fixed_width() -> str:
    """The same table as fixed-width text (another OCR tool's, or pdftotext -layout's): the labels run together on
    one line, the row's numbers on the next, each sub-row's label again on a line of its own with nothing after it."""
    def row(label: str, cells: str) -> str:
        return f"{label}    " + "    ".join(cells.split())
    lines = ["向阳区人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "                    申请人情况",
             "                    自然人    商业企业    科研机构    社会公益组织    法律服务机构    其他    总计",
             row("一、本年新收政府信息公开申请数量", "6 0 0 0 0 0 6"),
             row("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
             row("三、本年度办理结果（一）予以公开", "2 0 0 0 0 0 2"),
             "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" + "".join(LABELS[1:5]) + LABELS[0]
             + "".join(LABELS[5:]),
             "                                            4    0    0    0    0    0    4",
             *LABELS[1:]]
    lines += [row(label, "0 0 0 0 0 0 0") for label in (
        "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理")]
    lines += [row("（七）总计", "6 0 0 0 0 0 6"), row("四、结转下年度继续办理", "0 0 0 0 0 0 0"),
              "四、政府信息公开行政复议、行政诉讼情况", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "五、存在的主要问题及改进情况"]
    return "\n".join(lines) + "\n"


def test_in_fixed_width_text_neither_the_last_label_nor_the_rows_read_blank_beside_it_are_proven() -> None:
    """There the other labels of the line read as blank rows (a label with nothing after it): (二)'s 4 was proven
    blank and 8.'s proven 4."""
    record = process_document(Document.from_text(_fixed_width(), doc_id="t"))
    for row in ("partially_granted", "denied_state_secret", "denied_query_matter"):
        for column in ("natural_person", "total"):
            prov = record.provenance[f"applications.{row}.{column}"]
            assert prov.status is not Status.PROVEN, (row, column, record.report.get(f"applications.{row}.{column}"))
    assert record.report.get("applications.granted.total") == 2
    assert record.provenance["applications.granted.total"].status is Status.PROVEN
