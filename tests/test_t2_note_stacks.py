"""A noted 表二 cell wrapped over three lines or more of its narrow column (extract/notestacks.py).

``pdftotext -layout`` of a Word table whose 现行有效件数 column is a few characters wide prints
``361（其中修订279件）`` as five pieces, one a line, the row's label and other cells on the middle one. Read top
to bottom the pieces are the cell; read line by line the row held a word where its count stands and stayed
missing. The count's first digits alone above the piece that opens the note are the count's only where no
number stands above them in the column: under the row above's own count they may end either, and the lines are
left as printed.
"""

from __future__ import annotations

from llm_extract.extract import extract_regex
from llm_extract.extract.notestacks import stacked_notes
from llm_extract.ingest import Document

HEAD = """二、主动公开政府信息情况

                           第二十条第（一）项
                              本年制 本年废                    现行有
                      信息内容
                              发件数 止件数                    效件数
"""
FIVE_LINES = """                                                           36
                                                        1（其中
                       规章            0        0          修订
                                                          279
                                                         件）
             行政规范性文件    0     2                             0
"""
CENTRED = """                       规章            20        0                       14
                                                    147（其中修订 71
             行政规范性文件          8                 0
                                                        件）
"""
#: 1 under 227: 227's last digit (2271) or 14's first (14（其中修订7件）)?
UNDER_A_COUNT = """                    规章      24   1                  227
                                                     1
                                                   4（其
                行政规范性文件            0       0       中修
                                                    订7
                                                   件）
"""
TAIL = "\n三、收到和处理政府信息公开申请情况\n"


def _read(rows: str) -> dict[str, object]:
    readings = extract_regex(Document.from_text(HEAD + rows + TAIL, doc_id="d")).readings
    return {p.split(".", 1)[1]: r.value for p, r in readings.items() if p.startswith("active_disclosure.")
            and p.split(".")[1] in ("regulations", "normative_documents")}


def test_a_noted_count_wrapped_over_five_lines_is_read_down_its_column() -> None:
    assert _read(FIVE_LINES) == {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 361,
                                 "normative_documents.issued": 0, "normative_documents.repealed": 2,
                                 "normative_documents.in_force": 0}


def test_a_noted_count_over_its_rows_line_with_the_notes_end_under_it_is_the_rows_last_cell() -> None:
    assert _read(CENTRED)["normative_documents.in_force"] == 147


def test_digits_alone_under_a_rows_count_are_left_as_printed() -> None:
    lines = UNDER_A_COUNT.splitlines()
    assert stacked_notes(lines) == lines
    assert _read(UNDER_A_COUNT)["normative_documents.in_force"] is None


def test_digits_alone_under_a_zero_are_the_noted_counts_first_digits() -> None:
    # no count starts with 0: 10 under 规章's 0 is 100's start, not 0's end
    rows = """                       规章      24   0                  0
                                                      10
                                                     0（其
                    行政规范性文件             40       0   中修订
                                                      15
                                                      件）
"""
    assert _read(rows)["normative_documents.in_force"] == 100
    assert _read(rows)["regulations.in_force"] == 0
