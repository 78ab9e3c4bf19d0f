"""A table printed without vertical rules: a blank cell keeps its column.

Its text layer has no glyph for an empty cell, so a row with a blank cell came out with fewer numbers
than columns, and which cell was blank was lost. Each number stands in its column on the page: when
every number of the table falls in one of the bands its rows' numbers stack into, and some row fills
every band, a row with blank cells is printed as a ruled table's row is (a cell a line after a tab, a
blank cell a tab-only line). A number between two bands, a table whose rows fill no band set, are left
as they were. A table continued on a page where no row is full takes the columns of its part that has one.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pdfplumber")

from llm_extract.evidence import CellKind, Status  # noqa: E402
from llm_extract.ingest import Document  # noqa: E402
from llm_extract.ingest.pdf import read_pdf  # noqa: E402
from llm_extract.outputs import read_json  # noqa: E402
from llm_extract.pipeline import process_document  # noqa: E402
from llm_extract.schema import APPLICANT_COLUMNS, Report  # noqa: E402
from llm_extract.synth import render  # noqa: E402
from tests.pdf_text_layer import Run, text_pdf, width  # noqa: E402
from tests.fakeopenai import report_rows, sample_values  # noqa: E402

_SIZE = 9.0
_CENTRES = (250.0, 290.0, 330.0, 370.0, 410.0, 450.0, 490.0)     # seven columns, numbers centred


def _row(label: str, cells: list[str], y: float, centres: tuple[float, ...] = _CENTRES) -> list[Run]:
    runs = [Run(label, 40, y, _SIZE)]
    for text, centre in zip(cells, centres):
        if text:
            runs.append(Run(text, centre - width(text, _SIZE) / 2, y, _SIZE))
    return runs


def _page(rows: list[tuple[str, list[str]]], top: float = 900.0) -> list[Run]:
    runs = [Run("表头", 40, top + 20, _SIZE)] + [Run(h, c - width(h, _SIZE) / 2, top + 20, _SIZE)
                                              for h, c in zip("ABCDEFG", _CENTRES)]
    for i, (label, cells) in enumerate(rows):
        runs += _row(label, cells, top - 18 * i)
    return runs


def _text(pages: list[list[Run]]) -> str:
    return read_pdf(text_pdf(pages)).text


FULL = ("一、本年新收", ["1", "0", "2", "0", "0", "0", "3"])


def test_a_blank_cell_is_an_empty_cell_in_its_column() -> None:
    text = _text([_page([FULL, ("（一）予以公开", ["19", "", "0", "", "0", "0", "19"])])])
    assert "\t（一）予以公开\n\t19\n\t\n\t0\n\t\n\t0\n\t0\n\t19\n" in text
    assert "一、本年新收\t1\t0\t2\t0\t0\t0\t3" in text      # a full row is printed as before


def test_blank_first_and_last_cells_keep_their_columns() -> None:
    text = _text([_page([FULL, ("（二）部分公开", ["", "5", "0", "0", "0", "0", ""])])])
    assert "\t（二）部分公开\n\t\n\t5\n\t0\n\t0\n\t0\n\t0\n\t\n" in text


def test_a_number_between_two_columns_leaves_the_table_as_text() -> None:
    between = _row("（一）予以公开", ["19", "0"], 880, (250.0, 310.0))     # 310: between 290 and 330
    text = _text([_page([FULL]) + between])
    assert "（一）予以公开\t19\t0" in text
    assert "\t（一）予以公开\n" not in text


def test_a_table_no_row_of_which_fills_every_column_is_left_as_text() -> None:
    text = _text([_page([("（一）予以公开", ["19", "", "0", "0", "0", "0", "19"]),
                         ("（二）部分公开", ["5", "0", "", "0", "0", "0", "5"])])])
    assert "（一）予以公开\t19\t0\t0\t0\t0\t19" in text
    assert "\t\n" not in text


def test_a_table_whose_rows_all_leave_a_column_under_its_header_blank_is_left_as_text() -> None:
    """No row fills column C: the row that fills every other column is not full, nor are the bands the
    columns; its header's C stands over none of them."""
    text = _text([_page([("一、本年新收", ["1", "0", "", "0", "0", "0", "1"]),
                         ("（一）予以公开", ["19", "", "", "0", "0", "0", "19"])])])
    assert "（一）予以公开\t19\t0\t0\t0\t19" in text
    assert "\t\n" not in text


