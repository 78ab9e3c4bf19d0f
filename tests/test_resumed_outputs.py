"""A run killed before its end and run again writes what one clean run writes: the same combined outputs
(text bytes, database rows, workbook cells), cross-year findings included, and no leftover temporary files;
a run on two worker processes writes what a run on one writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from llm_extract.pipeline import run_batch
from llm_extract.rebuild import rebuild_combined
from llm_extract.rebuild_state import STATE_FILE
from llm_extract.synth.render import render
from tests.test_crossyear import SEED_002, golden_report, next_year

TEXT_OUTPUTS = ("records.jsonl", "review_queue.jsonl", "records.csv", "fields.csv", "report.html")


def _outputs(out: Path) -> dict[str, Any]:
    """Every combined output: text files by their bytes, the database's rows, the workbook's cells."""
    got: dict[str, Any] = {name: (out / name).read_bytes() for name in TEXT_OUTPUTS}
    con = sqlite3.connect(out / "records.sqlite")
    tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    got["records.sqlite"] = {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    con.close()
    book = load_workbook(out / "records.xlsx", read_only=True)
    got["records.xlsx"] = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
    book.close()
    return got


@pytest.fixture
def inputs(tmp_path: Path, golden_dir: Path) -> Path:
    """The golden report texts, one of them twice in one file, and 红旗区's next year (which
    carries over what 2021 did not carry forward: a cross-year finding)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(golden_dir.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    later = next_year(golden_report(golden_dir, SEED_002))
    later.applications.carried_over.natural_person = later.applications.carried_over.total = 1
    (folder / "hq-2022.txt").write_text(render(later, "cells"), encoding="utf-8")
    return folder


def _same_as_a_rebuild_from_the_records(out: Path) -> None:
    run = _outputs(out)
    rebuild_combined(out, set(), workers=1, force=True)
    assert _outputs(out) == run


def test_a_killed_run_run_again_writes_what_a_clean_run_writes(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([inputs], out, llm="never", workers=1)
    clean = _outputs(out)
    kept = sorted(p.stem for p in inputs.iterdir())[:3]
    for p in (out / "records").iterdir():
        if p.stem not in kept:
            p.unlink()                           # as if the first run was killed after three records
    for name in (*TEXT_OUTPUTS, "records.sqlite", "records.xlsx", STATE_FILE):
        (out / name).unlink()                    # (before its end: no outputs yet)
    summary = run_batch([inputs], out, llm="never", workers=1)
    assert summary.resumed == 3
    assert _outputs(out) == clean and b"XYEAR.CARRY" in (out / "review_queue.jsonl").read_bytes()
    assert not list(out.glob(".*.tmp"))


def test_a_run_on_two_processes_writes_what_a_run_on_one_writes(inputs: Path, tmp_path: Path) -> None:
    for i in range(40):                          # enough documents for two worker processes
        shutil.copy(inputs / f"{SEED_002}.txt", inputs / f"copy{i:02d}.txt")
    run_batch([inputs], tmp_path / "one", llm="never", workers=1)
    run_batch([inputs], tmp_path / "two", llm="never", workers=2)
    assert _outputs(tmp_path / "two") == _outputs(tmp_path / "one")
    _same_as_a_rebuild_from_the_records(tmp_path / "two")
