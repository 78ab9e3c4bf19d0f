"""表三 printed with 总计 among the applicant columns, as its one-row header names it.

An agency may print ``申请人情况 | 自然人 | 总计 | 商业企业 | … | 其他``: 总计 second. Read in the form's order, every row's
total would land under 商业企业 and every row sum break. A one-row header naming the seven columns once places 总计
where it stands; every row's sum then checks the placing (a wrong header breaks them: disputed, never proven). A
header of two rows (法人或其他组织 over the five organisations) prints 总计 on its first row, before the
organisations' words: there the words' order says nothing of its column, and nothing moves.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.applicantorder import header_total_place
from llm_extract.extract.headerorder import Word
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render
from tests.fakeopenai import sample_values

FLAT = ["申请人情况", "自然人", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
TWO_ROWS = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_a_one_row_header_places_its_total_a_two_row_header_does_not() -> None:
    assert header_total_place(FLAT) == 1
    assert header_total_place(FLAT[:2] + FLAT[3:] + ["总计"]) is None        # last, as the form prints it
    assert header_total_place(TWO_ROWS) is None
    assert header_total_place(["申请人情况", "总计", *FLAT[1:2], *FLAT[3:]]) is None      # first: the readers move it


def test_a_two_row_header_whose_group_a_crawler_printed_in_pieces_on_lines_of_their_own_places_nothing() -> None:
    # a web page's 法人或<br>其他组织 in BeautifulSoup's get_text("\n"): 法人或 / 其他组织, each alone on its line
    header = [Word(w, n) for n, w in enumerate(["申请人情况", "自然人", "法人或", "其他组织", "总计", "商业企业", "科研机构",
                                                "社会公益组织", "法律服务机构", "其他"], start=40)]
    assert header_total_place(header) is None


def test_a_table_printing_its_total_second_is_read_in_its_columns_and_proven() -> None:
    values = sample_values()
    text = render(Report.from_values("d", values), "tabrows")
    out = []
    for line in text.split("\n"):
        fields = line.split("\t")
        if line.endswith("\t".join(TWO_ROWS)):
            line = "\t".join(fields[:-len(TWO_ROWS)] + FLAT)            # the header in one row, 总计 second
        elif len(fields) >= 8 and all(f.isdigit() for f in fields[-7:]):
            cells = fields[-7:]
            line = "\t".join(fields[:-7] + [cells[0], cells[6], *cells[1:6]])
        out.append(line)
    text = "\n".join(out)
    assert "\t自然人\t总计\t商业企业" in text and "一、本年新收政府信息公开申请数量\t11\t15\t2\t0\t0\t1\t1" in text
    record = process_document(Document.from_text(text, doc_id="total-second"))
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.get(path) == value, path
            assert record.provenance[path].status is Status.PROVEN, path
