"""Blank cells printed as nothing (PDF text) leave their places unsaid (verify/cellmatch.py, verify/lostcell.py):
``（一）予以公开 5 1 6`` and ``（二）部分公开 5 1 6`` may be 5 1 — — — — 6 and 5 — 1 — — — 6 or the other way round, and
a model that swaps the two rows keeps every identity. Nothing of theirs may be proven where the model puts it."""

from __future__ import annotations

from typing import Any

from llm_extract.evidence import TRUSTED_STATUSES
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, answer_from_report, to_extraction
from llm_extract.schema import APPLICANT_COLUMNS, OUTCOME_ROWS, Report
from llm_extract.settling import read_document
from tests.fakeopenai import report_text, sample_values

COLS = list(APPLICANT_COLUMNS)


def _row(values: dict[str, Any], row: str, cells: list[Any]) -> None:
    values.update({f"applications.{row}.{c}": v for c, v in zip(COLS, cells)})


def truth() -> dict[str, Any]:
    v = sample_values()
    _row(v, "granted", [5, 1, None, None, None, None, 6])
    _row(v, "partially_granted", [5, None, 1, None, None, None, 6])
    for c in COLS[:6]:                   # the balance kept: 一 = 总计 + 四 − 二
        v[f"applications.total_processed.{c}"] = sum(v[f"applications.{r}.{c}"] or 0 for r in OUTCOME_ROWS)
        v[f"applications.new_received.{c}"] = (v[f"applications.total_processed.{c}"]
                                              + v[f"applications.carried_forward.{c}"] - v[f"applications.carried_over.{c}"])
    for r in ("total_processed", "new_received"):
        v[f"applications.{r}.total"] = sum(v[f"applications.{r}.{c}"] for c in COLS[:6])
    return v


def pdf_text(values: dict[str, Any]) -> str:
    """The report as PDF text: cells apart by spaces, a blank cell printed as nothing."""
    return "\n".join(line.replace("\t/", "").replace("\t", " ") for line in report_text(values).split("\n"))


def settle(values: dict[str, Any], answer: dict[str, Any]):
    reading = read_document(Document.from_text(pdf_text(values), doc_id="t"), tolerate_no_table=True)
    deterministic = reading.record()
    model = to_extraction(ModelAnswer.model_validate(answer_from_report(Report.from_values("t", answer))), "t",
                          {"model": "scripted"})
    return reading.with_model_result(model, {"status": "ok"}, deterministic)


def test_the_two_rows_print_the_same_numbers():
    text = pdf_text(truth())
    assert "（一）予以公开 5 1 6" in text and "（二）部分公开 5 1 6" in text


def test_a_model_swapping_two_rows_that_differ_only_in_their_blanks_places_is_not_trusted():
    values = truth()
    swapped = dict(values)
    _row(swapped, "granted", [5, None, 1, None, None, None, 6])
    _row(swapped, "partially_granted", [5, 1, None, None, None, None, 6])
    record = settle(values, swapped)
    wrong = [p for p in values if p.startswith("applications.") and record.report.get(p) != values[p]
             and record.provenance[p].status in TRUSTED_STATUSES]
    assert wrong == []


def test_only_rows_of_one_swap_group_printing_the_same_numbers_are_doubted_where_the_model_places_them_apart():
    from verify.blanktwins import twin_doubts
    five_one = ["5", "1", "6"]
    cells = {2: [5, 1, None, None, None, None, 6], 3: [5, None, 1, None, None, None, 6],
             23: [5, None, 1, None, None, None, 6]}        # (七)总计 trades places with no row
    assert twin_doubts({2: five_one, 3: five_one, 23: five_one}, cells) == {2: {1, 2}, 3: {1, 2}}
    assert twin_doubts({2: five_one, 3: ["5", "1", "7"]}, cells) == {}
    assert twin_doubts({2: five_one, 3: five_one}, {2: cells[2], 3: cells[2]}) == {}


