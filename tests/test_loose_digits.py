"""Digits of narrow cells wrapped over lines (``pdftotext -layout`` of a Word report with narrow number columns).

11 and 12 print as ``１ … １`` over the row and ``１ … ２`` under it, the row's one-digit cells on its label line
between. Read line by line, the row took ``０ ０ ０ ０ １`` and ``１ ２`` (seven numbers whose row sum holds by
chance: 0, 0, 0, 0, 1, 1, 2 for 11, 0, 0, 0, 0, 1, 12), proven wrong. A line of numbers no row took, right
above or below a row's, leaves the row unread (queued), never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, same_value
from tests.block_fixtures import LAYOUTS_DIR, layout_truth, truth_value

_NAME = "pdftext_narrow_cells_digits_wrapped"
_FIXTURE = LAYOUTS_DIR / f"{_NAME}.txt"
_LABEL = "   一、本年新收政府信息公开申请数量            ０ ０ ０ ０ １"


def _wrong(record) -> list[str]:
    truth = layout_truth(_NAME)
    return [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
            and not same_value(p, record.report.get(p), truth_value(truth, p))]


def test_a_row_between_lines_of_wrapped_digits_is_not_proven() -> None:
    text = _FIXTURE.read_text(encoding="utf-8")
    assert f"１           １\n{_LABEL}\n" in text                    # the shape this test is about
    record = process_document(load(_FIXTURE))
    assert _wrong(record) == []
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE3_PATHS if ".new_received." in p)


def test_a_row_whose_line_below_wraps_its_last_digits_is_not_proven() -> None:
    # the wrapped digits under the label's line only: 1 … 1 2 over 9 0 (19 and 20)
    text = _FIXTURE.read_text(encoding="utf-8")
    lines = text.split("\n")
    k = lines.index(_LABEL)
    lines[k - 1] = ""                                              # (the digits above dropped)
    record = process_document(Document.from_text("\n".join(lines), doc_id="t"))
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE3_PATHS if ".new_received." in p)
