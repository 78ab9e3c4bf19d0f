"""A cell left empty but for a full-width space (``　``, U+3000, ``&#12288;``), in a text printed a cell to a line.

CMS editors and Word users put a full-width space into an empty table cell; a crawler's text of the page (one cell
to a line) then prints that cell as a line holding only ``　``. It is an empty cell, as the tab alone a text export
prints for one (ingest/text_family.py), not a blank line: read otherwise, the row's seven lines of cells shrink
and every row of the table is in doubt. (A line of ASCII spaces stays spacing: text editors leave them anywhere.)
"""

from __future__ import annotations

import re
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
#: a real report printed a cell to a line, a tab before each cell; its row 3.其他 is blank (seven tab-only lines)
SEED = "000_38ec84bebc7328d3"


def _leaf(data: dict, path: str):
    for part in path.split("."):
        data = data[part]
    return data


def test_full_width_space_lines_are_the_empty_cells_they_stand_for() -> None:
    text = (GOLDEN / f"{SEED}.txt").read_text(encoding="utf-8")
    typed = re.sub(r"(?m)^\t$", "\u3000", text)
    assert typed.count("\n\u3000\n") >= 7
    record = process_document(Document.from_text(typed, doc_id=SEED))
    truth = read_json(GOLDEN / f"{SEED}.json")
    values = record.report.values()
    for path in TABLE3_PATHS:
        assert values[path] == _leaf(truth, path), path
        assert record.provenance[path].status is Status.PROVEN, path
    assert values["applications.other_other.total"] is None        # the blank row: blank, not 0


def test_the_entity_of_a_full_width_space_alone_on_a_line_is_an_empty_cell_too() -> None:
    text = (GOLDEN / f"{SEED}.txt").read_text(encoding="utf-8")
    record = process_document(Document.from_text(re.sub(r"(?m)^\t$", "&#12288;", text), doc_id=SEED))
    assert {record.provenance[p].status for p in TABLE3_PATHS} == {Status.PROVEN}