def test_a_label_reaching_over_the_numbers_is_not_a_row_of_the_table() -> None:
    sentence = [Run("本年度共收到政府信息公开申请，其中已经办结的申请数量为", 40, 862, _SIZE), Run("7", 300, 862, _SIZE)]
    text = _text([_page([FULL, ("（一）予以公开", ["19", "", "0", "", "0", "0", "19"])]) + sentence])
    assert "\t（一）予以公开\n\t19\n\t\n" in text
    assert "\n本年度共收到政府信息公开申请，其中已经办结的申请数量为 7\n" in text


def test_a_header_over_the_numbers_ends_a_table() -> None:
    """Two tables on a page, the second of three columns under its own header: neither takes the other's
    columns."""
    first = _page([FULL, ("（一）予以公开", ["19", "", "0", "", "0", "0", "19"])])
    header = [Run("信息内容", 40, 840, _SIZE), Run("本年制发件数", 230, 840, _SIZE), Run("现行有效件数", 400, 840, _SIZE)]
    second = _row("规章", ["5", "2", "89"], 822, (260.0, 340.0, 420.0)) \
        + _row("规范性文件", ["24", "", "103"], 804, (260.0, 340.0, 420.0))
    text = _text([first + header + second])
    assert "\t（一）予以公开\n\t19\n\t\n" in text
    assert "\t规范性文件\n\t24\n\t\n\t103\n" in text


def test_a_table_continued_on_a_page_without_a_full_row_takes_the_columns_of_its_first_part() -> None:
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    second = _page([("1.属于国家秘密", ["1", "", "0", "0", "0", "0", "1"]),
                    ("2.其他法律", ["2", "0", "", "0", "0", "0", "2"])])
    text = _text([first, second])
    assert "\t1.属于国家秘密\n\t1\n\t\n\t0\n" in text
    assert "\t2.其他法律\n\t2\n\t0\n\t\n\t0\n" in text


def test_a_continued_table_whose_rows_all_leave_a_column_blank_takes_the_columns_of_its_first_part() -> None:
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    second = _page([("（七）总计", ["3", "", "1", "0", "0", "0", "4"]),
                    ("四、结转下年度", ["1", "", "", "0", "0", "0", "1"])])
    text = _text([first, second])
    assert "\t（七）总计\n\t3\n\t\n\t1\n\t0\n\t0\n\t0\n\t4\n" in text
    assert "\t四、结转下年度\n\t1\n\t\n\t\n\t0\n\t0\n\t0\n\t1\n" in text


def test_a_continued_table_whose_numbers_stand_elsewhere_is_left_as_text() -> None:
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    moved = tuple(c + 20 for c in _CENTRES)
    second = [*_row("1.属于国家秘密", ["1", "", "0", "0", "0", "0", "1"], 900, moved),
              *_row("2.其他法律", ["2", "0", "", "0", "0", "0", "2"], 882, moved)]
    text = _text([first, second])
    assert "1.属于国家秘密\t1\t0\t0\t0\t0\t1" in text


def test_a_table_on_the_next_page_whose_numbers_stand_off_the_columns_is_left_as_text() -> None:
    """Its numbers overlap the columns above but line up with them neither left, right nor centred."""
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    off = tuple(c + 2 for c in _CENTRES)
    second = [*_row("1.属于国家秘密", ["1", "", "0", "0", "0", "0", "1"], 900, off),
              *_row("2.其他法律", ["2", "0", "", "0", "0", "0", "2"], 882, off)]
    assert "1.属于国家秘密\t1\t0\t0\t0\t0\t1" in _text([first, second])


def test_a_table_ended_by_a_sentence_is_continued_by_no_table_on_the_next_page() -> None:
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    first.append(Run("四、政府信息公开行政复议、行政诉讼情况，本年度未发生行政复议和行政诉讼案件。", 40, 860, _SIZE))
    second = _page([("1.属于国家秘密", ["1", "", "0", "0", "0", "0", "1"]),
                    ("2.其他法律", ["2", "0", "", "0", "0", "0", "2"])])
    assert "1.属于国家秘密\t1\t0\t0\t0\t0\t1" in _text([first, second])


