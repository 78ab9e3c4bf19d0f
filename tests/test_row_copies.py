"""A 表三 row printed twice, the copy right under the row (a crawler, a copy-paste or a converter doubled it): one copy
is read and the identities prove it as any row; a "copy" that differs in a number is no copy, and neither line is
proven as the row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

_GOLDEN = Path(__file__).resolve().parent.parent / "golden"
#: (seed, the row's block as printed: tab-separated on its line, or its label and seven cells a line each)
_BLOCKS = {
    "002_0126e23b7202ee31": "\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\t\t\t\n",
    "003_d677def7845cc038": "\t2.没有现成信息需要另行制作\n" + "\t0\n" * 7 + "\n",
}


def _doubled(name: str, copy: str | None = None) -> Document:
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    block = _BLOCKS[name]
    assert text.count(block) == 1
    return Document.from_text(text.replace(block, block + (copy or block)), doc_id="x")


@pytest.mark.parametrize("name", sorted(_BLOCKS))
def test_a_row_printed_twice_is_read_once_and_proven(name: str) -> None:
    record = process_document(_doubled(name))
    truth = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["applications"]
    reference = process_document(Document.from_text((_GOLDEN / f"{name}.txt").read_text(encoding="utf-8"), doc_id="x"))
    for path in TABLE3_ROW_PATHS["unavailable_needs_creation"]:
        assert record.report.values()[path] == truth["unavailable_needs_creation"][path.rsplit(".", 1)[1]]
        assert record.provenance[path].status is Status.PROVEN
    assert {p: v.status for p, v in record.provenance.items()} == {p: v.status for p, v in reference.provenance.items()}


@pytest.mark.parametrize("name", sorted(_BLOCKS))
def test_a_second_line_under_the_same_label_with_other_numbers_is_no_copy(name: str) -> None:
    other = _BLOCKS[name].replace("0", "5", 1)
    record = process_document(_doubled(name, other))
    for path in TABLE3_ROW_PATHS["unavailable_needs_creation"]:
        prov = record.provenance[path]
        assert prov.status is not Status.PROVEN or prov.lines[-1] not in _copy_lines(name), path


def _copy_lines(name: str) -> set[int]:
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    start = text.index(_BLOCKS[name]) + len(_BLOCKS[name])
    first = text[:start].count("\n") + 1
    return set(range(first, first + _BLOCKS[name].count("\n")))
