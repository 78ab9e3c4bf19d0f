"""A document's section of report.html: the table rows are made in code (cheaper than a template
loop per cell), and every piece of the record in them is still escaped: a value, a status, a
source, a rule or a line number from a hand-edited record that reads as markup shows as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from llm_extract.analysis import compute_indicators
from llm_extract.export.fields import field_rows
from llm_extract.export.html import document_section
from llm_extract.outputs import read_json

EVIL = "<script>alert(1)</script>\"'&"


def _section(rec: dict[str, Any]) -> str:
    rows = field_rows(rec)
    return document_section(rec, rows, [], compute_indicators({r.path: (r.value, r.status) for r in rows}))


def test_every_piece_of_a_cell_from_the_record_is_escaped(golden_dir: Path) -> None:
    rec = read_json(next(golden_dir.glob("*.json")))
    rec["applications"]["granted"]["total"] = EVIL
    rec["provenance"] = {"applications.granted.total": {"status": "disputed", "source": EVIL, "rules": [EVIL],
                                                        "lines": [4, 2]},
                         "applications.granted.commercial": {"status": EVIL, "source": "regex", "rules": []}}
    html = _section(rec)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;" in html
    assert ('<td class="s-disputed" title="disputed · &lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp; · '
            '&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp; · line 2, 4">&lt;script&gt;') in html
    assert '<td class="s-&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;" title=' in html


def test_a_proven_cell_is_its_value_and_a_row_ends_with_its_source_lines(golden_dir: Path) -> None:
    rec = read_json(next(golden_dir.glob("*.json")))
    total = rec["applications"]["granted"]["total"]
    rec["provenance"] = {f"applications.granted.{c}": {"status": "proven", "lines": [9, 7, 8]}
                         for c in ("total", "natural_person")}
    html = _section(rec)
    assert f'<td class="s-proven">{total}</td>' in html
    assert '<td class="l ln">L7–9</td></tr>\n' in html


def test_the_heading_colours_the_agency_and_the_year_by_their_status(golden_dir: Path) -> None:
    """An agency read from an OCR layer (unverified) or a year not read is not shown as a trusted field."""
    rec = read_json(next(golden_dir.glob("*.json")))
    rec["year"] = None
    rec["provenance"] = {"agency": {"status": "unverified", "rules": ["READ.OCR_NAME"]},
                         "year": {"status": "missing"}}
    heading = _section(rec).split("</h3>")[0]
    assert f'<span class="s-unverified" title="agency: unverified">{rec["agency"]}</span>' in heading
    assert '<span class="s-missing" title="year: missing">year not read</span>' in heading


def test_a_roll_up_no_trusted_document_computes_says_so_not_none(golden_dir: Path, tmp_path: Path) -> None:
    """Seed 002's 表三 totals are derived (not trusted inputs): its year's rates are not computed, and the roll-up
    table's tooltip says so instead of 'None / None'."""
    import shutil

    from llm_extract.pipeline import run_batch

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(golden_dir / "002_0126e23b7202ee31.txt", src / "002.txt")
    run_batch([src], tmp_path / "out", workers=1)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert 'title="not computed; 0 documents, 1 excluded' in html and "None / None" not in html
