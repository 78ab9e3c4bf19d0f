"""The long form of a record: one row per field (document, table, row, column, value, status).

Every combined output (records.sqlite, fields.csv, records.xlsx, report.html) is built
from these rows, so they all agree on where a field sits and how far it is trusted.
Fields are located by their path: ``applications.granted.total`` is 表三, row
``granted``, column ``total``; ``active_disclosure.licensing`` is 表二, row ``licensing``
and no column; ``agency`` is meta.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple


from ..evidence import TRUSTED_STATUSES, Status
from ..form import FORM
from ..schema import ALL_PATHS, table_of

__all__ = ["FieldRow", "field_rows", "locate", "value_of", "value_text", "ROW_LABELS", "COLUMN_LABELS",
           "QUEUED_STATUSES", "STATUS_COLOURS"]

#: Statuses still waiting for a person (the trusted ones, ``proven``, ``pinned`` and ``reviewed``, are not).
QUEUED_STATUSES = frozenset(s.value for s in Status if s not in TRUSTED_STATUSES)

def _short(label: str) -> str:
    """A printed label without its parenthesised remark or trailing clause (for table headings)."""
    for cut in ("（区分", "、行政机关", "政府信息公开申请数量"):
        label = label.split(cut)[0]
    return label


def _labels() -> tuple[dict[str, str], dict[str, str]]:
    rows: dict[str, str] = {r.path.split(".")[-1]: r.label for r in FORM.table2}
    rows["fees_10k_yuan"] += "（万元）"
    for r in FORM.table3_rows:
        group = r.group if r.group.startswith("（") else ""
        rows[r.key] = f"{group} {_short(r.label)}".strip()
    rows.update({g.key: g.label for g in FORM.table4_groups})
    columns = {c.key: c.label.removesuffix("件数") for r in FORM.table2 for c in r.columns if c.key}
    columns.update({c.key: c.label for c in (*FORM.table3_columns, *FORM.table4_columns)})
    return rows, columns


#: Row and column headings as the form prints them (shortened), by key.
ROW_LABELS, COLUMN_LABELS = _labels()


class FieldRow(NamedTuple):
    """One field of one document, with its status and where it came from (built ~200 times
    per document on every rebuild, hence an immutable tuple built positionally)."""

    doc_id: str
    path: str
    table: str                 # meta, 表二, 表三, 表四
    row: str
    column: str | None
    value: Any                 # int, Decimal (the fee), str (agency) or None (blank)
    text: str | None           # the value as exact text (value_text), None for a blank
    status: str                # proven, derived, ..., reviewed
    source: str | None         # regex, model, derived, review
    rules: Sequence[str]
    lines: list[int]           # sorted, without repeats


def locate(path: str) -> tuple[str, str, str | None]:
    """(table, row, column) of a field path."""
    parts = path.split(".")
    if len(parts) == 1:
        return "meta", parts[0], None
    rest = parts[1:]
    return table_of(path), rest[0], rest[1] if len(rest) > 1 else None


_LOCATIONS = {p: locate(p) for p in ALL_PATHS}
_PARTS = {p: tuple(p.split(".")) for p in ALL_PATHS}


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


def _groups() -> tuple[tuple[tuple[str, ...], tuple[tuple[str, str, str, str, str | None], ...]], ...]:
    """The field paths in report order, in runs under one parent (``applications.granted``): the parent
    is looked up once per run, then each leaf."""
    groups: list[tuple[tuple[str, ...], list[tuple[str, str, str, str, str | None]]]] = []
    for path in ALL_PATHS:
        *parent, leaf = path.split(".")
        if not groups or groups[-1][0] != tuple(parent):
            groups.append((tuple(parent), []))
        groups[-1][1].append((leaf, path, *_LOCATIONS[path]))
    return tuple((parent, tuple(leaves)) for parent, leaves in groups)


_GROUPS = _groups()
_NO_RULES: tuple[str, ...] = ()
_NO_PROVENANCE: dict[str, Any] = {}
#: Each status string once (a record's "proven" strings become one object: smaller pickles).
_STATUSES = {s.value: s.value for s in Status}


def _sorted_lines(lines: list[Any]) -> list[Any]:
    """Line numbers sorted, without repeats (``sorted(set(lines))``; a pair of ints, the most common, directly)."""
    if len(lines) == 1:
        return list(lines)
    if len(lines) == 2 and type(a := lines[0]) is int and type(b := lines[1]) is int:
        return [a, b] if a < b else [b, a] if b < a else [a]
    return sorted(set(lines))


_new_row = tuple.__new__          # FieldRow._make without its Python frame (~200 rows per document)


def field_rows(rec: dict[str, Any]) -> list[FieldRow]:
    """Every field of a record dict, in report order, with its status and source."""
    doc_id = str(rec.get("doc_id"))
    prov = rec.get("provenance") or _NO_PROVENANCE
    statuses = _STATUSES
    out: list[FieldRow] = []
    append = out.append
    for parent, leaves in _GROUPS:
        node: Any = rec
        for part in parent:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            node = _NO_PROVENANCE
        for leaf, path, table, row, column in leaves:
            p = prov.get(path) or _NO_PROVENANCE
            value = node.get(leaf)
            if type(value) is int:
                text = str(value)
            elif value is None:
                text = None
            else:
                text = value_text(value)
            lines = p.get("lines")
            status = p.get("status", "missing")
            append(_new_row(FieldRow, (doc_id, path, table, row, column, value, text, statuses.get(status, status),
                                       p.get("source"), p.get("rules") or _NO_RULES,
                                       _sorted_lines(lines) if lines else [])))
    return out


#: One background colour per status (hex RGB), shared by the workbook and the HTML report.
STATUS_COLOURS: dict[str, str] = {
    "proven": "E8F5E9", "pinned": "D7EFE3", "reviewed": "DCEBFA", "derived": "FFF4C2", "resolved": "EEDDF5",
    "unverified": "FFE2C2", "disputed": "FFCDD2", "missing": "E0E0E0",
}
