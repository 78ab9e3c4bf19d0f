"""表三 labels misprinted beyond the form's one-typo tolerance (OCR'd text, a badly typed table), read by a model.

The model's cells for such a row are grounded at the row's place in the form's order, between rows whose labels
the form's patterns do name (verify/roworder.py), when the count of rows of numbers there leaves no doubt; a
perfect answer is then used, a wrong one never.
"""

from __future__ import annotations

import re

from llm_extract.form import FORM
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from tests.fakeopenai import answer_for, by_doc, report_text, sample_values
from tests.test_model_pipeline import settings
from verify.grounding import EXACT, NOT_FOUND, ground
from verify.roworder import place_by_order

VALUES = sample_values()
COLS = FORM.table3_column_keys
#: two or more characters misprinted in each (OCR's 已 for 以, 幵 for 开, 笫 for 第, 杌 for 机, 捏 for 握)
MISPRINTS = {"（一）予以公开": "（一）予已公幵", "（二）部分公开": "（二）部份公幵",
             "4.保护第三方合法权益": "4.保护笫三方合沄权益",
             "（四）无法提供 1.本机关不掌握相关政府信息": "（四）无法提供 1.本杌关不掌捏相关政府信息"}
ROWS = ("granted", "partially_granted", "denied_third_party", "unavailable_not_held")


def misprinted(text: str) -> str:
    for label, typo in MISPRINTS.items():
        assert label + "\t" in text
        text = text.replace(label + "\t", typo + "\t")
    return text


def cells(row: str) -> list[str]:
    return [f"applications.{row}.{c}" for c in COLS]


def test_a_perfect_answer_for_rows_with_misprinted_labels_is_grounded_at_their_place_and_proven(server, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.txt").write_text(misprinted(report_text(VALUES)), encoding="utf-8")
    server.responder = by_doc({"scan": answer_for(VALUES)})
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    prov = read_json(tmp_path / "out" / "records" / "scan.json")["provenance"]
    for row in ROWS:
        for p in cells(row):
            assert prov[p]["status"] == "proven", p
            assert prov[p]["grounding"]["status"] == "exact" and "form's order" in prov[p]["grounding"]["note"]
    assert prov["applications.granted.natural_person"]["grounding"]["label"] == "(一)予已公幵"


def test_two_rows_with_misprinted_labels_swapped_by_the_model_are_never_proven(server, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.txt").write_text(misprinted(report_text(VALUES)), encoding="utf-8")
    swapped = {p.replace(".", "__"): VALUES[p.replace("granted", "partially_granted", 1)] for p in cells("granted")}
    swapped |= {p.replace(".", "__"): VALUES[p.replace("partially_granted", "granted")]
                for p in cells("partially_granted")}
    server.responder = by_doc({"scan": answer_for(VALUES, **swapped)})
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    record = read_json(tmp_path / "out" / "records" / "scan.json")
    for row in ("granted", "partially_granted"):
        for p, c in zip(cells(row), COLS):
            if VALUES[p] != VALUES[p.replace(row, "partially_granted" if row == "granted" else "granted", 1)]:
                assert record["provenance"][p]["status"] != "proven", p


def test_a_row_of_numbers_more_or_less_than_the_form_has_there_places_nothing_in_that_stretch():
    text = misprinted(report_text(VALUES))
    values = {p: VALUES[p] for p in cells("granted")}
    assert {g.status for g in ground(values, text.split("\n")).values()} == {EXACT}
    # a page footer with a number between the rows above and the misprinted one: one row of numbers too many
    footer = text.replace("（一）予已公幵\t", "第 2 页\n（一）予已公幵\t")
    assert {g.status for g in ground(values, footer.split("\n")).values()} == {NOT_FOUND}
    # the row (二) not printed at all: one too few between the anchors
    lost = re.sub(r"（二）部份公幵\t[^\n]*\n", "", text)
    assert {g.status for g in ground(values, lost.split("\n")).values()} == {NOT_FOUND}


def test_rows_named_out_of_the_forms_order_place_nothing():
    patterns = [re.compile(w) for w in ("甲", "乙", "丙", "丁")]
    assert place_by_order(["甲", "某", "丙", "丁"], [True] * 4, patterns) == {1: 1}
    assert place_by_order(["甲", "丙", "某", "丁"], [True] * 4, patterns) == {}        # 丙 at 乙's place: one short
    assert place_by_order(["丙", "某", "甲", "丁"], [True] * 4, patterns) == {}        # 丙 before 甲
    # a label of its own line without numbers (a group label) is the start of the next row's label
    assert place_by_order(["某组", "甲", "某", "丙", "丁"], [False, True, True, True, True], patterns) == {1: 2}


def test_a_misprinted_row_of_a_crawlers_glued_dump_is_its_digit_run_at_its_place():
    lines = misprinted(report_text(VALUES)).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    glued = lines[:start] + ["".join(lines[start:end]).replace("\t", "").replace(" ", "")] + lines[end:]
    assert "(一)予已公幵" not in glued[start] and "（一）予已公幵510000" in glued[start]
    values = {p: VALUES[p] for p in cells("granted")}
    assert {g.status for g in ground(values, glued).values()} == {"digit_run"}
    assert {g.status for g in ground(values, lines[:start] + ["".join(lines[start:end])] + lines[end:]).values()} \
        == {EXACT}
