"""Radical code points from a PDF's text layer read as the characters they stand for."""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load
from llm_extract.ingest.radicals import fold_radicals
from llm_extract.pipeline import process_document


def test_kangxi_and_supplement_radicals_become_the_characters_they_stand_for() -> None:
    # as Chromium's PDF printing writes them: ⾏ U+2F8F, ⼈ U+2F08, ⺠ U+2EA0, ⻔ U+2ED4, ⼀ U+2F00, ⻓ U+2ED3
    assert fold_radicals("⾏政许可 中华⼈⺠共和国 政府⻔户⽹站 第⼀项 ⻓岭县") == "行政许可 中华人民共和国 政府门户网站 第一项 长岭县"
    assert fold_radicals("行政许可 15498") == "行政许可 15498"


def test_a_report_whose_text_layer_uses_radicals_reads_like_the_plain_text(golden_dir: Path) -> None:
    text = load(golden_dir / "003_d677def7845cc038.txt").text
    radicals = str.maketrans({"行": "⾏", "一": "⼀", "二": "⼆", "人": "⼈", "民": "⺠", "门": "⻔", "长": "⻓"})
    assert text.translate(radicals) != text
    record = process_document(Document.from_text(text.translate(radicals), doc_id="003"))
    reference = process_document(Document.from_text(text, doc_id="003"))
    assert record.report.values() == reference.report.values()
    assert all(p.status == Status.PROVEN for p in record.provenance.values())
