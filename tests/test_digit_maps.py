"""Numbers whose glyphs the text layer decodes wrongly are read under the one digit map the identities admit.

A PDF may set its tables' numbers in a font the text layer does not decode while its labels read:
glyph codes without a ToUnicode map (pdfminer's ``(cid:17)``), a map into the private use area,
a single-byte font read in the wrong code page (``X`` = 0 … ``a`` = 9), or a ToUnicode map that
shifts every digit (0 printed as 3). Each candidate map (ten consecutive codes read as 0–9; for
digits the nine shifts) is tried; one that keeps every identity of 表三 and 表四, several of them
with sums other than 0, and is the only one to do so, is admitted. Its values are ``derived``
(``DERIVE.DIGIT_MAP``), never proven, with the printed symbols kept as a candidate; no map, or two,
and the document is treated as before (refused with OCR advice, or read as printed and queued).
"""

from __future__ import annotations

import re

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.extract.digitcodes import MIN_RUNS, DigitMap, code_maps
from llm_extract.ingest import Document, load_bytes
from llm_extract.ingest.notices import UNDECODABLE_TEXT
from llm_extract.review import review_items
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from llm_extract.settling import read_document
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf
from verify.digitmap import RULE, admitted, broken_nearly_everywhere, survivors

VALUES = sample_values()
LINES = report_text(VALUES).split("\n")
TABLES = TABLE3_PATHS + TABLE4_PATHS
FEE = "active_disclosure.fees_10k_yuan"


def _pdf_record(digits: str):
    return process_document(load_bytes(text_pdf(LINES, digits_to_unicode=digits), doc_id="d", path="d.pdf",
                                       suffix=".pdf"))


def _truth():
    return process_document(load_bytes(text_pdf(LINES), doc_id="d", path="d.pdf", suffix=".pdf")).report.values()


def _shifted(lines: list[str], shift: int) -> list[str]:
    """The report with every number of its tables printed through a ToUnicode map shifted by ``shift``."""
    start = lines.index("二、主动公开政府信息情况")
    end = lines.index("五、存在的主要问题及改进情况")
    move = lambda m: "".join(str((int(c) + shift) % 10) if c.isdigit() else c for c in m.group())  # noqa: E731
    return lines[:start] + [re.sub(r"(?<!\S)\d+(?:\.\d+)?(?!\S)", move, ln) for ln in lines[start:end]] + lines[end:]


@pytest.mark.parametrize("digits", ["none", "pua", "ascii"])
def test_numbers_printed_as_codes_read_under_the_one_map_every_identity_admits(digits: str) -> None:
    record = _pdf_record(digits)
    truth = _truth()
    got = record.report.values()
    assert {p: got.get(p) for p in TABLES} == {p: truth.get(p) for p in TABLES}
    assert all(got.get(p) == truth.get(p) for p in DISCLOSURE_PATHS if p != FEE)
    # (this writer puts '.' one code below '0', not two as fonts in ASCII order do: the fee is left unread)
    assert got.get(FEE) in (None, truth[FEE])
    assert record.provenance["agency"].status is Status.PROVEN and record.provenance["year"].status is Status.PROVEN


@pytest.mark.parametrize("digits", ["none", "ascii"])
def test_every_value_read_under_a_digit_map_is_derived_never_proven_and_queued(digits: str) -> None:
    record = _pdf_record(digits)
    for path in TABLES + DISCLOSURE_PATHS:
        prov = record.provenance[path]
        assert prov.status is not Status.PROVEN, path
        if prov.status is not Status.MISSING:
            assert prov.status is Status.DERIVED and prov.rules[0] == RULE, path
    items = {item.path: item for item in review_items(record, LINES)}
    assert set(TABLES) <= set(items)
    assert items["applications.new_received.total"].message.startswith(
        "the text layer does not decode the digits: printed '")


def test_the_map_is_named_in_a_finding_and_each_value_keeps_its_printed_symbols_as_a_candidate() -> None:
    record = _pdf_record("none")
    [finding] = [f for f in record.findings if f.code == RULE]
    assert finding.severity == "warning"
    assert re.search(r"glyph codes read as digits: \(cid:(\d+)\) as 0, \(cid:\d+\) as 1", finding.message)
    assert "holds under this map and under no other" in finding.message
    zero = int(re.search(r"\(cid:(\d+)\) as 0", finding.message).group(1))
    prov = record.provenance["applications.new_received.total"]          # 15
    assert prov.candidates == {"digit_map": 15, "printed": f"(cid:{zero + 1})(cid:{zero + 5})"}
    assert prov.note.startswith(f"printed '(cid:{zero + 1})(cid:{zero + 5})', read as 15 under the one digit map")


def test_the_undecodable_text_notice_says_the_numbers_were_read_under_the_map() -> None:
    record = _pdf_record("none")
    [notice] = [f for f in record.findings if f.code == UNDECODABLE_TEXT]
    assert "no number was read" not in notice.message
    assert "read under a digit map the identities admit (DERIVE.DIGIT_MAP)" in notice.message


