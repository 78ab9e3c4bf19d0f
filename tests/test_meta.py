"""Agency and year come from the report's own title, wherever the title stands in the first lines."""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind
from llm_extract.extract.meta import read_meta


def _meta(text: str) -> tuple[object, object]:
    meta = read_meta(text.split("\n"))
    return meta["agency"].value, meta["year"].value


@pytest.mark.parametrize("title, agency, year", [
    ("向阳区2021年度政府信息公开工作报告", "向阳区", 2021),
    ("红旗区人民政府 2021 年政府信息公开工作年度报告", "红旗区人民政府", 2021),
    ("淮安市金川县生态环境局二〇二二年度政府信息公开工作年度报告", "淮安市金川县生态环境局", 2022),
    ("# 2021年淮安市洪泽区政府信息公开工作年度报告", "淮安市洪泽区", 2021),
    ("标题:2023年淮安市新华街道办事处生态环境局政府信息公开工作年度报告", "淮安市新华街道办事处生态环境局", 2023),
    ("关于印发《西湖区市场监督管理局2023年政府信息公开工作年度报告》的通知", "西湖区市场监督管理局", 2023),
    ("# 《新乡市南岗区2024年政府信息公开工作年度报告》本报告根据《条例》规定编制。", "新乡市南岗区", 2024),
    ("某局关于2021年度政府信息公开工作年度报告", "某局", 2021),
    ("淮安市民政局关于公布2023年政府信息公开工作年度报告的公告", "淮安市民政局", 2023),    # (its own notice)
    ("淮安市人民政府办公室关于印发淮安市2023年政府信息公开工作年度报告的通知", "淮安市", 2023),
    ("**红星乡人民政府关于2023年度政府信息公开工作的报告**", "红星乡人民政府", 2023),
    ("鹤岗市向阳区市场监督管理局2022年度政府信息公开工作情况的报告", "鹤岗市向阳区市场监督管理局", 2022),
    ("绵阳市教育局关于2024年政府信息公开工作的年度报告", "绵阳市教育局", 2024),
    ("# 桂林市灵川县青山镇人民政府关于2024年政府信息公开工作的年度报告", "桂林市灵川县青山镇人民政府", 2024),
    ("淮安市民政局2023年政府信息公开年报", "淮安市民政局", 2023),
    ("淮安市民政局政府信息公开工作2023年度报告", "淮安市民政局", 2023),
    ("关于淮安市民政局2023年度政府信息公开工作年度报告的公告", "淮安市民政局", 2023),
    ("2022年发布 北山区人民政府2021年度政府信息公开工作年度报告", "北山区人民政府", 2021),     # a date's rest
    ("2022年3月日照市人民政府2021年度政府信息公开工作年度报告", "日照市人民政府", 2021),       # (日照: its own 日)
])
def test_a_title_on_one_line_gives_the_agency_and_the_year(title: str, agency: str, year: int) -> None:
    assert _meta(title) == (agency, year)


@pytest.mark.parametrize("head", ["# 绵阳市人民政府2024年\n\n# 政府信息公开工作年度报告",
                                  "# 黑龙江省生态环境厅2021年\n\n**政府信息公开工作年度报告**",
                                  "**沾益区人民政府2024年**\n\n# 政府信息公开工作年度报告",
                                  "__绵阳市人民政府2024年__\n\n__政府信息公开工作年度报告__"])   # mammoth's bold
def test_a_title_a_converter_marked_up_over_two_lines(head: str) -> None:
    assert _meta(head + "\n\n根据《中华人民共和国政府信息公开条例》规定，现公布本报告。")[1] in (2021, 2024)
    assert _meta(head)[0] in ("绵阳市人民政府", "黑龙江省生态环境厅", "沾益区人民政府")


def test_a_crawled_page_puts_site_chrome_before_the_title_on_the_same_line() -> None:
    line = ("来源:鹤岗市铁东区发展和改革局 发布时间:2022-03-12 浏览次数:4659 2021年鹤岗市铁东区发展和改革局"
            "政府信息公开工作年度报告 本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。")
    assert _meta("首页 | 政务公开 | 政务服务\n当前位置:首页 > 政务公开 > 政府信息公开年报\n" + line) == (
        "鹤岗市铁东区发展和改革局", 2021)       # the year of the title, not of the publication date


