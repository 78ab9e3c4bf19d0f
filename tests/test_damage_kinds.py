"""Each damage kind on a small fixture: what is read with certainty is read, the rest is derived or missing.

The fixture is one report printed in a layout, then damaged by an explicit edit of its
text (the kind the damage generator applies at random). Every test checks the fields
the damage touched, and that no proven field differs from the truth (no silent error).
"""

from __future__ import annotations

import re
from decimal import Decimal

from llm_extract.evidence import CellKind, Record, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import ALL_PATHS, APPLICANT_COLUMNS, APPLICATION_ROWS, Report
from llm_extract.synth.render import render

FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def fixture() -> Report:
    r = Report(doc_id="fx", agency="某区人民政府", year=2021)
    ad = r.active_disclosure
    ad.regulations.issued, ad.regulations.repealed, ad.regulations.in_force = 0, 0, 3
    ad.normative_documents.issued, ad.normative_documents.repealed, ad.normative_documents.in_force = 5, 2, 51
    ad.licensing, ad.punishment, ad.enforcement, ad.fees_10k_yuan = 15498, 65, 10, Decimal("94.0121")
    rows = {"new_received": [12, 3, 0, 0, 0, 1], "carried_over": [2, 0, 0, 0, 0, 0],
            "granted": [8, 2, 0, 0, 0, 1], "partially_granted": [2, 0, 0, 0, 0, 0],
            "unavailable_not_held": [3, 1, 0, 0, 0, 0], "total_processed": [13, 3, 0, 0, 0, 1],
            "carried_forward": [1, 0, 0, 0, 0, 0]}
    for row in APPLICATION_ROWS:
        values = rows.get(row, [0] * 6)
        for c, v in zip(APPLICANT_COLUMNS, values + [sum(values)]):
            r.set(f"applications.{row}.{c}", v)
    for g in ("administrative_review", "litigation_direct", "litigation_after_review"):
        for c in ("upheld", "corrected", "other", "pending", "total"):
            r.set(f"review_litigation.{g}.{c}", 1 if g == "administrative_review" and c in ("upheld", "total") else 0)
    return r


TRUTH = fixture()


def run(text: str) -> Record:
    return process_document(Document.from_text(text, doc_id="fx"))


def assert_no_silent_error(record: Record) -> None:
    wrong = [p for p in ALL_PATHS if p not in ("agency", "year") and record.report.get(p) != TRUTH.get(p)
             and record.provenance[p].status == Status.PROVEN]
    assert wrong == []


def row(name: str) -> list[str]:
    return [f"applications.{name}.{c}" for c in APPLICANT_COLUMNS]


def status(record: Record, path: str) -> tuple[object, Status]:
    return record.report.get(path), record.provenance[path].status


def replace_after(lines: list[str], label: str, offset: int, old: str, new: str) -> None:
    i = next(k for k, line in enumerate(lines) if line.endswith(label)) + offset
    assert lines[i] == old, lines[i]
    lines[i] = new


def test_the_clean_fixture_comes_back_proven_in_every_layout_that_keeps_its_cells() -> None:
    for layout in ("cells", "tabrows", "markdown", "pdftext", "pages"):
        record = run(render(TRUTH, layout))
        assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}, layout
        assert_no_silent_error(record)


def test_ocr_digit_confusions_are_read_and_a_lone_letter_is_pinned_not_guessed() -> None:
    lines = render(TRUTH, "cells").split("\n")
    replace_after(lines, "一、本年新收政府信息公开申请数量", 1, "\t12", "\tl2")
    replace_after(lines, "（一）予以公开", 3, "\t0", "\tO")
    record = run("\n".join(lines))
    prov = record.provenance["applications.new_received.natural_person"]
    assert (record.report.applications.new_received.natural_person, prov.status, prov.kind) == \
        (12, Status.PROVEN, CellKind.OCR)
    # the lone O is pinned by the identities to the 0 it stands for: proven (verify/letters.py), never guessed
    assert status(record, "applications.granted.research") == (0, Status.PROVEN)
    assert record.provenance["applications.granted.research"].rules == ["READ.OCR_LETTERS_PINNED"]
    assert_no_silent_error(record)


def test_full_width_digits_are_read_with_certainty() -> None:
    record = run(render(TRUTH, "tabrows").translate(FULL))
    assert record.report.applications.new_received.natural_person == 12
    assert record.report.active_disclosure.fees_10k_yuan == Decimal("94.0121")
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_thousands_separators_are_read_with_certainty() -> None:
    record = run(render(TRUTH, "cells").replace("\t15498", "\t15,498"))
    assert status(record, "active_disclosure.licensing") == (15498, Status.PROVEN)


