"""表四 on one tab-joined line (a text tool's cells one to a line, joined with tabs by a crawler): fifteen fields of a
group's name, its column headers' pieces and five numbers (``行政复议⇥结果⇥维持⇥0⇥结果⇥纠正⇥0⇥…⇥总计⇥0``) are
not fifteen cells with empty fields among them. A field holding words is no empty cell: the row is not read as
fifteen cells (it was, the words as blanks, proven), and what it holds is left to the other readers or queued."""

from __future__ import annotations

from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS

ROW = "\t".join(["行政复议", "结果", "维持", "0", "结果", "纠正", "0", "其他", "结果", "0", "尚未", "审结", "0", "总计", "0"])


def test_fifteen_tab_fields_of_words_and_numbers_are_not_fifteen_cells() -> None:
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", "二、主动公开政府信息情况", "行政许可\t3",
                      "四、政府信息公开行政复议、行政诉讼情况", ROW, "五、存在的主要问题及改进情况", "无。"])
    readings = extract_regex(Document.from_text(text, doc_id="tabs")).readings
    paths = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    assert not any(readings[p].kind.value == "blank" for p in paths)
