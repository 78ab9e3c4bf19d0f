"""Tables written in Chinese numerals: 〇, 三, 十八, 五十六 are counts; a lone 一 elsewhere is no count."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

_DIGITS = "〇一二三四五六七八九"


def _numeral(n: int) -> str:
    """3 → 三, 18 → 十八, 56 → 五十六 (counts below 100, as offices write them)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _in_numerals(text: str) -> str:
    """Every tab-separated number of the report's tables written in Chinese numerals."""
    lines = []
    for line in text.split("\n"):
        fields = line.split("\t")
        if len(fields) > 1:
            fields = [_numeral(int(f)) if f.isdigit() and int(f) < 100 else f for f in fields]
        lines.append("\t".join(fields))
    return "\n".join(lines)


def _table3(record) -> dict[str, object]:
    return {f"applications.{r}.{c}": record.report.values()[f"applications.{r}.{c}"]
            for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS}


def test_a_table_written_in_chinese_numerals_is_read_one_character_counts_included() -> None:
    values = sample_values()
    text = _in_numerals(report_text(values))
    assert "\t三\t" in text or "\t一\t" in text        # (the sample has one-character counts)
    record = process_document(Document.from_text(text, doc_id="d"))
    table = _table3(record)
    assert table == {p: values[p] for p in table}
    assert all(record.provenance[p].status is Status.PROVEN for p in table)


def test_a_lone_numeral_character_in_a_table_written_in_digits_is_no_count() -> None:
    """Without 〇, 零 or counts of several numerals around it, a lone 三 is not read as 3 (it may be a header's
    piece, and a lone 一 a rule OCR read as the character): the cell is what the identities make of it."""
    values = sample_values()
    row = next(line for line in report_text(values).split("\n") if line.startswith("二、上年结转"))
    fields = row.split("\t")
    text = report_text(values).replace(row, "\t".join([fields[0], "三", *fields[2:]]), 1)
    record = process_document(Document.from_text(text, doc_id="d"))
    assert record.report.values()["applications.carried_over.natural_person"] in (None, values[
        "applications.carried_over.natural_person"])
