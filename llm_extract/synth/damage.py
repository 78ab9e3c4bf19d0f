"""Damage generator: a report printed in a real layout, then damaged the way real text is.

Deterministic given a seed. Every damage kind is one FORM.md describes, and
none of them turns a number into another *valid-looking* number (OCR reading 8
as 3 is not modelled: no reader could tell). The damaged document's truth is the
undamaged report: a field the damage made unreadable must come back missing or
derived, never as a wrong value marked proven.

A row takes at most one damage that changes its count of numbers (split_number,
merged_cells, dropped_cell): two of them can restore the count with every number
in the wrong place (``0 1 19`` for ``3``, ``0``, ``119`` with 3 dropped and 119
split), which no reader can tell from a clean row.

Kinds (applied to the rows of a :class:`~llm_extract.synth.render.Sheet` before printing):

    ocr_digits      0/O, 1/l/I, 5/S, 8/B inside numbers (``1O`` for 10; a lone ``O`` for 0)
    fullwidth       full-width digits (``１２``)
    thousands       thousands separators (``15,498``)
    split_number    a number split by a space (``1 0`` for 10)
    merged_cells    two neighbouring cells printed as one (``1`` and ``0`` as ``10``)
    dropped_cell    a cell lost: the row has one number too few, later cells slide left
    broken_label    a row label broken over two or three lines, numbers on the first, middle or last
    label_garbage   OCR specks inside a row label (``1.属于■国家秘密``)
    mangled_header  表三/表四 headers vertical (one character per line), generic (数据1…) or garbled
    stray_line      a line of narrative between two rows of a table
    page_break      表三 split over two pages: footer, page number, running header, header again

The ``glued`` layout (every separator lost) is a layout of :mod:`render`; only
``fullwidth`` is combined with it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ..schema import APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, Report
from .render import ALL_LAYOUTS, Row, Sheet, build, emit, page_break

__all__ = ["DAMAGE_KINDS", "Damaged", "damage", "apply_damage"]

DAMAGE_KINDS = ("ocr_digits", "fullwidth", "thousands", "split_number", "merged_cells", "dropped_cell",
                "broken_label", "label_garbage", "mangled_header", "stray_line", "page_break")

_OCR = {"0": "O", "1": "lI", "5": "S", "8": "B"}
_FULL = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
_SPECKS = "■□▪•·~_^`¦丨'"
_STRAY = ("注：本表数据来源于本机关政务公开工作台账。", "（此表由办公室统计，单位：件）", "续表",
          "说明：表中数据统计口径与上年度保持一致。")
_T4_PATHS = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]


@dataclass
class Damaged:
    """A damaged document and what was done to it; ``truth`` is the report it was printed from."""

    text: str
    layout: str
    truth: Report
    kinds: list[str] = field(default_factory=list)      # kinds actually applied
    notes: list[str] = field(default_factory=list)      # what was done where


def _paths(row: Row) -> list[str]:
    if row.key == "review_litigation":
        return list(_T4_PATHS)
    if row.key.startswith("applications."):
        return [f"{row.key}.{c}" for c in APPLICANT_COLUMNS]
    if row.key.endswith(("regulations", "normative_documents")):
        return [f"{row.key}.{c}" for c in ("issued", "repealed", "in_force")]
    return [row.key]


def _data_rows(sheet: Sheet, tables: tuple[str, ...] = ("表二", "表三", "表四")) -> list[Row]:
    return [r for t in sheet.tables if t.name in tables for r in t.rows if r.kind == "data"]


def _value_cells(sheet: Sheet, keep: Callable[[str], bool]) -> list[tuple[Row, int]]:
    return [(r, r.labels + j) for r in _data_rows(sheet) for j, c in enumerate(r.values) if keep(c)]


def _pick(rng: random.Random, items: list, most: int) -> list:
    return rng.sample(items, min(len(items), rng.randint(1, most))) if items else []


def _where(row: Row, i: int) -> str:
    paths = _paths(row)
    j = i - row.labels
    return paths[j] if 0 <= j < len(paths) else row.key


# ── number damage ───────────────────────────────────────────────────────────────

def _ocr_digits(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    for row, i in _pick(rng, _value_cells(sheet, lambda c: 0 < len(c) <= 7 and any(d in c for d in _OCR)), 3):
        text = row.cells[i]
        spots = [k for k, ch in enumerate(text) if ch in _OCR]
        chosen = set(_pick(rng, spots, len(spots)))
        row.cells[i] = "".join(rng.choice(_OCR[ch]) if k in chosen else ch for k, ch in enumerate(text))
        notes.append(f"{_where(row, i)}: {text!r} → {row.cells[i]!r}")
    return notes


def _fullwidth(sheet: Sheet, rng: random.Random) -> list[str]:
    cells = _value_cells(sheet, lambda c: bool(c))
    chosen = rng.sample(cells, max(1, int(len(cells) * rng.uniform(0.2, 1.0)))) if cells else []
    for row, i in chosen:
        row.cells[i] = row.cells[i].translate(_FULL)
    return [f"{len(chosen)} cells in full-width digits"] if chosen else []


def _thousands(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    for row, i in _value_cells(sheet, lambda c: c.isdigit() and int(c) >= 1000):
        text = row.cells[i]
        row.cells[i] = f"{int(text):,}"
        notes.append(f"{_where(row, i)}: {text} → {row.cells[i]}")
    return notes


def _split_number(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    cells = [(r, i) for r, i in _value_cells(sheet, lambda c: c.isdigit() and len(c) >= 2) if not r.recounted]
    for row, i in _pick(rng, cells, 2):
        if row.recounted:
            continue
        row.recounted = True
        text = row.cells[i]
        cut = rng.randint(1, len(text) - 1)
        row.cells[i] = f"{text[:cut]} {text[cut:]}"
        notes.append(f"{_where(row, i)}: {text!r} → {row.cells[i]!r}")
    return notes


# ── cell damage ─────────────────────────────────────────────────────────────────

def _merged_cells(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    for row in _pick(rng, [r for r in _data_rows(sheet) if len(r.values) >= 2 and not r.recounted], 2):
        row.recounted = True
        j = row.labels + rng.randrange(len(row.values) - 1)
        a, b = row.cells[j], row.cells.pop(j + 1)
        row.cells[j] = a + b
        notes.append(f"{_where(row, j)}: {a!r} and {b!r} printed as {row.cells[j]!r}")
    return notes


def _dropped_cell(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    for row in _pick(rng, [r for r in _data_rows(sheet) if len(r.values) >= 2 and not r.recounted], 2):
        row.recounted = True
        j = row.labels + rng.randrange(len(row.values))
        notes.append(f"{_where(row, j)}: {row.cells.pop(j)!r} dropped")
    return notes


# ── label and layout damage ─────────────────────────────────────────────────────

def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _broken_label(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    rows = [r for r in _data_rows(sheet, ("表二", "表三")) if r.labels and len(r.cells[r.labels - 1]) >= 6]
    for row in _pick(rng, rows, 3):
        label = row.cells[row.labels - 1]
        cuts = sorted(rng.sample(range(3, len(label) - 2), min(rng.randint(1, 2), len(label) - 5)))
        parts = [label[a:b] for a, b in zip([0] + cuts, cuts + [len(label)])]
        if not all(_has_cjk(p) for p in parts):
            continue
        row.cells[row.labels - 1] = "\n".join(parts)
        row.value_line = rng.randrange(len(parts))
        notes.append(f"{row.key}: label broken as {parts} (numbers on line {row.value_line + 1})")
    return notes


def _label_garbage(sheet: Sheet, rng: random.Random) -> list[str]:
    notes = []
    for row in _pick(rng, [r for r in _data_rows(sheet, ("表二", "表三")) if r.labels], 3):
        label = list(row.cells[row.labels - 1])
        for _ in range(rng.randint(1, 2)):
            label.insert(rng.randint(0, len(label)), rng.choice(_SPECKS))
        row.cells[row.labels - 1] = "".join(label)
        notes.append(f"{row.key}: label {row.cells[row.labels - 1]!r}")
    return notes


_GENERIC_T3 = ["", "", "数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"]
_GARBLED_T3 = ["", "申请人情况", "自然人", "商业企业", "科研机构", "或其他: 社会 公益 组织", "法律 服务 机构", "其他", "总计"]
_GARBLED_T4 = ["行政复议", "行政诉讼", "4+H 4+H +", "甘加", "半 土", "未经复议直接起诉", "复议后起诉", "结果 维持",
               "结果 纠正", "其他 结果", "尚未 审结", "总计"]


def _mangled_header(sheet: Sheet, rng: random.Random, layout: str) -> list[str]:
    notes = []
    for table in sheet.tables[1:]:
        i = next((k for k, r in enumerate(table.rows) if r.kind == "header"), None)
        if i is None:
            continue
        style = rng.choice(("vertical", "generic", "garbled"))
        header = table.rows[i]
        if style == "vertical" and layout == "cells":
            header.cells = ["\n".join(c) for c in header.cells]
        elif style == "vertical":
            table.rows[i:i + 1] = [Row([ch], kind="text") for c in header.cells[2:] for ch in c]
        elif style == "generic" and table.name == "表三":
            header.cells = list(_GENERIC_T3)
        else:
            header.cells = list(_GARBLED_T3 if table.name == "表三" else _GARBLED_T4)
        header.labels = len(header.cells)
        notes.append(f"{table.name}: header {style}")
    return notes


def _stray_line(sheet: Sheet, rng: random.Random) -> list[str]:
    table = rng.choice(sheet.tables)
    spots = [k + 1 for k, r in enumerate(table.rows) if r.kind == "data"]
    if not spots:
        return []
    at = rng.choice(spots)
    text = rng.choice(_STRAY)
    table.rows.insert(at, Row([text], kind="text"))
    return [f"{table.name}: {text!r} after row {at}"]


def _page_break(sheet: Sheet, rng: random.Random) -> list[str]:
    table = sheet.tables[1]
    spots = [k + 1 for k, r in enumerate(table.rows[:-1]) if r.kind == "data"]
    at = rng.choice(spots)
    header = ["自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    table.rows[at:at] = page_break(sheet.title, 2, 5, header if rng.random() < 0.5 else None)
    return [f"表三: page break after row {at}"]


_KINDS: dict[str, Callable[..., list[str]]] = {
    "ocr_digits": _ocr_digits, "fullwidth": _fullwidth, "thousands": _thousands, "split_number": _split_number,
    "merged_cells": _merged_cells, "dropped_cell": _dropped_cell, "broken_label": _broken_label,
    "label_garbage": _label_garbage, "stray_line": _stray_line, "page_break": _page_break,
}


def apply_damage(sheet: Sheet, kinds: list[str], rng: random.Random, layout: str = "cells") -> dict[str, list[str]]:
    """Damage ``sheet`` in place; returns kind → notes for the kinds that found something to damage."""
    done: dict[str, list[str]] = {}
    for kind in kinds:
        if kind not in DAMAGE_KINDS:
            raise ValueError(f"unknown damage kind {kind!r}; choose from {DAMAGE_KINDS}")
        notes = _mangled_header(sheet, rng, layout) if kind == "mangled_header" else _KINDS[kind](sheet, rng)
        if notes:
            done[kind] = notes
    return done


def damage(report: Report, layout: str, kinds: list[str], seed: int) -> Damaged:
    """``report`` printed in ``layout`` with ``kinds`` of damage, deterministically from ``seed``."""
    if layout not in ALL_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {ALL_LAYOUTS}")
    if layout == "glued" and set(kinds) - {"fullwidth"}:
        raise ValueError("the glued layout combines with fullwidth only")
    rng = random.Random(seed)
    sheet = build(report, layout)
    if layout == "pages":
        kinds = [k for k in kinds if k != "page_break"] + ["page_break"]
    done = apply_damage(sheet, kinds, rng, layout)
    text = emit(sheet, "pdftext" if layout == "pages" else layout, seed)
    return Damaged(text=text, layout=layout, truth=report, kinds=[k for k in done if not (layout == "pages" and
                                                                                             k == "page_break")],
                   notes=[f"{k}: {n}" for k, ns in done.items() for n in ns])
