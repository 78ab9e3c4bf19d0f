"""A row of empty cells, then words no row was found by, then seven numbers: those are the unfound row's.

A Word table taken apart a cell to a line (docx2txt, a crawler's get_text) prints a row spanning columns as its
label, its empty cells, and its numbers. Where a row's label is not found (a CMS escaped ``（`` twice, ``&amp;#65288;``, OCR
garbled it), the empty row above it (3.其他, every cell empty) would take, past its empty cells and those words, the
seven numbers of the row the words open ((七)总计): never read so. The row above keeps its empty cells unread
(the identities derive or queue it), never proven from the next row's numbers."""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

SEED = "000_38ec84bebc7328d3.txt"      # 3.其他 printed with seven empty cells, (七)总计 all 0


def test_an_empty_row_does_not_take_the_numbers_after_an_unfound_label(golden_dir: Path) -> None:
    text = (golden_dir / SEED).read_text(encoding="utf-8")
    assert "\t（七）总计" in text
    text = text.replace("\t（七）总计", "\t&amp;#65288;七）总计", 1)     # (escaped twice: a CMS's export)
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="e", suffix=".txt"))
    for c in ("natural_person", "total"):
        path = f"applications.other_other.{c}"
        assert record.provenance[path].status is not Status.PROVEN, path


def test_the_same_row_with_its_label_found_is_read_empty(golden_dir: Path) -> None:
    record = process_document(load_bytes((golden_dir / SEED).read_bytes(), doc_id="e", suffix=".txt"))
    path = "applications.other_other.natural_person"
    assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN


def test_numeric_character_references_a_crawler_left_are_read_as_their_characters(golden_dir: Path) -> None:
    """``&#65288;七）总计``: the reference names （, read as it; markup's characters (``&#60;``) stay references."""
    from llm_extract.ingest.text_family import read_text

    text = (golden_dir / SEED).read_text(encoding="utf-8").replace("\t（七）总计", "\t&#65288;七&#xff09;总计 &#60;b&#62;", 1)
    assert "\t（七）总计 &#60;b&#62;" in read_text(text, "utf-8", ".txt").text
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="e", suffix=".txt"))
    reference = process_document(load_bytes((golden_dir / SEED).read_bytes(), doc_id="e", suffix=".txt"))
    assert record.report.values() == reference.report.values()
