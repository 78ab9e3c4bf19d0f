"""表三 of a report with no applications (every cell 0, pdftotext -layout, labels wrapped in narrow cells) whose row
7.属于行政执法案卷 prints no cell and whose row 3.补正后申请内容仍不明确 a page break cut and printed again: its line
of numbers, the middle piece of its label beside them (``内容仍不明    0   0 …``), stands on both sides of the
page's foot. The piece names no row, so no label stands before numbers twice; the copy made up the count of 175
zeros, and read in the form's order every row below the empty one took the next row's zeros, the empty row 0,
proven. A line of numbers printed again as the next line of numbers, a label's word in it, is a row printed twice:
the count is not the table's, and the empty row is not proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

from tests.block_fixtures import LAYOUTS_DIR
from tests.test_t3_row_printed_twice import LABELS, ZEROS, record_of


def _rows() -> list[str]:
    out: list[str] = []
    for label in LABELS:
        if label.startswith("7."):
            out += ["      7.属于行政执", "         法案卷"]
        elif label.startswith("3.补正"):
            out += ["      3.补正后申请", "       内容仍不明" + ZEROS, "", "", "                               — 3 —",
                    "", "", "       内容仍不明" + ZEROS, "          确"]
        else:
            out.append("      " + label + ZEROS)
    return out


def test_a_rows_line_printed_twice_does_not_make_up_an_empty_rows_cells() -> None:
    record = record_of(_rows())
    for path in TABLE3_ROW_PATHS["denied_enforcement_file"]:
        assert record.provenance[path].status is not Status.PROVEN, path
    for path in TABLE3_ROW_PATHS["rejected_petition"]:        # (a row beside its label: read by its label)
        assert record.report.get(path) == 0



def test_two_rows_printing_the_same_words_each_under_its_own_label_are_two_rows() -> None:
    """The wild renderer's PDF text (tests/fixtures/layouts/wild_pdftext_same_words_two_rows.txt, bench/robustness.py
    --renderer wild seed 31): 一、 and 二、 wrapped alike (``一、本年新收政府`` / ``信息公开申请数量	0  0 …``,
    ``二、上年结转政府`` / the same line), a label between the two lines, so no copy; the report of no applications is
    read whole (in the form's order where the row reader reads no cell of 2.没有现成信息需要另行制作, its label after
    another's on its line)."""
    name = "wild_pdftext_same_words_two_rows"
    record = process_document(Document.from_text((LAYOUTS_DIR / f"{name}.txt").read_text(encoding="utf-8"),
                                                 doc_id=name))
    for path in TABLE3_ROW_PATHS["unavailable_needs_creation"]:
        assert record.provenance[path].status is Status.PROVEN and record.report.get(path) == 0, path
