"""A value the identities pin, where nothing is left to doubt, is used (``pinned``), not queued.

Golden 002 is a real report whose PDF text lost one cell of four 表三 rows: ``一、本年新收`` prints
``0 0 0 0 0 6`` under seven columns (the 自然人 6 lost), ``（二）部分公开`` ``0 0 0 0 0 4``, and two rows print
six 0s. The identities place the printed numbers and pin the lost cell. Where arithmetic alone forces a
cell (the one unknown of an identity whose other cells are proven: 一's cells, each in its column's
balance 一 + 二 = 总计 + 四) and it is not 0, it is certain: the row's printed 0s are 0s, the lost cell the
one value left. Where the lost cell is 0, it may have been printed blank (golden-format: ``null`` is not
``0``; the identities count both as 0); where only the order the text kept places the numbers (three rows
of one column sum, each with a lost cell), the reader's reading of that order decides: those stay
``derived``, in the review queue.
"""

from __future__ import annotations

from llm_extract.evidence import TRUSTED_STATUSES, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.review import review_items
from llm_extract.schema import TABLE3_ROW_PATHS
from llm_extract.settling import read_document
from verify import verify_extraction
from verify.pinned import pin_settled

GOLDEN = "002_0126e23b7202ee31"


def _record(golden_dir, text: str | None = None):
    text = text if text is not None else (golden_dir / f"{GOLDEN}.txt").read_text(encoding="utf-8")
    doc = Document.from_text(text, doc_id=GOLDEN)
    return doc, read_document(doc).record()


def _statuses(record, row: str) -> set[Status]:
    return {record.provenance[p].status for p in TABLE3_ROW_PATHS[row]}


def test_a_row_that_lost_a_cell_other_than_zero_is_pinned_and_not_queued(golden_dir) -> None:
    doc, record = _record(golden_dir)
    gold = read_json(golden_dir / f"{GOLDEN}.json")
    assert _statuses(record, "new_received") == {Status.PINNED}
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["new_received"]] == \
        list(gold["applications"]["new_received"].values())
    assert record.report.get("applications.new_received.natural_person") == 6
    queued = {item.path for item in review_items(record, doc.lines)}
    assert not queued & set(TABLE3_ROW_PATHS["new_received"])
    assert record.status_counts()["pinned"] == 7


def test_a_cell_placed_by_the_order_the_text_kept_stays_derived(golden_dir) -> None:
    """（二）部分公开's lost 4: its column's sum has three unknown cells (予以公开, 部分公开, 其他 lost one each):
    the identities leave one value only among the placings that keep the printed order."""
    doc, record = _record(golden_dir)
    assert _statuses(record, "partially_granted") == {Status.DERIVED}
    assert record.report.get("applications.partially_granted.natural_person") == 4
    queued = {item.path for item in review_items(record, doc.lines)}
    assert set(TABLE3_ROW_PATHS["partially_granted"]) <= queued


def test_a_row_that_lost_a_zero_stays_derived_for_a_person(golden_dir) -> None:
    doc, record = _record(golden_dir)
    for row in ("granted", "other_unpaid_fee"):        # six 0s printed: the seventh, 0 or blank?
        assert _statuses(record, row) == {Status.DERIVED}
        assert [record.report.get(p) for p in TABLE3_ROW_PATHS[row]] == [0] * 7
    queued = {item.path for item in review_items(record, doc.lines)}
    assert set(TABLE3_ROW_PATHS["granted"]) <= queued


def test_a_row_lost_whole_pins_its_counts_but_not_its_zeros(golden_dir) -> None:
    """Golden 003 (one cell a line) without the seven numbers of 1.本机关不掌握相关政府信息 (2 0 0 0 0 0 2)."""
    lines = (golden_dir / "003_d677def7845cc038.txt").read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)
    assert [line.strip() for line in lines[i + 1:i + 8]] == ["2", "0", "0", "0", "0", "0", "2"]
    del lines[i + 1:i + 8]
    doc, record = _record(golden_dir, "\n".join(lines))
    paths = TABLE3_ROW_PATHS["unavailable_not_held"]
    status = {p.rsplit(".", 1)[1]: record.provenance[p].status for p in paths}
    assert record.report.get(paths[0]) == 2 and record.report.get(paths[-1]) == 2
    assert status["natural_person"] is status["total"] is Status.PINNED      # 2: no blank reads as 2
    assert {status[c] for c in ("commercial", "research", "social_org", "legal_service", "other_org")} \
        == {Status.DERIVED}                                                   # 0: or blank?


