"""（六）其他处理 printed as one row, its split stated in the narrative: the sub-rows the two pin together.

FORM.md: a report may print （六）其他处理 as a single row; where that row is not 0 its three sub-rows
(逾期不补正, 逾期未缴纳费用, 其他) are not given in the table and stay missing. Some reports state the split
in their prose: ``其他处理4件（申请人无正当理由逾期不补正3件、逾期未缴纳信息处理费0件、其他情形1件）``.
Where

* the three sub-rows are still missing, read as one printed row of seven counts whose total holds (an OCR
  letter read as its digit: ``1 O 0 0 0 0 1``),
* that row has one applicant column that is not 0 (so each sub-row's count can only sit there),
* the narrative states one figure for each sub-row's total, and they add up to the printed total,

each sub-row is pinned: its count in that column and in 总计, 0 in the five others. The cells are
``derived`` (rule ``DERIVE.NARRATIVE``), never proven by this alone: the prose is the only source of the
split, and a report's prose can be wrong. A row with counts in several columns leaves the split open
(missing). Where the model gave the sub-rows too (its values are not printed in the table, so they were
not grounded): a model value equal to the pinned one is ``proven`` (two readings agree, the text states
it); a different one stays disputed, with the narrative's value among its candidates.

Pure: the record and the narrative figures in, a record out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from llm_extract.evidence import CellKind, FieldProvenance, Finding, Method, Reading, Record, Status
from llm_extract.narrative_types import NarrativeFigure
from llm_extract.ocrglyphs import OCR_MAP
from llm_extract.schema import APPLICANT_COLUMNS

from .onerow import SUB_ROWS, printed_count
from .rules import register

__all__ = ["RULE", "split_one_row"]

RULE = "DERIVE.NARRATIVE"
register(RULE, "（六）其他处理印为一行：叙述给出三个分项数，且该行仅一列非零，分项由此推定（待复核）",
         "（六）其他处理 printed as one row: the narrative states its three sub-rows' counts and the row has one "
         "applicant column that is not 0, so the sub-rows are derived from the two (queued)")

_COUNTS = APPLICANT_COLUMNS[:-1]


def _printed_row(readings: Mapping[str, Reading]) -> dict[str, int] | None:
    """The one printed row's counts by column, when every sub-row cell was read as standing for it."""
    row: dict[str, int] = {}
    for col in APPLICANT_COLUMNS:
        values = set()
        for sub in SUB_ROWS:
            r = readings.get(f"applications.{sub}.{col}")
            if r is None or r.kind is not CellKind.ABSENT or r.method != Method.OTHER_AS_ONE_ROW:
                return None
            values.add(printed_count((r.raw or "").translate(OCR_MAP)))   # an OCR'd 0 as O: derived is queued
        if len(values) != 1 or None in values:
            return None
        row[col] = values.pop()          # type: ignore[assignment]
    return row if row["total"] == sum(row[c] for c in _COUNTS) else None


def _settled(old: FieldProvenance, value: int, figure: NarrativeFigure, reading: Reading, model_value: object,
             column: str, printed: int) -> FieldProvenance | None:
    """The sub-row cell's provenance: derived where nothing else gave it, proven where the model agrees,
    the model's dispute with the narrative's value as a candidate where it does not (None: left as is)."""
    said = f"（六）其他处理 printed as one row ({printed} in {column}); the narrative states " \
           f"“{figure.phrase}” (line {figure.line})"
    lines = sorted(set(reading.lines) | {figure.line})
    if old.status is Status.MISSING:
        return FieldProvenance(status=Status.DERIVED, source="derived", method="narrative", kind=CellKind.NUMBER,
                               raw=reading.raw, lines=lines, rules=[RULE], note=said)
    if old.source != "model" or old.status not in (Status.DISPUTED, Status.RESOLVED):
        return None
    if model_value == value:
        return old.model_copy(update={"status": Status.PROVEN, "rules": ["XCHECK.AGREE", RULE], "lines": lines,
                                      "note": f"the model agrees with the split {said}"})
    return old.model_copy(update={"candidates": dict(old.candidates) | {"narrative": value},
                                  "note": f"{old.note}; the split {said} gives {value}"})


def _stated(figures: Iterable[NarrativeFigure]) -> dict[str, NarrativeFigure] | None:
    """Each sub-row's one stated total (None when a sub-row has none, or two different ones)."""
    found: dict[str, list[NarrativeFigure]] = {}
    for f in figures:
        if len(f.meanings) == 1 and len(f.meanings[0]) == 1 and isinstance(f.figure, int):
            path = f.meanings[0][0]
            for sub in SUB_ROWS:
                if path == f"applications.{sub}.total":
                    found.setdefault(sub, []).append(f)
    if set(found) != set(SUB_ROWS) or any(len({f.figure for f in fs}) != 1 for fs in found.values()):
        return None
    return {sub: fs[0] for sub, fs in found.items()}


def split_one_row(record: Record, figures: Iterable[NarrativeFigure], readings: Mapping[str, Reading]) -> Record:
    """``record`` with a one-row （六）'s sub-rows settled from the narrative (see the module docstring);
    ``readings`` are the deterministic reader's. The record unchanged when any condition fails."""
    row = _printed_row(readings)
    if row is None:
        return record
    columns = [c for c in _COUNTS if row[c]]
    stated = _stated(figures)
    if len(columns) != 1 or stated is None or sum(int(f.figure) for f in stated.values()) != row["total"]:
        return record
    column = columns[0]
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    for sub, figure in stated.items():
        count = int(figure.figure)
        for col in APPLICANT_COLUMNS:
            path = f"applications.{sub}.{col}"
            value = count if col in (column, "total") else 0
            prov = _settled(provenance[path], value, figure, readings[path], record.report.get(path), column,
                            row[column])
            if prov is None:
                continue
            if prov.status is not Status.DISPUTED:
                report.set(path, value)
            provenance[path] = prov
    finding = Finding(code=RULE, severity="info", paths=[f"applications.{s}.total" for s in SUB_ROWS],
                      message="（六）其他处理's sub-rows from the narrative: "
                              + "; ".join(f"{s} {stated[s].figure}" for s in SUB_ROWS) + f" (all in {column})",
                      detail={"sentence": stated[SUB_ROWS[0]].sentence, "column": column,
                              "lines": sorted({f.line for f in stated.values()})})
    return record.model_copy(update={"report": report, "provenance": provenance,
                                     "findings": list(record.findings) + [finding]})
