"""Narrative against tables: does each figure the prose states match the cells it names?

A figure may have several plausible meanings (``收到申请6件``: new only, or new
plus carried over); it agrees with the tables when any one of them sums to the
figure, and the finding says which. A figure disagrees only when *every*
meaning can be checked and none matches: then a ``warning`` with the sentence,
the figure and every meaning's cells goes to the review queue. The tables' values
are never changed here.

A mismatch is a second source against the table, so it takes away the proof of what it
names (:func:`distrust_contradicted`): a proven cell the figure names is ``disputed``, and
the proven cells of every identity it is in (its row's sum, and its column's sum or the
balance 一 + 二 = (七) + 四: the identities that proved them with it) are ``unverified``,
each with the figure's rule. A wrapped number read by its middle digit (``4 / 9 / 0`` read
9) keeps every identity (9 = 9 + 0 …) while the prose says 490; and an identity that holds
with a wrong cell holds only because another of its cells is wrong too (the (七)总计 of a
column whose numbers all wrapped is read 9 as well). Where the table is right
and the prose wrong, a reviewer's decision on the named cell (keep it) proves them again,
and acknowledging the finding lifts the distrust.

Verdicts: ``info`` when a meaning matches (``detail.matched``), ``info`` when the
cells are not known (``detail.checked`` is false), ``info`` for the 信息处理费
(no comparable cell), ``warning`` on a mismatch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from llm_extract.evidence import Finding, Record, Status
from llm_extract.narrative_types import NarrativeFigure
from llm_extract.review import finding_key, is_acknowledged

from .crossyear import known_values
from .identities import equations_by_path
from .rules import register

__all__ = ["check_narrative", "check_record_narrative", "recheck_narrative", "distrust_contradicted",
           "NARRATIVE_CODES"]

NARRATIVE_CODES = {
    "NARR.NEW_RECEIVED": ("叙述中的收到申请数与表三“本年新收”（或加“上年结转”）一致",
                          "the narrative's applications received match 表三 new_received (or new + carried over)"),
    "NARR.CARRIED_OVER": ("叙述中的上年结转数与表三“上年结转”一致",
                          "the narrative's carried-over applications match 表三 carried_over"),
    "NARR.PROCESSED": ("叙述中的办结/答复数与表三“（七）总计”一致",
                       "the narrative's processed (办结/答复) count matches 表三 total_processed"),
    "NARR.CARRIED_FORWARD": ("叙述中的结转下年度数与表三“结转下年度继续办理”一致",
                             "the narrative's carried-forward count matches 表三 carried_forward"),
    "NARR.OUTCOME": ("叙述中的办理结果分项数（予以公开、不予公开等）与表三对应行一致",
                     "the narrative's outcome counts (予以公开, 不予公开, ...) match the 表三 outcome rows"),
    "NARR.APPLICANT": ("叙述中的自然人/法人或其他组织申请数与表三对应列一致",
                       "the narrative's applications by applicant type match the 表三 columns"),
    "NARR.REVIEW": ("叙述中的行政复议数与表四“行政复议·总计”一致",
                    "the narrative's administrative reviews match 表四 administrative_review.total"),
    "NARR.LITIGATION": ("叙述中的行政诉讼数与表四行政诉讼总计一致",
                        "the narrative's lawsuits match the 表四 litigation totals"),
    "NARR.REVIEW_LITIGATION": ("叙述中的行政复议和行政诉讼合计数与表四一致",
                               "the narrative's reviews and lawsuits together match the 表四 totals"),
    "NARR.FEE": ("叙述中的信息处理费（元），表中无可比单元格，仅记录",
                 "the narrative's 信息处理费 (yuan): no comparable table cell, recorded only"),
}
for _code, (_zh, _en) in NARRATIVE_CODES.items():
    register(_code, _zh, _en)


def _short(path: str) -> str:
    return path.split(".", 1)[-1]


def _meaning_sums(values: Mapping[str, int | None], figure: NarrativeFigure) -> list[dict[str, Any]]:
    out = []
    for label, paths in zip(figure.labels, figure.meanings):
        known = all(p in values for p in paths)
        cells = {p: values[p] for p in paths if p in values}
        out.append({"label": label, "paths": paths, "cells": cells,
                    "sum": sum((v or 0) for v in cells.values()) if known else None})
    return out


def _check(values: Mapping[str, int | None], figure: NarrativeFigure) -> Finding:
    base: dict[str, Any] = {"sentence": figure.sentence, "phrase": figure.phrase, "line": figure.line,
                            "lines": [figure.line], "figure": str(figure.figure), "unit": figure.unit}
    paths = sorted({p for m in figure.meanings for p in m})
    said = f"line {figure.line}: “{figure.phrase or figure.sentence}”"
    if not figure.meanings:
        return Finding(code=figure.code, severity="info", paths=[], detail=base | {"checked": False},
                       message=f"{said}: stated; no table cell is comparable (表二 行政事业性收费 is not the 信息处理费)")
    meanings = _meaning_sums(values, figure)
    detail = base | {"meanings": meanings}
    target = figure.figure if isinstance(figure.figure, int | Decimal) else 0
    for m in meanings:
        if m["sum"] is not None and m["sum"] == target:
            return Finding(code=figure.code, severity="info", paths=list(m["paths"]), expected=int(target),
                           actual=m["sum"], detail=detail | {"checked": True, "matched": m["label"]},
                           message=f"{said} agrees with the table ({m['label']} = {m['sum']})")
    if any(m["sum"] is None for m in meanings):
        return Finding(code=figure.code, severity="info", paths=paths, detail=detail | {"checked": False},
                       message=f"{said}: not checked, a cell it names is not known")
    tables = "; ".join(f"{m['label']} = {m['sum']} ({', '.join(f'{_short(p)}={v}' for p, v in m['cells'].items())})"
                       for m in meanings)
    return Finding(code=figure.code, severity="warning", paths=paths, expected=int(target),
                   actual=meanings[0]["sum"], detail=detail | {"checked": True, "matched": None},
                   message=f"narrative {said} says {figure.figure}, the table says otherwise: {tables}")


def check_narrative(values: Mapping[str, int | None], figures: Iterable[NarrativeFigure]) -> list[Finding]:
    """One finding per stated figure (see the module docstring).

    ``values`` maps field paths to the table's values; a path that is absent is
    unknown (``None`` is a blank cell and counts as 0).
    """
    return [_check(values, f) for f in figures]


def check_record_narrative(record: Record, figures: Iterable[NarrativeFigure]) -> list[Finding]:
    """:func:`check_narrative` against a verified record's values; adds the cells' source lines."""
    figures = list(figures)
    if not figures:                     # (nothing stated: the record's values are not needed)
        return []
    named = {p for f in figures for m in f.meanings for p in m}      # (the cells the figures name: a few)
    findings = check_narrative(known_values(record, named), figures)
    proven = Status.PROVEN
    for f in findings:
        provs = {p: record.provenance[p] for p in f.paths if p in record.provenance}
        unproven = {p: v.status.value for p, v in provs.items() if v.status != proven}
        if unproven:                    # e.g. the narrative confirms (or contradicts) derived cells
            f.detail["cell_status"] = unproven
        if f.severity == "warning":
            cell_lines = {n for v in provs.values() for n in v.lines}
            f.detail["lines"] = sorted(set(f.detail["lines"]) | cell_lines)
    return findings


def recheck_narrative(record: Record, figures: list[NarrativeFigure] | None = None) -> Record:
    """The record with its ``NARR.*`` findings recomputed on its current values, and the proof a mismatching
    figure takes away taken (:func:`distrust_contradicted`).

    ``figures``: the narrative's figures; by default those the pipeline kept in ``record.stages["narrative"]``
    (records whose values changed after extraction: a model cross-check, a reviewer's decision).
    """
    if figures is None:
        figures = [NarrativeFigure.model_validate(f) for f in record.stages.get("narrative", [])]
    kept = [f for f in record.findings if not f.code.startswith("NARR.")]
    return distrust_contradicted(record.model_copy(update={"findings": kept + check_record_narrative(record, figures)}))


def _demote(provenance: dict[str, Any], path: str, status: Status, rule: str) -> None:
    prov = provenance.get(path)
    if prov is not None and prov.status is Status.PROVEN:
        provenance[path] = prov.model_copy(update={"status": status, "rules": list(prov.rules) + [rule]})


def distrust_contradicted(record: Record) -> Record:
    """``record`` with the proof taken from what a mismatching figure names (see the module docstring):
    its proven cells ``disputed``, the other proven cells of every identity they are in ``unverified`` (an
    identity holding with a contradicted cell vouches for none of its cells). A figure whose finding a
    reviewer acknowledged (the prose is wrong, the table right) takes nothing."""
    acknowledged = (record.stages.get("review") or {}).get("acknowledged") or {}
    provenance = dict(record.provenance)        # (a new mapping: the record passed in keeps its own)
    for f in record.findings:
        if not (f.code.startswith("NARR.") and f.severity == "warning") or is_acknowledged(finding_key(f), acknowledged):
            continue
        named = [p for p in f.paths if provenance.get(p) is not None and provenance[p].status is Status.PROVEN]
        for path in named:
            _demote(provenance, path, Status.DISPUTED, f.code)
        for path in named:
            for eq in equations_by_path().get(path, ()):
                for partner in eq.paths:
                    _demote(provenance, partner, Status.UNVERIFIED, f.code)
    return record.model_copy(update={"provenance": provenance})
