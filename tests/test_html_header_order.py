"""A web page's tables printing columns (or 表四's groups) in another order than the form's, their header cells as
CMS editors and Word print them: a name wrapped in its cell (``结果<br>维持``, ``社会<br>公益<br>组织``: the words
``结果 维持``), and 表四's group names as cells of one row, one to a line (``⇥行政诉讼`` then ``⇥行政复议``). No identity
tells such columns apart (表二 has none; 表四's group sums and 表三's sums treat them alike): read in the form's order
they were proven under the wrong columns. They are placed as the header names them, and the cells the two orders
read differently are never proven (``READ.HEADER_ORDER``, ``READ.APPLICANT_ORDER``)."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.html import html_to_text
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS, TABLE3_ROW_PATHS
from llm_extract.synth.render import TABLE3_ROW_LABELS

_STOCK = ("本年制发件数", "本年废止件数", "现行有效件数")
_NORMATIVE = [5, 2, 51]
_APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
# 表三: new_received and granted and total_processed carry one applicant each in 法律服务机构 (2) and 其他 (1)
_T3 = {"new_received": [6, 1, 0, 0, 2, 1], "granted": [6, 1, 0, 0, 2, 1], "total_processed": [6, 1, 0, 0, 2, 1]}
_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_T4 = {"administrative_review": [1, 2, 3, 4, 10], "litigation_direct": [2, 1, 0, 5, 8],
       "litigation_after_review": [0, 3, 1, 2, 6]}
_SUITS = {"litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    return f'<td rowspan="{rowspan}" colspan="{colspan}">{text}</td>'


def _wrapped(name: str, wrap: bool) -> str:
    return "<br>".join(name[i:i + 2] for i in range(0, len(name), 2)) if wrap else name


def _page(stock: tuple[int, ...] = (0, 1, 2), applicants: tuple[int, ...] = (0, 1, 2, 3, 4, 5),
          columns: tuple[int, ...] = (0, 1, 2, 3, 4), suits: tuple[str, str] = ("litigation_direct", "litigation_after_review"),
          review_first: bool = True, wrap: bool = False) -> str:
    """A report page whose tables print 表二's stock columns, 表三's applicant columns, 表四's columns, suits and
    groups in the orders given (form indices, left to right), each header naming them so."""
    def table(rows: list[str]) -> str:
        return "<table border=1>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"

    t2 = table([_td("第二十条第（一）项", colspan=4),
                _td("信息内容") + "".join(_td(_wrapped(_STOCK[c], wrap)) for c in stock),
                _td("规章") + "".join(_td("0") for _ in stock),
                _td("行政规范性文件") + "".join(_td(str(_NORMATIVE[c])) for c in stock),
                _td("第二十条第（五）项", colspan=4), _td("信息内容") + _td("本年处理决定数量", colspan=3),
                _td("行政许可") + _td("3150", colspan=3),
                _td("第二十条第（六）项", colspan=4), _td("信息内容") + _td("本年处理决定数量", colspan=3),
                _td("行政处罚") + _td("65", colspan=3), _td("行政强制") + _td("10", colspan=3),
                _td("第二十条第（八）项", colspan=4), _td("信息内容") + _td("本年收费金额（单位：万元）", colspan=3),
                _td("行政事业性收费") + _td("0", colspan=3)])
    t3_rows = [_td("", 2, 3) + _td("申请人情况", colspan=7),
               "".join(_td(_wrapped(_APPLICANTS[c], wrap)) for c in applicants) + _td("总计")]
    for key, (_, label) in TABLE3_ROW_LABELS.items():
        cells = _T3.get(key, [0] * 6)
        t3_rows.append(_td(label, colspan=3) + "".join(_td(str(cells[c])) for c in applicants) + _td(str(sum(cells))))
    groups = ["administrative_review", *suits] if review_first else [*suits, "administrative_review"]
    kinds = [_td("行政复议", colspan=5), _td("行政诉讼", colspan=10)]
    names = [_td(_wrapped(_RESULTS[c], wrap), rowspan=2) for c in columns]
    suit_cells = [_td(_wrapped(_SUITS[s], wrap), colspan=5) for s in suits]
    t4 = table(["".join(kinds if review_first else kinds[::-1]),
                "".join(names + suit_cells if review_first else suit_cells + names),
                "".join(_td(_wrapped(_RESULTS[c], wrap)) for c in columns) * 2,
                "".join(_td(str(_T4[g][c])) for g in groups for c in columns)])
    return ("<html><body><h1>红旗区人民政府2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2022年，红旗区扎实推进政府信息公开工作。</p>"
            f"<p>二、主动公开政府信息情况</p>{t2}<p>三、收到和处理政府信息公开申请情况</p>{table(t3_rows)}"
            f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{t4}<p>五、存在的主要问题及改进情况</p><p>无。</p>"
            "<p>六、其他需要报告的事项</p><p>无。</p></body></html>")


def _read(page: str):
    return process_document(Document.from_text(html_to_text(page), doc_id="t"))


def _t4_printed(columns, suits, review_first) -> dict[str, int]:
    groups = ["administrative_review", *suits] if review_first else [*suits, "administrative_review"]
    printed = [_T4[g][c] for g in groups for c in columns]
    return {f"review_litigation.{g}.{c}": printed[k]
            for k, (g, c) in enumerate((g, c) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS)}


@pytest.mark.parametrize("columns, suits, review_first, wrap", [
    ((0, 1, 2, 3, 4), ("litigation_direct", "litigation_after_review"), False, False),   # 行政诉讼 before 行政复议
    ((0, 1, 2, 3, 4), ("litigation_after_review", "litigation_direct"), True, False),    # 复议后起诉 first, one to a line
    ((0, 1, 2, 3, 4), ("litigation_after_review", "litigation_direct"), False, True),
    ((0, 1, 3, 2, 4), ("litigation_direct", "litigation_after_review"), True, True),     # 尚未<br>审结 before 其他<br>结果
], ids=["review-last", "after-review-first", "both-wrapped", "pending-before-other-wrapped"])
def test_t4_groups_and_columns_in_a_web_pages_header_order_are_placed_so_and_never_proven(
        columns, suits, review_first, wrap) -> None:
    record = _read(_page(columns=columns, suits=suits, review_first=review_first, wrap=wrap))
    values = record.report.values()
    printed = _t4_printed(columns, suits, review_first)
    for group in REVIEW_GROUPS:
        for c, column in enumerate(REVIEW_COLUMNS):
            path = f"review_litigation.{group}.{column}"
            assert values[path] == _T4[group][c], path
            if printed[path] != values[path]:       # the form's order reads another number here
                assert record.provenance[path].status is Status.UNVERIFIED, path
                assert "READ.HEADER_ORDER" in record.provenance[path].rules, path


def test_t2_stock_columns_named_in_wrapped_cells_are_placed_so_and_never_proven() -> None:
    record = _read(_page(stock=(0, 2, 1), wrap=True))           # 现行有效<br>件数 before 本年废止<br>件数
    values = record.report.values()
    for key, value, status in [("issued", 5, Status.PROVEN), ("repealed", 2, Status.UNVERIFIED),
                               ("in_force", 51, Status.UNVERIFIED)]:
        path = f"active_disclosure.normative_documents.{key}"
        assert (values[path], record.provenance[path].status) == (value, status), path


def test_t3_applicant_columns_named_in_wrapped_cells_are_placed_so_and_never_proven() -> None:
    record = _read(_page(applicants=(0, 1, 2, 3, 5, 4), wrap=True))    # 其他 before 法律<br>服务<br>机构
    values = record.report.values()
    for row, cells in _T3.items():
        paths = TABLE3_ROW_PATHS[row]
        for c in range(6):
            assert values[paths[c]] == cells[c], paths[c]
        for c in (4, 5):                                         # 2 and 1: the two orders read them differently
            assert record.provenance[paths[c]].status is Status.UNVERIFIED, paths[c]
            assert "READ.APPLICANT_ORDER" in record.provenance[paths[c]].rules, paths[c]


def test_a_web_pages_tables_in_the_forms_order_with_wrapped_names_are_proven() -> None:
    record = _read(_page(wrap=True))
    values = record.report.values()
    for group in REVIEW_GROUPS:
        for c, column in enumerate(REVIEW_COLUMNS):
            path = f"review_litigation.{group}.{column}"
            assert (values[path], record.provenance[path].status) == (_T4[group][c], Status.PROVEN), path
    path = TABLE3_ROW_PATHS["new_received"][4]
    assert (values[path], record.provenance[path].status) == (2, Status.PROVEN)
