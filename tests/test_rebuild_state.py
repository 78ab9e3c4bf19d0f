"""A rerun that resumes every document does not rebuild outputs that are current; any change to
what they are made from (a record, a failure, a decision, the outputs themselves) rebuilds them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from llm_extract.export import OUTPUT_FILES
from llm_extract.outputs import read_json, write_json
from llm_extract.pipeline import run_batch
from llm_extract.rebuild import rebuild_combined
from llm_extract.rebuild_state import STATE_FILE


@pytest.fixture()
def run(tmp_path: Path, golden_dir: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(golden_dir.glob("*.txt")):
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_text("")
    out = tmp_path / "out"
    run_batch([src], out, workers=1)
    return src, out


def _stamps(out: Path) -> dict[str, int]:
    return {name: (out / name).stat().st_ino for name in OUTPUT_FILES}


def test_a_rerun_that_resumes_everything_keeps_the_outputs_and_counts_what_they_hold(run: tuple[Path, Path]) -> None:
    src, out = run
    first = read_json(out / "summary.json")
    before = _stamps(out)
    summary = run_batch([src], out, workers=1)
    assert summary.resumed == summary.ok == 5 and _stamps(out) == before          # not one output replaced
    for key in ("fields", "queued", "rules", "ok", "failed"):
        assert summary.model_dump()[key] == first[key]


def test_a_failure_read_again_in_another_time_keeps_the_outputs(run: tuple[Path, Path]) -> None:
    """A failed document is read again on every run and its failure file written with the time it took: the
    outputs, which do not show that time, are not rebuilt for it."""
    src, out = run
    before = _stamps(out)
    failure = out / "failed" / "empty.json"
    data = read_json(failure)
    assert "seconds" in data
    write_json(failure, data | {"seconds": data["seconds"] + 9})
    rebuild_combined(out, set())
    assert _stamps(out) == before
    write_json(failure, data | {"error": "another error"})
    rebuild_combined(out, set())
    assert _stamps(out) != before                   # what the outputs show of a failure still rebuilds them


def test_records_rewritten_with_the_same_content_keep_the_outputs(run: tuple[Path, Path]) -> None:
    src, out = run
    before = _stamps(out)
    run_batch([src], out, workers=1, resume=False)
    assert _stamps(out) == before


@pytest.mark.parametrize("change", ["record", "record-same-time", "failure", "decision", "output-deleted",
                                    "output-edited", "state-torn"])
def test_any_change_to_what_the_outputs_are_made_from_rebuilds_them(run: tuple[Path, Path], change: str) -> None:
    src, out = run
    record = sorted((out / "records").glob("*.json"))[0]
    if change.startswith("record"):
        stat = record.stat()
        rec = read_json(record)
        rec["agency"] = "改过的机关"
        write_json(record, rec)
        if change == "record-same-time":              # copied over with its time kept: still a change
            os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    elif change == "failure":
        write_json(out / "failed" / "other.json", {"doc_id": "other", "error": "other: empty", "ok": False})
    elif change == "decision":
        (out / "decisions.jsonl").write_text('{"doc_id": "x", "action": "keep", "path": "year"}\n', encoding="utf-8")
    elif change == "output-deleted":
        (out / "report.html").unlink()
    elif change == "output-edited":
        with open(out / "records.csv", "a", encoding="utf-8") as fh:
            fh.write("hand,edit\r\n")
    else:
        (out / STATE_FILE).write_text("{", encoding="utf-8")
    before = _stamps(out) if change != "output-deleted" else {}
    rebuild_combined(out, set())
    after = _stamps(out)
    assert all(after[name] != before.get(name) for name in OUTPUT_FILES)       # every output made again
    if change.startswith("record"):
        assert "改过的机关" in (out / "records.jsonl").read_text(encoding="utf-8")
    if change == "failure":
        assert "other" in (out / "records.csv").read_text(encoding="utf-8-sig")


def test_another_version_of_the_code_or_of_a_writing_library_rebuilds(run: tuple[Path, Path],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import llm_extract.rebuild_state as state

    src, out = run
    before = _stamps(out)
    state._code_digest.cache_clear()
    real = state.metadata.version
    monkeypatch.setattr(state.metadata, "version", lambda name: "0.0-other" if name == "xlsxwriter" else real(name))
    try:
        rebuild_combined(out, set())
    finally:
        state._code_digest.cache_clear()
    after = _stamps(out)
    assert all(after[name] != before[name] for name in OUTPUT_FILES)
