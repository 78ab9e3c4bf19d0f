"""verify.settle: one pure function settles every field from the readings, the narrative and the decisions."""

from __future__ import annotations

import ast
from pathlib import Path

from llm_extract.decisions import Decision
from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from llm_extract.pipeline import process_document
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import apply_decisions, revert_decision, settle

VALUES = sample_values()
DOC = Document.from_text(report_text(VALUES), doc_id="d")


def model(**changes):
    return to_extraction(ModelAnswer.model_validate(answer_for(VALUES, **changes)), "d", {"model": "m"})


def test_without_a_model_it_is_the_deterministic_record_the_pipeline_writes():
    settled = settle(extract_regex(DOC), None, [], (), DOC.lines)
    record = process_document(DOC)
    assert settled.report == record.report and settled.provenance == record.provenance


def test_it_is_pure_the_same_inputs_give_the_same_record():
    a = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], (), DOC.lines)
    b = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], (), DOC.lines)
    assert a.to_json_dict() == b.to_json_dict()
    assert a.provenance["active_disclosure.punishment"].status == Status.DISPUTED


def test_the_model_alone_proves_what_the_text_prints_and_the_identities_hold():
    record = settle(None, model(), [], (), DOC.lines, doc_id="d")
    assert all(p.status == Status.PROVEN for p in record.provenance.values())
    assert record.provenance["applications.granted.total"].grounding["status"] == "exact"
    unprinted = settle(None, model(applications__granted__natural_person=4, applications__granted__total=5), [],
                       (), DOC.lines, doc_id="d")                   # the row still adds up, but is not printed
    assert unprinted.provenance["applications.granted.natural_person"].status != Status.PROVEN
    assert unprinted.provenance["applications.granted.total"].status != Status.PROVEN


def test_reviewer_decisions_are_applied_last_and_re_verified():
    decided = Decision(doc_id="d", path="active_disclosure.punishment", value=65, reviewer="ann",
                       decided_at="2026-01-01T00:00:00+00:00")
    record = settle(extract_regex(DOC), model(active_disclosure__punishment=56), [], [decided], DOC.lines)
    prov = record.provenance["active_disclosure.punishment"]
    assert prov.status == Status.REVIEWED and record.report.get("active_disclosure.punishment") == 65
    assert prov.candidates["model"] == 56 and prov.candidates["review"] == 65


