"""表三's applicant columns printed in another order than the form's (其他 before 法律服务机构, 科研机构 before 商业企业,
法人或其他组织's five before 自然人), the header naming them so (llm_extract/extract/applicantorder.py).

Every identity treats the six applicant columns alike: a table read in the form's order keeps every identity, so
read so its cells were proven under the wrong columns. The cells are placed as the header says, and the cells the
two orders read differently are never proven (``READ.APPLICANT_ORDER``): the header alone says which is which."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.applicantorder import header_applicant_order
from llm_extract.extract.headerorder import Word
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from llm_extract.synth.render import TABLE3_ROW_LABELS

_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_SOME = {"new_received": [30, 5, 2, 1, 3, 4], "carried_over": [2, 1, 0, 0, 0, 1], "granted": [12, 2, 1, 0, 1, 2],
         "partially_granted": [3, 1, 0, 0, 1, 0], "unavailable_not_held": [8, 1, 0, 1, 0, 1],
         "rejected_petition": [2, 0, 0, 0, 0, 0], "other_other": [5, 2, 1, 0, 1, 1]}


def _table() -> dict[str, list[int]]:
    """A 表三 whose every identity holds, its applicant columns unlike one another."""
    rows = {row: list(_SOME.get(row, [0] * 6)) for row in APPLICATION_ROWS}
    outcomes = APPLICATION_ROWS[2:23]
    rows["total_processed"] = [sum(rows[r][c] for r in outcomes) for c in range(6)]
    rows["carried_forward"] = [rows["new_received"][c] + rows["carried_over"][c] - rows["total_processed"][c]
                               for c in range(6)]
    return {row: v + [sum(v)] for row, v in rows.items()}


def _report(header: list[str], order: list[int], cell_per_line: bool = False) -> str:
    """The report, 表三 printed with its columns in ``order`` (form columns, printed left to right) under
    ``header`` (its lines, fields tab-separated)."""
    table = _table()
    lines = [("\t".join(str(table[row][c]) for c in order), TABLE3_ROW_LABELS[row][1]) for row in APPLICATION_ROWS]
    rows = header + [f"{label}\t{cells}" for cells, label in lines]
    if cell_per_line:
        rows = [line for row in rows for line in [*(f"\t{f}" for f in row.split("\t") if f), ""]]
    return "\n".join([
        "红旗区人民政府2022年政府信息公开工作年度报告", "", "一、总体情况", "2022年，红旗区扎实推进政府信息公开工作。", "",
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t0\t3", "行政规范性文件\t5\t2\t51", "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t3150",
        "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t65", "行政强制\t10", "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t0", "",
        "三、收到和处理政府信息公开申请情况", *rows, "",
        "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼",
        "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        "\t".join(["1", "2", "0", "1", "4", "0", "1", "0", "0", "1", "2", "0", "1", "0", "3"]), "",
        "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。", ""])


def _two_lines(order: list[int]) -> list[str]:
    """The form's header of two lines: 自然人, 法人或其他组织 and 总计, then the five organisations."""
    first = ["自然人", "法人或其他组织"] if order[0] == 0 else ["法人或其他组织", "自然人"]
    return ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
            "\t" + "\t".join(first + ["总计"]), "\t" + "\t".join(_NAMES[c] for c in order if c not in (0, 6))]


def _flat(order: list[int]) -> list[str]:
    return ["\t" + "\t".join(_NAMES[c] for c in order)]


_ORDERS = {"其他 before 法律服务机构": [0, 1, 2, 3, 5, 4, 6], "科研机构 before 商业企业": [0, 2, 1, 3, 4, 5, 6],
           "the organisations before 自然人": [1, 2, 3, 4, 5, 0, 6]}


