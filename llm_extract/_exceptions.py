"""The exceptions llm-extract raises. Exceptions are for broken input and broken
programs; a value that breaks an identity is a *finding*, never an exception.

    LLMExtractError
    ├── DocumentError                 one document cannot be processed; the batch goes on
    │   ├── EmptyDocumentError        the file is empty (or only whitespace)
    │   ├── BinaryDocumentError       the bytes are not text in any supported encoding
    │   ├── UnsupportedFormatError    a file type we cannot read (.xls, images without OCR, ...)
    │   ├── NotAReportError           text, but none of the three tables (表二, 表三, 表四)
    │   ├── UnreadableTablesError     the tables' headings are there, but no cell reads in their layout
    │   ├── UnsupportedFormError      a report in the 2019/2020 form, not the 2021 form
    │   └── DocumentTooLargeError     over the size or page limit of one document (llm_extract.ingest.limits)
    ├── ModelStageError               the language-model stage failed for a document
    │   ├── ModelConfigError          no usable model configuration (base URL, model, key)
    │   └── ModelCallError            transport / schema retries exhausted; carries attempts, usage, raw
    ├── GoldenError                   a golden file or an output directory is malformed
    └── RebuildError                  the combined outputs could not be rebuilt (a record killed the process
                                      rendering or reading it twice); the previous ones are left whole

Every :class:`DocumentError` names the file and the reason in its message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
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


class LLMExtractError(Exception):
    """Base class of every error llm-extract raises on purpose."""


class DocumentError(LLMExtractError):
    """One document cannot be processed. Names the file and the reason."""

    reason = "cannot be processed"

    def __init__(self, path: str | Path, detail: str | None = None) -> None:
        self.path = str(path)
        self.detail = detail or self.reason
        super().__init__(f"{self.path}: {self.detail}")

    @property
    def code(self) -> str:
        return type(self).__name__


class EmptyDocumentError(DocumentError):
    reason = "the file is empty"


class BinaryDocumentError(DocumentError):
    reason = "the file is binary, not text in any supported encoding"


class UnsupportedFormatError(DocumentError):
    reason = "unsupported file type"


class NotAReportError(DocumentError):
    reason = "not an annual report: none of 表二, 表三, 表四 was found"


class UnreadableTablesError(DocumentError):
    reason = "the report's tables were found, but none of their cells reads in this layout"


class UnsupportedFormError(DocumentError):
    reason = "unsupported form: this is the 2019/2020 form (国办公开办函〔2019〕60号), not the 2021 form"


class DocumentTooLargeError(DocumentError):
    reason = "too large to be a report (over the limit of one document)"


class ModelStageError(LLMExtractError):
    """The language-model stage failed."""


class ModelConfigError(ModelStageError):
    """No usable model configuration."""


class ModelCallError(ModelStageError):
    """A model call failed after every retry. Carries what is known about the attempts."""

    def __init__(self, message: str, *, attempts: int = 0, usage: dict[str, int] | None = None,
                 raw: Any = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.usage = usage or {}
        self.raw = raw


class GoldenError(LLMExtractError):
    """A golden file or an output directory is malformed."""


class RebuildError(LLMExtractError):
    """The combined outputs could not be rebuilt (the previous ones are left as they were; the records hold
    every document)."""


def process_died(path: object, doing: str) -> RebuildError:
    """The error of a record that killed the worker process ``doing`` something with it twice (once among others,
    once alone: ``llm_extract.workers.map_ordered``'s ``died``)."""
    return RebuildError(f"{path}: {doing} killed the process doing it twice (ended by the system, as the "
                        "out-of-memory killer does, or by a crash in a library); the combined outputs were not "
                        "rebuilt and are left as they were")
