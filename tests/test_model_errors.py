"""The scripted model makes the errors real models make; each is caught, never proven. A perfect answer on a
document the deterministic reader cannot read is proven where the text prints it and the identities hold."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from llm_extract import NotAReportError, run_batch
from llm_extract.ingest import Document
from llm_extract.model import ModelSettings
from llm_extract.outputs import read_json
from llm_extract.schema import ALL_PATHS, Report, same_value
from llm_extract.evidence import Status
from llm_extract.settling import looks_like_report, read_document
from llm_extract.synth.render import render
from tests.fakeopenai import answer_for, by_doc, report_text, sample_values
from tests.model_errors import ERRORS

VALUES = sample_values()


def settings(server) -> ModelSettings:
    return ModelSettings(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.02,
                         transport_attempts=2)


def one_line_dump(values: dict) -> str:
    """A crawler's dump of the report's web page: glued table cells, and no line breaks at all."""
    return render(Report.from_values("d", values), "glued").replace("\n", "")


def errors(kind: str) -> dict:
    for seed in range(50):
        wrong = ERRORS[kind](dict(VALUES), random.Random(seed))
        if wrong:
            return wrong
    raise AssertionError(f"{kind}: nothing to change in the sample report")


def run(server, tmp_path: Path, text: str, answer: dict) -> tuple[dict, list[dict]]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(text, encoding="utf-8")
    server.responder = by_doc({"doc": answer})
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings(server), cache_dir=None,
              use_cache=False)
    record = read_json(tmp_path / "out" / "records" / "doc.json")
    return record, record["review"]


@pytest.mark.parametrize("kind", list(ERRORS))
def test_every_model_error_on_a_readable_report_is_queued_with_both_candidates(server, tmp_path, kind):
    wrong = errors(kind)
    record, review = run(server, tmp_path, report_text(VALUES), answer_for(VALUES, **{
        p.replace(".", "__"): v for p, v in wrong.items()}))
    for path, bad in wrong.items():
        prov = record["provenance"][path]
        assert prov["status"] != "proven", path
        item = next(i for i in review if i["path"] == path)
        cands = {c["source"]: c["value"] for c in item["candidates"]}
        assert same_value(path, cands["model"], bad) and same_value(path, cands["regex"], VALUES[path]), cands


@pytest.mark.parametrize("kind", list(ERRORS))
def test_no_model_error_is_proven_on_a_report_only_the_model_can_read(server, tmp_path, kind):
    wrong = errors(kind)
    record, review = run(server, tmp_path, one_line_dump(VALUES), answer_for(VALUES, **{
        p.replace(".", "__"): v for p, v in wrong.items()}))
    assert record["stages"]["model"]["status"] == "ok"
    for path, bad in wrong.items():
        assert record["provenance"][path]["status"] != "proven", path
        assert any(i["path"] == path for i in review), path                  # on a queued item
    for path in ALL_PATHS:                                                 # and nothing else wrong is proven
        if record["provenance"][path]["status"] == "proven":
            assert same_value(path, Report.model_validate({k: record[k] for k in Report.model_fields if k in record})
                              .get(path), VALUES.get(path)), path


def test_a_report_without_line_breaks_reaches_the_model_and_its_grounded_answer_is_proven(server, tmp_path):
    text = one_line_dump(VALUES)
    alone = read_document(Document.from_text(text, doc_id="doc")).record()
    # alone, the reader proves only what the text cuts by itself (runs of zeros); every count it cuts is derived
    counts = [p for p, v in VALUES.items() if v and p.startswith(("applications.", "review_litigation."))]
    assert counts and not any(alone.provenance[p].status == Status.PROVEN for p in counts)
    record, review = run(server, tmp_path, text, answer_for(VALUES))
    sent = server.requests[0].user_text
    assert "测试市测试区人民政府" in sent and "予以公开5100006" in sent       # the title and the table text
    proven = [p for p in ALL_PATHS if record["provenance"][p]["status"] == "proven"]
    assert len(proven) >= 0.95 * len(ALL_PATHS)
    assert record["provenance"]["applications.granted.natural_person"]["grounding"]["status"] == "digit_run"
    assert record["provenance"]["agency"]["grounding"]["status"] == "exact"


def test_a_perfect_answer_on_a_dump_with_spaced_item_numbers_and_a_sentence_after_table4_is_proven(server, tmp_path):
    """属于国家秘密00000002. 其他法律… (the next label's item number glued to the run, a space after its dot)
    and 表四's run followed by 全年…2件: every cell the identities pin is proven once the model agrees,
    never queued as a model-only value the identities 'do not confirm'."""
    import re

    text = re.sub(r"(\d)\.(?=[\u4e00-\u9fff])", r"\1. ", one_line_dump(VALUES))
    text = text.replace("五、", "全年因政府信息公开被申请行政复议2件，提起行政诉讼1件。五、", 1)
    assert "00000002. 其他法律" in text
    record, review = run(server, tmp_path, text, answer_for(VALUES))
    table = [p for p in ALL_PATHS if p.startswith(("applications.", "review_litigation."))]
    proven = [p for p in table if record["provenance"][p]["status"] == "proven"]
    assert len(proven) >= 0.95 * len(table)
    assert all(record["provenance"][f"applications.denied_state_secret.{c}"]["status"] == "proven"
               for c in ("natural_person", "total"))
    assert record["provenance"]["review_litigation.administrative_review.total"]["status"] == "proven"


def test_a_report_whose_tables_the_reader_cannot_find_is_still_routed_to_the_model(server, tmp_path):
    text = "测试市测试区人民政府2021年政府信息公开工作年度报告\n\n表格见附件（扫描件）。\n"
    assert looks_like_report(text.split("\n")) and not looks_like_report(["会议纪要", "今天开会。"])
    with pytest.raises(NotAReportError):
        read_document(Document.from_text(text, doc_id="doc"))
    assert read_document(Document.from_text(text, doc_id="doc"), tolerate_no_table=True).extraction is None
    record, review = run(server, tmp_path, text, answer_for(VALUES))
    assert server.calls == 1 and record["stages"]["model"]["status"] == "ok"
    assert not [p for p in ALL_PATHS if record["provenance"][p]["status"] == "proven" and p != "agency"
                and p != "year"]                                        # nothing printed: nothing proven


def test_without_a_model_such_a_document_is_still_refused_as_not_a_report(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text("测试区2021年政府信息公开工作年度报告\n\n表格见附件。\n", encoding="utf-8")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", llm="never")
    assert summary.failed == 1 and summary.failures[0]["type"] == "NotAReportError"


def test_a_text_printing_the_tables_in_a_layout_no_cell_reads_in_is_refused_as_such_not_as_no_report(tmp_path):
    """pdfminer's text of some word-processor PDFs: the headings and labels, the numbers in blocks apart."""
    text = ("测试区2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\n行政规范性文件\n"
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(text, encoding="utf-8")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", llm="never")
    [failure] = summary.failures
    assert failure["type"] == "UnreadableTablesError" and "were found" in failure["error"]
    assert "pdftotext -layout" in failure["error"] and "not an annual report" not in failure["error"]


def test_an_ungrounded_model_value_is_never_proven_even_when_the_identities_hold(server, tmp_path):
    values = dict(VALUES)   # 表二 has no identity: a value the text does not print stays a candidate
    record, review = run(server, tmp_path, one_line_dump(values),
                         answer_for(values, active_disclosure__licensing=3151))
    assert record["provenance"]["active_disclosure.licensing"]["status"] != "proven"
    assert record["provenance"]["active_disclosure.licensing"]["grounding"]["status"] == "not_found"
    assert record["provenance"]["active_disclosure.punishment"]["status"] == "proven"


def test_a_models_blank_for_a_cell_the_text_lost_is_never_proven(server, tmp_path):
    """PDF text prints nothing for a blank cell and nothing for a lost one: a model's null there is a
    candidate, not a reading (the model dropped the cell; the truth is 0)."""
    values = dict(VALUES)
    path = "applications.carried_over.social_org"
    assert values[path] == 0
    text = render(Report.from_values("d", values), "pdftext")
    lines = text.split("\n")
    i = next(k for k, line in enumerate(lines) if "上年结转" in line)
    cells = lines[i].split()
    lines[i] = " ".join(cells[:4] + cells[5:])          # the social_org cell lost in the text
    record, _ = run(server, tmp_path, "\n".join(lines), answer_for(values, applications__carried_over__social_org=None))
    assert record["provenance"][path]["status"] != "proven"
