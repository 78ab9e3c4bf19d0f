"""The headers and footers a browser prints on every page of a web page (Chromium's default when printing to PDF),
as a PDF-to-text tool gives them: page furniture, no line of the report."""

from __future__ import annotations

import pytest

from llm_extract.extract.layout import is_page_furniture


@pytest.mark.parametrize("line", [
    "file:///C:/Users/user/Desktop/report.html                                               2/7",
    "https://www.example.gov.cn/zwgk/ndbg/202301/t20230120_123.html    3/5",
    "12/7/26, 3:47 AM                                     海陵区人民政府办公室2023年政府信息公开工作年度报告",
    "2026/12/7 15:47      海陵区人民政府办公室2023年政府信息公开工作年度报告",
    "2023/1/20 下午3:47      XX局2022年政府信息公开工作年度报告",
    "12/7/26, 3:47 AM",
])
def test_a_browsers_page_header_or_footer_is_page_furniture(line: str):
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", [
    "2023/1/5 10:00召开政务公开工作会议",                       # a sentence opening with a date and time
    "一、本年新收政府信息公开申请数量   2/3",
    "详见 https://www.example.gov.cn/zwgk/ 第二十条",
    "行政许可                     2/7",
])
def test_a_line_of_the_report_is_not(line: str):
    assert not is_page_furniture(line)
