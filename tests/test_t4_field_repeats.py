"""表四 in a grid from PyMuPDF's ``find_tables()`` on a browser-printed report: one cell split into two fields.

PyMuPDF, taking the table of a CMS page apart, split the cell 其他结果 of the group 未经复议直接起诉 into two fields and
wrote its header and its number into both (``| 其 | 其 |`` / ``| 他 | 他 |`` / ``| 结 | 结 |`` / ``| 果 | 果 |`` over
``| 0 | 0 |``): sixteen numbers for fifteen cells, and 表四 went unread. Under header fields that read the same on every
header line, two equal numbers are one cell written twice (extract/t4repeats.py); two cells side by side whose headers
differ on a line (``结`` / ``结`` then ``维`` / ``纠``: 结果维持 and 结果纠正) stay two.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

#: PyMuPDF find_tables() of a Chromium-printed report, its tables written as Markdown (a clean-room report)
EXCERPT = """西湖区农业农村局2024年政府信息公开工作年度报告

二、主动公开政府信息情况

|第二十条第（一）项||||
|---|---|---|---|
|信息内容|本年制发件数|本年废止件数|现行有效件数|
|规章|0|0|0|
|行政规范性文件|3|3|108|
|第二十条第（五）项||||
|信息内容|本年处理决定数量|||
|行政许可|0|||
|第二十条第（六）项||||
|信息内容|本年处理决定数量|||
|行政处罚|12|||
|行政强制|0|||
|第二十条第（八）项||||
|信息内容|本年收费金额（单位：万元）|||
|行政事业性收费|0|||

|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复议、行政诉讼情况|||||||||
||行政复议|行政复议|行政复议||||||||行政诉讼|||||||
|结<br>果|结<br>果|其<br>他|尚<br>未|总<br>计|||未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉||复议后起诉|复议后起诉|复议后起诉|复议后起诉|||
|维|纠|结|审|||结|结|其|其|尚|总<br>结|结|其||尚||总|
|持|正|果|结|||果|果|他|他|未|计<br>果|果|他||未||计|
|||||||维|纠|结|结|审|维|纠|结||审|||
|||||||持|正|果|果|结|持|正|果||结|||
|0|0|1|2|3||0|0|0|0|0|0<br>2|0|1||0||3|



"""

_GROUPS = ("administrative_review", "litigation_direct", "litigation_after_review")
_CELLS = ("upheld", "corrected", "other", "pending", "total")


def _read(text: str):
    return process_document(load_bytes(text.encode("utf-8"), doc_id="fztab", suffix=".md"))


def test_one_cell_written_in_two_fields_under_one_header_is_one_cell():
    result = _read(EXCERPT)
    rl = result.report.review_litigation
    assert [getattr(rl.administrative_review, c) for c in _CELLS] == [0, 0, 1, 2, 3]
    assert [getattr(rl.litigation_direct, c) for c in _CELLS] == [0, 0, 0, 0, 0]
    assert [getattr(rl.litigation_after_review, c) for c in _CELLS] == [2, 0, 1, 0, 3]
    for g in _GROUPS:
        for c in _CELLS:
            assert result.provenance[f"review_litigation.{g}.{c}"].status is Status.PROVEN, (g, c)


def test_two_fields_whose_headers_differ_on_a_line_stay_two_cells():
    """The same table where the two fields' headers differ on their last line (其他结果 / 其他结论): no copy of one
    cell, sixteen numbers for fifteen cells, nothing of 表四 proven."""
    lines = EXCERPT.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("|||||||持|正|果|果|"))
    lines[at] = lines[at].replace("|持|正|果|果|", "|持|正|果|论|", 1)
    result = _read("\n".join(lines))
    for g in _GROUPS:
        for c in _CELLS:
            assert result.provenance[f"review_litigation.{g}.{c}"].status is not Status.PROVEN, (g, c)
