"""Plain ``pdftotext`` of a Word-made 表三 may print a page's labels first, then its numbers; a row whose seven
cells are empty prints nothing where a cell is left empty and a mark where one holds one (``—``, ``-``). The region
then holds 24 rows' numbers: which row is blank, the text says only through where its marks stand. Each row is
tried as the blank one, the others read in the form's order with every identity holding, and the marks must
stand between that row's neighbours: where exactly one row is left, the table is read, the blank row null, never
proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.blankrow import read_blank_row
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_HEADER = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
           "法律服务机构", "其他", "总计"]
_ROWS = {"new_received": [3, 0, 0, 1, 0, 0, 4], "carried_over": [1, 0, 0, 0, 0, 0, 1], "granted": [2, 0, 0, 1, 0, 0, 3],
         "partially_granted": [1, 0, 0, 0, 0, 0, 1], "total_processed": [3, 0, 0, 1, 0, 0, 4],
         "carried_forward": [1, 0, 0, 0, 0, 0, 1]}
_BLANK = "rejected_duplicate"


def _labels() -> list[str]:
    return [f"{row.group} {row.label}".strip() for row in FORM.table3_rows]


def _text(marks: list[str]) -> list[str]:
    numbers: list[str] = []
    for key in FORM.table3_row_keys:
        numbers += marks if key == _BLANK else [str(v) for v in _ROWS.get(key, [0] * 7)]
    return _HEADER + _labels() + numbers + ["四、政府信息公开行政复议、行政诉讼情况"]


def test_the_row_whose_marks_stand_between_its_neighbours_is_the_blank_one() -> None:
    readings = read_blank_row(_text(["—", "-"]))
    assert readings is not None
    assert all(readings[f"applications.{_BLANK}.{c}"].value is None for c in FORM.table3_column_keys)
    for key, values in _ROWS.items():
        assert [readings[f"applications.{key}.{c}"].value for c in FORM.table3_column_keys] == values
    assert readings["applications.rejected_petition.total"].value == 0


def test_no_mark_no_reading_among_rows_of_zeros() -> None:
    """Printed nothing at all, the blank row may be any of the zero rows: nothing is read."""
    assert read_blank_row(_text([])) is None


def test_read_in_a_report_but_never_proven() -> None:
    text = "\n".join(["某县自然资源局2022年政府信息公开工作年度报告", ""] + _text(["—", "-"]))
    record = process_document(Document.from_text(text, doc_id="plain-blank-row"))
    got = record.report.values()
    assert got[f"applications.{_BLANK}.natural_person"] is None
    assert got["applications.granted.research"] == 0 and got["applications.granted.social_org"] == 1
    assert all(record.provenance[f"applications.{k}.{c}"].status is not Status.PROVEN
               for k in _ROWS for c in FORM.table3_column_keys)


def test_a_blank_row_first_in_a_band_printed_column_by_column() -> None:
    """The last three rows printed as a band, column by column (pdftotext: 其他 | 总计 | 结转 under a page's top), the
    blank （六）3.其他 first in it: each of its marks stands before 总计's cell and after the previous column's
    结转 cell."""
    numbers: list[str] = []
    for key in FORM.table3_row_keys[:22]:
        numbers += [str(v) for v in _ROWS.get(key, [0] * 7)]
    for c in range(7):
        numbers += ["—", str(_ROWS["total_processed"][c]), str(_ROWS["carried_forward"][c])]
    readings = read_blank_row(_HEADER + _labels() + numbers + ["四、政府信息公开行政复议、行政诉讼情况"])
    assert readings is not None
    assert all(readings[f"applications.other_other.{c}"].value is None for c in FORM.table3_column_keys)
    total = [readings[f"applications.total_processed.{c}"].value for c in FORM.table3_column_keys]
    assert total == [3, 0, 0, 1, 0, 0, 4]


def test_a_total_printed_bare_and_misread_by_ocr_still_names_its_row() -> None:
    """（七）总计 printed as 总计 alone reads as its row's label (the total column's header alike), and so does 总记, as
    OCR misreads it (FORM.md), as in every reader of the form's order."""
    text = [("总记" if line in ("总计", "（七）总计") else line) for line in _text(["—", "-"])]
    assert "总记" in text
    readings = read_blank_row(text)
    assert readings is not None
    assert [readings[f"applications.total_processed.{c}"].value for c in FORM.table3_column_keys] == [3, 0, 0, 1, 0, 0, 4]
