"""Every regex and search is bounded: a hostile line or an ambiguous table costs linear or capped work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import llm_extract.extract.narrative as narrative
from llm_extract.extract.layout import _MD_RULE, tokenize
from llm_extract.extract.narrative import read_narrative
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values
from verify.derive import DEFAULT_MAX_PROPAGATION, derive

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("line, rule", [
    ("|---|---|", True), ("| --- | :---: |", True), ("|:---|", True), (" | --- | --- | ", True), ("---|---", True),
    ("|---|x|", False), ("| a | b |", False), ("|-- |", False), ("|---||", False), ("|---" + " " * 50 + "x|", False),
    # GFM's rule of one or two dashes a cell, where an alignment colon shows it (ingest/md_rule.py); without a
    # colon such a line may be a row of blank cells' marks
    ("|:--|", True), ("|:-|-|-:|", True), ("| - | - | - |", False), ("|:-|x|", False),
])
def test_the_markdown_rule_is_recognised_as_before(line: str, rule: bool) -> None:
    assert bool(_MD_RULE.match(line)) is rule


def test_a_markdown_row_padded_with_a_megabyte_of_spaces_is_read_in_linear_time() -> None:
    # the former pattern backtracked quadratically here: hours for this line, 21 s for 40,000 spaces
    lines = ["| 表头 | 数量 |", "|---" + " " * 1_000_000 + "x|", "| 行政许可 | 5 |"]
    items = tokenize(lines, 0, len(lines))
    assert any(i.raw == "5" for i in items)


def test_a_sentence_with_many_figures_checks_its_context_once_per_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = narrative._context_ok
    monkeypatch.setattr(narrative, "_context_ok", lambda *a: calls.append(1) or real(*a))
    figures = read_narrative(["本年新收政府信息公开申请5件，" * 2000], 2021)
    assert len(figures) >= 2000 and len(calls) <= 3


def _lost_positions(rows: int, keep: int) -> Document:
    """A tab-row report whose first ``rows`` 表三 result rows show only ``keep`` of their seven cells:
    every placement of the shown cells is a reading, and the readings of the rows multiply."""
    lines = report_text(sample_values()).split("\n")
    t3 = [i for i, line in enumerate(lines) if line.count("\t") == 7 and not line.startswith("本列")]
    for i in t3[2:2 + rows]:
        label, *cells = lines[i].split("\t")
        lines[i] = label + "\t" + "\t".join(cells[:keep])
    return Document.from_text("\n".join(lines), doc_id="lost")


def test_the_derivation_search_is_capped_in_work_not_only_in_combinations() -> None:
    # three rows with three lost cells each: 35 placements per row, 42,875 combinations (under the
    # combination cap of 50,000) that took 5-10 s to try; the work cap stops the search early
    record = process_document(_lost_positions(3, 4))
    assert record.status_counts()["derived"] == 0            # nothing is pinned without the whole search
    assert "applications.granted.total" not in {p for p, v in record.provenance.items() if v.status == "proven"}


def test_the_work_cap_leaves_the_part_open_and_says_so() -> None:
    from llm_extract.extract import extract_regex

    extraction = extract_regex(_lost_positions(3, 4))
    known = {p: r.value for p, r in extraction.readings.items() if not r.missing}
    unknown = [p for p, r in extraction.readings.items() if r.missing]
    result = derive(known, unknown, extraction.ambiguities)
    assert result.capped and result.combinations < 42_875
    assert DEFAULT_MAX_PROPAGATION <= 200_000


def test_one_lost_row_is_still_derived() -> None:
    record = process_document(_lost_positions(1, 4))
    counts = record.status_counts()          # (its counts pinned, forced by their columns' sums; its 0s derived)
    assert counts["derived"] + counts["pinned"] == 7 and counts["pinned"] > 0 and counts["missing"] == 0


def test_a_long_dump_with_many_glued_runs_is_cut_into_rows_in_linear_time() -> None:
    # each cut was checked against every glued run (16,000 cuts × 8,000 runs: 20 s here, minutes for a
    # crawler's 50 MB dump of one line); a run that holds 无 still keeps the cuts inside it away
    from llm_extract.extract.inline import _row_cuts

    text = "2021年向阳区报告" + "予以公开0000000部分公开1234567无" * 8000
    started = time.perf_counter()
    cuts = _row_cuts(text)
    assert time.perf_counter() - started < 2
    assert len(cuts) == 2 * 8000 - 1
    assert _row_cuts("予以公开12无34567部分公开") == {len("予以公开12无34567")}     # no cut at 12|无


def test_a_crawler_dump_with_a_megabyte_long_cell_finds_its_prose_in_linear_time() -> None:
    # the former search (\S.{6,}。\s*$) tried every start of a cell not ending a sentence: 5.4 s for 256 KB,
    # 81 s for a 1 MB one-line dump, minutes here
    from llm_extract.extract.prose import prose_lines

    line = "\t".join(["本机关全年主动公开政府信息。", "依法 公开 12 345 " * 150_000, "行政许可", "5"])
    assert [text for _, text, _ in prose_lines([line], {"t2": (1, 2)})] == ["本机关全年主动公开政府信息。"]


@pytest.mark.parametrize("piece", ["本年度共收到申请。", "  共收到申请六件。  ", "短句。", "一二三四五六七。", "一二三四五六七。x",
                                   " 一\t二三四五六。", "a      。", "。。。。。。。。", "", "本年度共收到申请", "本年度。 \u3000"])
def test_a_sentence_cell_is_what_the_former_pattern_found(piece: str) -> None:
    import re

    from llm_extract.extract.prose import _is_sentence_cell

    assert _is_sentence_cell(piece) is bool(re.search(r"\S.{6,}。\s*$", piece))


def test_a_line_of_a_megabyte_of_digits_is_checked_for_a_cut_number_in_linear_time() -> None:
    # the search for a number cut by a line break (extract/cutnumbers.py) ran over the whole line and backtracked
    # through every digit run: 1.4 s for 8,000 digits, hours for this line; it looks at the line's end only
    from llm_extract.extract.cutnumbers import cut_number_lines

    hostile = ["行政许可" + "1" * 1_000_000 + "号123", "4"]
    assert cut_number_lines(hostile, 1, 3) == {}
    assert cut_number_lines(["行政事业性收费  96171.", "6"], 1, 3) == {1: "96171", 2: "96171"}


def test_first_rows_in_two_flows_are_searched_within_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # plain pdftotext's first rows printed in two flows (extract/t3top.py): rows of zeros keep every row's sum
    # whatever the split, so every split of eight rows was built (86,000 rows tried, 0.35-0.42 s a table). Cells all
    # 0 read alike whichever split: one band is tried; rows mostly of zeros are searched row by row, a failing row
    # cutting off the splits below it, within a budget of rows tried past which nothing is read
    from llm_extract.extract import t3top
    from llm_extract.extract.blocktext import Number
    from llm_extract.extract.cells import parse_cell

    def numbers(values: list[int]) -> list[Number]:
        return [Number(parse_cell(str(v)), 10 + i) for i, v in enumerate(values)]

    tried = 0
    every_band = t3top._bands

    def counted(cells, b, budget):  # type: ignore[no-untyped-def]
        nonlocal tried
        before = budget[0]
        yield from every_band(cells, b, budget)
        tried += before - budget[0]

    monkeypatch.setattr(t3top, "_bands", counted)
    (only,) = t3top._readings_of(numbers([0] * 56), 8)
    assert [n.line for row in only for n in row] == [10 + i for i in range(56)] and tried == 0
    one_row = [1, 0, 0, 0, 0, 0, 1] + [0] * 49
    assert len(t3top._readings_of(numbers(one_row), 8)) == 1 and tried <= t3top._MAX_STEPS
    monkeypatch.setattr(t3top, "_MAX_STEPS", tried - 1)
    with pytest.raises(t3top._TooMany):
        t3top._readings_of(numbers(one_row), 8)


def test_a_tail_of_many_rows_after_table4_is_not_cut_every_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # 表三's cells printed among 表四's (extract/t3tail.py) are cut into bands every way: 2 ** (rows - 1) cuts, so
    # one unread column of all 25 rows would be 16 million; the reader takes blocks of a few rows only
    from llm_extract.evidence import CellKind, Reading
    from llm_extract.extract import t3tail
    from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS

    tried = 0
    every_cut = t3tail.compositions

    def counted(m: int):  # type: ignore[no-untyped-def]
        nonlocal tried
        for cut in every_cut(m):
            tried += 1
            assert tried <= 2 ** 7, "the tail's rows cut every way"
            yield cut

    monkeypatch.setattr(t3tail, "compositions", counted)
    lines = ["四、政府信息公开行政复议、行政诉讼情况"] + ["0"] * (15 + 25)
    zero = Reading(0, CellKind.ZERO, "0", [], "cell-per-line")
    readings = {p: zero for p in TABLE3_PATHS if not p.endswith(".total")}
    readings.update({p: Reading(0, CellKind.ZERO, "0", [2 + i], "cell-per-line") for i, p in enumerate(TABLE4_PATHS)})
    assert t3tail.read_tail_after_table4(lines, readings) is None
    assert tried == 0
