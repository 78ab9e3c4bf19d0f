"""A report's text copied with line numbers (a file viewer, an editor, ``cat -n``), e-mail quote marks or
indentation before every line reads as the text itself does.

Copied from a viewer, ``    61\\t\\t一、本年新收政府信息公开申请数量`` puts a number in the field before every label and
every cell: the tables' rows no longer read (three of the five seeds failed, the others went to review). Forwarded
in an e-mail, ``> `` before every line shifted the one-cell-a-line tables' cells; indented, ``      ⇥`` (an empty
cell) read as an empty line. Both are taken out where every
line carries them; a text whose lines merely start with figures keeps them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.ingest import load_bytes
from llm_extract.ingest.line_prefixes import without_line_prefixes
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
#: Word exports, one cell a line (000 with a row left blank, 001), and a tab-row text whose rows lost cells (002)
_TEXTS = sorted(GOLDEN.glob("00[0-2]_*.txt"))

_PREFIXES = {
    "cat -n": lambda i, line: f"{i:6d}\t{line}",
    "editor": lambda i, line: f"{i}: {line}",
    "viewer": lambda i, line: f"{i:4d} | {line}",
    "e-mail": lambda i, line: f"> {line}",
    "e-mail twice": lambda i, line: f">> {line}" if line else ">>",
    "indented": lambda i, line: " " * (1 + i * 5 % 8) + line,
}


@pytest.mark.parametrize("kind", sorted(_PREFIXES))
@pytest.mark.parametrize("path", _TEXTS, ids=lambda p: p.stem[:3])
def test_a_report_with_a_prefix_before_every_line_reads_as_its_text(path: Path, kind: str) -> None:
    text = path.read_text(encoding="utf-8")
    prefixed = "\n".join(_PREFIXES[kind](i, line) for i, line in enumerate(text.split("\n"), 1))
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="plain", suffix=".txt"))
    copied = process_document(load_bytes(prefixed.encode("utf-8"), doc_id="copied", suffix=".txt"))
    for field, prov in plain.provenance.items():
        assert copied.report.get(field) == plain.report.get(field), field
        assert copied.provenance[field].status is prov.status, field


def test_lines_that_start_with_figures_keep_them() -> None:
    text = "\n".join(["2023年政府信息公开工作年度报告", "", "1\t0\t0\t1", "2\t3\t0\t5", "12: 本年收费0元", *["正文"] * 10])
    assert without_line_prefixes(text) == text
    table = "\n".join(f"{n}\t{n * 2}\t0" for n in range(1, 15)) + "\n合计\t210\t0"   # item numbers counting up:
    assert without_line_prefixes(table) == table                         # a table's, not every line numbered


def test_a_line_number_alone_on_an_empty_line_is_taken_out_too() -> None:
    lines = [f"{i:6d}\t{line}" if line else f"{i:6d}" for i, line in enumerate(["标题", "", *["\t0\t1"] * 12], 1)]
    assert without_line_prefixes("\n".join(lines)) == "\n".join(["标题", "", *["\t0\t1"] * 12])


def test_an_empty_lines_trailing_white_space_makes_no_blank_cell() -> None:
    text = "\n".join(["标题", "  \t", "\t一、本年新收政府信息公开申请数量", "   \t0", *["\t0"] * 12])
    assert without_line_prefixes(text) == "\n".join(["标题", "  \t", "\t一、本年新收政府信息公开申请数量", "\t0",
                                                      *["\t0"] * 12])
