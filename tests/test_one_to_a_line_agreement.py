"""A model agreeing with a 表三 row read one number to a line after its label (pdftotext's default mode).

Which row such a run of numbers is, only the text's order says; a model reading the same text meets the
same doubt. Where the identities could not check the row (another row lost cells), the model's agreement
proves nothing the reader could not: the cells stay ``unverified`` (READ.UNCHECKED).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document


def test_a_model_agreeing_with_a_row_read_one_number_to_a_line_proves_no_cell_the_identities_left_unchecked() -> None:
    # pdftotext's default mode: a row's numbers one to a line after its label; which row they are, only the
    # text's order says. Where the identities could not check them (another row lost cells), a model reading
    # the same text agrees, and proves nothing the reader could not
    from llm_extract.extract import extract_regex
    from llm_extract.model.answer import ModelAnswer, to_extraction
    from tests.fakeopenai import answer_for, report_text, sample_values
    from verify.crosscheck import crosscheck
    from verify.decide import verify_extraction
    from verify.grounding import ground
    from verify.sequence import one_to_a_line

    values = sample_values()
    text = report_text(values).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\n5\n1\n0\n0\n0\n0\n6")
    doc = Document.from_text(text, doc_id="d")
    deterministic = extract_regex(doc)
    granted = [f"applications.granted.{c}" for c in ("natural_person", "commercial", "research", "social_org",
                                                      "legal_service", "other_org", "total")]
    assert set(granted) <= one_to_a_line(deterministic.readings)
    base = verify_extraction(deterministic)
    for p in granted:           # as when another row's lost cells leave the columns unchecked
        base.provenance[p] = base.provenance[p].model_copy(update={"status": Status.UNVERIFIED,
                                                                   "rules": ["READ.UNCHECKED"]})
    answer = to_extraction(ModelAnswer.model_validate(answer_for(values)), "d", {"model": "m"})
    model_values = {p: answer.reading(p).value for p in granted}
    record = crosscheck(deterministic, answer, base=base, grounding=ground(model_values, doc.lines))
    for p in granted:
        prov = record.provenance[p]
        assert "XCHECK.AGREE" in prov.rules and prov.status is Status.UNVERIFIED, (p, prov.status)
