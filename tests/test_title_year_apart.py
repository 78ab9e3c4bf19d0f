"""A browser's PDF of a report page, read by pdfplumber's extract_text: the title's year stands on a line
of its own after the title, which keeps a gap where it stood. The year goes back into that gap."""

from llm_extract.extract.meta import read_meta
from llm_extract.extract.titleyear import years_put_back

PERIOD = "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"


def _meta(*head: str, year: int) -> tuple[object, object]:
    m = read_meta([*head, PERIOD.format(y=year), "一、总体情况"])
    return m["agency"].value, m["year"].value


def test_year_after_a_title_wrapped_round_it():
    assert _meta("南阳市人民政府 年政府信息公开工作年度报", "2022", "告", year=2022) == ("南阳市人民政府", 2022)


def test_year_after_a_title_whose_name_has_a_line_of_its_own():
    assert _meta("桐柏县应急管理局", "年政府信息公开工作年度报告", "2023", year=2023) == ("桐柏县应急管理局", 2023)


def test_year_between_the_name_and_the_title_words():
    assert _meta("宾县人民政府 年", "2021", "政府信息公开工作年度报告", year=2021) == ("宾县人民政府", 2021)


def test_year_after_a_title_ending_in_its_report():
    assert _meta("新昌县人民政府 年度政府信息公开工作年度报告", "2023", year=2023) == ("新昌县人民政府", 2023)


def test_a_year_put_back_that_the_period_contradicts_is_still_queued():
    agency, year = _meta("新昌县人民政府 年度政府信息公开工作年度报告", "2023", year=2022)
    assert agency == "新昌县人民政府" and year is None


def test_two_places_for_the_year_put_nothing_back():
    lines = ["某县人民政府 年 年度政府信息公开工作年度报告", "2023"]
    assert years_put_back(lines) is lines


def test_a_year_alone_under_other_text_is_left_alone():
    lines = ["发布时间 年 月", "2023", "正文"]
    assert years_put_back(lines) is lines


def test_a_year_after_its_digits_in_the_title_is_left_alone():
    lines = ["某县人民政府2023年政府信息公开工作年度报告", "2023"]
    assert years_put_back(lines) is lines
