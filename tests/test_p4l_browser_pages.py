"""pymupdf4llm's Markdown of a browser's print whose 表三 runs over pages (Chromium, its default header and footer).

On the next page the converter (1) takes the page's header (date and time, the page's title centred) for the table's
first row, fused with the first piece of a wrapped label (``|12/7/26, 6:04 AM|3.危及“三||江宁区|…|度报告||``), and
(2) draws a narrower grid, the last two columns joined into one field (``|0<br>8|``), where a label wrapped over two
or three grid lines has its numbers on the line below its first piece. Each such row is read from its numbers' line
and proven by the identities.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.pagefurniture import header_fields_blanked
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

_TABLE3 = """
||||||申请⼈情况||||
|---|---|---|---|---|---|---|---|---|
|本列|数据的勾稽关系|⾃然⼈|商业企业|科研机构|法⼈或其他组织<br>社会公益组织|法律服务机构|其他|总计|
|⼀、本年新|收政府信息公开申请数量|52|6|0|2|0|1|61|
|⼆、上年结|转政府信息公开申请数量|0|1|0|0|0|0|1|
|三、本年度<br>办理结果|（⼀）予以公开|21|4|0|1|0|1|27|
||（⼆）部分公开（区分||||||||
||处理的，只计这⼀情<br>形，不计其他情形）|12|0|0|0|0|0|12|
||（三）不予<br>公开<br>1.属于国家<br>秘密|0|0|0|0|0|0|0|
||2.其他法律||||||||
||⾏政法规禁<br>⽌公开|1|0|0|0|0|0|1|



file:///work/heldout/md13/look/work/s1301_cr11.html

2/5

|12/7/26, 6:04 AM|3.危及“三||江宁区|城市管理局2022年|政府信息公开⼯作年|度报告||
|---|---|---|---|---|---|---|---|
||安全⼀稳<br>定”|0|0|0|0|0|0<br>0|
||4.保护第三<br>⽅合法权益|0|0|0|0|0|0<br>0|
||5.属于三类<br>内部事务信<br>息|2|0|0|0|0|0<br>2|
||6.属于四类<br>过程性信息|0|0|0|0|0|0<br>0|
||7.属于⾏政<br>执法案卷|0|0|0|0|0|0<br>0|
||8.属于⾏政<br>查询事项|0|0|0|0|0|0<br>0|
||1.本机关不|||||||
||掌握相关政|7|1|0|0|0|0<br>8|
||府信息|||||||
|（四）⽆法<br>提供|2.没有现成<br>信息需要另<br>⾏制作|0|1|0|0|0|0<br>1|
||3.补正后申|||||||
||请内容仍不<br>明确|1|0|0|0|0|0<br>1|
|（五）不予<br>处理|1.信访举报<br>投诉类申请|3|0|0|0|0|0<br>3|
||2.重复申请|2|0|0|0|0|0<br>2|
||3.要求提供<br>公开出版物|0|0|0|0|0|0<br>0|



file:///work/heldout/md13/look/work/s1301_cr11.html

3/5

12/7/26, 6:04 AM 江宁区城市管理局 2022 年政府信息公开⼯作年度报告

