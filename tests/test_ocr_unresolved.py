"""verify/ocrdispute.py: over OCR text the identities decide nothing between the reader and the model.

tesseract over a ruled table prints the cells between rule bars and reads a rule now and then as a ``1`` or an ``I``
glued to a cell. Here it did so to 一、本年新收's 自然人 (1 printed ``1I``) and to the row's total (5 printed ``I5``):
the reader reads 11 and 15, and the row still adds up. It also read 4.保护第三方合法权益's total 1 as ``11`` (the row
breaks), read 1.本机关不掌握相关政府信息's 3 as 8 (another break: no one misprint explains both), and turned the rows
that check the columns (（七）总计, 四、结转下年度继续办理) into noise. With the row sums the
only identities left, a model one column off in 一、 lost to the misread (11 and 15 kept), and a model that swapped
4.保护第三方合法权益 with 1.属于国家秘密 (a row of zeros) won over the printed 1. Neither may be resolved."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from tests.fakeopenai import answer_for, report_rows, sample_values
from verify.settle import settle

T3 = "applications"
VALUES = sample_values() | {f"{T3}.new_received.natural_person": 1, f"{T3}.new_received.total": 5,
                            f"{T3}.carried_over.natural_person": 12, f"{T3}.carried_over.total": 12}
NEW = [f"{T3}.new_received.{c}" for c in
       ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
THIRD, SECRET = f"{T3}.denied_third_party", f"{T3}.denied_state_secret"
GLUED = {("一、本年新收政府信息公开申请数量", 0): "1I", ("一、本年新收政府信息公开申请数量", 6): "I5",
         ("4.保护第三方合法权益", 6): "11", ("（四）无法提供 1.本机关不掌握相关政府信息", 0): "8"}
NOISE = {"（七）总计": "本本大桥硬本汪汪本有", "四、结转下年度继续办理": "可本大本国医天本是大本"}


def ocr_text(values: dict) -> str:
    """The report as tesseract prints a ruled table: cells between bars, zeros read as O here and there."""
    out = []
    for label, cells in report_rows(values):
        if cells is None:
            out.append(label)
        elif label in NOISE:
            out.append(NOISE[label])
        else:
            shown = [GLUED.get((label, k), "O" if c == "0" and k == 2 else c) for k, c in enumerate(cells)]
            out.append(f"{label} | " + " | ".join(shown) + " |")
    return "\n".join(out)


DOC = Document.from_text(ocr_text(VALUES), doc_id="d")


def model(**changes):
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "d", {"model": "m"})


def test_the_reader_reads_the_misread_row_as_adding_up():
    reading = extract_regex(DOC)
    assert [reading.reading(p).value for p in NEW] == [11, 2, 0, 0, 1, 1, 15]


def test_a_model_one_column_off_is_not_beaten_by_a_misread_that_adds_up():
    shifted = model(**{p.replace(".", "__"): v for p, v in zip(NEW, [0, 1, 2, 0, 0, 1, 1])})
    record = settle(extract_regex(DOC), shifted, [], (), DOC.lines)
    for p in (NEW[0], NEW[6]):
        prov = record.provenance[p]
        assert prov.status is Status.DISPUTED and {"XCHECK.DISPUTED", "XCHECK.OCR_UNRESOLVED"} <= set(prov.rules), p
        assert prov.candidates == {"regex": 11 if p == NEW[0] else 15, "model": 0 if p == NEW[0] else 1}
    assert not [p for p, v in record.provenance.items() if v.status is Status.RESOLVED]


def test_a_model_that_swapped_two_rows_does_not_win_over_a_misread_total():
    swapped = model(**{f"{THIRD}.natural_person".replace(".", "__"): 0, f"{THIRD}.total".replace(".", "__"): 0,
                       f"{SECRET}.natural_person".replace(".", "__"): 1, f"{SECRET}.total".replace(".", "__"): 1})
    record = settle(extract_regex(DOC), swapped, [], (), DOC.lines)
    for p in (f"{THIRD}.natural_person", f"{THIRD}.total", f"{SECRET}.natural_person", f"{SECRET}.total"):
        assert record.provenance[p].status not in (Status.PROVEN, Status.RESOLVED), p
    assert record.provenance[f"{THIRD}.total"].status is Status.DISPUTED


def test_a_perfect_model_leaves_the_misread_row_disputed_and_proves_what_both_read_alike():
    record = settle(extract_regex(DOC), model(), [], (), DOC.lines)
    assert record.provenance[NEW[0]].status is Status.DISPUTED
    assert record.provenance[f"{T3}.granted.natural_person"].status is Status.PROVEN
    assert record.report.get(f"{T3}.granted.natural_person") == 5

