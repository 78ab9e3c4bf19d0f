"""Derived values nothing but a person could doubt less: used, marked ``pinned``, not queued.

A value the identities pin (``derived``, rule ``DERIVE.PINNED``) goes to review, because what pinned it
may itself be uncertain. It is **pinned** instead (trusted like ``proven``, marked as not read as printed)
when nothing is left to doubt. Always: the rules on it are ``DERIVE.PINNED`` and the identities that
pinned it, nothing else (no blank row placed, no misread or digit map, no narrative, no model dispute; a
model that agrees, its value found in the text or not, adds no doubt; a value only the model gave stays
derived: the text may print another, verify/modelpinned.py), and no error or warning names it. Then one of
two things holds:

* **a cut of a digit run**: the cells read from one line are its digits, every one (their values written
  one after another are the line's run, ``13200000132`` cut 132 0 0 0 0 0 132: a crawler's dump that lost
  every separator). The reader offers every cut without a leading zero, so the identities chose among all
  the readings the printed digits allow; each such cell is in two identities at least (表三's: its row's and
  its column's; 表四's cells, each in its group's sum alone, stay derived: three sums choose little among the
  cuts of fifteen cells, and where the run ends beside a sentence is the reader's guess), and every other cell
  of every identity it is in is ``proven`` or such a cell too. Its 0s are printed digits, no blank cells;
* **forced by arithmetic**: an identity it is in holds, and every other cell of that identity is ``proven``
  or pinned before it (a row printing ``0 0 0 0 0 6`` under seven columns: each cell is the one unknown of
  its column's balance). A value the derivation found unique only among the placings a reader offered
  (表四's cells of a group, each in its group's sum alone, with two numbers that could trade places) is
  forced by no identity: it stays ``derived``. Blank and 0 count alike in the identities (golden-format:
  ``null`` is not ``0``), so a forced 0 is pinned only where the text printed it: its row's numbers stand on
  one line no other row's cell was read from, they all went to the cells read from that line, and what
  those cells hold beyond them (the cells the line lost) holds no 0. A row lost whole, or whose lost cell
  is a 0, keeps its zeros ``derived``: the cell may have been printed blank; so does a row read from lines
  among other rows' (numbers printed below their labels, read from above: a blank row took the 0s of the row
  above it).

Pure: a :class:`Record` in, a new one out; applied after the model's reading and the narrative are
settled, before the reviewers' decisions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from llm_extract.evidence import FieldProvenance, Record, Status
from llm_extract.schema import ALL_PATHS

from .identities import equations_by_path, evaluate
from .onerow import SUB_ROWS

__all__ = ["pin_settled", "PINNED_RULES"]

#: the rules a pinned value may carry: the derivation's own, the identities' codes, and a model's agreement
PINNED_RULES = frozenset({"DERIVE.PINNED", "XCHECK.AGREE"} | {eq.code for eqs in equations_by_path().values() for eq in eqs})
_GROUNDING = "GROUND."         # where the agreeing model's value stands in the text (verify/grounding.py)
_TOKEN = re.compile(r"\S+")
_ORDER = {p: i for i, p in enumerate(ALL_PATHS)}
_SUB_ROWS = frozenset(SUB_ROWS)


def pin_settled(record: Record) -> Record:
    """``record`` with each derived value nothing leaves in doubt made ``pinned`` (see the module docstring)."""
    prov = record.provenance
    derived = Status.DERIVED        # (an enum member's lookup is not free: once, not once per field)
    cands = {p for p, v in prov.items() if v.status is derived and "DERIVE.PINNED" in v.rules
             and all(r in PINNED_RULES or r.startswith(_GROUNDING) for r in v.rules)}
    if not cands:
        return record               # (most records: nothing derived)
    doubted = {p for f in record.findings if f.severity in ("error", "warning") for p in f.paths}
    report = record.report
    form = report.values()          # (the form's every field at once; any other path by itself)
    values: dict[str, Any] = {p: form[p] if p in form else report.get(p) for p in prov}
    cands = {p for p in cands if p not in doubted and values[p] is not None}
    proven_status = Status.PROVEN
    proven = {p for p, v in prov.items() if v.status is proven_status}
    cut = _cuts(cands, proven, prov, values)
    forced = _forced(cands - cut, proven | cut, values)
    rows_on = _rows_on_lines(prov) if any(values[p] == 0 for p in forced) else {}
    settled = cut | {p for p in forced if values[p] != 0 or _printed_zero(p, prov, values, rows_on)}
    if not settled:
        return record
    out = dict(prov)
    for p in settled:
        how = "a cut of its line's digit run" if p in cut else "forced by an identity whose other cells are proven"
        out[p] = prov[p].model_copy(update={"status": Status.PINNED,
                                            "note": f"not read as printed; {how}: {prov[p].note}"})
    return record.model_copy(update={"provenance": out})


def _line(path: str, prov: Mapping[str, FieldProvenance]) -> list[str]:
    """The cells read from the same printed text as ``path`` (the same raw and lines), in the form's order."""
    raw, lines = prov[path].raw, prov[path].lines
    return sorted((q for q, v in prov.items() if v.raw == raw and v.lines == lines), key=_ORDER.__getitem__)


