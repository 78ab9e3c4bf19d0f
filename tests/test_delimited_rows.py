"""Tables pasted into a text with delimiters instead of a layout: CSV lines, and a table a crawler flattened onto
one line with ``|`` between its cells. Both are read as tables; prose and markdown stay as they are."""

from __future__ import annotations

import csv
import io

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.csv_rows import unfold_csv_rows
from llm_extract.ingest.pipe_runs import spaced_pipe_runs
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

T3_HEAD = "三、收到和处理政府信息公开申请情况"
T4_HEAD = "四、政府信息公开行政复议、行政诉讼情况"


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _tables(report: Report) -> tuple[list[str], list[list[str]], list[str]]:
    """The report's tab-row text: the lines before 表二's first row, every table row's fields, the lines after."""
    lines = render(report, "tabrows").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("第二十条"))
    last = next(i for i, line in enumerate(lines) if line.startswith("五、存在的主要问题"))
    return lines[:first], [line.split("\t") for line in lines[first:last]], lines[last:]


def _spreadsheet_rows(rows: list[list[str]]) -> list[list[str]]:
    """As a spreadsheet holds the form: 表三's labels in three columns (a merged cell's empty fields kept), a
    label with ASCII commas and quotes, 表二's large number with thousands separators."""
    out = []
    for fields in rows:
        if len(fields) == 8:                                   # a row of 表三: one label, seven cells
            fields = [fields[0], "", ""] + fields[1:]
        elif len(fields) == 9:                                 # a group's label, the row's label, seven cells
            fields = [fields[0], fields[1], ""] + fields[2:]
        fields = [f.replace("，", ",").replace("“", '"').replace("”", '"') for f in fields]
        if len(fields) == 2 and fields[1].isdigit() and int(fields[1]) >= 1000:
            fields[1] = f"{int(fields[1]):,}"
        out.append(fields)
    return out


@pytest.mark.parametrize(("quoting", "delimiter"), [(csv.QUOTE_MINIMAL, ","), (csv.QUOTE_ALL, ","),
                                                   (csv.QUOTE_ALL, "\t")])
def test_a_report_whose_tables_were_pasted_as_csv_lines_reads_every_cell(golden_dir, quoting: int,
                                                                        delimiter: str) -> None:
    """CSV lines, or a spreadsheet's tab-separated export with every field quoted (``"规章"<tab>"0"``)."""
    report = _report(golden_dir)
    before, rows, after = _tables(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting, lineterminator="\n", delimiter=delimiter)
    for fields in _spreadsheet_rows(rows):
        if fields == [""]:
            buffer.write("\n")                                # a blank line between the tables
        else:
            writer.writerow(fields)
    text = "\n".join(before) + "\n" + buffer.getvalue() + "\n".join(after)
    assert '"15,498"' in text and (3 * delimiter) in text.replace('""', "")
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    for path, value in report.values().items():
        if path.startswith(("active_disclosure.", "applications.", "review_litigation.")):
            assert record.report.get(path) == value, path
            assert record.provenance[path].status is Status.PROVEN, path


def test_csv_rows_become_tab_rows_their_quoting_undone() -> None:
    text = "\n".join(["表格", '"第二十条第(五)项"', '"信息内容","本年处理决定数量"', '"行政许可","361,038"',
                      '（二）部分公开,"区分处理的,只计这一情形",0,,5'])
    assert unfold_csv_rows(text).split("\n") == ["表格", "第二十条第(五)项", "信息内容\t本年处理决定数量",
                                                 "行政许可\t361,038", "（二）部分公开\t区分处理的,只计这一情形\t0\t\t5"]


@pytest.mark.parametrize("text", [
    "2025年,本机关共收到申请20件,均已按时答复。\n二是加强培训,提升水平。",    # prose with ASCII commas
    "行政许可 1,234\n行政处罚 12,345,678",                                    # thousands separators
    "| 一、本年新收政府信息公开申请数量 | 1,2 | 3 |",                            # a markdown row
    "发布时间：2023-03-11, 来源：本局",                                        # one line of two fields
])
def test_lines_that_are_no_csv_rows_stay_as_they_are(text: str) -> None:
    assert unfold_csv_rows(text) == text


