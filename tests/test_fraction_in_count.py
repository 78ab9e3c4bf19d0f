"""A fraction is never a count: a reader that places the fee's 3.7246 in a count's cell has placed the row wrong.

``pdf2txt.py`` printed 表二's column headers, then its numbers box by box (0 / 0 / 7009 / 0 / 0 / 3.7246), then the
labels. Placing those numbers by the headers alone put the fee under 行政规范性文件's 现行有效件数; the record of a
count field cannot hold 3.7246, and the document failed as an internal error. Now such a placement is not taken
(for any of its rows: they were placed together), and no reader's fraction reaches a count field.
"""

from __future__ import annotations

import random
from decimal import Decimal

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import DISCLOSURE_PATHS
from llm_extract.synth import render
from llm_extract.synth.records import random_report
from verify import verify_extraction

#: 表二 as pdf2txt.py printed it from a Word report's PDF (its fee 3.7246 万元, 行政许可 7009, every other cell 0)
_BOXED_TABLE2 = """二、主动公开政府信息情况

第二十条第（一）项

本年制发件数

本年废止件数

现行有效件数

0
0

7009

0
0

3.7246

信息内容
规章
行政规范性文件

信息内容
行政许可

信息内容
行政处罚
行政强制

0
0

0
0

第二十条第（五）项

本年处理决定数量

第二十条第（六）项

本年处理决定数量

信息内容
行政事业性收费

第二十条第（八）项

本年收费金额（单位：万元）

"""


def _document() -> Document:
    text = render(random_report(random.Random(3), "x"), "cells", seed=1)
    start, end = text.index("二、主动公开"), text.index("三、收到和处理")
    return Document.from_text(text[:start] + _BOXED_TABLE2 + text[end:], doc_id="x")


def test_no_count_field_holds_a_fraction() -> None:
    readings = extract_regex(_document()).readings
    for path in DISCLOSURE_PATHS:
        value = readings[path].value
        assert not isinstance(value, Decimal) or path.endswith("fees_10k_yuan"), (path, value)


def test_the_document_is_verified_and_no_misplaced_cell_is_proven() -> None:
    record = verify_extraction(extract_regex(_document()))     # (it raised a ValidationError)
    assert record.report.get("active_disclosure.normative_documents.in_force") is None
    assert record.report.get("active_disclosure.regulations.repealed") != 7009    # the same placement's other row
    assert all(record.provenance[p].status is not Status.PROVEN for p in DISCLOSURE_PATHS)
