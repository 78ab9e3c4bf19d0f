"""A 表三 row printed with two cells run together (a separator lost: ``00`` for 0, 0; ``02`` for 0, 2).

No count is written with a leading zero, so a token that starts with 0 is cells run together: each leading 0
a cell of 0, the rest one number. Where that fills the row's seven cells exactly, it is the only reading the
tokens have (every other has more cells, and a lost cell would leave one fewer than the tokens already show):
the row is read as printed and the identities check it like any row. A token without a leading zero (``20``)
may be one cell or two: the identities choose among the readings, and what they pin is derived, never proven.
"""

import re
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

ROW = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
SECRET = "1.属于国家秘密   0  0      0   0      0 0  0"
NOT_HELD = "1.本机关不掌握相关政府信息      2    0      0     0   0     0  2"


def _record(text: str, *changes: tuple[str, str]):
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    return process_document(Document.from_text(text, doc_id="run-together"))


def _pdftext(golden_dir: Path) -> str:
    """The bundled report golden 002 as pdftotext -layout prints it (numbers parted by runs of spaces)."""
    return render(Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json")), "pdftext")


def _row(record, row: str) -> list[tuple[object, Status]]:
    return [(record.report.get(f"applications.{row}.{c}"), record.provenance[f"applications.{row}.{c}"].status)
            for c in ROW]


def test_a_token_with_a_leading_zero_is_cells_run_together_and_the_row_is_read_as_printed(golden_dir) -> None:
    record = _record(_pdftext(golden_dir),
                     (SECRET, "1.属于国家秘密   00      0   0      0 0  0"),
                     (NOT_HELD, "1.本机关不掌握相关政府信息      2    0      0     0   0     02"))
    assert _row(record, "denied_state_secret") == [(0, Status.PROVEN)] * 7
    assert _row(record, "unavailable_not_held") == [(2, Status.PROVEN)] + [(0, Status.PROVEN)] * 5 + [(2, Status.PROVEN)]


def test_a_token_without_a_leading_zero_is_one_cell_or_two_and_never_proven_so(golden_dir) -> None:
    # 20: 2 and 0 run together, or 20 beside a lost cell; the identities pick 2, 0: derived
    record = _record(_pdftext(golden_dir), (NOT_HELD, "1.本机关不掌握相关政府信息      20      0     0   0     0  2"))
    assert [v for v, _ in _row(record, "unavailable_not_held")] == [2, 0, 0, 0, 0, 0, 2]
    assert Status.PROVEN not in {s for _, s in _row(record, "unavailable_not_held")}


def test_a_run_together_token_beside_an_empty_field_is_never_proven(golden_dir) -> None:
    # a tab row of six tokens and an empty field: 00 is two cells and the field a lost tab, or 00 a doubled 0
    # beside an empty cell; both readings survive
    text = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8")
    record = _record(text, ("1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0", "1.属于国家秘密\t00\t0\t0\t0\t0\t0"))
    assert Status.PROVEN not in {s for _, s in _row(record, "denied_state_secret")}


def test_in_ocr_text_cells_run_together_are_never_proven(golden_dir) -> None:
    # OCR letters for digits in several cells (O for 0): the engine may as well have doubled a 0 beside an
    # empty cell it dropped, and a blank read as 0 breaks no identity
    record = _record(_pdftext(golden_dir),
                     (SECRET, "1.属于国家秘密   00      0   0      0 0  0"),
                     ("规章   0     0    0", "规章   O     O    O"))
    assert {s for _, s in _row(record, "denied_state_secret")} == {Status.UNVERIFIED}
    assert "READ.OCR_RUN_TOGETHER" in record.provenance["applications.denied_state_secret.total"].rules
    # and where the OCR letters stand in 表三 itself, the row's readings are the identities' to choose among
    record = _record(_pdftext(golden_dir),
                     (SECRET, "1.属于国家秘密   00      0   0      0 0  0"),
                     ("3.危及“三安全一稳定” 0   0     0    0 0   0     0", "3.危及“三安全一稳定” O   O     O    0 0   0     0"))
    assert Status.PROVEN not in {s for _, s in _row(record, "denied_state_secret")}


def test_in_a_text_ingest_found_to_be_ocr_output_cells_run_together_are_never_proven(golden_dir) -> None:
    # spaces between the Chinese characters: an OCR engine's text (INGEST.OCR_SPACING), letters or not
    text = _pdftext(golden_dir).replace(SECRET, "1.属于国家秘密   00      0   0      0 0  0")
    record = _record(re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", text))
    assert "INGEST.OCR_SPACING" in {f.code for f in record.findings}
    assert [s for _, s in _row(record, "denied_state_secret")] == [Status.UNVERIFIED] * 7


def test_a_model_reading_the_same_ocr_text_proves_no_cells_run_together(golden_dir) -> None:
    from llm_extract.model.answer import ModelAnswer, answer_from_report, to_extraction
    from llm_extract.settling import read_document

    truth = Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json"))
    text = _pdftext(golden_dir).replace(SECRET, "1.属于国家秘密   00      0   0      0 0  0")
    reading = read_document(Document.from_text(text.replace("规章   0     0    0", "规章   O     O    O"), doc_id="m"))
    answer = to_extraction(ModelAnswer.model_validate(answer_from_report(truth)), "m", {"model": "scripted"})
    record = reading.with_model_result(answer, {"status": "ok"}, reading.record())
    assert [s for _, s in _row(record, "denied_state_secret")] == [Status.UNVERIFIED] * 7