@pytest.mark.parametrize("cell_per_line", [False, True], ids=["tab-rows", "cell-per-line"])
@pytest.mark.parametrize("header", [_two_lines, _flat], ids=["two-lines", "flat"])
@pytest.mark.parametrize("name", list(_ORDERS))
def test_applicant_columns_in_the_headers_order_are_placed_so_and_never_proven(name, header, cell_per_line) -> None:
    order = _ORDERS[name]
    record = process_document(Document.from_text(_report(header(order), order, cell_per_line), doc_id="t"))
    values = record.report.values()
    table = _table()
    for row in APPLICATION_ROWS:
        for c, column in enumerate(APPLICANT_COLUMNS):
            path = f"applications.{row}.{column}"
            assert values[path] == table[row][c], path
            swapped = c < 6 and table[row][c] != table[row][order[c]]
            status = record.provenance[path].status
            if swapped:         # the form's order reads another value here: the header's word alone
                assert status is Status.UNVERIFIED and "READ.APPLICANT_ORDER" in record.provenance[path].rules, path
    assert record.provenance["applications.new_received.total"].status is Status.PROVEN


@pytest.mark.parametrize("cell_per_line", [False, True], ids=["tab-rows", "cell-per-line"])
def test_applicant_columns_in_the_forms_order_are_proven(cell_per_line) -> None:
    order = list(range(7))
    record = process_document(Document.from_text(_report(_two_lines(order), order, cell_per_line), doc_id="t"))
    table = _table()
    for row in APPLICATION_ROWS:
        for c, column in enumerate(APPLICANT_COLUMNS):
            path = f"applications.{row}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (table[row][c], Status.PROVEN)


@pytest.mark.parametrize("header", [
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],           # the form's order
    ["自然人", "商业企业", "科研机构", "社会", "其他", "公益", "组织", "法律服务机构", "总计"],   # a name's pieces apart
    ["数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"],
    ["自然人", "其他", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],  # 其他 twice
])
def test_a_header_that_does_not_name_each_applicant_column_once_in_another_order_moves_nothing(header) -> None:
    assert header_applicant_order(header) is None


def test_a_name_a_header_cell_wraps_is_named_by_its_pieces_in_order() -> None:
    """A web page's header cell ``社会<br>公益<br>组织`` reads as the words 社会 公益 组织: read in the form's order, a table
    printing 其他 before 法律服务机构 under such a header would have both columns proven swapped."""
    assert header_applicant_order(["自然人", "商业企业", "科研机构", "社会", "公益", "组织", "其他", "法律", "服务",
                                   "机构", "总计"]) == (0, 1, 2, 3, 5, 4)
    assert header_applicant_order(["申请人情况", "法人或", "其他组织", "自然人", "总计", "商业", "企业", "科研", "机构",
                                   "社会", "公益", "组织", "法律", "服务", "机构", "其他"]) == (1, 2, 3, 4, 5, 0)


def test_a_names_pieces_on_several_lines_of_pdf_text_name_nothing() -> None:
    """pdftotext prints a header's wrapped cells a line of pieces at a time (商业企 / 业), and its stacked cells in an
    order of their own (法人或其他组织 above 自然人, 自然人 printed left of it): such pieces are no witness, and the
    table stays in the form's order (joined, they placed 自然人 last)."""
    lines = ["申请人情况", "法人或其他组织", "自然人", "商业企", "业", "科研机", "构", "社会公", "益组织", "法律服", "务机构", "其他"]
    assert header_applicant_order([Word(text, n) for n, text in enumerate(lines, 1)]) is None


def test_the_header_order_of_two_lines_puts_自然人_beside_its_group() -> None:
    assert header_applicant_order(["申请人情况", "法人或其他组织", "自然人", "总计", "商业企业", "科研机构", "社会公益组织",
                                   "法律服务机构", "其他"]) == (1, 2, 3, 4, 5, 0)
    assert header_applicant_order(["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
                                   "其他", "法律服务机构"]) == (0, 1, 2, 3, 5, 4)


