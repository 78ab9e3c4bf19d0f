"""Values with their evidence: what an extractor read, what the verifier concluded.

The flow of data, in types:

    Document ──extractor──► Extraction (a Reading per field path, plus Ambiguities)
    Extraction(s) ──verify──► Record (golden-shape Report + FieldProvenance per path + Findings)

Every type here is plain data (pydantic), shared by the extractors and ``verify/``.
"""

from __future__ import annotations

import copy
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from .schema import ALL_PATHS, Report

__all__ = [
    "CellKind",
    "Method",
    "Status",
    "TRUSTED_STATUSES",
    "Reading",
    "Ambiguity",
    "Extraction",
    "Finding",
    "FieldProvenance",
    "Record",
]


class CellKind(str, Enum):
    """What a cell held in the source, before it became a golden value."""

    NUMBER = "number"            # 12, １２, 1,234, 94.0121
    ZERO = "zero"                # 0, 0.00
    BLANK = "blank"              # nothing at all → null
    PLACEHOLDER = "placeholder"  # / - — 无 不适用 空 → null
    TEXT = "text"                # words where a number belongs → not read
    ANNOTATED = "annotated"      # 22（其中修订16件） → 22, note kept
    OCR = "ocr"                  # a number read through OCR confusions (O→0, l→1, S→5, B→8)
    MISSING = "missing"          # the cell could not be read with certainty
    ABSENT = "absent"            # the report does not print the cell ((六) as one row) → null, never derived

    @property
    def has_value(self) -> bool:
        return self not in (CellKind.MISSING, CellKind.TEXT, CellKind.ABSENT)


#: (an enum member's lookup, ``CellKind.MISSING``, costs several times the test it is in: looked up once here for the
#: tests run on every reading, ~1,500 times a document)
_MISSING, _ABSENT, _TEXT = CellKind.MISSING, CellKind.ABSENT, CellKind.TEXT


class Status(str, Enum):
    """How far a value is to be trusted. Everything but ``proven``, ``pinned`` and ``reviewed`` goes to review."""

    PROVEN = "proven"          # read with certainty; every identity it is in holds (sources agree)
    PINNED = "pinned"          # not read as printed; identities of proven cells leave one value (verify/pinned.py)
    DERIVED = "derived"        # not read; pinned by the identities to exactly one value, which may be in doubt
    RESOLVED = "resolved"      # sources disagreed; exactly one candidate satisfies the identities
    DISPUTED = "disputed"      # takes part in a broken identity, or sources disagree undecidably
    UNVERIFIED = "unverified"  # read, but an identity it is in could not be checked (a cell is missing)
    MISSING = "missing"        # not read and not pinned down
    REVIEWED = "reviewed"      # a person decided the value (review queue decision)


#: the statuses trusted as they stand: used in the indicators, never queued for review
TRUSTED_STATUSES = frozenset({Status.PROVEN, Status.PINNED, Status.REVIEWED})


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def trusted(cls, **fields: Any) -> Any:
        """Build from already-valid values, every field given, without validation.

        The extract → verify hot path builds hundreds of these per document; this is
        :meth:`model_construct` minus its per-field default handling. Callers must pass
        every field with a value of the declared type.
        """
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", fields)
        object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj


