"""Checks several tests make of a record's 表三."""

from __future__ import annotations

from llm_extract.evidence import Record, Status
from llm_extract.schema import Report, TABLE3_PATHS

__all__ = ["assert_table3_proven"]


def assert_table3_proven(record: Record, report: Report) -> None:
    """Every 表三 cell of ``record`` holds ``report``'s value and is proven."""
    for path in TABLE3_PATHS:
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path
