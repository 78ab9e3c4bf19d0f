"""Cross-year links: the same agency's reports for consecutive years must connect.

* ``XYEAR.CARRY``: last year's 结转下年度继续办理 is this year's 上年结转, per 表三 column.
* ``XYEAR.STOCK_REGULATIONS`` / ``XYEAR.STOCK_NORMATIVE``: 表二's stock flows,
  ``in_force(this) = in_force(last) + issued(this) − repealed(this)``.

Agencies are matched by a normalised name (:func:`agency_key`): whitespace and
full-width forms, the 人民政府/政府 suffix and 办事处 are dropped, so
``红旗区人民政府`` and ``红旗区``, ``交界街道办事处`` and ``交界街道`` are one agency;
人民政府 inside a name is 政府 and 政府办 is 政府办公室 (``红旗区人民政府办公室``,
``红旗区政府办公室`` and ``红旗区政府办`` are one body: the government's office, not the
government).
A name that is the tail of a longer one (``牧野区`` / ``新乡市牧野区``) is linked
too, unless it is the tail of two different longer names. Only years ``y`` and
``y + 1`` are linked. A link that does not hold is a ``warning`` on the later
year's document; values that are not known (missing) are not compared.

Each agency-year is linked once: when several documents claim one agency and year
(copies, or a report filed twice), the first of them stands for that year and the
others are not linked. The rebuild first leaves out the documents that do not stand
for their agency-year (a copy, a superseded or conflicting report:
``llm_extract.agency_years``), so the one given here is the one the roll-ups count. So linking is linear in the number of documents, and a
document gets at most one link's findings (at most 9: seven columns, two stocks).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from llm_extract.evidence import Finding, Record, Status
from llm_extract.schema import ALL_PATHS, APPLICANT_COLUMNS

from .rules import register

__all__ = ["check_cross_year", "check_pair", "consecutive_pairs", "agency_key", "known_values", "LINK_PATHS"]

register("XYEAR.CARRY", "上年报告“结转下年度继续办理”= 本年报告“上年结转”（表三逐列）",
         "last year's carried_forward equals this year's carried_over, per 表三 column")
register("XYEAR.STOCK_REGULATIONS", "规章现行有效件数 = 上年现行有效 + 本年制发 − 本年废止",
         "表二 regulations: in_force = last year's in_force + issued − repealed")
register("XYEAR.STOCK_NORMATIVE", "行政规范性文件现行有效件数 = 上年现行有效 + 本年制发 − 本年废止",
         "表二 normative documents: in_force = last year's in_force + issued − repealed")

_SUFFIXES = re.compile(r"(?:人民政府|政府)$")
_BUREAU = re.compile(r"街道办事处$|街道办$|办事处$")
_OFFICE = re.compile(r"政府办$")          # 政府办: the usual short form of 政府办公室
_MIN_TAIL = 3
_PARTS = tuple((p, tuple(p.split("."))) for p in ALL_PATHS)
_FORM_PATHS = frozenset(ALL_PATHS)


def known_values(record: Record, paths: Iterable[str] | None = None) -> dict[str, int | None]:
    """The values a record vouches for: every field whose status is not ``missing``.

    Without provenance (a record built from a golden file), every non-null value is known.
    ``paths``: only those fields are looked at (the few a caller needs, not all 202).
    """
    if paths is not None:
        report, provenance, missing = record.report, record.provenance, Status.MISSING
        out = {}
        for path in paths:
            if path not in _FORM_PATHS:
                continue
            value = report.get(path)
            prov = provenance.get(path)
            if (prov.status != missing) if prov is not None else value is not None:
                out[path] = value
        return out
    data = record.report.model_dump()
    provenance = record.provenance
    missing = Status.MISSING                  # (an enum member's lookup costs more than the comparison)
    out: dict[str, int | None] = {}
    for path, parts in _PARTS:
        value: Any = data
        for part in parts:
            value = value[part]
        prov = provenance.get(path)
        if (prov.status != missing) if prov is not None else value is not None:
            out[path] = value
    return out


def agency_key(name: str) -> str:
    """The agency's name for matching across years (see the module docstring)."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))
    key = re.sub(r"^\d{4}年度?|[(（]本级[)）]|本级$", "", key)
    key = _BUREAU.sub(lambda m: "街道" if m.group().startswith("街道") else "", key)
    key = _OFFICE.sub("政府办公室", key.replace("人民政府", "政府"))    # (the office is not the government)
    return _SUFFIXES.sub("", key)


