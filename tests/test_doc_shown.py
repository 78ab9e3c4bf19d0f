"""A .doc is read as Word shows it: no tracked deletion, no moved-away text, no hidden text, text boxes
read once, and nothing of headers, footers, footnotes, endnotes or comments.

The fixtures are .docx written by hand (tests/fixtures/doc/shown_docx.py) that LibreOffice saved as
Word 97–2003 (tests/fixtures/doc/make_docs.py); the .doc keeps each structure in its own binary form.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from llm_extract import EmptyDocumentError, load, process_document
from llm_extract.evidence import Status
from tests.fixtures.doc.shown_docx import EDITED_REPORT
from tests.fixtures.ingest.form2021 import golden_report
from tests.doc_streams import patched_doc

FIXTURES = Path(__file__).parent / "fixtures" / "doc"


def test_tracked_deletions_moved_away_text_and_deleted_paragraph_marks_are_not_read() -> None:
    text = load(FIXTURES / "revisions.doc").text
    assert text == (
        "修订测试\n"
        "\t\n\t\n\n"                              # the old table's deleted row: its text gone, as Word shows it
        "\t行政许可\n\t3\n\n"                     # 3 and a deleted 2: not 32
        "\t行政处罚\n\t0\n\n"                     # 10 moved away, then 0: not 100
        "\t行政强制\n\t15\n\n"                    # 1 and an inserted 5
        "\t\n\t\n\n"                              # the deleted row 四、结转下年度继续办理 7
        "前半后半\n"                              # the paragraph mark between them deleted: one paragraph
        "移到此处：10\n"                           # where the moved text went: read there
        "末段\n")
    assert "90" not in text and "旧表" not in text and "结转" not in text


def test_hidden_text_is_not_read_whether_direct_or_through_a_character_or_paragraph_style() -> None:
    assert load(FIXTURES / "hidden.doc").text == (
        "隐藏文字测试\n"
        "\t规章\n\t0\n\n"                         # 44 hidden by its run, then 0
        "\t行政许可\n\t5\n\n"                     # 71 in a character style that hides, then 5
        "\t行政处罚\n\t6\n\n"                     # 9 in a style based on that one, then 6
        "新的说明\n"                              # a hidden paragraph style; a run shown by its own properties
        "末段\n")


def test_a_table_in_a_text_box_is_read_once_where_the_box_is_anchored() -> None:
    """Word keeps a text box's text in a story of its own; the main text holds only its anchor."""
    assert load(FIXTURES / "textbox.doc").text == (
        "文本框测试\n表前段落\n"
        "\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n"
        "文本框里的段落\n"
        "末段\n")


def _unknown_shapes(word: bytearray, table: bytearray) -> None:
    fc, lcb = struct.unpack_from("<II", word, 0x9A + 8 * 56)                # PlcftxbxTxt
    n = (lcb - 4) // 26
    for i in range(n):                                                      # every box's shape id: unknown
        struct.pack_into("<i", table, fc + 4 * (n + 1) + 22 * i + 14, 99999)


def _anchors_lost(word: bytearray, table: bytearray) -> None:
    struct.pack_into("<I", word, 0x9A + 8 * 40, len(table) + 100)          # PlcSpaMom past the end


@pytest.mark.parametrize("damage", [_unknown_shapes, _anchors_lost])
def test_a_text_box_whose_anchor_is_not_found_is_read_after_the_main_text(tmp_path: Path, damage) -> None:
    path = patched_doc(FIXTURES / "textbox.doc", tmp_path / "textbox.doc", damage)
    assert load(path).text == (
        "文本框测试\n表前段落\n末段\n"
        "\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n"
        "文本框里的段落\n")


def test_an_edited_report_gives_its_golden_values_all_proven() -> None:
    """The draft's 表二 kept as a tracked deletion, hidden and deleted digits around every 表二 number,
    表三 in a text box under its heading: what Word shows is the golden report."""
    record = process_document(load(FIXTURES / "edited_report.doc"))
    assert record.report.values() == golden_report(EDITED_REPORT).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_headers_footers_footnotes_endnotes_and_comments_do_not_leak_into_the_text() -> None:
    assert load(FIXTURES / "stories.doc").text == (
        "页眉页脚测试\n\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n末段\n")


