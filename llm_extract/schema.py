"""The golden shape: one annual report's values, exactly as ``golden-format.md`` defines them.

A :class:`Report` serialises to the JSON shape of a golden file, key for key.
Counts are ``int | None`` (``None`` = blank or placeholder in the report; ``0`` is
a value), the fee is a :class:`~decimal.Decimal`.

Every value has a *field path*, the dotted key used everywhere else (provenance,
review queue, CSV columns, compare): ``applications.new_received.natural_person``.
"""

from __future__ import annotations

import re

from decimal import Decimal
from functools import cache
from typing import Any, Iterator

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from .form import FORM

__all__ = [
    "SCHEMA_VERSION",
    "APPLICANT_COLUMNS",
    "APPLICATION_ROWS",
    "OUTCOME_ROWS",
    "REVIEW_GROUPS",
    "REVIEW_COLUMNS",
    "DISCLOSURE_PATHS",
    "TABLE3_PATHS",
    "TABLE3_ROW_PATHS",
    "TABLE4_PATHS",
    "ALL_PATHS",
    "StockRow",
    "ActiveDisclosure",
    "ApplicantRow",
    "Applications",
    "ReviewGroup",
    "ReviewLitigation",
    "Report",
    "table_of",
    "same_value",
]

SCHEMA_VERSION = "2021.1"

Count = int | None

#: 表三 columns, in the order the form prints them (from :mod:`llm_extract.form`).
APPLICANT_COLUMNS: tuple[str, ...] = FORM.table3_column_keys

#: 表三 rows, in the order the form prints them.
APPLICATION_ROWS: tuple[str, ...] = FORM.table3_row_keys

#: The 21 outcome rows whose sum is ``total_processed``.
OUTCOME_ROWS: tuple[str, ...] = FORM.table3_outcome_rows

#: 表四 groups, in the order of the report's row of 15 numbers.
REVIEW_GROUPS: tuple[str, ...] = FORM.table4_group_keys
REVIEW_COLUMNS: tuple[str, ...] = FORM.table4_column_keys


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class StockRow(_Strict):
    """表二 规章 / 行政规范性文件: issued this year, repealed this year, in force."""

    issued: Count = None
    repealed: Count = None
    in_force: Count = None


class ActiveDisclosure(_Strict):
    """表二 主动公开政府信息情况."""

    regulations: StockRow = Field(default_factory=StockRow)
    normative_documents: StockRow = Field(default_factory=StockRow)
    licensing: Count = None
    punishment: Count = None
    enforcement: Count = None
    fees_10k_yuan: Decimal | None = None

    @field_serializer("fees_10k_yuan")
    def _fee_as_number(self, v: Decimal | None) -> Any:
        # JSON number with the report's decimals; ints stay ints (0, not 0.0).
        if v is None:
            return None
        return int(v) if v == v.to_integral_value() else float(v)


class ApplicantRow(_Strict):
    """One 表三 row: six applicant types and the total."""

    natural_person: Count = None
    commercial: Count = None
    research: Count = None
    social_org: Count = None
    legal_service: Count = None
    other_org: Count = None
    total: Count = None


class Applications(_Strict):
    """表三 收到和处理政府信息公开申请情况: 25 rows × 7 columns."""

    new_received: ApplicantRow = Field(default_factory=ApplicantRow)
    carried_over: ApplicantRow = Field(default_factory=ApplicantRow)
    granted: ApplicantRow = Field(default_factory=ApplicantRow)
    partially_granted: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_state_secret: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_prohibited_by_law: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_security_stability: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_third_party: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_internal_affairs: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_process_info: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_enforcement_file: ApplicantRow = Field(default_factory=ApplicantRow)
    denied_query_matter: ApplicantRow = Field(default_factory=ApplicantRow)
    unavailable_not_held: ApplicantRow = Field(default_factory=ApplicantRow)
    unavailable_needs_creation: ApplicantRow = Field(default_factory=ApplicantRow)
    unavailable_unclear: ApplicantRow = Field(default_factory=ApplicantRow)
    rejected_petition: ApplicantRow = Field(default_factory=ApplicantRow)
    rejected_duplicate: ApplicantRow = Field(default_factory=ApplicantRow)
    rejected_publication: ApplicantRow = Field(default_factory=ApplicantRow)
    rejected_excessive: ApplicantRow = Field(default_factory=ApplicantRow)
    rejected_reconfirm: ApplicantRow = Field(default_factory=ApplicantRow)
    other_no_correction: ApplicantRow = Field(default_factory=ApplicantRow)
    other_unpaid_fee: ApplicantRow = Field(default_factory=ApplicantRow)
    other_other: ApplicantRow = Field(default_factory=ApplicantRow)
    total_processed: ApplicantRow = Field(default_factory=ApplicantRow)
    carried_forward: ApplicantRow = Field(default_factory=ApplicantRow)