def test_digits_a_shifted_tounicode_map_moved_are_read_back_under_the_one_shift_the_identities_admit() -> None:
    doc = Document.from_text("\n".join(_shifted(LINES, 3)), doc_id="d")
    printed = read_document(doc).extraction
    record = read_document(doc).record()
    truth = process_document(Document.from_text("\n".join(LINES), doc_id="d")).report.values()
    got = record.report.values()
    assert {p: got.get(p) for p in TABLES + DISCLOSURE_PATHS} == {p: truth.get(p) for p in TABLES + DISCLOSURE_PATHS}
    assert printed is not None and printed.meta["digit_map"]["shift"] == 3
    assert record.provenance["applications.new_received.total"].candidates == {"digit_map": 15, "printed": "48"}
    assert record.provenance["year"].status is Status.PROVEN and got["year"] == 2021     # the title's font is sound
    assert all(record.provenance[p].status is Status.DERIVED for p in TABLE3_PATHS)
    [finding] = [f for f in record.findings if f.code == RULE]
    assert "printed 3 as 0, 4 as 1" in finding.message


def test_a_report_that_misprints_a_cell_is_not_read_under_any_shift() -> None:
    lines = [ln.replace("（一）予以公开\t5\t1", "（一）予以公开\t6\t1") for ln in LINES]      # one misprint: 3 identities
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert not any(f.code == RULE for f in record.findings)
    assert record.report.get("applications.granted.natural_person") == 6          # read as printed, disputed
    assert record.provenance["applications.granted.natural_person"].status is Status.DISPUTED


def test_digits_under_which_the_identities_break_nearly_everywhere_are_worth_shifting_a_misprint_is_not() -> None:
    shifted = read_document(Document.from_text("\n".join(_shifted(LINES, 3)), doc_id="d"))
    lines = [ln.replace("（一）予以公开\t5\t1", "（一）予以公开\t6\t1") for ln in LINES]
    misprint = read_document(Document.from_text("\n".join(lines), doc_id="d")).extraction
    from llm_extract.extract import extract_regex
    assert broken_nearly_everywhere(extract_regex(Document.from_text("\n".join(_shifted(LINES, 3)), doc_id="d")))
    assert misprint is not None and not broken_nearly_everywhere(misprint)
    assert shifted.extraction is not None and "digit_map" in shifted.extraction.meta


def test_two_maps_that_both_keep_every_identity_admit_none() -> None:
    from llm_extract.extract import extract_regex
    sound = extract_regex(Document.from_text("\n".join(LINES), doc_id="d"))
    broken = extract_regex(Document.from_text("\n".join(_shifted(LINES, 3)), doc_id="d"))
    assert survivors([broken, sound, sound]) == [1, 2]
    assert admitted([broken, sound, sound]) is None
    assert admitted([broken, sound]) == 1


def test_an_all_zero_table_admits_no_map_any_reading_of_its_one_code_as_0_keeps_it() -> None:
    from llm_extract.extract import extract_regex
    zeros = {k: (0 if isinstance(v, int) and k != "year" else v) for k, v in VALUES.items()}
    sound = extract_regex(Document.from_text(report_text(zeros), doc_id="d"))
    assert admitted([sound]) is None


def test_a_map_reads_a_run_as_a_number_or_not_at_all_and_gives_back_what_was_printed() -> None:
    cid = DigitMap("cid", offset=ord("0") - 17)
    assert cid.read("(cid:18)(cid:19)") == "12" and cid.read("(cid:18)(cid:15)(cid:22)") == "1.5"
    assert cid.read("(cid:17)(cid:18)") is None            # 01: no printed number starts with 0
    assert cid.read("(cid:30)") is None                     # no digit
    assert cid.printed("1.5") == "(cid:18)(cid:15)(cid:22)"
    letters = DigitMap("letters", offset=ord("0") - ord("X"))
    assert letters.read("`Y]Z") == "8152" and letters.read("ZV]") == "2.5"
    control = DigitMap("control", offset=ord("0") - 0x11)     # pdftotext's control characters: \x11 for 0
    assert control.read("\x12\x13") == "12" and control.printed("12") == "\\x12\\x13"
    pua = DigitMap("pua", offset=ord("0") - 0xE003)
    assert pua.read("\ue004\ue003") == "10"
    shift = DigitMap("digits", shift=3)
    assert shift.read("48") == "15" and shift.printed("15") == "48"


def test_candidate_maps_read_nearly_every_run_as_a_number_and_need_enough_runs() -> None:
    runs = ["(cid:17)", "(cid:18)(cid:22)", "(cid:26)", "(cid:19)(cid:17)"] * 3
    offsets = [m.offset for m in code_maps("cid", runs)]
    assert offsets == [ord("0") - 17]                        # (cid:17)…(cid:26) are ten codes: one way only
    assert code_maps("cid", runs[:MIN_RUNS - 1]) == []
    few = ["(cid:17)", "(cid:18)"] * 6                       # two codes: 0 and 1 … 8 and 9, the identities choose
    assert len(code_maps("cid", few)) == 9


def test_a_code_pages_digits_are_ten_printable_ascii_signs_so_markdowns_bars_are_never_read_as_digits() -> None:
    """html2text's rows print an empty cell as a bare ``|``: more such tokens than numbers in a table is no font
    read in the wrong code page, and no map may read ``|`` as 0 and 9 as U+0085."""
    bars = ["|"] * 40 + ["}"] * 3
    assert [m.offset for m in code_maps("letters", bars) if m.read("|") == "0"] == []
    assert all(0x3A <= ord(m.printed("9")) <= 0x7E for m in code_maps("letters", bars))
    letters = ["X", "Y]", "`", "[Z"] * 3                     # X … a for 0 … 9: still offered
    assert ord("0") - ord("X") in [m.offset for m in code_maps("letters", letters)]
