"""What the review page shows, as plain data for the templates (never HTML: the templates escape).

A document's view is its meta fields, 表二, 表三 (25 × 7) and 表四 (3 × 5), every cell with
its value and status, and its queued items, each with the source lines cut into pieces so
that the template can mark the cell's text without ever trusting the document's text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..evidence import Status
from ..review import ReviewItem
from ..review_store import DocumentQueue, ReviewStore
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from ..synth.render import TABLE3_ROW_LABELS
from verify.identities import spell_out

__all__ = ["document_view", "STATUS_NAMES"]

STATUS_NAMES = tuple(s.value for s in Status)
_T3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_T4_GROUPS = {"administrative_review": "行政复议", "litigation_direct": "行政诉讼：未经复议直接起诉",
              "litigation_after_review": "行政诉讼：复议后起诉"}
_T4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_T2_ROWS = (("规章：本年制发 / 废止 / 现行有效", [f"active_disclosure.regulations.{c}" for c in ("issued", "repealed", "in_force")]),
            ("行政规范性文件：本年制发 / 废止 / 现行有效",
             [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]),
            ("行政许可", ["active_disclosure.licensing"]), ("行政处罚", ["active_disclosure.punishment"]),
            ("行政强制", ["active_disclosure.enforcement"]), ("行政事业性收费（万元）", ["active_disclosure.fees_10k_yuan"]))


def _get(rec: dict[str, Any], path: str) -> Any:
    node: Any = rec
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


_CELL = re.compile(r"[^\s⇥]+")
_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*")


def _column(path: str) -> list[tuple[tuple[int, ...], int]]:
    """Where the field's cell stands among the numbers of its printed row: (row lengths, index)."""
    *_, row, leaf = ["", *path.split(".")]
    if leaf in APPLICANT_COLUMNS and path.startswith("applications."):
        return [((6, 7), APPLICANT_COLUMNS.index(leaf))]          # a lost total leaves six
    if leaf in REVIEW_COLUMNS and row in REVIEW_GROUPS:
        col = REVIEW_COLUMNS.index(leaf)
        return [((15,), REVIEW_GROUPS.index(row) * len(REVIEW_COLUMNS) + col), ((5,), col)]
    if leaf in ("issued", "repealed", "in_force"):
        return [((3,), ("issued", "repealed", "in_force").index(leaf))]
    return []


def _pieces(text: str, path: str, raw: str | None) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, marked) around the field's cell: the number in its column of the
    row, the only number of a one-cell line, or else the raw cell text."""
    spans = [(m.start(), m.end()) for m in _CELL.finditer(text) if _NUMBER.fullmatch(m.group())]
    pick = spans[0] if len(spans) == 1 else None
    for lengths, i in _column(path) if pick is None else []:
        if len(spans) in lengths and i < len(spans):
            pick = spans[i]
            break
    if pick is None and raw and raw in text:
        start = text.index(raw)
        pick = (start, start + len(raw))
    if pick is None:
        return [(text, False)]
    return [(text[:pick[0]], False), (text[pick[0]:pick[1]], True), (text[pick[1]:], False)]


def _item_view(item: ReviewItem) -> dict[str, Any]:
    return {
        "item": item, "value": show(item.value),
        "message": spell_out(item.message or ""),   # a derivation's identities, named by label, spelt out
        "candidates": [(c.get("source", ""), show(c.get("value"))) for c in item.candidates],
        "lines": [(line.n, _pieces(line.text, item.path, item.raw)) for line in item.source_lines],
        "keep_only": not item.path,
    }


def document_view(store: ReviewStore, doc_id: str, docs: list[DocumentQueue] | None = None) -> dict[str, Any]:
    """Everything ``doc.html`` shows for one document; KeyError when there is no such document.
    ``docs``: :meth:`ReviewStore.documents` if the caller has it already (it reads the whole queue)."""
    rec = store.record(doc_id)
    items = store.items(doc=doc_id)
    by_path = {i.path: i for i in items if i.path and not i.finding}
    prov = rec.get("provenance", {})

    def cell(path: str) -> dict[str, Any]:
        item = by_path.get(path)
        return {"path": path, "value": show(_get(rec, path)), "status": prov.get(path, {}).get("status", "missing"),
                "item_id": item.id if item else ""}

    summary = next((d for d in (store.documents() if docs is None else docs) if d.doc_id == doc_id),
                   DocumentQueue(doc_id=doc_id))
    return {
        "doc_id": doc_id, "agency": rec.get("agency"), "year": rec.get("year"),
        "source": (rec.get("source") or {}).get("path"),
        "meta": [("机关 agency", [cell("agency")]), ("年度 year", [cell("year")])],
        "table2": [(label, [cell(p) for p in paths]) for label, paths in _T2_ROWS],
        "table3_columns": _T3_COLUMNS,
        "table3": [(" ".join(x for x in TABLE3_ROW_LABELS[r] if x), [cell(f"applications.{r}.{c}") for c in APPLICANT_COLUMNS])
                   for r in APPLICATION_ROWS],
        "table4_columns": _T4_COLUMNS,
        "table4": [(_T4_GROUPS[g], [cell(f"review_litigation.{g}.{c}") for c in REVIEW_COLUMNS]) for g in REVIEW_GROUPS],
        "items": [_item_view(i) for i in items],
        "decided": summary.decided, "total": summary.total,
        "statuses": STATUS_NAMES,
    }
