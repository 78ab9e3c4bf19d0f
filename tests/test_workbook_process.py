"""records.xlsx can be written in a process of its own (a batch rebuilt on worker processes):
the same workbook, an error in that process raised in the rebuild with every previous output
left whole, and no temporary file left behind by an error or an abort."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest
from openpyxl import load_workbook

from llm_extract.export.workbook_process import WorkbookProcess, pack_rows
from llm_extract.export.xlsx import row_cells
from llm_extract.pipeline import run_batch
from llm_extract.rebuild import rebuild_combined


def _rows(n: int) -> list[bytes]:
    return [pack_rows({"表三": [row_cells([f"{i:03d}", "granted", "予以公开", i], ["@", None, None, "proven"])]})
            for i in range(n)]


def _temporary(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_the_workbook_process_writes_every_row_and_its_limit_holds(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx", max_rows=4)
    for packed in _rows(7):
        book.add_packed(packed)
    book.add_failed({"doc_id": "009", "error": "unreadable"})
    staged = book.stage()
    assert not book.process.is_alive() and staged.parent == tmp_path
    wb = load_workbook(staged.rename(tmp_path / "records.xlsx"))
    ids = [r[0] for t in ("表三", "表三 (2)", "表三 (3)") for r in wb[t].iter_rows(min_row=2, values_only=True)]
    assert ids == [f"{i:03d}" for i in range(7)] and wb["失败"]["A2"].value == "009"


def test_an_error_in_the_workbook_process_is_raised_at_stage_and_leaves_no_file(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx")
    book.add_packed(pack_rows({"表三": [row_cells(["001"] * 20000, ["@"] * 20000)]}))   # past the last column
    book.add_packed(_rows(1)[0])
    with pytest.raises(RuntimeError, match="refused"):
        book.stage()
    assert _temporary(tmp_path) == [] and not book.process.is_alive()


def test_an_aborted_workbook_process_ends_and_leaves_no_file(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx")
    for packed in _rows(3):
        book.add_packed(packed)
    book.abort()
    assert _temporary(tmp_path) == [] and not book.process.is_alive()


_OUTPUTS = ("records.sqlite", "records.csv", "fields.csv", "report.html", "records.xlsx")


def _batch_outputs(tmp_path: Path, golden_dir: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A batch of 40 bundled reports run once: its input folder, its output folder, and the combined outputs' bytes."""
    src = tmp_path / "in"
    src.mkdir()
    for i, p in enumerate(sorted(golden_dir.glob("*.txt")) * 8):
        shutil.copy(p, src / f"d{i:02d}.txt")
    out = tmp_path / "out"
    run_batch([src], out, workers=1)
    return src, out, {n: (out / n).read_bytes() for n in _OUTPUTS}


def test_a_rebuild_whose_workbook_fails_keeps_every_previous_output(tmp_path: Path, golden_dir: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    src, out, before = _batch_outputs(tmp_path, golden_dir)

    def broken(self: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("llm_extract.export.xlsx.XlsxWriter.stage", broken)    # inherited by the forked process
    with pytest.raises(OSError, match="disk full"):
        rebuild_combined(out, set(), workers=2, force=True)
    assert {n: (out / n).read_bytes() for n in _OUTPUTS} == before and _temporary(out) == []


def test_an_abort_after_a_message_cut_short_still_ends_the_process(tmp_path: Path) -> None:
    """An interrupt while a row was being sent leaves half a message in the pipe: the process,
    waiting for the rest, is ended all the same."""
    book = WorkbookProcess(tmp_path / "records.xlsx")
    os.write(book.conn.fileno(), struct.pack("!i", 1000) + b"\x80" * 10)     # a length, then too few bytes
    book.abort()
    assert not book.process.is_alive()


def test_the_workbook_is_finished_while_the_other_outputs_are_and_staged_once(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx")
    for packed in _rows(3):
        book.add_packed(packed)
    book.start_staging()           # the process closes the workbook now; the caller goes on with its own files
    book.start_staging()           # (asked once)
    staged = book.stage()
    assert not book.process.is_alive() and staged.exists()
    book_file = staged.rename(tmp_path / "records.xlsx")
    assert [r[0] for r in load_workbook(book_file)["表三"].iter_rows(min_row=2, values_only=True)] == ["000", "001", "002"]


def test_an_abort_after_the_workbook_was_asked_to_finish_leaves_no_file(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx")
    for packed in _rows(3):
        book.add_packed(packed)
    book.start_staging()
    book.abort()
    assert _temporary(tmp_path) == [] and not book.process.is_alive()


def test_a_rebuild_whose_report_fails_while_the_workbook_finishes_keeps_every_previous_output(
        tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, out, before = _batch_outputs(tmp_path, golden_dir)

    def broken(self: object, *args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("llm_extract.export.html.HtmlReport.stage", broken)
    with pytest.raises(OSError, match="disk full"):
        rebuild_combined(out, set(), workers=2, force=True)
    assert {n: (out / n).read_bytes() for n in _OUTPUTS} == before and _temporary(out) == []


def test_a_workbook_process_that_died_is_named_when_asked_to_finish(tmp_path: Path) -> None:
    book = WorkbookProcess(tmp_path / "records.xlsx")
    book.process.kill()
    book.process.join()
    with pytest.raises(RuntimeError, match="workbook process ended"):
        book.start_staging()
        book.stage()
    book.abort()
    assert not book.process.is_alive()
