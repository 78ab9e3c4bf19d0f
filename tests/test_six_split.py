"""（六）其他处理 printed as one row whose split only the narrative states (verify/sixsplit.py).

The table prints （六） as one row (2 in 自然人); the prose says ``其他处理2件（申请人无正当理由逾期不补正2件、
逾期未缴纳信息处理费0件、其他情形0件）``. The row's one non-zero column and the stated counts pin each sub-row:
derived (DERIVE.NARRATIVE), queued for review, never proven. Counts that do not add up to the row, or a row
with counts in two columns, leave the sub-rows missing as before.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")


def _report(golden_dir, column: str = "natural_person") -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    for c in APPLICANT_COLUMNS:
        for row in SUB_ROWS:
            report.set(f"applications.{row}.{c}", 0)
    for row in ("other_no_correction", "new_received", "total_processed"):
        for c in (column, "total"):
            path = f"applications.{row}.{c}"
            report.set(path, (report.get(path) or 0) + 2)    # two applications handled as （六）1.
    return report


def _text(report: Report, printed: list[str], sentence: str) -> str:
    lines = render(report, "tabrows").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理"))
    lines = lines[:start] + ["（六）其他处理\t" + "\t".join(printed)] + lines[start + 3:]
    return "\n".join(lines[:1] + ["（二）依申请公开情况。" + sentence] + lines[1:])


SAID = "其中，其他处理2件（申请人无正当理由逾期不补正2件、逾期未缴纳信息处理费0件、其他情形0件）。"


def test_the_narrative_s_split_of_a_one_row_with_one_column_derives_its_sub_rows(golden_dir) -> None:
    report = _report(golden_dir)
    doc = Document.from_text(_text(report, ["2", "0", "0", "0", "0", "0", "2"], SAID), doc_id="x")
    record = process_document(doc)
    for row in SUB_ROWS:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            prov = record.provenance[path]
            assert record.report.get(path) == report.get(path), path
            assert prov.status is Status.DERIVED and prov.rules == ["DERIVE.NARRATIVE"], (path, prov)
    assert {i.path for i in review_items(record, doc.lines)} >= {f"applications.{r}.total" for r in SUB_ROWS}
    assert any(f.code == "DERIVE.NARRATIVE" for f in record.findings)


def test_a_crawler_s_dump_holding_article_and_tables_on_one_line_states_the_split_too(golden_dir) -> None:
    """A crawler's dump: the whole article one line, the cells and the sentences tab-separated."""
    report = _report(golden_dir)
    text = _text(report, ["2", "0", "0", "0", "0", "0", "2"], SAID)
    record = process_document(Document.from_text("\t".join(text.split("\n")), doc_id="x"))
    for row in SUB_ROWS:
        path = f"applications.{row}.total"
        assert record.report.get(path) == report.get(path)
        assert record.provenance[path].status is Status.DERIVED, path


def test_an_ocr_letter_for_a_zero_in_the_one_row_still_lets_the_narrative_split_it(golden_dir) -> None:
    report = _report(golden_dir)
    record = process_document(Document.from_text(_text(report, ["2", "O", "0", "0", "0", "0", "2"], SAID), doc_id="x"))
    for row in SUB_ROWS:
        path = f"applications.{row}.natural_person"
        assert record.report.get(path) == report.get(path)
        assert record.provenance[path].status is Status.DERIVED, path


def test_counts_that_do_not_add_up_to_the_row_leave_the_sub_rows_missing(golden_dir) -> None:
    report = _report(golden_dir)
    said = SAID.replace("逾期不补正2件", "逾期不补正1件")
    record = process_document(Document.from_text(_text(report, ["2", "0", "0", "0", "0", "0", "2"], said), doc_id="x"))
    for row in SUB_ROWS:
        assert record.provenance[f"applications.{row}.total"].status is Status.MISSING
        assert record.report.get(f"applications.{row}.total") is None


def test_a_row_with_counts_in_two_columns_leaves_the_split_open(golden_dir) -> None:
    report = _report(golden_dir)
    for row in ("other_no_correction", "new_received", "total_processed"):    # one of the two: a company's
        for c, d in (("natural_person", -1), ("commercial", 1)):
            report.set(f"applications.{row}.{c}", (report.get(f"applications.{row}.{c}") or 0) + d)
    record = process_document(Document.from_text(_text(report, ["1", "1", "0", "0", "0", "0", "2"], SAID), doc_id="x"))
    for row in SUB_ROWS:
        assert record.provenance[f"applications.{row}.natural_person"].status is Status.MISSING


def test_a_model_that_gives_the_narrative_s_split_is_proven_and_one_that_does_not_is_disputed(
        golden_dir, server, tmp_path) -> None:
    from llm_extract.model import ModelSettings
    from llm_extract.outputs import read_json
    from llm_extract.pipeline import run_batch
    from tests.fakeopenai import answer_for, by_doc

    report = _report(golden_dir)
    (tmp_path / "in").mkdir()
    for name in ("agrees", "differs"):              # (two texts: identical documents are asked once)
        text = _text(report, ["2", "0", "0", "0", "0", "0", "2"], SAID) + f"\n（{name}）"
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    other = {"applications.other_no_correction.natural_person": 1, "applications.other_no_correction.total": 1,
             "applications.other_other.natural_person": 1, "applications.other_other.total": 1}
    server.responder = by_doc({"agrees": answer_for(report.values()),
                               "differs": answer_for(report.values() | other)})
    settings = ModelSettings(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.02)
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings, cache_dir=tmp_path / "cache")
    agrees = read_json(tmp_path / "out" / "records" / "agrees.json")["provenance"]
    for row in SUB_ROWS:
        prov = agrees[f"applications.{row}.natural_person"]
        assert prov["status"] == "proven" and prov["rules"] == ["XCHECK.AGREE", "DERIVE.NARRATIVE"], prov
    differs = read_json(tmp_path / "out" / "records" / "differs.json")
    prov = differs["provenance"]["applications.other_no_correction.total"]
    assert prov["status"] == "disputed" and prov["candidates"] == {"model": 1, "narrative": 2}
    assert differs["applications"]["other_no_correction"]["total"] == 1      # the model's, queued: never taken over
