"""Wide counts wrapped in narrow cells, printed by a text tool that keeps no positions: the identities choose.

A PDF's narrow number columns wrap 1319 as ``131`` over ``9``. pdfplumber's ``extract_text`` prints the pieces
as a line of their own: above the row's line where the row's cells are centred (``131 153`` / ``9 87 13 8 83 26
6``), below it where they stand at the top (``131 87 13 8 83 26 153`` / ``9 6``). Nothing in the text says which
cells the pieces belong to; the row's total and the other identities pin them (derived, marked, queued), and
the rest of 表三 can be checked again (it was all unchecked while two rows were lost).
"""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS, Report
from llm_extract.synth import render
from verify import verify_extraction

_ROW = (1319, 87, 13, 8, 83, 26, 1536)
_WRAPPED = ("new_received", "total_processed")


def _values() -> dict[str, object]:
    values: dict[str, object] = {"agency": "某某区人民政府", "year": 2023}
    values.update(dict.fromkeys(TABLE3_PATHS, 0))
    for row in (*_WRAPPED, "granted"):
        values.update(zip(TABLE3_ROW_PATHS[row], _ROW))
    return values


def _text() -> str:
    lines = render(Report.from_values("x", _values()), "pdftext", seed=1).split("\n")
    for i, line in enumerate(lines):
        if line.startswith("一、本年新收"):            # centred: the pieces above, the label broken too
            lines[i] = "一、本年新收政府信息公开申请 131 153\n数量 9 87 13 8 83 26 6"
        elif "（七）总计" in line:                       # at the top: the pieces below
            lines[i] = re.sub(r"（七）总计.*", "（七）总计 131 87 13 8 83 26 153\n9 6", line)
    return "\n".join(lines)


def test_wrapped_pieces_above_or_below_a_rows_line_are_pinned_by_the_identities() -> None:
    record = verify_extraction(extract_regex(Document.from_text(_text(), doc_id="x")))
    values = _values()
    assert [p for p in TABLE3_PATHS if record.report.get(p) != values[p]] == []
    for row in _WRAPPED:
        for p in TABLE3_ROW_PATHS[row]:
            assert record.provenance[p].status is Status.DERIVED, (p, record.provenance[p].status)
    proven = [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN]
    assert len(proven) >= 140          # the rows not wrapped are checked again (none was while two were lost)
