"""Cross-check and arbitration: the deterministic reading against the model's, field by field.

    crosscheck(regex, model) -> Record

Per field (``regex`` = the deterministic record's value, read or derived; ``model`` =
the model's reading):

* both agree and every identity the field is in holds      → proven
* both agree but an identity breaks                        → disputed (as ``verify.decide``)
* they disagree and exactly one candidate satisfies every  → resolved, naming the deciding
  identity the field takes part in                           identity; candidates kept
* they disagree otherwise (both or neither satisfy)         → disputed; the report keeps the
                                                              regex value, both candidates kept
* fields no identity covers (agency, year, 表二) disagree  → disputed (agency: agree when one
                                                              name contains the other)
* only the model has a value: resolved when every identity it is in can be checked and holds
  (and, in a group the regex read ambiguously, the model's reading is one of the options);
  otherwise disputed. Only the regex has a value: its deterministic status stands.

Disagreeing table fields are decided together: fields linked by an equation form a
component, and every assignment of their candidates is searched (xsearch.py: with pruning, up to a
cap) for those under which every checked equation holds. Model-only values never vouch
for model values: they are left out of that search and checked afterwards.

The field's status is what sends it to review; the per-field ``XCHECK.*`` findings are
``info`` detail (both candidates with their sources: regex raw text and lines, model name
and prompt version), so the queue holds one item per field.

Pure: depends on the schema and ``verify`` alone. The model's value is never taken
silently over a different regex value.
"""

from __future__ import annotations

from decimal import Decimal
from collections.abc import Mapping
from typing import Any

from llm_extract.evidence import CellKind, Extraction, FieldProvenance, Finding, Record, Status
from llm_extract.schema import ALL_PATHS, TABLE3_PATHS, TABLE4_PATHS, Report, same_value

from .decide import verify_extraction
from .derive import DEFAULT_SEARCH_CAP
from .misprint import disputing, lone_misprint
from .modelpinned import ZERO_OR_BLANK_RULE, pinned_by_the_rest
from .ocrdispute import unresolved
from .overreach import take_back_overreach
from .blanks import EMPTY_GRID_ROW_RULE, LONE_BLANK_ROW_RULE
from .blockplaced import settles_place
from .grounding import DIGIT_RUN, EXACT, NOT_FOUND, Grounding
from .identities import Equation, check_identities, equations, equations_by_path, evaluate
from .rules import register
from .guesses import LAYOUT_GUESSES, OCR_DIGITS_RULE, guessed
from .sequence import (BLANK_COLUMNS_RULE, BLANK_ORDER_RULE, SEQUENCE_RULE, blanks_in_column_blocks,
                       blanks_out_of_order, one_to_a_line, placed_in_broken_sequence)
from .trust import OCR_RULE as OCR_TEXT_RULE, RUN_TOGETHER_RULE, run_together, unchecked_paths, unreliable_text
from .xsearch import SEARCH_CAP, components, search

__all__ = ["crosscheck", "record_model_failure", "same_value", "SEARCH_CAP"]

register("XCHECK.AGREE", "规则抽取与模型一致", "the deterministic reading and the model agree")
register("XCHECK.RESOLVED", "两者不一致，恰有一个候选值满足其所在的全部勾稽关系",
         "the readings disagree; exactly one candidate satisfies every identity the field is in")
register("XCHECK.DISPUTED", "两者不一致，勾稽关系无法裁决，待人工复核",
         "the readings disagree and the identities cannot decide; for review")
register("XCHECK.MODEL_ONLY", "仅模型给出取值", "only the model gave a value")
register("XCHECK.SEARCH_CAP", "不一致的单元格过多，停止裁决", "too many disagreeing cells to search; left disputed")
register("GROUND.EXACT", "模型取值在原文中逐格找到", "the model's value is printed after its row's label, cell for cell")
register("GROUND.DIGIT_RUN", "模型取值与原文数字串一致，且勾稽关系只允许这一种切分",
         "the model's cells are the text's digit run, cut the only way the identities allow")
