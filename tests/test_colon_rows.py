"""Tables written as lines of ``label：numbers`` (a report reposted as an article, a table flattened by hand).

``一、本年新收政府信息公开申请数量：2885 963 58 125 228 105 4364``, ``规章：3、1、14``, ``行政许可：3684``: a colon parts
the label from its numbers, which follow it parted by spaces or listed with 、. They are the row's cells, as if the
colon were a space; the first number is not glued to the label.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Record, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "002_0126e23b7202ee31.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _with_colons(text: str, listed: str) -> str:
    """The tab rows of a rendered report as ``label：numbers``: 表二's stock rows' numbers parted by ``listed``."""
    out = []
    for line in text.split("\n"):
        fields = line.split("\t")
        numbers = fields[1:]
        if numbers and all(f.strip().replace(".", "", 1).isdigit() for f in numbers) \
                and not any(ch.isdigit() for ch in fields[0]):
            sep = listed if len(fields) == 4 and fields[0] in ("规章", "行政规范性文件") else " "
            line = fields[0] + "：" + sep.join(f.strip() for f in fields[1:])
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("listed", [" ", "、"])
def test_rows_written_label_colon_numbers_are_read_as_their_cells(golden_dir, listed: str) -> None:
    report = _report(golden_dir)
    text = _with_colons(render(report, "tabrows"), listed)
    assert "一、本年新收政府信息公开申请数量：" in text and "行政许可：" in text
    assert ("规章：0、0、0" if listed == "、" else "规章：0 0 0") in text
    record = process_document(Document.from_text(text, doc_id="colons"))
    for path, value in report.values().items():
        if path.startswith(("active_disclosure.", "applications.")):
            assert record.report.get(path) == value, path
    for path in ("applications.new_received.natural_person", "applications.new_received.total",
                 "active_disclosure.licensing", "active_disclosure.regulations.in_force"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_rows_whose_numbers_carry_their_unit_after_the_colon_are_read_whole(golden_dir) -> None:
    """``一、本年新收政府信息公开申请数量：148件 22件 0件 …``: the first number glued to the colon keeps its unit, and is the
    row's first cell, not the end of its label (the row would be one cell short: none of it read)."""
    report = _report(golden_dir)
    lines = []
    for line in _with_colons(render(report, "tabrows"), " ").split("\n"):
        label, colon, numbers = line.partition("：")
        if colon and label.startswith(("一、", "二、", "（")) and numbers.replace(" ", "").isdigit():
            line = label + colon + " ".join(n + "件" for n in numbers.split())
        lines.append(line)
    text = "\n".join(lines)
    assert "一、本年新收政府信息公开申请数量：" in text and "件 " in text
    record = process_document(Document.from_text(text, doc_id="units"))
    for path, value in report.values().items():
        if path.startswith("applications."):
            assert record.report.get(path) == value, path
    for path in ("applications.new_received.natural_person", "applications.new_received.total",
                 "applications.granted.natural_person"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_an_item_number_with_its_pause_mark_is_no_list_of_numbers() -> None:
    # （三）不予公开1、属于国家秘密：… — the 、 after an item number is the label's, not a number's separator
    from llm_extract.extract.layout import tokenize

    items = tokenize(["1、属于国家秘密：2 0 0 0 0 0 2"], 1, 2)
    assert [it.raw for it in items][0].startswith("1、属于国家秘密")
    assert [it.cell.value for it in items[1:]] == [2, 0, 0, 0, 0, 0, 2]


def _table2(rows: list[str]) -> str:
    return "\n".join(["某县人民政府办公室2023年度政府信息公开工作报告", "二、主动公开政府信息情况", *rows,
                      "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量：1 0 0 0 0 0 1", "无。"])


def _assert_proven(record: Record, expected: dict[str, int]) -> None:
    """Each field of ``expected`` holds its value, proven."""
    for path, value in expected.items():
        assert (record.report.get(path), record.provenance[path].status) == (value, Status.PROVEN), path


def test_a_table2_row_naming_its_columns_in_brackets_reads_its_numbers_as_its_cells() -> None:
    text = _table2(["规章（本年制发件数、本年废止件数、现行有效件数）：3、1、14", "行政许可（本年处理决定数量）：3684",
                    "行政事业性收费（本年收费金额，万元）：0.25"])
    record = process_document(Document.from_text(text, doc_id="brackets"))
    expected = {"active_disclosure.regulations.issued": 3, "active_disclosure.regulations.repealed": 1,
                "active_disclosure.regulations.in_force": 14, "active_disclosure.licensing": 3684}
    _assert_proven(record, expected)
    assert str(record.report.get("active_disclosure.fees_10k_yuan")) == "0.25"


def test_a_bracketed_rows_cell_with_a_note_in_brackets_after_it_keeps_its_number() -> None:
    """``规范性文件（本年制发件数、本年废止件数、现行有效件数）：4、2、34（含部门规范性文件26件）``: the note is the last
    cell's, as a table's cell prints it; it names another row's label but is none."""
    text = _table2(["规章（本年制发件数、本年废止件数、现行有效件数）：0、0、0",
                    "规范性文件（本年制发件数、本年废止件数、现行有效件数）：4、2、34（含部门规范性文件26件）",
                    "行政许可（本年处理决定数量）：547"])
    record = process_document(Document.from_text(text, doc_id="note"))
    expected = {"active_disclosure.normative_documents.issued": 4, "active_disclosure.normative_documents.repealed": 2,
                "active_disclosure.normative_documents.in_force": 34, "active_disclosure.regulations.in_force": 0,
                "active_disclosure.licensing": 547}
    _assert_proven(record, expected)


def test_a_bracketed_rows_cells_may_carry_their_unit() -> None:
    """``行政处罚（本年处理决定数量）：2224件``, ``规章（…）：0件、1件、5件``, ``行政事业性收费（本年收费金额，万元）：3.5万元``: the
    unit after a number is its cell's; an amount in 元 is no 万元 cell and stays unread."""
    text = _table2(["规章（本年制发件数、本年废止件数、现行有效件数）：0件、1件、5件", "行政许可（本年处理决定数量）：11829",
                    "行政处罚（本年处理决定数量）：2224件", "行政事业性收费（本年收费金额，万元）：3.5万元"])
    record = process_document(Document.from_text(text, doc_id="units"))
    expected = {"active_disclosure.regulations.issued": 0, "active_disclosure.regulations.repealed": 1,
                "active_disclosure.regulations.in_force": 5, "active_disclosure.licensing": 11829,
                "active_disclosure.punishment": 2224}
    _assert_proven(record, expected)
    assert str(record.report.get("active_disclosure.fees_10k_yuan")) == "3.5"
    text = _table2(["行政许可（本年处理决定数量）：11829", "行政事业性收费（本年收费金额，万元）：1200元"])
    record = process_document(Document.from_text(text, doc_id="yuan"))
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is not Status.PROVEN


def test_a_table2_rows_counts_after_the_colon_may_carry_their_unit_or_thousands_separators() -> None:
    """``规章：0件、1件、5件``, ``行政处罚：12件``, ``行政许可：3,684``: each number is its cell, a one-cell row's too (a
    unit or a comma after a colon is no digit run glued to the label)."""
    text = _table2(["规章：0件、1件、5件", "行政规范性文件：2 0 7", "行政许可：3,684件", "行政处罚：12件", "行政强制：1,208",
                    "行政事业性收费：0.5万元"])
    record = process_document(Document.from_text(text, doc_id="units"))
    expected = {"regulations.issued": 0, "regulations.repealed": 1, "regulations.in_force": 5,
                "normative_documents.in_force": 7, "licensing": 3684, "punishment": 12, "enforcement": 1208}
    _assert_proven(record, {f"active_disclosure.{path}": value for path, value in expected.items()})


def test_a_bracket_naming_the_stock_columns_in_another_order_places_nothing() -> None:
    # 现行有效件数 first: no identity checks 表二, so numbers placed by the bracket's order could never be proven
    text = _table2(["规章（现行有效件数、本年制发件数、本年废止件数）：14、3、1", "行政许可：5"])
    record = process_document(Document.from_text(text, doc_id="reordered"))
    for column in ("issued", "repealed", "in_force"):
        assert record.provenance[f"active_disclosure.regulations.{column}"].status is not Status.PROVEN


def _t4_a_cell_a_line(values: list[list[int | str]]) -> None:
    """表四 given a cell a line, each named by its group and column (``行政复议-结果维持：3``), ``values`` as printed:
    every cell is read and proven, a printed mark (``空``, ``—``) an empty one."""
    groups = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
    columns = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    t4 = [f"{g}-{c}：{v}" for g, row in zip(groups, values) for c, v in zip(columns, row)]
    text = "\n".join(["某县人民政府办公室2023年度政府信息公开工作报告", "四、政府信息公开行政复议、行政诉讼情况", *t4,
                      "五、存在的主要问题及改进情况", "无。"])
    record = process_document(Document.from_text(text, doc_id="t4-lines"))
    for group, row in zip(("administrative_review", "litigation_direct", "litigation_after_review"), values):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), row):
            path = f"review_litigation.{group}.{column}"
            expected = value if isinstance(value, int) else None
            assert (record.report.get(path), record.provenance[path].status) == (expected, Status.PROVEN), path


