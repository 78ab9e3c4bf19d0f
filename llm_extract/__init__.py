"""llm-extract: Chinese government information-disclosure annual reports → verified data.

The public surface (pinned by tests/test_public_api.py)::

    from llm_extract import load, extract_regex, process_document, run_batch, compare_dirs
    from llm_extract import Report, Record, Extraction, Reading, Finding, Status, CellKind

Everything else lives in private-by-convention modules and may change.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are imported on first use, so that ``import verify`` (which needs only the
# schema) never loads the extractors, the pipeline or the model stage.
_LAZY: dict[str, str] = {
    "load": ".ingest", "Document": ".ingest",
    "extract_regex": ".extract",
    "process_document": ".pipeline", "run_batch": ".pipeline", "RunSummary": ".pipeline",
    "compare_dirs": ".compare", "Comparison": ".compare",
    "Report": ".schema", "ALL_PATHS": ".schema",
    **{name: ".evidence" for name in ("Extraction", "Reading", "Ambiguity", "Record", "FieldProvenance",
                                      "Finding", "Status", "CellKind")},
    **{name: "._exceptions" for name in (
        "LLMExtractError", "DocumentError", "EmptyDocumentError", "BinaryDocumentError",
        "UnsupportedFormatError", "NotAReportError", "UnreadableTablesError", "UnsupportedFormError", "DocumentTooLargeError",
        "ModelStageError", "ModelConfigError", "ModelCallError", "GoldenError", "RebuildError")},
}

if TYPE_CHECKING:  # pragma: no cover
    from ._exceptions import *  # noqa: F403
    from .compare import Comparison, compare_dirs
    from .evidence import Ambiguity, CellKind, Extraction, FieldProvenance, Finding, Reading, Record, Status
    from .extract import extract_regex
    from .ingest import Document, load
    from .pipeline import RunSummary, process_document, run_batch
    from .schema import ALL_PATHS, Report


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'llm_extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "__version__",
    # pipeline
    "load",
    "extract_regex",
    "process_document",
    "run_batch",
    "compare_dirs",
    # data
    "Document",
    "Report",
    "ALL_PATHS",
    "Extraction",
    "Reading",
    "Ambiguity",
    "Record",
    "FieldProvenance",
    "Finding",
    "Status",
    "CellKind",
    "RunSummary",
    "Comparison",
    # errors
    "LLMExtractError",
    "DocumentError",
    "EmptyDocumentError",
    "BinaryDocumentError",
    "UnsupportedFormatError",
    "NotAReportError",
    "UnreadableTablesError",
    "UnsupportedFormError",
    "DocumentTooLargeError",
    "ModelStageError",
    "ModelConfigError",
    "ModelCallError",
    "GoldenError",
    "RebuildError",
]
