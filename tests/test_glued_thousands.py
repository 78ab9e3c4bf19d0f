"""A crawler's glued row whose numbers kept their thousands separators (``数量3,4281428992533,732``) is a glued run.

Its commas are its numbers' own, never a CSV row's separators (``数量3`` is no label's field: a label ends in its
words); and they tell part of where the cells part: a number's groups of three follow its commas, and in a row so
printed a number under a thousand has three digits at most. The cuts the print allows that add up are offered to the
table's identities like any glued run's; what they pin is derived (and queued), never proven from the text alone.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.glued import row_holds
from llm_extract.extract.separatedruns import separated_cuts, separated_run
from llm_extract.ingest import load_bytes
from llm_extract.ingest.csv_rows import unfold_csv_rows
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from llm_extract.synth.render import TABLE3_ROW_LABELS

RUNS = {"new_received": "3,4281428992533,732",          # 3,428 142 8 9 92 53 3,732
        "carried_over": "21280020222",                  # 212 8 0 0 2 0 222
        "granted": "1,943774545362,110",                # 1,943 77 4 5 45 36 2,110
        "total_processed": "1,943774545362,110",
        "carried_forward": "1,697734449171,844"}        # 1,697 73 4 4 49 17 1,844
VALUES = {"new_received": [3428, 142, 8, 9, 92, 53, 3732], "carried_over": [212, 8, 0, 0, 2, 0, 222],
          "granted": [1943, 77, 4, 5, 45, 36, 2110], "total_processed": [1943, 77, 4, 5, 45, 36, 2110],
          "carried_forward": [1697, 73, 4, 4, 49, 17, 1844]}


def _crawler_report() -> str:
    lines = ["某县人民政府办公室2023年度政府信息公开工作报告", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况",
             "自然人法人或其他组织总计", "商业企业科研机构社会公益组织法律服务机构其他"]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        lines.append(group + label + RUNS.get(row, "0000000"))
    return "\n".join(lines + ["", "五、存在的主要问题及改进情况", "无。"])


def test_a_label_with_a_separated_number_glued_on_is_no_csv_row() -> None:
    line = "一、本年新收政府信息公开申请数量3,4281428992533,732"
    assert unfold_csv_rows(f"{line}\n（七）总计3,5051428990533,807") == f"{line}\n（七）总计3,5051428990533,807"
    # a CSV row is still one: its label a field of its own
    assert unfold_csv_rows("一、本年新收政府信息公开申请数量,257,17,3,0,7,6,290\n二、上年结转政府信息公开申请数量,1,0,0,0,0,0,1") \
        .split("\n")[0] == "一、本年新收政府信息公开申请数量\t257\t17\t3\t0\t7\t6\t290"


def test_the_commas_part_the_run_as_the_row_prints_its_numbers() -> None:
    assert separated_run("一、本年新收政府信息公开申请数量3,4281428992533,732") == \
        ("一、本年新收政府信息公开申请数量", "3,4281428992533,732")
    assert separated_run("一、本年新收政府信息公开申请数量3,42") is None        # no group of three after the comma
    # two cuts add up (9 92 or 99 2): the identities of the table choose
    assert sorted(separated_cuts("3,4281428992533,732", 7, row_holds) or []) == \
        [[3428, 142, 8, 9, 92, 53, 3732], [3428, 142, 8, 99, 2, 53, 3732]]
    # without the sum, still never a number of four digits printed without its comma, nor a comma at a cut
    for option in separated_cuts("3,4281428992533,732", 7, lambda _: True) or []:
        assert option[0] == 3428 and all(v < 1000 for v in option[1:6]) and option[6] % 1000 == 732


def test_a_crawler_row_printed_with_thousands_separators_is_derived_from_its_cuts() -> None:
    text = _crawler_report()
    record = process_document(load_bytes(text.encode(), doc_id="thousands", path="thousands.txt", suffix=".txt"))
    for row, values in VALUES.items():
        for column, value in zip(APPLICANT_COLUMNS, values):
            path = f"applications.{row}.{column}"
            assert record.report.get(path) == value, path
            assert record.provenance[path].status in (Status.PROVEN, Status.DERIVED), path
