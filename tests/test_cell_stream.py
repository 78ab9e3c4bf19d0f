"""表三 as html-text and readability print a web page's table (llm_extract/extract/cellstream.py): each row's label,
then its seven cells in the page's order, parted by a line break or a space as each cell's markup happens to be
written. The seven values after a label are its row's, whatever lines they stand on."""

from __future__ import annotations

import itertools

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

#: what parts one cell from the next: a bare cell a space, a cell wrapped in <p> a blank line
_PARTS = (" ", "\n\n", "\n\n", " ", " ", "\n\n", "\n\n", " ", "\n\n")


def _streamed(values: dict) -> str:
    parts = itertools.cycle(_PARTS)
    out = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8:
            text = fields[0]
            for cell in fields[1:]:
                text += next(parts) + cell
            out.append(text)
        else:
            out.append(line)
    return "\n".join(out)


def _values() -> dict:
    values = sample_values()
    for row, col in (("granted", "research"), ("denied_state_secret", "social_org"), ("rejected_duplicate", "other_org")):
        values[f"applications.{row}.{col}"] = None       # printed /: a placeholder among the streamed cells
    return values


def test_a_rows_cells_streamed_over_lines_are_the_seven_after_its_label_and_proven() -> None:
    values = _values()
    record = process_document(Document.from_text(_streamed(values), doc_id="d"))
    got = record.report.values()
    for path in (f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS):
        assert got[path] == values[path] and record.provenance[path].status is Status.PROVEN, path
