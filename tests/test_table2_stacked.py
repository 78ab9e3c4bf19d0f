"""表二 as text tools take a word processor's table apart, cell by cell. No identity checks 表二, so a
cell whose place the layout leaves in doubt is never proven.

* pdftotext's default mode may print each row's numbers above its label (``0 0 0`` / ``规章`` /
  ``7 0 30`` / ``行政规范性文件``). Read top-down, the numbers below a label are the next row's: where
  numbers no row took stand right above a label, the numbers read from below it are a guess
  (``READ.ABOVE_OR_BELOW``).
* pdfminer (pdf2txt) prints the labels, then the column headers, then the numbers: a label running on
  into column headers not its own takes no number after them."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from tests.fakeopenai import report_text, sample_values

VALUES = sample_values()
STOCK = ["active_disclosure.regulations.issued", "active_disclosure.regulations.repealed",
         "active_disclosure.regulations.in_force"]
TABLE2 = ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t5\t2\t51\n")


#: pdf2txt's 表二 of a LibreOffice PDF, verbatim (labels, then headers, then the numbers by column)
PDF2TXT = '二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\n规章\n\n行政规范性文件\n\n第二十条第（五）项\n信息内容\n行政许可\n第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n信息内容\n行政事业性收费\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n1\n\n7（其中修订 2\n件）\n\n０\n\n１\n\n３０\n\n0\n\n本年处理决定数量\n\n１０７５８\n\n本年处理决定数量\n\n0\n\n０\n\n本年收费金额（单位：万元）\n０\n\n'
PDF2TXT_VALUES = {"active_disclosure.regulations.issued": 1, "active_disclosure.regulations.repealed": 0,
                  "active_disclosure.regulations.in_force": 30, "active_disclosure.normative_documents.issued": 7,
                  "active_disclosure.normative_documents.repealed": 1,
                  "active_disclosure.normative_documents.in_force": 0, "active_disclosure.licensing": 10758,
                  "active_disclosure.punishment": 0, "active_disclosure.enforcement": 0,
                  "active_disclosure.fees_10k_yuan": 0}


def _with_table2(block: str) -> str:
    text = report_text(VALUES)
    assert TABLE2 in text
    return text.replace(TABLE2, block)


def test_numbers_printed_above_each_label_are_never_proven_as_the_row_below_them() -> None:
    stacked = "信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n0\n0\n0\n规章\n5\n2\n51\n行政规范性文件\n"
    doc = Document.from_text(_with_table2(stacked), doc_id="x")
    record = process_document(doc)
    for path in STOCK:
        prov = record.provenance[path]
        assert prov.status is not Status.PROVEN
        assert prov.status is not Status.UNVERIFIED or "READ.ABOVE_OR_BELOW" in prov.rules
    items = {i.path: i for i in review_items(record, doc.lines)}
    assert "right above the label" in items[STOCK[0]].message
    # every row has its numbers right above it, the last label none below: each row read from above (t2above.py)
    assert [record.report.get(p) for p in STOCK] == [0, 0, 0]
    assert record.report.get("active_disclosure.normative_documents.in_force") == 51


def test_numbers_printed_below_each_label_are_read_and_proven() -> None:
    below = "信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n行政规范性文件\n5\n2\n51\n"
    record = process_document(Document.from_text(_with_table2(below), doc_id="x"))
    assert [record.report.get(p) for p in STOCK] == [0, 0, 0]
    assert all(record.provenance[p].status is Status.PROVEN for p in STOCK)
    assert record.report.get("active_disclosure.normative_documents.in_force") == 51


def test_a_label_running_on_into_other_rows_column_headers_takes_no_number_after_them() -> None:
    text = report_text(VALUES)
    start = text.index("二、主动公开政府信息情况")
    end = text.index("行政事业性收费\t1.5\n") + len("行政事业性收费\t1.5\n")
    record = process_document(Document.from_text(text[:start] + PDF2TXT + text[end:], doc_id="x"))
    wrong = [p for p, v in record.provenance.items() if p.startswith("active_disclosure.")
             and v.status is Status.PROVEN and record.report.get(p) != PDF2TXT_VALUES[p]]
    assert wrong == []
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is not Status.PROVEN


def test_a_notes_end_wrapped_below_the_label_is_no_cell_of_the_row() -> None:
    """pdftotext -raw prints a cell's wrapped note by height: ``5（其中修订`` above the label, its end ``2 件）`` under
    the row's other numbers (``行政规范性文件`` / ``1`` / ``17`` / ``2 件）``). The 2 is the note's count, not the
    row's third cell: the row is never proven as ``1 17 2``."""
    block = ("信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n5（其中修订\n"
             "行政规范性文件\n1\n17\n2 件）\n")
    record = process_document(Document.from_text(_with_table2(block), doc_id="x"))
    for path, printed in zip(("issued", "repealed", "in_force"), (5, 1, 17)):
        prov = record.provenance[f"active_disclosure.normative_documents.{path}"]
        value = record.report.get(f"active_disclosure.normative_documents.{path}")
        assert value == printed or prov.status is not Status.PROVEN, (path, value)


def test_a_counts_unit_printed_a_space_after_it_is_the_cells() -> None:
    """pdftotext's ``-raw`` mode of a table printing each count with its unit (``0件``) parts them by a space:
    ``规章 0 件 0 件 0 件`` holds three cells, read and proven as ``0件`` is; a cell without its unit beside
    them (``行政规范性文件 5 2 件 51 件``) too. A sentence's count and unit stay prose."""
    block = "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 件 0 件 0 件\n行政规范性文件 5 2 件 51 件\n"
    record = process_document(Document.from_text(_with_table2(block), doc_id="d"))
    paths = STOCK + [p.replace("regulations", "normative_documents") for p in STOCK]
    assert [record.report.get(p) for p in paths] == [0, 0, 0, 5, 2, 51]
    assert [record.provenance[p].status for p in paths] == [Status.PROVEN] * 6
    prose = "本年共办理行政复议案件 2 件，行政诉讼 1 件。\n"
    assert process_document(Document.from_text(_with_table2(block + prose), doc_id="d")).report.values() \
        == record.report.values()