||4.⽆正当理||||||||
|---|---|---|---|---|---|---|---|---|
||由⼤量反复<br>申请|0|0|0|0|0|0|0|
||5.要求⾏政||||||||
||机关确认或<br>重新出具已|0|0|0|0|0|0|0|
||获取信息||||||||
||1.申请⼈⽆||||||||
||正当理由逾||||||||
||期不补正、||||||||
||⾏政机关不|1|1|0|0|0|0|2|
||再处理其政||||||||
||府信息公开||||||||
||申请||||||||
|（六）其他|2.申请⼈逾||||||||
|处理|期未按收费||||||||
||通知要求缴||||||||
||纳费⽤、⾏<br>政机关不再|0|0|0|0|0|0|0|
||处理其政府||||||||
||信息公开申||||||||
||请||||||||
||3.其他|2|0|0|1|0|0|3|
|（七）|总计|52|7|0|2|0|1|62|
|四、结转下年度继|续办理|0|0|0|0|0|0|0|
"""


def _record():
    text = "# 江宁区城市管理局2022年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n" + _TABLE3 + \
        "\n四、政府信息公开行政复议、行政诉讼情况\n"
    return process_document(load_bytes(text.encode("utf-8"), doc_id="jn", path="jn.md", suffix=".md"))


def test_a_browser_header_fused_into_a_grid_row_leaves_the_rows_own_fields() -> None:
    row = "12/7/26, 6:04 AM|3.危及“三||江宁区|城市管理局2022年|政府信息公开工作年|度报告|".split("|")
    assert header_fields_blanked(row) == ["", "3.危及“三", "", "", "", "", "", ""]
    cut = "12/7/26, 6:00 A|M||东|城区应急管理局2021年政府|信息公开工作年度报告||".split("|")
    assert not any(header_fields_blanked(cut))
    assert header_fields_blanked(["规章", "0", "1", "2"]) == ["规章", "0", "1", "2"]
    assert header_fields_blanked(["12/7/26, 6:04 AM", "3.危及“三", "0", "0"]) == ["12/7/26, 6:04 AM", "3.危及“三", "0", "0"]


def test_rows_wrapped_over_the_narrower_grid_of_the_next_page_are_read_and_proven() -> None:
    record = _record()
    values = record.report.values()
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    expected = {"denied_security_stability": [0] * 7, "unavailable_not_held": [7, 1, 0, 0, 0, 0, 8],
                "unavailable_unclear": [1, 0, 0, 0, 0, 0, 1]}
    for row, want in expected.items():
        assert [values[f"applications.{row}.{c}"] for c in cols] == want, row
        assert record.provenance[f"applications.{row}.total"].status is Status.PROVEN, row


_THREE_PAGES = """|三、收到和处理政府信息公开申请情况||
|（本列数据|的勾稽关系为：第⼀项加||||申请⼈情况||||
|---|---|---|---|---|---|---|---|---|
|第⼆项之和|，等于第三项加第四项之||||法⼈或其他组织||||
||和）|⾃然⼈||||||总计|
||||商业企业|科研机构|社会公益组织|法律服务机构|其他||
|⼀、本年新|收政府信息公开申请数量|0|0|0|1|1|0|2|
|⼆、上年结|转政府信息公开申请数量|0|0|0|0|0|0|0|
|三、本年度<br>办理结果|（⼀）予以公开|0|0|0|0|0|0|0|
||（⼆）部分公开（区分||||||||
||处理的，只计这⼀情<br>形，不计其他情形）|0|0|0|0|1|0|1|
||（三）不予<br>公开<br>1.属于国家<br>秘密|0|0|0|0|0|0|0|
||2.其他法律||||||||
||⾏政法规禁<br>⽌公开|0|0|0|0|0|0|0|
file:///work/heldout/md13/look2/work/s1303_cr06.html
2/5
|12/7/26, 6:41 AM|3.危及“三||⾦⼭县⼈⼒|资源和社会保障局2|021年政府信息公开⼯|作年度报告|||
|---|---|---|---|---|---|---|---|---|
||安全⼀稳<br>定”|0|0|0|0|0|0|0|
||4.保护第三<br>⽅合法权益|0|0|0|0|0|0|0|
||5.属于三类<br>内部事务信<br>息|0|0|0|0|0|0|0|
||6.属于四类<br>过程性信息|0|0|0|0|0|0|0|
||7.属于⾏政<br>执法案卷|0|0|0|0|0|0|0|
||8.属于⾏政<br>查询事项|0|0|0|0|0|0|0|
||1.本机关不||||||||
||掌握相关政|0|0|0|1|0|0|1|
||府信息||||||||
|（四）⽆法<br>提供|2.没有现成<br>信息需要另<br>⾏制作|0|0|0|0|0|0|0|
||3.补正后申||||||||
||请内容仍不<br>明确|0|0|0|0|0|0|0|
|（五）不予<br>处理|1.信访举报<br>投诉类申请|0|0|0|0|0|0|0|
||2.重复申请|0|0|0|0|0|0|0|
||3.要求提供<br>公开出版物|0|0|0|0|0|0|0|
file:///work/heldout/md13/look2/work/s1303_cr06.html
3/5
|12/7/26, 6:41 AM|||⾦⼭县⼈⼒|资源和社会保障局2|021年政府信息公开⼯|作年度报告||
|---|---|---|---|---|---|---|---|
||4.⽆正当理|||||||
||由⼤量反复|0|0|0|0|0|0<br>0|
||申请|||||||
||5.要求⾏政|||||||
||机关确认或<br>重新出具已|0|0|0|0|0|0<br>0|
||获取信息|||||||
||1.申请⼈⽆|||||||
||正当理由逾|||||||
||期不补正、|||||||
||⾏政机关不|0|0|0|0|0|0<br>0|
||再处理其政|||||||
||府信息公开|||||||
||申请|||||||
|（六）其他|2.申请⼈逾|||||||
|处理|期未按收费|||||||
||通知要求缴|||||||
||纳费⽤、⾏<br>政机关不再|0|0|0|0|0|0<br>0|
||处理其政府|||||||
||信息公开申|||||||
||请|||||||
||3.其他|0|0|0|0|0|0<br>0|
|（七）|总计|0|0|0|1|1|0<br>2|
|四、结转下年度继|续办理|0|0|0|0|0|0<br>0|
## 四、政府信息公开⾏政复议、⾏政诉讼情况
⾏政复议 ⾏政诉讼
未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 0 0 0 0 0 0 0 2 1 1 2 6
file:///work/heldout/md13/look2/work/s1303_cr06.html
4/5
12/7/26, 6:41 AM
⾦⼭县⼈⼒资源和社会保障局 2021 年政府信息公开⼯作年度报告
五、存在的主要问题及改进情况
存在的主要问题：⼀是公开内容的全⾯性、及时性还有待加强；⼆是政策解读的形式还不够丰富。 改进措施：⼀是加强对公开⼯作的统筹协调；⼆是丰富政策解读形式，提升解读质量。 六、其他需要报告的事项 本年度依据《政府信息公开信息处理费管理办法》收取信息处理费。 本年度政务公开⼯作要点落实情况：按照2021年政务公开⼯作要点要求，各项任务均已落实。 ⾦⼭县⼈⼒资源和社会保障局 2022-01-26
【打印本⻚】【关闭窗⼝】 主办：⾦⼭县⼈⼒资源和社会保障局 ⽹站标识码：7359823430 备案号：某ICP备63093564号
file:///work/heldout/md13/look2/work/s1303_cr06.html
5/5
"""


def test_labels_wrapped_over_many_lines_of_a_narrower_grid_take_the_numbers_among_their_pieces() -> None:
    """On the third page's narrower grid a label runs over up to seven grid lines (``||1.申请人无|||`` … ``||行政机关
    不|0|0|…|0<br>0|`` … ``||申请|||``): its numbers are on the line among its pieces."""
    text = "# 金山县人力资源和社会保障局2021年政府信息公开工作年度报告\n\n" + _THREE_PAGES + \
        "\n四、政府信息公开行政复议、行政诉讼情况\n"
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="js", path="js.md", suffix=".md"))
    values = record.report.values()
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    expected = {'rejected_excessive': [0, 0, 0, 0, 0, 0, 0], 'rejected_reconfirm': [0, 0, 0, 0, 0, 0, 0], 'other_no_correction': [0, 0, 0, 0, 0, 0, 0], 'other_unpaid_fee': [0, 0, 0, 0, 0, 0, 0]}
    for row, want in expected.items():
        assert [values[f"applications.{row}.{c}"] for c in cols] == want, row
        assert record.provenance[f"applications.{row}.total"].status is Status.PROVEN, row


def test_a_browser_title_written_under_a_rows_numbers_leaves_the_numbers() -> None:
    """The stamp on a line of its own, the page's title rides under the first row's numbers, a piece after a <br> in
    each of a run of fields (``|0<br>⻄湖区卫⽣|0<br>健康委员会202|0<br>1年政府信息公开⼯|0<br>作年度报告|``): the
    numbers stay, the title's pieces go. A label's pieces over <br>s, or two numbers in one field, are no title."""
    row = "||3.危及<br>“三安全<br>⼀稳定”|0|0<br>⻄湖区卫⽣|0<br>健康委员会202|0<br>1年政府信息公开⼯|0<br>作年度报告|0|0|"
    assert header_fields_blanked(row[1:-1].split("|")) == ["", "3.危及<br>“三安全<br>⼀稳定”"] + ["0"] * 7
    for fields in (["（二）部分公开<br>（区分处理的", "0<br>1", "2"], ["1.本机关不掌握相关政府<br>信息公开", "0", "0<br>1"]):
        assert header_fields_blanked(fields) == fields


def test_a_whole_report_whose_page_title_rode_under_a_row_is_read_and_proven() -> None:
    """A whole report (tests/fixtures/layouts): the row under the title (3.危及“三安全一稳定”) was lost, and with it the
    identities' checks of the whole table (every other row unverified); now it is read and proven, nothing wrong."""
    from llm_extract.ingest import load
    from llm_extract.schema import TABLE3_PATHS
    from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

    name = "pymupdf4llm_chromium_title_under_a_rows_numbers"
    record = process_document(load(LAYOUTS_DIR / f"{name}.md"))
    assert proven_wrong(record, name) == []
    row = [p for p in TABLE3_PATHS if ".denied_security_stability." in p]
    got = record.report.values()
    assert [(got[p], record.provenance[p].status) for p in row] == [(layout_value(name, p), Status.PROVEN) for p in row]
    proven = sum(record.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS)
    assert proven >= len(TABLE3_PATHS) - 14          # ((七) and 四's last two columns fused on the last page: derived)
