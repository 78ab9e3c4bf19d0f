"""A block of 表三 printed column by column is checked by the other blocks only where the column identities
tell its applicant columns apart (extract/blockorder.py).

pdfminer's ``pdf2txt.py`` prints a page's rows column by column in an order of its own (自然人 fifth). A
table of two pages is read in the form's order and proven when each page's order is checked by the
other's through the column sums and the balance; a first page of 24 rows holds every row of both column
identities but 四、结转下年度继续办理, and a second page of that one row of zeros checks nothing: the first
page's columns in any order keep every identity.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.blockorder import order_checked
from llm_extract.extract.formorder import read_form_order
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = tuple(r.key for r in FORM.table3_rows)
_COLS = tuple(c.key for c in FORM.table3_columns)
#: one applicant column's counts (自然人's), the others 0: every identity holds
_COUNTS = {"new_received": 5, "granted": 2, "denied_prohibited_by_law": 1, "denied_enforcement_file": 1,
           "unavailable_not_held": 1, "total_processed": 5}


def _row(key: str, column: int) -> list[int]:
    """A row with its count in the applicant column ``column`` and in 总计, 0 elsewhere."""
    n = _COUNTS.get(key, 0)
    return [n if c in (column, len(_COLS) - 1) else 0 for c in range(len(_COLS))]


def _page(rows: tuple[str, ...], column: int) -> list[str]:
    """A page as pdf2txt.py prints it: the rows' labels, then their numbers column by column, one box each."""
    labels = [next(r.label for r in FORM.table3_rows if r.key == key) for key in rows]
    table = [_row(key, column) for key in rows]
    numbers = [str(table[r][c]) for c in range(len(_COLS)) for r in range(len(rows))]
    return [x for line in labels + numbers for x in (line, "")]


def _text(first: int, column: int) -> str:
    """表三 over two pages, its first ``first`` rows on the first, the count in applicant column ``column``."""
    lines = ["某局2023年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "",
             *_page(_ROWS[:first], column), "- 2 -", "", *_page(_ROWS[first:], column),
             "四、政府信息公开行政复议、行政诉讼情况", "", "本年度未发生行政复议、行政诉讼。", "",
             "五、存在的主要问题及改进情况", "", "无。"]
    return "\n".join(lines)


def test_a_page_of_24_rows_and_a_page_of_one_row_of_zeros_are_read_but_never_proven() -> None:
    """The first page's columns printed 自然人 fifth would read the count as 法律服务机构's: the identities
    hold either way, so the order is the tool's (READ.COLUMN_RUNS), no applicant cell proven."""
    text = _text(24, 0)
    readings = read_form_order(text.split("\n"))
    assert readings is not None
    assert readings["applications.new_received.natural_person"].value == 5
    assert {r.method for p, r in readings.items() if p.startswith("applications.")} == {Method.FORM_ORDER_RUNS}
    record = process_document(Document.from_text(text, doc_id="d"))
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    assert record.provenance["applications.new_received.legal_service"].status is not Status.PROVEN


def test_pages_that_part_the_column_identities_check_each_other() -> None:
    """Thirteen rows on the first page, twelve on the second: the outcome rows and the balance's rows are
    on both, so another order of one page's columns breaks the column sums: the form's order is proven."""
    readings = read_form_order(_text(13, 0).split("\n"))
    assert readings is not None
    assert {r.method for r in readings.values()} == {Method.FORM_ORDER}


def test_a_block_holding_every_row_of_the_identities_it_touches_is_not_checked() -> None:
    rows = _ROWS[:24]
    assert not order_checked([_row(key, 0) for key in rows], rows)
    assert order_checked([_row(key, 0) for key in _ROWS[:13]], _ROWS[:13])


def test_columns_alike_in_a_block_need_no_check() -> None:
    """A block whose six applicant columns read alike (all 0) is the same under any order."""
    rows = _ROWS[24:]
    assert order_checked([[0] * len(_COLS) for _ in rows], rows)
    assert not order_checked([[0, 0, 0, 0, None, 0, 0] for _ in rows], rows)
