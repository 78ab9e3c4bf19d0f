"""An OCR engine's text, whatever file it was saved in (a Word file, a web page, text), shows itself by its
specks: a scanned table's rules read as cells or lines of lone punctuation (``，``, ``_``, ``”``). Such a text may
have dropped a digit anywhere (``10`` read as ``0``), so 表二, in no identity, is never proven from it; 表三 and 表四
are still proven by their identities."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.ocr_specks import ocr_specks
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS
from tests.fixtures.ingest.form2021 import GOLDEN

STEM = "003_d677def7845cc038"


def _with_specks(specks: list[str]) -> str:
    """The golden text with ``specks`` as lines of their own between 表二's rows, as OCR leaves a table's rules."""
    lines = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    rows = [i for i, line in enumerate(lines) if line.lstrip("\t").startswith(("规章", "行政许可", "行政处罚", "行政强制"))]
    for i, speck in sorted(zip(rows, specks), reverse=True):
        lines.insert(i, "\t" + speck)
    return "\n".join(lines)


def _record(text: str):
    return process_document(load_bytes(text.encode(), doc_id=STEM, suffix=".txt"))


def test_a_text_with_ocr_specks_proves_no_cell_of_table_two() -> None:
    record = _record(_with_specks(["，", "_", "”", "、"]))
    [notice] = [f for f in record.findings if f.code == "INGEST.OCR_SPECKS"]
    assert notice.detail == {"specks": 4}
    for path in DISCLOSURE_PATHS:
        prov = record.provenance[path]
        assert prov.status is not Status.PROVEN, path
        if record.report.get(path) is not None:
            assert prov.status is Status.UNVERIFIED and "READ.OCR_TEXT" in prov.rules, path
    for path in TABLE3_PATHS:                                  # the identities still prove 表三
        assert record.provenance[path].status is Status.PROVEN, path


@pytest.mark.parametrize("specks", [["，", "_"], ["。", "。", "。", "。"]])
def test_two_specks_or_a_paragraph_s_wrapped_full_stops_are_no_ocr_text(specks: list[str]) -> None:
    """Two lone marks are a typist's; a paragraph's last 。 wraps onto a line of its own in any PDF text."""
    record = _record(_with_specks(specks))
    assert "INGEST.OCR_SPECKS" not in {f.code for f in record.findings}
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN


def test_specks_are_lines_holding_nothing_but_one_to_three_marks_or_opening_with_one() -> None:
    assert ocr_specks("，\n\t_\n ”” \n、\n") == 4
    assert ocr_specks("”信息内容 本年制发件数\n'第二十条第-(五)项\n””本年处决定\n") == 3
    assert ocr_specks("。\n，，，，\n1，\n“三安全一稳定”\n稳定”\n") == 0


def test_a_quotations_marks_each_alone_on_a_line_are_no_specks() -> None:
    # PyMuPDF's text of a Word PDF: 坚持“先审查、后公开”和“一事一审”原则, its quote marks set apart as lines
    text = "（三）政府信息管理。严格落实保密审查制度，坚持先审\n“\n”\n“\n”\n查、后公开和一事一审原则。\n"
    assert ocr_specks(text) == 0
    # a closing mark before any opening one, and an opening mark no closing one follows, are specks
    assert ocr_specks("”\n“\n”\n“\n") == 2


def test_markdown_emphasis_around_a_line_is_no_speck() -> None:
    """mammoth's Markdown sets a Word file's bold as underscores around its text (``__一、总体情况__``): a
    converter's marks, not OCR's dirt before the words; a lone underscore glued before words still is."""
    assert ocr_specks("__一、总体情况__\n__信息内容__\n_本年_\n__二__\n") == 0
    assert ocr_specks("_本年制发件数\n__信息内容\n") == 2


def test_a_title_printed_a_character_to_a_line_is_no_speck_however_often_it_is_repeated() -> None:
    """python-docx repeats a merged cell's text in every row it spans: 三、本年度办理结果, typed down its narrow column a
    character to a line, prints ``、`` alone on a line after ``三`` in each of 表三's rows. That is the form's heading,
    not OCR's dirt: the text is no OCR output, and 表二 is proven as from any other text."""
    title = "\n".join("三、本年度办理结果")
    assert ocr_specks("\n".join([title] * 21)) == 0
    assert ocr_specks("\n".join(["二", "、", "三", "、", "、", "、"])) == 2        # a 、 after a 、 is a speck still
    lines = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "予以公开" in line)
    record = _record("\n".join(lines[:at] + [title] * 3 + lines[at:]))
    assert all(record.provenance[p].status is Status.PROVEN for p in DISCLOSURE_PATHS)


def _with_rules_read_as_pipes(labels: tuple[str, ...]) -> str:
    """The golden text with the cell after each of ``labels`` followed by ``|``: a scanned table's rule, as tesseract
    reads it here and there beside a row's numbers."""
    lines = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.strip() in labels:
            lines[i + 1] += " |"
    return "\n".join(lines)


def test_a_scanned_tables_rules_read_as_pipes_beside_numbers_mark_ocr_text() -> None:
    """tesseract reads a table's vertical rules as ``|`` in some rows (``行政事业性收费| 0 |``, ``57| 62``): three such
    lines show an OCR engine's reading (it read 16 as 8 and 157 as 1357 in 表二, where no identity sees it)."""
    record = _record(_with_rules_read_as_pipes(("行政许可", "行政处罚", "行政强制")))
    [notice] = [f for f in record.findings if f.code == "INGEST.OCR_SPECKS"]
    assert notice.detail == {"specks": 3}
    for path in DISCLOSURE_PATHS:
        assert record.provenance[path].status is not Status.PROVEN, path
    assert record.provenance["active_disclosure.licensing"].status is Status.UNVERIFIED
    assert "READ.OCR_TEXT" in record.provenance["active_disclosure.licensing"].rules
    for path in TABLE3_PATHS:                                  # the identities still prove 表三
        assert record.provenance[path].status is Status.PROVEN, path


@pytest.mark.parametrize("text", [
    # a Markdown table: its pipes are a converter's, on every row, under a |---| rule
    "| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n| 行政许可 | 12 |\n| 行政处罚 | 3 |\n| 行政强制 | 0 |\n",
    # a page's tables as trafilatura writes them: each row between pipes, no rule
    "| 信息内容 | 本年处理决定数量 | \n| 行政许可 | 12 | \n| 行政处罚 | 3 | \n| 行政强制 | 0 | \n",
    # a site's navigation and footer: no count stands alone beside a pipe
    "首页 | 政务公开 | 政务服务\n第1页 | 共3页\n版权所有 | 网站标识码：3301000001 | 浙ICP备12345678号\n"
    "公网安备 33010202000123号 | 联系电话 0571-12345678\n",
])
def test_pipes_of_a_markdown_table_or_a_sites_navigation_are_no_specks(text: str) -> None:
    assert ocr_specks(text) == 0


def test_two_rules_read_as_pipes_are_no_ocr_text() -> None:
    record = _record(_with_rules_read_as_pipes(("行政许可", "行政处罚")))
    assert "INGEST.OCR_SPECKS" not in {f.code for f in record.findings}
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN
