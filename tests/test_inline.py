"""Crawler text dumps: the whole article on one line, headings, labels and digit runs inline."""

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.extract.inline import is_inline, unfold
from llm_extract.extract.meta import agency_name, read_meta
from llm_extract.ingest import load
from llm_extract.pipeline import process_document

DUMP = Path(__file__).parent / "fixtures" / "layouts" / "crawler_inline.txt"


def test_a_table_on_one_line_is_unfolded_into_a_line_per_heading_and_row():
    lines, origin = unfold(DUMP.read_text(encoding="utf-8").splitlines())
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "一、本年新收政府信息公开申请数量60000006" in lines
    # a digit run that swallowed the next item's number is cut before it
    assert "1.属于国家秘密0000000" in [line.removeprefix("（三）不予公开") for line in lines]
    assert "2.其他法律行政法规禁止公开0000000" in lines
    assert "行政许可3150" in lines and "规章000" in lines
    assert any(line.endswith("100010000000011") for line in lines)
    # every unfolded line remembers the source line it came from
    assert len(origin) == len(lines) and set(origin[lines.index("行政许可3150"):]) == {3}


def test_narrative_lines_and_short_lines_are_left_alone():
    narrative = "2021年，本机关共收到政府信息公开申请6件，予以公开2件，部分公开1件。" * 3
    assert not is_inline(narrative)
    assert unfold(["一、总体情况", narrative]) == (["一、总体情况", narrative], [1, 2])


def test_a_crawler_dump_is_read_not_refused_and_its_digit_runs_are_cut_by_the_identities():
    record = process_document(load(DUMP))
    apps = record.report.applications
    assert apps.new_received.natural_person == 6 and apps.new_received.total == 6
    assert apps.partially_granted.total == 4 and apps.unavailable_not_held.natural_person == 2
    assert record.report.review_litigation.litigation_after_review.pending == 1
    assert record.report.active_disclosure.licensing == 3150
    prov = record.provenance["applications.new_received.total"]
    assert prov.status is Status.DERIVED and prov.lines == [3]     # a cut is never proven by itself


def test_a_digit_run_with_several_surviving_cuts_stays_missing_with_its_candidates():
    record = process_document(load(DUMP))
    # 行政规范性文件5251: 5/2/51, 52/5/1, 5/25/1 … nothing decides between them
    prov = record.provenance["active_disclosure.normative_documents.issued"]
    assert prov.status is Status.MISSING and "DERIVE.AMBIGUOUS" in prov.rules
    assert record.report.active_disclosure.normative_documents.issued is None


def test_the_agency_is_the_issuing_bodys_name_only():
    assert agency_name("标题:向阳区") == "向阳区"
    assert agency_name("1-洪泽区人民政府") == "洪泽区人民政府"
    assert agency_name("- 2 -方正县会发镇") == "方正县会发镇"
    assert read_meta(["题名：哈尔滨市阿城区交界街道办事处2021年政府信息公开工作年度报告"])["agency"].value \
        == "哈尔滨市阿城区交界街道办事处"
    assert process_document(load(DUMP)).report.agency == "向阳区"
