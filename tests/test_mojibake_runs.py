"""A Chinese text with runs of mojibake: a piece of it whose GBK or UTF-8 bytes were read in a one-byte code page.

Pasted or joined from a page a crawler read in the wrong code page, some of 表三's labels show as ``£¨¶þ£©²¿·Ö¹«¿ª``
(（二）部分公开 in GBK read as Latin-1). Each run is given back as its bytes were written when exactly that undoes it
(Chinese text only), the document carries the note ``INGEST.MOJIBAKE_RUNS``, and the table reads as the clean one;
a run that does not decode into Chinese is left as it stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract import load, process_document
from llm_extract.ingest import load_bytes
from llm_extract.ingest.mojibake_runs import repaired_runs

SEED = "003_d677def7845cc038.txt"


def _misread(piece: str, page: str = "latin-1", encoding: str = "gbk") -> str:
    return piece.encode(encoding).decode(page)


@pytest.mark.parametrize(("page", "encoding"), [("latin-1", "gbk"), ("cp1252", "utf-8")])
def test_a_run_read_in_a_one_byte_code_page_is_given_back(page: str, encoding: str) -> None:
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    if page == "cp1252":
        label = "主动公开年度报告"       # (UTF-8 bytes that all have a character in cp1252)
    line = "\t" + _misread(label, page, encoding) + "\t3\t0\t0\t0\t0\t0\t3"
    assert label not in line
    fixed, runs = repaired_runs(line)
    assert fixed == "\t" + label + "\t3\t0\t0\t0\t0\t0\t3" and runs >= 1


@pytest.mark.parametrize("text", ["温度 25°C，面积 3×4 m²", "Ménage à trois ±0.5", "费用 ¥¥¥¥ 元", "plain ascii text"])
def test_latin_characters_that_are_no_mojibake_stay(text: str) -> None:
    assert repaired_runs(text) == (text, 0)


def test_a_report_whose_table_three_labels_are_mojibake_reads_as_the_clean_one(golden_dir: Path) -> None:
    text = (golden_dir / SEED).read_text(encoding="utf-8")
    head, rest = text.split("（二）部分公开", 1)
    piece, tail = rest.split("（四）无法提供", 1)
    garbled = head + _misread("（二）部分公开" + piece) + "（四）无法提供" + tail
    assert "部分公开" not in garbled and "属于国家秘密" not in garbled
    record = process_document(load_bytes(garbled.encode("utf-8"), doc_id="m", suffix=".txt"))
    reference = process_document(load(golden_dir / SEED))
    assert record.report.values() == reference.report.values()
    assert [f.code for f in record.findings if f.code == "INGEST.MOJIBAKE_RUNS"] == ["INGEST.MOJIBAKE_RUNS"]
    assert {k: p.status for k, p in record.provenance.items()} == {k: p.status for k, p in reference.provenance.items()}