register("GROUND.BLANK", "模型给出空白，原文在此无数字：空白无法在原文中核实",
         "the model gives a blank where the text prints no number: a blank cannot be checked against the text")
register("GROUND.NOT_FOUND", "模型取值在原文中找不到", "the model's value is not printed where it says; a candidate only")
register("MODEL.FAILED", "模型阶段失败，保留规则抽取结果", "the model stage failed; the deterministic record stands")

_TABLE_PATHS = frozenset(TABLE3_PATHS + TABLE4_PATHS)
_IDENTITY_CODES = frozenset(eq.code for eq in equations())


def _failing(path: str, values: dict[str, Any]) -> list[Equation]:
    out = []
    for eq in equations_by_path().get(path, ()):
        sides = evaluate(eq, values)
        if sides is not None and sides[0] != sides[1]:
            out.append(eq)
    return out


def _regex_candidates(base: Record) -> dict[str, tuple[Any, str]]:
    out = {}
    for p in ALL_PATHS:
        prov = base.provenance.get(p)
        if prov is not None and prov.status != Status.MISSING:
            out[p] = (base.report.get(p), prov.source or "regex")
    return out


def _model_source(model: Extraction, path: str) -> dict[str, Any]:
    r = model.reading(path)
    return {"value": r.value, "raw": r.raw, "model": model.meta.get("model"),
            "prompt_version": model.meta.get("prompt_version"), "row_label": r.note}


def _regex_source(base: Record, path: str) -> dict[str, Any]:
    prov = base.provenance[path]
    return {"value": base.report.get(path), "raw": prov.raw, "lines": prov.lines, "method": prov.method,
            "source": prov.source}


def _json(v: Any) -> Any:
    return str(v) if isinstance(v, Decimal) else v


