"""表三 as html-text and readability print a CMS page's table: a row's label with its first cells, then the rest
of its cells on lines of their own (``2．申请人逾期… 0 0 0 0`` / ``0`` / ``0 0``), each line followed by an
empty one. A line of two or more numbers after a row that then has its seven cells is that row's, not the
numbers of the row below printed above its label (as PDF text prints a row centred on a wrapped label)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render


def _over_three_lines(report: Report) -> str:
    """The report's text with each 表三 row as four cells beside its label, one alone, two together; a row
    of empty cells (3．其他) printed as dashes, its label alone on its line."""
    text = render(report, "tabrows")
    head, _, rest = text.partition("三、收到和处理政府信息公开申请情况\n")
    table, _, tail = rest.partition("\n\n")
    out = [head + "三、收到和处理政府信息公开申请情况", ""]
    for line in table.split("\n"):
        fields = line.split("\t")
        cells = fields[-7:]
        if len(fields) >= 8 and all(c.isdigit() or not c for c in cells) and not fields[-8].isdigit():
            label = " ".join(f for f in fields[:-7] if f)
            if not any(cells) and label.endswith("其他"):
                out += [label, ""] + ["-", ""] * 5 + ["- -", ""]
            else:
                out += [label + " " + " ".join(cells[:4]), "", cells[4], "", " ".join(cells[5:]), ""]
        else:
            out += [line, ""]
    return "\n".join(out) + "\n\n" + tail


def test_a_row_over_three_lines_keeps_its_last_line_when_the_row_below_has_its_own_cells(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    g["applications"]["other_other"] = dict.fromkeys(g["applications"]["other_other"])
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = _over_three_lines(report)
    assert "\n- -\n" in text and " 0 0 0 0\n" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in TABLE3_ROW_PATHS["other_unpaid_fee"] + TABLE3_ROW_PATHS["other_other"]:
        assert record.report.get(path) == report.get(path), path
    for path in TABLE3_ROW_PATHS["other_unpaid_fee"]:
        assert record.provenance[path].status is Status.PROVEN, path
