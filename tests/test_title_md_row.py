"""A report's title that a PDF-to-Markdown converter (markitdown of a LibreOffice PDF) wrote as a table row: the
title's words spaced over the page's width became fields, its last words run on the next line."""
from __future__ import annotations

from llm_extract.evidence import CellKind
from llm_extract.extract.meta import read_meta

MARKITDOWN_HEAD = """| 双桥区卫生健康委员会 |     |     | 2023 年政府信息公开工作 |     |     |
| ---------- | --- | --- | -------------- | --- | --- |
年度报告
本报告根据《中华人民共和国政府信息公开条例》和国务
院办公厅政府信息与政务公开办公室印发的《中华人民共和国
政府信息公开工作年度报告格式》要求编制。报告中所列数据
| 的统计期限自 | 2023 | 年 1 月 1 日起至 | 2023 | 年 12 月 | 31 日止。 |
| ------ | ---- | ----------- | ---- | ------ | ------ |
"""


def test_a_title_written_as_a_markdown_row_gives_the_agency_and_the_year() -> None:
    meta = read_meta(MARKITDOWN_HEAD.splitlines())
    assert meta["agency"].value == "双桥区卫生健康委员会"
    assert meta["year"].value == 2023


def test_a_crawlers_metadata_row_still_names_the_title_after_its_label() -> None:
    meta = read_meta(["| 标题 | 青山县教育局2023年政府信息公开工作年度报告 |", "| --- | --- |", "本报告根据…"])
    assert meta["agency"].value == "青山县教育局"
    assert meta["year"].value == 2023


def test_a_row_naming_no_title_leaves_the_agency_missing() -> None:
    meta = read_meta(["| 首页 | 政务公开 | 政务服务 |", "| --- | --- | --- |", "正文"])
    assert meta["agency"].kind == CellKind.MISSING
