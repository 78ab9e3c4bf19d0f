"""Headings with a bullet or an emoji before their number (a phone article's ``▶ 二、主动公开政府信息情况``).

A heading's number after a mark is still a heading's number, not an item of a list of section names
(``全文包括总体情况、主动公开政府信息情况、…`` is a list: no heading is read from it).
"""

from __future__ import annotations

import re

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.regions import find_regions, list_line
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


@pytest.mark.parametrize("mark", ["▶ ", "▲", "🔹 ", "■ ", "★★ "])
def test_a_marked_heading_opens_its_table(golden_dir, mark: str) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = re.sub(r"^([二三四]、)", lambda m: mark + m[1], render(report, "tabrows"), flags=re.M)
    assert text.count(mark) >= 3
    assert set(find_regions(text.split("\n"))) == {"表二", "表三", "表四"}
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in ("active_disclosure.licensing", "applications.new_received.total", "review_litigation.litigation_direct.total"):
        assert record.report.get(path) == report.get(path)
        assert record.provenance[path].status is Status.PROVEN


def test_a_list_of_section_names_is_still_no_heading() -> None:
    assert list_line("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况", "")
    assert not list_line("▶ 一、主动公开政府信息情况", "")


@pytest.mark.parametrize("t2, t3", [("二、主动公开情况", "三、依申请公开政府信息情况"),
                                    ("## 二、主动公开情况", "## 三、依申请公开情况"),
                                    ("二、主动公开", "三、收到和处理政府信息公开申请情况")])
def test_section_headings_that_drift_further_still_open_their_tables(golden_dir, t2: str, t3: str) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "tabrows")
    text, n2 = re.subn(r"^二、主动公开政府信息情况$", t2, text, flags=re.M)
    text, n3 = re.subn(r"^三、收到和处理政府信息公开申请情况$", t3, text, flags=re.M)
    assert n2 == n3 == 1
    assert set(find_regions(text.split("\n"))) == {"表二", "表三", "表四"}
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in ("active_disclosure.licensing", "applications.new_received.total"):
        assert record.report.get(path) == report.get(path)
        assert record.provenance[path].status is Status.PROVEN


def test_a_narrative_s_bracketed_sub_heading_opens_no_table() -> None:
    lines = ["一、总体情况", "（二）依申请公开情况", "（一）主动公开情况", "（一）主动公开", "（一）主动公开。通过网站公开信息"]
    assert find_regions(lines) == {}


@pytest.mark.parametrize("heading", ["▲ 五、存在的主要问题及改进情况", "✅ 五、其他需要报告的事项",
                                     "▶ 四、政府信息公开工作存在的主要问题及改进情况"])
def test_a_marked_heading_after_the_tables_ends_table4(heading: str) -> None:
    # a phone article: 表四's cells one to a line, then the next section behind a mark, then the page's
    # footer with its reading count (阅读 8538): no cell of 表四
    lines = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "▶ 三、政府信息公开行政复议、行政诉讼情况", *["0"] * 15, "", heading, "正文。", "阅读 8538"]
    region = find_regions(lines)["表四"]
    assert region.end == lines.index(heading) + 1


def test_table4_stops_before_a_marked_heading_and_the_footer(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    head, _, _ = render(report, "tabrows").partition("四、政府信息公开行政复议")
    headers = ["行政复议", "行政诉讼", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
               "未经复议直接起诉", "复议后起诉", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
    cells = ["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"]
    text = "\n".join([head.rstrip(), "", "四、政府信息公开行政复议、行政诉讼情况", "", *headers, *cells, "", "",
                      "▲ 五、存在的主要问题及改进情况", "", "正文。", "", "阅读原文", "阅读 8538"])
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.get("review_litigation.administrative_review.total") == 2
    assert record.report.get("review_litigation.litigation_after_review.total") == 1
    assert record.provenance["review_litigation.administrative_review.total"].status is Status.PROVEN


def test_a_heading_with_a_space_before_its_enumerators_comma_opens_its_table(golden_dir) -> None:
    """``二 、主动公开政府信息情况``: the space a word processor left is no list's 、."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = re.sub(r"^([二三四])、", lambda m: m[1] + " 、", render(report, "tabrows"), flags=re.M)
    assert " 、主动公开" in text
    assert set(find_regions(text.split("\n"))) == {"表二", "表三", "表四"}
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values()["active_disclosure.licensing"] == g["active_disclosure"]["licensing"]


def test_headings_in_markdowns_emphasis_open_their_tables_and_close_the_last() -> None:
    """mammoth's markdown of a Word file: ``__二、主动公开情况__`` (a heading worded freely, numbered) opens 表二 as
    ``二、主动公开情况`` does, and ``__五、存在的主要问题及改进情况__`` ends 表四's section."""
    lines = ["__二、主动公开情况__", "规章", "__三、依申请公开政府信息情况__", "一、本年新收政府信息公开申请数量",
             "__四、政府信息公开行政复议、行政诉讼情况__", "行政复议", "__五、存在的主要问题及改进情况__", "一是……"]
    regions = find_regions(lines)
    assert {name: (r.start, r.end) for name, r in regions.items()} == {"表二": (1, 3), "表三": (3, 5), "表四": (5, 7)}
