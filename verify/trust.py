"""A document whose text reads unreliably proves nothing that no identity checks.

表二 (and the fees row) is in no identity: a 表二 cell is proven on its reading alone. That is
sound while the text it was read from is sound, and the identities of 表三 and 表四 are the
measure of that: a report may misprint a cell or two (each breaks two or three identities, see
FORM.md), but a text that breaks many of them has been read with something wrong in its channel
(a Word file's hidden or deleted digits joined onto the shown ones, an OCR layer that misreads
digits, a converter that slid columns), and the same channel gave 表二. In such a document every
表二 cell read is ``unverified`` (rule ``READ.NOISY_TEXT``), its value kept as read.
"""

from __future__ import annotations

from collections.abc import Iterable

from llm_extract.evidence import Finding
from llm_extract.schema import DISCLOSURE_PATHS

__all__ = ["RULE", "NOISY_BREAKS", "noisy_text", "unchecked_paths"]

RULE = "READ.NOISY_TEXT"
#: Broken identity instances from which a document's text counts as unreliable. A misprinted cell
#: breaks at most three (its row, its column, the column's balance); two misprints at most six.
NOISY_BREAKS = 7

_UNCHECKED = frozenset(DISCLOSURE_PATHS)


def noisy_text(identity_findings: Iterable[Finding]) -> bool:
    """Whether the broken identities (verify.identities findings) are more than misprints explain."""
    return sum(1 for f in identity_findings if f.severity == "error") >= NOISY_BREAKS


def unchecked_paths() -> frozenset[str]:
    """The fields no identity checks, which a noisy text leaves unverified (表二 and its fees)."""
    return _UNCHECKED
