"""A count with more digits than SQLite's INTEGER holds (a glued digit run printed as one cell, a model's
answer) leaves records.sqlite whole: ``value`` keeps it exactly as TEXT, ``value_int`` (and every other
INTEGER column made from it: a finding's sums, an indicator's numerator) is NULL; the run finishes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from llm_extract.pipeline import run_batch
from tests.fakeopenai import report_text, sample_values

HUGE = 123456789012345678901234          # > 2**63 - 1


def test_a_count_too_large_for_sqlite_is_kept_as_text_and_the_run_finishes(tmp_path: Path) -> None:
    values = sample_values() | {"applications.granted.natural_person": HUGE, "applications.granted.total": HUGE}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(report_text(values), encoding="utf-8")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", llm="never")
    assert summary.ok == 1
    con = sqlite3.connect(tmp_path / "out" / "records.sqlite")
    value, value_int = con.execute(
        "SELECT value, value_int FROM fields WHERE path = 'applications.granted.natural_person'").fetchone()
    assert (value, value_int) == (str(HUGE), None)
    sums = con.execute("SELECT expected, actual FROM findings WHERE code = 'T3.ROW_SUM'").fetchall()
    assert sums and all(v is None or abs(v) < 2 ** 63 for row in sums for v in row)
    assert con.execute("SELECT numerator FROM indicators WHERE code = 'granted_rate'").fetchone() == (None,)
    assert (tmp_path / "out" / "summary.json").is_file()