def _with_piece_prm(tmp_path: Path, name: str, prm: int) -> Path:
    """A copy of fixture ``name`` whose one text piece carries the property modifier ``prm``, as
    Word's fast save writes formatting applied to a whole piece."""
    def edit(word: bytearray, table: bytearray) -> None:
        fcclx, lcbclx = struct.unpack_from("<II", word, 0x1A2)
        assert table[fcclx] == 0x02 and (lcbclx - 5 - 4) // 12 == 1       # one piece, no Prc
        struct.pack_into("<H", table, fcclx + 5 + 8 + 6, prm)
    return patched_doc(FIXTURES / name, tmp_path / name, edit)


def test_a_pieces_own_modifier_applies_over_its_runs_properties(tmp_path: Path) -> None:
    """Prm0 (isprm 0x5C = sprmCFVanish, operand 0): the whole piece is shown, whatever its runs or styles say."""
    path = _with_piece_prm(tmp_path, "hidden.doc", (0x00 << 8) | (0x5C << 1))
    assert load(path).text == (
        "隐藏文字测试\n\t规章\n\t440\n\n\t行政许可\n\t715\n\n\t行政处罚\n\t96\n\n旧的说明\n旧新的说明\n末段\n")


def test_a_piece_marked_deleted_by_its_modifier_is_not_read(tmp_path: Path) -> None:
    """Prm0 (isprm 0x41 = sprmCFRMarkDel, operand 1): every character of the piece is a deletion."""
    path = _with_piece_prm(tmp_path, "english.doc", (0x01 << 8) | (0x41 << 1))
    with pytest.raises(EmptyDocumentError, match="no text"):
        load(path)


def _fast_saved(tmp_path: Path, name: str, cuts: list[int], prms: dict[int, bytes], compress_first: bool) -> Path:
    """A copy of fixture ``name`` rewritten as Word's fast save leaves a file: its text in several
    pieces (cut at the CPs ``cuts``), the first one 8-bit when ``compress_first``, piece ``i``
    carrying the sprms ``prms[i]`` through a Prm1 (an index into the CLX's list of grpprls).
    The new CLX takes the place of the font table, which the reader does not read."""
    def edit(word: bytearray, table: bytearray) -> None:
        fcclx, lcbclx = struct.unpack_from("<II", word, 0x1A2)
        fcffn, lcbffn = struct.unpack_from("<II", word, 0x9A + 8 * 15)
        ccp = struct.unpack_from("<i", word, 0x4C)[0]
        fc = struct.unpack_from("<I", table, fcclx + 5 + 8 + 2)[0]
        bounds = [0, *cuts, ccp]
        prcs = list(prms.items())
        clx = b"".join(b"\x01" + struct.pack("<h", len(grpprl)) + grpprl for _, grpprl in prcs)
        pcds = b""
        for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
            at = fc + 2 * start
            if i == 0 and compress_first:
                text = word[at:at + 2 * (end - start)].decode("utf-16-le")
                word[at:at + len(text)] = text.encode("cp1252")
                at = (2 * at) | 0x40000000
            prm = next(((k << 1) | 1 for k, (piece, _) in enumerate(prcs) if piece == i), 0)
            pcds += struct.pack("<HIH", 0x40, at, prm)
        plc = struct.pack(f"<{len(bounds)}i", *bounds) + pcds
        clx += b"\x02" + struct.pack("<I", len(plc)) + plc
        assert len(clx) <= lcbffn and table[fcclx:fcclx + lcbclx]
        table[fcffn:fcffn + len(clx)] = clx
        struct.pack_into("<II", word, 0x1A2, fcffn, len(clx))
    return patched_doc(FIXTURES / name, tmp_path / name, edit)


def test_a_fast_saved_doc_is_read_across_its_pieces_8_bit_and_unicode_with_each_pieces_modifiers(
        tmp_path: Path) -> None:
    path = _fast_saved(tmp_path, "english.doc", [19, 25], {1: struct.pack("<HB", 0x0800, 1)}, compress_first=True)
    assert load(path).text == "Annual report 2021\n\u201cquotes\u201d \u2013 and a dash\n"   # "Smart " deleted


def test_fields_and_tables_that_run_across_pieces_read_as_in_one_piece(tmp_path: Path) -> None:
    path = _fast_saved(tmp_path, "fields.doc", [27, 40, 75, 80], {}, compress_first=False)
    assert load(path).text == load(FIXTURES / "fields.doc").text == (
        "某县2021年政府信息公开工作年度报告\n详见 政府信息公开专栏。\n行 一\n二\n\t行政许可\n\t3150\n\n末段\n")
