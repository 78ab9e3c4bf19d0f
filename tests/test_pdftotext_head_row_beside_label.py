"""Plain ``pdftotext`` of a Word table whose first row's cells stand among the column headers right after its
label (一、本年新收… / 申请人情况 / 自然人 / … 57 / 0 / 0 / 社会公 / 益组织 / 0 …): the region reader reads that row beside
its label, the head-cells reader leaves it to the identities and reads the rest in the form's order. Their readings
agree where both read a cell: the table is read, the first row kept as the region reader read it (plain6 look seed
1, p6s1_023: 168 cells were left unread)."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

from tests.test_pdftotext_head_bands import _COLS, _ROWS

#: the labels as the tool prints them in narrow cells, a page break inside （五）1.'s (p6s1_023)
_PAGE1 = ("二、上年结转政府信息公开 申请数量 三、本 （一）予以公开 年度办 （二）部分公开 理结果 （区分处理的，只 计这一情形，不计 "
          "其他情形） （三） 1.属于 不予公 国家秘 开 密 2.其他 法律行 政法规 禁止公 开 3.危 及“三安 全一稳 定” 4.保护 第三方 合法权 "
          "益 5.属于 三类内 部事务 信息 6.属于 四类过 程性信 息 7.属于 行政执 法案卷 8.属于 行政查 询事项 （四） 1.本机 无法提 "
          "关不掌 供 握相关 政府信 息 2.没有 现成信 息需要 另行制 作 3.补正 后申请 内容仍 不明确 （五） 1.信访 不予处 举报投 理 "
          "诉类申").split()
_PAGE2 = ("请 2.重复 申请 3.要求 提供公 开出版 物 4.无正 当理由 大量反 复申请 5.要求 行政机 关确认 或重新 出具已 获取信 息 （六） "
          "1.申请 其他处 人无正 理 当理由 逾期不 补正、 行政机 关不再 处理其 政府信 息公开 申请 2.申请 人逾期 未按收 费通知 要求缴 "
          "纳费 用、行 政机关 不再处 理其政 府信息 公开申 请 3.其他 （七）总计 四、结转下年度继续办理").split()

_TABLE = {"new_received": [57, 0, 0, 0, 51, 0, 108], "carried_over": [0, 0, 0, 0, 0, 1, 1],
          "granted": [6, 0, 0, 0, 1, 0, 7], "partially_granted": [4, 0, 0, 0, 50, 0, 54],
          "rejected_duplicate": [46, 0, 0, 0, 0, 0, 46], "total_processed": [56, 0, 0, 0, 51, 0, 107],
          "carried_forward": [1, 0, 0, 0, 0, 1, 2]}


def _text() -> str:
    rows = [_TABLE.get(key, [0] * 7) for key in _ROWS]
    head = ["一、本年新收政府信息公开", "申请数量", "申请人情况", "自然人", "法人或其他组织", "商业企", "科研机", "业", "构",
            "57", "0", "0", "社会公", "益组织", "0", "法律服", "务机构", "51", "其他", "0", "总计", "108"]
    band = [str(rows[r][c]) for c in range(7) for r in (2, 3)]          # （一）（二） column by column
    last = [str(rows[r][c]) for c in range(7) for r in (22, 23, 24)]    # 3.其他, 总计, 四、 column by column
    page1 = [str(v) for v in rows[1]] + band + [str(v) for row in rows[4:16] for v in row]       # 二、 … （五）1.
    page2 = [str(v) for row in rows[16:22] for v in row] + last
    lines = ["某县卫生健康委员会2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：", "第一项加第二项之和，等于", "第三项加第四项之和）"] + head \
        + _PAGE1 + page1 + ["\f" + _PAGE2[0]] + _PAGE2[1:] + page2 \
        + ["四、政府信息公开行政复议、行政诉讼情况"]
    return "\n".join(lines)


def test_the_first_row_read_beside_its_label_and_the_rest_in_the_form_s_order() -> None:
    record = process_document(Document.from_text(_text(), doc_id="head-row-beside-label"))
    got = record.report.values()
    for key in _ROWS:
        assert [got[f"applications.{key}.{c}"] for c in _COLS] == _TABLE.get(key, [0] * 7), key
