"""From extraction to verified record: derive what is pinned, check every identity,
give every field its status.

    proven      read with certainty, and every identity it is in holds
    derived     lost, pinned to one value by the identities (the equations named)
    disputed    takes part in an identity that does not hold (values kept as printed)
    unverified  read, but an identity it is in could not be checked (an operand is missing),
                or a blank cell among numbers (a lost 0 looks the same: ``READ.ISOLATED_BLANK``),
                or a likely reading that proves nothing (verify/guesses.py: ``READ.OCR_LETTERS``, ``READ.OCR_DIGITS``,
                ``READ.LAYOUT_CLOSE``, ``READ.ONE_CUT``)
    missing     not read and not pinned

Fields no identity covers (agency, year, 表二) are proven when read with certainty, 表二 only
from a text whose 表三 and 表四 break no more identities than misprints explain and that is no OCR
reading (verify/trust.py).
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Extraction, FieldProvenance, Finding, Reading, Record, Status
from llm_extract.schema import ALL_PATHS, TABLE3_PATHS, TABLE4_PATHS, Report

from .twinrows import RULE as TWIN_ROWS_RULE, untold_twins
from .twotables import RULE as TWO_TABLES_RULE, read_by_two_tables
from .mergedstock import RULE as MERGED_STOCK_RULE, merged_beside_blank
from .blankplace import BLANKS_PLACED_RULE, checked_by_placement, crowded_rows
from .blankshape import BLANKS_SHAPE_RULE
from .derive import DEFAULT_SEARCH_CAP, Derivation, derive
from .disputedoperand import RULE as BESIDE_DISPUTED_RULE, beside_disputed
from .blanks import (BLANK_ROW_NOTE, BLANK_ROW_RULE, BROKEN_ROW_RULE, EMPTY_GRID_ROW_RULE, PLACEHOLDER_NOTE,
                     LONE_BLANK_ROW_RULE, RULE as BLANK_RULE, blank_pinned_rows, blanks_in_broken_rows, empty_grid_rows,
                     isolated_blanks, lone_blank_rows, pinned_placeholders)
from .confirmed import tautologies
from .guesses import LAYOUT_GUESSES, LETTERS_RULE, ONE_CUT_RULE, guessed
from .identities import check_identities
from .onerow import implied_zeros, one_row_stand_ins
from .survey import Survey, survey
from .letters import RULE as LETTERS_PINNED, letters_pinned
from .misread import RULE as MISREAD_RULE, misread_note, ocr_misread
from .misprint import apart_from_its_row, disputing, lone_misprint, misprint_note
from .sequence import (BLANK_COLUMNS_RULE, BLANK_ORDER_RULE, SEQUENCE_RULE, blanks_in_column_blocks,
                       blanks_out_of_order, placed_in_broken_sequence)
from .trust import OCR_RULE as OCR_TEXT_RULE, RUN_TOGETHER_RULE, ocr_candidates, run_together, unchecked_paths, unreliable_text
from .unprinted import RULE as UNPRINTED_RULE, distrusted, unprinted_pins

__all__ = ["verify_extraction", "verify_report", "statuses"]

_TABLE_PATHS = frozenset(TABLE3_PATHS + TABLE4_PATHS)
_ABSENT = CellKind.ABSENT       # (an enum member's lookup costs more than the test: once, not once per field)


def _prov(status: Status, source: str | None, method: str | None, r: Reading, rules: list[str],
          note: str | None, kind: CellKind | None = None) -> FieldProvenance:
    # positional, in field order (status, source, method, kind, raw, lines, rules, candidates, note, grounding):
    # this runs ~200 times per document
    return FieldProvenance(status, source, method, kind or r.kind, r.raw, r.lines, rules, {}, note, {})


def _read(extraction: Extraction, seen: Survey) -> set[str]:
    """Every path with a reading (table or not): ``not r.missing`` (202 fields a document), asked of the odd
    cells alone (``seen``: the readings' survey): a number or a zero is read."""
    readings = extraction.readings
    read = set(readings)
    read.difference_update([p for p in seen.odd if readings[p].missing])
    return read


def statuses(values: dict[str, object], findings: list[Finding],
             unchecked_paths: set[str]) -> dict[str, tuple[Status, list[str]]]:
    """Status and rule codes of every read table field, given the identity verdicts."""
    broken: dict[str, list[str]] = {}
    for f in findings:
        for p in f.paths:
            broken.setdefault(p, []).append(f.code)
    out: dict[str, tuple[Status, list[str]]] = {}
    for p in values:
        if p in broken:
            out[p] = (Status.DISPUTED, sorted(set(broken[p])))
        elif p in unchecked_paths:
            out[p] = (Status.UNVERIFIED, ["READ.UNCHECKED"])
        else:
            out[p] = (Status.PROVEN, [])
    return out


def _only_readings(extraction: Extraction, derivation: Derivation) -> dict[str, int | None]:
    """Path → value of the cells of every reading group the extractor offered one reading only, where
    the derivation (finding no assignment that keeps every identity) left the group unresolved."""
    out: dict[str, int | None] = {}
    for group in extraction.ambiguities:
        if len(group.options) == 1 and all(p in derivation.unresolved for p in group.paths):
            marks = group.marks[0] if group.marks else [False] * len(group.paths)
            out.update((p, None if mark else v) for p, v, mark in zip(group.paths, group.options[0], marks))
    return out       # (a printed placeholder, ``-``: blank, extract/markgaps.py)


def _marked(extraction: Extraction) -> set[str]:
    """The paths some reading of a group holds a printed placeholder in (extract/markgaps.py)."""
    return {p for group in extraction.ambiguities for m in group.marks for p, mark in zip(group.paths, m) if mark}


def verify_extraction(extraction: Extraction, *, search_cap: int = DEFAULT_SEARCH_CAP) -> Record:
    """Verify one extractor's reading of a document (the deterministic path)."""
    readings = extraction.readings
    seen = survey(readings)          # the kinds and methods read: most rules below cannot fire without some
    read = _read(extraction, seen)
    known = {p: readings[p].value for p in read if p in _TABLE_PATHS}
    stand_ins = one_row_stand_ins(readings)      # （六） printed as one row: its cells stand in for its sub-rows' sums
    known.update(stand_ins)
    group_paths = {p for a in extraction.ambiguities for p in a.paths}
    unknown = set(_TABLE_PATHS).difference(known, group_paths)
    derivation = derive(known, unknown, extraction.ambiguities, search_cap=search_cap,
                        blanks=not crowded_rows(readings, seen))

    values: dict[str, int | None] = dict(known)
    values.update(derivation.values)
    # A document that breaks its own identities leaves no reading standing; a cell the text can be
    # read only one way (a run of seven digits for seven cells) is then read as printed, never proven:
    # the identities it breaks dispute it, the others leave it unverified (READ.ONE_CUT).
    one_cut = _only_readings(extraction, derivation) if derivation.solutions == 0 and not derivation.capped else {}
    values.update(one_cut)
    one_cut_marks = {p for p, v in one_cut.items() if v is None} & _marked(extraction) if one_cut else set()
    findings, unchecked = check_identities(values)
    misread = ocr_misread(extraction, known, unknown, derivation, findings, search_cap=search_cap, survey=seen)
    if misread is not None:       # cells an OCR engine misread: the identities pin them (verify/misread.py)
        derivation = misread.derivation
        for cell in misread.cells:
            known.pop(cell.path)
        values, one_cut = dict(known), {}
        values.update(derivation.values)
        findings, unchecked = check_identities(values)
    # one misprinted 表三 cell that explains every break disputes alone (verify/misprint.py)
    misprint = lone_misprint(known, unknown, extraction.ambiguities, findings, search_cap=search_cap) \
        if misread is None else None
    if misprint is not None and any(apart_from_its_row(p, readings) for p in misprint.paths):
        misprint = None         # a number from a line none of its row's other cells stand on: maybe no cell of it
    unchecked += tautologies(derivation.values, values,     # a pinned cell no second identity checks (confirmed.py)
                             {p for p in seen.odd if readings[p].kind is _ABSENT},
                             {p for p, v in derivation.values.items() if p in readings and letters_pinned(readings[p], v)})
    unchecked += checked_by_placement(derivation.placed)     # (placed so that they hold: verify/blankplace.py)
    # the statuses of read fields, as statuses() gives them (broken, else unchecked, else proven),
    # decided field by field below instead of through a table of every field
    # (the few fields not proven are listed: every other read field is proven)
    flagged: dict[str, tuple[Status, list[str]]] = {}
    isolated = isolated_blanks(readings, seen, extraction.printed_blanks)
    for path in isolated:                   # (table fields: a proven one becomes unverified)
        flagged[path] = (Status.UNVERIFIED, [BLANK_RULE])
    for path in one_cut:
        flagged[path] = (Status.UNVERIFIED, [ONE_CUT_RULE])
    for path, rule in guessed(readings, seen).items():    # (a guess stays one even where identities hold)
        flagged[path] = (Status.UNVERIFIED, [rule])
    for eq in unchecked:
        for p in eq.paths:
            if p in values:
                flagged[p] = (Status.UNVERIFIED, ["READ.UNCHECKED"])
    unprinted = unprinted_pins(readings, derivation)      # pinned where the text printed other numbers
    for p in distrusted(readings, unprinted) if unprinted else ():
        if p in values:
            flagged.setdefault(p, (Status.UNVERIFIED, [UNPRINTED_RULE]))
    # 表二 is as sound as the text it was read from (verify/trust.py)
    channel = unreliable_text(findings, ocr_candidates(readings.values(), seen))
    if channel is not None:
        for p in unchecked_paths() & read:
            flagged.setdefault(p, (Status.UNVERIFIED, [channel]))
        for p in run_together(readings) if channel == OCR_TEXT_RULE else ():    # (00: a doubled 0?)
            flagged.setdefault(p, (Status.UNVERIFIED, [RUN_TOGETHER_RULE]))
    for p in merged_beside_blank(readings):                    # 65 | (empty): two 表二 cells run together?
        flagged.setdefault(p, (Status.UNVERIFIED, [MERGED_STOCK_RULE]))
    for p in read_by_two_tables(readings):                     # one number, two tables' cells (verify/twotables.py)
        if p in read:
            flagged.setdefault(p, (Status.UNVERIFIED, [TWO_TABLES_RULE]))
    for p in placed_in_broken_sequence(readings, findings):    # one list's order in doubt (verify/sequence.py)
        flagged.setdefault(p, (Status.UNVERIFIED, [SEQUENCE_RULE]))
    for p in blanks_out_of_order(readings, seen):               # a blank and a 0 may trade places (sequence.py)
        flagged.setdefault(p, (Status.UNVERIFIED, [BLANK_ORDER_RULE]))
    for p in blanks_in_column_blocks(readings, seen):           # (rows printed column by column)
        flagged.setdefault(p, (Status.UNVERIFIED, [BLANK_COLUMNS_RULE]))
    for p in empty_grid_rows(readings, derivation.values):      # a converter's dropped row beside pinned cells
        flagged.setdefault(p, (Status.UNVERIFIED, [EMPTY_GRID_ROW_RULE]))
    for p in lone_blank_rows(readings, seen):                      # an empty row in a table printing its zeros
        flagged.setdefault(p, (Status.UNVERIFIED, [LONE_BLANK_ROW_RULE]))
    broken = disputing(findings, misprint)
    for p, codes in broken.items():
        flagged[p] = (Status.DISPUTED, sorted(set(codes)))
    for p in blanks_in_broken_rows(readings, broken):          # (a broken row's empty cells: lost numbers?)
        flagged.setdefault(p, (Status.UNVERIFIED, [BROKEN_ROW_RULE]))
    mended = values if misprint is None else {**values, **dict(zip(misprint.paths, misprint.wanted))}
    # 四 told from (七) by nothing (verify/twinrows.py); not where every identity was checked and holds on
    # ``values`` (no finding, none unchecked) and nothing was mended: each twin is told then (most documents)
    twins = untold_twins(mended, broken, unchecked) if findings or unchecked or misprint is not None else []
    for p in twins:
        flagged.setdefault(p, (Status.UNVERIFIED, [TWIN_ROWS_RULE]))
    mended_paths = set(misprint.paths) if misprint is not None else set()
    for p in beside_disputed(mended, {q for q in broken if q not in mended_paths}):   # (verify/disputedoperand.py)
        flagged.setdefault(p, (Status.UNVERIFIED, [BESIDE_DISPUTED_RULE]))

    out_values: dict[str, object] = {}
    provenance: dict[str, FieldProvenance] = {}
    source = extraction.extractor
    derived = derivation.values
    proven, absent = Status.PROVEN, CellKind.ABSENT
    zeros = implied_zeros(stand_ins)
    blank_rows = blank_pinned_rows(readings, derived, isolated)    # a row of 0s printed as a row of empty cells
    placeholders = pinned_placeholders(extraction.ambiguities, derived)     # 1 - - 1 - 11, a cell lost: its - blank
    for path in ALL_PATHS:
        if path in read and path not in derived:      # (most fields: read, not pinned; else as below)
            r: Reading = readings[path]
            value = r.value
            # (grounding given, ``{}``: a literal costs less than the dataclass's default factory)
            if path not in flagged:
                prov = FieldProvenance(proven, source, r.method or None, r.kind, r.raw, r.lines, [], {}, r.note, {})
            else:
                status, rules = flagged[path]
                prov = FieldProvenance(status, source, r.method or None, r.kind, r.raw, r.lines, list(rules), {},
                                       r.note, {})
            if value is not None:
                out_values[path] = value
            provenance[path] = prov
            continue
        r = readings.get(path) or Reading()
        if path in derived and path not in broken and letters_pinned(r, derived[path]) \
                and LAYOUT_GUESSES.isdisjoint(flagged.get(path, ((), ()))[1]):    # O printed, 0 pinned, in its place
            value = derived[path]
            prov = FieldProvenance(Status.PROVEN, source, r.method or None, CellKind.OCR, r.raw, r.lines,
                                   [LETTERS_PINNED], {}, f"printed {r.raw!r}; every identity pins {value}")
        elif path in derived and r.kind is not absent:
            value = derived[path]
            prov = _prov(Status.DERIVED, "derived", "identities", r,
                         ["DERIVE.PINNED"] + sorted({d.split(" ")[0] for d in derivation.rules[path]}),
                         "; ".join(derivation.rules[path]))
            if path in blank_rows:
                value = None
                prov.rules.append(BLANK_ROW_RULE)
                prov.candidates = {"derived": 0}
                prov.note = f"{BLANK_ROW_NOTE}; {prov.note}"
            elif path in placeholders:
                value = None
                prov.candidates = {"derived": 0}
                prov.note = f"{PLACEHOLDER_NOTE}; {prov.note}"
            if path in derivation.placed:
                prov.rules.append(BLANKS_PLACED_RULE)
                if path in derivation.blanks:
                    value = None
                    prov.candidates = {"derived": 0}
                prov.note = f"placed by the identities, the cells the row did not print taken as empty; {prov.note}"
                if path in derivation.shaped:
                    prov.rules.append(BLANKS_SHAPE_RULE)
                    prov.note = f"placed in the columns the table's other short rows print, a guess; {prov.note}"
        # (a read path not pinned took the first branch; a read path pinned, the second: read kinds are no absent)
        elif path in one_cut:
            value = one_cut[path]
            status, rules = flagged[path]
            kind = CellKind.NUMBER if value else CellKind.ZERO if value == 0 or path not in one_cut_marks \
                else CellKind.PLACEHOLDER
            prov = FieldProvenance(status, source, r.method or None, kind,
                                   r.raw, r.lines, list(rules), {}, "the only reading of the text; the document "
                                   "breaks its identities, so none pins it")
        elif r.kind is CellKind.MISSING and r.value is not None:
            value = guess = r.value     # the reader's guess (O printed for 0) where the identities could not pin the cell
            prov = FieldProvenance(Status.UNVERIFIED, source, r.method or None, CellKind.OCR, r.raw, r.lines,
                                   [LETTERS_RULE], {}, f"only OCR-confusable letters, read as {guess}")
        else:
            value = None
            rules = ["READ.MISSING"]
            if r.kind is absent:          # not printed: what the identities imply is shown, never output
                rules.append("READ.NOT_PRINTED")
                prov = _prov(Status.MISSING, None, r.method or None, r, rules, r.note)
                if path in derived:
                    prov.candidates = {"derived": derived[path]}
                elif path in zeros:
                    prov.candidates = {"derived": 0}
                provenance[path] = prov
                continue
            if path in derivation.capped_paths:
                rules.append("DERIVE.SEARCH_CAP")
            elif any(path in extraction.ambiguities[gi].paths for gi in derivation.ambiguous):
                rules.append("DERIVE.AMBIGUOUS")
            prov = _prov(Status.MISSING, None, r.method or None, r, rules, r.note, CellKind.MISSING)
        if value is not None:
            out_values[path] = value
        provenance[path] = prov

    for gi, options in derivation.ambiguous.items():
        group = extraction.ambiguities[gi]
        checked = any(p in _TABLE_PATHS for p in group.paths)      # (表二: in no identity)
        findings.append(Finding(code="DERIVE.AMBIGUOUS", severity="warning", paths=group.paths,
                                message=f"{group.reason}; {len(options)} readings satisfy every identity" if checked
                                else f"{group.reason}; no identity checks these cells: {len(options)} candidate readings",
                                detail={"candidates": options[:20], "raw": group.raw}))
    for path in sorted(unprinted):
        findings.append(Finding(code=UNPRINTED_RULE, severity="warning", paths=[path],
                                message=f"{path} pinned to {derivation.values[path]}, a value none of the numbers "
                                        f"printed for it holds ({readings[path].raw}): the cells of the identities "
                                        "that pinned it are not proven by them"))
    if derivation.capped:
        findings.append(Finding(code="DERIVE.SEARCH_CAP", severity="warning", paths=sorted(derivation.capped_paths),
                                message=f"more than {search_cap} candidate readings; search stopped, cells left missing"))
    for path in sorted(derivation.values):
        findings.append(Finding(code="DERIVE.PINNED", severity="info", paths=[path],
                                message=f"{path} = {derivation.values[path]} pinned by "
                                        + "; ".join(derivation.rules[path])))
    for cell in misread.cells if misread is not None else ():
        provenance[cell.path] = provenance[cell.path].model_copy(update={
            "rules": [MISREAD_RULE] + provenance[cell.path].rules, "candidates": {"regex": cell.read},
            "note": misread_note(cell)})
    for path, wanted in zip(misprint.paths, misprint.wanted) if misprint is not None else ():
        provenance[path] = provenance[path].model_copy(update={
            "candidates": {"derived": wanted}, "note": misprint_note(misprint, path)})
        findings.append(Finding(code="T3.ONE_MISPRINT", severity="warning", paths=[path],
                                message=f"{path}: {misprint_note(misprint, path)}",
                                detail={"printed": misprint.printed[misprint.paths.index(path)], "wanted": wanted}))
    report = Report.from_values(extraction.doc_id, out_values)
    return Record.trusted(report=report, provenance=provenance, findings=findings, source={},
                          stages={"regex": {"warnings": extraction.warnings,
                                            "ambiguities": len(extraction.ambiguities),
                                            "combinations_searched": derivation.combinations}})


def _identities_settle(rule: str) -> bool:
    """Whether a field left unverified under ``rule`` is proven once its identities hold: an identity that
    could not be checked (``READ.UNCHECKED``), one broken beside it (T3./T4.), the narrative (re-checked
    after this). Any other rule (a guess about the layout, an OCR reading, a pin where the text printed
    other numbers, …) is a doubt about the reading itself that no identity settles (verify_extraction)."""
    return rule == "READ.UNCHECKED" or rule.startswith(("T3.", "T4.", "NARR."))


def _doubt_stands(old: FieldProvenance) -> bool:
    """A field's status from its reading that holding identities do not lift: unverified under a rule
    about the reading, or disputed between two readings the identities could not choose from or chose
    between by a guess (a reader's value placed by a guess about the layout kept over the model's, an
    OCR text's: the rule about the reading stands beside ``XCHECK.RESOLVED``)."""
    if old.status == Status.UNVERIFIED:
        return not all(_identities_settle(r) for r in old.rules)
    return old.status == Status.DISPUTED and (
        "XCHECK.DISPUTED" in old.rules
        or any(not (_identities_settle(r) or r.startswith(("XCHECK.", "DERIVE."))) for r in old.rules))


def verify_report(record: Record) -> Record:
    """Re-check a record's values (e.g. one edited by hand): identities and statuses, no derivation.

    Fields whose provenance says derived/reviewed keep that status when their identities hold; so does a
    field left unverified or disputed for a doubt about its reading that no identity settles (a decision
    elsewhere in the document makes no guess a proof).
    """
    values = {p: record.report.get(p) for p in _TABLE_PATHS
              if record.provenance.get(p) is None or record.provenance[p].status != Status.MISSING}
    findings, unchecked = check_identities(values)
    unchecked_paths = {p for eq in unchecked for p in eq.paths if p in values}
    table_status = statuses(values, findings, unchecked_paths)
    provenance = dict(record.provenance)
    for path, (status, rules) in table_status.items():
        old = provenance.get(path) or FieldProvenance(status=status)
        keep = status == Status.PROVEN and (old.status in (Status.DERIVED, Status.PINNED, Status.REVIEWED, Status.RESOLVED)
                                            or _doubt_stands(old))
        provenance[path] = old.model_copy(update={"status": old.status if keep else status,
                                                  "rules": old.rules if keep else rules})
    kept = [f for f in record.findings if f.code not in {"T3.ROW_SUM", "T3.COLUMN_SUM", "T3.BALANCE", "T4.GROUP_SUM"}]
    return record.model_copy(update={"provenance": provenance, "findings": kept + findings})

