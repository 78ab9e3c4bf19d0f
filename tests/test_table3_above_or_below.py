"""表三 printed by a text tool with each row's numbers above its label (pdftotext's default mode on a
word processor's PDF): read top-down, every label takes the row below's numbers, and the identities
may still hold (a total row of zeros under which every other row derives as zero). A row read from
below its label, with numbers no row took right above the label, is never proven (``READ.ABOVE_OR_BELOW``)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values



def test_a_table_printed_with_each_rows_numbers_above_its_label_proves_no_row() -> None:
    text = report_text(sample_values())
    lines, out, in_table3 = text.split("\n"), [], False
    for line in lines:
        in_table3 = (in_table3 or line.startswith("一、本年新收")) and not line.startswith("四、政府信息公开")
        cells = line.split("\t")
        if in_table3 and len(cells) == 8:
            out += cells[1:] + [cells[0]]            # the row's numbers, one to a line, then its label
        else:
            out.append(line)
    record = process_document(Document.from_text("\n".join(out), doc_id="x"))
    proven = [p for p, v in record.provenance.items() if p.startswith("applications.") and v.status is Status.PROVEN]
    assert proven == []
    assert "READ.ABOVE_OR_BELOW" in record.provenance["applications.new_received.total"].rules
