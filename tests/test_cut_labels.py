"""A label cut short at a line break in its cell, the rest printed after the table (trafilatura drops what follows a
``<br>`` inside a table cell and prints it after the table)::

    | 一、本年新收政 |  |  | 1,159 | 274 | 2 | 7 | 18 | 68 | 1,528 |
    …
    |  |  | 6.属于四类 | 21 | 6 | 0 | 0 | 0 | 1 | 28 |
    …
    |  | （七）总计 |  | 1,159 | … |
    府信息公开申请数量
    过程性信息

A label opening with its row's own item number, then the first words of that row's label only, its numbers right
after it, names that row. A row's label found only past the next two rows' labels (its tail after the table) is not
taken there: the rows in between were read before as missing from that tail on."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_rows, sample_values

VALUES = sample_values()
#: each cut label's first part as printed in its cell, and the rest printed after the table
CUTS = {"一、本年新收政府信息公开申请数量": 7, "2.其他法律行政法规禁止公开": 3, "6.属于四类过程性信息": 6,
        "4.无正当理由大量反复申请": 8}


def _trafilatura_text(values: dict, cuts: dict[str, int]) -> str:
    out: list[str] = []
    tails: list[str] = []
    for text, cells in report_rows(values):
        if cells is None:
            if text.startswith("四、") and tails:
                out += tails                  # the cut labels' rest, after the table
                tails = []
            out.append(text)
            continue
        label = text
        if label in cuts:
            label, tail = label[:cuts[label]], label[cuts[label]:]
            tails.append(tail)
        out.append("| " + " | ".join([label, *(c if c != "/" else "" for c in cells)]) + " |")
    return "\n".join(out)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def test_the_text_prints_the_cut_labels_as_the_module_says() -> None:
    text = _trafilatura_text(VALUES, CUTS)
    assert "| 一、本年新收政 | " in text and "| 6.属于四类 | " in text
    assert "\n府信息公开申请数量\n" in text and "\n过程性信息\n" in text


def test_a_label_cut_short_names_its_row_and_the_rows_after_it_are_read() -> None:
    record = _record(_trafilatura_text(VALUES, CUTS))
    for path, value in VALUES.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is Status.PROVEN, path


def test_words_that_begin_another_rows_label_name_no_row() -> None:
    """``2.重复`` where 2.其他法律行政法规禁止公开 is expected: the item number fits, the words do not (they begin
    2.重复申请's, a row of another group): the row is not read from it."""
    text = _trafilatura_text(VALUES, {}).replace("| 2.其他法律行政法规禁止公开 |", "| 2.重复 |")
    record = _record(text)
    assert record.provenance["applications.denied_prohibited_by_law.total"].status is not Status.PROVEN
