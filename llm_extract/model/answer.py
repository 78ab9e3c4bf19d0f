"""The schema the model fills, and its conversion into an :class:`~llm_extract.evidence.Extraction`.

表三 is asked for row by row, in the compact row form: a list of objects ``{row, cells}``,
``row`` being the row key (``granted``) or, leniently, the row's printed label
(``（一）予以公开``), and ``cells`` the row's seven cells in the form's column order
(自然人 … 总计). A model fills such a list more reliably than a 25 × 7 nested object, and
writes half the output tokens of keyed cells (measured: ~1,450 vs ~2,880 per report,
estimated as characters / 1.5). A row given with keyed cells (``natural_person`` …) is read too.
Values that cannot be numbers fail validation, and instructor re-asks with the error.

Conversion keeps the model's values exactly (the model's value may differ from the
regex's: arbitration in ``verify.crosscheck`` decides, never this module).
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from ..evidence import CellKind, Extraction, Reading
from ..form import FORM
from ..schema import ALL_PATHS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Report

__all__ = ["ANSWER_SCHEMA_VERSION", "ModelAnswer", "Table2", "Table3Row", "Table4Group", "StockCounts",
           "to_extraction", "answer_from_report", "EXTRACTOR_NAME"]

ANSWER_SCHEMA_VERSION = "answer-2"      # answer-2: 表三 rows as {row, cells: [7]}
EXTRACTOR_NAME = "model"

_PLACEHOLDERS = {"", "/", "-", "—", "——", "–", "－", "无", "空", "不适用", "null", "none", "n/a", "\\"}
_GROUP_ALIASES = {"行政复议": "administrative_review", "未经复议直接起诉": "litigation_direct",
                  "直接起诉": "litigation_direct", "复议后起诉": "litigation_after_review"}


def _clean_text(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().replace(",", "").replace(" ", "")


def _count(value: Any) -> int | None:
    """A count cell: an int, a numeric string, or null for a blank / placeholder."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a count must be a number or null, not true/false")
    if isinstance(value, float):
        if value != int(value):
            raise ValueError(f"{value} is not a whole number")
        value = int(value)
    if isinstance(value, str):
        text = _clean_text(value)
        if text.lower() in _PLACEHOLDERS:
            return None
        m = re.fullmatch(r"(\d+)(?:件|个|条|项|次)?(?:\(.*\))?", text)
        if not m:
            raise ValueError(f"{value!r} is not a count: give the number as printed, or null for a blank cell")
        value = int(m.group(1))
    if not isinstance(value, int):
        raise ValueError("a count must be a number or null")
    if value < 0:
        raise ValueError(f"{value}: counts are never negative")
    return value


_AMOUNT_DIGITS = 15          # digits before (or after) the point of any fee a report prints, and more


