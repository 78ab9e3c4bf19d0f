"""The 2021 form (国办公开办函〔2021〕30号), used by the reports for 2021 and later.

Patterns match *label keys*: the label NFKC-normalised, without spaces or quotes
(see ``llm_extract.extract.layout.label_key``), item numbers kept. They tolerate
full/half-width brackets, 规范性文件 vs 行政规范性文件, 总计 / 合计 / OCR'd 总记, and
known typos (其他法律行政止公开), and any one character misprinted in a 表三 label's words of six
characters or more (:func:`_one_typo`).
"""

from __future__ import annotations

import re

from .spec import Column, Form, Identity, Table2Row, Table3Row, Table4Group

__all__ = ["FORM"]

_STOCK = (Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"), Column("in_force", "现行有效件数"))
_DECISIONS = (Column("", "本年处理决定数量"),)

TABLE2 = (
    Table2Row("active_disclosure.regulations", "规章", re.compile(r"^规章$|^规章[^制]"), _STOCK, "第二十条第（一）项"),
    Table2Row("active_disclosure.normative_documents", "行政规范性文件",
              re.compile(r"规范性文件$|^(?:行政)?规范性文件"), _STOCK, "第二十条第（一）项"),
    Table2Row("active_disclosure.licensing", "行政许可", re.compile(r"^行政许可$|^行政许可"), _DECISIONS,
              "第二十条第（五）项"),
    Table2Row("active_disclosure.punishment", "行政处罚", re.compile(r"^行政[处外]罚"), _DECISIONS, "第二十条第（六）项"),
    Table2Row("active_disclosure.enforcement", "行政强制", re.compile(r"^行政强制"), _DECISIONS, "第二十条第（六）项"),
    Table2Row("active_disclosure.fees_10k_yuan", "行政事业性收费", re.compile(r"^行政事业性收费|^事业性收费"),
              (Column("", "本年收费金额（单位：万元）"),), "第二十条第（八）项"),
)

TABLE3_COLUMNS = (
    Column("natural_person", "自然人"), Column("commercial", "商业企业", ("企业",)),
    Column("research", "科研机构", ("科研院所", "科研单位")), Column("social_org", "社会公益组织", ("公益组织", "社会组织")),
    Column("legal_service", "法律服务机构", ("律师事务所",)), Column("other_org", "其他"),
    Column("total", "总计"),
)


#: a label's words from this many characters on are matched with any one of them misprinted too
_TYPO_MIN = 6
_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)+")


def _one_typo(label: str) -> str:
    """The label's words (no item number, no bracketed note) with any one character misprinted, as
    alternatives: 属于三类内部事物信息 and 本机关不掌控相关政府信息 are still their rows. Words shorter than
    ``_TYPO_MIN`` (four or five characters) only as the whole label after an item number, the first character
    right: ``2.重夏申请`` and ``（一）予已公开`` are their rows, but 重复申请 with its first character wrong is
    反复申请, the tail of 4.无正当理由大量反复申请."""
    words = _ITEM.sub("", label).split("（")[0].replace("“", "").replace("”", "")
    if len(words) < _SHORT_MIN:
        return ""
    start = 0 if len(words) >= _TYPO_MIN else 1
    alternatives = "|".join(re.escape(words[:i]) + "." + re.escape(words[i + 1:]) for i in range(start, len(words)))
    return "|" + alternatives if start == 0 else f"|{_NUMBERED}(?:{alternatives})$"


#: the shortest words given a misprint, and the item number before a short label's misprint (keys are
#: half-width: ``(一)``, ``2.``)
_SHORT_MIN = 4
_NUMBERED = r"^\(?[一二三四五六七八九十\d]{1,2}\)?[.、]?"


def _row(key: str, group: str, label: str, pattern: str, *words: str) -> Table3Row:
    return Table3Row(key, label, group, re.compile(pattern + _one_typo(label)), words)


