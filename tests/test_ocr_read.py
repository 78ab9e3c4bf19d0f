"""An OCR reading keeps its tables: a heading misread by the OCR engine still opens its table.

The OCR engine misreads characters for ones of like shape (理 → 埋, 政 → 玫): a section heading
so misread must not lose the whole table it heads. Nothing read that way is trusted more:
表二 of an OCR layer stays unverified, and 表三/表四 are proven by their identities only.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.regions import find_regions
from llm_extract.extract.ocr_headings import fuzzy_heading
from llm_extract.ingest import Document, load_bytes
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf
from verify.letters import RULE as LETTERS_PINNED
from verify.misread import RULE as MISREAD_RULE, ocr_confusion

VALUES = sample_values()
#: 表四's 0 1 0 0 1 (a count and its total) would still add up with its 1s misread alike: in an OCR reading these two
#: are read but never proven (verify/ocrdigits.py); every other cell of 表三 and 表四 is proven by the identities
ALIKE = frozenset({"review_litigation.litigation_direct.corrected", "review_litigation.litigation_direct.total"})
T3_T4 = [p for p in TABLE3_PATHS + TABLE4_PATHS if p not in ALIKE]


def test_a_heading_with_one_or_two_characters_misread_is_still_its_tables_heading() -> None:
    assert fuzzy_heading("三、收到和处埋玫府信息公开申请情况") == "表三"
    assert fuzzy_heading("三、收到和处埋政府信息公开申请") == "表三"              # without 情况
    assert fuzzy_heading("二、主动公开玫府信息情况") == "表二"
    assert fuzzy_heading("四、玫府信息公开行政复议、行玫诉讼情况") == "表四"


def test_a_line_that_only_resembles_a_heading_is_no_heading() -> None:
    assert fuzzy_heading("三、收到和处理政府信息公开申请情况") is None        # as printed: the form's patterns find it
    assert fuzzy_heading("三、收到和办理依申请公开事项的总体情况") is None     # too many characters differ
    assert fuzzy_heading("全年收到和处埋玫府信息公开申请情况，均已答复。") is None   # a sentence
    assert fuzzy_heading("二、主动公开玫府信息") == "表二"                  # 8 characters: one misread at most
    assert fuzzy_heading("二、主动公玫玫府信息") is None
    assert fuzzy_heading("三、收到和处理玫府信息公开申请情况及答复") is None     # words added: no heading


def _ocr_text(values: dict, replace: dict[str, str]) -> list[str]:
    text = report_text(values)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text.split("\n")


def test_a_table_under_a_misread_heading_is_found_between_its_neighbours() -> None:
    lines = _ocr_text(VALUES, {"收到和处理政府信息公开申请情况": "收到和处埋玫府信息公开申请情况"})
    regions = find_regions(lines)
    assert list(regions) == ["表二", "表三", "表四"]
    assert regions["表三"].heading.endswith("收到和处埋玫府信息公开申请情况")
    assert regions["表二"].end == regions["表三"].start


def test_an_ocr_layer_whose_table3_heading_is_misread_still_proves_table3_by_its_identities() -> None:
    lines = _ocr_text(VALUES, {"收到和处理政府信息公开申请情况": "收到和处埋玫府信息公开申请情况"})
    doc = load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    record = process_document(doc)
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4)
    assert all(record.provenance[p].rules == ["READ.OCR_ALIKE_DIGITS"] for p in ALIKE)
    assert record.report.values() == {p: v for p, v in VALUES.items() if p in record.report.values()}
    assert all(record.provenance[p].status != Status.PROVEN for p in DISCLOSURE_PATHS)


# --- a misread 表三 cell, found where the broken identities meet and pinned by them (verify/misread.py)

A = "applications"


def _record(values: dict, *, ocr: bool = True):
    doc = load_bytes(text_pdf(report_text(values).split("\n"), ocr=ocr), doc_id="d", path="d.pdf", suffix=".pdf")
    return process_document(doc)


def test_digits_an_ocr_engine_confuses_are_told_from_a_misprint() -> None:
    assert ocr_confusion("8", 0) and ocr_confusion("7", 1) and ocr_confusion("150", 160)     # like shapes
    assert ocr_confusion("308", 30) and ocr_confusion("07", 0) and ocr_confusion("2", 12)    # a digit more or less
    assert not ocr_confusion("2", 3) and not ocr_confusion("170", 171)                       # off by one
    assert not ocr_confusion("18", 28) and not ocr_confusion("5", 73)                        # not one digit
    assert ocr_confusion("5", 135) and ocr_confusion("1", 135) and ocr_confusion("15", 1235)  # two side by side lost
    assert not ocr_confusion("135", 5) and not ocr_confusion("3", 135)       # (never two added; nor two apart)
    assert not ocr_confusion("0", 0)


def test_a_total_whose_first_two_digits_ocr_lost_is_pinned_and_its_table_proven() -> None:
    more = {f"{A}.{row}.{col}": VALUES[f"{A}.{row}.{col}"] + 100                 # (七)总计 116 = 12 + 4 … + 100
            for row in ("new_received", "granted", "total_processed") for col in ("natural_person", "total")}
    values = VALUES | more
    path = f"{A}.total_processed.total"
    record = _record(values | {path: 6})                       # the OCR box held 116's last digit only
    prov = record.provenance[path]
    assert record.report.get(path) == 116 and prov.status == Status.DERIVED
    assert MISREAD_RULE in prov.rules and prov.candidates == {"regex": 6}
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4 if p != path)


def test_a_digit_misread_in_an_ocr_layer_is_pinned_by_the_identities_and_its_neighbours_proven() -> None:
    path = f"{A}.denied_third_party.commercial"                 # the page shows 0, the OCR layer reads 8
    record = _record(VALUES | {path: 8})
    prov = record.provenance[path]
    assert record.report.get(path) == 0 and prov.status == Status.DERIVED
    assert MISREAD_RULE in prov.rules and prov.candidates == {"regex": 8}
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4 if p != path)
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    [item] = [i for i in review_items(record, []) if i.path == path]          # queued for a person to confirm
    assert item.message.startswith("an OCR misreading? read as 8") and "pin 0" in item.message


def test_two_misreads_in_different_rows_and_columns_are_both_pinned() -> None:
    misread = {f"{A}.granted.natural_person": 6, f"{A}.unavailable_not_held.legal_service": 7}   # 5→6, 1→7
    record = _record(VALUES | misread)
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    assert all(record.provenance[p].status == Status.DERIVED for p in misread)
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4 if p not in misread)


def test_a_value_no_misreading_explains_is_a_misprint_kept_as_printed_and_disputed() -> None:
    path = f"{A}.granted.natural_person"                         # 5 printed 4: off by one, no OCR confusion
    record = _record(VALUES | {path: 4})
    assert record.report.get(path) == 4 and record.provenance[path].status == Status.DISPUTED
    assert all(MISREAD_RULE not in v.rules for v in record.provenance.values())


def test_a_born_digital_report_that_breaks_its_identities_is_kept_as_printed() -> None:
    path = f"{A}.denied_third_party.commercial"
    record = _record(VALUES | {path: 8}, ocr=False)
    assert record.report.get(path) == 8 and record.provenance[path].status == Status.DISPUTED
    assert all(MISREAD_RULE not in v.rules for v in record.provenance.values())


def test_two_misreads_in_one_row_are_pinned_by_their_columns() -> None:
    misread = {f"{A}.rejected_duplicate.natural_person": 8, f"{A}.rejected_duplicate.commercial": 8}
    record = _record(VALUES | misread)
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    assert all(record.provenance[p].status == Status.DERIVED for p in misread)


def test_a_misread_in_table4_which_one_identity_checks_is_left_disputed() -> None:
    path = "review_litigation.administrative_review.other"         # 0 read as 8: its group total breaks
    record = _record(VALUES | {path: 8})
    assert record.report.get(path) == 8 and record.provenance[path].status == Status.DISPUTED
    assert all(MISREAD_RULE not in v.rules for v in record.provenance.values())


def test_a_misread_in_one_broken_row_is_pinned_where_its_column_holds_a_lost_cell() -> None:
    # granted: 5 1 0 0 0 0 6, the 1 read as 11 (a digit added): only the row breaks, since the
    # petition row lost a cell (six numbers for seven columns) and the columns cannot be checked
    path = f"{A}.granted.commercial"
    lines = report_text(VALUES | {path: 11}).split("\n")
    [k] = [i for i, line in enumerate(lines) if "信访举报投诉类申请" in line]
    assert lines[k].endswith("\t1\t0\t0\t0\t0\t0\t1")
    lines[k] = lines[k].replace("\t1\t0\t0\t0\t0\t0\t1", "\t1\t0\t0\t0\t0\t1")
    record = process_document(load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf"))
    assert record.report.get(path) == 1 and MISREAD_RULE in record.provenance[path].rules
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4 if "rejected_petition" not in p
               and p != path)


# --- a cell printed as OCR letters only, pinned by the identities (verify/letters.py)

def _with_cell(values: dict, row_label: str, old: str, new: str) -> list[str]:
    lines = report_text(values).split("\n")
    [k] = [i for i, line in enumerate(lines) if row_label in line]
    assert old in lines[k]
    lines[k] = lines[k].replace(old, new, 1)
    return lines


def test_a_cell_printed_o_that_the_identities_pin_to_0_is_proven_as_a_printed_0_would_be() -> None:
    lines = _with_cell(VALUES, "予以公开", "\t5\t1\t0\t", "\t5\t1\tO\t")
    record = process_document(load_bytes(text_pdf(lines), doc_id="d", path="d.pdf", suffix=".pdf"))
    prov = record.provenance[f"{A}.granted.research"]
    assert record.report.get(f"{A}.granted.research") == 0
    assert prov.status == Status.PROVEN and prov.rules == [LETTERS_PINNED] and prov.raw == "O"
    assert all(record.provenance[p].status == Status.PROVEN for p in T3_T4)


def test_a_cell_of_letters_the_identities_pin_to_another_value_stays_derived() -> None:
    lines = _with_cell(VALUES, "予以公开", "\t5\t1\t0\t", "\t5\t1\tl\t")      # l stands for 1; the identities say 0
    record = process_document(load_bytes(text_pdf(lines), doc_id="d", path="d.pdf", suffix=".pdf"))
    prov = record.provenance[f"{A}.granted.research"]
    assert record.report.get(f"{A}.granted.research") == 0 and prov.status == Status.DERIVED


def test_a_letter_pinned_beside_a_kept_misprint_is_not_proven() -> None:
    # granted.natural_person misprinted 4 for 5 (off by one: kept, disputed); the 0 of 属于国家秘密 printed O
    # in the same column: the identities pin it with the misprint taken as lost, but its column is broken
    values = VALUES | {f"{A}.granted.natural_person": 4}
    lines = _with_cell(values, "属于国家秘密", "\t0\t0\t", "\tO\t0\t")
    record = process_document(load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf"))
    assert record.report.get(f"{A}.granted.natural_person") == 4
    assert record.provenance[f"{A}.granted.natural_person"].status == Status.DISPUTED
    secret = record.provenance[f"{A}.denied_state_secret.natural_person"]
    assert secret.raw == "O" and secret.status != Status.PROVEN


def test_ocr_text_showing_letters_for_digits_is_mended_as_an_ocr_layer_is() -> None:
    path = f"{A}.denied_third_party.commercial"                 # 0 read as 8
    text = report_text(VALUES | {path: 8})
    plain = process_document(Document.from_text(text, doc_id="d"))     # a typed text: a misprint, kept
    assert plain.report.get(path) == 8 and plain.provenance[path].status == Status.DISPUTED
    lines = text.split("\n")
    for label in ("属于国家秘密", "重复申请", "要求提供公开出版物"):       # three 0s printed O: an OCR reading
        [k] = [i for i, line in enumerate(lines) if label in line]
        lines[k] = lines[k].replace("\t0\t", "\tO\t", 1)
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert record.report.get(path) == 0 and MISREAD_RULE in record.provenance[path].rules
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    t2 = [i for i in review_items(record, []) if i.path == "active_disclosure.licensing"]
    assert t2 and "None" not in t2[0].message and "OCR" in t2[0].message          # 表二 of an OCR text: why queued


def test_zeros_an_ocr_engine_printed_d_are_read_as_its_other_letters_are() -> None:
    """0 read as D (as common as O in some fonts): ``D`` alone is a letter cell the identities pin, ``1D`` is 10."""
    lines = report_text(VALUES).split("\n")
    for label, old, new in (("属于国家秘密", "\t0\t0\t", "\tD\t0\t"), ("重复申请", "\t0\t", "\tD\t"),
                            ("要求提供公开出版物", "\t0\t", "\tD\t")):
        [k] = [i for i, line in enumerate(lines) if label in line]
        assert old in lines[k]
        lines[k] = lines[k].replace(old, new, 1)
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert {p: record.report.get(p) for p in T3_T4} == {p: VALUES[p] for p in T3_T4}
    secret = record.provenance[f"{A}.denied_state_secret.natural_person"]
    assert secret.raw == "D" and secret.rules == [LETTERS_PINNED]      # pinned as a printed O would be
    assert all(record.provenance[p].status is Status.PROVEN for p in T3_T4)


def test_a_labels_first_character_that_ocr_spacing_parted_off_is_no_empty_cell() -> None:
    """``4. 无 正当理由大量反复申请 D 0 0 0 O 0 o``: OCR spaced the label's first character 无 off (and read its
    zeros as letters), and 无 is also how a table prints an empty cell: it was read as the row's first cell, a
    blank, proven. Between an item number and its label's words no cell stands."""
    text = report_text(VALUES)
    [line] = [line for line in text.split("\n") if line.startswith("4.无正当理由大量反复申请")]
    assert line.endswith("\t0" * 7)
    for spaced in ("4. 无 正当理由大量反复申请", "无 正当理由大量反复申请"):
        record = process_document(Document.from_text(text.replace(line, spaced + " D 0 0 0 O 0 o"), doc_id="d"))
        paths = [p for p in TABLE3_PATHS if ".rejected_excessive." in p]
        assert [record.report.get(p) for p in paths] == [VALUES[p] for p in paths]
        assert all(record.provenance[p].status is Status.PROVEN for p in paths)
    empty = process_document(Document.from_text(report_text(VALUES).replace(
        "3.其他\t0\t0\t0\t0\t0\t0\t0", "3.其他 无 无 无 无 无 无 无"), doc_id="d"))
    assert empty.report.get("applications.other_other.natural_person") is None       # empty cells stay cells
