"""The damage generator: deterministic, every kind does what it says, and damage never yields a silent error."""

from __future__ import annotations

import random

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import ALL_PATHS
from llm_extract.synth.damage import DAMAGE_KINDS, damage
from llm_extract.synth.records import random_report
from llm_extract.synth.render import ALL_LAYOUTS, LAYOUTS, render
from verify.identities import check_identities

from .test_damage_kinds import TRUTH


def test_the_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    kinds = ["ocr_digits", "dropped_cell", "broken_label"]
    assert damage(TRUTH, "pdftext", kinds, 7).text == damage(TRUTH, "pdftext", kinds, 7).text
    assert damage(TRUTH, "pdftext", kinds, 7).text != damage(TRUTH, "pdftext", kinds, 8).text


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_every_kind_changes_the_text_and_says_where(kind: str) -> None:
    damaged = damage(TRUTH, "tabrows", [kind], 3)
    assert damaged.kinds == [kind] and damaged.notes and all(n.startswith(kind) for n in damaged.notes)
    assert damaged.text != render(TRUTH, "tabrows")


def test_the_glued_layout_runs_each_row_together_and_takes_full_width_digits_only() -> None:
    text = damage(TRUTH, "glued", ["fullwidth"], 1).text
    assert "一、本年新收政府信息公开申请数量" in text and "\t" not in text
    with pytest.raises(ValueError):
        damage(TRUTH, "glued", ["dropped_cell"], 1)


def test_a_row_takes_at_most_one_damage_that_changes_its_count_of_numbers() -> None:
    for seed in range(40):
        notes = damage(TRUTH, "pdftext", ["split_number", "merged_cells", "dropped_cell"], seed).notes
        paths = [n.split(": ")[1].split(".") for n in notes]
        rows = ["表四" if p[0] == "review_litigation" else ".".join(p[:2]) for p in paths]
        assert len(rows) == len(set(rows)), notes


def test_random_reports_satisfy_every_identity() -> None:
    for seed in range(200):
        report = random_report(random.Random(seed))
        findings, _ = check_identities({p: report.get(p) for p in ALL_PATHS if p.startswith(("app", "review"))})
        assert findings == [], seed


def test_renders_in_the_lossless_layouts_are_unchanged_by_the_new_layouts() -> None:
    assert LAYOUTS == ("cells", "tabrows") and set(LAYOUTS) < set(ALL_LAYOUTS)


def test_damaged_documents_never_yield_a_wrong_value_marked_proven() -> None:
    rng = random.Random(20240601)
    wrong = []
    for i in range(150):
        report = random_report(rng, f"d{i}")
        layout = rng.choice(ALL_LAYOUTS)
        kinds = [] if layout == "glued" else rng.sample(DAMAGE_KINDS, rng.randint(1, 3))
        d = damage(report, layout, kinds, i)
        record = process_document(Document.from_text(d.text, doc_id=report.doc_id))
        wrong += [(i, layout, kinds, p) for p in ALL_PATHS if p not in ("agency",)
                  and record.provenance[p].status == Status.PROVEN and record.report.get(p) != report.get(p)]
    assert wrong == []
