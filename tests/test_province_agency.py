"""A province's own report names the province: ``湖南省2023年政府信息公开工作年度报告``.

A province publishes its government's report under its name alone, as a city (``绥化市``) or a county does:
``湖南省`` is a body's name read from the title, proven, not a sentence's words taken for one.
"""

from __future__ import annotations

from llm_extract.bodies import names_a_body
from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


def test_a_province_is_a_bodys_name() -> None:
    assert names_a_body("湖南省") and names_a_body("黑龙江省")
    assert not names_a_body("特向社会公布")


def test_a_provinces_report_names_the_province_proven(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    assert text.startswith(report.agency)
    text = "湖南省" + text[len(report.agency):]
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.agency == "湖南省"
    assert record.provenance["agency"].status is Status.PROVEN, record.provenance["agency"].note
