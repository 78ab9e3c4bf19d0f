"""A table rule that tesseract glued to a number (``8 | 0 0 0 6 0 |14``, ``4 1 0 0 2 1|8``) is a rule or a 1.

Read as a 1 always, ``|14`` is 114 and the row breaks its total (disputed: a right number lost). Where one
reading of the glued bars gives the row its seven cells, the row reads that way; where several do, the row's
own total chooses, and the survivor is derived (queued), never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_ROW_PATHS

from tests.fakeopenai import report_text, sample_values


def _ocr_rows(glue) -> tuple[dict, Document]:
    """The sample report with 表三's rows as tesseract prints a ruled table, ``glue`` writing a row's seven cells."""
    values = sample_values()
    lines = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8 and fields[1].isdigit():
            lines.append(f"{fields[0]}      {glue(fields[1:])}")
        else:
            lines.append(line)
    return values, Document.from_text("\n".join(lines), doc_id="x")


def test_a_bar_glued_between_two_numbers_is_a_rule_when_only_that_gives_seven_cells() -> None:
    values, doc = _ocr_rows(lambda c: " ".join(c[:5]) + f" {c[5]}|{c[6]}")       # … 1 1|15
    assert "1|15" in doc.text
    record = process_document(doc)
    for row, paths in TABLE3_ROW_PATHS.items():
        for path in paths:
            assert record.report.get(path) == values[path], path
            assert record.provenance[path].status not in (Status.DISPUTED, Status.MISSING), path


def test_a_bar_glued_to_a_total_is_what_the_row_s_total_says_and_derived() -> None:
    values, doc = _ocr_rows(lambda c: f"{c[0]} | " + " ".join(c[1:6]) + f" |{c[6]}")   # 11 | 2 0 0 1 1 |15
    assert "|15" in doc.text
    record = process_document(doc)
    total = "applications.new_received.total"
    assert record.report.get(total) == 15 and record.provenance[total].status is Status.DERIVED
    for c in APPLICANT_COLUMNS:
        path = f"applications.new_received.{c}"
        assert record.report.get(path) == values[path], path
