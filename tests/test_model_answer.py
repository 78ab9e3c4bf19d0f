"""The schema the model fills, its conversion to an Extraction, and the versioned prompts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from llm_extract.evidence import CellKind
from llm_extract.ingest import Document
from llm_extract.model import ModelAnswer, build_messages, load_prompts, to_extraction
from llm_extract.model.prompts import document_excerpt
from tests.fakeopenai import answer_for, report_text, sample_values

VALUES = sample_values()


def answer(**changes) -> dict:
    return answer_for(VALUES, **changes)


def test_table3_rows_may_be_named_by_key_or_by_their_printed_label():
    data = answer()
    data["table3"][2]["row"] = "（一）予以公开"
    data["table3"][23]["row"] = "(七)总计"
    data["table3"][24]["row"] = "四、结转下年度继续办理"
    parsed = ModelAnswer.model_validate(data)
    assert [r.row for r in parsed.table3][2::21] == ["granted", "total_processed"]
    assert parsed.table3[24].row == "carried_forward"


def test_an_unknown_row_or_a_repeated_row_fails_validation_so_the_model_is_reasked():
    data = answer()
    data["table3"][0]["row"] = "备注"
    with pytest.raises(ValidationError, match="unknown 表三 row"):
        ModelAnswer.model_validate(data)
    data = answer()
    data["table3"][3]["row"] = "granted"
    with pytest.raises(ValidationError, match="given twice"):
        ModelAnswer.model_validate(data)


@pytest.mark.parametrize("given, value", [
    (12, 12), ("12", 12), ("１２", 12), ("1,234", 1234), ("3件", 3), (4.0, 4),
    (None, None), ("", None), ("/", None), ("—", None), ("无", None),
])
def test_counts_are_read_as_printed_and_placeholders_are_null(given, value):
    data = answer()
    data["table3"][0]["cells"][0] = given
    assert ModelAnswer.model_validate(data).table3[0].cell("natural_person") == value


@pytest.mark.parametrize("given", [-1, "five", 2.5, True])
def test_values_that_are_not_counts_fail_validation(given):
    data = answer()
    data["table4"][0]["upheld"] = given
    with pytest.raises(ValidationError):
        ModelAnswer.model_validate(data)


@pytest.mark.parametrize("given", [94.0121, "94.0121", "94.0121万元"])
def test_the_fee_keeps_its_decimals_exactly(given):
    data = answer()
    data["table2"]["fees_10k_yuan"] = given
    assert ModelAnswer.model_validate(data).table2.fees_10k_yuan == Decimal("94.0121")


@pytest.mark.parametrize("given", ["1e999999999", "1E+16", "1e-999999999", "0e-999999999", "-3", "NaN", "sNaN"])
def test_a_fee_no_report_prints_fails_validation_so_the_model_is_reasked(given):
    # an exponent of a billion, accepted, took the run down writing its digits out
    data = answer()
    data["table2"]["fees_10k_yuan"] = given
    with pytest.raises(ValidationError, match="not an amount"):
        ModelAnswer.model_validate(data)


@pytest.mark.parametrize("given, value", [("0.0000", Decimal("0")), ("123456789012345.5", Decimal("123456789012345.5")),
                                          ("1.5e2", Decimal("150")), (0, Decimal("0"))])
def test_a_fee_of_any_size_a_report_prints_is_kept(given, value):
    data = answer()
    data["table2"]["fees_10k_yuan"] = given
    assert ModelAnswer.model_validate(data).table2.fees_10k_yuan == value


def test_the_extraction_keeps_the_model_values_with_their_kinds_and_raw_text():
    data = answer()
    data["table3"][0]["cells"][2] = None
    ex = to_extraction(ModelAnswer.model_validate(data), "d", {"model": "m", "prompt_version": "v1"})
    assert ex.extractor == "model" and ex.meta["model"] == "m"
    nr = "applications.new_received"
    assert (ex.reading(f"{nr}.natural_person").kind, ex.reading(f"{nr}.natural_person").raw) == (CellKind.NUMBER, "11")
    assert ex.reading(f"{nr}.commercial").value == 2
    assert (ex.reading(f"{nr}.research").kind, ex.reading(f"{nr}.research").value) == (CellKind.BLANK, None)
    assert ex.reading(f"{nr}.social_org").kind == CellKind.ZERO
    assert ex.reading("active_disclosure.fees_10k_yuan").value == Decimal("1.5")
    assert ex.reading("agency").value == "测试市测试区人民政府"


def test_a_row_is_seven_cells_in_the_form_order_and_keyed_cells_are_read_too():
    data = answer()
    assert data["table3"][2] == {"row": "granted", "cells": [5, 1, 0, 0, 0, 0, 6]}     # the compact form
    data["table3"][2] = {"row": "granted", "natural_person": 5, "commercial": 1, "research": 0, "social_org": 0,
                         "legal_service": 0, "total": 6}                         # other_org not given: blank
    assert ModelAnswer.model_validate(data).table3[2].cells == [5, 1, 0, 0, 0, None, 6]
    data["table3"][2] = {"row": "granted", "cells": [5, 1, 0, 0, 0, 6]}
    with pytest.raises(ValidationError, match="give 7 cells"):
        ModelAnswer.model_validate(data)


def test_rows_and_tables_the_model_did_not_give_are_missing_not_blank():
    data = answer()
    data["table3"] = data["table3"][:-1]
    data["table2"] = None
    ex = to_extraction(ModelAnswer.model_validate(data), "d")
    assert ex.reading("applications.carried_forward.total").missing
    assert ex.reading("active_disclosure.licensing").missing
    assert any("24 of 25" in w for w in ex.warnings)


def test_prompts_are_versioned_files_whose_front_matter_is_not_sent():
    prompts = load_prompts("v1")
    assert prompts.version == "v1" and len(prompts.hash) == 12
    assert not prompts.system.startswith("---") and "只抄录" in prompts.system
    messages = build_messages(Document.from_text(report_text(VALUES), doc_id="d1"), prompts)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "$tables" not in messages[1]["content"] and "d1" in messages[1]["content"]


def test_editing_a_template_changes_the_prompt_hash(tmp_path):
    for text in ("first", "second"):
        folder = tmp_path / text / "v9"
        folder.mkdir(parents=True)
        (folder / "system.md").write_text(f"---\nversion: v9\n---\n{text}\n", encoding="utf-8")
        (folder / "user.md").write_text("$tables\n", encoding="utf-8")
    assert load_prompts("v9", tmp_path / "first").hash != load_prompts("v9", tmp_path / "second").hash


def test_the_excerpt_is_the_table_regions_or_the_whole_text_when_a_table_is_not_found():
    doc = Document.from_text(report_text(VALUES), doc_id="d")
    title, tables, regions = document_excerpt(doc)
    assert set(regions) == {"表二", "表三", "表四"} and "年度报告" in title
    assert len(tables) < len(doc.text)
    no_tables = Document.from_text("某某局2021年政府信息公开工作年度报告\n\n本年度无数据。\n", doc_id="x")
    assert "本年度无数据" in document_excerpt(no_tables)[1]
