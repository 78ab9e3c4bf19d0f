"""How large one input document may be: its memory is many times its size, so a huge one fails by name.

Reading a document holds its text several times over (lines, normalised copies, the readers' indexes):
a 50 MB text dump took 390 MB, a 50 MB web page 440 MB. A file over the limit of its kind fails with a
:class:`~llm_extract.DocumentTooLargeError` naming it and the limit, before it is parsed; the batch goes on.

* ``max_mb`` (``extract --max-mb``, ``$LLM_EXTRACT_MAX_MB``; default 10): the megabytes of a document
  read as text (plain text, Markdown, JSON, CSV, a web page, a web page saved as ``.doc``). A PDF or a
  word-processor package (``.docx``, ``.odt``, ``.doc``, ``.rtf``, ``.mht``, Word's XML saves: pictures inside count,
  their text is bounded by their own readers, e.g. :mod:`.bounded_xml`) may be :data:`PACKAGE_FACTOR`
  times that. No more than that is ever read from the file.
* ``max_pages`` (``extract --max-pages``, ``$LLM_EXTRACT_MAX_PAGES``; default 500): a PDF's pages,
  counted before any page is read.

0 turns a limit off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .._exceptions import DocumentTooLargeError

__all__ = ["InputLimits", "read_capped", "PACKAGE_FACTOR", "MAX_MB", "MAX_PAGES"]

MAX_MB = 10
MAX_PAGES = 500
#: how many times ``max_mb`` a PDF or a word-processor package may be (its pictures are most of its bytes)
PACKAGE_FACTOR = 8
#: the kinds of file (as llm_extract.ingest sniffs them) whose bytes are mostly not text
_PACKAGES = ("pdf", "docx", "odt", "doc", "rtf", "mht", "image", "xlsx", "wordml")
_MB = 1024 * 1024


def _mb(n: float) -> str:
    return f"{n / _MB:.1f} MB" if n >= _MB else f"{n / 1024:.1f} KB"


@dataclass(frozen=True)
class InputLimits:
    """The limits of one document (see the module docstring); 0 is no limit."""

    max_mb: float = MAX_MB
    max_pages: int = MAX_PAGES

    @classmethod
    def from_env(cls, max_mb: float | None = None, max_pages: int | None = None) -> "InputLimits":
        """The limits given, else ``$LLM_EXTRACT_MAX_MB`` / ``$LLM_EXTRACT_MAX_PAGES``, else the defaults;
        ``ValueError`` naming the variable for a value that is not a number ≥ 0."""
        return cls(max_mb=_setting(max_mb, "LLM_EXTRACT_MAX_MB", MAX_MB, float),
                   max_pages=int(_setting(max_pages, "LLM_EXTRACT_MAX_PAGES", MAX_PAGES, int)))

    def file_bytes(self) -> int | None:
        """The most bytes read of any file (a package's limit), None for no limit."""
        return int(self.max_mb * PACKAGE_FACTOR * _MB) or None

    def check_kind(self, size: int, kind: str, path: str) -> None:
        """A file of ``size`` bytes read as ``kind`` (``txt``, ``html``, ``pdf``, ``docx``, …) within its limit."""
        if not self.max_mb or kind in _PACKAGES:
            return
        if size > self.max_mb * _MB:
            raise DocumentTooLargeError(path, f"{_mb(size)}, over the limit of {_mb(self.max_mb * _MB)} "
                                              "for one document read as text or a web page (a report is well under "
                                              "1 MB; --max-mb or LLM_EXTRACT_MAX_MB raises it, 0 for none)")


def _setting(given: float | None, env: str, default: float, kind: type) -> float:
    if given is not None:
        if given < 0:
            raise ValueError(f"a limit of {given}: it must be 0 (no limit) or more")
        return given
    text = os.environ.get(env, "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"{env}={text!r}: not a {'whole ' if kind is int else ''}number ≥ 0 (0: no limit)")
    return value


def read_capped(path: Path, limits: InputLimits, *, as_text: bool = False) -> bytes:
    """The bytes of ``path``, never more than its limit (``as_text``: a file whose name says it is read as
    text, else the limit of any file): a file over it is refused unread, and one growing as it is read, a
    device or a named pipe is refused once more than that has been read."""
    cap = int(limits.max_mb * _MB) if as_text else limits.file_bytes()
    if not cap:
        return path.read_bytes()
    with path.open("rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        data = b"" if size > cap else fh.read(cap + 1)
    if len(data) > cap or size > cap:
        if as_text:
            limits.check_kind(max(size, len(data)), "txt", str(path))
        raise DocumentTooLargeError(str(path), f"{_mb(max(size, len(data)))}, over the limit of {_mb(cap)} for one "
                                               f"file (a PDF or a word-processor file: {PACKAGE_FACTOR} × --max-mb, "
                                               "LLM_EXTRACT_MAX_MB; 0 for none)")
    return data
