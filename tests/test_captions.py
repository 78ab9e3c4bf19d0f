"""A table's caption whose number a text tool printed apart (``表 3 政府信息公开行政复议、行政诉讼情况``): the number is
the caption's, no cell. 表四 printed as three rows of five under such a caption is read as printed and proven, not
sixteen numbers for fifteen cells."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.captions import without_caption_numbers
from llm_extract.extract.layout import tokenize
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")


def _fixed_width(values: dict, caption: str) -> str:
    """The report with 表四 as pdftotext -layout prints a Word table of three rows of five under ``caption``
    (行政诉讼's label centred between its two rows)."""
    head = report_text(values).partition("四、政府信息公开行政复议")[0]
    paths = ("administrative_review", "litigation_direct", "litigation_after_review")
    rows = [" ".join(f"{values[f'review_litigation.{p}.{c}']:>8}" for c in ("upheld", "corrected", "other",
                                                                             "pending", "total")) for p in paths]
    table = [f"                  {caption}", "",
             "                     结果维持  结果纠正  其他结果  尚未审结  总计",
             f"        {_GROUPS[0]}   {rows[0]}",
             f"          {_GROUPS[1]}  {rows[1]}",
             "   行政诉讼",
             f"          {_GROUPS[2]}      {rows[2]}"]
    return head + "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(table) + "\n\n五、存在的主要问题及改进情况\n\n无。\n"


@pytest.mark.parametrize("caption", ["表 3 政府信息公开行政复议、行政诉讼情况", "附表 3  行政复议、行政诉讼情况"])
def test_table4_under_a_caption_with_its_number_apart_is_read_whole_and_proven(caption: str) -> None:
    values = sample_values()
    text = _fixed_width(values, caption)
    assert f"{caption}\n" in text and "行政复议          1        0" in text
    record = process_document(Document.from_text(text, doc_id="d"))
    for path, value in values.items():
        if path.startswith("review_litigation."):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is Status.PROVEN, path


def test_only_a_number_right_after_a_word_ending_in_biao_is_left_out() -> None:
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "附表 3 行政复议情况", "总计 3", "行政复议 1 0 0 1 2"]
    items = tokenize(lines, 1, len(lines) + 1, False)
    kept = without_caption_numbers(items)
    assert [it.raw for it in items if it.is_value] == ["3", "3", "1", "0", "0", "1", "2"]
    assert [it.raw for it in kept if it.is_value] == ["3", "1", "0", "0", "1", "2"]
    assert without_caption_numbers(kept) is kept
