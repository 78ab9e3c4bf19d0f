"""A file is in OUT once, under the id it has now: its record under an id it had before (a file of the same
name joined the batch, the folder was named another way) is removed, never left beside the new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract import run_batch
from llm_extract.outputs import read_json, read_jsonl
from tests.fixtures.ingest.form2021 import GOLDEN


def _records(out: Path) -> dict[str, str]:
    return {p.stem: read_json(p)["source"]["path"] for p in (out / "records").glob("*.json")}


def test_a_file_whose_id_changed_when_a_namesake_joined_is_recorded_once(tmp_path: Path) -> None:
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "a" / "report.txt").write_bytes((GOLDEN / "000_38ec84bebc7328d3.txt").read_bytes())
    run_batch([tmp_path / "in"], tmp_path / "out")
    assert list(_records(tmp_path / "out")) == ["report"]
    (tmp_path / "in" / "b" / "report.txt").write_bytes((GOLDEN / "001_486c4dbf7b9bad2b.txt").read_bytes())
    run_batch([tmp_path / "in"], tmp_path / "out")
    records = _records(tmp_path / "out")
    assert sorted(records.values()) == [str(tmp_path / "in" / "a" / "report.txt"),
                                        str(tmp_path / "in" / "b" / "report.txt")]
    assert all(doc_id.startswith("report-") for doc_id in records)
    assert len(read_jsonl(tmp_path / "out" / "records.jsonl")) == 2


def test_namesakes_keep_their_ids_however_the_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sub, golden in (("a", "000_38ec84bebc7328d3"), ("b", "001_486c4dbf7b9bad2b")):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "report.txt").write_bytes((GOLDEN / f"{golden}.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    first = run_batch(["in"], "out")
    again = run_batch([str(tmp_path / "in") + "/"], "out")
    assert (first.resumed, again.resumed) == (0, 2)
    assert len(_records(tmp_path / "out")) == 2
    assert len(read_jsonl(tmp_path / "out" / "records.jsonl")) == 2


def test_the_reports_split_from_a_file_are_kept_and_those_of_its_old_id_removed(tmp_path: Path) -> None:
    (tmp_path / "in" / "a").mkdir(parents=True)
    two = b"\n\n".join((GOLDEN / f"{g}.txt").read_bytes() for g in ("003_d677def7845cc038", "004_70fa07ff4f3c9aaf"))
    (tmp_path / "in" / "multi.txt").write_bytes(two)
    (tmp_path / "in" / "other.txt").write_bytes((GOLDEN / "002_0126e23b7202ee31.txt").read_bytes())
    run_batch([tmp_path / "in"], tmp_path / "out")
    run_batch([tmp_path / "in"], tmp_path / "out")
    assert sorted(_records(tmp_path / "out")) == ["multi-1", "multi-2", "other"]
    (tmp_path / "in" / "a" / "multi.txt").write_bytes(two)
    run_batch([tmp_path / "in"], tmp_path / "out")
    ids = sorted(_records(tmp_path / "out"))
    assert len(ids) == 5 and "multi-1" not in ids and "other" in ids


def test_a_file_that_held_two_reports_and_holds_one_now_or_none_keeps_no_record_of_its_old_parts(
        tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    multi = tmp_path / "in" / "multi.txt"
    one, other = ((GOLDEN / f"{g}.txt").read_bytes() for g in ("003_d677def7845cc038", "004_70fa07ff4f3c9aaf"))
    (tmp_path / "in" / "multi-2.txt").write_bytes(other)          # a report of that name of its own
    multi.write_bytes(one + b"\n\n" + other)
    run_batch([tmp_path / "in"], tmp_path / "out")
    records = {k: Path(v).name for k, v in _records(tmp_path / "out").items()}
    own = next(k for k, v in records.items() if v == "multi-2.txt")       # never the id of multi.txt's 2nd report
    assert records == {"multi-1": "multi.txt", "multi-2": "multi.txt", own: "multi-2.txt"}
    multi.write_bytes(one)
    run_batch([tmp_path / "in"], tmp_path / "out")
    assert {k: Path(v).name for k, v in _records(tmp_path / "out").items()} == {
        "multi": "multi.txt", own: "multi-2.txt"}
    multi.write_bytes(b"\0junk")
    run_batch([tmp_path / "in"], tmp_path / "out")
    assert list(_records(tmp_path / "out")) == [own]
    assert len(read_jsonl(tmp_path / "out" / "records.jsonl")) == 1


def test_a_report_named_as_another_files_second_report_is_never_overwritten_by_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    reports = {g: (GOLDEN / f"{g}.txt").read_bytes()
               for g in ("001_486c4dbf7b9bad2b", "003_d677def7845cc038", "004_70fa07ff4f3c9aaf")}
    (tmp_path / "in" / "all-years.txt").write_bytes(reports["003_d677def7845cc038"] + b"\n\n"
                                                    + reports["004_70fa07ff4f3c9aaf"])
    (tmp_path / "in" / "all-years-2.txt").write_bytes(reports["001_486c4dbf7b9bad2b"])
    run_batch([tmp_path / "in"], tmp_path / "out")
    agencies = sorted(read_json(p)["agency"] for p in (tmp_path / "out" / "records").glob("*.json"))
    assert agencies == sorted(read_json(GOLDEN / f"{g}.json")["agency"] for g in reports)
