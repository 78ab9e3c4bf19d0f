"""markitdown's Markdown of a PDF (pdfminer's words laid into grids): a wrapped label's row of empty fields, its
numbers on the grid line below (``| | 不予公 | 5.属于三类内部 | | … |`` / ``| | | | | 0 | 0 | … |`` /
``| | | 开 事务信息 | … |``), two columns merged into one field (``0 0``), tables cut at every wrapped label.

The label's empty fields are no blank row: the numbers below are its cells. No cell is proven wrong."""

from __future__ import annotations

import json

import pytest

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import Document, load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, same_value
from tests.block_fixtures import LAYOUTS_DIR, layout_truth, layout_value, proven_wrong, truth_value


def _with_table3(values: dict, lines: list[str]) -> str:
    """The report of ``values`` (tests/fakeopenai.py) with its 表三 printed as ``lines``, a converter's grid."""
    from tests.fakeopenai import report_text

    text = report_text(values)
    start = text.index("本列数据的勾稽关系")
    end = text.index("\n\n四、政府信息公开行政复议")
    return text[:start] + "\n".join(lines) + text[end:]


def _table3_rows(values: dict, blank: str = "") -> list[tuple[str, str, list[str]]]:
    """表三's rows in the form's order: (row, its printed label, its seven cells as printed, ``blank`` for none)."""
    from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
    from tests.fakeopenai import T3_LABELS

    return [(row, label, [blank if (v := values[f"applications.{row}.{c}"]) is None else str(v)
                          for c in APPLICANT_COLUMNS]) for row, label in zip(APPLICATION_ROWS, T3_LABELS)]

_NAME = "markitdown_pdf_label_row_above_its_numbers"
_FIXTURE = LAYOUTS_DIR / f"{_NAME}.md"


def test_a_label_row_of_empty_fields_takes_the_numbers_on_the_grid_line_below() -> None:
    text = _FIXTURE.read_text(encoding="utf-8")
    assert "|     | 不予公 | 5.属于三类内部 |" in text               # the shape this test is about
    record = process_document(load(_FIXTURE))
    for row in ("denied_internal_affairs", "rejected_petition"):
        for path in [p for p in TABLE3_PATHS if f".{row}." in p]:
            assert record.report.get(path) == layout_value(_NAME, path), path
            assert record.provenance[path].status is Status.PROVEN, path


def test_no_cell_of_the_table_is_proven_wrong() -> None:
    record = process_document(load(_FIXTURE))
    assert proven_wrong(record, _NAME) == []


_SHARED_NAME = "markitdown_pdf_shared_label_tail"
_SHARED = LAYOUTS_DIR / f"{_SHARED_NAME}.md"


def test_a_grid_line_the_row_above_took_is_not_the_next_rows_too() -> None:
    """``1、申请人无正当理由逾期不补`` (plain text) / ``| | | 正、行政机关不再处理其政府信 | … 0 … |`` (its numbers) /
    ``| | (六)其他处理 | 2、申请人逾期未按收费通知要求 | (empty fields) |``: the tail both labels share does not
    make the line above the blank row's: it stays unread, never proven 0."""
    text = _SHARED.read_text(encoding="utf-8")
    assert "| 2、申请人逾期未按收费通知要求 |" in text                  # the shape this test is about
    record = process_document(load(_SHARED))
    assert proven_wrong(record, _SHARED_NAME) == []
    assert record.report.get("applications.other_no_correction.total") == 0


_OUT_OF_GRID_NAME = "markitdown_pdf_annotated_cell_out_of_grid"
_OUT_OF_GRID = LAYOUTS_DIR / f"{_OUT_OF_GRID_NAME}.md"


def test_an_empty_field_beside_a_cells_text_printed_out_of_the_grid_is_not_proven_blank() -> None:
    """``12（其中修订7`` (plain text) / ``| 规范性文件 |     | 3   | 79  |`` / (the grid's rule) / ``件）``: the
    annotated cell's text wrapped out of its field, which the grid prints empty. The empty field stays
    unread (queued with that text), never proven blank; the row's other cells are read as printed."""
    text = _OUT_OF_GRID.read_text(encoding="utf-8")
    assert "12（其中修订7\n| 规范性文件 |     | 3   | 79  |" in text      # the shape this test is about
    truth = layout_truth(_OUT_OF_GRID_NAME)
    record = process_document(load(_OUT_OF_GRID))
    issued = "active_disclosure.normative_documents.issued"
    assert record.provenance[issued].status is not Status.PROVEN
    assert "12（其中修订7" in record.provenance[issued].raw
    for path in ("active_disclosure.normative_documents.repealed", "active_disclosure.normative_documents.in_force"):
        assert record.report.get(path) == truth_value(truth, path)
        assert record.provenance[path].status is Status.PROVEN


