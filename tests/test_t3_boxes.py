"""表三 in pdf2txt.py text: each column's numbers in boxes right after its header's box (extract/t3boxes.py).

pdfminer prints a box and a blank line; a column header wrapped one character to a line (自 / 然 / 人) is
printed right before its column's numbers on that page, the columns of a page in an order of its own, the
row labels apart. The header names the column, the form's order the rows, page by page: read when the
bands tile the form's rows and every identity holds; never proven but for the cells no order of the
applicant columns changes.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.t3boxes import read_table3_boxes
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.test_column_groups import _ROWS, _table

_LABELS = [r.label for r in FORM.table3_rows]
_COLS = [c.key for c in FORM.table3_columns]
_HEADERS = [c.label for c in FORM.table3_columns]
#: the pages' rows and the order pdfminer prints their columns in
_BANDS = ((13, (2, 3, 4, 6, 5, 0, 1)), (12, (0, 1, 2, 3, 4, 5, 6)))
#: （六）其他处理's sub-rows printed as its one row
_SIX = ("other_no_correction", "other_unpaid_fee", "other_other")


def _box(items: list[str]) -> list[str]:
    return items + [""]


def _column(t: dict[str, list[int]], c: int, rows: list[str], header: bool = True) -> list[str]:
    head = _box(list(_HEADERS[c])) if header else []              # 自 / 然 / 人: one character to a line
    return head + [line for r in rows for line in _box([str(t[r][c])])]


def _text(t: dict[str, list[int]], rows: list[str] | None = None, labels: list[str] | None = None,
          before: list[str] | None = None, column=_column) -> list[str]:
    rows = rows or _ROWS
    lines = ["某某局2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""] + (before or [])
    first = 0
    for k, order in _BANDS if len(rows) == len(_ROWS) else ((13, _BANDS[0][1]), (len(rows) - 13, _BANDS[1][1])):
        lines += [line for lab in (labels or _LABELS)[first:first + k] for line in _box([lab])]
        for c in order:
            lines += column(t, c, rows[first:first + k])
        first += k
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "结果维持", ""] \
        + ["0", ""] * 15 + ["五、存在的主要问题及改进情况", "", "无。"]


def _values(readings, rows=_ROWS) -> dict[str, list]:
    return {r: [readings[f"applications.{r}.{c}"].value for c in _COLS] for r in rows}


def test_each_pages_columns_are_read_under_their_headers_boxes() -> None:
    t = _table()
    readings = read_table3_boxes(_text(t))
    assert readings is not None and _values(readings) == t
    assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_columns_first_cells_under_its_header_and_the_rest_apart_are_that_column() -> None:
    t = _table()

    def parted(t, c, rows, header=True):
        if c != 0:
            return _column(t, c, rows)
        cells = _column(t, c, rows)
        cut = len(_HEADERS[0]) + 1 + 2 * 5                         # its header's box and five cells
        return cells[:cut] + _box(["申请人情况"]) + cells[cut:]
    readings = read_table3_boxes(_text(t, column=parted))
    assert readings is not None and _values(readings) == t


def test_the_one_column_a_page_prints_with_no_header_is_the_one_no_header_names() -> None:
    """(科研机构, first after the first page's labels, its header's box lost.)"""
    t = _table()
    readings = read_table3_boxes(_text(t, column=lambda t, c, rows: _column(t, c, rows,
                                                                        header=(c, rows[0]) != (2, _ROWS[0]))))
    assert readings is not None and _values(readings) == t
    # with no header, a column's numbers run on after the column's before it: no column of k
    assert read_table3_boxes(_text(t, column=lambda t, c, rows: _column(t, c, rows, header=c != 3))) is None


def test_numbers_before_the_tables_first_column_are_not_its() -> None:
    t = _table()
    readings = read_table3_boxes(_text(t, before=["2", ""]))
    assert readings is not None and _values(readings) == t


def test_headers_printed_together_are_their_columns_one_after_the_other() -> None:
    t = _table()

    def together(t, c, rows, header=True):
        if c == 3:                      # 社会公益组织's and 法律服务机构's headers, then both columns' numbers
            return _box(["社会公益组织 法律服务机构"]) + _column(t, 3, rows, False) + _column(t, 4, rows, False)
        return [] if c == 4 else _column(t, c, rows)
    readings = read_table3_boxes(_text(t, column=together))
    assert readings is not None and _values(readings) == t


def test_a_page_printed_with_no_header_is_its_columns_in_printed_order() -> None:
    t = _table()
    readings = read_table3_boxes(_text(t, column=lambda t, c, rows: _column(t, c, rows, header=rows[0] == _ROWS[0])))
    assert readings is not None and _values(readings) == t


def test_a_pages_number_after_a_columns_last_cell_is_no_cell() -> None:
    """(LibreOffice's footer 2, boxed with the column above it; the page opens with a form feed.)"""
    t = _table()

    def footed(t, c, rows, header=True):
        cells = _column(t, c, rows)
        return cells + _box(["2"]) if c == 1 and rows[0] != _ROWS[0] else cells
    lines = _text(t, column=footed)
    i = lines.index(_LABELS[13])
    lines[i] = "\f" + lines[i]                              # page 2 opens with the second band's labels
    readings = read_table3_boxes(lines)
    assert readings is not None and _values(readings) == t
    lines[i] = lines[i][1:]                                 # on page 1, a 2 is a cell: one too many
    assert read_table3_boxes(lines) is None


def test_columns_printed_after_table_fours_heading_among_its_header_words_are_read() -> None:
    t = _table()
    lines = _text(t)
    t4 = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    lines = lines[:t4] + lines[t4 + 2:]
    other = len(lines) - lines[::-1].index("其") - 1        # the second page's 其他 / 总计 columns, after 表四's
    lines[other:other] = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", ""]
    readings = read_table3_boxes(lines)
    assert readings is not None and _values(readings) == t


def test_a_lost_number_or_a_broken_identity_leaves_the_table_unread() -> None:
    t = _table()
    lines = _text(t)
    i = lines.index("人") + 2                                # 自然人's first cell
    assert read_table3_boxes(lines[:i] + lines[i + 2:]) is None
    lines[i] = "9"
    assert read_table3_boxes(lines) is None


def test_other_processing_printed_as_one_row_stands_for_its_sub_rows() -> None:
    t = _table()
    rows = [r for r in _ROWS if r not in _SIX[:2]]
    labels = [lab for r, lab in zip(_ROWS, _LABELS) if r not in _SIX[:2]]
    labels[rows.index(_SIX[2])] = "（六）其他处理"
    readings = read_table3_boxes(_text(t, rows, labels))
    assert readings is not None
    assert readings["applications.granted.natural_person"].value == 4
    assert all(readings[f"applications.{s}.{c}"].value == 0 for s in _SIX for c in _COLS)


def test_the_applicant_columns_so_read_are_never_proven() -> None:
    t = _table()
    record = process_document(Document.from_text("\n".join(_text(t)), doc_id="d"))
    assert record.report.get("applications.new_received.natural_person") == 7
    prov = record.provenance["applications.new_received.natural_person"]
    assert prov.status is not Status.PROVEN and "READ.COLUMN_RUNS" in prov.rules


def test_a_table_printed_by_rows_is_not_read_as_boxes() -> None:
    """(A row's label and its seven numbers on one line: each line is no column's box, its numbers placed by
    their labels or not at all, never by position alone.)"""
    t = _table()
    lines = ["某某局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"] \
        + ["保护他人合法权益" if r == "denied_third_party" else f"{lab}\t" + "\t".join(map(str, t[r]))
           for r, lab in zip(_ROWS, _LABELS)] + ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    lines[lines.index("保护他人合法权益")] += "\t" + "\t".join(map(str, t["denied_third_party"]))
    assert read_table3_boxes(lines) is None


def test_a_columns_cells_parted_with_its_header_lost_are_the_column_no_header_names() -> None:
    t = _table()

    def lost(t, c, rows, header=True):
        if c != 2 or rows[0] != _ROWS[0]:
            return _column(t, c, rows)
        cells = _column(t, c, rows, header=False)
        return cells[:2 * 4] + _box(["申请人情况"]) + cells[2 * 4:]     # (科研机构: four cells, then the rest)
    readings = read_table3_boxes(_text(t, column=lost))
    assert readings is not None and _values(readings) == t


def test_columns_another_reader_took_in_printed_order_are_placed_by_their_headers_boxes() -> None:
    """(One page: pdfminer prints 商业企业's column before 自然人's; read as one block in printed order, the
    identities hold with the two swapped, so the headers decide.)"""
    t = _table()
    t["new_received"][1], t["granted"][1] = 1, 1              # 商业企业: one granted application
    t["new_received"][6] += 1
    t["granted"][6] += 1
    t["total_processed"][1] += 1
    t["total_processed"][6] += 1
    lines = ["某某局2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    lines += [line for lab in _LABELS for line in _box([lab])]
    for c in (1, 0, 2, 3, 4, 5, 6):
        lines += _column(t, c, _ROWS)
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "结果维持", ""] + ["0", ""] * 15 \
        + ["五、存在的主要问题及改进情况", "", "无。"]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert [record.report.get(f"applications.new_received.{c}") for c in _COLS] == t["new_received"]


def test_rows_printed_one_number_to_a_line_are_not_read_by_position() -> None:
    """(``pdftotext``: each row's seven numbers one to a line, its label elsewhere: bands of one row with no
    header each, which only the labels place; a band with no header is read as the whole table, or beside
    bands its headers name.)"""
    t = _table()
    lines = ["某某局2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    lines += [line for lab in _LABELS for line in _box([lab])]
    for r in _ROWS:
        lines += [str(v) for v in t[r]] + [""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况", "", "无。"]
    assert read_table3_boxes(lines) is None


def test_a_groups_header_among_its_columns_headers_parts_them_from_no_numbers() -> None:
    """(科研机构, then 法人或其他组织 over the applicant columns, then 社会公益组织 and 法律服务机构: the three
    columns' numbers after them, one after the other.)"""
    t = _table()

    def grouped(t, c, rows, header=True):
        if c == 2:
            heads = [line for h in ("科研机构", "法人或其他组织", "社会公益组织", "法律服务机构") for line in _box([h])]
            return heads + [line for k in (2, 3, 4) for line in _column(t, k, rows, False)]
        return [] if c in (3, 4) else _column(t, c, rows)
    readings = read_table3_boxes(_text(t, column=grouped))
    assert readings is not None and _values(readings) == t


def test_a_page_printed_with_no_header_in_another_order_is_placed_by_the_identities() -> None:
    """pdfminer prints a page's columns in an order of its own (总计 fourth, 自然人 last) and the second page
    with no header: the first page's headers name its columns, and only one order of the second page's
    columns keeps every identity (its 自然人 and 法律服务机构 cells close different column sums)."""
    t = _table()
    order = (1, 2, 3, 6, 5, 4, 0)

    def shuffled(t, c, rows, header=True):
        if rows[0] == _ROWS[0]:
            return _column(t, c, rows)
        return _column(t, order[_BANDS[1][1].index(c)], rows, header=False)
    readings = read_table3_boxes(_text(t, column=shuffled))
    assert readings is not None and _values(readings) == t
    assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_page_printed_with_no_header_whose_columns_the_identities_cannot_tell_apart_is_not_read() -> None:
    """自然人 and 商业企业 each one application, one 信访 and one 重复申请 on the second page, printed there
    after 科研机构's zeros: the printed order breaks the column sums, and the two columns either way round
    keep them all, so no order is read."""
    t = {r: [0] * 7 for r in _ROWS}
    t["new_received"] = [1, 1, 0, 0, 0, 0, 2]
    t["rejected_petition"] = [1, 0, 0, 0, 0, 0, 1]
    t["rejected_duplicate"] = [0, 1, 0, 0, 0, 0, 1]
    t["total_processed"] = [1, 1, 0, 0, 0, 0, 2]
    swapped = (2, 0, 1, 3, 4, 5, 6)

    def bare(t, c, rows, header=True):
        return _column(t, c if rows[0] == _ROWS[0] else swapped[c], rows, header=rows[0] == _ROWS[0])
    assert read_table3_boxes(_text(t, column=bare)) is None


def test_a_table_printed_as_one_band_with_no_header_has_its_total_where_the_row_sums_find_it() -> None:
    """One page, no column header, 总计 printed fourth: the row sums find the total column; the six
    applicant columns stay in printed order, which no identity checks: only the totals and the rows whose
    applicant cells read alike are proven."""
    t = _table()
    order = (0, 1, 2, 6, 3, 4, 5)
    lines = ["某某局2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    lines += [line for lab in _LABELS for line in _box([lab])]
    lines += [line for c in order for line in _column(t, c, _ROWS, header=False)]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "本年度未发生行政复议、行政诉讼。", "", "五、存在的主要问题及改进情况", "", "无。"]
    readings = read_table3_boxes(lines)
    assert readings is not None and _values(readings) == t
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert record.report.get("applications.total_processed.total") == t["total_processed"][6]
    assert record.provenance["applications.total_processed.total"].status is Status.PROVEN
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    # 一、本年新收 (9) and 二、上年结转 trade places keeping every identity: which is which, the tool's order says
    assert record.provenance["applications.new_received.total"].status is not Status.PROVEN


def test_pages_all_printed_with_no_header_are_paired_by_the_identities_with_the_page_whose_totals_hold() -> None:
    """Neither page prints a header; the first's columns in an order of pdfminer's (总计 fifth), the second's
    in the form's: the second's printed order keeps its rows' totals, and only one order of the first's
    columns keeps every identity beside it."""
    t = _table()
    order = (1, 2, 3, 4, 6, 5, 0)

    def bare(t, c, rows, header=True):
        first = rows[0] == _ROWS[0]
        return _column(t, order[_BANDS[0][1].index(c)] if first else c, rows, header=False)
    readings = read_table3_boxes(_text(t, column=bare))
    assert readings is not None and _values(readings) == t
    assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_pages_of_one_row_printed_with_no_header_are_not_reordered() -> None:
    """Rows printed one to a piece (a text tool's rows, one number to a line, their labels between) are
    no pages of columns: no order of theirs is searched for, even one the identities would pin."""
    t = {r: [0] * 7 for r in _ROWS}
    for row in ("new_received", "granted", "total_processed"):
        t[row] = [1, 0, 0, 0, 0, 0, 1]
    lines = ["某某局2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    for lab, row in zip(_LABELS, _ROWS):
        lines += _box([lab]) + [line for v in t[row] for line in _box([str(v)])]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "本年度未发生行政复议、行政诉讼。", "", "五、存在的主要问题及改进情况", "", "无。"]
    assert read_table3_boxes(lines) is None


def test_the_header_row_printed_whole_before_a_pages_numbers_names_no_column() -> None:
    """The seven headers in one box in the form's order, then the page's numbers in pdfminer's order (总计
    fifth), the next page with no header: the headers tell no column's place, and only one order of the
    first page's columns keeps every identity beside the second's."""
    t = _table()
    order = (1, 2, 3, 4, 6, 5, 0)

    def whole(t, c, rows, header=True):
        if rows[0] != _ROWS[0]:
            return _column(t, c, rows, header=False)
        i = _BANDS[0][1].index(c)
        head = _box([" ".join(_HEADERS)]) if i == 0 else []
        return head + _column(t, order[i], rows, header=False)
    readings = read_table3_boxes(_text(t, column=whole))
    assert readings is not None and _values(readings) == t