def _report_pdf(report: Report) -> bytes:
    """The report as its PDF text prints it (:func:`render`), without rules: every row's numbers centred in
    columns, a header's words over them, and 二、上年结转's cells that are None printed as nothing."""
    pages: list[list[Run]] = [[]]
    y = 960.0
    for line in render(report, "pdftext").split("\n"):
        if y < 60:
            pages.append([])
            y = 960.0
        words = line.split()
        cut = len(words)
        while cut and re.fullmatch(r"[\d.]+", words[cut - 1]):
            cut -= 1
        label, numbers = " ".join(words[:cut]), words[cut:]
        if label.startswith("二、上年结转"):
            row = report.applications.carried_over
            numbers = ["" if getattr(row, c) is None else str(getattr(row, c)) for c in APPLICANT_COLUMNS]
        if numbers or len(words) < 2:
            pages[-1] += [Run(label, 30, y, 7)] if label else []
        else:                           # a header: its words over the columns
            pages[-1] += [Run(w, 30 if i == 0 else 390 + 30 * i, y, 7) for i, w in enumerate(words)]
        step = 18.0 if len(numbers) > 7 else 30.0
        pages[-1] += [Run(text, 420 + step * i - width(text, 7) / 2, y, 7) for i, text in enumerate(numbers) if text]
        y -= 14
    return text_pdf(pages)