def crosscheck(regex: Extraction | None, model: Extraction, *, base: Record | None = None,
               grounding: Mapping[str, Grounding] | None = None, pinned: set[str] | None = None) -> Record:
    """Arbitrate the deterministic reading (``base``, or ``verify_extraction(regex)``) against the model's.

    With ``grounding`` (:func:`verify.grounding.ground` of the model's values) a model value
    is a source only when the text prints it: ``exact``, or a ``digit_run`` whose cut is in
    ``pinned`` (:func:`verify.runs.pinned_runs`). Then a grounded value that agrees with the
    deterministic one, or stands alone and satisfies every identity it is in, is ``proven``;
    an ungrounded one is never proven (a candidate on a queued item) and vouches for nothing.
    Without ``grounding`` every model value is taken as found (the arbitration alone).
    """
    def found(p: str) -> bool:             # the text prints the value (a cut of a run counts, for agreeing)
        return grounding is None or (p in grounding and grounding[p].status != NOT_FOUND)

    def source(p: str) -> bool:            # the value stands on its own
        if grounding is None:
            return False
        g = grounding.get(p)
        return g is not None and (g.status == EXACT or (g.status == DIGIT_RUN and p in (pinned or set())))

    if base is None:
        base = verify_extraction(regex) if regex is not None else Record(report=Report(doc_id=model.doc_id))
    rx = _regex_candidates(base)
    md = {p: model.reading(p).value for p in ALL_PATHS if not model.reading(p).missing}
    if grounding is not None:      # a derived cell was not read: a grounded model value there is the only reading
        rx = {p: v for p, v in rx.items() if not (base.provenance[p].status == Status.DERIVED and source(p))}
    who = f"{model.meta.get('model')} (prompt {model.meta.get('prompt_version')})"

    agree = [p for p in ALL_PATHS if p in rx and p in md and same_value(p, rx[p][0], md[p])]
    conflict = [p for p in ALL_PATHS if p in rx and p in md and p not in agree]
    model_only = [p for p in ALL_PATHS if p in md and p not in rx]

    # decide the disagreeing table fields, component by component
    fixed = {p: rx[p][0] for p in _TABLE_PATHS if p in rx and p not in conflict}
    # a model-only value the text prints cell for cell is the text's: it may refute a candidate (an OCR'd 10 read
    # 70 by the reader, 11 by the model with its totals 'fixed' to fit, 一、 printed 270 beside the model's 271)
    fixed |= {p: md[p] for p in model_only if p in _TABLE_PATHS and source(p)}
    winners: dict[str, tuple[str, list[str]]] = {}    # path → (winning side, deciding equation descriptions)
    undecided: dict[str, str] = {}                      # path → why
    by_path = equations_by_path()
    for comp in components([p for p in conflict if p in _TABLE_PATHS]):
        eqs = list(dict.fromkeys(eq for p in comp for eq in by_path.get(p, ())))
        cands = {p: (rx[p][0], md[p]) for p in comp}
        solutions, capped = search(comp, cands, fixed, eqs)
        for p in comp:
            seen = {("regex" if same_value(p, s[p], rx[p][0]) else "model") for s in solutions}
            if capped:
                undecided[p] = "XCHECK.SEARCH_CAP"
            elif len(seen) == 1:
                side = seen.pop()
                flipped = dict(fixed) | solutions[0]
                flipped[p] = md[p] if side == "regex" else rx[p][0]
                winners[p] = (side, [eq.describe() for eq in _failing(p, flipped)])
            else:
                undecided[p] = "both candidates satisfy the identities" if seen else \
                    "neither candidate satisfies the identities"

    take_back_overreach(winners, undecided, fixed | {p: rx[p][0] for p in conflict}, md)

    values: dict[str, Any] = {}
    for p in ALL_PATHS:
        if p in winners:
            values[p] = md[p] if winners[p][0] == "model" else rx[p][0]
        elif p in rx:
            values[p] = rx[p][0]
        elif p in md:
            values[p] = md[p]
    # model-only values count once confirmed: every identity they are in checkable and holding;
    # unconfirmed ones are set aside (as unknown) until none is left to set aside
    # the deterministic reader's readings of an ambiguous group bind a model value only when the text
    # itself cannot be asked (no grounding): a grounded value was checked against the text directly
    option_ok = _ambiguity_check(regex, md) if grounding is None else {}
    unconfirmed: set[str] = set() if grounding is None else {p for p in model_only if not found(p)}
    pinned_model: dict[str, Any] = {}
    while True:
        table_values = {p: v for p, v in values.items() if p in _TABLE_PATHS and p not in unconfirmed}
        if grounding is not None:      # a model value the text does not print, pinned to it by the printed ones
            pinned_model = pinned_by_the_rest(table_values, {p: md[p] for p in model_only if p in unconfirmed},
                                              zeros={p for p, g in grounding.items() if g.zero_or_blank})
            table_values |= pinned_model
        identity_findings, _ = check_identities(table_values)
        broken: dict[str, list[str]] = {}
        for f in identity_findings:
            for q in f.paths:
                broken.setdefault(q, []).append(f.code)
        newly = {p for p in model_only if p in _TABLE_PATHS and p not in unconfirmed
                 and (p in broken or not _checkable(p, table_values) or not option_ok.get(p, True))}
        if not newly:
            break
        unconfirmed |= newly
    # one misprinted 表三 cell (or pair) that explains every break disputes alone (verify/misprint.py)
    misprint = lone_misprint(table_values, {p for p in TABLE3_PATHS if p not in table_values}, [],
                             identity_findings, search_cap=DEFAULT_SEARCH_CAP)
    broken = disputing(identity_findings, misprint)

    def checkable(p: str) -> bool:
        return _checkable(p, table_values)

    provenance: dict[str, FieldProvenance] = {}
    # (verify/trust.py): a noisy or OCR'd text proves no 表二 cell, however many readings of it agree
    channel = unreliable_text(identity_findings, (v.raw for v in base.provenance.values()))
    distrusted: dict[str, str] = dict.fromkeys(unchecked_paths(), channel) if channel else {}
    # (verify/sequence.py, verify/guesses.py): a list whose order is in doubt, a cell placed by a guess about the
    # layout (a stacked label, a tool's block order): read so by both, the model meeting the same doubt
    if regex is not None:
        distrusted.update(dict.fromkeys(placed_in_broken_sequence(regex.readings, identity_findings), SEQUENCE_RULE))
        distrusted.update(dict.fromkeys(blanks_out_of_order(regex.readings), BLANK_ORDER_RULE))
        distrusted.update(dict.fromkeys(blanks_in_column_blocks(regex.readings), BLANK_COLUMNS_RULE))
        if channel == OCR_TEXT_RULE:        # (verify/trust.py): 00 in OCR text, a doubled 0 to a model too
            distrusted.update(dict.fromkeys(run_together(regex.readings), RUN_TOGETHER_RULE))
        # (verify/blanks.py): an empty grid row beside cells the deterministic verification pinned, a lone blank row
        distrusted.update({p: rule for p, prov in base.provenance.items()
                           for rule in (EMPTY_GRID_ROW_RULE, LONE_BLANK_ROW_RULE) if rule in prov.rules})
        distrusted.update({p: rule for p, rule in guessed(regex.readings).items() if rule in LAYOUT_GUESSES})
        # (a guess the settling named, e.g. READ.ONE_CUT on a run the report's broken identities leave unpinned)
        distrusted.update({p: rule for p, prov in base.provenance.items() for rule in prov.rules
                           if rule in LAYOUT_GUESSES and p not in distrusted})
        distrusted.update(dict.fromkeys((p for p in one_to_a_line(regex.readings)
                                         if "READ.UNCHECKED" in base.provenance[p].rules), "READ.UNCHECKED"))
    findings = [f for f in base.findings if f.code not in _IDENTITY_CODES]
    counts = {"agree": 0, "resolved": 0, "disputed": 0, "model_only": 0, "regex_only": 0}
    for p in ALL_PATHS:
        old = base.provenance.get(p) or FieldProvenance(status=Status.MISSING, rules=["READ.MISSING"])
        cands = {"regex": _json(rx[p][0]), "model": _json(md[p])} if p in rx and p in md else {}
        idl = sorted(set(broken.get(p, [])))
        if p in agree:
            counts["agree"] += 1
            if grounding is None:
                status = Status.DISPUTED if idl else (
                    Status.PROVEN if (p not in _TABLE_PATHS or checkable(p)) else Status.UNVERIFIED)
            elif idl:
                status = Status.DISPUTED
            elif found(p):                     # two independent sources agree
                status = Status.PROVEN
            else:                              # the model's agreement is not printed where it says
                status = old.status if old.status != Status.DISPUTED else Status.UNVERIFIED
            rules = ["XCHECK.AGREE"] + idl + ([r for r in old.rules if r.startswith("DERIVE")])
            prov = old.model_copy(update={"status": status, "rules": rules,
                                          "note": _join(old.note, f"{who} agrees")})
        elif p in winners:
            counts["resolved"] += 1
            side, deciding = winners[p]
            codes = sorted({d.split(" ")[0] for d in deciding})
            # the reader's value derived (never printed): the model's other value refuted leaves it derived, as it
            # was (a 0 the identities pin may be a blank the text tool dropped: resolving it says more than that)
            status = Status.DISPUTED if idl else \
                Status.DERIVED if side == "regex" and old.status == Status.DERIVED else Status.RESOLVED
            src = _model_fields(model, p) if side == "model" else {}
            prov = old.model_copy(update={"status": status, "rules": ["XCHECK.RESOLVED"] + codes + idl,
                                          "candidates": cands, **src,
                                          "note": f"{side} kept by " + "; ".join(deciding)})
            findings.append(Finding(code="XCHECK.RESOLVED", severity="info", paths=[p],
                                    message=f"{p}: regex {cands['regex']!r} vs model {cands['model']!r}; "
                                            f"{side} satisfies " + "; ".join(deciding),
                                    detail={"regex": _regex_source(base, p), "model": _model_source(model, p),
                                            "kept": side, "deciding": deciding}))
        elif p in conflict:
            counts["disputed"] += 1
            why = undecided.get(p, "no identity covers this field")
            rules = ["XCHECK.DISPUTED"] + (["XCHECK.SEARCH_CAP"] if why == "XCHECK.SEARCH_CAP" else []) + idl
            prov = old.model_copy(update={"status": Status.DISPUTED, "rules": rules, "candidates": cands,
                                          "note": f"regex {cands['regex']!r} vs {who} {cands['model']!r}: {why}"})
            findings.append(Finding(code="XCHECK.DISPUTED", severity="info", paths=[p],
                                    message=f"{p}: regex {cands['regex']!r} vs model {cands['model']!r}: {why}",
                                    detail={"regex": _regex_source(base, p), "model": _model_source(model, p)}))
        elif p in model_only:
            counts["model_only"] += 1
            confirmed = p in _TABLE_PATHS and p not in unconfirmed
            # a blank is the absence of a number: PDF text prints nothing for it and nothing for a
            # lost cell, so a model's blank the reader could not read is never proven by the text
            # (unless its row prints a mark for every blank cell, one where the model's blank stands: verify/grounding.py)
            unprintable = grounding is not None and p in _TABLE_PATHS and md[p] is None \
                and not (p in grounding and grounding[p].blank_marked)
            alone = source(p) and (confirmed or p not in _TABLE_PATHS) and not unprintable
            if not confirmed:
                idl = sorted({eq.code for eq in _failing(p, {q: v for q, v in values.items() if q in _TABLE_PATHS})})
            eq_codes = sorted({eq.code for eq in by_path.get(p, ())})
            if p in pinned_model:           # not printed, but the printed cells pin it (verify/modelpinned.py)
                confirmed, idl = False, []
            # a blank, or a 0 the text does not print: the identities count a blank as 0 (verify/modelpinned.py)
            zero_or_blank = unprintable or (p in pinned_model and md[p] == 0)
            prov = FieldProvenance(
                status=Status.PROVEN if alone else Status.UNVERIFIED if zero_or_blank and (confirmed or p in pinned_model)
                else Status.RESOLVED if confirmed else Status.DERIVED if p in pinned_model else Status.DISPUTED,
                source="model", method="model",
                kind=model.reading(p).kind, raw=model.reading(p).raw, candidates={"model": _json(md[p])},
                rules=["XCHECK.MODEL_ONLY"] + (["GROUND.BLANK"] if unprintable else [])
                      + (eq_codes if confirmed else [ZERO_OR_BLANK_RULE if md[p] == 0 else "DERIVE.PINNED"] + eq_codes
                         if p in pinned_model
                         else ["XCHECK.DISPUTED"] + idl),
                note=f"only {who} gave a value; " + ("every identity it is in holds" if confirmed else
                                                     "not printed, but the identities pin it to that value"
                                                     if p in pinned_model else "the identities do not confirm it"))
            if alone:
                prov = prov.model_copy(update={"rules": ["XCHECK.MODEL_ONLY", "GROUND." + grounding[p].status.upper()]
                                               + eq_codes, "note": f"only {who} gave a value; printed in the text"
                                               + ("; every identity it is in holds" if eq_codes else "")})
            if not confirmed and not alone and p not in pinned_model:
                findings.append(Finding(code="XCHECK.MODEL_ONLY", severity="info", paths=[p],
                                        message=f"{p}: only the model gave a value ({md[p]!r}); not confirmed",
                                        detail={"model": _model_source(model, p), "regex_note": old.note}))
        else:
            if p in rx:
                counts["regex_only"] += 1
            prov = old
            if p in _TABLE_PATHS and p in rx:
                if idl:
                    prov = old.model_copy(update={"status": Status.DISPUTED, "rules": idl})
                elif old.status == Status.DISPUTED and checkable(p):
                    prov = old.model_copy(update={"status": Status.PROVEN, "rules": []})
        if grounding is not None and p in grounding:
            prov = prov.model_copy(update={"grounding": grounding[p].as_dict()})
            if not found(p) and p in md and "GROUND.NOT_FOUND" not in prov.rules:
                prov = prov.model_copy(update={"rules": list(prov.rules) + ["GROUND.NOT_FOUND"]})
        if channel:          # OCR or noisy text: misreads can keep an identity, no arbitration (verify/ocrdispute.py)
            prov = unresolved(prov)
        if (rule := distrusted.get(p)) and prov.status is Status.PROVEN \
                and not settles_place(rule, grounding.get(p) if grounding else None):   # (verify/blockplaced.py)
            # two readings of one unreliable text
            prov = prov.model_copy(update={"status": Status.UNVERIFIED, "rules": list(prov.rules) + [rule]})
        elif rule and p in winners and winners[p][0] == "regex":
            # the reader's value placed by a guess about the layout (applicant columns ordered by a scrambled
            # header, rows in a tool's order) kept over the model's by the identities: the guess's other placements
            # keep every identity too (the columns trade places in every row), so the identities chose nothing
            prov = prov.model_copy(update={"status": Status.DISPUTED, "rules": list(prov.rules) + [rule]})
        elif OCR_DIGITS_RULE in old.rules and prov.status is Status.PROVEN:    # 33B read as 338 by both
            prov = prov.model_copy(update={"status": Status.UNVERIFIED, "rules": list(prov.rules) + [OCR_DIGITS_RULE]})
        provenance[p] = prov
    findings.extend(identity_findings)
    report = Report.from_values(base.report.doc_id or model.doc_id,
                                {p: v for p, v in values.items() if v is not None}, notes=base.report.notes)
    stages = dict(base.stages)
    stages["model"] = dict(model.meta) | {"status": "ok", "warnings": list(model.warnings)}
    stages["crosscheck"] = counts
    return Record(report=report, provenance=provenance, findings=findings, source=dict(base.source), stages=stages)


