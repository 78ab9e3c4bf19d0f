"""Indicators of one report, and their roll-up across a batch (pure functions).

Each indicator is ``numerator / denominator`` over sums of field values (the count
申请总数 has no denominator). It is computed only from values a researcher may rely
on: status ``proven`` or ``reviewed`` (a derived or disputed value becomes usable once
a reviewer decides it, which makes it ``reviewed``). Any other status makes the
indicator null, with the reason naming the fields. A blank cell (null) that is proven
counts as 0, as in the form's identities. A rate whose denominator is 0 is null.

Roll-ups (by year, by agency) sum numerators and denominators over the documents
whose inputs are all trusted (a denominator of 0 among them adds nothing); they never
average rates. An agency-year several documents report is summed once (the caller tells which
document counts: ``llm_extract.agency_years``), and the groups name the others (``notes``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

from pydantic import BaseModel

from ..evidence import TRUSTED_STATUSES

__all__ = ["IndicatorDefinition", "Indicator", "Rollup", "DEFINITIONS", "compute_indicators", "roll_up", "RollUp",
           "TRUSTED"]

TRUSTED = frozenset(s.value for s in TRUSTED_STATUSES)
_DENIED = ("denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
           "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_query_matter")
_UNAVAILABLE = ("unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear")
_REJECTED = ("rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
             "rejected_reconfirm")
_NOTES = 20          # a roll-up group names at most this many documents of shared agency-years
_PROCESSED = ("applications.total_processed.total",)
_RECEIVED = ("applications.new_received.total", "applications.carried_over.total")


def _t3(*rows: str) -> tuple[str, ...]:
    return tuple(f"applications.{r}.total" for r in rows)


class IndicatorDefinition(BaseModel):
    code: str
    name: str                                  # the Chinese name researchers use
    numerator: tuple[str, ...]                 # field paths summed
    denominator: tuple[str, ...] | None = None  # field paths summed; None for a count

    @property
    def formula(self) -> str:
        num = " + ".join(self.numerator)
        return num if self.denominator is None else f"({num}) / ({' + '.join(self.denominator)})"


DEFINITIONS: tuple[IndicatorDefinition, ...] = (
    IndicatorDefinition(code="applications_total", name="申请总数", numerator=_RECEIVED),
    IndicatorDefinition(code="granted_rate", name="予以公开率", numerator=_t3("granted"), denominator=_PROCESSED),
    IndicatorDefinition(code="partially_granted_rate", name="部分公开率", numerator=_t3("partially_granted"),
                        denominator=_PROCESSED),
    IndicatorDefinition(code="denied_rate", name="不予公开率", numerator=_t3(*_DENIED), denominator=_PROCESSED),
    IndicatorDefinition(code="unavailable_rate", name="无法提供率", numerator=_t3(*_UNAVAILABLE),
                        denominator=_PROCESSED),
    IndicatorDefinition(code="rejected_rate", name="不予处理率", numerator=_t3(*_REJECTED), denominator=_PROCESSED),
    IndicatorDefinition(code="carried_forward_rate", name="结转率", numerator=_t3("carried_forward"),
                        denominator=_RECEIVED),
    IndicatorDefinition(code="review_correction_rate", name="行政复议纠错率",
                        numerator=("review_litigation.administrative_review.corrected",),
                        denominator=("review_litigation.administrative_review.total",)),
    IndicatorDefinition(code="litigation_correction_rate", name="行政诉讼纠错率",
                        numerator=("review_litigation.litigation_direct.corrected",
                                   "review_litigation.litigation_after_review.corrected"),
                        denominator=("review_litigation.litigation_direct.total",
                                     "review_litigation.litigation_after_review.total")),
)


class Indicator(BaseModel):
    """One indicator of one document (or one roll-up group)."""

    code: str
    name: str
    numerator: int | None = None
    denominator: int | None = None
    value: float | None = None    # the rate (6 decimals), or the count; None when not known
    reason: str | None = None     # why the value is None


class Rollup(Indicator):
    by: str                       # "year" or "agency"
    key: str                      # the year or the agency
    documents: int = 0            # documents whose indicator is known (summed)
    excluded: int = 0             # documents of the group whose indicator is null
    notes: str | None = None      # documents of one agency-year folded, superseded or in conflict


def _sum(paths: tuple[str, ...], fields: Mapping[str, tuple[Any, str]]) -> tuple[int | None, list[str]]:
    """The sum of trusted values, or None and the paths that are not trusted."""
    total, untrusted = 0, []
    for p in paths:
        value, status = fields.get(p, (None, "missing"))
        if status not in TRUSTED:
            untrusted.append(f"{p} is {status}")
        elif value is not None:
            total += int(value)
    return (None, untrusted) if untrusted else (total, [])


def _rate(num: int, den: int) -> float:
    return round(float(Fraction(num, den)), 6)


def _indicator(d: IndicatorDefinition, num: int | None, den: int | None, problems: list[str]) -> Indicator:
    if problems:
        shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        return Indicator(code=d.code, name=d.name, reason=f"not computed from unreviewed values: {shown}")
    assert num is not None
    if d.denominator is None:
        return Indicator(code=d.code, name=d.name, numerator=num, value=num)
    assert den is not None
    if den == 0:
        return Indicator(code=d.code, name=d.name, numerator=num, denominator=0,
                         reason=f"denominator {' + '.join(d.denominator)} is 0")
    return Indicator(code=d.code, name=d.name, numerator=num, denominator=den, value=_rate(num, den))


def compute_indicators(fields: Mapping[str, tuple[Any, str]]) -> list[Indicator]:
    """Every indicator of one document from ``path → (value, status)``."""
    out = []
    for d in DEFINITIONS:
        num, bad = _sum(d.numerator, fields)
        den, bad_den = _sum(d.denominator, fields) if d.denominator is not None else (None, [])
        out.append(_indicator(d, num, den, bad + bad_den))
    return out


class RollUp:
    """Roll-ups of one grouping (by year, by agency) summed as documents stream by: what it keeps
    grows with the groups, not with the documents. :func:`roll_up` in one call."""

    def __init__(self, by: str, key: Callable[[Any], str | None] = lambda k: None if k is None else str(k)) -> None:
        self.by, self.key = by, key
        self.acc: dict[tuple[str, str], list[int]] = {}   # (group, code) -> numerator, denominator, documents, excluded
        self.notes: dict[str, list[str]] = {}              # group -> what its agency-years' documents are

    def add(self, group: Any, indicators: Iterable[Indicator], *, group_trusted: bool = True,
            summed: bool = True, note: str = "") -> None:
        """One document's indicators; a document without a group key (no agency, no year) is left out,
        one whose inputs are not all trusted (its numerator null) counts in ``excluded`` of its group. A rate
        whose denominator is 0 (null, but from trusted inputs: no case to rate) adds 0 to both sums and
        counts in ``documents``. The group key is an input too: a document whose year or agency is not
        trusted (``group_trusted`` False: an OCR'd year, a name cut from a sentence) may belong to another
        group, so its numbers are summed into none; it counts in ``excluded`` of the group as read.
        A document not ``summed`` (another copy of a report already counted, a superseded report) adds
        nothing but its ``note``."""
        k = self.key(group)
        if k is None:
            return
        if note:
            kept = self.notes.setdefault(k, [])
            if len(kept) <= _NOTES:
                kept.append(note)
        if not summed:
            return
        for ind in indicators:
            slot = self.acc.setdefault((k, ind.code), [0, 0, 0, 0])
            if ind.numerator is None or not group_trusted:    # an input (or the group key) is not trusted
                slot[3] += 1
                continue
            slot[0] += ind.numerator or 0
            slot[1] += ind.denominator or 0
            slot[2] += 1

    def result(self) -> list[Rollup]:
        out = []
        for d in DEFINITIONS:
            for (k, code), (num, den, docs, excluded) in sorted(self.acc.items()):
                if code != d.code:
                    continue
                base = (_indicator(d, num, den if d.denominator is not None else None, []) if docs else
                        Indicator(code=d.code, name=d.name, reason="no document of the group has it known"))
                out.append(Rollup(**base.model_dump(), by=self.by, key=k, documents=docs, excluded=excluded,
                                  notes=self._notes(k)))
        return out


    def _notes(self, k: str) -> str | None:
        notes = self.notes.get(k)
        if not notes:
            return None
        return "; ".join(notes[:_NOTES]) + ("; …" if len(notes) > _NOTES else "")


def roll_up(documents: Iterable[tuple[Any, list[Indicator]] | tuple[Any, list[Indicator], bool]], by: str,
            key: Callable[[Any], str | None] = lambda k: None if k is None else str(k)) -> list[Rollup]:
    """Sum numerators and denominators per group (``(group key, indicators[, group key trusted])`` per
    document); see :class:`RollUp`."""
    acc = RollUp(by, key)
    for group, indicators, *trusted in documents:
        acc.add(group, indicators, group_trusted=trusted[0] if trusted else True)
    return acc.result()
