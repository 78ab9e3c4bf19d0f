"""A crawler's dump of a report whose empty cells mean none: each 表三 row one line of its printed numbers, the blank
cells lost (``二、上年结转政府信息公开申请数量 0 0``). The deterministic reader reads no row of it; a model reads them all.

A row printing only zeros says which cells are 0 or blank only as a whole: which ones are the blanks the text does
not say. But wherever they stand, every cell of the row counts 0 in the identities. Its model zeros are operands
(``DERIVE.ZERO_OR_BLANK``, unverified: 0 and blank differ), and the printed cells of the identities they are in are
checked and proven, where before the two rows 二、 and 四、 of zeros (free together under 一、+二、 = (七)+四、: a 1
in both keeps every identity) left every column of 表三 unconfirmed and the whole table disputed. A model putting a number in such a row is never settled.
"""

from __future__ import annotations

from llm_extract.form import FORM
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from tests.fakeopenai import answer_for, by_doc, report_rows, sample_values
from tests.test_model_pipeline import settings

COLS = FORM.table3_column_keys
VALUES = sample_values() | {"applications.new_received.natural_person": 12, "applications.new_received.total": 16}
VALUES |= {f"applications.{row}.{c}": 0 for row in ("carried_over", "carried_forward") for c in COLS}
# the cells a report leaves empty: most zeros of 表三, blank (null) in the golden
BLANK = {p for p, v in VALUES.items() if p.startswith("applications.") and v == 0
         and not p.endswith(".total") and not p.endswith(".natural_person")}
VALUES |= dict.fromkeys(BLANK)


def crawled() -> str:
    """The dump: each 表三 row its label and its printed numbers, spaced, the blank cells gone."""
    lines = ["门户网站 无障碍浏览 | 长者模式 | 登录", "当前位置：首页 > 政务公开 > 政府信息公开年报"]
    for label, cells in report_rows(VALUES):
        lines.append(label if cells is None else " ".join([label] + [c for c in cells if c != "/"]))
    return "\n".join(lines) + "\n【打印本页】【关闭窗口】\n"


def run(server, tmp_path, answer) -> dict:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.txt").write_text(crawled(), encoding="utf-8")
    server.responder = by_doc({"dump": answer})
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    return read_json(tmp_path / "out" / "records" / "dump.json")


def test_the_dump_prints_a_row_of_zeros_as_two_numbers():
    assert "四、结转下年度继续办理 0 0\n" in crawled() and "二、上年结转政府信息公开申请数量 0 0\n" in crawled()


def test_a_perfect_answer_proves_the_printed_cells_and_leaves_the_zero_rows_cells_zero_or_blank(server, tmp_path):
    record = run(server, tmp_path, answer_for(VALUES))
    prov = record["provenance"]
    zero_row = [f"applications.{row}.{c}" for row in ("carried_over", "carried_forward") for c in COLS]
    for p in zero_row:
        assert prov[p]["status"] == "unverified", p          # 0 or blank: the text does not say which
    assert "DERIVE.ZERO_OR_BLANK" in prov["applications.carried_forward.total"]["rules"]
    printed = [p for p, v in VALUES.items() if p.startswith("applications.") and v and p not in zero_row]
    assert printed and all(prov[p]["status"] == "proven" for p in printed), \
        [p for p in printed if prov[p]["status"] != "proven"]
    assert record["applications"]["granted"]["natural_person"] == 5
    for p, v in VALUES.items():          # nothing settled is other than the report's
        if p.startswith("applications.") and prov[p]["status"] in ("proven", "derived", "resolved"):
            table, row, col = p.split(".")
            assert record[table][row][col] == v, p


def test_a_model_putting_a_number_in_the_rows_of_zeros_is_never_settled(server, tmp_path):
    # one more carried over and carried forward: every identity holds, but the text prints no 1 in either row
    wrong = answer_for(VALUES, applications__carried_forward__natural_person=1,
                       applications__carried_forward__total=1, applications__carried_over__natural_person=1,
                       applications__carried_over__total=1)
    prov = run(server, tmp_path, wrong)["provenance"]
    for row in ("carried_forward", "carried_over"):
        for c in ("natural_person", "total"):
            assert prov[f"applications.{row}.{c}"]["status"] not in ("proven", "derived", "resolved"), (row, c)


def test_only_a_row_printing_a_zero_for_each_of_the_models_non_blank_cells_is_zero_or_blank():
    from verify.grounding import ground
    lines = ["三、收到和处理政府信息公开申请情况", "二、上年结转政府信息公开申请数量 0 0",
             "（一）予以公开 0 0 0 0 0 0", "（二）部分公开 0 — — — — — 0", "四、政府信息公开行政复议、行政诉讼情况"]
    row = {"carried_over": [0, None, None, None, None, None, 0],     # two zeros printed for two: 0 or blank
           "granted": [0, 0, 0, 0, 0, 0, 0],                        # six printed for seven: a cell lost, not a blank
           "partially_granted": [0, None, None, None, None, None, 0]}  # blanks marked: found where they stand
    values = {f"applications.{r}.{c}": v for r, cells in row.items() for c, v in zip(COLS, cells)}
    g = ground(values, lines)
    assert g["applications.carried_over.natural_person"].zero_or_blank
    assert not g["applications.carried_over.natural_person"].grounded
    assert not any(g[f"applications.granted.{c}"].zero_or_blank for c in COLS)
    assert g["applications.partially_granted.total"].grounded
    assert not g["applications.partially_granted.total"].zero_or_blank


def test_a_row_one_cell_off_with_blanks_printed_as_nothing_places_none_of_its_zeros():
    """（七）总计 of a row printing 0 0 0 2 2 for | | | 0 | 0 | 0 | 2 | 2 |: a model one column off (0 | | | 0 | 0 | 0 |
    2) slips in one cell, its other numbers standing; but where the blanks are the text does not say, so its zeros
    are not found where it puts them (its 0 for 自然人, a blank in the report, was proven)."""
    from verify.cellmatch import EXACT, match_cells
    status, per_cell = match_cells("0 0 0 2 2", [0, None, None, 0, 0, 0, 2])
    assert status == EXACT and per_cell == [False, True, True, False, False, False, True]
