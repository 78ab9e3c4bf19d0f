"""The long form of a record: one row per field (document, table, row, column, value, status).

Every combined output (records.sqlite, fields.csv, records.xlsx, report.html) is built
from these rows, so they all agree on where a field sits and how far it is trusted.
Fields are located by their path: ``applications.granted.total`` is 表三, row
``granted``, column ``total``; ``active_disclosure.licensing`` is 表二, row ``licensing``
and no column; ``agency`` is meta.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


from ..schema import ALL_PATHS, table_of

__all__ = ["FieldRow", "field_rows", "locate", "value_of", "value_text", "ROW_LABELS", "COLUMN_LABELS",
           "QUEUED_STATUSES", "STATUS_COLOURS"]

#: Statuses still waiting for a person (``reviewed`` and ``proven`` are not).
QUEUED_STATUSES = frozenset({"derived", "resolved", "disputed", "unverified", "missing"})

ROW_LABELS: dict[str, str] = {
    "regulations": "规章", "normative_documents": "行政规范性文件", "licensing": "行政许可",
    "punishment": "行政处罚", "enforcement": "行政强制", "fees_10k_yuan": "行政事业性收费（万元）",
    "new_received": "一、本年新收", "carried_over": "二、上年结转", "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开", "denied_state_secret": "（三）1.国家秘密",
    "denied_prohibited_by_law": "2.其他法律行政法规禁止公开", "denied_security_stability": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益", "denied_internal_affairs": "5.三类内部事务信息",
    "denied_process_info": "6.四类过程性信息", "denied_enforcement_file": "7.行政执法案卷",
    "denied_query_matter": "8.行政查询事项", "unavailable_not_held": "（四）1.本机关不掌握",
    "unavailable_needs_creation": "2.没有现成信息需另行制作", "unavailable_unclear": "3.补正后仍不明确",
    "rejected_petition": "（五）1.信访举报投诉类", "rejected_duplicate": "2.重复申请",
    "rejected_publication": "3.要求提供公开出版物", "rejected_excessive": "4.无正当理由大量反复申请",
    "rejected_reconfirm": "5.要求确认或重新出具", "other_no_correction": "（六）1.逾期不补正",
    "other_unpaid_fee": "2.逾期未缴费", "other_other": "3.其他", "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度", "administrative_review": "行政复议",
    "litigation_direct": "行政诉讼·未经复议直接起诉", "litigation_after_review": "行政诉讼·复议后起诉",
}
COLUMN_LABELS: dict[str, str] = {
    "issued": "本年制发", "repealed": "本年废止", "in_force": "现行有效",
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "social_org": "社会公益组织",
    "legal_service": "法律服务机构", "other_org": "其他", "total": "总计",
    "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
}


@dataclass(slots=True, frozen=True)
class FieldRow:
    """One field of one document, with its status and where it came from (built ~250 times
    per document on every rebuild, hence a slotted dataclass)."""

    doc_id: str
    path: str
    table: str                 # meta, 表二, 表三, 表四
    row: str
    column: str | None
    value: Any                 # int, Decimal (the fee), str (agency) or None (blank)
    status: str                # proven, derived, ..., reviewed
    source: str | None         # regex, model, derived, review
    rules: list[str]
    lines: list[int]


def locate(path: str) -> tuple[str, str, str | None]:
    """(table, row, column) of a field path."""
    parts = path.split(".")
    if len(parts) == 1:
        return "meta", parts[0], None
    rest = parts[1:]
    return table_of(path), rest[0], rest[1] if len(rest) > 1 else None


_LOCATIONS = {p: locate(p) for p in ALL_PATHS}


def value_of(rec: dict[str, Any], path: str) -> Any:
    """The value at a field path of a record dict (golden shape at its top level)."""
    node: Any = rec
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def value_text(value: Any) -> str | None:
    """A value as exact text (``94.0121`` stays ``94.0121``); None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):  # a fee read back without Decimal parsing
        return format(Decimal(str(value)), "f")
    return str(value)


def field_rows(rec: dict[str, Any]) -> list[FieldRow]:
    """Every field of a record dict, in report order, with its status and source."""
    doc_id = str(rec.get("doc_id"))
    prov = rec.get("provenance", {})
    out = []
    for path in ALL_PATHS:
        p = prov.get(path, {})
        table, row, column = _LOCATIONS[path]
        out.append(FieldRow(
            doc_id=doc_id, path=path, table=table, row=row, column=column, value=value_of(rec, path),
            status=p.get("status", "missing"), source=p.get("source"), rules=list(p.get("rules", [])),
            lines=sorted(set(p.get("lines", []))),
        ))
    return out

#: One background colour per status (hex RGB), shared by the workbook and the HTML report.
STATUS_COLOURS: dict[str, str] = {
    "proven": "E8F5E9", "reviewed": "DCEBFA", "derived": "FFF4C2", "resolved": "EEDDF5",
    "unverified": "FFE2C2", "disputed": "FFCDD2", "missing": "E0E0E0",
}
