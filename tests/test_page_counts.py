"""A PDF library's plain text keeps no page breaks, but its page numbers still stand alone on their lines, counting
1, 2, 3 to the text's end (or from its start, where a library puts each page's foot first). Such a number is no
cell: under 表二's last label it is not the fee, inside 表三 not a row's cell."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.pagenumbers import without_page_numbers
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

_FEE = "active_disclosure.fees_10k_yuan"


def _paged(feet_first: bool) -> str:
    """The report with an empty fee cell, page 1 ending under it, page 2 inside 表三, page 3 at the end."""
    lines = report_text(sample_values()).replace("行政事业性收费\t1.5", "行政事业性收费").split("\n")
    fee = lines.index("行政事业性收费")
    middle = next(i for i, line in enumerate(lines) if line.startswith("（四）无法提供"))
    marks = {fee + 1: "1", middle: "2"}
    out = []
    for i, line in enumerate(lines):
        if i in marks and not feet_first:
            out.append(marks[i])
        out.append(line)
    text = "\n".join(out).rstrip() + "\n3\n"
    if feet_first:                              # each page's foot before its text: 1 first, then 2, 3
        out = ["1"] + [x for i, line in enumerate(lines) for x in (["2"] if i == fee + 1 else []) + [line]]
        out.insert(next(i for i, line in enumerate(out) if line.startswith("（四）无法提供")), "3")
        text = "\n".join(out)
    return text


def test_page_numbers_counting_to_the_texts_end_are_no_cells() -> None:
    record = process_document(Document.from_text(_paged(feet_first=False), doc_id="d"))
    assert record.report.values()[_FEE] is None or record.provenance[_FEE].status is not Status.PROVEN
    table3 = [p for p in record.provenance if p.startswith("applications.")]
    assert [p for p in table3 if record.report.values()[p] != sample_values()[p]] == []     # (2 is no cell of 表三)


def test_page_numbers_counting_from_the_texts_start_are_no_cells() -> None:
    record = process_document(Document.from_text(_paged(feet_first=True), doc_id="d"))
    assert record.report.values()[_FEE] is None or record.provenance[_FEE].status is not Status.PROVEN


def test_numbers_alone_that_do_not_count_the_pages_are_kept() -> None:
    """A table a cell to a line: many numbers alone, in no page order, none taken out; nor one alone at the end."""
    cells = ["规章", "1", "0", "3", "行政许可", "2", "四、结转", "5"]
    assert without_page_numbers(cells) == cells
    assert without_page_numbers(["标题", "正文", "2"]) == ["标题", "正文", "2"]


def test_page_numbers_at_the_margin_are_counted_apart_from_indented_cells() -> None:
    """pypdf: cells indented (`` 1``), page numbers at the margin (``1`` first, ``2`` on)."""
    lines = ["1", "标题", "规章", " 1", " 1", " 110", "行政事业性收费", "", "2", "三、收到", " 3", "3"]
    assert without_page_numbers(lines) == ["", "标题", "规章", " 1", " 1", " 110", "行政事业性收费", "", "", "三、收到",
                                           " 3", ""]
