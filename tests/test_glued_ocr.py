"""OCR letters inside a crawler's glued digit run (``数量3OOO0O3``, ``信息l00000l``): a digit in the run
anchors the confusion, so each letter is the digit it stands for (O→0, l/I→1, S→5, B→8) and the run is
cut by the identities like any other; a run of letters alone is no run."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.glued import digit_run, glued_run, width_bounds
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS, Report
from llm_extract.synth import render

#: 003's glued rows, and the same rows as an OCR'd page printed them
OCR = {
    "申请数量3000003": "申请数量3OOO0O3",
    "过程性信息1000001": "过程性信息l00000l",
    "（七）总计3000003": "（七）总计3000OO3",
    "\n000000000000000\n": "\n0000000O00000o0\n",      # 表四's fifteen cells
}


def test_a_label_key_ending_in_digits_and_ocr_letters_is_a_glued_run() -> None:
    assert glued_run("1.属于国家秘密OO00O00") == ("1.属于国家秘密", "0000000")
    assert glued_run("一、本年新收政府信息公开申请数量51000l7", 7) == ("一、本年新收政府信息公开申请数量", "5100017")
    assert digit_run("00000000220000O") == "000000002200000"


def test_letters_alone_are_no_run() -> None:
    assert glued_run("7.属于行政执法案卷OOOOOOO") is None
    assert digit_run("OOO") is None


def test_a_width_switch_next_to_an_ocr_letter_is_no_cut() -> None:
    """A letter's width says nothing of its cell's: only switches between two digits count."""
    assert width_bounds("030１１０４１00", "0301104100") == {3, 8}
    assert width_bounds("03O１１０４１00", "0301104100") == {8}


def _ocr_text(golden_dir, one_line: bool) -> tuple[Report, str]:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "glued")
    for clean, ocr in OCR.items():
        assert text.count(clean) == 1
        text = text.replace(clean, ocr)
    if one_line:                        # a crawler's dump: 表三 on one line
        lines = text.split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
        end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
        text = "\n".join(lines[:start] + ["".join(lines[start:end])] + lines[end:])
    return report, text


@pytest.mark.parametrize("one_line", [False, True], ids=["a line per row", "one line"])
def test_glued_runs_with_ocr_letters_are_cut_by_the_identities(golden_dir, one_line: bool) -> None:
    report, text = _ocr_text(golden_dir, one_line)
    record = process_document(Document.from_text(text, doc_id="x"))
    got, want = record.report.values(), report.values()
    assert {p: got[p] for p in TABLE3_PATHS + TABLE4_PATHS} == {p: want[p] for p in TABLE3_PATHS + TABLE4_PATHS}
    for path in ("applications.new_received.total", "applications.denied_process_info.natural_person"):
        # a cut is never proven by itself: the identities chose it among every cut of the run (its letters read
        # as the digits they stand for), so it is pinned, marked as not read as printed
        assert record.provenance[path].status is Status.PINNED
    # 表四's cells, each in its group's sum alone: derived (three sums choose little among fifteen cells' cuts)
    assert record.provenance["review_litigation.litigation_direct.other"].status is Status.DERIVED


def test_a_stock_row_of_table_2_glued_with_ocr_letters_is_cut_like_its_digits(golden_dir) -> None:
    """规章00O and 行政规范性文件OO13: each run has one cut only (0 0 0; 0 0 13), read but never proven (no
    identity checks 表二, and a blank cell leaves no trace in a run)."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "glued").replace("\n规章000\n", "\n规章00O\n").replace("\n行政规范性文件0013\n", "\n行政规范性文件OO13\n")
    record = process_document(Document.from_text(text, doc_id="x"))
    ad = record.report.active_disclosure
    assert (ad.regulations.issued, ad.regulations.repealed, ad.regulations.in_force) == (0, 0, 0)
    assert (ad.normative_documents.issued, ad.normative_documents.repealed, ad.normative_documents.in_force) == (0, 0, 13)
    prov = record.provenance["active_disclosure.normative_documents.in_force"]
    assert prov.status is Status.UNVERIFIED and "READ.ONE_CUT" in prov.rules