def test_a_value_pinned_through_a_cell_in_doubt_stays_derived(golden_dir) -> None:
    doc = Document.from_text((golden_dir / f"{GOLDEN}.txt").read_text(encoding="utf-8"), doc_id=GOLDEN)
    from llm_extract.extract import extract_regex

    before = verify_extraction(extract_regex(doc))     # derived, before anything is pinned
    assert before.provenance["applications.new_received.natural_person"].status is Status.DERIVED
    # 二、上年结转's 自然人 and 总计 cells are in 一's balances: were both in doubt, no identity would force 一's 6s
    # (its row's sum would hold two unknowns), while 一's 0s stay forced by their own columns' balances
    provenance = dict(before.provenance)
    for doubt in ("applications.carried_over.natural_person", "applications.carried_over.total"):
        provenance[doubt] = provenance[doubt].model_copy(update={"status": Status.UNVERIFIED})
    after = pin_settled(before.model_copy(update={"provenance": provenance}))
    assert after.provenance["applications.new_received.natural_person"].status is Status.DERIVED
    assert after.provenance["applications.new_received.total"].status is Status.DERIVED
    assert after.provenance["applications.new_received.commercial"].status is Status.PINNED
    assert pin_settled(before).provenance["applications.new_received.natural_person"].status is Status.PINNED


def test_pinned_is_trusted_like_proven() -> None:
    assert Status.PINNED in TRUSTED_STATUSES and Status.DERIVED not in TRUSTED_STATUSES


def test_the_digit_runs_of_a_crawler_dump_cut_by_the_identities_are_pinned(golden_dir) -> None:
    """Golden 003 as a crawler dumps it, every separator lost (``一、本年新收政府信息公开申请数量3000003``): the reader
    offers every cut of each run (no number begins with 0), the identities keep one; its 0s are printed digits."""
    from llm_extract.schema import Report
    from llm_extract.synth import render

    gold = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in gold.items() if k in Report.model_fields})
    text = render(report, "glued")
    assert "政府信息公开申请数量3000003" in text
    doc, record = _record(golden_dir, text)
    pinned = {p for p, v in record.provenance.items() if v.status is Status.PINNED}
    assert set(TABLE3_ROW_PATHS["new_received"]) <= pinned
    assert all(record.report.get(p) == report.get(p) for p in pinned)
    assert {v.status for v in record.provenance.values()} == {Status.PROVEN, Status.PINNED}
    assert review_items(record, doc.lines) == []
    note = record.provenance["applications.new_received.total"].note
    assert note.startswith("not read as printed; a cut of its line's digit run")


def test_a_model_that_agrees_leaves_a_pinned_value_pinned(golden_dir) -> None:
    """A perfect model gives the lost 6 too; the text does not print it where the model says (GROUND.NOT_FOUND),
    which is why the cell was lost: the identities still force it, so it is used, not queued."""
    from llm_extract.extract import extract_regex
    from llm_extract.model.answer import ModelAnswer, answer_from_report, to_extraction
    from llm_extract.schema import Report
    from verify.settle import settle

    gold = read_json(golden_dir / f"{GOLDEN}.json")
    truth = Report.model_validate({k: v for k, v in gold.items() if k in Report.model_fields})
    doc = Document.from_text((golden_dir / f"{GOLDEN}.txt").read_text(encoding="utf-8"), doc_id=GOLDEN)
    model = to_extraction(ModelAnswer.model_validate(answer_from_report(truth)), GOLDEN, {"model": "scripted"})
    record = settle(extract_regex(doc), model, [], (), doc.lines)
    prov = record.provenance["applications.new_received.natural_person"]
    assert (prov.status, record.report.get("applications.new_received.natural_person")) == (Status.PINNED, 6)
    assert "XCHECK.AGREE" in prov.rules and "GROUND.NOT_FOUND" in prov.rules
    assert record.provenance["applications.granted.natural_person"].status is Status.DERIVED     # a lost 0
