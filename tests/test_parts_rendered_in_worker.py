"""Each document's part of the combined outputs is rendered by the worker that settled it, kept in the
run's spool and taken at the end, not read back from its record file and rendered again; a document with
cross-year findings, a resumed one, or one of several reports in a file is rendered from its record file.
Whichever way, the outputs are those a rebuild from the record files writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import llm_extract.rebuild as rebuild
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
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files the rebuild reads and renders (llm_extract.rebuild._render)."""
    seen: list[str] = []
    real = rebuild._render

    def counting(job: Any) -> Any:
        seen.append(job[0].stem)
        return real(job)

    monkeypatch.setattr(rebuild, "_render", counting)
    return seen


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


def test_the_rebuild_renders_again_only_documents_with_cross_year_findings(inputs: Path, tmp_path: Path,
                                                                          rendered: list[str]) -> None:
    out = tmp_path / "out"
    run_batch([inputs], out, llm="never", workers=1)
    assert rendered == ["hq-2022"]
    assert b"XYEAR.CARRY" in (out / "review_queue.jsonl").read_bytes()
    rendered.clear()
    _same_as_a_rebuild_from_the_records(out)
    assert len(rendered) == len(list((out / "records").iterdir())) == 6


def test_resumed_documents_are_rendered_from_their_record_files(inputs: Path, tmp_path: Path,
                                                                 rendered: list[str]) -> None:
    out = tmp_path / "out"
    run_batch([inputs], out, llm="never", workers=1)
    clean = _outputs(out)
    kept = sorted(p.stem for p in inputs.iterdir())[:3]
    for p in (out / "records").iterdir():
        if p.stem not in kept:
            p.unlink()                           # as if the first run was killed after three records
    for name in (*TEXT_OUTPUTS, "records.sqlite", "records.xlsx", STATE_FILE):
        (out / name).unlink()                    # (before its end: no outputs yet)
    rendered.clear()
    summary = run_batch([inputs], out, llm="never", workers=1)
    assert summary.resumed == 3
    assert sorted(rendered) == sorted(set(kept) | {"hq-2022"})
    assert _outputs(out) == clean


def test_parts_made_on_worker_processes_are_those_of_one_process(inputs: Path, tmp_path: Path) -> None:
    for i in range(40):                          # enough documents for two worker processes
        shutil.copy(inputs / f"{SEED_002}.txt", inputs / f"copy{i:02d}.txt")
    run_batch([inputs], tmp_path / "one", llm="never", workers=1)
    run_batch([inputs], tmp_path / "two", llm="never", workers=2)
    assert _outputs(tmp_path / "two") == _outputs(tmp_path / "one")
    _same_as_a_rebuild_from_the_records(tmp_path / "two")


def test_several_reports_in_one_file_are_rendered_from_their_record_files(inputs: Path, tmp_path: Path,
                                                                          golden_dir: Path,
                                                                          rendered: list[str]) -> None:
    text = (golden_dir / f"{SEED_002}.txt").read_text(encoding="utf-8")
    other = sorted(golden_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    (inputs / "two.txt").write_text(text + "\n\n" + other, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([inputs], out, llm="never", workers=1)
    assert sorted(rendered) == ["hq-2022", "two-1", "two-2"]
    _same_as_a_rebuild_from_the_records(out)