class ReviewGroup(_Strict):
    """One 表四 group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


class ReviewLitigation(_Strict):
    """表四 行政复议、行政诉讼情况."""

    administrative_review: ReviewGroup = Field(default_factory=ReviewGroup)
    litigation_direct: ReviewGroup = Field(default_factory=ReviewGroup)
    litigation_after_review: ReviewGroup = Field(default_factory=ReviewGroup)


DISCLOSURE_PATHS: tuple[str, ...] = tuple(
    [f"active_disclosure.{g}.{c}" for g in ("regulations", "normative_documents")
     for c in ("issued", "repealed", "in_force")]
    + [f"active_disclosure.{k}" for k in ("licensing", "punishment", "enforcement", "fees_10k_yuan")]
)
#: The seven field paths of each 表三 row, by row key, in column order.
TABLE3_ROW_PATHS: dict[str, tuple[str, ...]] = {
    r: tuple(f"applications.{r}.{c}" for c in APPLICANT_COLUMNS) for r in APPLICATION_ROWS
}
TABLE3_PATHS: tuple[str, ...] = tuple(p for r in APPLICATION_ROWS for p in TABLE3_ROW_PATHS[r])
TABLE4_PATHS: tuple[str, ...] = tuple(
    f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS
)
#: Every compared field path of a report, in report order.
ALL_PATHS: tuple[str, ...] = ("agency", "year") + DISCLOSURE_PATHS + TABLE3_PATHS + TABLE4_PATHS


_CHINESE_WORDS = re.compile(r"[\u3400-\u9fff]+")


def same_value(path: str, a: Any, b: Any) -> bool:
    """Do two values of a field agree? ``null`` and ``0`` differ; numbers compare as decimals
    (``94.0121`` = ``Decimal("94.0121")``); the agency agrees when one name, whitespace
    removed, contains the other (``向阳区`` ~ ``向阳区人民政府``)."""
    if a is None or b is None:
        return a is None and b is None
    if path == "agency":          # one name contains the other, and adds Chinese words only (golden-format.md)
        sa, sb = "".join(str(a).split()), "".join(str(b).split())
        short, long = sorted((sa, sb), key=len)
        return bool(short) and short in long and bool(_CHINESE_WORDS.fullmatch(long.replace(short, "", 1) or "字"))
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


@cache
def _split_path(path: str) -> tuple[tuple[str, ...], str]:
    *parents, leaf = path.split(".")
    return tuple(parents), leaf


def _layout() -> tuple[list[tuple[str, ...]], dict[str, tuple[int, str]]]:
    """Every parent (a tuple of keys) of the form's field paths, the root first; and each field
    path's (parent index, leaf key): :meth:`Report.from_values` makes each parent dict once."""
    parents: list[tuple[str, ...]] = [()]
    where: dict[str, tuple[int, str]] = {}
    for path in ALL_PATHS:
        up, leaf = _split_path(path)
        if up not in parents:
            parents.append(up)
        where[path] = (parents.index(up), leaf)
    return parents, where


_PARENTS, _WHERE = _layout()


def table_of(path: str) -> str:
    """The table a field path belongs to: ``meta``, ``表二``, ``表三`` or ``表四``."""
    head = path.split(".", 1)[0]
    return {"active_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}.get(head, "meta")


class Report(_Strict):
    """One report in the golden shape of ``golden-format.md``."""

    doc_id: str
    agency: str | None = None
    year: int | None = None
    active_disclosure: ActiveDisclosure = Field(default_factory=ActiveDisclosure)
    applications: Applications = Field(default_factory=Applications)
    review_litigation: ReviewLitigation = Field(default_factory=ReviewLitigation)
    notes: list[str] = Field(default_factory=list)

    def get(self, path: str) -> Any:
        """The value at a field path (``applications.granted.total``)."""
        node: Any = self
        for part in path.split("."):
            node = getattr(node, part)
        return node

    def set(self, path: str, value: Any) -> None:
        """Set the value at a field path; validated like any assignment."""
        *parents, leaf = path.split(".")
        node: Any = self
        for part in parents:
            node = getattr(node, part)
        setattr(node, leaf, value)

    def values(self) -> dict[str, Any]:
        """Every compared field path and its value (each parent model looked up once, not once per field)."""
        nodes: list[Any] = []
        for parents in _PARENTS:
            node: Any = self
            for part in parents:
                node = getattr(node, part)
            nodes.append(node)
        return {p: getattr(nodes[at], leaf) for p, (at, leaf) in _WHERE.items()}

    def iter_values(self) -> Iterator[tuple[str, Any]]:
        for p in ALL_PATHS:
            yield p, self.get(p)

    def golden_dict(self) -> dict[str, Any]:
        """The JSON-ready dict in golden shape (fee as a JSON number)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_values(cls, doc_id: str, values: dict[str, Any], notes: list[str] | None = None) -> "Report":
        """Build a report from ``path → value`` (validated once, as a whole)."""
        data: dict[str, Any] = {"doc_id": doc_id, "notes": list(notes or [])}
        nodes: list[dict[str, Any] | None] = [data] + [None] * (len(_PARENTS) - 1)   # each made once
        try:
            for path, value in values.items():
                at, leaf = _WHERE[path]
                node = nodes[at]
                if node is None:
                    node = data
                    for part in _PARENTS[at]:
                        node = node.setdefault(part, {})
                    nodes[at] = node
                node[leaf] = value
        except KeyError:        # not only the form's field paths: key by key, afresh
            data = {"doc_id": doc_id, "notes": list(notes or [])}
            for path, value in values.items():
                parents, leaf = _split_path(path)
                node = data
                for part in parents:
                    node = node.setdefault(part, {})
                node[leaf] = value
        return cls.model_validate(data)