def test_a_whole_page_on_one_line_takes_its_title_after_the_breadcrumb() -> None:
    """BeautifulSoup's ``get_text(" ")`` of a whole page: menu, breadcrumb (ending in 政府信息公开年报), the page's
    metadata table and the article on one line. The breadcrumb is no title, the title after it is; printed twice,
    once after a metadata value run into the name (主题分类： 政务公开), once after the chrome's bracket, the name
    both end with is the agency."""
    line = ("首页 政务公开 政务服务 互动交流 当前位置： 首页 > 政府信息公开 > 政府信息公开年报 索引号： "
            "11320800MB1034/2024-00089 发布机构： 青山县教育局 发文日期： 2024-01-31 主题分类： 政务公开 "
            "青山县教育局2023年政府信息公开工作年度报告 发布时间：2024-01-20 来源：青山县教育局 浏览次数： 3515 "
            "【字体： 大 中 小 】 青山县教育局2023年政府信息公开工作年度报告 本报告根据《中华人民共和国政府信息公开条例》"
            "编制。一、总体情况 2023年，青山县教育局坚持…")
    assert _meta(line) == ("青山县教育局", 2023)


@pytest.mark.parametrize("path", ["您当前的位置：首页>>信息公开>>政府信息公开年度报告",
                                  "当前位置：首页 › 政务公开 › 政府信息公开工作年度报告",
                                  "首页 » 信息公开 » 政府信息公开年报 » 政府信息公开工作报告"])
def test_a_breadcrumb_ending_in_the_reports_name_is_no_title(path: str) -> None:
    """A page's path names a section (信息公开), not the issuing body: the title below it does."""
    assert _meta(path + "\n标题:洛阳市生态环境局 2021 年政府信息公开工作年度报告") == ("洛阳市生态环境局", 2021)


def test_ocr_noise_after_the_agency_on_its_own_line_above_the_title_is_dropped() -> None:
    assert _meta("    黑龙江省交通运输厅 ~\n    2024年政府信息公开工作年度报告") == ("黑龙江省交通运输厅", 2024)


def test_a_title_over_two_lines_and_the_agency_on_a_labelled_line_above() -> None:
    assert _meta("新乡市牧野区人民政府\n\n2021年政府信息公开工作年度报告") == ("新乡市牧野区人民政府", 2021)
    assert _meta("哈尔滨市阿城区交界街道办事处2021年\n\n政府信息公开工作年度报告") == ("哈尔滨市阿城区交界街道办事处", 2021)
    assert _meta("导航\n标题: 四平市方正县人民政府办公室\n2021年度政府信息公开工作年度报告") == (
        "四平市方正县人民政府办公室", 2021)


def test_a_line_of_site_chrome_above_a_title_without_agency_is_not_the_agency() -> None:
    assert _meta("无障碍浏览 长者模式\n导航\n2021年度政府信息公开工作年度报告") == (None, 2021)


def test_the_form_cited_in_the_preamble_is_not_the_title() -> None:
    text = ("交界街道2021年\n政府信息公开工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"
            "和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制")
    assert _meta(text) == ("交界街道", 2021)
    assert _meta(text.split("\n", 2)[2])[0] is None      # without its title, the report has no agency


@pytest.mark.parametrize("sentence", [
    "依据《中华人民共和国政府信息公开条例》第五十条规定，特向社会公布2023年度政府信息公开工作年度报告。",
    "根据《条例》要求，现将2023年度政府信息公开工作报告公布如下。",
])
def test_a_sentence_that_names_the_report_is_not_its_title(sentence: str) -> None:
    assert _meta(sentence)[0] is None
    assert _meta("三台县人民政府关于2023年度政府信息公开工作的报告\n" + sentence) == ("三台县人民政府", 2023)


def test_a_title_without_a_year_takes_the_year_of_the_statistics_period() -> None:
    meta = read_meta(["淮安市三河镇发展和改革局政府信息公开工作年度报告", "发布时间：2022-01-05",
                      "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"])
    assert (meta["agency"].value, meta["year"].value) == ("淮安市三河镇发展和改革局", 2021)
    assert (meta["year"].method, meta["year"].lines) == ("statistics period", [3])


