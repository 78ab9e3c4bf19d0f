"""A run that tells the truth: markup-proof output, documented exit codes, one run per OUT, no litter."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.runlock import LOCK_NAME, OutputLockedError, run_lock
from llm_extract import run_batch

runner = CliRunner()
SEED = "002_0126e23b7202ee31"
README = Path(__file__).resolve().parent.parent / "README.md"


def _inputs(tmp_path: Path, golden_dir: Path, *, bad: int = 0, good: int = 1, name: str = "good") -> Path:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for i in range(good):
        shutil.copy(golden_dir / f"{SEED}.txt", src / f"{name}{i}.txt")
    for i in range(bad):
        (src / f"empty{i}.txt").write_text("")
    return src


# ── markup ──────────────────────────────────────────────────────────────────────────────────

def test_paths_and_document_lines_that_look_like_markup_are_printed_as_they_are(tmp_path: Path,
                                                                                golden_dir: Path) -> None:
    src = tmp_path / "in [" / "red] [bold]"          # the path holds "[/red]"
    text = (golden_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    for name, content in (("报告[/x].txt", "[/bold] 附注 [link=x]\n" + text), ("空[/i].txt", ""),
                          ("not a report [/b].txt", "正文 [/b] 没有表格\n")):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "o [" / "x]")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "空[/i].txt" in result.output and "not a report [/b].txt" in result.output
    assert "o[/x]" in re.sub(r"[\s│]", "", result.output)  # the review-queue path in the summary table


def test_review_prints_source_lines_that_look_like_markup(tmp_path: Path, golden_dir: Path) -> None:
    src = tmp_path / "in"
    (src / "r[").mkdir(parents=True)
    text = (golden_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    (src / "r[/x].txt").write_text(text.replace("予以公开", "[/b]予以公开", 1), encoding="utf-8")
    assert runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "o")]).exit_code == 0
    result = runner.invoke(app, ["review", str(tmp_path / "o"), "--full"])
    assert result.exit_code == 0, result.exception
    assert "x]" in result.output and "[/b]予以公开" in result.output


# ── exit codes ──────────────────────────────────────────────────────────────────────────────

def test_one_failure_is_exit_0_but_exit_3_with_strict(tmp_path: Path, golden_dir: Path) -> None:
    src = _inputs(tmp_path, golden_dir, bad=1)
    assert runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "a")]).exit_code == 0
    strict = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "b"), "--strict"])
    assert strict.exit_code == 3, strict.output


def test_strict_with_no_failure_is_exit_0(tmp_path: Path, golden_dir: Path) -> None:
    src = _inputs(tmp_path, golden_dir)
    assert runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "a"), "--strict"]).exit_code == 0


def test_every_document_failing_is_exit_1_and_no_input_is_exit_2(tmp_path: Path, golden_dir: Path) -> None:
    src = _inputs(tmp_path, golden_dir, bad=2, good=0)
    assert runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "a")]).exit_code == 1
    (tmp_path / "nothing").mkdir()
    assert runner.invoke(app, ["extract", str(tmp_path / "nothing"), "--out", str(tmp_path / "b")]).exit_code == 2


def test_every_exit_code_is_documented_in_the_help_and_the_readme() -> None:
    help_text = runner.invoke(app, ["extract", "--help"], terminal_width=200).output
    readme = README.read_text(encoding="utf-8")
    for code in range(5):
        assert f"\n {code} " in help_text or f"│ {code} " in help_text or f"\n{code} " in help_text, code
        assert f"| {code} |" in readme, code
    assert "--strict" in help_text and "--strict" in readme


# ── the lock ────────────────────────────────────────────────────────────────────────────────

HOLD = """
import sys, time
from llm_extract.runlock import run_lock
with run_lock(sys.argv[1]):
    print("holding", flush=True)
    time.sleep(60)
"""


def test_a_second_run_on_the_same_out_is_refused_naming_the_holder(tmp_path: Path, golden_dir: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        result = runner.invoke(app, ["extract", str(_inputs(tmp_path, golden_dir)), "--out", str(out)])
        assert result.exit_code == 4
        assert f"process {holder.pid}" in result.output and "in use by another llm-extract run" in result.output
        assert not (out / "records").exists()
        with pytest.raises(OutputLockedError):
            run_batch([_inputs(tmp_path, golden_dir)], out)
    finally:
        holder.kill()
        holder.wait()
    assert run_batch([_inputs(tmp_path, golden_dir)], out).ok == 1      # its lock died with it


def test_a_stale_lock_from_a_dead_process_is_taken_over(tmp_path: Path, golden_dir: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(f"{dead.pid}\n")
    assert runner.invoke(app, ["extract", str(_inputs(tmp_path, golden_dir)), "--out", str(out)]).exit_code == 0
    assert not (out / LOCK_NAME).exists()


def test_the_lock_is_held_by_this_process_during_a_run_and_released_after(tmp_path: Path) -> None:
    with run_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(__import__("os").getpid())
        with pytest.raises(OutputLockedError):
            with run_lock(tmp_path):
                pass
    with run_lock(tmp_path):
        pass


def test_temp_files_a_killed_run_left_are_removed_when_a_run_starts(tmp_path: Path, golden_dir: Path) -> None:
    out = tmp_path / "out"
    (out / "records").mkdir(parents=True)
    litter = [out / ".records.jsonl.abc123.tmp", out / "records" / f".{SEED}.json.x9.tmp"]
    for p in litter:
        p.write_text("half a file")
    keep = out / "records" / "notes.tmp"          # not one of ours
    keep.write_text("x")
    run_batch([_inputs(tmp_path, golden_dir)], out)
    assert not any(p.exists() for p in litter) and keep.exists()



def test_a_decision_is_refused_while_another_process_holds_the_lock_and_nothing_is_written(
        tmp_path: Path, golden_dir: Path) -> None:
    out = tmp_path / "out"
    run_batch([golden_dir], out)
    item = next(iter((out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()))
    item_id = __import__("json").loads(item)["id"]
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        result = runner.invoke(app, ["resolve", str(out), item_id, "keep"])
        assert result.exit_code == 4 and "in use by another llm-extract run" in result.output
        assert not (out / "decisions.jsonl").exists()
        assert runner.invoke(app, ["undo", str(out)]).exit_code == 1      # nothing to undo: no lock needed
    finally:
        holder.kill()
        holder.wait()
    assert runner.invoke(app, ["resolve", str(out), item_id, "keep"]).exit_code == 0
    assert (out / "decisions.jsonl").exists()