def _table3_read_and_proven(name: str, shape: str, derived: str = "") -> None:
    """Fixture ``name`` (holding ``shape``, the line its test is about): every 表三 value its true one, and
    proven but in the row ``derived`` names (``.row.``), which the identities may pin instead."""
    path = LAYOUTS_DIR / f"{name}.md"
    assert shape in path.read_text(encoding="utf-8")
    truth = layout_truth(name)
    record = process_document(load(path))
    for p in TABLE3_PATHS:
        assert same_value(p, record.report.get(p), truth_value(truth, p)), p
        if not derived or derived not in p:
            assert record.provenance[p].status is Status.PROVEN, p


_GAP_NAME = "markitdown_pdf_header_word_column_apart"


def test_a_grid_column_no_rows_number_fills_is_closed_up_and_every_row_read() -> None:
    """``社会公益`` printed apart from its column's numbers gets a grid column of its own, empty on every row:
    ``| 一、本年新收政府信息公开申请数量 | | | | 3 | 0 | 0 | | 1 | 0 | 0 | 4 |``. Eight fields for seven cells,
    one always empty: the column is none of the form's, and every row reads its seven numbers (one, its label
    wrapped round a line of its own, is left to the identities: derived)."""
    _table3_read_and_proven(_GAP_NAME, "| 3   | 0    | 0    |      | 1   | 0    | 0   | 4   |", ".other_unpaid_fee.")


_MERGED_NAME = "markitdown_pdf_merged_fields_beside_gaps"


def test_fields_merging_two_columns_beside_empty_columns_read_as_seven_cells() -> None:
    """``| 1 |  | 0 0 |  | 0 | 0 0 | 1 |``: two columns empty on every line, two fields each holding two
    columns' numbers. The empty columns closed up, each row reads its seven numbers in order, proven."""
    _table3_read_and_proven(_MERGED_NAME, "| 1   |     | 0 0 |     | 0   | 0 0 | 1   |")


