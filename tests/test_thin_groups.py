"""A count whose thousands a typesetter grouped by thin spaces (``447 228`` with U+2009, ``3 985 758``) is one
number, as ``447,228`` is: text tools never part two cells with a thin space. Plain spaces stay as printed (one
count or two cells: only the identities can tell, tests/test_block_joins.py), and a grouping no thousands
separator makes (``12 34``, ``0 123``, a group after a decimal point) is left alone."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.thingroups import thin_grouped_joined
from llm_extract.pipeline import process_document
from tests.block_fixtures import fixture_text

_THIN, _NARROW = "\u2009", "\u202f"


def test_thin_space_thousands_groups_are_one_number() -> None:
    assert thin_grouped_joined(f"447{_THIN}228") == "447228"
    assert thin_grouped_joined(f"3{_NARROW}985{_NARROW}758") == "3985758"
    assert thin_grouped_joined(f"全年收取信息处理费 3{_THIN}940 元") == "全年收取信息处理费 3940 元"


def test_groupings_no_thousands_separator_makes_are_left_alone() -> None:
    for text in (f"12{_THIN}34", f"0{_THIN}123", f"1.5{_THIN}000", f"12{_THIN}345{_THIN}67", "447 228"):
        assert thin_grouped_joined(text) == text


def test_a_table2_count_grouped_by_thin_spaces_is_read_and_proven() -> None:
    name = "pdftotext_real_labels_after_numbers"       # pdftotext's text of a real report, 行政许可 447228
    text = fixture_text(name).replace("\n447228\n", f"\n447{_THIN}228\n")
    text = text.replace("\n3985758\n", f"\n3{_THIN}985{_THIN}758\n")
    record = process_document(Document.from_text(text, doc_id=name))
    assert record.report.get("active_disclosure.licensing") == 447228
    assert record.report.get("active_disclosure.punishment") == 3985758
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN
