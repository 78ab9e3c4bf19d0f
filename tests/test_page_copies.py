"""A page printed twice: the run of lines before a page break printed again right after it.

Read twice, 表三's rows (or, a cell to a line, one row's cells) stand twice and the table goes to review; the
second copy says nothing the first does not, so it is dropped, and the lines after it follow the first copy as
the original did, even where the break cut a row in two."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.pagecopies import without_page_copies
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, Report
from llm_extract.synth import render


def _text(golden_dir, layout: str) -> str:
    return render(Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json")), layout)


def _twice(text: str, first: str, last: str, cut: int | None = None) -> str:
    """``text`` with the lines from the one holding ``first`` to the one holding ``last`` printed again after a
    page break (``cut``: the last line cut after that many tab fields, its rest after the copy)."""
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if first in line)
    b = next(i for i, line in enumerate(lines) if last in line and i > a)
    page = lines[a:b + 1]
    rest = lines[b + 1:]
    if cut is not None:
        fields = page[-1].split("\t")
        page[-1], rest = "\t".join(fields[:cut]), ["\t".join(fields[cut:])] + rest
    return "\n".join(lines[:a] + page + ["\f第 2 页 共 4 页"] + page + ["\f第 3 页 共 4 页"] + rest)


def _table3(record) -> list[tuple[object, Status]]:
    return [(record.report.get(p), record.provenance[p].status) for p in TABLE3_PATHS]


def test_a_page_of_tab_rows_printed_twice_reads_as_printed_once(golden_dir) -> None:
    clean = process_document(Document.from_text(_text(golden_dir, "tabrows"), doc_id="once"))
    twice = process_document(Document.from_text(
        _twice(_text(golden_dir, "tabrows"), "二、上年结转", "3.要求提供公开出版物"), doc_id="twice"))
    assert _table3(twice) == _table3(clean)
    assert twice.provenance["applications.rejected_publication.total"].lines == \
        clean.provenance["applications.rejected_publication.total"].lines     # (the source's first copy)


def test_a_page_cut_inside_a_row_and_printed_twice_is_never_read_twice(golden_dir) -> None:
    text = _twice(_text(golden_dir, "tabrows"), "二、上年结转", "3.要求提供公开出版物", cut=4)
    record = process_document(Document.from_text(text, doc_id="cut"))
    clean = process_document(Document.from_text(_text(golden_dir, "tabrows"), doc_id="once"))
    for (value, status), (truth, _) in zip(_table3(record), _table3(clean)):
        assert value == truth or status not in (Status.PROVEN, Status.DERIVED)


def test_a_crawlers_page_of_cells_printed_twice_reads_as_printed_once(golden_dir) -> None:
    clean = process_document(Document.from_text(_text(golden_dir, "cells"), doc_id="once"))
    twice = process_document(Document.from_text(
        _twice(_text(golden_dir, "cells"), "二、上年结转", "2.重复申请"), doc_id="twice"))
    assert _table3(twice) == _table3(clean)


def test_a_header_repeated_at_a_new_pages_top_is_no_copy() -> None:
    lines = ["表三", "自然人\t商业企业\t总计", "1.属于国家秘密\t0\t0", "2.其他法律\t1\t1", "\f",
             "自然人\t商业企业\t总计", "3.危及\t0\t0"]
    assert without_page_copies(lines) == (lines, None)
