"""The 2019/2020 form (国办公开办函〔2019〕60号), used by the reports for 2019 and 2020: not read, recognised.

Its 表三 and 表四 are the 2021 form's, but its 表二 is another table: 规章 / 规范性文件 with 本年新制作数量 /
本年新公开数量 / 对外公开总数量, the decisions' rows (行政许可 / 行政处罚 / 行政强制) with 上一年项目数量 / 本年增/减 /
处理决定数量, and the rows 其他对外管理服务事项 and 政府集中采购 (采购项目数量 / 采购总金额). Read by the 2021 form's
rows its numbers would be proven under keys they do not mean, so a report of this form is refused by name
(``llm_extract.extract.oldform`` finds these marks).
"""

from __future__ import annotations

from .spec import FormMarks

__all__ = ["FORM_2019"]

FORM_2019 = FormMarks(
    name="2019",
    document="国办公开办函〔2019〕60号",
    # none of them is printed by the 2021 form (its 本年处理决定数量 holds 处理决定数量: that one marks nothing)
    words=("本年新制作数量", "本年新公开数量", "对外公开总数量", "其他对外管理服务事项", "政府集中采购",
           "采购项目数量", "采购总金额", "上一年项目数量"),
    row_names=("其他对外管理服务事项", "政府集中采购"),
    # the decisions' 本年增/减 column, as printed (本年增减, 本年增（减）)
    change_column=r"本年增[/／]?[(（]?减",
    # the 2021 form's one-cell rows it prints with three cells: 上一年项目数量, 本年增/减 (signed), 处理决定数量
    three_cell_rows=("active_disclosure.licensing", "active_disclosure.punishment", "active_disclosure.enforcement"),
)
