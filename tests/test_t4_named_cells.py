"""表四 printed down the page (llm_extract/extract/t4named.py): fifteen rows, each naming its column after its
group's name, an empty cell where nothing was printed. Each cell is placed by its names and proven; blanks stay
blank; where the text lost an empty cell's trace (a name followed by the next name), nothing is read this way."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_GROUPS = [("行政复议", "administrative_review"), ("行政诉讼（未经复议直接起诉）", "litigation_direct"),
           ("行政诉讼（复议后起诉）", "litigation_after_review")]
_COLUMNS = [("结果维持", "upheld"), ("结果纠正", "corrected"), ("其他结果", "other"), ("尚未审结", "pending"),
            ("总计", "total")]
_VALUES = {"administrative_review": [2, None, 0, 1, 3], "litigation_direct": [None, None, 0, 0, None],
           "litigation_after_review": [None, 0, 1, 0, 1]}


def _page(values: dict[str, list[int | None]]) -> str:
    rows = ["<tr><td colspan='2'>类别</td><td>数量</td></tr>"]
    for name, group in _GROUPS:
        for k, (column, _) in enumerate(_COLUMNS):
            head = f"<td rowspan='5'>{name}</td>" if k == 0 else ""
            v = values[group][k]
            rows.append(f"<tr>{head}<td>{column}</td><td>{'' if v is None else v}</td></tr>")
    return ("<html><body><h1>某县住房和城乡建设局2022年政府信息公开工作年度报告</h1>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p><table border='1'>" + "".join(rows) + "</table>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")


def test_fifteen_named_rows_are_read_by_their_names() -> None:
    record = process_document(Document.from_text(_page(_VALUES), doc_id="t4", source_kind="html"))
    values = record.report.values()
    for group, cells in _VALUES.items():
        for (_, column), value in zip(_COLUMNS, cells):
            path = f"review_litigation.{group}.{column}"
            assert (values[path], record.provenance[path].status) == (value, Status.PROVEN), path


def test_names_without_their_empty_cells_are_not_read_by_name() -> None:
    lines = ["二、主动公开政府信息情况", "规章  0  0  0", "四、政府信息公开行政复议、行政诉讼情况"]
    for name, group in _GROUPS:                 # PDF text: an empty cell leaves nothing after its name
        for k, (column, _) in enumerate(_COLUMNS):
            v = _VALUES[group][k]
            lines.append(f"{name if k == 0 else ''}  {column}  {'' if v is None else v}".strip())
    lines += ["五、存在的主要问题及改进情况", "无。"]
    record = process_document(Document.from_text("某县住房和城乡建设局2022年政府信息公开工作年度报告\n"
                                                  + "\n".join(lines), doc_id="t4"))
    values = record.report.values()
    for group, cells in _VALUES.items():
        for (_, column), value in zip(_COLUMNS, cells):
            path = f"review_litigation.{group}.{column}"
            assert values[path] == value or record.provenance[path].status is not Status.PROVEN, path