def test_a_related_link_naming_another_year_s_report_above_the_article_s_title_is_not_its_title() -> None:
    """A site's sidebar (相关链接) lists last year's report before the article: a title naming a year only gives
    way to the article's, which names the agency and the year."""
    lines = ["相关链接", "2020年政府信息公开工作年度报告", "政府信息公开指南", "索引号：", "20377608-2022-329869",
             "鹤岗市牧野区人民政府2021年政府信息公开工作年度报告", "发布时间：2022-03-28",
             "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"]
    assert _meta("\n".join(lines)) == ("鹤岗市牧野区人民政府", 2021)


def test_a_title_year_the_statistics_period_contradicts_is_left_to_a_person() -> None:
    meta = read_meta(["2020年政府信息公开工作年度报告", "发布时间：2022-03-28",
                      "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"])
    assert meta["year"].kind is CellKind.MISSING and meta["year"].value is None
    assert "2020" in (meta["year"].note or "") and "2021" in (meta["year"].note or "") and meta["year"].lines == [1, 3]


def test_no_title_and_no_period_leave_both_missing() -> None:
    meta = read_meta(["发布时间：2022-01-05", "一、总体情况", "2021年，本机关认真贯彻落实《条例》。"])
    assert meta["agency"].kind is CellKind.MISSING and meta["year"].kind is CellKind.MISSING


def test_the_opening_sentence_citing_the_regulation_is_no_title() -> None:
    """An article whose title a crawler or reader mode dropped opens with the usual sentence: 本报告根据《条例》和国务院
    办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告的有关要求…编制. The words after the cited 《…》 are no
    title: its agency is not 和国务院办公厅政府信息与政务公开办公室 (missing, for a person), its year the period's."""
    meta = read_meta(["本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室"
                      "关于政府信息公开工作年度报告的有关要求，由滨州市交通运输局编制。本报告中所列数据的统计期限自2024年1月1日起"
                      "至2024年12月31日止。", "一、总体情况"])
    assert meta["agency"].kind is CellKind.MISSING and meta["agency"].value is None
    assert meta["year"].value == 2024


def test_the_first_title_naming_the_agency_settles_it_and_a_title_of_another_body_after_it_changes_nothing() -> None:
    lines = ["向阳区2021年政府信息公开工作年度报告", "一、总体情况", "（附：红旗区2020年政府信息公开工作年度报告）"]
    meta = read_meta(lines)
    assert (meta["agency"].value, meta["year"].value, meta["year"].kind) == ("向阳区", 2021, CellKind.NUMBER)
    # a title naming neither: the one after it counts
    assert _meta("政府信息公开工作年度报告\n一、总体情况\n向阳区2021年政府信息公开工作年度报告") == ("向阳区", 2021)


@pytest.mark.parametrize("title", ["向阳区会发镇政府信息公开工作年度报告（2023年度）", "向阳区会发镇政府信息公开工作年度报告(2023年)",
                                   "向阳区会发镇政府信息公开工作年度报告（ 2023 年度 ）"])
def test_the_year_in_brackets_after_the_title_is_the_reports_year(title: str) -> None:
    assert _meta(title) == ("向阳区会发镇", 2023)


def test_a_compilations_title_is_not_the_title_of_the_first_report_it_gathers() -> None:
    # a county's departments' reports in one PDF: the compilation's title, then the first report's own
    text = ("丰城县2022年度县直部门政府信息公开工作年度报告汇编\n嘉禾县教育局2022年政府信息公开工作年度报告\n"
            "一、总体情况")
    assert _meta(text) == ("嘉禾县教育局", 2022)
    assert _meta("红旗县2021年政府信息公开工作年度报告合集\n红旗县财政局2021年度政府信息公开工作年度报告") == (
        "红旗县财政局", 2021)