def test_a_report_whose_row_has_blank_cells_reads_them_as_blank_and_every_other_cell_as_printed(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    row = report.applications.carried_over
    assert all(getattr(row, c) == 0 for c in APPLICANT_COLUMNS)
    row.commercial = row.social_org = None                     # blank cells: the identities hold still
    record = process_document(Document.from_text(read_pdf(_report_pdf(report)).text, doc_id="x"))
    assert record.report.values() == report.values()
    for c in ("commercial", "social_org"):
        prov = record.provenance[f"applications.carried_over.{c}"]
        assert prov.kind is CellKind.BLANK and prov.status is Status.PROVEN


def test_a_row_of_one_number_is_left_as_text() -> None:
    """One number says nothing of which table it is in: 行政许可's one cell under 规章's three."""
    rows = _row("规章", ["5", "2", "89"], 900) + _row("规范性文件", ["24", "", "103"], 882) \
        + _row("行政许可", ["15498"], 864)
    text = _text([rows])
    assert "\t规范性文件\n\t24\n\t\n\t103\n" in text
    assert "\n行政许可\t15498\n" in text


def test_digits_a_narrow_cell_wrapped_onto_the_next_line_stay_with_their_cell_never_dropped() -> None:
    """３８ / ８ (388 wrapped in a narrow column): the line of digits under the row, no label, each under one of
    its numbers, is those cells' tail. Printed after the cell's own digits with a space (``38 8``), the cell
    is a number split in two, never read as 38 (which kept the balance with a total wrapped alike)."""
    rows = [FULL, ("（一）予以公开", ["38", "0", "0", "0", "0", "0", "38"]), ("", ["8", "", "", "", "", "", "8"]),
            ("（二）部分公开", ["1", "0", "0", "0", "0", "0", "1"])]
    text = _text([_page(rows)])
    assert "\t（一）予以公开\n\t38 8\n\t0\n\t0\n\t0\n\t0\n\t0\n\t38 8\n" in text
    assert "（二）部分公开\t1\t0\t0\t0\t0\t0\t1" in text             # the rows around it are printed as before
    assert not re.search(r"^\t?8$", text, re.M)                      # the tail is no row of its own


def test_a_full_row_under_a_row_is_no_wrapped_tail() -> None:
    rows = [FULL, ("（一）予以公开", ["38", "0", "0", "0", "0", "0", "38"]), ("", ["8", "0", "0", "0", "0", "0", "8"])]
    text = _text([_page(rows)])
    assert "38 8" not in text


def _table3_readings(rows: list[tuple[str, list[str]]]) -> dict:
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.regions import find_regions
    from llm_extract.extract.table3 import read_table3

    heading = [Run("三、收到和处理政府信息公开申请情况", 40, 960, _SIZE)]
    lines = _text([heading + _page(rows)]).split("\n")
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    return read_table3(region)[0]


def test_lone_labels_between_rows_printed_a_cell_a_line_are_blank_rows() -> None:
    """A rule-less table's rows with blank cells are printed a cell a line under their labels; the labels
    between them standing alone, one under another, print no cell: blank rows (null), not lost cells the
    identities fill in with 0."""
    readings = _table3_readings([FULL, ("（一）予以公开", ["1", "", "0", "0", "0", "0", "1"]),
                                 ("（二）部分公开", ["1", "0", "0", "", "0", "0", "1"]),
                                 ("（三）不予公开", []), ("1.属于国家秘密", []), ("2.其他法律行政法规禁止公开", []),
                                 ("3.危及“三安全一稳定”", ["0", "0", "", "0", "0", "0", "0"])])
    for row in ("denied_state_secret", "denied_prohibited_by_law"):
        cells = [readings[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS]
        assert {(r.kind, r.value, r.method) for r in cells} == {(CellKind.BLANK, None, "label-alone")}


def test_lone_labels_over_more_cells_than_a_row_has_are_not_blank_rows() -> None:
    """Labels stacked over a block of numbers (a text tool's columns) print their numbers elsewhere."""
    readings = _table3_readings([FULL, ("（一）予以公开", ["1", "", "0", "0", "0", "0", "1"]),
                                 ("（二）部分公开", []), ("（三）不予公开", []), ("1.属于国家秘密", []),
                                 ("2.其他法律行政法规禁止公开", []),
                                 ("3.危及“三安全一稳定”", ["0", "0", "", "0", "0", "0", "0"]),
                                 ("", ["1", "0", "0", "0", "0", "0", "1"])])
    assert readings["applications.denied_state_secret.total"].method != "label-alone"


def test_a_label_whose_words_hold_its_rows_numbers_is_no_lone_label() -> None:
    """A ruled PDF table read a cell to a line (ingest/pdf.py) whose row of zeros the PDF drew inside its label's
    cell (``（二）部分公开（区分处理的，只0 0 0 0 0 0 0计这一情形…``): digits among a label's words are no label's (the
    form's have none), so the row is not read as blank (0 proven as null, silently); the identities derive it."""
    values = sample_values()
    for c in APPLICANT_COLUMNS:
        values[f"applications.partially_granted.{c}"] = 0
    out: list[str] = []
    for text, cells in report_rows(values):
        if cells is None:
            out.append(text)
        elif text.startswith("（二）部分公开"):
            out += ["", "\t（二）部分公开（区分处理的，只0 0 0 0 0 0 0计这一情形，不计其他情形）"]
        else:
            out += ["", "\t" + text] + ["\t" + c for c in cells]
    record = process_document(Document.from_text("\n".join(out), doc_id="d"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.partially_granted.{c}"
        assert record.report.values()[path] == 0 or record.provenance[path].status is not Status.PROVEN, path


_T4_CENTRES = tuple(100.0 + 28.0 * i for i in range(15))
_T4_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 3


def _t4_page(cells: list[str], heads: tuple[str, ...] = _T4_HEADS) -> list[Run]:
    """表四 without rules: its group names, its fifteen column headers (two characters a line) over their
    columns, then one row of numbers, centred in their columns; an empty cell prints nothing."""
    runs = [Run("四、政府信息公开行政复议、行政诉讼情况", 40, 960, _SIZE), Run("行政复议", 140, 940, _SIZE),
            Run("行政诉讼", 330, 940, _SIZE), Run("未经复议直接起诉", 230, 925, _SIZE), Run("复议后起诉", 390, 925, _SIZE)]
    for head, centre in zip(heads, _T4_CENTRES):
        if head:
            runs += [Run(head[:2], centre - width(head[:2], _SIZE) / 2, 910, _SIZE)]
            runs += [Run(head[2:], centre - width(head[2:], _SIZE) / 2, 898, _SIZE)] if head[2:] else []
    return runs + [Run(text, centre - width(text, _SIZE) / 2, 870, _SIZE)
                   for text, centre in zip(cells, _T4_CENTRES) if text]


def test_table4_as_one_row_with_blank_groups_takes_its_columns_from_its_header() -> None:
    """One row of fifteen cells has no other row to measure columns by: the column headers stand over them."""
    cells = [""] * 5 + ["2", "1", "0", "0", "3"] + [""] * 5
    text = _text([_t4_page(cells)])
    assert "\n\t\n\t\n\t\n\t\n\t\n\t2\n\t1\n\t0\n\t0\n\t3\n\t\n\t\n\t\n\t\n\t\n" in text


def test_table4_whose_header_misses_a_column_is_left_as_text() -> None:
    cells = ["1", "0", "0", "0", "1"] + [""] * 10
    heads = _T4_HEADS[:7] + ("",) + _T4_HEADS[8:]
    text = _text([_t4_page(cells, heads)])
    assert "1\t0\t0\t0\t1" in text
    assert "\t\n" not in text


def _numbered_header(heads: tuple[str, ...]) -> list[Run]:
    """A header of numbered words over the seven columns, those printed ``数据 1`` broken: 数据 on the line,
    its number alone on the line below, under it; then the table's rows."""
    runs = []
    for head, centre in zip(heads, _CENTRES):
        word, number = (head.split() + [""])[:2]
        runs.append(Run(word, centre - width(word, _SIZE) / 2, 940, _SIZE))
        if number:
            runs.append(Run(number, centre - width(number, _SIZE) / 2, 929, _SIZE))
    return runs + [r for i, (label, cells) in enumerate([FULL, ("（一）予以公开", ["1", "", "0", "0", "0", "0", "1"])])
                   for r in _row(label, cells, 900 - 18 * i)]


def test_a_numbered_header_words_number_wrapped_under_it_is_joined_back_onto_it() -> None:
    """数据 / 1 in a narrow column: the line of the headers' numbers is no row of the table."""
    text = _text([_numbered_header(("数据 1", "数据2", "数据 3", "数据4", "数据5", "数据6", "总计"))])
    assert "数据1" in text and "数据3" in text
    assert not re.search(r"^\t?1\t3$", text, re.M)
    assert "\t（一）予以公开\n\t1\n\t\n\t0\n" in text


def test_numbers_under_header_words_not_numbered_elsewhere_are_left_as_printed() -> None:
    text = _text([_numbered_header(("数据 1", "数据", "数据 3", "数据", "数据", "数据", "总计"))])
    assert "数据1" not in text


def test_a_lone_row_continued_on_the_next_page_takes_the_columns_of_its_first_part() -> None:
    """表三's last rows broken onto a page of their own, only （七）总计 holding numbers: one row measures no
    columns, but its numbers line up with the columns of the part before."""
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    second = [Run("3.其他", 40, 918, _SIZE), *_row("（七）总计", ["3", "", "1", "", "", "", "4"], 900)]
    assert "\t（七）总计\n\t3\n\t\n\t1\n\t\n\t\n\t\n\t4\n" in _text([first, second])


def test_a_lone_row_whose_numbers_stand_off_the_columns_before_is_left_as_text() -> None:
    first = _page([FULL, ("（一）予以公开", ["19", "0", "0", "0", "0", "0", "19"])])
    off = tuple(c + 2 for c in _CENTRES)
    second = _row("（七）总计", ["3", "", "1", "", "", "", "4"], 900, off)
    assert "（七）总计\t3\t1\t4" in _text([first, second])


def test_a_header_printed_in_radical_code_points_places_rows_none_of_which_is_full() -> None:
    """Chromium's PDF writes 自然人 as ``⾃然⼈`` (Kangxi radicals): the header's words are still 表三's
    column names, and place the numbers of a table leaving its zero cells blank."""
    pieces = [["⾃然⼈"], ["商业", "企业"], ["科研", "机构"], ["社会", "公益", "组织"], ["法律", "服务", "机构"],
              ["其他"], ["总计"]]
    runs = [Run(p, c - width(p, _SIZE) / 2, 960 - 12 * k, _SIZE)
            for ps, c in zip(pieces, _CENTRES) for k, p in enumerate(ps)]
    runs += _row("一、本年新收", ["4", "1", "", "", "1", "", "6"], 900)
    runs += _row("（一）予以公开", ["", "1", "", "", "1", "", "2"], 882)
    assert "\t（一）予以公开\n\t\n\t1\n\t\n\t\n\t1\n\t\n\t2\n" in _text([runs])


def test_table4_as_three_rows_of_five_is_placed_by_its_five_column_headers() -> None:
    """表四 printed as three rows of five under one header (类别 | 结果维持 … 总计), its blank cells printed as
    nothing, no row full: the five column headers are its columns."""
    centres = (250.0, 300.0, 350.0, 400.0, 450.0)
    runs = [Run("类别", 40, 920, _SIZE)] + [Run(h, c - width(h, _SIZE) / 2, 920, _SIZE)
                                          for h, c in zip(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), centres)]
    runs += _row("行政复议", ["", "", "5", "3", "8"], 900, centres)
    runs += _row("行政诉讼（未经复议直接起诉）", ["9", "2", "", "10", "21"], 882, centres)
    runs += _row("行政诉讼（复议后起诉）", ["", "", "9", "7", "16"], 864, centres)
    text = _text([runs])
    assert "\t行政复议\n\t\n\t\n\t5\n\t3\n\t8\n" in text
    assert "\t行政诉讼（未经复议直接起诉）\n\t9\n\t2\n\t\n\t10\n\t21\n" in text