def _run_cells(path: str, prov: Mapping[str, FieldProvenance], values: Mapping[str, Any]) -> list[str]:
    """The cells (two or more) read from ``path``'s digit run whose values, written one after another, are the
    run, or none. Rows that print alike on one line (一 and 七 of a crawler's one-line 表三, ``13200000132`` each)
    are each a cut of its own run; the three sub-rows of （六）其他处理 printed as one row are no cut (the one
    row's run stands in for them all: verify/onerow.py)."""
    raw = prov[path].raw or ""
    cells = _line(path, prov)
    rows: dict[str, list[str]] = {}
    for q in cells:
        rows.setdefault(q.rsplit(".", 1)[0], []).append(q)
    if len(rows) > 1 and {r.rsplit(".", 1)[1] for r in rows} <= _SUB_ROWS:
        return []
    if all(len(row) > 1 and all(isinstance(values[q], int) for q in row)
           and "".join(str(values[q]) for q in row) == raw for row in rows.values()):
        return cells
    return []               # (one cell whose raw is its value is no cut: a number joined from its pieces, say)


def _cuts(cands: set[str], proven: set[str], prov: Mapping[str, FieldProvenance],
          values: Mapping[str, Any]) -> set[str]:
    """The candidates that are a cut of their line's digit run, every identity they are in among proven cells
    and such cuts."""
    by_path = equations_by_path()
    runs: set[str] = set()
    for p in cands:
        raw = prov[p].raw or ""
        if len(raw) > 1 and raw.isdigit() and p not in runs:
            runs.update(q for q in _run_cells(p, prov, values) if q in cands and len(by_path.get(q, ())) > 1)
    changed = True
    while changed:                  # drop a cut one of whose identities holds a cell neither proven nor a cut
        changed = False
        for p in sorted(runs):
            if any(q not in runs and q not in proven for eq in by_path.get(p, ()) for q in eq.paths):
                runs.discard(p)
                changed = True
    return runs


def _forced(cands: set[str], known: set[str], values: Mapping[str, Any]) -> set[str]:
    """The candidates arithmetic forces: each the one cell of a holding identity not known nor forced before it."""
    by_path = equations_by_path()
    forced: set[str] = set()
    changed = True
    while changed:
        changed = False
        for p in sorted(cands - forced):
            for eq in by_path.get(p, ()):
                if all(q == p or q in known or q in forced for q in eq.paths) and \
                        (sums := evaluate(eq, values)) is not None and sums[0] == sums[1]:
                    forced.add(p)
                    changed = True
                    break
    return forced


def _rows_on_lines(prov: Mapping[str, FieldProvenance]) -> dict[int, set[str]]:
    """Line → the 表三 and 表四 rows (a path less its last part) some cell of which was read from it: looked up
    by :func:`_printed_zero` for each forced 0, instead of walking every field for each."""
    out: dict[int, set[str]] = {}
    for q, v in prov.items():
        if v.lines and q.startswith(("applications.", "review_litigation.")):
            row = q.rsplit(".", 1)[0]
            for line in v.lines:
                out.setdefault(line, set()).add(row)
    return out


def _printed_zero(path: str, prov: Mapping[str, FieldProvenance], values: Mapping[str, Any],
                  rows_on: Mapping[int, set[str]]) -> bool:
    """Was this 0 printed? Its row's numbers on a line of their own, all of them gone to the cells read from it,
    and none it lost a 0. ``rows_on``: :func:`_rows_on_lines` of ``prov``."""
    tokens = _TOKEN.findall(prov[path].raw or "")
    if not tokens or not all(t.isdigit() for t in tokens):
        return False            # nothing printed (a row lost whole), or not plain counts: 0 or blank?
    lines, row = prov[path].lines, path.rsplit(".", 1)[0]
    if len(lines) != 1 or not rows_on.get(lines[0], set()) <= {row}:
        return False            # read from lines among other rows': which row printed these 0s is a reading
    printed = Counter(int(t) for t in tokens)       # (the line is its row's alone: the cells read from it are)
    same_line = Counter(v for q in _line(path, prov) if isinstance(v := values[q], int))
    return not printed - same_line and 0 not in (same_line - printed)
