"""An OCR'd scan (a page image under invisible text, as Acrobat or ABBYY leave it) proves nothing no identity checks.

The text layer is the OCR engine's reading of the image: it misreads digits (``0`` as ``8``) and
characters (政 as 玫). Ingest names the pages whose text is such a layer; 表二 (in no identity) is
then read but ``unverified`` (READ.OCR_TEXT), and so is the agency (READ.OCR_NAME: an engine misreads a
character alike wherever it is printed); the identities of 表三 and 表四 still prove their cells.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import load_bytes
from llm_extract.ingest.notices import ingest_findings
from llm_extract.model.answer import ModelAnswer, to_extraction
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.ocrdigits import alike_digit_cells
from tests.pdf_writer import text_pdf
from verify.settle import settle
from verify.trust import OCR_NAME_RULE, OCR_RULE, OCR_YEAR_RULE

VALUES = sample_values()
T2 = [p for p in DISCLOSURE_PATHS if VALUES.get(p) is not None]


def _load(values: dict, *, ocr: bool, background: bool = False, title: str | None = None, named: str = ""):
    """The sample report as a PDF; ``named``: a preamble line naming the agency again under the title."""
    lines = report_text(values).split("\n")
    if title is not None:
        lines[0] = title
    if named:
        lines.insert(1, f"本报告由{named}编制。")
    return load_bytes(text_pdf(lines, ocr=ocr, background=background), doc_id="d", path="d.pdf", suffix=".pdf")


def test_a_born_digital_pdf_proves_every_field_and_names_no_ocr_page() -> None:
    doc = _load(VALUES, ocr=False, background=True)          # a picture under visible text is no OCR layer
    assert "ocr_pages" not in doc.meta
    record = process_document(doc)
    assert record.report.values() == process_document(_load(VALUES, ocr=False)).report.values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_an_ocr_layer_over_a_scan_is_noted_at_ingest_and_carried_by_the_extraction() -> None:
    doc = _load(VALUES, ocr=True)
    assert doc.meta["ocr_pages"] == [1]
    assert extract_regex(doc).ocr_pages == [1]


def test_an_ocr_layer_leaves_table2_read_but_unverified_and_the_identities_prove_tables_3_and_4() -> None:
    record = process_document(_load(VALUES, ocr=True))
    for p in T2:
        assert record.provenance[p].status == Status.UNVERIFIED and OCR_RULE in record.provenance[p].rules
        assert record.report.get(p) == VALUES[p]                              # the value as read, kept
    alike = set(alike_digit_cells(VALUES))      # 0 1 0 0 1: its 1s misread alike would still add up
    assert alike and all(record.provenance[p].status == Status.UNVERIFIED for p in alike)
    assert all(record.provenance[p].status == Status.PROVEN for p in TABLE3_PATHS + TABLE4_PATHS if p not in alike)


def test_an_agency_read_from_an_ocr_layer_is_never_proven_not_even_where_the_text_writes_it_again() -> None:
    """tesseract read 石泉县人民政府 as 石录县人民政府 in the title and in the preamble alike: a body's name,
    written twice, wrong. The same page born digital proves it."""
    misread = process_document(_load(VALUES, ocr=True, title="石录县人民政府2021年政府信息公开工作年度报告",
                                     named="石录县人民政府"))
    agency = misread.provenance["agency"]
    assert misread.report.agency == "石录县人民政府"
    assert agency.status == Status.UNVERIFIED and OCR_NAME_RULE in agency.rules
    assert process_document(_load(VALUES, ocr=False)).provenance["agency"].status == Status.PROVEN


def test_a_digit_the_ocr_misread_in_table2_is_queued_never_proven() -> None:
    misread = VALUES | {"active_disclosure.regulations.repealed": 8}         # the page shows 0, OCR read 8
    doc = _load(misread, ocr=True)
    record = process_document(doc)
    prov = record.provenance["active_disclosure.regulations.repealed"]
    assert record.report.get("active_disclosure.regulations.repealed") == 8 and prov.status == Status.UNVERIFIED
    [item] = [i for i in review_items(record, doc.lines) if i.path == "active_disclosure.regulations.repealed"]
    assert "OCR text layer" in item.message


def test_an_agency_broken_by_an_ocr_typo_is_not_proven_from_the_ocr_layer() -> None:
    title = "永宁县卫生健康委员会2023年玫府信息公开工作年度报告"               # 政→玫 breaks the title's anchor
    record = process_document(_load(VALUES, ocr=True, title=title))
    agency = record.provenance["agency"]
    assert not str(record.report.agency).endswith("委员会")
    assert agency.status == Status.UNVERIFIED and OCR_NAME_RULE in agency.rules
    clean = process_document(_load(VALUES, ocr=True, title="永宁县卫生健康委员会2023年政府信息公开工作年度报告"))
    assert clean.report.agency == "永宁县卫生健康委员会" and clean.provenance["agency"].status == Status.UNVERIFIED
    assert "not ending as a body's name" in str(agency.note) and "misreads a character" in str(clean.provenance["agency"].note)


def test_a_year_read_from_an_ocr_layer_is_proven_only_where_the_text_writes_it_again() -> None:
    def loaded(lines: list[str], *, ocr: bool):
        return load_bytes(text_pdf(lines, ocr=ocr), doc_id="d", path="d.pdf", suffix=".pdf")
    lines = report_text(VALUES).split("\n")
    lines[0] = "永宁县卫生健康委员会2028年政府信息公开工作年度报告"        # the OCR read 2023 as 2028
    year = process_document(loaded(lines, ocr=True)).provenance["year"]
    assert year.status == Status.UNVERIFIED and OCR_YEAR_RULE in year.rules
    assert process_document(loaded(lines, ocr=False)).provenance["year"].status == Status.PROVEN
    stated = lines[:1] + ["本报告中所列数据的统计期限自2028年1月1日起至2028年12月31日止。"] + lines[1:]
    assert process_document(loaded(stated, ocr=True)).provenance["year"].status == Status.PROVEN


def test_a_model_reading_the_same_ocr_layer_does_not_prove_table2_either() -> None:
    doc = _load(VALUES, ocr=True)
    answer = to_extraction(ModelAnswer.model_validate(answer_for(VALUES)), "d", {"model": "m"})
    record = settle(extract_regex(doc), answer, [], (), doc.lines)
    for p in T2:
        assert record.provenance[p].status == Status.UNVERIFIED and OCR_RULE in record.provenance[p].rules
    assert all(record.provenance[p].status == Status.PROVEN for p in TABLE3_PATHS)


def test_a_document_only_the_model_read_is_judged_by_its_ocr_layer_too() -> None:
    doc = _load(VALUES, ocr=True)                       # the reader found no table: only the model's answer
    answer = to_extraction(ModelAnswer.model_validate(answer_for(VALUES)), "d", {"model": "m"})
    record = settle(None, answer, [], (), doc.lines, notices=ingest_findings(doc))
    assert [p for p in T2 if record.provenance[p].status == Status.PROVEN] == []
    assert all(OCR_RULE in record.provenance[p].rules for p in T2 if record.report.get(p) is not None)
    born_digital = _load(VALUES, ocr=False)
    clean = settle(None, answer, [], (), born_digital.lines, notices=ingest_findings(born_digital))
    assert all(OCR_RULE not in clean.provenance[p].rules for p in T2)


def test_the_record_names_the_ocr_pages_in_a_warning() -> None:
    record = process_document(_load(VALUES, ocr=True))
    [notice] = [f for f in record.findings if f.code == "INGEST.OCR_PAGES"]
    assert notice.severity == "warning" and notice.detail == {"pages": [1]} and "page 1 is" in notice.message
    assert not [f for f in process_document(_load(VALUES, ocr=False)).findings if f.code == "INGEST.OCR_PAGES"]
