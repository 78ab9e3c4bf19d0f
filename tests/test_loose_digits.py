"""Digits of narrow cells wrapped over lines (``pdftotext -layout`` of a Word report with narrow number columns).

11 and 12 print as ``１ … １`` over the row and ``１ … ２`` under it, the row's one-digit cells on its label line
between. Read line by line, the row took ``０ ０ ０ ０ １`` and ``１ ２`` (seven numbers whose row sum holds by
chance: 0, 0, 0, 0, 1, 1, 2 for 11, 0, 0, 0, 0, 1, 12), proven wrong. Where the wrapped digits make the row
(tests/test_wrapped_digits.py) they are read down their columns; where they do not, a line of numbers no row
took, right above or below a row's, leaves the row unread (queued), never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import LAYOUTS_DIR, proven_wrong

_NAME = "pdftext_narrow_cells_digits_wrapped"
_FIXTURE = LAYOUTS_DIR / f"{_NAME}.txt"
_LABEL = "   一、本年新收政府信息公开申请数量            ０ ０ ０ ０ １"


def _wrong(record) -> list[str]:
    return proven_wrong(record, _NAME)


def test_a_row_between_lines_of_wrapped_digits_that_do_not_make_a_row_is_not_proven() -> None:
    # wrapdigits.py reads 11 / 12 down their columns where the row's total then holds; where it does not (the
    # total's last digit misprinted 3: 11, 0, 0, 0, 0, 1, 13), the lines stay as printed and the row unread
    text = _FIXTURE.read_text(encoding="utf-8")
    below = "                             １           ２\n"
    assert f"１           １\n{_LABEL}\n{below}" in text                # the shape this test is about
    text = text.replace(f"{_LABEL}\n{below}", f"{_LABEL}\n{below.replace('２', '３')}", 1)
    record = process_document(Document.from_text(text, doc_id="t"))
    assert _wrong(record) == []
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE3_PATHS if ".new_received." in p)


def test_a_row_whose_line_below_wraps_its_last_digits_is_not_proven_wrong() -> None:
    # the wrapped digits under the label's line only: 1 … 1 2 over 9 0 (19 and 20)
    text = _FIXTURE.read_text(encoding="utf-8")
    lines = text.split("\n")
    k = lines.index(_LABEL)
    lines[k - 1] = ""                                              # (the digits above dropped)
    record = process_document(Document.from_text("\n".join(lines), doc_id="t"))
    assert _wrong(record) == []
    # read 0 0 0 0 1 1 2: the cells the columns' identities check against 总计's row (read down its wrapped
    # columns) may be proven; the misplaced ones are not
    row = [p for p in TABLE3_PATHS if ".new_received." in p]
    assert {p.rsplit(".", 1)[1] for p in row if record.provenance[p].status is not Status.PROVEN} \
        >= {"natural_person", "legal_service", "total"}
