"""表三's header whose cells wrap over its two rows, its words run onto one line (a crawler stores the page's text
on one line): ``申请人情况 自然人 法人或其他组织 总计 商业 科研 社会 公益 组织 法律 服务 机构 其他 企业 机构``.

The last ``企业`` is 商业企业's wrapped piece (``商业`` stands where its column does), not the column's other name
printed after 其他: read so, the header seemed to print the columns in another order, and every applicant cell of
the table went to review. A header that prints 企业 alone after 其他 (no 商业 before it) still says the order is
another.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.extract.applicantorder import header_out_of_order
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def test_a_wrapped_cells_last_piece_names_no_column() -> None:
    words = "申请人情况 自然人 法人或其他组织 总计 商业 科研 社会 公益 组织 法律 服务 机构 其他 企业 机构".split()
    assert not header_out_of_order(words)


def test_a_column_named_by_its_other_name_after_the_rest_is_still_out_of_order() -> None:
    words = "申请人情况 自然人 法人或其他组织 总计 科研机构 社会公益组织 法律服务机构 其他 企业".split()
    assert header_out_of_order(words)


def test_a_word_export_run_onto_one_line_reads_its_table3_proven() -> None:
    path = next(GOLDEN.glob("001_*.txt"))
    golden = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    one_line = re.sub(r"\s*\n\s*", " ", path.read_text(encoding="utf-8"))
    record = process_document(load_bytes(one_line.encode("utf-8"), doc_id="oneline", suffix=".txt"))
    for row, cells in golden["applications"].items():
        for column, value in cells.items():
            path_ = f"applications.{row}.{column}"
            assert record.report.get(path_) == value, path_
            assert record.provenance[path_].status is Status.PROVEN, path_