def test_table4_given_a_cell_a_line_each_named_by_its_group_and_column_is_read() -> None:
    _t4_a_cell_a_line([[3, 1, 0, 2, 6], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]])


def test_table4_cells_a_line_with_one_named_twice_are_not_read_as_rows() -> None:
    from llm_extract.extract.layout import Region
    from llm_extract.extract.sentencerows import TABLE4_SETS, sentence_rows

    lines = [f"行政复议-{c}：0" for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "总计")]
    assert sentence_rows(lines, Region("表四", 1, len(lines) + 1), TABLE4_SETS) == lines


def test_a_rows_first_cell_an_empty_cells_mark_right_after_the_colon_is_its_first_cell() -> None:
    # （五）不予处理3．要求提供公开出版物：/ ０ / 0 0 / / — the / is 自然人's empty cell, not the label's
    from llm_extract.extract.layout import tokenize

    items = tokenize(["3．要求提供公开出版物：/ ０ / 0 0 / /"], 1, 2)
    assert items[0].raw == "3．要求提供公开出版物"
    assert [it.raw for it in items[1:]] == ["/", "０", "/", "0", "0", "/", "/"]


def test_the_mark_空_right_after_the_colon_is_the_rows_first_empty_cell() -> None:
    # （六）其他处理3.其他：空 空 空 空 空 — — : seven empty cells, the first no part of the label (else the row has six
    # and takes the next line's first cell for its seventh)
    from llm_extract.extract.layout import tokenize

    items = tokenize(["（六）其他处理3.其他：空 空 空 空 空 — —"], 1, 2)
    assert items[0].raw == "（六）其他处理3.其他"
    assert [it.raw for it in items[1:]] == ["空"] * 5 + ["—"] * 2


def test_table4_cells_a_line_named_empty_by_空_are_read() -> None:
    _t4_a_cell_a_line([["空", 3, 3, "空", 6], ["—", "空", "—", "—", "—"], ["空", "—", "空", 1, 1]])


def test_a_rows_first_count_with_thousands_commas_right_after_the_colon_is_its_first_cell() -> None:
    # 一、本年新收政府信息公开申请数量：3,315 670 … 4,347 — 3,315 is 自然人's count, not the label's end
    from llm_extract.extract.layout import tokenize

    items = tokenize(["一、本年新收政府信息公开申请数量：3,315 670 30 43 105 184 4,347"], 1, 2)
    assert items[0].raw == "一、本年新收政府信息公开申请数量"
    assert [it.cell.value for it in items[1:]] == [3315, 670, 30, 43, 105, 184, 4347]
