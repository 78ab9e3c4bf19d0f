"""Markdown tables whose rows lack their outer pipes (llm_extract/extract/html2text_rows.py): converters (pandoc's
pipe tables, marker, LLM-based PDF-to-markdown tools, a copy from Typora) write ``一、本年新收… | 3 | 0 | … | 3`` under
a rule ``---|---``, or keep the outer pipe on one side only (``|---|---`` or ``---|---|``). The table's rule says
which: a row's pipe where the rule has none parts an empty field (``| （三）不予公开 | … |  |``: an empty first and
last cell), a pipe where the rule has one is the row's edge. The rule's cells may hold one dash or two where a colon
marks a column's alignment (``|:-|-|``, ``|:--|--:|``, GFM's; llm_extract/ingest/md_rule.py): such a line is the
rule, no row of blank cells. Each such table is read as the same table written with both outer pipes and a rule of
``---``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

#: blank cells at a row's end: the row's last field is empty, and rows under a group have an empty first field
_BLANK = (("denied_prohibited_by_law", "total"), ("unavailable_needs_creation", "total"), ("rejected_duplicate", "total"))


def _values() -> dict:
    values = sample_values()
    for row, col in _BLANK:
        values[f"applications.{row}.{col}"] = None
    return values


def _fields(line: str) -> list[str]:
    """A tab row's fields, 表三's label in two fields (its group, then its item: a group printed once, on its first
    item's row, as a merged cell is), a blank cell an empty field."""
    fields = ["" if f in ("/", "None") else f for f in line.split("\t")]
    if len(fields) == 8:
        group, _, item = fields[0].partition(" ")
        fields[:1] = ["", group, item] if item else ["", "", group] if group[:1].isdigit() else \
            ["", group, ""] if group[:1] == "（" else [group, "", ""]
    return fields


def _markdown(values: dict, row: Callable[[list[str]], str], rule: Callable[[int], str],
              cut: tuple[str, str, str] | None = None) -> str:
    """The report as markdown: each table's rows as ``row`` writes their fields, ``rule`` under each table's first
    row (as wide as the table). ``cut``: a 表三 item's label, and the two pieces a page break cut its full wording
    into: the first the first row of the table on the next page (so above its rule), the second under the rule, with
    the row's cells."""
    out: list[str] = []
    first = True
    for line in report_text(values).split("\n"):
        if "\t" not in line:
            out.append(line)
            first = True
            continue
        fields = _fields(line)
        if cut and len(fields) == 10 and fields[2] == cut[0]:
            out += ["", "- 3 -", "", row(["", "", cut[1]] + [""] * 7), rule(10)]
            fields[2] = cut[2]
        out.append(row(fields))
        if first and not (cut and fields[2:3] == [cut[2]]):
            out.append(rule(len(fields)))
        first = False
    return "\n".join(out)


def _full(fields: list[str]) -> str:
    return "| " + " | ".join(fields) + " |"


def _bare(fields: list[str]) -> str:
    return " | ".join(fields).strip()


_STYLES: dict[str, tuple[Callable[[list[str]], str], Callable[[int], str]]] = {
    "no outer pipes": (_bare, lambda n: "|".join(["---"] * n)),
    "no outer pipes, alignment colons": (_bare, lambda n: "|".join([":---"] + ["---:"] * (n - 1))),
    "the leading pipe only": (lambda f: "| " + _bare(f) if f[0] else "|" + " | ".join(f).rstrip(),
                              lambda n: "|" + "|".join(["---"] * n)),
    "both outer pipes, a rule of one dash a cell and alignment colons": (
        _full, lambda n: "|" + "|".join([":-"] + ["-"] * (n - 1)) + "|"),
    "both outer pipes, a rule of two dashes a cell and alignment colons": (
        _full, lambda n: "|" + "|".join([":--"] + ["--:"] * (n - 1)) + "|"),
    "the trailing pipe only": (lambda f: _bare(f) + " |" if f[-1] else " | ".join(f).lstrip() + "|",
                               lambda n: "|".join(["---"] * n) + "|"),
}


def _read(text: str) -> dict[str, tuple]:
    record = process_document(Document.from_text(text, doc_id="d"))
    return {p: (v, record.provenance[p].status) for p, v in record.report.values().items()
            if p.startswith(("applications.", "active_disclosure."))}


def test_the_full_pipe_table_is_read_as_printed() -> None:
    """(The reference: the same tables with both outer pipes read every cell in its place.)"""
    values = _values()
    got = _read(_markdown(values, _full, lambda n: "|" + "|".join(["---"] * n) + "|"))
    for path in (f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS):
        assert got[path][0] == values[path], path


@pytest.mark.parametrize("style", sorted(_STYLES))
def test_a_table_without_an_outer_pipe_is_read_as_the_same_table_with_both(style: str) -> None:
    """Every field of 表二 and 表三 has the value and status it has when the rows are written with both outer pipes:
    a row opening and closing with a pipe under a rule that has neither is a row of empty first and last fields,
    not a row with its outer pipes (which would move each cell one column left)."""
    values = _values()
    row, rule = _STYLES[style]
    text = _markdown(values, row, rule)
    assert "\n|  | 2.其他法律行政法规禁止公开 | 0 |" in text or "2.其他法律行政法规禁止公开 | 0 |" in text
    want = _read(_markdown(values, _full, lambda n: "|" + "|".join(["---"] * n) + "|"))
    got = _read(text)
    assert {p: got[p] for p in want if got[p] != want[p]} == {}


def _cut_label_values() -> dict:
    values = _values()
    for row in ("new_received", "other_no_correction", "total_processed"):
        for col in ("natural_person", "total"):
            values[f"applications.{row}.{col}"] += 1
    return values


@pytest.mark.parametrize("style", sorted(_STYLES))
def test_a_label_cut_by_a_page_break_round_the_next_table_s_rule_is_one_row(style: str) -> None:
    """A page break cuts ``1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请``: the next page's table opens
    with the label's first piece (which alone names the row), its rule under it, then the label's rest with the
    row's cells. Written without outer pipes, the rule is the rule of a Markdown table all the same: the first piece
    is the new table's header row, no row of blank cells, and the row's cells are read as with both outer pipes."""
    values = _cut_label_values()
    row, rule = _STYLES[style]
    cut = ("1.申请人无正当理由逾期不补正", "1.申请人无正当理由逾期不补正、行政机关", "不再处理其政府信息公开申请")
    want = _read(_markdown(values, _full, lambda n: "|" + "|".join(["---"] * n) + "|", cut))
    got = _read(_markdown(values, row, rule, cut))
    path = "applications.other_no_correction.natural_person"
    assert want[path] == (1, Status.PROVEN)
    assert {p: got[p] for p in want if got[p] != want[p]} == {}


@pytest.mark.parametrize("style", sorted(s for s in _STYLES if "both" not in s))
def test_an_escaped_pipe_in_a_cell_parts_no_fields(style: str) -> None:
    """``2.其他法律\\|行政法规禁止公开``: GFM's escaped pipe is the cell's own character, not a pipe between two fields:
    the row (its first and last field empty) has as many fields as the rule, and is read as with both outer pipes."""
    values = _values()
    row, rule = _STYLES[style]

    def escaped(text: str) -> str:
        return text.replace("2.其他法律行政法规禁止公开", "2.其他法律\\|行政法规禁止公开")

    want = _read(escaped(_markdown(values, _full, lambda n: "|" + "|".join(["---"] * n) + "|")))
    got = _read(escaped(_markdown(values, row, rule)))
    assert want["applications.denied_prohibited_by_law.natural_person"] == (0, Status.PROVEN)
    assert {p: got[p] for p in want if got[p] != want[p]} == {}
