"""A document's readings → its record: the deterministic reading, and the model's answer, settled in one place.

    reading = read_document(doc)                   # deterministic extraction (None when no table), narrative
    record = reading.record()                      # settled without a model
    record = reading.record(model_extraction)      # settled with the model's answer
    record = reading.with_model_result(extraction, info)   # what a model-stage result makes of it

Every record goes through :func:`verify.settle.settle`; this module only gathers its inputs
(the deterministic extractor, the narrative figures, the document's lines) and adds the
source facts. A document that names the report or its tables but whose tables the
deterministic reader cannot locate is still a report (``reading.extraction`` is ``None``):
the model may read it.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._exceptions import NotAReportError
from .digit_reading import digit_mapped_reading
from .evidence import Extraction, Record
from .extract import extract_regex
from .extract.narrative import read_narrative
from .form import FORM
from .ingest import Document
from .ingest.notices import explain_not_a_report, ingest_findings
from .narrative_types import NarrativeFigure
from verify.settle import Decided, apply_decisions, record_model_failure, settle

__all__ = ["DocumentReading", "read_document", "looks_like_report"]


def looks_like_report(lines: Sequence[str]) -> bool:
    """Does the text name the report (政府信息公开…年度报告) or one of its tables' headings?"""
    text = "".join("".join(line.split()) for line in lines[:4000])
    if "政府信息公开" in text and "年度报告" in text:
        return True
    return sum(1 for pattern in FORM.headings.values() if pattern.search(text)) >= 2


_TABLES = (("表二", "active_disclosure."), ("表三", "applications."), ("表四", "review_litigation."))


@dataclass
class DocumentReading:
    """What the deterministic path read of one document: the inputs of :func:`verify.settle.settle`."""

    doc: Document
    extraction: Extraction | None
    figures: list[NarrativeFigure] = field(default_factory=list)

    def record(self, model: Extraction | None = None, decisions: Iterable[Decided] = ()) -> Record:
        """Settled with the model's extraction (if any) and the document's decisions in force."""
        doc = self.doc
        source = {"path": doc.path, "content_hash": doc.content_hash, "format": doc.source_kind,
                  "encoding": doc.encoding} | ({"file_hash": doc.file_hash} if doc.file_hash else {})
        # (the unread tables are named only for a document that shows pictures: looked for there alone)
        unread = self.unread_tables() if doc.pictures else []
        return settle(self.extraction, model, self.figures, decisions, doc.lines, doc_id=doc.doc_id,
                      source=source, notices=ingest_findings(doc, unread))  # e.g. scanned pages

    def unread_tables(self) -> list[str]:
        """The tables (表二, 表三, 表四) of which the deterministic reading read no cell."""
        if self.extraction is None:
            return []
        readings = self.extraction.readings
        return [name for name, prefix in _TABLES if not any(not r.missing for p, r in readings.items()
                                                             if p.startswith(prefix))]

    def with_model_result(self, model: Extraction | None, info: dict[str, Any], deterministic: Record,
                          decisions: Iterable[Decided] = ()) -> Record:
        """The record after the model stage: settled with the answer, or the deterministic record
        with the failure (or the skip) written in it; the decisions applied in every case."""
        if model is not None:
            try:
                record = self.record(model, decisions)
            except Exception as exc:    # a bug the answer set off: this document keeps its reading, the batch goes on
                error = (f"internal error while checking the model's answer ({type(exc).__name__}: {exc}); "
                         "this is a bug in llm-extract: please report it with this file")
                info |= {"status": "failed", "error": error, "kind": "internal",
                         "failure": {"error": error, "kind": "internal", "traceback": traceback.format_exc()}}
            else:
                info["crosscheck"] = record.stages.get("crosscheck", {})
                return record
        if info.get("status") == "failed":
            record = record_model_failure(deterministic, dict(info.get("failure") or {"error": info.get("error")}))
        else:
            stages = dict(deterministic.stages) | {"model": {"status": "skipped", "reason": info.get("reason")}}
            record = deterministic.model_copy(update={"stages": stages})
        return apply_decisions(record, decisions, self.doc.lines)


def read_document(doc: Document, *, tolerate_no_table: bool = False) -> DocumentReading:
    """The deterministic reading of a document.

    Raises :class:`NotAReportError` when no table is found, unless ``tolerate_no_table`` and the
    text still looks like a report (:func:`looks_like_report`): then the extraction is ``None``.
    """
    try:
        extraction: Extraction | None = extract_regex(doc)
    except NotAReportError as exc:
        extraction = digit_mapped_reading(doc, None)      # numbers in a font the text layer does not decode
        if extraction is None and not (tolerate_no_table and looks_like_report(doc.lines)):
            raise explain_not_a_report(exc, doc) from None
    else:
        extraction = digit_mapped_reading(doc, extraction) or extraction
    year = extraction.readings["year"].value if extraction is not None and "year" in extraction.readings else None
    regions = extraction.meta.get("regions") if extraction is not None else None
    figures = read_narrative(doc.lines, year if isinstance(year, int) else None, regions)
    return DocumentReading(doc, extraction, figures)
