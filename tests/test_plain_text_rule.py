"""pandoc's ``plain`` text of a wide 表三: a simple table, a rule of dashes under its header, one dash group a
column; rows that leave cells blank print fewer numbers, each inside its column's dashes, and the header
names the columns 数据1 … 数据6 (no column name to place them by). The rule places them."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, TABLE3_PATHS
from tests.fakeopenai import T3_LABELS, report_text, sample_values

_LABEL, _COLUMN = 34, 12


def _plain_table(values: dict) -> str:
    header = ["本列数据的勾稽关系".ljust(_LABEL - 9)] + [f"数据{i}".ljust(_COLUMN - 1) for i in range(1, 7)] + ["总计"]
    lines = ["".join(header), " ".join(["-" * (_LABEL - 1)] + ["-" * (_COLUMN - 1)] * 7), ""]
    for row, label in zip(APPLICATION_ROWS, T3_LABELS):
        cells = ["" if (v := values[f"applications.{row}.{c}"]) is None else str(v) for c in APPLICANT_COLUMNS]
        lines += ["  " + label, " " * _LABEL + "".join(c.ljust(_COLUMN) for c in cells).rstrip(), ""]
    return "\n".join(lines)


def _text() -> tuple[str, dict]:
    values = sample_values()
    for row in APPLICATION_ROWS:                         # zeros the report leaves blank: no row prints whole
        for c in ("research", "social_org") if row in ("carried_over", "granted", "carried_forward") else ("research",):
            values[f"applications.{row}.{c}"] = None
    text = report_text(values)
    start = text.index("本列数据的勾稽关系")
    end = text.index("\n\n四、政府信息公开行政复议")
    return text[:start] + _plain_table(values) + text[end:], values


def test_a_short_rows_numbers_go_to_the_columns_whose_dashes_they_stand_in() -> None:
    text, values = _text()
    assert "数据1" in text and "-" * 11 in text                   # the shape this test is about
    record = process_document(Document.from_text(text, doc_id="plain"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if got[p] != values[p]] == []


def test_placed_by_the_rule_no_cell_is_proven_wrong_and_rows_without_zeros_beside_blanks_are_proven() -> None:
    """A 0 and a blank trading places break no identity: where a row holds both, they stay unverified (blankcols);
    a row whose other cells are no zeros is proven (its identities check every number's column)."""
    text, values = _text()
    record = process_document(Document.from_text(text, doc_id="plain"))
    got = record.report.values()
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN and got[p] != values[p]] == []
    assert sum(record.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS) > 0
