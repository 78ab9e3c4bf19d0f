"""Old binary Word (.doc) reports read exactly like the .docx they were saved from; broken ones name themselves."""

from __future__ import annotations

import random
import shutil
import struct
from pathlib import Path

import pytest

from llm_extract import BinaryDocumentError, DocumentError, UnsupportedFormatError, load, process_document, run_batch
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.docx import docx_to_text
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.word_docx import report_docx
from tests.doc_streams import patched_doc

FIXTURES = Path(__file__).parent / "fixtures" / "doc"
STEMS = ("003_d677def7845cc038", "002_0126e23b7202ee31")


def _patched(tmp_path: Path, name: str, edit) -> Path:
    """A copy of fixture ``name`` whose streams ``edit(word, table)`` rewrites in place (same sizes)."""
    return patched_doc(FIXTURES / name, tmp_path / name, edit)


@pytest.mark.parametrize("stem", STEMS)
def test_a_doc_reads_as_the_same_text_as_the_docx_it_was_saved_from(stem: str) -> None:
    doc = load(FIXTURES / f"{stem}.doc")
    assert doc.source_kind == "doc"
    assert doc.text == docx_to_text(report_docx(golden_report(stem)))


@pytest.mark.parametrize("stem", STEMS)
def test_a_doc_report_gives_its_golden_values_with_every_field_proven(stem: str) -> None:
    record = process_document(load(FIXTURES / f"{stem}.doc"))
    assert record.report.values() == golden_report(stem).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_merged_label_cells_are_blank_cells_and_each_row_ends_with_an_empty_line() -> None:
    text = load(FIXTURES / "003_d677def7845cc038.doc").text
    assert "\n\n\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\t0\n" in text
    assert "\n\n\t\n\t\n\t2.其他法律行政法规禁止公开\n" in text


def test_field_codes_are_left_out_and_their_results_kept() -> None:
    assert load(FIXTURES / "fields.doc").text == (
        "某县2021年政府信息公开工作年度报告\n详见 政府信息公开专栏。\n行 一\n二\n\t行政许可\n\t3150\n\n末段\n")


def test_8_bit_text_pieces_are_read_as_windows_1252_with_words_own_quotes_and_dashes(tmp_path: Path) -> None:
    def compress(word: bytearray, table: bytearray) -> None:
        ccp = struct.unpack_from("<i", word, 0x4C)[0]
        fcclx, lcbclx = struct.unpack_from("<II", word, 0x1A2)
        assert table[fcclx] == 0x02 and (lcbclx - 5 - 4) // 12 == 1       # one piece, no property runs
        fc = struct.unpack_from("<I", table, fcclx + 5 + 8 + 2)[0]
        text = word[fc:fc + 2 * ccp].decode("utf-16-le")
        word[fc:fc + ccp] = text.encode("cp1252")
        struct.pack_into("<I", table, fcclx + 5 + 8 + 2, (2 * fc) | 0x40000000)

    path = _patched(tmp_path, "english.doc", compress)
    assert load(path).text == "Annual report 2021\nSmart \u201cquotes\u201d \u2013 and a dash\n"


def test_a_password_protected_doc_is_refused_with_what_to_do(tmp_path: Path) -> None:
    def encrypt(word: bytearray, table: bytearray) -> None:
        word[0x0B] |= 0x01                       # fEncrypted (0x0100 of the flags word at 0x0A)

    path = _patched(tmp_path, "fields.doc", encrypt)
    with pytest.raises(UnsupportedFormatError, match="password-protected") as info:
        load(path)
    assert path.name in str(info.value)


@pytest.mark.parametrize("cut", [8, 600, 5000, 20000])
def test_a_truncated_doc_fails_by_name_with_advice(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "truncated.doc"
    path.write_bytes((FIXTURES / "003_d677def7845cc038.doc").read_bytes()[:cut])
    with pytest.raises(BinaryDocumentError, match="truncated.doc") as info:
        load(path)
    assert "save it as .docx" in str(info.value)


def test_damaged_doc_files_raise_document_errors_only() -> None:
    """Random damage to a real .doc is either read or refused by name, never a crash."""
    base = (FIXTURES / "003_d677def7845cc038.doc").read_bytes()
    rng = random.Random(20261201)
    outcomes = set()
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.choice((1, 4, 16))):
            data[rng.randrange(4096) if rng.random() < 0.5 else rng.randrange(len(data))] = rng.randrange(256)
        try:
            load_bytes(bytes(data), doc_id="x", path="damaged.doc", suffix=".doc")
            outcomes.add("read")
        except DocumentError as exc:
            assert "damaged.doc" in str(exc)
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


def test_a_binary_word_file_named_docx_is_read_as_a_doc(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.docx"
    shutil.copy(FIXTURES / "002_0126e23b7202ee31.doc", path)
    doc = load(path)
    assert doc.source_kind == "doc"
    assert process_document(doc).report.values() == golden_report("002_0126e23b7202ee31").values()


def test_a_folder_of_doc_files_is_read_and_a_broken_one_fails_by_name(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(FIXTURES / "003_d677def7845cc038.doc", inputs / "report.doc")
    (inputs / "broken.doc").write_bytes((FIXTURES / "003_d677def7845cc038.doc").read_bytes()[:3000])
    summary = run_batch([inputs], tmp_path / "out")
    assert (summary.documents, summary.ok, summary.failed) == (2, 1, 1)
    record = read_json(tmp_path / "out" / "records" / "report.json")
    assert record["source"]["format"] == "doc"
    assert read_json(tmp_path / "out" / "failed" / "broken.json")["error_type"] == "BinaryDocumentError"
