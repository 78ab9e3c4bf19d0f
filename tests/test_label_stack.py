"""表二 labels printed as a column (``pdftotext`` / ``pdf2txt.py`` of a PDF table, no layout option).

A text tool printing a table as blocks may print several row labels one under another, then the numbers
of those rows, then the next section's headers and numbers (``行政强制`` / ``信息内容`` / ``行政事业性收费`` /
``0`` / ``第二十条第（八）项`` / ``本年收费金额（单位：万元）`` / ``284.49``). The ``0`` after the last label is
行政强制's as often as the fee's, and no identity checks 表二: such a row is read but never proven
(``READ.LABEL_STACK``). A label with a number of its own between it and the label above is read as before.
The same printing puts a number between two labels when the first row's cell is blank (``行政处罚`` / ``52`` /
``行政强制``, 52 being 行政强制's): where the label after a boxed number prints none, the number is read, not
proven (``READ.BOX_ORDER``).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.pipeline import process_document
from tests.table2_texts import with_table2

_FEE = "active_disclosure.fees_10k_yuan"
_ENFORCEMENT = "active_disclosure.enforcement"


_HEAD = ["第二十条第（一）项", "信息内容", "本年制发件数 本年废止件数 现行有效件数", "规章", "0", "0", "0",
         "行政规范性文件", "5", "2", "51", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "3150",
         "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "65"]


def test_a_fee_read_under_a_label_stacked_below_another_is_not_proven(golden_dir) -> None:
    record = process_document(with_table2(golden_dir, _HEAD + [
        "行政强制", "信息内容", "行政事业性收费", "", "0", "", "第二十条第（八）项", "本年收费金额（单位：万元）", "284.49"]))
    prov = record.provenance[_FEE]
    assert prov.status is not Status.PROVEN
    assert "READ.LABEL_STACK" in prov.rules


def test_rows_with_their_own_numbers_between_the_labels_are_proven(golden_dir) -> None:
    record = process_document(with_table2(golden_dir, _HEAD + [
        "行政强制", "10", "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "284.49"]))
    assert record.report.get(_ENFORCEMENT) == 10 and str(record.report.get(_FEE)) == "284.49"
    assert record.provenance[_ENFORCEMENT].status is Status.PROVEN
    assert record.provenance[_FEE].status is Status.PROVEN


def test_a_model_reading_the_stacked_labels_the_same_way_does_not_prove_the_fee(golden_dir) -> None:
    # the 0 after the last label read as the fee by the model too: both readings meet the same doubt
    from llm_extract.extract import extract_regex
    from llm_extract.model.answer import ModelAnswer, to_extraction
    from tests.fakeopenai import answer_for
    from verify.settle import settle

    doc = with_table2(golden_dir, _HEAD + [
        "行政强制", "信息内容", "行政事业性收费", "", "0", "", "第二十条第（八）项", "本年收费金额（单位：万元）", "284.49"])
    deterministic = extract_regex(doc)
    values = {p: deterministic.reading(p).value for p in deterministic.readings if not deterministic.reading(p).missing}
    answer = to_extraction(ModelAnswer.model_validate(answer_for(values)), "t2", {"model": "m"})
    record = settle(deterministic, answer, [], (), doc.lines)
    prov = record.provenance[_FEE]
    assert record.report.get(_FEE) == 0 and "XCHECK.AGREE" in prov.rules
    assert prov.status is Status.UNVERIFIED and "READ.LABEL_STACK" in prov.rules



_REGULATIONS = [f"active_disclosure.regulations.{c}" for c in ("issued", "repealed", "in_force")]


def test_a_row_printed_box_by_box_is_read_in_the_tools_order_and_not_proven(golden_dir) -> None:
    # pdf2txt.py prints each box with a blank line after it, a row's cells in pdfminer's order (本年废止 may
    # come first): no identity checks 表二, so the order is a guess
    record = process_document(with_table2(golden_dir, ["第二十条第（一）项", "信息内容", "本年制发件数", "",
                                                        "本年废止件数", "", "现行有效件数", "", "规章", "", "1", "",
                                                        "38", "", "5", "", *_HEAD[7:]]))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    for p in _REGULATIONS:
        assert record.provenance[p].status is Status.UNVERIFIED and "READ.BOX_ORDER" in record.provenance[p].rules


def test_a_row_printed_a_cell_to_a_line_without_gaps_is_proven(golden_dir) -> None:
    # a converter's text of a table, a cell to a line: the table's own order
    record = process_document(with_table2(golden_dir, ["第二十条第（一）项", "信息内容", "本年制发件数",
                                                        "本年废止件数", "现行有效件数", "规章", "1", "38", "5",
                                                        *_HEAD[7:]]))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    assert all(record.provenance[p].status is Status.PROVEN for p in _REGULATIONS)


def test_a_web_pages_text_with_its_markups_newlines_is_the_pages_order_and_proven(golden_dir) -> None:
    # BeautifulSoup's get_text of a page: each cell's text between the newlines of its markup, two blank lines or
    # more between any two; a PDF tool printing box by box parts its boxes by one blank line
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "1", "38", "5",
             *_HEAD[7:]]
    spaced = [line for cell in cells for line in (cell, "", "")]
    record = process_document(with_table2(golden_dir, spaced))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    assert all(record.provenance[p].status is Status.PROVEN for p in _REGULATIONS)
    one_blank = [line for cell in cells for line in (cell, "")]
    one_blank[one_blank.index("规章") + 1:one_blank.index("规章") + 1] = [""]     # one gap of two: still boxes
    record = process_document(with_table2(golden_dir, one_blank))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    assert all("READ.BOX_ORDER" in record.provenance[p].rules for p in _REGULATIONS)


def test_a_word_web_pages_text_cells_a_blank_line_apart_rows_three_is_the_pages_order_and_proven(golden_dir) -> None:
    # Word's "Save as web page" puts each <tr> and <td> on a line of its own: get_text prints a row's cells one blank
    # line apart and three blank lines before each row; a PDF tool's boxes stand one blank line apart throughout
    rows = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "38", "5"],
            ["行政规范性文件", "5", "2", "51"], ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", "3150"],
            ["第二十条第（六）项"], ["信息内容", "本年处理决定数量"], ["行政处罚", "65"]]
    word = [line for row in rows for line in ("", "", "", *"\n\n".join(row).split("\n"))]
    record = process_document(with_table2(golden_dir, word))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    assert all(record.provenance[p].status is Status.PROVEN for p in _REGULATIONS)
    numbers_after_wide_runs = list(word)
    at = numbers_after_wide_runs.index("38")
    numbers_after_wide_runs[at:at] = ["", ""]       # a number three blank lines after the cell before it: boxes
    record = process_document(with_table2(golden_dir, numbers_after_wide_runs))
    assert all("READ.BOX_ORDER" in record.provenance[p].rules for p in _REGULATIONS)


def test_a_blank_cell_of_the_pages_nbsp_between_a_headings_runs_is_no_box_gap(golden_dir) -> None:
    # Word's mso-spacerun &nbsp; between 第二十条 and 第（一）项: get_text prints it on a line of its own between
    # single newlines (read as a blank cell, a tab alone); the page's markup gaps are still its only gaps
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "1", "38", "5",
             *_HEAD[7:]]
    spaced = ["第二十条", "\t", "第（一）项"] + [line for cell in cells[1:] for line in ("", "", cell)] + ["", ""]
    record = process_document(with_table2(golden_dir, spaced))
    assert [record.report.get(p) for p in _REGULATIONS] == [1, 38, 5]
    assert all(record.provenance[p].status is Status.PROVEN for p in _REGULATIONS)


_PUNISHMENT = "active_disclosure.punishment"
_BOXED_TAIL = ["第二十条第（六）项", "", "信息内容", "", "本年处理决定数量", "", "行政处罚", "", "52", "", "行政强制", "",
               "第二十条第（八）项", "信息内容", "行政事业性收费", "", "本年收费金额（单位：万元）", "1298.509"]


def test_a_number_boxed_between_two_labels_the_second_printing_none_is_not_proven(golden_dir) -> None:
    # pdftotext's default mode, 行政处罚's cell blank: 行政强制's 52 is printed between the two labels, and the
    # order alone does not tell whose it is
    record = process_document(with_table2(golden_dir, [*_HEAD[:14], "行政许可", "", "0", "", *_BOXED_TAIL]))
    prov = record.provenance[_PUNISHMENT]
    assert prov.status is not Status.PROVEN and "READ.BOX_ORDER" in prov.rules
    assert record.provenance[_ENFORCEMENT].status is not Status.PROVEN


def test_a_number_boxed_between_two_labels_that_both_print_one_is_proven(golden_dir) -> None:
    tail = [*_BOXED_TAIL[:11], "", "3", *_BOXED_TAIL[11:]]
    record = process_document(with_table2(golden_dir, [*_HEAD[:14], "行政许可", "", "0", "", *tail]))
    assert record.report.get(_PUNISHMENT) == 52 and record.report.get(_ENFORCEMENT) == 3
    assert record.provenance[_PUNISHMENT].status is Status.PROVEN


def test_a_number_boxed_after_a_stack_that_took_fewer_numbers_than_labels_is_not_proven(golden_dir) -> None:
    # 行政处罚 and 行政强制 stand as a column with one 0 after them; the fee's label then takes the other 0, its
    # own 908.174 printed further down: whose each 0 is the order does not tell
    tail = ["第二十条第（六）项", "信息内容", "", "本年处理决定数量", "", "行政处罚", "行政强制", "", "0", "", "信息内容",
            "行政事业性收费", "", "0", "第二十条第（八）项", "本年收费金额（单位：万元）", "908.174"]
    record = process_document(with_table2(golden_dir, [*_HEAD[:14], "行政许可", "", "635", "", *tail]))
    assert record.provenance[_FEE].status is not Status.PROVEN
    assert record.provenance[_ENFORCEMENT].status is not Status.PROVEN
