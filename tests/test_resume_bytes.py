"""A resumed run knows an unchanged file from its bytes: a file read and a hash, never a decode or a parse;
any change to the bytes redoes the document."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import llm_extract.pipeline as pipeline
from llm_extract import run_batch
from llm_extract.ingest import file_hash
from llm_extract.outputs import read_json, write_json
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.html_page import trs_page

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
STEM = "002_0126e23b7202ee31"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_38ec84bebc7328d3.txt", f"{STEM}.txt"):
        shutil.copy(GOLDEN / name, folder / name)
    (folder / "page.html").write_bytes(trs_page(golden_report("003_d677def7845cc038")).encode("gbk"))
    return folder


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the pipeline decodes and parses (llm_extract.ingest.load_bytes)."""
    seen: list[str] = []
    real = pipeline.load_bytes

    def counting(data: bytes, **kw: Any):
        seen.append(Path(kw["path"]).name)
        return real(data, **kw)

    monkeypatch.setattr(pipeline, "load_bytes", counting)
    return seen


def _run(inputs: Path, out: Path) -> int:
    return run_batch([inputs], out, llm="never", workers=1).resumed


def test_the_record_keeps_the_hash_of_the_file_bytes(inputs: Path, tmp_path: Path) -> None:
    run_batch([inputs], tmp_path / "out", llm="never", workers=1)
    for f in inputs.iterdir():
        assert read_json(tmp_path / "out" / "records" / f"{f.stem}.json")["source"]["file_hash"] \
            == file_hash(f.read_bytes())


def test_an_unchanged_file_is_resumed_without_being_decoded_or_parsed(inputs: Path, tmp_path: Path,
                                                                       loads: list[str]) -> None:
    assert _run(inputs, tmp_path / "out") == 0
    assert sorted(loads) == ["000_38ec84bebc7328d3.txt", f"{STEM}.txt", "page.html"]
    loads.clear()
    assert _run(inputs, tmp_path / "out") == 3
    assert loads == []


def test_a_changed_file_is_redone_and_its_record_tells_the_new_value(inputs: Path, tmp_path: Path,
                                                                      loads: list[str]) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    assert read_json(out / "records" / f"{STEM}.json")["year"] == 2021
    path = inputs / f"{STEM}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("2021", "2020"), encoding="utf-8")
    loads.clear()
    assert _run(inputs, out) == 2
    assert loads == [path.name]
    assert read_json(out / "records" / f"{STEM}.json")["year"] == 2020


def test_bytes_that_change_but_decode_to_the_same_text_are_redone_too(inputs: Path, tmp_path: Path,
                                                                      loads: list[str]) -> None:
    """Re-saved as GB18030: the text (and its content hash) is the same, the file is not; reading it
    again is the safe side, and what it costs is one document."""
    out = tmp_path / "out"
    _run(inputs, out)
    path = inputs / f"{STEM}.txt"
    before = read_json(out / "records" / f"{STEM}.json")
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    loads.clear()
    assert _run(inputs, out) == 2 and loads == [path.name]
    after = read_json(out / "records" / f"{STEM}.json")
    assert after["source"]["content_hash"] == before["source"]["content_hash"]
    assert (after["source"]["encoding"], after["applications"]) == ("gb18030", before["applications"])


@pytest.mark.parametrize("damage", ["no file hash", "not json", "not an object"])
def test_a_record_without_a_matching_file_hash_is_redone(inputs: Path, tmp_path: Path, damage: str) -> None:
    """A record written before records kept the file hash, or one damaged by hand, is never trusted."""
    out = tmp_path / "out"
    _run(inputs, out)
    record_path = out / "records" / f"{STEM}.json"
    record = read_json(record_path)
    if damage == "no file hash":
        del record["source"]["file_hash"]
        write_json(record_path, record)
    else:
        record_path.write_text("{not json" if damage == "not json" else "[]", encoding="utf-8")
    assert _run(inputs, out) == 2
    assert read_json(record_path)["source"]["file_hash"] == file_hash((inputs / f"{STEM}.txt").read_bytes())


def test_no_resume_reads_every_file_again(inputs: Path, tmp_path: Path, loads: list[str]) -> None:
    _run(inputs, tmp_path / "out")
    loads.clear()
    assert run_batch([inputs], tmp_path / "out", llm="never", workers=1, resume=False).resumed == 0
    assert len(loads) == 3
