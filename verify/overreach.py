"""The model's wins in 表三 taken back where they change more printed cells than a misread explains.

    take_back_overreach(winners, undecided, printed, model_values)

For the arbitration (:mod:`verify.crosscheck`): its search of the two readings of each disagreeing cell assumes one
of them is right. A cell the reader misread (an OCR'd 1 printed 7) makes the reader's reading wrong there; a model
that also erred elsewhere (two rows swapped, a cell and its totals 'fixed' to fit) can then be the only assignment
left that adds up, though it changes printed cells the identities never doubted: both readings are wrong there, and
resolving the model's values would settle wrong numbers. Kept (resolved) are the model's wins that are the one
misprint explaining every break of the text's reading (the misread cell at the value the identities want).

Pure: values in; ``winners`` and ``undecided`` updated in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from llm_extract.schema import TABLE3_PATHS, same_value

from .derive import DEFAULT_SEARCH_CAP, derive
from .identities import check_identities
from .misprint import lone_misprint

__all__ = ["take_back_overreach"]

_T3_PATHS = frozenset(TABLE3_PATHS)

_OVERREACH = ("the model changes other printed cells than the one misprint that explains every broken identity of "
              "the text's reading")


def take_back_overreach(winners: dict[str, tuple[str, list[str]]], undecided: dict[str, str], printed: Mapping[str, Any],
               md: Mapping[str, Any]) -> None:
    """Take back the model's wins in 表三 where the text's reading (``printed``: the 表三 cells read, the
    disagreeing ones as the reader read them) breaks identities that one misprinted cell (or pair) explains
    (verify/misprint.py), and the model's winning values are not that cell at the value the identities want; or,
    表三 read in part, where the model changes two or more printed cells and one of them alone mends every
    identity that can be checked. The
    search assumes one of the two readings of each cell is right; a cell misread (an OCR'd 1 read 7) makes the
    reader's wrong, and a model that moved a row (or 'fixed' a total) can then be the only assignment left that
    adds up, though it changes printed cells the identities never doubted: both readings are wrong there."""
    ours = [p for p, (side, _) in winners.items() if side == "model" and p in _T3_PATHS]
    if not ours:
        return
    table = {p: v for p, v in printed.items() if p in _T3_PATHS}
    if len(table) == len(_T3_PATHS):
        findings, _ = check_identities(table)
        misprint = lone_misprint(table, set(), [], findings, search_cap=DEFAULT_SEARCH_CAP)
        if misprint is None:
            return
        wanted = dict(zip(misprint.paths, misprint.wanted))
        if all(p in wanted and same_value(p, wanted[p], md[p]) for p in ours):
            return
    elif len(ours) < 2 or not any(_one_cell_mends(table, p) for p in ours):
        return        # (a table read in part: the model changes two printed cells where one mends the reading)
    for p in ours:
        del winners[p]
        undecided[p] = _OVERREACH


def _one_cell_mends(table: Mapping[str, Any], path: str) -> bool:
    """Whether the identities that can be checked on the text's reading ``table`` (表三 read in part) pin ``path``
    to another value than the one read, every such identity holding then: one misread cell mends the reading."""
    known = {p: v for p, v in table.items() if p != path and v is not None}
    found = derive(known, _T3_PATHS.difference(known))
    if found.capped or path not in found.values or same_value(path, found.values[path], table[path]):
        return False
    return not any(f.code.startswith("T3.") for f in check_identities(known | {path: found.values[path]})[0])