def _amount(value: Any) -> Decimal | None:
    """The fee in 万元: a decimal as printed (94.0121), or null."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("the fee must be a number or null")
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        text = _clean_text(value).removesuffix("万元")
        if text.lower() in _PLACEHOLDERS:
            return None
        value = text
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not an amount in 万元") from None
    if not amount.is_finite() or amount < 0:          # (NaN first: comparing it raises, it is no ValueError)
        raise ValueError(f"{value!r} is not an amount in 万元")
    # an exponent no printed fee has ('1e999999999'): written out, it would take gigabytes and hang the run
    exponent = amount.as_tuple().exponent
    if amount.adjusted() > _AMOUNT_DIGITS or (amount and amount.adjusted() < -_AMOUNT_DIGITS) or \
            (isinstance(exponent, int) and exponent < -2 * _AMOUNT_DIGITS):
        raise ValueError(f"{value!r} is not an amount in 万元 as printed: give the digits, not an exponent")
    return amount


Count = Annotated[int | None, BeforeValidator(_count)]
Amount = Annotated[Decimal | None, BeforeValidator(_amount)]


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore")


class StockCounts(_Answer):
    issued: Count = Field(None, description="本年制发件数")
    repealed: Count = Field(None, description="本年废止件数")
    in_force: Count = Field(None, description="现行有效件数")


class Table2(_Answer):
    """表二 主动公开政府信息情况."""

    regulations: StockCounts = Field(default_factory=StockCounts, description="规章")
    normative_documents: StockCounts = Field(default_factory=StockCounts, description="行政规范性文件")
    licensing: Count = Field(None, description="行政许可 本年处理决定数量")
    punishment: Count = Field(None, description="行政处罚 本年处理决定数量")
    enforcement: Count = Field(None, description="行政强制 本年处理决定数量")
    fees_10k_yuan: Amount = Field(None, description="行政事业性收费 本年收费金额（万元）")


_LABEL_NOISE = re.compile(r"[\s\"'“”‘’「」『』]")
_ITEM_NO = re.compile(r"^(?:[(\[]?[一二三四五六七八九十]+[)\]、.]?|[(\[]?\d{1,2}[)\].、])+")


def _row_key(value: str) -> str:
    """A row key, or the row whose printed label (the form's pattern) the text is."""
    text = value.strip()
    if text in APPLICATION_ROWS:
        return text
    key = _LABEL_NOISE.sub("", unicodedata.normalize("NFKC", text))
    for row in FORM.table3_rows:
        if row.pattern.search(key) or row.pattern.search(_ITEM_NO.sub("", key)):
            return row.key
    raise ValueError(f"unknown 表三 row {value!r}: use one of {', '.join(APPLICATION_ROWS)}")


_COLUMNS = FORM.table3_column_keys


class Table3Row(_Answer):
    """One 表三 row: the row key, its printed label, and its seven cells in the form's column order."""

    row: str = Field(description="row key, one of: " + ", ".join(APPLICATION_ROWS))
    label: str | None = Field(None, description="the row's label as printed")
    cells: list[Count] = Field(description="the seven cells in order: " + ", ".join(
        f"{c.key} {c.label}" for c in FORM.table3_columns) + "; null for a blank cell")

    @model_validator(mode="before")
    @classmethod
    def _keyed_cells(cls, data: Any) -> Any:
        """A row given with keyed cells (``natural_person``: 5, …) is the same row."""
        if isinstance(data, dict) and "cells" not in data and any(c in data for c in _COLUMNS):
            data = {k: v for k, v in data.items() if k not in _COLUMNS} | {"cells": [data.get(c) for c in _COLUMNS]}
        return data

    @field_validator("cells")
    @classmethod
    def _seven(cls, value: list[Any]) -> list[Any]:
        if len(value) != len(_COLUMNS):
            raise ValueError(f"give {len(_COLUMNS)} cells ({', '.join(_COLUMNS)}), not {len(value)}: "
                             "null for a blank cell")
        return value

    def cell(self, column: str) -> int | None:
        return self.cells[_COLUMNS.index(column)]

    @field_validator("row", mode="before")
    @classmethod
    def _known_row(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("row must be a row key string")
        return _row_key(value)


class Table4Group(_Answer):
    """One 表四 group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    group: str = Field(description="one of: " + ", ".join(REVIEW_GROUPS))
    upheld: Count = Field(None, description="结果维持")
    corrected: Count = Field(None, description="结果纠正")
    other: Count = Field(None, description="其他结果")
    pending: Count = Field(None, description="尚未审结")
    total: Count = Field(None, description="总计")

    @field_validator("group", mode="before")
    @classmethod
    def _known_group(cls, value: Any) -> str:
        text = str(value).strip()
        if text in REVIEW_GROUPS:
            return text
        for alias, key in _GROUP_ALIASES.items():
            if alias in text:
                return key
        raise ValueError(f"unknown 表四 group {value!r}: use one of {', '.join(REVIEW_GROUPS)}")


class ModelAnswer(_Answer):
    """A report's title facts and three tables, as the model copies them."""

    agency: str | None = Field(None, description="发布机关（报告标题中的名称，去掉空格）")
    year: int | None = Field(None, description="报告所属年度，如 2021")
    table2: Table2 | None = Field(None, description="表二；文本中没有时为 null")
    table3: list[Table3Row] = Field(default_factory=list, description="表三，逐行，按表中顺序")
    table4: list[Table4Group] = Field(default_factory=list, description="表四，三组")

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = re.search(r"20\d{2}", unicodedata.normalize("NFKC", value))
            if not m:
                raise ValueError(f"{value!r} is not a year")
            return int(m.group(0))
        return value

    @model_validator(mode="after")
    def _no_repeats(self) -> "ModelAnswer":
        rows = [r.row for r in self.table3]
        twice = sorted({r for r in rows if rows.count(r) > 1})
        if twice:
            raise ValueError(f"表三 rows given twice: {', '.join(twice)}; give each row once")
        groups = [g.group for g in self.table4]
        twice = sorted({g for g in groups if groups.count(g) > 1})
        if twice:
            raise ValueError(f"表四 groups given twice: {', '.join(twice)}; give each group once")
        return self


def _raw(value: Any) -> str:
    return json.dumps(str(value) if isinstance(value, Decimal) else value, ensure_ascii=False)


def _reading(value: Any, *, text: bool = False, note: str | None = None) -> Reading:
    if text:
        kind = CellKind.TEXT if value is not None else CellKind.MISSING
    elif value is None:
        kind = CellKind.BLANK
    else:
        kind = CellKind.ZERO if value == 0 else CellKind.NUMBER
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return Reading(value=value, kind=kind, raw=_raw(value), method=EXTRACTOR_NAME, note=note)


def _missing(note: str) -> Reading:
    return Reading(kind=CellKind.MISSING, method=EXTRACTOR_NAME, note=note)


def to_extraction(answer: ModelAnswer, doc_id: str, meta: dict[str, Any] | None = None) -> Extraction:
    """The model's answer as an Extraction (extractor ``"model"``), one Reading per field path."""
    readings: dict[str, Reading] = {}
    warnings: list[str] = []
    agency = re.sub(r"\s+", "", answer.agency) if answer.agency else None
    readings["agency"] = _reading(agency or None, text=True)
    readings["year"] = _reading(answer.year) if answer.year is not None else _missing("no year given")
    if answer.table2 is not None:
        t2 = answer.table2
        for group in ("regulations", "normative_documents"):
            for col in ("issued", "repealed", "in_force"):
                readings[f"active_disclosure.{group}.{col}"] = _reading(getattr(getattr(t2, group), col))
        for key in ("licensing", "punishment", "enforcement", "fees_10k_yuan"):
            readings[f"active_disclosure.{key}"] = _reading(getattr(t2, key))
    else:
        warnings.append("the model found no 表二")
    for row in answer.table3:
        for col in APPLICANT_COLUMNS:
            readings[f"applications.{row.row}.{col}"] = _reading(row.cell(col), note=row.label)
    given = {r.row for r in answer.table3}
    if answer.table3 and len(given) < len(APPLICATION_ROWS):
        warnings.append(f"the model gave {len(given)} of {len(APPLICATION_ROWS)} 表三 rows")
    for group in answer.table4:
        for col in REVIEW_COLUMNS:
            readings[f"review_litigation.{group.group}.{col}"] = _reading(getattr(group, col))
    for path in ALL_PATHS:
        readings.setdefault(path, _missing("the model gave no value"))
    return Extraction(doc_id=doc_id, extractor=EXTRACTOR_NAME, readings=readings, warnings=warnings,
                      meta=dict(meta or {}))


def answer_from_report(report: Report) -> dict[str, Any]:
    """The answer a perfect model would give for a report (JSON-ready): for tests and benchmarks."""
    data = report.golden_dict()
    ad = data["active_disclosure"]
    return {
        "agency": data["agency"], "year": data["year"],
        "table2": ad,
        "table3": [{"row": row, "cells": [data["applications"][row][c] for c in _COLUMNS]} for row in APPLICATION_ROWS],
        "table4": [{"group": g, **data["review_litigation"][g]} for g in REVIEW_GROUPS],
    }
