"""Reports whose sections only point to their tables (``详见附表``) and print them after the signature, under
the same headings (an Excel-made appendix joined to a Word-made report): the tables are read where they
stand, as one report, not refused and not split into two."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.multireport import split_reports
from llm_extract.pipeline import process_document
from tests.fixtures.ingest.form2021 import GOLDEN, golden_report

STEM = "003_d677def7845cc038"


def _appendix_report() -> str:
    lines = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    t2 = lines.index("二、主动公开政府信息情况")
    after = next(i for i, line in enumerate(lines) if line.startswith("存在的主要问题"))
    pointers = ["二、主动公开政府信息情况", "详见附表。", "三、收到和处理政府信息公开申请情况", "（详见附表）",
                "四、政府信息公开行政复议、行政诉讼情况", "详见附表。"]
    return "\n".join(lines[:t2] + pointers + lines[after:] + ["", "附表"] + lines[t2:after]) + "\n"


def test_tables_printed_after_the_signature_are_read_under_their_repeated_headings() -> None:
    doc = Document.from_text(_appendix_report(), doc_id=STEM)
    assert [d.doc_id for d in split_reports(doc)] == [STEM]              # one report, not two
    record = process_document(doc)
    assert record.report.values() == golden_report(STEM).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status is not Status.PROVEN} == {}

