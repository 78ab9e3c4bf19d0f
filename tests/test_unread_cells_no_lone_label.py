"""A 表三 row whose cells were printed but could not be read as numbers is no blank row.

A page saved in GBK loses the characters GBK has no code for (a no-break space, a thin space) as ``?``: a cell
``&nbsp;273`` comes out ``?273``. The row's label is then followed by cells of text, no number among them; a
label standing alone (a blank row printed as its label only) must not be read from that: the row's cells are
lost, left to the identities and to review, never proven blank."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render
from verify import verify_extraction

ROW = "granted"                      # （一）予以公开


def _text(golden_dir, cells: list[str]) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "cells")
    head = "\t（一）予以公开\n"
    start = text.index(head) + len(head)
    end = start + len("\t0\n" * 7)
    assert text[start:end] == "\t0\n" * 7             # (golden 003 grants nothing: seven 0s)
    rest = text[end:]
    rest = rest[len("\n\t"):] if rest.startswith("\n\t\n") else rest     # (the renderer's empty cell under it)
    return text[:start] + "".join(f"\t{c}\n" for c in cells) + rest


def test_a_rows_cells_glued_to_lost_characters_are_not_read_as_a_blank_row(golden_dir) -> None:
    record = verify_extraction(extract_regex(Document.from_text(
        _text(golden_dir, ["?0", "0?", "0?", "0?", "0?", "?0?", "?0?"]), doc_id="x")))
    for path in TABLE3_ROW_PATHS[ROW]:
        prov = record.provenance[path]
        assert not (prov.status is Status.PROVEN and record.report.get(path) is None), path
        assert prov.status not in (Status.PROVEN, Status.PINNED) or record.report.get(path) == 0, path


def test_a_label_with_nothing_after_it_is_still_a_blank_row(golden_dir) -> None:
    record = verify_extraction(extract_regex(Document.from_text(_text(golden_dir, []), doc_id="x")))
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS[ROW]] == [None] * 7