def test_a_number_split_by_a_space_in_pdf_text_is_not_read_but_derived_by_the_columns() -> None:
    lines = render(TRUTH, "pdftext").split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[i] = re.sub(r"(\s)12(\s)", r"\g<1>1 2\g<2>", lines[i], count=1)
    record = run("\n".join(lines))
    for path in row("new_received"):
        assert status(record, path) == (TRUTH.get(path), Status.DERIVED)
    assert_no_silent_error(record)


def test_two_merged_cells_shift_nothing_into_a_wrong_column() -> None:
    lines = render(TRUTH, "tabrows").split("\n")
    i = next(k for k, line in enumerate(lines) if "（一）予以公开" in line)
    assert "\t8\t2\t" in lines[i]
    lines[i] = lines[i].replace("\t8\t2\t", "\t82\t", 1)
    record = run("\n".join(lines))
    for path in row("granted"):                 # no reading of the row holds: the columns pin it
        assert status(record, path) == (TRUTH.get(path), Status.DERIVED)
    assert_no_silent_error(record)


def test_a_dropped_cell_is_placed_only_where_the_identities_allow() -> None:
    lines = render(TRUTH, "cells").split("\n")
    replace_after(lines, "一、本年新收政府信息公开申请数量", 2, "\t3", "")
    record = run("\n".join(l for k, l in enumerate(lines) if l or k == 0 or lines[k - 1]))
    for path in row("new_received"):    # the lost 3 the one value its column's balance leaves (pinned); the 0s,
        value = TRUTH.get(path)          # one to a line among the rows' labels: derived (which row's 0s, the reading)
        assert status(record, path) == (value, Status.PINNED if value else Status.DERIVED)
    assert_no_silent_error(record)


def test_a_label_broken_over_lines_with_its_numbers_on_the_last_line_is_read() -> None:
    text = render(TRUTH, "tabrows").replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t",
                                           "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）\t")
    record = run(text)
    assert status(record, "applications.partially_granted.natural_person") == (2, Status.PROVEN)
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_a_label_broken_with_its_numbers_on_the_first_line_is_read() -> None:
    lines = render(TRUTH, "pdftext").split("\n")
    i = next(k for k, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)
    lines[i:i + 1] = [lines[i].replace("1.本机关不掌握相关政府信息", "1.本机关不"), "掌握相关政府信息"]
    record = run("\n".join(lines))
    assert status(record, "applications.unavailable_not_held.total") == (4, Status.PROVEN)
    assert_no_silent_error(record)


def test_a_label_with_a_typo_in_its_key_word_is_still_its_rows_label() -> None:
    """本机关不掌控相关政府信息 (掌控 for 掌握): the row is known by the rest of its words."""
    for layout in ("pdftext", "tabrows"):
        text = render(TRUTH, layout).replace("1.本机关不掌握相关政府信息", "1.本机关不掌控相关政府信息")
        assert "不掌控" in text
        record = run(text)
        assert status(record, "applications.unavailable_not_held.total") == (4, Status.PROVEN), layout
        assert_no_silent_error(record)


def test_ocr_specks_inside_a_label_do_not_hide_it() -> None:
    text = render(TRUTH, "cells").replace("\t1.本机关不掌握相关政府信息", "\t1.本机关■不掌握相关政府·信息")
    record = run(text)
    assert status(record, "applications.unavailable_not_held.natural_person") == (3, Status.PROVEN)
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_a_vertical_header_is_not_read_as_rows() -> None:
    text = render(TRUTH, "cells")
    for word in ("自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"):
        text = text.replace(f"\t{word}\n", "\t" + "\n".join(word) + "\n", 1)
    assert "\t自\n然\n人" in text
    record = run(text)
    assert all(v.status == Status.PROVEN for v in record.provenance.values())
    assert record.report.applications.other_other.total == 0


def test_a_stray_line_of_narrative_inside_a_table_changes_nothing() -> None:
    lines = render(TRUTH, "pdftext").split("\n")
    i = next(k for k, line in enumerate(lines) if "（一）予以公开" in line)
    lines.insert(i + 1, "注：本表数据来源于本机关政务公开工作台账。")
    record = run("\n".join(lines))
    assert all(v.status == Status.PROVEN for v in record.provenance.values())
    assert_no_silent_error(record)


def test_a_table_split_over_two_pages_with_its_header_repeated_is_read_whole() -> None:
    text = render(TRUTH, "pages")
    assert "第 2 页 共 4 页" in text and text.count("法人或其他组织") == 2
    record = run(text)
    assert all(v.status == Status.PROVEN for v in record.provenance.values())
    assert record.report.applications.total_processed.total == 17
