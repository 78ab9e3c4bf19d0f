"""Cells placed by their order in one list of numbers stand or fall together.

表四's fifteen numbers are placed by the order the text gives them in (``llm_extract/extract/table4.py``,
method ``row-of-15``). Printed as rows (one row of fifteen, three rows of five), that order is the
table's. Printed one number to a line, it is the order a text tool chose: pdftotext's default mode on a
word processor's PDF gave ``0 5 0 1 6 / 1 0 0 1 0 / 3 0 0 1 4`` for ``1 0 0 0 1 / 5 0 1 0 6 / 3 0 0 1 4``,
and the first group's total still holds, by chance. So where such a list breaks one of its identities,
its order is in doubt, and a group whose identity holds is not proven by it: each of its cells is
``unverified`` (``READ.SEQUENCE_BROKEN``); the cells of the broken group are disputed as always.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from llm_extract.evidence import Finding, Reading

__all__ = ["SEQUENCE_RULE", "placed_in_broken_sequence"]

SEQUENCE_RULE = "READ.SEQUENCE_BROKEN"
#: reading method of a list placed by its order → the code prefix of the identities over it
_SEQUENCES = {"row-of-15": "T4."}
#: more lines than this: one number to a line (three rows of five use three)
_AS_ROWS = 3


def placed_in_broken_sequence(readings: Mapping[str, Reading], findings: Iterable[Finding]) -> set[str]:
    """The read paths of every list placed one number to a line by its order, one of whose identities breaks."""
    broken = [f for f in findings if f.severity == "error"]
    out: set[str] = set()
    for method, prefix in _SEQUENCES.items():
        paths = [p for p, r in readings.items() if r.method == method and r.value is not None]
        lines = {n for p in paths for n in readings[p].lines}
        if len(lines) > _AS_ROWS and any(f.code.startswith(prefix) and not set(f.paths).isdisjoint(paths)
                                         for f in broken):
            out.update(paths)
    return out
