"""Checks several tests make of a record's 表三."""

from __future__ import annotations

from llm_extract.evidence import Record, Status
from collections.abc import Mapping, Sequence

from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, Report, TABLE3_PATHS

__all__ = ["assert_table3_proven", "assert_rows_proven", "zero_report"]


def assert_table3_proven(record: Record, report: Report) -> None:
    """Every 表三 cell of ``record`` holds ``report``'s value and is proven."""
    for path in TABLE3_PATHS:
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path


def assert_rows_proven(record: Record, rows: Mapping[str, Sequence[int | None]]) -> None:
    """Every 表三 row of ``record`` holds the seven cells ``rows`` gives it, each proven."""
    values = record.report.values()
    for row in APPLICATION_ROWS:
        for c, want in zip(APPLICANT_COLUMNS, rows[row]):
            path = f"applications.{row}.{c}"
            assert values[path] == want, path
            assert record.provenance[path].status is Status.PROVEN, path


def zero_report() -> Report:
    """A report whose 表三 and 表四 cells are all 0 (a test then sets the few it needs)."""
    report = Report(doc_id="x", agency="向阳区", year=2022)
    for path in report.values():
        if path.startswith(("applications.", "review_litigation.")):
            report.set(path, 0)
    return report