def test_a_column_blank_on_every_row_is_not_closed_up(golden_dir) -> None:
    """A report that leaves a column blank on every row (科研机构) prints six numbers a row: that column is the
    form's, its cells blank, not a gap between columns to close up."""
    truth = json.loads((golden_dir / "002_0126e23b7202ee31.json").read_text(encoding="utf-8"))
    lines = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    assert all(v["research"] == 0 for v in truth["applications"].values())
    table = ["| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in FORM.table3_rows:
        cells = ["" if c.key == "research" else str(truth["applications"][row.key][c.key])
                 for c in FORM.table3_columns]
        table.append(f"| {row.label} | " + " | ".join(cells) + " |")
    record = process_document(Document.from_text("\n".join(lines[:start + 1] + table + lines[end:]), doc_id="t"))
    for row in FORM.table3_rows:
        path = f"applications.{row.key}.research"
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


_NUMBERING_NAME = "markitdown_pdf_generic_header_split_by_character"
_NUMBERING = LAYOUTS_DIR / f"{_NUMBERING_NAME}.md"


def test_a_generic_headers_numbers_split_from_their_words_are_no_rows_cells() -> None:
    """数据1 … 数据6 split one character to a line: ``| 数 数 | 数 | … |`` / ``| 据 据 | 据 | … |`` /
    ``| 1 2 | 3 | 4 | 5 | 6 |``. The numbers are the header's; 一、本年新收's label, printed above its own
    numbers, takes those, not the header's 1 … 6."""
    text = _NUMBERING.read_text(encoding="utf-8")
    assert "| 1 2 | 3   | 4   | 5   | 6   |" in text                # the shape this test is about
    truth = layout_truth(_NUMBERING_NAME)
    record = process_document(load(_NUMBERING))
    for path in [p for p in TABLE3_PATHS if ".new_received." in p]:
        assert same_value(path, record.report.get(path), truth_value(truth, path)), path
    assert proven_wrong(record, _NUMBERING_NAME) == []


_DASHES_NAME = "markitdown_pdf_placeholder_fields_merged"
_DASHES = LAYOUTS_DIR / f"{_DASHES_NAME}.md"


def test_placeholders_in_fields_merging_two_columns_are_seven_blank_cells() -> None:
    """``| 四、结转下年度继续办理 | | — — | — | — | — — | — |``: seven placeholders in five fields, two merging two
    columns each. The row is seven blank cells, read and proven, not a lost row the identities fill with 0."""
    text = _DASHES.read_text(encoding="utf-8")
    assert "| 四、结转下年度继续办理 |      | — —  | —   | —   | — — | —   |" in text   # the shape this test is about
    truth = layout_truth(_DASHES_NAME)
    record = process_document(load(_DASHES))
    for path in [p for p in TABLE3_PATHS if ".carried_forward." in p]:
        assert truth_value(truth, path) is None
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


@pytest.mark.parametrize("above", ["|      | 0      | 0      | 0      |", "|      | /      | /      | 30     |",
                                   "|      | —      | —      | —      |"])
def test_table2_labels_printed_under_their_grid_rows_are_not_proven_from_the_row_below(golden_dir, above) -> None:
    """markitdown prints 表二's labels apart from the grid, each under its row's numbers: ``| | 0 | 0 | 0 |`` /
    ``规章`` / ``| | 0 | 5 | 0 |`` / ``行政规范性文件``. 规章's numbers may be the line above (so they are) or the
    line below: read, never proven; so too where the line above prints placeholders among its numbers (``/ / 30``)
    or only placeholders."""
    lines = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    table2 = ["第二十条第（一）项", "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "| ---- | ------ | ------ | ------ |",
              above, "规章", "|     | 0   | 5   | 0   |", "| --- | --- | --- | --- |",
              "行政规范性文件", "第二十条第（五）项", "| 信息内容 | 本年处理决定数量 |", "| --- | --- |", "| 行政许可 | 71 |",
              "| 行政处罚 | 71 |", "| 行政强制 | 0 |", "| 行政事业性收费 | 5.36 |"]
    record = process_document(Document.from_text("\n".join(lines[:start + 1] + table2 + lines[end:]), doc_id="t"))
    for c in ("issued", "repealed", "in_force"):
        path = f"active_disclosure.regulations.{c}"
        assert record.provenance[path].status is not Status.PROVEN, path


_BLANK_ROWS_NAME = "markitdown_pdf_blank_rows_outside_the_grid"


def test_a_rows_label_printed_outside_the_grid_with_no_grid_line_is_a_blank_row() -> None:
    """markitdown's PDF text prints a row whose cells are all empty as its label alone, a line outside the grid
    (``3.危及“三安全一稳定”`` between grid lines of other rows): its cells are blank, read and proven, not lost
    cells the identities fill with 0."""
    path = LAYOUTS_DIR / f"{_BLANK_ROWS_NAME}.md"
    assert "\n3.危及“三安全一稳定”\n" in path.read_text(encoding="utf-8")     # the shape this test is about
    truth = layout_truth(_BLANK_ROWS_NAME)
    record = process_document(load(path))
    wrong = [p for p in TABLE3_PATHS if record.provenance[p].status is not Status.PROVEN
             or not same_value(p, record.report.get(p), truth_value(truth, p))]
    assert wrong == []
    assert truth_value(truth, "applications.denied_security_stability.total") is None


_ABOVE_NAME = "markitdown_pdf_numbers_above_an_empty_label_row"


def test_a_label_row_of_empty_fields_under_a_grid_line_of_numbers_alone_is_no_proven_blank_row() -> None:
    """``| | | 8、属于行政查询事项 | | 0 | … |`` / ``| | | | | 0 | 0 | … |`` / ``| （四）无 | | 1、本机关不掌握相关政 | | | … |``:
    the line of numbers under 8's own row is the next row's, printed above its label, whose own grid line is
    empty fields. Those are no blank cells: the row is never read blank; it is read from the line above, where that
    reading takes every line of numbers and keeps every identity (extract/above.py)."""
    path = LAYOUTS_DIR / f"{_ABOVE_NAME}.md"
    assert "|      |     |             |     | 0   | 0   |" in path.read_text(encoding="utf-8")  # the shape
    truth = layout_truth(_ABOVE_NAME)
    record = process_document(load(path))
    assert proven_wrong(record, _ABOVE_NAME) == []
    row = [p for p in TABLE3_PATHS if ".unavailable_not_held." in p]
    assert [record.report.get(p) for p in row] == [truth_value(truth, p) for p in row]
    assert None not in [record.report.get(p) for p in row]     # (its numbers, zeros, not blanks)


def test_a_label_row_of_empty_fields_under_numbers_closed_into_a_grid_of_their_own_is_no_proven_blank_row(
        tmp_path) -> None:
    """markitdown closes a table under a line of numbers and opens another at the next label: ``| | | | | 0 | … |``
    / ``| --- | … |`` / ``| （四）无 | | 1、本机关不掌握相关政 | | | … |``. The rule between them changes nothing:
    the numbers stand right above the label's empty fields, which are no blank cells."""
    text = (LAYOUTS_DIR / f"{_ABOVE_NAME}.md").read_text(encoding="utf-8")
    numbers = "|      |     |             |     | 0   | 0   | 0   | 0   | 0   | 0   | 0   |\n"
    assert numbers in text                                                    # the shape this test starts from
    path = tmp_path / f"{_ABOVE_NAME}.md"
    path.write_text(text.replace(numbers, numbers + "| --- " * 11 + "|\n", 1), encoding="utf-8")
    record = process_document(load(path))
    assert proven_wrong(record, _ABOVE_NAME) == []
    row = [p for p in TABLE3_PATHS if ".unavailable_not_held." in p]
    truth = layout_truth(_ABOVE_NAME)
    assert [record.report.get(p) for p in row] == [truth_value(truth, p) for p in row]


def _merged_grid_text(printed: str) -> tuple[str, dict]:
    """表三 as markitdown lays a PDF's words into a grid where 自然人 and 商业企业 share one field (``| 11 2 |``)
    after an empty column; 2.重复申请 (seven zeros) prints ``printed`` for its fields."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    rows = ["|  | 申请人情况 |  |  | 自然人 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row, label, cells in _table3_rows(values):
        fields = f"{cells[0]} {cells[1]} | " + " | ".join(cells[2:])
        rows.append(f"| {label} |  |  |  | {printed if row == 'rejected_duplicate' else fields} |")
    return _with_table3(values, rows), values


def test_a_row_with_an_empty_field_in_a_grid_merging_two_columns_is_not_placed_by_its_fields() -> None:
    """Where a field holds two columns' numbers (``| 11 2 |``), a row printing one number there and an empty field
    elsewhere (``| 1 | 0 | 0 | 0 |  | 1 |``) does not say which of the two columns the one number is, nor which
    field is empty: read field by field it put the empty field first (自然人 blank, 0 for 商业企业), and a row of
    zeros and blanks keeps every identity either way."""
    text, values = _merged_grid_text("0 | 0 | 0 | 0 |  | 0")
    values["applications.rejected_duplicate.commercial"] = None
    values["applications.rejected_duplicate.other_org"] = None
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    wrong = [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN and got[p] != values[p]]
    assert wrong == []
    rows, _ = _merged_grid_text("")
    assert process_document(Document.from_text(rows, doc_id="t")).report.values()[
        "applications.new_received.natural_person"] == values["applications.new_received.natural_person"]


def _dash_grids_text(shift_total: bool = False) -> tuple[str, dict]:
    """表三 as markitdown lays a two-page PDF table into two grids of different widths, each with empty columns
    where header words stood apart from their column's numbers, and the report printing ``-`` for every empty
    cell (most of the table); （二）部分公开 prints its label on a line of empty fields, its numbers on the next."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    values = {p: (None if p.startswith("applications.") and v == 0 else v) for p, v in values.items()}
    lines = []
    for k, (row, label, c) in enumerate(_table3_rows(values, "-")):
        if k == 0:
            lines += ["|  |  | 自然人 |  | 商业企业 |  | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        if k == 12:
            lines += ["", "|  |  |  |  | 自然人 | 商业企业 | 科研机构 |  | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        if k == 3:                      # a label's line of empty fields, its numbers on the grid line below
            lines += [f"| {label} |" + "  |" * 10,
                      f"|  |  | {c[0]} |  | {c[1]} |  | {c[2]} | {c[3]} | {c[4]} | {c[5]} | {c[6]} |"]
        elif k < 12:
            lines.append(f"| {label} |  | {c[0]} |  | {c[1]} |  | {c[2]} | {c[3]} | {c[4]} | {c[5]} | {c[6]} |")
        elif shift_total and row == "total_processed":     # a field to the left of the rows above it
            lines.append(f"|  | {label} |  | {c[0]} |  | {c[1]} | {c[2]} |  | {c[3]} | {c[4]} | {c[5]} | {c[6]} |")
        else:
            lines.append(f"|  | {label} |  |  | {c[0]} | {c[1]} | {c[2]} |  | {c[3]} | {c[4]} | {c[5]} | {c[6]} |")
    return _with_table3(values, lines), values


def test_each_pages_grid_closes_its_own_empty_columns_placeholders_counting_as_cells() -> None:
    """Each page's grid has empty columns of its own, and a row of ``-`` holds no number: the empty columns are
    found per grid, counting the placeholders as the cells they are, and every row reads its seven cells."""
    text, values = _dash_grids_text()
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if got[p] != values[p] or record.provenance[p].status is not Status.PROVEN] == []


def test_a_row_whose_seven_cells_stand_a_field_off_the_grids_columns_reads_them_in_order() -> None:
    """markitdown places a page's total row with its first number a field to the left of the column it heads
    (``| 合计 |  |  | 2385 |  | 253 |`` under ``|  | 3、其他 |  |  | 101 | 13 |``): seven printed cells after the
    label and nothing else are the row's seven cells, in order; the identities check them."""
    text, values = _dash_grids_text(shift_total=True)
    assert "| （七）总计 |  | 12 |  | 2 |" in text        # the shape this test is about
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    total = [p for p in TABLE3_PATHS if ".total_processed." in p]
    assert [(got[p], record.provenance[p].status) for p in total] == [(values[p], Status.PROVEN) for p in total]


def test_a_group_titles_piece_before_a_labels_item_number_in_its_field_still_finds_the_label() -> None:
    """markitdown puts the pieces of （三）不予公开, printed down its column beside wrapped labels, into the labels'
    fields (``| （三） | 法权益 |`` / ``|  | 不 5.属于三类内部 |``, the numbers on the next grid line, ``| 予公开 | 事务信息 |``
    after): 5.属于三类内部事务信息 is found, so its numbers are no other row's (4.保护第三方合法权益 took both rows'
    fourteen)."""
    text, values = _dash_grids_text()
    lines = text.split("\n")
    third = next(k for k, line in enumerate(lines) if line.startswith("| 4.保护第三方合法权益 |"))
    inner = next(k for k, line in enumerate(lines) if line.startswith("| 5.属于三类内部事务信息 |"))
    assert inner == third + 1
    empty = "  |" * 9
    numbers = lambda line: "|  |  |" + line.split("|", 3)[3]      # noqa: E731  (the row's value fields)
    lines[third:inner + 1] = ["4.保护第三方合", numbers(lines[third]), f"| （三） | 法权益 |{empty}",
                              f"|  | 不 5.属于三类内部 |{empty}", numbers(lines[inner]), f"| 予公开 | 事务信息 |{empty}"]
    record = process_document(Document.from_text("\n".join(lines), doc_id="t"))
    got = record.report.values()
    for row in ("denied_third_party", "denied_internal_affairs"):
        paths = [p for p in TABLE3_PATHS if f".{row}." in p]
        assert [(got[p], record.provenance[p].status) for p in paths] == [(values[p], Status.PROVEN) for p in paths]


def test_ragged_rows_of_a_word_tables_markdown_read_their_seven_printed_cells() -> None:
    """markitdown's Markdown of a Word table leaves out the cells a row span covers, so rows have 8, 9 or 10 fields
    (``| 三、本年度办理结果 | （一）予以公开 | | / | … |``, ``| 2.其他法律行政法规禁止公开 | / | … |``), and a report
    with no application prints ``/`` nearly everywhere, its one row of numbers (``| （七）总计 | | 0 | … |``) giving
    the grid its width: a row whose fields after its label are its seven printed cells and nothing else is read,
    whatever its width."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    for path in TABLE3_PATHS:
        values[path] = 0 if ".total_processed." in path else None
    lines = ["|  |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for k, (row, label, printed) in enumerate(_table3_rows(values, "/")):
        cells = " | ".join(printed)
        lead = (f"| {label} |  |  |" if k < 2 else f"| 三、本年度办理结果 | {label} |  |" if k == 2
                else f"| {label} |  |" if row == "total_processed" else f"| {label} |")
        lines.append(f"{lead} {cells} |")
    record = process_document(Document.from_text(_with_table3(values, lines), doc_id="t"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if got[p] != values[p] or record.provenance[p].status is not Status.PROVEN] == []


def _narrow_grid_text(wrapped: dict[str, tuple[str, str, str, str]]) -> tuple[str, dict]:
    """表三 as markitdown lays a PDF table into narrow grids of seven fields, two columns' numbers sharing a field
    (``| 0 0 |``, ``| 42 1528 |``); a row in ``wrapped`` prints (group title piece, label head, title piece, label
    rest) over two grid lines of empty fields with its numbers on a grid line between them."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    rule, empty = "| --- | --- | --- | --- | --- | --- | --- |", "  |" * 5
    lines = ["|  |  | 自然人 | 商业企业 | 科研机构 社会公益组织 | 法律服务机构 | 其他 总计 |", rule]
    for row, label, c in _table3_rows(values):
        numbers = f"| {c[0]} | {c[1]} | {c[2]} {c[3]} | {c[4]} | {c[5]} {c[6]} |"
        if row in wrapped:
            title, head, title_end, rest = wrapped[row]
            lines += [f"| {title} | {head} |{empty}", f"|  |  {numbers}", f"| {title_end} | {rest} |{empty}"]
        else:
            lines += [f"|  | {label} {numbers}", rule]
    return _with_table3(values, lines), values


def test_numbers_between_the_two_grid_lines_of_a_wrapped_label_are_its_row() -> None:
    """``| 结 | 3.危及“三安全 | (empty fields) |`` / ``|  |  | 12 | 0 | 0 0 | 0 | 0 12 |`` / ``| 果 | 一稳定” | … |``: the
    label goes on under its numbers, so they are its row's (a piece of a group's title down its column, 开 of
    不予公开, beside the label's rest, is no part of it)."""
    wrapped = {"denied_security_stability": ("结", "3.危及“三安全", "果", "一稳定”"),
               "denied_third_party": ("（三）", "4.保护第三方", "不予公", "合法权益"),
               "denied_internal_affairs": ("", "5.属于三类内部", "开", "事务信息"),
               "unavailable_not_held": ("（四）", "1.本机关不掌握", "无法提", "相关政府信息")}
    text, values = _narrow_grid_text(wrapped)
    assert values["applications.unavailable_not_held.total"] > 0 and values["applications.denied_third_party.total"] > 0
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    for row in wrapped:
        paths = [p for p in TABLE3_PATHS if f".{row}." in p]
        assert [(got[p], record.provenance[p].status) for p in paths] == [(values[p], Status.PROVEN) for p in paths]


def test_a_label_wrapped_beside_its_groups_title_is_found_on_its_first_line_with_the_numbers() -> None:
    """``| （六） | 1、申请人无 | 0 | … |`` / ``| 其 | 正当理由逾 | (empty fields) |`` / ``| 他处理 | 期不补正、 | … |``: the
    pieces of （六）其他处理 beside the label's are no numbers between its pieces, so the label opens on its first
    line, whose numbers are its cells (found on the second, it read that line's empty fields as a blank row)."""
    text, values = _narrow_grid_text({})
    head = next(line for line in text.split("\n") if "1.申请人无正当理由逾期不补正" in line)
    numbers = head.split("|", 3)[3]
    empty = "  |" * 5
    text = text.replace(head, f"| （六） | 1、申请人无 |{numbers}\n| 其 | 正当理由逾 |{empty}\n| 他处理 | 期不补正、 |{empty}\n"
                              f"行政机关不再处理其政府信息公开申请")
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    paths = [p for p in TABLE3_PATHS if ".other_no_correction." in p]
    assert [(got[p], record.provenance[p].status) for p in paths] == [(values[p], Status.PROVEN) for p in paths]


def test_a_grid_row_of_empty_fields_beside_a_pinned_row_is_not_proven_blank() -> None:
    """A converter dropped one row's numbers (its grid line holds only empty fields) and lost another row whole: the
    identities pin the lost row to both rows' numbers together, and every identity holds. The empty row is no
    proven blank row (``READ.EMPTY_GRID_ROW``); the pinned row is derived, not proven."""
    text, values = _dash_grids_text()
    lines = text.split("\n")
    dropped = next(k for k, line in enumerate(lines) if line.startswith("| （一）予以公开 |"))
    lines[dropped] = "| （一）予以公开 |" + "  |" * 10
    del lines[next(k for k, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)]
    record = process_document(Document.from_text("\n".join(lines), doc_id="t"))
    got = record.report.values()
    empty = [p for p in TABLE3_PATHS if ".granted." in p]
    assert any(values[p] for p in empty)                  # (the dropped numbers were no blanks)
    assert {record.provenance[p].status for p in empty} == {Status.UNVERIFIED}
    assert "READ.EMPTY_GRID_ROW" in record.provenance[empty[0]].rules
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN and got[p] != values[p]] == []


def test_a_model_reading_the_same_empty_grid_row_does_not_prove_it_either() -> None:
    from llm_extract.extract import extract_regex
    from llm_extract.model.answer import ModelAnswer, to_extraction
    from tests.fakeopenai import answer_for
    from verify.settle import settle

    text, values = _dash_grids_text()
    lines = text.split("\n")
    dropped = next(k for k, line in enumerate(lines) if line.startswith("| （一）予以公开 |"))
    lines[dropped] = "| （一）予以公开 |" + "  |" * 10
    del lines[next(k for k, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)]
    doc = Document.from_text("\n".join(lines), doc_id="t")
    seen = {p: (None if ".granted." in p or ".unavailable_not_held." in p else v) for p, v in values.items()}
    model = to_extraction(ModelAnswer.model_validate(answer_for(seen)), "t", {"model": "m"})
    record = settle(extract_regex(doc), model, [], (), doc.lines)
    empty = [p for p in TABLE3_PATHS if ".granted." in p]
    assert Status.PROVEN not in {record.provenance[p].status for p in empty}


def test_placeholders_on_a_label_line_under_its_numbers_in_a_grid_with_a_merged_field_are_not_placed_by_field() -> None:
    """markitdown's grid with an empty column before the numbers and 法律服务机构 and 其他 sharing a field (``| 0 0 |``):
    （一）予以公开 prints its numbers on the grid line above its label (``|  |  | 5 | 1 |  |  | 0 0 | 6 |``) and its
    two 无 on the label's line (``| （一）予以公开 |  |  |  | 无 | 无 |  |  |``). The label's line has a field fewer than
    the columns where the merged field is empty: its 无 are not placed by their fields (read so they stood a column
    to the right, 法律服务机构 and 其他 proven blank where the report prints 0 0)."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    values["applications.granted.research"] = values["applications.granted.social_org"] = None
    rows = ["| 申请人情况 |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 其他 | 总计 |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row, label, c in _table3_rows(values, "无"):
        if row == "granted":
            rows += [f"|  |  | {c[0]} | {c[1]} |  |  | {c[4]} {c[5]} | {c[6]} |",
                     f"| {label} |  |  |  | {c[2]} | {c[3]} |  |  |"]
        else:
            rows.append(f"| {label} |  | {c[0]} | {c[1]} | {c[2]} | {c[3]} | {c[4]} {c[5]} | {c[6]} |")
    record = process_document(Document.from_text(_with_table3(values, rows), doc_id="t"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN and got[p] != values[p]] == []


def test_a_field_merging_two_columns_in_another_pages_grid_leaves_this_grids_rows_placed_by_their_fields() -> None:
    """markitdown lays each page's table into a grid of its own: two numbers in one field of the second page's grid
    (``| 12 2 |``) say nothing of the first page's fields, whose rows with an empty field are placed by them."""
    text, values = _dash_grids_text()
    text = text.replace("| （一）予以公开 |  | 5 |  | 1 |  | - |", "| （一）予以公开 |  | 5 |  | 1 |  |  |")
    text = text.replace("| （七）总计 |  |  | 12 | 2 | - |", "| （七）总计 |  |  | 12 2 |  | - |")
    assert "|  | 12 2 |" in text and "| 1 |  |  | - |" in text         # (the shapes this test is about)
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    granted = [p for p in TABLE3_PATHS if ".granted." in p]
    assert [(got[p], record.provenance[p].status) for p in granted] == [(values[p], Status.PROVEN) for p in granted]


def test_seven_numbers_under_a_label_of_empty_fields_are_its_cells_though_their_fields_do_not_line_up() -> None:
    """``| （一）予以公开 | (empty fields) |`` / ``|  |  | 5 |  |  | 1 | - | - | - - | 6 |  |``: the grid line under the label
    holds seven printed cells and nothing else, its fields off the grid's columns and two in one field; in order,
    they are the row's seven cells (the identities check them)."""
    text, values = _dash_grids_text()
    row = next(line for line in text.split("\n") if line.startswith("| （一）予以公开 |"))
    assert row == "| （一）予以公开 |  | 5 |  | 1 |  | - | - | - | - | 6 |"
    text = text.replace(row, "| （一）予以公开 |" + "  |" * 10 + "\n|  |  | 5 |  |  | 1 | - | - | - - | 6 |  |")
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    granted = [p for p in TABLE3_PATHS if ".granted." in p]
    assert [(got[p], record.provenance[p].status) for p in granted] == [(values[p], Status.PROVEN) for p in granted]


def test_a_groups_title_head_between_a_labels_pieces_is_no_other_label() -> None:
    """``3.要求提供公开出版`` (outside the grid) / its numbers / ``| （五）不 | 物 | … |``: the head of （五）不予处理, printed
    down its column beside the label's last character, opens no row of its own, so 3.要求提供公开出版物 is found."""
    text, values = _dash_grids_text()
    row = next(line for line in text.split("\n") if "| 3.要求提供公开出版物 |" in line)
    numbers = "|  |  " + row.split("| 3.要求提供公开出版物 |", 1)[1]
    text = text.replace(row, f"3.要求提供公开出版\n{numbers}\n| （五）不 | 物 |" + "  |" * 10)
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    paths = [p for p in TABLE3_PATHS if ".rejected_publication." in p]
    assert [(got[p], record.provenance[p].status) for p in paths] == [(values[p], Status.PROVEN) for p in paths]


def _lost_column_text() -> tuple[str, dict]:
    """表三 of a report whose applicants are all natural persons, as markitdown lays it into a grid that lost a
    column: the label spans four fields, six value fields follow for seven columns (其他's header word on a line
    of its own, its empty column laid into a neighbour's field)."""
    from tests.fakeopenai import sample_values

    values = sample_values()
    for p in TABLE3_PATHS:
        if not p.endswith((".natural_person", ".total")):
            values[p] = None
    for p in TABLE3_PATHS:
        if p.endswith(".total"):            # (every identity holds: the total column is the 自然人 column)
            values[p] = values[p.rsplit(".", 1)[0] + ".natural_person"]
    lines = ["| （本列数据的勾稽关系为：第一项加第 |  |  |  |  |  |  | 法人或其他组织 |  |  |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
             "| 二项之和，等于第三项加第四项之和） |  |  |  | 自然人 | 商业企 | 科研机 | 社会公 | 法律服 | 总计 |",
             "其他"]
    for row, label, cells in _table3_rows(values):
        lines.append(f"| {label} |  |  |  | {cells[0]} |  |  |  |  | {cells[6]} |")
    return _with_table3(values, lines), values


def test_a_grid_that_lost_a_column_is_read_by_its_header_not_as_its_last_seven_fields() -> None:
    """``| 一、本年新收… |  |  |  | 1645 |  |  |  |  | 1645 |`` under ``|  |  |  |  | 自然人 | 商业企 | … | 总计 |``: the
    grid's value fields are six for seven columns. Read as its last seven fields, the label's empty field was
    自然人's and each number a column to the right, 商业企业 proven 1645 (the identities hold either way). The header
    places 自然人 and 总计; the four fields between, empty, are the other five columns' blanks."""
    text, values = _lost_column_text()
    assert "| 一、本年新收政府信息公开申请数量 |  |  |  | " in text         # the shape this test is about
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN and got[p] != values[p]] == []
    first = [p for p in TABLE3_PATHS if ".new_received." in p]
    assert [got[p] for p in first] == [values[p] for p in first]


_GROUP_NUMBER_NAME = "markitdown_pdf_group_number_in_first_field"     # office seed 41
_GROUP_NUMBER = LAYOUTS_DIR / f"{_GROUP_NUMBER_NAME}.md"


def test_a_group_titles_number_alone_in_a_rows_first_field_is_no_other_label() -> None:
    """``3、要求提供公开`` (plain text) / ``| （五） |  | 1 | 0 | … | 1 |`` / ``出版物``: the group's title （五）不予处理 printed
    down its column, its number alone in the first field of the row's grid line; no row of the form is numbered
    （五）, so the numbers are the row's beside it (read, and proven by the identities), not another label's."""
    text = _GROUP_NUMBER.read_text(encoding="utf-8")
    assert "3、要求提供公开\n| （五） |     | 1   | 0   |" in text        # the shape this test is about
    record = process_document(load(_GROUP_NUMBER))
    assert proven_wrong(record, _GROUP_NUMBER_NAME) == []
    row = [f"applications.rejected_publication.{c.key}" for c in FORM.table3_columns]
    assert [record.report.get(p) for p in row] == [layout_value(_GROUP_NUMBER_NAME, p) for p in row]
    assert all(record.provenance[p].status is Status.PROVEN for p in row)
