"""表三 labels wrapped in a narrow grid cell (pymupdf4llm of a browser's PDF print).

A piece opening with a bare numeral continues the label above it (extract/table3_labels.py): ``4.保护第`` on one grid
line, ``三方合`` / ``法权益`` with the row's numbers on the next, the group's ``（三）`` beside them; ``三方合法权益``,
``三类内部事务信息`` are the rest of a label, not an item number opening another (those are marked: 三、 （三） 3.).

A label wrapped over three grid lines with its numbers on the middle one (extract/gridrows.py): ``8.属于行`` /
``政查询`` with the numbers / ``事项``: the three pieces name the row together.
"""

from __future__ import annotations

from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS

#: a clean-room report's 表三 (values invented) as pymupdf4llm prints Chromium's PDF of it
GRID = """# 云岭县医疗保障局2022年政府信息公开工作年度报告

## 三、收到和处理政府信息公开申请情况 

|本列|数据的勾|稽关系|⾃然⼈|商业企业|科研机构|申请⼈情况<br>法⼈或其他组织<br>社会公益组织|法律服务机构|其他|总计|
|---|---|---|---|---|---|---|---|---|---|
|⼀、本年|新收政府<br>请数量|信息公开申|55|1|0|0|0|0|56|
|⼆、上年|结转政府<br>请数量|信息公开申|0|0|0|1|0|0|1|
|三、本|（⼀）|予以公开|31|0|0|1|0|0|32|
|年度办<br>|（⼆）|部分公开||||||||
|理结果|（区分|处理的，只||||||||
||计这⼀<br>其他|情形，不计<br>情形）|3|0|0|0|0|0|3|
|||1.属于国<br>家秘密|0|0|0|0|0|0|0|
|||2.其他法||||||||
|||律⾏政<br>法规禁<br>⽌公开|0|0|0|0|0|0|0|
|||3.危及<br>“三安<br>全⼀稳<br>定”|0|0|0|0|0|0|0|
|||4.保护第||||||||
||（三）|三⽅合<br>法权益|2|0|0|0|0|0|2|
||不予公|||||||||
||开|5.属于三||||||||
|||类内部<br>事务信<br>息|0|0|0|0|0|0|0|
|||6.属于四||||||||
|||类过程<br>性信息|2|0|0|0|0|0|2|
|||7.属于⾏||||||||
|||政执法<br>案卷|0|0|0|0|0|0|0|
|||8.属于⾏||||||||
|||政查询|3|0|0|0|0|0|3|
|||事项||||||||
||（四）<br>⽆法提|1.本机关<br>不掌握|8|0|0|0|0|0|8|

"""


def test_a_label_piece_opening_with_a_numeral_continues_the_label_above_it() -> None:
    record = process_document(load_bytes(GRID.encode("utf-8"), doc_id="yl", path="yl.md", suffix=".md"))
    values = record.report.values()
    assert [values[f"applications.denied_third_party.{c}"] for c in APPLICANT_COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert record.provenance["applications.denied_third_party.total"].note != "row label not found"


def test_a_label_wrapped_over_three_grid_lines_takes_the_numbers_on_its_middle_line() -> None:
    assert "|||8.属于⾏||||||||\n|||政查询|3|0|0|0|0|0|3|\n|||事项||||||||" in GRID
    record = process_document(load_bytes(GRID.encode("utf-8"), doc_id="yl", path="yl.md", suffix=".md"))
    values = record.report.values()
    assert [values[f"applications.denied_query_matter.{c}"] for c in APPLICANT_COLUMNS] == [3, 0, 0, 0, 0, 0, 3]
