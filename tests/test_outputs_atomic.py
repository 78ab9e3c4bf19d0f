"""Writing one output file: complete or absent, readable by others, the same bytes as the generic JSON dump."""

from __future__ import annotations

import json
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from llm_extract.outputs import atomic_write_text, dumps, read_json, write_json


def test_a_record_is_written_into_a_directory_that_does_not_exist_yet(tmp_path: Path) -> None:
    target = tmp_path / "failed" / "doc.json"
    write_json(target, {"doc_id": "doc", "ok": False})
    assert read_json(target) == {"doc_id": "doc", "ok": False}
    assert [p.name for p in target.parent.iterdir()] == ["doc.json"]          # no temporary file left


def test_a_written_file_is_readable_by_everyone_and_writable_by_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_json(target, {"a": 1})
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_compact_json_is_the_generic_dump_byte_for_byte() -> None:
    data = {"agency": "向阳区人民政府", "fee": Decimal("94.0121"), "whole": Decimal("3.00"), "tags": {"b", "a"},
            "nested": [{"lines": [1, 2], "raw": "1O\t\"x\""}], "none": None, "flag": True}
    generic = json.dumps(data, ensure_ascii=False,
                         default=lambda o: (int(o) if o == o.to_integral_value() else float(o))
                         if isinstance(o, Decimal) else sorted(o))
    assert dumps(data) == generic
    assert dumps(data, indent=2) == json.dumps(json.loads(generic), ensure_ascii=False, indent=2)


def test_text_that_cannot_be_encoded_leaves_neither_the_file_nor_a_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "bad.txt"
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "lone surrogate \ud800")
    assert list(tmp_path.iterdir()) == []


def test_a_rewrite_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_json(target, {"long": "x" * 1000})
    write_json(target, {"short": 1})
    assert target.read_text(encoding="utf-8") == '{"short": 1}\n'
