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


def test_a_one_row_other_handling_with_numbers_is_not_left_over_above_the_total_row() -> None:
    """（六）其他处理 printed as one row (no sub-rows) with numbers that are not all 0: its sub-rows are not
    printed, but its numbers are its own, not the total row's printed above its label."""
    values = sample_values()
    subrows = ("1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知", "3.其他")
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    one_row = [sum(values.get(f"applications.{r}.{c}") or 0 for r in ("other_no_correction", "other_unpaid_fee",
                                                                          "other_other")) for c in cols]
    one_row[0] += 1
    one_row[-1] += 1                                   # not all 0 (the identities may break: not the point)
    out, in_table3 = [], False
    for line in report_text(values).split("\n"):
        in_table3 = (in_table3 or line.startswith("一、本年新收")) and not line.startswith("四、政府信息公开")
        cells = line.split("\t")
        if in_table3 and any(cells[0].startswith(s) or cells[0].startswith("（六）") and s in line for s in subrows):
            if "（六）其他处理" not in out:
                out += ["（六）其他处理", *map(str, one_row)]
        elif in_table3 and len(cells) == 8:
            out += [cells[0], *cells[1:]]              # a web table's cells, one to a line, below the label
        else:
            out.append(line)
    assert "（六）其他处理" in out
    record = process_document(Document.from_text("\n".join(out), doc_id="x"))
    assert not [p for p, v in record.provenance.items() if "READ.ABOVE_OR_BELOW" in v.rules]
