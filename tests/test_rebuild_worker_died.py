"""The end-of-run rebuild renders records in worker processes: one that dies (the out-of-memory killer, a crash
in a library) is rendered again alone; a record that kills that process too fails the rebuild by name, the
previous outputs left whole, and ``extract`` says so and exits 5."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import llm_extract.rebuild as rebuild
from llm_extract.cli import app
from llm_extract.export import OUTPUT_FILES
from llm_extract.pipeline import run_batch
from llm_extract.rebuild import RebuildError, outputs_current, rebuild_combined

runner = CliRunner()
VICTIM = "d007"


def _batch(tmp_path: Path, golden_dir: Path, n: int = 40) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted(golden_dir.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], src / f"d{i:03d}.txt")
    return src


def _killing(marker: Path | None, parent: int) -> Any:
    """render_fragment, killing the worker process that renders VICTIM: once (``marker`` is written then),
    or every time (``marker`` None). Never this test's own process."""
    real = rebuild.render_fragment

    def render(rec: dict[str, Any], review: list[dict[str, Any]]) -> Any:
        if rec.get("doc_id") == VICTIM and os.getpid() != parent and (marker is None or not marker.exists()):
            if marker is not None:
                marker.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
        return real(rec, review)
    return render


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES if name not in ("records.xlsx", "records.sqlite")}


def test_a_rebuild_worker_killed_once_is_survived_and_every_record_is_in_the_outputs(
        tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir)], out, workers=1)
    serial = _outputs(out)
    monkeypatch.setattr(rebuild, "render_fragment", _killing(tmp_path / "marker", os.getpid()))
    rebuild_combined(out, set(), workers=2, force=True)
    assert (tmp_path / "marker").exists()              # a worker was killed
    assert _outputs(out) == serial and outputs_current(out)


def test_a_record_that_kills_every_process_rendering_it_fails_the_rebuild_by_name_leaving_the_outputs_whole(
        tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir)], out, workers=1)
    before = _outputs(out)
    (out / "records" / "d000.json").write_bytes((out / "records" / "d000.json").read_bytes() + b"\n")
    monkeypatch.setattr(rebuild, "render_fragment", _killing(None, os.getpid()))
    with pytest.raises(RebuildError, match=rf"records/{VICTIM}\.json: .*killed the process"):
        rebuild_combined(out, set(), workers=2)
    assert _outputs(out) == before                      # nothing half written, nothing replaced
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and "tmp" in p.name]
    assert not outputs_current(out)                     # the next run rebuilds them


def test_extract_says_the_outputs_were_not_rebuilt_and_exits_5(tmp_path: Path, golden_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = _batch(tmp_path, golden_dir), tmp_path / "out"
    monkeypatch.setenv("LLM_EXTRACT_WORKERS", "2")
    monkeypatch.setattr(rebuild, "render_fragment", _killing(None, os.getpid()))
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 5, result.output
    assert f"{VICTIM}.json" in result.output and "not rebuilt" in result.output
    assert len(list((out / "records").glob("*.json"))) == 40     # every record is kept
    assert (out / "summary.json").exists()


def test_a_worker_killed_while_agency_years_are_compared_fails_the_rebuild_by_name(
        tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The agency-year check (one report twice: llm_extract/agency_years.py) reads the shared agency-years' records
    on worker processes too: one that kills its process twice fails the rebuild by name, as rendering does (it
    ended the command with a BrokenProcessPool traceback)."""
    import llm_extract.agency_years as agency_years

    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir)], out, workers=1)     # (five reports, each eight times: shared)
    before = _outputs(out)
    real, parent = agency_years.read_json, os.getpid()

    def read(path: Path) -> Any:            # (the record read in a worker: killed there, never in this process)
        if Path(path).stem == VICTIM and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path)

    monkeypatch.setattr(agency_years, "read_json", read)
    with pytest.raises(RebuildError, match=rf"records/{VICTIM}\.json: .*killed the process"):
        rebuild_combined(out, set(), workers=2, force=True)
    assert _outputs(out) == before