PUNISHMENT = "active_disclosure.punishment"
T4_TOTAL = "review_litigation.administrative_review.total"
T4_GROUP = [f"review_litigation.administrative_review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
BROKEN = Document.from_text(report_text(VALUES | {T4_TOTAL: 3}), doc_id="b")     # 表四: 1 + 0 + 0 + 1 printed as 3


def test_a_decision_made_on_a_table_that_has_changed_since_is_stale_kept_as_a_finding_not_applied():
    stale = Decision(doc_id="d", path=PUNISHMENT, value=60, table_hash="0123456789abcdef")
    record = settle(extract_regex(DOC), None, [], [stale], DOC.lines)
    assert record.report.get(PUNISHMENT) == 65 and record.provenance[PUNISHMENT].status == Status.PROVEN
    assert [f.code for f in record.findings if f.paths == [PUNISHMENT]] == ["REVIEW.STALE"]
    current = record.source["table_hashes"]["表二"]
    fresh = settle(extract_regex(DOC), None, [], [stale.model_copy(update={"table_hash": current})], DOC.lines)
    assert fresh.report.get(PUNISHMENT) == 60 and fresh.provenance[PUNISHMENT].status == Status.REVIEWED


def test_a_decision_from_before_table_hashes_applies_only_to_the_same_file():
    old = Decision(doc_id="d", path=PUNISHMENT, value=60, table_hash=None, content_hash="another file")
    same = old.model_copy(update={"content_hash": DOC.content_hash})
    source = {"path": "d.txt", "content_hash": DOC.content_hash}
    assert settle(extract_regex(DOC), None, [], [old], DOC.lines, source=source).report.get(PUNISHMENT) == 65
    assert settle(extract_regex(DOC), None, [], [same], DOC.lines, source=source).report.get(PUNISHMENT) == 60


def test_a_printed_value_kept_as_it_stands_is_reviewed_though_its_identity_stays_broken_and_reverts():
    disputed = settle(extract_regex(BROKEN), None, [], (), BROKEN.lines)
    assert {disputed.provenance[p].status for p in T4_GROUP} == {Status.DISPUTED}
    keep = Decision(doc_id="b", action="keep", path=T4_TOTAL, value=3)
    kept = settle(extract_regex(BROKEN), None, [], [keep], BROKEN.lines)
    assert kept.report.get(T4_TOTAL) == 3 and kept.provenance[T4_TOTAL].status == Status.REVIEWED
    assert any(f.code == "T4.GROUP_SUM" for f in kept.findings)
    assert kept.provenance[T4_GROUP[0]].status == Status.DISPUTED
    assert revert_decision(kept, keep).provenance[T4_TOTAL].status == Status.DISPUTED


def test_a_decision_that_mends_the_identity_makes_the_group_hold_and_an_undo_restores_the_printed_value():
    fix = Decision(doc_id="b", path=T4_TOTAL, value=2)
    fixed = settle(extract_regex(BROKEN), None, [], [fix], BROKEN.lines)
    assert fixed.provenance[T4_TOTAL].status == Status.REVIEWED
    assert {fixed.provenance[p].status for p in T4_GROUP[:-1]} == {Status.PROVEN}
    assert fixed.provenance[T4_TOTAL].candidates == {"regex": 3, "review": 2}
    undone = revert_decision(fixed, fix)
    assert undone.report.get(T4_TOTAL) == 3 and {undone.provenance[p].status for p in T4_GROUP} == {Status.DISPUTED}


def test_a_settled_record_given_its_decisions_later_is_the_record_settled_with_them():
    decided = [Decision(doc_id="b", path=T4_TOTAL, value=2, decided_at="2026-01-01T00:00:00+00:00"),
               Decision(doc_id="b", action="keep", path=PUNISHMENT, value=65, decided_at="2026-01-01T00:00:01+00:00")]
    at_once = settle(extract_regex(BROKEN), None, [], decided, BROKEN.lines)
    later = apply_decisions(settle(extract_regex(BROKEN), None, [], (), BROKEN.lines), decided, BROKEN.lines)
    assert at_once.to_json_dict() == later.to_json_dict()


def test_decisions_recorded_under_another_id_for_the_same_file_are_applied_and_say_so():
    renamed = Decision(doc_id="old-name", path=PUNISHMENT, value=60)
    record = settle(extract_regex(DOC), None, [], [renamed], DOC.lines)
    assert record.report.get(PUNISHMENT) == 60
    assert [f.code for f in record.findings if f.code.startswith("REVIEW.")] == ["REVIEW.RENAMED"]


# -- the architecture: statuses are given in verify/ only -------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _mentions_a_status(node: ast.AST) -> bool:
    """``Status.X`` or ``Status(...)`` anywhere in ``node``."""
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Status":
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Status":
            return True
    return False


def status_assignments(source: str) -> list[int]:
    """Lines that give a field a status: a provenance built, or ``status`` set to a ``Status``."""
    out = []
    for node in ast.walk(ast.parse(source)):
        name = getattr(node, "func", None)
        if isinstance(node, ast.Call) and (getattr(name, "id", None) or getattr(name, "attr", None)) == "FieldProvenance":
            out.append(node.lineno)
        elif isinstance(node, ast.Dict) and any(isinstance(k, ast.Constant) and k.value == "status" and
                                                _mentions_a_status(v) for k, v in zip(node.keys, node.values)):
            out.append(node.lineno)
        elif isinstance(node, ast.keyword) and node.arg == "status" and _mentions_a_status(node.value):
            out.append(node.value.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and _mentions_a_status(node.value or ast.Pass()) and any(
                isinstance(t, ast.Attribute) and t.attr == "status"
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            out.append(node.lineno)
    return sorted(set(out))


def test_the_status_checker_sees_every_way_of_giving_a_status():
    assert status_assignments("p.model_copy(update={'status': Status.REVIEWED})") == [1]
    assert status_assignments("FieldProvenance(status=Status.MISSING)\nx = evidence.FieldProvenance()") == [1, 2]
    assert status_assignments("p.status = Status(s)\nItem(status=p.status.value)\nq = p.status") == [1]


def test_no_module_outside_verify_gives_a_field_its_status():
    """The pipeline, the model stage, decisions, resolve and the review page reach statuses through
    verify.settle only: no code in llm_extract/ builds a provenance or sets a status."""
    found = {str(p.relative_to(ROOT)): lines for p in sorted((ROOT / "llm_extract").rglob("*.py"))
             if (lines := status_assignments(p.read_text(encoding="utf-8")))}
    assert found == {}
    assert status_assignments((ROOT / "verify" / "decided.py").read_text(encoding="utf-8"))   # they are here


def _verify_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "verify":
            out.add(node.module or "")
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "verify")
    return out


def test_the_pipeline_the_decisions_and_the_review_store_reach_verify_through_settle_only():
    imports = {name: _verify_imports(ROOT / "llm_extract" / f"{name}.py")
               for name in ("pipeline", "settling", "decisions", "review_store")}
    assert imports == {"pipeline": {"verify.settle"}, "settling": {"verify.settle"}, "decisions": set(),
                       "review_store": {"verify.settle"}}