def test_an_agency_that_does_not_end_as_a_bodys_name_is_read_but_not_proven(golden_dir) -> None:
    """A name that ends otherwise (新华, 现将) was cut from a sentence or a broken title: it is kept for a
    person to confirm (READ.AGENCY_NAME), never proven; a body's name from the same title is."""
    from llm_extract.evidence import Status
    from llm_extract.ingest import Document
    from llm_extract.pipeline import process_document
    from verify.trust import AGENCY_NAME_RULE

    body = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    odd = process_document(Document.from_text("新华2023年政府信息公开工作年度报告\n" + body, doc_id="odd"))
    assert odd.report.agency == "新华"
    assert odd.provenance["agency"].status is Status.UNVERIFIED and AGENCY_NAME_RULE in odd.provenance["agency"].rules
    named = process_document(Document.from_text("新华街道2023年政府信息公开工作年度报告\n" + body, doc_id="named"))
    assert named.report.agency == "新华街道" and named.provenance["agency"].status is Status.PROVEN


def test_a_sites_menu_as_a_converter_writes_it_does_not_push_the_title_out_of_the_head() -> None:
    """markitdown writes a government site's chrome as Markdown: a menu of links, a logo, the metadata table
    with its rule line; the title stands after all of it, and is still the page's title."""
    menu = [f"* [栏目{i}](/col/col{i}/index.html)" for i in range(12)]
    text = "\n\n".join(["设为首页 | 加入收藏 | 无障碍浏览", "![高桥市人民政府](/images/logo.png)", "搜索", *menu,
                        "当前位置：首页 >> 信息公开 >> 政府信息公开年报", "|  |  |", "| --- | --- |",
                        "| 索引号： | 39569180/2022-29224 |",
                        "# 高桥市应急管理局2021年政府信息公开工作年度报告", "时间：2022-01-17  来源：高桥市政府办公室"])
    assert _meta(text) == ("高桥市应急管理局", 2021)


def test_two_items_of_a_site_s_menu_are_no_title_wrapped_over_two_lines() -> None:
    """``- 走进洛阳市司`` / ``- 信息公开年报`` (a menu in plain text) run together would read as the title
    ``走进洛阳市司信息公开年报``: its agency a menu's label."""
    head = "- 首页\n- 走进洛阳市司\n- 信息公开年报\n\n信息公开目录\n\n洛阳市司法局2022年政府信息公开工作年度报告\n"
    assert _meta(head) == ("洛阳市司法局", 2022)


@pytest.mark.parametrize("head", ["2024 年濂溪区人民政府\n政府信息公开工作年度报告",
                                  "2022年鹤壁市司法局\n政府信息公开工作年度报告\n（2023 年 3 月）"])
def test_a_title_broken_before_its_words_with_the_year_and_agency_on_the_line_above(head: str) -> None:
    # a Word title of two lines: 2024 年濂溪区人民政府 / 政府信息公开工作年度报告
    meta = read_meta([*head.split("\n"), "本报告根据《中华人民共和国政府信息公开条例》编制。"])
    agency, year = head.split("\n")[0].replace(" ", "").split("年", 1)[1], int(head[:4])
    assert meta["agency"].value == agency and meta["year"].value == year


def test_a_sentence_with_a_year_above_a_title_is_no_agency() -> None:
    meta = read_meta(["2024年，本机关认真贯彻落实条例。", "政府信息公开工作年度报告"])
    assert meta["agency"].kind is CellKind.MISSING


def test_a_title_below_twenty_lines_of_a_pages_chrome_is_found() -> None:
    """pandoc's plain text of a government page: its menu, a breadcrumb that names the report, and the
    metadata table (索引号 / 发布机构 / 公开方式 …, one cell to a line) come before the title."""
    chrome = ["今天是： 无障碍浏览 长者模式 English", "[遵义市人民政府门户网站]", "搜索",
              *(f"-   {m}" for m in ("首页", "政务公开", "政务服务", "互动交流", "走进遵义", "专题专栏")),
              "当前位置：首页 > 政务公开 > 法定主动公开内容 > 政府信息公开工作年度报告",
              *(f"\t{c}" for c in ("索引号：", "74986958-C17/2024-03079", "发布机构：", "播州区石门镇", "公开方式：",
                                   "主动公开", "成文日期：", "2024-01-27")),
              "时间：2024-01-27 09:56 来源：遵义市人民政府门户网站 浏览次数： 字号：[大", "中 小]"]
    assert len(chrome) == 20
    assert _meta("\n\n".join([*chrome, "播州区石门镇 2023 年政府信息公开工作年度报告", "一、总体情况"])) == (
        "播州区石门镇", 2023)
