"""Two 表三 rows whose numbers were printed under each other's labels are never proven.

A row keeps its own sum wherever it is printed; only the column identities tell rows apart. The balance
一 + 二 = 三(七) + 四 holds with (七) and 四 swapped: where (七)'s column sum, which alone tells them apart, is
broken (or could not be checked), 四's cell of that column is not proven (``T3.TWIN_ROWS``). And a row printing one number fewer than its cells, pinned by the column sums to
values its printed numbers cannot be (the lost row absorbing what a swapped row took from its column), pins
nothing either (``DERIVE.UNPRINTED``), while a row that lost one 0 is pinned as before. A column identity that
holds only with a disputed cell in it (a misprinted (七) total beside two rows swapped: the two errors cancel in
the column sum) proves nothing of its other cells (``T3.DISPUTED_OPERAND``). And a blank left where a row's last
number moved one field left is no proven blank beside a cell printed in OCR letters.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render

_DOC = "002_0126e23b7202ee31"        # 表三: 6 new applications, 4 partly granted, 2 other outcomes


def _lines(golden_dir, doc: str = _DOC) -> list[str]:
    g = read_json(golden_dir / f"{doc}.json")
    return render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "tabrows").split("\n")


def _swap(lines: list[str], a: str, b: str) -> list[str]:
    """The numbers of the rows labelled ``a`` and ``b`` printed under each other's label."""
    i = next(k for k, line in enumerate(lines) if line.split("\t")[0] == a)
    j = next(k for k, line in enumerate(lines) if line.split("\t")[0] == b)
    fi, fj = lines[i].split("\t"), lines[j].split("\t")
    out = list(lines)
    out[i], out[j] = "\t".join(fi[:-7] + fj[-7:]), "\t".join(fj[:-7] + fi[-7:])
    return out


def _drop_one(lines: list[str], label: str, column: int) -> list[str]:
    """The row labelled ``label`` printing its numbers but the one of ``column`` (0 … 6), one field fewer."""
    k = next(k for k, line in enumerate(lines) if line.split("\t")[0] == label)
    fields = lines[k].split("\t")
    del fields[len(fields) - 7 + column]
    return lines[:k] + ["\t".join(fields)] + lines[k + 1:]


def _record(lines: list[str]):
    return process_document(Document.from_text("\n".join(lines), doc_id="swapped"))


def test_rows_seven_and_four_swapped_leave_four_unproven(golden_dir) -> None:
    record = _record(_swap(_lines(golden_dir), "（七）总计", "四、结转下年度继续办理"))
    seven, four = TABLE3_ROW_PATHS["total_processed"], TABLE3_ROW_PATHS["carried_forward"]
    assert record.report.get(four[0]) == 6 and record.report.get(four[-1]) == 6      # as printed: （七）'s numbers
    broke = (0, 6)                          # 自然人 and 总计: the columns holding numbers other than 0
    assert all(record.provenance[seven[c]].status is Status.DISPUTED for c in broke)
    assert all(record.provenance[four[c]].status is Status.UNVERIFIED for c in broke)
    assert all(record.provenance[four[c]].rules == ["T3.TWIN_ROWS"] for c in broke)
    assert all(record.provenance[four[c]].status is Status.PROVEN for c in range(1, 6))   # 0 in sound columns


def test_a_lost_row_pinned_to_what_a_swapped_row_took_pins_nothing(golden_dir) -> None:
    lines = _drop_one(_swap(_lines(golden_dir), "二、上年结转政府信息公开申请数量", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                      "3.危及“三安全一稳定”", 2)
    record = _record(lines)
    lost = TABLE3_ROW_PATHS["denied_security_stability"]
    assert record.report.get(lost[0]) == 4                                   # pinned where 0 was printed
    assert any(f.code == "DERIVE.UNPRINTED" and f.paths == [lost[0]] for f in record.findings)
    swapped = [TABLE3_ROW_PATHS[r][c] for r in ("carried_over", "partially_granted") for c in (0, 6)]
    assert [record.report.get(p) for p in swapped] == [4, 4, 0, 0]           # as printed: each other's
    assert all(record.provenance[p].status is not Status.PROVEN for p in swapped)


def test_a_row_that_lost_one_zero_is_pinned_as_before(golden_dir) -> None:
    record = _record(_drop_one(_lines(golden_dir), "3.危及“三安全一稳定”", 2))
    lost = TABLE3_ROW_PATHS["denied_security_stability"]
    assert [record.report.get(p) for p in lost] == [0] * 7
    assert all(record.provenance[p].status is Status.DERIVED for p in lost)
    assert not any(f.code == "DERIVE.UNPRINTED" for f in record.findings)
    assert sum(1 for p, prov in record.provenance.items() if prov.status is Status.PROVEN) > 150


def _set(lines: list[str], label: str, column: int, raw: str) -> list[str]:
    """The row labelled ``label`` printing ``raw`` for its cell of ``column`` (0 … 6)."""
    k = next(k for k, line in enumerate(lines) if line.split("\t")[0] == label)
    fields = lines[k].split("\t")
    fields[len(fields) - 7 + column] = raw
    return lines[:k] + ["\t".join(fields)] + lines[k + 1:]


def test_a_misprinted_total_and_two_swapped_rows_cancelling_in_a_column_sum_prove_nothing(golden_dir) -> None:
    lines = _swap(_lines(golden_dir), "二、上年结转政府信息公开申请数量", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    lines = _set(lines, "（七）总计", 6, "2")     # 6 printed 2: the outcome totals, 4 gone with the swap, add to 2 too
    record = _record(lines)
    partly = TABLE3_ROW_PATHS["partially_granted"][6]
    assert record.report.get(partly) == 0                               # as printed: 二's
    assert record.provenance[TABLE3_ROW_PATHS["total_processed"][6]].status is Status.DISPUTED
    assert record.provenance[partly].status is Status.UNVERIFIED
    assert record.provenance[partly].rules == ["T3.DISPUTED_OPERAND"]


def test_a_blank_under_a_cell_in_ocr_letters_is_not_proven(golden_dir) -> None:
    """四 printed its numbers one field left (a cell dropped), its total field left empty; (七)'s total above it
    printed in OCR letters (``O``): the blank has numbers all around all the same."""
    g = read_json(golden_dir / "004_70fa07ff4f3c9aaf.json")     # 表三 all 0, as a converter's Markdown grid
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "markdown")
    text = text.replace("| （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | O |")
    text = text.replace("| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 |  |")
    assert "| O |" in text and "| 0 |  |" in text
    record = _record(text.split("\n"))
    blank = TABLE3_ROW_PATHS["carried_forward"][6]
    assert record.report.get(blank) is None
    assert record.provenance[blank].status is Status.UNVERIFIED
    assert record.provenance[blank].rules == ["READ.ISOLATED_BLANK"]