def test_applicant_columns_named_on_a_line_of_pdf_text_are_placed_so() -> None:
    """PDF text (pdftotext -layout): the header's line prints the names apart by spaces, the reader joins the
    line's words into one item; the line's words name the order."""
    order = _ORDERS["其他 before 法律服务机构"]
    text = _report(_two_lines(order), order).replace("\t", "    ")
    record = process_document(Document.from_text(text, doc_id="t"))
    path = "applications.new_received.legal_service"
    assert (record.report.values()[path], record.provenance[path].status) == (3, Status.UNVERIFIED)
    assert record.report.values()["applications.new_received.other_org"] == 4


def test_other_names_of_the_applicant_columns_in_another_order_are_placed_so() -> None:
    """Headers do not all print the form's words: 企业, 科研院所, 公益组织, 律师事务所 name the same columns."""
    order = _ORDERS["其他 before 法律服务机构"]
    header = ["\t" + "\t".join(["自然人", "企业", "科研院所", "公益组织", "其他", "律师事务所", "总计"])]
    record = process_document(Document.from_text(_report(header, order), doc_id="t"))
    table = _table()
    for row in APPLICATION_ROWS:
        for c, column in enumerate(APPLICANT_COLUMNS):
            assert record.report.values()[f"applications.{row}.{column}"] == table[row][c]
    assert record.provenance["applications.new_received.legal_service"].status is Status.UNVERIFIED


def test_a_header_in_another_order_that_names_a_column_in_unknown_words_proves_no_applicant_cell() -> None:
    """其他 before 律师事务所 under a header naming one column in words no list knows (社会团体): the cells cannot be
    placed, and the form's order is no more than a guess: no applicant cell is proven (never silently swapped)."""
    order = _ORDERS["其他 before 法律服务机构"]
    header = ["\t" + "\t".join(["自然人", "商业企业", "科研机构", "社会团体", "其他", "律师事务所", "总计"])]
    record = process_document(Document.from_text(_report(header, order), doc_id="t"))
    for row in APPLICATION_ROWS:
        for column in APPLICANT_COLUMNS[:6]:
            prov = record.provenance[f"applications.{row}.{column}"]
            assert prov.status is not Status.PROVEN and "READ.APPLICANT_ORDER" in prov.rules, (row, column)
    assert record.provenance["applications.new_received.total"].status is Status.PROVEN


def test_自然人_on_a_line_of_its_own_says_nothing_of_its_place() -> None:
    """OCR prints the header's cells that span its two rows between them: 法人或其他组织 (beside the stub's note), then
    ``自然人 总计``, then the five organisations. 自然人 stands after 法人或其他组织 in the words only; read as 'after
    its group', every table so printed had its columns rotated (a cell printed ``D`` then pinned 0 and proven under
    another column)."""
    lines = [("（本列数据的勾稽关系为：第一项加第二项之和", 1), ("法人或其他组织", 1), ("，等于第三项加第四项之和）", 2),
             ("自然人", 3), ("总计", 3), ("商业企业", 4), ("科研机构", 4), ("社会公益组织", 4), ("法律服务机构", 4),
             ("其他", 4)]
    assert header_applicant_order([Word(text, n) for text, n in lines]) is None


def test_a_cell_printed_as_ocr_letters_is_not_proven_where_only_the_header_places_it() -> None:
    """The identities pin the ``O`` to 0, but which column it is the header's word alone says (READ.APPLICANT_ORDER):
    a pinned letter is proven in its place only."""
    order = _ORDERS["其他 before 法律服务机构"]
    text = _report(_flat(order), order)
    row = next(line for line in text.split("\n") if line.startswith(TABLE3_ROW_LABELS["partially_granted"][1]))
    cells = row.split("\t")
    assert cells[5:7] == ["0", "1"]            # (printed: 其他 0, then 法律服务机构 1)
    record = process_document(Document.from_text(text.replace(row, "\t".join(cells[:5] + ["O"] + cells[6:])),
                                                  doc_id="t"))
    prov = record.provenance["applications.partially_granted.other_org"]
    assert record.report.values()["applications.partially_granted.other_org"] == 0
    assert prov.status is not Status.PROVEN