def marked_text(values: dict[str, Any], split: tuple[str, ...] = ()) -> str:
    """The report as a crawler's text: cells apart by spaces, every blank cell printed as 无; the rows ``split``
    broken after their label and after their third cell."""
    out = []
    for line in report_text(values).split("\n"):
        cells = line.replace("/", "无").split("\t")
        if len(cells) == 8 and any(label in cells[0] for label in split):
            out += [cells[0], " ".join(cells[1:4]), " ".join(cells[4:])]
        else:
            out.append(" ".join(cells))
    return "\n".join(out)


def test_rows_that_mark_every_blank_have_no_twin_their_marks_say_where_the_blanks_are():
    from verify.grounding import EXACT, NOT_FOUND, ground
    values = truth()
    text = marked_text(values)
    assert "（一）予以公开 5 1 无 无 无 无 6" in text and "（二）部分公开 5 无 1 无 无 无 6" in text
    g = ground(values, text.split("\n"))
    assert {g[f"applications.{r}.{c}"].status for r in ("granted", "partially_granted") for c in COLS} == {EXACT}
    assert g["applications.granted.research"].blank_marked                  # the model's blank, marked where it says
    assert not ground(values, pdf_text(values).split("\n"))["applications.granted.research"].blank_marked
    swapped = dict(values)
    _row(swapped, "granted", [5, None, 1, None, None, None, 6])
    _row(swapped, "partially_granted", [5, 1, None, None, None, None, 6])
    g = ground(swapped, text.split("\n"))
    assert g["applications.granted.commercial"].status == NOT_FOUND
    assert g["applications.partially_granted.research"].status == NOT_FOUND


def test_a_models_blank_its_row_marks_is_proven_like_its_numbers_and_a_wrong_placing_is_not():
    # （三）不予公开 1.属于国家秘密 broken over three lines, ``0 0 无`` / ``无 0 0 0``: the reader pins the row by the
    # identities (0 for the blanks); the model's row is found where the marks say, its blanks included
    values = truth()
    _row(values, "denied_state_secret", [0, 0, None, None, 0, 0, 0])
    text = marked_text(values, ("属于国家秘密",))
    assert "0 0 无\n无 0 0 0" in text
    reading = read_document(Document.from_text(text, doc_id="t"), tolerate_no_table=True)

    def settled(answer: dict[str, Any]):
        model = to_extraction(ModelAnswer.model_validate(answer_from_report(Report.from_values("t", answer))), "t",
                              {"model": "scripted"})
        return reading.with_model_result(model, {"status": "ok"}, reading.record())

    record = settled(values)
    for c in ("research", "social_org"):
        assert record.report.get(f"applications.denied_state_secret.{c}") is None
        assert record.provenance[f"applications.denied_state_secret.{c}"].status in TRUSTED_STATUSES
    for wrong_answer in ({"applications.denied_state_secret.research": 0},
                         {"applications.denied_state_secret.commercial": None},
                         {"applications.denied_state_secret.research": 0, "applications.denied_state_secret.commercial": None}):
        record = settled(dict(values, **wrong_answer))
        wrong = [p for p in values if p.startswith("applications.") and record.report.get(p) != values[p]
                 and record.provenance[p].status in TRUSTED_STATUSES]
        assert wrong == []


def test_the_labels_trailing_comma_left_before_a_marked_row_is_no_cell():
    # 1.申请人无正当理由逾期不补正、 / 行政机关不再处理… broken after its 、 with the cells on the first line
    from verify.grounding import EXACT, ground
    values = truth()
    _row(values, "other_no_correction", [0, 0, None, None, 0, 0, 0])
    text = marked_text(values).replace("（六）其他处理 1.申请人无正当理由逾期不补正 ",
                                       "（六）其他处理\n1.申请人无正当理由逾期不补正、 ")
    assert "1.申请人无正当理由逾期不补正、 0 0 无 无 0 0 0" in text
    g = ground(values, text.split("\n"))
    assert {g[f"applications.other_no_correction.{c}"].status for c in COLS} == {EXACT}
    assert not g["applications.other_no_correction.natural_person"].zero_or_blank   # its marks say where the blanks are
