"""An agency name garbled by a page header drawn over itself (llm_extract/bodies.py, extract/meta.py, verify/trust.py).

A browser printing a report page to PDF writes the page's title in every page's header; a converter reading the PDF
(pymupdf4llm) may run the header's copies together: ``东城区住房和城城区住房和城区住房和城住房和城房和城和城城乡建设局
2021 年政府信息公开工作年度报告``. The article's own title follows a few lines below.
"""

from __future__ import annotations

from llm_extract.bodies import garbled_name
from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_GARBLED = "东城区住房和城城区住房和城区住房和城住房和城房和城和城城乡建设局"
_TABLES = "\n".join([
    "二、主动公开政府信息情况", "规章\t0\t0\t3", "行政规范性文件\t2\t0\t14", "行政许可\t120", "行政处罚\t9", "行政强制\t0",
    "行政事业性收费\t0",
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
    "四、政府信息公开行政复议、行政诉讼情况", "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
])


def test_names_repeating_a_piece_of_four_characters_are_garbled() -> None:
    assert garbled_name(_GARBLED)
    assert not garbled_name("东城区住房和城乡建设局")
    assert not garbled_name("北京市北京经济技术开发区管理委员会")     # (two characters repeated: a real name)
    assert not garbled_name(None)


def test_the_articles_own_title_is_read_past_a_garbled_header() -> None:
    text = (f"12/7/26, 3:47 AM {_GARBLED} 东城区住房和城乡建设局门户网站\n\n{_GARBLED} 2021 年政府信息公开工作年度报告\n\n"
            f"# 东城区住房和城乡建设局2021年政府信息公开工作年度报告\n\n{_TABLES}\n")
    record = process_document(Document.from_text(text, doc_id="dc"))
    assert record.report.agency == "东城区住房和城乡建设局"
    assert record.provenance["agency"].status is Status.PROVEN
    assert record.report.year == 2021


def test_a_garbled_name_alone_is_read_but_never_proven() -> None:
    text = f"{_GARBLED} 2021 年政府信息公开工作年度报告\n\n{_TABLES}\n"
    record = process_document(Document.from_text(text, doc_id="dc"))
    assert record.report.agency == _GARBLED
    assert record.provenance["agency"].status is Status.UNVERIFIED
    assert "READ.AGENCY_NAME" in record.provenance["agency"].rules