class _Plain:
    """Per-field evidence is built hundreds of times per document, so it is a slotted
    dataclass rather than a pydantic model; these methods give it the same small
    surface (``model_copy``, ``model_dump``, ``model_validate``) used elsewhere."""

    __slots__ = ()
    _ENUMS: dict[str, type[Enum]] = {}

    @classmethod
    def trusted(cls, **fields: Any) -> Any:
        return cls(**fields)

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """From a dict (e.g. a record read back from JSON): enum fields from their values."""
        if isinstance(data, cls):
            return data
        known = cls.__dict__.get("_KNOWN")
        if known is None:       # (every record read back validates hundreds: the names are looked up once)
            known = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
            setattr(cls, "_KNOWN", known)
        if not known.issuperset(data):
            raise ValueError(f"{cls.__name__}: unknown keys {sorted(set(data) - known)}")
        data = dict(data)
        for name, enum in cls._ENUMS.items():
            if name in data and type(value := data[name]) is not enum:
                member = enum._value2member_map_.get(value) if isinstance(value, str) else None
                data[name] = member if member is not None else enum(value)
        return cls(**data)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        new = replace(self, **(update or {}))  # type: ignore[type-var]
        return copy.deepcopy(new) if deep else new

    def model_dump(self, *, mode: str = "python", exclude_defaults: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, default, factory in _field_specs(type(self)):
            value = getattr(self, name)
            if exclude_defaults and value == (factory() if factory is not MISSING else default):
                continue
            if mode == "json":
                value = _jsonable(value)
            out[name] = value
        return out


@cache
def _field_specs(cls: type) -> tuple[tuple[str, Any, Any], ...]:
    """(name, default, default factory) of a dataclass's fields: ``fields()`` once per class, not per dump."""
    return tuple((f.name, f.default, f.default_factory) for f in fields(cls))


_PLAIN = (str, int, bool, float, type(None))


def _jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class Method:
    """How a reading was found (:attr:`Reading.method`): the names the reader writes and verify/
    tests, kept here so that both sides spell them alike. (Other methods are named where they are
    read: "cell-per-line", "tab-row", ...)"""

    CELLS_AFTER_LABEL = "cells-after-label"          # the numbers after the row's label
    COLUMN_PARTS = "cells-after-labels-in-parts"     # the same in each of 表三's two column parts (extract/splitparts.py)
    GRID_ROW = "md-row"                              # a Markdown grid line's fields (extract/gridrows.py)
    CELLS_ABOVE_LABEL = "cells-above-label"          # the numbers printed above it (extract/above.py)
    CELLS_ABOVE_OR_BELOW = "cells-above-or-below"    # after it, but others stand above it (extract/direction.py)
    LAYOUT_COLUMNS_CLOSE = "layout-columns-close"    # placed by column positions another placing nearly fits
    GLUED_CUT = "glued-cut"                          # a glued digit run's only cut (extract/t2glued.py, table2.py)
    RUN_TOGETHER = "cells-run-together"              # a 表三 row's tokens, one starting with 0 parted into the cells
    #                                                  run together in it (00 for 0, 0), filling the row (extract/t3readings.py)
    TEXT_BLOCK_POSITION = "text-block-position"      # a text block placed by its headers alone (extract/blockread.py)
    TEXT_BLOCKS_ALIKE = "text-blocks-alike"          # 表三's blocks all of one number, no tiling needed (extract/blocktiles.py)
    FORM_ORDER_RUNS = "form-order-runs"              # the same, its columns parted into runs: their order a tool's (extract/formorder.py)
    FORM_ORDER = "form-order"                        # 表三's 175 numbers in the form's order, identities holding (extract/formorder.py)
    FORM_ORDER_APART = "form-order-apart"            # the same, printed apart from every label, zeros and blanks only (formorder.py)
    BLANK_ROW_PLACED = "form-order-blank-row"        # 表三 in the form's order around a row that printed no number, the
    #                                                  row its marks and the identities leave (extract/blankrow.py)
    T3_SIDEWAYS = "t3-on-its-side"                  # 表三 printed on its side, each applicant column a named line of 25
    #                                                  numbers under a header naming the form's rows (extract/t3sideways.py)
    T3_AFTER_T4 = "t3-cells-after-t4"                # 表三's last cells printed among 表四's, placed in order (extract/t3tail.py)
    T3_LEFTOVER_ORDER = "t3-first-rows-two-flows"     # 表三's first rows printed in two flows, placed in order (extract/t3top.py)
    T3_PAGE_ROWS = "t3-page-rows-bands"              # 表三's last pages' rows after their labels, cut into bands in
    #                                                  printed order, the row sums choosing (extract/t3pages.py)
    T3_REGION_BANDS = "t3-region-bands"              # 表三 whole from its region's numbers alone, cut into bands each
    #                                                  printed column by column, the identities choosing (extract/t3pages.py)
    T3_LEAD_COLUMN = "t3-lead-column"                # 表三's first rows as one band column by column, then 自然人's cells of
    #                                                  the rows below, printed among their labels (extract/t3leadcolumn.py)
    FORM_ORDER_ROWS = "form-order-rows"              # the same, a row placed by its printed order alone, another row so placed
    #                                                  trading places with it keeping every identity (formorder.py)
    WRAPPED_PIECES = "wrapped-pieces"                # a row whose narrow cells' digits wrapped round its line: every
    #                                                  placement of them an option for the identities (extract/wrappieces.py)
    OTHER_AS_ONE_ROW = "one-row （六）其他处理"        # a sub-row of （六）其他处理 printed as one row (extract/table3.py)
    RULE_GLYPHS_DROPPED = "rule-glyphs-dropped"      # a 表二 row read across OCR'd table rules (extract/ruleglyphs.py)
    T4_ACROSS_HEADERS = "row-of-15-across-headers"   # 表四's cells one to a line, its column headers among them (extract/table4.py,
    #                                                  t4headruns.py, t4labelled.py's cells under headers side by side)
    T4_TABLE_ROWS = "table-rows-of-15"               # 表四's cells as a web page's or Word file's table rows give them (extract/table4.py)
    T4_BY_COLUMNS = "t4-boxes-by-columns"           # 表四's three rows of five printed column by column (extract/t4boxes.py,
    #                                                  t4colrows.py)
    T4_EDGE_BLANK = "t4-edge-group-blank"            # 表四's ten numbers of a row of 15, an edge group blank (extract/t4edges.py)
    T4_COLUMN_PLACED = "t4-placed-in-columns"       # 表四's row of 15, fewer numbers, each under its column (extract/t4placed.py)
    COLUMN_ORDER = "column-order-by-header"          # 表三's total printed first, only its header says so (extract/extracols.py)
    HEADER_ORDER = "columns-in-header-order"         # 表二's or 表四's columns in another order, only its header says so
    #                                                  (extract/headerorder.py)
    APPLICANT_ORDER = "applicant-order-by-header"    # 表三's applicant columns in another order, only its header says so
    #                                                  (extract/applicantorder.py)
    LABEL_STACK = "label-stack"                      # a 表二 row under a label printed right below another (extract/stacked.py)
    T2_BOXES = "label+boxes"                         # a 表二 row's cells one to a line, blank lines between (extract/t2glued.py, table2.py)
    T2_UNEVEN_LINES = "label+uneven-lines"           # a 表二 row's cells on lines holding unlike counts or spaced unlike (table2.py)
    STRAY_COLUMN = "past-stray-column"               # 表二 read past a column of hidden cells every row ends in (extract/straycol.py)
    T2_OLD_FORM_SHAPE = "old-form-shape"             # 表二 whose decisions' rows hold three numbers, as the 2019/2020 form's
    #                                                  do (extract/oldform.py)


@dataclass(slots=True)
class Reading(_Plain):
    """One extractor's reading of one field."""

    value: int | Decimal | str | None = None
    kind: CellKind = CellKind.MISSING
    raw: str | None = None
    lines: list[int] = field(default_factory=list)  # 1-based line numbers in the document
    method: str = ""                                # how it was found: "cell-per-line", "tab-row", ...
    note: str | None = None                         # e.g. the annotation of an annotated number

    _ENUMS: ClassVar[dict[str, type[Enum]]] = {"kind": CellKind}

    @property
    def missing(self) -> bool:
        """Nothing was read: the kind is missing or absent, or text stands where a number belongs."""
        kind = self.kind
        return kind is _MISSING or kind is _ABSENT or (kind is _TEXT and self.value is None)


class Ambiguity(_Data):
    """A group of fields the source allows several readings of.

    ``options[i][j]`` is the value of ``paths[j]`` under reading *i*; ``None`` there
    means "unknown under this reading" (a lost cell the identities may pin down).
    The verifier keeps the readings under which every identity can hold.
    """

    paths: list[str]
    options: list[list[int | None]]
    reason: str
    raw: str = ""
    lines: list[int] = Field(default_factory=list)
    #: ``marks[i][j]``: under reading *i*, ``paths[j]`` is a printed placeholder (``-``, ``无``: blank, 0 in the
    #: sums; extract/markgaps.py); empty where no reading holds one
    marks: list[list[bool]] = Field(default_factory=list)


class Extraction(_Data):
    """What one extractor read from one document."""

    doc_id: str
    extractor: str                       # "regex", "model"
    readings: dict[str, Reading] = Field(default_factory=dict)
    ambiguities: list[Ambiguity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)  # model name, prompt version, tokens, ...
    #: the pages (1-based) whose text was read from an invisible OCR layer over a scan (ingest's note):
    #: such a text proves nothing no identity checks (verify/trust.py)
    ocr_pages: list[int] = Field(default_factory=list)
    #: 表三's blank cells a web page printed as empty cell elements (extract/printedblanks.py): no lost 0 (verify/blanks.py)
    printed_blanks: list[str] = Field(default_factory=list)

    def reading(self, path: str) -> Reading:
        return self.readings.get(path) or Reading()

    def report(self) -> Report:
        """The values read, in golden shape (unread fields are null)."""
        values = {p: r.value for p, r in self.readings.items() if not r.missing and p in ALL_PATHS}
        return Report.from_values(self.doc_id, values)


class Finding(_Data):
    """A rule's verdict on some fields: data, not an exception."""

    code: str                                   # stable rule code, e.g. "T3.ROW_SUM"
    severity: str = "error"                     # "error" (identity broken), "warning", "info"
    message: str
    paths: list[str] = Field(default_factory=list)
    expected: int | None = None                 # one side of the identity
    actual: int | None = None                   # the other side
    detail: dict[str, Any] = Field(default_factory=dict)


@dataclass(slots=True)
class FieldProvenance(_Plain):
    """Where a field's output value came from and how far it is trusted."""

    status: Status
    source: str | None = None                   # "regex", "model", "derived", "review"
    method: str | None = None
    kind: CellKind = CellKind.MISSING
    raw: str | None = None
    lines: list[int] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)   # deciding identity, or the broken ones
    candidates: dict[str, Any] = field(default_factory=dict)  # {"regex": 5, "model": 6, ...}
    note: str | None = None
    grounding: dict[str, Any] = field(default_factory=dict)   # the model value in the source text:
    #                                             {"status": exact|digit_run|not_found, "lines", "text"}

    _ENUMS: ClassVar[dict[str, type[Enum]]] = {"status": Status, "kind": CellKind}

    def json_dict(self) -> dict[str, Any]:
        """``model_dump(mode="json", exclude_defaults=True)``, built by hand: a record holds ~200 of
        these and writing it is on every document's path (tests/test_record_json.py keeps the two equal)."""
        # (``_value_``: the member's value as stored; the ``.value`` property costs a descriptor call)
        out: dict[str, Any] = {"status": self.status._value_}
        if self.source is not None:
            out["source"] = self.source
        if self.method is not None:
            out["method"] = self.method
        kind = self.kind
        if kind != _MISSING:
            out["kind"] = kind._value_ if isinstance(kind, Enum) else kind
        if self.raw is not None:
            out["raw"] = self.raw
        if self.lines:
            out["lines"] = list(self.lines)
        if self.rules:
            out["rules"] = list(self.rules)
        if self.candidates:
            out["candidates"] = _jsonable(self.candidates)
        if self.note is not None:
            out["note"] = self.note
        if self.grounding:
            out["grounding"] = _jsonable(self.grounding)
        return out


