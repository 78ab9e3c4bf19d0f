"""A count cut inside its last thousands group in fixed-width text is no CSV row (ingest/csv_rows.py).

``pdftotext -layout`` of a Word table whose number columns are narrow prints ``20,313`` as ``20,31`` over ``3``;
a line holding such first pieces alone (``20,31 … 20,31``) was taken for a CSV row (``20`` | ``31 … 20`` | ``31``) and
written as tab fields, so the row's wrapped cells were lost and the row left unread. A comma inside a number
standing alone between spaces is the number's own: the line stays as printed, and the wrapped cells are read down
their columns (extract/wrapdigits.py).
"""

from __future__ import annotations

from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.ingest.csv_rows import unfold_csv_rows

ROWS = """三、收到和处理政府信息公开申请情况

                                 20,31                                           20,31
    一、本年新收政府信息公开申请数量                         0    0            0     0      0
                                   3                                               3
   二、上年结转政府信息公开申请数量                0         0    0            0     61     0     61

四、政府信息公开行政复议、行政诉讼情况
"""


def test_a_line_of_counts_cut_inside_their_thousands_group_stays_as_printed() -> None:
    assert unfold_csv_rows(ROWS) == ROWS


def test_csv_rows_are_still_unfolded() -> None:
    text = "一、本年新收政府信息公开申请数量,257,17,3,0,7,6,29\n二、上年结转政府信息公开申请数量,1,2,0,0,0,0,3\n"
    assert unfold_csv_rows(text).splitlines()[1] == "二、上年结转政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3"


def test_the_wrapped_row_is_read_down_its_columns() -> None:
    readings = extract_regex(Document.from_text(ROWS, doc_id="d")).readings
    assert [readings[f"applications.new_received.{c}"].value for c in ("natural_person", "commercial", "total")] \
        == [20313, 0, 20313]
