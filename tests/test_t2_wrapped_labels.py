"""表二's 行政规范性文件 wrapped round its numbers in a narrow label column, under a blank 规章 row.

PDF text tools print such a table as ``规章`` / ``行政规范性文`` / ``4 2 4`` / ``件`` (or the numbers after 件, or
beside the first piece): 规章 prints no number, the numbers are the wrapped label's. The reader joins lines of
words into one cell (``规章行政规范性文``), so the wrapped label is found only by its pieces; 规章 must never be
given its numbers as if proven.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

_REGULATIONS = [f"active_disclosure.regulations.{c}" for c in ("issued", "repealed", "in_force")]
_NORMATIVE = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
_PRINTED = "规章\t/\t/\t/\n行政规范性文件\t5\t2\t51\n"

SHAPES = {
    "pdfplumber: numbers on the middle line": "规章\n行政规范性文\n5 2 51\n件\n",
    "pdftotext -layout: the same, spaced": "              规章\n            行政规范性文\n"
                                           "                       5        2        51\n               件\n",
    "pypdf: the last piece before the numbers": "规章\n行政规范性文\n件 5 2 51\n",
    "PyMuPDF: the label whole, one number to a line": "规章\n行政规范性文\n件\n5\n2\n51\n",
    "pypdf layout: numbers beside the first piece": "           规章\n        行政规范性文       5       2       51\n"
                                                     "           件\n",
}


def _record(shape: str):
    values = sample_values()
    for path in _REGULATIONS:
        values[path] = None
    text = report_text(values)
    assert _PRINTED in text
    return process_document(Document.from_text(text.replace(_PRINTED, shape), doc_id="d"))


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_the_numbers_go_to_the_wrapped_label_and_the_blank_row_above_takes_none(shape: str) -> None:
    record = _record(shape)
    values = record.report.values()
    assert [values[p] for p in _NORMATIVE] == [5, 2, 51]
    for path in _REGULATIONS:
        assert values[path] is None or record.provenance[path].status is not Status.PROVEN, path


_BELOW = {name: shape for name, shape in SHAPES.items() if "beside" not in name}


@pytest.mark.parametrize("shape", _BELOW.values(), ids=_BELOW.keys())
def test_which_row_a_lone_label_and_a_wrapped_one_share_numbers_is_a_guess_never_proven(shape: str) -> None:
    """No identity checks 表二: numbers below two labels stacked with nothing between them may be either's
    (stacked.py), so the wrapped label's reading is shown, unverified, for a reviewer (numbers on the line of the
    label's first piece are that row's, as any row's on its label's line)."""
    record = _record(shape)
    for path in _NORMATIVE:
        assert record.provenance[path].status is not Status.PROVEN, path