class Record(_Data):
    """The verified record of one document: golden-shape values with their provenance."""

    report: Report
    provenance: dict[str, FieldProvenance] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    source: dict[str, Any] = Field(default_factory=dict)   # path, content hash, format, encoding
    stages: dict[str, Any] = Field(default_factory=dict)   # per-stage info: regex, model (tokens, errors)

    @property
    def doc_id(self) -> str:
        return self.report.doc_id

    def status_counts(self) -> dict[str, int]:
        by_status: dict[Status, int] = dict.fromkeys(Status, 0)
        for prov in self.provenance.values():
            by_status[prov.status] += 1        # (by member: ``.value`` is a property, read once per status)
        return {s.value: n for s, n in by_status.items()}

    def to_json_dict(self) -> dict[str, Any]:
        """Golden shape at the top level, evidence beside it."""
        out = self.report.golden_dict()
        out["provenance"] = {p: v.json_dict() for p, v in self.provenance.items()}
        out["findings"] = [f.model_dump(mode="json", exclude_defaults=True) for f in self.findings]
        out["status_counts"] = self.status_counts()
        out["source"] = self.source
        out["stages"] = self.stages
        return out

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> "Record":
        golden_keys = set(Report.model_fields)
        report = Report.model_validate({k: v for k, v in data.items() if k in golden_keys})
        return cls(
            report=report,
            provenance={p: FieldProvenance.model_validate(v) for p, v in data.get("provenance", {}).items()},
            findings=[Finding.model_validate(f) for f in data.get("findings", [])],
            source=data.get("source", {}),
            stages=data.get("stages", {}),
        )