def consecutive_pairs(agencies_years: Sequence[tuple[str | None, int | None]]) -> list[tuple[int, int]]:
    """Index pairs ``(last year, this year)`` of the same agency in consecutive years.

    Cheap enough to run over a whole output directory before parsing any record.
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, (agency, year) in enumerate(agencies_years):
        if agency and year:
            by_key[agency_key(agency)].append(i)
    by_tail: dict[str, set[str]] = defaultdict(set)        # tail → longer keys ending with it
    for key in by_key:
        for k in range(1, len(key) - _MIN_TAIL + 1):
            by_tail[key[k:]].add(key)
    root: dict[str, str] = {}
    for short in sorted(by_key, key=len, reverse=True):
        roots = {root.get(k, k) for k in by_tail.get(short, ())}
        if len(short) >= _MIN_TAIL and len(roots) == 1:
            root[short] = roots.pop()
    first: dict[tuple[str, int], int] = {}               # (agency, year) → the document that stands for it
    for key, idx in by_key.items():
        for i in idx:
            slot = (root.get(key, key), agencies_years[i][1])
            first[slot] = min(first.get(slot, i), i)      # type: ignore[index]
    return sorted((i, first[(agency, year + 1)]) for (agency, year), i in first.items()
                  if (agency, year + 1) in first)


#: XYEAR.CARRY's pairs of fields, per 表三 column: last year's carried_forward, this year's carried_over
_CARRIED = tuple((col, f"applications.carried_forward.{col}", f"applications.carried_over.{col}")
                 for col in APPLICANT_COLUMNS)
#: XYEAR.STOCK_*'s 表二 rows, each with its code and its three fields (issued, repealed, in_force)
_STOCKS = tuple((group, code, tuple(f"active_disclosure.{group}.{part}" for part in ("issued", "repealed", "in_force")))
                for group, code in (("regulations", "XYEAR.STOCK_REGULATIONS"),
                                    ("normative_documents", "XYEAR.STOCK_NORMATIVE")))


def _carry(last: Record, this: Record, lv: dict, tv: dict) -> list[Finding]:
    out = []
    for col, a, b in _CARRIED:
        if a in lv and b in tv and (lv[a] or 0) != (tv[b] or 0):
            out.append(Finding(
                code="XYEAR.CARRY", severity="warning", paths=[b], expected=lv[a] or 0, actual=tv[b] or 0,
                message=f"{this.report.year} 上年结转 {col} = {tv[b]}, but the {last.report.year} report "
                        f"({last.doc_id}) carried {lv[a]} forward",
                detail={"previous_doc": last.doc_id, "previous_year": last.report.year, "previous_path": a,
                        "previous_value": lv[a], "value": tv[b], "lines": this.provenance[b].lines
                        if b in this.provenance else []}))
    return out


def _stock(last: Record, this: Record, lv: dict, tv: dict) -> list[Finding]:
    out = []
    for group, code, fields in _STOCKS:
        p = f"active_disclosure.{group}."
        need = list(fields)
        if not (all(k in tv for k in need) and p + "in_force" in lv):
            continue
        expected = (lv[p + "in_force"] or 0) + (tv[p + "issued"] or 0) - (tv[p + "repealed"] or 0)
        actual = tv[p + "in_force"] or 0
        if expected != actual:
            out.append(Finding(
                code=code, severity="warning", paths=need, expected=expected, actual=actual,
                message=f"{group}: in_force {actual} ≠ {last.report.year} in_force {lv[p + 'in_force']} "
                        f"+ issued {tv[p + 'issued']} − repealed {tv[p + 'repealed']} = {expected}",
                detail={"previous_doc": last.doc_id, "previous_year": last.report.year,
                        "previous_in_force": lv[p + "in_force"],
                        "lines": sorted({n for k in need if k in this.provenance for n in this.provenance[k].lines})}))
    return out


#: The fields a link reads (XYEAR.CARRY: 表三's carried rows; XYEAR.STOCK_*: 表二's stocks): a caller that loads the
#: records of a link may load these fields' evidence only.
LINK_PATHS = frozenset([path for _, a, b in _CARRIED for path in (a, b)]
                       + [path for _, _, fields in _STOCKS for path in fields])


def check_pair(last: Record, this: Record) -> list[Finding]:
    """The findings of one link: ``last`` is the agency's report for the year before ``this`` (only the fields of
    :data:`LINK_PATHS` are read)."""
    lv, tv = known_values(last, LINK_PATHS), known_values(this, LINK_PATHS)
    return _carry(last, this, lv, tv) + _stock(last, this, lv, tv)


def check_cross_year(records: list[Record]) -> list[tuple[str, Finding]]:
    """``(doc_id, finding)`` for every broken link between consecutive years of one agency.

    For a whole output directory use :func:`consecutive_pairs` on the agencies and years and
    :func:`check_pair` on each pair, loading the records as needed (as the pipeline does).
    """
    return [(records[j].doc_id, f) for i, j in consecutive_pairs([(r.report.agency, r.report.year)
                                                                  for r in records])
            for f in check_pair(records[i], records[j])]
