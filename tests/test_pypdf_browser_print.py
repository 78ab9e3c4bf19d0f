"""A web page printed to PDF by a browser (Chromium's default header and footer on every page), made text by pypdf
(``PdfReader(f).pages[i].extract_text()``, default or ``extraction_mode="layout"``).

pypdf writes the footer's address with the font's ligature (``ﬁle:///…/a.html 2/7``: U+FB01 for ``fi``) and the
header's date, time and title with one space between them (``12/7/26, 3:47 AM 海陵区…报告``); both are page furniture.
A row label cut by the page break (``（一）予以公`` above the furniture and the repeated table header, ``开`` below) is
then read whole, as pdftotext's text of the same print is.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.layout import is_page_furniture
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document


@pytest.mark.parametrize("line", [
    "\ufb01le:///work/reports/s11_cr04.html 2/7",
    "12/7/26, 3:47 AM 海陵区⼈⺠政府办公室 2023 年政府信息公开⼯作年度报告",
    "12/7/26, 3:47 PM XX局2022年政府信息公开工作年度报告",
])
def test_pypdfs_browser_header_and_footer_are_page_furniture(line: str) -> None:
    assert is_page_furniture(line)


def test_a_sentence_opening_with_a_date_and_a_24_hour_time_is_still_a_line_of_the_report() -> None:
    assert not is_page_furniture("2023/1/5 10:00 召开政务公开工作会议")


# the table's head as a narrow label column wraps it, repeated on every page
_HEADER = ["本列数", "据的勾", "稽关系", "申请⼈情况", "⾃然⼈", "法⼈或其他组织", "总计", "商业企", "业",
           "科研机构 社会公益组织 法律服务机构 其他"]
_ZERO = "0 0 0 0 0 0 0"
_ROWS = [("1. 属于国家秘密", _ZERO), ("2. 其他法律⾏政法规禁⽌公开", _ZERO), ("3. 危及“三安全⼀稳定”", _ZERO),
         ("4. 保护第三⽅合法权益", _ZERO), ("5. 属于三类内部事务信息", _ZERO), ("6. 属于四类过程性信息", "0 0 0 0 0 1 1"),
         ("7. 属于⾏政执法案卷", _ZERO), ("8. 属于⾏政查询事项", _ZERO), ("（四）⽆法提供", None),
         ("1. 本机关不掌握相关政府信息", "0 0 0 0 0 1 1"), ("2. 没有现成信息需要另⾏制作", _ZERO),
         ("3. 补正后申请内容仍不明确", _ZERO), ("（五）不予处理", None), ("1. 信访举报投诉类申请", _ZERO),
         ("2. 重复申请", "1 0 0 0 0 0 1"), ("3. 要求提供公开出版物", "0 1 0 0 0 0 1"), ("4. ⽆正当理由⼤量反复申请", _ZERO),
         ("5. 要求⾏政机关确认或重新出具已获取信息", _ZERO), ("（六）其他处理", None),
         ("1. 申请⼈⽆正当理由逾期不补正、⾏政机关不再处理其政府信息公开申请", _ZERO),
         ("2. 申请⼈逾期未按收费通知要求缴纳费⽤、⾏政机关不再处理其政府信息公开申请", _ZERO),
         ("3. 其他", "0 0 0 1 0 0 1"), ("（七）总计", "2 1 0 1 0 6 10"), ("四、结转下年度继续办理", _ZERO)]


def _report() -> str:
    lines = ["海陵区人民政府办公室2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_HEADER,
             "⼀、本年新收政府信息公开申请数量", "2 1 0 1 0 6 10", "⼆、上年结转政府信息公开申请数量", _ZERO,
             "三、本", "年度办", "理结果", "             ", "（⼀）", "予以公", "1 0 0 0 0 4 5",
             "12/7/26, 3:47 AM 海陵区⼈⺠政府办公室 2023 年政府信息公开⼯作年度报告",
             "\ufb01le:///work/reports/s11_cr04.html 2/7", *_HEADER,
             "开", "（⼆）", "部分公", "开（区", "分处理", "的，只", "计这⼀", "情形，", "不计其", "他情形）", _ZERO, "（三）不予公开"]
    for label, numbers in _ROWS:
        lines.append(label)
        if numbers:
            lines.append(numbers)
    return "\n".join(lines) + "\n"


def test_a_row_label_cut_by_the_page_break_of_a_browsers_print_read_by_pypdf_is_read_whole() -> None:
    record = process_document(Document.from_text(_report(), doc_id="pypdf-browser"))
    granted = record.report.applications.granted
    assert [granted.natural_person, granted.commercial, granted.research, granted.social_org,
            granted.legal_service, granted.other_org, granted.total] == [1, 0, 0, 0, 0, 4, 5]
    assert record.provenance["applications.granted.total"].status is Status.PROVEN
