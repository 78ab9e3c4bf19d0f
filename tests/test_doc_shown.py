"""A .doc is read as Word shows it: no tracked deletion, no moved-away text, no hidden text, text boxes
read once, and nothing of headers, footers, footnotes, endnotes or comments.

The fixtures are .docx written by hand (tests/fixtures/doc/shown_docx.py) that LibreOffice saved as
Word 97–2003 (tests/fixtures/doc/make_docs.py); the .doc keeps each structure in its own binary form.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import olefile
import pytest

from llm_extract import EmptyDocumentError, load

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


def test_a_table_in_a_text_box_is_read_once_after_the_main_text() -> None:
    assert load(FIXTURES / "textbox.doc").text == (
        "文本框测试\n表前段落\n末段\n"
        "\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n"
        "文本框里的段落\n")


def test_headers_footers_footnotes_endnotes_and_comments_do_not_leak_into_the_text() -> None:
    assert load(FIXTURES / "stories.doc").text == (
        "页眉页脚测试\n\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n末段\n")


def _with_piece_prm(tmp_path: Path, name: str, prm: int) -> Path:
    """A copy of fixture ``name`` whose one text piece carries the property modifier ``prm``, as
    Word's fast save writes formatting applied to a whole piece."""
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = ole.openstream("WordDocument").read()
        table_name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
        table = bytearray(ole.openstream(table_name).read())
        fcclx, lcbclx = struct.unpack_from("<II", word, 0x1A2)
        assert table[fcclx] == 0x02 and (lcbclx - 5 - 4) // 12 == 1       # one piece, no Prc
        struct.pack_into("<H", table, fcclx + 5 + 8 + 6, prm)
        ole.write_stream(table_name, bytes(table))
    return path


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
