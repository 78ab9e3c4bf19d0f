"""表三 printed on its side: a wide table whose header names the form's rows over three levels (一、二、三、四;
（一）…（七） under 三、本年度办理结果; each group's items under its title) and whose body has one line per applicant
column, 自然人 … 总计, each with its 25 numbers. A web page's text gives the header's names one to a line, level by
level, then each column's name and its numbers one to a line. The names place the numbers: the table is read
whole, and the identities prove it. A header naming a group's items out of the form's order, or a column short of
a number, places nothing.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.extract.t3sideways import read_sideways
from llm_extract.ingest import Document
from verify import verify_extraction

_ROWS = ["new_received", "carried_over", "granted", "partially_granted", "denied_state_secret",
         "denied_prohibited_by_law", "denied_security_stability", "denied_third_party", "denied_internal_affairs",
         "denied_process_info", "denied_enforcement_file", "denied_query_matter", "unavailable_not_held",
         "unavailable_needs_creation", "unavailable_unclear", "rejected_petition", "rejected_duplicate",
         "rejected_publication", "rejected_excessive", "rejected_reconfirm", "other_no_correction",
         "other_unpaid_fee", "other_other", "total_processed", "carried_forward"]
_COLUMNS = [("natural_person", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
            ("social_org", "社会公益组织"), ("legal_service", "法律服务机构"), ("other_org", "其他"), ("total", "总计")]
#: 自然人 and 商业企业's cells (the other organisations all 0): every identity holds
_NATURAL = {"new_received": 10, "carried_over": 1, "granted": 5, "partially_granted": 2, "unavailable_not_held": 2,
            "rejected_duplicate": 1, "total_processed": 10, "carried_forward": 1}
_COMMERCIAL = {"new_received": 3, "granted": 2, "denied_third_party": 1, "total_processed": 3}
_GROUPS = [("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
           ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
           ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                          "5.要求行政机关确认或重新出具已获取信息"]),
           ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"])]


def _value(column: str, row: str) -> int:
    natural, commercial = _NATURAL.get(row, 0), _COMMERCIAL.get(row, 0)
    return {"natural_person": natural, "commercial": commercial, "total": natural + commercial}.get(column, 0)


def _page(items: list[list[str]] | None = None, short: str = "") -> str:
    items = items or [i for _, i in _GROUPS]
    td = "".join
    r1 = td(["<td rowspan=3>申请人情况</td>", "<td rowspan=3>一、本年新收政府信息公开申请数量</td>",
             "<td rowspan=3>二、上年结转政府信息公开申请数量</td>", "<td colspan=22>三、本年度办理结果</td>",
             "<td rowspan=3>四、结转下年度继续办理</td>"])
    r2 = td(["<td rowspan=2>（一）予以公开</td>", "<td rowspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>"]
            + [f"<td colspan={len(i)}>{g}</td>" for (g, _), i in zip(_GROUPS, items)] + ["<td rowspan=2>（七）总计</td>"])
    r3 = td(f"<td>{x}</td>" for i in items for x in i)
    body = ""
    for key, name in _COLUMNS:
        cells = [_value(key, r) for r in _ROWS]
        if key == short:
            cells = cells[1:]
        body += "<tr><td>" + name + "</td>" + td(f"<td>{v}</td>" for v in cells) + "</tr>"
    return ("<html><body><p>平安区人民政府2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
            f"<table border=1><tr>{r1}</tr><tr>{r2}</tr><tr>{r3}</tr>{body}</table>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p></body></html>")


def _record(page: str):
    return verify_extraction(extract_regex(Document.from_text(page, doc_id="x", source_kind="html")))


def test_a_table_on_its_side_is_read_by_the_names_of_its_lines_and_proven() -> None:
    record = _record(_page())
    for key, _ in _COLUMNS:
        for row in _ROWS:
            path = f"applications.{row}.{key}"
            assert record.report.get(path) == _value(key, row), path
            assert record.provenance[path].status is Status.PROVEN, path


def test_a_header_naming_a_groups_items_out_of_order_places_nothing() -> None:
    swapped = [i[:] for _, i in _GROUPS]
    swapped[2][0], swapped[2][1] = swapped[2][1], swapped[2][0]     # 2.重复申请 printed before 1.信访举报投诉类申请
    lines = Document.from_text(_page(swapped), doc_id="x", source_kind="html").lines
    assert read_sideways(lines) is None
    assert read_sideways(Document.from_text(_page(), doc_id="x", source_kind="html").lines) is not None


def test_a_column_short_of_a_number_places_nothing() -> None:
    lines = Document.from_text(_page(short="commercial"), doc_id="x", source_kind="html").lines
    assert read_sideways(lines) is None