def _checkable(path: str, values: dict[str, Any]) -> bool:
    return all(evaluate(eq, values) is not None for eq in equations_by_path().get(path, ()))


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def _model_fields(model: Extraction, path: str) -> dict[str, Any]:
    r = model.reading(path)
    return {"source": "model", "method": "model", "kind": r.kind if r.kind != CellKind.MISSING else CellKind.NUMBER,
            "raw": r.raw, "lines": []}


def _ambiguity_check(regex: Extraction | None, md: dict[str, Any]) -> dict[str, bool]:
    """For groups the regex read ambiguously: is the model's reading one of the options?"""
    out: dict[str, bool] = {}
    for group in (regex.ambiguities if regex is not None else []):
        if not all(p in md for p in group.paths):
            continue
        ok = any(all(o is None or same_value(p, o, md[p]) for p, o in zip(group.paths, option))
                 for option in group.options)
        for p in group.paths:
            out[p] = out.get(p, True) and ok
    return out


def record_model_failure(record: Record, failure: dict[str, Any]) -> Record:
    """The deterministic record, with the model stage's failure written into it."""
    message = str(failure.get("error") or "model stage failed")
    finding = Finding(code="MODEL.FAILED", severity="warning", message=message, detail=dict(failure))
    stages = dict(record.stages) | {"model": dict(failure) | {"status": "failed"}}
    return record.model_copy(update={"findings": list(record.findings) + [finding], "stages": stages})