@pytest.mark.parametrize("t4_counts", [False, True])
@pytest.mark.parametrize("row_end", ["", "  "])
def test_a_report_whose_tables_a_crawler_flattened_with_pipes_reads_every_cell(golden_dir, row_end: str,
                                                                               t4_counts: bool) -> None:
    """Each table on one line, its cells parted by ``|``, its rows glued (``…|8二、上年结转…``) or parted by spaces.
    Glued, 表四's first number runs into its header (``复议后起诉0``): its cells are then derived, never proven (a cut
    its three group sums choose), unless they are fifteen zeros (fifteen cells of 0 whatever the cuts: read as
    printed)."""
    report = _report(golden_dir)
    if t4_counts:                                              # (its 表四 is fifteen zeros)
        report.set("review_litigation.administrative_review.upheld", 2)
        report.set("review_litigation.administrative_review.total", 2)
    before, rows, after = _tables(report)
    sections: list[list[str]] = [[]]
    for fields in filter(any, rows):
        if fields[0] in (T3_HEAD, T4_HEAD):
            sections.append([])
        sections[-1].append("|".join(fields))
    text = "\n".join(before + [row_end.join(s) for s in sections] + after)
    assert len(sections) == 3                                  # 表二, 表三, 表四: a line each
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    for path, value in report.values().items():
        if path.startswith(("active_disclosure.", "applications.", "review_litigation.")):
            assert record.report.get(path) == value, path
            glued_t4 = row_end == "" and path.startswith("review_litigation.") and any(
                v for p, v in report.values().items() if p.startswith("review_litigation."))
            assert record.provenance[path].status is (Status.DERIVED if glued_t4 else Status.PROVEN), path


def test_markdown_rows_and_short_pipe_lines_keep_their_pipes() -> None:
    markdown = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| 0 | 0 | 0 | 0 | 0 |"
    assert spaced_pipe_runs(markdown) == markdown
    wide = "|" + "|".join(["0"] * 15) + "|"                    # 表四's fifteen cells
    assert spaced_pipe_runs(wide) == wide
    assert spaced_pipe_runs("规章|0|0|0|行政规范性文件|4|5|95") == "规章|0|0|0|行政规范性文件|4|5|95"
    glued = "信息内容|本年制发件数|本年废止件数|现行有效件数规章|0|0|0行政规范性文件|4|5|95第二十条|x"
    assert "|" not in spaced_pipe_runs(glued)


def test_a_flattened_table_with_padded_pipes_and_empty_cells_is_read_inline(golden_dir) -> None:
    """``…之和） |  |  | 申请人情况 |  |  | … | 一、本年新收政府信息公开申请数量 |  |  | 3 | 0 | …``: a crawler's cells
    parted by `` | ``, a merged cell's empty fields kept, rows glued. The spaces of its empty cells part no rows:
    the line is read inline, and no row is read as empty."""
    report = _report(golden_dir)
    before, rows, after = _tables(report)
    sections: list[list[str]] = [[]]
    for fields in filter(any, _spreadsheet_rows(rows)):
        if fields[0] in (T3_HEAD, T4_HEAD):
            sections.append([])
        sections[-1].append(" | ".join(fields))
    text = "\n".join(before + ["".join(s) for s in sections] + after)
    assert "|  |  |" in text
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    for path, value in report.values().items():
        if path.startswith("applications."):
            assert record.report.get(path) == value, path
            assert record.provenance[path].status in (Status.PROVEN, Status.DERIVED), path


def test_a_crawler_page_of_padded_pipes_proves_no_row_empty() -> None:
    """A generated crawler dump (three long lines, cells parted by `` | ``, merged cells' empty fields kept): read
    inline, every row of 表三 holds its numbers; none is read as seven empty cells and proven."""
    import json
    from pathlib import Path
    from llm_extract.ingest import load
    dump = Path(__file__).parent / "fixtures" / "layouts" / "crawler_padded_pipes.txt"
    truth = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))["applications"]
    record = process_document(load(dump))
    for row, cells in truth.items():
        for column, want in cells.items():
            path = f"applications.{row}.{column}"
            assert record.report.get(path) == want, path