TABLE3_ROWS = (
    _row("new_received", "", "一、本年新收政府信息公开申请数量", r"本年新收|新收.{0,6}申请|本年度?收到|^一[、.]?本年.{0,8}申请数量", "本年新收"),
    _row("carried_over", "", "二、上年结转政府信息公开申请数量", r"上年结转|上年度?结转", "上年结转"),
    _row("granted", "三、本年度办理结果", "（一）予以公开", r"予以公开", "予以公开"),
    _row("partially_granted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", r"部分公开|区分处理|只计这一情形", "部分公开"),
    _row("denied_state_secret", "（三）不予公开", "1.属于国家秘密", r"国家秘密", "国家秘密"),
    _row("denied_prohibited_by_law", "", "2.其他法律行政法规禁止公开", r"其他法律|行政法规|禁止公开|止公开",
         "禁止公开", "其他法律"),
    _row("denied_security_stability", "", "3.危及“三安全一稳定”", r"三安全|一稳定|危及", "三安全", "一稳定"),
    _row("denied_third_party", "", "4.保护第三方合法权益", r"第三方", "第三方"),
    _row("denied_internal_affairs", "", "5.属于三类内部事务信息", r"内部事务|三类.{0,2}事务信息", "内部事务"),
    _row("denied_process_info", "", "6.属于四类过程性信息", r"过程性", "过程性"),
    _row("denied_enforcement_file", "", "7.属于行政执法案卷", r"执法案卷|案卷", "执法案卷"),
    _row("denied_query_matter", "", "8.属于行政查询事项", r"查询事项|^8[.、]?属于行政事项", "查询事项"),
    _row("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息", r"不掌握|本机关不掌|掌握相关", "不掌握"),
    _row("unavailable_needs_creation", "", "2.没有现成信息需要另行制作", r"现成信息|另行制作", "另行制作", "现成信息"),
    _row("unavailable_unclear", "", "3.补正后申请内容仍不明确", r"仍不明确|补正后", "仍不明确"),
    _row("rejected_petition", "（五）不予处理", "1.信访举报投诉类申请", r"信访|举报投诉", "信访", "举报投诉"),
    _row("rejected_duplicate", "", "2.重复申请", r"重复申请", "重复申请"),
    _row("rejected_publication", "", "3.要求提供公开出版物", r"出版物", "出版物"),
    _row("rejected_excessive", "", "4.无正当理由大量反复申请", r"大量反复|反复申请", "大量反复"),
    _row("rejected_reconfirm", "", "5.要求行政机关确认或重新出具已获取信息", r"重新出具|确认或|已获取信息",
         "重新出具", "已获取信息"),
    _row("other_no_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         r"不补正|逾期不补|理由逾期", "不补正"),
    _row("other_unpaid_fee", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
         r"缴纳费用|收费通知|未按收费", "缴纳费用", "收费通知"),
    _row("other_other", "", "3.其他", r"^(?:\(?六\)?其他处理)?(?:3[.、]?)?其他$|^3[.、]?其他"),
    _row("total_processed", "", "（七）总计", r"^(?:\(?七\)?)?(?:总计|总记|合计|总汁)|^\(七\)"),
    _row("carried_forward", "", "四、结转下年度继续办理", r"结转下年|转下年度|继续办理", "结转下年"),
)

TABLE3_OUTCOME_ROWS = tuple(r.key for r in TABLE3_ROWS[2:23])

TABLE4_GROUPS = (
    Table4Group("administrative_review", "行政复议"),
    Table4Group("litigation_direct", "行政诉讼·未经复议直接起诉"),
    Table4Group("litigation_after_review", "行政诉讼·复议后起诉"),
)
TABLE4_COLUMNS = (
    Column("upheld", "结果维持"), Column("corrected", "结果纠正"), Column("other", "其他结果"),
    Column("pending", "尚未审结"), Column("total", "总计"),
)

_SIX = tuple(c.key for c in TABLE3_COLUMNS[:6])
IDENTITIES = (
    Identity("T3.ROW_SUM", "row", ("total",), _SIX,
             "表三每一行：总计 = 六类申请人之和", "表三, every row: total = the six applicant columns"),
    Identity("T3.COLUMN_SUM", "column", ("total_processed",), TABLE3_OUTCOME_ROWS,
             "表三每一列：（七）总计 = 21 个办理结果行之和", "表三, every column: total_processed = the 21 outcome rows"),
    Identity("T3.BALANCE", "column", ("new_received", "carried_over"), ("total_processed", "carried_forward"),
             "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
             "表三, every column: new_received + carried_over = total_processed + carried_forward"),
    Identity("T4.GROUP_SUM", "group", ("total",), ("upheld", "corrected", "other", "pending"),
             "表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
             "表四, every group: total = upheld + corrected + other + pending"),
)

#: (a section heading of its own, numbered, may drift further: 二、主动公开情况, 二、主动公开, 三、依申请公开政府信息情况;
#: behind markdown's emphasis too: __二、主动公开情况__)
_SECTION = r"^[\W_]*[一二三四五六七八九十]+\s*[、.．]\s*"
HEADINGS = {
    "表二": re.compile(rf"主动公开政府信息情况|主动公开政府信息|{_SECTION}主动公开(?:工作)?(?:情况|\s*$)"),
    "表三": re.compile(r"收到和处理政府信息公开申请|收到和处理政府信息公开|处理政府信息公开申请情况"
                      rf"|{_SECTION}依申请公开(?:政府信息)?(?:工作)?(?:的)?情况"),
    "表四": re.compile(r"(?:行政法?复议|复议).{0,12}(?:行政诉讼|诉讼)"),
}
#: the headings as the form prints them (an OCR'd heading is matched against these: extract/ocr_headings.py)
HEADING_TEXTS = {
    "表二": "主动公开政府信息情况",
    "表三": "收到和处理政府信息公开申请情况",
    "表四": "政府信息公开行政复议、行政诉讼情况",
}

FORM = Form(
    name="2021",
    document="国办公开办函〔2021〕30号",
    table2=TABLE2,
    table3_columns=TABLE3_COLUMNS,
    table3_rows=TABLE3_ROWS,
    table3_outcome_rows=TABLE3_OUTCOME_ROWS,
    table4_groups=TABLE4_GROUPS,
    table4_columns=TABLE4_COLUMNS,
    identities=IDENTITIES,
    headings=HEADINGS,
    heading_texts=HEADING_TEXTS,
    table3_header=("申请人情况", "法人或其他组织", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
)
