"""Ingest's fast scans find what a plain reading finds: what they skip could not count.

ocr_specks, multireport's section headings, the mojibake check, the style sheets' tags, markdown's pipe rows and
CSV rows look only at the lines (or characters) a regular expression or a substring search picks out; control
characters are counted in a text's UTF-8 bytes, radicals found as the complement of every other code point. Each is
checked here against the plain reading it stands for."""

from __future__ import annotations

import csv
import re

from hypothesis import given, settings, strategies as st

from llm_extract.ingest.csv_rows import _QUOTED, _GLUED_THOUSANDS, _THOUSANDS, _fields, _quoted_tab_fields, _CUT_PIECE
from llm_extract.ingest.embedded_html import _breaks
from llm_extract.ingest.html_head import _style_sheets
from llm_extract.ingest.ocr_specks import _EMPHASIS, _LEADING_SPECK, _NUMERALS, _SPECK, ocr_specks
from llm_extract.ingest.radicals import _ANY as _RADICAL
from llm_extract.ingest.text import _looks_textual, _one_in_twenty_cjk
from llm_extract.multireport import _section, _sections

#: characters the scans turn on (specks, quotes, numerals, brackets, heading words) and the whitespace
#: str.strip takes (a no-break space, an ideographic space, a vertical tab, U+2028) beside the newline
_PIECES = st.sampled_from(list("_，、,.;；'\"“”‘’`~·•…一二三四五六七八九十（(、.．)）信息公开主动收到和处理政府申请情况复议诉讼行政 a1")
                          + ["\n", "\n", "\t", " ", "\xa0", "\u3000", "\x0b", "\u2028", "\r",
                             "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                             "__一、总体情况__", "”信息内容"])
_TEXTS = st.lists(_PIECES, max_size=80).map("".join)


def _specks_line_by_line(text: str) -> int:
    """ocr_specks as it read every line (the reference)."""
    count, opened, before = 0, 0, ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped == "、" and before in _NUMERALS:
            pass
        elif stripped == "“":
            opened += 1
        elif stripped == "”" and opened:
            opened -= 1
        elif _SPECK.fullmatch(stripped) or (_LEADING_SPECK.match(stripped) and not _EMPHASIS.fullmatch(stripped)):
            count += 1
        before = stripped
    return count + opened


@settings(max_examples=400)
@given(_TEXTS)
def test_ocr_specks_reads_as_every_line(text: str) -> None:
    assert ocr_specks(text) == _specks_line_by_line(text)


@settings(max_examples=400)
@given(st.lists(_TEXTS, max_size=12))
def test_sections_as_every_line(lines: list[str]) -> None:
    expected = [(i, table) for i, line in enumerate(lines) if (table := _section.__wrapped__(line)) is not None]
    assert _sections(lines) == expected


_HAN = st.sampled_from(list("政府信息公开年度报告") + ["a", "1", " ", "\n", "æ", "”", "é"])


@given(st.lists(_HAN, max_size=900).map("".join))
def test_one_in_twenty_cjk_counts_every_character(head: str) -> None:
    assert _one_in_twenty_cjk(head) == (len(re.findall(r"[\u4e00-\u9fff]", head)) * 20 >= len(head))


def _sheets_lower_cased(page: str) -> str:
    """html_head's style sheets as they were read: every position found in page.lower() (the reference)."""
    lower, parts, pos, size = page.lower(), [], 0, 0
    while size < 1_000_000:
        start = lower.find("<style", pos)
        if start < 0:
            break
        body = lower.find(">", start)
        end = lower.find("</style", body) if body >= 0 else -1
        if end < 0:
            break
        parts.append(page[body + 1:end])
        size += end - body
        pos = end + 7
    return "\n".join(parts)[:1_000_000]


_HTML = st.sampled_from(["<style>", "</style>", "<STYLE type=x>", "</Style >", "<sTyle", "<style", "</style",
                         ".a{display:none}", "İ", "ſ", "K", "<p>", "x", ">", "<", "/"])


@given(st.lists(_HTML, max_size=30).map("".join))
def test_style_sheets_found_where_the_lower_cased_page_shows_them(page: str) -> None:
    assert _style_sheets.__wrapped__(page) == _sheets_lower_cased(page)


@given(st.text(st.characters(max_codepoint=0x9fff, blacklist_categories=("Cs",)), max_size=300))
def test_control_characters_counted_in_the_utf8_bytes_as_in_the_text(text: str) -> None:
    assert _looks_textual(text, text.encode("utf-8")) == _looks_textual(text)


@given(st.lists(st.sampled_from(["|", " ", "\t", "\n", "\n", "a", "\r", "| 0 |", "\u3000"]), max_size=40).map("".join))
def test_pipe_rows_found_as_at_every_line_start(text: str) -> None:
    expected = re.sub(r"(?m)^[ \t]*\|.*\|[ \t]*$", r"\g<0><br>", text)
    assert _breaks(text) == re.sub(r"\n[ \t]*\n", "\n<br>\n", expected)


def test_radicals_found_in_their_three_blocks_only() -> None:
    blocks = re.compile("[\u2e80-\u2fd5\uf900-\ufaff\U0002f800-\U0002fa1f]")
    assert [c for c in range(0x110000) if bool(_RADICAL.match(chr(c))) != bool(blocks.match(chr(c)))] == []


def _csv_fields_reading_every_line(line: str) -> list[str] | None:
    """csv_rows' fields of a line as every line was read (the reference)."""
    if "\t" in line:
        return _quoted_tab_fields(line)
    if "|" in line:
        return None
    if _QUOTED.fullmatch(line.strip()):
        return [" ".join(line.strip()[1:-1].replace('""', '"').split())]
    bare = _QUOTED.sub('""', line)
    if "," not in bare or _THOUSANDS.search(bare) or _GLUED_THOUSANDS.search(bare) or (bare.count('"') % 2):
        return None
    if _CUT_PIECE.search(bare) and "," not in _CUT_PIECE.sub("", bare):
        return None
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return None
    if any(len(f.strip()) > 60 for f in fields):
        return None
    return [" ".join(f.split()) for f in fields]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(['"', ",", " ", "a", "1", "1,234", '""', "\t", "|", "无", "\u3000"]), max_size=20)
       .map("".join))
def test_csv_fields_as_when_every_line_was_read(line: str) -> None:
    assert _fields(line) == _csv_fields_reading_every_line(line)
